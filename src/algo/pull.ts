/**
 * Fabric's pull engine (`gossip/gossip/algo/pull.go`), pure: items are known by string digests (a block by
 * its decimal sequence number, an identity by its PKI-ID in hex), messages leave through a
 * {@link PullAdapter} that the consumer implements, and time comes from an injected {@link Clock}.
 *
 * ```
 *   Initiator                                  Responder
 *   Hello(nonce) ---------------------------->   remembers (peer, nonce) for requestWaitTime
 *                <----------------------------   Digest(digests, nonce)      (egress filter per requester)
 *   collects digests for digestWaitTime          (ingress filter on arrival)
 *   Request(missing, nonce) ----------------->   each missing digest asked of ONE random owner
 *                <----------------------------   Update(items, nonce)        (egress filter again)
 *   accepts updates until responseWaitTime
 * ```
 *
 * Every `pullInterval` (and on {@link PullEngine.pullNow}) a round sends a hello with a fresh random 64-bit
 * nonce to each peer `selectPeers()` returns. Digests are taken only from the peer a nonce was sent to and
 * only while the round collects; then each digest we lack is requested from one owner picked at random among
 * the peers that advertised it. An update is accepted only from that peer, with that nonce, for digests we
 * requested from it, before the round's response deadline. A responder answers a request only when it
 * carries the nonce of a hello from the same peer, received less than `requestWaitTime` ago. Unknown,
 * expired or misdirected nonces are ignored. Nonces are held in bounded maps that forget them as they expire.
 *
 * @example
 * ```ts
 * const engine = new PullEngine({
 *   selectPeers: () => pickRandom(alivePeers(), pullPeerNum),
 *   hello: (peer, nonce) => send(peer, { hello: { nonce, msgType } }),
 *   sendDigest: (digests, nonce, peer) => send(peer, { dataDig: { nonce, digests, msgType } }),
 *   sendRequest: (digests, nonce, peer) => send(peer, { dataReq: { nonce, digests, msgType } }),
 *   sendUpdate: (digests, nonce, peer) => send(peer, { dataUpdate: { nonce, data: digests.map(d => items.get(d)), msgType } })
 * }, { clock: systemClock, ingressFilter: () => d => BigInt(d) >= height })
 * engine.start()
 * // on a DataUpdate from `peer`, after checking each item:
 * for (const d of engine.onUpdate(validDigests, nonce, peer)) items.set(d, itemOf(d))
 * ```
 */
import { randomNonce } from './nonce.js'
import { systemClock } from './clock.js'
import type { Clock, TimerHandle } from './clock.js'
import {
  DIGEST_WAIT_TIME,
  MAX_DIGESTS_PER_MESSAGE,
  MAX_PENDING_NONCES,
  PULL_INTERVAL,
  REQUEST_WAIT_TIME,
  RESPONSE_WAIT_TIME
} from './constants.js'

/** Decides whether one digest passes. */
export type DigestPredicate = (digest: string) => boolean

/**
 * A digest filter built per remote peer (Fabric's `DigestFilter`, given the message's context): called once
 * per message with the peer's id, the predicate it returns is applied to each digest.
 */
export type DigestFilter = (peer: string) => DigestPredicate

/**
 * What the pull engine needs from its consumer (Fabric's `algo.PullAdapter`): whom to pull from and how to
 * send the four messages. Peers are the consumer's ids (a PKI-ID in hex, a PeerId); the engine only compares
 * them. Sends are fire and forget: the engine does not wait, and an exception is reported to
 * {@link PullEngineInit.onError}.
 */
export interface PullAdapter {
  /** The peers a round starts with, e.g. `pullPeerNum` random alive peers that pass the routing filter. */
  selectPeers(): string[]
  /** Sends `Hello(nonce)` to `peer` (Fabric `Hello`). */
  hello(peer: string, nonce: bigint): void
  /** Answers a hello of `peer` with the digests we offer it (Fabric `SendDigest`). */
  sendDigest(digests: string[], nonce: bigint, peer: string): void
  /** Asks `peer` for the items of `digests`, with the nonce of the hello it answered (Fabric `SendReq`). */
  sendRequest(digests: string[], nonce: bigint, peer: string): void
  /** Sends `peer` the items of `digests` (the consumer maps digests to items; Fabric `SendRes`). */
  sendUpdate(digests: string[], nonce: bigint, peer: string): void
}

/** The adapter call that failed, as given to {@link PullEngineInit.onError}. */
export type PullOperation = keyof PullAdapter

