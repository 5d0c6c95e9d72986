import { basename } from 'node:path'
import { nodeFs, type FsPort } from '../store/fs-port'

/** Thrown where a test says the process dies: nothing after it runs, as with SIGKILL. */
export class SimulatedCrash extends Error {}

type Op = 'open' | 'write' | 'fsync' | 'truncate' | 'mkdir'

/**
 * The real file system with faults a test arms: writes cut short, ENOSPC after some bytes, EIO on
 * fsync, or a crash at a chosen call. It records every call, so a test can also see that an
 * fsync happened (which no SIGKILL test can: the page cache survives a killed process).
 */
export class FaultyFs implements FsPort {
  readonly calls: { op: Op; path: string }[] = []
  /** Faults injected so far, for the report. */
  injected = 0
  /** At most this many bytes per write (the rest on the caller's next call). */
  maxWrite = Infinity
  /** After this many more bytes, writes fail with `failWith`. */
  private bytesLeft = Infinity
  private failWith = 'ENOSPC'
  private fsyncFailures = 0
  private truncateFailures = 0
  private crashAt: ((op: Op, path: string) => boolean) | undefined
  private readonly paths = new Map<number, string>()

  failWritesAfter(bytes: number, code = 'ENOSPC'): this {
    this.bytesLeft = bytes
    this.failWith = code
    return this
  }

  failNextFsync(times = 1): this {
    this.fsyncFailures = times
    return this
  }

  failNextTruncate(times = 1): this {
    this.truncateFailures = times
    return this
  }

  /** Crashes (throws SimulatedCrash) at the first call `when` picks. */
  crashWhen(when: (op: Op, path: string) => boolean): this {
    this.crashAt = when
    return this
  }

  heal(): void {
    this.bytesLeft = Infinity
    this.maxWrite = Infinity
    this.fsyncFailures = 0
    this.truncateFailures = 0
    this.crashAt = undefined
  }

  private check(op: Op, path: string): void {
    this.calls.push({ op, path })
    if (this.crashAt?.(op, path)) {
      this.crashAt = undefined
      this.injected++
      throw new SimulatedCrash(`crash at ${op} ${basename(path)}`)
    }
  }

  open(path: string, flags: Parameters<FsPort['open']>[1]): number {
    this.check('open', path)
    const fd = nodeFs.open(path, flags)
    this.paths.set(fd, path)
    return fd
  }

  write(fd: number, bytes: Uint8Array, offset: number, length: number): number {
    this.check('write', this.paths.get(fd) ?? '?')
    if (this.bytesLeft <= 0) {
      this.injected++
      throw errno(this.failWith)
    }
    const n = Math.min(length, this.maxWrite, this.bytesLeft)
    if (n < length) this.injected++
    this.bytesLeft -= n
    return nodeFs.write(fd, bytes, offset, n)
  }

  fsync(fd: number): void {
    this.check('fsync', this.paths.get(fd) ?? '?')
    if (this.fsyncFailures > 0) {
      this.fsyncFailures--
      this.injected++
      throw errno('EIO')
    }
    nodeFs.fsync(fd)
  }

  truncate(fd: number, size: number): void {
    this.check('truncate', this.paths.get(fd) ?? '?')
    if (this.truncateFailures > 0) {
      this.truncateFailures--
      this.injected++
      throw errno('EIO')
    }
    nodeFs.truncate(fd, size)
  }

  size(fd: number): number {
    return nodeFs.size(fd)
  }

  close(fd: number): void {
    this.paths.delete(fd)
    nodeFs.close(fd)
  }

  mkdir(path: string): void {
    this.check('mkdir', path)
    nodeFs.mkdir(path)
  }
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected by the test`), { code })
}
