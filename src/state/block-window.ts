/**
 * The channel's block message store (Fabric `gossip/gossip/channel/channel.go` blockMsgStore: a
 * `msgstore.NewMessageStoreExpirable` with the data-message policy of `protoext/msgcomparator.go`), pure:
 * the recent blocks a peer offers to pull and has already seen (so that a block is forwarded once).
 *
 * ```
 *   add(seq, item), newest = the highest seq held:
 *     seq held (or expired and not yet forgotten)   -> false      (Fabric: MessageInvalidated)
 *     newest - seq > maxBlockCountToStore           -> false      (too old)
 *     otherwise kept; every block with seq - other > maxBlockCountToStore is evicted ('window')
 *   TTL (pullInterval x 100) after it was added a block expires: evicted ('expired'), no longer offered,
 *     but its seq is still refused by add until 2 x TTL, as Fabric's store keeps expired messages that long
 * ```
 *
 * So at most maxBlockCountToStore + 1 blocks (seqs `newest - maxBlockCountToStore .. newest`) are held, each
 * for at most one TTL. The `evicted` callback tells the owner to `remove` the digest from the block pull
 * engine (Fabric's invalidation trigger and expiry callback both call `blocksPuller.Remove`). One timer, set
 * for the earliest expiry, is armed while blocks are held; {@link BlockWindow.stop} clears it.
 *
 * @example
 * ```ts
 * const window = new BlockWindow<Uint8Array>({ clock, evicted: digest => { pull.remove(digest) } })
 * if (window.accepts(seq) && verify(block) && window.add(seq, envelope)) {
 *   pull.add(String(seq))
 *   forward(envelope)
 * }
 * // answering a pull request: items = digests.map(d => window.get(d))
 * ```
 */
import { systemClock } from '../algo/clock.js'
import type { Clock, TimerHandle } from '../algo/clock.js'
import { BLOCK_EXPIRATION_INTERVAL, MAX_BLOCK_COUNT_TO_STORE } from './constants.js'

/** Why a block left the window: a newer block pushed it out, or its TTL passed. */
export type EvictionReason = 'window' | 'expired'

/** Options of {@link BlockWindow}. */
export interface BlockWindowInit {
  /** Time and timers. @default systemClock */
  clock?: Clock
  /** A block more than this below the newest is evicted. In blocks. @default 10 (Fabric) */
  maxBlockCountToStore?: number
  /** How long a block is held, in milliseconds. @default 400000 (Fabric: pullInterval x 100) */
  ttl?: number
  /**
   * Called for each block that leaves the window (not on {@link BlockWindow.stop}), with its digest (the
   * decimal seq, as block pull names it), e.g. to remove the digest from the pull engine.
   */
  evicted?: (digest: string, seq: bigint, reason: EvictionReason) => void
  /** Called when `evicted` throws; the window carries on. @default the error is ignored */
  onError?: (err: unknown) => void
}

interface Entry<T> {
  item: T | undefined
  readonly added: number
  /** Expired: no longer offered, still refused by add until 2 x TTL after it was added. */
  expired: boolean
}

const DECIMAL = /^(0|[1-9][0-9]{0,19})$/

/** A seq from a bigint or a decimal digest; undefined for anything else (a remote peer's garbage). */
function toSeq (key: bigint | string): bigint | undefined {
  if (typeof key === 'bigint') return key
  return DECIMAL.test(key) ? BigInt(key) : undefined
}

/** The newest blocks of a channel, by seq, kept for pull and to recognise blocks already seen. */
export class BlockWindow<T> {
  private readonly clock: Clock
  private readonly maxCount: bigint
  private readonly ttl: number
  private readonly evicted: ((digest: string, seq: bigint, reason: EvictionReason) => void) | undefined
  private readonly onError: ((err: unknown) => void) | undefined
  private readonly entries = new Map<bigint, Entry<T>>()
  private newestSeq: bigint | undefined
  private timer: TimerHandle | undefined
  private timerDue = Infinity

  constructor (init: BlockWindowInit = {}) {
    this.clock = init.clock ?? systemClock
    const max = init.maxBlockCountToStore
    this.maxCount = BigInt(max !== undefined && Number.isSafeInteger(max) && max >= 0 ? max : MAX_BLOCK_COUNT_TO_STORE)
    this.ttl = init.ttl !== undefined && Number.isFinite(init.ttl) && init.ttl > 0 ? init.ttl : BLOCK_EXPIRATION_INTERVAL
    this.evicted = init.evicted
    this.onError = init.onError
  }

