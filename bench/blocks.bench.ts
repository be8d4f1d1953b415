/**
 * Blocks (issue 4), in one process over TCP on loopback, real gossip nodes of one org:
 *
 * 1. dissemination: 10 peers in one channel; one peer takes in B blocks of 10 KB (valid, chained,
 *    orderer-signed) with `addPayload`, one every INTERVAL ms; per block, the time from `addPayload` until all
 *    10 peers have committed it (p50, p99, max), and the block messages (`gossip_blocks_received`, push) each
 *    peer received per block. Baseline: one hop, the same blocks' latency from peer0's `addPayload` until
 *    peer1 commits, in a second channel that only those two peers joined (same nodes, same process, just
 *    before);
 * 2. catch-up: one peer 10,000 blocks behind (quick: 1,000) catches up by state transfer from a peer that
 *    has them: blocks/s. Baseline: the same serialized blocks, length-prefixed, on one raw stream between two
 *    stock libp2p nodes (TCP, Noise, yamux). Diagnostic: the ledger's own take-in of the same blocks (decode,
 *    verify, commit in order) with no network.
 *
 * Settings: the project's defaults (Fabric's) for everything that moves blocks (push: propagatePeerNum 3,
 * propagateIterations 1, maxPropagationBurstSize 10, maxPropagationBurstLatency 10 ms; pull: pullInterval
 * 4 s, pullPeerNum 3, maxBlockCountToStore 10; state: checkInterval 10 s, responseTimeout 3 s, batchSize 10,
 * blockBufferSize 20), with only the intervals that make the network form shortened (GOSSIP below).
 */
import { performance } from 'node:perf_hooks'
import { figure, median, quantile, type BenchContext, type Benchmark, type ChartSpec, type Figure, type Section } from './lib/harness.js'
import { cleanupTmp } from './lib/nodes.js'
import { pollUntil } from './lib/cluster.js'
import {
  buildChain, channelGenesis, CommitTimes, createOrgPeers, ordererSigner, pushMissRate, ReceiptTimes, type BlockChain, type OrgPeer
} from './lib/blocks.js'
import { catchUpRun, framesOf, ledgerIngestRun, rawStreamRun, verifyUs } from './lib/catchup.js'
import { testCrypto } from '../test/helpers/network.js'
import type { GossipNode } from '../src/node.js'
import type { CryptoLayout } from '../src/identity/cryptogen.js'

const PEERS = 10
/** bytes of a marshalled block (10 KB = 10,000 bytes, as MB = 10^6 elsewhere) */
const BLOCK_BYTES = 10_000
const CHANNEL = 'blocks'
const HOP = 'hop'
const CATCHUP = 'catchup'

/**
 * `peer.gossip.*` of every node: only what makes the network form fast is shortened; everything else is the
 * project's default (Fabric's), see the module comment.
 */
const GOSSIP = {
  aliveTimeInterval: 1000, // default 5 s: membership forms in a few seconds
  reconnectInterval: 2000, // default 25 s: a bootstrap dial that races the bootstrap peer's start is retried soon
  publishStateInfoInterval: 1000, // default 4 s: channel views (and heights) form in a few seconds
  requestStateInfoInterval: 1000 // default 4 s
}
/** The settings the figures depend on, as a node runs with them (its config: the defaults but for GOSSIP), for the record. */
function blockSettings (node: GossipNode): Record<string, number> {
  const g = node.config.peer.gossip
  return {
    aliveTimeIntervalMs: g.aliveTimeInterval,
    reconnectIntervalMs: g.reconnectInterval,
    publishStateInfoIntervalMs: g.publishStateInfoInterval,
    requestStateInfoIntervalMs: g.requestStateInfoInterval,
    propagatePeerNum: g.propagatePeerNum,
    propagateIterations: g.propagateIterations,
    maxPropagationBurstSize: g.maxPropagationBurstSize,
    maxPropagationBurstLatencyMs: g.maxPropagationBurstLatency,
    pullIntervalMs: g.pullInterval,
    pullPeerNum: g.pullPeerNum,
    maxBlockCountToStore: g.maxBlockCountToStore,
    stateCheckIntervalMs: g.state.checkInterval,
    stateResponseTimeoutMs: g.state.responseTimeout,
    stateBatchSize: g.state.batchSize,
    blockBufferSize: g.state.blockBufferSize
  }
}

