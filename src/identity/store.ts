/**
 * The identity store: PKI-ID -> validated identity, after Fabric's identity mapper
 * (`gossip/identity/identity.go`) and cert store (`gossip/gossip/certstore.go`). Pure: validation goes
 * through an injected {@link IdentityValidator} (the node's `MspManager`) and time through an injected clock.
 *
 * - `put` accepts an identity only when the validator accepts it now and its PKI-ID is the hash of the
 *   serialised identity; an identity already stored is kept as it is.
 * - `get` marks an identity used; identities unused for `usageThreshold` (an hour) are purged by the sweep
 *   that runs every tenth of it while the store is started (or by {@link IdentityStore.purgeUnused}).
 * - An identity is purged when its certificate expires (one owned timer, armed for the earliest expiry).
 * - `suspectPeers` re-validates identities and purges those that no longer validate (revocation, an org
 *   removed or its CAs changed).
 * - Every purge calls `onPurge(pkiIdHex, reason)`, so the node closes the connection and drops the member.
 *   Our own identity is never purged. The store holds at most `maxIdentities`: beyond, the least recently
 *   used identity is purged (`capacity`).
 *
 * The store is also the item source of identity pull: {@link IdentityStore.digests} lists the PKI-IDs.
 *
 * @example
 * ```ts
 * const identities = new IdentityStore({ validator: msps, selfIdentity: me.serialized, clock: systemClock,
 *   onPurge: (pkiId, reason) => { comm.closeConnection(pkiId); membership.forget(pkiId) } })
 * identities.start()
 * identities.put(conn.pkiId, conn.identity) // throws PkiIdMismatchError, UnknownOrgError, ...
 * const peer = identities.get(alive.pkiId)   // marks it used
 * msps.removeOrg('Org3MSP'); identities.suspectPeers(id => id.mspId === 'Org3MSP')
 * ```
 */
import { systemClock, MAX_TIMER_DELAY } from '../algo/clock.js'
import type { Clock, TimerHandle } from '../algo/clock.js'
import { CertificateExpiredError, IdentityError } from './errors.js'
import type { IdentityErrorReason } from './errors.js'
import type { PeerIdentity } from './index.js'
import { pkiIdOfSerialized, pkiIdToHex } from './pki-id.js'

const minute = 60 * 1000
const hour = 60 * minute

/** Identities unused this long are purged (Fabric's `identity.usageThreshold`). */
export const IDENTITY_USAGE_THRESHOLD = 1 * hour // Fabric default
/** Most identities held, our own included. */
export const MAX_IDENTITIES = 10_000 // ours: bounds memory; Fabric's map is unbounded

/**
 * What the store needs to validate an identity: exactly `MspManager.validate`. Throws an
 * {@link IdentityError} (`reason` `malformed`, `unknown-org`, `untrusted-cert`, `expired-cert`) when the
 * identity is not valid at `now`.
 */
export interface IdentityValidator {
  validate(serialized: Uint8Array, now: Date): PeerIdentity
}

/** Why an identity was purged, as given to {@link IdentityStoreInit.onPurge}. */
export type PurgeReason =
  /** Its certificate expired. */
  | 'expired'
  /** Not used (no `get`) for `usageThreshold`. */
  | 'unused'
  /** `suspectPeers` found it no longer valid (its org unknown, its CA no longer trusted, ...). */
  | 'revoked'
  /** The store was full: the least recently used identity made room. */
  | 'capacity'

/** Options of {@link IdentityStore}. Durations are milliseconds. */
export interface IdentityStoreInit {
  /** Validates identities (the node's `MspManager`). */
  validator: IdentityValidator
  /** Our own serialised identity: stored at construction (it must validate) and never purged. */
  selfIdentity: Uint8Array
  /** Time and timers. @default systemClock */
  clock?: Clock
  /** An identity unused this long is purged. @default 3600000 (one hour, Fabric) */
  usageThreshold?: number
  /** Period of the sweep for unused identities while started. @default usageThreshold / 10 (Fabric) */
  sweepInterval?: number
  /** Most identities held, ours included (at least 2). @default 10000 */
  maxIdentities?: number
  /**
   * Called after an identity was removed: close its connection, drop the member. Not called for
   * identities refused by `put`.
   */
  onPurge?: (pkiIdHex: string, reason: PurgeReason, identity: PeerIdentity) => void
  /** Called when `onPurge` throws; the purge goes on. @default the error is ignored */
  onError?: (err: unknown) => void
}

/** The reason codes of {@link PkiIdMismatchError} and of the errors the validator throws. */
export type IdentityStoreErrorReason = IdentityErrorReason | 'pki-id-mismatch'

/** The PKI-ID given with an identity is not SHA256(mspid || id_bytes) of that identity. */
export class PkiIdMismatchError extends Error {
  static override name = 'PkiIdMismatchError'
  override name = 'PkiIdMismatchError'
  /** Stable short code, usable as a metrics label. */
  readonly reason: IdentityStoreErrorReason = 'pki-id-mismatch'

  constructor (message = "Identity doesn't match the computed PKI-ID") {
    super(message)
  }
}

