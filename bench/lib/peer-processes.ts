/**
 * Peers as separate `fgossip start` processes, for benchmarks that measure across processes: the layout of
 * `fgossip cluster up` (`src/cli/cluster/plan.ts`: crypto material, ports, one config file per node), its
 * config files amended by the benchmark, each peer started as `cluster up` starts it
 * (`src/cli/cluster/processes.ts`: `bin/fgossip.js start --config <file>`, detached, output to its log);
 * the commit streams of their operations servers (`GET /channels/{name}/commits`); and what /proc says of
 * each process (bytes read, CPU time).
 *
 * Every process started is tracked: {@link PeerProcesses.stopAll} stops them, and they are killed with
 * SIGKILL if the benchmark's process exits or is interrupted first.
 */
import { readFileSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { request, type ClientRequest } from 'node:http'
import { performance } from 'node:perf_hooks'
import { parse, stringify } from 'yaml'
import { isAlive, startNodeProcess } from '../../src/cli/cluster/processes.js'
import { httpOk, ProcessTracker, readProc, sleep, tail } from './process-cluster.js'
import { CONFIG_SCHEMA, type ConfigKey } from '../../src/config/schema.js'
import { formatDuration } from '../../src/config/index.js'
import type { ClusterNodePlan } from '../../src/cli/cluster/plan.js'

/** Now, in epoch ms with a sub-ms fraction: the clock of the commit streams' `at` (one machine, one clock). */
export const epochMs = (): number => performance.timeOrigin + performance.now()

/** Polls the async `cond` every `pollMs` until it holds; rejects with `what` after `timeoutMs`. */
export async function waitUntil (cond: () => boolean | Promise<boolean>, what: string, timeoutMs: number, pollMs = 250): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!(await cond())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(pollMs)
  }
}

// ---- config files ----

/**
 * Values of `section` (e.g. `peer.gossip`) as a config file writes them, from values as {@link NodeConfig}
 * holds them (`FABRIC_BEHAVIOUR`'s): durations (ms) become Go duration strings, nested sections stay nested.
 */
export function fileValues (section: string, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values)) {
    const key = `${section}.${k}`
    if (v != null && typeof v === 'object' && !Array.isArray(v)) out[k] = fileValues(key, v as Record<string, unknown>)
    else out[k] = CONFIG_SCHEMA[key as ConfigKey]?.kind === 'duration' && typeof v === 'number' ? formatDuration(v) : v
  }
  return out
}

type Doc = Record<string, unknown>

/** `a` with `b` merged in, section by section (lists and values of `b` replace `a`'s). */
function merge (a: Doc, b: Doc): Doc {
  const out: Doc = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k]
    out[k] = v != null && typeof v === 'object' && !Array.isArray(v) && prev != null && typeof prev === 'object' && !Array.isArray(prev) ? merge(prev as Doc, v as Doc) : v
  }
  return out
}

/** Merges `values` (config file layout) into a node's config file, noting who changed it. */
export async function amendConfig (file: string, values: Doc, by: string): Promise<void> {
  const doc = parse(await readFile(file, 'utf8')) as Doc
  await writeFile(file, `# written by fgossip cluster up, amended by ${by}\n${stringify(merge(doc, values))}`)
}

// ---- processes ----

/** The peer processes a benchmark started, by node name; each detached (its own process group) and tracked. */
export class PeerProcesses {
  private readonly pids = new Map<string, number>()
  private readonly tracker = new ProcessTracker()

  /** Starts a node as `fgossip cluster up` does; its pid. */
  start (node: ClusterNodePlan): number {
    const pid = startNodeProcess(node)
    this.tracker.track(pid)
    this.pids.set(node.name, pid)
    return pid
  }

  pid (node: ClusterNodePlan): number {
    const pid = this.pids.get(node.name)
    if (pid == null) throw new Error(`${node.name} was not started`)
    return pid
  }

  /** The nodes among `nodes` whose process has exited. */
  dead (nodes: readonly ClusterNodePlan[]): ClusterNodePlan[] {
    return nodes.filter(n => !isAlive(this.pid(n)))
  }

