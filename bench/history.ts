/// <reference lib="dom" />
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { IncidentEvent } from '../electron/domain/events'
import { EVENT_SCHEMA_VERSION } from '../electron/domain/event-schemas'
import { chromium } from '@playwright/test'
import { tempDir } from '../electron/testing/fixtures'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser'
import { launchApp } from '../e2e/harness'
import { progress, type Figure, type Sizes } from './stats'

const NOTES = 20
const START = Date.parse('2025-06-02T09:00:00Z')
const LEADS = ['Ali', 'Dana', 'Mia', 'Sam']
const WORDS = ['redis', 'elasticsearch', 'cdn', 'oauth', 'thumbnail', 'postgres', 'dns']

/**
 * Incidents 13 hours apart, written straight into their logs in the app's format: varied
 * severity, lead and status (two in three resolved), 20 notes each with searchable words.
 */
function seed(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const id = `2025-bench-${String(i).padStart(4, '0')}`
    const t = START + i * 13 * 3_600_000
    const at = (minutes: number) => new Date(t + minutes * 60_000).toISOString()
    let seq = 0
    const base = (minutes: number) => ({
      id: `${id}-${seq + 1}`,
      incidentId: id,
      seq: ++seq,
      at: at(minutes),
      by: 'Bench',
    })
    const word = WORDS[i % WORDS.length]!
    const events: IncidentEvent[] = [
      {
        ...base(0),
        type: 'incident.recorded',
        title: `Incident ${i}: ${word} errors on /v1/images`,
        observed: 'Users see errors.',
        severity: 1 + (Math.floor(i / 2) % 3),
        scale: 'openverse',
        detection: 'alert',
        area: 'API',
        status: 'pending',
      },
      { ...base(1), type: 'lead.set', lead: LEADS[i % LEADS.length]!, source: 'free' },
      ...Array.from({ length: NOTES }, (_, j): IncidentEvent => {
        const b = base(2 + j)
        return {
          ...b,
          type: 'entry.added',
          entryId: b.id,
          occurredAt: b.at,
          verified: true,
          content: {
            kind: 'note',
            text: `check ${j}: ${word} p95 ${400 + j} ms, host db-${i % 9}`,
          },
        }
      }),
    ]
    if (i % 3 !== 0) {
      events.push(
        {
          ...base(40),
          type: 'status.changed',
          from: 'pending',
          to: 'stabilized',
          summary: 'Rolled back',
        },
        { ...base(70), type: 'status.changed', from: 'stabilized', to: 'investigating' },
        {
          ...base(200),
          type: 'status.changed',
          from: 'investigating',
          to: 'resolved',
          summary: 'Fixed',
        },
      )
    }
    mkdirSync(join(dir, 'incidents', id, 'attachments'), { recursive: true })
    // Set-up, not measured: no fsync per log (5,000 of them were most of this section's time).
    writeFileSync(
      join(dir, 'incidents', id, 'events.jsonl'),
      events.map((e) => JSON.stringify({ ...e, v: EVENT_SCHEMA_VERSION }) + '\n').join(''),
    )
  }
}

/** Sets a control's value as a user would and waits until the count is updated and painted. */
async function change(
  page: import('@playwright/test').Page,
  label: string,
  value: string,
): Promise<{ ms: number; count: string }> {
  return page.evaluate(
    async ([label, value]) => {
      const control = [...document.querySelectorAll('.history-filters label')]
        .find((l) => l.querySelector('.label')?.textContent === label)
        ?.querySelector('input, select') as HTMLInputElement | HTMLSelectElement | null
      const status = document.querySelector('.history-count')
      if (!control || !status) throw new Error(`no control ${label}`)
      const t0 = performance.now()
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(control), 'value')!.set!
      setter.call(control, value)
      control.dispatchEvent(
        new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
      )
      // React renders a change at once; a search shows "Searching…" until the host answers.
      // Done at the first painted frame that shows the new list.
      do {
        await new Promise((resolve) => requestAnimationFrame(resolve))
      } while (status.textContent === 'Searching…')
      return { ms: performance.now() - t0, count: status.textContent ?? '' }
    },
    [label, value] as const,
  )
}

/** A cycle of real filter changes, each timed in the page from the change to the painted frame. */
const STEPS: [string, string][] = [
  ['Status', 'resolved'],
  ['Severity', '1'],
  ['Lead', 'Dana'],
  ['From', '2026-01-01'],
  ['To', '2026-06-30'],
  ['Search titles and timelines', 'redis'],
  ['Search titles and timelines', 'redis db-4'],
  ['Status', ''],
  ['Severity', ''],
  ['Lead', ''],
  ['From', ''],
  ['To', ''],
  ['Search titles and timelines', ''],
]

/** The history view over `count` incidents: the worst filter change of each cycle. */
async function worstChanges(
  browser: import('@playwright/test').Browser,
  count: number,
  runs: number,
): Promise<{ worst: number[]; slowest: string[] }> {
  const { dir, cleanup } = tempDir()
  seed(dir, count)
  const app = await launchApp({ dataDir: dir, now: new Date('2026-11-23T14:00:00Z'), browser })
  try {
    const { page } = app
    // tsx keeps function names with a __name helper that the page does not have.
    await page.evaluate('globalThis.__name = (fn) => fn')
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'History' })
      .click()
    await page.locator('.history-row').first().waitFor()
    // The first search builds search-index.json once; not a filter change.
    await change(page, 'Search titles and timelines', 'postgres')
    await change(page, 'Search titles and timelines', '')
    const worst: number[] = []
    const slowest: string[] = []
    for (let round = 0; round < runs; round++) {
      const times: number[] = []
      for (const [label, value] of STEPS) times.push((await change(page, label, value)).ms)
      worst.push(Math.max(...times))
      const [label, value] = STEPS[times.indexOf(Math.max(...times))]!
      slowest.push(`${label} “${value}”`)
    }
    return { worst, slowest }
  } finally {
    await app.close()
    cleanup()
  }
}

/** History filter changes over 5,000 incidents, beside the same over 100, in Chromium. */
export async function benchHistory(s: Sizes): Promise<Figure[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    progress(`history over 100 and ${s.past} incidents`)
    const small = await worstChanges(browser, 100, s.runs)
    const big = await worstChanges(browser, s.past, s.runs)
    return [
      {
        figure: `history filter change, worst of a ${STEPS.length}-change cycle, ${s.past} incidents`,
        unit: 'ms',
        runs: big.worst,
        baseline: small.worst,
        note: `slowest change per run: ${big.slowest.join(', ')} (with 100: ${small.slowest.join(', ')})`,
        baselineLabel: 'the same with 100',
        maxRatio: 2,
      },
    ]
  } finally {
    await browser.close()
  }
}
