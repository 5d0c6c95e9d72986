/**
 * Draws the tray icons (one per state, 1x and 2x, plus macOS template images) and the app icon
 * into assets/. Run `npx tsx scripts/make-icons.ts` after changing a shape; the PNGs are committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TrayState } from '../electron/domain/incident/tray-model'
import { encodePng } from './png'

type Rgb = [number, number, number]
/** Signed distance style shapes in a unit square (0..1); inside() returns coverage 0..1 at a point. */
type Shape = (x: number, y: number) => number

const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) <= r ? 1 : 0
const ring =
  (cx: number, cy: number, r: number, w: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy)
    return d <= r && d >= r - w ? 1 : 0
  }
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1 ? 1 : 0

interface Layer {
  shape: Shape
  color: Rgb
  /** Cut out of everything drawn before (for template images). */
  erase?: boolean
}

function render(size: number, layers: Layer[]): Buffer {
  const px = new Uint8Array(size * size * 4)
  const samples = 4
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size
          const v = (y + (sy + 0.5) / samples) / size
          let cr = 0
          let cg = 0
          let cb = 0
          let ca = 0
          for (const layer of layers) {
            if (!layer.shape(u, v)) continue
            if (layer.erase) {
              ca = 0
            } else {
              ;[cr, cg, cb] = layer.color
              ca = 1
            }
          }
          r += cr * ca
          g += cg * ca
          b += cb * ca
          a += ca
        }
      }
      const i = (y * size + x) * 4
      const n = samples * samples
      px[i] = a ? Math.round(r / a) : 0
      px[i + 1] = a ? Math.round(g / a) : 0
      px[i + 2] = a ? Math.round(b / a) : 0
      px[i + 3] = Math.round((a / n) * 255)
    }
  }
  return encodePng(size, size, px)
}

const GREY: Rgb = [120, 120, 115]
const BLUE: Rgb = [31, 95, 191]
const AMBER: Rgb = [214, 140, 0]
const RED: Rgb = [200, 35, 30]
const WHITE: Rgb = [255, 255, 255]
const BLACK: Rgb = [0, 0, 0]

/** Each state differs in shape too, not only colour: ring, dot, clock hands, exclamation mark. */
function trayLayers(state: TrayState, template: boolean): Layer[] {
  const fg = (c: Rgb): Rgb => (template ? BLACK : c)
  const cut = (shape: Shape): Layer =>
    template ? { shape, color: BLACK, erase: true } : { shape, color: WHITE }
  switch (state) {
    case 'idle':
      return [{ shape: ring(0.5, 0.5, 0.42, 0.12), color: fg(GREY) }]
    case 'active':
      return [
        { shape: ring(0.5, 0.5, 0.46, 0.1), color: fg(BLUE) },
        { shape: disc(0.5, 0.5, 0.24), color: fg(BLUE) },
      ]
    case 'due-soon':
      return [
        { shape: disc(0.5, 0.5, 0.47), color: fg(AMBER) },
        cut(rect(0.45, 0.2, 0.56, 0.56)),
        cut(rect(0.45, 0.46, 0.76, 0.56)),
      ]
    case 'overdue':
      return [
        { shape: disc(0.5, 0.5, 0.47), color: fg(RED) },
        cut(rect(0.43, 0.17, 0.57, 0.6)),
        cut(disc(0.5, 0.76, 0.085)),
      ]
  }
}

const out = join(import.meta.dirname, '..', 'assets')
mkdirSync(out, { recursive: true })
const states: TrayState[] = ['idle', 'active', 'due-soon', 'overdue']
for (const state of states) {
  for (const [suffix, size] of [
    ['', 16],
    ['@2x', 32],
  ] as const) {
    writeFileSync(join(out, `tray-${state}${suffix}.png`), render(size, trayLayers(state, false)))
    writeFileSync(
      join(out, `tray-${state}Template${suffix}.png`),
      render(size, trayLayers(state, true)),
    )
  }
}
// App icon: the "active" mark on a rounded tile.
const tile: Shape = (x, y) => {
  const r = 0.18
  const dx = Math.max(0.06 + r - x, 0, x - (0.94 - r))
  const dy = Math.max(0.06 + r - y, 0, y - (0.94 - r))
  return Math.hypot(dx, dy) <= r ? 1 : 0
}
writeFileSync(
  join(out, 'icon.png'),
  render(512, [
    { shape: tile, color: [246, 246, 244] },
    { shape: ring(0.5, 0.5, 0.32, 0.07), color: RED },
    { shape: disc(0.5, 0.5, 0.16), color: RED },
  ]),
)
console.log(`icons written to ${out}`)
