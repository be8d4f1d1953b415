/**
 * Dissemination at scale (issue 7), in one process over TCP on loopback: N = 10, 25, 50, 100 peers of one org
 * in one channel; peer0 takes in blocks (valid, chained, orderer-signed) with `addPayload` at a fixed rate; per
 * block, the time until every peer has committed it (p50, p99, max), and the bytes and block messages each peer
 * received per block. Three modes, each on a cluster of its own:
 *
 * - `fabric`: Fabric's behaviour with core.yaml's defaults (`FABRIC_BEHAVIOUR`: push to 3 peers, forward once,
 *   the emitter's 10 ms ticker, pull every 4 s, one state request at a time, no early gap request);
 * - `ours`: this project's defaults (the same push, plus `eagerFlush`, `gapRequestDelay` 100 ms, parallel state
 *   requests);
 * - `gossipsub`: `peer.gossip.dissemination: gossipsub` (gossipsub's defaults: D 6, flood publish).
 *
 * Floor: one libp2p hop of the same block (peer0's addPayload -> peer1 committed: send, decode, verify, commit;
 * measured in the `ours` cluster, in a channel only those two joined) times the depth of an ideal tree of
 * fan-out 3 over N peers.
 *
 * Bytes: what the whole process read from its sockets (`rchar` of /proc/self/io: every byte a node receives is
 * read once; the ledgers are written, not read) during the blocks, minus what it read in an idle window of the
 * same length just before (membership, StateInfo), per peer per block: TCP payload with Noise and yamux framing.
 * Block messages: DataMessages received by push (Fabric modes; gossipsub hides its duplicates).
 *
 * Sizes: 10 KB blocks, 200 (quick: 20), one every max(100 ms, 4 ms x N) up to N = 25, 10 ms x N beyond; 1 MB
 * blocks, 30 (quick: 3), one every max(500 ms, 100 ms x N) up to N = 25, 200 ms x N beyond (see
 * smallIntervalMs: one process must not saturate). Alive and StateInfo
 * timings depend on N (gossipTimings); the pull interval and everything else that moves blocks keep their
 * defaults. `BENCH_N=10,25` limits the Ns, `BENCH_MODES=ours,gossipsub` the modes.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { figure, quantile as interpolated, type BenchContext, type Benchmark, type ChartSpec, type Figure, type Section } from './lib/harness.js'
import { cleanupTmp } from './lib/nodes.js'
import { pollUntil } from './lib/cluster.js'
import { buildChain, channelGenesis, CommitTimes, createOrgPeers, ordererSigner, type BlockChain, type OrgPeer } from './lib/blocks.js'
import { metric, testCrypto } from '../test/helpers/network.js'
import { FABRIC_BEHAVIOUR } from '../src/config/index.js'
import type { BlockGossipsub } from '../src/channels/block-gossipsub.js'
import type { GossipNode } from '../src/node.js'
import type { CryptoLayout } from '../src/identity/cryptogen.js'

const MODES = ['ours', 'gossipsub', 'fabric'] as const
type Mode = typeof MODES[number]
const MODE_LABEL: Record<Mode, string> = { fabric: 'Fabric defaults', ours: 'this project', gossipsub: 'gossipsub' }
const FANOUT = 3
const SMALL = 10_000
const LARGE = 1_000_000
const CHANNELS = { small: 'small', large: 'large', hopSmall: 'hopsmall', hopLarge: 'hoplarge' } as const

/**
 * `peer.gossip.*` of every node at N peers: alive messages and StateInfo. All nodes share one event loop, and
 * the work of membership grows as N^2 (N nodes, each checking O(N) alive and StateInfo messages a round):
 * measured here, 25 nodes with alive messages every 1.25 s keep the event loop at 0.72 idle (0.29 at Fabric's
 * 5 s), and blocks then queue behind membership. So: a second at N = 10 (the network forms fast), Fabric's
 * 5 s at N = 25, slower rounds beyond (x 2 at N = 50, x 5 at 100). The pull
 * interval and everything else that moves blocks keep their defaults.
 */
function gossipTimings (n: number): Record<string, number> {
  const alive = n <= 10 ? 1000 : n <= 25 ? 5000 : n <= 50 ? 10_000 : 25_000
  // forming a full mesh of 50 keeps the event loop busy for minutes (1,225 Noise and gossip handshakes): Fabric's
  // dial and handshake timeouts (3 s, 2 s) then expire on live peers, which are declared dead and redialled
  const slow = n > 25 ? 4 : 1
  return {
    dialTimeout: 3000 * slow,
    connTimeout: 2000 * slow,
    aliveTimeInterval: alive,
    aliveExpirationTimeout: 20 * alive,
    reconnectInterval: 2000,
    publishStateInfoInterval: alive,
    requestStateInfoInterval: alive
  }
}

