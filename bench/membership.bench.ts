/**
 * Membership at scale, in one process over TCP on loopback: N = 10, 25, 50 and 100 peers of 2 orgs (N = 25:
 * 13 + 12), every peer with an external endpoint, peer0 of each org its org's bootstrap peer and its anchor
 * peer in one channel that every node joins before it starts; all nodes started at once.
 *
 * 1. convergence: from the last node started until every node sees N-1 alive members (full membership) and
 *    N-1 peers in the channel (`peersOfChannel`, full channel views), in ms and in alive intervals; the
 *    baseline is the time by which every peer had completed a handshake with its bootstrap peer and the two
 *    anchor peers with each other (nothing can be learned before that);
 * 2. steady-state traffic, over a window of alive intervals after convergence: bytes and messages each node
 *    sends per second, against the floor (one alive message per interval to each of propagatePeerNum peers,
 *    at the measured alive message size) and against what Fabric's algorithms send (alive push + forward of
 *    every new alive message, membership, identity and StateInfo pull), by message kind;
 * 3. scaling: every size's traffic at Fabric's default timings (each kind's bytes per round of the task that
 *    sends it, as measured, times Fabric's rounds per second), and the growth exponent of per-peer traffic
 *    with N (a least-squares slope on log-log axes; the target: no faster than linear, exponent <= 1).
 *
 * Timings: Fabric's defaults times a factor per size ({@link SIZES}): /5 at N = 10 (alive 1 s, pull 800 ms,
 * as before), Fabric's own at N = 25, x4 at N = 50 and x5 at N = 100 (alive 25 s, pull 20 s), every timing
 * alike except reconnectInterval, never above Fabric's 25 s (a bootstrap dial that fails in the CPU-bound
 * start must not wait minutes to be retried); the dial and handshake timeouts are Fabric's times the factor
 * when it is above 1 (a busy event loop stretches every handshake). Why: all nodes share one event loop, and
 * the work of a steady state grows as N^2 (N nodes, each sending and checking O(N) per round); at Fabric's
 * timings 50 nodes saturate it (event-loop utilisation 1.0: members flap, the start takes minutes and the
 * figures measure the CPU, not the protocol). Slowing the rounds keeps utilisation down; every rate is then
 * normalised to Fabric's timings. Some costs do not slow down: each connection's setup (~18 ms of CPU in this
 * process) and libp2p's connection monitor (a ping on every connection every 10 s, ~1.6 ms of this process's
 * CPU each: 990 pings a second for a full mesh of 100). At N = 100 these alone saturate the event loop: the
 * run is measured and reported, and left out of the growth fit when it does not converge or its window is
 * not a steady state. The event-loop utilisation, the process's CPU share and the machine's busy cores are
 * reported with every run.
 */
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { figure, median, type BenchContext, type Benchmark, type ChartSpec, type Figure, type Section } from './lib/harness.js'
import { cleanupTmp, metric } from './lib/nodes.js'
import { machineCpu } from './lib/process-cluster.js'
import {
  channelOf, clusterLayout, createCluster, pollUntil, startCluster, stopCluster, totalOf, TrafficMeter,
  type ClusterNode, type KindCount, type TrafficSnapshot
} from './lib/cluster.js'
import type { CryptoLayout } from '../src/identity/cryptogen.js'

const ORGS = 2
const CHANNEL = 'bench'
/** channels every node joined (each runs a block pull) */
const CHANNELS = 1

/** Fabric's defaults (core.yaml) of the timings membership and channels use, in ms. */
const FABRIC = {
  aliveTimeInterval: 5000,
  aliveExpirationTimeout: 25_000,
  reconnectInterval: 25_000,
  pullInterval: 4000,
  publishStateInfoInterval: 4000,
  requestStateInfoInterval: 4000,
  publishCertPeriod: 10_000,
  digestWaitTime: 1000,
  requestWaitTime: 1500,
  responseWaitTime: 2000
}
type Timings = typeof FABRIC

/** Fabric's timings times `factor`; reconnectInterval never above Fabric's (see the header). */
function timingsAt (factor: number): Timings {
  const t = Object.fromEntries(Object.entries(FABRIC).map(([k, v]) => [k, v * factor])) as Timings
  t.reconnectInterval = Math.min(t.reconnectInterval, FABRIC.reconnectInterval)
  return t
}

/**
 * Fabric's dial and handshake timeouts (3 s, 2 s), times the factor when it is above 1: a busy event loop
 * stretches every handshake, and a timeout reports the peer unreachable (dead) though it is not.
 */
const networkTimeouts = (factor: number): { dialTimeout: number, connTimeout: number } => ({ dialTimeout: 3000 * Math.max(1, factor), connTimeout: 2000 * Math.max(1, factor) })

/** How a timing factor reads: "Fabric defaults / 5", "Fabric defaults", "Fabric defaults x 2". */
const factorLabel = (f: number): string => f === 1 ? 'Fabric defaults' : f < 1 ? `Fabric defaults / ${round(1 / f)}` : `Fabric defaults x ${round(f)}`

/** Fabric defaults of the fan-outs (not changed here). */
const PROPAGATE_PEER_NUM = 3
const PULL_PEER_NUM = 3

/** The kinds membership and channels send, in table order. */
const KINDS = ['aliveMsg', 'memReq', 'memRes', 'hello', 'dataDig', 'dataReq', 'dataUpdate', 'stateInfo', 'stateInfoPullReq', 'stateSnapshot'] as const

/** One size measured: N, its timing factor (Fabric's timings x factor), its rounds and its convergence timeout. */
interface Size {
  n: number
  factor: number
  /** measured rounds (a fresh cluster each), interleaved across sizes */
  rounds: number
  /** give up waiting for convergence after this many alive intervals (the figure is then NaN; the window is measured anyway) */
  timeoutIntervals: number
}

interface Params {
  sizes: Size[]
  /** steady-state window, in alive intervals */
  windowIntervals: number
  /** wait after convergence before the window, in alive intervals (and at least past publishCertPeriod) */
  settleIntervals: number
}

/**
 * The factors keep the event loop's utilisation in the window at or below ~0.7 on this 2-core machine
 * (measured: N = 24 at Fabric's timings 0.25-0.45, N = 50 at Fabric's timings 1.0, at x4 0.65-0.7). No factor
 * does it for N = 100 (see the header): x5 is what fits the run time.
 */
const SIZES: Size[] = [
  { n: 10, factor: 1 / 5, rounds: 3, timeoutIntervals: 30 },
  { n: 25, factor: 1, rounds: 2, timeoutIntervals: 30 },
  { n: 50, factor: 4, rounds: 1, timeoutIntervals: 10 },
  { n: 100, factor: 5, rounds: 1, timeoutIntervals: 6 }
]

