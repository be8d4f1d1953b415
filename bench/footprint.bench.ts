/**
 * Footprint: memory and CPU per peer at N = 20 and 100 (quick: 20), every peer its own OS process, idle and
 * under load, next to baseline processes measured in the same windows.
 *
 * The cluster is `fgossip cluster up`'s (`bench/lib/process-cluster.ts`): 2 orgs x P peers and an orderer,
 * peer0 of each org the bootstrap peer of its org and its anchor peer in one channel, Fabric's gossip
 * timings, leader election on; every process runs the compiled sources (as a deployed peer does: no tsx).
 * The peers start in waves of 10, each wave once the previous one answers `/healthz`; then the benchmark
 * waits for convergence (`fgossip cluster up`'s test: every peer sees every other alive and in the channel,
 * one leader per org), lets it settle, and measures:
 *
 * 1. idle, over a window of 30 s: each process's CPU time (/proc/<pid>/stat utime + stime, all threads) and
 *    the time it was runnable but waiting for a core (/proc/<pid>/schedstat); at the end its resident set
 *    (VmRSS), its proportional and private shares (/proc/<pid>/smaps_rollup Pss, Private_*: what the machine
 *    really gives each peer, code pages shared between the processes counted once) and its V8 heap
 *    (`nodejs_heap_size_used_bytes` of the peer's `/metrics`; prom-client's default metrics);
 * 2. under load: one peer of each org (peer1) takes in blocks of 10 KB at 10 a second through
 *    `POST /channels/bench/blocks` of its operations server (valid blocks signed by the orderer's identity, as
 *    if the orderer delivered them to the org's leader: gossip pushes blocks to peers of the pusher's own org
 *    only, Fabric's CHAN_AND_ORG, so each org needs its own source), and gossip spreads them to the org's other
 *    peers; the same figures over a window of 30 s after 5 s of warm-up, and every peer's height after it.
 *
 * Baselines, separate processes started before the cluster: a bare Node process (`node -e` idling), a stock
 * js-libp2p node (TCP, Noise, yamux, identify, ping; `bench/lib/stock-node.ts`) connected to nothing, and one
 * connected to N-1 stock nodes (all of them in one other process, not measured), as a peer of a full mesh is:
 * libp2p's own cost of N-1 connections (its connection monitor pings each every 10 s). They are measured in a
 * window of their own before the peers start (the figures), and again beside the peers in the idle window (in
 * the notes, with the connections the stock node still has open: a starved machine makes libp2p's pings time
 * out, and it closes those connections).
 *
 * The machine's cores are shared by every process: when the peers together want more CPU than the machine has,
 * each gets a share, not what it wants. The machine's busy time in each window (/proc/stat, every process,
 * ours and others') and the processes' run-queue waits are reported with the CPU figures to show it. On a
 * 2-core machine that is the case at N = 100 (libp2p's connection monitor alone costs a stock node with 99
 * connections ~3% of a core): the cluster does not converge, and its figures are what a starved peer costs;
 * N = 20 converges, and shows what a working peer costs. The convergence is reported with every size.
 */
import { once } from 'node:events'
import { cpus } from 'node:os'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ChildProcess } from 'node:child_process'
import { figure, median, quantile, type Benchmark, type BenchContext, type ChartSpec, type Figure, type Section } from './lib/harness.js'
import {
  compileForProcesses, machineCpu, mapLimit, metricOf, ProcessCluster, ProcessTracker, readProc, removeBuild, scrapeMetrics, sleep,
  type Build, type ProcSample
} from './lib/process-cluster.js'
import { buildChain } from './lib/blocks.js'
import { collect, convergence } from '../src/cli/cluster/status.js'
import { loadSigningIdentity } from '../src/identity/index.js'
import { common } from '../src/pb/common.js'
import type { ClusterNodePlan } from '../src/cli/cluster/plan.js'

const ORGS = 2
const CHANNEL = 'bench'
const MB = 1e6

interface Size {
  peersPerOrg: number
  /** give up waiting for convergence after this long (the windows are measured anyway, and say so) */
  convergeTimeoutMs: number
}

interface Params {
  /** measured one after the other, each a fresh cluster */
  sizes: Size[]
  /** peers started at once */
  wave: number
  /** after convergence, before the idle window */
  settleMs: number
  /** each measurement window */
  windowMs: number
  /** blocks taken in by one peer: per second, bytes each, and the warm-up before the window */
  load: { rate: number, blockBytes: number, warmupMs: number }
}