const MODE_GOSSIP: Record<Mode, Record<string, unknown>> = {
  fabric: { ...FABRIC_BEHAVIOUR.peer.gossip },
  ours: {},
  gossipsub: { dissemination: 'gossipsub' }
}

interface Params { ns: number[], smallBlocks: number, smallIntervalMs: number, largeBlocks: number, hopSmall: number, hopLarge: number, warmup: number }
const FULL: Params = { ns: [10, 25, 50, 100], smallBlocks: 200, smallIntervalMs: 100, largeBlocks: 30, hopSmall: 40, hopLarge: 10, warmup: 5 }
const QUICK: Params = { ns: [10], smallBlocks: 20, smallIntervalMs: 100, largeBlocks: 3, hopSmall: 10, hopLarge: 3, warmup: 2 }
/**
 * Blocks are sent at a fixed rate per N, lowered as N grows: all N peers share this process's event loop, and
 * what it has to do per block grows with N (each peer receives, decrypts, verifies and commits it). At 10 KB
 * blocks every 100 ms and 1 MB blocks every 25 ms x N, N = 25 saturated it (1 MB: 25 peers x 3 copies x 1.6
 * blocks/s = 120 MB/s through Noise, and blocks queued for 13 s in every mode), which measures the machine, not
 * the dissemination. The rates below keep the work per second about that of N = 10 at 10/s and 1/s up to
 * N = 25; beyond, slower still: at N = 50, 10 KB every 200 ms kept this project's mode at 116% of a core (event
 * loop 1.0: blocks queue), every 500 ms at 0.81-0.86, and 1 MB every 10 s at 0.70-0.79 (membership and StateInfo
 * of 50 peers take half a core idle). So 10 ms x N and 200 ms x N there.
 */
const smallIntervalMs = (n: number, p: Params): number => n <= 25 ? Math.max(p.smallIntervalMs, 4 * n) : 10 * n
const largeIntervalMs = (n: number): number => n <= 25 ? Math.max(500, 100 * n) : 200 * n
/** Nodes started together, and the pause between waves. */
const WAVE = 10
const WAVE_GAP_MS = 2000
/** How long a cluster may take to form its channel views before its N is given up. */
const FORM_TIMEOUT_MS = 600_000
/** How long the floor's two peers may take to see each other in their channel. */
const HOP_VIEWS_TIMEOUT_MS = 180_000
/** How long after the last block every peer has to commit every block (then the rest count as never). */
const DRAIN_MS = 60_000

/** The harness's quantile, where a never-committed block (Infinity) makes any quantile it reaches Infinity. */
function quantile (xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b)
  const pos = (s.length - 1) * q
  if (s.length > 0 && !Number.isFinite(s[Math.ceil(pos)])) return Infinity
  return interpolated(xs, q)
}
const sleep = async (ms: number): Promise<void> => { if (ms > 0) await new Promise(resolve => setTimeout(resolve, ms)) }
const round = (x: number): number => Number.isFinite(x) ? Number(x.toPrecision(4)) : x


/** Bytes this process has read through read(2) and friends (sockets included). */
function readBytes (): number {
  const m = /rchar:\s*(\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))
  return m == null ? Number.NaN : Number(m[1])
}

/** Depth of an ideal tree of fan-out k holding n nodes (the root is depth 0). */
export function treeDepth (n: number, k: number): number {
  let depth = 0
  let level = 1
  let total = 1
  while (total < n) { level *= k; total += level; depth++ }
  return depth
}

/** Takes in blocks first..first+count-1 at `origin`, one every intervalMs from fixed due times; when each was added. */
async function addAtRate (origin: GossipNode, channel: string, chain: BlockChain, first: number, count: number, intervalMs: number): Promise<number[]> {
  const added: number[] = []
  const t0 = performance.now() + intervalMs
  for (let i = 0; i < count; i++) {
    await sleep(t0 + i * intervalMs - performance.now())
    added.push(performance.now())
    const seq = first + i
    const result = await origin.addPayload(channel, seq, chain.bytes[seq - 1])
    if (result !== 'committed') throw new Error(`block ${seq} of ${channel} at the origin: ${result}`)
  }
  return added
}

