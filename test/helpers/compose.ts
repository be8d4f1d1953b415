/**
 * Runs a compose file without a container engine, for cluster tests: the compose file is read as Docker
 * Compose reads it (YAML anchors and merge keys, `${VAR:-default}` interpolation, short and long syntaxes),
 * the image's ENTRYPOINT, CMD, ENV, VOLUME, WORKDIR and HEALTHCHECK come from the Dockerfile's final stage,
 * and each service runs as a process of this checkout in its own network namespace (`netns.ts`), named by
 * its service name, in dependency order (`depends_on` conditions honoured).
 *
 * What stands for the container:
 * - the image's `fgossip` entrypoint is `node bin/fgossip.js` of this checkout (a `fgossip` script first on
 *   the PATH; other commands, such as `/bin/sh -c`, are the host's);
 * - every volume is a folder under the cluster's temp folder: a named volume one folder shared by the
 *   services that mount it, a bind mount the host path, an image VOLUME not mounted by the service a fresh
 *   folder of that service (an anonymous volume); WORKDIR is a folder of the service;
 * - container paths under a mount point are rewritten to the folder standing for it, in the environment
 *   values and in the command's arguments (anywhere in them: `sh -c` scripts too);
 * - the environment is the image's ENV, then the service's `environment`, then the PATH above;
 * - the health check is the service's `healthcheck` or the image's HEALTHCHECK, run in the namespace with
 *   the service's environment.
 * Not modelled: ports (each node has its own address; the test reaches it directly), users, read-only
 * mounts, resource limits, restart policies.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { parse as parseYaml } from 'yaml'
import { FGOSSIP } from './process.js'
import type { NetnsNetwork, NetnsNodeSpec, RunResult } from './netns.js'

/** A volume as a service mounts it. */
export interface Mount {
  type: 'volume' | 'bind'
  /** Volume name, or host path of a bind mount; undefined for an anonymous volume. */
  source?: string
  target: string
  readOnly: boolean
}

export type DependsCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully'

export interface ComposeService {
  name: string
  image?: string
  build?: { context: string, dockerfile: string }
  entrypoint?: string[]
  command?: string[]
  environment: Record<string, string>
  volumes: Mount[]
  dependsOn: Array<{ service: string, condition: DependsCondition }>
  /** `['CMD', ...]`, `['CMD-SHELL', script]` or undefined (the image's); null when disabled. */
  healthcheck?: string[] | null
  aliases: string[]
  ports: string[]
}

export interface ComposeProject {
  file: string
  name?: string
  services: Map<string, ComposeService>
  volumes: string[]
}

/** The final stage of a Dockerfile, as a container of it starts. */
export interface ImageConfig {
  entrypoint: string[]
  cmd: string[]
  env: Record<string, string>
  volumes: string[]
  workdir: string
  user?: string
  /** `['CMD', ...]` / `['CMD-SHELL', script]`, undefined without HEALTHCHECK. */
  healthcheck?: string[]
  healthcheckOptions: Record<string, string>
}

/** Compose's variable interpolation: `$$`, `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?err}`, `${VAR?err}`. */
export function interpolate (value: string, env: Record<string, string | undefined>, where = ''): string {
  return value.replace(/\$(\$|\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (all, first: string, braced?: string, bare?: string) => {
    if (first === '$') return '$'
    if (bare != null) return env[bare] ?? ''
    const m = (braced ?? '').match(/^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])(.*))?$/s)
    if (m == null) throw new Error(`${where}: invalid interpolation ${all}`)
    const [, name, op, arg = ''] = m
    const v = env[name]
    const unsetOrEmpty = v == null || v === ''
    switch (op) {
      case undefined: return v ?? ''
      case ':-': return unsetOrEmpty ? interpolate(arg, env, where) : v
      case '-': return v == null ? interpolate(arg, env, where) : v
      case ':+': return unsetOrEmpty ? '' : interpolate(arg, env, where)
      case '+': return v == null ? '' : interpolate(arg, env, where)
      case ':?': if (unsetOrEmpty) throw new Error(`${where}: ${name}: ${arg}`); return v
      case '?': if (v == null) throw new Error(`${where}: ${name}: ${arg}`); return v
      default: throw new Error(`${where}: invalid interpolation ${all}`)
    }
  })
}