/**
 * N = 100 is the issue's size; N = 20 is the largest that converges on this 2-core machine (at N = 100 the
 * peers want several times the machine's cores: the run shows what they get, and N = 20 what a converged peer
 * costs). 20 first, so that its windows are not measured while the 100 processes are still stopping.
 */
const FULL: Params = {
  sizes: [{ peersPerOrg: 10, convergeTimeoutMs: 120_000 }, { peersPerOrg: 50, convergeTimeoutMs: 150_000 }],
  wave: 10, settleMs: 15_000, windowMs: 30_000, load: { rate: 10, blockBytes: 10_000, warmupMs: 5000 }
}
const QUICK: Params = { sizes: [{ peersPerOrg: 10, convergeTimeoutMs: 120_000 }], wave: 10, settleMs: 10_000, windowMs: 10_000, load: { rate: 10, blockBytes: 10_000, warmupMs: 3000 } }

const round = (x: number): number => Number.isFinite(x) ? Number(x.toPrecision(4)) : x
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)

// ---- baseline processes ----

interface Baseline {
  label: string
  child: ChildProcess
  /** answers IPC with process.memoryUsage() (the stock nodes; not the bare process) */
  ipc: boolean
}

/** The first line the child writes to stdout. */
async function firstLine (child: ChildProcess, what: string, timeoutMs = 120_000): Promise<string> {
  const out = child.stdout
  if (out == null) throw new Error(`${what}: no stdout`)
  let text = ''
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`${what}: nothing printed after ${timeoutMs} ms`)) }, timeoutMs)
    out.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
      const i = text.indexOf('\n')
      if (i >= 0) { clearTimeout(timer); resolve(text.slice(0, i)) }
    })
    child.once('exit', code => { clearTimeout(timer); reject(new Error(`${what} exited (${String(code)})`)) })
  })
}

/** What a stock node process says of itself over IPC: its V8 heap used and its open connections (NaN: no answer). */
async function stockUsage (child: ChildProcess): Promise<{ heapUsed: number, connections: number }> {
  if (child.send == null || !child.connected) return { heapUsed: Number.NaN, connections: Number.NaN }
  child.send('usage')
  const reply = await Promise.race([once(child, 'message'), sleep(5000).then(() => undefined)])
  const u = reply?.[0] as { heapUsed?: number, connections?: number } | undefined
  return { heapUsed: u?.heapUsed ?? Number.NaN, connections: u?.connections ?? Number.NaN }
}

type BaselineName = 'bare' | 'alone' | 'meshed'
/** The baselines in one window, and what the stock nodes said at its end. */
interface BaselineWindow {
  procs: Record<BaselineName, ProcWindow | undefined>
  machineCores: number
  heap: Record<'alone' | 'meshed', number>
  connections: Record<'alone' | 'meshed', number>
}

async function startBaselines (build: Build, tracker: ProcessTracker, peers: number, logDir: string): Promise<{ bare: Baseline, alone: Baseline, meshed: Baseline }> {
  const bare = tracker.spawn(['-e', 'setInterval(() => {}, 1 << 30)'], { log: join(logDir, 'bare.log') })
  const alone = tracker.spawn([build.stockNode, 'alone'], { ipc: true, log: join(logDir, 'stock-alone.log') })
  const server = tracker.spawn([build.stockNode, 'listen', String(peers - 1)], { ipc: true, log: join(logDir, 'stock-server.log') })
  const addrs = JSON.parse(await firstLine(server, 'the stock nodes\' process')) as string[]
  const meshed = tracker.spawn([build.stockNode, 'dial', ...addrs], { ipc: true, log: join(logDir, 'stock-meshed.log') })
  await Promise.all([firstLine(alone, 'the lone stock node'), firstLine(meshed, 'the meshed stock node')])
  return {
    bare: { label: 'bare Node process (node -e, idle)', child: bare, ipc: false },
    alone: { label: 'stock libp2p node, no connections', child: alone, ipc: true },
    meshed: { label: `stock libp2p node, ${peers - 1} connections`, child: meshed, ipc: true }
  }
}

// ---- windows ----

/** What one window measured of one process. */
interface ProcWindow {
  /** CPU time / window, in % of one core */
  cpuPct: number
  /** run-queue wait / run time in the window (0: never waited for a core) */
  waitPerRun: number
  /** at the end of the window */
  end: ProcSample
}

interface Window {
  ms: number
  /** the whole machine's busy time / window, in cores (every process, ours and others') */
  machineCores: number
  peers: Array<ProcWindow | undefined>
  orderer: ProcWindow | undefined
  baselines: Record<BaselineName, ProcWindow | undefined>
}

