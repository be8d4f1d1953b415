/**
 * Reading a channel's organisations from a config block (a genesis block or a later config update):
 * `Block.data[0]` is an Envelope whose Payload has a CONFIG channel header and, as data, a ConfigEnvelope.
 * The tree `Config.channel_group` → groups `Application` / `Orderer` → one group per org → values `MSP`
 * (an MSPConfig) and `AnchorPeers`. Fabric: `common/channelconfig`.
 */
import { common } from '../pb/common.js'
import { msp } from '../pb/msp.js'
import { protos } from '../pb/peer.js'
import { orderer } from '../pb/orderer.js'
import { parseDuration } from '../config/duration.js'

/** A block whose first transaction is not a CONFIG transaction. */
export class NotAConfigBlockError extends Error {
  static override name = 'NotAConfigBlockError'
  override name = 'NotAConfigBlockError'

  constructor (message = 'not a config block') {
    super(message)
  }
}

/** A config block whose config tree does not decode or lacks a part every channel config has. */
export class InvalidConfigBlockError extends Error {
  static override name = 'InvalidConfigBlockError'
  override name = 'InvalidConfigBlockError'

  constructor (message = 'invalid config block', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Fabric's MSP provider types (`msp.ProviderType`): an MSPConfig's `type`. */
export const MspType = { FABRIC: 0, IDEMIX: 1 } as const

/** An organisation of a channel, from its `MSP` config value. */
export interface OrgConfig {
  /** `FabricMSPConfig.name` (or `IdemixMSPConfig.name`), whatever the org group's key */
  mspId: string
  /** 'idemix' orgs issue no X.509 identities: their certificate lists are empty */
  mspType: 'fabric' | 'idemix'
  /** DER or PEM certificates as stored in the config (Fabric stores PEM) */
  rootCerts: Uint8Array[]
  intermediateCerts: Uint8Array[]
}

/** The address of an anchor peer. */
export interface AnchorPeerAddress {
  host: string
  port: number
}

/** An organisation of the channel's Application group, with its anchor peers. */
export interface ApplicationOrgConfig extends OrgConfig {
  anchorPeers: AnchorPeerAddress[]
}

/** An orderer org, with its endpoints (`Endpoints` value, `host:port`). */
export interface OrdererOrgConfig extends OrgConfig {
  endpoints: string[]
}

/** The Orderer group's batch rules (Fabric `BatchSize`, `BatchTimeout`). */
export interface BatchConfig {
  maxMessageCount: number
  absoluteMaxBytes: number
  preferredMaxBytes: number
  /** milliseconds */
  batchTimeout: number
}

/** What gossip needs of a channel config. Orgs are sorted by MSP ID. */
export interface ChannelConfig {
  channelId: string
  applicationOrgs: ApplicationOrgConfig[]
  ordererOrgs: OrdererOrgConfig[]
  /** The channel's `OrdererAddresses` (global, `host:port`), then each orderer org's endpoints, without repeats. */
  ordererAddresses: string[]
  /** The batch rules; undefined when the config has no Orderer group (or no batch values). */
  batch?: BatchConfig
}

/**
 * Reads the channel ID, the application orgs (MSP ID, certificates, anchor peers) and the orderer orgs
 * of a config block.
 *
 * @throws NotAConfigBlockError when the block's first transaction is not a CONFIG transaction
 * @throws InvalidConfigBlockError when the config does not decode or an org lacks its MSP value
 */
export function readChannelConfig (block: common.Block): ChannelConfig {
  const first = block.data?.data[0]
  if (first == null) throw new NotAConfigBlockError('block has no transactions')
  const payload = decode('envelope payload', () => common.Payload.decode(common.Envelope.decode(first).payload))
  const header = decode('channel header', () => common.ChannelHeader.decode(payload.header?.channelHeader ?? new Uint8Array(0)))
  if (header.type !== 1) throw new NotAConfigBlockError(`first transaction has header type ${header.type}, not CONFIG (1)`)
  const root = decode('config envelope', () => common.ConfigEnvelope.decode(payload.data)).config?.channelGroup
  if (root == null) throw new InvalidConfigBlockError('config envelope has no channel group')

  const ordererOrgs = orgGroups(root, 'Orderer').map(([key, group]) => ({
    ...readOrg(key, group),
    endpoints: readAddresses(`${key} Endpoints value`, group.values.get('Endpoints')?.value)
  })).sort(byMspId)
  const globalAddresses = readAddresses('OrdererAddresses value', root.values.get('OrdererAddresses')?.value)
  return {
    channelId: header.channelId,
    applicationOrgs: orgGroups(root, 'Application').map(([key, group]) => ({
      ...readOrg(key, group),
      anchorPeers: readAnchorPeers(key, group)
    })).sort(byMspId),
    ordererOrgs,
    ordererAddresses: [...new Set([...globalAddresses, ...ordererOrgs.flatMap(o => o.endpoints)])],
    batch: readBatch(root)
  }
}

/** `Orderer` group values BatchSize and BatchTimeout. */
function readBatch (root: common.ConfigGroup): BatchConfig | undefined {
  const bytes = root.groups.get('Orderer')
  if (bytes == null) return undefined
  const group = decode('Orderer group', () => common.ConfigGroup.decode(bytes))
  const size = group.values.get('BatchSize')
  const timeout = group.values.get('BatchTimeout')
  if (size == null || timeout == null) return undefined
  const s = decode('BatchSize value', () => orderer.BatchSize.decode(size.value))
  const t = decode('BatchTimeout value', () => orderer.BatchTimeout.decode(timeout.value))
  let batchTimeout: number
  try {
    batchTimeout = parseDuration(t.timeout, 'BatchTimeout')
  } catch (err) {
    throw new InvalidConfigBlockError(`BatchTimeout '${t.timeout}' is not a duration`, { cause: err })
  }
  if (s.maxMessageCount === 0 || s.absoluteMaxBytes === 0 || s.preferredMaxBytes === 0 || s.preferredMaxBytes > s.absoluteMaxBytes || !(batchTimeout > 0)) {
    throw new InvalidConfigBlockError(`invalid batch rules: ${JSON.stringify({ ...s, batchTimeout: t.timeout })}`)
  }
  return { maxMessageCount: s.maxMessageCount, absoluteMaxBytes: s.absoluteMaxBytes, preferredMaxBytes: s.preferredMaxBytes, batchTimeout }
}

function readAddresses (what: string, bytes: Uint8Array | undefined): string[] {
  if (bytes == null) return []
  return decode(what, () => common.OrdererAddresses.decode(bytes)).addresses
}

/** The org subgroups of `root.groups[name]`, decoded; none when the channel has no such group. */
function orgGroups (root: common.ConfigGroup, name: string): Array<[string, common.ConfigGroup]> {
  const bytes = root.groups.get(name)
  if (bytes == null) return []
  const parent = decode(`${name} group`, () => common.ConfigGroup.decode(bytes))
  return [...parent.groups].map(([key, org]) => [key, decode(`${name}/${key} group`, () => common.ConfigGroup.decode(org))])
}

function readOrg (key: string, group: common.ConfigGroup): OrgConfig {
  const value = group.values.get('MSP')
  if (value == null) throw new InvalidConfigBlockError(`org group ${key} has no MSP value`)
  const config = decode(`${key} MSP value`, () => msp.MSPConfig.decode(value.value))
  switch (config.type) {
    case MspType.FABRIC: {
      const fabric = decode(`${key} FabricMSPConfig`, () => msp.FabricMSPConfig.decode(config.config))
      return { mspId: fabric.name, mspType: 'fabric', rootCerts: fabric.rootCerts, intermediateCerts: fabric.intermediateCerts }
    }
    case MspType.IDEMIX: {
      const idemix = decode(`${key} IdemixMSPConfig`, () => msp.IdemixMSPConfig.decode(config.config))
      return { mspId: idemix.name, mspType: 'idemix', rootCerts: [], intermediateCerts: [] }
    }
    default:
      throw new InvalidConfigBlockError(`org group ${key} has MSP type ${config.type}`)
  }
}

function readAnchorPeers (key: string, group: common.ConfigGroup): AnchorPeerAddress[] {
  const value = group.values.get('AnchorPeers')
  if (value == null) return []
  return decode(`${key} AnchorPeers value`, () => protos.AnchorPeers.decode(value.value))
    .anchorPeers.map(({ host, port }) => ({ host, port }))
}

function byMspId (a: OrgConfig, b: OrgConfig): number {
  return a.mspId < b.mspId ? -1 : a.mspId > b.mspId ? 1 : 0
}

/** Runs a protobuf decode, turning its failure into an InvalidConfigBlockError naming the part. */
function decode<T> (part: string, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    throw new InvalidConfigBlockError(`cannot decode ${part}: ${(err as Error).message}`, { cause: err })
  }
}