/** Splits a command string as a POSIX shell would split words (quotes and backslashes; no expansion). */
export function shellSplit (s: string): string[] {
  const out: string[] = []
  let cur = ''
  let has = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === '\'') {
      const end = s.indexOf('\'', i + 1)
      if (end < 0) throw new Error(`unterminated quote in: ${s}`)
      cur += s.slice(i + 1, end); i = end; has = true
    } else if (c === '"') {
      i++
      for (; i < s.length && s[i] !== '"'; i++) {
        if (s[i] === '\\' && i + 1 < s.length && '"\\$`'.includes(s[i + 1])) i++
        cur += s[i]
      }
      if (i >= s.length) throw new Error(`unterminated quote in: ${s}`)
      has = true
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i]; has = true
    } else if (/\s/.test(c)) {
      if (has) { out.push(cur); cur = ''; has = false }
    } else {
      cur += c; has = true
    }
  }
  if (has) out.push(cur)
  return out
}

function interpolateDeep (v: unknown, env: Record<string, string | undefined>, where: string): unknown {
  if (typeof v === 'string') return interpolate(v, env, where)
  if (Array.isArray(v)) return v.map((x, i) => interpolateDeep(x, env, `${where}[${i}]`))
  if (v != null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, interpolateDeep(x, env, `${where}.${k}`)]))
  }
  return v
}

function scalar (v: unknown): string {
  if (v == null) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  throw new Error(`expected a scalar, got ${JSON.stringify(v)}`)
}

function commandOf (v: unknown, where: string): string[] | undefined {
  if (v == null) return undefined
  if (typeof v === 'string') return shellSplit(v)
  if (Array.isArray(v)) return v.map(scalar)
  throw new Error(`${where}: expected a string or a list`)
}

function parseVolume (v: unknown, dir: string, where: string): Mount {
  if (typeof v === 'string') {
    const parts = v.split(':')
    if (parts.length === 1) return { type: 'volume', target: parts[0], readOnly: false }
    const [source, target, mode = ''] = parts
    const bind = source.startsWith('.') || source.startsWith('/') || source.startsWith('~')
    return {
      type: bind ? 'bind' : 'volume',
      source: bind ? resolve(dir, source) : source,
      target,
      readOnly: mode.split(',').includes('ro')
    }
  }
  if (v != null && typeof v === 'object') {
    const o = v as { type?: string, source?: string, target?: string, read_only?: boolean }
    if (o.target == null) throw new Error(`${where}: a volume needs a target`)
    if (o.type !== 'volume' && o.type !== 'bind') throw new Error(`${where}: volume type ${o.type} is not supported here`)
    return { type: o.type, source: o.type === 'bind' && o.source != null ? resolve(dir, o.source) : o.source, target: o.target, readOnly: o.read_only === true }
  }
  throw new Error(`${where}: cannot read volume ${JSON.stringify(v)}`)
}

