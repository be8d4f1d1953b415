/**
 * Fabric's batching emitter (`gossip/gossip/batcher.go`): messages to push are buffered and handed to the
 * emit callback together, when the buffer reaches `burstSize` or every `latency`; each message is emitted
 * `iterations` times (one per flush), then dropped.
 *
 *   add(m1) add(m2) ... add(m10)   -> flush [m1..m10]          (burst size reached)
 *   add(m11) ... next tick         -> flush [m11]              (latency reached)
 *   iterations = 2                 -> m11 goes out again on the next flush, then is gone
 *
 * Ticks: as Fabric, flushes happen on a ticker of period `latency` running since `start()`, so a message waits
 * for the next tick (`latency / 2` on average). With `eager`, a message added while nothing was flushed for a
 * whole `latency` goes out at once (leading edge), and what follows within `latency` is batched until the
 * tick `latency` after that flush: a lone message (a block every 50 ms) never waits, a burst is still batched.
 *
 * Pure: time comes from the injected clock. The timer runs only while messages wait (an idle node sets no
 * timer; the ticker's phase is computed); it is owned by `start()`/`stop()`.
 */
import type { Clock, TimerHandle } from './clock.js'

export interface BatcherInit<T> {
  /** Flush when this many messages wait. @default 10 (Fabric `maxPropagationBurstSize`) */
  burstSize: number
  /** Flush at least this often, in ms. @default 10 (Fabric `maxPropagationBurstLatency`) */
  latency: number
  /** Times each message is emitted. 0 disables the emitter. @default 1 (Fabric `propagateIterations`) */
  iterations: number
  /** Receives each flush. */
  emit: (batch: T[]) => void
  clock: Clock
  /** Messages held at most; past it the oldest are dropped (and counted by `dropped`). @default 10_000 */
  capacity?: number
  /** Flush at once a message that finds the emitter idle for `latency` (see above). @default false (Fabric) */
  eager?: boolean
}

interface Pending<T> { item: T, left: number }

export class BatchingEmitter<T> {
  private readonly init: BatcherInit<T>
  private buffer: Array<Pending<T>> = []
  private timer: TimerHandle | undefined
  private running = false
  /** when the ticker started (`start()`), and when the last flush happened */
  private startedAt = 0
  private lastFlush = -Infinity
  /** Messages dropped because the buffer was full. */
  dropped = 0

  constructor (init: BatcherInit<T>) {
    this.init = init
  }

  start (): void {
    this.running = true
    this.startedAt = this.init.clock.now()
  }

  stop (): void {
    this.running = false
    if (this.timer !== undefined) this.init.clock.clearTimeout(this.timer)
    this.timer = undefined
    this.buffer = []
  }

  get size (): number { return this.buffer.length }

  add (item: T): void {
    if (!this.running || this.init.iterations <= 0) return
    if (this.buffer.length >= (this.init.capacity ?? 10_000)) {
      this.buffer.shift()
      this.dropped++
    }
    this.buffer.push({ item, left: this.init.iterations })
    if (this.buffer.length >= this.init.burstSize) this.flush()
    else if (this.init.eager === true && this.timer === undefined && this.init.clock.now() - this.lastFlush >= this.init.latency) this.flush()
    else this.schedule()
  }

  /** Emits everything buffered now. */
  flush (): void {
    if (this.buffer.length === 0) return
    this.lastFlush = this.init.clock.now()
    const batch = this.buffer.map(p => p.item)
    for (const p of this.buffer) p.left--
    this.buffer = this.buffer.filter(p => p.left > 0)
    this.init.emit(batch)
    if (this.buffer.length > 0) this.schedule()
  }

  /** Arms the timer for the next tick: `latency` after the last flush when eager, else the ticker's next tick. */
  private schedule (): void {
    if (this.timer !== undefined || !this.running) return
    const now = this.init.clock.now()
    const latency = this.init.latency
    const delay = this.init.eager === true
      ? Math.max(0, this.lastFlush + latency - now)
      : latency - ((now - this.startedAt) % latency)
    this.timer = this.init.clock.setTimeout(() => {
      this.timer = undefined
      if (this.running) this.flush()
    }, delay)
  }
}
