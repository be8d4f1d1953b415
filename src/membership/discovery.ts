/**
 * Fabric's discovery (`gossip/discovery`) over the comm layer: signed alive messages, membership
 * request/response, expiry of silent peers, reconnection to dead ones, and the disclosure policy across orgs.
 * The bookkeeping is the pure `MembershipView`; the policy is `disclosure.ts`; connecting to bootstrap and
 * anchor peers is `connector.ts`. This file turns messages into view updates and view results into messages.
 *
 *   every aliveTimeInterval        seal AliveMessage{membership{external endpoint, metadata}, PeerTime{start, ++seq},
 *                                  identity during publishCertPeriod} + SecretEnvelope{internal endpoint}; push
 *   on connect, every pullInterval MembershipRequest{self_information = my alive envelope} to pullPeerNum peers
 *   on MembershipRequest           self information must be the sender's own (anti-spoofing); answer
 *                                  MembershipResponse{alive, dead} through the disclosure sieve
 *   every aliveExpirationTimeout/10 silent peers die (connection closed); long-dead ones are forgotten
 *   every reconnectInterval        probe dead peers; a live one gets a MembershipRequest
 */
import { TypedEventEmitter } from 'main-event'
import { gossip } from '../pb/gossip.js'
import { seal, openMessage, withoutSecret, type SignedMessage } from '../wire/envelope.js'
import { MalformedMessageError } from '../wire/errors.js'
import { verifySignature, pkiIdToHex, type PeerIdentity, type SigningIdentity } from '../identity/index.js'
import { selectPeers, type RoutingMember } from '../filter/index.js'
import { createLogger } from '../logging.js'
import { randomNonce } from '../algo/nonce.js'
import { MembershipView, type Member } from './view.js'
import { aliveInfoOf, selfEndpointConflict } from './alive-info.js'
import { alivePushAllowed, membershipSieve, stripSecretFor, type OrgPeer } from './disclosure.js'
import { isNewer } from './peer-time.js'
import { BatchingEmitter } from '../algo/batcher.js'
import { createDiscoveryMetrics, type DiscoveryMetrics } from './metrics.js'
import type { Clock } from '../algo/clock.js'
import { PeriodicTasks } from '../algo/periodic.js'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { Registry } from 'prom-client'

const Tag = gossip.GossipMessage.Tag

/** What discovery needs of the comm layer (a consumer-side port of `Comm`). */
export interface DiscoveryComm extends EventTarget {
  send(msg: SignedMessage, ...peers: Array<{ pkiId?: Uint8Array, endpoint?: Multiaddr }>): void
  subscribe(predicate: (m: ReceivedGossip) => boolean, handler: (m: ReceivedGossip) => void | Promise<void>): () => void
  probe(endpoint: Multiaddr, options?: { signal?: AbortSignal }): Promise<PeerIdentity>
  connectedPeer(pkiId: Uint8Array): { identity: PeerIdentity } | undefined
  closeConnection(pkiId: Uint8Array): Promise<void>
}

/** A received message as discovery sees it (a subset of comm's `ReceivedMessage`). */
export interface ReceivedGossip {
  readonly message: gossip.GossipMessage
  readonly envelope: gossip.Envelope
  readonly kind: string
  readonly sender: { readonly pkiId: Uint8Array, readonly pkiIdHex: string, readonly identity: PeerIdentity }
  respond(msg: SignedMessage): Promise<void>
}

/** What discovery needs of the identity store. */
export interface DiscoveryIdentities {
  put(pkiId: Uint8Array, serialized: Uint8Array): PeerIdentity
  get(pkiId: Uint8Array | string): PeerIdentity | undefined
}

export interface DiscoveryInit {
  signer: SigningIdentity
  comm: DiscoveryComm
  identities: DiscoveryIdentities
  clock: Clock
  /** Internal endpoint (`peer.gossip.endpoint`, else `peer.address`): told to my org only. */
  endpoint: string
  /** External endpoint (`peer.gossip.externalEndpoint`): '' keeps this peer invisible outside its org. */
  externalEndpoint: string
  /** Turns a member's endpoint (`host:port` or multiaddr) into an address to dial; undefined when it does not parse. */
  resolveEndpoint: (endpoint: string) => Multiaddr | undefined
  aliveTimeInterval: number
  aliveExpirationTimeout: number
  reconnectInterval: number
  msgExpirationFactor: number
  pullInterval: number
  pullPeerNum: number
  publishCertPeriod: number
  propagatePeerNum: number
  propagateIterations: number
  maxPropagationBurstSize: number
  maxPropagationBurstLatency: number
  /** Flush a message that finds the emitter idle at once (`peer.gossip.eagerFlush`). @default false (Fabric) */
  eagerFlush?: boolean
  maxMembers?: number
  registry?: Registry
  random?: () => number
}