interface Params {
  /** measured blocks of the dissemination, after `warmupBlocks` more */
  blocks: number
  warmupBlocks: number
  /** measured blocks of the one-hop baseline, after `warmupBlocks` more */
  hopBlocks: number
  /** one block every intervalMs */
  intervalMs: number
  /** blocks the catching-up peer is behind */
  behind: number
  /** rounds of the raw-stream baseline (median), after one warm-up round */
  rawRounds: number
}

const FULL: Params = { blocks: 200, warmupBlocks: 10, hopBlocks: 100, intervalMs: 50, behind: 10_000, rawRounds: 3 }
const QUICK: Params = { blocks: 40, warmupBlocks: 5, hopBlocks: 20, intervalMs: 50, behind: 1_000, rawRounds: 1 }

const round = (x: number): number => Number.isFinite(x) ? Number(x.toPrecision(4)) : x
const mean = (xs: readonly number[]): number => xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length
const sleep = async (ms: number): Promise<void> => { if (ms > 0) await new Promise(resolve => setTimeout(resolve, ms)) }

/** A counter's values by label value (`gossip_blocks_received` by result...). */
async function byLabel (node: GossipNode, name: string, label: string): Promise<Record<string, number>> {
  const m = node.registry.getSingleMetric(name)
  const out: Record<string, number> = {}
  if (m == null) return out
  for (const v of (await m.get()).values) {
    const key = String(v.labels[label] ?? '')
    out[key] = (out[key] ?? 0) + v.value
  }
  return out
}

const diff = (after: Record<string, number>, before: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]).filter(([, v]) => v !== 0))

/** Per-label sums over nodes. */
function sumOf (records: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const rec of records) for (const [k, v] of Object.entries(rec)) out[k] = (out[k] ?? 0) + v
  return out
}

/**
 * Takes in `blocks` (seq `first`, `first + 1`...) at `origin`, one every `intervalMs` (due times fixed from the
 * start, so a slow addPayload does not shift the rest). Returns when each was handed to addPayload, and how
 * late that was.
 */
async function addAtRate (origin: GossipNode, channel: string, chain: BlockChain, first: number, count: number, intervalMs: number): Promise<{ added: number[], lateMs: number[] }> {
  const added: number[] = []
  const lateMs: number[] = []
  const t0 = performance.now() + intervalMs
  for (let i = 0; i < count; i++) {
    const due = t0 + i * intervalMs
    await sleep(due - performance.now())
    const now = performance.now()
    added.push(now)
    lateMs.push(Math.max(0, now - due))
    const seq = first + i
    const result = await origin.addPayload(channel, seq, chain.bytes[seq - 1])
    if (result !== 'committed') throw new Error(`block ${seq} of ${channel} at the origin: ${result}`)
  }
  return { added, lateMs }
}

// ---- 1. dissemination ----