/** Options of {@link PullEngine}. Durations are milliseconds. */
export interface PullEngineInit {
  /** Time and timers. @default systemClock */
  clock?: Clock
  /** Period of the rounds started by {@link PullEngine.start}. @default 4000 (Fabric) */
  pullInterval?: number
  /** How long a round collects digests after its hellos. @default 1000 (Fabric) */
  digestWaitTime?: number
  /** How long a responder accepts the request that follows a hello it answered. @default 1500 (Fabric) */
  requestWaitTime?: number
  /** How long a round accepts updates after its requests. @default 2000 (Fabric) */
  responseWaitTime?: number
  /**
   * Which of our digests a peer may learn and obtain (Fabric's egress digest filter, per requester): applied
   * to the digests we send in answer to its hello and to the items it requests. @default every digest
   */
  egressFilter?: DigestFilter
  /**
   * Which advertised digests we want from a peer (Fabric's ingress digest filter, on arrival of a digest
   * message), e.g. block numbers not below our ledger height. @default every digest
   */
  ingressFilter?: DigestFilter
  /**
   * Most digests per message: a digest, request or update with more is ignored, our digests are cut to
   * this and one round tracks at most this many missing digests. @default 10000
   */
  maxDigestsPerMessage?: number
  /**
   * Most nonces remembered in each direction: hellos answered (a hello beyond this is not answered) and
   * hellos sent (a round stops sending hellos at this). @default 10000
   */
  maxPendingNonces?: number
  /** Uniform random number in [0, 1), to pick the owner asked for a digest. @default Math.random */
  random?: () => number
  /** Nonce source. @default 64 random bits from node:crypto */
  nonce?: () => bigint
  /** Called when an adapter call throws; the engine carries on. @default the error is ignored */
  onError?: (err: unknown, operation: PullOperation) => void
}

/** Counters of {@link PullEngine.stats}. */
export interface PullEngineStats {
  /** Digests held. */
  digests: number
  /** Rounds under way (collecting digests or awaiting updates). */
  rounds: number
  /** Nonces of our hellos still awaiting digests or updates. */
  outgoingNonces: number
  /** Nonces of answered hellos whose request may still come. */
  incomingNonces: number
  /** Digests requested and not yet received. */
  requested: number
}

interface Round {
  phase: 'digests' | 'responses' | 'done'
  /** Instant the current phase ends. */
  deadline: number
  timer: TimerHandle | undefined
  /** One hello per peer. */
  readonly sent: Map<string, Sent>
  /** Digests we lack -> the peers that advertised them (while collecting). */
  readonly owners: Map<string, string[]>
}

interface Sent {
  readonly nonce: bigint
  readonly peer: string
  readonly round: Round
  answered: boolean
  /** Digests requested of this peer and not yet received. */
  readonly requested: Set<string>
}

function positive (value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback
}

/**
 * The pull engine of one item type (blocks of a channel, identities): the set of digests we hold, the
 * initiator's rounds and the responder's nonces. Call the `on*` methods as the messages arrive from peers.
 */
export class PullEngine {
  private readonly adapter: PullAdapter
  private readonly clock: Clock
  private readonly pullInterval: number
  private readonly digestWaitTime: number
  private readonly requestWaitTime: number
  private readonly responseWaitTime: number
  private readonly egressFilter: DigestFilter | undefined
  private readonly ingressFilter: DigestFilter | undefined
  private readonly maxDigests: number
  private readonly maxNonces: number
  private readonly random: () => number
  private readonly newNonce: () => bigint
  private readonly onError: ((err: unknown, operation: PullOperation) => void) | undefined

  private readonly state = new Set<string>()
  /** Our hellos' nonces. */
  private readonly outgoing = new Map<bigint, Sent>()
  /** Answered hellos: `${nonce}@${peer}` -> expiry instant, in expiry order. */
  private readonly incoming = new Map<string, number>()
  /** Digests requested by a round and not yet received, so that another round does not ask again. */
  private readonly inFlight = new Set<string>()
  private readonly rounds = new Set<Round>()
  private collecting: Round | undefined
  private running = false
  private intervalTimer: TimerHandle | undefined

  constructor (adapter: PullAdapter, init: PullEngineInit = {}) {
    this.adapter = adapter
    this.clock = init.clock ?? systemClock
    this.pullInterval = Math.max(1, positive(init.pullInterval, PULL_INTERVAL))
    this.digestWaitTime = positive(init.digestWaitTime, DIGEST_WAIT_TIME)
    this.requestWaitTime = positive(init.requestWaitTime, REQUEST_WAIT_TIME)
    this.responseWaitTime = positive(init.responseWaitTime, RESPONSE_WAIT_TIME)
    this.egressFilter = init.egressFilter
    this.ingressFilter = init.ingressFilter
    this.maxDigests = Math.max(1, Math.floor(positive(init.maxDigestsPerMessage, MAX_DIGESTS_PER_MESSAGE)))
    this.maxNonces = Math.max(1, Math.floor(positive(init.maxPendingNonces, MAX_PENDING_NONCES)))
    this.random = init.random ?? Math.random
    this.newNonce = init.nonce ?? randomNonce
    this.onError = init.onError
  }

