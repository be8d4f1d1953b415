/**
 * The definition of a channel a peer joins (Fabric `api.JoinChannelMessage`: the channel's orgs and the
 * anchor peers of each), read from a config (genesis) block or from a JSON/YAML object, validated with
 * errors that name the field at fault (`channels[0].orgs[1].mspId: required`).
 *
 * The object form:
 * ```yaml
 * name: mychannel
 * orgs:
 *   - mspId: Org1MSP
 *     rootCerts: ["-----BEGIN CERTIFICATE-----\n..."]   # PEM text (one or more blocks per entry)
 *     intermediateCerts: []                             # optional
 *     anchorPeers: [{ host: peer0.org1.example.com, port: 7051 }, "peer1.org1.example.com:7051"]
 * ordererOrgs:                                          # optional, no anchor peers
 *   - mspId: OrdererMSP
 *     rootCerts: [...]
 * ```
 */
import { X509Certificate } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { common } from '../pb/common.js'
import { readChannelConfig } from '../wire/config-block.js'
import type { AnchorPeerAddress, ChannelConfig } from '../wire/config-block.js'
import { certificateDers, looksLikePem } from '../identity/pem.js'

export type { AnchorPeerAddress } from '../wire/config-block.js'

/** An organisation of a channel. */
export interface ChannelOrg {
  /** The MSP ID (`FabricMSPConfig.name`). */
  mspId: string
  /** Idemix orgs have no X.509 CAs: their certificate lists are empty. @default 'fabric' */
  mspType: 'fabric' | 'idemix'
  /** Root CA certificates, PEM bytes as Fabric stores them (DER accepted). */
  rootCerts: Uint8Array[]
  /** Intermediate CA certificates, PEM or DER bytes. */
  intermediateCerts: Uint8Array[]
  /** Anchor peers (application orgs only; always empty for orderer orgs). */
  anchorPeers: AnchorPeerAddress[]
}

/** What a peer needs to join a channel. */
export interface ChannelDefinition {
  /** The channel ID. */
  name: string
  /** The application orgs: their peers may be channel members. */
  orgs: ChannelOrg[]
  /** The orderer orgs (their certificates validate block signatures). */
  ordererOrgs: ChannelOrg[]
  /** Where the ordering service is (`host:port`): where a leader asks for blocks. @default none */
  ordererAddresses?: string[]
}

/** A channel definition that does not validate; `field` is the path of the offending value. */
export class ChannelConfigError extends Error {
  static override name = 'ChannelConfigError'
  override name = 'ChannelConfigError'
  /** The path of the field at fault, e.g. `channels[0].orgs[1].mspId`. */
  readonly field: string

  constructor (field: string, problem: string, options?: ErrorOptions) {
    super(`${field}: ${problem}`, options)
    this.field = field
  }
}

/** Fabric's `configtx.ChannelAllowedChars` and `MaxLength`. */
const CHANNEL_ID = /^[a-z][a-z0-9.-]*$/
const CHANNEL_ID_MAX_LENGTH = 249

/**
 * Why `name` is not a valid channel ID (Fabric `configtx.ValidateChannelID`: `[a-z][a-z0-9.-]*`, at most
 * 249 characters), or undefined when it is valid.
 */
export function channelIdProblem (name: string): string | undefined {
  if (name === '') return 'must not be empty'
  if (name.length > CHANNEL_ID_MAX_LENGTH) return `must be at most ${CHANNEL_ID_MAX_LENGTH} characters`
  if (!CHANNEL_ID.test(name)) return `'${name}' is not a valid channel ID: lower-case letters, digits, '.' and '-', starting with a letter`
  return undefined
}

/** The definition of the channel a config block describes. */
export function channelFromConfig (config: ChannelConfig): ChannelDefinition {
  return {
    name: config.channelId,
    orgs: config.applicationOrgs.map(o => ({ ...o, anchorPeers: o.anchorPeers.map(a => ({ ...a })) })),
    ordererOrgs: config.ordererOrgs.map(({ endpoints: _, ...o }) => ({ ...o, anchorPeers: [] })),
    ordererAddresses: [...config.ordererAddresses]
  }
}

/**
 * Reads a channel definition from a config (genesis) block.
 *
 * @throws NotAConfigBlockError | InvalidConfigBlockError (from `readChannelConfig`)
 */
export function channelFromConfigBlock (block: common.Block): ChannelDefinition {
  return channelFromConfig(readChannelConfig(block))
}