export interface DiscoveryEvents {
  /** A member was learned, or came back to life. */
  'member:alive': CustomEvent<Member>
  /** A member's alive message changed (metadata, endpoint) without a change of state. */
  'member:updated': CustomEvent<Member>
  /** A member went silent for aliveExpirationTimeout, or could not be reached. */
  'member:dead': CustomEvent<Member>
  /** A member was forgotten (dead for aliveExpirationTimeout x msgExpirationFactor). */
  'member:forgotten': CustomEvent<Member>
}

/** A member as the rest of the node sees it: the view's record plus its org. */
export interface NetworkMember extends RoutingMember {
  readonly pkiId: Uint8Array
  /** The internal endpoint, where this peer may know it (same org). */
  readonly internalEndpoint?: string
  readonly metadata: Uint8Array
  readonly alive: boolean
  readonly member: Member
}

/** Nanoseconds since the epoch, as Fabric's `time.Now().UnixNano()`. */
function nowNanos (clock: Clock): bigint {
  return BigInt(Math.round(clock.now())) * 1_000_000n
}

export class Discovery extends TypedEventEmitter<DiscoveryEvents> {
  readonly view: MembershipView
  private readonly init: DiscoveryInit
  private readonly log = createLogger('discovery')
  private readonly metrics: DiscoveryMetrics
  private readonly emitter: BatchingEmitter<{ msg: SignedMessage, except?: string }>
  private readonly tasks: PeriodicTasks
  /** `members()` as of a version of the view. */
  private alive: { version: number, list: readonly NetworkMember[] } | undefined
  private readonly unsubscribes: Array<() => void> = []
  private readonly selfOrg: string
  private readonly startTime: bigint
  private readonly startedAt: number
  private seq = 0n
  private metadata: Uint8Array = new Uint8Array(0)
  private latestAlive: SignedMessage | undefined
  private running = false
  private readonly ackWaiters = new Map<bigint, () => void>()
  private endpoint: string

  constructor (init: DiscoveryInit) {
    super()
    this.init = init
    this.tasks = new PeriodicTasks(init.clock, (name, err) => { this.log.error(`${name} task failed: ${(err as Error).message}`) })
    this.endpoint = init.endpoint
    this.selfOrg = init.signer.mspId
    this.startTime = nowNanos(init.clock)
    this.startedAt = init.clock.now()
    this.view = new MembershipView({
      selfPkiId: init.signer.pkiId,
      now: () => init.clock.now(),
      aliveExpirationTimeout: init.aliveExpirationTimeout,
      msgExpirationFactor: init.msgExpirationFactor,
      maxMembers: init.maxMembers
    })
    this.metrics = createDiscoveryMetrics(init.registry, () => this.view.aliveCount, () => this.view.dead().length)
    this.emitter = new BatchingEmitter({
      burstSize: init.maxPropagationBurstSize,
      latency: init.maxPropagationBurstLatency,
      eager: init.eagerFlush,
      iterations: init.propagateIterations,
      clock: init.clock,
      emit: batch => { for (const b of batch) this.pushAlive(b.msg, b.except) }
    })
  }

  // ---- lifecycle ----

  start (): void {
    if (this.running) return
    this.running = true
    const { comm } = this.init
    this.unsubscribes.push(
      comm.subscribe(m => m.kind === 'aliveMsg', m => { this.onAlive(m) }),
      comm.subscribe(m => m.kind === 'memReq', m => { this.onMembershipRequest(m) }),
      comm.subscribe(m => m.kind === 'memRes', m => { this.onMembershipResponse(m) })
    )
    comm.addEventListener('peer:connected', this.onConnected)
    comm.addEventListener('peer:unreachable', this.onUnreachable)
    this.emitter.start()
    this.tasks.every('alive', this.init.aliveTimeInterval, () => { this.sendAlive() }, true)
    this.tasks.every('expiry', Math.max(1, this.init.aliveExpirationTimeout / 10), () => { this.checkExpiry() })
    this.tasks.every('pull', this.init.pullInterval, () => { this.pullMembership() })
    this.tasks.every('reconnect', this.init.reconnectInterval, () => { this.reconnectToDead() })
  }

