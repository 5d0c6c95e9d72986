/**
 * The app's clock, faked in its own process (@sinonjs/fake-timers): Date and the timers the app
 * arms for deadlines. setImmediate, nextTick and I/O stay real so IPC, fs and promises run as
 * usual. The test sets and advances it through the display channel.
 */
import FakeTimers from '@sinonjs/fake-timers'

/** Captured before faking: the stand-in's own keep-alive must not depend on the fake clock. */
export const realSetInterval = globalThis.setInterval
export const realClearInterval = globalThis.clearInterval

const start = Number(process.env.STANDIN_NOW ?? Date.now())

export const clock = FakeTimers.install({
  now: start,
  toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
  shouldClearNativeTimers: true,
})

/** Moves time forward, firing every timer that falls due on the way (and what they arm). */
export async function advance(ms: number): Promise<number> {
  await clock.tickAsync(ms)
  return clock.now
}

/**
 * The machine sleeps: the date moves on, but timers are paused as they are in a suspended
 * machine (Node's timers run on the monotonic clock), so none fires for the time asleep.
 */
export function sleep(ms: number): number {
  clock.setSystemTime(clock.now + ms)
  return clock.now
}

/** Jumps to a time; forward jumps fire timers as they pass, backward ones just move the date. */
export async function setTime(at: number): Promise<number> {
  if (at > clock.now) return advance(at - clock.now)
  clock.setSystemTime(at)
  return clock.now
}