/**
 * Validates a list of channel definitions (e.g. the `channels` key of a config file).
 *
 * @throws {ChannelConfigError} naming the first field at fault; also for two channels with the same name
 */
export function parseChannelDefinitions (input: unknown, path = 'channels'): ChannelDefinition[] {
  if (!Array.isArray(input)) throw new ChannelConfigError(path, `must be a list, got ${describe(input)}`)
  const out = input.map((item, i) => parseChannelDefinition(item, `${path}[${i}]`))
  const seen = new Map<string, number>()
  out.forEach((c, i) => {
    const first = seen.get(c.name)
    if (first !== undefined) throw new ChannelConfigError(`${path}[${i}].name`, `duplicate channel '${c.name}' (also ${path}[${first}])`)
    seen.set(c.name, i)
  })
  return out
}

/**
 * Validates one channel definition given as a plain object (parsed JSON or YAML).
 *
 * @throws {ChannelConfigError} naming the first field at fault
 */
export function parseChannelDefinition (input: unknown, path = 'channel'): ChannelDefinition {
  const obj = record(input, path)
  const name = requiredString(obj.name, `${path}.name`)
  const problem = channelIdProblem(name)
  if (problem !== undefined) throw new ChannelConfigError(`${path}.name`, problem)
  const orgs = list(obj.orgs, `${path}.orgs`, true).map((o, i) => parseOrg(o, `${path}.orgs[${i}]`, true))
  if (orgs.length === 0) throw new ChannelConfigError(`${path}.orgs`, 'at least one org is required')
  const ordererOrgs = list(obj.ordererOrgs, `${path}.ordererOrgs`, false).map((o, i) => parseOrg(o, `${path}.ordererOrgs[${i}]`, false))
  checkUnique(orgs, `${path}.orgs`)
  checkUnique(ordererOrgs, `${path}.ordererOrgs`)
  const ordererAddresses = list(obj.ordererAddresses, `${path}.ordererAddresses`, false).map((a, i) => {
    const { host, port } = parseAnchorPeer(a, `${path}.ordererAddresses[${i}]`)
    return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
  })
  return { name, orgs, ordererOrgs, ...(ordererAddresses.length > 0 ? { ordererAddresses } : {}) }
}

function parseOrg (input: unknown, path: string, application: boolean): ChannelOrg {
  const obj = record(input, path)
  const mspId = requiredString(obj.mspId, `${path}.mspId`)
  let mspType: ChannelOrg['mspType'] = 'fabric'
  if (obj.mspType !== undefined) {
    if (obj.mspType !== 'fabric' && obj.mspType !== 'idemix') {
      throw new ChannelConfigError(`${path}.mspType`, `must be 'fabric' or 'idemix', got ${describe(obj.mspType)}`)
    }
    mspType = obj.mspType
  }
  const fromDir = obj.mspDir !== undefined ? mspFolderCerts(obj.mspDir, `${path}.mspDir`) : undefined
  const rootCerts = fromDir != null && obj.rootCerts === undefined
    ? fromDir.rootCerts
    : list(obj.rootCerts, `${path}.rootCerts`, mspType === 'fabric').map((c, i) => certificate(c, `${path}.rootCerts[${i}]`))
  if (mspType === 'fabric' && rootCerts.length === 0) throw new ChannelConfigError(`${path}.rootCerts`, 'at least one root certificate is required')
  const intermediateCerts = fromDir != null && obj.intermediateCerts === undefined
    ? fromDir.intermediateCerts
    : list(obj.intermediateCerts, `${path}.intermediateCerts`, false).map((c, i) => certificate(c, `${path}.intermediateCerts[${i}]`))
  let anchorPeers: AnchorPeerAddress[] = []
  if (application) {
    anchorPeers = list(obj.anchorPeers, `${path}.anchorPeers`, false).map((a, i) => parseAnchorPeer(a, `${path}.anchorPeers[${i}]`))
  } else if (obj.anchorPeers !== undefined && !(Array.isArray(obj.anchorPeers) && obj.anchorPeers.length === 0)) {
    throw new ChannelConfigError(`${path}.anchorPeers`, 'orderer orgs have no anchor peers')
  }
  return { mspId, mspType, rootCerts, intermediateCerts, anchorPeers }
}

