/**
 * Fabric's data path for benchmarks, all in this process over TCP on loopback: an ordering service
 * (`OrdererNode`) and `orgs x peers` gossip nodes joined to one channel from its genesis block, and a client
 * (a stock libp2p node) that broadcasts signed transactions at a steady rate and follows the channel on its
 * own Deliver stream.
 *
 * - {@link createE2eNetwork}: the channel's genesis block (both orgs with peer0 as anchor peer, the orderer
 *   org with the orderer's endpoint, the batch rules), the orderer started, the peers created and joined (not
 *   started), each on a fixed free port that is its listen address, `peer.address` and external endpoint, its
 *   org's peer0 its bootstrap peer (as `test/integration/end-to-end.test.ts` builds them).
 * - {@link Broadcaster}: one Broadcast stream; every envelope's tx ID (hex SHA-256(nonce || creator), as
 *   `createEnvelope` computes it) with the time it was written, and the orderer's answers.
 * - {@link DeliverFollower}: one Deliver stream from a given block on: when each block arrived, its size and
 *   the tx IDs it carries.
 * - {@link SocketBytes}: TCP bytes a libp2p node wrote, per remote peer, from each connection's socket.
 * - {@link transferBytes}: `libp2p_data_transfer_bytes_total` of a node's Prometheus registry, by protocol.
 *
 * The orderer is created before any gossip node, on purpose: `@libp2p/prometheus-metrics` keeps its metrics
 * in a module-global map by name, so only the first libp2p node of a process gets `libp2p_*` metrics in its
 * own registry (see {@link transferBytes}).
 */