interface DisseminationRun {
  /** ms from the last start() to every node seeing the 9 others in the channel */
  formedMs: number
  /** per measured block: addPayload -> all committed / -> peer1 committed (one hop) */
  allMs: number[]
  hopMs: number[]
  /** per measured block: addPayload -> the first peer other than the origin committed it */
  firstMs: number[]
  /** per measured block and peer (origin excluded): addPayload -> that peer committed */
  eachMs: number[]
  /** per measured block: addPayload -> the last peer that push reached received it (dataMsg); one hop: peer1 received it */
  pushMs: number[]
  /** per measured block: peers other than the origin that received it by push at all */
  pushReached: number[]
  hopPushMs: number[]
  /** per node: block messages received (push) during the measured blocks, by result */
  received: Array<Record<string, number>>
  /** blocks the ledgers refused, all nodes, by reason (gossip_state_rejected_blocks) */
  rejected: Record<string, number>
  lateMs: number[]
  hopLateMs: number[]
  elu: number
  hopElu: number
  /** blocks received in the measured window by pull (dataUpdate envelopes) and by state transfer (state response payloads), all nodes */
  pulled: number
  transferred: number
  /** state requests and StateInfo messages received in the window, all nodes */
  stateRequests: number
  stateInfos: number
  /** ms the window lasted (first addPayload to the last commit) */
  windowMs: number
  settings: Record<string, number>
}