/** The CA certificates of an MSP folder (`cacerts/`, `intermediatecerts/`), as a channel org's `mspDir` names it. */
function mspFolderCerts (dir: unknown, path: string): { rootCerts: Uint8Array[], intermediateCerts: Uint8Array[] } {
  if (typeof dir !== 'string' || dir === '') throw new ChannelConfigError(path, `must be the path of an MSP folder, got ${describe(dir)}`)
  const read = (sub: string, required: boolean): Uint8Array[] => {
    const folder = join(dir, sub)
    if (!existsSync(folder)) {
      if (required) throw new ChannelConfigError(path, `${folder} does not exist`)
      return []
    }
    return readdirSync(folder).filter(f => !f.startsWith('.')).sort().map(f => certificate(readFileSync(join(folder, f)), `${path} (${sub}/${f})`))
  }
  const rootCerts = read('cacerts', true)
  if (rootCerts.length === 0) throw new ChannelConfigError(path, `${join(dir, 'cacerts')} holds no certificate`)
  return { rootCerts, intermediateCerts: read('intermediatecerts', false) }
}

/**
 * Parses an anchor peer given as `{ host, port }` or as a `host:port` string (`[v6addr]:port` for IPv6).
 *
 * @throws {ChannelConfigError} naming `path`
 */
export function parseAnchorPeer (input: unknown, path = 'anchorPeer'): AnchorPeerAddress {
  if (typeof input === 'string') {
    const m = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d+)$/.exec(input.trim())
    if (m === null) throw new ChannelConfigError(path, `'${input}' is not host:port`)
    return { host: m[1] ?? m[2], port: port(Number(m[3]), path) }
  }
  const obj = record(input, path, 'an object { host, port } or a host:port string')
  const host = requiredString(obj.host, `${path}.host`)
  if (/\s/.test(host)) throw new ChannelConfigError(`${path}.host`, `'${host}' is not a host name or address`)
  if (obj.port === undefined) throw new ChannelConfigError(`${path}.port`, 'required')
  const value = typeof obj.port === 'string' && /^\d+$/.test(obj.port) ? Number(obj.port) : obj.port
  if (typeof value !== 'number') throw new ChannelConfigError(`${path}.port`, `must be a port number, got ${describe(obj.port)}`)
  return { host, port: port(value, `${path}.port`) }
}

function port (value: number, path: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 65535) throw new ChannelConfigError(path, `port must be an integer from 1 to 65535, got ${value}`)
  return value
}

/** A certificate entry: PEM text, or PEM/DER bytes; checked to parse as X.509. */
function certificate (input: unknown, path: string): Uint8Array {
  let bytes: Uint8Array
  if (typeof input === 'string') {
    if (!input.includes('-----BEGIN')) throw new ChannelConfigError(path, 'must be a PEM certificate (-----BEGIN CERTIFICATE-----)')
    bytes = new TextEncoder().encode(input)
  } else if (input instanceof Uint8Array) {
    bytes = input
  } else {
    throw new ChannelConfigError(path, `must be a PEM certificate, got ${describe(input)}`)
  }
  try {
    for (const der of certificateDers(bytes)) new X509Certificate(der)
  } catch (err) {
    const what = looksLikePem(bytes) ? 'PEM' : 'DER'
    throw new ChannelConfigError(path, `not a valid ${what} certificate: ${(err as Error).message}`, { cause: err })
  }
  return bytes
}

function checkUnique (orgs: ChannelOrg[], path: string): void {
  const seen = new Map<string, number>()
  orgs.forEach((o, i) => {
    const first = seen.get(o.mspId)
    if (first !== undefined) throw new ChannelConfigError(`${path}[${i}].mspId`, `duplicate MSP ID '${o.mspId}' (also ${path}[${first}])`)
    seen.set(o.mspId, i)
  })
}

function record (input: unknown, path: string, expected = 'an object'): Record<string, unknown> {
  if (input === undefined || input === null) throw new ChannelConfigError(path, 'required')
  if (typeof input !== 'object' || Array.isArray(input) || input instanceof Uint8Array) {
    throw new ChannelConfigError(path, `must be ${expected}, got ${describe(input)}`)
  }
  return input as Record<string, unknown>
}

function list (input: unknown, path: string, required: boolean): unknown[] {
  if (input === undefined || input === null) {
    if (required) throw new ChannelConfigError(path, 'required')
    return []
  }
  if (!Array.isArray(input)) throw new ChannelConfigError(path, `must be a list, got ${describe(input)}`)
  return input
}

function requiredString (input: unknown, path: string): string {
  if (input === undefined || input === null || input === '') throw new ChannelConfigError(path, 'required')
  if (typeof input !== 'string') throw new ChannelConfigError(path, `must be a string, got ${describe(input)}`)
  return input
}

function describe (value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Uint8Array) return 'bytes'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'string') return `'${value}'`
  return `${typeof value} ${String(value)}`
}
