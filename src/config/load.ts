/**
 * Loading: defaults < file < environment < overrides, each value parsed and range-checked against the schema
 * as it is read (so an error can say where the value came from), then the checks that involve several keys.
 */

import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { parseEndpoint, endpointPort } from './address.js'
import { describeValue, parseDuration } from './duration.js'
import { ConfigError } from './errors.js'
import { CONFIG_SCHEMA, FABRIC_KEYS_NOT_USED, SECTION_DOCS, envName, schemaEntries } from './schema.js'
import type { ConfigKey, KeySpec } from './schema.js'
import type { ChannelSource, ConfigSource, ConfigWarning, KnownMsp, LoadConfigOptions, NodeConfig } from './types.js'
import { GiB, KiB, MiB } from './units.js'

/** Where a layer's values come from, for error messages and for resolving relative paths. */
interface Layer {
  source: ConfigSource
  /** Directory relative paths of this layer resolve against. */
  baseDir: string
  /** Appended to error messages: ` (in /etc/fgossip/core.yaml)`. */
  where: (key: string) => string
  /** File and environment values are text as an operator writes it: bare numbers are not durations. */
  textual: boolean
}

/** The merged values, key by key, with the source each one came from. */
class Values {
  readonly value = new Map<ConfigKey, unknown>()
  readonly source = new Map<ConfigKey, ConfigSource>()

  set (key: ConfigKey, value: unknown, source: ConfigSource): void {
    this.value.set(key, value)
    this.source.set(key, source)
  }
}

const LEAVES: ReadonlyMap<string, ConfigKey> = new Map(schemaEntries().map(([k]) => [k.toLowerCase(), k]))
const SECTIONS: ReadonlySet<string> = new Set(Object.keys(SECTION_DOCS).map(s => s.toLowerCase()))
const IGNORED: ReadonlyMap<string, string> = new Map(Object.keys(FABRIC_KEYS_NOT_USED).map(k => [k.toLowerCase(), k]))
const ENV_TO_KEY: ReadonlyMap<string, ConfigKey> = new Map(schemaEntries().map(([k]) => [envName(k), k]))

/**
 * Loads the configuration: schema defaults, then the YAML `file` (core.yaml layout), then `CORE_*` variables
 * of `env`, then `overrides`; later sources win key by key (lists are replaced whole). Every value is
 * checked; relative paths become absolute. Warnings (unknown keys, Fabric keys not used here, values that
 * work against each other) go to `onWarning`.
 *
 * @throws ConfigError naming the key of the first invalid value (or both keys of a conflict)
 */
export function loadConfig (opts: LoadConfigOptions = {}): NodeConfig {
  const cwd = opts.cwd ?? process.cwd()
  const warn = warningSink(opts)
  const file = opts.file == null ? undefined : resolve(cwd, opts.file)
  const fileDir = file == null ? cwd : dirname(file)

  const values = new Values()
  const defaults: Layer = { source: 'default', baseDir: fileDir, where: () => ' (default)', textual: false }
  for (const [key, spec] of schemaEntries()) {
    values.set(key, coerce(key, spec, spec.default, defaults), 'default')
  }

  if (file != null) {
    const layer: Layer = { source: 'file', baseDir: fileDir, where: () => ` (in ${file})`, textual: true }
    walk(readYamlFile(file), '', layer, values, warn)
  }
  if (opts.env != null) {
    // Fabric resolves relative paths against FABRIC_CFG_PATH whatever their source; so do we (the file's directory).
    const layer: Layer = { source: 'env', baseDir: fileDir, where: k => ` (from env ${envName(k)})`, textual: true }
    readEnv(opts.env, layer, values, warn)
  }
  if (opts.overrides != null) {
    const layer: Layer = { source: 'overrides', baseDir: cwd, where: () => ' (in overrides)', textual: false }
    walk(opts.overrides, '', layer, values, warn)
  }

  const config = nest(values.value)
  crossCheck(config, values.source, warn)
  return config
}

/** Builds the nested {@link NodeConfig} from schema defaults, without loading anything (paths stay as written). */
export function defaultConfig (): NodeConfig {
  const values = new Map<ConfigKey, unknown>()
  for (const [key, spec] of schemaEntries()) values.set(key, structuredClone(spec.default))
  return nest(values)
}

/** Receives the warnings of one load. */
type Warn = (w: ConfigWarning) => void

