import type { Clock } from './ports'

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => {
    const handle = setTimeout(fn, ms)
    return () => clearTimeout(handle)
  },
}

/** A clock that moves only when told to; due timers fire in order as it advances. */
export class ManualClock implements Clock {
  private current: number
  private timers: { at: number; fn: () => void; seq: number }[] = []
  private seq = 0

  constructor(start: Date | number) {
    this.current = typeof start === 'number' ? start : start.getTime()
  }

  now(): number {
    return this.current
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer = { at: this.current + Math.max(0, ms), fn, seq: this.seq++ }
    this.timers.push(timer)
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
    }
  }

  /**
   * The machine sleeps for `ms`: time jumps, and timers that came due meanwhile fire once, late,
   * at wake-up (as a suspended process's timers do), instead of at each moment on the way.
   */
  sleep(ms: number): void {
    this.current += ms
    const due = this.timers
      .filter((t) => t.at <= this.current)
      .sort((a, b) => a.at - b.at || a.seq - b.seq)
    this.timers = this.timers.filter((t) => t.at > this.current)
    for (const timer of due) timer.fn()
  }

  advance(ms: number): void {
    this.set(this.current + ms)
  }

  /** Moves to `time`, firing every timer due on the way at its own time. */
  set(time: Date | number): void {
    const target = typeof time === 'number' ? time : time.getTime()
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0]
      if (!due) break
      this.timers = this.timers.filter((t) => t !== due)
      this.current = Math.max(this.current, due.at)
      due.fn()
    }
    this.current = target
  }
}