  /**
   * Whether {@link add} would keep a block of `seq` (Fabric `CheckValid`): call it before verifying a block,
   * to skip the work for blocks seen already or too old.
   */
  accepts (seq: bigint): boolean {
    this.sweep()
    if (this.entries.has(seq)) return false
    return this.newestSeq === undefined || this.newestSeq - seq <= this.maxCount
  }

  /**
   * Keeps the block `item` of `seq` (Fabric `Add`), evicting blocks more than maxBlockCountToStore below it.
   * @returns false, keeping nothing, when `seq` is held (or expired less than 2 x TTL ago) or more than
   *   maxBlockCountToStore below the newest
   */
  add (seq: bigint, item: T): boolean {
    if (!this.accepts(seq)) return false
    this.entries.set(seq, { item, added: this.clock.now(), expired: false })
    const evicted: bigint[] = []
    if (this.newestSeq === undefined || seq > this.newestSeq) {
      this.newestSeq = seq
      for (const [other, entry] of this.entries) {
        if (seq - other <= this.maxCount) continue
        this.entries.delete(other)
        if (!entry.expired) evicted.push(other)
      }
    }
    this.arm()
    for (const s of evicted) this.report(s, 'window')
    return true
  }

  /**
   * Drops the block of `seq` at once (it turned out not to be committable, e.g. it does not chain), so that
   * it is no longer offered and another copy can be added; no `evicted` call.
   * @returns whether it was held
   */
  remove (seq: bigint): boolean {
    return this.entries.delete(seq)
  }

  /** The block of `seq` (or of a decimal digest), unless absent or expired. */
  get (key: bigint | string): T | undefined {
    const entry = this.live(key)
    return entry?.item
  }

  /** Whether the block of `seq` (or of a decimal digest) is held and not expired. */
  has (key: bigint | string): boolean {
    return this.live(key) !== undefined
  }

  /** Digests of the blocks held (decimal seqs, as Fabric's block pull names them), oldest first. */
  digests (): string[] {
    const now = this.clock.now()
    return [...this.entries]
      .filter(([, e]) => !this.isExpired(e, now))
      .map(([seq]) => seq)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map(seq => seq.toString())
  }

  /** Blocks held and not expired. */
  get size (): number {
    const now = this.clock.now()
    let n = 0
    for (const e of this.entries.values()) if (!this.isExpired(e, now)) n++
    return n
  }

  /** The highest seq ever kept (and not forgotten since), whether or not it expired. */
  get newest (): bigint | undefined {
    return this.newestSeq
  }

  /** Forgets every block and clears the timer, without `evicted` calls. The window can be used again. */
  stop (): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
    this.timer = undefined
    this.timerDue = Infinity
    this.entries.clear()
    this.newestSeq = undefined
  }

  private live (key: bigint | string): Entry<T> | undefined {
    const seq = toSeq(key)
    if (seq === undefined) return undefined
    const entry = this.entries.get(seq)
    return entry === undefined || this.isExpired(entry, this.clock.now()) ? undefined : entry
  }

  private isExpired (entry: Entry<T>, now: number): boolean {
    return entry.expired || now - entry.added >= this.ttl
  }

  /** Expires blocks whose TTL passed and forgets those expired for a second TTL. */
  private sweep (): void {
    const now = this.clock.now()
    const expired: bigint[] = []
    for (const [seq, entry] of this.entries) {
      const age = now - entry.added
      if (age >= 2 * this.ttl) {
        this.entries.delete(seq)
        if (!entry.expired) expired.push(seq)
      } else if (!entry.expired && age >= this.ttl) {
        entry.expired = true
        entry.item = undefined
        expired.push(seq)
      }
    }
    if (this.entries.size === 0) this.newestSeq = undefined
    else if (this.newestSeq !== undefined && !this.entries.has(this.newestSeq)) {
      let newest: bigint | undefined
      for (const seq of this.entries.keys()) if (newest === undefined || seq > newest) newest = seq
      this.newestSeq = newest
    }
    this.arm()
    for (const seq of expired) this.report(seq, 'expired')
  }

  /** Keeps one timer set for the earliest instant a block expires or is forgotten. */
  private arm (): void {
    let due = Infinity
    for (const e of this.entries.values()) due = Math.min(due, e.added + (e.expired ? 2 : 1) * this.ttl)
    if (due === this.timerDue) return
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer)
    this.timer = undefined
    this.timerDue = due
    if (due === Infinity) return
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined
      this.timerDue = Infinity
      this.sweep()
    }, due - this.clock.now())
  }

  private report (seq: bigint, reason: EvictionReason): void {
    if (this.evicted === undefined) return
    try {
      this.evicted(seq.toString(), seq, reason)
    } catch (err) {
      this.onError?.(err)
    }
  }
}
