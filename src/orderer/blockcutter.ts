/**
 * Fabric's block cutter (`orderer/common/blockcutter/blockcutter.go`): ordered envelopes are gathered into
 * batches, each batch becoming the data of one block. {@link BlockCutter} is the pure receiver;
 * {@link BatchCutter} adds the batch timer that Fabric's chains own (`orderer/consensus/etcdraft/chain.go`).
 *
 * ```
 * ordered(m), size(m) = len(m.payload) + len(m.signature):
 *   size(m) > PreferredMaxBytes                 -> [pending (if any), [m]]     pending: false  (m alone)
 *   pendingBytes + size(m) > PreferredMaxBytes  -> [pending], pending = [m]    pending: true
 *   otherwise                                   -> pending += m
 *   then, if count(pending) = MaxMessageCount   -> [..., pending]              pending: false
 * cut()                                         -> pending (may be empty), pending = []
 * ```
 *
 * So `ordered` returns at most two batches, a batch holds at most MaxMessageCount envelopes and, unless it
 * holds one envelope only, at most PreferredMaxBytes. AbsoluteMaxBytes is not checked here: as in Fabric
 * (`orderer/common/msgprocessor/sizefilter.go`), the broadcast handler rejects an envelope whose
 * {@link envelopeSize} exceeds it (with status BAD_REQUEST) before it is ordered; {@link BlockCutter.tooLarge}
 * is that check.
 *
 * The timer ({@link BatchCutter}): BatchTimeout after the first envelope of a batch, whatever is pending is
 * cut. The timer starts with the first envelope of a batch and is cleared whenever that batch is cut (by
 * size, by count, by `cut()` or by the timer). One difference from Fabric's chains: when a new envelope
 * overflows PreferredMaxBytes, Fabric cuts the pending batch and leaves the running timer as it is, so the new
 * batch can be cut before it has waited BatchTimeout; here the new batch gets a timer of its own.
 */
import { NotStartedError } from '@libp2p/interface'
import { systemClock, second } from '../algo/clock.js'
import type { Clock, TimerHandle } from '../algo/clock.js'
import { MiB } from '../config/units.js'
import { common } from '../pb/common.js'

/** Cut a batch this long after its first envelope, in ms (configtx.yaml `Orderer.BatchTimeout: 2s`). */
export const BATCH_TIMEOUT = 2 * second // Fabric sampleconfig/configtx.yaml
/** Most envelopes in a batch (configtx.yaml `Orderer.BatchSize.MaxMessageCount: 500`). */
export const MAX_MESSAGE_COUNT = 500 // Fabric sampleconfig/configtx.yaml
/**
 * Largest envelope the orderer accepts, in bytes of {@link envelopeSize} (configtx.yaml
 * `Orderer.BatchSize.AbsoluteMaxBytes: 10 MB`; Fabric's config parser reads MB as 2^20 bytes).
 */
export const ABSOLUTE_MAX_BYTES = 10 * MiB // Fabric sampleconfig/configtx.yaml
/** Size a batch is cut at, in bytes of {@link envelopeSize} (configtx.yaml `Orderer.BatchSize.PreferredMaxBytes: 2 MB`). */
export const PREFERRED_MAX_BYTES = 2 * MiB // Fabric sampleconfig/configtx.yaml

/** The channel config's `Orderer.BatchSize` (Fabric's `orderer.BatchSize` config value). */
export interface BatchSize {
  /** Most envelopes in a batch (at least 1). @default 500 */
  maxMessageCount: number
  /** Largest envelope accepted, in bytes (at least 1); enforced by the caller, see {@link BlockCutter.tooLarge}. @default 10 MiB */
  absoluteMaxBytes: number
  /** Bytes a batch is cut at (1 to absoluteMaxBytes); a larger envelope is cut alone. @default 2 MiB */
  preferredMaxBytes: number
}

/** What {@link BlockCutter.ordered} did with an envelope. */
export interface OrderedResult {
  /** The batches cut, oldest first: none, one, or two (the pending batch, then a too large envelope alone). */
  batches: Uint8Array[][]
  /** Whether envelopes wait in the pending batch (the batch timer should run). */
  pending: boolean
}

/** A batch size Fabric's channel config would reject (`common/channelconfig/orderer.go` validateBatchSize). */
export class BatchConfigError extends Error {
  static override name = 'BatchConfigError'

