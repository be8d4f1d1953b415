/**
 * Channels (Fabric `gossip/gossip/channel`): join and leave, this peer's signed StateInfo per channel, the
 * StateInfo of others by push and pull, and the channel's view of its peers.
 *
 *   join(def)                      trust the channel's orgs (root CAs), contact anchor peers, publish StateInfo
 *   every publishStateInfoInterval push my StateInfo when it changed (until some channel peer exists)
 *   every requestStateInfoInterval StateInfoPullRequest{channel_MAC(me, ch)} to pullPeerNum members of the
 *                                  channel's orgs; they answer a StateInfoSnapshot through the disclosure policy
 *   on StateInfo                   find the channel by MAC, check the org is in it, keep the newest; forward
 *                                  (of a channel I have not joined, from a peer of my org: verify, forward
 *                                  the newest to my org, as Fabric does, so that a channel's few peers
 *                                  among many of an org find each other)
 *
 * A StateInfo never names its channel: `channel_MAC = SHA256(pkiId || channel)` lets only peers that know
 * the channel recognise it.
 */
import { TypedEventEmitter } from 'main-event'
import { gossip } from '../pb/gossip.js'
import { seal, openMessage, type SignedMessage } from '../wire/envelope.js'
import { verifySignature, pkiIdToHex, type PeerIdentity, type SigningIdentity } from '../identity/index.js'
import { selectPeers, inOrg, inOrgs, type RoutingFilter } from '../filter/index.js'
import { stateInfoDisclosable, anchorPeerContactable, isNewer, type Member, type NetworkMember } from '../membership/index.js'
import { BatchingEmitter } from '../algo/batcher.js'
import { createLogger } from '../logging.js'
import { channelMac, findChannelByMac } from './channel-mac.js'
import { StateInfoStore, createStateInfo, millisToNanos, propertiesOf, type StateInfoProperties } from './state-info.js'
import { peersOfChannel, type ChannelPeer } from './membership.js'
import { createChannelMetrics, type ChannelMetrics } from './metrics.js'
import type { ChannelDefinition } from './channel-config.js'
import type { Clock } from '../algo/clock.js'
import { PeriodicTasks } from '../algo/periodic.js'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { Registry } from 'prom-client'

const Tag = gossip.GossipMessage.Tag

/** The emitter's channel for a StateInfo of a channel this peer has not joined (no channel name is ''). */
const NOT_JOINED = ''
/** StateInfo of channels not joined remembered for forwarding (origin and channel pairs). */
const MAX_RELAYED = 4096

/** What channels need of the comm layer. */
export interface ChannelsComm {
  send(msg: SignedMessage, ...peers: Array<{ pkiId?: Uint8Array, endpoint?: Multiaddr }>): void
  subscribe(predicate: (m: ChannelReceived) => boolean, handler: (m: ChannelReceived) => void | Promise<void>): () => void
}

/** A received message as channels see it. */
export interface ChannelReceived {
  readonly message: gossip.GossipMessage
  readonly envelope: gossip.Envelope
  readonly kind: string
  readonly sender: { readonly pkiId: Uint8Array, readonly pkiIdHex: string, readonly identity: PeerIdentity }
  respond(msg: SignedMessage): Promise<void>
}

/** What channels need of discovery. */
export interface ChannelsDiscovery {
  members(): readonly NetworkMember[]
  remotePeerOf(m: NetworkMember): { pkiId: Uint8Array, endpoint?: Multiaddr }
  addEventListener(type: 'member:forgotten', listener: (evt: CustomEvent<Member>) => void): void
  removeEventListener(type: 'member:forgotten', listener: (evt: CustomEvent<Member>) => void): void
}

/** What channels need to trust a channel's orgs and contact its anchor peers. */
export interface ChannelsHost {
  /** Adds an org's CAs to the identities this node accepts. */
  trustOrg(mspId: string, rootCerts: Uint8Array[], intermediateCerts: Uint8Array[]): void
  /** The identity of a PKI-ID, when known. */
  identity(pkiId: Uint8Array | string): PeerIdentity | undefined
  /** Contacts an anchor peer (probe, org check, membership request). */
  connectAnchor(endpoint: Multiaddr, listedOrg: string): void
  /** Whether `host:port` is one of this peer's own endpoints. */
  isOwnEndpoint(endpoint: string): boolean
  resolveEndpoint(endpoint: string): Multiaddr | undefined
}

