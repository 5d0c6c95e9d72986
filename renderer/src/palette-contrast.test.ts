import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** The colour variables of the first CSS block that starts at `selector`. */
function variables(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(selector)
  if (start === -1) throw new Error(`No block for ${selector}`)
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start))
  return Object.fromEntries(
    [...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [
      m[1]!,
      m[2]!.toLowerCase(),
    ]),
  )
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

const css = readFileSync(join(import.meta.dirname, 'styles.css'), 'utf8')
const themes = {
  light: variables(css, ':root {'),
  dark: variables(css, ":root:not([data-theme='light'])"),
}

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

  it('the manual dark theme repeats the system dark palette exactly', () => {
    expect(variables(css, ":root[data-theme='dark']")).toEqual(themes.dark)
  })
})
