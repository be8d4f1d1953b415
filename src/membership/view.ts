/**
 * The membership view: Fabric discovery's alive/dead bookkeeping (`gossip/discovery/discovery_impl.go`:
 * `handleAliveMessage`, `learnNewMembers`, `learnExistingMembers`, `resurrectMember`, `getDeadMembers`,
 * `expireDeadMembers`, `purge` and the alive message store's expiry callback) as a pure class: no I/O, no
 * timers, no events. Time comes from the injected `now()`; the caller runs {@link MembershipView.checkExpiry}
 * every `aliveExpirationTimeout / 10` and turns the results into connection closes, events and logs.
 *
 * Per member the view keeps its newest alive message (`T`, opaque: the caller's `SignedMessage` or a test
 * stand-in), the message's PeerTime, endpoints and metadata, and `lastSeen`: the local time at which we
 * accepted the newest message about it (or first learned it).
 *
 * ```
 *           handleAlive (newer)                  handleAlive (newer): 'revived'
 *   unknown ───────────────────▶ alive ◀──────────────────────────────────────────┐
 *      │     'new'                 │  silent > aliveExpirationTimeout (checkExpiry)│
 *      │                           │  or expire() (comm: presumed dead)            │
 *      │ handleDead ('new')        ▼                                               │
 *      └─────────────────────────▶ dead ───────────────────────────────────────────┘
 *                                   │ lastSeen older than timeout x msgExpirationFactor
 *                                   ▼ (checkExpiry; never for bootstrap/anchor peers)
 *                               forgotten
 * ```
 */
import {
  DEFAULT_ALIVE_EXPIRATION_TIMEOUT,
  DEFAULT_MAX_MEMBERS,
  DEFAULT_MSG_EXPIRATION_FACTOR
} from './constants.js'
import { pkiIdToHex } from '../identity/pki-id.js'
import { isNewer, type PeerTime } from './peer-time.js'
import type { SignedMessage } from '../wire/envelope.js'

/** What the view needs of one alive message (`AliveMessage` plus the internal endpoint of its SecretEnvelope). */
export interface AliveInfo<T = SignedMessage> {
  /** `AliveMessage.membership.pki_id`; must be non-empty (the caller has verified the message's signature). */
  pkiId: Uint8Array
  /** `AliveMessage.timestamp`. */
  time: PeerTime
  /** `membership.endpoint`: the external endpoint, empty when the peer has none. */
  endpoint: string
  /** The internal endpoint from the SecretEnvelope; absent when stripped (messages from another org). */
  internalEndpoint?: string
  /** `membership.metadata`. @default empty */
  metadata?: Uint8Array
  /** The message itself, kept so it can be forwarded and put into membership responses. */
  message: T
}

/** Whether a member is considered alive or dead. */
export type MemberState = 'alive' | 'dead'

/**
 * One member as the view holds it. Records are immutable: every change makes a new record, so a record
 * returned by the view is a snapshot.
 */
export interface Member<T = SignedMessage> {
  readonly pkiId: Uint8Array
  /** Lower-case hex of the PKI-ID: the view's key. */
  readonly pkiIdHex: string
  readonly state: MemberState
  /** PeerTime of the newest message accepted. */
  readonly time: PeerTime
  /** External endpoint ('' when none). */
  readonly endpoint: string
  /** Internal endpoint, when some message carried it (kept when a newer one does not, like Fabric). */
  readonly internalEndpoint: string | undefined
  readonly metadata: Uint8Array
  /** The newest alive message accepted. */
  readonly message: T
  /** Local time (ms, from `now()`) at which the newest message was accepted, or the member first learned. */
  readonly lastSeen: number
  /** A bootstrap peer: never forgotten. */
  readonly bootstrap: boolean
  /** An anchor peer of some channel: never forgotten. */
  readonly anchor: boolean
}