function warningSink (opts: LoadConfigOptions): Warn {
  return (w) => {
    if (opts.strict === true && w.kind === 'unknown-key') {
      throw new ConfigError(w.key, w.message.slice(w.key.length + 2)) // messages are `${key}: ${detail}`
    }
    if (opts.onWarning != null) {
      opts.onWarning(w.message, w)
    } else if (w.kind !== 'ignored-key') {
      process.emitWarning(w.message, { code: 'FGOSSIP_CONFIG' })
    }
  }
}

/**
 * Reads a YAML configuration file that must hold a mapping; `sections` names what it should hold, for the
 * error (`'peer:'`, `'General:'`).
 * @throws ConfigError (key '') when it cannot be read, is not YAML or not a mapping
 */
export function readYamlFile (file: string, sections = "'peer:'"): Record<string, unknown> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new ConfigError('', `cannot read config file ${file}: ${(err as Error).message}`, { cause: err })
  }
  let doc: unknown
  try {
    doc = parseYaml(text, { uniqueKeys: true, prettyErrors: true })
  } catch (err) {
    throw new ConfigError('', `config file ${file} is not valid YAML: ${(err as Error).message}`, { cause: err })
  }
  if (doc == null) return {}
  if (!isMapping(doc)) {
    throw new ConfigError('', `config file ${file} must hold a mapping with sections like ${sections}, got ${describeValue(doc)}`)
  }
  return doc
}

/** Walks a nested mapping (file or overrides), matching keys case-insensitively as viper does. */
function walk (node: unknown, prefix: string, layer: Layer, values: Values, warn: Warn): void {
  if (!isMapping(node)) return
  const seen = new Map<string, string>()
  for (const [name, value] of Object.entries(node)) {
    const written = prefix === '' ? name : `${prefix}.${name}`
    const lower = written.toLowerCase()
    const twin = seen.get(lower)
    if (twin != null) {
      throw new ConfigError(written, `set twice (also as '${twin}'); keys are case-insensitive${layer.where(written)}`)
    }
    seen.set(lower, written)
    if (value === undefined || (value === null && layer.source !== 'overrides')) continue // unset, as viper reads an empty YAML value

    const key = LEAVES.get(lower)
    if (key != null) {
      values.set(key, coerce(key, CONFIG_SCHEMA[key] as KeySpec<unknown>, value, layer), layer.source)
    } else if (SECTIONS.has(lower)) {
      if (!isMapping(value)) {
        throw new ConfigError(written, `expected a section (a mapping), got ${describeValue(value)}${layer.where(written)}`)
      }
      walk(value, written, layer, values, warn)
    } else {
      reportStray(written, layer.source, warn)
    }
  }
}

function readEnv (env: Record<string, string | undefined>, layer: Layer, values: Values, warn: Warn): void {
  for (const [name, value] of Object.entries(env)) {
    // Viper reads an empty variable as unset (Fabric does not call AllowEmptyEnv).
    if (!name.startsWith('CORE_') || value == null || value === '') continue
    const key = ENV_TO_KEY.get(name)
    if (key != null) {
      values.set(key, coerce(key, CONFIG_SCHEMA[key] as KeySpec<unknown>, value, layer), layer.source)
      continue
    }
    const ignored = [...IGNORED.values()].find(k => name === envName(k) || name.startsWith(`${envName(k)}_`))
    if (ignored != null) {
      warn(ignoredWarning(name, 'env', ignored))
    } else {
      warn(unknownWarning(name, 'env', 'unknown setting', nearest(name, [...ENV_TO_KEY.keys()])))
    }
  }
}

function ignoredWarning (key: string, source: ConfigSource, fabricKey: string): ConfigWarning {
  return { kind: 'ignored-key', key, source, message: `${key}: Fabric setting not used by this node (${FABRIC_KEYS_NOT_USED[fabricKey]})` }
}

function unknownWarning (key: string, source: ConfigSource, what: string, suggestion: string | undefined): ConfigWarning {
  return suggestion == null
    ? { kind: 'unknown-key', key, source, message: `${key}: ${what}` }
    : { kind: 'unknown-key', key, source, message: `${key}: ${what} (did you mean ${suggestion}?)`, suggestion }
}

/** Reports a key that is not in the schema: a Fabric key we skip, or an unknown one (likely a typo). */
function reportStray (written: string, source: ConfigSource, warn: Warn): void {
  const ignored = IGNORED.get(written.toLowerCase())
  if (ignored != null) {
    warn(ignoredWarning(written, source, ignored))
    return
  }
  const known = [...schemaEntries().map(([k]) => k as string), ...Object.keys(SECTION_DOCS)]
  const last = written.slice(written.lastIndexOf('.') + 1).toLowerCase()
  const sameName = known.find(k => k.slice(k.lastIndexOf('.') + 1).toLowerCase() === last)
  const suggestion = sameName ?? nearest(written, known)
  warn(unknownWarning(written, source, `unknown key ${source === 'file' ? 'in the config file' : 'in overrides'}`, suggestion))
}