  stop (): void {
    this.running = false
    this.tasks.stop()
    for (const u of this.unsubscribes.splice(0)) u()
    this.init.comm.removeEventListener('peer:connected', this.onConnected)
    this.init.comm.removeEventListener('peer:unreachable', this.onUnreachable)
    this.emitter.stop()
    for (const w of this.ackWaiters.values()) w()
    this.ackWaiters.clear()
  }

  // ---- public view ----

  /** Sets the internal endpoint announced from now on (the node learns it when it starts listening). */
  setEndpoint (endpoint: string): void {
    this.endpoint = endpoint
  }

  /** The internal endpoint this peer announces to its org. */
  get internalEndpoint (): string {
    return this.endpoint
  }

  /**
   * Alive members, with their org (Fabric `GetMembership`). The same list until the view changes: it is asked
   * for on every block, announcement and push, and rebuilding it cost 6% of a peer's CPU at N = 50. Not kept
   * while a member's org is unknown (its identity may come later).
   */
  members (): readonly NetworkMember[] {
    const version = this.view.version
    if (this.alive?.version === version) return this.alive.list
    const list = this.view.alive().map(m => this.networkMember(m))
    this.alive = list.every(m => m.mspId !== '') ? { version, list } : undefined
    return list
  }

  /** Alive and dead members. */
  allMembers (): NetworkMember[] {
    return this.view.all().map(m => this.networkMember(m))
  }

  /** The org of a peer, from its identity; '' when unknown. */
  orgOf (pkiId: Uint8Array | string): string {
    return this.init.identities.get(pkiId)?.mspId ?? ''
  }

  /** A view member with its org, as `members()` returns them. */
  networkMemberOf (m: Member): NetworkMember {
    return this.networkMember(m)
  }

  private networkMember (m: Member): NetworkMember {
    const mspId = this.orgOf(m.pkiIdHex)
    return {
      pkiId: m.pkiId,
      pkiIdHex: m.pkiIdHex,
      mspId,
      externalEndpoint: m.endpoint,
      internalEndpoint: mspId === this.selfOrg ? m.internalEndpoint : undefined,
      metadata: m.metadata,
      alive: m.state === 'alive',
      member: m
    }
  }

  /**
   * Where to reach a member: its PKI-ID (an existing connection) and its preferred endpoint to dial, the
   * internal one within my org, else the external one (Fabric `PreferredEndpoint`).
   */
  remotePeerOf (m: NetworkMember): { pkiId: Uint8Array, endpoint?: Multiaddr } {
    const preferred = m.internalEndpoint != null && m.internalEndpoint !== '' ? m.internalEndpoint : m.externalEndpoint
    const endpoint = preferred !== '' ? this.init.resolveEndpoint(preferred) : undefined
    return endpoint != null ? { pkiId: m.pkiId, endpoint } : { pkiId: m.pkiId }
  }

  /** Sets the metadata carried by the next alive messages (Fabric `UpdateMetadata`), and sends one at once. */
  updateMetadata (metadata: Uint8Array): void {
    this.metadata = metadata
    if (this.running) this.sendAlive()
  }

  /** My latest alive message (for membership requests). */
  selfAlive (): SignedMessage {
    return this.latestAlive ?? this.createAlive()
  }

  // ---- alive messages ----

  private createAlive (): SignedMessage {
    const { signer } = this.init
    this.seq++
    const includeCert = this.init.clock.now() - this.startedAt < this.init.publishCertPeriod
    const secretPayload = gossip.Secret.encode({ internalEndpoint: this.endpoint })
    const secret: gossip.SecretEnvelope = { payload: secretPayload, signature: signer.sign(secretPayload) as Uint8Array<ArrayBuffer> }
    const msg = seal({
      tag: Tag.EMPTY,
      aliveMsg: {
        membership: { endpoint: this.init.externalEndpoint, metadata: this.metadata as Uint8Array<ArrayBuffer>, pkiId: signer.pkiId as Uint8Array<ArrayBuffer> },
        timestamp: { incNum: this.startTime, seqNum: this.seq },
        identity: (includeCert ? signer.serialized : new Uint8Array(0)) as Uint8Array<ArrayBuffer>
      }
    }, signer, secret)
    this.latestAlive = msg
    return msg
  }

