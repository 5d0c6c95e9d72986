import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Host } from '../services/host'
import { FaultyFs, SimulatedCrash } from '../testing/faulty-fs'
import {
  recordingCapturer,
  samplePng,
  tempDir,
  testHost,
  tickAllCommunications,
} from '../testing/fixtures'
import { ManualClock } from '../services/clock'
import { FakeDesktop } from '../testing/fake-desktop'

/**
 * Faults injected through the store's file-system port. After each: reopen over the same folder;
 * every acknowledged event is there, nothing unacknowledged is half-applied, the user was told.
 */
let dir: string
let cleanup: () => void
let fs: FaultyFs
let faults = 0
beforeEach(() => {
  ;({ dir, cleanup } = tempDir())
  fs = new FaultyFs()
})
afterEach(() => {
  faults += fs.injected
  cleanup()
})
afterAll(() => console.log(`fault injection: ${faults} faults injected`))

const record = {
  title: 'Search is down',
  severity: 1,
  detection: 'alert' as const,
  recorder: 'Dana',
}
const open = (faulty?: FaultyFs) =>
  testHost(
    dir,
    new ManualClock(new Date('2026-11-23T14:00:00Z')),
    new FakeDesktop(),
    recordingCapturer(),
    faulty,
  ).host

async function recordOne(host: Host): Promise<string> {
  const result = await host.call('incident:record', record)
  if (!result.ok) throw new Error(result.error.message)
  return result.value.id
}
const note = (host: Host, incidentId: string, text: string) =>
  host.call('timeline:add', { incidentId, entry: { kind: 'note', text } })

/** The notes as the user sees them after a restart. */
async function notesAfterRestart(host: Host, id: string): Promise<string[]> {
  host.close()
  const again = open()
  const incident = await again.call('incident:get', { id })
  again.close()
  if (!incident.ok) throw new Error(incident.error.message)
  return incident.value.timeline.flatMap((t) => (t.kind === 'note' ? [t.text] : []))
}

function sideFiles(id: string): string[] {
  return readdirSync(join(dir, 'incidents', id)).filter(
    (f) => f.includes('.torn-') || f.includes('.damaged-'),
  )
}

describe('appends are all or nothing', () => {
  it('writes every byte of a line the disk takes a few bytes at a time', async () => {
    const host = open(fs)
    const id = await recordOne(host)
    fs.maxWrite = 7
    expect((await note(host, id, 'Cut into seven-byte writes')).ok).toBe(true)
    expect(fs.calls.filter((c) => c.op === 'write').length).toBeGreaterThan(10)
    expect(await notesAfterRestart(host, id)).toEqual(['Cut into seven-byte writes'])
    expect(sideFiles(id)).toEqual([])
  })

  it('refuses a note the full disk took half of, cuts the log back, and keeps the next one whole', async () => {
    const host = open(fs)
    const id = await recordOne(host)
    expect((await note(host, id, 'Acknowledged before')).ok).toBe(true)
    const log = join(dir, 'incidents', id, 'events.jsonl')
    const before = statSync(log).size
    fs.failWritesAfter(40, 'ENOSPC')
    const failed = await note(host, id, 'This one meets a full disk '.repeat(5))
    expect(failed).toEqual({
      ok: false,
      error: {
        code: 'disk-full',
        message:
          'The disk is full: your note was not saved. Free space and press Retry; the text is still in the box.',
      },
    })
    // Nothing of it is left for the next line to be glued to.
    expect(statSync(log).size).toBe(before)
    fs.heal()
    expect((await note(host, id, 'After freeing space')).ok).toBe(true)
    expect(await notesAfterRestart(host, id)).toEqual([
      'Acknowledged before',
      'After freeing space',
    ])
    expect(sideFiles(id)).toEqual([])
  })

  it('refuses a note whose fsync failed (EIO) and does not keep it', async () => {
    const host = open(fs)
    const id = await recordOne(host)
    fs.failNextFsync()
    const failed = await note(host, id, 'Never durable')
    expect(failed.ok || failed.error.message).toBe(
      'The disk reported an error (EIO): your note was not saved. Check the disk and press Retry; the text is still in the box.',
    )
    // The app still shows only what is on disk.
    const shown = await host.call('incident:get', { id })
    expect(shown.ok && shown.value.timeline.some((t) => t.kind === 'note')).toBe(false)
    fs.heal()
    expect((await note(host, id, 'Retried')).ok).toBe(true)
    expect(await notesAfterRestart(host, id)).toEqual(['Retried'])
  })

  it('refuses an update past the file size limit (ulimit -f, EFBIG) and keeps the log whole', async () => {
    const host = open(fs)
    const id = await recordOne(host)
    fs.failWritesAfter(10, 'EFBIG')
    const failed = await host.call('update:post', { id, text: 'Posted on the P2' })
    expect(failed.ok || failed.error.message).toBe(
      "The system's file size limit was reached: your update was not saved. Raise the limit or free space and press Retry; the text is still in the box.",
    )
    fs.heal()
    host.close()
    const again = open()
    const incident = await again.call('incident:get', { id })
    expect(incident.ok && incident.value.lastUpdateAt).toBe(null)
    expect(sideFiles(id)).toEqual([])
    again.close()
  })

  it('removes a fragment it could not cut back before the next append', async () => {
    const host = open(fs)
    const id = await recordOne(host)
    fs.failWritesAfter(25, 'EIO').failNextTruncate()
    expect((await note(host, id, 'Half written, not cut back')).ok).toBe(false)
    const log = join(dir, 'incidents', id, 'events.jsonl')
    expect(readFileSync(log, 'utf8').endsWith('\n')).toBe(false)
    fs.heal()
    expect((await note(host, id, 'Next')).ok).toBe(true)
    expect(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .every((l) => l.endsWith('}')),
    ).toBe(true)
    expect(await notesAfterRestart(host, id)).toEqual(['Next'])
    expect(sideFiles(id)).toEqual([])
  })

  it('refuses an image the full disk cut short: no file under its name, no entry', async () => {
    const host = open(fs)
    const id = await recordOne(host)
    const png = samplePng(200, 120).toString('base64')
    // Cut short in the image itself, then (the image whole) in the event that points at it.
    for (const after of [100, Buffer.from(png, 'base64').length + 10]) {
      fs.failWritesAfter(after, 'ENOSPC')
      const failed = await host.call('attachment:add', { incidentId: id, png, caption: 'Grafana' })
      expect(failed.ok || failed.error.message).toBe(
        'The disk is full: your image was not saved. Free space and press Retry; nothing of it was written.',
      )
      expect(readdirSync(join(dir, 'incidents', id, 'attachments'))).toEqual([])
    }
    fs.heal()
    expect((await host.call('attachment:add', { incidentId: id, png, caption: 'Again' })).ok).toBe(
      true,
    )
    host.close()
    const again = open()
    const incident = await again.call('incident:get', { id })
    const images = incident.ok ? incident.value.timeline.filter((t) => t.kind === 'image') : []
    expect(images.map((t) => t.kind === 'image' && t.caption)).toEqual(['Again'])
    again.close()
  })

  it('fsyncs the log and, for a new incident, its folder and the incidents folder', async () => {
    const host = open(fs)
    const id = await recordOne(host)
    const synced = fs.calls.filter((c) => c.op === 'fsync').map((c) => c.path)
    expect(synced).toEqual([
      join(dir, 'incidents'),
      join(dir, 'incidents', id, 'events.jsonl'),
      join(dir, 'incidents', id),
    ])
    host.close()
  })
})