  /** Starts a round every `pullInterval`, the first one `pullInterval` from now (as Fabric). */
  start (): void {
    if (this.running) return
    this.running = true
    this.scheduleTick()
  }

  /** Stops the rounds and clears every timer; rounds under way are abandoned and all nonces forgotten. */
  stop (): void {
    if (!this.running) return
    this.running = false
    if (this.intervalTimer !== undefined) this.clock.clearTimeout(this.intervalTimer)
    this.intervalTimer = undefined
    for (const round of [...this.rounds]) this.endRound(round)
    this.incoming.clear()
  }

  /** Whether {@link start} was called and {@link stop} not since. */
  get isRunning (): boolean {
    return this.running
  }

  /**
   * Starts a round now (the block-gap fast path), unless the engine is stopped, a round is still collecting
   * digests (it will request whatever we lack when it ends) or there is no peer to pull from.
   * @returns whether a round started
   */
  pullNow (): boolean {
    return this.startRound()
  }

  /** Adds digests of items we now hold. */
  add (...digests: string[]): void {
    for (const d of digests) this.state.add(d)
  }

  /** Removes digests of items we no longer hold. */
  remove (...digests: string[]): void {
    for (const d of digests) this.state.delete(d)
  }

  /** Whether we hold the item of `digest`. */
  has (digest: string): boolean {
    return this.state.has(digest)
  }

  /** The digests we hold, in the order they were added. */
  digests (): string[] {
    return [...this.state]
  }

  /** Counters, for metrics and tests. */
  stats (): PullEngineStats {
    this.pruneIncoming(this.clock.now())
    return {
      digests: this.state.size,
      rounds: this.rounds.size,
      outgoingNonces: this.outgoing.size,
      incomingNonces: this.incoming.size,
      requested: this.inFlight.size
    }
  }

  /**
   * A hello from `peer`: sends it the digests it may learn (none: no answer) and remembers the nonce for
   * `requestWaitTime`.
   * @returns whether a digest was sent
   */
  onHello (nonce: bigint, peer: string): boolean {
    const now = this.clock.now()
    this.pruneIncoming(now)
    if (this.incoming.size >= this.maxNonces) return false
    const filter = this.egressFilter?.(peer)
    const digests: string[] = []
    for (const d of this.state) {
      if (digests.length >= this.maxDigests) break
      if (filter === undefined || filter(d)) digests.push(d)
    }
    if (digests.length === 0) return false
    const key = incomingKey(nonce, peer)
    this.incoming.delete(key)
    this.incoming.set(key, now + this.requestWaitTime)
    this.call('sendDigest', () => { this.adapter.sendDigest(digests, nonce, peer) })
    return true
  }

  /**
   * A digest from `peer` answering our hello: the digests we lack (and the ingress filter lets through) are
   * noted with `peer` as an owner. Ignored unless the nonce is of a hello we sent to `peer` in a round still
   * collecting, and `peer` has not answered it already.
   * @returns whether the digest was taken
   */
  onDigest (digests: readonly string[], nonce: bigint, peer: string): boolean {
    const sent = this.outgoing.get(nonce)
    if (sent === undefined || sent.peer !== peer || sent.answered) return false
    const round = sent.round
    if (round.phase !== 'digests' || this.clock.now() >= round.deadline) return false
    if (digests.length > this.maxDigests) return false
    sent.answered = true
    const filter = this.ingressFilter?.(peer)
    for (const d of new Set(digests)) {
      if (this.state.has(d)) continue
      if (filter !== undefined && !filter(d)) continue
      const owners = round.owners.get(d)
      if (owners !== undefined) owners.push(peer)
      else if (round.owners.size < this.maxDigests) round.owners.set(d, [peer])
    }
    return true
  }

  /**
   * A request from `peer`: sends it the requested items we hold and it may obtain. Ignored unless the nonce
   * is of a hello `peer` sent us less than `requestWaitTime` ago; a nonce serves one request.
   * @returns the digests sent
   */
  onRequest (digests: readonly string[], nonce: bigint, peer: string): string[] {
    const now = this.clock.now()
    this.pruneIncoming(now)
    const key = incomingKey(nonce, peer)
    const expiry = this.incoming.get(key)
    if (expiry === undefined || now >= expiry) return []
    this.incoming.delete(key)
    if (digests.length > this.maxDigests) return []
    const filter = this.egressFilter?.(peer)
    const items = [...new Set(digests)].filter(d => this.state.has(d) && (filter === undefined || filter(d)))
    if (items.length === 0) return []
    this.call('sendUpdate', () => { this.adapter.sendUpdate(items, nonce, peer) })
    return items
  }

