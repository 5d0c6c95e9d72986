import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../clock'
import { ok, tempDir, testHost, tickAllCommunications } from '../../testing/fixtures'
import { maskingWork } from '../../domain/comms/outgoing'
import { phaseAt } from '../../shared/time'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

const T0 = new Date('2026-11-23T14:00:00Z')
const MIN = 60_000
const HOUR = 60 * MIN

async function setup(severity = 2) {
  const clock = new ManualClock(T0)
  const h = testHost(dir, clock)
  const { id } = ok(
    await h.host.call('incident:record', {
      title: 'Search returns nothing',
      severity,
      detection: 'alert',
      recorder: 'Dana',
    }),
  )
  const view = async () => ok(await h.host.call('incident:view', { id }))
  return { ...h, id, view }
}

describe('incident:view applies the rules on the host', () => {
  it('gives the allowed moves with the summary each asks for, and no recurrence while open', async () => {
    const { host, id, view } = await setup()
    const pending = await view()
    expect(pending).toMatchObject({ active: true, recurrence: null, retroDue: false })
    expect(pending.moves).toEqual([{ to: 'stabilized', summary: 'mitigation' }])
    expect('timeline' in pending).toBe(false)
    expect(pending.timelineTotal).toBeGreaterThan(0)
    ok(await host.call('incident:move', { id, to: 'stabilized', summary: 'Rolled back' }))
    expect((await view()).moves).toEqual([
      { to: 'investigating', summary: null },
      { to: 'pending', summary: null },
      { to: 'resolved', summary: 'solution' },
    ])
  })

  it('says a recurrence reopens until 48 hours after the resolution, on the host clock', async () => {
    const { host, clock, id, view } = await setup()
    ok(await host.call('incident:move', { id, to: 'stabilized', summary: 'Rolled back' }))
    await tickAllCommunications(host, id)
    clock.advance(HOUR)
    ok(await host.call('incident:resolve', { id, solutionSummary: 'Pinned the client' }))
    const resolved = await view()
    expect(resolved).toMatchObject({ active: false, moves: [{ to: 'reviewed' }], update: null })
    expect(resolved.dueStates).toEqual([])
    expect(resolved.recurrence).toEqual({ outcome: 'reopen', until: '2026-11-25T15:00:00.000Z' })
    // Severity 2 wants a retrospective once resolved.
    expect(resolved.retroDue).toBe(true)
    clock.advance(48 * HOUR)
    expect((await view()).recurrence?.outcome).toBe('reopen')
    clock.advance(1)
    expect((await view()).recurrence).toEqual({
      outcome: 'new-incident',
      until: '2026-11-25T15:00:00.000Z',
    })
  })

  it('gives the update deadline and when "due soon" starts, from the settings', async () => {
    const { host, view } = await setup(1)
    // Severity 1 is hourly until stabilized; "due soon" 10 minutes before (the defaults).
    expect((await view()).update).toEqual({
      dueAt: '2026-11-23T15:00:00.000Z',
      dueSoonAt: '2026-11-23T14:50:00.000Z',
      snoozedUntil: null,
      reason: expect.stringContaining('hourly'),
    })
    ok(await host.call('settings:update', { reminders: { dueSoonShortMinutes: 20 } }))
    expect((await view()).update?.dueSoonAt).toBe('2026-11-23T14:40:00.000Z')
  })

  it('says when each state of the countdown begins, so the window reads it as the host does', async () => {
    const { host, view } = await setup(1)
    const states = (await view()).dueStates
    expect(states).toEqual([
      { state: 'ok', from: '2026-11-23T14:00:00.000Z' },
      { state: 'due-soon', from: '2026-11-23T14:50:00.000Z' },
      { state: 'overdue', from: '2026-11-23T15:00:00.000Z' },
    ])
    const [first, ...rest] = states
    const at = (hhmmss: string) => phaseAt([first!, ...rest], Date.parse(`2026-11-23T${hhmmss}Z`))
    expect([at('14:49:59'), at('14:50:00'), at('14:59:59'), at('15:00:00')]).toEqual([
      'ok',
      'due-soon',
      'due-soon',
      'overdue',
    ])
    // A settings change moves them at once (a resolved incident has none: see above).
    ok(await host.call('settings:update', { reminders: { dueSoonShortMinutes: 20 } }))
    expect((await view()).dueStates[1]).toEqual({
      state: 'due-soon',
      from: '2026-11-23T14:40:00.000Z',
    })
  })

  it('proposes critical follow-ups for severity 1 and 2 only, and names the backup kinds', async () => {
    expect((await (await setup(2)).view()).proposeCritical).toBe(true)
    cleanup()
    ;({ dir, cleanup } = tempDir())
    const low = await (await setup(3)).view()
    expect(low.proposeCritical).toBe(false)
    expect(low.backupPromptKinds).toEqual(['restart', 'delete'])
  })

  it('lists the silenced alarms and the measures still outstanding', async () => {
    const { host, id, view } = await setup()
    ok(await host.call('alarm:silence', { id, name: 'ES latency', link: '' }))
    ok(
      await host.call('measure:start', {
        id,
        kind: 'flag-off',
        what: 'search v2',
        undoPlan: 'flip it back',
        backupConfirmed: false,
      }),
    )
    const v = await view()
    expect(v.silencedAlarmIds).toEqual(v.alarms.map((a) => a.id))
    expect(v.outstandingMeasureIds).toEqual(v.measures.map((m) => m.id))
    expect(v.silencedAlarmIds).toHaveLength(1)
    ok(await host.call('alarm:reenable', { id, alarmId: v.silencedAlarmIds[0]! }))
    expect((await view()).silencedAlarmIds).toEqual([])
  })
})

