/**
 * The composition root: turns a `NodeConfig` into a running node: the MSP identity and the orgs it trusts,
 * a libp2p node (TCP, Noise, yamux, identify, ping, Prometheus metrics) with the gossip comm service, the
 * bootstrap connector and the operations server. Only this file (with `cli/` and `api/`) sees everything.
 */
import './shim.js'
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { createLibp2p, type Libp2p } from 'libp2p'
import type { Identify } from '@libp2p/identify'
import type { Ping } from '@libp2p/ping'
import { libp2pStack, stackMetrics, stackServices } from './libp2p-stack.js'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { Registry } from 'prom-client'
import { gossipComm, type Comm, type ReceivedMessage, type RemotePeer } from './comm/index.js'
import type { SignedMessage } from './wire/envelope.js'
import { gossip } from './pb/gossip.js'
import { loadSigningIdentity, MspManager, pkiIdToHex, type PeerIdentity, type SigningIdentity } from './identity/index.js'
import { endpointHostPort, internalEndpoint, parseEndpoint, type NodeConfig } from './config/index.js'
import { OperationsServer } from './api/operations.js'
import { createLogger } from './logging.js'
import { Discovery, type NetworkMember } from './membership/discovery.js'
import { Connector } from './membership/connector.js'
import { IdentityPull } from './membership/identity-pull.js'
import { IdentityStore } from './identity/store.js'
import { systemClock } from './algo/clock.js'
import { TypedEventEmitter } from 'main-event'
import type { Member } from './membership/view.js'
import { ChannelService, type ChannelStatus } from './channels/service.js'
import { channelFromConfigBlock, parseChannelDefinition, type ChannelDefinition } from './channels/channel-config.js'
import type { ChannelPeer } from './channels/membership.js'
import { common } from './pb/common.js'
import { registerChannelRoutes } from './api/routes.js'
import { Ledgers } from './state/ledgers.js'
import { BlockPush, type BlockDissemination } from './channels/block-push.js'
import { BlockGossipsub, ScoreGate } from './channels/block-gossipsub.js'
import { gossipsub, type GossipSub } from '@libp2p/gossipsub'
import { StateTransfer } from './state/state-transfer.js'
import { BlockPull } from './channels/block-pull.js'
import { Leadership } from './channels/leadership.js'
import { DeliverClient } from './orderer/deliver-client.js'
import type { PrivateKey } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

export type GossipLibp2p = Libp2p<{ identify: Identify, ping: Ping, comm: Comm, pubsub?: GossipSub }>

export interface GossipNodeOptions {
  /** Start the operations server. @default true */
  operations?: boolean
  /**
   * Run discovery (alive messages, membership, bootstrap). Off leaves only the comm layer: connections,
   * the handshake and `comm.send`/`accept` (for tools and tests that speak gossip themselves). @default true
   */
  discovery?: boolean
}

/** The `GET /status` document. */
export interface NodeStatus {
  id: string
  peerId: string
  pkiId: string
  mspId: string
  endpoint: string
  externalEndpoint: string
  listenAddresses: string[]
  operations?: string
  startedAt: string
  connections: Array<{ pkiId: string, peerId: string, mspId: string, remoteAddr: string, direction: string, connectedAt: string }>
  members: PeerInfo[]
  channels: Record<string, NodeChannelStatus>
}

const log = createLogger('node')

/** Runs `fn`, prefixing an error with the configuration key it concerns. */
function withKey<T> (key: string, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    throw new Error(`${key}: ${(err as Error).message}`, { cause: err })
  }
}

