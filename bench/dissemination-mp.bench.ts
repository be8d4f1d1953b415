/**
 * Dissemination across processes (issue 7's "multi-process run at N = 10 to confirm" the in-process figures of
 * `dissemination.bench.ts`): N = 10 peers of one org, each a `fgossip start` process of its own, on loopback.
 * The benchmark's process posts blocks (valid, chained, orderer-signed) to peer0's operations API
 * (`POST /channels/{name}/blocks`, taken in as from the orderer) at a fixed rate and follows every peer's
 * commit stream (`GET /channels/{name}/commits`): per block, from the POST being sent to the last peer's
 * commit (`at` as that peer stamped it: the one clock of this machine), p50, p99, max. The same three modes as
 * in-process, each on processes of its own (fresh ledgers):
 *
 * - `fabric`: Fabric's behaviour (`FABRIC_BEHAVIOUR`: no eager flush, no early gap request, no announcements,
 *   one state request at a time);
 * - `ours`: this project's defaults;
 * - `gossipsub`: `peer.gossip.dissemination: gossipsub`.
 *
 * Baseline: one hop, measured in the `ours` processes: POST to peer0 -> peer0 and peer1 committed, in a
 * channel only those two joined (the in-process bench's hop, without its x tree depth). The in-process figures
 * at N = 10 (`bench/results/dissemination.json` when there is one, or the record `BENCH_IN_PROCESS` names) are
 * printed next to each figure for comparison, not as its baseline.
 *
 * Bytes: what each peer process read (`rchar` of /proc/<pid>/io) during the blocks, minus its reads in an idle
 * window of the same length just before (membership, StateInfo) and, at peer0, the bodies of the POSTs; per
 * peer per block. CPU: the peers' CPU time (all threads) during the blocks, idle rate removed the same way, per
 * peer per block.
 *
 * Layout: `fgossip cluster up`'s (`preparePlan`: crypto, ports, config files; `startNodeProcess`: the
 * processes, `bin/fgossip.js`, so the TypeScript runs through tsx as in a checkout), without its orderer and
 * election: each config file is amended with the mode's settings, the in-process bench's membership timings
 * at N = 10, `useLeaderElection: false, orgLeader: false` (no peer pulls from an orderer: the benchmark is the
 * only source of blocks) and the channels the peer joins at start (genesis blocks of the crypto folder). Every
 * process is killed at the end, on failure too.
 *
 * Sizes: 200 blocks of 10 KB at 10 per second (quick: 20), 20 blocks of 1 MB at 1 per second (quick: 3), each
 * after a few warm-up blocks; one-hop: 40 and 10 blocks (quick: 10 and 3). `BENCH_MODES=ours,gossipsub` limits the
 * modes (the one hop is measured in `ours`, or the first mode run).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { figure, quantile, type BenchContext, type Benchmark, type ChartSpec, type Figure, type Section } from './lib/harness.js'
import { buildChain, type BlockChain } from './lib/blocks.js'
import { amendConfig, CommitStreams, cpuMs, epochMs, fileValues, PeerProcesses, readBytes, waitUntil } from './lib/peer-processes.js'
import { sleep, tail } from './lib/process-cluster.js'
import { preparePlan, type ClusterNodePlan, type ClusterPlan } from '../src/cli/cluster/plan.js'
import { createGenesisBlock } from '../src/channels/genesis.js'
import { genesisOptionsFromCryptoFolder, scanCryptoFolder } from '../src/channels/crypto-folder.js'
import { loadSigningIdentity, type SigningIdentity } from '../src/identity/index.js'
import { FABRIC_BEHAVIOUR } from '../src/config/index.js'
import { common } from '../src/pb/common.js'

const N = 10
const MODES = ['fabric', 'ours', 'gossipsub'] as const
type Mode = typeof MODES[number]
const MODE_LABEL: Record<Mode, string> = { fabric: 'Fabric defaults', ours: 'this project', gossipsub: 'gossipsub' }
const SMALL = 10_000
const LARGE = 1_000_000
const CHANNELS = { small: 'small', large: 'large', hopSmall: 'hopsmall', hopLarge: 'hoplarge' } as const
type ChainKey = keyof typeof CHANNELS

/** `peer.gossip.*` of each mode, as `FABRIC_BEHAVIOUR` and the in-process bench set them. */
const MODE_GOSSIP: Record<Mode, Record<string, unknown>> = {
  fabric: { ...FABRIC_BEHAVIOUR.peer.gossip },
  ours: {},
  gossipsub: { dissemination: 'gossipsub' }
}