export interface ChannelServiceInit {
  signer: SigningIdentity
  comm: ChannelsComm
  discovery: ChannelsDiscovery
  host: ChannelsHost
  clock: Clock
  /** This peer's external endpoint ('' when it has none). */
  externalEndpoint: string
  publishStateInfoInterval: number
  requestStateInfoInterval: number
  pullPeerNum: number
  propagatePeerNum: number
  propagateIterations: number
  maxPropagationBurstSize: number
  maxPropagationBurstLatency: number
  /** Flush a message that finds the emitter idle at once (`peer.gossip.eagerFlush`). @default false (Fabric) */
  eagerFlush?: boolean
  registry?: Registry
  random?: () => number
}

/** One joined channel. */
interface ChannelState {
  def: ChannelDefinition
  orgs: Set<string>
  joinTime: bigint
  lastSeq: bigint
  height: bigint
  chaincodes: gossip.Chaincode[]
  left: boolean
  self: SignedMessage
  /** My StateInfo changed and still has to reach a channel peer. */
  changed: boolean
  /** The ledger height moved since `self` was signed: re-sign before it goes out (at the next publish). */
  stale: boolean
  store: StateInfoStore<SignedMessage>
}

/** A channel peer as `GET /status` shows it. */
export interface ChannelPeerStatus {
  pkiId: string
  mspId: string
  endpoint: string
  height: number
  chaincodes: Array<{ name: string, version: string }>
  leftChannel: boolean
}

export interface ChannelStatus {
  height: number
  leftChannel: boolean
  orgs: string[]
  peers: ChannelPeerStatus[]
}

export interface ChannelServiceEvents {
  'channel:joined': CustomEvent<string>
  'channel:left': CustomEvent<string>
  /** A peer's StateInfo for a channel changed (height, chaincodes, left). */
  'channel:peer': CustomEvent<{ channel: string, pkiIdHex: string, properties: StateInfoProperties }>
}

export class ChannelService extends TypedEventEmitter<ChannelServiceEvents> {
  private readonly init: ChannelServiceInit
  private readonly log = createLogger('channels')
  private readonly metrics: ChannelMetrics
  private readonly channels = new Map<string, ChannelState>()
  private readonly emitter: BatchingEmitter<{ msg: SignedMessage, channel: string, except?: string }>
  private readonly tasks: PeriodicTasks
  private readonly unsubscribes: Array<() => void> = []
  private readonly selfOrg: string
  private readonly selfPkiIdHex: string
  private running = false
  /** StateInfo of channels I have not joined, relayed for my org: `pkiId/channel_MAC` (hex) -> newest timestamp. */
  private readonly relayed = new Map<string, gossip.PeerTime>()

  constructor (init: ChannelServiceInit) {
    super()
    this.init = init
    this.tasks = new PeriodicTasks(init.clock, (name, err) => { this.log.error(`${name} task failed: ${(err as Error).message}`) })
    this.selfOrg = init.signer.mspId
    this.selfPkiIdHex = pkiIdToHex(init.signer.pkiId)
    this.metrics = createChannelMetrics(init.registry)
    this.emitter = new BatchingEmitter({
      burstSize: init.maxPropagationBurstSize,
      latency: init.maxPropagationBurstLatency,
      eager: init.eagerFlush,
      iterations: init.propagateIterations,
      clock: init.clock,
      emit: batch => { for (const b of batch) this.pushStateInfo(b.msg, b.channel, b.except) }
    })
  }

  // ---- lifecycle ----

  start (): void {
    if (this.running) return
    this.running = true
    const { comm } = this.init
    this.unsubscribes.push(
      comm.subscribe(m => m.kind === 'stateInfo', m => { this.onStateInfo(m) }),
      comm.subscribe(m => m.kind === 'stateSnapshot', m => { this.onSnapshot(m) }),
      comm.subscribe(m => m.kind === 'stateInfoPullReq', m => { this.onPullRequest(m) })
    )
    this.init.discovery.addEventListener('member:forgotten', this.onForgotten)
    this.emitter.start()
    this.tasks.every('publish', this.init.publishStateInfoInterval, () => { this.publishChanged() })
    this.tasks.every('pull', this.init.requestStateInfoInterval, () => { this.pullStateInfo() })
    for (const ch of this.channels.values()) this.contactAnchors(ch)
  }