import '../../src/shim.js'
import { createHash, randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { testConfig, tmp } from '../../test/helpers/network.js'
import { freePorts } from './cluster.js'
import { GossipNode } from '../../src/node.js'
import { OrdererNode } from '../../src/orderer-node.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { createEnvelope } from '../../src/ledger/block-builder.js'
import { HeaderType, NONCE_SIZE } from '../../src/ledger/constants.js'
import { FrameReader, writeFrames } from '../../src/wire/framing.js'
import { connectionBinding } from '../../src/wire/binding.js'
import { BROADCAST_PROTOCOL, DELIVER_PROTOCOL } from '../../src/wire/protocols.js'
import { common } from '../../src/pb/common.js'
import { orderer } from '../../src/pb/orderer.js'
import type { SigningIdentity } from '../../src/identity/index.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'
import type { RawNode } from '../../test/helpers/raw.js'
import type { Connection, Libp2p, Stream } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { Registry } from 'prom-client'
import type { Socket } from 'node:net'

const MAX_UINT64 = (1n << 64n) - 1n

/** The channel's `Orderer` batch values (configtx.yaml `BatchTimeout`, `BatchSize.MaxMessageCount`). */
export interface BatchRules {
  /** a Go duration: `'250ms'` */
  batchTimeout: string
  maxMessageCount: number
}

export interface E2eNetworkSpec {
  channel: string
  orgs: number
  peersPerOrg: number
  batch: BatchRules
  /** `peer.gossip.*` of every peer; `externalEndpoint` and `bootstrap` are set per peer */
  gossip: Record<string, unknown>
}

export interface E2eNetwork {
  genesis: common.Block
  /** started */
  orderer: OrdererNode
  /** `peers[o][p]`: peer p of org o + 1; created and joined, not started */
  peers: GossipNode[][]
  /** every peer, org by org */
  all: GossipNode[]
  /** Stops the peers, then the orderer. */
  stop(): Promise<void>
}

/** The orderer and the peers of {@link E2eNetworkSpec}; see the module comment. A failure leaves nothing running. */
export async function createE2eNetwork (layout: CryptoLayout, spec: E2eNetworkSpec): Promise<E2eNetwork> {
  const o = layout.ordererOrg
  if (o == null) throw new Error('the layout has no orderer org')
  const [ordererPort, ...peerPorts] = await freePorts(1 + spec.orgs * spec.peersPerOrg)
  const address = (org: number, peer: number): string => `127.0.0.1:${peerPorts[org * spec.peersPerOrg + peer]}`
  const genesis = createGenesisBlock({
    channelId: spec.channel,
    applicationOrgs: layout.orgs.slice(0, spec.orgs).map((org, i) => ({
      mspId: org.mspId, mspDir: org.mspDir, anchorPeers: [{ host: '127.0.0.1', port: peerPorts[i * spec.peersPerOrg] }]
    })),
    ordererOrgs: [{ mspId: o.mspId, mspDir: o.mspDir, endpoints: [`127.0.0.1:${ordererPort}`] }],
    batchTimeout: spec.batch.batchTimeout,
    batchSize: { maxMessageCount: spec.batch.maxMessageCount }
  })
  const dir = await tmp('fgossip-bench-e2e-')
  const genesisFile = join(dir, `${spec.channel}.block`)
  await writeFile(genesisFile, common.Block.encode(genesis))
  const ordererNode = await OrdererNode.create({
    general: { listenAddress: '127.0.0.1', listenPort: ordererPort, localMspDir: o.nodes[0].mspDir, localMspId: o.mspId },
    fileLedger: { location: join(dir, 'orderer') },
    operations: { listenAddress: '127.0.0.1:0' },
    channels: [genesisFile]
  }, { operations: false })
  await ordererNode.start()
  const peers: GossipNode[][] = []
  const stop = async (): Promise<void> => {
    await Promise.all(peers.flat().map(async n => { await n.stop() }))
    await ordererNode.stop()
  }
  try {
    for (let org = 0; org < spec.orgs; org++) {
      peers.push([])
      for (let p = 0; p < spec.peersPerOrg; p++) {
        const a = address(org, p)
        const config = await testConfig(layout, {
          org: org + 1,
          peer: p,
          overrides: { peer: { listenAddress: a, address: a } },
          gossip: { ...spec.gossip, externalEndpoint: a, bootstrap: p === 0 ? [] : [address(org, 0)] }
        })
        const node = await GossipNode.create(config, { operations: false, discovery: true })
        peers[org].push(node)
        await node.joinChannel(genesis)
      }
    }
  } catch (err) {
    await stop()
    throw err
  }
  return { genesis, orderer: ordererNode, peers, all: peers.flat(), stop }
}

/** tx ID of an envelope whose signature header has `nonce` and `creator` (Fabric `protoutil.ComputeTxID`). */
export function txIdOf (nonce: Uint8Array, creator: Uint8Array): string {
  return createHash('sha256').update(nonce).update(creator).digest('hex')
}

/** The tx ID in an envelope's channel header ('' when it is not an envelope with one). */
export function txIdOfEnvelope (envelope: Uint8Array): string {
  try {
    const payload = common.Payload.decode(common.Envelope.decode(envelope).payload)
    return common.ChannelHeader.decode(payload.header?.channelHeader ?? new Uint8Array(0)).txId
  } catch {
    return ''
  }
}

/** Opens a stream of `protocol` from `client` to `addr` (10 s to connect). */
async function open (client: RawNode, addr: Multiaddr, protocol: string): Promise<Stream> {
  return await client.dialProtocol(addr, protocol, { signal: AbortSignal.timeout(10_000) })
}

/**
 * One Broadcast stream from a client: {@link send} signs a fresh envelope and writes it, recording its tx ID
 * and the time; the orderer's answers (one per envelope, in order) are counted as they come.
 */
export class Broadcaster {
  /** tx ID -> performance.now() just before its envelope was written */
  readonly sentAt = new Map<string, number>()
  /** tx IDs in the order sent */
  readonly order: string[] = []
  /** ms from writing to the answer, per answered envelope, in order */
  readonly answerMs: number[] = []
  accepted = 0
  rejected = 0
  readonly rejectedBy: Record<string, number> = {}
  /** bytes of every envelope written (without the length prefix) */
  envelopeBytes = 0
  private readonly stream: Stream
  private readonly signer: SigningIdentity
  private readonly channel: string
  private readonly reading: Promise<void>

  private constructor (stream: Stream, signer: SigningIdentity, channel: string) {
    this.stream = stream
    this.signer = signer
    this.channel = channel
    this.reading = this.read()
  }

  static async open (client: RawNode, addr: Multiaddr, signer: SigningIdentity, channel: string): Promise<Broadcaster> {
    return new Broadcaster(await open(client, addr, BROADCAST_PROTOCOL), signer, channel)
  }

  get answered (): number {
    return this.accepted + this.rejected
  }

  /** Signs one transaction with `data` as its payload and writes it; resolves with its tx ID once written (back-pressure). */
  async send (data: Uint8Array): Promise<string> {
    const nonce = randomBytes(NONCE_SIZE)
    const txId = txIdOf(nonce, this.signer.serialized)
    const env = createEnvelope({ channelId: this.channel, data, signer: this.signer, nonce })
    this.envelopeBytes += env.byteLength
    this.order.push(txId)
    this.sentAt.set(txId, performance.now())
    await writeFrames(this.stream, [env])
    return txId
  }

  private async read (): Promise<void> {
    const reader = new FrameReader(this.stream, { maxFrameSize: 1024 * 1024 })
    try {
      for await (const frame of reader) {
        const now = performance.now()
        const res = orderer.BroadcastResponse.decode(frame)
        const txId = this.order[this.answered]
        this.answerMs.push(now - (this.sentAt.get(txId) ?? now))
        if (res.status === orderer.Status.SUCCESS) {
          this.accepted++
        } else {
          this.rejected++
          this.rejectedBy[res.status] = (this.rejectedBy[res.status] ?? 0) + 1
        }
      }
    } catch {
      // the stream ended
    } finally {
      reader.release()
    }
  }

  async close (): Promise<void> {
    await this.stream.close().catch(() => { this.stream.abort(new Error('broadcast done')) })
    await this.reading
  }
}

/** A block as a Deliver client received it. */
export interface DeliveredBlock {
  number: number
  /** performance.now() when its frame was read */
  at: number
  /** marshalled block bytes */
  bytes: number
  txIds: string[]
}

/**
 * One Deliver stream from a client, from block `from` on (BLOCK_UNTIL_READY, as a peer's deliver client
 * asks): every block's arrival time, size and tx IDs, by number.
 */
export class DeliverFollower {
  readonly blocks = new Map<number, DeliveredBlock>()
  /** DeliverResponse frames' bytes read (block bytes plus the response's few bytes) */
  frameBytes = 0
  private readonly stream: Stream
  private readonly reading: Promise<void>
  private error: Error | undefined

  private constructor (stream: Stream) {
    this.stream = stream
    this.reading = this.read()
  }

  static async open (client: RawNode, addr: Multiaddr, signer: SigningIdentity, channel: string, from: bigint): Promise<DeliverFollower> {
    const stream = await open(client, addr, DELIVER_PROTOCOL)
    const seek = orderer.SeekInfo.encode({
      start: { specified: { number: from } },
      stop: { specified: { number: MAX_UINT64 } },
      behavior: orderer.SeekInfo.SeekBehavior.BLOCK_UNTIL_READY,
      errorResponse: orderer.SeekInfo.SeekErrorResponse.STRICT,
      contentType: orderer.SeekInfo.SeekContentType.BLOCK
    })
    await writeFrames(stream, [createEnvelope({ channelId: channel, type: HeaderType.DELIVER_SEEK_INFO, data: seek, signer, tlsCertHash: connectionBinding(client.peerId) })])
    return new DeliverFollower(stream)
  }

  /** The deliver stream's failure, if it ended with one. */
  failure (): Error | undefined {
    return this.error
  }

  private async read (): Promise<void> {
    const reader = new FrameReader(this.stream, { maxFrameSize: 128 * 1024 * 1024 })
    try {
      for await (const frame of reader) {
        const at = performance.now()
        this.frameBytes += frame.byteLength
        const res = orderer.DeliverResponse.decode(frame)
        if (res.block == null) { this.error = new Error(`deliver ended: ${res.status ?? 'no status'}`); return }
        const block = common.Block.decode(res.block)
        const number = Number(block.header?.number ?? -1n)
        this.blocks.set(number, { number, at, bytes: res.block.byteLength, txIds: (block.data?.data ?? []).map(txIdOfEnvelope) })
      }
    } catch (err) {
      this.error = err as Error
    } finally {
      reader.release()
    }
  }

  async close (): Promise<void> {
    this.stream.abort(new Error('deliver done'))
    await this.reading
  }
}

/** The TCP socket under a libp2p connection (`Connection.maConn.socket`, an internal of @libp2p/tcp, read only). */
function socketOf (connection: Connection): Socket | undefined {
  const s = (connection as unknown as { maConn?: { socket?: unknown } }).maConn?.socket
  return s != null && typeof (s as Socket).bytesWritten === 'number' ? s as Socket : undefined
}

/**
 * TCP bytes a libp2p node writes (Noise, yamux and every protocol included), by remote PeerId: the sockets
 * of its connections open at {@link begin} and of those opened after, until {@link end}. NaN when the
 * socket cannot be found (the transport's internals changed).
 */
export class SocketBytes {
  private readonly node: Pick<Libp2p, 'getConnections' | 'addEventListener' | 'removeEventListener'>
  private tracked: Array<{ peer: string, socket: Socket, base: number }> = []
  private missing = 0
  private readonly onOpen = (evt: CustomEvent<Connection>): void => { this.track(evt.detail, 0) }

  constructor (node: Pick<Libp2p, 'getConnections' | 'addEventListener' | 'removeEventListener'>) {
    this.node = node
  }

  begin (): void {
    this.tracked = []
    this.missing = 0
    for (const c of this.node.getConnections()) {
      const s = socketOf(c)
      this.track(c, s?.bytesWritten ?? 0)
    }
    this.node.addEventListener('connection:open', this.onOpen)
  }

  /** Bytes written since {@link begin}, by remote PeerId (string). */
  end (): Map<string, number> {
    this.node.removeEventListener('connection:open', this.onOpen)
    const out = new Map<string, number>()
    for (const t of this.tracked) out.set(t.peer, (out.get(t.peer) ?? 0) + t.socket.bytesWritten - t.base)
    if (this.missing > 0) for (const k of out.keys()) out.set(k, Number.NaN)
    return out
  }

  private track (c: Connection, base: number): void {
    const socket = socketOf(c)
    if (socket == null) { this.missing++; return }
    this.tracked.push({ peer: c.remotePeer.toString(), socket, base })
  }
}

/**
 * `libp2p_data_transfer_bytes_total` of a registry by its `protocol` label (`global sent`: every byte the
 * node's connections wrote, encrypted; `<protocol> sent`: what its streams of that protocol were given), or
 * undefined when the registry does not have it: `@libp2p/prometheus-metrics` registers a metric once per
 * process (a module-global map by name), in the registry of the first libp2p node created.
 */
export async function transferBytes (registry: Registry): Promise<Record<string, number> | undefined> {
  const m = registry.getSingleMetric('libp2p_data_transfer_bytes_total')
  if (m == null) return undefined
  const out: Record<string, number> = {}
  for (const v of (await m.get()).values) {
    const key = String(v.labels.protocol ?? '')
    out[key] = (out[key] ?? 0) + v.value
  }
  return out
}

/** A counter's values in a registry by one label's value (all of it under '' when unlabelled); {} when absent. */
export async function counterByLabel (registry: Registry, name: string, label: string): Promise<Record<string, number>> {
  const m = registry.getSingleMetric(name)
  const out: Record<string, number> = {}
  if (m == null) return out
  for (const v of (await m.get()).values) {
    const key = String(v.labels[label] ?? '')
    out[key] = (out[key] ?? 0) + v.value
  }
  return out
}

/** The sum and count of a histogram without labels (`<name>_sum`, `<name>_count`); zeros when absent. */
export async function histogramSumCount (registry: Registry, name: string): Promise<{ sum: number, count: number }> {
  const m = registry.getSingleMetric(name)
  const out = { sum: 0, count: 0 }
  if (m == null) return out
  for (const v of (await m.get()).values as Array<{ value: number, metricName?: string }>) {
    if (v.metricName === `${name}_sum`) out.sum += v.value
    else if (v.metricName === `${name}_count`) out.count += v.value
  }
  return out
}

/**
 * Fabric's push inside one org, simulated: the leader sends each block to `fanout` peers of its org chosen at
 * random; every peer that gets it for the first time forwards it once to `fanout` peers of the org other
 * than itself and its sender. Returns the block messages each peer receives per block, on average over the
 * org's `peers` (the leader included).
 */
export function pushMessagesPerPeer (peers: number, fanout: number, trials: number, random: () => number = Math.random): number {
  let messages = 0
  const got = new Uint8Array(peers)
  for (let t = 0; t < trials; t++) {
    got.fill(0)
    got[0] = 1
    const queue: Array<[number, number]> = [[0, -1]]
    while (queue.length > 0) {
      const [p, from] = queue.pop() as [number, number]
      const pool: number[] = []
      for (let q = 0; q < peers; q++) if (q !== p && q !== from) pool.push(q)
      for (let i = 0; i < Math.min(fanout, pool.length); i++) {
        const j = i + Math.floor(random() * (pool.length - i))
        ;[pool[i], pool[j]] = [pool[j], pool[i]]
        const q = pool[i]
        messages++
        if (got[q] === 0) { got[q] = 1; queue.push([q, p]) }
      }
    }
  }
  return messages / (trials * peers)
}
