/**
 * Help text and documents derived from the schema: `describeConfig()` for `fgossip start --help`, the key table
 * of `docs/config.md` and `docs/peer.sample.yaml` (both written by `scripts/config-doc.mjs`, and checked to be
 * current by `test/unit/config/docs.test.ts`).
 */

import { stringify as yamlScalar } from 'yaml'
import { formatDuration } from './duration.js'
import { CONFIG_SCHEMA, FABRIC_KEYS_NOT_USED, SECTION_DOCS, envName, schemaEntries } from './schema.js'
import type { ConfigKey, ConfigSection, KeyOrigin, KeySpec, ValueKind } from './schema.js'
import type { KnownMsp } from './types.js'
import { GiB, KiB, MiB } from './units.js'

/** One configuration key, described for people. */
export interface ConfigKeyInfo {
  /** Key path: `peer.gossip.aliveTimeInterval`. */
  key: ConfigKey
  /** Environment variable: `CORE_PEER_GOSSIP_ALIVETIMEINTERVAL`. */
  env: string
  kind: ValueKind
  /** The type and range, e.g. `duration > 0`, `integer >= 1`, `endpoint`. */
  type: string
  /** The default as written in a YAML file (`5s`, `100MiB`, `127.0.0.1:7051`, `""`). */
  default: string
  origin: KeyOrigin
  /** Fabric's default, when it differs from ours. */
  fabricDefault?: string
  doc: string
}

/** Every key, in schema order, with its environment variable, type, default and meaning. */
export function configKeys (): ConfigKeyInfo[] {
  return schemaEntries().map(([key, spec]) => ({
    key,
    env: envName(key),
    kind: spec.kind,
    type: typeText(spec),
    default: formatDefault(spec),
    origin: spec.origin,
    ...(spec.fabricDefault == null ? {} : { fabricDefault: spec.fabricDefault }),
    doc: spec.doc
  }))
}

/**
 * Help text listing every key: path, environment variable and default on one line, then the meaning (unless
 * `brief`). Used by `fgossip start --help`.
 */
export function describeConfig (opts: { brief?: boolean, width?: number } = {}): string {
  const width = opts.width ?? 100
  const lines: string[] = [
    ...wrap('Precedence: defaults < config file < CORE_* environment < command-line flags. Durations are ' +
      "Go-style ('5s', '1500ms', '1m30s'); lists in the environment are separated by blanks or commas. Keys " +
      'are case-insensitive in the file. See docs/config.md.', width),
    ''
  ]
  for (const info of configKeys()) {
    lines.push(`  ${info.key} = ${info.default}   [${info.env}; ${info.type}]`)
    if (opts.brief === true) continue
    lines.push(...wrap(`${info.doc}${originNote(info.origin, info.fabricDefault)}`, width - 6).map(l => `      ${l}`))
  }
  return lines.join('\n')
}

/** The markdown table of every key, as found between the generated markers of `docs/config.md`. */
export function renderConfigTable (): string {
  const rows = ['| Key | Environment variable | Default | Type | Meaning |', '|---|---|---|---|---|']
  for (const info of configKeys()) {
    const origin = info.origin === 'ours'
      ? '**Ours.** '
      : info.origin === 'changed' ? `**Fabric's default: \`${info.fabricDefault ?? '?'}\`.** ` : ''
    const cell = (s: string): string => s.replaceAll('|', '\\|')
    rows.push(`| \`${info.key}\` | \`${info.env}\` | \`${cell(info.default)}\` | ${cell(info.type)} | ${origin}${cell(info.doc)} |`)
  }
  return rows.join('\n') + '\n'
}

/** The generated part of `docs/config.md`: the key table, then the Fabric keys this node ignores. */
export function renderGeneratedDoc (): string {
  const ignored = Object.entries(FABRIC_KEYS_NOT_USED)
    .map(([key, why]) => `| \`${key}\` | \`${envName(key)}[_*]\` | ${why} |`)
  return [
    '### Keys', '', renderConfigTable(),
    '### Fabric keys not used here', '',
    'Setting one of these (or anything under it) gives an `ignored-key` warning, not an `unknown-key` one.', '',
    '| Key | Environment | Why |', '|---|---|---|', ...ignored, ''
  ].join('\n')
}

/** Start and end markers of the generated part of `docs/config.md`. */
export const GENERATED_BEGIN = '<!-- BEGIN GENERATED: node --import tsx scripts/config-doc.mjs -->'
export const GENERATED_END = '<!-- END GENERATED -->'

/** `doc` with the part between the generated markers replaced by `generated`. */
export function replaceGenerated (doc: string, generated: string): string {
  const begin = doc.indexOf(GENERATED_BEGIN)
  const end = doc.indexOf(GENERATED_END)
  if (begin < 0 || end < begin) throw new Error('generated markers not found')
  return `${doc.slice(0, begin + GENERATED_BEGIN.length)}\n${generated}${doc.slice(end)}`
}

/**
 * A complete configuration file in core.yaml layout: every key with its default and its meaning as a comment.
 * Loading it gives the defaults with no warning.
 */