/** Parses and checks one value against its schema row. */
function coerce (key: ConfigKey, spec: KeySpec<unknown>, raw: unknown, layer: Layer): unknown {
  try {
    return coerceValue(key, spec, raw, layer)
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new ConfigError(key, `${err.detail}${layer.where(key)}`, { cause: err.cause })
    }
    throw err
  }
}

function coerceValue (key: ConfigKey, spec: KeySpec<unknown>, raw: unknown, layer: Layer): unknown {
  switch (spec.kind) {
    case 'string': {
      const s = scalarText(key, raw, 'a string').trim()
      if (s === '' && spec.optional !== true) throw new ConfigError(key, 'must not be empty')
      if (spec.choices != null && !spec.choices.includes(s)) throw new ConfigError(key, `must be one of ${spec.choices.join(', ')}, got ${describeValue(raw)}`)
      return s
    }
    case 'path': {
      const s = scalarText(key, raw, 'a path').trim()
      if (s === '') throw new ConfigError(key, 'must not be empty')
      return resolve(layer.baseDir, s)
    }
    case 'endpoint':
      return checkEndpoint(key, spec, scalarText(key, raw, 'an endpoint'))
    case 'duration': {
      let ms: number
      if (typeof raw === 'number' && layer.textual && raw !== 0) {
        throw new ConfigError(key, `expected a duration like '${raw}ms' or '${raw}s', got ${raw} ` +
          '(a unit is required; Fabric would read a bare number as nanoseconds)')
      } else if (typeof raw === 'number' || typeof raw === 'string') {
        ms = parseDuration(raw, key)
      } else {
        throw new ConfigError(key, `expected a duration like '5s', got ${describeValue(raw)}`)
      }
      const max = spec.max ?? Infinity
      if (spec.min === 0 ? ms < 0 : ms <= 0) {
        throw new ConfigError(key, `must be ${spec.min === 0 ? 'zero or more' : 'positive'}, got ${describeValue(raw)}`)
      }
      if (ms > max) {
        throw new ConfigError(key, `must be at most ${max} ms (Node's timer limit, about 24.8 days), got ${describeValue(raw)}`)
      }
      return ms
    }
    case 'int':
      return checkRange(key, spec, parseInteger(key, raw))
    case 'bytes':
      return checkRange(key, spec, parseBytes(key, raw))
    case 'bool':
      return parseBool(key, raw)
    case 'endpointList':
      return listItems(key, raw).map((item, i) =>
        checkEndpoint(key, spec, scalarText(`${key}[${i}]`, item, 'an endpoint'), `[${i}]`))
    case 'mspList':
      return parseMspList(key, raw, layer)
    case 'channelList':
      return parseChannelList(key, raw, layer)
  }
}

/** Channel sources: block paths (resolved) or definitions (kept for the channel service to check). */
function parseChannelList (key: string, raw: unknown, layer: Layer): ChannelSource[] {
  return listItems(key, raw).map((item, i): ChannelSource => {
    if (typeof item === 'string') {
      if (item.trim() === '') throw new ConfigError(key, `entry [${i}]: empty path`)
      return { block: resolve(layer.baseDir, item.trim()) }
    }
    if (isMapping(item)) {
      const block = Object.entries(item).find(([k]) => k.toLowerCase() === 'block')?.[1]
      if (block != null) {
        if (typeof block !== 'string' || block.trim() === '') throw new ConfigError(key, `entry [${i}]: block must be a path, got ${describeValue(block)}`)
        if (Object.keys(item).length > 1) throw new ConfigError(key, `entry [${i}]: a block entry takes no other field`)
        return { block: resolve(layer.baseDir, block.trim()) }
      }
      const name = item.name
      if (typeof name !== 'string' || name.trim() === '') throw new ConfigError(key, `entry [${i}]: name must be a non-empty string, got ${describeValue(name)}`)
      return { config: resolveMspDirs(item, layer.baseDir) }
    }
    throw new ConfigError(key, `entry [${i}]: expected a genesis block path or a channel definition, got ${describeValue(item)}`)
  })
}

/** Makes the `mspDir` of each org of a channel definition absolute. */
function resolveMspDirs (def: Record<string, unknown>, baseDir: string): Record<string, unknown> {
  if (!Array.isArray(def.orgs)) return def
  return {
    ...def,
    orgs: def.orgs.map((org: unknown) => isMapping(org) && typeof org.mspDir === 'string' ? { ...org, mspDir: resolve(baseDir, org.mspDir) } : org)
  }
}

