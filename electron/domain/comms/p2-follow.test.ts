import { describe, expect, it } from 'vitest'
import type { IncidentEvent } from '../events'
import { applyEvent, foldIncident, type Incident } from '../incident'
import { itemText } from '../timeline/timeline'
import { commentEvents, p2Disagrees, recheckEvents, tagEvent, type ReadComment } from './p2-follow'
import { notAnUpdate } from './p2-commands'

const T0 = '2026-11-23T14:00:00.000Z'
let n = 0
const stamp = () => ({
  id: `e${++n}`,
  incidentId: 'i1',
  at: '2026-11-23T15:00:00.000Z',
  by: 'Dana',
})

function incident(...more: Record<string, unknown>[]): Incident {
  const events = [
    {
      type: 'incident.recorded',
      id: 'r',
      incidentId: 'i1',
      seq: 1,
      at: T0,
      by: 'Dana',
      title: 'Search down',
      observed: '',
      severity: 1,
      scale: 'openverse',
      detection: 'alert',
      area: '',
      status: 'pending',
    },
    ...more.map((e, i) => ({ incidentId: 'i1', seq: i + 2, by: 'Dana', ...e })),
  ]
  return foldIncident(events as unknown as IncidentEvent[])
}

function apply(i: Incident, events: object[]): Incident {
  return events.reduce<Incident>(
    (acc, e) => applyEvent(acc, { ...e, seq: acc.version + 1 } as IncidentEvent),
    i,
  )
}

const comment = (id: number, html: string, at = '2026-11-23T14:30:00.000Z'): ReadComment => ({
  commentId: id,
  postId: 7,
  author: 'Alex',
  postedAt: at,
  html,
  link: `https://p2.example/?p=7#comment-${id}`,
})

