import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { encodePng, pngChunk } from '../../scripts/png'
import { checkPng } from './png-check'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A PNG with a proper header and CRCs around whatever image data it is given. */
function withData(width: number, height: number, idat: Buffer, interlaced = false): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8
  header[9] = 6
  header[12] = interlaced ? 1 : 0
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

const rows = (width: number, height: number, filter = 0) =>
  Buffer.concat(
    Array.from({ length: height }, () =>
      Buffer.concat([Buffer.from([filter]), Buffer.alloc(width * 4, 7)]),
    ),
  )

describe('checkPng', () => {
  it('takes a whole PNG and gives its size', () => {
    const png = encodePng(3, 2, new Uint8Array(3 * 2 * 4).fill(200))
    expect(checkPng(png)).toEqual({ width: 3, height: 2 })
  })

  it('refuses image data that does not inflate, even with every checksum right', () => {
    const garbage = Buffer.from('not a zlib stream at all, but its CRC is right')
    expect(() => checkPng(withData(3, 2, garbage))).toThrow(/image data does not unpack/)
  })

  it('refuses image data that inflates to fewer or more rows than the header says', () => {
    expect(() => checkPng(withData(3, 2, deflateSync(rows(3, 1))))).toThrow(/wrong size/)
    expect(() => checkPng(withData(3, 2, deflateSync(rows(3, 3))))).toThrow(/wrong size/)
  })

  it('refuses a tiny stream that would unpack to far more than the image (a zip bomb)', () => {
    const bomb = deflateSync(Buffer.alloc(50_000_000))
    expect(bomb.length).toBeLessThan(100_000)
    expect(() => checkPng(withData(3, 2, bomb))).toThrow(/wrong size/)
  })

  it('refuses a row with an unknown filter', () => {
    expect(() => checkPng(withData(3, 2, deflateSync(rows(3, 2, 9))))).toThrow(/row filter/)
  })

  it('reads an interlaced image by its seven passes', () => {
    // 3×2 in Adam7: passes 1, 4 and 6 hold one pixel each, pass 7 the second row (3×1).
    const pass = (w: number) => Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 4)])
    const data = Buffer.concat([pass(1), pass(1), pass(1), pass(3)])
    expect(checkPng(withData(3, 2, deflateSync(data), true))).toEqual({ width: 3, height: 2 })
    expect(() => checkPng(withData(3, 2, deflateSync(rows(3, 2)), true))).toThrow(/wrong size/)
  })

  it('refuses a bad checksum and a file cut short', () => {
    const png = encodePng(3, 2, new Uint8Array(24))
    const flipped = Buffer.from(png)
    flipped[flipped.length - 20]! ^= 0xff
    expect(() => checkPng(flipped)).toThrow(/checksum/)
    expect(() => checkPng(png.subarray(0, png.length - 6))).toThrow(/ends early/)
  })
})
