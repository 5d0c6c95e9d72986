import { itemText } from '../../domain/timeline/timeline'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RetroDraft } from '../../domain/retro/draft'
import { ManualClock } from '../clock'
import { tempDir, testHost } from '../../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

async function setup() {
  const h = testHost(dir, new ManualClock(new Date('2026-11-23T14:00:00Z')))
  await h.host.call('settings:update', { you: { name: 'Dana' } })
  const rec = await h.host.call('incident:record', {
    title: 'Search down',
    severity: 1,
    detection: 'alert',
    recorder: 'Sam',
  })
  if (!rec.ok) throw new Error(rec.error.message)
  return { ...h, id: rec.value.id }
}

const typed = RetroDraft.parse({
  attendees: ['Sam', 'Dana'],
  chains: [{ id: 'c1', whys: [{ id: 'w1', question: 'Why did search fail?' }] }],
  actions: [
    { id: 'a1', title: 'Alert on 5xx', owner: 'Dana', type: 'detective', due: '2026-11-20' },
    { id: 'a2', owner: 'Alex' },
  ],
})

describe('retro handlers', () => {
  it('prefills a new workspace with the recorder and the author on the timeline', async () => {
    const { host, id } = await setup()
    const view = await host.call('retro:get', { id })
    expect(view.ok && view.value.draft.attendees).toEqual(['Sam'])
    expect(view.ok && view.value.due).toMatchObject({ proposed: true, due: false })
  })

  it('keeps a draft across a restart and writes nothing for an unchanged one', async () => {
    const { host, id } = await setup()
    await host.call('retro:saveDraft', { id, draft: typed })
    await host.call('retro:saveDraft', { id, draft: typed })
    const log = readFileSync(`${dir}/incidents/${id}/events.jsonl`, 'utf8').trim().split('\n')
    expect(log.filter((l) => l.includes('retro.draftSaved'))).toHaveLength(1)
    host.close()
    const again = testHost(dir)
    const view = await again.host.call('retro:get', { id })
    expect(view.ok && view.value.draft).toEqual(typed)
    again.host.close()
  })

  it('refuses completing with clear messages and loses nothing typed', async () => {
    const { host, id } = await setup()
    await host.call('retro:saveDraft', { id, draft: typed })
    const before = readFileSync(`${dir}/incidents/${id}/events.jsonl`, 'utf8')
    const refused = await host.call('retro:complete', { id })
    expect(!refused.ok && refused.error.message).toBe(
      'Resolve the incident before completing its retrospective.',
    )
    expect(readFileSync(`${dir}/incidents/${id}/events.jsonl`, 'utf8')).toBe(before)
    const view = await host.call('retro:get', { id })
    expect(view.ok && view.value.draft).toEqual(typed)
    expect(view.ok && view.value.problems).toContain('Action item 2 needs a title.')
    expect(view.ok && view.value.problems).toContain('5-whys chain 1: why 1 has no answer yet.')
  })

  it('refuses a bad draft with the field’s own message', async () => {
    const { host, id } = await setup()
    const bad = await host.call('retro:saveDraft', {
      id,
      draft: { actions: [{ id: 'a1', title: 'x', issueUrl: 'github.com/x' }] },
    })
    expect(!bad.ok && bad.error.message).toContain(
      'Link the GitHub issue with its https:// address.',
    )
    const reason = await host.call('retro:choose', { id, wanted: false, reason: ' ' })
    expect(!reason.ok && reason.error.message).toBe('Say why, so the timeline explains the choice.')
  })

  it('opting out is on the timeline with its reason', async () => {
    const { host, id } = await setup()
    const view = await host.call('retro:choose', { id, wanted: false, reason: 'Duplicate of #12' })
    expect(view.ok && view.value.due).toMatchObject({ proposed: true, wanted: false })
    const incident = await host.call('incident:get', { id })
    expect(incident.ok && itemText(incident.value.timeline.at(-1)!)).toBe(
      'No retrospective: Duplicate of #12',
    )
  })

  it('lists open action items from every incident and ticks them done', async () => {
    const { host, id } = await setup()
    await host.call('retro:saveDraft', { id, draft: typed })
    expect(host.snapshot().incidents[0]?.openActionItems).toBe(1)
    const list = await host.call('retro:openActions', undefined)
    expect(list.ok && list.value.map((a) => [a.title, a.owner, a.overdue])).toEqual([
      ['Alert on 5xx', 'Dana', true],
    ])
    const after = await host.call('retro:actionDone', { id, actionId: 'a1', done: true })
    expect(after.ok && after.value).toEqual([])
    expect(host.snapshot().incidents[0]?.openActionItems).toBe(0)
  })

  it('copies the postmortem as text and HTML, and exports it to a file', async () => {
    const { host, id, clipboard, files } = await setup()
    await host.call('retro:saveDraft', { id, draft: typed })
    const copied = await host.call('retro:copy', { id })
    expect(copied.ok && clipboard.at(-1)).toEqual({
      text: copied.ok && copied.value.markdown,
      html: copied.ok && copied.value.html,
    })
    expect(clipboard.at(-1)?.text).toContain('# Postmortem: Search down')
    const md = await host.call('retro:export', { id, format: 'md' })
    expect(md.ok && md.value.path).toMatch(new RegExp(`exports/postmortem-${id}\\.md$`))
    expect(files.saved[0]?.content).toBe(clipboard.at(-1)?.text)
    const html = await host.call('retro:export', { id, format: 'html' })
    expect(html.ok && readFileSync(html.value.path!, 'utf8')).toMatch(/^<!doctype html>/)
    files.cancelNext = true
    const cancelled = await host.call('retro:export', { id, format: 'md' })
    expect(cancelled.ok && cancelled.value.path).toBeNull()
  })
})
