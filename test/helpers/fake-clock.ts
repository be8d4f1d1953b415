/**
 * A fake {@link Clock} for the unit tests of the pure engines: time stands still until a test advances it,
 * and advancing runs the timers that fall due, in order of their due time (ties in the order they were set),
 * each with `now()` equal to its due time. Timers set by a running timer run in the same advance when they
 * fall due before its end.
 *
 * @example
 * ```ts
 * const clock = new FakeClock()
 * const engine = new PullEngine(adapter, { clock })
 * engine.start()
 * clock.advance(4 * second) // the first round starts
 * engine.stop()
 * assert.equal(clock.pending, 0)
 * ```
 */
import type { Clock, TimerHandle } from '../../src/algo/clock.js'

interface FakeTimer {
  readonly id: number
  readonly due: number
  readonly fn: () => void
}

/** A fake clock: `now()` moves only when the test calls {@link FakeClock.advance} (or a sibling). */
export class FakeClock implements Clock {
  private current: number
  private nextId = 1
  private readonly timers = new Map<number, FakeTimer>()

  /** @param start the initial `now()`, e.g. `Date.now()` when certificates' validity matters. @default 0 */
  constructor (start = 0) {
    this.current = start
  }

  now (): number {
    return this.current
  }

  setTimeout (fn: () => void, ms: number): TimerHandle {
    const delay = Number.isFinite(ms) ? Math.max(0, ms) : 0
    const id = this.nextId++
    this.timers.set(id, { id, due: this.current + delay, fn })
    return id
  }

  clearTimeout (handle: TimerHandle): void {
    if (typeof handle === 'number') this.timers.delete(handle)
  }

  /** Timers set and neither run nor cleared. */
  get pending (): number {
    return this.timers.size
  }

  /** Due times of the pending timers, soonest first. */
  dueTimes (): number[] {
    return [...this.timers.values()].sort(order).map(t => t.due)
  }

  /** Due time of the next timer, or undefined when none is pending. */
  nextDue (): number | undefined {
    return this.next()?.due
  }

  /** Moves time forward by `ms`, running every timer that falls due; returns how many ran. */
  advance (ms: number): number {
    if (ms < 0) throw new RangeError('a clock does not go back')
    return this.advanceTo(this.current + ms)
  }

  /** Moves time forward to `t`, running every timer due at or before `t`; returns how many ran. */
  advanceTo (t: number): number {
    if (t < this.current) throw new RangeError('a clock does not go back')
    let ran = 0
    for (let timer = this.next(); timer !== undefined && timer.due <= t; timer = this.next()) {
      this.fire(timer)
      ran++
    }
    this.current = t
    return ran
  }

  /** Jumps to the next timer's due time and runs it; false when no timer is pending. */
  runNext (): boolean {
    const timer = this.next()
    if (timer === undefined) return false
    this.fire(timer)
    return true
  }

  /**
   * Runs timers until none is pending (time jumps to each), at most `limit` of them: periodic timers set
   * themselves again forever, so the limit stops those.
   * @returns how many ran
   */
  runAll (limit = 10_000): number {
    let ran = 0
    while (ran < limit && this.runNext()) ran++
    return ran
  }

  /**
   * As {@link advance}, for engines with asynchronous steps: lets pending promise callbacks and I/O
   * callbacks run (one macrotask turn) after each timer and once at the end.
   */
  async advanceAsync (ms: number): Promise<number> {
    if (ms < 0) throw new RangeError('a clock does not go back')
    const t = this.current + ms
    let ran = 0
    await settle()
    for (let timer = this.next(); timer !== undefined && timer.due <= t; timer = this.next()) {
      this.fire(timer)
      ran++
      await settle()
    }
    this.current = t
    await settle()
    return ran
  }

  private next (): FakeTimer | undefined {
    let best: FakeTimer | undefined
    for (const timer of this.timers.values()) {
      if (best === undefined || order(timer, best) < 0) best = timer
    }
    return best
  }

  private fire (timer: FakeTimer): void {
    this.timers.delete(timer.id)
    this.current = Math.max(this.current, timer.due)
    timer.fn()
  }
}

function order (a: FakeTimer, b: FakeTimer): number {
  return a.due - b.due || a.id - b.id
}

async function settle (): Promise<void> {
  await new Promise<void>(resolve => { setImmediate(resolve) })
}
