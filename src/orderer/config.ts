/**
 * The ordering service's configuration: the keys of Fabric's `orderer.yaml` that apply here, with Fabric's
 * defaults, from a YAML file (keys case-insensitive, as viper reads them) overridden by `ORDERER_*`
 * environment variables (`ORDERER_GENERAL_LISTENPORT=7050`). Relative paths resolve against the file's
 * folder (Fabric: `FABRIC_CFG_PATH`). Every error names its key.
 *
 * | key                       | env                              | default                              |
 * |---------------------------|----------------------------------|--------------------------------------|
 * | General.ListenAddress     | ORDERER_GENERAL_LISTENADDRESS    | 127.0.0.1                            |
 * | General.ListenPort        | ORDERER_GENERAL_LISTENPORT       | 7050                                 |
 * | General.LocalMSPDir       | ORDERER_GENERAL_LOCALMSPDIR      | msp                                  |
 * | General.LocalMSPID        | ORDERER_GENERAL_LOCALMSPID       | SampleOrg                            |
 * | FileLedger.Location       | ORDERER_FILELEDGER_LOCATION      | /var/hyperledger/production/orderer  |
 * | Operations.ListenAddress  | ORDERER_OPERATIONS_LISTENADDRESS | 127.0.0.1:8443                       |
 * | Channels (ours)           | ORDERER_CHANNELS (comma list)    | none: genesis block files to serve   |
 */
import { dirname, isAbsolute, resolve } from 'node:path'
import { ConfigError } from '../config/errors.js'
import { splitHostPort } from '../config/address.js'
import { readYamlFile } from '../config/load.js'

export interface OrdererConfig {
  general: {
    listenAddress: string
    listenPort: number
    localMspDir: string
    localMspId: string
  }
  fileLedger: { location: string }
  operations: { listenAddress: string }
  /** Genesis (config) block files of the channels served. */
  channels: string[]
}

type Kind = 'string' | 'port' | 'path' | 'endpoint' | 'paths'

interface KeySpec { key: string, env: string, kind: Kind, default: unknown, set: (c: OrdererConfig, v: never) => void }

const KEYS: KeySpec[] = [
  { key: 'General.ListenAddress', env: 'ORDERER_GENERAL_LISTENADDRESS', kind: 'string', default: '127.0.0.1', set: (c, v: string) => { c.general.listenAddress = v } },
  { key: 'General.ListenPort', env: 'ORDERER_GENERAL_LISTENPORT', kind: 'port', default: 7050, set: (c, v: number) => { c.general.listenPort = v } },
  { key: 'General.LocalMSPDir', env: 'ORDERER_GENERAL_LOCALMSPDIR', kind: 'path', default: 'msp', set: (c, v: string) => { c.general.localMspDir = v } },
  { key: 'General.LocalMSPID', env: 'ORDERER_GENERAL_LOCALMSPID', kind: 'string', default: 'SampleOrg', set: (c, v: string) => { c.general.localMspId = v } },
  { key: 'FileLedger.Location', env: 'ORDERER_FILELEDGER_LOCATION', kind: 'path', default: '/var/hyperledger/production/orderer', set: (c, v: string) => { c.fileLedger.location = v } },
  { key: 'Operations.ListenAddress', env: 'ORDERER_OPERATIONS_LISTENADDRESS', kind: 'endpoint', default: '127.0.0.1:8443', set: (c, v: string) => { c.operations.listenAddress = v } },
  { key: 'Channels', env: 'ORDERER_CHANNELS', kind: 'paths', default: [], set: (c, v: string[]) => { c.channels = v } }
]

/** Keys of Fabric's orderer.yaml sections that are read without effect here (no warning). */
const KNOWN_SECTIONS = new Set(['general', 'fileledger', 'operations', 'channels', 'metrics', 'admin', 'consensus', 'kafka', 'debug', 'channelparticipation'])

export interface LoadOrdererConfigOptions {
  file?: string
  env?: NodeJS.ProcessEnv
  cwd?: string
  onWarning?: (message: string) => void
}

/**
 * Loads the orderer configuration: defaults, then the file, then the environment.
 * @throws ConfigError naming the key of the first invalid value
 */
export function loadOrdererConfig (opts: LoadOrdererConfigOptions = {}): OrdererConfig {
  const cwd = opts.cwd ?? process.cwd()
  const file = opts.file == null ? undefined : resolve(cwd, opts.file)
  const base = file == null ? cwd : dirname(file)
  const config: OrdererConfig = { general: { listenAddress: '', listenPort: 0, localMspDir: '', localMspId: '' }, fileLedger: { location: '' }, operations: { listenAddress: '' }, channels: [] }
  const values = new Map<string, { value: unknown, where: string }>()
  for (const k of KEYS) values.set(k.key, { value: k.default, where: ' (default)' })
  if (file != null) {
    const doc = readYamlFile(file, "'General:'")
    for (const [section, body] of Object.entries(doc)) {
      const spec = KEYS.find(k => k.key.toLowerCase() === section.toLowerCase())
      if (spec != null) { values.set(spec.key, { value: body, where: ` (in ${file})` }); continue }
      if (!KNOWN_SECTIONS.has(section.toLowerCase())) { opts.onWarning?.(`${section}: unknown key, ignored (in ${file})`); continue }
      if (body == null || typeof body !== 'object' || Array.isArray(body)) continue
      for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
        const key = `${section}.${name}`
        const match = KEYS.find(k => k.key.toLowerCase() === key.toLowerCase())
        if (match != null) values.set(match.key, { value, where: ` (in ${file})` })
      }
    }
  }
  for (const k of KEYS) {
    const v = opts.env?.[k.env]
    if (v != null && v !== '') values.set(k.key, { value: v, where: ` (from env ${k.env})` })
  }
  for (const k of KEYS) {
    const { value, where } = values.get(k.key) as { value: unknown, where: string }
    k.set(config, coerce(k, value, where, base) as never)
  }
  return config
}

function coerce (k: KeySpec, value: unknown, where: string, base: string): unknown {
  const fail = (detail: string): never => { throw new ConfigError(k.key, `${detail}${where}`) }
  switch (k.kind) {
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') fail(`expected a non-empty string, got ${JSON.stringify(value)}`)
      return (value as string).trim()
    case 'port': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN
      if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`expected a port from 0 to 65535, got ${JSON.stringify(value)}`)
      return n
    }
    case 'path':
      if (typeof value !== 'string' || value.trim() === '') fail(`expected a path, got ${JSON.stringify(value)}`)
      return absolute(value as string, base)
    case 'endpoint':
      if (typeof value !== 'string') fail(`expected host:port, got ${JSON.stringify(value)}`)
      try { splitHostPort(value as string, k.key) } catch (err) { fail((err as ConfigError).detail) }
      return value
    case 'paths': {
      const list = typeof value === 'string' ? value.split(',').map(s => s.trim()).filter(s => s !== '') : value
      if (!Array.isArray(list) || list.some(p => typeof p !== 'string' || p.trim() === '')) fail(`expected a list of genesis block files, got ${JSON.stringify(value)}`)
      return (list as string[]).map(p => absolute(p, base))
    }
  }
}

function absolute (path: string, base: string): string {
  const p = path.trim()
  return isAbsolute(p) ? p : resolve(base, p)
}