/** Reads a compose file (interpolated with `env`, by default nothing set: every default applies). */
export function loadCompose (file: string, env: Record<string, string | undefined> = {}): ComposeProject {
  const dir = dirname(resolve(file))
  const raw = parseYaml(readFileSync(file, 'utf8'), { merge: true, maxAliasCount: -1 }) as Record<string, unknown>
  const doc = interpolateDeep(raw, env, file) as Record<string, unknown>
  const services = new Map<string, ComposeService>()
  for (const [name, body] of Object.entries((doc.services ?? {}) as Record<string, Record<string, unknown>>)) {
    const where = `${file}: services.${name}`
    const environment: Record<string, string> = {}
    const e = body.environment
    if (Array.isArray(e)) {
      for (const item of e.map(scalar)) {
        const eq = item.indexOf('=')
        if (eq < 0) { if (env[item] != null) environment[item] = env[item] as string } else environment[item.slice(0, eq)] = item.slice(eq + 1)
      }
    } else if (e != null) {
      for (const [k, v] of Object.entries(e as Record<string, unknown>)) {
        if (v == null) { if (env[k] != null) environment[k] = env[k] as string } else environment[k] = scalar(v)
      }
    }
    const dependsOn: ComposeService['dependsOn'] = []
    const d = body.depends_on
    if (Array.isArray(d)) for (const s of d) dependsOn.push({ service: scalar(s), condition: 'service_started' })
    else if (d != null) {
      for (const [s, spec] of Object.entries(d as Record<string, { condition?: DependsCondition }>)) {
        dependsOn.push({ service: s, condition: spec?.condition ?? 'service_started' })
      }
    }
    let healthcheck: string[] | null | undefined
    const h = body.healthcheck as { test?: unknown, disable?: boolean } | undefined
    if (h?.disable === true) healthcheck = null
    else if (typeof h?.test === 'string') healthcheck = ['CMD-SHELL', h.test]
    else if (Array.isArray(h?.test)) healthcheck = h.test[0] === 'NONE' ? null : h.test.map(scalar)
    const build = body.build
    const aliases = [body.hostname, body.container_name].filter((x): x is string => typeof x === 'string' && x !== name)
    for (const net of Object.values((body.networks ?? {}) as Record<string, { aliases?: string[] } | null>)) aliases.push(...net?.aliases ?? [])
    services.set(name, {
      name,
      image: body.image == null ? undefined : scalar(body.image),
      build: build == null
        ? undefined
        : typeof build === 'string'
          ? { context: resolve(dir, build), dockerfile: join(resolve(dir, build), 'Dockerfile') }
          : (() => {
              const b = build as { context?: string, dockerfile?: string }
              const context = resolve(dir, b.context ?? '.')
              return { context, dockerfile: resolve(context, b.dockerfile ?? 'Dockerfile') }
            })(),
      entrypoint: commandOf(body.entrypoint, `${where}.entrypoint`),
      command: commandOf(body.command, `${where}.command`),
      environment,
      volumes: ((body.volumes ?? []) as unknown[]).map((v, i) => parseVolume(v, dir, `${where}.volumes[${i}]`)),
      dependsOn,
      healthcheck,
      aliases,
      ports: ((body.ports ?? []) as unknown[]).map(p => typeof p === 'object' ? JSON.stringify(p) : scalar(p))
    })
  }
  for (const s of services.values()) {
    for (const dep of s.dependsOn) {
      if (!services.has(dep.service)) throw new Error(`${file}: ${s.name} depends on ${dep.service}, which is not a service`)
    }
    for (const m of s.volumes) {
      if (m.type === 'volume' && m.source != null && !Object.hasOwn((doc.volumes ?? {}) as object, m.source)) {
        throw new Error(`${file}: ${s.name} mounts volume ${m.source}, which is not declared under volumes:`)
      }
    }
  }
  return { file, name: doc.name == null ? undefined : scalar(doc.name), services, volumes: Object.keys((doc.volumes ?? {}) as object) }
}