// All nodes start at once, so their alive and pull timers tick in step: a window of 4 alive intervals (5 pull
// intervals at these timings) holds a whole number of both.
const FULL: Params = { sizes: SIZES, windowIntervals: 4, settleIntervals: 0 }
const QUICK: Params = { sizes: SIZES.filter(s => s.n <= 25).map(s => ({ ...s, rounds: 1, timeoutIntervals: 15 })), windowIntervals: 4, settleIntervals: 0 }

const round = (x: number): number => Number.isFinite(x) ? Number(x.toPrecision(4)) : x
const mean = (xs: readonly number[]): number => xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length
const sleep = async (ms: number): Promise<void> => { if (ms > 0) await new Promise(resolve => setTimeout(resolve, ms)) }

/** What one cluster run measured. */
interface RunResult {
  n: number
  /** Fabric's timings x factor */
  factor: number
  timings: Timings
  startSpreadMs: number
  /** ms from the last start until: bootstrap/anchor connections, full membership, full channel views (NaN: never) */
  connectedMs: number
  membershipMs: number
  channelMs: number
  /** nodes that got there by the timeout */
  membershipNodes: number
  channelNodes: number
  /** gossip bytes per node sent from the first start until full channel views */
  startupBytesPerNode: number
  startupFramesPerNode: number
  /** TCP connections opened from the first start to convergence (each counted once) */
  startupConnections: number
  steady: TrafficSnapshot
  /** per node, in the window: gossip_comm_messages_sent, overflow drops */
  commSent: number[]
  overflow: number[]
  /** member:dead events over the whole run, and in the window, all nodes */
  deaths: number
  deathsSteady: number
  /** of `deaths`: members declared dead while heard from less than aliveExpirationTimeout ago (a failed send) */
  deathsUnreachable: number
  /** membership messages dropped from the first start to convergence, all nodes, by reason */
  dropsConverge: Record<string, number>
  /** event-loop utilisation of the process (0..1): from the first start to full channel views, and in the window */
  eluConverge: number
  eluSteady: number
  /** the process's CPU time (user + system, all threads) / wall time in the window: under 1 when it waits for a core */
  cpuSteady: number
  /** the whole machine's CPU time in the window (every process, ours and others'), in cores: the machine has cpus().length */
  machineSteady: number
  /** alive frame sizes seen in the window */
  aliveBytes: { withSecret: number, withoutSecret: number, withIdentity: number, mean: number }
  seconds: number
}

function channelDefinition (layout: CryptoLayout, addresses: string[][]): ReturnType<typeof channelOf> {
  const anchors: Record<number, string[]> = {}
  addresses.forEach((row, o) => { anchors[o + 1] = [row[0]] })
  return channelOf(layout, CHANNEL, addresses.map((_, o) => o + 1), anchors)
}

/** n nodes (2 orgs; an odd n leaves org 2 one peer short); windowIntervals 0: stop at convergence (no traffic window) */
interface RunSpec { n: number, factor: number, windowIntervals: number, settleIntervals: number, timeoutIntervals: number }

