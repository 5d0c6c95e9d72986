import { crc32, inflateSync } from 'node:zlib'
import { UserError } from '../domain/incident/errors'

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
/** Channels per pixel by PNG colour type (grey, RGB, palette, grey+alpha, RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }
/** Adam7's seven passes: x and y start, x and y step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

interface Header {
  width: number
  height: number
  bitDepth: number
  colorType: number
  interlaced: boolean
}

const corrupt = (why: string) =>
  new UserError(
    'corrupt-image',
    `That image is damaged (${why}) and was not saved. Take the screenshot again or save it as a PNG file and drop that.`,
  )

/**
 * Checks that bytes are a whole PNG before they are stored: the signature, every chunk's length
 * and CRC, IHDR first and IEND last, and the image data itself: it must inflate to exactly the
 * rows the header announces, each starting with a known filter. Returns the image's size.
 */
export function checkPng(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new UserError('not-png', 'That is not a PNG image; only images can go on the timeline.')
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 8
  let header: Header | undefined
  const data: Uint8Array[] = []
  for (;;) {
    if (offset + 12 > bytes.length) throw corrupt('it ends early')
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8))
    const end = offset + 8 + length
    if (end + 4 > bytes.length) throw corrupt('it ends early')
    if (crc32(bytes.subarray(offset + 4, end)) !== view.getUint32(end)) {
      throw corrupt(`bad ${type} checksum`)
    }
    if (!header && type !== 'IHDR') throw corrupt('no header')
    if (type === 'IHDR') header = readHeader(view, offset + 8)
    if (type === 'IDAT') data.push(bytes.subarray(offset + 8, end))
    offset = end + 4
    if (type === 'IEND') break
  }
  if (!data.length || !header) throw corrupt('no pixel data')
  checkPixels(header, Buffer.concat(data))
  return { width: header.width, height: header.height }
}

function readHeader(view: DataView, at: number): Header {
  const header = {
    width: view.getUint32(at),
    height: view.getUint32(at + 4),
    bitDepth: view.getUint8(at + 8),
    colorType: view.getUint8(at + 9),
    interlaced: view.getUint8(at + 12) === 1,
  }
  if (!header.width || !header.height) throw corrupt('zero size')
  if (!CHANNELS[header.colorType] || ![1, 2, 4, 8, 16].includes(header.bitDepth)) {
    throw corrupt('unknown pixel format')
  }
  return header
}

/** The image data inflates to every row the header announces, no more, each row filtered 0–4. */
function checkPixels(header: Header, zlibData: Buffer): void {
  const rows = rowSizes(header)
  const expected = rows.reduce((sum, r) => sum + r, 0)
  let pixels: Buffer
  try {
    // One byte more than the image needs: a larger stream is refused before it is inflated whole.
    pixels = inflateSync(zlibData, { maxOutputLength: expected + 1 })
  } catch (err) {
    const tooBig = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
    throw corrupt(tooBig ? 'its image data has the wrong size' : 'its image data does not unpack')
  }
  if (pixels.length !== expected) throw corrupt('its image data has the wrong size')
  let at = 0
  for (const size of rows) {
    if (pixels[at]! > 4) throw corrupt('unknown row filter')
    at += size
  }
}

/** The byte length of every row (filter byte included), pass by pass when interlaced. */
function rowSizes({ width, height, bitDepth, colorType, interlaced }: Header): number[] {
  const bits = bitDepth * CHANNELS[colorType]!
  const row = (w: number) => 1 + Math.ceil((w * bits) / 8)
  if (!interlaced) return Array<number>(height).fill(row(width))
  return ADAM7.flatMap(([x0, y0, dx, dy]) => {
    const w = Math.ceil((width - x0) / dx)
    const h = Math.ceil((height - y0) / dy)
    return w > 0 && h > 0 ? Array<number>(h).fill(row(w)) : []
  })
}