async function measureWindow (pids: { peers: number[], orderer: number, baselines: Record<BaselineName, number> }, ms: number): Promise<Window> {
  const n = pids.peers.length
  const { elapsed, machineCores, procs: w } = await measureProcs([...pids.peers, pids.orderer, pids.baselines.bare, pids.baselines.alone, pids.baselines.meshed], ms)
  return { ms: elapsed, machineCores, peers: w.slice(0, n), orderer: w[n], baselines: { bare: w[n + 1], alone: w[n + 2], meshed: w[n + 3] } }
}

/** CPU time, run-queue wait and (at the end) memory of processes over a window of `ms`; the machine's busy cores. */
async function measureProcs (all: number[], ms: number): Promise<{ elapsed: number, machineCores: number, procs: Array<ProcWindow | undefined> }> {
  const before = all.map(pid => readProc(pid, false))
  const m0 = machineCpu()
  const t0 = performance.now()
  await sleep(ms)
  const m1 = machineCpu()
  const elapsed = performance.now() - t0
  const after = all.map(pid => readProc(pid, true))
  const w = all.map((_, i): ProcWindow | undefined => {
    const a = before[i]
    const b = after[i]
    if (a == null || b == null) return undefined
    const run = b.runNs - a.runNs
    return { cpuPct: (b.cpuSeconds - a.cpuSeconds) / (elapsed / 1000) * 100, waitPerRun: run > 0 ? (b.waitNs - a.waitNs) / run : Number.NaN, end: b }
  })
  return { elapsed, machineCores: (m1.busy - m0.busy) / (elapsed / 1000), procs: w }
}

/** Each peer's metrics of interest. */
interface PeerMetrics { heapUsed: number, heapTotal: number, promRss: number, connected: number, alive: number }

async function peerMetrics (peers: ClusterNodePlan[]): Promise<PeerMetrics[]> {
  return await mapLimit(peers, 8, async p => {
    const m = await scrapeMetrics(p.opsPort)
    return {
      heapUsed: metricOf(m, 'nodejs_heap_size_used_bytes'),
      heapTotal: metricOf(m, 'nodejs_heap_size_total_bytes'),
      promRss: metricOf(m, 'process_resident_memory_bytes'),
      connected: metricOf(m, 'gossip_comm_connected_peers'),
      alive: metricOf(m, 'gossip_membership_alive_members')
    }
  })
}

// ---- load ----

interface LoadResult {
  posted: number
  /** responses by HTTP status */
  statuses: Record<string, number>
  /** ms per POST (median, p95) */
  latencyMs: number[]
  /** blocks behind schedule when the poster stopped */
  late: number
}

/** POSTs `blocks` to a peer's operations server at `rate` per second until `signal` aborts or they run out. */
async function postBlocks (opsPort: number, blocks: readonly Uint8Array[], rate: number, signal: AbortSignal): Promise<LoadResult> {
  const out: LoadResult = { posted: 0, statuses: {}, latencyMs: [], late: 0 }
  const t0 = performance.now()
  for (let i = 0; i < blocks.length && !signal.aborted; i++) {
    await sleep(t0 + i * 1000 / rate - performance.now())
    if (signal.aborted) break
    const s = performance.now()
    try {
      const res = await fetch(`http://127.0.0.1:${opsPort}/channels/${CHANNEL}/blocks`, {
        method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: blocks[i], signal: AbortSignal.timeout(30_000)
      })
      await res.arrayBuffer()
      out.statuses[res.status] = (out.statuses[res.status] ?? 0) + 1
    } catch (err) {
      const key = (err as Error).name
      out.statuses[key] = (out.statuses[key] ?? 0) + 1
    }
    out.latencyMs.push(performance.now() - s)
    out.posted++
  }
  out.late = Math.max(0, Math.floor((performance.now() - t0) * rate / 1000) - out.posted)
  return out
}

// ---- sections ----

const pct = (xs: readonly number[], q: number): number => quantile(xs.filter(Number.isFinite), q)
/** The median of the finite values (a peer that did not answer /metrics has NaN). */
const med = (xs: readonly number[]): number => median(xs.filter(Number.isFinite))
const max = (xs: readonly number[]): number => Math.max(...xs.filter(Number.isFinite))
const min = (xs: readonly number[]): number => Math.min(...xs.filter(Number.isFinite))
const ok = <T>(xs: ReadonlyArray<T | undefined>): T[] => xs.filter((x): x is T => x != null)