async function runCluster (ctx: BenchContext, layout: CryptoLayout, spec: RunSpec): Promise<RunResult> {
  const { n, factor, windowIntervals, settleIntervals } = spec
  const timings = timingsAt(factor)
  const t00 = performance.now()
  const alive = timings.aliveTimeInterval
  const all = await createCluster(layout, {
    orgs: ORGS,
    peersPerOrg: Math.ceil(n / ORGS),
    gossip: { ...timings, ...networkTimeouts(factor) },
    channels: addresses => [channelDefinition(layout, addresses)]
  })
  // the last peers of the last org are created (their ports reserved) but never started
  const nodes = all.slice(0, n)
  const created = performance.now()
  const meter = new TrafficMeter(nodes)
  let deaths = 0
  let deathsUnreachable = 0
  for (const c of nodes) {
    c.node.discovery.addEventListener('member:dead', evt => {
      deaths++
      // Fabric's expiry kills a member silent for aliveExpirationTimeout; anything sooner is comm's peer:unreachable
      if (Date.now() - evt.detail.lastSeen < 0.9 * timings.aliveExpirationTimeout) deathsUnreachable++
    })
  }
  try {
    const boot = (c: ClusterNode): ClusterNode => nodes.find(x => x.org === c.org && x.peer === 0) as ClusterNode
    const anchors = nodes.filter(c => c.peer === 0)
    // the edges nothing can be learned without: each peer to its bootstrap peer, the anchor peers to each other
    const edges: Array<[ClusterNode, ClusterNode]> = [
      ...nodes.filter(c => c.peer !== 0).map(c => [c, boot(c)] as [ClusterNode, ClusterNode]),
      ...anchors.slice(1).map(a => [anchors[0], a] as [ClusterNode, ClusterNode])
    ]
    // when each node first completed a handshake with each peer (false deaths close connections again later)
    const firstConnected = nodes.map(() => new Map<string, number>())
    nodes.forEach((c, i) => {
      c.node.comm.addEventListener('peer:connected', evt => {
        if (!firstConnected[i].has(evt.detail.pkiIdHex)) firstConnected[i].set(evt.detail.pkiIdHex, performance.now())
      })
    })
    const indexOf = new Map(nodes.map((c, i) => [c, i]))
    const hex = (c: ClusterNode): string => Buffer.from(c.node.identity.pkiId).toString('hex')
    const connected = (): boolean => edges.every(([a, b]) => firstConnected[indexOf.get(a) ?? 0].has(hex(b)))
    const connectedTime = (): number => Math.max(...edges.map(([a, b]) => firstConnected[indexOf.get(a) ?? 0].get(hex(b)) ?? Number.NaN))
    const fullMembership = (c: ClusterNode): boolean => c.node.discovery.members().length >= n - 1
    const fullChannel = (c: ClusterNode): boolean => c.node.peersOfChannel(CHANNEL).length >= n - 1

    meter.begin()
    let elu = performance.eventLoopUtilization()
    const started = await startCluster(nodes)
    const timeout = spec.timeoutIntervals * alive
    // every poll walks every node's view: no more often than the size needs
    const poll = Math.min(Math.max(10, n / 2), alive / 50)
    const since = (t: number): number => t - started.last
    const connectedAt = pollUntil(connected, 'bootstrap connections', timeout, poll).then(() => since(connectedTime()), () => Number.NaN)
    const membershipAt = pollUntil(() => nodes.every(fullMembership), 'full membership', timeout, poll).then(since, () => Number.NaN)
    const channelAt = pollUntil(() => nodes.every(fullChannel), 'full channel views', timeout, poll).then(since, () => Number.NaN)
    const [connectedMs, membershipMs, channelMs] = await Promise.all([connectedAt, membershipAt, channelAt])
    const startup = meter.end()
    const eluConverge = performance.eventLoopUtilization(elu).utilization
    const dropsConverge = await droppedByReason(nodes)
    const membershipNodes = nodes.filter(fullMembership).length
    const channelNodes = nodes.filter(fullChannel).length
    ctx.log(`N=${n} (alive ${alive} ms): start spread ${started.spread.toFixed(0)} ms; connected +${connectedMs.toFixed(0)} ms, ` +
      `membership +${membershipMs.toFixed(0)} ms (${(membershipMs / alive).toFixed(2)} intervals), channel views +${channelMs.toFixed(0)} ms`)

    // steady state: past the cert period (alive messages carry the certificate until then) and a few intervals
    const settleUntil = windowIntervals === 0 ? 0 : Math.max(performance.now() + settleIntervals * alive, created + timings.publishCertPeriod + alive)
    await sleep(settleUntil - performance.now())
    if (windowIntervals > 0) {
      // all timers tick in step: start the window half an alive interval after a heartbeat of node 0, when that
      // round's forwarding is over and the next is far, so the window holds exactly windowIntervals rounds
      await nextHeartbeat(nodes, 2 * alive)
      await sleep(alive / 2)
    }
    const sentBefore = await Promise.all(nodes.map(async c => await metric(c.node, 'gossip_comm_messages_sent')))
    const overflowBefore = await Promise.all(nodes.map(async c => await metric(c.node, 'gossip_comm_overflow_count')))
    meter.aliveSizes.withSecret.length = 0
    meter.aliveSizes.withoutSecret.length = 0
    meter.aliveSizes.withIdentity.length = 0
    meter.begin()
    elu = performance.eventLoopUtilization()
    const cpu0 = process.cpuUsage()
    const machine0 = machineCpu()
    const deathsBefore = deaths
    await sleep(windowIntervals * alive)
    const steady = meter.end()
    const deathsSteady = deaths - deathsBefore
    const eluSteady = performance.eventLoopUtilization(elu).utilization
    const cpu = process.cpuUsage(cpu0)
    const cpuSteady = (cpu.user + cpu.system) / 1000 / steady.ms
    const machineSteady = (machineCpu().busy - machine0.busy) / (steady.ms / 1000)
    const commSent = (await Promise.all(nodes.map(async c => await metric(c.node, 'gossip_comm_messages_sent')))).map((v, i) => v - sentBefore[i])
    const overflow = (await Promise.all(nodes.map(async c => await metric(c.node, 'gossip_comm_overflow_count')))).map((v, i) => v - overflowBefore[i])
    const s = meter.aliveSizes
    const startupTotals = startup.sent.map(m => totalOf(m))
    return {
      n,
      factor,
      timings,
      startSpreadMs: started.spread,
      connectedMs,
      membershipMs,
      channelMs,
      membershipNodes,
      channelNodes,
      startupBytesPerNode: mean(startupTotals.map(t => t.bytes)),
      startupFramesPerNode: mean(startupTotals.map(t => t.frames)),
      startupConnections: startup.connectionsOpened.reduce((a, b) => a + b, 0) / 2,
      steady,
      commSent,
      overflow,
      deaths,
      deathsSteady,
      deathsUnreachable,
      dropsConverge,
      eluConverge,
      eluSteady,
      cpuSteady,
      machineSteady,
      aliveBytes: { withSecret: mean(s.withSecret), withoutSecret: mean(s.withoutSecret), withIdentity: mean(s.withIdentity), mean: mean([...s.withSecret, ...s.withoutSecret, ...s.withIdentity]) },
      seconds: 0
    }
  } finally {
    meter.stop()
    await stopCluster(all)
    ctx.log(`N=${n}: run took ${((performance.now() - t00) / 1000).toFixed(1)} s`)
  }
}

/** Resolves when another node receives an alive message of node 0 sent by node 0 itself (or after `timeoutMs`). */
async function nextHeartbeat (nodes: readonly ClusterNode[], timeoutMs: number): Promise<void> {
  const origin = Buffer.from(nodes[0].node.identity.pkiId).toString('hex')
  const unsubscribes: Array<() => void> = []
  let timer: NodeJS.Timeout | undefined
  try {
    await new Promise<void>(resolve => {
      timer = setTimeout(resolve, timeoutMs)
      for (const c of nodes.slice(1)) {
        unsubscribes.push(c.node.comm.subscribe(m => m.kind === 'aliveMsg' && m.sender.pkiIdHex === origin &&
          Buffer.from(m.message.aliveMsg?.membership?.pkiId ?? new Uint8Array(0)).toString('hex') === origin, () => { resolve() }))
      }
    })
  } finally {
    clearTimeout(timer)
    for (const u of unsubscribes) u()
  }
}

/** gossip_membership_dropped_messages summed over the nodes, by reason. */
async function droppedByReason (nodes: readonly ClusterNode[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const c of nodes) {
    const m = c.node.registry.getSingleMetric('gossip_membership_dropped_messages')
    for (const v of (await m?.get())?.values ?? []) {
      const reason = String(v.labels.reason ?? '')
      out[reason] = (out[reason] ?? 0) + v.value
    }
  }
  return out
}

// ---- what a run's traffic means ----

interface Traffic {
  /** per node mean, per second */
  bytes: number
  frames: number
  tcpBytes: number
  commSent: number
  /** the node sending most (bytes/s) and least */
  maxBytes: number
  minBytes: number
  /** per kind, per node mean, per second */
  kinds: Record<string, KindCount>
  /** mean frame bytes per kind in the window */
  frameBytes: Record<string, number>
  /** own alive frames per node and second (the heartbeat rate x propagatePeerNum) */
  ownAlive: number
  /** receivers' count / senders' gossip_comm_messages_sent (1: nothing lost) */
  delivered: number
  overflow: number
  connectionsOpened: number
}

