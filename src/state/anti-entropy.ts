/**
 * The decision logic of Fabric's state-transfer anti-entropy (`gossip/state/state.go`: antiEntropy,
 * requestBlocksInRange, selectPeerToRequestFrom, and the responder's stateRequestValidator +
 * handleStateRequest), pure: heights and peers come from an {@link AntiEntropyAdapter} the consumer
 * implements, requests leave through it, and time comes from an injected {@link Clock}.
 *
 * ```
 *   every checkInterval (or catchUpNow()), unless a round is under way:
 *     h = selfHeight(), max = the highest height among peers();  h >= max: nothing to do
 *     round over [h .. max-1], cut into inclusive chunks [s .. min(max-1, s + batchSize)]  (<= batchSize+1 blocks)
 *     while fewer than `parallel` chunks are in flight (Fabric: 1) and the next chunk ends below h + transferWindow:
 *       request(peer, s, e) of a random peer whose height > e (one not yet tried for the chunk when possible,
 *         and among those one the fewest other chunks in flight wait on: parallel chunks spread over the peers)
 *       wait responseTimeout for onResponse(peer, s, e) or for selfHeight() > e
 *         timeout, or onFailure (empty or bad response): ask again, up to maxRetries more times, then give up
 *           the round (Fabric abandons the whole range until the next check)
 *         partial response (last < e): [last+1 .. e] is asked again as a new chunk
 *     no eligible peer for a chunk: the round ends
 *     all chunks answered: if peers are higher by now the round goes on, else it ends ("done") once the
 *       blocks are committed (selfHeight() > max-1)
 * ```
 *
 * Responses (blocks of state responses) go into the payload buffer with origin `transfer`; the chunk window
 * `transferWindow` keeps requests within what the buffer accepts, so that a committer slower than the network
 * holds the loop back instead of the buffer refusing blocks (Fabric blocks the loop inside addPayload while the
 * buffer holds more than 2 x blockBufferSize payloads). When nothing is in flight and the height does not move
 * for a whole responseTimeout while the window is full or the answered blocks wait for their commit (blocks
 * lost between the buffer and the ledger, e.g. failed verification), the round asks again from the height;
 * after maxRetries + 1 such stalls in a row it gives up.
 *
 * @example
 * ```ts
 * const ae = new AntiEntropy({
 *   selfHeight: () => ledger.height,
 *   peers: () => channel.peers().map(p => ({ id: p.id, height: p.ledgerHeight })),
 *   request: (peer, start, end) => { nonces.set(sendStateRequest(peer, start, end), { peer, start, end }) }
 * }, { clock: systemClock, batchSize: config.batchSize })
 * ae.start()
 * // on a RemoteStateResponse whose nonce maps to { peer, start, end }, after verifying its blocks:
 * for (const b of verified) buffer.push(b.seq, b.bytes, 'transfer')
 * if (verified.length > 0 && verified.length === blocks.length) ae.onResponse(peer, start, end, maxSeq(verified))
 * else ae.onFailure(peer, start, end) // empty, or a block failed verification (Fabric handleStateResponse)
 * // after each commit:
 * ae.heightChanged()
 * ```
 */
import { systemClock } from '../algo/clock.js'
import type { Clock, TimerHandle } from '../algo/clock.js'
import {
  BATCH_SIZE,
  CHECK_INTERVAL,
  MAX_RETRIES,
  PARALLEL_REQUESTS,
  RESPONSE_TIMEOUT,
  TRANSFER_WINDOW
} from './constants.js'

/** A channel peer and the ledger height its StateInfo advertises. */
export interface PeerHeight {
  /** The consumer's id for the peer (a PKI-ID in hex, a PeerId); the engine only compares ids. */
  readonly id: string
  /** Its ledger height: the number of blocks it has committed. */
  readonly height: bigint
}

/**
 * What the anti-entropy engine needs from its consumer (a slice of Fabric's `state.GossipAdapter` and
 * `ledgerResources`). Calls are synchronous; an exception is reported to {@link AntiEntropyInit.onError}.
 */
export interface AntiEntropyAdapter {
  /** Our ledger height (Fabric `LedgerHeight()`): the number of committed blocks. */
  selfHeight(): bigint
  /** The channel peers we may ask, with their heights (Fabric `PeersOfChannel` with StateInfo properties). */
  peers(): readonly PeerHeight[]
  /**
   * Sends `peer` a state request for blocks `start..end`, both inclusive (Fabric `RemoteStateRequest`); fire
   * and forget. Remember what the request's nonce was for, to call {@link AntiEntropy.onResponse} with it.
   */
  request(peer: string, start: bigint, end: bigint): void
}

