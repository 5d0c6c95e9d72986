import { itemText } from '../domain/timeline/timeline'
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HOUR } from '../domain/comms/cadence'
import { ok, pickFolder, tempDir, testHost, tickAllCommunications } from '../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

/** The incident as it is now: mutations answer only "done" (an acknowledgement). */
const current = async (host: Awaited<ReturnType<typeof withIncident>>['host'], id: string) =>
  ok(await host.call('incident:get', { id }))

async function withIncident(dataDir = dir) {
  const t = testHost(dataDir)
  await t.host.call('settings:update', { you: { name: 'Dana' } })
  const recorded = await t.host.call('incident:record', {
    title: 'API down',
    severity: 1,
    detection: 'alert',
    recorder: 'Dana',
    // Already stable, so the policy's graph allows resolving.
    status: 'stabilized',
  })
  if (!recorded.ok) throw new Error(recorded.error.message)
  return { ...t, id: recorded.value.id }
}
const logLines = (id: string) =>
  readFileSync(join(dir, 'incidents', id, 'events.jsonl'), 'utf8')
    .trim()
    .split('\n').length

describe('mitigation registers through the host', () => {
  it('silences and re-enables an alarm; refused commands write nothing', async () => {
    const { host, id } = await withIncident()
    const silenced = await host.call('alarm:silence', { id, name: 'API 5xx', link: '' })
    expect(silenced.ok).toBe(true)
    const alarmId = (await current(host, id)).alarms[0]!.id
    const lines = logLines(id)

    const twice = await host.call('alarm:silence', { id, name: 'api 5xx' })
    expect(twice).toEqual({
      ok: false,
      error: {
        code: 'already-silenced',
        message: '“API 5xx” is already in the register as silenced.',
      },
    })
    const badLink = await host.dispatch('alarm:silence', { id, name: 'X', link: 'http://x' })
    expect(badLink.ok === false && badLink.error.message).toContain('https://')
    const noName = await host.dispatch('alarm:silence', { id, name: '  ' })
    expect(noName.ok === false && noName.error.message).toBe(
      'Name the alarm you silenced, like “API 5xx”.',
    )
    expect(logLines(id)).toBe(lines)

    const reenabled = await host.call('alarm:reenable', { id, alarmId })
    expect(reenabled.ok && (await current(host, id)).alarms[0]?.reenabledBy).toBe('Dana')
    const again = await host.call('alarm:reenable', { id, alarmId })
    expect(again.ok === false && again.error.code).toBe('already-reenabled')
  })

  it('needs a note to undo a measure partly, and cannot keep an undone one', async () => {
    const { host, id } = await withIncident()
    const started = await host.call('measure:start', {
      id,
      kind: 'throttle',
      what: 'rate limit /search to 10 rps',
      undoPlan: 'remove the rule',
    })
    const measureId = started.ok ? (await current(host, id)).measures[0]!.id : ''
    const noNote = await host.call('measure:undo', { id, measureId, full: false })
    expect(noNote.ok === false && noNote.error.message).toBe(
      'Say how far it is undone, like “re-enabled for 10% of traffic”.',
    )
    await host.call('measure:undo', { id, measureId, note: '50 rps now', full: false })
    await host.call('measure:undo', { id, measureId, full: true })
    const keep = await host.call('measure:keep', { id, measureId, reason: 'x' })
    expect(keep.ok === false && keep.error.code).toBe('already-undone')
    const incident = await host.call('incident:get', { id })
    expect(incident.ok && incident.value.measures[0]?.undos.map((u) => u.note)).toEqual([
      '50 rps now',
      '',
    ])
  })

  it('counts open communication items as outstanding', async () => {
    const { host, id } = await withIncident()
    const check = await host.call('incident:resolveCheck', { id })
    expect(
      check.ok && check.value.filter((i) => i.kind === 'communication').map((i) => i.label),
    ).toEqual([
      'P2 incident post published',
      'Signal message sent to the maintainers (Severity 1)',
      'Make post published: the outage is being investigated',
      'P2 status tag set to #status-stabilized',
    ])
  })

  it('blocks resolving while an alarm is silenced, then lets an override through', async () => {
    const { host, id } = await withIncident()
    // Communication items also hold up resolving; done here so the alarm is what blocks.
    await tickAllCommunications(host, id)
    await host.call('alarm:silence', { id, name: 'API 5xx' })
    const check = await host.call('incident:resolveCheck', { id })
    expect(check.ok && check.value.map((i) => i.kind)).toEqual(['alarm', 'summary'])
    const lines = logLines(id)
    const blocked = await host.call('incident:resolve', { id, solutionSummary: 'Rolled back' })
    expect(blocked).toEqual({
      ok: false,
      error: {
        code: 'resolve-blocked',
        message:
          "Can't resolve yet: 1 alarm still silenced (API 5xx). Re-enable it, or resolve anyway with a reason.",
      },
    })
    expect(logLines(id)).toBe(lines)
    const resolved = await host.call('incident:resolve', {
      id,
      solutionSummary: 'Rolled back',
      override: { reason: 'Infra owns that alarm' },
    })
    const after = await current(host, id)
    expect(resolved.ok && after.status).toBe('resolved')
    const twice = await host.call('incident:resolve', { id, solutionSummary: 'Again' })
    expect(twice.ok === false && twice.error.message).toBe(
      'The incident is already Resolved; allowed: Reviewed, “It happened again” to reopen.',
    )
    expect(resolved.ok && after.timeline.slice(-2).map((t) => itemText(t))).toEqual([
      'Resolved anyway with 1 item still open. Reason: Infra owns that alarm',
      'Status: Stabilized → Resolved (Dana): Rolled back',
    ])
  })

  it('holds up resolving only with the communication that still matters', async () => {
    const { host, id } = await withIncident()
    await host.call('incident:move', { id, to: 'investigating' })
    const check = await host.call('incident:resolveCheck', { id })
    const open = check.ok ? check.value.filter((i) => i.kind === 'communication') : []
    // The tags of statuses already left were replaced on the P2: only the current one is asked.
    expect(open.map((i) => i.ref)).toEqual([
      'p2-posted',
      'signal-sent',
      'make-posted',
      'p2-tag-investigating',
    ])
    await host.call('comms:check', { id, item: 'signal-sent', done: true })
    const after = await host.call('incident:resolveCheck', { id })
    expect(after.ok && after.value.map((i) => i.ref)).not.toContain('signal-sent')
  })

  it('links a runbook and ticks its steps; proposes nothing it does not have', async () => {
    const { host, id } = await withIncident()
    const added = await host.call('runbook:add', {
      title: 'API down',
      alarms: ['API 5xx'],
      firstSteps: ['Check the LB', 'Roll back'],
    })
    expect(added.ok && added.value.id).toBe('api-down')
    const missing = await host.call('runbook:link', { id, runbookId: 'nope' })
    expect(missing.ok === false && missing.error.code).toBe('not-found')
    await host.call('runbook:link', { id, runbookId: 'api-down' })
    const ticked = await host.call('runbook:check', { id, step: 0, done: true })
    expect(ticked.ok && (await current(host, id)).runbook?.steps.map((s) => s.done)).toEqual([
      true,
      false,
    ])
    const beyond = await host.call('runbook:check', { id, step: 5, done: true })
    expect(beyond.ok === false && beyond.error.message).toBe('The runbook has no step 6.')
  })
})