  /**
   * An update from `peer`: accepts the digests we requested of it with this nonce, before the round's
   * response deadline, and do not hold yet. Accepted digests are added to the engine; the consumer stores
   * their items (check the items before calling: pass only the digests of valid ones).
   * @returns the accepted digests
   */
  onUpdate (digests: readonly string[], nonce: bigint, peer: string): string[] {
    const sent = this.outgoing.get(nonce)
    if (sent === undefined || sent.peer !== peer) return []
    const round = sent.round
    if (round.phase !== 'responses' || this.clock.now() >= round.deadline) return []
    if (digests.length > this.maxDigests) return []
    const accepted: string[] = []
    for (const d of digests) {
      if (!sent.requested.delete(d)) continue
      this.inFlight.delete(d)
      if (this.state.has(d)) continue
      this.state.add(d)
      accepted.push(d)
    }
    return accepted
  }

  private scheduleTick (): void {
    this.intervalTimer = this.clock.setTimeout(() => {
      this.intervalTimer = undefined
      if (!this.running) return
      this.startRound()
      if (this.running && this.intervalTimer === undefined) this.scheduleTick()
    }, this.pullInterval)
  }

  private startRound (): boolean {
    if (!this.running || this.collecting !== undefined) return false
    let peers: string[]
    try {
      peers = this.adapter.selectPeers()
    } catch (err) {
      this.onError?.(err, 'selectPeers')
      return false
    }
    const round: Round = {
      phase: 'digests',
      deadline: this.clock.now() + this.digestWaitTime,
      timer: undefined,
      sent: new Map(),
      owners: new Map()
    }
    for (const peer of new Set(peers)) {
      if (this.outgoing.size >= this.maxNonces) break
      let nonce = this.newNonce()
      while (this.outgoing.has(nonce)) nonce = this.newNonce()
      const sent: Sent = { nonce, peer, round, answered: false, requested: new Set() }
      this.outgoing.set(nonce, sent)
      round.sent.set(peer, sent)
    }
    if (round.sent.size === 0) return false
    this.rounds.add(round)
    this.collecting = round
    round.timer = this.clock.setTimeout(() => { this.requestMissing(round) }, this.digestWaitTime)
    for (const sent of round.sent.values()) {
      if (round.phase === 'done') break
      this.call('hello', () => { this.adapter.hello(sent.peer, sent.nonce) })
    }
    return true
  }

  /** End of the digest phase: asks each missing digest of one random owner. */
  private requestMissing (round: Round): void {
    round.timer = undefined
    if (round.phase !== 'digests') return
    if (this.collecting === round) this.collecting = undefined
    round.phase = 'responses'
    round.deadline = this.clock.now() + this.responseWaitTime
    const byOwner = new Map<Sent, string[]>()
    for (const [digest, owners] of round.owners) {
      if (this.state.has(digest) || this.inFlight.has(digest)) continue
      const owner = owners[Math.min(owners.length - 1, Math.floor(this.random() * owners.length))]
      const sent = round.sent.get(owner)
      if (sent === undefined) continue
      const list = byOwner.get(sent)
      if (list !== undefined) list.push(digest)
      else byOwner.set(sent, [digest])
    }
    round.owners.clear()
    if (byOwner.size === 0) {
      this.endRound(round)
      return
    }
    for (const [sent, digests] of byOwner) {
      for (const d of digests) {
        sent.requested.add(d)
        this.inFlight.add(d)
      }
    }
    round.timer = this.clock.setTimeout(() => { this.endRound(round) }, this.responseWaitTime)
    for (const [sent, digests] of byOwner) {
      if (round.phase !== 'responses') break
      this.call('sendRequest', () => { this.adapter.sendRequest(digests, sent.nonce, sent.peer) })
    }
  }

  private endRound (round: Round): void {
    if (round.timer !== undefined) this.clock.clearTimeout(round.timer)
    round.timer = undefined
    round.phase = 'done'
    for (const sent of round.sent.values()) {
      this.outgoing.delete(sent.nonce)
      for (const d of sent.requested) this.inFlight.delete(d)
      sent.requested.clear()
    }
    round.owners.clear()
    this.rounds.delete(round)
    if (this.collecting === round) this.collecting = undefined
  }

  /** Forgets answered hellos whose request time is over (the map is in expiry order). */
  private pruneIncoming (now: number): void {
    for (const [key, expiry] of this.incoming) {
      if (expiry > now) break
      this.incoming.delete(key)
    }
  }

  private call (operation: PullOperation, fn: () => void): void {
    try {
      fn()
    } catch (err) {
      this.onError?.(err, operation)
    }
  }
}

function incomingKey (nonce: bigint, peer: string): string {
  return `${nonce}@${peer}`
}