  private sendAlive (): void {
    this.emitter.add({ msg: this.createAlive() })
  }

  /** Pushes an alive message to propagatePeerNum peers the disclosure policy allows, never back to `except`. */
  private pushAlive (msg: SignedMessage, except?: string): void {
    const originPkiId = msg.message.aliveMsg?.membership?.pkiId
    if (originPkiId == null) return
    const originHex = pkiIdToHex(originPkiId)
    const origin: OrgPeer = { mspId: originHex === this.view.selfPkiIdHex ? this.selfOrg : this.orgOf(originHex), externalEndpoint: msg.message.aliveMsg?.membership?.endpoint ?? '' }
    const pool = this.members().filter(m => m.pkiIdHex !== except && m.pkiIdHex !== originHex && alivePushAllowed(this.selfOrg, origin, m))
    for (const peer of selectPeers(this.init.propagatePeerNum, pool, () => true, this.init.random)) {
      this.init.comm.send(stripSecretFor(this.selfOrg, peer) ? withoutSecret(msg) : msg, this.remotePeerOf(peer))
    }
  }

  private onAlive (m: ReceivedGossip): void {
    const result = this.handleAlive({ message: m.message, envelope: m.envelope, kind: 'aliveMsg' })
    if (result === 'new' || result === 'updated' || result === 'revived') {
      this.emitter.add({ msg: { message: m.message, envelope: m.envelope, kind: 'aliveMsg' }, except: m.sender.pkiIdHex })
    }
  }

  /**
   * Checks an alive message and records it. The PeerTime is compared before the signature is verified: a
   * stale message (the common case: every peer hears each alive message from several others) costs no ECDSA.
   */
  private handleAlive (msg: SignedMessage): string {
    const info = aliveInfoOf(msg)
    if (info == null) return this.drop('malformed-alive')
    const pkiIdHex = pkiIdToHex(info.pkiId)
    if (pkiIdHex === this.view.selfPkiIdHex) {
      if (selfEndpointConflict(info, { endpoint: this.init.externalEndpoint, internalEndpoint: this.endpoint })) {
        this.log.warnOnce('self-conflict', `bad configuration: an alive message with my PKI-ID comes from ${info.endpoint !== '' ? info.endpoint : (info.internalEndpoint ?? 'an unknown endpoint')}: another peer uses my identity`)
      }
      return 'self'
    }
    const known = this.view.get(pkiIdHex)
    if (known != null && !isNewer(info.time, known.time)) return 'stale'
    const identity = this.identityFor(info.pkiId, msg.message.aliveMsg?.identity)
    if (identity == null) return this.drop('unknown-identity')
    if (!verifySignature(identity.publicKey, msg.envelope.payload, msg.envelope.signature)) return this.drop('bad-signature')
    const secret = msg.envelope.secretEnvelope
    if (secret != null && !verifySignature(identity.publicKey, secret.payload, secret.signature)) {
      this.drop('bad-secret')
      info.internalEndpoint = undefined
    }
    const result = this.view.handleAlive(info)
    if (result === 'refused') return this.drop('view-full')
    const member = this.view.get(pkiIdHex)
    if (member != null) {
      if (result === 'new' || result === 'revived') {
        this.log.debug(`member ${identity.mspId} ${pkiIdHex.slice(0, 16)} alive at ${info.endpoint !== '' ? info.endpoint : (info.internalEndpoint ?? '?')}`)
        this.safeDispatch('member:alive', member)
      } else if (result === 'updated') {
        this.safeDispatch('member:updated', member)
      }
    }
    return result
  }

  /** The identity that signs a member's messages: the one its alive message carries (checked and stored), or the stored one. */
  private identityFor (pkiId: Uint8Array, carried: Uint8Array | undefined): PeerIdentity | undefined {
    if (carried != null && carried.byteLength > 0) {
      try {
        return this.init.identities.put(pkiId, carried)
      } catch (err) {
        this.log.debug(`alive message of ${pkiIdToHex(pkiId).slice(0, 16)} carries an identity refused: ${(err as Error).message}`)
        return undefined
      }
    }
    return this.init.identities.get(pkiId)
  }