  stop (): void {
    this.running = false
    this.tasks.stop()
    for (const u of this.unsubscribes.splice(0)) u()
    this.init.discovery.removeEventListener('member:forgotten', this.onForgotten)
    this.emitter.stop()
  }

  // ---- join, leave, properties ----

  /** Joins a channel (or rejoins one left): trusts its orgs, contacts its anchor peers, publishes StateInfo. */
  join (def: ChannelDefinition): void {
    for (const org of [...def.orgs, ...def.ordererOrgs]) {
      if (org.mspType === 'fabric') this.init.host.trustOrg(org.mspId, org.rootCerts, org.intermediateCerts)
    }
    const orgs = new Set(def.orgs.map(o => o.mspId))
    if (!orgs.has(this.selfOrg)) {
      this.log.warn(`channel ${def.name} does not list my org ${this.selfOrg} (it has ${[...orgs].join(', ')}): no peer will count me as a member`)
    }
    const existing = this.channels.get(def.name)
    const joinTime = millisToNanos(this.init.clock.now())
    const ch: ChannelState = {
      def,
      orgs,
      joinTime,
      lastSeq: 0n,
      height: existing?.height ?? 0n,
      chaincodes: existing?.chaincodes ?? [],
      left: false,
      self: undefined as unknown as SignedMessage,
      changed: true,
      stale: false,
      store: existing?.store ?? new StateInfoStore<SignedMessage>()
    }
    this.channels.set(def.name, ch)
    this.refreshSelf(ch)
    this.log.info(`joined channel ${def.name} (orgs ${[...orgs].join(', ')})`)
    if (this.running) {
      this.contactAnchors(ch)
      this.emitter.add({ msg: ch.self, channel: def.name })
    }
    this.safeDispatch('channel:joined', def.name)
  }

  /** Leaves a channel: publishes StateInfo with `left_channel = true` and stops pulling for it. */
  leave (name: string): boolean {
    const ch = this.channels.get(name)
    if (ch == null || ch.left) return false
    ch.left = true
    this.refreshSelf(ch)
    if (this.running) this.emitter.add({ msg: ch.self, channel: name })
    this.log.info(`left channel ${name}`)
    this.safeDispatch('channel:left', name)
    return true
  }

  /**
   * Sets this peer's ledger height in a channel. As Fabric, the new height goes out with the next periodic
   * publish (every publishStateInfoInterval), not at once: a peer committing hundreds of blocks a second
   * signs and sends one StateInfo per interval, not one per block.
   */
  updateLedgerHeight (name: string, height: bigint | number): void {
    const ch = this.required(name)
    const h = BigInt(height)
    if (h === ch.height) return
    ch.height = h
    ch.stale = true
    ch.changed = true
  }

  /** Sets the chaincodes this peer announces in a channel. */
  updateChaincodes (name: string, chaincodes: Array<{ name: string, version: string, metadata?: Uint8Array }>): void {
    const ch = this.required(name)
    ch.chaincodes = chaincodes.map(c => ({ name: c.name, version: c.version, metadata: (c.metadata ?? new Uint8Array(0)) as Uint8Array<ArrayBuffer> }))
    this.changedSelf(ch)
  }

  /** Names of the channels joined (including those left). */
  channelNames (): string[] {
    return [...this.channels.keys()]
  }

  has (name: string): boolean {
    return this.channels.has(name)
  }

  /** Whether `mspId` is one of the orgs of a joined channel (Fabric `IsOrgInChannel`). */
  isOrgInChannel (name: string, mspId: string): boolean {
    return this.channels.get(name)?.orgs.has(mspId) === true
  }

  /** Whether this peer joined the channel and has not left it. */
  isMember (name: string): boolean {
    const ch = this.channels.get(name)
    return ch != null && !ch.left
  }

  /** The definition of a joined channel. */
  definition (name: string): ChannelDefinition | undefined {
    return this.channels.get(name)?.def
  }

  /** Alive members of the channel's orgs that published StateInfo for it and did not leave (Fabric `PeersOfChannel`). */
  peersOfChannel (name: string): Array<ChannelPeer<NetworkMember>> {
    const ch = this.channels.get(name)
    if (ch == null) return []
    return peersOfChannel(ch.orgs, this.init.discovery.members(), ch.store, { selfLeftChannel: ch.left })
  }