function checkEndpoint (key: string, spec: KeySpec<unknown>, raw: string, index = ''): string {
  const s = raw.trim()
  if (s === '') {
    if (spec.optional === true) return ''
    throw new ConfigError(key, `${index === '' ? '' : `entry ${index}: `}must not be empty`)
  }
  let ma
  try {
    ma = parseEndpoint(s, key)
  } catch (err) {
    if (err instanceof ConfigError && index !== '') throw new ConfigError(key, `entry ${index}: ${err.detail}`, { cause: err.cause })
    throw err
  }
  if (spec.listen !== true && endpointPort(ma) === 0) {
    throw new ConfigError(key, `${index === '' ? '' : `entry ${index}: `}port 0 cannot be dialled, got '${s}'`)
  }
  return s
}

function scalarText (key: string, raw: unknown, what: string): string {
  if (typeof raw === 'string') return raw
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw)
  throw new ConfigError(key, `expected ${what}, got ${describeValue(raw)}`)
}

function parseInteger (key: string, raw: unknown): number {
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw
  if (typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim())) return Number(raw.trim())
  throw new ConfigError(key, `expected an integer, got ${describeValue(raw)}`)
}

const BYTE_UNITS: Readonly<Record<string, number>> = { '': 1, b: 1, kib: KiB, mib: MiB, gib: GiB }

function parseBytes (key: string, raw: unknown): number {
  if (typeof raw === 'number' && Number.isInteger(raw)) return raw
  const m = typeof raw === 'string' ? /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(raw) : null
  const unit = BYTE_UNITS[(m?.[2] ?? '').toLowerCase()]
  if (m == null || unit == null) {
    throw new ConfigError(key, `expected a size in bytes like 4194304, '4MiB' or '512KiB', got ${describeValue(raw)}`)
  }
  return Number(m[1]) * unit
}

function checkRange (key: string, spec: KeySpec<unknown>, n: number): number {
  const min = spec.min ?? -Infinity
  const max = spec.max ?? Infinity
  if (n < min) throw new ConfigError(key, `must be at least ${min}, got ${n}`)
  if (n > max) throw new ConfigError(key, `must be at most ${max}, got ${n}`)
  return n
}

function parseBool (key: string, raw: unknown): boolean {
  if (typeof raw === 'boolean') return raw
  if (typeof raw === 'string') {
    const s = raw.trim().toLowerCase()
    if (s === 'true') return true
    if (s === 'false') return false
  }
  throw new ConfigError(key, `expected true or false, got ${describeValue(raw)}`)
}

/** A YAML list, or one string split on blanks and commas (viper splits a string slice on blanks). */
function listItems (key: string, raw: unknown): unknown[] {
  if (Array.isArray(raw)) return raw
  if (typeof raw === 'string') return raw.split(/[\s,]+/).filter(s => s !== '')
  throw new ConfigError(key, `expected a list or a string of items separated by blanks or commas, got ${describeValue(raw)}`)
}

function parseMspList (key: string, raw: unknown, layer: Layer): KnownMsp[] {
  const items = listItems(key, raw)
  return items.map((item, i): KnownMsp => {
    let mspId: unknown
    let path: unknown
    if (typeof item === 'string') {
      const eq = item.indexOf('=')
      if (eq < 0) throw new ConfigError(key, `entry [${i}]: expected 'MSPID=path', got '${item}'`)
      mspId = item.slice(0, eq)
      path = item.slice(eq + 1)
    } else if (isMapping(item)) {
      for (const [name, value] of Object.entries(item)) {
        const lower = name.toLowerCase()
        if (lower === 'mspid') mspId = value
        else if (lower === 'path') path = value
        else throw new ConfigError(key, `entry [${i}]: unknown field '${name}' (expected mspId and path)`)
      }
    } else {
      throw new ConfigError(key, `entry [${i}]: expected {mspId, path}, got ${describeValue(item)}`)
    }
    if (typeof mspId !== 'string' || mspId.trim() === '') {
      throw new ConfigError(key, `entry [${i}]: mspId must be a non-empty string, got ${describeValue(mspId)}`)
    }
    if (typeof path !== 'string' || path.trim() === '') {
      throw new ConfigError(key, `entry [${i}]: path must be a non-empty string, got ${describeValue(path)}`)
    }
    return { mspId: mspId.trim(), path: isAbsolute(path.trim()) ? path.trim() : resolve(layer.baseDir, path.trim()) }
  })
}