/**
 * `peer.gossip.*` of every peer whatever the mode: the in-process bench's membership timings at N = 10 (only
 * what makes the network form fast), and no leader (no orderer to pull from).
 */
const COMMON_GOSSIP = {
  aliveTimeInterval: 1000,
  aliveExpirationTimeout: 20_000,
  reconnectInterval: 2000,
  publishStateInfoInterval: 1000,
  requestStateInfoInterval: 1000,
  useLeaderElection: false,
  orgLeader: false
}

interface Params { smallBlocks: number, smallIntervalMs: number, largeBlocks: number, largeIntervalMs: number, hopSmall: number, hopLarge: number, warmup: number }
const FULL: Params = { smallBlocks: 200, smallIntervalMs: 100, largeBlocks: 20, largeIntervalMs: 1000, hopSmall: 40, hopLarge: 10, warmup: 5 }
const QUICK: Params = { smallBlocks: 20, smallIntervalMs: 100, largeBlocks: 3, largeIntervalMs: 1000, hopSmall: 10, hopLarge: 3, warmup: 2 }

const round = (x: number): number => Number.isFinite(x) ? Number(x.toPrecision(4)) : x

/** The peers of one mode's run: their plan entries, pids and operations ports. */
interface Peers {
  nodes: ClusterNodePlan[]
  procs: PeerProcesses
}

/** Posts blocks first..first+count-1 of `chain` to peer0, one every intervalMs from fixed due times; when each POST was sent (epoch ms). */
async function postAtRate (peer0: ClusterNodePlan, chain: BlockChain, first: number, count: number, intervalMs: number): Promise<number[]> {
  const url = `http://127.0.0.1:${peer0.opsPort}/channels/${encodeURIComponent(chain.channelId)}/blocks`
  const sent: number[] = []
  const t0 = epochMs() + intervalMs
  for (let i = 0; i < count; i++) {
    await sleep(t0 + i * intervalMs - epochMs())
    const seq = first + i
    sent.push(epochMs())
    const res = await fetch(url, { method: 'POST', body: chain.bytes[seq - 1], headers: { 'content-type': 'application/octet-stream' } })
    const body = await res.text()
    if (res.status !== 201) throw new Error(`block ${seq} of ${chain.channelId} at peer0: HTTP ${res.status} ${body}`)
  }
  return sent
}

interface SizeRun {
  /** per measured block: POST sent -> every peer committed (ms) */
  allMs: number[]
  /** per measured block: POST sent -> peer0 committed (ms) */
  originMs: number[]
  /** socket and file bytes read per peer per block (idle rate and POST bodies removed) */
  bytesPerPeerBlock: number
  /** peers' CPU time per peer per block, idle rate removed (ms) */
  cpuPerPeerBlock: number
  intervalMs: number
  blockBytes: number
}