  /** This peer's view of every channel, for `GET /status`. */
  status (): Record<string, ChannelStatus> {
    const out: Record<string, ChannelStatus> = {}
    for (const [name, ch] of this.channels) {
      const peers: ChannelPeerStatus[] = []
      if (!ch.left) {
        for (const m of this.init.discovery.members()) {
          if (!ch.orgs.has(m.mspId)) continue
          const entry = ch.store.get(m.pkiIdHex)
          if (entry == null) continue
          peers.push({
            pkiId: m.pkiIdHex,
            mspId: m.mspId,
            endpoint: m.externalEndpoint !== '' ? m.externalEndpoint : (m.internalEndpoint ?? ''),
            height: Number(entry.properties.ledgerHeight),
            chaincodes: entry.properties.chaincodes.map(c => ({ name: c.name, version: c.version })),
            leftChannel: entry.properties.leftChannel
          })
        }
      }
      out[name] = { height: Number(ch.height), leftChannel: ch.left, orgs: [...ch.orgs], peers }
    }
    return out
  }

  /** The routing filter of a tag within a channel (reference section 3). */
  routingFilter (name: string, tag: gossip.GossipMessage.Tag): RoutingFilter {
    const ch = this.channels.get(name)
    const inChannel: RoutingFilter = m => ch != null && ch.orgs.has(m.mspId) && ch.store.get(m.pkiIdHex) != null && ch.store.get(m.pkiIdHex)?.properties.leftChannel !== true
    switch (tag) {
      case Tag.EMPTY: return () => true
      case Tag.ORG_ONLY: return inOrg(this.selfOrg)
      case Tag.CHAN_ONLY: return inChannel
      case Tag.CHAN_AND_ORG: return m => inChannel(m) && m.mspId === this.selfOrg
      case Tag.CHAN_OR_ORG: return m => inChannel(m) || m.mspId === this.selfOrg
      default: return () => false
    }
  }

  private required (name: string): ChannelState {
    const ch = this.channels.get(name)
    if (ch == null) throw new Error(`channel ${name} is not joined`)
    return ch
  }

  private changedSelf (ch: ChannelState): void {
    this.refreshSelf(ch)
    ch.changed = true
    if (this.running) this.emitter.add({ msg: ch.self, channel: ch.def.name })
  }

  /** Signs a new StateInfo for the channel (PeerTime: join time, then now in ns, strictly increasing). */
  private refreshSelf (ch: ChannelState): void {
    const now = millisToNanos(this.init.clock.now())
    ch.lastSeq = now > ch.lastSeq ? now : ch.lastSeq + 1n
    ch.stale = false
    ch.self = seal(createStateInfo({
      pkiId: this.init.signer.pkiId,
      channelId: ch.def.name,
      joinTime: ch.joinTime,
      seq: ch.lastSeq,
      height: ch.height,
      leftChannel: ch.left,
      chaincodes: ch.chaincodes
    }), this.init.signer)
  }

  private contactAnchors (ch: ChannelState): void {
    const { host } = this.init
    for (const org of ch.def.orgs) {
      for (const anchor of org.anchorPeers) {
        const endpoint = `${anchor.host}:${anchor.port}`
        if (host.isOwnEndpoint(endpoint)) continue
        if (!anchorPeerContactable(this.selfOrg, this.init.externalEndpoint, org.mspId)) {
          this.log.warnOnce(`anchor-no-external:${org.mspId}`, `the anchor peers of ${org.mspId} in channel ${ch.def.name} are not contacted: ` +
            `this peer has no external endpoint (set peer.gossip.externalEndpoint) and is invisible outside ${this.selfOrg}`, 3_600_000)
          continue
        }
        const addr = host.resolveEndpoint(endpoint)
        if (addr == null) {
          this.log.warnOnce(`anchor-bad:${endpoint}`, `anchor peer ${endpoint} of ${org.mspId} in channel ${ch.def.name} is not a valid endpoint`)
          continue
        }
        host.connectAnchor(addr, org.mspId)
      }
    }
  }

  // ---- StateInfo push ----

  /** My StateInfo of a channel, signed again first when the height moved since. */
  private current (ch: ChannelState): SignedMessage {
    if (ch.stale) this.refreshSelf(ch)
    return ch.self
  }

