/**
 * A network of Linux network namespaces for cluster tests: each node gets its own namespace (its own
 * loopback, its own address, its own ports), so processes that all listen on `0.0.0.0:7051` can run side
 * by side as they would in containers, and parts of the network can be cut off from each other.
 *
 * ```
 *   root namespace (the test)          bridge fgb<run> 10.77.X.1/24
 *        |-- veth fgv<run>0 <-> eth0 in fgn-<pid>-<run>-<name0>   10.77.X.2   lo up
 *        |-- veth fgv<run>1 <-> eth0 in fgn-<pid>-<run>-<name1>   10.77.X.3   lo up
 *        ...
 * ```
 *
 * - Names: `/etc/netns/<ns>/hosts` maps every node's name (and aliases) to its address; `ip netns exec`
 *   bind-mounts it over `/etc/hosts` for the process it starts, so `peer0.org1.example.com:7051` resolves
 *   inside as it would on a compose network. The test process reaches every node at its address through
 *   the bridge.
 * - Partitions: `partition(a, b)` adds, in each namespace of one side, a blackhole route (`/32`) to every
 *   address of the other side. Nothing crosses in either direction: a new connection fails at once
 *   (`connect EINVAL`), an established one stalls until its own timeouts give up. The root namespace is not
 *   affected, so the test still sees every node. `heal()` removes every such route. (No `tc` netem, no
 *   nftables/iptables needed; routes are what `iproute2` alone offers.)
 * - Unique per run: the bridge, veth and namespace names carry a random run id and the namespace names the
 *   test's pid; the subnet is a `10.77.X.0/24` no route of the root namespace covers yet.
 * - Cleanup: `destroy()` kills what `exec` started (and anything else left in the namespaces), deletes
 *   the namespaces (which deletes their veths), the bridge and the `/etc/netns/<ns>` folders. It also runs
 *   synchronously on process exit and on SIGINT/SIGTERM, and `create()` first removes what runs of dead
 *   processes left behind (found by the pid in the names and in the bridge's alias).
 *
 * Needs root and `ip` (iproute2); `available()` says whether this machine can, and why not.
 */
import { execFile, execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, rmdirSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'

const NETNS_ETC = '/etc/netns'
const NS_PREFIX = 'fgn-'
const BRIDGE_ALIAS = 'fgossip-netns pid='
const SUBNET_BASE = '10.77'

/** One node of the network. */
export interface NetnsNode {
  /** The name given to `create` (a host name). */
  name: string
  /** Other names resolving to this node. */
  aliases: string[]
  /** The namespace's name (as `ip netns list` shows it). */
  ns: string
  /** The node's IPv4 address on the bridge. */
  ip: string
  /** The host end of its veth pair (inside, the other end is `eth0`). */
  veth: string
}

export interface NetnsNodeSpec {
  name: string
  aliases?: string[]
}

export interface ExecOptions {
  cwd?: string
  stdio?: SpawnOptions['stdio']
}

/** A finished command. */
export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

let ipBin: string | undefined

function findIp (): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin', '/usr/bin', '/bin']
  for (const d of dirs) {
    if (d !== '' && existsSync(join(d, 'ip'))) return join(d, 'ip')
  }
  return undefined
}

function ip (): string {
  ipBin ??= findIp()
  if (ipBin == null) throw new Error('ip (iproute2) not found')
  return ipBin
}

/** Runs `ip <args>`; rejects with its stderr. */
async function ipCmd (args: string[], input?: string): Promise<string> {
  return await new Promise((resolve, reject) => {
    const child = execFile(ip(), args, { encoding: 'utf8', timeout: 10_000 }, (err, stdout, stderr) => {
      if (err != null) reject(new Error(`ip ${args.join(' ')}: ${stderr.trim() !== '' ? stderr.trim() : err.message}`))
      else resolve(stdout)
    })
    if (input != null) child.stdin?.end(input)
  })
}

/** `ip <args>`, synchronously, errors ignored (cleanup at exit). */
function ipQuiet (args: string[]): string {
  try {
    return execFileSync(ip(), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 })
  } catch {
    return ''
  }
}

let availability: Promise<{ ok: true } | { ok: false, reason: string }> | undefined

/**
 * Whether this machine can run a namespace network: Linux, root, `ip` present, and a namespace, a bridge
 * and a veth pair can actually be made (a container without CAP_NET_ADMIN or CAP_SYS_ADMIN cannot).
 * Cached; tests skip with `reason` when it is not ok.
 */