interface SizeRun {
  /** per measured block: addPayload -> all committed (Infinity: some peer had not by the deadline) */
  allMs: number[]
  /** (peer, block) pairs not committed by the deadline */
  missing: number
  /** socket bytes read per peer per block (idle rate removed) */
  bytesPerPeerBlock: number
  /** block DataMessages received by push per peer per block (NaN in gossipsub mode) */
  msgsPerPeerBlock: number
  /** blocks brought by pull or state transfer, all peers */
  repaired: number
  /** of `repaired`: blocks of pull updates (the rest came in state responses) */
  pulled: number
  /** blocks asked of their announcer (`announceWait` over), all peers */
  askedAnnouncer: number
  /** sends that failed (stream or connection broken: what was being written or queued is lost), all peers */
  sendFailures: number
  elu: number
  intervalMs: number
  blockBytes: number
}

interface ModeRun { n: number, mode: Mode, formedMs: number, small: SizeRun, large: SizeRun, hop?: { small: number[], large: number[] } }

async function measureSize (nodes: GossipNode[], channel: string, chain: BlockChain, count: number, warmup: number, intervalMs: number): Promise<SizeRun> {
  const n = nodes.length
  const everyone = nodes.map((_, k) => k)
  const last = warmup + count
  const commits = new CommitTimes(nodes, channel, last)
  await addAtRate(nodes[0], channel, chain, 1, warmup, intervalMs)
  await pollUntil(() => commits.allCommitted(warmup, everyone) > 0, `${channel} warm-up`, 120_000, 10)
  await sleep(500)
  let pushed = 0
  let repaired = 0
  let pulled = 0
  let counting = false
  const name = new TextEncoder().encode(channel)
  const unsubscribes = nodes.map(node => node.comm.subscribe(m => counting && Buffer.from(m.message.channel).equals(name) && (m.kind === 'dataMsg' || m.kind === 'dataUpdate' || m.kind === 'stateResponse'), m => {
    if (m.kind === 'dataMsg') { pushed++; return }
    const blocks = m.kind === 'dataUpdate' ? (m.message.dataUpdate?.data.length ?? 0) : (m.message.stateResponse?.payloads.length ?? 0)
    repaired += blocks
    if (m.kind === 'dataUpdate') pulled += blocks
  }))
  const askedAnnouncer = async (): Promise<number> => {
    let sum = 0
    for (const node of nodes) sum += await metric(node, 'gossip_blocks_received', { result: 'announce-request' })
    return sum
  }
  const sendFailures = async (): Promise<number> => {
    let sum = 0
    for (const node of nodes) sum += await metric(node, 'gossip_comm_send_failures')
    return sum
  }
  // the idle rate of socket reads (membership, StateInfo), over a window as long as the blocks will take
  const windowMs = count * intervalMs
  const idle0 = readBytes()
  const idleT0 = performance.now()
  await sleep(Math.min(windowMs, 10_000))
  const idleRate = (readBytes() - idle0) / (performance.now() - idleT0)
  counting = true
  const asked0 = await askedAnnouncer()
  const failed0 = await sendFailures()
  const bytes0 = readBytes()
  const elu0 = performance.eventLoopUtilization()
  const t0 = performance.now()
  const added = await addAtRate(nodes[0], channel, chain, warmup + 1, count, intervalMs)
  // Fabric's mode can leave a peer behind for minutes (pull offers the last 10 blocks; state transfer asks every
  // 10 s): a block some peer has not committed by the deadline counts as never (Infinity), and is counted
  const deadline = count * intervalMs + DRAIN_MS
  try {
    await pollUntil(() => commits.allCommitted(last, everyone) > 0, `every peer commits every ${channel} block`, deadline, 5)
  } catch { /* the blocks left are counted below */ }
  await sleep(300) // duplicates in flight
  const elapsed = performance.now() - t0
  const bytes = readBytes() - bytes0 - idleRate * elapsed
  const elu = performance.eventLoopUtilization(elu0).utilization
  counting = false
  for (const u of unsubscribes) u()
  const asked = await askedAnnouncer() - asked0
  const failed = await sendFailures() - failed0
  const allMs = added.map((t, i) => commits.allCommitted(warmup + 1 + i, everyone) - t).map(x => Number.isNaN(x) ? Infinity : x)
  return {
    allMs,
    missing: added.reduce((k, _t, i) => k + everyone.filter(p => Number.isNaN(commits.of(p, warmup + 1 + i))).length, 0),
    bytesPerPeerBlock: bytes / (n * count),
    msgsPerPeerBlock: pushed / (n * count),
    repaired,
    pulled,
    askedAnnouncer: asked,
    sendFailures: failed,
    elu,
    intervalMs,
    blockBytes: chain.meanBytes
  }
}

