import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Every CSS file of the renderer, by path. */
function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? cssFiles(join(dir, e.name))
      : e.name.endsWith('.css')
        ? [join(dir, e.name)]
        : [],
  )
}

/**
 * The palette's colours for one theme: each variable is `light-dark(<light>, <dark>)`, or one
 * colour for both themes.
 */
function palette(css: string, theme: 'light' | 'dark'): Record<string, string> {
  const pairs = [
    ...css.matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)\s*;/gi),
  ]
  const single = [...css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)]
  return Object.fromEntries([
    ...single.map((m) => [m[1]!, m[2]!.toLowerCase()]),
    ...pairs.map((m) => [m[1]!, (theme === 'light' ? m[2]! : m[3]!).toLowerCase()]),
  ])
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

const css = readFileSync(join(import.meta.dirname, 'styles', 'palette.css'), 'utf8')
const themes = { light: palette(css, 'light'), dark: palette(css, 'dark') }

/** Text colour on background: every pair the screens use for words (AA: 4.5:1). */
const TEXT_PAIRS: [string, string][] = [
  ['text', 'bg'],
  ['text', 'panel'],
  ['text', 'panel-2'],
  ['muted', 'bg'],
  ['muted', 'panel'],
  ['muted', 'panel-2'],
  ['accent-text', 'accent'],
  ['accent', 'panel'],
  ['sev1', 'sev1-bg'],
  ['sev2', 'sev2-bg'],
  ['sev3', 'sev3-bg'],
  ['sev4', 'sev4-bg'],
  ['text', 'warn-bg'],
  ['text', 'error-bg'],
  ['ok', 'panel'],
]

describe('palette contrast (WCAG AA)', () => {
  it('computes ratios like the WCAG formula', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  for (const [name, palette] of Object.entries(themes)) {
    it(`${name}: text pairs reach 4.5:1 and focus rings 3:1`, () => {
      const failing = TEXT_PAIRS.filter(([fg, bg]) => {
        expect(palette[fg], `--${fg} in ${name}`).toBeDefined()
        expect(palette[bg], `--${bg} in ${name}`).toBeDefined()
        return contrast(palette[fg]!, palette[bg]!) < 4.5
      }).map(([fg, bg]) => `--${fg} on --${bg}: ${contrast(palette[fg]!, palette[bg]!).toFixed(2)}`)
      expect(failing).toEqual([])
      for (const bg of ['bg', 'panel']) {
        expect(contrast(palette.focus!, palette[bg]!)).toBeGreaterThanOrEqual(3)
      }
    })
  }

  it('writes each colour once: only palette.css declares the palette', () => {
    const names = Object.keys(themes.light)
    expect(names.length).toBeGreaterThanOrEqual(20)
    expect(Object.keys(themes.dark)).toEqual(names)
    const declared = cssFiles(import.meta.dirname).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/(--[\w-]+)\s*:/g)]
        .map((m) => m[1]!.slice(2))
        .filter((name) => names.includes(name))
        .map((name) => `${name} in ${file.slice(import.meta.dirname.length + 1)}`),
    )
    expect(declared.sort()).toEqual(names.map((name) => `${name} in styles/palette.css`).sort())
  })

  it('the manual theme picks a side with color-scheme, the system decides otherwise', () => {
    const scheme = (selector: string) =>
      css.match(
        new RegExp(`${selector.replace(/[[\]]/g, '\\$&')}\\s*\\{[^}]*color-scheme:\\s*([\\w ]+);`),
      )?.[1]
    expect(scheme(':root')).toBe('light dark')
    expect(scheme(":root[data-theme='light']")).toBe('light')
    expect(scheme(":root[data-theme='dark']")).toBe('dark')
  })
})