/** The adapter call that failed, as given to {@link AntiEntropyInit.onError}. */
export type AntiEntropyOperation = keyof AntiEntropyAdapter

/**
 * Why a round ended: `done` (every chunk answered and no peer higher), `no-peer` (no peer's height covers
 * the next chunk), `gave-up` (a chunk went unanswered maxRetries + 1 times), `stopped` ({@link AntiEntropy.stop}).
 */
export type RoundEndReason = 'done' | 'no-peer' | 'gave-up' | 'stopped'

/** Options of {@link AntiEntropy}. Durations are milliseconds, sizes blocks. */
export interface AntiEntropyInit {
  /** Time and timers. @default systemClock */
  clock?: Clock
  /** Period of the height check. @default 10000 (Fabric) */
  checkInterval?: number
  /** How long a request waits for its response before it is asked again. @default 3000 (Fabric) */
  responseTimeout?: number
  /** A request covers `[start .. start + batchSize]` at most (batchSize + 1 blocks, as Fabric). @default 10 (Fabric) */
  batchSize?: number
  /** Requests of one chunk after the first, before the round gives up. @default 3 (Fabric) */
  maxRetries?: number
  /** Chunks in flight at once. @default 1 (Fabric) */
  parallel?: number
  /**
   * A chunk is requested only when it ends below `selfHeight() + transferWindow` (at least batchSize + 1);
   * give the payload buffer the same value. @default 40 (2 x Fabric's blockBufferSize)
   */
  transferWindow?: number
  /** Uniform random number in [0, 1), to pick the peer asked. @default Math.random */
  random?: () => number
  /** Called when an adapter call throws; the engine carries on. @default the error is ignored */
  onError?: (err: unknown, operation: AntiEntropyOperation) => void
  /** Called when a round ends, with the reason and our height then (logs, metrics, tests). */
  onRoundEnd?: (reason: RoundEndReason, height: bigint | undefined) => void
}

/** Counters of {@link AntiEntropy.stats}, since the engine was made. */
export interface AntiEntropyStats {
  /** Whether a round is under way. */
  active: boolean
  /** Chunks requested and not yet answered. */
  inFlight: number
  /** Rounds started. */
  rounds: number
  /** State requests sent (first requests and retries). */
  requests: number
  /** Requests asked again after a timeout or a failure. */
  retries: number
  /** Responses taken ({@link AntiEntropy.onResponse} that matched a chunk). */
  responses: number
  /** Requests that went unanswered for responseTimeout. */
  timeouts: number
  /** Failed responses ({@link AntiEntropy.onFailure} that matched a chunk). */
  failures: number
  /** Rounds given up after maxRetries. */
  giveUps: number
}

/** Outcome of {@link checkStateRequest}: the inclusive range to answer, or why the request is refused. */
export type StateRequestCheck =
  | { ok: true, end: bigint }
  | { ok: false, reason: 'negative' | 'start-after-end' | 'too-many-blocks' | 'beyond-height' }

/**
 * The responder's check of a state request for `start..end` (inclusive), as Fabric's
 * `stateRequestValidator.validate` + `handleStateRequest`: refused when `start > end` or
 * `end > start + batchSize` (our own batchSize); the range is then clamped to the blocks we hold
 * (`end <= height - 1`). When `start >= height` we hold none of them: Fabric then answers with an empty
 * response, which its requester takes as a failure and asks another peer at once; answer so too (rather than
 * not at all, which makes the requester wait its responseTimeout). Whether the requester may read the channel
 * is checked apart.
 */
export function checkStateRequest (start: bigint, end: bigint, batchSize: number | bigint, height: bigint): StateRequestCheck {
  if (start < 0n || end < 0n) return { ok: false, reason: 'negative' }
  if (start > end) return { ok: false, reason: 'start-after-end' }
  if (end - start > BigInt(batchSize)) return { ok: false, reason: 'too-many-blocks' }
  if (start >= height) return { ok: false, reason: 'beyond-height' }
  return { ok: true, end: end < height ? end : height - 1n }
}

interface Chunk {
  readonly key: string
  readonly start: bigint
  readonly end: bigint
  /** The peer of the latest request. */
  peer: string
  /** Requests sent. */
  tries: number
  /** Peers asked; a late response from any of them is taken. */
  readonly tried: Set<string>
  timer: TimerHandle | undefined
}

interface Range {
  start: bigint
  end: bigint
}