function traffic (r: RunResult): Traffic {
  const sec = r.steady.ms / 1000
  const perNode = r.steady.sent.map(m => totalOf(m))
  const kinds: Record<string, KindCount> = {}
  const frameBytes: Record<string, number> = {}
  const allKinds = new Set(r.steady.sent.flatMap(m => [...m.keys()]))
  for (const k of allKinds) {
    const t = r.steady.sent.map(m => m.get(k) ?? { frames: 0, bytes: 0 })
    const frames = t.reduce((a, b) => a + b.frames, 0)
    const bytes = t.reduce((a, b) => a + b.bytes, 0)
    kinds[k] = { frames: frames / r.n / sec, bytes: bytes / r.n / sec }
    frameBytes[k] = frames > 0 ? bytes / frames : Number.NaN
  }
  const bytesPerSec = perNode.map(t => t.bytes / sec)
  const received = perNode.reduce((a, b) => a + b.frames, 0)
  const sent = r.commSent.reduce((a, b) => a + b, 0)
  return {
    bytes: mean(bytesPerSec),
    frames: mean(perNode.map(t => t.frames / sec)),
    tcpBytes: mean(r.steady.tcpBytes.map(b => b / sec)),
    ownAlive: mean(r.steady.ownAlive.map(a => a / sec)),
    commSent: mean(r.commSent.map(c => c / sec)),
    maxBytes: Math.max(...bytesPerSec),
    minBytes: Math.min(...bytesPerSec),
    kinds,
    frameBytes,
    delivered: sent > 0 ? received / sent : Number.NaN,
    overflow: r.overflow.reduce((a, b) => a + b, 0),
    connectionsOpened: r.steady.connectionsOpened.reduce((a, b) => a + b, 0)
  }
}

/**
 * What Fabric's algorithms send per node and second at steady state, with this run's frame sizes:
 * - alive: its own to propagatePeerNum peers, and every other member's new alive forwarded once to
 *   propagatePeerNum peers: 3N per alive interval;
 * - membership pull: pullPeerNum requests per pull interval, and as many responses (each peer is asked by
 *   pullPeerNum others on average);
 * - identity pull (Fabric's certStore): pullPeerNum hellos per pull interval, each answered by a digest;
 *   requests and updates only for identities not known yet (none at steady state);
 * - block pull (Fabric's pull of BLOCK_MSG, one per channel): pullPeerNum hellos per pull interval to peers of
 *   the org; no digest while no peer holds a block (none here);
 * - StateInfo pull: pullPeerNum requests and as many snapshots per requestStateInfoInterval;
 * - StateInfo push: none (published only when it changes).
 */
function fabricModel (r: RunResult, t: Traffic): Record<string, KindCount> {
  const perSec = (count: number, intervalMs: number): number => count / (intervalMs / 1000)
  const frames: Record<string, number> = {
    aliveMsg: perSec(PROPAGATE_PEER_NUM * r.n, r.timings.aliveTimeInterval),
    memReq: perSec(PULL_PEER_NUM, r.timings.pullInterval),
    memRes: perSec(PULL_PEER_NUM, r.timings.pullInterval),
    hello: perSec(PULL_PEER_NUM * (1 + CHANNELS), r.timings.pullInterval),
    dataDig: perSec(PULL_PEER_NUM, r.timings.pullInterval),
    dataReq: 0,
    dataUpdate: 0,
    stateInfo: 0,
    stateInfoPullReq: perSec(PULL_PEER_NUM, r.timings.requestStateInfoInterval),
    stateSnapshot: perSec(PULL_PEER_NUM, r.timings.requestStateInfoInterval)
  }
  const out: Record<string, KindCount> = {}
  for (const [k, f] of Object.entries(frames)) out[k] = { frames: f, bytes: f * (k === 'aliveMsg' ? r.aliveBytes.mean : (t.frameBytes[k] ?? 0)) }
  return out
}

/**
 * The same model at the tick rates the nodes actually ran: timers re-arm after they run, so a busy event loop
 * stretches every period. Own alive messages, membership, identity and StateInfo requests as measured; then
 * what Fabric's algorithms send in answer: every own alive forwarded once by each other member (N alives per
 * own alive), one response per request (identity and block pull run with membership pull: as many rounds).
 */
function fabricModelAtTicks (r: RunResult, t: Traffic): Record<string, KindCount> {
  const f = (k: string): number => t.kinds[k]?.frames ?? 0
  const frames: Record<string, number> = {
    aliveMsg: t.ownAlive * r.n,
    memReq: f('memReq'),
    memRes: f('memReq'),
    hello: f('memReq') * (1 + CHANNELS),
    dataDig: f('memReq'),
    dataReq: 0,
    dataUpdate: 0,
    stateInfo: 0,
    stateInfoPullReq: f('stateInfoPullReq'),
    stateSnapshot: f('stateInfoPullReq')
  }
  const out: Record<string, KindCount> = {}
  for (const [k, n] of Object.entries(frames)) out[k] = { frames: n, bytes: n * (k === 'aliveMsg' ? r.aliveBytes.mean : (t.frameBytes[k] ?? 0)) }
  return out
}

/** The floor: one alive message per interval to each of propagatePeerNum peers, at the measured alive size. */
function floor (r: RunResult): { frames: number, bytes: number } {
  const frames = PROPAGATE_PEER_NUM / (r.timings.aliveTimeInterval / 1000)
  return { frames, bytes: frames * r.aliveBytes.mean }
}

/**
 * The periodic task that sends each kind, and how often it runs at Fabric's timings (per second). Membership,
 * identity and block pull all run every pullInterval: their rounds are counted by the membership requests.
 */
const TASK_OF: Record<string, 'alive' | 'pull' | 'stateInfo'> = {
  aliveMsg: 'alive', memReq: 'pull', memRes: 'pull', hello: 'pull', dataDig: 'pull', dataReq: 'pull', dataUpdate: 'pull', stateInfoPullReq: 'stateInfo', stateSnapshot: 'stateInfo'
}
const FABRIC_TICKS = { alive: 1000 / FABRIC.aliveTimeInterval, pull: 1000 / FABRIC.pullInterval, stateInfo: 1000 / FABRIC.requestStateInfoInterval }

/**
 * A run's traffic per node at Fabric's default timings: each kind's frames and bytes per round of the task
 * that sends it, as counted in the window (own alive messages / propagatePeerNum, membership requests
 * and StateInfo requests / pullPeerNum), times that task's rounds per second at Fabric's timings. Exact
 * whatever the timing factor, and still right when a busy event loop ran the rounds late. Kinds no task
 * sends periodically (StateInfo push, election) are scaled by the timing factor.
 */
function atFabric (r: RunResult, t: Traffic): KindCount {
  const ticks = {
    alive: t.ownAlive / PROPAGATE_PEER_NUM,
    pull: (t.kinds.memReq?.frames ?? 0) / PULL_PEER_NUM,
    stateInfo: (t.kinds.stateInfoPullReq?.frames ?? 0) / PULL_PEER_NUM
  }
  let frames = 0
  let bytes = 0
  for (const [kind, c] of Object.entries(t.kinds)) {
    const task = TASK_OF[kind]
    const f = task != null && ticks[task] > 0 ? FABRIC_TICKS[task] / ticks[task] : r.factor
    frames += c.frames * f
    bytes += c.bytes * f
  }
  return { frames, bytes }
}

