/**
 * Peers as separate OS processes, for benchmarks that need each peer's own memory and CPU, or more nodes than
 * one event loop carries: the layout of `fgossip cluster up` (`src/cli/cluster/plan.ts`: cryptogen material,
 * the channel's genesis block with peer0 of each org as anchor peer, one core.yaml per peer with Fabric's
 * timings, an orderer), each node run as `fgossip start|orderer --config <file>`.
 *
 * Unlike `fgossip cluster up` in a checkout, the processes run the **compiled** sources
 * ({@link compileForProcesses}: `tsc` into a temporary folder), not `bin/fgossip.js` through tsx: tsx adds
 * its loader thread, the transformed sources and an esbuild child process to every peer (about 50 MB of RSS
 * and a 16 MB process), which a deployed peer (`dist/`, the Docker image) does not carry.
 *
 * Every process is started detached (its own process group) and tracked: {@link ProcessTracker} stops them
 * all at the end, and kills what is left if the benchmark fails, is interrupted or exits.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isAlive, stopProcesses } from '../../src/cli/cluster/processes.js'
import { preparePlan, type ClusterNodePlan, type ClusterPlan, type Topology } from '../../src/cli/cluster/plan.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

// ---- compiled sources ----

export interface Build {
  /** the temporary folder (removed by {@link removeBuild}) */
  dir: string
  /** `src/cli/main.js`: the `fgossip` command */
  cli: string
  /** `bench/lib/stock-node.js` */
  stockNode: string
}

/**
 * Compiles `src/` and `bench/lib/stock-node.ts` with the repository's tsconfig into a temporary folder (with
 * a `package.json` of `"type": "module"` and a link to `node_modules`), as `npm run build` compiles `dist/`.
 * Type errors do not stop it (tsc emits anyway; they are logged): the benchmark measures what runs.
 */
