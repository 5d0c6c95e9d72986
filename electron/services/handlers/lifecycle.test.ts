import { itemText } from '../../domain/timeline/timeline'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { incidentMetrics } from '../../domain/lifecycle/key-times'
import { ManualClock } from '../clock'
import { tempDir, testHost, tickAllCommunications } from '../../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const T0 = new Date('2026-11-23T14:00:00Z')
const MIN = 60_000
const HOUR = 60 * MIN

async function setup(status: 'pending' | 'stabilized' = 'pending') {
  const clock = new ManualClock(T0)
  const h = testHost(dir, clock)
  const recorded = await h.host.call('incident:record', {
    title: 'Search returns nothing',
    severity: 2,
    detection: 'alert',
    area: 'Search',
    recorder: 'Dana',
    status,
  })
  if (!recorded.ok) throw new Error(recorded.error.message)
  const id = recorded.value.id
  const get = async () => {
    const r = await h.host.call('incident:get', { id })
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  }
  return { ...h, id, get }
}

describe('status moves through the host', () => {
  it('walks the whole lifecycle, keeping summaries, key times and time in each status', async () => {
    const { host, clock, id, get } = await setup()
    clock.advance(20 * MIN)
    const noSummary = await host.call('incident:move', { id, to: 'stabilized' })
    expect(noSummary).toEqual({
      ok: false,
      error: {
        code: 'summary-required',
        message:
          'Summarize the mitigation before moving to Stabilized: what stopped the disruption?',
      },
    })
    expect((await get()).version).toBe(1)
    // A mutation answers "done"; the incident says what it is now.
    expect(
      await host.call('incident:move', { id, to: 'stabilized', summary: 'Rolled back' }),
    ).toMatchObject({ ok: true })
    expect(await get()).toMatchObject({ status: 'stabilized' })
    clock.advance(HOUR)
    await host.call('incident:move', { id, to: 'investigating' })
    clock.advance(2 * HOUR)
    const noSolution = await host.call('incident:move', { id, to: 'resolved', summary: '  ' })
    expect(noSolution.ok).toBe(false)
    // Open communication items hold up resolving (the resolve checklist); done here.
    await tickAllCommunications(host, id)
    await host.call('incident:move', { id, to: 'resolved', summary: 'Pinned the ES client' })
    clock.advance(24 * HOUR)
    await host.call('incident:move', { id, to: 'reviewed' })

    const incident = await get()
    expect(incident.status).toBe('reviewed')
    expect(incident.mitigationSummary).toBe('Rolled back')
    expect(incident.solutionSummary).toBe('Pinned the ES client')
    expect(
      incident.timeline
        .filter((t) => !(t.kind === 'lifecycle' && t.meta))
        .map((t) => itemText(t))
        .slice(1),
    ).toEqual([
      'Status: Stabilization pending → Stabilized (Dana): Rolled back',
      'Status: Stabilized → Under investigation (Dana)',
      'Status: Under investigation → Resolved (Dana): Pinned the ES client',
      'Status: Resolved → Reviewed (Dana)',
    ])
    expect(incident.keyTimes).toMatchObject({
      stabilizedAt: '2026-11-23T14:20:00.000Z',
      resolvedAt: '2026-11-23T17:20:00.000Z',
    })
    const metrics = incidentMetrics(incident, clock.now())
    expect(metrics.timeToStabilize).toBe(20 * MIN)
    expect(metrics.timeToResolve).toBe(200 * MIN)
    expect(metrics.timeInStatus).toEqual({
      pending: 20 * MIN,
      stabilized: HOUR,
      investigating: 2 * HOUR,
      resolved: 24 * HOUR,
      reviewed: 0,
    })
    expect(host.snapshot().incidents[0]?.resolvedAt).toBe('2026-11-23T17:20:00.000Z')
  })

  it('refuses an unknown status and a forbidden move, writing nothing', async () => {
    const { host, id, get } = await setup()
    const unknown = await host.dispatch('incident:move', { id, to: 'closed' })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(!unknown.ok && unknown.error.message).toMatch(/Unknown status; use one of: pending/)
    const forbidden = await host.call('incident:move', { id, to: 'resolved', summary: 'x' })
    expect(forbidden).toEqual({
      ok: false,
      error: {
        code: 'move-not-allowed',
        message: 'Stabilization pending can’t move to Resolved; allowed: Stabilized.',
      },
    })
    expect((await get()).version).toBe(1)
  })
})

