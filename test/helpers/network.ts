/**
 * The integration-test builder: MSP material made once per test process, and real gossip nodes (libp2p over
 * TCP on loopback) made from it. Tests wait for conditions with `waitFor`, never for fixed times.
 */
import '../../src/shim.js'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateCryptoMaterial, type CryptoLayout } from '../../src/identity/cryptogen.js'
import { loadConfig, type NodeConfig } from '../../src/config/index.js'
import { GossipNode } from '../../src/node.js'
import { setLogLevel } from '../../src/logging.js'
import { freePort } from '../../src/cli/ports.js'
import type { common } from '../../src/pb/common.js'

setLogLevel(process.env.FABRIC_LOGGING_SPEC ?? 'error')

const tmpDirs: string[] = []

/** A fresh temporary folder, removed by `cleanupTmp()`. */
export async function tmp (prefix = 'fgossip-test-'): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), prefix))
  tmpDirs.push(d)
  return d
}

export async function cleanupTmp (): Promise<void> {
  await Promise.all(tmpDirs.splice(0).map(async d => { await rm(d, { recursive: true, force: true }) }))
}

const layouts = new Map<string, Promise<CryptoLayout>>()

/** MSP material (default 2 orgs x 3 peers with an orderer org), generated once per test process and shape. */
export async function testCrypto (shape: { orgs?: number, peers?: number } = {}): Promise<CryptoLayout> {
  const orgs = shape.orgs ?? 2
  const peers = shape.peers ?? 3
  const key = `${orgs}x${peers}`
  let layout = layouts.get(key)
  if (layout == null) {
    layout = (async () => await generateCryptoMaterial({ out: await tmp('fgossip-crypto-'), orgs, peers, orderer: true, tls: false }))()
    layouts.set(key, layout)
  }
  return await layout
}

/**
 * Gossip timings for tests: Fabric's relations between them, at a fraction of the time (alive 250 ms,
 * expiration 5 s (20 alive intervals: room for a loaded test machine), reconnect 500 ms, pull 1 s).
 */
export const FAST_GOSSIP = {
  aliveTimeInterval: 250,
  aliveExpirationTimeout: 5000,
  reconnectInterval: 500,
  pullInterval: 1000,
  digestWaitTime: 200,
  requestWaitTime: 300,
  responseWaitTime: 400,
  publishStateInfoInterval: 250,
  requestStateInfoInterval: 500,
  maxConnectionAttempts: 40
}

export interface TestNodeOptions {
  /** 1-based org number. */
  org: number
  /** 0-based peer number within the org. */
  peer: number
  /** Orgs (1-based) whose MSP this node trusts besides its own; default: every org of the layout. */
  knownOrgs?: number[]
  /** MSP folder and ID to sign with instead of the layout's peer (e.g. a rogue identity). */
  msp?: { dir: string, mspId: string }
  /** Config overrides (deep-partial, core.yaml key layout). */
  overrides?: Record<string, unknown>
  operations?: boolean
  /** Run discovery; off for tests of the comm layer alone. @default true */
  discovery?: boolean
  /** `peer.gossip.*` values (e.g. `FAST_GOSSIP`, `bootstrap`). */
  gossip?: Record<string, unknown>
}

/** Builds the config of a test node: ephemeral ports on loopback, a fresh data folder. */
export async function testConfig (layout: CryptoLayout, opts: TestNodeOptions): Promise<NodeConfig> {
  const org = layout.orgs[opts.org - 1]
  const peer = org.nodes[opts.peer]
  const known = (opts.knownOrgs ?? layout.orgs.map((_, i) => i + 1)).filter(n => n !== opts.org)
  const overrides = opts.overrides ?? {}
  const peerOverrides = (overrides.peer ?? {}) as Record<string, unknown>
  return loadConfig({
    overrides: {
      ...overrides,
      peer: {
        id: peer.name,
        localMspId: opts.msp?.mspId ?? org.mspId,
        mspConfigPath: opts.msp?.dir ?? peer.mspDir,
        fileSystemPath: await tmp('fgossip-data-'),
        listenAddress: '127.0.0.1:0',
        knownMsps: known.map(n => ({ mspId: layout.orgs[n - 1].mspId, path: layout.orgs[n - 1].mspDir })),
        ...peerOverrides,
        gossip: { ...(opts.gossip ?? {}), ...(peerOverrides.gossip as Record<string, unknown> ?? {}) }
      },
      operations: { listenAddress: '127.0.0.1:0' }
    } as never
  })
}