export function renderSampleYaml (): string {
  const out: string[] = [
    '# fabric-gossip-libp2p: sample node configuration, laid out like Fabric\'s core.yaml.',
    '#',
    '# GENERATED from src/config/schema.ts by `node --import tsx scripts/config-doc.mjs`: every key with its',
    '# default. Keys are case-insensitive, as in Fabric. An empty value means "not set" (the default applies).',
    '# Environment variables override this file: CORE_ + the key path upper-cased with dots as underscores',
    '# (peer.gossip.bootstrap -> CORE_PEER_GOSSIP_BOOTSTRAP). Relative paths resolve against this file\'s folder.',
    '# Durations are Go-style (5s, 1500ms, 1m30s); a bare number is rejected (Fabric reads it as nanoseconds).',
    ''
  ]
  const opened = new Set<string>()
  for (const [key, spec] of schemaEntries()) {
    const parts = key.split('.')
    for (let depth = 0; depth < parts.length - 1; depth++) {
      const section = parts.slice(0, depth + 1).join('.')
      if (opened.has(section)) continue
      opened.add(section)
      const indent = '  '.repeat(depth)
      if (depth === 0 && opened.size > 1) out.push('')
      const doc = SECTION_DOCS[section as ConfigSection]
      out.push(...wrap(doc, 100 - indent.length - 2).map(l => `${indent}# ${l}`))
      out.push(`${indent}${parts[depth] ?? ''}:`)
    }
    const indent = '  '.repeat(parts.length - 1)
    const name = parts[parts.length - 1] ?? ''
    out.push(...wrap(`${spec.doc}${originNote(spec.origin, spec.fabricDefault)}`, 100 - indent.length - 2).map(l => `${indent}# ${l}`))
    out.push(...sampleValue(indent, name, spec))
  }
  return out.join('\n') + '\n'
}

function originNote (origin: KeyOrigin, fabricDefault: string | undefined): string {
  if (origin === 'ours') return ' (Not a Fabric key.)'
  if (origin === 'changed') return ` (Fabric's default: ${fabricDefault ?? '?'}.)`
  return ''
}

function sampleValue (indent: string, name: string, spec: KeySpec<unknown>): string[] {
  switch (spec.kind) {
    case 'endpointList': {
      const list = spec.default as string[]
      return list.length === 0 ? [`${indent}${name}: []`] : [`${indent}${name}:`, ...list.map(e => `${indent}  - ${scalar(e)}`)]
    }
    case 'mspList': {
      const list = spec.default as KnownMsp[]
      const example = [`${indent}# ${name}:`, `${indent}#   - mspId: Org2MSP`, `${indent}#     path: ../org2/msp`]
      if (list.length === 0) return [`${indent}${name}: []`, ...example]
      return [`${indent}${name}:`,
        ...list.flatMap(m => [`${indent}  - mspId: ${scalar(m.mspId)}`, `${indent}    path: ${scalar(m.path)}`])]
    }
    case 'channelList': {
      const list = spec.default as unknown[]
      const example = [`${indent}# ${name}:`, `${indent}#   - mychannel.block`]
      return list.length === 0 ? [`${indent}${name}: []`, ...example] : [`${indent}${name}: ${JSON.stringify(list)}`]
    }
    default:
      return [`${indent}${name}: ${formatDefault(spec)}`]
  }
}

function scalar (s: string): string {
  return yamlScalar(s).trimEnd()
}

/** The default of a key as written in YAML. */
function formatDefault (spec: KeySpec<unknown>): string {
  const v = spec.default
  switch (spec.kind) {
    case 'duration': return formatDuration(v as number)
    case 'bytes': return formatBytes(v as number)
    case 'endpointList': return (v as string[]).join(' ') || '[]'
    case 'mspList': return (v as KnownMsp[]).map(m => `${m.mspId}=${m.path}`).join(',') || '[]'
    case 'channelList': return (v as unknown[]).length === 0 ? '[]' : JSON.stringify(v)
    case 'int': case 'bool': return String(v)
    default: return scalar(v as string)
  }
}

/** `100 * MiB` -> `'100MiB'`; a count of bytes that is no whole unit stays a number. */
export function formatBytes (n: number): string {
  for (const [unit, size] of [['GiB', GiB], ['MiB', MiB], ['KiB', KiB]] as const) {
    if (n >= size && n % size === 0) return `${n / size}${unit}`
  }
  return String(n)
}

function typeText (spec: KeySpec<unknown>): string {
  switch (spec.kind) {
    case 'duration': return spec.min === 0 ? 'duration >= 0' : 'duration > 0'
    case 'int': return spec.min == null ? 'integer' : `integer >= ${spec.min}`
    case 'bytes': return `size >= ${formatBytes(spec.min ?? 1)}`
    case 'bool': return 'boolean'
    case 'endpoint': return spec.optional === true ? 'endpoint or empty' : 'endpoint'
    case 'endpointList': return 'list of endpoints'
    case 'mspList': return 'list of {mspId, path}'
    case 'channelList': return 'list of block paths or channel definitions'
    case 'path': return 'path'
    case 'string': return spec.choices != null ? spec.choices.join(' | ') : spec.optional === true ? 'string' : 'non-empty string'
  }
}

function wrap (text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

/** The schema row of a key (for tools that need more than {@link configKeys}). */
export function keySpec (key: ConfigKey): KeySpec<unknown> {
  return CONFIG_SCHEMA[key] as KeySpec<unknown>
}