/**
 * Outcome of {@link MembershipView.handleAlive}:
 * - `self`: the message is about this peer; ignored (see `selfEndpointConflict` for Fabric's error log).
 * - `new`: an unknown member, learned as alive.
 * - `updated`: a strictly newer message about an alive member; replaced, `lastSeen` refreshed.
 * - `revived`: a strictly newer message about a dead member; it is alive again.
 * - `stale`: not newer than what we hold (duplicate or older), or than the message a member forgotten less
 *   than `aliveExpirationTimeout x msgExpirationFactor` ago was forgotten with; nothing changed, `lastSeen`
 *   included.
 * - `refused`: an unknown member while the view is full ({@link MembershipViewInit.maxMembers}).
 */
export type AliveResult = 'self' | 'new' | 'updated' | 'revived' | 'stale' | 'refused'

/**
 * Outcome of {@link MembershipView.handleDead}:
 * - `self`: about this peer; ignored.
 * - `new`: an unknown member, learned as dead.
 * - `updated`: a strictly newer message about a member we already hold as dead; stored, still dead.
 * - `stale`: a member we hold as alive (never killed by hearsay), or not newer than what we hold (or than
 *   the message of a recently forgotten member).
 * - `refused`: an unknown member while the view is full.
 */
export type DeadResult = 'self' | 'new' | 'updated' | 'stale' | 'refused'

/** What one {@link MembershipView.checkExpiry} did. */
export interface ExpiryResult<T = SignedMessage> {
  /** Members that were alive and have now been declared dead: close their connections, emit events. */
  dead: Array<Member<T>>
  /** Members dropped from the view. A member can be in both lists (only when msgExpirationFactor <= 1). */
  forgotten: Array<Member<T>>
}

export interface MembershipViewInit {
  /** This peer's PKI-ID: messages about it are ignored. */
  selfPkiId: Uint8Array
  /** The local clock in milliseconds (`Date.now` in production, a fake clock in tests). */
  now(): number
  /**
   * Silence (ms) after which an alive member is dead; strictly more than this, as Fabric `getDeadMembers`.
   * @default 25000 (Fabric `DefAliveExpirationTimeout`, core.yaml `peer.gossip.aliveExpirationTimeout`)
   */
  aliveExpirationTimeout?: number
  /**
   * A member whose newest message is older than `aliveExpirationTimeout` x this is forgotten.
   * @default 20 (Fabric `DefMsgExpirationFactor`, core.yaml `peer.gossip.msgExpirationFactor`)
   */
  msgExpirationFactor?: number
  /**
   * Most members held (alive and dead); unknown members past it are refused and counted.
   * @default 10000
   */
  maxMembers?: number
  /**
   * Whether an endpoint is a bootstrap or anchor peer's, checked against a member's external and internal
   * endpoints before forgetting it (Fabric's alive store expiry callback, which matches endpoints against
   * `bootstrapPeers` and the anchor peer tracker). Complements {@link MembershipView.markBootstrap} /
   * {@link MembershipView.markAnchor}, which work by PKI-ID.
   */
  isProtectedEndpoint?(endpoint: string): boolean
}

const EMPTY = new Uint8Array(0)

/** The view's key for a PKI-ID given as bytes or hex. */
function keyOf (pkiId: Uint8Array | string): string {
  return typeof pkiId === 'string' ? pkiId.toLowerCase() : pkiIdToHex(pkiId)
}

/**
 * Fabric discovery's member bookkeeping, pure. See the module comment for the state machine.
 *
 * @example
 * ```ts
 * const view = new MembershipView({ selfPkiId: me.pkiId, now: Date.now })
 * const info = aliveInfoOf(received.signed)
 * const result = info != null ? view.handleAlive(info) : undefined
 * if (result === 'new' || result === 'updated' || result === 'revived') forward(received) // Fabric forwards what its store took
 * setInterval(() => { const { dead } = view.checkExpiry(); for (const m of dead) void comm.closeConnection(m.pkiId) }, 2500)
 * ```
 */