interface Round {
  /** Last seq the round fetches: the highest peer height - 1. */
  last: bigint
  /** First seq not yet cut into a chunk. */
  cursor: bigint
  readonly chunks: Map<string, Chunk>
  /** Remainders of partial responses, to ask before the cursor moves on, in order. */
  readonly requeue: Range[]
  stallTimer: TimerHandle | undefined
  /** Highest own height seen during the round. */
  seenHeight: bigint
  /** Stalls (responseTimeout with nothing in flight and no commit) since the height last moved. */
  stalls: number
}

function count (value: number | undefined, fallback: number, min: number): number {
  return value !== undefined && Number.isSafeInteger(value) && value >= min ? value : fallback
}

function duration (value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback
}

function chunkKey (start: bigint, end: bigint): string {
  return `${start}-${end}`
}

/**
 * Fabric's anti-entropy loop for one channel: finds out that peers are ahead, asks them for the missing
 * blocks in chunks and follows the answers. Call {@link onResponse}/{@link onFailure} as responses arrive and
 * {@link heightChanged} after each commit.
 */
export class AntiEntropy {
  private readonly adapter: AntiEntropyAdapter
  private readonly clock: Clock
  private readonly checkInterval: number
  private readonly responseTimeout: number
  private readonly batchSize: bigint
  private readonly maxRetries: number
  private readonly parallel: number
  private readonly window: bigint
  private readonly random: () => number
  private readonly onError: ((err: unknown, operation: AntiEntropyOperation) => void) | undefined
  private readonly onRoundEnd: ((reason: RoundEndReason, height: bigint | undefined) => void) | undefined

  private running = false
  private tickTimer: TimerHandle | undefined
  private round: Round | undefined
  private pumping = false
  private again = false
  private readonly counters = { rounds: 0, requests: 0, retries: 0, responses: 0, timeouts: 0, failures: 0, giveUps: 0 }

  constructor (adapter: AntiEntropyAdapter, init: AntiEntropyInit = {}) {
    this.adapter = adapter
    this.clock = init.clock ?? systemClock
    this.checkInterval = duration(init.checkInterval, CHECK_INTERVAL)
    this.responseTimeout = duration(init.responseTimeout, RESPONSE_TIMEOUT)
    this.batchSize = BigInt(count(init.batchSize, BATCH_SIZE, 0))
    this.maxRetries = count(init.maxRetries, MAX_RETRIES, 0)
    this.parallel = count(init.parallel, PARALLEL_REQUESTS, 1)
    const window = BigInt(count(init.transferWindow, TRANSFER_WINDOW, 1))
    this.window = window > this.batchSize ? window : this.batchSize + 1n
    this.random = init.random ?? Math.random
    this.onError = init.onError
    this.onRoundEnd = init.onRoundEnd
  }

  /** Checks the heights every `checkInterval`, the first time `checkInterval` from now (as Fabric). */
  start (): void {
    if (this.running) return
    this.running = true
    this.scheduleTick()
  }

  /** Stops checking and abandons the round under way; clears every timer. Later responses are ignored. */
  stop (): void {
    if (!this.running) return
    this.running = false
    if (this.tickTimer !== undefined) this.clock.clearTimeout(this.tickTimer)
    this.tickTimer = undefined
    this.endRound('stopped')
  }

  /** Whether {@link start} was called and {@link stop} not since. */
  get isRunning (): boolean {
    return this.running
  }

  /** Whether a round is under way. */
  get active (): boolean {
    return this.round !== undefined
  }

  /**
   * Checks the heights now instead of at the next tick (the block-gap fast path): starts a round when peers
   * are higher, or lets the round under way reach for their current height.
   * @returns whether a round is under way afterwards
   */
  catchUpNow (): boolean {
    if (!this.running) return false
    const round = this.round
    if (round === undefined) return this.startRound()
    const max = this.maxPeerHeight()
    if (max !== undefined && max - 1n > round.last) round.last = max - 1n
    this.pump()
    return this.round !== undefined
  }

  /**
   * Our height moved (a commit, whatever its path): chunks it covers are complete, the window moves on, and
   * the next chunks are requested.
   */
  heightChanged (): void {
    if (this.round !== undefined) this.pump()
  }

  /**
   * A state response from `peer` to our request for `start..end` whose blocks, `start..last`, were all
   * verified and buffered (`last`: the highest seq it carried; Fabric continues after it). The chunk is
   * complete; when `last < end` (the responder held fewer) the rest is asked again. A response from any peer
   * asked for the chunk is taken, a late one included. A `last` below `start` counts as {@link onFailure}.
   * @returns whether the response matched a chunk in flight
   */
  onResponse (peer: string, start: bigint, end: bigint, last: bigint = end): boolean {
    const round = this.round
    const chunk = round?.chunks.get(chunkKey(start, end))
    if (round === undefined || chunk === undefined || !chunk.tried.has(peer)) return false
    if (last < start) return this.onFailure(peer, start, end)
    this.counters.responses++
    this.dropChunk(round, chunk)
    if (last < end) this.requeue(round, { start: last + 1n, end })
    this.pump()
    return true
  }