describe('comms:previewTemplate renders as Copy does', () => {
  it('fills and tidies the text the way the copied output is', async () => {
    const { host } = await setup()
    const preview = ok(
      await host.call('comms:previewTemplate', {
        template: 'slack',
        text: '{severity}: *{title}*   \n\n\n\n({status})  {resolution}  ',
      }),
    )
    // Tidied: no trailing spaces, one blank line at most (a raw fill keeps both).
    expect(preview).toEqual({
      ok: true,
      text: 'Severity 1: *API returns 500 for all searches*\n\n(Stabilized)',
    })
  })

  it('names what is wrong with a broken template', async () => {
    const { host } = await setup()
    expect(
      ok(await host.call('comms:previewTemplate', { template: 'slack', text: '{titel}' })),
    ).toMatchObject({ ok: false, error: expect.stringContaining('Unknown placeholder {titel}') })
    expect(
      await host.dispatch('comms:previewTemplate', { template: 'nope', text: '' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})

describe('retro:keyMoments gives what a report may cite, as the postmortem prints it', () => {
  it('lists entries oldest first with secrets masked, not deleted ones, and a picked one prints alike', async () => {
    const { host, clock, id } = await setup()
    const GHP = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'
    const add = async (text: string) =>
      ok(await host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text } }))
    clock.advance(MIN)
    const first = await add(`Token ${GHP} leaked in the log`)
    clock.advance(MIN)
    const second = await add('Rolled back the deploy')
    ok(await host.call('timeline:delete', { incidentId: id, entryId: second.id }))
    const moments = ok(await host.call('retro:keyMoments', { id }))
    const texts = moments.map((m) => m.text)
    expect(texts.some((t) => t.includes(GHP))).toBe(false)
    expect(texts).toContain('Token [redacted github-token] leaked in the log')
    // A deleted entry is not cited.
    expect(moments.map((m) => m.id)).not.toContain(second.id)
    expect(moments.map((m) => m.id)).toContain(first.id)
    expect(moments.map((m) => m.at)).toEqual([...moments.map((m) => m.at)].sort())
    // The postmortem prints a picked moment with the same text as offered here.
    const draft = ok(await host.call('retro:get', { id })).draft
    ok(await host.call('retro:saveDraft', { id, draft: { ...draft, keyMoments: [first.id] } }))
    const postmortem = ok(await host.call('retro:postmortem', { id }))
    const offered = moments.find((m) => m.id === first.id)!.text
    expect(postmortem.markdown).toContain(offered)
    // Unmasking the entry lets its secret through, in both.
    ok(await host.call('timeline:unmask', { incidentId: id, entryId: first.id, unmasked: true }))
    const unmasked = ok(await host.call('retro:keyMoments', { id }))
    expect(unmasked.find((m) => m.id === first.id)?.text).toBe(`Token ${GHP} leaked in the log`)
  })
})

describe('a long timeline costs its new entries, not its length, on each refresh', () => {
  it('after a note, the outputs and the key moments mask that note again, not the 200 before', async () => {
    const { host, id, clock } = await setup()
    for (let i = 0; i < 200; i++) {
      clock.advance(MIN)
      const text =
        i === 7 ? 'token ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa in the log' : `check ${i}`
      ok(await host.call('timeline:add', { incidentId: id, entry: { kind: 'note', text } }))
    }
    const before = ok(await host.call('comms:outputs', { id }))
    const moments = ok(await host.call('retro:keyMoments', { id }))
    // The recording's line and the 200 notes.
    expect(moments).toHaveLength(201)
    expect(moments.map((m) => m.text)).toContain('token [redacted github-token] in the log')
    const masked = maskingWork.texts
    clock.advance(MIN)
    ok(
      await host.call('timeline:add', {
        incidentId: id,
        entry: { kind: 'note', text: 'p95 back to 300 ms' },
      }),
    )
    const after = ok(await host.call('comms:outputs', { id }))
    const again = ok(await host.call('retro:keyMoments', { id }))
    // The new note, once for each reader; nothing else was masked again.
    expect(maskingWork.texts - masked).toBeLessThanOrEqual(2)
    expect(again.map((m) => m.text)).toEqual([...moments.map((m) => m.text), 'p95 back to 300 ms'])
    const post = (o: typeof before) => o.shown.text
    expect(post(after)).toContain('p95 back to 300 ms')
    expect(post(after)).toContain('token [redacted github-token] in the log')
    expect(post(after).replace(/\n.*p95 back to 300 ms.*/, '')).toBe(post(before))
  })
})