async function disseminationRun (ctx: BenchContext, layout: CryptoLayout, p: Params): Promise<DisseminationRun> {
  const signer = ordererSigner(layout)
  const genesis = channelGenesis(layout, CHANNEL)
  const hopGenesis = channelGenesis(layout, HOP)
  const chain = buildChain(genesis, CHANNEL, signer, p.warmupBlocks + p.blocks, BLOCK_BYTES)
  const hopChain = buildChain(hopGenesis, HOP, signer, p.warmupBlocks + p.hopBlocks, BLOCK_BYTES)
  let peers: OrgPeer[] = []
  try {
    peers = await createOrgPeers(layout, { peers: PEERS, gossip: GOSSIP, channels: i => i < 2 ? [genesis, hopGenesis] : [genesis] })
    const nodes = peers.map(x => x.node)
    const lastBlock = p.warmupBlocks + p.blocks
    const hopLast = p.warmupBlocks + p.hopBlocks
    const commits = new CommitTimes(nodes, CHANNEL, lastBlock)
    const receipts = new ReceiptTimes(nodes, CHANNEL, lastBlock)
    const hopCommits = new CommitTimes(nodes.slice(0, 2), HOP, hopLast)
    const hopReceipts = new ReceiptTimes(nodes.slice(0, 2), HOP, hopLast)
    let counting = false
    const seen = { pulled: 0, transferred: 0, stateRequests: 0, stateInfos: 0 }
    const channelBytes = new TextEncoder().encode(CHANNEL)
    for (const n of nodes) {
      n.comm.subscribe(m => counting && (m.kind === 'stateInfo' || (Buffer.from(m.message.channel).equals(channelBytes) && (m.kind === 'dataUpdate' || m.kind === 'stateResponse' || m.kind === 'stateRequest'))), m => {
        if (m.kind === 'stateInfo') seen.stateInfos++
        else if (m.kind === 'dataUpdate') seen.pulled += m.message.dataUpdate?.data.length ?? 0
        else if (m.kind === 'stateResponse') seen.transferred += m.message.stateResponse?.payloads.length ?? 0
        else seen.stateRequests++
      })
    }

    const started = await Promise.all(nodes.map(async n => { await n.start(); return performance.now() }))
    const last = Math.max(...started)
    const formed = await pollUntil(() => nodes.every(n => n.peersOfChannel(CHANNEL).length === PEERS - 1) &&
      nodes.slice(0, 2).every(n => n.peersOfChannel(HOP).length === 1), 'full channel views', 60_000, 10)
    ctx.log(`dissemination: ${PEERS} peers formed the channel ${Math.round(formed - last)} ms after the last start`)
    const [origin] = nodes
    const everyone = nodes.map((_, k) => k)
    const others = everyone.slice(1)

    // one hop: peer0 -> peer1 in channel HOP (warm-up blocks first)
    await addAtRate(origin, HOP, hopChain, 1, p.warmupBlocks, p.intervalMs)
    await pollUntil(() => hopCommits.allCommitted(p.warmupBlocks, [0, 1]) > 0, 'one-hop warm-up', 30_000)
    ctx.log(`one hop: ${p.hopBlocks} blocks of ${Math.round(hopChain.meanBytes)} bytes, one every ${p.intervalMs} ms`)
    let elu0 = performance.eventLoopUtilization()
    const hop = await addAtRate(origin, HOP, hopChain, p.warmupBlocks + 1, p.hopBlocks, p.intervalMs)
    await pollUntil(() => hopCommits.allCommitted(hopLast, [0, 1]) > 0, 'one-hop blocks committed', 60_000)
    const hopElu = performance.eventLoopUtilization(elu0).utilization
    const hopBlocks = hop.added.map((t, i) => ({ t, n: p.warmupBlocks + 1 + i }))

    // dissemination: warm-up blocks (connections between all pairs), then the measured ones
    await addAtRate(origin, CHANNEL, chain, 1, p.warmupBlocks, p.intervalMs)
    await pollUntil(() => commits.allCommitted(p.warmupBlocks, everyone) > 0, 'dissemination warm-up', 60_000)
    await sleep(200) // late duplicates of the warm-up blocks
    const counters = async (): Promise<{ received: Array<Record<string, number>>, rejected: Array<Record<string, number>> }> => ({
      received: await Promise.all(nodes.map(async n => await byLabel(n, 'gossip_blocks_received', 'result'))),
      rejected: await Promise.all(nodes.map(async n => await byLabel(n, 'gossip_state_rejected_blocks', 'reason')))
    })
    const before = await counters()
    counting = true
    elu0 = performance.eventLoopUtilization()
    ctx.log(`dissemination: ${p.blocks} blocks of ${Math.round(chain.meanBytes)} bytes at peer0, one every ${p.intervalMs} ms`)
    const run = await addAtRate(origin, CHANNEL, chain, p.warmupBlocks + 1, p.blocks, p.intervalMs)
    const done = await pollUntil(() => commits.allCommitted(lastBlock, everyone) > 0, 'every peer commits every block', 120_000)
    const elu = performance.eventLoopUtilization(elu0).utilization
    await sleep(300) // the last duplicates in flight
    counting = false
    receipts.stop()
    hopReceipts.stop()
    const after = await counters()
    const blocks = run.added.map((t, i) => ({ t, n: p.warmupBlocks + 1 + i }))
    const lastReceipt = (n: number): number => Math.max(...others.map(k => receipts.of(k, n)).filter(x => !Number.isNaN(x)))
    return {
      formedMs: formed - last,
      allMs: blocks.map(b => commits.allCommitted(b.n, everyone) - b.t),
      hopMs: hopBlocks.map(b => hopCommits.of(1, b.n) - b.t),
      firstMs: blocks.map(b => Math.min(...others.map(k => commits.of(k, b.n))) - b.t),
      eachMs: blocks.flatMap(b => others.map(k => commits.of(k, b.n) - b.t)),
      pushMs: blocks.map(b => lastReceipt(b.n) - b.t),
      pushReached: blocks.map(b => others.filter(k => !Number.isNaN(receipts.of(k, b.n))).length),
      hopPushMs: hopBlocks.map(b => hopReceipts.of(1, b.n) - b.t),
      received: after.received.map((a, k) => diff(a, before.received[k])),
      rejected: sumOf(after.rejected.map((a, k) => diff(a, before.rejected[k]))),
      lateMs: run.lateMs,
      hopLateMs: hop.lateMs,
      elu,
      hopElu,
      ...seen,
      windowMs: done - run.added[0],
      settings: blockSettings(origin)
    }
  } finally {
    await Promise.all(peers.map(async x => { await x.node.stop() }))
  }
}

/** A latency distribution as a CDF: (ms, % of blocks committed by then) at every 5th percentile and p99. */
function cdf (ms: readonly number[]): Array<[number, number]> {
  const qs = [...Array.from({ length: 20 }, (_, i) => i / 20), 0.99, 1]
  return qs.map(q => [round(quantile(ms, q)), round(100 * q)])
}

