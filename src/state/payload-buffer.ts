/**
 * Fabric's payloads buffer (`gossip/state/payloads_buffer.go` with the distance check of `state.go`
 * addPayload), pure: payloads wait here, by sequence number, until every block before them is committed, so
 * that blocks commit strictly in order whatever order they arrive in.
 *
 * ```
 *   push(seq, payload, origin)
 *     seq <  next                              -> 'too-old'    (committed already)
 *     seq held already                         -> 'duplicate'
 *     seq >= next + blockBufferSize  (gossip)  -> 'too-far'    (Fabric: "cannot enqueue block")
 *     seq >= next + transferWindow   (transfer)-> 'too-far'
 *     otherwise kept                           -> 'accepted'; when seq == next, ready listeners run
 *   committer:  await whenReady(); while ((p = pop()) !== undefined) commit(p)   // pop: next only, next++
 *   advanceTo(height): a block committed by another path; drops what is below, next = height
 * ```
 *
 * `next` is the ledger height (the number of committed blocks, the next block to commit). Gossiped blocks
 * (push, pull) may be at most `blockBufferSize - 1` ahead of it, as in Fabric; blocks of state responses at
 * most `transferWindow - 1`, where Fabric instead blocks the state-transfer loop while the buffer holds more
 * than 2 x blockBufferSize payloads. The buffer therefore never holds more than
 * `max(blockBufferSize, transferWindow)` payloads.
 *
 * @example
 * ```ts
 * const buffer = new PayloadBuffer<Uint8Array>(await ledger.height())
 * buffer.push(seq, blockBytes)               // a block from gossip
 * buffer.push(seq, blockBytes, 'transfer')   // a block of a state response
 * for (;;) {                                 // the committer
 *   await buffer.whenReady(signal)
 *   for (let p = buffer.pop(); p !== undefined; p = buffer.pop()) await ledger.commit(p.seq, p.payload)
 * }
 * ```
 */
import { BLOCK_BUFFER_SIZE, TRANSFER_WINDOW } from './constants.js'

/** Outcome of {@link PayloadBuffer.push}. */
export type PushResult = 'accepted' | 'duplicate' | 'too-old' | 'too-far'

/**
 * Where a payload comes from: `gossip` (push or pull; bounded by `blockBufferSize`) or `transfer` (a state
 * response the anti-entropy loop asked for; bounded by `transferWindow`).
 */
export type PayloadOrigin = 'gossip' | 'transfer'

/** A payload taken out of the buffer, with its sequence number. */
export interface BufferedPayload<T> {
  readonly seq: bigint
  readonly payload: T
}

/** Options of {@link PayloadBuffer}. */
export interface PayloadBufferInit {
  /** A gossiped payload with `seq >= next + blockBufferSize` is refused. In blocks. @default 20 (Fabric) */
  blockBufferSize?: number
  /**
   * A state-transfer payload with `seq >= next + transferWindow` is refused; at least blockBufferSize.
   * Give the anti-entropy engine the same value. In blocks. @default 40 (2 x blockBufferSize)
   */
  transferWindow?: number
  /** Called when a ready listener throws; the buffer carries on. @default the error is ignored */
  onError?: (err: unknown) => void
}

/** The error a {@link PayloadBuffer.whenReady} promise rejects with when its signal aborts. */
export class PayloadBufferAbortedError extends Error {
  static override name = 'PayloadBufferAbortedError'
  override name = 'PayloadBufferAbortedError'
  constructor (message = 'waiting for the next payload was aborted') {
    super(message)
  }
}

function blocks (value: number | undefined, fallback: number): bigint {
  return BigInt(value !== undefined && Number.isSafeInteger(value) && value >= 1 ? value : fallback)
}

/**
 * Payloads held by sequence number ahead of the ledger height, released strictly in order (Fabric's
 * `PayloadsBuffer`). Not safe for concurrent committers: one loop pops.
 */
export class PayloadBuffer<T> {
  private nextSeq: bigint
  private readonly blockBufferSize: bigint
  private readonly transferWindow: bigint
  private readonly onError: ((err: unknown) => void) | undefined
  private readonly payloads = new Map<bigint, T>()
  private readonly listeners = new Set<() => void>()

  /**
   * @param next the next sequence number to commit: the ledger height
   * @param init limits; see {@link PayloadBufferInit}
   */
  constructor (next: bigint, init: PayloadBufferInit = {}) {
    if (next < 0n) throw new RangeError('the next sequence number cannot be negative')
    this.nextSeq = next
    this.blockBufferSize = blocks(init.blockBufferSize, BLOCK_BUFFER_SIZE)
    const window = blocks(init.transferWindow, TRANSFER_WINDOW)
    this.transferWindow = window > this.blockBufferSize ? window : this.blockBufferSize
    this.onError = init.onError
  }

