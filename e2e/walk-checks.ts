import { expect, type Locator, type Page } from '@playwright/test'

/** Where each visible control under `scope` is now, keyed by its role and name. */
export async function controlPositions(
  scope: Locator,
): Promise<Map<string, { x: number; y: number }>> {
  const boxes = await scope.locator('button, select, input, textarea, summary').evaluateAll((els) =>
    els
      .map((el) => {
        const r = el.getBoundingClientRect()
        const name =
          el.getAttribute('aria-label') ??
          el.getAttribute('placeholder') ??
          (el.textContent ?? '').trim().slice(0, 40)
        return { key: `${el.tagName}:${name}`, x: r.x, y: r.y, w: r.width }
      })
      .filter((b) => b.w > 0),
  )
  return new Map(boxes.map((b) => [b.key, { x: b.x, y: b.y }]))
}

/**
 * Every control that was there before is still there, within a few pixels: nothing moved under
 * the pointer between two moments (typing, a draft saving, an entry added).
 */
export function expectNoShift(
  before: Map<string, { x: number; y: number }>,
  after: Map<string, { x: number; y: number }>,
  what: string,
  tolerance = 3,
): void {
  const moved: string[] = []
  for (const [key, at] of before) {
    const now = after.get(key)
    if (!now) continue
    const dx = Math.abs(now.x - at.x)
    const dy = Math.abs(now.y - at.y)
    if (dx > tolerance || dy > tolerance) moved.push(`${key} moved by ${dx}, ${dy}`)
  }
  expect(moved, `controls moved while ${what}`).toEqual([])
  // The comparison must have had something to compare.
  expect(before.size, `controls measured while ${what}`).toBeGreaterThan(2)
}

/**
 * No labelled control cuts its own text: a button, tab, summary or link whose text is wider
 * than its box, or a select too narrow for the option it shows ("Prev", "Cate").
 */
export async function expectNothingClipped(page: Page, screen: string): Promise<void> {
  const clipped = await page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
    }
    const out: string[] = []
    const texts = document.querySelectorAll(
      'button, [role=tab], summary, label, .badge, .status-step.current',
    )
    for (const el of texts) {
      if (!visible(el) || el.closest('.timeline-scroll')) continue
      const html = el as HTMLElement
      if (html.scrollWidth > html.clientWidth + 1) {
        out.push(
          `${el.tagName} “${(el.textContent ?? '').trim().slice(0, 50)}” ${html.scrollWidth} > ${html.clientWidth}`,
        )
      }
    }
    for (const select of document.querySelectorAll('select')) {
      if (!visible(select)) continue
      const style = getComputedStyle(select)
      canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      const text = select.selectedOptions[0]?.textContent ?? ''
      // The text, its padding and the arrow (about 20 px in Chromium) must fit.
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight)
      const needed = canvas.measureText(text).width + padding + 20
      if (needed > select.clientWidth) {
        out.push(`SELECT “${text}” needs ${Math.round(needed)} > ${select.clientWidth}`)
      }
    }
    return out
  })
  expect(clipped, `clipped text on ${screen}`).toEqual([])
}

/** The timeline keeps at least half the window's height. */
export async function expectTimelineHalf(page: Page, screen: string): Promise<void> {
  const height = (await page.getByRole('region', { name: 'Timeline' }).boundingBox())?.height ?? 0
  const window = page.viewportSize()!.height
  expect(height, `timeline height on ${screen} (window ${window})`).toBeGreaterThanOrEqual(
    window / 2,
  )
}
