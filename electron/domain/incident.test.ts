import { describe, expect, it } from 'vitest'
import type { IncidentEvent } from './events'
import { applyEvent, foldIncident, type Incident } from './incident'
import { RetroDraft } from './retro/draft'

type Body<E = IncidentEvent> = E extends IncidentEvent
  ? Omit<E, 'id' | 'incidentId' | 'seq' | 'at' | 'by'>
  : never

let seq = 0
/** 'HH:MM' on Monday 2026-11-23. */
const at = (time: string) => `2026-11-23T${time}:00.000Z`
const e = (time: string, body: Body, by = 'Dana') =>
  ({ id: `e${++seq}`, incidentId: 'inc', seq, at: at(time), by, ...body }) as IncidentEvent

const note = (entryId: string, time: string, text: string, occurred = time): Body => ({
  type: 'entry.added',
  entryId,
  occurredAt: at(occurred),
  verified: true,
  content: { kind: 'note', text },
})

/** Every event type, with back-dated entries, edits that move an entry, deletes and restores. */
const log: IncidentEvent[] = [
  e(
    '14:00',
    {
      type: 'incident.recorded',
      title: 'Thumbnails time out',
      observed: 'Every thumbnail request takes 30 s',
      severity: 2,
      scale: 'openverse',
      detection: 'alert',
      area: 'Thumbnails',
      status: 'pending',
    },
    'Sam',
  ),
  e('14:00', {
    type: 'incident.linked',
    otherId: '20261101-0900-beef',
    otherTitle: 'Thumbnails slow',
    relation: 'recurrence-of',
  }),
  e('14:01', { type: 'lead.set', lead: 'Dana', source: 'rota' }),
  e('14:02', note('n1', '14:02', 'Error rate 40%')),
  e('14:03', note('n2', '14:03', 'Alert fired before we looked', '13:55')),
  e('14:04', {
    type: 'entry.added',
    entryId: 'l1',
    occurredAt: at('14:04'),
    verified: false,
    content: { kind: 'link', title: 'Grafana', url: 'https://grafana.example/d/1' },
  }),
  e('14:05', {
    type: 'entry.added',
    entryId: 'i1',
    occurredAt: at('14:05'),
    verified: true,
    content: { kind: 'image', caption: 'p95', file: 'a.png', width: 64, height: 40 },
  }),
  e('14:06', { type: 'update.snoozed', minutes: 10, until: at('14:16') }),
  e('14:07', { type: 'comms.checked', item: 'slack', label: 'Slack', done: true }),
  e('14:08', { type: 'comms.checked', item: 'slack', label: 'Slack', done: false }),
  e('14:09', { type: 'comms.copied', output: 'p2', label: 'P2 post' }),
  e('14:10', { type: 'comms.p2UrlSet', url: 'https://p2.example/incident' }),
  e('14:11', { type: 'entry.edited', entryId: 'n1', changes: { text: 'Error rate 45%' } }),
  e('14:12', { type: 'entry.edited', entryId: 'n1', changes: { occurredAt: at('13:50') } }),
  e('14:13', {
    type: 'entry.edited',
    entryId: 'l1',
    changes: { verified: true, url: 'https://x' },
  }),
  e('14:14', { type: 'entry.unmasked', entryId: 'l1', unmasked: true }),
  e('14:15', { type: 'entry.deleted', entryId: 'n2' }),
  e('14:16', { type: 'entry.restored', entryId: 'n2' }),
  e('14:17', { type: 'entry.deleted', entryId: 'i1' }),
  e('14:18', { type: 'alarm.silenced', alarmId: 'a1', name: 'API 5xx', link: null }),
  e('14:19', {
    type: 'measure.started',
    measureId: 'm1',
    kind: 'flag-off',
    what: 'search-v2',
    undoPlan: 'Turn it back on',
    backupConfirmed: false,
  }),
  e('14:20', { type: 'measure.undone', measureId: 'm1', note: '10% of traffic', full: false }),
  e('14:21', { type: 'measure.kept', measureId: 'm1', reason: 'Rate limit stays' }),
  e('14:22', {
    type: 'party.contacted',
    partyId: 'p1',
    who: 'CDN',
    channel: 'email',
    reference: '#1',
  }),
  e('14:23', { type: 'party.updated', partyId: 'p1', answer: 'Looking' }),
  e('14:24', { type: 'followup.added', followupId: 'f1', title: 'Fix', url: null, critical: true }),
  e('14:25', { type: 'followup.updated', followupId: 'f1', done: true }),
  e('14:26', {
    type: 'runbook.linked',
    runbookId: 'r1',
    title: 'Thumbnails',
    url: null,
    steps: ['Look', 'Roll back'],
  }),
  e('14:27', { type: 'runbook.step-checked', step: 0, done: true }),
  e('14:28', { type: 'update.posted', text: 'Looking into it' }),
  e('14:29', { type: 'severity.changed', from: 2, to: 1, reason: 'All thumbnails now' }),
  e('14:30', { type: 'status.changed', from: 'pending', to: 'stabilized', summary: 'Rollback' }),
  e('14:31', note('n3', '14:31', 'Same minute as the next one', '14:30')),
  e('14:32', { type: 'alarm.reenabled', alarmId: 'a1' }),
  e('14:33', { type: 'lead.set', lead: 'Lee', source: 'rota', note: 'Dinner' }),
  e('14:34', { type: 'status.changed', from: 'stabilized', to: 'resolved', summary: 'Fix' }),
  e('14:35', { type: 'resolve.overridden', reason: 'Tomorrow', outstanding: ['Follow-up'] }),
  e('14:36', { type: 'keytime.changed', key: 'detectedAt', value: at('13:52'), reason: 'Alert' }),
  e('14:37', { type: 'retro.optedIn', reason: 'Severity 1' }),
  e('14:38', {
    type: 'retro.draftSaved',
    draft: RetroDraft.parse({
      failed: 'No alert on p95',
      actions: [{ id: 'a1', title: 'Alert on p95', owner: 'Dana' }],
    }),
  }),
  e('14:39', { type: 'retro.actionDone', actionId: 'a1', title: 'Alert on p95', done: true }),
  e('14:40', { type: 'retro.completed' }),
  e('14:41', { type: 'status.changed', from: 'resolved', to: 'reviewed' }),
  e('14:42', { type: 'incident.reopened', note: 'Again' }),
  e('14:43', { type: 'retro.optedOut', reason: 'Covered by the first one' }),
  e('14:44', note('n4', '14:44', 'After everything')),
]

/** What applyEvent gives for each event in turn: what live commits see. */
const stepByStep = (events: IncidentEvent[]) =>
  events.reduce<Incident | undefined>(applyEvent, undefined)

describe('foldIncident', () => {
  it('gives exactly what applying each event in turn gives', () => {
    const folded = foldIncident(log)
    expect(folded).toEqual(stepByStep(log))
    expect(folded.timeline.toArray().map((t) => t.id)).toContain('n2')
    expect(folded.version).toBe(log.length)
  })

  it('leaves the events it folded as they were, so folding twice gives the same incident', () => {
    const copy = structuredClone(log)
    const once = foldIncident(log)
    expect(log).toEqual(copy)
    expect(foldIncident(log)).toEqual(once)
  })
})

describe('applyEvent', () => {
  it('never changes an incident it returned earlier', () => {
    const states: { incident: Incident; copy: Incident }[] = []
    let incident: Incident | undefined
    for (const event of log) {
      incident = applyEvent(incident, event)
      states.push({ incident, copy: structuredClone(incident) })
    }
    for (const { incident, copy } of states) expect(incident).toEqual(copy)
  })
})
