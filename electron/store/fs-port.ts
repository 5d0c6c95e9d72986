import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  writeSync,
} from 'node:fs'

import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files'

/**
 * The file-system calls the store writes through. The app passes `nodeFs`; tests pass a port that
 * injects faults (short writes, ENOSPC, EIO on fsync, a crash at a chosen call) to prove that an
 * acknowledged event is durable and an unacknowledged one leaves nothing behind.
 */
export interface FsPort {
  open(path: string, flags: 'a' | 'r' | 'r+' | 'w' | 'wx'): number
  /** Writes up to `length` bytes; may write fewer (the caller loops). */
  write(fd: number, bytes: Uint8Array, offset: number, length: number): number
  fsync(fd: number): void
  truncate(fd: number, size: number): void
  size(fd: number): number
  close(fd: number): void
  mkdir(path: string): void
}

export const nodeFs: FsPort = {
  // Private to the owner when created (private-files.ts); an existing file keeps its mode.
  open: (path, flags) => openSync(path, flags, PRIVATE_FILE_MODE),
  write: (fd, bytes, offset, length) => writeSync(fd, bytes, offset, length),
  fsync: (fd) => fsyncSync(fd),
  truncate: (fd, size) => ftruncateSync(fd, size),
  size: (fd) => fstatSync(fd).size,
  close: (fd) => closeSync(fd),
  mkdir: (path) => void mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE }),
}

/** Writes every byte, however many calls it takes; a write that makes no progress is an error. */
export function writeAll(fs: FsPort, fd: number, bytes: Uint8Array): void {
  let offset = 0
  while (offset < bytes.length) {
    const written = fs.write(fd, bytes, offset, bytes.length - offset)
    if (written <= 0) {
      throw Object.assign(new Error('The disk accepted no more bytes.'), { code: 'ENOSPC' })
    }
    offset += written
  }
}

/** Opens `path`, writes every byte, fsyncs and closes it (closed even when a step fails). */
export function writeSynced(fs: FsPort, path: string, flags: 'a' | 'w', bytes: Uint8Array): void {
  const fd = fs.open(path, flags)
  try {
    writeAll(fs, fd, bytes)
    fs.fsync(fd)
  } finally {
    fs.close(fd)
  }
}

/** fsyncs a directory so a new or renamed entry in it survives power loss. */
export function fsyncDirWith(fs: FsPort, dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.open(dir, 'r')
  } catch {
    // Windows cannot open a directory; its renames and creations are durable on their own.
    return
  }
  try {
    fs.fsync(fd)
  } catch (err) {
    // Some file systems refuse to fsync a directory (EINVAL); a real I/O error must be heard.
    if ((err as NodeJS.ErrnoException).code === 'EIO') throw err
  } finally {
    fs.close(fd)
  }
}
