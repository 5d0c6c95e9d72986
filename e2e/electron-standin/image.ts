/** nativeImage over PNG bytes (https://www.electronjs.org/docs/latest/api/native-image). */
import { readFileSync } from 'node:fs'
import type * as Electron from 'electron'
import type { SameArgs } from './types'

export class StandinNativeImage {
  private template = false
  constructor(
    private readonly png: Buffer,
    /** Where it was read from: what the test sees as the tray icon. */
    readonly sourcePath = '',
  ) {}

  toPNG(): Buffer {
    return this.png
  }
  isEmpty(): boolean {
    return this.png.length === 0
  }
  /** Width and height from the PNG's IHDR chunk. */
  getSize(): Electron.Size {
    if (this.png.length < 24) return { width: 0, height: 0 }
    return { width: this.png.readUInt32BE(16), height: this.png.readUInt32BE(20) }
  }
  setTemplateImage(option: boolean): void {
    this.template = option
  }
  isTemplateImage(): boolean {
    return this.template
  }
  toDataURL(): string {
    return `data:image/png;base64,${this.png.toString('base64')}`
  }
}

export const NativeImage = StandinNativeImage

export const nativeImage = {
  // A missing or unreadable file gives an empty image, not an error (createFromPath's docs).
  createFromPath(path: string): StandinNativeImage {
    try {
      return new StandinNativeImage(readFileSync(path), path)
    } catch {
      return new StandinNativeImage(Buffer.alloc(0), path)
    }
  },
  createFromBuffer(buffer: Buffer): StandinNativeImage {
    return new StandinNativeImage(buffer)
  },
  createFromDataURL(dataURL: string): StandinNativeImage {
    return new StandinNativeImage(Buffer.from(dataURL.split(',')[1] ?? '', 'base64'))
  },
  createEmpty(): StandinNativeImage {
    return new StandinNativeImage(Buffer.alloc(0))
  },
} satisfies SameArgs<
  Pick<
    typeof Electron.nativeImage,
    'createFromPath' | 'createFromBuffer' | 'createFromDataURL' | 'createEmpty'
  >
>

StandinNativeImage satisfies new (
  png: Buffer,
) => SameArgs<
  Pick<
    Electron.NativeImage,
    'toPNG' | 'isEmpty' | 'getSize' | 'setTemplateImage' | 'isTemplateImage' | 'toDataURL'
  >
>