describe('mitigation settings', () => {
  it('refuses a bad reminder period or a non-https quick link and keeps what was there', async () => {
    const { host } = await withIncident()
    await host.call('settings:update', {
      quickLinks: [{ label: 'Logs', url: 'https://logs.example.org' }],
    })
    const zero = await host.call('settings:update', { mitigation: { alarmReminderHours: 0 } })
    expect(zero.ok === false && zero.error.message).toBe(
      'The silenced-alarm reminder must be at least 1 hour.',
    )
    const http = await host.call('settings:update', {
      quickLinks: [{ label: 'CDN', url: 'http://cdn.example.org' }],
    })
    expect(http.ok === false && http.error.message).toBe(
      'Links must start with https://, like https://grafana.example.org/d/api.',
    )
    expect(host.settings().mitigation.alarmReminderHours).toBe(12)
    expect(host.settings().quickLinks).toEqual([{ label: 'Logs', url: 'https://logs.example.org' }])
  })
})

describe('runbook folder import', () => {
  it('imports the Markdown files and lists what it skipped and why', async () => {
    const t = await withIncident()
    const { host } = t
    const folder = join(dir, 'runbooks')
    mkdirSync(folder)
    writeFileSync(join(folder, 'api.md'), '# API down\nAlarms: API 5xx\n## Steps\n- Check LB\n')
    writeFileSync(join(folder, 'db.markdown'), '# Database\n## Severity guide\n1. Page DBA\n')
    writeFileSync(join(folder, 'notes.txt'), '# not markdown')
    writeFileSync(join(folder, 'binary.md'), Buffer.from([0xff, 0xfe, 0x00, 0x80]))
    symlinkSync(join(folder, 'gone.md'), join(folder, 'broken.md'))
    mkdirSync(join(folder, 'archive'))
    const result = await host.call('runbook:import', { folder: await pickFolder(t, folder) })
    expect(result.ok && result.value).toEqual({
      imported: [
        { id: 'api-down', title: 'API down', steps: 1, file: 'api.md' },
        { id: 'database', title: 'Database', steps: 1, file: 'db.markdown' },
      ],
      skipped: [
        { file: 'archive', reason: 'a folder; only .md and .markdown files are imported' },
        { file: 'binary.md', reason: 'could not be read: it is not UTF-8 text' },
        { file: 'broken.md', reason: 'could not be read: it does not exist (a broken link?)' },
        {
          file: 'notes.txt',
          reason: 'not a Markdown file (.txt); only .md and .markdown files are imported',
        },
      ],
    })
    expect(host.settings().runbooks.map((r) => [r.id, r.alarms, r.firstSteps])).toEqual([
      ['api-down', ['API 5xx'], ['Check LB']],
      ['database', [], ['Page DBA']],
    ])
    // Importing again updates instead of doubling.
    await host.call('runbook:import', { folder: await pickFolder(t, folder) })
    expect(host.settings().runbooks).toHaveLength(2)
    const nowhere = await host.call('runbook:import', {
      folder: await pickFolder(t, join(dir, 'nowhere')),
    })
    expect(nowhere.ok === false && nowhere.error.message).toContain("Can't open the folder")
  })
})