async function runMode (ctx: BenchContext, layout: CryptoLayout, n: number, mode: Mode, p: Params, chains: Record<keyof typeof CHANNELS, BlockChain>): Promise<ModeRun> {
  let peers: OrgPeer[] = []
  try {
    const withHop = mode === 'ours'
    peers = await createOrgPeers(layout, {
      peers: n,
      gossip: { ...gossipTimings(n), ...MODE_GOSSIP[mode] },
      channels: i => [chains.small.genesis, chains.large.genesis, ...(withHop && i < 2 ? [chains.hopSmall.genesis, chains.hopLarge.genesis] : [])]
    })
    const nodes = peers.map(x => x.node)
    // started in waves of 10: every pair of peers of an org connects (Noise, then the gossip handshake), and
    // 100 nodes starting at once spend minutes of one event loop on handshakes alone
    const started: number[] = []
    for (let i = 0; i < n; i += WAVE) {
      if (i > 0) await sleep(WAVE_GAP_MS)
      started.push(...await Promise.all(nodes.slice(i, i + WAVE).map(async node => { await node.start(); return performance.now() })))
    }
    const formed = await pollUntil(() => nodes.every(node => node.peersOfChannel(CHANNELS.small).length === n - 1 && node.peersOfChannel(CHANNELS.large).length === n - 1), 'full channel views', FORM_TIMEOUT_MS, 50)
    const formedMs = formed - Math.max(...started)
    if (mode === 'gossipsub') {
      const want = Math.min(4, n - 1)
      try {
        await pollUntil(() => nodes.every(node => (node.blockPush as BlockGossipsub).meshPeers(CHANNELS.small).length >= want && (node.blockPush as BlockGossipsub).meshPeers(CHANNELS.large).length >= want), 'gossipsub meshes', 60_000, 100)
      } catch {
        ctx.log(`N=${n} gossipsub: some meshes below ${want} peers after 60 s; measuring anyway`)
      }
    }
    ctx.log(`N=${n} ${mode}: channel views complete ${Math.round(formedMs)} ms after the last start`)
    let hop: ModeRun['hop']
    if (withHop) {
      const two = nodes.slice(0, 2)
      // two peers of N in a channel of their own: their StateInfo reaches each other by chance (push to
      // random peers, pull from random peers) and can take minutes at N = 25; without it, no floor, the rest stands
      try {
        await pollUntil(() => two.every(node => node.peersOfChannel(CHANNELS.hopSmall).length === 1 && node.peersOfChannel(CHANNELS.hopLarge).length === 1), 'hop channel views', HOP_VIEWS_TIMEOUT_MS, 20)
        const hs = await measureSize(two, CHANNELS.hopSmall, chains.hopSmall, p.hopSmall, p.warmup, p.smallIntervalMs)
        const hl = await measureSize(two, CHANNELS.hopLarge, chains.hopLarge, p.hopLarge, p.warmup, largeIntervalMs(10))
        hop = { small: hs.allMs, large: hl.allMs }
      } catch (err) {
        ctx.log(`N=${n} ${mode}: no floor: ${(err as Error).message}`)
      }
    }
    ctx.log(`N=${n} ${mode}: ${p.smallBlocks} blocks of 10 KB, one every ${smallIntervalMs(n, p)} ms`)
    const small = await measureSize(nodes, CHANNELS.small, chains.small, p.smallBlocks, p.warmup, smallIntervalMs(n, p))
    ctx.log(`N=${n} ${mode}: ${p.largeBlocks} blocks of 1 MB, one every ${largeIntervalMs(n)} ms`)
    const large = await measureSize(nodes, CHANNELS.large, chains.large, p.largeBlocks, p.warmup, largeIntervalMs(n))
    ctx.log(`N=${n} ${mode}: 10 KB p50 ${round(quantile(small.allMs, 0.5))} p99 ${round(quantile(small.allMs, 0.99))} ms, ${Math.round(small.bytesPerPeerBlock)} B/peer/block, ELU ${round(small.elu)}; ` +
      `1 MB p50 ${round(quantile(large.allMs, 0.5))} p99 ${round(quantile(large.allMs, 0.99))} ms, ${Math.round(large.bytesPerPeerBlock)} B/peer/block, ELU ${round(large.elu)}`)
    return { n, mode, formedMs, small, large, hop }
  } finally {
    await Promise.all(peers.map(async x => { await x.node.stop() }))
  }
}

