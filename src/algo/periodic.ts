/**
 * Named periodic tasks on an injected clock: each reschedules itself after it runs, all stop together.
 * The owner's `start()` calls `every`, its `stop()` calls `stop` (every timer has an owner).
 */
import type { Clock, TimerHandle } from './clock.js'

export class PeriodicTasks {
  private readonly clock: Clock
  private readonly onError: (name: string, err: unknown) => void
  private readonly timers = new Map<string, TimerHandle>()
  private running = false

  constructor (clock: Clock, onError: (name: string, err: unknown) => void) {
    this.clock = clock
    this.onError = onError
  }

  /** Runs `fn` every `ms` (the first time after `ms`, or at once with `now`) until `stop()`. */
  every (name: string, ms: number, fn: () => void, now = false): void {
    this.running = true
    const tick = (): void => {
      if (!this.running) return
      try { fn() } catch (err) { this.onError(name, err) }
      if (this.running) this.timers.set(name, this.clock.setTimeout(tick, ms))
    }
    if (now) tick()
    else this.timers.set(name, this.clock.setTimeout(tick, ms))
  }

  stop (): void {
    this.running = false
    for (const t of this.timers.values()) this.clock.clearTimeout(t)
    this.timers.clear()
  }
}