function latencyChart (r: DisseminationRun): ChartSpec {
  return {
    id: 'dissemination-cdf',
    title: `Per-block latency, addPayload to committed: first peer, all ${PEERS} peers, one hop (CDF)`,
    kind: 'line',
    spec: {
      title: `Dissemination to ${PEERS} peers: share of blocks committed within x ms of addPayload`,
      xLabel: 'addPayload -> committed',
      xUnit: 'ms',
      logX: true,
      yLabel: 'share of blocks',
      yUnit: '%',
      yRange: [0, 100],
      series: [
        { name: 'first peer', points: cdf(r.firstMs) },
        { name: `all ${PEERS} peers`, points: cdf(r.allMs) },
        { name: 'one hop (baseline)', points: cdf(r.hopMs), dashed: true }
      ],
      references: [{ y: 50, label: 'p50' }, { y: 99, label: 'p99' }]
    }
  }
}

function disseminationSection (r: DisseminationRun, p: Params, seconds: number): Section {
  const total = (rec: Record<string, number>): number => Object.values(rec).reduce((a, b) => a + b, 0)
  const perBlock = r.received.map(rec => total(rec) / p.blocks)
  const receivers = perBlock.slice(1) // the origin hears its own block only when a peer forwards it back
  const firstReceipts = r.received.slice(1).map(rec => (rec.committed ?? 0) + (rec.buffered ?? 0))
  const expected = (PEERS - 1) * p.blocks
  const notByPush = expected - firstReceipts.reduce((a, b) => a + b, 0)
  const results = sumOf(r.received)
  const fanout = r.settings.propagatePeerNum
  const missRate = pushMissRate(PEERS, fanout, 20_000)
  const hop = (q: number): number => quantile(r.hopMs, q)
  const all = (q: number): number => quantile(r.allMs, q)
  const hopLabel = 'one hop (peer0 -> peer1 committed)'
  // Fabric publishes a changed StateInfo once per publishStateInfoInterval; push and forward-once bring each
  // to the others in about propagatePeerNum x N copies
  const stateInfoModel = PEERS * fanout * PEERS * p.intervalMs / r.settings.publishStateInfoIntervalMs
  const figures: Figure[] = [
    figure({
      id: 'dissemination.p50', label: `addPayload -> all ${PEERS} committed, p50`, unit: 'ms', better: 'lower', value: all(0.5),
      baseline: { label: `${hopLabel} p50`, value: hop(0.5), samples: r.hopMs.map(round) }, samples: r.allMs.map(round),
      extra: { 'first peer p50': round(quantile(r.firstMs, 0.5)), 'each peer p50': round(quantile(r.eachMs, 0.5)), mean: round(mean(r.allMs)) }
    }),
    figure({ id: 'dissemination.p99', label: `addPayload -> all ${PEERS} committed, p99`, unit: 'ms', better: 'lower', value: all(0.99), baseline: { label: `${hopLabel} p99`, value: hop(0.99) }, extra: { p90: round(all(0.9)), 'each peer p99': round(quantile(r.eachMs, 0.99)) } }),
    figure({ id: 'dissemination.max', label: `addPayload -> all ${PEERS} committed, max`, unit: 'ms', better: 'lower', value: Math.max(...r.allMs), baseline: { label: `${hopLabel} max`, value: Math.max(...r.hopMs) }, extra: { 'blocks over 100 ms': r.allMs.filter(x => x > 100).length } }),
    figure({
      id: 'dissemination.push', label: 'diag: addPayload -> received by push at the last peer reached, p50', unit: 'ms', better: 'lower', value: quantile(r.pushMs, 0.5),
      baseline: { label: 'one hop (peer0 -> peer1 received) p50', value: quantile(r.hopPushMs, 0.5) }, samples: r.pushMs.map(round),
      extra: { p99: round(quantile(r.pushMs, 0.99)), 'one hop p99': round(quantile(r.hopPushMs, 0.99)), 'peers reached (mean of 9)': round(mean(r.pushReached)) }
    }),
    figure({
      id: 'dissemination.msgs', label: 'block messages received per peer per block, mean', unit: 'msgs', better: 'lower', value: mean(perBlock),
      baseline: { label: `push model: propagatePeerNum (${fanout})`, value: fanout }, samples: perBlock.map(round),
      extra: { 'mean over the 9 receivers': round(mean(receivers)), origin: round(perBlock[0]), min: round(Math.min(...perBlock)) }
    }),
    figure({ id: 'dissemination.msgsMax', label: 'block messages received per peer per block, max', unit: 'msgs', better: 'lower', value: Math.max(...perBlock), baseline: { label: `push model: propagatePeerNum (${fanout})`, value: fanout } }),
    figure({
      id: 'dissemination.notByPush', label: `(peer, block) pairs push did not deliver, of ${expected}`, unit: 'pairs', better: 'lower', value: notByPush,
      baseline: { label: `push model (fan-out ${fanout}, forward once): ${(100 * missRate).toFixed(2)}%`, value: missRate * expected },
      extra: {
        'pulled blocks': r.pulled, 'state requests': r.stateRequests, 'state response blocks': r.transferred,
        ...Object.fromEntries(Object.entries(results).map(([k, v]) => [`push ${k}`, v])),
        ...Object.fromEntries(Object.entries(r.rejected).map(([k, v]) => [`ledger refused ${k}`, v]))
      }
    }),
    figure({
      id: 'dissemination.stateInfo', label: 'diag: StateInfo messages received per block, all peers', unit: 'msgs', better: 'lower', value: r.stateInfos / p.blocks,
      baseline: { label: `published once per publishStateInfoInterval (${r.settings.publishStateInfoIntervalMs} ms)`, value: stateInfoModel },
      extra: { 'per second': round(r.stateInfos / (r.windowMs / 1000)) }
    }),
    figure({ id: 'dissemination.elu', label: 'event-loop utilisation while adding the blocks', unit: '', better: 'lower', value: r.elu, extra: { 'one-hop phase': round(r.hopElu) } })
  ]
  return {
    id: 'dissemination',
    title: `Dissemination: ${p.blocks} blocks of ${BLOCK_BYTES / 1000} KB at peer0, one every ${p.intervalMs} ms, ${PEERS} peers of one org in one channel`,
    params: {
      peers: PEERS, blocks: p.blocks, warmupBlocks: p.warmupBlocks, hopBlocks: p.hopBlocks, intervalMs: p.intervalMs, blockBytes: BLOCK_BYTES,
      formedMs: round(r.formedMs), windowMs: round(r.windowMs), 'addLateMs(max)': round(Math.max(...r.lateMs, ...r.hopLateMs)),
      ...r.settings, seconds: round(seconds)
    },
    figures,
    charts: [latencyChart(r)]
  }
}