  /**
   * A failed response from `peer` to our request for `start..end` (empty, or a block failed verification;
   * Fabric's handleStateResponse error): the chunk is asked again at once, of another peer when possible.
   * @returns whether it matched the latest request of a chunk in flight
   */
  onFailure (peer: string, start: bigint, end: bigint): boolean {
    const round = this.round
    const chunk = round?.chunks.get(chunkKey(start, end))
    if (round === undefined || chunk === undefined || chunk.peer !== peer) return false
    this.counters.failures++
    if (chunk.timer !== undefined) this.clock.clearTimeout(chunk.timer)
    chunk.timer = undefined
    this.retry(round, chunk)
    return true
  }

  /** Counters, for metrics and tests. */
  stats (): AntiEntropyStats {
    return { active: this.round !== undefined, inFlight: this.round?.chunks.size ?? 0, ...this.counters }
  }

  private scheduleTick (): void {
    this.tickTimer = this.clock.setTimeout(() => {
      this.tickTimer = undefined
      if (!this.running) return
      if (this.round === undefined) this.startRound()
      if (this.running && this.tickTimer === undefined) this.scheduleTick()
    }, this.checkInterval)
  }

  private startRound (): boolean {
    if (!this.running || this.round !== undefined) return false
    const height = this.selfHeight()
    const max = this.maxPeerHeight()
    if (height === undefined || max === undefined || height >= max) return false
    this.round = { last: max - 1n, cursor: height, chunks: new Map(), requeue: [], stallTimer: undefined, seenHeight: height, stalls: 0 }
    this.counters.rounds++
    this.pump()
    return true
  }

  /** Runs {@link step} until it has nothing more to do; re-entrant calls (from adapter calls) fold into it. */
  private pump (): void {
    if (this.pumping) {
      this.again = true
      return
    }
    this.pumping = true
    try {
      do {
        this.again = false
        this.step()
      } while (this.again)
    } finally {
      this.pumping = false
    }
  }

  /** Completes chunks our height covers, requests chunks while there is room, ends or extends the round. */
  private step (): void {
    const round = this.round
    if (round === undefined) return
    if (round.stallTimer !== undefined) this.clock.clearTimeout(round.stallTimer)
    round.stallTimer = undefined
    const height = this.selfHeight()
    if (height === undefined) return
    if (height > round.seenHeight) {
      round.seenHeight = height
      round.stalls = 0
    }
    for (const chunk of [...round.chunks.values()]) {
      if (height > chunk.end) this.dropChunk(round, chunk)
    }
    while (round.requeue.length > 0 && round.requeue[0].end < height) round.requeue.shift()
    if (round.requeue.length > 0 && round.requeue[0].start < height) round.requeue[0].start = height
    if (round.cursor < height) round.cursor = height

    while (round.chunks.size < this.parallel) {
      let range: Range | undefined = round.requeue[0]
      if (range === undefined && round.cursor <= round.last) {
        const end = round.cursor + this.batchSize
        range = { start: round.cursor, end: end < round.last ? end : round.last }
      }
      if (range === undefined || range.end - height >= this.window) break
      if (range === round.requeue[0]) round.requeue.shift()
      else round.cursor = range.end + 1n
      const key = chunkKey(range.start, range.end)
      if (round.chunks.has(key)) continue
      const chunk: Chunk = { key, start: range.start, end: range.end, peer: '', tries: 0, tried: new Set(), timer: undefined }
      round.chunks.set(key, chunk)
      if (!this.send(round, chunk)) {
        this.endRound('no-peer')
        return
      }
      if (this.round !== round) return
    }
    if (round.chunks.size > 0) return

    if (round.requeue.length === 0 && round.cursor > round.last) {
      const max = this.maxPeerHeight()
      if (max !== undefined && max - 1n >= round.cursor) {
        round.last = max - 1n
        this.again = true
        return
      }
      if (height > round.last) {
        this.endRound('done')
        return
      }
    }
    // Nothing in flight, and the next chunk is beyond the window or every block was received but is not
    // committed yet: wait for commits, and ask again from the height if none comes within a responseTimeout
    // (giving up after maxRetries + 1 such stalls without a commit, as for an unanswered chunk).
    round.stallTimer = this.clock.setTimeout(() => {
      round.stallTimer = undefined
      if (this.round !== round) return
      const now = this.selfHeight()
      if (now === undefined) return
      if (now <= round.seenHeight && ++round.stalls > this.maxRetries) {
        this.counters.giveUps++
        this.endRound('gave-up')
        return
      }
      round.requeue.length = 0
      round.cursor = now
      this.pump()
    }, this.responseTimeout)
  }