interface Run {
  n: number
  startMs: number
  convergedMs: number
  converged: { meshed: number, led: number, healthy: number, total: number }
  idle: Window
  idleMetrics: PeerMetrics[]
  load: Window
  loadMetrics: PeerMetrics[]
  loadResult: LoadResult
  /** the peers taking in the blocks (peer1 of each org) */
  targets: number[]
  /** the baselines in a window of their own before the cluster started, and beside the cluster in its idle window */
  quiet: BaselineWindow
  beside: BaselineWindow
  heights: number[]
  blocksExpected: number
}

const mb = (x: number | undefined): number => (x ?? Number.NaN) / MB

function memorySection (r: Run, p: Params): Section {
  const peers = ok(r.idle.peers)
  const rss = peers.map(w => w.end.rss)
  const uss = peers.map(w => w.end.uss)
  const pss = peers.map(w => w.end.pss)
  const heap = r.idleMetrics.map(m => m.heapUsed)
  const b = r.quiet.procs
  const c = r.beside.procs
  const meshedRss = { label: `stock libp2p, ${r.n - 1} conns`, value: mb(b.meshed?.end.rss) }
  const loadRss = ok(r.load.peers).map(w => w.end.rss)
  const figures: Figure[] = [
    figure({ id: `memory${r.n}.bare`, label: 'bare Node process: RSS', unit: 'MB', better: 'lower', value: mb(b.bare?.end.rss), extra: { private: round(mb(b.bare?.end.uss)), 'beside the cluster': round(mb(c.bare?.end.rss)) } }),
    figure({
      id: `memory${r.n}.stockAlone`, label: 'stock libp2p node, no connections: RSS', unit: 'MB', better: 'lower', value: mb(b.alone?.end.rss),
      baseline: { label: 'bare Node process', value: mb(b.bare?.end.rss) },
      extra: { private: round(mb(b.alone?.end.uss)), 'heap used': round(mb(r.quiet.heap.alone)), 'beside the cluster': round(mb(c.alone?.end.rss)) }
    }),
    figure({
      id: `memory${r.n}.stockMeshed`, label: `stock libp2p node, ${r.n - 1} connections: RSS`, unit: 'MB', better: 'lower', value: meshedRss.value,
      baseline: { label: 'stock libp2p, no connections', value: mb(b.alone?.end.rss) },
      extra: {
        private: round(mb(b.meshed?.end.uss)), 'heap used': round(mb(r.quiet.heap.meshed)), 'open conns': r.quiet.connections.meshed,
        'beside the cluster': round(mb(c.meshed?.end.rss)), 'open conns beside': r.beside.connections.meshed
      }
    }),
    figure({
      id: `memory${r.n}.peerRss`, label: 'peer RSS, median', unit: 'MB', better: 'lower', value: mb(med(rss)), baseline: meshedRss, samples: rss.map(x => round(mb(x))),
      extra: { min: round(mb(min(rss))), p90: round(mb(pct(rss, 0.9))), 'peak (VmHWM) median': round(mb(med(peers.map(w => w.end.rssPeak)))) }
    }),
    figure({ id: `memory${r.n}.peerRssMax`, label: 'peer RSS, max', unit: 'MB', better: 'lower', value: mb(max(rss)), baseline: meshedRss }),
    figure({
      id: `memory${r.n}.peerPrivate`, label: 'peer private memory (USS), median', unit: 'MB', better: 'lower', value: mb(med(uss)),
      baseline: { label: `stock libp2p, ${r.n - 1} conns`, value: mb(b.meshed?.end.uss) },
      extra: { max: round(mb(max(uss))), 'PSS median': round(mb(med(pss))) }
    }),
    figure({
      id: `memory${r.n}.peerHeap`, label: 'peer V8 heap used (nodejs_heap_size_used_bytes), median', unit: 'MB', better: 'lower', value: mb(med(heap)),
      baseline: { label: `stock libp2p, ${r.n - 1} conns`, value: mb(r.quiet.heap.meshed) },
      extra: { max: round(mb(max(heap))), 'heap total median': round(mb(med(r.idleMetrics.map(m => m.heapTotal)))), 'peers answering /metrics': heap.filter(Number.isFinite).length }
    }),
    figure({
      id: `memory${r.n}.cluster`, label: `all ${r.n} peers: proportional memory (sum of PSS)`, unit: 'MB', better: 'lower', value: mb(sum(pss)),
      baseline: { label: `${r.n} x stock libp2p, ${r.n - 1} conns (PSS)`, value: r.n * mb(b.meshed?.end.pss) },
      extra: { 'sum of RSS': round(mb(sum(rss))), 'orderer RSS': round(mb(r.idle.orderer?.end.rss)) }
    }),
    figure({
      id: `memory${r.n}.peerRssLoad`, label: 'peer RSS under load, median', unit: 'MB', better: 'lower', value: mb(med(loadRss)),
      baseline: { label: 'idle', value: mb(med(rss)) },
      extra: { max: round(mb(max(loadRss))), 'block-taking peers': r.targets.map(i => round(mb(r.load.peers[i]?.end.rss))).join(' ') }
    }),
    figure({
      id: `memory${r.n}.peerHeapLoad`, label: 'peer V8 heap used under load, median', unit: 'MB', better: 'lower', value: mb(med(r.loadMetrics.map(m => m.heapUsed))),
      baseline: { label: 'idle', value: mb(med(heap)) }
    })
  ]
  return {
    id: `memory${r.n}`,
    title: `Memory per process, ${r.n} peers (${ORGS} orgs x ${r.n / ORGS}) idle after the start, and under load`,
    params: { peers: r.n, converged: Number.isFinite(r.convergedMs), windowMs: round(r.idle.ms), settleMs: p.settleMs, measuredAt: 'end of each window', baselines: 'own window before the cluster started' },
    figures,
    charts: [memoryChart(r)]
  }
}

