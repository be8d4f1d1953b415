/**
 * Time, passed in: every pure engine (pull, election, alive expiry, identity store) reads the time and sets
 * its timers through a {@link Clock} given by its owner, so that tests drive it with a fake clock
 * (`test/helpers/fake-clock.ts`) and the node with {@link systemClock}.
 */

/** An opaque timer handle, as returned by {@link Clock.setTimeout}. */
export type TimerHandle = unknown

/** The time source and timer API of an engine. Durations and instants are milliseconds. */
export interface Clock {
  /** Milliseconds since the Unix epoch (the system clock) or since any origin (a fake clock). */
  now(): number
  /** Runs `fn` once, `ms` milliseconds from now. */
  setTimeout(fn: () => void, ms: number): TimerHandle
  /** Cancels a timer; a handle that already fired or was cleared is ignored. */
  clearTimeout(handle: TimerHandle): void
}

/** One millisecond, the unit of every duration of the engines. */
export const millisecond = 1
/** One second in milliseconds. */
export const second = 1000 * millisecond
/** One minute in milliseconds. */
export const minute = 60 * second
/** One hour in milliseconds. */
export const hour = 60 * minute

/**
 * The longest delay a timer may be set for: Node's timers take at most 2^31-1 ms (about 24.8 days) and fire
 * at once for anything longer. Engines that wait for far instants (a certificate's expiry) clamp to this
 * and check again when the timer fires.
 */
export const MAX_TIMER_DELAY = 2 ** 31 - 1

/** The real clock: `Date.now()` and Node's timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, Math.min(Math.max(0, ms), MAX_TIMER_DELAY)),
  clearTimeout: (handle) => { clearTimeout(handle as ReturnType<typeof setTimeout>) }
}