  /** The next sequence number to commit (Fabric `Next()`): the ledger height. */
  get next (): bigint {
    return this.nextSeq
  }

  /** Payloads held (Fabric `Size()`, the `gossip_payload_buffer_size` gauge). */
  get size (): number {
    return this.payloads.size
  }

  /**
   * Offers a payload (Fabric `addPayload` + `Push`): kept when it is not committed yet, not held already and
   * not too far ahead of {@link next} for its origin. Runs the ready listeners when it is the next one.
   */
  push (seq: bigint, payload: T, origin: PayloadOrigin = 'gossip'): PushResult {
    const verdict = this.wouldAccept(seq, origin)
    if (verdict !== 'accepted') return verdict
    this.payloads.set(seq, payload)
    if (seq === this.nextSeq) this.notify()
    return 'accepted'
  }

  /** What {@link push} would answer for `seq` now, without taking anything (check before paying to verify). */
  wouldAccept (seq: bigint, origin: PayloadOrigin = 'gossip'): PushResult {
    if (seq < this.nextSeq) return 'too-old'
    if (this.payloads.has(seq)) return 'duplicate'
    const limit = origin === 'transfer' ? this.transferWindow : this.blockBufferSize
    if (seq - this.nextSeq >= limit) return 'too-far'
    return 'accepted'
  }

  /** Whether the payload of {@link next} is here, so that {@link pop} returns it. */
  ready (): boolean {
    return this.payloads.has(this.nextSeq)
  }

  /** Whether the payload of `seq` is held. */
  has (seq: bigint): boolean {
    return this.payloads.has(seq)
  }

  /**
   * Takes out the payload of {@link next} and moves `next` on by one (Fabric `Pop()`); undefined when that
   * payload has not arrived, whatever later ones are held.
   */
  pop (): BufferedPayload<T> | undefined {
    const seq = this.nextSeq
    const payload = this.payloads.get(seq)
    if (payload === undefined && !this.payloads.has(seq)) return undefined
    this.payloads.delete(seq)
    this.nextSeq = seq + 1n
    return { seq, payload: payload as T }
  }

  /**
   * The payload popped at `seq` could not be committed (it failed verification): {@link next} goes back to
   * `seq`, so that another copy of that block can be accepted; the payloads after it stay.
   */
  rewind (seq: bigint): void {
    if (seq < this.nextSeq) this.nextSeq = seq
  }

  /**
   * The ledger reached `height` by another path (a block committed without passing through the buffer):
   * drops the payloads below it and moves {@link next} to it; runs the ready listeners when the new next
   * payload is held. A height at or below `next` changes nothing.
   * @returns how many payloads were dropped
   */
  advanceTo (height: bigint): number {
    if (height <= this.nextSeq) return 0
    let dropped = 0
    for (const seq of this.payloads.keys()) {
      if (seq < height) {
        this.payloads.delete(seq)
        dropped++
      }
    }
    this.nextSeq = height
    if (this.payloads.has(height)) this.notify()
    return dropped
  }

  /**
   * Registers `listener`, run each time the next payload becomes available (pushed, or reached by
   * {@link advanceTo}); not while the committer pops payloads that were already held. Listeners run
   * synchronously inside `push`/`advanceTo`; an exception goes to {@link PayloadBufferInit.onError}.
   * @returns a function that unregisters the listener
   */
  onReady (listener: () => void): () => void {
    this.listeners.add(listener)
    return () => { this.listeners.delete(listener) }
  }

  /**
   * Resolves when {@link ready} is true: at once when it already is, else at the next ready notification.
   * Rejects with {@link PayloadBufferAbortedError} when `signal` aborts.
   */
  async whenReady (signal?: AbortSignal): Promise<void> {
    if (this.ready()) return
    if (signal?.aborted === true) throw new PayloadBufferAbortedError()
    await new Promise<void>((resolve, reject) => {
      const done = (): void => {
        unsubscribe()
        signal?.removeEventListener('abort', aborted)
      }
      const unsubscribe = this.onReady(() => {
        done()
        resolve()
      })
      const aborted = (): void => {
        done()
        reject(new PayloadBufferAbortedError())
      }
      signal?.addEventListener('abort', aborted, { once: true })
    })
  }

  private notify (): void {
    for (const listener of [...this.listeners]) {
      try {
        listener()
      } catch (err) {
        this.onError?.(err)
      }
    }
  }
}