function cpuSection (r: Run, p: Params): Section {
  const idle = ok(r.idle.peers)
  const load = ok(r.load.peers)
  const cpuIdle = idle.map(w => w.cpuPct)
  const cpuLoad = load.map(w => w.cpuPct)
  const b = r.quiet.procs
  const c = r.beside.procs
  const meshed = { label: `stock libp2p, ${r.n - 1} conns`, value: b.meshed?.cpuPct ?? Number.NaN }
  const cores = cpus().length
  const heights = r.heights.filter(Number.isFinite)
  const lr = r.loadResult
  const targetCpu = r.targets.map(i => r.load.peers[i]?.cpuPct ?? Number.NaN)
  const figures: Figure[] = [
    figure({
      id: `cpu${r.n}.bare`, label: 'bare Node process, idle', unit: '% CPU', better: 'lower', value: b.bare?.cpuPct ?? Number.NaN,
      extra: { 'machine busy (cores)': round(r.quiet.machineCores), 'beside the cluster': round(c.bare?.cpuPct ?? Number.NaN) }
    }),
    figure({
      id: `cpu${r.n}.stockAlone`, label: 'stock libp2p node, no connections, idle', unit: '% CPU', better: 'lower', value: b.alone?.cpuPct ?? Number.NaN,
      baseline: { label: 'bare Node process', value: b.bare?.cpuPct ?? Number.NaN }, extra: { 'beside the cluster': round(c.alone?.cpuPct ?? Number.NaN) }
    }),
    figure({
      id: `cpu${r.n}.stockMeshed`, label: `stock libp2p node, ${r.n - 1} connections, idle`, unit: '% CPU', better: 'lower', value: meshed.value,
      baseline: { label: 'stock libp2p, no connections', value: b.alone?.cpuPct ?? Number.NaN },
      extra: { 'open conns': r.quiet.connections.meshed, 'beside the cluster': round(c.meshed?.cpuPct ?? Number.NaN), 'open conns beside': r.beside.connections.meshed }
    }),
    figure({
      id: `cpu${r.n}.peerIdle`, label: 'peer, idle: median', unit: '% CPU', better: 'lower', value: med(cpuIdle), baseline: meshed, samples: cpuIdle.map(round),
      extra: {
        min: round(min(cpuIdle)), max: round(max(cpuIdle)), 'all peers (cores)': round(sum(cpuIdle) / 100),
        'machine busy (cores)': round(r.idle.machineCores), cores, 'run-queue wait / run (median)': round(med(idle.map(w => w.waitPerRun)))
      }
    }),
    figure({
      id: `cpu${r.n}.peerLoad`, label: `peer, ${p.load.rate} blocks/s of ${p.load.blockBytes / 1000} KB: median`, unit: '% CPU', better: 'lower', value: med(cpuLoad),
      baseline: { label: 'idle', value: med(cpuIdle) }, samples: cpuLoad.map(round),
      extra: {
        min: round(min(cpuLoad)), max: round(max(cpuLoad)), 'all peers (cores)': round(sum(cpuLoad) / 100),
        'machine busy (cores)': round(r.load.machineCores), cores, 'run-queue wait / run (median)': round(med(load.map(w => w.waitPerRun)))
      }
    }),
    figure({
      id: `cpu${r.n}.target`, label: 'the peers taking in the blocks (one per org), under load: median', unit: '% CPU', better: 'lower', value: med(targetCpu),
      baseline: { label: 'peer under load, median', value: med(cpuLoad) }, extra: { each: targetCpu.map(round).join(' ') }
    }),
    figure({ id: `cpu${r.n}.orderer`, label: 'orderer (no transactions), idle', unit: '% CPU', better: 'lower', value: r.idle.orderer?.cpuPct ?? Number.NaN }),
    figure({
      id: `cpu${r.n}.heights`, label: 'peers with every block posted, after the load', unit: 'peers', better: 'higher', value: heights.filter(h => h >= r.blocksExpected).length,
      baseline: { label: 'all peers', value: r.n },
      extra: {
        'blocks posted (per org, least)': lr.posted, 'height (min)': heights.length > 0 ? Math.min(...heights) : Number.NaN, 'height wanted': r.blocksExpected,
        'POST ms (median)': round(med(lr.latencyMs)), 'POST ms (p95)': round(pct(lr.latencyMs, 0.95)), 'posts behind schedule': lr.late,
        statuses: Object.entries(lr.statuses).map(([k, v]) => `${k} x${v}`).join(' ')
      }
    })
  ]
  return {
    id: `cpu${r.n}`,
    title: `CPU per process (% of one core), ${r.n} peers: idle after the start, and while one peer per org takes in ${p.load.rate} blocks/s of ${p.load.blockBytes / 1000} KB`,
    params: { peers: r.n, converged: Number.isFinite(r.convergedMs), cores, idleWindowMs: round(r.idle.ms), loadWindowMs: round(r.load.ms), loadWarmupMs: p.load.warmupMs, cpu: 'utime+stime from /proc/<pid>/stat', baselines: 'own window before the cluster started' },
    figures,
    charts: [cpuChart(r)]
  }
}