export class MembershipView<T = SignedMessage> {
  /** Lower-case hex of this peer's PKI-ID. */
  readonly selfPkiIdHex: string
  /** Silence (ms) after which an alive member is dead. */
  readonly aliveExpirationTimeout: number
  /** Age (ms) of the newest message after which a member is forgotten: aliveExpirationTimeout x msgExpirationFactor. */
  readonly forgetAfter: number
  /** Most members held. */
  readonly maxMembers: number

  private readonly now: () => number
  private readonly isProtectedEndpoint: ((endpoint: string) => boolean) | undefined
  private readonly members = new Map<string, Member<T>>()
  private readonly bootstrapIds = new Set<string>()
  private readonly anchorIds = new Set<string>()
  /** PeerTimes of forgotten members, kept for another `forgetAfter` so that replays of them are refused. */
  private readonly tombstones = new Map<string, { time: PeerTime, until: number }>()
  private aliveMembers = 0
  private refused = 0
  private changes = 0

  constructor (init: MembershipViewInit) {
    const timeout = init.aliveExpirationTimeout ?? DEFAULT_ALIVE_EXPIRATION_TIMEOUT
    const factor = init.msgExpirationFactor ?? DEFAULT_MSG_EXPIRATION_FACTOR
    const max = init.maxMembers ?? DEFAULT_MAX_MEMBERS
    if (!(timeout > 0) || !Number.isFinite(timeout)) throw new RangeError(`aliveExpirationTimeout must be a positive number of ms, got ${timeout}`)
    if (!(factor > 0) || !Number.isFinite(factor)) throw new RangeError(`msgExpirationFactor must be positive, got ${factor}`)
    if (!Number.isInteger(max) || max < 0) throw new RangeError(`maxMembers must be a non-negative integer, got ${max}`)
    if (init.selfPkiId.length === 0) throw new RangeError('selfPkiId must not be empty')
    this.selfPkiIdHex = pkiIdToHex(init.selfPkiId)
    this.aliveExpirationTimeout = timeout
    this.forgetAfter = timeout * factor
    this.maxMembers = max
    this.now = init.now
    this.isProtectedEndpoint = init.isProtectedEndpoint
  }

  /**
   * An alive message (pushed, in a membership request's `self_information`, or in a membership response's
   * `alive` list), already verified by the caller. As Fabric `handleAliveMessage`: unknown -> learned alive;
   * known -> replaced only by a strictly newer PeerTime (reviving a dead member); otherwise nothing changes.
   */
  handleAlive (info: AliveInfo<T>): AliveResult {
    const key = pkiIdToHex(info.pkiId)
    if (key === this.selfPkiIdHex) return 'self'
    const prev = this.members.get(key)
    if (prev == null) {
      if (this.buried(key, info.time)) return 'stale'
      if (this.members.size >= this.maxMembers) {
        this.refused++
        return 'refused'
      }
      this.put(this.record(key, info, 'alive', undefined, this.now()))
      return 'new'
    }
    if (!isNewer(info.time, prev.time)) return 'stale'
    this.put(this.record(key, info, 'alive', prev, this.now()))
    return prev.state === 'dead' ? 'revived' : 'updated'
  }

  /**
   * A dead entry of a membership response (another peer's opinion, not a signed death). Fabric
   * (`handleMsgFromComm`, the `memResp.Dead` loop) learns it only when the PKI-ID is unknown and otherwise
   * ignores it; we do the same, and in addition keep a strictly newer message about a member we also hold
   * as dead (it stays dead, its endpoints and time are refreshed for reconnection; `lastSeen` is not
   * refreshed, since hearsay about a silent peer is no sign of life). A member we hold as alive is never
   * killed this way, whatever the times: it dies by our own expiry.
   */
  handleDead (info: AliveInfo<T>): DeadResult {
    const key = pkiIdToHex(info.pkiId)
    if (key === this.selfPkiIdHex) return 'self'
    const prev = this.members.get(key)
    if (prev == null) {
      if (this.buried(key, info.time)) return 'stale'
      if (this.members.size >= this.maxMembers) {
        this.refused++
        return 'refused'
      }
      this.put(this.record(key, info, 'dead', undefined, this.now()))
      return 'new'
    }
    if (prev.state === 'alive' || !isNewer(info.time, prev.time)) return 'stale'
    this.put(this.record(key, info, 'dead', prev, prev.lastSeen))
    return 'updated'
  }

