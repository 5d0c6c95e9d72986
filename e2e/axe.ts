import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/**
 * Runs axe (WCAG 2.x A and AA rules) on what the page shows now and fails with a readable list
 * of every serious or critical violation: rule, what it means, and the offending elements.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n'),
    )
  expect(serious, `axe on ${screen}`).toEqual([])
  // The scan must have looked at something: a blank page would pass every rule.
  expect(results.passes.length, `axe checked ${screen}`).toBeGreaterThan(5)
}