export async function compileForProcesses (log: (line: string) => void): Promise<Build> {
  const dir = await mkdtemp(join(tmpdir(), 'fgossip-bench-build-'))
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module' }))
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    extends: join(root, 'tsconfig.json'),
    compilerOptions: { outDir: join(dir, 'out'), rootDir: root, declaration: false, sourceMap: false },
    include: [join(root, 'src'), join(root, 'bench', 'lib', 'stock-node.ts')]
  }))
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
  const t0 = Date.now()
  await new Promise<void>(resolve => {
    execFile(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => {
      if (err != null) log(`tsc reported errors (compiled anyway): ${stdout.split('\n').slice(0, 3).join(' | ')}`)
      resolve()
    })
  })
  const build = { dir, cli: join(dir, 'out', 'src', 'cli', 'main.js'), stockNode: join(dir, 'out', 'bench', 'lib', 'stock-node.js') }
  for (const f of [build.cli, build.stockNode]) if (!existsSync(f)) throw new Error(`compiling the sources did not produce ${f}`)
  log(`compiled the sources in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  return build
}

export async function removeBuild (build: Build | undefined): Promise<void> {
  if (build != null) await rm(build.dir, { recursive: true, force: true })
}

// ---- tracked processes ----

/**
 * The processes a benchmark started: each detached (its own process group, so a signal reaches whatever it
 * starts too). `stopAll()` stops them (SIGTERM, SIGKILL after a grace period); if the benchmark's process
 * exits or is interrupted first, they are killed with SIGKILL.
 */
export class ProcessTracker {
  private readonly pids = new Set<number>()
  private readonly onExit = (): void => { this.killAll() }
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    process.stderr.write(`${signal} received: killing the ${this.pids.size} process(es) started\n`)
    this.killAll()
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }

  /** Starts `args` with this Node, detached and tracked. */
  spawn (args: string[], opts: { cwd?: string, log?: string, ipc?: boolean, env?: NodeJS.ProcessEnv }): ChildProcess {
    const out = opts.log != null ? openSync(opts.log, 'a') : 'ignore'
    try {
      const child = spawn(process.execPath, args, {
        cwd: opts.cwd ?? root,
        detached: true,
        stdio: ['ignore', opts.ipc === true ? 'pipe' : out, out, ...(opts.ipc === true ? ['ipc' as const] : [])],
        env: opts.env ?? process.env
      })
      if (child.pid == null) throw new Error(`could not start ${args.join(' ')}`)
      this.add(child.pid)
      child.once('exit', () => { this.pids.delete(child.pid as number); this.unhook() })
      return child
    } finally {
      if (typeof out === 'number') closeSync(out)
    }
  }

  /** Tracks a process started elsewhere (detached, its own process group), e.g. by `startNodeProcess`. */
  track (pid: number): void {
    this.add(pid)
  }

  private add (pid: number): void {
    if (this.pids.size === 0) {
      process.on('exit', this.onExit)
      process.on('SIGINT', this.onSignal)
      process.on('SIGTERM', this.onSignal)
    }
    this.pids.add(pid)
  }

  private unhook (): void {
    if (this.pids.size > 0) return
    process.off('exit', this.onExit)
    process.off('SIGINT', this.onSignal)
    process.off('SIGTERM', this.onSignal)
  }

  /** SIGKILL to every tracked process group, now (synchronous: safe in an exit handler). */
  killAll (): void {
    for (const pid of this.pids) {
      try { process.kill(-pid, 'SIGKILL') } catch { try { process.kill(pid, 'SIGKILL') } catch { /* gone */ } }
    }
  }

  /** Stops every tracked process: SIGTERM to each group, SIGKILL after `graceMs`. Returns how many needed SIGKILL. */
  async stopAll (graceMs = 15_000): Promise<number> {
    const pids = [...this.pids]
    const killed = await stopProcesses(pids, graceMs)
    for (const pid of pids) this.pids.delete(pid)
    this.unhook()
    return killed.length
  }

  get size (): number {
    return this.pids.size
  }
}

// ---- a cluster of processes ----

export interface StartOptions {
  build: Build
  /** peers started together before waiting for their health */
  wave: number
  /** give up on a wave after this long */
  waveTimeoutMs: number
  log: (line: string) => void
}

/** `fgossip cluster up`'s layout in a folder, its processes started from the compiled sources. */
export class ProcessCluster {
  readonly plan: ClusterPlan
  private readonly tracker: ProcessTracker

  private constructor (plan: ClusterPlan, tracker: ProcessTracker) {
    this.plan = plan
    this.tracker = tracker
  }

  /** Writes `fgossip cluster up`'s layout of `topology` into `dir` (its plan, {@link preparePlan}). */
  static async prepare (dir: string, topology: Topology, tracker: ProcessTracker, log: (line: string) => void): Promise<ProcessCluster> {
    return new ProcessCluster(await preparePlan(dir, topology, log), tracker)
  }

  get peers (): ClusterNodePlan[] {
    return this.plan.nodes.filter(n => n.kind === 'peer')
  }

  get orderer (): ClusterNodePlan {
    return this.plan.nodes.find(n => n.kind === 'orderer') as ClusterNodePlan
  }

  pid (node: ClusterNodePlan): number {
    return this.plan.pids[node.name]
  }

  /**
   * Starts the orderer, then the peers in waves of `wave`, each wave once the previous one answers
   * `/healthz` (a peer is healthy once started). Returns the ms from the first start to the last peer healthy.
   */
  async start (opts: StartOptions): Promise<number> {
    const t0 = Date.now()
    const env = { ...process.env, FABRIC_LOGGING_SPEC: process.env.FABRIC_LOGGING_SPEC ?? 'info' }
    const launch = (n: ClusterNodePlan): void => {
      const child = this.tracker.spawn([opts.build.cli, n.kind === 'orderer' ? 'orderer' : 'start', '--config', n.configFile], { cwd: dirname(n.configFile), log: n.logFile, env })
      this.plan.pids[n.name] = child.pid as number
    }
    const waves = [[this.orderer], ...chunks(this.peers, opts.wave)]
    for (const [i, wave] of waves.entries()) {
      for (const n of wave) launch(n)
      await this.waitHealthy(wave, opts.waveTimeoutMs)
      if (i > 0) opts.log(`${Math.min(i * opts.wave, this.peers.length)}/${this.peers.length} peers healthy (${((Date.now() - t0) / 1000).toFixed(0)} s)`)
    }
    return Date.now() - t0
  }

  private async waitHealthy (nodes: ClusterNodePlan[], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs
    let pending = nodes
    while (pending.length > 0) {
      const dead = pending.filter(n => !isAlive(this.pid(n)))
      if (dead.length > 0) throw new Error(`${dead.map(n => n.name).join(', ')} exited:\n${tail(dead[0].logFile)}`)
      const healthy = await Promise.all(pending.map(async n => await httpOk(`http://127.0.0.1:${n.opsPort}/healthz`)))
      pending = pending.filter((_, i) => !healthy[i])
      if (pending.length === 0) return
      if (Date.now() > deadline) throw new Error(`${pending.length} node(s) not healthy after ${timeoutMs} ms (${pending[0].name}):\n${tail(pending[0].logFile)}`)
      await sleep(250)
    }
  }
}

