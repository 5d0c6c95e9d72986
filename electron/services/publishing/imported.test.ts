import { readFileSync, writeFileSync } from 'node:fs'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { IncidentRepository } from '../incidents'
import { IncidentStore } from '../../store/incident-store'
import { ok, pickFile, tempDir, testHost } from '../../testing/fixtures'
import { fakeWordPress, type FakeWordPress } from '../../testing/fake-wordpress'

/**
 * A colleague's backup, or a hostile one, is history: importing it sends nothing, binds to no
 * post of the site, and nothing in it is ever sent by itself, after a restart either.
 */

let dirs: { dir: string; cleanup: () => void }[] = []
let theirs: FakeWordPress
let mine: FakeWordPress
beforeEach(async () => {
  dirs = [tempDir(), tempDir()]
  theirs = await fakeWordPress()
  mine = await fakeWordPress()
})
afterEach(async () => {
  await theirs.close()
  await mine.close()
  for (const d of dirs) d.cleanup()
})

const connect = (site: FakeWordPress) => ({
  url: site.url,
  user: 'oncall',
  password: 'abcd efgh ijkl mnop',
})

/** A backup whose incident has a published post (bound to post `postId`) and a queued comment. */
async function hostileBackup(postId: number): Promise<string> {
  const clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))
  const a = testHost(dirs[0]!.dir, clock)
  ok(await a.host.call('settings:update', { you: { name: 'Mallory' } }))
  ok(await a.host.call('publishing:connect', connect(theirs)))
  const { id } = ok(
    await a.host.call('incident:record', {
      title: 'Search <img src=x onerror=alert(1)> down',
      severity: 1,
      detection: 'alert',
      recorder: 'Mallory',
    }),
  )
  ok(await a.host.call('publishing:publish', { id, kind: 'post' }))
  theirs.mode = 'down'
  const queued = ok(await a.host.call('publishing:publish', { id, kind: 'comment' }))
  expect(queued.outcome).toBe('queued')
  const path = ok(await a.host.call('backup:export', undefined)).path!
  a.host.close()
  // The post binding now names someone else's post on the victim's site.
  const files = unzipSync(readFileSync(path))
  const log = `incidents/${id}/events.jsonl`
  files[log] = strToU8(strFromU8(files[log]!).replace(/"postId":\d+/g, `"postId":${postId}`))
  writeFileSync(path, zipSync(files))
  return path
}

describe('an imported backup is inert', () => {
  it('sends nothing and touches no post, at import, on its timers, and after a restart', async () => {
    mine.posts.push({ id: 1, title: 'Release notes', content: 'Written by a colleague', tags: [] })
    const path = await hostileBackup(1)
    const clock = new ManualClock(new Date('2026-11-24T09:00:00Z'))
    const b = testHost(dirs[1]!.dir, clock)
    ok(await b.host.call('settings:update', { you: { name: 'Dana' } }))
    ok(await b.host.call('publishing:connect', connect(mine)))
    const before = mine.requests.length

    const report = ok(await b.host.call('backup:import', { file: await pickFile(b, path) }))
    expect(report.imported).toHaveLength(1)
    await b.host.publishingIdle()
    clock.advance(31 * 60_000) // past every automatic retry
    await b.host.publishingIdle()
    b.host.close()
    const again = testHost(dirs[1]!.dir, clock)
    await again.host.publishingIdle()
    clock.advance(31 * 60_000)
    await again.host.publishingIdle()

    expect(mine.requests.slice(before)).toEqual([])
    expect(mine.posts).toEqual([
      { id: 1, title: 'Release notes', content: 'Written by a colleague', tags: [] },
    ])
    expect(mine.comments).toEqual([])

    // What the user sees: the outbox empty, why, and no post to publish on from here.
    const id = report.imported[0]!
    const incident = ok(await again.host.call('incident:get', { id }))
    expect(incident.publishing.outbox).toEqual([])
    expect(incident.publishing.post).toBeNull()
    const refused = await again.host.call('publishing:publish', { id, kind: 'comment' })
    expect(refused.ok === false && refused.error.message).toMatch(
      /came with an imported backup, so this computer does not publish on it/,
    )
    again.host.close()
  })

  it('an item queued before installs had ids waits for one Retry click, then is sent', async () => {
    const clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))
    const h = testHost(dirs[1]!.dir, clock)
    ok(await h.host.call('settings:update', { you: { name: 'Dana' } }))
    ok(await h.host.call('publishing:connect', connect(mine)))
    const { id } = ok(
      await h.host.call('incident:record', {
        title: 'Search down',
        severity: 1,
        detection: 'alert',
        recorder: 'Dana',
      }),
    )
    mine.mode = 'down'
    const queued = ok(await h.host.call('publishing:publish', { id, kind: 'post' }))
    h.host.close()
    // As an older version wrote it: no install id on the queued publish.
    const log = `${dirs[1]!.dir}/incidents/${id}/events.jsonl`
    writeFileSync(log, readFileSync(log, 'utf8').replace(/,"installId":"[^"]+"/, ''))
    mine.mode = 'ok'
    const again = testHost(dirs[1]!.dir, clock)
    await again.host.publishingIdle() // the drain at start, and its retry timer armed
    clock.advance(31 * 60_000)
    await again.host.publishingIdle()
    expect(mine.posts).toEqual([])
    const retried = ok(
      await again.host.call('publishing:retry', { id, requestId: queued.requestId }),
    )
    expect(retried.outcome).toBe('published')
    expect(mine.posts).toHaveLength(1)
    again.host.close()
  })
})

describe('the append gate', () => {
  it('refuses an event that fails its schema: nothing is written, a clear error', () => {
    const now = () => new Date('2026-11-23T14:00:00Z')
    let n = 0
    const repo = new IncidentRepository(
      new IncidentStore(dirs[1]!.dir, now),
      now,
      () => `id-${++n}`,
    )
    const { id } = repo.record(
      {
        title: 'Search down',
        observed: '',
        severity: 1,
        detection: 'alert',
        area: '',
        recorder: 'Dana',
        status: 'pending',
      },
      'openverse',
    )
    const log = `${dirs[1]!.dir}/incidents/${id}/events.jsonl`
    const bytes = readFileSync(log)
    // A site answered a post id that is not a number: read back, the line would be damaged.
    const bad = () =>
      repo.commit(id, [
        {
          id: 'x1',
          incidentId: id,
          at: '2026-11-23T14:00:00.000Z',
          by: 'Dana',
          type: 'publish.done',
          requestId: 'r1',
          postId: 'one' as unknown as number,
          link: 'https://p2.example/1',
        },
      ])
    expect(bad).toThrow(/Nothing was written: the publish.done event is not valid \(postId/)
    expect(readFileSync(log)).toEqual(bytes)
    expect(repo.get(id).version).toBe(1)
  })
})