function sizeSection (runs: ModeRun[], n: number, size: 'small' | 'large', hopMs: number[]): Section {
  const depth = treeDepth(n, FANOUT)
  const floor = (q: number): number => quantile(hopMs, q) * depth
  const sizeLabel = size === 'small' ? '10 KB' : '1 MB'
  const figures: Figure[] = []
  for (const r of runs.filter(x => x.n === n)) {
    const s = r[size]
    const label = MODE_LABEL[r.mode]
    figures.push(
      figure({ id: `${r.mode}.p50`, label: `${label}: all ${n} committed, p50`, unit: 'ms', better: 'lower', value: quantile(s.allMs, 0.5), baseline: { label: `floor p50 (one hop x ${depth})`, value: floor(0.5) }, samples: s.allMs.map(round) }),
      figure({ id: `${r.mode}.p99`, label: `${label}: all ${n} committed, p99`, unit: 'ms', better: 'lower', value: quantile(s.allMs, 0.99), baseline: { label: `floor p99 (one hop x ${depth})`, value: floor(0.99) }, extra: { max: round(Math.max(...s.allMs)), 'blocks over 1 s': s.allMs.filter(x => x > 1000).length, 'peer-blocks not committed 60 s after the last block': s.missing } }),
      figure({ id: `${r.mode}.bytes`, label: `${label}: bytes received per peer per block`, unit: 'B', better: 'lower', value: s.bytesPerPeerBlock, baseline: { label: 'one copy of the block', value: s.blockBytes }, extra: { 'block msgs per peer per block': Number.isNaN(s.msgsPerPeerBlock) || r.mode === 'gossipsub' ? 'n/a' : round(s.msgsPerPeerBlock), 'blocks by pull/transfer': s.repaired, 'of which by pull': s.pulled, 'asked of their announcer': s.askedAnnouncer, 'sends failed': s.sendFailures, elu: round(s.elu) } })
    )
  }
  return {
    id: `n${n}-${size}`,
    title: `N = ${n}, ${sizeLabel} blocks`,
    params: { peers: n, blockBytes: Math.round(runs[0][size].blockBytes), intervalMs: runs.find(x => x.n === n)?.[size].intervalMs ?? 0, treeDepth: depth, hopBlocks: hopMs.length },
    figures
  }
}

function charts (runs: ModeRun[], ns: number[], floors: Record<'small' | 'large', Map<number, number>>): ChartSpec[] {
  const out: ChartSpec[] = []
  for (const size of ['small', 'large'] as const) {
    const label = size === 'small' ? '10 KB' : '1 MB'
    const series = MODES.map(mode => ({ name: MODE_LABEL[mode], points: ns.map(n => [n, round(quantile(runs.find(r => r.n === n && r.mode === mode)?.[size].allMs ?? [], 0.99))] as [number, number]) }))
    out.push({
      id: `p99-${size}`,
      title: `p99 time until every peer committed a ${label} block, by N`,
      kind: 'line',
      spec: {
        title: `${label} blocks: addPayload -> all N peers committed, p99`,
        xLabel: 'peers (N)',
        logX: true,
        yLabel: 'p99',
        yUnit: 'ms',
        logY: true,
        series: [...series, { name: 'floor (one hop x tree depth)', points: ns.map(n => [n, round(floors[size].get(n) ?? Number.NaN)] as [number, number]), dashed: true }]
      }
    })
    out.push({
      id: `bytes-${size}`,
      title: `Bytes received per peer per ${label} block, by N`,
      kind: 'bar',
      spec: {
        title: `${label} blocks: bytes received per peer per block (socket reads)`,
        categories: ns.map(n => `N=${n}`),
        yLabel: 'bytes per peer per block',
        yUnit: 'B',
        series: MODES.map(mode => ({ name: MODE_LABEL[mode], values: ns.map(n => round(runs.find(r => r.n === n && r.mode === mode)?.[size].bytesPerPeerBlock ?? Number.NaN)) })),
        references: [{ y: size === 'small' ? SMALL : LARGE, label: 'one copy' }]
      }
    })
  }
  return out
}