/** A started node. */
export async function startNode (layout: CryptoLayout, opts: TestNodeOptions): Promise<GossipNode> {
  const node = await GossipNode.create(await testConfig(layout, opts), { operations: opts.operations ?? false, discovery: opts.discovery ?? true })
  await node.start()
  return node
}

/** Starts `n` nodes spread over `orgs` orgs (round robin). */
export async function createTestNetwork (n: number, orgs: number, opts: Omit<TestNodeOptions, 'org' | 'peer'> = {}): Promise<GossipNode[]> {
  const layout = await testCrypto()
  const nodes: GossipNode[] = []
  for (let i = 0; i < n; i++) nodes.push(await startNode(layout, { ...opts, org: (i % orgs) + 1, peer: Math.floor(i / orgs) }))
  return nodes
}

/**
 * Starts `count` peers of `org` (the layout's peers 0..count-1), each on a free loopback port that is also its
 * address, peer0 the bootstrap peer of the others; each joins the channel of `genesis` once started, and then
 * every one is waited for until it sees the other count - 1 in the channel. Each node goes into `into` as soon
 * as it is started, so that the caller's `stopAll(into)` stops them whatever fails.
 */
export async function startChannelPeers (layout: CryptoLayout, into: GossipNode[], opts: {
  count: number
  genesis: common.Block
  /** `peer.gossip.*` values; `bootstrap` is set here */
  gossip?: Record<string, unknown>
  /** @default 1 */
  org?: number
  /** ms to wait for full channel views. @default 30_000 */
  viewTimeout?: number
}): Promise<GossipNode[]> {
  const ports = await Promise.all(Array.from({ length: opts.count }, async () => await freePort()))
  const nodes: GossipNode[] = []
  let channel = ''
  for (const [i, port] of ports.entries()) {
    const n = await startNode(layout, {
      org: opts.org ?? 1,
      peer: i,
      overrides: { peer: { listenAddress: `127.0.0.1:${port}`, address: `127.0.0.1:${port}` } },
      gossip: { ...opts.gossip, bootstrap: i === 0 ? [] : [`127.0.0.1:${ports[0]}`] }
    })
    into.push(n)
    nodes.push(n)
    channel = await n.joinChannel(opts.genesis)
  }
  for (const n of nodes) await waitFor(() => n.peersOfChannel(channel).length === opts.count - 1, `${n.config.peer.id} sees the ${opts.count - 1} others in ${channel}`, opts.viewTimeout ?? 30_000)
  return nodes
}

export async function stopAll (nodes: GossipNode[]): Promise<void> {
  await Promise.all(nodes.map(async n => { await n.stop() }))
}

/** Waits until `cond` holds (polling), failing with `message` after `timeout` ms. */
export async function waitFor (cond: () => boolean | Promise<boolean>, message: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout
  for (;;) {
    if (await cond()) return
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${message}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

/** The value of a metric in a node's registry (a counter, or one label value of a counter group). */
export async function metric (node: GossipNode, name: string, labels: Record<string, string> = {}): Promise<number> {
  const m = node.registry.getSingleMetric(name)
  if (m == null) return 0
  const data = await m.get()
  let sum = 0
  for (const v of data.values) {
    if (Object.entries(labels).every(([k, val]) => v.labels[k] === val)) sum += v.value
  }
  return sum
}