/** Warm-up, an idle window, then `count` blocks to peer0 at the rate; what the peers `ks` committed when. */
async function measureSize (peers: Peers, ks: number[], chain: BlockChain, count: number, warmup: number, intervalMs: number): Promise<SizeRun> {
  const nodes = ks.map(k => peers.nodes[k])
  const pids = nodes.map(n => peers.procs.pid(n))
  const last = warmup + count
  const streams = await CommitStreams.open(nodes.map(n => n.opsPort), chain.channelId, last)
  const live = (): void => {
    const dead = peers.procs.dead(nodes)
    if (dead.length > 0) throw new Error(`${dead[0].name} exited:\n${tail(dead[0].logFile)}`)
    if (streams.broken != null) throw new Error(streams.broken)
  }
  /** each process's bytes read so far (after checking they all run) */
  const reads = (): number[] => { live(); return pids.map(readBytes) }
  const everyone = ks.map((_, i) => i)
  try {
    await postAtRate(nodes[0], chain, 1, warmup, intervalMs)
    await waitUntil(() => { live(); return streams.allCommitted(warmup, everyone) > 0 }, `${chain.channelId} warm-up`, 120_000, 20)
    await sleep(500)
    // the idle rate of each process's reads (membership, StateInfo), over a window as long as the blocks will take
    const windowMs = Math.min(count * intervalMs, 10_000)
    const idle0 = reads()
    const idleCpu0 = pids.map(cpuMs)
    const idleT0 = epochMs()
    await sleep(windowMs)
    const idle1 = reads()
    const idleCpu1 = pids.map(cpuMs)
    const idleMs = epochMs() - idleT0
    const idleRates = idle1.map((b, i) => (b - idle0[i]) / idleMs)
    const idleCpuRate = idleCpu1.reduce((sum, c, i) => sum + c - idleCpu0[i], 0) / idleMs
    const bytes0 = reads()
    const cpu0 = pids.map(cpuMs)
    const t0 = epochMs()
    const sent = await postAtRate(nodes[0], chain, warmup + 1, count, intervalMs)
    await waitUntil(() => { live(); return streams.allCommitted(last, everyone) > 0 }, `every peer commits every ${chain.channelId} block`, 300_000, 10)
    await sleep(300) // duplicates in flight
    const elapsed = epochMs() - t0
    let posted = 0
    for (let seq = warmup + 1; seq <= last; seq++) posted += chain.bytes[seq - 1].byteLength
    const bytes = reads().reduce((sum, b, i) => sum + b - bytes0[i] - idleRates[i] * elapsed, 0) - posted
    const cpu = pids.reduce((sum, pid, i) => sum + cpuMs(pid) - cpu0[i], 0) - idleCpuRate * elapsed
    return {
      allMs: sent.map((t, i) => streams.allCommitted(warmup + 1 + i, everyone) - t),
      originMs: sent.map((t, i) => streams.at[0][warmup + 1 + i] - t),
      bytesPerPeerBlock: bytes / (nodes.length * count),
      cpuPerPeerBlock: cpu / (nodes.length * count),
      intervalMs,
      blockBytes: chain.meanBytes
    }
  } finally {
    streams.close()
  }
}

interface ModeRun { mode: Mode, small: SizeRun, large: SizeRun, hop?: { small: SizeRun, large: SizeRun } }

/** Every peer's channel view of `channel` holds `n - 1` others (`GET /status`). */
async function viewsComplete (nodes: readonly ClusterNodePlan[], channel: string, n: number): Promise<boolean> {
  const views = await Promise.all(nodes.map(async node => {
    try {
      const res = await fetch(`http://127.0.0.1:${node.opsPort}/status`, { signal: AbortSignal.timeout(5000) })
      const status = await res.json() as { channels?: Record<string, { peers: unknown[] }> }
      return status.channels?.[channel]?.peers.length ?? 0
    } catch {
      return 0
    }
  }))
  return views.every(v => v === n - 1)
}

interface Setup { dir: string, genesisFiles: Record<ChainKey, string>, chains: Record<ChainKey, BlockChain> }