/** Checks that involve several keys. Errors name every key involved. */
function crossCheck (c: NodeConfig, sources: ReadonlyMap<ConfigKey, ConfigSource>, warn: Warn): void {
  const g = c.peer.gossip
  if (g.useLeaderElection && g.orgLeader) {
    // Fabric: "Setting both orgLeader and useLeaderElection to true isn't supported, aborting execution"
    throw new ConfigError(['peer.gossip.useLeaderElection', 'peer.gossip.orgLeader'],
      'are mutually exclusive: set at most one of them to true (Fabric refuses to start with both)')
  }
  const policy = g.pvtData.implicitCollectionDisseminationPolicy
  if (policy.maxPeerCount < policy.requiredPeerCount) {
    throw new ConfigError(['peer.gossip.pvtData.implicitCollectionDisseminationPolicy.maxPeerCount',
      'peer.gossip.pvtData.implicitCollectionDisseminationPolicy.requiredPeerCount'],
    `maxPeerCount (${policy.maxPeerCount}) cannot be less than requiredPeerCount (${policy.requiredPeerCount})`)
  }
  const seen = new Set<string>()
  for (const [i, msp] of c.peer.knownMsps.entries()) {
    if (msp.mspId === c.peer.localMspId) {
      throw new ConfigError(['peer.knownMsps', 'peer.localMspId'],
        `entry [${i}] names the local MSP '${msp.mspId}', which peer.mspConfigPath already provides`)
    }
    if (seen.has(msp.mspId)) throw new ConfigError('peer.knownMsps', `entry [${i}]: MSP '${msp.mspId}' is listed twice`)
    seen.add(msp.mspId)
  }

  const advise = (keys: ConfigKey[], message: string): void => {
    // Attributed to the key set by the latest source: that is the value the operator most likely just changed.
    const order: ConfigSource[] = ['default', 'file', 'env', 'overrides']
    const rank = (k: ConfigKey): number => order.indexOf(sources.get(k) ?? 'default')
    const key = [...keys].sort((a, b) => rank(b) - rank(a))[0] ?? keys[0] as ConfigKey
    warn({ kind: 'advice', key, source: sources.get(key) ?? 'default', message: `${key}: ${message}` })
  }
  if (g.pullInterval <= g.digestWaitTime + g.responseWaitTime) {
    advise(['peer.gossip.pullInterval', 'peer.gossip.digestWaitTime', 'peer.gossip.responseWaitTime'],
      `pullInterval (${g.pullInterval} ms) should be greater than digestWaitTime + responseWaitTime ` +
      `(${g.digestWaitTime} + ${g.responseWaitTime} ms), else pull rounds overlap`)
  }
  if (g.requestWaitTime <= g.digestWaitTime) {
    advise(['peer.gossip.requestWaitTime', 'peer.gossip.digestWaitTime'],
      `requestWaitTime (${g.requestWaitTime} ms) should be slightly bigger than digestWaitTime (${g.digestWaitTime} ms), ` +
      'else responders forget nonces before the requests arrive')
  }
  if (g.aliveExpirationTimeout <= g.aliveTimeInterval) {
    advise(['peer.gossip.aliveExpirationTimeout', 'peer.gossip.aliveTimeInterval'],
      `aliveExpirationTimeout (${g.aliveExpirationTimeout} ms) should be several times aliveTimeInterval ` +
      `(${g.aliveTimeInterval} ms), ` +
      'else live peers are declared dead between two alive messages')
  }
  if (!g.useLeaderElection && !g.orgLeader && !g.state.enabled) {
    advise(['peer.gossip.useLeaderElection', 'peer.gossip.orgLeader', 'peer.gossip.state.enabled'],
      'useLeaderElection, orgLeader and state.enabled are all false: this peer gets blocks only from its org ' +
      "leader's push and never recovers a missed one")
  }
}

/** Turns the flat key -> value map into the nested configuration. */
function nest (values: ReadonlyMap<ConfigKey, unknown>): NodeConfig {
  const root: Record<string, unknown> = {}
  for (const [key, value] of values) {
    const parts = key.split('.')
    let node = root
    for (const part of parts.slice(0, -1)) {
      node = (node[part] ??= {}) as Record<string, unknown>
    }
    node[parts[parts.length - 1] as string] = value
  }
  return root as unknown as NodeConfig
}

function isMapping (v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The candidate closest to `word` (case-insensitive edit distance), if close enough to be a likely typo. */
function nearest (word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase())
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return bestDistance <= Math.max(2, Math.floor(w.length / 8)) ? best : undefined
}

function editDistance (a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
    }
    prev = row
  }
  return prev[b.length] ?? 0
}