describe('silenced-alarm reminder', () => {
  it('reminds after 12 h and every 12 h after, once after a long sleep, never again on restart', async () => {
    const { host, clock, notifications, id } = await withIncident()
    // With a lead, the alarm reminder speaks alone ("No lead yet" at the same moment would be
    // said in the same notification).
    await host.call('incident:setLead', { id, lead: { kind: 'free', name: 'Olga' } })
    await host.call('alarm:silence', { id, name: 'API 5xx' })
    // An alarm reminder due with another one is named in the same notification.
    const alarmTitles = () => notifications.filter((n) => /alarm “/i.test(n.title))
    clock.advance(12 * HOUR - 60_000)
    expect(alarmTitles()).toEqual([])
    clock.advance(60_000)
    expect(alarmTitles().map((n) => n.title)).toEqual(['Alarm “API 5xx” silenced for 12 h'])
    clock.sleep(30 * HOUR)
    expect(alarmTitles()).toHaveLength(2)
    host.close()

    const again = testHost(dir, clock)
    const alarmsAgain = () =>
      again.notifications.filter((n) => /alarm “/i.test(n.title)).map((n) => n.title)
    expect(alarmsAgain()).toEqual([])
    clock.advance(6 * HOUR - 1000)
    expect(alarmsAgain()).toEqual([])
    clock.advance(1000)
    // The update, overdue by then, comes due at the same moment: one notification names both.
    expect(alarmsAgain()).toEqual(['Update overdue by 24 h · alarm “API 5xx” silenced for 2 d'])
  })

  it('warns once when an incident is resolved with an alarm still silenced', async () => {
    const { host, notifications, id, clock } = await withIncident()
    await host.call('alarm:silence', { id, name: 'DB CPU' })
    await host.call('incident:resolve', {
      id,
      solutionSummary: 'Fixed',
      override: { reason: 'DB team watches it' },
    })
    const warned = () => notifications.filter((n) => n.title.startsWith('Resolved with'))
    expect(warned()).toEqual([
      {
        title: 'Resolved with 1 alarm still silenced',
        body: 'API down: re-enable “DB CPU”.',
        incidentId: id,
      },
    ])
    await host.call('settings:update', { you: { name: 'Kim' } })
    host.close()
    const again = testHost(dir, clock)
    again.host.wake()
    expect(again.notifications.filter((n) => n.title.startsWith('Resolved'))).toEqual([])
    expect(warned()).toHaveLength(1)
  })
})