describe('comments read from the P2', () => {
  it("someone's comment is a public item that counts as the update; read again, nothing changes", () => {
    let i = incident()
    i = apply(i, commentEvents(i, [comment(11, '<p>Errors down to 1%.</p>')], stamp))
    const item = i.timeline.toArray().find((t) => itemText(t).startsWith('On the P2'))!
    expect(itemText(item)).toBe('On the P2, Alex: Errors down to 1%.')
    expect(i.lastUpdateAt).toBe('2026-11-23T14:30:00.000Z')
    expect(i.p2?.lastRemoteUpdate).toEqual({ at: '2026-11-23T14:30:00.000Z', by: 'Alex' })
    expect(commentEvents(i, [comment(11, '<p>Errors down to 1%.</p>')], stamp)).toEqual([])
  })

  it('the text of an update recorded here is matched to it, not counted twice', () => {
    let i = incident({
      type: 'update.posted',
      id: 'u1',
      at: '2026-11-23T14:10:00.000Z',
      text: 'Failover started;  errors falling.',
    })
    const events = commentEvents(
      i,
      [comment(12, '<p>Failover started; errors falling.</p>')],
      stamp,
    )
    expect(events[0]!.matches).toBe('u1')
    i = apply(i, events)
    expect(i.timeline.toArray().filter((t) => itemText(t).startsWith('On the P2'))).toEqual([])
    expect(i.lastUpdateAt).toBe('2026-11-23T14:10:00.000Z')
  })

  it('"Not an update" gives the countdown back to the update before; a deleted comment is marked', () => {
    let i = incident({
      type: 'update.posted',
      id: 'u1',
      at: '2026-11-23T14:10:00.000Z',
      text: 'Investigating.',
    })
    i = apply(i, commentEvents(i, [comment(13, 'thanks!'), comment(14, 'Back up')], stamp))
    expect(i.lastUpdateAt).toBe('2026-11-23T14:30:00.000Z')
    const ctx = { eventId: () => `c${++n}`, now: new Date('2026-11-23T15:00:00Z'), by: 'Dana' }
    i = apply(i, notAnUpdate(i, { commentId: 14 }, ctx))
    i = apply(i, notAnUpdate(i, { commentId: 13 }, ctx))
    expect(i.lastUpdateAt).toBe('2026-11-23T14:10:00.000Z')
    expect(() => notAnUpdate(i, { commentId: 13 }, ctx)).toThrow(/already/)
    i = apply(i, [{ ...stamp(), type: 'p2.commentGone', commentId: 13 }])
    const gone = i.timeline
      .toArray()
      .find((t) => itemText(t).startsWith('On the P2, Alex: thanks'))!
    expect(itemText(gone)).toBe('On the P2, Alex: thanks! (deleted on the P2)')
  })

  it('a comment in the very second the incident was recorded counts (the site keeps whole seconds)', () => {
    let i = incident()
    // Recorded at 14:00:00.000 in the fixture; the site says 14:00:00 for a comment 0.6 s later.
    i = { ...i, recordedAt: '2026-11-23T14:00:00.600Z' }
    i = apply(
      i,
      commentEvents(i, [comment(31, '<p>Looking.</p>', '2026-11-23T14:00:00.000Z')], stamp),
    )
    expect(i.lastUpdateAt).toBe('2026-11-23T14:00:00.000Z')
  })

  it('a comment edited on the site shows its new text, marked edited; still there, nothing moves', () => {
    let i = incident()
    i = apply(i, commentEvents(i, [comment(21, '<p>Errors at 5%.</p>')], stamp))
    const counted = i.lastUpdateAt
    // Read again unchanged: no event.
    expect(recheckEvents(i, [21], new Map([[21, '<p>Errors at 5%.</p>']]), stamp)).toEqual([])
    const edited = recheckEvents(i, [21], new Map([[21, '<p>Errors at <b>0.5%</b>.</p>']]), stamp)
    expect(edited).toMatchObject([
      { type: 'p2.commentEdited', commentId: 21, text: 'Errors at 0.5%.' },
    ])
    i = apply(i, edited)
    const item = i.timeline.toArray().find((t) => itemText(t).startsWith('On the P2'))!
    expect(itemText(item)).toBe('On the P2, Alex: Errors at 0.5%.')
    expect(item.kind === 'lifecycle' && item.p2?.edited).toBe(true)
    expect(item.kind === 'lifecycle' && item.update?.text).toBe('Errors at 0.5%.')
    // The update it counts as keeps its time: an edit is not a new update.
    expect(i.lastUpdateAt).toBe(counted)
    // Applied once: the same text read again is no news.
    expect(recheckEvents(i, [21], new Map([[21, '<p>Errors at <b>0.5%</b>.</p>']]), stamp)).toEqual(
      [],
    )
    // Missing from the site: gone.
    expect(recheckEvents(i, [21], new Map(), stamp)).toMatchObject([
      { type: 'p2.commentGone', commentId: 21 },
    ])
  })

  it('a status tag read once; "The P2 says" only when it differs from the app', () => {
    let i = incident()
    i = apply(i, tagEvent(i, ['status-recorded'], T0, stamp))
    expect(p2Disagrees(i)).toBe(false)
    expect(tagEvent(i, ['status-recorded'], T0, stamp)).toEqual([])
    i = apply(i, tagEvent(i, ['other', 'status-stabilized'], '2026-11-23T14:20:00.000Z', stamp))
    expect(p2Disagrees(i)).toBe(true)
    expect(i.p2?.remote).toMatchObject({
      status: 'stabilized',
      changedAt: '2026-11-23T14:20:00.000Z',
    })
  })
})

describe('the note in a published post', () => {
  it('reads back what it wrote, with no markup and no early end of the comment in it', async () => {
    const { incidentNote, readIncidentNote } = await import('./p2-note')
    const i = incident()
    const tricky = { ...i, title: 'Search <img src=x onerror=alert(1)> --> down & out' }
    const note = incidentNote(tricky)
    expect(note.slice(4, -4)).not.toMatch(/[<>&]|--/)
    expect(readIncidentNote(`<p>post</p>\n${note}`)).toMatchObject({
      title: tricky.title,
      severity: 1,
      detection: 'alert',
      recordedAt: T0,
    })
    expect(readIncidentNote('<!-- incident-tray-incident {"v":2} -->')).toBeNull()
  })
})

describe('what the header says of the P2', () => {
  it('a tag read before the app’s own latest move is not "The P2 says …"; one changed since is', async () => {
    const { p2HeaderFacts } = await import('./p2-header')
    let i = incident()
    i = apply(i, tagEvent(i, ['status-recorded'], T0, stamp))
    i = apply(i, [
      {
        ...stamp(),
        at: '2026-11-23T14:30:00.000Z',
        type: 'status.changed',
        from: 'pending',
        to: 'stabilized',
        summary: 'Failover',
      },
    ])
    expect(p2HeaderFacts(i)?.says).toBeNull()
    i = apply(i, tagEvent(i, ['status-investigating'], '2026-11-23T14:40:00.000Z', stamp))
    expect(p2HeaderFacts(i)?.says).toMatchObject({ status: 'investigating', canApply: true })
  })
})