/** Fabric's algorithm at Fabric's timings, with the run's frame sizes: per node and second. */
function modelAtFabric (r: RunResult, t: Traffic): KindCount {
  const kinds = Object.values(fabricModel({ ...r, timings: FABRIC }, t))
  return { frames: kinds.reduce((a, b) => a + b.frames, 0), bytes: kinds.reduce((a, b) => a + b.bytes, 0) }
}

// ---- sections ----

const nodesLabel = (n: number): string => n % ORGS === 0 ? `N=${n} (${ORGS} orgs x ${n / ORGS})` : `N=${n} (${ORGS} orgs: ${Math.ceil(n / ORGS)} + ${n - Math.ceil(n / ORGS)})`

function convergenceSection (id: string, title: string, runs: RunResult[], params: Section['params']): Section {
  const alive = runs[0].timings.aliveTimeInterval
  const pull = runs[0].timings.pullInterval
  const samples = (f: (r: RunResult) => number): number[] => runs.map(f)
  const med = (f: (r: RunResult) => number): number => median(samples(f))
  const intervals = (ms: number): Record<string, number> => ({ 'alive intervals': round(ms / alive), 'pull intervals': round(ms / pull) })
  const connected = { label: 'bootstrap+anchor connections', value: med(r => r.connectedMs), samples: samples(r => round(r.connectedMs)) }
  const membership = med(r => r.membershipMs)
  return {
    id,
    title,
    params: { ...params, nodes: runs[0].n, rounds: runs.length, timingFactor: round(runs[0].factor), aliveTimeIntervalMs: alive, pullIntervalMs: pull, 'startSpreadMs(median)': round(med(r => r.startSpreadMs)) },
    figures: [
      figure({ id: `${id}.startSpread`, label: 'start spread (first start() to last started)', unit: 'ms', better: 'lower', value: med(r => r.startSpreadMs), samples: samples(r => round(r.startSpreadMs)), extra: intervals(med(r => r.startSpreadMs)) }),
      figure({ id: `${id}.connected`, label: 'every peer connected to its bootstrap peer', unit: 'ms', better: 'lower', value: connected.value, samples: connected.samples, extra: intervals(connected.value) }),
      figure({
        id: `${id}.membership`, label: `full membership (all see ${runs[0].n - 1} alive)`, unit: 'ms', better: 'lower',
        value: membership, baseline: connected, samples: samples(r => round(r.membershipMs)),
        extra: { ...intervals(membership), 'nodes (min)': Math.min(...runs.map(r => r.membershipNodes)) }
      }),
      figure({
        id: `${id}.channel`, label: `full channel views (peersOfChannel = ${runs[0].n - 1})`, unit: 'ms', better: 'lower',
        value: med(r => r.channelMs), baseline: { label: 'full membership', value: membership }, samples: samples(r => round(r.channelMs)),
        extra: { ...intervals(med(r => r.channelMs)), 'nodes (min)': Math.min(...runs.map(r => r.channelNodes)) }
      }),
      figure({
        id: `${id}.startupBytes`, label: 'gossip bytes per node, start to channel views', unit: 'KB', better: 'lower',
        value: med(r => r.startupBytesPerNode) / 1000, samples: samples(r => round(r.startupBytesPerNode / 1000)),
        extra: { frames: round(med(r => r.startupFramesPerNode)) }
      }),
      figure({
        id: `${id}.deaths`, label: 'member:dead events (all nodes, whole run)', unit: 'events', better: 'lower', value: med(r => r.deaths), samples: samples(r => r.deaths),
        extra: { 'of which unreachable (not silent)': med(r => r.deathsUnreachable) }
      }),
      figure({
        id: `${id}.connections`, label: 'TCP connections opened, start to channel views', unit: 'conns', better: 'lower',
        value: med(r => r.startupConnections), samples: samples(r => r.startupConnections),
        baseline: { label: `a full mesh (N(N-1)/2)`, value: runs[0].n * (runs[0].n - 1) / 2 }
      }),
      figure({
        id: `${id}.unknownIdentity`, label: 'alive msgs dropped: unknown identity (all nodes)', unit: 'msgs', better: 'lower',
        value: med(r => r.dropsConverge['unknown-identity'] ?? 0), samples: samples(r => r.dropsConverge['unknown-identity'] ?? 0),
        extra: { 'other drops': med(r => Object.entries(r.dropsConverge).filter(([k]) => k !== 'unknown-identity').reduce((a, [, v]) => a + v, 0)) }
      }),
      figure({ id: `${id}.elu`, label: 'event-loop utilisation, start to channel views', unit: '', better: 'lower', value: med(r => r.eluConverge), samples: samples(r => round(r.eluConverge)) })
    ]
  }
}