  /**
   * Declares an alive member dead at once (Fabric `expireDeadMembers` on the comm layer's "presumed dead",
   * after a failed send). Returns the member as it is now (dead), or undefined when it was not alive.
   */
  expire (pkiId: Uint8Array | string): Member<T> | undefined {
    const m = this.members.get(keyOf(pkiId))
    if (m?.state !== 'alive') return undefined
    const dead: Member<T> = { ...m, state: 'dead' }
    this.put(dead)
    return dead
  }

  /**
   * The periodic check (the caller runs it every `aliveExpirationTimeout / 10`, Fabric's
   * `aliveExpirationCheckInterval`): alive members silent for strictly more than `aliveExpirationTimeout`
   * become dead (Fabric `getDeadMembers`: `time.Since(lastSeen) > aliveExpirationTimeout`); members whose
   * newest message is older than `aliveExpirationTimeout x msgExpirationFactor` are forgotten (Fabric's alive
   * message store TTL, `time.Since(created) > msgTTL`), except bootstrap and anchor peers, which stay (dead)
   * for ever. For another `aliveExpirationTimeout x msgExpirationFactor` a forgotten member comes back only
   * with a newer PeerTime than the one it was forgotten with (a replayed old message is `stale`).
   */
  checkExpiry (): ExpiryResult<T> {
    const now = this.now()
    const dead: Array<Member<T>> = []
    const forgotten: Array<Member<T>> = []
    for (const [key, t] of this.tombstones) {
      if (now > t.until) this.tombstones.delete(key)
    }
    for (const [key, m] of this.members) {
      let current = m
      const silence = now - m.lastSeen
      if (m.state === 'alive' && silence > this.aliveExpirationTimeout) {
        current = { ...m, state: 'dead' }
        this.put(current)
        dead.push(current)
      }
      if (silence > this.forgetAfter && !this.isProtected(current)) {
        this.delete(key)
        this.bury(key, current.time, now)
        forgotten.push(current)
      }
    }
    return { dead, forgotten }
  }

  /**
   * Removes a member whatever its state or flags (Fabric `purge`: its identity was purged or its PKI-ID
   * switched). The bootstrap/anchor marks of the PKI-ID are kept. Returns the removed member.
   */
  remove (pkiId: Uint8Array | string): Member<T> | undefined {
    const key = keyOf(pkiId)
    const m = this.members.get(key)
    if (m != null) this.delete(key)
    return m
  }

  /**
   * Marks (or unmarks) a PKI-ID as a bootstrap peer's: never forgotten. The mark is remembered for a PKI-ID
   * not (yet) in the view and applies when it is learned.
   */
  markBootstrap (pkiId: Uint8Array | string, on = true): void {
    this.mark(this.bootstrapIds, keyOf(pkiId), on)
  }

  /** Marks (or unmarks) a PKI-ID as an anchor peer's: never forgotten. Remembered like {@link markBootstrap}. */
  markAnchor (pkiId: Uint8Array | string, on = true): void {
    this.mark(this.anchorIds, keyOf(pkiId), on)
  }

  /** The member with this PKI-ID (bytes or hex), alive or dead. */
  get (pkiId: Uint8Array | string): Member<T> | undefined {
    return this.members.get(keyOf(pkiId))
  }

  /** Whether the view holds this PKI-ID (alive or dead). */
  has (pkiId: Uint8Array | string): boolean {
    return this.members.has(keyOf(pkiId))
  }

