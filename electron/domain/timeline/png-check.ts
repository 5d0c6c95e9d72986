import { UserError } from '../incident/errors'

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Uint8Array, from: number, to: number): number {
  let c = 0xffffffff
  for (let i = from; i < to; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

const corrupt = (why: string) =>
  new UserError(
    'corrupt-image',
    `That image is damaged (${why}) and was not saved. Take the screenshot again or save it as a PNG file and drop that.`,
  )

/**
 * Checks that bytes are a whole PNG before they are stored: the signature, every chunk's length
 * and CRC, IHDR first and IEND last. Returns the image's size.
 */
export function checkPng(bytes: Uint8Array): { width: number; height: number } {
  if (bytes.length < 8 || SIGNATURE.some((b, i) => bytes[i] !== b)) {
    throw new UserError('not-png', 'That is not a PNG image; only images can go on the timeline.')
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 8
  let size: { width: number; height: number } | undefined
  let sawData = false
  for (;;) {
    if (offset + 12 > bytes.length) throw corrupt('it ends early')
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8))
    const end = offset + 8 + length
    if (end + 4 > bytes.length) throw corrupt('it ends early')
    if (crc32(bytes, offset + 4, end) !== view.getUint32(end)) throw corrupt(`bad ${type} checksum`)
    if (!size && type !== 'IHDR') throw corrupt('no header')
    if (type === 'IHDR') {
      size = { width: view.getUint32(offset + 8), height: view.getUint32(offset + 12) }
      if (!size.width || !size.height) throw corrupt('zero size')
    }
    if (type === 'IDAT') sawData = true
    offset = end + 4
    if (type === 'IEND') break
  }
  if (!sawData || !size) throw corrupt('no pixel data')
  return size
}