function trafficSection (id: string, title: string, runs: RunResult[], params: Section['params']): Section {
  const ts = runs.map(traffic)
  const models = runs.map((r, i) => fabricModel(r, ts[i]))
  const atTicks = runs.map((r, i) => fabricModelAtTicks(r, ts[i]))
  const floors = runs.map(floor)
  const med = (f: (i: number) => number): number => median(runs.map((_, i) => f(i)))
  const samples = (f: (i: number) => number): number[] => runs.map((_, i) => round(f(i)))
  const modelTotal = (i: number, what: 'bytes' | 'frames'): number => Object.values(models[i]).reduce((a, b) => a + b[what], 0)
  const floorBytes = { label: `floor: ${PROPAGATE_PEER_NUM} alives per interval`, value: med(i => floors[i].bytes), samples: samples(i => floors[i].bytes) }
  const floorFrames = { label: `floor: ${PROPAGATE_PEER_NUM} alives per interval`, value: med(i => floors[i].frames) }
  const modelBytes = { label: 'Fabric algorithm (alive fwd + pulls)', value: med(i => modelTotal(i, 'bytes')), samples: samples(i => modelTotal(i, 'bytes')) }
  const modelFrames = { label: 'Fabric algorithm (alive fwd + pulls)', value: med(i => modelTotal(i, 'frames')) }
  const ticksTotal = (i: number, what: 'bytes' | 'frames'): number => Object.values(atTicks[i]).reduce((a, b) => a + b[what], 0)
  // how fast the periodic tasks really ticked, against their nominal periods
  const aliveTicks = (i: number): number => ts[i].ownAlive / floors[i].frames
  const pullTicks = (i: number): number => (ts[i].kinds.memReq?.frames ?? 0) / (PULL_PEER_NUM / (runs[i].timings.pullInterval / 1000))
  const n = runs[0].n
  const deliveryBytes = { label: `every alive heard once (${n - 1} per interval)`, value: med(i => (n - 1) * runs[i].aliveBytes.mean / (runs[i].timings.aliveTimeInterval / 1000)) }
  const tcpOverGossip = med(i => ts[i].tcpBytes / ts[i].bytes)
  const figures: Figure[] = [
    figure({
      id: `${id}.bytes`, label: 'gossip bytes/s per node (mean)', unit: 'B/s', better: 'lower', value: med(i => ts[i].bytes), baseline: floorBytes, samples: samples(i => ts[i].bytes),
      extra: { 'max node': round(med(i => ts[i].maxBytes)), 'min node': round(med(i => ts[i].minBytes)) }
    }),
    figure({ id: `${id}.bytesVsDelivery`, label: 'gossip bytes/s per node (mean)', unit: 'B/s', better: 'lower', value: med(i => ts[i].bytes), baseline: deliveryBytes }),
    figure({ id: `${id}.bytesVsModel`, label: 'gossip bytes/s per node (mean)', unit: 'B/s', better: 'lower', value: med(i => ts[i].bytes), baseline: modelBytes }),
    figure({
      id: `${id}.bytesVsModelAtTicks`, label: 'gossip bytes/s per node (mean)', unit: 'B/s', better: 'lower', value: med(i => ts[i].bytes),
      baseline: { label: 'the same at the measured tick rates', value: med(i => ticksTotal(i, 'bytes')), samples: samples(i => ticksTotal(i, 'bytes')) },
      extra: { 'alive ticks / nominal': round(med(aliveTicks)), 'pull ticks / nominal': round(med(pullTicks)) }
    }),
    figure({
      id: `${id}.bytesAtFabricTimings`, label: 'gossip bytes/s per node at Fabric\'s timings', unit: 'B/s', better: 'lower',
      value: med(i => atFabric(runs[i], ts[i]).bytes), samples: samples(i => atFabric(runs[i], ts[i]).bytes),
      baseline: { label: 'Fabric algorithm at Fabric\'s timings', value: med(i => modelAtFabric(runs[i], ts[i]).bytes) },
      extra: { 'measured x factor': round(med(i => ts[i].bytes * runs[i].factor)), 'floor at Fabric\'s timings': round(floorBytes.value * runs[0].factor) }
    }),
    figure({
      id: `${id}.tcp`, label: 'TCP bytes/s per node (mean)', unit: 'B/s', better: 'lower', value: med(i => ts[i].tcpBytes), baseline: floorBytes, samples: samples(i => ts[i].tcpBytes),
      extra: { 'x gossip bytes': round(tcpOverGossip) }
    }),
    figure({
      id: `${id}.msgs`, label: 'messages/s per node (gossip_comm_messages_sent)', unit: 'msg/s', better: 'lower', value: med(i => ts[i].commSent), baseline: floorFrames, samples: samples(i => ts[i].commSent),
      extra: { 'received/sent': round(med(i => ts[i].delivered)), overflow: med(i => ts[i].overflow) }
    }),
    figure({ id: `${id}.msgsVsModel`, label: 'messages/s per node (gossip_comm_messages_sent)', unit: 'msg/s', better: 'lower', value: med(i => ts[i].commSent), baseline: modelFrames }),
    figure({
      id: `${id}.msgsAtFabricTimings`, label: 'messages/s per node at Fabric\'s timings', unit: 'msg/s', better: 'lower',
      value: med(i => atFabric(runs[i], ts[i]).frames), samples: samples(i => atFabric(runs[i], ts[i]).frames),
      baseline: { label: 'Fabric algorithm at Fabric\'s timings', value: med(i => modelAtFabric(runs[i], ts[i]).frames) }
    })
  ]
  const kinds = [...new Set([...KINDS, ...ts.flatMap(t => Object.keys(t.kinds))])]
  for (const k of kinds) {
    const frames = med(i => ts[i].kinds[k]?.frames ?? 0)
    const bytes = med(i => ts[i].kinds[k]?.bytes ?? 0)
    const sizes = ts.map(t => t.frameBytes[k]).filter(x => x != null && Number.isFinite(x))
    const model = models[0][k] != null ? { frames: med(i => models[i][k].frames), bytes: med(i => models[i][k].bytes) } : undefined
    figures.push(figure({
      id: `${id}.kind.${k}`, label: `  ${k}: msg/s per node`, unit: 'msg/s', better: 'lower', value: frames, samples: samples(i => ts[i].kinds[k]?.frames ?? 0),
      ...(model != null && model.frames > 0 ? { baseline: { label: 'Fabric algorithm', value: model.frames } } : {}),
      extra: {
        'B/s': round(bytes),
        ...(sizes.length > 0 ? { 'frame bytes': round(median(sizes)) } : {}),
        ...(model != null ? { 'model B/s': round(model.bytes), 'model at ticks msg/s': round(med(i => atTicks[i][k]?.frames ?? 0)) } : {})
      }
    }))
  }
  figures.push(figure({ id: `${id}.connections`, label: 'connections opened in the window (all nodes)', unit: 'conns', better: 'lower', value: med(i => ts[i].connectionsOpened) }))
  figures.push(figure({ id: `${id}.deaths`, label: 'member:dead events in the window (all nodes)', unit: 'events', better: 'lower', value: med(i => runs[i].deathsSteady), samples: samples(i => runs[i].deathsSteady) }))
  figures.push(figure({
    id: `${id}.elu`, label: 'event-loop utilisation in the window', unit: '', better: 'lower', value: med(i => runs[i].eluSteady), samples: samples(i => runs[i].eluSteady),
    extra: { 'process CPU / wall': round(med(i => runs[i].cpuSteady)), 'machine busy (cores, all processes)': round(med(i => runs[i].machineSteady)), cores: cpus().length }
  }))
  const a = runs.map(r => r.aliveBytes)
  return {
    id,
    title,
    params: {
      ...params,
      nodes: n,
      rounds: runs.length,
      timingFactor: round(runs[0].factor),
      windowMs: round(med(i => runs[i].steady.ms)),
      aliveTimeIntervalMs: runs[0].timings.aliveTimeInterval,
      propagatePeerNum: PROPAGATE_PEER_NUM,
      pullPeerNum: PULL_PEER_NUM,
      aliveFrameBytes: round(median(a.map(x => x.mean))),
      aliveFrameBytesWithSecret: round(median(a.map(x => x.withSecret))),
      aliveFrameBytesWithoutSecret: round(median(a.map(x => x.withoutSecret)))
    },
    figures
  }
}

