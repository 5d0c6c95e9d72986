/**
 * The writer side of the crash test (electron/store/crash.test.ts): writes as fast as it can and acknowledges
 * each write on stdout only after it returned (fsynced), until it is killed. Modes:
 * - `append`: events on one incident;
 * - `create`: new incidents (folder, then first line);
 * - `attach`: images (the PNG file, then the event that points at it).
 * It writes through a port that takes 2 KB at a time, a millisecond each, as a slow disk does:
 * a kill then lands inside a line often enough for torn tails to really happen.
 */
import { writeSync } from 'node:fs'
import { encodePng } from '../../scripts/png'
import { IncidentRepository } from '../services/incidents'
import { writeAttachment } from '../store/attachments'
import { lockDataFolder } from '../store/data-lock'
import { nodeFs, type FsPort } from '../store/fs-port'
import { IncidentStore } from '../store/incident-store'

const [dataDir = '', mode = 'append', incidentId = ''] = process.argv.slice(2)
const pause = new Int32Array(new SharedArrayBuffer(4))
const slowDisk: FsPort = {
  ...nodeFs,
  write: (fd, bytes, offset, length) => {
    const written = nodeFs.write(fd, bytes, offset, Math.min(length, 2048))
    // A millisecond per chunk, without loading the real disk: kills land between chunks.
    Atomics.wait(pause, 0, 0, 1)
    return written
  },
}
const now = () => new Date()
// Each start takes over the lock the killed writer before it left behind.
lockDataFolder(dataDir, {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const timer = setTimeout(fn, ms)
    return () => clearTimeout(timer)
  },
})
const store = new IncidentStore(dataDir, now, { fs: slowDisk })
const repo = new IncidentRepository(store, now)
const ack = (text: string | number) => writeSync(1, `${text}\n`)
const png = encodePng(
  160,
  100,
  new Uint8Array(160 * 100 * 4).map((_, i) => (i * 37) % 251),
)

for (let n = 1; ; n++) {
  if (mode === 'create') {
    const created = repo.record(
      {
        title: `Created ${n} `.padEnd(60 + ((n * 7919) % 180), 'x'),
        observed: 'y'.repeat((n * 104729) % 3000),
        severity: 2,
        detection: 'alert',
        area: '',
        recorder: 'crash',
        status: 'pending',
      },
      'openverse',
    )
    ack(created.id)
    continue
  }
  const incident = repo.get(incidentId)
  const seq = incident.lastSeq! + 1
  if (mode === 'attach') {
    const file = `img-${seq}.png`
    writeAttachment(store.attachmentsDir(incidentId), file, png, slowDisk)
    repo.commit(incidentId, [
      {
        type: 'entry.added',
        id: `e-${seq}`,
        incidentId,
        at: now().toISOString(),
        by: 'crash',
        entryId: `e-${seq}`,
        occurredAt: now().toISOString(),
        verified: true,
        content: { kind: 'image', caption: `shot ${seq}`, file, width: 160, height: 100 },
      },
    ])
    ack(seq)
    continue
  }
  // Lines of varying length, some long, so kills land mid-write now and then.
  const text = `event ${seq} `.padEnd(50 + ((seq * 7919) % 6000), 'x')
  repo.commit(incidentId, [
    {
      type: 'update.posted',
      id: `e-${seq}`,
      incidentId,
      at: now().toISOString(),
      by: 'crash',
      text,
    },
  ])
  ack(seq)
}
