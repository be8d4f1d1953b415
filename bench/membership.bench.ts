/**
 * Membership at scale, in one process over TCP on loopback: `2 orgs x P peers` (N = 10 and 20), every peer
 * with an external endpoint, peer0 of each org its org's bootstrap peer and its anchor peer in one channel
 * that every node joins before it starts; all nodes started at once.
 *
 * 1. convergence: from the last node started until every node sees N-1 alive members (full membership) and
 *    N-1 peers in the channel (`peersOfChannel`, full channel views), in ms and in alive intervals; the
 *    baseline is the time by which every peer had completed a handshake with its bootstrap peer and the two
 *    anchor peers with each other (nothing can be learned before that);
 * 2. steady-state traffic, over a window of alive intervals after convergence: bytes and messages each node
 *    sends per second, against the floor (one alive message per interval to each of propagatePeerNum peers,
 *    at the measured alive message size) and against what Fabric's algorithms send (alive push + forward of
 *    every new alive message, membership, identity and StateInfo pull), by message kind;
 * 3. growth from N = 10 to N = 20;
 * 4. (full run) one run of N = 20 at Fabric's real default timings, until convergence (its traffic is the
 *    scaled runs' divided by SCALE: every rate is proportional to 1 / interval, and the scaled traffic matches
 *    the model of Fabric's algorithms).
 *
 * Timings: Fabric's defaults divided by SCALE (5) throughout: alive 1 s, expiration 5 s, reconnect 5 s,
 * membership and identity pull 800 ms (digest/request/response waits 200/300/400 ms, as FAST_GOSSIP),
 * StateInfo publish and pull 800 ms, cert period 2 s. Network timeouts (dial, handshake) and the 10 ms burst
 * latency are not scaled. Why 5 and not FAST_GOSSIP's 20 (alive 250 ms): all nodes share one event loop, and
 * at 20x Fabric's rates 20 nodes saturate it (event-loop utilisation 1.0): members flap and the figures
 * measure the CPU, not the protocol. The event-loop utilisation is reported with every run.
 */
import { performance } from 'node:perf_hooks'
import { figure, median, type BenchContext, type Benchmark, type Figure, type Section } from './lib/harness.js'
import { cleanupTmp, metric } from './lib/nodes.js'
import {
  channelOf, clusterLayout, createCluster, pollUntil, startCluster, stopCluster, totalOf, TrafficMeter,
  type ClusterNode, type KindCount, type TrafficSnapshot
} from './lib/cluster.js'
import type { CryptoLayout } from '../src/identity/cryptogen.js'

const ORGS = 2
const CHANNEL = 'bench'
const SCALE = 5

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
const scaled = (t: Timings, by: number): Timings => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v / by])) as Timings

/** Fabric defaults of the fan-outs (not changed here). */
const PROPAGATE_PEER_NUM = 3
const PULL_PEER_NUM = 3

/** The kinds membership and channels send, in table order. */
const KINDS = ['aliveMsg', 'memReq', 'memRes', 'hello', 'dataDig', 'dataReq', 'dataUpdate', 'stateInfo', 'stateInfoPullReq', 'stateSnapshot'] as const

interface Params {
  /** peers per org of the measured sizes (N = 2 x each) */
  peersPerOrg: number[]
  /** measured rounds per size (a fresh cluster each), interleaved across sizes */
  rounds: number
  /** steady-state window, in alive intervals */
  windowIntervals: number
  /** wait after convergence before the window, in alive intervals (and at least past publishCertPeriod) */
  settleIntervals: number
  /** give up waiting for convergence after this many alive intervals (the figure is then NaN) */
  timeoutIntervals: number
  /** one run of the largest size at Fabric's real timings, until convergence (its traffic is the scaled one / SCALE) */
  real: { timeoutIntervals: number } | undefined
}

// All nodes start at once, so their alive and pull timers tick in step: a window of 4 alive intervals (5 pull
// intervals at these timings) holds a whole number of both.
const FULL: Params = { peersPerOrg: [5, 10], rounds: 3, windowIntervals: 4, settleIntervals: 0, timeoutIntervals: 30, real: { timeoutIntervals: 12 } }
const QUICK: Params = { peersPerOrg: [5], rounds: 1, windowIntervals: 4, settleIntervals: 0, timeoutIntervals: 15, real: undefined }