/** Least-squares slope of log y on log x: the exponent k of y ~ x^k (NaN with fewer than 2 usable points). */
function growthExponent (points: ReadonlyArray<readonly [number, number]>): number {
  const p = points.filter(([x, y]) => x > 0 && y > 0 && Number.isFinite(x) && Number.isFinite(y)).map(([x, y]) => [Math.log(x), Math.log(y)])
  if (p.length < 2) return Number.NaN
  const mx = mean(p.map(q => q[0]))
  const my = mean(p.map(q => q[1]))
  const sxx = p.reduce((a, q) => a + (q[0] - mx) ** 2, 0)
  return sxx === 0 ? Number.NaN : p.reduce((a, q) => a + (q[0] - mx) * (q[1] - my), 0) / sxx
}

/** One size's medians, at Fabric's timings where a rate. */
interface SizeSummary {
  n: number
  factor: number
  bytes: number
  modelBytes: number
  frames: number
  modelFrames: number
  /** TCP bytes / gossip bytes in the window */
  tcpOverGossip: number
  /** convergence in alive intervals of the run's own timings */
  membershipIntervals: number
  channelIntervals: number
  connectedIntervals: number
  startupBytes: number
  eluSteady: number
  eluConverge: number
  cpuSteady: number
  machineSteady: number
  deathsSteady: number
  /** why the size is left out of the growth fit ('' when it is in): it did not converge, or its window was not a steady state */
  excluded: string
}

function summarise (runs: RunResult[]): SizeSummary {
  const ts = runs.map(traffic)
  const med = (f: (i: number) => number): number => median(runs.map((_, i) => f(i)))
  const alive = (i: number): number => runs[i].timings.aliveTimeInterval
  return {
    n: runs[0].n,
    factor: runs[0].factor,
    bytes: med(i => atFabric(runs[i], ts[i]).bytes),
    modelBytes: med(i => modelAtFabric(runs[i], ts[i]).bytes),
    frames: med(i => atFabric(runs[i], ts[i]).frames),
    modelFrames: med(i => modelAtFabric(runs[i], ts[i]).frames),
    tcpOverGossip: med(i => ts[i].tcpBytes / ts[i].bytes),
    membershipIntervals: med(i => runs[i].membershipMs / alive(i)),
    channelIntervals: med(i => runs[i].channelMs / alive(i)),
    connectedIntervals: med(i => runs[i].connectedMs / alive(i)),
    startupBytes: med(i => runs[i].startupBytesPerNode),
    eluSteady: med(i => runs[i].eluSteady),
    eluConverge: med(i => runs[i].eluConverge),
    cpuSteady: med(i => runs[i].cpuSteady),
    machineSteady: med(i => runs[i].machineSteady),
    deathsSteady: med(i => runs[i].deathsSteady),
    excluded: [
      runs.some(r => !Number.isFinite(r.channelMs)) ? 'did not converge' : '',
      runs.some(r => r.deathsSteady > 0) ? 'members died in the window' : '',
      median(runs.map(r => r.eluSteady)) >= 0.95 ? 'event loop saturated' : ''
    ].filter(x => x !== '').join(', ')
  }
}

/** Every size side by side, rates at Fabric's timings (so they compare across the timing factors). */
function scalingSection (sizes: SizeSummary[]): Section {
  const figures: Figure[] = []
  for (const z of sizes) {
    figures.push(figure({
      id: `scaling.bytes${z.n}`, label: `N=${z.n}: gossip bytes/s per node at Fabric's timings`, unit: 'B/s', better: 'lower', value: z.bytes,
      baseline: { label: 'Fabric algorithm', value: z.modelBytes },
      extra: { 'timings': factorLabel(z.factor), 'bytes / N': round(z.bytes / z.n), 'TCP / gossip bytes': round(z.tcpOverGossip) }
    }))
  }
  for (const z of sizes) {
    figures.push(figure({ id: `scaling.msgs${z.n}`, label: `N=${z.n}: messages/s per node at Fabric's timings`, unit: 'msg/s', better: 'lower', value: z.frames, baseline: { label: 'Fabric algorithm', value: z.modelFrames } }))
  }
  for (const z of sizes) {
    figures.push(figure({
      id: `scaling.membership${z.n}`, label: `N=${z.n}: full membership`, unit: 'intervals', better: 'lower', value: z.membershipIntervals,
      baseline: { label: 'bootstrap+anchor connections', value: z.connectedIntervals },
      extra: { 'full channel views': round(z.channelIntervals), 'alive interval (s)': round(FABRIC.aliveTimeInterval * z.factor / 1000) }
    }))
  }
  for (const z of sizes) {
    figures.push(figure({
      id: `scaling.elu${z.n}`, label: `N=${z.n}: event-loop utilisation in the window`, unit: '', better: 'lower', value: z.eluSteady,
      extra: { 'process CPU / wall': round(z.cpuSteady), 'machine busy (cores)': round(z.machineSteady), 'start to channel views': round(z.eluConverge), 'member:dead in the window': z.deathsSteady }
    }))
  }
  return {
    id: 'scaling',
    title: 'Every size at Fabric\'s default timings (each kind\'s traffic per measured round x Fabric\'s rounds per second)',
    params: { sizes: sizes.map(z => z.n).join(' '), timingFactors: sizes.map(z => round(z.factor)).join(' ') },
    figures,
    charts: scalingCharts(sizes)
  }
}

/**
 * The growth exponents: y ~ N^k, k the least-squares slope on log-log axes, over the sizes that converged
 * and held a steady state (a saturated run's rates are the CPU's, not the protocol's).
 */