  constructor (message = 'Invalid batch configuration') {
    super(message)
    this.name = 'BatchConfigError'
  }
}

/**
 * Fabric's size of an envelope (`messageSizeBytes` in the block cutter, `messageByteSize` in the size filter):
 * the lengths of its payload and signature, without the few bytes of field keys and lengths around them.
 * @param envelope - a marshalled `common.Envelope`
 * @throws when `envelope` is not a marshalled `common.Envelope`
 */
export function envelopeSize (envelope: Uint8Array): number {
  const { payload, signature } = common.Envelope.decode(envelope)
  return payload.byteLength + signature.byteLength
}

/**
 * The pure receiver: no clock, no timer. Call `ordered` for each envelope in the order agreed on, and `cut`
 * when the batch timer fires or before a config envelope (which Fabric puts in a block of its own).
 * A config change: the config envelope is cut alone, so nothing is pending after it; make a new cutter with
 * the new batch size then.
 */
export class BlockCutter {
  /** The batch size in force. */
  readonly batchSize: Readonly<BatchSize>
  private pendingBatch: Uint8Array[] = []
  private pendingBatchBytes = 0

  /** @throws {BatchConfigError} when Fabric would reject the batch size */
  constructor (batchSize: Partial<BatchSize> = {}) {
    this.batchSize = Object.freeze(validBatchSize({
      maxMessageCount: batchSize.maxMessageCount ?? MAX_MESSAGE_COUNT,
      absoluteMaxBytes: batchSize.absoluteMaxBytes ?? ABSOLUTE_MAX_BYTES,
      preferredMaxBytes: batchSize.preferredMaxBytes ?? PREFERRED_MAX_BYTES
    }))
  }

  /** Envelopes in the pending batch. */
  get pendingCount (): number {
    return this.pendingBatch.length
  }

  /** Sum of the {@link envelopeSize}s of the pending batch. */
  get pendingBytes (): number {
    return this.pendingBatchBytes
  }

  /**
   * Whether the broadcast handler must reject this envelope (Fabric answers BAD_REQUEST): its
   * {@link envelopeSize} exceeds AbsoluteMaxBytes.
   * @param size - the envelope's {@link envelopeSize}, when the caller has it already
   */
  tooLarge (envelope: Uint8Array, size = envelopeSize(envelope)): boolean {
    return size > this.batchSize.absoluteMaxBytes
  }

  /**
   * Adds the next ordered envelope; returns the batches this cuts (see the table at the top of the file).
   * The envelope must have passed {@link tooLarge}: a larger one is cut alone all the same.
   * @param size - the envelope's {@link envelopeSize}, when the caller has it already (saves decoding it again)
   * @throws when `size` is not given and `envelope` is not a marshalled `common.Envelope`
   */
  ordered (envelope: Uint8Array, size = envelopeSize(envelope)): OrderedResult {
    const { maxMessageCount, preferredMaxBytes } = this.batchSize
    const batches: Uint8Array[][] = []
    if (size > preferredMaxBytes) {
      if (this.pendingBatch.length > 0) batches.push(this.cut())
      batches.push([envelope])
      return { batches, pending: false }
    }
    if (this.pendingBatchBytes + size > preferredMaxBytes) batches.push(this.cut())
    this.pendingBatch.push(envelope)
    this.pendingBatchBytes += size
    if (this.pendingBatch.length >= maxMessageCount) {
      batches.push(this.cut())
      return { batches, pending: false }
    }
    return { batches, pending: true }
  }

  /** Returns the pending batch (empty when nothing is pending) and starts a new one. */
  cut (): Uint8Array[] {
    const batch = this.pendingBatch
    this.pendingBatch = []
    this.pendingBatchBytes = 0
    return batch
  }
}

/** Options of {@link BatchCutter}: the batch size, the timeout, the clock and where batches go. */
export interface BatchCutterInit extends Partial<BatchSize> {
  /** Cut a batch this long after its first envelope, in ms (more than 0). @default 2 s (configtx.yaml `BatchTimeout`) */
  batchTimeout?: number
  /** Time source and timers. @default systemClock */
  clock?: Clock
  /**
   * Receives every batch cut, in order, synchronously: from {@link BatchCutter.ordered} (size, count), from
   * {@link BatchCutter.cut} and from the timer. Never called with an empty batch. Must not throw.
   */
  onBatch: (batch: Uint8Array[]) => void
}