  /** Waits until every node answers `/healthz` with 200; rejects at once if one exits. */
  async waitHealthy (nodes: readonly ClusterNodePlan[], timeoutMs: number): Promise<void> {
    let pending = [...nodes]
    await waitUntil(async () => {
      const dead = this.dead(pending)
      if (dead.length > 0) throw new Error(`${dead.map(n => n.name).join(', ')} exited:\n${tail(dead[0].logFile)}`)
      const ok = await Promise.all(pending.map(async n => await httpOk(`http://127.0.0.1:${n.opsPort}/healthz`, 5000)))
      pending = pending.filter((_, i) => !ok[i])
      return pending.length === 0
    }, `${nodes.length} peers healthy (${pending[0]?.name ?? ''})`, timeoutMs)
  }

  /** SIGKILL to every process group, now (synchronous: safe in an exit handler). */
  killAll (): void {
    this.tracker.killAll()
  }

  /** Stops every process (SIGTERM, SIGKILL after `graceMs`); how many needed SIGKILL. */
  async stopAll (graceMs = 10_000): Promise<number> {
    this.pids.clear()
    return await this.tracker.stopAll(graceMs)
  }
}

// ---- /proc ----

/** Bytes a process has read through read(2) and friends, sockets included (`rchar` of /proc/<pid>/io). */
export function readBytes (pid: number): number {
  const m = /rchar:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))
  return m == null ? Number.NaN : Number(m[1])
}

/** CPU time of a process, all threads, user + system, in ms (/proc/<pid>/stat); NaN when it is gone. */
export function cpuMs (pid: number): number {
  return (readProc(pid, false)?.cpuSeconds ?? Number.NaN) * 1000
}

// ---- commit streams ----

/**
 * When each peer committed each block of a channel, from the peers' commit streams
 * (`GET /channels/{name}/commits`): `at` as the peer stamped it, epoch ms.
 */
export class CommitStreams {
  /** `at[k][n]`: when peer k committed block n (epoch ms; NaN: not yet) */
  readonly at: Float64Array[]
  /** why a stream ended before it was closed, if one did */
  broken: string | undefined
  private readonly requests: ClientRequest[] = []
  private closing = false

  private constructor (peers: number, maxBlock: number) {
    this.at = Array.from({ length: peers }, () => new Float64Array(maxBlock + 1).fill(Number.NaN))
  }

  /** Opens the stream of `channel` at each operations port; resolves once every stream is established. */
  static async open (opsPorts: readonly number[], channel: string, maxBlock: number): Promise<CommitStreams> {
    const s = new CommitStreams(opsPorts.length, maxBlock)
    try {
      await Promise.all(opsPorts.map(async (port, k) => { await s.openOne(port, channel, k) }))
    } catch (err) {
      s.close()
      throw err
    }
    return s
  }

  private async openOne (port: number, channel: string, k: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: `/channels/${encodeURIComponent(channel)}/commits`, agent: false }, res => {
        if (res.statusCode !== 200) { reject(new Error(`commit stream of ${channel} at :${port}: HTTP ${res.statusCode ?? 0}`)); res.resume(); return }
        res.setEncoding('utf8')
        let text = ''
        res.on('data', (chunk: string) => {
          text += chunk
          let end: number
          while ((end = text.indexOf('\n\n')) >= 0) {
            const event = text.slice(0, end)
            text = text.slice(end + 2)
            if (!event.startsWith('data: ')) continue
            const { number, at } = JSON.parse(event.slice(6)) as { number: string, at: number }
            const n = Number(number)
            if (n < this.at[k].length) this.at[k][n] = at
          }
        })
        res.on('close', () => { if (!this.closing) this.broken ??= `the commit stream of ${channel} at :${port} ended` })
        resolve()
      })
      req.on('error', err => {
        if (!this.closing) this.broken ??= `commit stream of ${channel} at :${port}: ${err.message}`
        reject(err)
      })
      req.end()
      this.requests.push(req)
    })
  }

  /** When the last of `peers` (indexes; default all) committed block n (NaN: some has not). */
  allCommitted (n: number, peers?: readonly number[]): number {
    let last = -Infinity
    for (const k of peers ?? this.at.map((_, i) => i)) {
      const t = this.at[k][n]
      if (Number.isNaN(t)) return Number.NaN
      if (t > last) last = t
    }
    return last
  }

  close (): void {
    this.closing = true
    for (const r of this.requests.splice(0)) r.destroy()
  }
}
