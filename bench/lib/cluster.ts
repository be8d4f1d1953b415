/**
 * Clusters of gossip nodes for benchmarks, all in this process over TCP on loopback: `orgs x peers` nodes
 * with fixed ports and external endpoints, each org's peer0 its bootstrap peer (as the integration tests
 * build them), created first and started together; and a traffic meter that attributes every frame to the
 * node that sent it.
 *
 * Bytes sent, two ways:
 * - gossip frames: every node subscribes to all it receives; a frame's size is its length prefix plus the
 *   marshalled envelope (payload, signature, secret envelope), counted for its sender. Every receiver is in
 *   this process, so the sum over receivers is what each sender wrote (frames dropped before decoding, and
 *   handshakes, are not in it).
 * - TCP: `socket.bytesWritten` of each connection's socket (libp2p keeps it at `Connection.maConn.socket`,
 *   an internal of @libp2p/tcp, read only): Noise, yamux, identify, ping and the handshakes included. When
 *   the internals change and the socket cannot be found, the TCP figure is reported as unavailable (NaN).
 */
import '../../src/shim.js'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { createServer, type Server, type Socket } from 'node:net'
import * as varint from 'uint8-varint'
import { testConfig, testCrypto } from '../../test/helpers/network.js'
import { GossipNode } from '../../src/node.js'
import { encodeEnvelope } from '../../src/wire/envelope.js'
import type { ChannelDefinition } from '../../src/channels/channel-config.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'
import type { ReceivedMessage } from '../../src/comm/index.js'
import type { Connection } from '@libp2p/interface'

export interface ClusterNode {
  node: GossipNode
  /** 1-based org */
  org: number
  /** 0-based peer within the org */
  peer: number
  /** `127.0.0.1:<port>`: listen address, peer.address and external endpoint */
  address: string
}

export interface ClusterSpec {
  orgs: number
  peersPerOrg: number
  /** `peer.gossip.*` values (timings...); `externalEndpoint` and `bootstrap` are set per node. */
  gossip: Record<string, unknown>
  /** Every node joins these before it starts (their anchor peers are contacted at start). */
  channels?: (addresses: string[][]) => ChannelDefinition[]
}

/** MSP material for `orgs x peers` (generated once per process and shape). */
export async function clusterLayout (orgs: number, peers: number): Promise<CryptoLayout> {
  return await testCrypto({ orgs, peers })
}

/**
 * A channel of the layout's orgs (1-based), built as the integration tests build it: each org's root CA and
 * its anchor peers (`host:port`).
 */
export function channelOf (layout: CryptoLayout, name: string, orgs: number[], anchors: Record<number, string[]> = {}): ChannelDefinition {
  return {
    name,
    ordererOrgs: [],
    orgs: orgs.map(n => ({
      mspId: layout.orgs[n - 1].mspId,
      mspType: 'fabric' as const,
      rootCerts: [readFileSync(layout.orgs[n - 1].caCertPath)],
      intermediateCerts: [],
      anchorPeers: (anchors[n] ?? []).map(a => { const [host, port] = a.split(':'); return { host, port: Number(port) } })
    }))
  }
}

/** `n` distinct free TCP ports on loopback (all held open together, so none is handed out twice). */
export async function freePorts (n: number): Promise<number[]> {
  const servers: Server[] = []
  try {
    for (let i = 0; i < n; i++) {
      const s = createServer()
      servers.push(s)
      await new Promise<void>((resolve, reject) => { s.once('error', reject); s.listen(0, '127.0.0.1', resolve) })
    }
    return servers.map(s => { const a = s.address(); return typeof a === 'object' && a != null ? a.port : 0 })
  } finally {
    await Promise.all(servers.map(async s => { await new Promise(resolve => s.close(resolve)) }))
  }
}

/**
 * Creates (does not start) the nodes of a cluster: peer `p` of org `o` listens on a free loopback port that
 * is also its external endpoint; its bootstrap peer is its org's peer0 (peer0 itself has none).
 */