// ---- 2. catch-up (the runs are bench/lib/catchup.ts's, shared with catchup.bench.ts) ----

async function catchUpSection (ctx: BenchContext, layout: CryptoLayout, p: Params): Promise<Section> {
  const t00 = performance.now()
  const genesis = channelGenesis(layout, CATCHUP)
  let t = performance.now()
  const chain = buildChain(genesis, CATCHUP, ordererSigner(layout), p.behind, BLOCK_BYTES)
  ctx.log(`catch-up: built ${p.behind} blocks of ${Math.round(chain.meanBytes)} bytes in ${Math.round(performance.now() - t)} ms`)
  const n = chain.bytes.length
  const totalBytes = chain.bytes.reduce((a, b) => a + b.byteLength, 0)

  const r = await catchUpRun(layout, chain, CATCHUP)
  const transferMs = r.done - r.firstRequest
  ctx.log(`catch-up: ${n} blocks in ${Math.round(transferMs)} ms after the first request (${Math.round(r.firstRequest - r.started)} ms after the start)`)

  const frames = framesOf(chain)
  ctx.log(`raw stream: ${n} framed blocks, ${p.rawRounds} rounds (+1 warm-up)`)
  const rawMs: number[] = []
  for (let i = 0; i <= p.rawRounds; i++) {
    const { ms } = await rawStreamRun(frames, 2 * BLOCK_BYTES + 1024)
    if (i > 0) rawMs.push(ms)
  }
  t = performance.now()
  const ingestMs = await ledgerIngestRun(chain, CATCHUP, 'one-by-one')
  ctx.log(`ledger take-in alone: ${n} blocks in ${Math.round(performance.now() - t)} ms`)
  const verify = verifyUs(chain, CATCHUP, Math.min(n, 1000))

  const rate = (ms: number): number => n / (ms / 1000)
  const mbps = (ms: number): number => totalBytes / 1e6 / (ms / 1000)
  const base = { label: 'raw stream, the same blocks framed', value: rate(median(rawMs)), samples: rawMs.map(ms => round(rate(ms))) }
  return {
    id: 'catchup',
    title: `Catch-up: one peer ${n.toLocaleString('en-US')} blocks of ${BLOCK_BYTES / 1000} KB behind, by state transfer from one peer`,
    params: {
      blocks: n, blockBytes: round(chain.meanBytes), totalMB: round(totalBytes / 1e6), rawRounds: p.rawRounds,
      ...r.settings,
      seconds: round((performance.now() - t00) / 1000)
    },
    figures: [
      figure({
        id: 'catchup.rate', label: 'state transfer, first request -> all committed', unit: 'blocks/s', better: 'higher', value: rate(transferMs), baseline: base,
        extra: {
          'MB/s': round(mbps(transferMs)), seconds: round(transferMs / 1000), requests: r.requests, responses: r.responses,
          'blocks per response': round(r.blocksInResponses / Math.max(1, r.responses)), 'max gap between commits ms': round(r.maxGapMs), 'raw MB/s': round(mbps(median(rawMs))),
          'StateInfo msgs at the source': r.stateInfos
        }
      }),
      figure({
        id: 'catchup.fromStart', label: 'state transfer, peer started -> all committed', unit: 'blocks/s', better: 'higher', value: rate(r.done - r.started), baseline: base,
        extra: { 'start -> first request ms': round(r.firstRequest - r.started), 'start -> first commit ms': round(r.firstCommit - r.started) }
      }),
      figure({
        id: 'catchup.ingest', label: 'diag: ledger take-in alone (Ledgers.addPayload, no network)', unit: 'blocks/s', better: 'higher', value: rate(ingestMs), baseline: base,
        extra: { 'state transfer / this': round(rate(transferMs) / rate(ingestMs)), 'verifyBlock us': round(verify), 'verifies per block': 1 }
      }),
      figure({ id: 'catchup.elu', label: 'event-loop utilisation, first request to caught up', unit: '', better: 'lower', value: r.elu })
    ]
  }
}

const bench: Benchmark = {
  name: 'blocks',
  title: `blocks: dissemination to ${PEERS} peers (vs one hop) and catch-up by state transfer (vs a raw stream)`,
  async run (ctx) {
    const p = ctx.quick ? QUICK : FULL
    const sections: Section[] = []
    try {
      const layout = await testCrypto({ orgs: 1, peers: PEERS })
      const t0 = performance.now()
      const d = await disseminationRun(ctx, layout, p)
      sections.push(disseminationSection(d, p, (performance.now() - t0) / 1000))
      sections.push(await catchUpSection(ctx, layout, p))
      return sections
    } finally {
      await cleanupTmp()
    }
  }
}

export default bench