  /**
   * Requests `chunk` of a random peer whose height covers its end, preferring peers not asked for it yet.
   * @returns false when no peer is eligible
   */
  private send (round: Round, chunk: Chunk): boolean {
    const peer = this.pickPeer(round, chunk)
    if (peer === undefined) return false
    chunk.peer = peer
    chunk.tried.add(peer)
    chunk.tries++
    this.counters.requests++
    chunk.timer = this.clock.setTimeout(() => { this.timedOut(round, chunk) }, this.responseTimeout)
    try {
      this.adapter.request(peer, chunk.start, chunk.end)
    } catch (err) {
      this.onError?.(err, 'request')
    }
    return true
  }

  private timedOut (round: Round, chunk: Chunk): void {
    chunk.timer = undefined
    if (this.round !== round || round.chunks.get(chunk.key) !== chunk) return
    this.counters.timeouts++
    const height = this.selfHeight()
    if (height !== undefined && height > chunk.end) {
      this.pump()
      return
    }
    this.retry(round, chunk)
  }

  /** Asks `chunk` again, unless it was asked maxRetries + 1 times already: then the round gives up. */
  private retry (round: Round, chunk: Chunk): void {
    if (chunk.tries > this.maxRetries) {
      this.counters.giveUps++
      this.endRound('gave-up')
      return
    }
    this.counters.retries++
    if (!this.send(round, chunk)) this.endRound('no-peer')
  }

  /**
   * A random peer whose height covers the chunk, among those not asked for it yet when there are any, and
   * among those the fewest other chunks in flight wait on (with one chunk in flight, as Fabric, that is
   * every such peer).
   */
  private pickPeer (round: Round, chunk: Chunk): string | undefined {
    let peers: readonly PeerHeight[]
    try {
      peers = this.adapter.peers()
    } catch (err) {
      this.onError?.(err, 'peers')
      return undefined
    }
    const eligible = [...new Set(peers.filter(p => p.height > chunk.end).map(p => p.id))]
    if (eligible.length === 0) return undefined
    const fresh = eligible.filter(id => !chunk.tried.has(id))
    let pool = fresh.length > 0 ? fresh : eligible
    if (round.chunks.size > 1 && pool.length > 1) {
      const load = new Map<string, number>()
      for (const other of round.chunks.values()) {
        if (other !== chunk && other.timer !== undefined) load.set(other.peer, (load.get(other.peer) ?? 0) + 1)
      }
      const least = Math.min(...pool.map(id => load.get(id) ?? 0))
      pool = pool.filter(id => (load.get(id) ?? 0) === least)
    }
    return pool[Math.min(pool.length - 1, Math.floor(this.random() * pool.length))]
  }

  private requeue (round: Round, range: Range): void {
    const at = round.requeue.findIndex(r => r.start > range.start)
    if (at < 0) round.requeue.push(range)
    else round.requeue.splice(at, 0, range)
  }

  private dropChunk (round: Round, chunk: Chunk): void {
    if (chunk.timer !== undefined) this.clock.clearTimeout(chunk.timer)
    chunk.timer = undefined
    round.chunks.delete(chunk.key)
  }

  private endRound (reason: RoundEndReason): void {
    const round = this.round
    if (round === undefined) return
    for (const chunk of round.chunks.values()) {
      if (chunk.timer !== undefined) this.clock.clearTimeout(chunk.timer)
      chunk.timer = undefined
    }
    round.chunks.clear()
    if (round.stallTimer !== undefined) this.clock.clearTimeout(round.stallTimer)
    round.stallTimer = undefined
    this.round = undefined
    if (this.onRoundEnd !== undefined) {
      let height: bigint | undefined
      try { height = this.adapter.selfHeight() } catch { height = undefined }
      this.onRoundEnd(reason, height)
    }
  }

  private selfHeight (): bigint | undefined {
    try {
      return this.adapter.selfHeight()
    } catch (err) {
      this.onError?.(err, 'selfHeight')
      return undefined
    }
  }

  /** The highest height among peers (0 when there is none); undefined when the adapter throws. */
  private maxPeerHeight (): bigint | undefined {
    try {
      let max = 0n
      for (const p of this.adapter.peers()) if (p.height > max) max = p.height
      return max
    } catch (err) {
      this.onError?.(err, 'peers')
      return undefined
    }
  }
}