const round = (x: number): number => Number.isFinite(x) ? Number(x.toPrecision(4)) : x
const mean = (xs: readonly number[]): number => xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length
const sleep = async (ms: number): Promise<void> => { if (ms > 0) await new Promise(resolve => setTimeout(resolve, ms)) }

/** What one cluster run measured. */
interface RunResult {
  n: number
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
  /** alive frame sizes seen in the window */
  aliveBytes: { withSecret: number, withoutSecret: number, withIdentity: number, mean: number }
  seconds: number
}

function channelDefinition (layout: CryptoLayout, addresses: string[][]): ReturnType<typeof channelOf> {
  const anchors: Record<number, string[]> = {}
  addresses.forEach((row, o) => { anchors[o + 1] = [row[0]] })
  return channelOf(layout, CHANNEL, addresses.map((_, o) => o + 1), anchors)
}

/** windowIntervals 0: stop at convergence (no traffic window) */
interface RunSpec { peersPerOrg: number, timings: Timings, windowIntervals: number, settleIntervals: number, timeoutIntervals: number }

async function runCluster (ctx: BenchContext, layout: CryptoLayout, spec: RunSpec): Promise<RunResult> {
  const { peersPerOrg, timings, windowIntervals, settleIntervals } = spec
  const t00 = performance.now()
  const n = ORGS * peersPerOrg
  const alive = timings.aliveTimeInterval
  const nodes = await createCluster(layout, {
    orgs: ORGS,
    peersPerOrg,
    gossip: { ...timings },
    channels: addresses => [channelDefinition(layout, addresses)]
  })
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
    const poll = Math.min(10, alive / 50)
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
    const deathsBefore = deaths
    await sleep(windowIntervals * alive)
    const steady = meter.end()
    const deathsSteady = deaths - deathsBefore
    const eluSteady = performance.eventLoopUtilization(elu).utilization
    const commSent = (await Promise.all(nodes.map(async c => await metric(c.node, 'gossip_comm_messages_sent')))).map((v, i) => v - sentBefore[i])
    const overflow = (await Promise.all(nodes.map(async c => await metric(c.node, 'gossip_comm_overflow_count')))).map((v, i) => v - overflowBefore[i])
    const s = meter.aliveSizes
    const startupTotals = startup.sent.map(m => totalOf(m))
    return {
      n,
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
      aliveBytes: { withSecret: mean(s.withSecret), withoutSecret: mean(s.withoutSecret), withIdentity: mean(s.withIdentity), mean: mean([...s.withSecret, ...s.withoutSecret, ...s.withIdentity]) },
      seconds: 0
    }
  } finally {
    meter.stop()
    await stopCluster(nodes)
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
 * - StateInfo pull: pullPeerNum requests and as many snapshots per requestStateInfoInterval;
 * - StateInfo push: none (published only when it changes).
 */
function fabricModel (r: RunResult, t: Traffic): Record<string, KindCount> {
  const perSec = (count: number, intervalMs: number): number => count / (intervalMs / 1000)
  const frames: Record<string, number> = {
    aliveMsg: perSec(PROPAGATE_PEER_NUM * r.n, r.timings.aliveTimeInterval),
    memReq: perSec(PULL_PEER_NUM, r.timings.pullInterval),
    memRes: perSec(PULL_PEER_NUM, r.timings.pullInterval),
    hello: perSec(PULL_PEER_NUM, r.timings.pullInterval),
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
 * own alive), one response per request.
 */
function fabricModelAtTicks (r: RunResult, t: Traffic): Record<string, KindCount> {
  const f = (k: string): number => t.kinds[k]?.frames ?? 0
  const frames: Record<string, number> = {
    aliveMsg: t.ownAlive * r.n,
    memReq: f('memReq'),
    memRes: f('memReq'),
    hello: f('hello'),
    dataDig: f('hello'),
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

// ---- sections ----

const nodesLabel = (n: number): string => `N=${n} (${ORGS} orgs x ${n / ORGS})`

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
    params: { ...params, nodes: runs[0].n, rounds: runs.length, aliveTimeIntervalMs: alive, pullIntervalMs: pull, 'startSpreadMs(median)': round(med(r => r.startSpreadMs)) },
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
  const pullTicks = (i: number): number => (ts[i].kinds.hello?.frames ?? 0) / (PULL_PEER_NUM / (runs[i].timings.pullInterval / 1000))
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
    ...(runs[0].timings.aliveTimeInterval !== FABRIC.aliveTimeInterval
      ? [figure({
          id: `${id}.bytesAtFabricTimings`, label: `  the same at Fabric's timings (every rate / ${FABRIC.aliveTimeInterval / runs[0].timings.aliveTimeInterval})`, unit: 'B/s', better: 'lower',
          value: med(i => ts[i].bytes) * runs[0].timings.aliveTimeInterval / FABRIC.aliveTimeInterval,
          baseline: { label: floorBytes.label, value: floorBytes.value * runs[0].timings.aliveTimeInterval / FABRIC.aliveTimeInterval },
          extra: { derived: 'scaled figure x interval ratio' }
        })]
      : []),
    figure({
      id: `${id}.tcp`, label: 'TCP bytes/s per node (mean)', unit: 'B/s', better: 'lower', value: med(i => ts[i].tcpBytes), baseline: floorBytes, samples: samples(i => ts[i].tcpBytes),
      extra: { 'x gossip bytes': round(tcpOverGossip) }
    }),
    figure({
      id: `${id}.msgs`, label: 'messages/s per node (gossip_comm_messages_sent)', unit: 'msg/s', better: 'lower', value: med(i => ts[i].commSent), baseline: floorFrames, samples: samples(i => ts[i].commSent),
      extra: { 'received/sent': round(med(i => ts[i].delivered)), overflow: med(i => ts[i].overflow) }
    }),
    figure({ id: `${id}.msgsVsModel`, label: 'messages/s per node (gossip_comm_messages_sent)', unit: 'msg/s', better: 'lower', value: med(i => ts[i].commSent), baseline: modelFrames })
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
  figures.push(figure({ id: `${id}.elu`, label: 'event-loop utilisation in the window', unit: '', better: 'lower', value: med(i => runs[i].eluSteady), samples: samples(i => runs[i].eluSteady) }))
  const a = runs.map(r => r.aliveBytes)
  return {
    id,
    title,
    params: {
      ...params,
      nodes: n,
      rounds: runs.length,
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

function growthSection (small: RunResult[], large: RunResult[]): Section {
  const g = (f: (r: RunResult) => number): number => median(large.map(f)) / median(small.map(f))
  const ts = { small: small.map(traffic), large: large.map(traffic) }
  const gt = (f: (t: Traffic, r: RunResult) => number): number => median(large.map((r, i) => f(ts.large[i], r))) / median(small.map((r, i) => f(ts.small[i], r)))
  const modelBytes = (t: Traffic, r: RunResult): number => Object.values(fabricModel(r, t)).reduce((a, b) => a + b.bytes, 0)
  const nS = small[0].n
  const nL = large[0].n
  const logGrowth = { label: `log N (log ${nL} / log ${nS})`, value: Math.log(nL) / Math.log(nS) }
  const floorGrowth = gt((_t, r) => floor(r).bytes)
  return {
    id: 'growth',
    title: `Growth from N=${nS} to N=${nL} (value at ${nL} / value at ${nS})`,
    params: { from: nS, to: nL },
    figures: [
      figure({ id: 'growth.membership', label: 'full membership time', unit: 'x', better: 'lower', value: g(r => r.membershipMs), baseline: logGrowth }),
      figure({ id: 'growth.channel', label: 'full channel views time', unit: 'x', better: 'lower', value: g(r => r.channelMs), baseline: logGrowth }),
      figure({ id: 'growth.bytes', label: 'gossip bytes/s per node', unit: 'x', better: 'lower', value: gt(t => t.bytes), baseline: { label: 'Fabric algorithm growth', value: gt(modelBytes) }, extra: { 'floor growth': round(floorGrowth), 'N growth': round(nL / nS) } }),
      figure({ id: 'growth.tcp', label: 'TCP bytes/s per node', unit: 'x', better: 'lower', value: gt(t => t.tcpBytes), baseline: { label: 'Fabric algorithm growth', value: gt(modelBytes) } }),
      figure({ id: 'growth.msgs', label: 'messages/s per node', unit: 'x', better: 'lower', value: gt(t => t.commSent), baseline: { label: 'Fabric algorithm growth', value: gt((t, r) => Object.values(fabricModel(r, t)).reduce((a, b) => a + b.frames, 0)) } }),
      figure({ id: 'growth.startupBytes', label: 'gossip bytes per node to converge', unit: 'x', better: 'lower', value: g(r => r.startupBytesPerNode), baseline: { label: `N (${nL} / ${nS})`, value: nL / nS } })
    ]
  }
}

const bench: Benchmark = {
  name: 'membership',
  title: `membership: ${ORGS} orgs started at once, convergence and steady-state traffic vs the floor`,
  async run (ctx) {
    const p = ctx.quick ? QUICK : FULL
    const fast = scaled(FABRIC, SCALE)
    const sections: Section[] = []
    try {
      const maxPeers = Math.max(...p.peersPerOrg)
      const layout = await clusterLayout(ORGS, maxPeers)
      // a warm-up cluster of 2 x 2 (module loading, JIT, crypto caches), thrown away
      ctx.log('warm-up: one cluster of 2 x 2')
      await runCluster(ctx, layout, { peersPerOrg: 2, timings: fast, windowIntervals: 1, settleIntervals: 0, timeoutIntervals: p.timeoutIntervals })

      const bySize = new Map<number, RunResult[]>(p.peersPerOrg.map(s => [s, []]))
      for (let r = 0; r < p.rounds; r++) {
        const order = r % 2 === 0 ? p.peersPerOrg : [...p.peersPerOrg].reverse()
        for (const size of order) {
          const t0 = performance.now()
          const result = await runCluster(ctx, layout, { peersPerOrg: size, timings: fast, windowIntervals: p.windowIntervals, settleIntervals: p.settleIntervals, timeoutIntervals: p.timeoutIntervals })
          result.seconds = (performance.now() - t0) / 1000
          bySize.get(size)?.push(result)
        }
      }
      const scaling = `Fabric defaults / ${SCALE}`
      for (const size of p.peersPerOrg) {
        const runs = bySize.get(size) as RunResult[]
        const seconds = round(runs.reduce((a, b) => a + b.seconds, 0))
        sections.push(convergenceSection(`converge${runs[0].n}`, `Convergence, ${nodesLabel(runs[0].n)}, started at once (timings: ${scaling})`, runs, { timings: scaling, seconds }))
        sections.push(trafficSection(`traffic${runs[0].n}`, `Steady-state traffic per node, ${nodesLabel(runs[0].n)}, ${p.windowIntervals} alive intervals (timings: ${scaling})`, runs, { timings: scaling, windowIntervals: p.windowIntervals }))
      }
      if (p.peersPerOrg.length > 1) {
        sections.push(growthSection(bySize.get(Math.min(...p.peersPerOrg)) as RunResult[], bySize.get(maxPeers) as RunResult[]))
      }
      if (p.real != null) {
        ctx.log(`Fabric's real default timings: one run of N=${ORGS * maxPeers}`)
        const t0 = performance.now()
        const real = await runCluster(ctx, layout, { peersPerOrg: maxPeers, timings: FABRIC, windowIntervals: 0, settleIntervals: 0, timeoutIntervals: p.real.timeoutIntervals })
        real.seconds = (performance.now() - t0) / 1000
        const seconds = round(real.seconds)
        sections.push(convergenceSection('convergeReal', `Convergence, ${nodesLabel(real.n)}, at Fabric's default timings (one run)`, [real], { timings: 'Fabric defaults', seconds }))
      }
      return sections
    } finally {
      await cleanupTmp()
    }
  }
}

export default bench