function startSection (r: Run, p: Params, size: Size): Section {
  const c = r.converged
  const connected = r.idleMetrics.map(m => m.connected)
  const alive = r.idleMetrics.map(m => m.alive)
  return {
    id: `start${r.n}`,
    title: `Start: ${r.n} peers and an orderer, in waves of ${p.wave}, at Fabric's timings`,
    params: { peers: r.n, wave: p.wave, convergeTimeoutMs: size.convergeTimeoutMs },
    figures: [
      figure({ id: `start${r.n}.healthy`, label: 'first process started to last peer healthy', unit: 's', better: 'lower', value: r.startMs / 1000 }),
      figure({
        id: `start${r.n}.converged`, label: 'then to convergence (all see all alive and in the channel, a leader per org)', unit: 's', better: 'lower', value: r.convergedMs / 1000,
        extra: { 'peers meshed': `${c.meshed}/${r.n}`, 'orgs led': `${c.led}/${ORGS}`, 'answering /healthz': `${c.healthy}/${c.total}` }
      }),
      figure({
        id: `start${r.n}.connected`, label: 'gossip connections per peer after the idle window, median', unit: 'peers', better: 'higher', value: med(connected),
        baseline: { label: 'a full mesh (N-1)', value: r.n - 1 }, extra: { min: min(connected), 'peers answering /metrics': connected.filter(Number.isFinite).length }
      }),
      figure({
        id: `start${r.n}.alive`, label: 'alive members per peer after the idle window, median', unit: 'peers', better: 'higher', value: med(alive),
        baseline: { label: 'N-1', value: r.n - 1 }, extra: { min: min(alive) }
      })
    ]
  }
}