interface Entry {
  readonly identity: PeerIdentity
  /** The certificate's notAfter, ms. */
  readonly notAfter: number
  lastUsed: number
}

function hexOf (pkiId: Uint8Array | string): string {
  return typeof pkiId === 'string' ? pkiId.toLowerCase() : pkiIdToHex(pkiId)
}

/**
 * PKI-ID (hex) -> identity of every peer we know, validated; see the module comment for the rules. The
 * iteration order (of {@link digests}, {@link entries}) is least recently used first.
 */
export class IdentityStore {
  /** Our own PKI-ID, hex. */
  readonly selfPkiId: string
  private readonly validator: IdentityValidator
  private readonly clock: Clock
  private readonly usageThreshold: number
  private readonly sweepInterval: number
  private readonly maxIdentities: number
  private readonly onPurge: IdentityStoreInit['onPurge']
  private readonly onError: IdentityStoreInit['onError']
  /** In order of last use, least recent first. */
  private readonly byPkiId = new Map<string, Entry>()
  private running = false
  private sweepTimer: TimerHandle | undefined
  private expiryTimer: TimerHandle | undefined
  /** The instant the expiry timer is armed for. */
  private expiryDue = Infinity
  /** The identity the expiry timer is armed for was purged. */
  private rearm = false

  /**
   * Stores our own identity.
   * @throws the validator's {@link IdentityError} when our own identity does not validate
   */
  constructor (init: IdentityStoreInit) {
    this.validator = init.validator
    this.clock = init.clock ?? systemClock
    this.usageThreshold = positive(init.usageThreshold, IDENTITY_USAGE_THRESHOLD)
    this.sweepInterval = Math.max(1, positive(init.sweepInterval, this.usageThreshold / 10))
    this.maxIdentities = Math.max(2, Math.floor(positive(init.maxIdentities, MAX_IDENTITIES)))
    this.onPurge = init.onPurge
    this.onError = init.onError
    const identity = this.validator.validate(init.selfIdentity, new Date(this.clock.now()))
    this.selfPkiId = pkiIdToHex(pkiIdOfSerialized(init.selfIdentity))
    this.byPkiId.set(this.selfPkiId, { identity, notAfter: identity.notAfter.getTime(), lastUsed: this.clock.now() })
  }

  /** Arms the expiry timer and the periodic sweep of unused identities. */
  start (): void {
    if (this.running) return
    this.running = true
    this.scheduleSweep()
    this.armExpiry()
  }

  /** Clears every timer. Identities stay; nothing is purged while stopped unless asked. */
  stop (): void {
    if (!this.running) return
    this.running = false
    if (this.sweepTimer !== undefined) this.clock.clearTimeout(this.sweepTimer)
    this.sweepTimer = undefined
    this.disarmExpiry()
  }

  /**
   * Stores the identity of `pkiId` (bytes or hex), after checking that `pkiId` is the hash of `serialized`
   * and that the validator accepts it now and its certificate has not expired. An identity already stored
   * under `pkiId` is kept (and returned); storing does not count as a use.
   * @returns the stored identity
   * @throws {PkiIdMismatchError} `pkiId` is not the identity's PKI-ID
   * @throws {IdentityError} the validator refused it (`MalformedIdentityError`, `UnknownOrgError`,
   *   `UntrustedCertificateError`, `CertificateExpiredError`)
   */
  put (pkiId: Uint8Array | string, serialized: Uint8Array): PeerIdentity {
    const hex = hexOf(pkiId)
    const computed = pkiIdToHex(pkiIdOfSerialized(serialized))
    if (computed !== hex) throw new PkiIdMismatchError(`claimed PKI-ID ${hex.slice(0, 16)}... is not the identity's ${computed.slice(0, 16)}...`)
    const now = this.clock.now()
    const identity = this.validator.validate(serialized, new Date(now))
    const notAfter = identity.notAfter.getTime()
    if (now > notAfter) throw new CertificateExpiredError(`identity ${hex.slice(0, 16)}... expired at ${identity.notAfter.toISOString()}`)
    const existing = this.byPkiId.get(hex)
    if (existing !== undefined) return existing.identity
    while (this.byPkiId.size >= this.maxIdentities) {
      const victim = this.leastRecentlyUsed()
      if (victim === undefined) break
      this.purge(victim, 'capacity')
    }
    this.byPkiId.set(hex, { identity, notAfter, lastUsed: now })
    if (this.running && (this.rearm || notAfter + 1 < this.expiryDue)) this.armExpiry()
    return identity
  }

  /**
   * The identity of `pkiId` (bytes or hex), marked used now; undefined when unknown. An expired identity
   * is purged here even if the expiry timer has not fired yet (a stopped store, a late timer).
   */
  get (pkiId: Uint8Array | string): PeerIdentity | undefined {
    const hex = hexOf(pkiId)
    const entry = this.byPkiId.get(hex)
    if (entry === undefined) return undefined
    const now = this.clock.now()
    if (now > entry.notAfter && hex !== this.selfPkiId) {
      this.purge(hex, 'expired')
      this.afterPurge()
      return undefined
    }
    entry.lastUsed = now
    this.byPkiId.delete(hex)
    this.byPkiId.set(hex, entry)
    return entry.identity
  }

