/**
 * Measures how a backup import meets zip bombs: the time to refuse and the growth of
 * the process's peak memory. Each bomb is built streaming (never whole in memory), then read the
 * way the app reads a picked backup, in-process (the worst case: the app does it in a worker).
 *
 *   npx tsx scripts/zip-bomb.ts
 */
import { execFileSync } from 'node:child_process'
import { randomFillSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { checkBackup } from '../electron/services/backup'
import { MANIFEST, unzipBackup } from '../electron/services/backup-unzip'

const ID = '00000000-0000-4000-8000-000000000001'
const MB = 1024 * 1024

/** A zip whose entries are `mb` megabytes of zeros (or random bytes, stored) each. */
function bomb(entries: Record<string, number>, listed: string[], random = false): Uint8Array {
  const parts: Uint8Array[] = []
  const zip = new Zip((err, chunk) => {
    if (err) throw err
    parts.push(chunk)
  })
  const manifest = new ZipPassThrough(MANIFEST)
  zip.add(manifest)
  manifest.push(
    strToU8(
      JSON.stringify({
        format: 'incident-tray-backup',
        version: 1,
        createdAt: new Date().toISOString(),
        incidents: listed.map((id) => ({ id, title: 'bomb', events: 1, images: 0 })),
      }),
    ),
    true,
  )
  const zeros = new Uint8Array(16 * MB)
  if (random) randomFillSync(zeros)
  for (const [name, mb] of Object.entries(entries)) {
    const file = random ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 9 })
    zip.add(file)
    for (let left = mb; left > 0; left -= 16)
      file.push(zeros.subarray(0, Math.min(16, left) * MB), left <= 16)
  }
  zip.end()
  return Buffer.concat(parts)
}

/** Reads one archive in this (fresh) process and prints what happened. */
function read(path: string): string {
  const before = process.resourceUsage().maxRSS
  const started = performance.now()
  let outcome = 'accepted'
  try {
    checkBackup(unzipBackup(readFileSync(path)))
  } catch (err) {
    outcome = `refused: ${(err as Error).message.split('. Nothing')[0]}`
  }
  const ms = performance.now() - started
  // maxRSS is the process's peak so far: its growth is what this read added at its worst.
  const peak = Math.max(process.resourceUsage().maxRSS - before, 0) / 1024
  return `${ms.toFixed(0)} ms, peak memory growth ${peak.toFixed(0)} MB; ${outcome}`
}

if (process.argv[2] === '--read') {
  console.log(read(process.argv[3]!))
  process.exit(0)
}

const dir = mkdtempSync(join(tmpdir(), 'zip-bomb-'))
const cases: [string, () => Uint8Array][] = [
  ['1.5 GB in entries the format does not name', () => bomb({ 'a.bin': 768, 'b.bin': 768 }, [])],
  ['1.5 GB as one incident log', () => bomb({ [`incidents/${ID}/events.jsonl`]: 1536 }, [ID])],
  [
    '1.5 GB as 75 screenshots of 20 MB',
    () =>
      bomb(
        Object.fromEntries(
          Array.from({ length: 75 }, (_, i) => [`incidents/${ID}/attachments/a${i}.png`, 20]),
        ),
        [],
      ),
  ],
  [
    'not a bomb: 300 MB of stored random bytes as 15 screenshots (refused later: not PNGs)',
    () =>
      bomb(
        Object.fromEntries(
          Array.from({ length: 15 }, (_, i) => [`incidents/${ID}/attachments/a${i}.png`, 20]),
        ),
        [],
        true,
      ),
  ],
]
try {
  for (const [name, make] of cases) {
    const path = join(dir, 'bomb.zip')
    writeFileSync(path, make())
    const size = (statSync(path).size / MB).toFixed(2)
    // A fresh process per archive, so its peak memory is this read's alone.
    const answer = execFileSync('npx', ['tsx', import.meta.filename, '--read', path], {
      encoding: 'utf8',
    }).trim()
    console.log(`${name}: ${size} MB file, ${answer}`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