function memoryChart (r: Run): ChartSpec {
  const b = r.quiet.procs
  const load = ok(r.load.peers)
  const idle = ok(r.idle.peers)
  return {
    id: `memory-${r.n}`,
    title: `Resident, private and V8 heap memory per process: baselines and the ${r.n} peers (median and max), idle and under load`,
    kind: 'bar',
    spec: {
      title: `Memory per process, ${r.n} peers${Number.isFinite(r.convergedMs) ? '' : ' (not converged)'}`,
      yLabel: 'memory',
      yUnit: 'MB',
      categories: ['bare Node', 'libp2p, 0 conns', `libp2p, ${r.n - 1} conns`, 'peer idle (median)', 'peer idle (max)', 'peer under load (median)'],
      series: [
        { name: 'RSS', values: [mb(b.bare?.end.rss), mb(b.alone?.end.rss), mb(b.meshed?.end.rss), mb(med(idle.map(w => w.end.rss))), mb(max(idle.map(w => w.end.rss))), mb(med(load.map(w => w.end.rss)))] },
        { name: 'private (USS)', values: [mb(b.bare?.end.uss), mb(b.alone?.end.uss), mb(b.meshed?.end.uss), mb(med(idle.map(w => w.end.uss))), mb(max(idle.map(w => w.end.uss))), mb(med(load.map(w => w.end.uss)))] },
        { name: 'V8 heap used', values: [null, mb(r.quiet.heap.alone), mb(r.quiet.heap.meshed), mb(med(r.idleMetrics.map(m => m.heapUsed))), mb(max(r.idleMetrics.map(m => m.heapUsed))), mb(med(r.loadMetrics.map(m => m.heapUsed)))] }
      ]
    }
  }
}

function cpuChart (r: Run): ChartSpec {
  const b = r.quiet.procs
  const idle = ok(r.idle.peers).map(w => w.cpuPct)
  const load = ok(r.load.peers).map(w => w.cpuPct)
  return {
    id: `cpu-${r.n}`,
    title: `CPU per process in % of one core: baselines idle, the ${r.n} peers idle and while one per org takes in blocks`,
    kind: 'bar',
    spec: {
      title: `CPU per process, ${r.n} peers (${cpus().length} cores shared by all${Number.isFinite(r.convergedMs) ? '' : '; not converged'})`,
      yLabel: 'CPU',
      yUnit: '% of one core',
      categories: ['bare Node', 'libp2p, 0 conns', `libp2p, ${r.n - 1} conns`, 'peer idle (median)', 'peer under load (median)', 'block-taking peers'],
      series: [{ name: 'CPU', values: [b.bare?.cpuPct, b.alone?.cpuPct, b.meshed?.cpuPct, med(idle), med(load), med(r.targets.map(i => r.load.peers[i]?.cpuPct ?? Number.NaN))] }],
      references: [{ y: 100 * cpus().length / r.n, label: `the machine / ${r.n}` }]
    }
  }
}

// ---- the run ----

async function waitConverged (cluster: ProcessCluster, timeoutMs: number, log: (line: string) => void): Promise<{ ms: number, state: Run['converged'] }> {
  const t0 = Date.now()
  let last = ''
  for (;;) {
    const c = convergence(cluster.plan, await collect(cluster.plan))
    const line = `converging: ${c.healthy}/${c.total} healthy, ${c.meshed}/${c.peers} meshed, ${c.led}/${c.orgs} orgs led`
    if (line !== last) { log(`${line} (${((Date.now() - t0) / 1000).toFixed(0)} s)`); last = line }
    if (c.done || Date.now() - t0 > timeoutMs) return { ms: c.done ? Date.now() - t0 : Number.NaN, state: c }
    await sleep(5000)
  }
}