/** Loads the node's libp2p key from `<fileSystemPath>/libp2p/peer.key`, creating it (Ed25519) on first start. */
export async function loadOrCreatePeerKey (fileSystemPath: string): Promise<PrivateKey> {
  const dir = join(fileSystemPath, 'libp2p')
  const file = join(dir, 'peer.key')
  try {
    return privateKeyFromProtobuf(await readFile(file))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the libp2p key ${file}: ${(err as Error).message}`)
  }
  const key = await generateKeyPair('Ed25519')
  await mkdir(dir, { recursive: true, mode: 0o700 })
  await writeFile(`${file}.tmp`, privateKeyToProtobuf(key), { mode: 0o600 })
  await rename(`${file}.tmp`, file)
  return key
}

/**
 * A predicate telling this peer's own endpoints: the configured ones (listen address, `peer.address`,
 * gossip endpoints, and any given), and a loopback address on one of their ports, as Fabric's discovery
 * never dials `127.0.0.1:<own port>` or `localhost:<own port>`.
 */
export function ownEndpointPredicate (config: NodeConfig, extra: string[] = []): (hostPort: { host: string, port: number }) => boolean {
  const p = config.peer
  const own = [p.listenAddress, p.address, p.gossip.endpoint, p.gossip.externalEndpoint, ...extra]
    .filter(e => e !== '')
    .map(e => endpointHostPort(e, 'peer.address'))
  const ownPorts = new Set(own.map(o => o.port))
  const loopback = (h: string): boolean => h === 'localhost' || h === '::1' || h.startsWith('127.')
  return hp => own.some(o => o.host === hp.host && o.port === hp.port) || (loopback(hp.host) && ownPorts.has(hp.port))
}

/**
 * The bootstrap endpoints worth dialling: Fabric's default (`127.0.0.1:7051`) is the peer itself, and like
 * Fabric's discovery we never dial our own endpoints.
 */
export function bootstrapEndpoints (config: NodeConfig): Multiaddr[] {
  const isOwn = ownEndpointPredicate(config)
  return config.peer.gossip.bootstrap.flatMap((b, i) => {
    const key = `peer.gossip.bootstrap[${i}]`
    const ma = parseEndpoint(b, key)
    if (ma.getComponents().some(c => c.name === 'p2p' || c.name === 'dnsaddr')) return [ma]
    return isOwn(endpointHostPort(b, key)) ? [] : [ma]
  })
}

function isDefinition (x: ChannelDefinition | common.Block): x is ChannelDefinition {
  return typeof (x as ChannelDefinition).name === 'string' && Array.isArray((x as ChannelDefinition).orgs)
}

/** A channel to join: its definition, and the genesis block it came from (committed as block 0). */
export interface ChannelJoin {
  def: ChannelDefinition
  genesis?: common.Block
}

/** Reads the channels of `channels:` in the config: genesis blocks or definitions; errors name the entry. */
export async function channelsFromConfig (config: NodeConfig): Promise<ChannelJoin[]> {
  const out: ChannelJoin[] = []
  for (const [i, source] of config.channels.entries()) {
    if ('block' in source) {
      let bytes: Uint8Array
      try {
        bytes = await readFile(source.block)
      } catch (err) {
        throw new Error(`channels[${i}]: cannot read the genesis block ${source.block}: ${(err as Error).message}`)
      }
      try {
        const genesis = common.Block.decode(bytes)
        out.push({ def: channelFromConfigBlock(genesis), genesis })
      } catch (err) {
        throw new Error(`channels[${i}]: ${source.block} is not a channel config block: ${(err as Error).message}`)
      }
    } else {
      out.push({ def: parseChannelDefinition(source.config, `channels[${i}]`) })
    }
  }
  return out
}

/** A member as `peers()` and `GET /status` show it. */
export interface PeerInfo {
  pkiId: string
  /** The libp2p PeerId, when this node has a connection to the member. */
  peerId: string | null
  mspId: string
  /** The member's external endpoint ('' when it has none). */
  endpoint: string
  /** Its internal endpoint, only where this peer may know it (same org). */
  internalEndpoint?: string
  /** Base64 of the metadata in its alive message, when it carries any. */
  metadata?: string
  alive: boolean
}

export interface GossipNodeEvents {
  /** A member was learned or came back. */
  'member:alive': CustomEvent<PeerInfo>
  /** A member went silent or unreachable. */
  'member:dead': CustomEvent<PeerInfo>
  /** A member was forgotten. */
  'member:forgotten': CustomEvent<PeerInfo>
  /** A block was committed to a channel's ledger (on disk): once per block, in order. */
  'block:committed': CustomEvent<{ channel: string, number: bigint }>
  /** This peer became, or stopped being, its org's leader in a channel (it receives blocks from the orderer). */
  'leadership:changed': CustomEvent<{ channel: string, isLeader: boolean }>
}

/** A channel as `GET /status` shows it: the channel view, and whether this peer leads it for its org. */
export interface NodeChannelStatus extends ChannelStatus {
  /** This peer receives the channel's blocks from the ordering service for its org. */
  isLeader: boolean
  /** The orderer a leader is receiving blocks from, when connected. */
  orderer?: string
}

/** A gossip node: create with `GossipNode.create(config)`, then `start()` and `stop()`. */
export class GossipNode extends TypedEventEmitter<GossipNodeEvents> {
  readonly config: NodeConfig
  readonly identity: SigningIdentity
  readonly msps: MspManager
  readonly libp2p: GossipLibp2p
  readonly registry: Registry
  readonly operations: OperationsServer | undefined
  readonly identities: IdentityStore
  readonly discovery: Discovery
  readonly channels: ChannelService
  readonly identityPull: IdentityPull
  /** Block push: Fabric's (`peer.gossip.dissemination: fabric`) or gossipsub. */
  readonly blockPush: BlockDissemination
  readonly stateTransfer: StateTransfer
  readonly blockPull: BlockPull
  readonly leadership: Leadership
  private readonly deliverClients = new Map<string, DeliverClient>()
  private readonly channelDefs = new Map<string, ChannelDefinition>()
  private readonly connector: Connector
  private readonly initialChannels: ChannelJoin[]
  readonly ledgers: Ledgers
  private startedAt = new Date(0)

  private readonly runDiscovery: boolean

  private ownEndpoint: (hp: { host: string, port: number }) => boolean

  private constructor (config: NodeConfig, identity: SigningIdentity, msps: MspManager, libp2p: GossipLibp2p, registry: Registry, ops: { host: string, port: number } | undefined, runDiscovery: boolean, channels: ChannelJoin[], gate: ScoreGate) {
    super()
    this.runDiscovery = runDiscovery
    this.initialChannels = channels
    this.ledgers = new Ledgers({
      dir: join(config.peer.fileSystemPath, 'ledger'),
      blockBufferSize: config.peer.gossip.state.blockBufferSize,
      chainVerify: config.peer.gossip.state.chainVerify,
      registry,
      onHeight: (ch, height) => {
        if (this.channels.has(ch)) this.channels.updateLedgerHeight(ch, height)
        this.stateTransfer?.heightChanged(ch)
      },
      onCommit: (channel, number) => { this.safeDispatchEvent('block:committed', { detail: { channel, number } }) },
      onRefused: (channel, number) => {
        this.blockPush?.forget(channel, number)
        this.blockPull?.forget(channel, number)
      }
    })
    this.ownEndpoint = ownEndpointPredicate(config)
    this.config = config
    this.identity = identity
    this.msps = msps
    this.libp2p = libp2p
    this.registry = registry
    this.operations = ops == null
      ? undefined
      : new OperationsServer({
        host: ops.host,
        port: ops.port,
        registry,
        status: () => this.status(),
        healthChecks: [{
          component: 'libp2p',
          check: () => libp2p.status === 'started' ? undefined : `libp2p is ${libp2p.status}`
        }]
      })
    const g = config.peer.gossip
    const comm = libp2p.services.comm
    this.identities = new IdentityStore({
      validator: msps,
      selfIdentity: identity.serialized,
      clock: systemClock,
      onPurge: (pkiIdHex, reason) => {
        log.info(`identity ${pkiIdHex.slice(0, 16)} purged (${reason})`)
        this.discovery.view.remove(pkiIdHex)
        this.identityPull.remove(pkiIdHex)
        void comm.closeConnection(Buffer.from(pkiIdHex, 'hex'))
      }
    })
    this.discovery = new Discovery({
      signer: identity,
      comm,
      identities: this.identities,
      clock: systemClock,
      endpoint: internalEndpoint(config),
      externalEndpoint: g.externalEndpoint,
      resolveEndpoint: (e: string) => { try { return parseEndpoint(e, 'endpoint') } catch { return undefined } },
      aliveTimeInterval: g.aliveTimeInterval,
      aliveExpirationTimeout: g.aliveExpirationTimeout,
      reconnectInterval: g.reconnectInterval,
      msgExpirationFactor: g.msgExpirationFactor,
      pullInterval: g.pullInterval,
      pullPeerNum: g.pullPeerNum,
      publishCertPeriod: g.publishCertPeriod,
      propagatePeerNum: g.propagatePeerNum,
      propagateIterations: g.propagateIterations,
      maxPropagationBurstSize: g.maxPropagationBurstSize,
      maxPropagationBurstLatency: g.maxPropagationBurstLatency,
      eagerFlush: g.eagerFlush,
      registry
    })
    this.identityPull = new IdentityPull({
      signer: identity,
      comm,
      discovery: this.discovery,
      identities: this.identities,
      clock: systemClock,
      externalEndpoint: g.externalEndpoint,
      pullInterval: g.pullInterval,
      pullPeerNum: g.pullPeerNum,
      digestWaitTime: g.digestWaitTime,
      requestWaitTime: g.requestWaitTime,
      responseWaitTime: g.responseWaitTime,
      onDrop: reason => { this.discovery.countDrop(reason) }
    })
    this.connector = new Connector({
      selfOrg: identity.mspId,
      clock: systemClock,
      maxConnectionAttempts: g.maxConnectionAttempts,
      retryInterval: g.reconnectInterval,
      ports: {
        probe: async (endpoint, options) => await comm.probe(endpoint, options),
        requestMembership: async (peer, org) => await this.discovery.requestMembership(peer, org),
        markProtected: (pkiId, kind) => { if (kind === 'bootstrap') this.discovery.view.markBootstrap(pkiId); else this.discovery.view.markAnchor(pkiId) }
      }
    })
    this.channels = new ChannelService({
      signer: identity,
      comm,
      discovery: this.discovery,
      clock: systemClock,
      externalEndpoint: g.externalEndpoint,
      publishStateInfoInterval: g.publishStateInfoInterval,
      requestStateInfoInterval: g.requestStateInfoInterval,
      pullPeerNum: g.pullPeerNum,
      propagatePeerNum: g.propagatePeerNum,
      propagateIterations: g.propagateIterations,
      maxPropagationBurstSize: g.maxPropagationBurstSize,
      maxPropagationBurstLatency: g.maxPropagationBurstLatency,
      eagerFlush: g.eagerFlush,
      registry,
      host: {
        trustOrg: (mspId, roots, intermediates) => { msps.addOrg(mspId, roots, intermediates) },
        identity: pkiId => this.identities.get(pkiId),
        connectAnchor: (endpoint, org) => { void this.connector.connect({ endpoint, kind: 'anchor', listedOrg: org }) },
        isOwnEndpoint: (endpoint) => {
          try { return this.ownEndpoint(endpointHostPort(endpoint, 'anchor peer')) } catch { return false }
        },
        resolveEndpoint: (e: string) => { try { return parseEndpoint(e, 'anchor peer') } catch { return undefined } }
      }
    })
    // what the block services share: the comm layer, the members, and the channel's routing and membership
    const blockPorts = {
      send: (msg: SignedMessage, ...peers: RemotePeer[]) => { comm.send(msg, ...peers) },
      subscribe: (predicate: (m: ReceivedMessage) => boolean, handler: (m: ReceivedMessage) => void | Promise<void>) => comm.subscribe(predicate, handler),
      members: () => this.discovery.members(),
      remotePeerOf: (m: NetworkMember) => this.discovery.remotePeerOf(m),
      routingFilter: (ch: string, tag: gossip.GossipMessage.Tag) => this.channels.routingFilter(ch, tag),
      isOrgInChannel: (ch: string, mspId: string) => this.channels.isMember(ch) && this.channels.isOrgInChannel(ch, mspId),
      height: (ch: string) => this.ledgers.height(ch)
    }
    const pushPorts = {
      isDuplicate: (ch: string, seq: bigint) => this.ledgers.isDuplicate(ch, seq),
      check: (ch: string, seq: bigint, bytes: Uint8Array) => this.ledgers.check(ch, seq, bytes),
      takeIn: async (ch: string, seq: bigint, bytes: Uint8Array, verified: common.Block) => await this.takeIn(ch, seq, bytes, verified),
      behind: (ch: string) => { this.stateTransfer.catchUpNow(ch) },
      gap: (ch: string, peer: string, start: bigint, end: bigint) => { this.stateTransfer.fillGap(ch, peer, start, end) },
      height: (ch: string) => this.ledgers.height(ch)
    }
    const pubsub = libp2p.services.pubsub
    // gossipsub asks for the identity behind a PeerId on every score: kept by PeerId from the handshakes
    const byPeerId = new Map<string, { pkiIdHex: string, mspId: string }>()
    if (pubsub != null) {
      comm.addEventListener('peer:connected', evt => { byPeerId.set(evt.detail.peerId.toString(), { pkiIdHex: evt.detail.pkiIdHex, mspId: evt.detail.identity.mspId }) })
      // a replaced connection reports its close after its successor connected: forget only a peer now gone
      comm.addEventListener('peer:disconnected', evt => { if (comm.connectedPeer(evt.detail.pkiId) == null) byPeerId.delete(evt.detail.peerId.toString()) })
    }
    this.blockPush = g.dissemination === 'gossipsub' && pubsub != null
      ? new BlockGossipsub({
        pubsub,
        clock: systemClock,
        gapRequestDelay: g.gapRequestDelay,
        publish: g.propagateIterations > 0,
        registry,
        ports: {
          ...pushPorts,
          mspId: identity.mspId,
          identify: peerId => byPeerId.get(peerId),
          isChannelMember: (ch, pkiIdHex) => {
            const m = this.discovery.view.get(pkiIdHex)
            return m != null && m.state === 'alive' && this.channels.isMember(ch) &&
              this.channels.routingFilter(ch, gossip.GossipMessage.Tag.CHAN_AND_ORG)(this.discovery.networkMemberOf(m))
          }
        }
      }, gate)
      : new BlockPush({
        clock: systemClock,
        propagatePeerNum: g.propagatePeerNum,
        propagateIterations: g.propagateIterations,
        maxPropagationBurstSize: g.maxPropagationBurstSize,
        maxPropagationBurstLatency: g.maxPropagationBurstLatency,
        eagerFlush: g.eagerFlush,
        gapRequestDelay: g.gapRequestDelay,
        announceWait: g.announceWait,
        floodMaxBytes: g.floodMaxBytes,
        treePush: g.treePush,
        registry,
        ports: { ...blockPorts, ...pushPorts }
      })
    this.blockPull = new BlockPull({
      clock: systemClock,
      pullInterval: g.pullInterval,
      pullPeerNum: g.pullPeerNum,
      digestWaitTime: g.digestWaitTime,
      requestWaitTime: g.requestWaitTime,
      responseWaitTime: g.responseWaitTime,
      maxBlockCountToStore: g.maxBlockCountToStore,
      ports: {
        ...blockPorts,
        check: (ch, seq, bytes) => this.ledgers.check(ch, seq, bytes),
        addPayload: async (ch, seq, bytes, verified) => await this.ledgers.addPayload(ch, seq, bytes, 'gossip', verified)
      }
    })
    const st = g.state
    this.stateTransfer = new StateTransfer({
      clock: systemClock,
      enabled: st.enabled,
      checkInterval: st.checkInterval,
      responseTimeout: st.responseTimeout,
      batchSize: st.batchSize,
      maxRetries: st.maxRetries,
      blockBufferSize: st.blockBufferSize,
      parallelRequests: st.parallelRequests,
      registry,
      ports: {
        ...blockPorts,
        // blocks travel inside an org (each org's leader gets them from the orderer): ask same-org peers only;
        // the responder still answers any org of the channel, as Fabric does
        peers: ch => {
          const sameOrg = this.channels.routingFilter(ch, gossip.GossipMessage.Tag.CHAN_AND_ORG)
          return this.channels.peersOfChannel(ch).filter(p => sameOrg(p)).map(p => ({ pkiId: p.pkiId, pkiIdHex: p.pkiIdHex, height: p.properties.ledgerHeight, remote: this.discovery.remotePeerOf(p) }))
        },
        getRange: async (ch, start, count) => await this.ledgers.getRange(ch, start, count),
        addPayloads: async (ch, payloads, origin) => await this.ledgers.addPayloads(ch, payloads, origin)
      }
    })
    const election = g.election
    this.leadership = new Leadership({
      clock: systemClock,
      signer: identity,
      registry,
      mode: g.useLeaderElection
        ? { kind: 'election', startupGracePeriod: election.startupGracePeriod, membershipSampleInterval: election.membershipSampleInterval, leaderAliveThreshold: election.leaderAliveThreshold, leaderElectionDuration: election.leaderElectionDuration }
        : { kind: 'static', isLeader: g.orgLeader },
      ports: blockPorts,
      onChange: (channel, isLeader) => {
        if (isLeader) this.startDeliver(channel)
        else void this.stopDeliver(channel)
        this.safeDispatchEvent('leadership:changed', { detail: { channel, isLeader } })
      }
    })
    // a peer far behind what a channel peer announces (a fresh join, a restart) starts catching up now rather
    // than at its next anti-entropy tick; a block or two behind is left to push and pull
    this.channels.addEventListener('channel:peer', evt => {
      const own = this.ledgers.height(evt.detail.channel)
      if (own != null && evt.detail.properties.ledgerHeight > own + BigInt(g.state.blockBufferSize)) this.stateTransfer.catchUpNow(evt.detail.channel)
    })
    if (this.operations != null) registerChannelRoutes(this.operations, this)
    // the identities proven by handshakes sign the messages of their peers
    comm.addEventListener('peer:connected', evt => {
      try { this.identities.put(evt.detail.pkiId, evt.detail.identity.serialized) } catch (err) { log.debug(`handshake identity not stored: ${(err as Error).message}`) }
    })
    for (const type of ['member:alive', 'member:dead', 'member:forgotten'] as const) {
      this.discovery.addEventListener(type, evt => { this.safeDispatchEvent(type, { detail: this.peerInfo(this.discovery.networkMemberOf(evt.detail)) }) })
    }
  }

  static async create (config: NodeConfig, options: GossipNodeOptions = {}): Promise<GossipNode> {
    const p = config.peer
    const g = p.gossip
    const identity = withKey('peer.mspConfigPath', () => loadSigningIdentity(p.mspConfigPath, p.localMspId))
    const msps = new MspManager()
    withKey('peer.mspConfigPath', () => { msps.addMspFolder(p.mspConfigPath, p.localMspId) })
    for (const [i, extra] of p.knownMsps.entries()) {
      try {
        msps.addMspFolder(extra.path, extra.mspId)
      } catch (err) {
        throw new Error(`peer.knownMsps[${i}]: ${(err as Error).message}`)
      }
    }
    const listen = parseEndpoint(p.listenAddress, 'peer.listenAddress')
    const registry = new Registry()
    const privateKey = await loadOrCreatePeerKey(p.fileSystemPath)
    const gate = new ScoreGate()
    const libp2p = await createLibp2p({
      privateKey,
      start: false,
      addresses: { listen: [listen.toString()] },
      ...libp2pStack(),
      metrics: stackMetrics(registry),
      services: {
        ...stackServices(),
        comm: gossipComm({
          signer: identity,
          validator: msps,
          dialTimeout: g.dialTimeout,
          connTimeout: g.connTimeout,
          sendBuffSize: g.sendBuffSize,
          maxMessageSize: g.maxMessageSize,
          maxControlMessageSize: g.maxControlMessageSize,
          registry
        }),
        ...(g.dissemination === 'gossipsub' ? { pubsub: blockGossipsubService(g.maxMessageSize, gate) } : {})
      }
    })
    const ops = options.operations !== false ? endpointHostPort(config.operations.listenAddress, 'operations.listenAddress') : undefined
    const channels = await channelsFromConfig(config)
    return new GossipNode(config, identity, msps, libp2p, registry, ops, options.discovery !== false, channels, gate)
  }

  get comm (): Comm { return this.libp2p.services.comm }

  /** The addresses others can dial (listen addresses with the PeerId). */
  multiaddrs (): Multiaddr[] { return this.libp2p.getMultiaddrs() }

  async start (): Promise<void> {
    try {
      await this.libp2p.start()
    } catch (err) {
      throw new Error(`peer.listenAddress ${this.config.peer.listenAddress}: ${(err as Error).message}`)
    }
    try {
      await this.operations?.start()
    } catch (err) {
      await this.libp2p.stop()
      throw new Error(`operations.listenAddress ${this.config.operations.listenAddress}: ${(err as Error).message}`)
    }
    this.startedAt = new Date()
    const ops = this.operations?.address()
    log.info(`${this.config.peer.id} (${this.identity.mspId}) started: peerId ${this.libp2p.peerId.toString()}, pkiId ${pkiIdToHex(this.identity.pkiId)}`)
    log.info(`listening on ${this.multiaddrs().map(m => m.toString()).join(', ')}${ops != null ? `; operations on http://${ops.host}:${ops.port}` : ''}`)
    const endpoint = this.effectiveEndpoint()
    this.discovery.setEndpoint(endpoint)
    this.ownEndpoint = ownEndpointPredicate(this.config, [endpoint])
    this.identities.start()
    for (const join of this.initialChannels) await this.join(join)
    if (!this.runDiscovery) return
    this.discovery.start()
    this.identityPull.start()
    this.channels.start()
    this.blockPush.start()
    this.blockPull.start()
    this.stateTransfer.start()
    this.leadership.start()
    for (const ep of bootstrapEndpoints(this.config)) void this.connector.connect({ endpoint: ep, kind: 'bootstrap' })
  }

  async stop (): Promise<void> {
    this.leadership.stop()
    await Promise.all([...this.deliverClients.keys()].map(async ch => { await this.stopDeliver(ch) }))
    this.connector.stop()
    this.blockPush.stop()
    this.blockPull.stop()
    this.stateTransfer.stop()
    this.channels.stop()
    this.identityPull.stop()
    this.discovery.stop()
    this.identities.stop()
    await this.ledgers.close()
    await this.operations?.stop()
    await this.libp2p.stop()
    log.info(`${this.config.peer.id} stopped`)
  }

  status (): NodeStatus {
    const g = this.config.peer.gossip
    const ops = this.operations?.address()
    return {
      id: this.config.peer.id,
      peerId: this.libp2p.peerId.toString(),
      pkiId: pkiIdToHex(this.identity.pkiId),
      mspId: this.identity.mspId,
      endpoint: this.discovery.internalEndpoint,
      externalEndpoint: g.externalEndpoint,
      listenAddresses: this.multiaddrs().map(m => m.toString()),
      ...(ops != null ? { operations: `${ops.host}:${ops.port}` } : {}),
      startedAt: this.startedAt.toISOString(),
      connections: this.comm.connectedPeers().map(c => ({
        pkiId: c.pkiIdHex,
        peerId: c.peerId.toString(),
        mspId: c.identity.mspId,
        remoteAddr: c.remoteAddr.toString(),
        direction: c.direction,
        connectedAt: new Date(c.connectedAt).toISOString()
      })),
      members: this.discovery.allMembers().map(m => this.peerInfo(m)),
      channels: Object.fromEntries(Object.entries(this.channels.status()).map(([name, c]) => {
        const orderer = this.deliverClients.get(name)?.endpoint()
        return [name, { ...c, isLeader: this.leadership.isLeader(name), ...(orderer != null ? { orderer } : {}) }]
      }))
    }
  }

  /**
   * Joins a channel: from a Fabric genesis (config) block (its bytes or decoded: committed as block 0, as
   * Fabric does), or from a definition. Opens the channel's ledger. Resolves to the channel's name.
   */
  async joinChannel (source: ChannelDefinition | common.Block | Uint8Array): Promise<string> {
    const genesis = source instanceof Uint8Array ? common.Block.decode(source) : isDefinition(source) ? undefined : source
    const def: ChannelDefinition = genesis != null ? channelFromConfigBlock(genesis) : source as ChannelDefinition
    await this.join({ def, genesis })
    return def.name
  }

  private async join ({ def, genesis }: ChannelJoin): Promise<void> {
    this.channels.join(def)
    await this.ledgers.open(def.name, def.ordererOrgs, genesis)
    this.channelDefs.set(def.name, def)
    this.stateTransfer.addChannel(def.name)
    this.blockPull.addChannel(def.name)
    this.blockPush.addChannel(def.name)
    this.leadership.addChannel(def.name)
  }

  /** Whether this peer is its org's leader in a channel (it receives the channel's blocks from the orderer). */
  isLeader (channel: string): boolean {
    return this.leadership.isLeader(channel)
  }

  /** A leader receives the channel's blocks from the ordering service (its deliver client). */
  private startDeliver (channel: string): void {
    if (this.deliverClients.has(channel)) return
    const dc = this.config.peer.deliveryclient
    const client = new DeliverClient({
      channelId: channel,
      signer: this.identity,
      localPeerId: this.libp2p.peerId,
      maxBlockSize: this.config.peer.gossip.maxMessageSize,
      connTimeout: dc.connTimeout,
      reconnectBackoffThreshold: dc.reConnectBackoffThreshold,
      ports: {
        dial: async (addr, protocol, signal) => await this.libp2p.dialProtocol(addr, protocol, { signal }),
        endpoints: () => (this.channelDefs.get(channel)?.ordererAddresses ?? []).flatMap(a => {
          try { return [parseEndpoint(a, 'orderer address')] } catch { return [] }
        }),
        height: () => this.ledgers.height(channel) ?? 0n,
        deliver: async (seq, bytes) => await this.addPayload(channel, seq, bytes)
      }
    })
    this.deliverClients.set(channel, client)
    client.start()
  }

  private async stopDeliver (channel: string): Promise<void> {
    const client = this.deliverClients.get(channel)
    this.deliverClients.delete(channel)
    await client?.stop()
  }

  /**
   * Takes in a block of a channel as an ordering-service client does (Fabric `AddPayload`): verified, gossiped
   * to the org at once, then committed in order (gossip does not wait for the disk). Throws a
   * `BlockVerificationError` naming the reason when it is refused.
   */
  async addPayload (channel: string, seq: bigint | number, blockBytes: Uint8Array): Promise<'committed' | 'buffered' | 'duplicate'> {
    const n = BigInt(seq)
    if (this.ledgers.has(channel) && this.ledgers.isDuplicate(channel, n)) return 'duplicate'
    const verified = this.ledgers.check(channel, n, blockBytes)
    if (this.channels.isMember(channel)) this.blockPush.gossip(channel, n, blockBytes)
    return await this.takeIn(channel, n, blockBytes, verified)
  }

  /**
   * A block from the orderer or from push: into the ledger, and, when new, into the pull window. A block
   * already verified (push verifies before it forwards) goes to the pull window first, whatever the ledger
   * makes of it (it may be too far ahead of a lagging ledger, and still worth offering to others).
   */
  private async takeIn (channel: string, seq: bigint, bytes: Uint8Array, verified?: common.Block): Promise<'committed' | 'buffered' | 'duplicate'> {
    if (verified != null) this.blockPull.add(channel, seq, bytes)
    const result = await this.ledgers.addPayload(channel, seq, bytes, 'gossip', verified)
    if (result !== 'duplicate' && verified == null) this.blockPull.add(channel, seq, bytes)
    return result
  }

  /** A committed block's bytes (a marshalled `common.Block`), or undefined. */
  async getBlock (channel: string, n: bigint | number): Promise<Uint8Array | undefined> {
    return await this.ledgers.getBlock(channel, BigInt(n))
  }

  /** The number of committed blocks of a channel (Fabric's height). */
  height (channel: string): bigint | undefined {
    return this.ledgers.height(channel)
  }

  /** Leaves a channel (publishes StateInfo with left_channel = true); false when not joined or already left. */
  leaveChannel (name: string): boolean {
    const left = this.channels.leave(name)
    if (left) {
      this.leadership.removeChannel(name)
      this.blockPush.removeChannel(name)
    }
    return left
  }

  /** Alive peers of a channel: of its orgs, with StateInfo, not left (Fabric `PeersOfChannel`). */
  peersOfChannel (name: string): Array<ChannelPeer<NetworkMember>> {
    return this.channels.peersOfChannel(name)
  }

  /**
   * Re-validates the identities this node holds (all, or those matching) against the orgs it trusts now
   * (Fabric `SuspectPeers`): identities that no longer validate (revoked, CA removed, expired) are purged and
   * their connections closed. Returns the purged PKI-IDs (hex).
   */
  suspectPeers (isSuspected?: (identity: PeerIdentity) => boolean): string[] {
    return this.identities.suspectPeers(isSuspected != null ? (id) => isSuspected(id) : undefined)
  }

  /** Sets this peer's ledger height in a channel (its StateInfo). */
  updateLedgerHeight (name: string, height: bigint | number): void {
    this.channels.updateLedgerHeight(name, height)
  }

  /** Sets the chaincodes this peer announces in a channel (its StateInfo). */
  updateChaincodes (name: string, chaincodes: Array<{ name: string, version: string, metadata?: Uint8Array }>): void {
    this.channels.updateChaincodes(name, chaincodes)
  }

  /**
   * The internal endpoint to announce: `peer.gossip.endpoint`, else `peer.address`. A wildcard address
   * (`0.0.0.0:7051` is Fabric's default `peer.address`) is not one a peer can dial: it is replaced by the
   * address libp2p actually listens on; a port 0 by the port it listens on.
   */
  private effectiveEndpoint (): string {
    const configured = internalEndpoint(this.config)
    const hp = endpointHostPort(configured, this.config.peer.gossip.endpoint !== '' ? 'peer.gossip.endpoint' : 'peer.address')
    const wildcard = hp.host === '0.0.0.0' || hp.host === '::' || hp.host === ''
    if (!wildcard && hp.port !== 0) return configured
    const listening = this.multiaddrs().map(m => m.getComponents()).filter(c => c[1]?.name === 'tcp')
    const pick = listening.find(c => c[0].value !== '127.0.0.1' && c[0].value !== '::1') ?? listening[0]
    if (pick == null) return configured
    const host = wildcard ? (pick[0].name === 'ip6' ? `[${pick[0].value ?? ''}]` : (pick[0].value ?? '')) : hp.host
    const port = wildcard || hp.port === 0 ? Number(pick[1].value) : hp.port
    const effective = `${host}:${port}`
    if (effective !== configured) log.info(`announcing internal endpoint ${effective} (configured: ${configured})`)
    return effective
  }

  /** Alive members (Fabric `Peers()`). */
  peers (): PeerInfo[] {
    return this.discovery.members().map(m => this.peerInfo(m))
  }

  /** Sets the metadata this peer publishes in its alive messages (Fabric `UpdateMetadata`). */
  updateMetadata (metadata: Uint8Array): void {
    this.discovery.updateMetadata(metadata)
  }

  private peerInfo (m: NetworkMember): PeerInfo {
    const conn = this.comm.connectedPeer(m.pkiId)
    return {
      pkiId: m.pkiIdHex,
      peerId: conn?.peerId.toString() ?? null,
      mspId: m.mspId,
      endpoint: m.externalEndpoint,
      ...(m.internalEndpoint != null ? { internalEndpoint: m.internalEndpoint } : {}),
      ...(m.metadata.byteLength > 0 ? { metadata: Buffer.from(m.metadata).toString('base64') } : {}),
      alive: m.alive
    }
  }
}

export type { Member }

/**
 * The gossipsub service of `peer.gossip.dissemination: gossipsub`: gossipsub's defaults (D 6, heartbeat 1 s,
 * flood publish), but a 5 s prune backoff (below), blocks are not gossip-signed (the orderer signs them, as in Fabric mode), a peer's score
 * comes from the node (identity, org, channel membership: see block-gossipsub.ts), and peers sharing an IP are
 * not penalised (a permissioned network tells peers apart by their certificates; a local cluster shares one
 * address).
 */
function blockGossipsubService (maxMessageSize: number, gate: ScoreGate): ReturnType<typeof gossipsub> {
  return gossipsub({
    globalSignaturePolicy: 'StrictNoSign',
    allowPublishToZeroTopicPeers: true,
    emitSelf: false,
    // a peer's score follows its StateInfo: one seen before its StateInfo reached us is pruned with this backoff
    // (gossipsub's 1 min would keep it out of the mesh that long after it joined; push and pull still reach it)
    pruneBackoff: 5_000,
    maxInboundDataLength: maxMessageSize + 64 * 1024,
    scoreParams: { appSpecificScore: gate.score, IPColocationFactorWeight: 0 },
    // a barred peer (see block-gossipsub.ts) is never published, forwarded or gossiped to, but its RPCs are
    // still read: its subscriptions are what bars a non-member, and the topic validator refuses its messages
    // (graylisted, a peer seen before its handshake completed would have its subscriptions ignored for good)
    scoreThresholds: { graylistThreshold: -1e12 }
  })
}

