/**
 * StateInfo: what a peer publishes about itself in one channel (ledger height, whether it left, its
 * chaincodes), and the per-channel store of the newest StateInfo of every peer. Pure: no I/O, no timers;
 * the caller passes the local time in milliseconds.
 *
 * Fabric (`gossip/gossip/channel/channel.go`): `updateProperties` builds the message with
 * `PeerTime{inc_num = channel join time (ns), seq_num = now (ns)}`, tag CHAN_OR_ORG, an empty
 * `GossipMessage.channel` and `channel_MAC`; the `stateInfoCache` keeps one message per PKI-ID, a strictly
 * newer PeerTime replacing the stored one (`protoext.compareTimestamps`).
 *
 * Expiry. Fabric's StateInfo store has no TTL: every `StateInfoCacheSweepInterval` (pullInterval x 5 = 20s)
 * it purges the entries of peers that discovery no longer knows (`hashPeerExpiredInMembership`: `Lookup`
 * fails once a dead member is forgotten, after aliveExpirationTimeout x msgExpirationFactor = 500s), and a
 * channel reconfiguration drops entries of orgs no longer in the channel. Here both are
 * {@link StateInfoStore.purge} with a predicate from the caller (the membership view, the channel's orgs).
 * As a backstop for callers without a membership (and against entries of peers that vanish without a trace),
 * the store also expires an entry not refreshed for `maxAge` (default 500s, the time after which Fabric's
 * discovery forgets a member). Receiving the same message again refreshes an entry: StateInfo is only
 * re-published on change, but every `requestStateInfoInterval` (4s) the StateInfo pull delivers it again
 * in snapshots, so the entry of a live channel peer is refreshed long before it expires.
 *
 * Bound. Fabric's store is unbounded. Here at most `maxEntries` peers are kept; a new peer arriving when
 * the store is full evicts the entry refreshed longest ago.
 */
import { gossip } from '../pb/gossip.js'
import { pkiIdToHex } from '../identity/pki-id.js'
import { channelMac } from './channel-mac.js'
import { comparePeerTime, type PeerTime } from '../membership/peer-time.js'

export type { PeerTime }
export { comparePeerTime }

/** `StateInfo.properties`, with defaults for a message that has none. */
export interface StateInfoProperties {
  ledgerHeight: bigint
  leftChannel: boolean
  chaincodes: gossip.Chaincode[]
}

/** One peer's newest StateInfo in a channel. */
export interface StateInfoEntry<E = gossip.Envelope> {
  pkiId: Uint8Array
  /** Lower-case hex of `pkiId`: the store's key. */
  pkiIdHex: string
  timestamp: PeerTime
  properties: StateInfoProperties
  /** The StateInfo message as received. */
  stateInfo: gossip.StateInfo
  /** The signed envelope it came in, kept to forward it and to answer StateInfo pull requests. */
  envelope: E | undefined
  /** Local time (ms) at which this message was first accepted. */
  receivedAt: number
  /** Local time (ms) at which this message was last received (first acceptance or a repeat). */
  refreshedAt: number
}

/** Outcome of {@link StateInfoStore.add}. */
export type StateInfoAddResult =
  /** a peer not in the store: stored */
  | 'new'
  /** a strictly newer message of a stored peer: replaced */
  | 'updated'
  /** the same PeerTime as the stored message: only the entry's `refreshedAt` changed */
  | 'refreshed'
  /** an older PeerTime than the stored message: ignored */
  | 'stale'
  /** no PKI-ID or no timestamp: ignored */
  | 'invalid'

/** Options of {@link StateInfoStore}. */
export interface StateInfoStoreInit {
  /**
   * An entry not received again for longer than this (ms) is dropped by {@link StateInfoStore.expire}.
   * `Infinity` disables the backstop (then only {@link StateInfoStore.purge} removes entries, as Fabric).
   * @default 500_000 (aliveExpirationTimeout 25s x msgExpirationFactor 20: when Fabric's discovery forgets a member)
   */
  maxAge?: number
  /**
   * The most peers kept; a new peer evicts the entry refreshed longest ago.
   * @default 10_000
   */
  maxEntries?: number
}

const second = 1000

/** Defaults of {@link StateInfoStoreInit}. */
export const STATE_INFO_DEFAULTS = {
  maxAge: 25 * second * 20,
  maxEntries: 10_000
} as const

/**
 * The StateInfo messages of one channel: the newest per PKI-ID. The caller verifies signatures, the channel
 * MAC and that the sender's org is in the channel before {@link add}.
 */
export class StateInfoStore<E = gossip.Envelope> {
  /** In order of `refreshedAt` (oldest first): a refreshed entry moves to the end. */
  private readonly entries = new Map<string, StateInfoEntry<E>>()
  private readonly maxAge: number
  private readonly maxEntries: number

  constructor (init: StateInfoStoreInit = {}) {
    this.maxAge = init.maxAge ?? STATE_INFO_DEFAULTS.maxAge
    this.maxEntries = Math.max(1, init.maxEntries ?? STATE_INFO_DEFAULTS.maxEntries)
  }

  /** Number of peers held. */
  get size (): number {
    return this.entries.size
  }