async function runMode (ctx: BenchContext, setup: Setup, mode: Mode, p: Params, withHop: boolean): Promise<ModeRun> {
  const { dir, genesisFiles, chains } = setup
  await rm(join(dir, 'data'), { recursive: true, force: true }) // fresh ledgers (and libp2p keys) for each mode
  const plan = await preparePlan(dir, { orgs: 1, peers: N, channel: CHANNELS.small }, () => {}, { dissemination: mode === 'gossipsub' ? 'gossipsub' : 'fabric' })
  const nodes = plan.nodes.filter(n => n.kind === 'peer')
  for (const [i, node] of nodes.entries()) {
    const channels = [genesisFiles.small, genesisFiles.large, ...(withHop && i < 2 ? [genesisFiles.hopSmall, genesisFiles.hopLarge] : [])]
    await amendConfig(node.configFile, { peer: { gossip: fileValues('peer.gossip', { ...COMMON_GOSSIP, ...MODE_GOSSIP[mode] }) }, channels }, 'the dissemination-mp benchmark')
  }
  const procs = new PeerProcesses()
  const peers: Peers = { nodes, procs }
  try {
    const t0 = epochMs()
    for (const node of nodes) procs.start(node)
    await procs.waitHealthy(nodes, 180_000)
    const healthy = epochMs()
    await waitUntil(async () => {
      const dead = procs.dead(nodes)
      if (dead.length > 0) throw new Error(`${dead[0].name} exited:\n${tail(dead[0].logFile)}`)
      return await viewsComplete(nodes, CHANNELS.small, N) && await viewsComplete(nodes, CHANNELS.large, N)
    }, 'full channel views', 180_000, 500)
    const formedMs = epochMs() - healthy
    ctx.log(`${mode}: ${N} processes healthy ${Math.round((healthy - t0) / 1000)} s after the first start; channel views complete ${Math.round(formedMs)} ms later`)
    // gossipsub grafts its meshes on its heartbeat (1 s) once the subscriptions are known: a few of those
    if (mode === 'gossipsub') await sleep(5000)
    let hop: ModeRun['hop']
    if (withHop) {
      await waitUntil(async () => await viewsComplete(nodes.slice(0, 2), CHANNELS.hopSmall, 2) && await viewsComplete(nodes.slice(0, 2), CHANNELS.hopLarge, 2), 'hop channel views', 60_000, 500)
      hop = {
        small: await measureSize(peers, [0, 1], chains.hopSmall, p.hopSmall, p.warmup, p.smallIntervalMs),
        large: await measureSize(peers, [0, 1], chains.hopLarge, p.hopLarge, p.warmup, p.largeIntervalMs)
      }
      ctx.log(`${mode}: one hop 10 KB p50 ${round(quantile(hop.small.allMs, 0.5))} ms, 1 MB p50 ${round(quantile(hop.large.allMs, 0.5))} ms`)
    }
    const everyone = nodes.map((_, k) => k)
    ctx.log(`${mode}: ${p.smallBlocks} blocks of 10 KB, one every ${p.smallIntervalMs} ms`)
    const small = await measureSize(peers, everyone, chains.small, p.smallBlocks, p.warmup, p.smallIntervalMs)
    ctx.log(`${mode}: ${p.largeBlocks} blocks of 1 MB, one every ${p.largeIntervalMs} ms`)
    const large = await measureSize(peers, everyone, chains.large, p.largeBlocks, p.warmup, p.largeIntervalMs)
    ctx.log(`${mode}: 10 KB p50 ${round(quantile(small.allMs, 0.5))} p99 ${round(quantile(small.allMs, 0.99))} ms, ${Math.round(small.bytesPerPeerBlock)} B/peer/block; ` +
      `1 MB p50 ${round(quantile(large.allMs, 0.5))} p99 ${round(quantile(large.allMs, 0.99))} ms, ${Math.round(large.bytesPerPeerBlock)} B/peer/block`)
    return { mode, small, large, hop }
  } finally {
    const killed = await procs.stopAll(10_000)
    if (killed > 0) ctx.log(`${mode}: ${killed} peer process(es) needed SIGKILL`)
  }
}

/**
 * The in-process bench's figures at N = 10 (`bench/results/dissemination.json`, or the record named by
 * `BENCH_IN_PROCESS`), by `<size>.<mode>.<p50|p99|bytes|max>`.
 */
function inProcessFigures (): { figures: Map<string, number>, mode: string, file: string } | undefined {
  const file = process.env.BENCH_IN_PROCESS ?? join(dirname(fileURLToPath(import.meta.url)), 'results', 'dissemination.json')
  if (!existsSync(file)) return undefined
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as { mode?: string, sections?: Array<{ id: string, figures: Figure[] }> }
    const figures = new Map<string, number>()
    for (const size of ['small', 'large'] as const) {
      for (const f of record.sections?.find(s => s.id === `n${N}-${size}`)?.figures ?? []) {
        figures.set(`${size}.${f.id}`, f.value)
        if (f.id.endsWith('.p99') && typeof f.extra?.max === 'number') figures.set(`${size}.${f.id.replace(/p99$/, 'max')}`, f.extra.max)
      }
    }
    return { figures, mode: record.mode ?? 'unknown', file }
  } catch {
    return undefined
  }
}