  private drop (reason: string): string {
    this.metrics.dropped(reason)
    return 'dropped'
  }

  /** Counts a membership message dropped elsewhere (identity pull) in `gossip_membership_dropped_messages`. */
  countDrop (reason: string): void {
    this.metrics.dropped(reason)
  }

  // ---- membership request / response ----

  /** A membership request to a peer: my alive message, with the internal endpoint only for my org. */
  membershipRequest (remoteOrg: string, nonce = 0n): SignedMessage {
    const self = this.selfAlive()
    const selfInformation = stripSecretFor(this.selfOrg, { mspId: remoteOrg }) ? withoutSecret(self).envelope : self.envelope
    return seal({ nonce, tag: Tag.EMPTY, memReq: { selfInformation, known: [] } })
  }

  /** Sends a membership request and resolves true when a response with its nonce arrives within `timeout`. */
  async requestMembership (peer: { pkiId?: Uint8Array, endpoint?: Multiaddr }, remoteOrg: string, timeout = 5000): Promise<boolean> {
    const nonce = randomNonce()
    const acked = new Promise<boolean>(resolve => {
      const timer = this.init.clock.setTimeout(() => { this.ackWaiters.delete(nonce); resolve(false) }, timeout)
      this.ackWaiters.set(nonce, () => { this.init.clock.clearTimeout(timer); this.ackWaiters.delete(nonce); resolve(true) })
    })
    this.init.comm.send(this.membershipRequest(remoteOrg, nonce), peer)
    return await acked
  }

  private onMembershipRequest (m: ReceivedGossip): void {
    const selfInformation = m.message.memReq?.selfInformation
    if (selfInformation == null) { this.drop('malformed-request'); return }
    let selfInfo: SignedMessage
    try {
      selfInfo = openMessage(selfInformation)
    } catch (err) {
      this.drop(err instanceof MalformedMessageError ? `request-${err.reason}` : 'malformed-request')
      return
    }
    const claimed = selfInfo.message.aliveMsg?.membership?.pkiId
    if (selfInfo.kind !== 'aliveMsg' || claimed == null) { this.drop('malformed-request'); return }
    if (pkiIdToHex(claimed) !== m.sender.pkiIdHex) {
      // anti-spoofing: the self information must be the sender's own, as the handshake proved it
      this.drop('spoofed-request')
      this.log.warnOnce(`spoof:${m.sender.pkiIdHex}`, `membership request from ${m.sender.pkiIdHex.slice(0, 16)} carries another peer's alive message: dropped`)
      return
    }
    this.handleAlive(selfInfo)
    const remote: OrgPeer = { mspId: m.sender.identity.mspId, externalEndpoint: selfInfo.message.aliveMsg?.membership?.endpoint ?? '' }
    const response = this.membershipResponse(remote, m.message.nonce)
    if (response == null) {
      this.log.debug(`no membership response for ${m.sender.pkiIdHex.slice(0, 16)}: the disclosure policy hides me from it`)
      return
    }
    m.respond(response).catch(err => { this.log.debug(`membership response to ${m.sender.pkiIdHex.slice(0, 16)} failed: ${(err as Error).message}`) })
  }

  /** The membership response for `remote`, through the disclosure sieve; undefined when I may not disclose myself. */
  membershipResponse (remote: OrgPeer, nonce: bigint): SignedMessage | undefined {
    const sieve = membershipSieve(this.selfOrg, remote)
    if (!sieve({ mspId: this.selfOrg, externalEndpoint: this.init.externalEndpoint })) return undefined
    const strip = stripSecretFor(this.selfOrg, remote)
    const envelopeFor = (msg: SignedMessage): gossip.Envelope => strip ? withoutSecret(msg).envelope : msg.envelope
    const alive: gossip.Envelope[] = [envelopeFor(this.selfAlive())]
    const dead: gossip.Envelope[] = []
    for (const member of this.view.all()) {
      const origin: OrgPeer = { mspId: this.orgOf(member.pkiIdHex), externalEndpoint: member.endpoint }
      if (!sieve(origin)) continue
      if (member.state === 'alive') alive.push(envelopeFor(member.message))
      else dead.push(envelopeFor(member.message))
    }
    return seal({ nonce, tag: Tag.EMPTY, memRes: { alive, dead } })
  }