export async function createCluster (layout: CryptoLayout, spec: ClusterSpec): Promise<ClusterNode[]> {
  const ports = await freePorts(spec.orgs * spec.peersPerOrg)
  const addresses: string[][] = []
  for (let o = 0; o < spec.orgs; o++) addresses.push(ports.slice(o * spec.peersPerOrg, (o + 1) * spec.peersPerOrg).map(p => `127.0.0.1:${p}`))
  const channels = spec.channels?.(addresses) ?? []
  const specs = addresses.flatMap((row, o) => row.map((address, p) => ({ org: o + 1, peer: p, address })))
  return await Promise.all(specs.map(async s => {
    const config = await testConfig(layout, {
      org: s.org,
      peer: s.peer,
      overrides: { peer: { listenAddress: s.address, address: s.address } },
      gossip: { ...spec.gossip, externalEndpoint: s.address, bootstrap: s.peer === 0 ? [] : [addresses[s.org - 1][0]] }
    })
    const node = await GossipNode.create(config, { operations: false, discovery: true })
    for (const def of channels) node.joinChannel(def)
    return { node, ...s }
  }))
}

export interface StartTimes {
  /** performance.now() when the first start() was called */
  t0: number
  /** performance.now() when each node's start() resolved (in cluster order) */
  started: number[]
  /** when the last start() resolved */
  last: number
  /** last - t0: how far apart the starts were */
  spread: number
}

/** Starts every node at once (all start() calls in one turn of the event loop). */
export async function startCluster (nodes: readonly ClusterNode[]): Promise<StartTimes> {
  const t0 = performance.now()
  const started = await Promise.all(nodes.map(async n => { await n.node.start(); return performance.now() }))
  const last = Math.max(...started)
  return { t0, started, last, spread: last - t0 }
}

export async function stopCluster (nodes: readonly ClusterNode[]): Promise<void> {
  await Promise.all(nodes.map(async n => { await n.node.stop() }))
}

/**
 * Polls `cond` every `pollMs` until it holds; resolves with performance.now() of the first poll it held on.
 * Rejects after `timeoutMs`.
 */
export async function pollUntil (cond: () => boolean, what: string, timeoutMs: number, pollMs = 5): Promise<number> {
  const deadline = performance.now() + timeoutMs
  for (;;) {
    const now = performance.now()
    if (cond()) return now
    if (now > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, pollMs))
  }
}

/** One sender's traffic: frames and bytes by message kind. */
export interface KindCount { frames: number, bytes: number }

export interface TrafficSnapshot {
  /** ms the window lasted */
  ms: number
  /** per node (cluster order): gossip frames by kind, as received by every other node */
  sent: Array<Map<string, KindCount>>
  /** per node: TCP bytes written on all its connections (NaN when unavailable) */
  tcpBytes: number[]
  /** per node: libp2p connections opened during the window */
  connectionsOpened: number[]
  /** per node: alive frames it sent about itself (its own heartbeats; the rest of its alive frames are forwards) */
  ownAlive: number[]
}

interface TrackedSocket { owner: number, socket: Socket, base: number }

/** The TCP socket under a libp2p connection, when @libp2p/tcp keeps it where it does today. */
function socketOf (connection: Connection): Socket | undefined {
  const s = (connection as unknown as { maConn?: { socket?: unknown } }).maConn?.socket
  return s != null && typeof (s as Socket).bytesWritten === 'number' ? s as Socket : undefined
}

/**
 * Counts what every node of a cluster sends: gossip frames (by the receivers, attributed to their sender)
 * and TCP bytes (by each connection's socket). `begin()` opens a window, `end()` closes it and returns it.
 */