  /** The alive members (Fabric `GetMembership`). */
  alive (): Array<Member<T>> {
    return [...this.members.values()].filter(m => m.state === 'alive')
  }

  /** The dead members (reconnection candidates and the `dead` list of membership responses). */
  dead (): Array<Member<T>> {
    return [...this.members.values()].filter(m => m.state === 'dead')
  }

  /** Every member, alive and dead. */
  all (): Array<Member<T>> {
    return [...this.members.values()]
  }

  /** Number of members held, alive and dead. */
  get size (): number {
    return this.members.size
  }

  /** Changes to the members held (learned, updated, died, forgotten, removed): unchanged, the lists are the same. */
  get version (): number {
    return this.changes
  }

  /** Number of alive members. */
  get aliveCount (): number {
    return this.aliveMembers
  }

  /** Number of unknown members refused so far because the view was full (for a metric or a warning). */
  get refusedCount (): number {
    return this.refused
  }

  private record (key: string, info: AliveInfo<T>, state: MemberState, prev: Member<T> | undefined, lastSeen: number): Member<T> {
    return {
      pkiId: prev?.pkiId ?? Uint8Array.from(info.pkiId),
      pkiIdHex: key,
      state,
      time: { incNum: info.time.incNum, seqNum: info.time.seqNum },
      endpoint: info.endpoint,
      // Fabric learnExistingMembers/resurrectMember: the new secret's internal endpoint, else the previous one
      internalEndpoint: info.internalEndpoint != null && info.internalEndpoint !== '' ? info.internalEndpoint : prev?.internalEndpoint,
      metadata: info.metadata ?? EMPTY,
      message: info.message,
      lastSeen,
      bootstrap: this.bootstrapIds.has(key),
      anchor: this.anchorIds.has(key)
    }
  }

  private put (m: Member<T>): void {
    this.changes++
    const prev = this.members.get(m.pkiIdHex)
    if (prev?.state === 'alive') this.aliveMembers--
    if (m.state === 'alive') this.aliveMembers++
    this.members.set(m.pkiIdHex, m)
  }

  private delete (key: string): void {
    const prev = this.members.get(key)
    if (prev == null) return
    this.changes++
    if (prev.state === 'alive') this.aliveMembers--
    this.members.delete(key)
  }

  /**
   * Remembers a forgotten member's PeerTime for another `forgetAfter`, as Fabric's message store keeps an
   * expired alive message until twice its TTL (`msgstore/msgs.go` `expireMessages`), during which
   * `CheckValid` still refuses messages it invalidates: a replay of an old alive message cannot bring a
   * forgotten member back. At most `maxMembers` tombstones; the oldest goes first.
   */
  private bury (key: string, time: PeerTime, now: number): void {
    this.tombstones.delete(key)
    if (this.maxMembers === 0) return
    while (this.tombstones.size >= this.maxMembers) {
      const oldest = this.tombstones.keys().next()
      if (oldest.done === true) break
      this.tombstones.delete(oldest.value)
    }
    this.tombstones.set(key, { time, until: now + this.forgetAfter })
  }

  /** Whether a message about an unknown member is not newer than the one it was forgotten with (recently). */
  private buried (key: string, time: PeerTime): boolean {
    const t = this.tombstones.get(key)
    if (t == null) return false
    if (this.now() > t.until) {
      this.tombstones.delete(key)
      return false
    }
    return !isNewer(time, t.time)
  }

  private mark (set: Set<string>, key: string, on: boolean): void {
    if (on) set.add(key)
    else set.delete(key)
    const m = this.members.get(key)
    if (m != null) this.put({ ...m, bootstrap: this.bootstrapIds.has(key), anchor: this.anchorIds.has(key) })
  }

  private isProtected (m: Member<T>): boolean {
    if (m.bootstrap || m.anchor) return true
    const check = this.isProtectedEndpoint
    if (check == null) return false
    return (m.endpoint !== '' && check(m.endpoint)) || (m.internalEndpoint != null && check(m.internalEndpoint))
  }
}