describe('"It happened again" and the 48-hour boundary (clock)', () => {
  async function resolved() {
    const h = await setup('stabilized')
    await tickAllCommunications(h.host, h.id)
    await h.host.call('incident:move', { id: h.id, to: 'resolved', summary: 'Fixed the index' })
    return h
  }

  it('at 47 h 59 min it rolls back to Stabilization pending with the note', async () => {
    const { host, clock, id, get } = await resolved()
    clock.advance(47 * HOUR + 59 * MIN)
    const result = await host.call('incident:recur', { id, note: 'Empty results again' })
    expect(result).toMatchObject({ ok: true, value: { outcome: 'reopened' } })
    const incident = await get()
    expect(incident.status).toBe('pending')
    expect(incident.timeline.slice(-2).map((t) => itemText(t))).toEqual([
      'Status: Resolved → Stabilization pending (Dana)',
      'It happened again (Dana): Empty results again',
    ])
    expect(host.snapshot().incidents).toHaveLength(1)
  })

  it('at 48 h 01 min it records a new incident, linked both ways, with the old title and severity', async () => {
    const { host, clock, id, get } = await resolved()
    await host.call('incident:move', { id, to: 'reviewed' })
    clock.advance(48 * HOUR + 1 * MIN)
    const result = await host.call('incident:recur', { id, note: 'Empty results again' })
    if (!result.ok) throw new Error(result.error.message)
    expect(result.value.outcome).toBe('new-incident')
    const created = result.value.incident
    expect(created).toMatchObject({
      title: 'Search returns nothing',
      severity: 2,
      status: 'pending',
    })
    expect(created.id).not.toBe(id)
    const old = await get()
    expect(old.status).toBe('reviewed')
    expect(old.links).toEqual([
      { id: created.id, title: 'Search returns nothing', relation: 'recurred-as' },
    ])
    const fresh = await host.call('incident:get', { id: created.id })
    expect(fresh.ok && fresh.value.links).toEqual([
      { id, title: 'Search returns nothing', relation: 'recurrence-of' },
    ])
    expect(fresh.ok && fresh.value.observed).toBe('Empty results again')
  })

  it('is refused on an open incident and a plain move cannot reopen', async () => {
    const { host, id, get } = await setup()
    const r = await host.call('incident:recur', { id, note: 'again' })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.code).toBe('not-resolved')
    expect((await get()).version).toBe(1)
  })
})

