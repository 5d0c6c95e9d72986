import { formatBytes, IMAGE_MAX_BYTES } from '../../../../electron/shared/format'

/** Turns a pasted or dropped image into PNG bytes (base64), or throws a message for the user. */
export async function imageToPngBase64(file: Blob & { name?: string }): Promise<string> {
  const name = file.name ? `“${file.name}”` : 'That file'
  if (!file.type.startsWith('image/')) {
    throw new Error(
      `${name} is not an image, so it was not added. Drop or paste a screenshot (PNG, JPEG, GIF or WebP); put other files somewhere shared and add a link.`,
    )
  }
  if (file.size > IMAGE_MAX_BYTES) {
    throw new Error(`${name} is ${formatBytes(file.size)}; images are limited to 20 MB.`)
  }
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file)
  } catch {
    throw new Error(
      `${name} could not be read as an image (it may be damaged or cut off), so it was not added. Take the screenshot again.`,
    )
  }
  const canvas = document.createElement('canvas')
  canvas.width = bitmap.width
  canvas.height = bitmap.height
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0)
  bitmap.close()
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
  if (!png) throw new Error(`${name} could not be converted to PNG.`)
  if (png.size > IMAGE_MAX_BYTES) {
    throw new Error(
      `${name} is ${formatBytes(png.size)} as PNG; images are limited to 20 MB. Crop it first.`,
    )
  }
  return toBase64(new Uint8Array(await png.arrayBuffer()))
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // In slices: String.fromCharCode with millions of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}
