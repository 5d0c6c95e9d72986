import { describe, expect, it } from 'vitest'
import { utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DataFolderInUse, LOCK_FILE } from '../store/data-lock'
import { tempDir } from '../testing/fixtures'
import { describeFailure, FAILURE_LINKS, failurePageHtml, whenHolderGone } from './startup-failure'

describe('the start-up failure page', () => {
  it('says what failed, where, and where the data folder is, with both actions', () => {
    const html = failurePageHtml(
      describeFailure('opening the incident logs', new Error('EACCES: permission denied'), '/d'),
    )
    expect(html).toContain('It failed while opening the incident logs:')
    expect(html).toContain('EACCES: permission denied')
    expect(html).toContain('<code>/d</code>')
    expect(html).toContain(`href="${FAILURE_LINKS.openFolder}">Open folder</a>`)
    expect(html).toContain(`href="${FAILURE_LINKS.quit}">Quit</a>`)
  })

  it('escapes what the error says, so a path or message cannot inject markup', () => {
    const html = failurePageHtml(describeFailure('x', '<img src=x onerror=alert(1)>', '/a&b'))
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('/a&amp;b')
  })

  it('offers Open anyway only once the data folder’s holder is provably gone', () => {
    const failure = describeFailure('opening the data folder', new Error('in use'), '/d')
    expect(failurePageHtml(failure)).not.toContain(FAILURE_LINKS.openAnyway)
    const gone = failurePageHtml({ ...failure, holderGone: 'process 4242 has ended' })
    expect(gone).toContain('is gone now (process 4242 has ended)')
    expect(gone).toContain(`href="${FAILURE_LINKS.openAnyway}">Open anyway</a>`)
  })

  it('looks again when the holder’s lock would go stale, and only then says it is gone', () => {
    const { dir, cleanup } = tempDir()
    try {
      const touched = Date.parse('2026-11-23T14:00:00Z')
      writeFileSync(
        join(dir, LOCK_FILE),
        JSON.stringify({ pid: 4242, host: 'elsewhere', since: 'x', beat: 60_000 }),
      )
      utimesSync(join(dir, LOCK_FILE), touched / 1000, touched / 1000)
      const freeAt = touched + 5 * 60_000
      const failure = describeFailure('x', new DataFolderInUse(dir, undefined, freeAt), dir)
      let now = touched + 60_000
      const timers: { at: number; fn: () => void }[] = []
      const later = (fn: () => void, ms: number) => void timers.push({ at: now + ms, fn })
      const run = () => {
        const timer = timers.shift()!
        now = timer.at
        timer.fn()
      }
      const gone: string[] = []
      whenHolderGone(failure, (why) => gone.push(why), { now: () => now, later })
      expect(timers.map((t) => t.at)).toEqual([freeAt + 1_000])
      // Its holder touched it meanwhile: alive, so it looks again when that touch goes stale.
      const again = (touched + 2 * 60_000) / 1000
      utimesSync(join(dir, LOCK_FILE), again, again)
      run()
      expect(gone).toEqual([])
      expect(timers.map((t) => t.at)).toEqual([freeAt + 2 * 60_000 + 1_000])
      run()
      expect(gone).toEqual(['nobody has touched it for 5 minutes'])
      expect(timers).toEqual([])
    } finally {
      cleanup()
    }
  })
})
