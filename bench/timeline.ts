import { chromium, type Browser } from '@playwright/test'
import { join } from 'node:path'
import { ManualClock } from '../electron/services/clock'
import { appendEvents } from '../electron/store/event-log'
import { tempDir, testHost } from '../electron/testing/fixtures'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser'
import { launchApp, type App } from '../e2e/harness'
import { notes } from './append'
import { progress, type Figure, type Sizes } from './stats'

const START = Date.parse('2026-11-23T14:00:00Z')
const PAINT_TIMEOUT = 60_000

/** A data folder with one active incident of `entries` notes, written straight into its log. */
async function seedIncident(dir: string, entries: number): Promise<void> {
  const { host } = testHost(dir, new ManualClock(START))
  // A maintainer with a long incident has long passed the first-run setup: its dialog would
  // open over the timeline.
  await host.call('settings:update', { firstRun: { skipped: true } })
  const rec = await host.call('incident:record', {
    title: `Search is slow (${entries}-entry timeline)`,
    severity: 2,
    detection: 'alert',
    recorder: 'Bench',
  })
  if (!rec.ok) throw new Error(rec.error.message)
  host.close()
  const id = rec.value.id
  appendEvents(join(dir, 'incidents', id, 'events.jsonl'), notes(id, entries))
}

/**
 * First paint of the timeline after a reload, as the browser reports it (Element Timing API):
 * from navigation to the paint of its first rows, so the host sharing this process with
 * Playwright does not count.
 */
async function firstPaint(app: App): Promise<number> {
  await app.page.reload()
  await app.page.locator('.timeline-entry').first().waitFor({ timeout: PAINT_TIMEOUT })
  return app.page.evaluate(
    (timeout) =>
      new Promise<number>((resolve, reject) => {
        // Never wait for ever: a page whose rows carry no paint mark reports nothing.
        setTimeout(
          () => reject(new Error('no element timing entry for the timeline rows')),
          timeout,
        )
        new PerformanceObserver((list, observer) => {
          const times = list
            .getEntries()
            .map((e) => (e as PerformanceEntry & { renderTime: number }).renderTime)
          if (times.length) {
            observer.disconnect()
            resolve(Math.min(...times))
          }
        }).observe({ type: 'element', buffered: true })
      }),
    PAINT_TIMEOUT,
  )
}

async function open(browser: Browser, entries: number): Promise<{ app: App; cleanup(): void }> {
  const { dir, cleanup } = tempDir()
  await seedIncident(dir, entries)
  const app = await launchApp({
    dataDir: dir,
    now: new Date(START + (entries + 500) * 1_000),
    browser,
  })
  return { app, cleanup }
}

/** First paint of a 100,000-entry timeline beside that of a 10-entry one, reload by reload. */
export async function benchFirstPaint(s: Sizes): Promise<Figure[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const figure: Figure = {
    figure: `first paint of a ${s.bigEntries}-entry timeline`,
    unit: 'ms',
    runs: [],
    baseline: [],
    baselineLabel: 'a 10-entry one',
    maxRatio: 1.2,
  }
  try {
    progress(`first paint: 10 and ${s.bigEntries} entries`)
    const small = await open(browser, 10)
    const big = await open(browser, s.bigEntries)
    try {
      await firstPaint(small.app) // warm-up
      await firstPaint(big.app)
      for (let run = 0; run < s.shortRuns; run++) {
        figure.baseline!.push(await firstPaint(small.app))
        try {
          figure.runs.push(await firstPaint(big.app))
        } catch (err) {
          figure.runs.push(NaN)
          figure.note = `the ${s.bigEntries}-entry timeline did not paint within ${PAINT_TIMEOUT / 1000} s (${(err as Error).message.split('\n')[0]})`
        }
      }
    } finally {
      await small.app.close()
      await big.app.close()
      small.cleanup()
      big.cleanup()
    }
  } finally {
    await browser.close()
  }
  return [figure]
}