  private onMembershipResponse (m: ReceivedGossip): void {
    const res = m.message.memRes
    if (res == null) return
    this.ackWaiters.get(m.message.nonce)?.()
    for (const env of res.alive) {
      const msg = this.openAlive(env)
      if (msg != null) this.handleAlive(msg)
    }
    for (const env of res.dead) {
      const msg = this.openAlive(env)
      if (msg != null) this.handleDead(msg)
    }
  }

  private openAlive (envelope: gossip.Envelope): SignedMessage | undefined {
    try {
      const msg = openMessage(envelope)
      if (msg.kind === 'aliveMsg') return msg
    } catch {
      // counted below
    }
    this.drop('malformed-alive')
    return undefined
  }

  private handleDead (msg: SignedMessage): void {
    const info = aliveInfoOf(msg)
    if (info == null) { this.drop('malformed-alive'); return }
    const pkiIdHex = pkiIdToHex(info.pkiId)
    if (pkiIdHex === this.view.selfPkiIdHex) return
    const known = this.view.get(pkiIdHex)
    if (known != null && !isNewer(info.time, known.time)) return
    const identity = this.identityFor(info.pkiId, msg.message.aliveMsg?.identity)
    if (identity == null) { this.drop('unknown-identity'); return }
    if (!verifySignature(identity.publicKey, msg.envelope.payload, msg.envelope.signature)) { this.drop('bad-signature'); return }
    this.view.handleDead(info)
  }

  // ---- periodic tasks ----

  private readonly onConnected = (evt: Event): void => {
    const peer = (evt as CustomEvent<{ pkiId: Uint8Array, identity: PeerIdentity }>).detail
    // Fabric sends a membership request over every new connection
    this.init.comm.send(this.membershipRequest(peer.identity.mspId), { pkiId: peer.pkiId })
  }

  private readonly onUnreachable = (evt: Event): void => {
    const { pkiId } = (evt as CustomEvent<{ pkiId: Uint8Array }>).detail
    const member = this.view.get(pkiId)
    if (member?.state !== 'alive') return
    // another connection to it is up (one replaced the other): it is not presumed dead
    if (this.init.comm.connectedPeer(pkiId) != null) return
    const dead = this.view.expire(pkiId)
    if (dead != null) this.died(dead, 'unreachable')
  }

  private pullMembership (): void {
    for (const peer of selectPeers(this.init.pullPeerNum, this.members(), () => true, this.init.random)) {
      this.init.comm.send(this.membershipRequest(peer.mspId), this.remotePeerOf(peer))
    }
  }

  private checkExpiry (): void {
    const { dead, forgotten } = this.view.checkExpiry()
    for (const m of dead) this.died(m, `silent for over ${this.init.aliveExpirationTimeout} ms`)
    for (const m of forgotten) {
      this.log.debug(`forgot member ${m.pkiIdHex.slice(0, 16)}`)
      this.safeDispatch('member:forgotten', m)
    }
  }

  private died (m: Member, why: string): void {
    this.log.info(`member ${this.orgOf(m.pkiIdHex) || '?'} ${m.pkiIdHex.slice(0, 16)} (${m.endpoint !== '' ? m.endpoint : (m.internalEndpoint ?? '')}) is dead: ${why}`)
    this.init.comm.closeConnection(m.pkiId).catch(() => {})
    this.safeDispatch('member:dead', m)
  }

  /** Probes dead members (Fabric pings them); one that answers with its identity gets a membership request. */
  private reconnectToDead (): void {
    for (const m of this.view.dead()) {
      const org = this.orgOf(m.pkiIdHex)
      const endpoint = org === this.selfOrg && m.internalEndpoint != null && m.internalEndpoint !== '' ? m.internalEndpoint : m.endpoint
      const addr = endpoint !== '' ? this.init.resolveEndpoint(endpoint) : undefined
      if (addr == null) continue
      this.init.comm.probe(addr).then(identity => {
        if (pkiIdToHex(identity.pkiId) !== m.pkiIdHex || !this.running) return
        this.init.comm.send(this.membershipRequest(identity.mspId), { pkiId: identity.pkiId, endpoint: addr })
      }, () => {})
    }
  }

  private safeDispatch<K extends keyof DiscoveryEvents> (type: K, detail: Member): void {
    try {
      this.safeDispatchEvent(type, { detail })
    } catch (err) {
      this.log.error(`listener of ${type} failed: ${(err as Error).message}`)
    }
  }
}