export async function available (): Promise<{ ok: true } | { ok: false, reason: string }> {
  availability ??= (async () => {
    if (process.platform !== 'linux') return { ok: false as const, reason: `network namespaces need Linux (this is ${process.platform})` }
    if (process.getuid?.() !== 0) return { ok: false as const, reason: 'network namespaces need root (ip netns add)' }
    if (findIp() == null) return { ok: false as const, reason: 'ip (iproute2) is not installed' }
    const id = runId()
    const ns = `${NS_PREFIX}${process.pid}-${id}-probe`
    const bridge = `fgb${id}`
    try {
      await ipCmd(['netns', 'add', ns])
      await ipCmd(['link', 'add', bridge, 'type', 'bridge'])
      await ipCmd(['link', 'add', `fgv${id}p`, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns])
      await ipCmd(['-n', ns, 'link', 'set', 'lo', 'up'])
      return { ok: true as const }
    } catch (err) {
      return { ok: false as const, reason: `cannot make network namespaces here: ${(err as Error).message}` }
    } finally {
      ipQuiet(['link', 'del', `fgv${id}p`])
      ipQuiet(['link', 'del', bridge])
      ipQuiet(['netns', 'del', ns])
    }
  })()
  return await availability
}

function runId (): string {
  return randomBytes(3).toString('hex').slice(0, 5)
}

function pidAlive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Kills every process inside `ns` (SIGKILL). */
function killNsPids (ns: string): void {
  for (const line of ipQuiet(['netns', 'pids', ns]).split('\n')) {
    const pid = Number(line.trim())
    if (Number.isInteger(pid) && pid > 0) {
      try { process.kill(pid, 'SIGKILL') } catch { /* gone already */ }
    }
  }
}

/** Removes namespaces, bridges and /etc/netns folders left by runs whose process is gone. */
function sweepStale (): void {
  for (const line of ipQuiet(['netns', 'list']).split('\n')) {
    const ns = line.trim().split(/\s+/)[0]
    const m = ns?.match(/^fgn-(\d+)-/)
    if (m == null || pidAlive(Number(m[1]))) continue
    killNsPids(ns)
    ipQuiet(['netns', 'del', ns])
    rmSync(join(NETNS_ETC, ns), { recursive: true, force: true })
  }
  if (existsSync(NETNS_ETC)) {
    for (const dir of readdirSync(NETNS_ETC)) {
      const m = dir.match(/^fgn-(\d+)-/)
      if (m != null && !pidAlive(Number(m[1]))) rmSync(join(NETNS_ETC, dir), { recursive: true, force: true })
    }
  }
  let links: Array<{ ifname: string, ifalias?: string }> = []
  try {
    links = JSON.parse(ipQuiet(['-j', 'link', 'show', 'type', 'bridge']) || '[]')
  } catch { /* an old ip without -j: nothing to sweep */ }
  for (const l of links) {
    const m = l.ifalias?.match(/^fgossip-netns pid=(\d+)$/)
    if (m != null && !pidAlive(Number(m[1]))) ipQuiet(['link', 'del', l.ifname])
  }
}

/** Networks not destroyed yet, cleaned up synchronously if the process exits or is interrupted. */
const live = new Set<NetnsNetwork>()
let hooked = false

function onSignal (signal: NodeJS.Signals): void {
  for (const n of live) n.destroySync()
  process.off('SIGINT', onSignal)
  process.off('SIGTERM', onSignal)
  process.kill(process.pid, signal)
}

function hookExit (): void {
  if (hooked) return
  hooked = true
  process.on('exit', () => { for (const n of live) n.destroySync() })
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
}

/** Picks a free 10.77.X.0/24: no route of the root namespace in it. */
async function pickSubnet (): Promise<string> {
  const routes = await ipCmd(['-4', 'route', 'show', 'table', 'all'])
  const used = new Set<number>()
  for (const m of routes.matchAll(/\b10\.77\.(\d+)\./g)) used.add(Number(m[1]))
  const start = randomBytes(1)[0]
  for (let i = 0; i < 256; i++) {
    const x = (start + i) % 256
    if (!used.has(x)) return `${SUBNET_BASE}.${x}`
  }
  throw new Error(`no free /24 left in ${SUBNET_BASE}.0.0/16`)
}

/**
 * A bridge and one namespace per node. Make one with {@link NetnsNetwork.create}; always `destroy()` it
 * (an `after` hook), though exit and signals clean up too.
 */
