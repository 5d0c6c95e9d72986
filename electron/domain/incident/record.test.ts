import { describe, expect, it } from 'vitest'
import { UserError } from './errors'
import { applyEvent, foldIncident, summarize } from '../incident'
import { RecordIncidentInput, recordIncident } from './record'

const valid = { title: 'API down', severity: 1, detection: 'alert', recorder: 'Dana' }
const ctx = {
  incidentId: '20261123-1400-abcd',
  eventId: 'e1',
  now: new Date('2026-11-23T14:00:00Z'),
  scale: 'openverse' as const,
}

describe('record validation', () => {
  it('accepts a minimal recording and fills the defaults', () => {
    const parsed = RecordIncidentInput.parse({ ...valid, title: '  API down  ' })
    expect(parsed).toEqual({ ...valid, observed: '', area: '', status: 'pending' })
  })

  it.each([
    [{ ...valid, title: '' }, 'Give the incident a title'],
    [{ ...valid, title: '   ' }, 'Give the incident a title'],
    [{ ...valid, title: 'x'.repeat(201) }, 'under 200 characters'],
    [{ ...valid, recorder: 'x'.repeat(81) }, 'Keep your name under 80'],
    [{ ...valid, detection: 'pager' }, 'Choose how it was detected'],
    [{ ...valid, severity: 1.5 }, 'Choose a severity'],
    [{ ...valid, status: 'resolved' }, 'Invalid option'],
  ])('refuses %j with a clear message', (input, message) => {
    const result = RecordIncidentInput.safeParse(input)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toContain(message)
  })

  it('refuses a severity the scale in use does not have, naming the allowed levels', () => {
    const input = RecordIncidentInput.parse({ ...valid, severity: 4 })
    expect(() => recordIncident(input, ctx)).toThrow(UserError)
    expect(() => recordIncident(input, ctx)).toThrow(
      'Severity 4 is not on the Openverse (Severity 1–3) scale; choose one of 1, 2, 3.',
    )
    expect(recordIncident(input, { ...ctx, scale: 'sev4' }).severity).toBe(4)
  })
})

describe('incident reducer', () => {
  const recorded = { ...recordIncident(RecordIncidentInput.parse(valid), ctx), seq: 1 }

  it('folds the recording into an incident with no lead and a first timeline line', () => {
    const incident = foldIncident([recorded])
    expect(incident).toMatchObject({
      id: ctx.incidentId,
      title: 'API down',
      severity: 1,
      status: 'pending',
      recorder: 'Dana',
      lead: null,
      recordedAt: '2026-11-23T14:00:00.000Z',
      version: 1,
    })
    expect(
      incident.timeline.toArray().map((t) => (t.kind === 'lifecycle' ? t.text : t.kind)),
    ).toEqual(['Recorded by Dana'])
    expect(summarize(incident)).toMatchObject({ active: true, lead: null })
  })

  it('starts stabilized when the recorder says it is already stable', () => {
    const stable = { ...recorded, status: 'stabilized' as const }
    expect(foldIncident([stable]).status).toBe('stabilized')
  })

  it('refuses a log that records the same incident twice or is empty', () => {
    expect(() => applyEvent(foldIncident([recorded]), { ...recorded, seq: 2 })).toThrow(
      'recorded twice',
    )
    expect(() => foldIncident([])).toThrow('holds no events')
  })
})
