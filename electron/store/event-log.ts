import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  openSync,
  readFileSync,
  writeSync,
} from 'node:fs'
import type { IncidentEvent } from '../domain/events'
import { fileStamp, writeFileAtomic } from './fs-util'

const NEWLINE = 0x0a
const LINE_END = Buffer.from('\n')

/**
 * Appends events as JSON lines and fsyncs before returning, so an acknowledged event survives a
 * crash or power loss. One write per call: a crash can tear at most the last line. Returns the
 * log's size after the append (from the open file, so no second lookup by path).
 */
export function appendEvents(path: string, events: readonly IncidentEvent[]): number {
  const bytes = Buffer.from(events.map((e) => JSON.stringify(e) + '\n').join(''), 'utf8')
  const fd = openSync(path, 'a')
  try {
    writeSync(fd, bytes)
    fsyncSync(fd)
    return fstatSync(fd).size
  } finally {
    closeSync(fd)
  }
}

export interface LogRead {
  events: IncidentEvent[]
  /** Size of the log once read (after any repair). */
  size: number
  /** Where unreadable lines were set aside, if there were any. */
  setAside?: { path: string; lines: number; tornTail: boolean }
}

/**
 * Reads a log. A torn last line (a crash mid-write) or any line that is not a JSON event is moved
 * to a side file `<log>.torn-<time>` and removed from the log; every complete event is kept.
 */
export function readEventLog(path: string, now: Date): LogRead {
  if (!existsSync(path)) return { events: [], size: 0 }
  const buf = readFileSync(path)
  const { events, good, bad, tornTail } = parseLog(buf)
  if (bad.length === 0) return { events, size: buf.length }

  const sidePath = `${path}.torn-${fileStamp(now)}`
  // Keep the bad bytes first, durably; only then take them out of the log.
  appendFileSync(sidePath, joinLines(bad))
  const fd = openSync(sidePath, 'r+')
  fsyncSync(fd)
  closeSync(fd)
  const repaired = joinLines(good)
  writeFileAtomic(path, repaired)
  return {
    events,
    size: repaired.length,
    setAside: { path: sidePath, lines: bad.length, tornTail },
  }
}

/** Lines (without their newline) back into log bytes, each ending in a newline. */
export function joinLines(lines: readonly Buffer[]): Buffer {
  return Buffer.concat(lines.flatMap((line) => [line, LINE_END]))
}

/** Splits a log's bytes into events and the lines that are not events (a torn tail among them). */
export function parseLog(buf: Buffer): {
  events: IncidentEvent[]
  good: Buffer[]
  bad: Buffer[]
  tornTail: boolean
} {
  const events: IncidentEvent[] = []
  const good: Buffer[] = []
  const bad: Buffer[] = []
  let tornTail = false
  let start = 0
  while (start < buf.length) {
    const end = buf.indexOf(NEWLINE, start)
    const line = buf.subarray(start, end === -1 ? buf.length : end)
    start = end === -1 ? buf.length : end + 1
    if (line.length === 0) continue
    if (end === -1) {
      tornTail = true
      bad.push(line)
      break
    }
    const event = parseEvent(line)
    if (event) {
      events.push(event)
      good.push(line)
    } else {
      bad.push(line)
    }
  }
  return { events, good, bad, tornTail }
}

function parseEvent(line: Buffer): IncidentEvent | undefined {
  try {
    const value: unknown = JSON.parse(line.toString('utf8'))
    if (
      typeof value === 'object' &&
      value !== null &&
      'type' in value &&
      typeof value.type === 'string' &&
      'incidentId' in value &&
      typeof value.incidentId === 'string'
    ) {
      return value as IncidentEvent
    }
  } catch {
    // Not JSON: reported by the caller as set aside.
  }
  return undefined
}