export class NetnsNetwork {
  readonly id: string
  /** The bridge's address: the test process as the nodes see it. */
  readonly gateway: string
  readonly bridge: string
  /** The first three bytes of the subnet (`10.77.X`). */
  readonly prefix: string
  private readonly nodes = new Map<string, NetnsNode>()
  private readonly children = new Set<ChildProcess>()
  private readonly routes: Array<{ ns: string, dest: string }> = []
  private readonly madeEtc: boolean
  private destroyed = false

  private constructor (id: string, prefix: string, madeEtc: boolean) {
    this.id = id
    this.bridge = `fgb${id}`
    this.prefix = prefix
    this.gateway = `${prefix}.1`
    this.madeEtc = madeEtc
  }

  /** Makes the bridge and one namespace per node (addresses .2, .3, ... in the order given). */
  static async create (specs: Array<string | NetnsNodeSpec>): Promise<NetnsNetwork> {
    const avail = await available()
    if (!avail.ok) throw new Error(avail.reason)
    if (specs.length === 0 || specs.length > 250) throw new Error('a network has 1 to 250 nodes')
    sweepStale()
    const madeEtc = !existsSync(NETNS_ETC)
    let net: NetnsNetwork | undefined
    // a run made at the same moment may have picked the same /24: then the root namespace has two routes
    // to it, and this run picks again
    for (let attempt = 0; net == null; attempt++) {
      const prefix = await pickSubnet()
      const candidate = new NetnsNetwork(runId(), prefix, madeEtc)
      live.add(candidate)
      hookExit()
      try {
        await ipCmd(['link', 'add', candidate.bridge, 'type', 'bridge'])
        await ipCmd(['link', 'set', candidate.bridge, 'alias', `${BRIDGE_ALIAS}${process.pid}`])
        await ipCmd(['addr', 'add', `${candidate.gateway}/24`, 'dev', candidate.bridge])
        await ipCmd(['link', 'set', candidate.bridge, 'up'])
      } catch (err) {
        await candidate.destroy()
        throw err
      }
      const routes = (await ipCmd(['-4', 'route', 'show', `${prefix}.0/24`])).trim().split('\n')
      if (routes.length === 1 || attempt >= 8) net = candidate
      else await candidate.destroy()
    }
    try {
      const all: NetnsNode[] = specs.map((s, i) => {
        const spec = typeof s === 'string' ? { name: s } : s
        if (!/^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(spec.name)) throw new Error(`not a host name: '${spec.name}'`)
        return {
          name: spec.name,
          aliases: spec.aliases ?? [],
          ns: `${NS_PREFIX}${process.pid}-${net.id}-${spec.name}`,
          ip: `${net.prefix}.${i + 2}`,
          veth: `fgv${net.id}${i}`
        }
      })
      for (const node of all) {
        if (net.nodes.has(node.name)) throw new Error(`two nodes named ${node.name}`)
        net.nodes.set(node.name, node)
      }
      const hosts = ['127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback',
        ...all.map(n => `${n.ip}\t${[n.name, ...n.aliases].join(' ')}`)].join('\n') + '\n'
      for (const node of all) {
        await ipCmd(['netns', 'add', node.ns])
        await ipCmd(['link', 'add', node.veth, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', node.ns])
        await ipCmd(['link', 'set', node.veth, 'master', net.bridge])
        await ipCmd(['link', 'set', node.veth, 'up'])
        await ipCmd(['-n', node.ns, '-batch', '-'],
          `link set lo up\naddr add ${node.ip}/24 dev eth0\nlink set eth0 up\n`)
        mkdirSync(join(NETNS_ETC, node.ns), { recursive: true })
        writeFileSync(join(NETNS_ETC, node.ns, 'hosts'), hosts)
      }
    } catch (err) {
      await net.destroy()
      throw err
    }
    return net
  }

  /** A node by name. */
  node (name: string): NetnsNode {
    const n = this.nodes.get(name)
    if (n == null) throw new Error(`no node ${name} in this network (${[...this.nodes.keys()].join(', ')})`)
    return n
  }

  /** Every node, in creation order. */
  list (): NetnsNode[] {
    return [...this.nodes.values()]
  }

  /** The address of a node. */
  ip (name: string): string {
    return this.node(name).ip
  }

  /**
   * Starts `cmd args` inside the node's namespace (`ip netns exec`, which execs it: the child is the
   * command itself, signals reach it) with exactly `env` as its environment (PATH added when missing), its
   * /etc/hosts the network's. `destroy()` kills it if it still runs.
   */
  exec (name: string, cmd: string, args: string[], env: Record<string, string | undefined>, opts: ExecOptions = {}): ChildProcess {
    if (this.destroyed) throw new Error('the network is destroyed')
    const node = this.node(name)
    const child = spawn(ip(), ['netns', 'exec', node.ns, cmd, ...args], {
      env: { PATH: process.env.PATH, ...env },
      cwd: opts.cwd,
      stdio: opts.stdio ?? ['ignore', 'pipe', 'pipe']
    })
    this.children.add(child)
    child.once('exit', () => { this.children.delete(child) })
    child.once('error', () => { this.children.delete(child) })
    return child
  }

  /** Runs `cmd args` in a node's namespace to completion. */
  async run (name: string, cmd: string, args: string[], env: Record<string, string | undefined> = {}, timeout = 30_000, cwd?: string): Promise<RunResult> {
    const child = this.exec(name, cmd, args, env, { cwd })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d: Buffer) => { stdout += d.toString() })
    child.stderr?.on('data', (d: Buffer) => { stderr += d.toString() })
    const timer = setTimeout(() => { child.kill('SIGKILL') }, timeout)
    try {
      const code = await new Promise<number | null>((resolve, reject) => {
        child.once('error', reject)
        child.once('close', c => { resolve(c) })
      })
      return { code, stdout, stderr }
    } finally {
      clearTimeout(timer)
    }
  }