  private publishChanged (): void {
    for (const [name, ch] of this.channels) {
      if (!ch.changed) continue
      this.emitter.add({ msg: this.current(ch), channel: name })
      if (this.peersOfChannel(name).length > 0 || ch.left) ch.changed = false
    }
  }

  /**
   * Pushes a StateInfo (Fabric gossipBatch): to members of the channel's orgs when its origin has an external
   * endpoint, else to my org only; never back to the peer it came from, nor to its origin.
   */
  private pushStateInfo (msg: SignedMessage, channel: string, except?: string): void {
    const ch = this.channels.get(channel)
    const si = msg.message.stateInfo
    if (si == null || (ch == null && channel !== NOT_JOINED)) return
    const originHex = pkiIdToHex(si.pkiId)
    const members = this.init.discovery.members()
    const originExternal = originHex === this.selfPkiIdHex ? this.init.externalEndpoint : (members.find(m => m.pkiIdHex === originHex)?.externalEndpoint ?? '')
    // a channel I have not joined: I do not know its orgs, so my org only (Fabric: IsInMyOrg)
    const target: RoutingFilter = ch != null && originExternal !== '' ? inOrgs(ch.orgs) : inOrg(this.selfOrg)
    const pool = members.filter(m => m.pkiIdHex !== except && m.pkiIdHex !== originHex && target(m))
    for (const peer of selectPeers(this.init.propagatePeerNum, pool, () => true, this.init.random)) {
      this.init.comm.send(msg, this.init.discovery.remotePeerOf(peer))
    }
  }

  private onStateInfo (m: ChannelReceived): void {
    const msg: SignedMessage = { message: m.message, envelope: m.envelope, kind: 'stateInfo' }
    const result = this.acceptStateInfo(msg)
    if (result === NOT_JOINED) {
      if (m.sender.identity.mspId === this.selfOrg && this.relayable(msg)) this.emitter.add({ msg, channel: NOT_JOINED, except: m.sender.pkiIdHex })
      else this.metrics.dropped('unknown-channel')
      return
    }
    if (result != null) this.emitter.add({ msg, channel: result, except: m.sender.pkiIdHex })
  }

  /**
   * Whether a StateInfo of a channel I have not joined, from a peer of my org, is to be forwarded (Fabric's
   * gossip forwards it to its org, keeping the newest per origin and channel): new or newer, and signed by a
   * known identity. Remembered in a bounded map (oldest forgotten first).
   */
  private relayable (msg: SignedMessage): boolean {
    const si = msg.message.stateInfo as gossip.StateInfo
    const key = `${pkiIdToHex(si.pkiId)}/${pkiIdToHex(si.channel_MAC)}`
    const stored = this.relayed.get(key)
    if (stored != null && !isNewer(si.timestamp as gossip.PeerTime, stored)) return false
    const identity = this.init.host.identity(si.pkiId)
    if (identity == null) { this.metrics.dropped('unknown-identity'); return false }
    if (!verifySignature(identity.publicKey, msg.envelope.payload, msg.envelope.signature)) { this.metrics.dropped('bad-signature'); return false }
    this.relayed.delete(key)
    if (this.relayed.size >= MAX_RELAYED) this.relayed.delete(this.relayed.keys().next().value as string)
    this.relayed.set(key, si.timestamp as gossip.PeerTime)
    return true
  }

  /**
   * Checks and stores a StateInfo; returns the channel when it was new or newer (to forward it), or
   * {@link NOT_JOINED} when it is of no channel I have joined. The PeerTime is compared before the signature
   * is verified.
   */
  private acceptStateInfo (msg: SignedMessage): string | undefined {
    const si = msg.message.stateInfo
    if (si == null || si.pkiId.byteLength === 0 || si.timestamp == null) { this.metrics.dropped('malformed'); return undefined }
    const pkiIdHex = pkiIdToHex(si.pkiId)
    if (pkiIdHex === this.selfPkiIdHex) return undefined
    const channel = findChannelByMac(si.channel_MAC, si.pkiId, this.channels.keys())
    if (channel == null) return NOT_JOINED
    const ch = this.channels.get(channel) as ChannelState
    const stored = ch.store.get(pkiIdHex)
    if (stored != null && !isNewer(si.timestamp, stored.timestamp)) {
      ch.store.add(si, this.init.clock.now(), stored.envelope) // a repeat refreshes the entry
      return undefined
    }
    const identity = this.init.host.identity(si.pkiId)
    if (identity == null) { this.metrics.dropped('unknown-identity'); return undefined }
    if (!ch.orgs.has(identity.mspId)) { this.metrics.dropped('org-not-in-channel'); return undefined }
    if (!verifySignature(identity.publicKey, msg.envelope.payload, msg.envelope.signature)) { this.metrics.dropped('bad-signature'); return undefined }
    const result = ch.store.add(si, this.init.clock.now(), msg)
    if (result !== 'new' && result !== 'updated') return undefined
    this.safeDispatch('channel:peer', { channel, pkiIdHex, properties: propertiesOf(si) })
    return channel
  }