function sizeSection (runs: ModeRun[], size: 'small' | 'large', hop: SizeRun | undefined, inProc: Map<string, number> | undefined): Section {
  const sizeLabel = size === 'small' ? '10 KB' : '1 MB'
  const hopMs = hop?.allMs ?? []
  const ip = (key: string): Record<string, number> => {
    const v = inProc?.get(`${size}.${key}`)
    return v == null ? {} : { 'in-process': round(v) }
  }
  const figures: Figure[] = []
  for (const r of runs) {
    const s = r[size]
    const label = MODE_LABEL[r.mode]
    figures.push(
      figure({ id: `${r.mode}.p50`, label: `${label}: all ${N} committed, p50`, unit: 'ms', better: 'lower', value: quantile(s.allMs, 0.5), baseline: { label: 'one hop p50', value: quantile(hopMs, 0.5) }, samples: s.allMs.map(round), extra: { ...ip(`${r.mode}.p50`), 'peer0 committed p50': round(quantile(s.originMs, 0.5)) } }),
      figure({ id: `${r.mode}.p99`, label: `${label}: all ${N} committed, p99`, unit: 'ms', better: 'lower', value: quantile(s.allMs, 0.99), baseline: { label: 'one hop p99', value: quantile(hopMs, 0.99) }, extra: { ...ip(`${r.mode}.p99`), max: round(Math.max(...s.allMs)), ...(inProc?.has(`${size}.${r.mode}.max`) === true ? { 'in-process max': round(inProc.get(`${size}.${r.mode}.max`) as number) } : {}), 'blocks over 1 s': s.allMs.filter(x => x > 1000).length } }),
      figure({ id: `${r.mode}.bytes`, label: `${label}: bytes read per peer per block`, unit: 'B', better: 'lower', value: s.bytesPerPeerBlock, baseline: { label: 'one copy of the block', value: s.blockBytes }, extra: { ...ip(`${r.mode}.bytes`), 'CPU ms per peer per block': round(s.cpuPerPeerBlock) } })
    )
  }
  if (hop != null) {
    figures.push(figure({ id: 'hop.p50', label: 'one hop (peer0 -> peer1, 2-peer channel), p50', unit: 'ms', better: 'lower', value: quantile(hopMs, 0.5), baseline: { label: 'peer0 committed p50', value: quantile(hop.originMs, 0.5) }, samples: hopMs.map(round), extra: { p99: round(quantile(hopMs, 0.99)), max: round(Math.max(...hopMs)) } }))
  }
  return {
    id: `n${N}-${size}`,
    title: `N = ${N} processes, ${sizeLabel} blocks: POST to peer0 -> every peer committed`,
    params: { peers: N, blockBytes: Math.round(runs[0][size].blockBytes), blocks: runs[0][size].allMs.length, intervalMs: runs[0][size].intervalMs, hopBlocks: hopMs.length },
    figures
  }
}

function charts (runs: ModeRun[], inProc: Map<string, number> | undefined): ChartSpec[] {
  return (['small', 'large'] as const).map(size => {
    const label = size === 'small' ? '10 KB' : '1 MB'
    const series = [
      { name: `${N} processes, p50`, values: runs.map(r => round(quantile(r[size].allMs, 0.5))) },
      { name: `${N} processes, p99`, values: runs.map(r => round(quantile(r[size].allMs, 0.99))) }
    ]
    if (inProc != null) {
      series.push(
        { name: 'in-process, p50', values: runs.map(r => round(inProc.get(`${size}.${r.mode}.p50`) ?? Number.NaN)) },
        { name: 'in-process, p99', values: runs.map(r => round(inProc.get(`${size}.${r.mode}.p99`) ?? Number.NaN)) }
      )
    }
    return {
      id: `latency-${size}`,
      title: `Time until all ${N} peers committed a ${label} block: separate processes against one process`,
      kind: 'bar' as const,
      spec: {
        title: `${label} blocks, N = ${N}: to every peer committed`,
        categories: runs.map(r => MODE_LABEL[r.mode]),
        yLabel: 'time',
        yUnit: 'ms',
        series
      }
    }
  })
}