function growthSection (all: SizeSummary[]): Section {
  const sizes = all.filter(z => z.excluded === '')
  const left = all.filter(z => z.excluded !== '').map(z => `N=${z.n}: ${z.excluded}`).join('; ')
  const k = (f: (z: SizeSummary) => number): number => growthExponent(sizes.map(z => [z.n, f(z)]))
  const local = (f: (z: SizeSummary) => number): string => sizes.slice(1).map((z, i) => `${sizes[i].n}-${z.n} ${round(growthExponent([[sizes[i].n, f(sizes[i])], [z.n, f(z)]]))}`).join(', ')
  const linear = { label: 'linear growth (the target: at most 1)', value: 1 }
  const logN = { label: 'log N (an epidemic\'s)', value: k(z => Math.log(z.n)) }
  const bytesK = k(z => z.bytes)
  const first = sizes[0]
  const last = sizes[sizes.length - 1]
  return {
    id: 'growth',
    title: `Growth with N (exponent k of value ~ N^k, least squares on log-log axes over N = ${sizes.map(z => z.n).join(', ')})`,
    params: { sizes: sizes.map(z => z.n).join(' '), fit: 'least-squares slope of ln(value) on ln(N)', left: left === '' ? 'none' : left },
    figures: [
      figure({
        id: 'growth.bytes', label: 'gossip bytes/s per node (at Fabric\'s timings)', unit: 'k', better: 'lower', value: bytesK, baseline: linear,
        extra: {
          'Fabric algorithm k': round(k(z => z.modelBytes)), holds: bytesK <= 1 ? 'yes' : 'no', 'between sizes': local(z => z.bytes), [`x from N=${first.n} to ${last.n}`]: round(last.bytes / first.bytes),
          'k with every size': round(growthExponent(all.map(z => [z.n, z.bytes])))
        }
      }),
      figure({
        id: 'growth.msgs', label: 'messages/s per node (at Fabric\'s timings)', unit: 'k', better: 'lower', value: k(z => z.frames), baseline: linear,
        extra: { 'Fabric algorithm k': round(k(z => z.modelFrames)), 'between sizes': local(z => z.frames) }
      }),
      figure({
        id: 'growth.clusterBytes', label: 'gossip bytes/s of the whole cluster', unit: 'k', better: 'lower', value: k(z => z.bytes * z.n), baseline: { label: 'quadratic (N peers x linear)', value: 2 }
      }),
      figure({
        id: 'growth.membership', label: 'full membership time (alive intervals)', unit: 'k', better: 'lower', value: k(z => z.membershipIntervals), baseline: logN,
        extra: { 'between sizes': local(z => z.membershipIntervals) }
      }),
      figure({ id: 'growth.channel', label: 'full channel views time (alive intervals)', unit: 'k', better: 'lower', value: k(z => z.channelIntervals), baseline: logN }),
      figure({ id: 'growth.startupBytes', label: 'gossip bytes per node to converge', unit: 'k', better: 'lower', value: k(z => z.startupBytes), baseline: linear })
    ]
  }
}

function scalingCharts (sizes: SizeSummary[]): ChartSpec[] {
  const first = sizes[0]
  const xs = sizes.map(z => z.n)
  const inFit = sizes.filter(z => z.excluded === '')
  const outOfFit = sizes.filter(z => z.excluded !== '')
  return [
    {
      id: 'bytes-vs-n',
      title: 'Gossip bytes per second per peer against N, at Fabric\'s default timings, log-log, with the linear growth reference',
      kind: 'line',
      spec: {
        title: 'Membership traffic per peer vs N (Fabric\'s timings)',
        xLabel: 'peers (N)',
        yLabel: 'gossip bytes/s per peer',
        yUnit: 'B/s',
        logX: true,
        logY: true,
        series: [
          { name: 'measured', points: inFit.map(z => [z.n, z.bytes] as const) },
          ...(outOfFit.length > 0 ? [{ name: 'measured, saturated run (not fitted)', points: outOfFit.map(z => [z.n, z.bytes] as const), dashed: true }] : []),
          { name: 'Fabric algorithm (model)', points: sizes.map(z => [z.n, z.modelBytes] as const), dashed: true },
          { name: `linear from N=${first.n} (k = 1)`, points: xs.map(n => [n, first.bytes * n / first.n] as const), dashed: true, markers: false }
        ]
      }
    },
    {
      id: 'convergence-vs-n',
      title: 'Time from a cold start to full membership and to full channel views, in alive intervals, against N',
      kind: 'line',
      spec: {
        title: 'Convergence after a cold start vs N',
        xLabel: 'peers (N)',
        yLabel: 'time',
        yUnit: 'alive intervals',
        logX: true,
        series: [
          { name: 'full membership', points: sizes.map(z => [z.n, z.membershipIntervals] as const) },
          { name: 'full channel views', points: sizes.map(z => [z.n, z.channelIntervals] as const) },
          { name: 'bootstrap+anchor connections', points: sizes.map(z => [z.n, z.connectedIntervals] as const), dashed: true }
        ]
      }
    }
  ]
}

const bench: Benchmark = {
  name: 'membership',
  title: `membership: ${ORGS} orgs started at once, N = 10 to 100: convergence, steady-state traffic vs the floor and Fabric's algorithm, growth with N`,
  async run (ctx) {
    const p = ctx.quick ? QUICK : FULL
    const sections: Section[] = []
    try {
      const maxN = Math.max(...p.sizes.map(z => z.n))
      const layout = await clusterLayout(ORGS, Math.ceil(maxN / ORGS))
      // a warm-up cluster of 2 x 2 (module loading, JIT, crypto caches), thrown away
      ctx.log('warm-up: one cluster of 2 x 2')
      await runCluster(ctx, layout, { n: 4, factor: 1 / 5, windowIntervals: 1, settleIntervals: 0, timeoutIntervals: 30 })

      const bySize = new Map<number, RunResult[]>(p.sizes.map(z => [z.n, []]))
      const maxRounds = Math.max(...p.sizes.map(z => z.rounds))
      for (let r = 0; r < maxRounds; r++) {
        const due = p.sizes.filter(z => z.rounds > r)
        for (const z of r % 2 === 0 ? due : [...due].reverse()) {
          const t0 = performance.now()
          const result = await runCluster(ctx, layout, { n: z.n, factor: z.factor, windowIntervals: p.windowIntervals, settleIntervals: p.settleIntervals, timeoutIntervals: z.timeoutIntervals })
          result.seconds = (performance.now() - t0) / 1000
          bySize.get(z.n)?.push(result)
        }
      }
      for (const z of p.sizes) {
        const runs = bySize.get(z.n) as RunResult[]
        const timings = factorLabel(z.factor)
        const seconds = round(runs.reduce((a, b) => a + b.seconds, 0))
        sections.push(convergenceSection(`converge${z.n}`, `Convergence, ${nodesLabel(z.n)}, started at once (timings: ${timings})`, runs, { timings, seconds }))
        sections.push(trafficSection(`traffic${z.n}`, `Steady-state traffic per node, ${nodesLabel(z.n)}, ${p.windowIntervals} alive intervals (timings: ${timings})`, runs, { timings, windowIntervals: p.windowIntervals }))
      }
      const summaries = p.sizes.map(z => summarise(bySize.get(z.n) as RunResult[]))
      sections.push(scalingSection(summaries))
      if (summaries.length > 1) sections.push(growthSection(summaries))
      return sections
    } finally {
      await cleanupTmp()
    }
  }
}

export default bench