describe('crashes between writes', () => {
  it('sets aside an incident whose folder was made but whose first line never was', async () => {
    const host = open(fs)
    const kept = await recordOne(host)
    fs.crashWhen((op, path) => op === 'open' && path.endsWith('events.jsonl'))
    await expect(async () => {
      const r = await host.call('incident:record', { ...record, title: 'Dies here' })
      if (!r.ok) throw new SimulatedCrash(r.error.message)
    }).rejects.toThrow()
    const again = open()
    const { incidents, notices } = again.snapshot()
    expect(incidents.map((i) => i.id)).toEqual([kept])
    expect(notices.map((n) => n.message).join('\n')).toMatch(
      /An incident being recorded when the app stopped \(.*\) had no saved event, so it was never recorded\. Its folder was kept as .*\.unfinished-/,
    )
    again.close()
  })

  it('finishes a 48-hour recurrence pair cut in half by a crash', async () => {
    const clock = new ManualClock(new Date('2026-11-20T10:00:00Z'))
    const host = testHost(dir, clock, new FakeDesktop(), recordingCapturer(), fs).host
    const old = await recordOne(host)
    await host.call('incident:move', { id: old, to: 'stabilized', summary: 'Rolled back' })
    await tickAllCommunications(host, old)
    const moved = await host.call('incident:move', { id: old, to: 'resolved', summary: 'Fixed' })
    expect(moved.ok || moved.error.message).toBe(true)
    clock.set(new Date('2026-11-23T10:00:00Z'))
    const oldLog = join(dir, 'incidents', old, 'events.jsonl')
    // The new incident is written with its link; the crash comes before the old one's link.
    fs.crashWhen((op, path) => op === 'open' && path === oldLog)
    const recurred = await host.call('incident:recur', { id: old, note: 'Again' })
    expect(recurred.ok).toBe(false)
    // The new incident is on disk: the answer says so instead of "nothing was changed".
    expect(recurred.ok === false && recurred.error.code).toBe('partly-recorded')

    const again = testHost(dir, clock).host
    const [newer] = again.snapshot().incidents.filter((i) => i.id !== old)
    const oldNow = await again.call('incident:get', { id: old })
    expect(oldNow.ok && oldNow.value.links).toEqual([
      { id: newer!.id, title: 'Search is down', relation: 'recurred-as' },
    ])
    const newNow = await again.call('incident:get', { id: newer!.id })
    expect(newNow.ok && newNow.value.links.map((l) => l.relation)).toEqual(['recurrence-of'])
    expect(
      again
        .snapshot()
        .notices.map((n) => n.message)
        .join('\n'),
    ).toMatch(/was recorded as a recurrence of .* The link was completed now\./)
    again.close()
  })
})