  /** Whether `pkiId` is known (does not mark it used). */
  has (pkiId: Uint8Array | string): boolean {
    return this.byPkiId.has(hexOf(pkiId))
  }

  /** Identities held, ours included. */
  get size (): number {
    return this.byPkiId.size
  }

  /** PKI-IDs (hex) of every identity held, ours included: the digests of identity pull. */
  digests (): string[] {
    return [...this.byPkiId.keys()]
  }

  /** Every identity held with its PKI-ID (hex), ours included; does not mark them used. */
  entries (): Array<[string, PeerIdentity]> {
    return [...this.byPkiId].map(([hex, e]) => [hex, e.identity])
  }

  /**
   * Purges identities not used for more than `usageThreshold` (Fabric: last access + threshold before now).
   * @returns the PKI-IDs purged
   */
  purgeUnused (): string[] {
    const now = this.clock.now()
    const stale: string[] = []
    for (const [hex, entry] of this.byPkiId) {
      if (hex === this.selfPkiId) continue
      if (now - entry.lastUsed <= this.usageThreshold) break // in order of last use
      stale.push(hex)
    }
    for (const hex of stale) this.purge(hex, 'unused')
    this.afterPurge()
    return stale
  }

  /**
   * Purges identities whose certificate has expired (the expiry timer does this while started).
   * @returns the PKI-IDs purged
   */
  purgeExpired (): string[] {
    const now = this.clock.now()
    const expired: string[] = []
    for (const [hex, entry] of this.byPkiId) {
      if (hex !== this.selfPkiId && now > entry.notAfter) expired.push(hex)
    }
    for (const hex of expired) this.purge(hex, 'expired')
    this.afterPurge()
    return expired
  }

  /**
   * Re-validates the identities `isSuspected` selects (all when omitted) and purges those the validator
   * refuses now: `expired` when their certificate (or a CA's) expired, else `revoked` (Fabric's
   * SuspectPeers, e.g. after an org's CA set changed). Does not mark them used.
   * @returns the PKI-IDs purged
   */
  suspectPeers (isSuspected?: (identity: PeerIdentity, pkiIdHex: string) => boolean): string[] {
    const now = new Date(this.clock.now())
    const refused: Array<[string, PurgeReason]> = []
    for (const [hex, entry] of this.byPkiId) {
      if (hex === this.selfPkiId) continue
      if (isSuspected !== undefined && !isSuspected(entry.identity, hex)) continue
      try {
        this.validator.validate(entry.identity.serialized, now)
      } catch (err) {
        const reason = err instanceof IdentityError && err.reason === 'expired-cert' ? 'expired' : 'revoked'
        refused.push([hex, reason])
      }
    }
    for (const [hex, reason] of refused) this.purge(hex, reason)
    this.afterPurge()
    return refused.map(([hex]) => hex)
  }

  private leastRecentlyUsed (): string | undefined {
    for (const hex of this.byPkiId.keys()) {
      if (hex !== this.selfPkiId) return hex
    }
    return undefined
  }

  private purge (hex: string, reason: PurgeReason): void {
    const entry = this.byPkiId.get(hex)
    if (entry === undefined || hex === this.selfPkiId) return
    this.byPkiId.delete(hex)
    if (entry.notAfter + 1 === this.expiryDue) this.rearm = true
    try {
      this.onPurge?.(hex, reason, entry.identity)
    } catch (err) {
      this.onError?.(err)
    }
  }

  /** Re-arms the expiry timer when the identity it was armed for is gone. */
  private afterPurge (): void {
    if (this.running && this.rearm) this.armExpiry()
  }

  private scheduleSweep (): void {
    this.sweepTimer = this.clock.setTimeout(() => {
      this.sweepTimer = undefined
      if (!this.running) return
      this.purgeUnused()
      if (this.running && this.sweepTimer === undefined) this.scheduleSweep()
    }, this.sweepInterval)
  }

  /** Arms the one expiry timer for the earliest expiry (1 ms after notAfter, as Fabric), if any. */
  private armExpiry (): void {
    this.disarmExpiry()
    this.rearm = false
    let due = Infinity
    for (const [hex, entry] of this.byPkiId) {
      if (hex !== this.selfPkiId && entry.notAfter + 1 < due) due = entry.notAfter + 1
    }
    if (due === Infinity) return
    this.expiryDue = due
    const delay = Math.min(Math.max(0, due - this.clock.now()), MAX_TIMER_DELAY)
    this.expiryTimer = this.clock.setTimeout(() => {
      this.expiryTimer = undefined
      this.expiryDue = Infinity
      if (!this.running) return
      this.purgeExpired()
      if (this.running && this.expiryTimer === undefined) this.armExpiry()
    }, delay)
  }

  private disarmExpiry (): void {
    if (this.expiryTimer !== undefined) this.clock.clearTimeout(this.expiryTimer)
    this.expiryTimer = undefined
    this.expiryDue = Infinity
  }
}

function positive (value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback
}