describe('severity, lead and key times', () => {
  it('changes severity with a reason, on the timeline; refuses no reason or an unknown level', async () => {
    const { host, id, get } = await setup()
    const noReason = await host.call('incident:setSeverity', { id, severity: 1, reason: ' ' })
    expect(!noReason.ok && noReason.error.message).toBe(
      'Say why the severity changes: the reason goes on the timeline.',
    )
    const bad = await host.call('incident:setSeverity', { id, severity: 4, reason: 'worse' })
    expect(!bad.ok && bad.error.message).toBe(
      'Severity 4 is not on the Openverse (Severity 1–3) scale; choose one of 1, 2, 3.',
    )
    expect((await get()).version).toBe(1)
    await host.call('incident:setSeverity', { id, severity: 1, reason: 'All searches fail now' })
    const incident = await get()
    expect(incident.severity).toBe(1)
    expect(incident.severityHistory).toEqual([
      { from: 2, to: 1, at: T0.toISOString(), by: 'Dana', reason: 'All searches fail now' },
    ])
    expect(itemText(incident.timeline.at(-1)!)).toBe(
      'Severity: Severity 2 → Severity 1 (Dana): All searches fail now',
    )
  })

  it('refuses a rota name not on the rota, takes a free name, keeps the lead history', async () => {
    const { host, id, get } = await setup()
    await host.call('settings:update', {
      rota: { people: [{ name: 'Olga', timeZone: 'Europe/Berlin' }], schedule: [] },
    })
    const stranger = await host.call('incident:setLead', {
      id,
      lead: { kind: 'rota', name: 'Zed' },
    })
    expect(!stranger.ok && stranger.error.message).toBe(
      'Zed is not on the rota (Olga). Pick someone from it, or type the name as someone not on the rota.',
    )
    expect((await get()).version).toBe(1)
    await host.call('incident:setLead', { id, lead: { kind: 'rota', name: 'olga' } })
    await host.call('incident:setLead', {
      id,
      lead: { kind: 'free', name: 'Zed' },
      note: 'ES cluster is the suspect',
    })
    const incident = await get()
    expect(incident.lead).toBe('Zed')
    expect(incident.leadHistory.map((l) => [l.lead, l.note])).toEqual([
      ['Olga', null],
      ['Zed', 'ES cluster is the suspect'],
    ])
    expect(itemText(incident.timeline.at(-1)!)).toBe(
      'Lead: Zed (was Olga), set by Dana. Handover: ES cluster is the suspect',
    )
  })

  it('edits key times with a reason and refuses impossible ones', async () => {
    const { host, clock, id, get } = await setup()
    clock.advance(30 * MIN)
    const future = await host.call('incident:setKeyTime', {
      id,
      key: 'impactStartedAt',
      at: '2026-11-24T00:00:00Z',
      reason: 'typo',
    })
    expect(!future.ok && future.error.message).toBe('Impact started can’t be in the future.')
    const notYet = await host.call('incident:setKeyTime', {
      id,
      key: 'resolvedAt',
      at: '2026-11-23T14:10:00Z',
      reason: 'x',
    })
    expect(!notYet.ok && notYet.error.code).toBe('not-reached')
    const ok = await host.call('incident:setKeyTime', {
      id,
      key: 'impactStartedAt',
      at: '2026-11-23T13:40:00Z',
      reason: 'Error rate rose at 13:40 on the dashboard',
    })
    expect(ok.ok).toBe(true)
    const incident = await get()
    expect(incident.keyTimes.impactStartedAt).toBe('2026-11-23T13:40:00.000Z')
    expect(incidentMetrics(incident, clock.now()).timeToDetect).toBe(20 * MIN)
    expect(incident.version).toBe(2)
  })
})

describe('a resolved incident is a closed record', () => {
  it('refuses timeline changes and images until it is reopened, but allows unmasking', async () => {
    const { host, clock, id, get } = await setup('stabilized')
    const note = await host.call('timeline:add', {
      incidentId: id,
      entry: { kind: 'note', text: 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789' },
    })
    if (!note.ok) throw new Error(note.error.message)
    await tickAllCommunications(host, id)
    const resolved = await host.call('incident:move', { id, to: 'resolved', summary: 'Fixed' })
    expect(resolved.ok).toBe(true)
    const version = (await get()).version
    const refused = [
      await host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text: 'late' } }),
      await host.call('timeline:delete', { incidentId: id, entryId: note.value.id }),
      await host.call('timeline:edit', {
        incidentId: id,
        entryId: note.value.id,
        changes: { text: 'changed' },
      }),
      await host.call('capture:take', { incidentId: id, sourceId: 'screen:0' }),
    ]
    for (const r of refused) {
      expect(r.ok ? 'ok' : r.error.code).toBe('read-only')
      expect(r.ok ? '' : r.error.message).toContain('It happened again…')
    }
    expect((await get()).version).toBe(version)
    const unmasked = await host.call('timeline:unmask', {
      incidentId: id,
      entryId: note.value.id,
      unmasked: true,
    })
    expect(unmasked.ok).toBe(true)

    clock.advance(HOUR)
    const again = await host.call('incident:recur', { id, note: 'Errors are back' })
    expect(again.ok).toBe(true)
    const late = await host.call('timeline:add', {
      incidentId: id,
      entry: { kind: 'note', text: 'Same root cause' },
    })
    expect(late.ok).toBe(true)
  })
})
