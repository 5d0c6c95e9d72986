import { readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { IncidentEvent } from '../domain/events'
import { readEventLine } from './fast-event-check'
import { fileStamp, writeFileAtomic } from './fs-util'
import { fsyncDirWith, nodeFs, writeAll, writeSynced, type FsPort } from './fs-port'

const NEWLINE = 0x0a
const LINE_END = Buffer.from('\n')

/** A write the store could not make durable; nothing of it is left in the log. */
export class StorageError extends Error {
  constructor(
    readonly code: string,
    cause: unknown,
  ) {
    super(`${code}: ${(cause as Error).message}`)
    this.name = 'StorageError'
  }
}

/**
 * Appends events as JSON lines, all or nothing: every byte written and fsynced, or the log cut
 * back to its size before the call and a StorageError thrown, so a command is acknowledged only
 * once it is durable and a failed one leaves no fragment for the next line to be glued to.
 * `expectedSize` is the size the store last saw: bytes beyond it were never acknowledged (a
 * failed cut-back), and are removed first. Returns the log's size after the append.
 */
export function appendEvents(
  path: string,
  events: readonly IncidentEvent[],
  { fs = nodeFs, expectedSize }: { fs?: FsPort; expectedSize?: number } = {},
): number {
  const bytes = Buffer.from(events.map((e) => JSON.stringify(e) + '\n').join(''), 'utf8')
  const fd = fs.open(path, 'a')
  try {
    let before = fs.size(fd)
    if (expectedSize !== undefined && before > expectedSize) {
      fs.truncate(fd, expectedSize)
      before = expectedSize
    }
    try {
      writeAll(fs, fd, bytes)
      fs.fsync(fd)
      // The log's first line created its directory entry: make that durable too.
      if (before === 0) fsyncDirWith(fs, dirname(path))
    } catch (err) {
      try {
        fs.truncate(fd, before)
        fs.fsync(fd)
      } catch {
        // The next append cuts the log back to `expectedSize`; a restart sets the bytes aside.
      }
      throw new StorageError((err as NodeJS.ErrnoException).code ?? 'EIO', err)
    }
    return before + bytes.length
  } finally {
    fs.close(fd)
  }
}

/** A line this app does not know, kept in the log as it is. */
export interface UnknownLine {
  line: number
  type: string
  version: number
}

export interface LogRead {
  events: IncidentEvent[]
  /** Size of the log once read (after any repair). */
  size: number
  /** A last line cut off by a crash, moved to `<log>.torn-<time>`. */
  tornTail?: { path: string }
  /** Middle lines that are not events, moved with their line numbers to `<log>.damaged-<time>`. */
  damaged?: { path: string; lines: number[] }
  /**
   * Lines repaired to pass their schema (a retrospective draft that was not valid), kept as they
   * were in `<log>.repaired-<time>` with their line numbers and why; the log holds them repaired.
   */
  repaired?: { path?: string; lines: { line: number; why: string }[] }
  /** Lines of an unknown type or a newer schema version: the incident is read-only. */
  unknown: UnknownLine[]
  /** Damaged or torn lines left in place because the log holds lines of a newer app. */
  leftInPlace: number
  /** Seq numbers that repeat or go backwards, and missing ones, as read. */
  seq: { repeats: number[]; missing: number[] }
}

/**
 * Reads a log. A torn last line (a crash mid-write) goes to `<log>.torn-<time>`; a damaged line
 * in the middle to `<log>.damaged-<time>` with its line number; the log is rewritten without
 * them, every event kept. A log that holds a line of a newer app is never rewritten.
 */
export function readEventLog(path: string, now: Date, fs: FsPort = nodeFs): LogRead {
  const empty = { events: [], size: 0, unknown: [], leftInPlace: 0, seq: noSeqProblem() }
  let buf: Buffer
  try {
    buf = readFileSync(path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return empty
    throw err
  }
  const clean = parseCleanLog(buf)
  if (clean) {
    const { events, unknown } = clean
    return { events, size: buf.length, unknown, leftInPlace: 0, seq: checkSeq(events) }
  }
  const parsed = parseLog(buf)
  const { events, good, damaged, torn, unknown, repaired: fixed } = parsed
  const seq = checkSeq(events)
  const bad = damaged.length + (torn ? 1 : 0)
  const fixedLines = fixed.map(({ line, why }) => ({ line, why }))
  if (bad === 0 && fixed.length === 0) {
    return { events, size: buf.length, unknown, leftInPlace: 0, seq }
  }
  if (unknown.length > 0) {
    // Never rewritten: repaired in memory, at every read.
    const read: LogRead = { events, size: buf.length, unknown, leftInPlace: bad, seq }
    return fixed.length > 0 ? { ...read, repaired: { lines: fixedLines } } : read
  }

  const stamp = fileStamp(now)
  const read: LogRead = { events, size: 0, unknown, leftInPlace: 0, seq }
  if (fixed.length > 0) {
    // The lines as they were, first and durably; the log then holds them repaired.
    const aside = `${path}.repaired-${stamp}`
    read.repaired = { path: aside, lines: fixedLines }
    const records = fixed.map((r) => JSON.stringify(sideRecord(r.line, r.bytes, r.why)) + '\n')
    writeSide(fs, aside, Buffer.from(records.join(''), 'utf8'))
  }
  // Keep the bad bytes first, durably; only then take them out of the log.
  if (torn) {
    read.tornTail = { path: `${path}.torn-${stamp}` }
    writeSide(fs, read.tornTail.path, Buffer.concat([torn.bytes, LINE_END]))
  }
  if (damaged.length > 0) {
    read.damaged = { path: `${path}.damaged-${stamp}`, lines: damaged.map((d) => d.line) }
    const records = damaged.map((d) => JSON.stringify(sideRecord(d.line, d.bytes, d.why)) + '\n')
    writeSide(fs, read.damaged.path, Buffer.from(records.join(''), 'utf8'))
  }
  const repaired = joinLines(good)
  writeFileAtomic(path, repaired)
  read.size = repaired.length
  return read
}

/** A set-aside line: its number in the log, why, and its bytes (as text when they are UTF-8). */
function sideRecord(line: number, bytes: Buffer, why: string) {
  const asText = bytes.toString('utf8')
  return Buffer.from(asText, 'utf8').equals(bytes)
    ? { line, why, text: asText }
    : { line, why, base64: bytes.toString('base64') }
}

function writeSide(fs: FsPort, path: string, bytes: Buffer): void {
  writeSynced(fs, path, 'a', bytes)
  fsyncDirWith(fs, dirname(path))
}

/** Lines (without their newline) back into log bytes, each ending in a newline. */
export function joinLines(lines: readonly Buffer[]): Buffer {
  return Buffer.concat(lines.flatMap((line) => [line, LINE_END]))
}

export interface ParsedLog {
  events: IncidentEvent[]
  /** Every line that stays in the log: events (repaired ones as repaired) and unknown lines, in order. */
  good: Buffer[]
  /** Lines the reader repaired to pass their schema: as they were, and why. */
  repaired: { line: number; bytes: Buffer; why: string }[]
  damaged: { line: number; bytes: Buffer; why: string }[]
  torn?: { line: number; bytes: Buffer }
  unknown: UnknownLine[]
}

/**
 * The common case, a log with no damaged or torn line: decoded once, not line by line (that was
 * half of replaying every log at start-up). Undefined at the first sign of trouble, and the careful
 * byte-wise `parseLog` takes over, keeping the bad bytes exactly as they were.
 */
function parseCleanLog(
  buf: Buffer,
): { events: IncidentEvent[]; unknown: UnknownLine[] } | undefined {
  if (buf.length > 0 && buf[buf.length - 1] !== NEWLINE) return undefined
  const text = buf.toString('utf8')
  // Bytes that are not UTF-8 decode to U+FFFD: let parseLog keep them as they were.
  if (text.includes('\uFFFD')) return undefined
  const events: IncidentEvent[] = []
  const unknown: UnknownLine[] = []
  let start = 0
  let lineNo = 0
  while (start < text.length) {
    const end = text.indexOf('\n', start)
    const line = text.slice(start, end)
    start = end + 1
    lineNo++
    if (line.length === 0) continue
    const result = readEventLine(line)
    if (result.kind === 'event' && result.repaired === undefined) events.push(result.event)
    else if (result.kind === 'unknown') {
      unknown.push({ line: lineNo, type: result.type, version: result.version })
    } else return undefined
  }
  return { events, unknown }
}

/** Splits a log's bytes into events, unknown lines, damaged lines and a torn tail. */
export function parseLog(buf: Buffer): ParsedLog {
  const out: ParsedLog = { events: [], good: [], damaged: [], unknown: [], repaired: [] }
  let start = 0
  let lineNo = 0
  while (start < buf.length) {
    const end = buf.indexOf(NEWLINE, start)
    const line = buf.subarray(start, end === -1 ? buf.length : end)
    start = end === -1 ? buf.length : end + 1
    lineNo++
    if (line.length === 0) continue
    if (end === -1) {
      // No newline: the write of this line never finished. Even if it parses, it was never
      // acknowledged (the newline is written with the line, in the same call).
      out.torn = { line: lineNo, bytes: line }
      break
    }
    const result = readEventLine(line.toString('utf8'))
    if (result.kind === 'event') {
      out.events.push(result.event)
      if (result.repaired === undefined) out.good.push(line)
      else {
        out.good.push(Buffer.from(JSON.stringify(result.event), 'utf8'))
        out.repaired.push({ line: lineNo, bytes: line, why: result.repaired })
      }
    } else if (result.kind === 'unknown') {
      out.unknown.push({ line: lineNo, type: result.type, version: result.version })
      out.good.push(line)
    } else {
      out.damaged.push({ line: lineNo, bytes: line, why: result.why })
    }
  }
  return out
}

function noSeqProblem(): LogRead['seq'] {
  return { repeats: [], missing: [] }
}

/** Seq must count up by one; a gap is a line set aside, a repeat a second writer. */
function checkSeq(events: readonly IncidentEvent[]): LogRead['seq'] {
  const seq = noSeqProblem()
  let last = 0
  for (const event of events) {
    if (event.seq <= last) seq.repeats.push(event.seq)
    else for (let s = last + 1; s < event.seq && seq.missing.length < 100; s++) seq.missing.push(s)
    last = Math.max(last, event.seq)
  }
  return seq
}
