import { ManualClock } from '../electron/services/clock'
import type { Host } from '../electron/services/host'
import { samplePng, testHost, tickAllCommunications } from '../electron/testing/fixtures'

const MIN = 60_000
const HOUR = 60 * MIN

export interface SeededHistory {
  /** Ids by a short name. */
  ids: Record<'search500' | 'thumbnails' | 'login' | 'audio' | 'recurrence' | 'disk', string>
}

async function must<T>(
  call: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/**
 * Six weeks of incidents written through the real host with a manual clock, before the app opens:
 * four resolved (one with a screenshot, one hypothesis and a deleted note), one recurrence after
 * 48 hours, two still active. Known figures: 4 of 6 updates on time; Ali led 2, Dana 1, Mia 1.
 */
export async function seedHistory(dataDir: string): Promise<SeededHistory> {
  const clock = new ManualClock(new Date('2026-10-12T09:00:00Z'))
  const { host } = testHost(dataDir, clock)
  await must(host.call('settings:update', { you: { name: 'Dana' }, firstRun: { skipped: true } }))

  const record = (title: string, severity: number, area: string, observed = '') =>
    must(
      host.call('incident:record', {
        title,
        severity,
        detection: 'alert',
        recorder: 'Dana',
        area,
        ...(observed && { observed }),
      }),
    ).then((s) => s.id)
  const lead = (id: string, name: string) =>
    must(host.call('incident:setLead', { id, lead: { kind: 'free', name } }))
  const note = (id: string, text: string, verified = true) =>
    must(host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text }, verified }))
  const update = (id: string, text: string) => must(host.call('update:post', { id, text }))
  const resolve = async (id: string, mitigation: string, solution: string) => {
    await must(host.call('incident:move', { id, to: 'stabilized', summary: mitigation }))
    clock.advance(30 * MIN)
    await must(host.call('incident:move', { id, to: 'investigating' }))
    clock.advance(HOUR)
    await tickAllCommunications(host, id)
    await must(host.call('incident:move', { id, to: 'resolved', summary: solution }))
  }

  // Week of 12 Oct: a level-1 outage, two updates on time, a screenshot.
  const search500 = await record('Search API returns 500', 1, 'API', 'Every search fails.')
  await lead(search500, 'Ali')
  clock.advance(20 * MIN)
  await note(search500, 'Redis connection pool exhausted on db-3')
  await note(search500, 'Maybe the kubelet restarted the pods', false)
  const gone = await note(search500, 'Wrong graph, ignore')
  await must(host.call('timeline:delete', { incidentId: search500, entryId: gone.id }))
  await must(
    host.call('attachment:add', {
      incidentId: search500,
      png: samplePng(120, 80).toString('base64'),
      caption: 'Redis pool graph',
    }),
  )
  clock.advance(25 * MIN)
  await update(search500, 'We are investigating failing searches.')
  clock.advance(50 * MIN)
  await update(search500, 'Mitigated by raising the pool size.')
  await resolve(search500, 'Raised the Redis pool size', 'Fixed the connection leak in v2.15')

  // Week of 19 Oct: level 2, one update late (cadence 24 h).
  clock.set(new Date('2026-10-20T10:00:00Z'))
  const thumbnails = await record('Thumbnails missing on image pages', 2, 'Frontend')
  await lead(thumbnails, 'Dana')
  clock.advance(26 * HOUR)
  await update(thumbnails, 'Thumbnails are still missing; CDN purge running.')
  await resolve(thumbnails, 'Purged the CDN', 'Fixed the cache key')

  // Week of 2 Nov: level 1, one update on time, one late.
  clock.set(new Date('2026-11-03T08:00:00Z'))
  const login = await record('Login loop for SSO users', 1, 'Auth')
  await lead(login, 'Ali')
  clock.advance(40 * MIN)
  await update(login, 'SSO users cannot log in; investigating.')
  clock.advance(90 * MIN)
  await update(login, 'Rolled back the session change.')
  await resolve(login, 'Rolled back sessions', 'Fixed cookie domain')

  // 6 Nov: search fails again, more than 48 h later: a new incident linked to the first.
  clock.set(new Date('2026-11-06T12:00:00Z'))
  const again = await must(
    host.call('incident:recur', {
      id: search500,
      note: 'Searches fail again with 500s',
      title: 'Search API returns 500 again',
    }),
  )
  const recurrence = again.incident.id
  await lead(recurrence, 'Mia')
  clock.advance(30 * MIN)
  await update(recurrence, 'Same symptoms as in October; investigating.')
  await resolve(recurrence, 'Raised the pool again', 'Capped connections per worker')

  // This week: two still active.
  clock.set(new Date('2026-11-20T15:00:00Z'))
  const audio = await record('Audio search is slow', 3, 'Search')
  await note(audio, 'p95 latency 2.4 s on /v1/audio')
  clock.set(new Date('2026-11-22T09:30:00Z'))
  const disk = await record('Elasticsearch disk almost full', 2, 'Search')
  await note(disk, 'es-data-2 at 91% disk')

  host.close()
  return { ids: { search500, thumbnails, login, audio, recurrence, disk } }
}

export type { Host }
