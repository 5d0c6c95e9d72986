import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkPng } from '../png-check'
import { ManualClock } from '../clock'
import { recordingCapturer, samplePng, tempDir, testHost } from '../../testing/fixtures'

let dir: string
let cleanup: () => void
beforeEach(() => ({ dir, cleanup } = tempDir()))
afterEach(() => cleanup())

async function withIncident(capturer = recordingCapturer()) {
  const clock = new ManualClock(new Date('2026-11-23T14:00:00Z'))
  const t = testHost(dir, clock, undefined, capturer)
  const rec = await t.host.call('incident:record', {
    title: 'API down',
    severity: 1,
    detection: 'alert',
    recorder: 'Dana',
  })
  if (!rec.ok) throw new Error(rec.error.message)
  return { ...t, incidentId: rec.value.id }
}

const logLines = (incidentId: string) =>
  readFileSync(join(dir, 'incidents', incidentId, 'events.jsonl'), 'utf8')
    .trim()
    .split('\n').length

describe('timeline through the host', () => {
  it('adds, back-dates, edits, deletes and restores, and a restart keeps all of it', async () => {
    const { host, clock, incidentId } = await withIncident()
    clock.advance(10 * 60_000)
    const note = await host.call('timeline:add', {
      incidentId,
      entry: { kind: 'note', text: 'Error rate 40%\nmostly /v1/images' },
    })
    const early = await host.call('timeline:add', {
      incidentId,
      entry: { kind: 'action', action: 'rollback', text: 'Rolled back api to v2.14.1' },
      occurredAt: '2026-11-23T14:02:00Z',
    })
    if (!note.ok || !early.ok) throw new Error('add failed')
    expect(early.value).toMatchObject({
      at: '2026-11-23T14:02:00.000Z',
      writtenAt: '2026-11-23T14:10:00.000Z',
      by: 'Dana',
    })
    const edited = await host.call('timeline:edit', {
      incidentId,
      entryId: note.value.id,
      changes: { text: 'Error rate 45%', verified: false },
    })
    expect(edited.ok && edited.value).toMatchObject({
      text: 'Error rate 45%',
      verified: false,
      history: [{ content: { text: 'Error rate 40%\nmostly /v1/images' } }],
    })
    expect((await host.call('timeline:delete', { incidentId, entryId: early.value.id })).ok).toBe(
      true,
    )
    const again = await host.call('timeline:delete', { incidentId, entryId: early.value.id })
    expect(again.ok || again.error.message).toBe('That entry is already deleted.')
    expect((await host.call('timeline:restore', { incidentId, entryId: early.value.id })).ok).toBe(
      true,
    )
    host.close()

    const reopened = testHost(dir, clock).host
    const full = await reopened.call('incident:get', { id: incidentId })
    if (!full.ok) throw new Error(full.error.message)
    expect(full.value.timeline.map((t) => t.kind)).toEqual(['lifecycle', 'action', 'note'])
    expect(full.value.timeline[1]).toMatchObject({
      deleted: false,
      text: 'Rolled back api to v2.14.1',
    })
    expect(full.value.timeline[2]).toMatchObject({ text: 'Error rate 45%', verified: false })
  })

  it('refuses bad input with a clear message and writes nothing', async () => {
    const { host, incidentId } = await withIncident()
    const before = logLines(incidentId)
    const cases = await Promise.all([
      host.dispatch('timeline:add', { incidentId, entry: { kind: 'note', text: '   ' } }),
      host.dispatch('timeline:add', {
        incidentId,
        entry: { kind: 'paste', text: 'x'.repeat(10 * 1024 * 1024) },
      }),
      host.dispatch('timeline:add', { incidentId, entry: { kind: 'link', url: 'grafana' } }),
      host.dispatch('timeline:add', {
        incidentId,
        entry: { kind: 'note', text: 'later' },
        occurredAt: '2026-11-23T18:00:00Z',
      }),
      host.dispatch('attachment:add', {
        incidentId,
        png: Buffer.from('GIF89a not a png').toString('base64'),
      }),
      host.dispatch('attachment:add', { incidentId, png: corruptPng().toString('base64') }),
      host.dispatch('timeline:edit', { incidentId, entryId: 'nope', changes: { text: 'x' } }),
    ])
    const messages = cases.map((r) => (r.ok ? 'ok' : r.error.message))
    expect(messages[0]).toBe('Write something first: the note is empty.')
    expect(messages[1]).toContain('This text is 10.0 MB; an entry holds at most 1 MB.')
    expect(messages[2]).toContain('full address starting with https://')
    expect(messages[3]).toContain('in the future')
    expect(messages[4]).toContain('not a PNG image')
    expect(messages[5]).toContain('That image is damaged (bad IDAT checksum)')
    expect(messages[6]).toContain('not on this incident’s timeline')
    expect(logLines(incidentId)).toBe(before)
    expect(readdirSync(join(dir, 'incidents', incidentId, 'attachments'))).toEqual([])
  })

  it('stores a pasted PNG and a captured one as real PNG files and serves them back', async () => {
    const capturer = recordingCapturer()
    const { host, incidentId } = await withIncident(capturer)
    const pasted = await host.call('attachment:add', {
      incidentId,
      png: samplePng().toString('base64'),
      caption: 'Grafana: 5xx spike',
    })
    const sources = await host.call('capture:sources', undefined)
    expect(sources.ok && sources.value.sources.map((s) => s.kind)).toEqual(['screen', 'window'])
    const captured = await host.call('capture:take', { incidentId, sourceId: 'window:42' })
    if (!pasted.ok || !captured.ok) throw new Error('image failed')
    expect(capturer.captured).toEqual(['window:42'])
    expect(captured.value).toMatchObject({ kind: 'image', width: 320, height: 200 })
    for (const entry of [pasted.value, captured.value]) {
      if (entry.kind !== 'image') throw new Error('not an image')
      const file = join(dir, 'incidents', incidentId, 'attachments', entry.file)
      expect(statSync(file).size).toBeGreaterThan(100)
      expect(() => checkPng(readFileSync(file))).not.toThrow()
    }
    const got = await host.call('attachment:get', { incidentId, entryId: pasted.value.id })
    expect(got.ok && got.value.dataUrl).toBe(
      `data:image/png;base64,${samplePng().toString('base64')}`,
    )
  })

  it('explains how to grant screen recording when macOS denies it', async () => {
    const { host, incidentId } = await withIncident(recordingCapturer('denied'))
    const sources = await host.call('capture:sources', undefined)
    expect(sources.ok && sources.value.help).toContain('Privacy & Security > Screen Recording')
    const take = await host.call('capture:take', { incidentId, sourceId: 'screen:0' })
    expect(take.ok || take.error.message).toContain('Screen Recording')
    expect(existsSync(join(dir, 'incidents', incidentId, 'attachments'))).toBe(true)
  })

  it('adds a quick note to the selected incident, else the most recent active one', async () => {
    const { host, clock, incidentId: first } = await withIncident()
    clock.advance(60_000)
    const second = await host.call('incident:record', {
      title: 'Thumbnails slow',
      severity: 3,
      detection: 'manual-check',
      recorder: 'Dana',
    })
    if (!second.ok) throw new Error('record failed')
    const toRecent = await host.call('quicknote:add', { text: 'goes to the newest' })
    expect(toRecent.ok && toRecent.value.incidentId).toBe(second.value.id)
    await host.call('quicknote:target', { incidentId: first })
    const ctx = await host.call('quicknote:context', undefined)
    expect(ctx.ok && ctx.value.incident?.title).toBe('API down')
    const toSelected = await host.call('quicknote:add', { text: 'goes to the selected' })
    expect(toSelected.ok && toSelected.value.incidentId).toBe(first)
    const empty = await host.call('quicknote:add', { text: '' })
    expect(empty.ok || empty.error.message).toBe('Write something first: the note is empty.')
  })
})

/** A real PNG with one byte of its pixel data flipped: the CRC no longer matches. */
function corruptPng(): Buffer {
  const png = Buffer.from(samplePng())
  const idat = png.indexOf('IDAT')
  png[idat + 6] = png[idat + 6]! ^ 0xff
  return png
}