  /**
   * Cuts every node of `a` off from every node of `b`, both ways (blackhole routes, see the module
   * comment). Partitions add up; `heal()` undoes them all.
   */
  async partition (a: string[], b: string[]): Promise<void> {
    const sideA = a.map(n => this.node(n))
    const sideB = b.map(n => this.node(n))
    for (const x of sideA) {
      if (sideB.includes(x)) throw new Error(`${x.name} is on both sides of the partition`)
    }
    const add = async (from: NetnsNode[], to: NetnsNode[]): Promise<void> => {
      for (const f of from) {
        const fresh = to.filter(t => !this.routes.some(r => r.ns === f.ns && r.dest === t.ip))
        if (fresh.length === 0) continue
        await ipCmd(['-n', f.ns, '-batch', '-'], fresh.map(t => `route add blackhole ${t.ip}/32\n`).join(''))
        for (const t of fresh) this.routes.push({ ns: f.ns, dest: t.ip })
      }
    }
    await add(sideA, sideB)
    await add(sideB, sideA)
  }

  /** Cuts one node off from every other node (not from the test process). */
  async isolate (name: string): Promise<void> {
    await this.partition([name], this.list().map(n => n.name).filter(n => n !== name))
  }

  /** Removes every partition. */
  async heal (): Promise<void> {
    const byNs = new Map<string, string[]>()
    for (const r of this.routes.splice(0)) byNs.set(r.ns, [...byNs.get(r.ns) ?? [], r.dest])
    for (const [ns, dests] of byNs) {
      await ipCmd(['-n', ns, '-batch', '-'], dests.map(d => `route del blackhole ${d}/32\n`).join(''))
    }
  }

  /** Whether `from` can open a TCP connection to `to:port` (a probe run inside `from`'s namespace). */
  async canConnect (from: string, to: string, port: number, timeout = 2000): Promise<boolean> {
    const script = `const s=require('net').connect(${port},${JSON.stringify(to)});s.setTimeout(${timeout},()=>process.exit(2));` +
      's.on(\'connect\',()=>process.exit(0));s.on(\'error\',()=>process.exit(1))'
    const r = await this.run(from, process.execPath, ['-e', script], {}, timeout + 5000)
    return r.code === 0
  }

  /** Stops everything this network started and removes it. Idempotent. */
  async destroy (): Promise<void> {
    if (this.destroyed) return
    const exits = [...this.children].filter(c => c.exitCode == null && c.signalCode == null)
      .map(async c => await new Promise(resolve => { c.once('exit', resolve); c.kill('SIGKILL') }))
    await Promise.race([Promise.all(exits), new Promise(resolve => setTimeout(resolve, 5000))])
    this.destroySync()
  }

  /** The synchronous core of `destroy()` (also run at exit and on signals). */
  destroySync (): void {
    if (this.destroyed) return
    this.destroyed = true
    live.delete(this)
    for (const c of this.children) {
      try { c.kill('SIGKILL') } catch { /* gone */ }
    }
    for (const node of this.nodes.values()) {
      killNsPids(node.ns)
      ipQuiet(['netns', 'del', node.ns])
      ipQuiet(['link', 'del', node.veth])
      rmSync(join(NETNS_ETC, node.ns), { recursive: true, force: true })
    }
    ipQuiet(['link', 'del', this.bridge])
    if (this.madeEtc) {
      try { rmdirSync(NETNS_ETC) } catch { /* not empty: another run's */ }
    }
  }
}