/** The crypto, genesis blocks and chains every mode shares, in `dir`. */
async function prepare (dir: string, p: Params, log: (line: string) => void): Promise<Setup> {
  const plan: ClusterPlan = await preparePlan(dir, { orgs: 1, peers: N, channel: CHANNELS.small }, log)
  const cryptoDir = join(dir, 'crypto')
  const ordererOrg = scanCryptoFolder(cryptoDir).find(o => o.kind === 'orderer')
  if (ordererOrg == null) throw new Error(`no orderer org in ${cryptoDir}`)
  const signer: SigningIdentity = loadSigningIdentity(join(ordererOrg.nodes[0].dir, 'msp'), ordererOrg.mspId)
  const genesisFiles = {} as Record<ChainKey, string>
  const chains = {} as Record<ChainKey, BlockChain>
  const counts: Record<ChainKey, [number, number]> = { small: [p.smallBlocks, SMALL], large: [p.largeBlocks, LARGE], hopSmall: [p.hopSmall, SMALL], hopLarge: [p.hopLarge, LARGE] }
  for (const key of Object.keys(CHANNELS) as ChainKey[]) {
    const channel = CHANNELS[key]
    const file = join(dir, `${channel}.block`)
    let genesis: common.Block
    if (channel === plan.channel) {
      genesis = common.Block.decode(readFileSync(file))
    } else {
      genesis = createGenesisBlock(genesisOptionsFromCryptoFolder({ cryptoDir, channelId: channel }))
      await writeFile(file, common.Block.encode(genesis))
    }
    genesisFiles[key] = file
    const [count, bytes] = counts[key]
    chains[key] = buildChain(genesis, channel, signer, p.warmup + count, bytes)
  }
  return { dir, genesisFiles, chains }
}

const bench: Benchmark = {
  name: 'dissemination-mp',
  title: `Block dissemination across ${N} processes (fgossip start each): Fabric defaults, this project, gossipsub, against one hop`,
  async run (ctx: BenchContext): Promise<Section[]> {
    const p = ctx.quick ? QUICK : FULL
    const dir = await mkdtemp(join(tmpdir(), 'fgossip-dissemination-mp-'))
    // interrupted (the peers are killed by then): the folder goes too
    const onExit = (): void => { rmSync(dir, { recursive: true, force: true }) }
    process.once('exit', onExit)
    let failed = true
    try {
      const setup = await prepare(dir, p, ctx.log)
      const only = process.env.BENCH_MODES?.split(',').filter((m): m is Mode => (MODES as readonly string[]).includes(m))
      const modes = only != null && only.length > 0 ? MODES.filter(m => only.includes(m)) : MODES
      const hopMode = modes.includes('ours') ? 'ours' : modes[0]
      const runs: ModeRun[] = []
      for (const mode of modes) runs.push(await runMode(ctx, setup, mode, p, mode === hopMode))
      const inProcess = inProcessFigures()
      if (inProcess == null) ctx.log('no in-process record (bench/results/dissemination.json, or BENCH_IN_PROCESS): its figures are not shown')
      else ctx.log(`in-process figures from ${inProcess.file} (a ${inProcess.mode} run)`)
      const hop = runs.find(r => r.hop != null)?.hop
      const sections = [
        sizeSection(runs, 'small', hop?.small, inProcess?.figures),
        sizeSection(runs, 'large', hop?.large, inProcess?.figures)
      ]
      sections[1].charts = charts(runs, inProcess?.figures)
      failed = false
      return sections
    } finally {
      process.off('exit', onExit)
      if (failed) {
        await rm(join(dir, 'data'), { recursive: true, force: true })
        ctx.log(`the peers' config files and logs are kept in ${dir}`)
      } else {
        await rm(dir, { recursive: true, force: true })
      }
    }
  }
}

export default bench