  /**
   * Offers a StateInfo received at local time `now` (ms). Stored when its peer is unknown or its PeerTime is
   * strictly newer than the stored one; the same PeerTime refreshes the entry.
   */
  add (stateInfo: gossip.StateInfo, now: number, envelope?: E): StateInfoAddResult {
    const { pkiId, timestamp } = stateInfo
    if (pkiId == null || pkiId.length === 0 || timestamp == null) return 'invalid'
    const key = pkiIdToHex(pkiId)
    const held = this.entries.get(key)
    if (held !== undefined) {
      const order = comparePeerTime(timestamp, held.timestamp)
      if (order < 0) return 'stale'
      this.entries.delete(key)
      if (order === 0) {
        this.entries.set(key, { ...held, refreshedAt: now })
        return 'refreshed'
      }
    } else if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next()
      if (oldest.done !== true) this.entries.delete(oldest.value)
    }
    this.entries.set(key, {
      pkiId,
      pkiIdHex: key,
      timestamp: { incNum: timestamp.incNum, seqNum: timestamp.seqNum },
      properties: propertiesOf(stateInfo),
      stateInfo,
      envelope,
      receivedAt: now,
      refreshedAt: now
    })
    return held === undefined ? 'new' : 'updated'
  }

  /** The entry of a peer, by PKI-ID hex (any case) or bytes. */
  get (pkiId: string | Uint8Array): StateInfoEntry<E> | undefined {
    return this.entries.get(typeof pkiId === 'string' ? pkiId.toLowerCase() : pkiIdToHex(pkiId))
  }

  /** Whether the store holds a StateInfo of this peer (Fabric `EligibleForChannel`). */
  has (pkiId: string | Uint8Array): boolean {
    return this.get(pkiId) !== undefined
  }

  /** Removes a peer's entry; whether there was one. */
  delete (pkiId: string | Uint8Array): boolean {
    return this.entries.delete(typeof pkiId === 'string' ? pkiId.toLowerCase() : pkiIdToHex(pkiId))
  }

  /** Every entry, least recently refreshed first. */
  values (): Array<StateInfoEntry<E>> {
    return [...this.entries.values()]
  }

  /**
   * Drops the entries for which `shouldRemove` holds (Fabric's sweep of peers discovery no longer knows,
   * and the re-validation against the channel's orgs on reconfiguration). Returns the removed entries.
   */
  purge (shouldRemove: (entry: StateInfoEntry<E>) => boolean): Array<StateInfoEntry<E>> {
    const removed: Array<StateInfoEntry<E>> = []
    for (const [key, entry] of this.entries) {
      if (shouldRemove(entry)) {
        this.entries.delete(key)
        removed.push(entry)
      }
    }
    return removed
  }

  /** Drops the entries not refreshed for more than `maxAge` at local time `now` (ms); returns them. */
  expire (now: number): Array<StateInfoEntry<E>> {
    const removed: Array<StateInfoEntry<E>> = []
    if (!Number.isFinite(this.maxAge)) return removed
    for (const [key, entry] of this.entries) {
      if (now - entry.refreshedAt <= this.maxAge) break // later entries were refreshed later still
      this.entries.delete(key)
      removed.push(entry)
    }
    return removed
  }

  /** Removes everything. */
  clear (): void {
    this.entries.clear()
  }
}

/** `StateInfo.properties` with defaults (height 0, not left, no chaincodes) when absent. */
export function propertiesOf (stateInfo: gossip.StateInfo): StateInfoProperties {
  const p = stateInfo.properties
  return {
    ledgerHeight: p?.ledgerHeight ?? 0n,
    leftChannel: p?.leftChannel ?? false,
    chaincodes: p?.chaincodes ?? []
  }
}

/** Options of {@link createStateInfo}. */
export interface CreateStateInfoOptions {
  /** This peer's PKI-ID. */
  pkiId: Uint8Array
  /** The channel ID: only its MAC goes into the message. */
  channelId: string
  /** `PeerTime.inc_num`: when this peer joined the channel, in nanoseconds since the epoch. */
  joinTime: bigint
  /** `PeerTime.seq_num`: the time of this message, in nanoseconds since the epoch (Fabric: now). */
  seq: bigint
  /** The ledger height (the number of the next block to commit). */
  height: bigint | number
  /** True once this peer left the channel. @default false */
  leftChannel?: boolean
  /** Chaincodes installed and instantiated. @default [] */
  chaincodes?: gossip.Chaincode[]
}

/**
 * This peer's StateInfo for a channel, unsigned: `GossipMessage{ nonce 0, channel empty, tag CHAN_OR_ORG,
 * state_info{ timestamp, pki_id, channel_MAC, properties } }` (Fabric `updateProperties`). Sign it into an
 * envelope before gossiping it.
 */
export function createStateInfo (opts: CreateStateInfoOptions): gossip.GossipMessage {
  return {
    nonce: 0n,
    channel: new Uint8Array(0),
    tag: gossip.GossipMessage.Tag.CHAN_OR_ORG,
    stateInfo: {
      timestamp: { incNum: opts.joinTime, seqNum: opts.seq },
      pkiId: new Uint8Array(opts.pkiId),
      channel_MAC: channelMac(opts.pkiId, opts.channelId),
      properties: {
        ledgerHeight: BigInt(opts.height),
        leftChannel: opts.leftChannel ?? false,
        chaincodes: opts.chaincodes ?? []
      }
    }
  }
}

/** Milliseconds since the epoch (e.g. `Date.now()`) as the nanoseconds a PeerTime of a StateInfo carries. */
export function millisToNanos (millis: number): bigint {
  return BigInt(Math.trunc(millis)) * 1_000_000n
}