/** The last lines of a log file, indented. */
export function tail (file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).map(l => `    ${l}`).join('\n')
  } catch {
    return '    (no log)'
  }
}

/** Whether `url` answers 200 within `timeoutMs`. */
export async function httpOk (url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    await res.arrayBuffer()
    return res.ok
  } catch {
    return false
  }
}

export const sleep = async (ms: number): Promise<void> => { if (ms > 0) await new Promise(resolve => setTimeout(resolve, ms)) }

export function chunks<T> (xs: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size))
  return out
}

/** Runs `fn` over `xs`, at most `limit` at a time; results in order. */
export async function mapLimit<T, R> (xs: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(xs.length)
  let next = 0
  await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, async () => {
    while (next < xs.length) {
      const i = next++
      out[i] = await fn(xs[i])
    }
  }))
  return out
}

// ---- /proc ----

/** Clock ticks per second of /proc/<pid>/stat's times. */
export const CLK_TCK = ((): number => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

export interface ProcSample {
  /** CPU time (user + system, all threads), in seconds */
  cpuSeconds: number
  /** resident set, its peak, and the proportional and private (unshared) parts, in bytes (NaN: unreadable) */
  rss: number
  rssPeak: number
  pss: number
  uss: number
  /** ns spent running, and runnable but waiting for a CPU (/proc/<pid>/schedstat) */
  runNs: number
  waitNs: number
}

const kib = (text: string, key: string): number => {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)
  return m != null ? Number(m[1]) * 1024 : Number.NaN
}

const readOr = (file: string): string => {
  try { return readFileSync(file, 'utf8') } catch { return '' }
}

/** One process's CPU time, memory and scheduling from /proc; undefined when it is gone. */
export function readProc (pid: number, withSmaps = true): ProcSample | undefined {
  const stat = readOr(`/proc/${pid}/stat`)
  if (stat === '') return undefined
  // fields after the command (which may hold spaces): state is field 3, utime 14, stime 15
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const status = readOr(`/proc/${pid}/status`)
  const smaps = withSmaps ? readOr(`/proc/${pid}/smaps_rollup`) : ''
  const [runNs, waitNs] = readOr(`/proc/${pid}/schedstat`).split(' ').map(Number)
  return {
    cpuSeconds: (Number(f[11]) + Number(f[12])) / CLK_TCK,
    rss: kib(status, 'VmRSS'),
    rssPeak: kib(status, 'VmHWM'),
    pss: kib(smaps, 'Pss'),
    uss: kib(smaps, 'Private_Clean') + kib(smaps, 'Private_Dirty'),
    runNs: runNs ?? Number.NaN,
    waitNs: waitNs ?? Number.NaN
  }
}

/** The whole machine's CPU time from /proc/stat, in seconds: busy (all but idle and iowait) and total. */
export function machineCpu (): { busy: number, total: number } {
  const line = readOr('/proc/stat').split('\n')[0] ?? ''
  const v = line.trim().split(/\s+/).slice(1).map(Number)
  const total = v.reduce((a, b) => a + b, 0)
  const idle = (v[3] ?? 0) + (v[4] ?? 0)
  return { busy: (total - idle) / CLK_TCK, total: total / CLK_TCK }
}

// ---- operations endpoints ----

/** A node's Prometheus metrics: `name{labels}` (as written) -> value. */
export async function scrapeMetrics (opsPort: number): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  try {
    const res = await fetch(`http://127.0.0.1:${opsPort}/metrics`, { signal: AbortSignal.timeout(10_000) })
    for (const line of (await res.text()).split('\n')) {
      if (line === '' || line.startsWith('#')) continue
      const i = line.lastIndexOf(' ')
      out.set(line.slice(0, i), Number(line.slice(i + 1)))
    }
  } catch {
    // a node that does not answer has no metrics: its figures are NaN
  }
  return out
}

/** A metric's value, summed over the series whose labels contain `labels` (NaN when absent). */
export function metricOf (metrics: Map<string, number>, name: string, labels = ''): number {
  let sum = Number.NaN
  for (const [k, v] of metrics) {
    if ((k === name || k.startsWith(`${name}{`)) && k.includes(labels)) sum = (Number.isNaN(sum) ? 0 : sum) + v
  }
  return sum
}