async function runFootprint (ctx: BenchContext, p: Params, size: Size, build: Build, dir: string): Promise<Run> {
  const n = ORGS * size.peersPerOrg
  const tracker = new ProcessTracker()
  try {
    const cluster = await ProcessCluster.prepare(dir, { orgs: ORGS, peers: size.peersPerOrg, channel: CHANNEL }, tracker, ctx.log)
    ctx.log(`N=${n}: baselines: a bare Node process, a stock libp2p node alone and one with ${n - 1} connections`)
    const baselines = await startBaselines(build, tracker, n, join(dir, 'logs'))
    const basePids = { bare: baselines.bare.child.pid as number, alone: baselines.alone.child.pid as number, meshed: baselines.meshed.child.pid as number }
    const baselineWindow = async (procs: Record<BaselineName, ProcWindow | undefined>, machineCores: number): Promise<BaselineWindow> => {
      const [a, m] = await Promise.all([stockUsage(baselines.alone.child), stockUsage(baselines.meshed.child)])
      return { procs, machineCores, heap: { alone: a.heapUsed, meshed: m.heapUsed }, connections: { alone: a.connections, meshed: m.connections } }
    }
    await sleep(p.settleMs)
    ctx.log(`N=${n}: the baselines alone: ${p.windowMs / 1000} s`)
    const q = await measureProcs([basePids.bare, basePids.alone, basePids.meshed], p.windowMs)
    const quiet = await baselineWindow({ bare: q.procs[0], alone: q.procs[1], meshed: q.procs[2] }, q.machineCores)

    // the blocks of the load, built while nothing is measured
    const genesis = common.Block.decode(await readFile(join(dir, `${CHANNEL}.block`)))
    const signer = loadSigningIdentity(join(dir, 'crypto', 'ordererOrganizations', 'example.com', 'orderers', 'orderer.example.com', 'msp'), 'OrdererMSP')
    const count = Math.ceil(p.load.rate * (p.load.warmupMs + p.windowMs) / 1000) + p.load.rate
    const chain = buildChain(genesis, CHANNEL, signer, count, p.load.blockBytes)

    ctx.log(`N=${n}: starting ${n} peers and an orderer in waves of ${p.wave}`)
    const startMs = await cluster.start({ build, wave: p.wave, waveTimeoutMs: 180_000, log: ctx.log })
    const conv = await waitConverged(cluster, size.convergeTimeoutMs, ctx.log)
    if (Number.isNaN(conv.ms)) ctx.log(`N=${n}: not converged after ${size.convergeTimeoutMs / 1000} s: measuring anyway`)
    await sleep(p.settleMs)

    const pids = {
      peers: cluster.peers.map(x => cluster.pid(x)),
      orderer: cluster.pid(cluster.orderer),
      baselines: basePids
    }
    ctx.log(`N=${n}: idle window: ${p.windowMs / 1000} s`)
    const idle = await measureWindow(pids, p.windowMs)
    const idleMetrics = await peerMetrics(cluster.peers)
    const beside = await baselineWindow(idle.baselines, idle.machineCores)

    const targets = cluster.peers.flatMap((x, i) => x.name.startsWith('peer1.') ? [i] : [])
    ctx.log(`N=${n}: load: ${targets.map(i => cluster.peers[i].name).join(', ')} take in ${p.load.rate} blocks/s of ${chain.meanBytes.toFixed(0)} bytes; window ${p.windowMs / 1000} s after ${p.load.warmupMs / 1000} s`)
    const stop = new AbortController()
    const posting = Promise.all(targets.map(async i => await postBlocks(cluster.peers[i].opsPort, chain.bytes, p.load.rate, stop.signal)))
    await sleep(p.load.warmupMs)
    const load = await measureWindow(pids, p.windowMs)
    stop.abort()
    const results = await posting
    const loadResult: LoadResult = {
      posted: Math.min(...results.map(x => x.posted)),
      statuses: {},
      latencyMs: results.flatMap(x => x.latencyMs),
      late: Math.max(...results.map(x => x.late))
    }
    for (const x of results) for (const [k, v] of Object.entries(x.statuses)) loadResult.statuses[k] = (loadResult.statuses[k] ?? 0) + v
    const loadMetrics = await peerMetrics(cluster.peers)
    await sleep(5000) // the last blocks' gossip
    const views = await collect(cluster.plan)
    const heights = cluster.peers.map(x => views.find(v => v.node.name === x.name)?.status?.channels?.[CHANNEL]?.height ?? Number.NaN)
    return {
      n,
      startMs,
      convergedMs: conv.ms,
      converged: { meshed: conv.state.meshed, led: conv.state.led, healthy: conv.state.healthy, total: conv.state.total },
      idle,
      idleMetrics,
      load,
      loadMetrics,
      loadResult,
      targets,
      quiet,
      beside,
      heights,
      // genesis + every block posted
      blocksExpected: loadResult.posted + 1
    }
  } finally {
    const t0 = Date.now()
    const killed = await tracker.stopAll()
    ctx.log(`N=${n}: stopped every process in ${((Date.now() - t0) / 1000).toFixed(0)} s${killed > 0 ? ` (${killed} needed SIGKILL)` : ''}`)
  }
}

const bench: Benchmark = {
  name: 'footprint',
  title: 'footprint: memory and CPU per peer, each peer its own process, idle and under load, against a bare Node process and stock libp2p nodes',
  async run (ctx) {
    const p = ctx.quick ? QUICK : FULL
    let build: Build | undefined
    const sections: Section[] = []
    try {
      build = await compileForProcesses(ctx.log)
      for (const size of p.sizes) {
        const dir = await mkdtemp(join(tmpdir(), 'fgossip-footprint-'))
        try {
          const r = await runFootprint(ctx, p, size, build, dir)
          sections.push(startSection(r, p, size), memorySection(r, p), cpuSection(r, p))
        } finally {
          await rm(dir, { recursive: true, force: true })
        }
      }
      return sections
    } finally {
      await removeBuild(build)
    }
  }
}

export default bench