export class TrafficMeter {
  private readonly nodes: readonly ClusterNode[]
  private readonly indexOf = new Map<string, number>()
  private readonly unsubscribes: Array<() => void> = []
  private sent: Array<Map<string, KindCount>> = []
  private sockets: TrackedSocket[] = []
  private opened: number[] = []
  private ownAlive: number[] = []
  private t0 = 0
  private counting = false
  /** alive frames seen in windows, by kind of content: for message sizes */
  readonly aliveSizes = { withSecret: [] as number[], withoutSecret: [] as number[], withIdentity: [] as number[] }

  constructor (nodes: readonly ClusterNode[]) {
    this.nodes = nodes
    nodes.forEach((n, i) => { this.indexOf.set(Buffer.from(n.node.identity.pkiId).toString('hex'), i) })
    for (const [i, n] of nodes.entries()) {
      this.unsubscribes.push(n.node.comm.subscribe(() => this.counting, m => { this.count(m) }))
      const onOpen = (evt: CustomEvent<Connection>): void => {
        if (!this.counting) return
        this.opened[i]++
        const socket = socketOf(evt.detail)
        if (socket != null) this.sockets.push({ owner: i, socket, base: 0 })
      }
      n.node.libp2p.addEventListener('connection:open', onOpen)
      this.unsubscribes.push(() => { n.node.libp2p.removeEventListener('connection:open', onOpen) })
    }
  }

  private count (m: ReceivedMessage): void {
    const from = this.indexOf.get(m.sender.pkiIdHex)
    if (from == null) return
    const envelopeBytes = encodeEnvelope(m.envelope).byteLength
    const bytes = varint.encodingLength(envelopeBytes) + envelopeBytes
    const byKind = this.sent[from]
    const k = byKind.get(m.kind) ?? { frames: 0, bytes: 0 }
    k.frames++
    k.bytes += bytes
    byKind.set(m.kind, k)
    if (m.kind === 'aliveMsg') {
      const origin = m.message.aliveMsg?.membership?.pkiId
      if (origin != null && Buffer.from(origin).toString('hex') === m.sender.pkiIdHex) this.ownAlive[from]++
      if ((m.message.aliveMsg?.identity.byteLength ?? 0) > 0) this.aliveSizes.withIdentity.push(bytes)
      else if (m.envelope.secretEnvelope != null) this.aliveSizes.withSecret.push(bytes)
      else this.aliveSizes.withoutSecret.push(bytes)
    }
  }

  /** Opens a window: counts from now. */
  begin (): void {
    this.sent = this.nodes.map(() => new Map())
    this.opened = this.nodes.map(() => 0)
    this.ownAlive = this.nodes.map(() => 0)
    this.sockets = []
    for (const [i, n] of this.nodes.entries()) {
      for (const c of n.node.libp2p.getConnections()) {
        const socket = socketOf(c)
        if (socket != null) this.sockets.push({ owner: i, socket, base: socket.bytesWritten })
      }
    }
    this.t0 = performance.now()
    this.counting = true
  }

  /** Closes the window. */
  end (): TrafficSnapshot {
    const ms = performance.now() - this.t0
    this.counting = false
    const tcpBytes = this.nodes.map(() => 0)
    for (const s of this.sockets) tcpBytes[s.owner] += s.socket.bytesWritten - s.base
    const anySocket = this.sockets.length > 0
    return { ms, sent: this.sent, tcpBytes: anySocket ? tcpBytes : tcpBytes.map(() => Number.NaN), connectionsOpened: this.opened, ownAlive: this.ownAlive }
  }

  stop (): void {
    this.counting = false
    for (const u of this.unsubscribes.splice(0)) u()
  }
}

/** Total frames and bytes of one node's map, optionally of some kinds only. */
export function totalOf (byKind: Map<string, KindCount>, kinds?: readonly string[]): KindCount {
  let frames = 0
  let bytes = 0
  for (const [kind, c] of byKind) {
    if (kinds != null && !kinds.includes(kind)) continue
    frames += c.frames
    bytes += c.bytes
  }
  return { frames, bytes }
}