function targetsSection (runs: ModeRun[], n: number): Section {
  const at = (mode: Mode, size: 'small' | 'large'): SizeRun | undefined => runs.find(r => r.n === n && r.mode === mode)?.[size]
  const figures: Figure[] = []
  for (const size of ['small', 'large'] as const) {
    const ours = at('ours', size)
    const gs = at('gossipsub', size)
    const fab = at('fabric', size)
    if (ours == null || gs == null || fab == null) continue
    const label = size === 'small' ? '10 KB' : '1 MB'
    figures.push(
      figure({ id: `${size}.p99-vs-gossipsub`, label: `${label}: our p99 (target: no worse than gossipsub's)`, unit: 'ms', better: 'lower', value: quantile(ours.allMs, 0.99), baseline: { label: 'gossipsub p99', value: quantile(gs.allMs, 0.99) } }),
      figure({ id: `${size}.p99-vs-fabric`, label: `${label}: our p99 (target: 10x better than Fabric defaults')`, unit: 'ms', better: 'lower', value: quantile(ours.allMs, 0.99), baseline: { label: 'Fabric defaults p99', value: quantile(fab.allMs, 0.99) } }),
      figure({ id: `${size}.bytes-vs-gossipsub`, label: `${label}: our bytes per peer per block (target: no more than gossipsub's)`, unit: 'B', better: 'lower', value: ours.bytesPerPeerBlock, baseline: { label: 'gossipsub', value: gs.bytesPerPeerBlock } })
    )
  }
  return { id: `targets-n${n}`, title: `Targets at N = ${n}`, params: { peers: n }, figures }
}

const bench: Benchmark = {
  name: 'dissemination',
  title: 'Block dissemination at N = 10..100: Fabric defaults, this project, gossipsub, against the floor',
  async run (ctx: BenchContext): Promise<Section[]> {
    const p = ctx.quick ? QUICK : FULL
    const only = process.env.BENCH_N?.split(',').map(Number).filter(x => Number.isInteger(x) && x > 1)
    const ns = only != null && only.length > 0 ? only : p.ns
    const modes = (process.env.BENCH_MODES?.split(',') ?? [...MODES]).filter((m): m is Mode => (MODES as readonly string[]).includes(m))
    const layout = await testCrypto({ orgs: 1, peers: Math.max(...ns) })
    try {
      const signer = ordererSigner(layout)
      const chain = (channel: string, count: number, bytes: number): BlockChain => buildChain(channelGenesis(layout, channel), channel, signer, count, bytes)
      const chains = {
        small: chain(CHANNELS.small, p.warmup + p.smallBlocks, SMALL),
        large: chain(CHANNELS.large, p.warmup + p.largeBlocks, LARGE),
        hopSmall: chain(CHANNELS.hopSmall, p.warmup + p.hopSmall, SMALL),
        hopLarge: chain(CHANNELS.hopLarge, p.warmup + p.hopLarge, LARGE)
      }
      const runs: ModeRun[] = []
      const failed: string[] = []
      for (const n of ns) {
        for (const mode of modes) {
          try {
            runs.push(await runMode(ctx, layout, n, mode, p, chains))
          } catch (err) {
            ctx.log(`N=${n} ${mode}: not measured: ${(err as Error).message}`)
            failed.push(`N=${n} ${mode}: ${(err as Error).message}`)
            if ((err as Error).message.includes('full channel views')) break // the same membership in every mode
          }
        }
      }
      const measured = ns.filter(n => modes.every(mode => runs.some(r => r.n === n && r.mode === mode)))
      const sections: Section[] = []
      const floors = { small: new Map<number, number>(), large: new Map<number, number>() }
      for (const n of measured) {
        const hop = runs.find(r => r.n === n && r.mode === 'ours')?.hop
        for (const size of ['small', 'large'] as const) {
          const hopMs = hop?.[size] ?? []
          floors[size].set(n, quantile(hopMs, 0.99) * treeDepth(n, FANOUT))
          sections.push(sizeSection(runs, n, size, hopMs))
        }
      }
      const target = measured.includes(50) ? 50 : measured[measured.length - 1]
      if (target == null) throw new Error(`nothing measured: ${failed.join('; ')}`)
      const targets = targetsSection(runs, target)
      targets.charts = charts(runs, measured, floors)
      if (failed.length > 0) targets.params.notMeasured = failed.join('; ')
      sections.push(targets)
      return sections
    } finally {
      await cleanupTmp()
    }
  }
}

export default bench