/**
 * The caller-facing cutter: a {@link BlockCutter} and its batch timer, every batch handed to `onBatch`.
 * The timer is owned by `start()`/`stop()`: it runs only while envelopes are pending and the cutter is
 * started.
 *
 * @example
 * ```ts
 * const cutter = new BatchCutter({ maxMessageCount: 10, onBatch: batch => { writeBlock(batch) } })
 * cutter.start()
 * if (cutter.tooLarge(env)) return { status: orderer.Status.BAD_REQUEST, info: 'too large' }
 * cutter.ordered(env) // a block now when the batch is full, else within BatchTimeout
 * cutter.stop()
 * ```
 */
export class BatchCutter {
  /** The batch timeout in force, in ms. */
  readonly batchTimeout: number
  private readonly cutter: BlockCutter
  private readonly clock: Clock
  private readonly onBatch: (batch: Uint8Array[]) => void
  private timer: TimerHandle | undefined
  private running = false

  /** @throws {BatchConfigError} when Fabric would reject the batch size or timeout */
  constructor (init: BatchCutterInit) {
    const batchTimeout = init.batchTimeout ?? BATCH_TIMEOUT
    if (!Number.isFinite(batchTimeout) || batchTimeout <= 0) {
      throw new BatchConfigError(`batchTimeout must be a positive number of ms, got ${batchTimeout}`)
    }
    this.batchTimeout = batchTimeout
    const { maxMessageCount, absoluteMaxBytes, preferredMaxBytes } = init
    this.cutter = new BlockCutter({ maxMessageCount, absoluteMaxBytes, preferredMaxBytes })
    this.clock = init.clock ?? systemClock
    this.onBatch = init.onBatch
  }

  /** The batch size in force. */
  get batchSize (): Readonly<BatchSize> {
    return this.cutter.batchSize
  }

  /** Envelopes waiting in the pending batch. */
  get pendingCount (): number {
    return this.cutter.pendingCount
  }

  isStarted (): boolean {
    return this.running
  }

  start (): void {
    this.running = true
  }

  /** Clears the timer and drops the pending envelopes (as Fabric's Raft chain does when it loses leadership); `cut()` first to keep them. */
  stop (): void {
    this.running = false
    this.clearTimer()
    this.cutter.cut()
  }

  /** See {@link BlockCutter.tooLarge}. */
  tooLarge (envelope: Uint8Array, size?: number): boolean {
    return this.cutter.tooLarge(envelope, size)
  }

  /**
   * Adds the next ordered envelope: each batch it completes goes to `onBatch` now; the rest waits at most
   * BatchTimeout.
   * @param size - the envelope's {@link envelopeSize}, when the caller has it already
   * @throws {NotStartedError} when the cutter is not started
   */
  ordered (envelope: Uint8Array, size?: number): void {
    if (!this.running) throw new NotStartedError('BatchCutter is not started')
    const { batches, pending } = this.cutter.ordered(envelope, size)
    // a cut ends its batch's timer; the envelope left pending (if any) starts a new batch and a new timer
    if (batches.length > 0 || !pending) this.clearTimer()
    if (pending && this.timer === undefined) {
      this.timer = this.clock.setTimeout(() => { this.expire() }, this.batchTimeout)
    }
    for (const batch of batches) this.onBatch(batch)
  }

  /** Hands the pending batch, if any, to `onBatch` now (e.g. before a config envelope, cut alone). */
  cut (): void {
    this.clearTimer()
    const batch = this.cutter.cut()
    if (batch.length > 0) this.onBatch(batch)
  }

  private expire (): void {
    this.timer = undefined
    if (this.running) this.cut()
  }

  private clearTimer (): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
    this.timer = undefined
  }
}

function validBatchSize (size: BatchSize): BatchSize {
  for (const [key, value] of Object.entries(size)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new BatchConfigError(`${key} must be a positive integer, got ${value}`)
  }
  if (size.preferredMaxBytes > size.absoluteMaxBytes) {
    throw new BatchConfigError(`preferredMaxBytes (${size.preferredMaxBytes}) must not exceed absoluteMaxBytes (${size.absoluteMaxBytes})`)
  }
  return size
}
