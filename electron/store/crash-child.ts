/**
 * The writer side of the crash test (crash.test.ts): appends events to one incident as fast as it
 * can and acknowledges each on stdout only after its fsync returned, until it is killed.
 */
import { writeSync } from 'node:fs'
import { IncidentRepository } from '../services/incidents'
import { IncidentStore } from './incident-store'

const [dataDir = '', incidentId = ''] = process.argv.slice(2)
const now = () => new Date()
const store = new IncidentStore(dataDir, now)
const repo = new IncidentRepository(store, now)
let incident = repo.get(incidentId)
for (;;) {
  const seq = incident.version + 1
  // Lines of varying length, some long, so kills land mid-write now and then.
  const text = `event ${seq} `.padEnd(50 + ((seq * 7919) % 6000), 'x')
  incident = repo.commit(incidentId, [
    {
      type: 'update.posted',
      id: `e-${seq}`,
      incidentId,
      at: now().toISOString(),
      by: 'crash',
      text,
    },
  ])
  writeSync(1, `${seq}\n`)
}