  // ---- StateInfo pull ----

  private pullStateInfo (): void {
    const members = this.init.discovery.members()
    for (const [name, ch] of this.channels) {
      if (ch.left) continue
      const req = seal({ tag: Tag.CHAN_OR_ORG, stateInfoPullReq: { channel_MAC: channelMac(this.init.signer.pkiId, name) } })
      for (const peer of selectPeers(this.init.pullPeerNum, members, inOrgs(ch.orgs), this.init.random)) {
        this.init.comm.send(req, this.init.discovery.remotePeerOf(peer))
      }
    }
  }

  private onPullRequest (m: ChannelReceived): void {
    const mac = m.message.stateInfoPullReq?.channel_MAC
    if (mac == null) return
    const channel = findChannelByMac(mac, m.sender.pkiId, this.channels.keys())
    if (channel == null) { this.metrics.dropped('unknown-channel'); return }
    const ch = this.channels.get(channel) as ChannelState
    const requesterOrg = m.sender.identity.mspId
    if (!ch.orgs.has(requesterOrg)) {
      this.metrics.dropped('org-not-in-channel')
      this.log.debug(`StateInfo pull request for ${channel} from ${m.sender.pkiIdHex.slice(0, 16)} of ${requesterOrg}, not in the channel: ignored`)
      return
    }
    const endpoints = new Map(this.init.discovery.members().map(x => [x.pkiIdHex, x.externalEndpoint]))
    const externalOf = (hex: string): string => hex === this.selfPkiIdHex ? this.init.externalEndpoint : (endpoints.get(hex) ?? '')
    const requester = { mspId: requesterOrg, externalEndpoint: externalOf(m.sender.pkiIdHex) }
    const elements: gossip.Envelope[] = []
    if (stateInfoDisclosable(this.selfOrg, requester, { mspId: this.selfOrg, externalEndpoint: this.init.externalEndpoint })) elements.push(this.current(ch).envelope)
    for (const entry of ch.store.values()) {
      const owner = { mspId: this.init.host.identity(entry.pkiIdHex)?.mspId ?? '', externalEndpoint: externalOf(entry.pkiIdHex) }
      if (entry.envelope != null && stateInfoDisclosable(this.selfOrg, requester, owner)) elements.push(entry.envelope.envelope)
    }
    m.respond(seal({ nonce: m.message.nonce, tag: Tag.CHAN_OR_ORG, stateSnapshot: { elements } })).catch(err => {
      this.log.debug(`StateInfo snapshot to ${m.sender.pkiIdHex.slice(0, 16)} failed: ${(err as Error).message}`)
    })
  }

  private onSnapshot (m: ChannelReceived): void {
    for (const env of m.message.stateSnapshot?.elements ?? []) {
      let msg: SignedMessage
      try {
        msg = openMessage(env)
      } catch {
        this.metrics.dropped('malformed')
        continue
      }
      if (msg.kind !== 'stateInfo') { this.metrics.dropped('malformed'); continue }
      if (this.acceptStateInfo(msg) === NOT_JOINED) this.metrics.dropped('unknown-channel')
    }
  }

  private readonly onForgotten = (evt: CustomEvent<Member>): void => {
    for (const ch of this.channels.values()) ch.store.delete(evt.detail.pkiIdHex)
  }

  private safeDispatch<K extends keyof ChannelServiceEvents> (type: K, detail: ChannelServiceEvents[K] extends CustomEvent<infer D> ? D : never): void {
    try {
      this.safeDispatchEvent(type, { detail })
    } catch (err) {
      this.log.error(`listener of ${type} failed: ${(err as Error).message}`)
    }
  }
}