/** Services in the order `docker compose up` may start them: dependencies first (a cycle is an error). */
export function dependencyOrder (project: ComposeProject): ComposeService[] {
  const order: ComposeService[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (s: ComposeService, path: string[]): void => {
    if (state.get(s.name) === 'done') return
    if (state.get(s.name) === 'visiting') throw new Error(`dependency cycle: ${[...path, s.name].join(' -> ')}`)
    state.set(s.name, 'visiting')
    for (const d of s.dependsOn) visit(project.services.get(d.service) as ComposeService, [...path, s.name])
    state.set(s.name, 'done')
    order.push(s)
  }
  for (const s of project.services.values()) visit(s, [])
  return order
}

function instructionArgs (rest: string): string[] {
  const t = rest.trim()
  if (t.startsWith('[')) {
    try {
      return (JSON.parse(t) as unknown[]).map(String)
    } catch { /* not JSON: shell form */ }
  }
  return ['/bin/sh', '-c', t]
}

/** Reads the final stage of a Dockerfile (its ENTRYPOINT, CMD, ENV, VOLUME, WORKDIR, USER, HEALTHCHECK). */
export function loadDockerfile (file: string): ImageConfig {
  const lines: string[] = []
  let cur = ''
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (cur === '' && /^\s*#/.test(line)) continue
    if (cur !== '' && /^\s*#/.test(line)) continue
    if (/\\\s*$/.test(line)) { cur += line.replace(/\\\s*$/, ' '); continue }
    cur += line
    if (cur.trim() !== '') lines.push(cur.trim())
    cur = ''
  }
  if (cur.trim() !== '') lines.push(cur.trim())
  const fresh = (): ImageConfig => ({ entrypoint: [], cmd: [], env: {}, volumes: [], workdir: '/', healthcheckOptions: {} })
  let img = fresh()
  for (const line of lines) {
    const m = line.match(/^(\w+)\s+(.*)$/s)
    if (m == null) continue
    const [, instr, rest] = m
    switch (instr.toUpperCase()) {
      case 'FROM': img = fresh(); break
      case 'ENTRYPOINT': img.entrypoint = instructionArgs(rest); img.cmd = []; break
      case 'CMD': img.cmd = instructionArgs(rest); break
      case 'WORKDIR': img.workdir = isAbsolute(rest.trim()) ? rest.trim() : join(img.workdir, rest.trim()); break
      case 'USER': img.user = rest.trim(); break
      case 'VOLUME': img.volumes.push(...(rest.trim().startsWith('[') ? JSON.parse(rest) as string[] : rest.trim().split(/\s+/))); break
      case 'ENV': {
        const words = shellSplit(rest)
        if (words.length > 0 && !words[0].includes('=')) img.env[words[0]] = words.slice(1).join(' ')
        else for (const w of words) { const eq = w.indexOf('='); img.env[w.slice(0, eq)] = w.slice(eq + 1) }
        break
      }
      case 'HEALTHCHECK': {
        let r = rest.trim()
        const options: Record<string, string> = {}
        for (let o = r.match(/^--([\w-]+)=(\S+)\s+/); o != null; o = r.match(/^--([\w-]+)=(\S+)\s+/)) {
          options[o[1]] = o[2]
          r = r.slice(o[0].length)
        }
        if (/^NONE$/i.test(r)) { img.healthcheck = undefined; break }
        const c = r.match(/^CMD\s+(.*)$/s)
        if (c == null) throw new Error(`${file}: cannot read HEALTHCHECK ${rest}`)
        const args = instructionArgs(c[1])
        img.healthcheck = args[0] === '/bin/sh' && args[1] === '-c' && !c[1].trim().startsWith('[') ? ['CMD-SHELL', args[2]] : ['CMD', ...args]
        img.healthcheckOptions = options
        break
      }
      default: break
    }
  }
  return img
}

/** One running (or finished) service. */
export interface ServiceRun {
  service: ComposeService
  argv: string[]
  env: Record<string, string>
  cwd: string
  child?: ChildProcess
  exited?: Promise<number | null>
  exitCode?: number | null
  output: string
}

export interface ComposeClusterOptions {
  project: ComposeProject
  image: ImageConfig
  /** Temp folder for volumes, work folders and the `fgossip` launcher. */
  dir: string
  /** Called with each line a service prints. */
  onOutput?: (service: string, line: string) => void
}

/**
 * A compose project run in a namespace network. `create` makes the network (one node per service, named by
 * it, its `hostname`, `container_name` and network aliases resolving to it); `up()` starts the services.
 */
export class ComposeCluster {
  readonly project: ComposeProject
  readonly image: ImageConfig
  readonly net: NetnsNetwork
  readonly dir: string
  private readonly runs = new Map<string, ServiceRun>()
  private readonly onOutput?: (service: string, line: string) => void
  private readonly binDir: string

  constructor (net: NetnsNetwork, opts: ComposeClusterOptions) {
    this.net = net
    this.project = opts.project
    this.image = opts.image
    this.dir = opts.dir
    this.onOutput = opts.onOutput
    this.binDir = join(opts.dir, 'bin')
    mkdirSync(this.binDir, { recursive: true })
    // the image's `fgossip` command: this checkout's launcher
    const launcher = join(this.binDir, 'fgossip')
    writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' '${FGOSSIP}' "$@"\n`)
    chmodSync(launcher, 0o755)
  }

  /** The namespace nodes a project needs: one per service, with its aliases. */
  static nodes (project: ComposeProject): NetnsNodeSpec[] {
    return [...project.services.values()].map(s => ({ name: s.name, aliases: s.aliases }))
  }

  /** The host folder standing for a container path of a service (under one of its mounts), or undefined. */
  hostPath (service: string, containerPath: string): string | undefined {
    for (const [target, host] of this.mounts(this.service(service))) {
      if (containerPath === target) return host
      if (containerPath.startsWith(target + '/')) return host + containerPath.slice(target.length)
    }
    return undefined
  }

  service (name: string): ComposeService {
    const s = this.project.services.get(name)
    if (s == null) throw new Error(`no service ${name}`)
    return s
  }

  /** Mount points of a service, longest first, with the host folder of each. */
  private mounts (s: ComposeService): Array<[string, string]> {
    const out: Array<[string, string]> = []
    for (const m of s.volumes) {
      const host = m.type === 'bind'
        ? m.source as string
        : m.source != null ? join(this.dir, 'volumes', m.source) : join(this.dir, 'containers', s.name, 'anon', m.target.replace(/\//g, '_'))
      out.push([m.target.replace(/\/+$/, ''), host])
    }
    for (const v of this.image.volumes) {
      const target = v.replace(/\/+$/, '')
      if (!out.some(([t]) => t === target)) out.push([target, join(this.dir, 'containers', s.name, 'anon', target.replace(/\//g, '_'))])
    }
    return out.sort((a, b) => b[0].length - a[0].length)
  }

  /** Replaces container paths under a mount point by their host folders, wherever they stand in `value`. */
  private rewrite (s: ComposeService, value: string): string {
    let out = value
    for (const [target, host] of this.mounts(s)) {
      const escaped = target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      out = out.replace(new RegExp(`(^|[\\s,=:;'"(])${escaped}(?=$|[/\\s,;:'")])`, 'g'), (_all, pre: string) => `${pre}${host}`)
    }
    return out
  }

  /**
   * How a service is started: its argv, environment and working folder, paths mapped. `override` is what
   * `docker compose run [--entrypoint E] <service> [args]` changes: an entrypoint (which drops the
   * command) and the command.
   */
  prepare (name: string, override: { entrypoint?: string[], command?: string[] } = {}): ServiceRun {
    const s = this.service(name)
    for (const [, host] of this.mounts(s)) mkdirSync(host, { recursive: true })
    const entrypoint = override.entrypoint ?? s.entrypoint ?? this.image.entrypoint
    const command = override.command ?? (override.entrypoint != null ? [] : s.command ?? (s.entrypoint != null ? [] : this.image.cmd))
    const argv = [...entrypoint, ...command].map(a => this.rewrite(s, a))
    if (argv.length === 0) throw new Error(`${name}: no command (neither the service nor the image has one)`)
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries({ ...this.image.env, ...s.environment })) env[k] = this.rewrite(s, v)
    env.PATH = `${this.binDir}:${process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin'}`
    const cwd = this.hostPath(name, this.image.workdir) ?? join(this.dir, 'containers', name, 'workdir')
    mkdirSync(cwd, { recursive: true })
    return { service: s, argv, env, cwd, output: '' }
  }

  /** Starts one service (again, after `stop`: same volumes). */
  start (name: string): ServiceRun {
    const old = this.runs.get(name)
    if (old?.child != null && old.exitCode === undefined) throw new Error(`${name} is running`)
    const run = this.prepare(name)
    const child = this.net.exec(name, run.argv[0], run.argv.slice(1), run.env, { cwd: run.cwd })
    run.child = child
    let partial = ''
    const take = (d: Buffer): void => {
      const text = d.toString()
      run.output += text
      if (this.onOutput == null) return
      const lines = (partial + text).split('\n')
      partial = lines.pop() ?? ''
      for (const l of lines) this.onOutput(name, l)
    }
    child.stdout?.on('data', take)
    child.stderr?.on('data', take)
    run.exited = new Promise(resolve => {
      child.once('error', err => { run.output += `\nspawn failed: ${err.message}\n`; run.exitCode = null; resolve(null) })
      child.once('exit', code => { run.exitCode = code; resolve(code) })
    })
    this.runs.set(name, run)
    return run
  }

  /**
   * `docker compose run --rm --no-deps [--entrypoint E] <service> [args]`: a one-off command with the
   * service's configuration, in its namespace, to completion.
   */
  async runOnce (name: string, override: { entrypoint?: string[], command?: string[] }, timeout = 60_000): Promise<RunResult> {
    const run = this.prepare(name, override)
    return await this.net.run(name, run.argv[0], run.argv.slice(1), run.env, timeout, run.cwd)
  }

  run (name: string): ServiceRun {
    const r = this.runs.get(name)
    if (r == null) throw new Error(`${name} was not started`)
    return r
  }

  /** The last `lines` lines a service printed. */
  logs (name: string, lines = 40): string {
    return (this.runs.get(name)?.output ?? '').split('\n').slice(-lines).join('\n')
  }

  /** Runs the service's health check (its own, else the image's) in its namespace: true when it passes. */
  async healthy (name: string): Promise<boolean> {
    const s = this.service(name)
    const test = s.healthcheck === undefined ? this.image.healthcheck : s.healthcheck
    if (test == null) throw new Error(`${name} has no health check`)
    const run = this.runs.get(name) ?? this.prepare(name)
    const argv = test[0] === 'CMD-SHELL' ? ['/bin/sh', '-c', test[1]] : test.slice(1)
    const r = await this.net.run(name, argv[0], argv.slice(1), run.env, 15_000)
    return r.code === 0
  }

  /**
   * `docker compose up`: each service once its dependencies meet their conditions, in dependency order.
   * A dependency that must complete successfully and fails (or a service that exits at once) throws with
   * its output.
   */
  async up (opts: { timeout?: number } = {}): Promise<void> {
    const timeout = opts.timeout ?? 60_000
    for (const s of dependencyOrder(this.project)) {
      for (const dep of s.dependsOn) await this.waitCondition(dep.service, dep.condition, timeout)
      this.start(s.name)
    }
  }

  private async waitCondition (name: string, condition: DependsCondition, timeout: number): Promise<void> {
    const run = this.run(name)
    const deadline = Date.now() + timeout
    if (condition === 'service_completed_successfully') {
      const code = await Promise.race([run.exited, new Promise<'timeout'>(resolve => setTimeout(() => { resolve('timeout') }, timeout).unref())])
      if (code !== 0) throw new Error(`${name} did not complete successfully (${code === 'timeout' ? 'still running' : `exit code ${code}`}):\n${this.logs(name)}`)
      return
    }
    if (condition === 'service_healthy') {
      while (!await this.healthy(name)) {
        if (run.exitCode !== undefined) throw new Error(`${name} exited (${run.exitCode}) before it was healthy:\n${this.logs(name)}`)
        if (Date.now() > deadline) throw new Error(`${name} not healthy in time:\n${this.logs(name)}`)
        await new Promise(resolve => setTimeout(resolve, 250))
      }
    }
  }

  /** Stops one service with a signal (SIGTERM, as `docker compose stop`), SIGKILL after `grace` ms; its exit code. */
  async stop (name: string, signal: NodeJS.Signals = 'SIGTERM', grace = 10_000): Promise<number | null> {
    const run = this.runs.get(name)
    if (run?.child == null || run.exited == null) return null
    if (run.exitCode !== undefined) return run.exitCode
    run.child.kill(signal)
    const timer = setTimeout(() => { run.child?.kill('SIGKILL') }, grace)
    try {
      return await run.exited
    } finally {
      clearTimeout(timer)
    }
  }

  /** `docker compose down` without removing volumes: stops every running service; their exit codes. */
  async down (): Promise<Record<string, number | null>> {
    const codes: Record<string, number | null> = {}
    await Promise.all([...this.runs.keys()].map(async name => { codes[name] = await this.stop(name) }))
    return codes
  }
}
