/**
 * Genesis (config) blocks of an application channel, as Fabric's configtxgen writes them
 * (`internal/configtxgen/encoder/encoder.go` `NewChannelGroup`, `common/genesis/genesis.go` `Block`), with
 * the defaults of Fabric's sample `configtx.yaml` and fabric-samples' test network:
 *
 * ```
 * Block 0 { header{ number 0, previous_hash empty, data_hash = SHA256(data[0]) },
 *   data[0] = Envelope{ payload = Payload{
 *     header{ channel_header{ type CONFIG, version 1, timestamp (s), channel_id, tx_id = hex SHA256(nonce || creator), epoch 0 },
 *             signature_header{ creator empty, nonce 24 random bytes } },
 *     data = ConfigEnvelope{ config{ sequence 0, channel_group } } }, signature empty },
 *   metadata[5]: [SIGNATURES] = Metadata{ value = OrdererBlockMetadata{ last_config{0} } },
 *                [LAST_CONFIG] = Metadata{ value = LastConfig{0} }, the rest empty }
 *
 * Channel   values HashingAlgorithm{SHA256}, BlockDataHashingStructure{4294967295},
 *                  OrdererAddresses (mod_policy /Channel/Orderer/Admins; not with V3_0), Capabilities
 *           policies Readers ANY Readers, Writers ANY Writers, Admins MAJORITY Admins
 *   Application  values Capabilities; policies Readers, Writers, Admins, Endorsement and
 *                LifecycleEndorsement (MAJORITY Endorsement)
 *     <Org>      values MSP (MSPConfig type 0: FabricMSPConfig), AnchorPeers (when any)
 *                policies Readers, Writers, Admins, Endorsement (signature policies)
 *   Orderer      values ConsensusType, BatchSize, BatchTimeout, ChannelRestrictions, Capabilities
 *                policies Readers, Writers, Admins, BlockValidation (ANY Writers)
 *     <Org>      values MSP, Endpoints (when any); policies Readers, Writers, Admins
 * ```
 * Every element has version 0 and mod_policy `Admins` unless noted. Map entries are written in key order
 * (Go marshals maps in random order; any order decodes the same).
 */
import { createHash, randomBytes, X509Certificate } from 'node:crypto'
import { blockDataHash } from '../wire/block.js'
import { common } from '../pb/common.js'
import { msp } from '../pb/msp.js'
import { protos } from '../pb/peer.js'
import { orderer } from '../pb/orderer.js'
import { etcdraft } from '../pb/etcdraft.js'
import { certificateDers } from '../identity/index.js'
import type { CertificateInput } from '../identity/index.js'
import { ChannelConfigError, channelIdProblem, parseAnchorPeer } from './channel-config.js'
import type { AnchorPeerAddress } from './channel-config.js'
import { fabricMspConfig, loadVerifyingMspConfig, toPemBytes } from './msp-config.js'
import { anyOfRoles, encodePolicy, PolicyParseError } from './policy.js'
import type { PolicySpec } from './policy.js'

/** An org of a genesis block: its MSP from a folder (`mspDir`) or from certificates. */
export interface GenesisOrg {
  /** The MSP ID (`FabricMSPConfig.name`). */
  mspId: string
  /** The key of the org's config group (configtx.yaml `Name`). @default mspId */
  name?: string
  /** A verifying MSP folder read as configtxgen reads `MSPDir`; takes precedence over the certificate fields. */
  mspDir?: string
  /** Root CA certificates (PEM text, PEM or DER bytes); required without `mspDir`. */
  rootCerts?: CertificateInput[]
  intermediateCerts?: CertificateInput[]
  /** Admin certificates (`admincerts/`; empty with NodeOUs). */
  admins?: CertificateInput[]
  tlsRootCerts?: CertificateInput[]
  tlsIntermediateCerts?: CertificateInput[]
  /** Without `mspDir`: write cryptogen's NodeOUs (client, peer, admin, orderer under the first root CA). @default false */
  nodeOUs?: boolean
  /**
   * The org's policies, replacing the defaults: for an application org with NodeOUs Readers
   * `OR(admin, peer, client)`, Writers `OR(admin, client)`, Admins `OR(admin)`, Endorsement `OR(peer)`
   * (fabric-samples); without NodeOUs `member` instead of peer/client; for an orderer org Readers and
   * Writers `OR(member)`, Admins `OR(admin)`. Readers, Writers and Admins are required, as configtxgen does.
   */
  policies?: Record<string, PolicySpec>
}

/** An application org: may have anchor peers. */
export interface GenesisApplicationOrg extends GenesisOrg {
  anchorPeers?: AnchorPeerAddress[]
}

/** An orderer org: may have endpoints (configtx.yaml `OrdererEndpoints`, `host:port`). */
export interface GenesisOrdererOrg extends GenesisOrg {
  endpoints?: string[]
}

/** A Raft consenter (configtx.yaml `Orderer.EtcdRaft.Consenters`). */
export interface EtcdRaftConsenter {
  host: string
  port: number
  /** PEM (text or bytes) of the orderer's TLS client certificate. @default empty */
  clientTlsCert?: CertificateInput
  /** PEM of the orderer's TLS server certificate. @default empty */
  serverTlsCert?: CertificateInput
}

/** Batch sizes of the Orderer group (configtx.yaml `Orderer.BatchSize`). */
export interface BatchSizeOptions {
  maxMessageCount: number
  absoluteMaxBytes: number
  preferredMaxBytes: number
}

/** Options of {@link createGenesisBlock}. */
export interface CreateGenesisBlockOptions {
  /** The channel ID (`[a-z][a-z0-9.-]*`, at most 249 characters). */
  channelId: string
  /** The application orgs (at least one). */
  applicationOrgs: GenesisApplicationOrg[]
  /** The orderer orgs. @default [] */
  ordererOrgs?: GenesisOrdererOrg[]
  /** `ConsensusType.type`. @default 'etcdraft' */
  ordererType?: 'etcdraft' | 'solo'
  /** Raft consenters, for 'etcdraft'. @default [] */
  consenters?: EtcdRaftConsenter[]
  /** Raft options. @default TickInterval 500ms, ElectionTick 10, HeartbeatTick 1, MaxInflightBlocks 5, SnapshotIntervalSize 16 MB */
  etcdRaftOptions?: Partial<etcdraft.Options>
  /** The channel's `OrdererAddresses` (`host:port`); not allowed with the V3_0 channel capability. @default the orderer orgs' endpoints (none with V3_0) */
  ordererAddresses?: string[]
  /** `BatchTimeout`, a Go duration. @default '2s' */
  batchTimeout?: string
  /** `BatchSize`. @default 500 messages, 10 MB absolute, 2 MB preferred */
  batchSize?: Partial<BatchSizeOptions>
  /** `ChannelRestrictions.max_count` (0: no limit). @default 0 */
  maxChannels?: number
  /** Capabilities per level. @default channel V2_0, orderer V2_0, application V2_5 (fabric-samples) */
  capabilities?: { channel?: string[], orderer?: string[], application?: string[] }
  /** The channel header's timestamp (whole seconds are kept, as Fabric). @default now */
  timestamp?: Date
  /** The signature header's nonce. @default 24 random bytes */
  nonce?: Uint8Array
}

const MB = 1024 * 1024

/** The defaults of {@link CreateGenesisBlockOptions} (Fabric's sample configtx.yaml). */
export const GENESIS_DEFAULTS = {
  ordererType: 'etcdraft',
  batchTimeout: '2s',
  batchSize: { maxMessageCount: 500, absoluteMaxBytes: 10 * MB, preferredMaxBytes: 2 * MB },
  etcdRaftOptions: { tickInterval: '500ms', electionTick: 10, heartbeatTick: 1, maxInflightBlocks: 5, snapshotIntervalSize: 16 * MB },
  capabilities: { channel: ['V2_0'], orderer: ['V2_0'], application: ['V2_5'] }
} as const

const ADMINS = 'Admins'
/** Fabric `channelconfig` `defaultBlockDataHashingStructureWidth` (math.MaxUint32). */
const MAX_UINT32 = 0xffffffff
/** Fabric `common/crypto` `NonceSize`. */
const NONCE_SIZE = 24
/** Config element names: Fabric `configtx` `configAllowedChars` and `MaxLength`. */
const CONFIG_NAME = /^[a-zA-Z0-9.-]{1,249}$/
const HOST_PORT = /^(?:\[[^\]]+\]|[^:\s[\]]+):\d{1,5}$/

const implicit = (rule: string): PolicySpec => ({ type: 'ImplicitMeta', rule })

/**
 * A genesis block for an application channel, as configtxgen writes it (see the module comment).
 *
 * @throws {ChannelConfigError} naming the option at fault (`applicationOrgs[1].mspId: required`)
 * @throws {MspConfigError} when an MSP folder cannot be read
 */
export function createGenesisBlock (opts: CreateGenesisBlockOptions): common.Block {
  const channelProblem = channelIdProblem(opts.channelId ?? '')
  if (channelProblem !== undefined) throw new ChannelConfigError('channelId', channelProblem)
  const capabilities = {
    channel: opts.capabilities?.channel ?? [...GENESIS_DEFAULTS.capabilities.channel],
    orderer: opts.capabilities?.orderer ?? [...GENESIS_DEFAULTS.capabilities.orderer],
    application: opts.capabilities?.application ?? [...GENESIS_DEFAULTS.capabilities.application]
  }
  const v3 = capabilities.channel.includes('V3_0')
  if (!Array.isArray(opts.applicationOrgs) || opts.applicationOrgs.length === 0) {
    throw new ChannelConfigError('applicationOrgs', 'at least one application org is required')
  }
  const ordererOrgs = opts.ordererOrgs ?? []
  checkNames(opts.applicationOrgs, 'applicationOrgs')
  checkNames(ordererOrgs, 'ordererOrgs')

  const application = configGroup({
    groups: Object.fromEntries(opts.applicationOrgs.map((org, i) => [org.name ?? org.mspId, applicationOrgGroup(org, `applicationOrgs[${i}]`)])),
    values: { Capabilities: capabilitiesValue(capabilities.application) },
    policies: {
      Readers: implicit('ANY Readers'),
      Writers: implicit('ANY Writers'),
      Admins: implicit('MAJORITY Admins'),
      Endorsement: implicit('MAJORITY Endorsement'),
      LifecycleEndorsement: implicit('MAJORITY Endorsement')
    }
  }, 'Application')

  ordererOrgs.forEach((org, i) => {
    for (const [j, e] of (org.endpoints ?? []).entries()) {
      if (!HOST_PORT.test(e)) throw new ChannelConfigError(`ordererOrgs[${i}].endpoints[${j}]`, `'${e}' is not host:port`)
    }
    if (v3 && (org.endpoints ?? []).length === 0) {
      throw new ChannelConfigError(`ordererOrgs[${i}].endpoints`, `orderer endpoints of ${org.mspId} are required with the V3_0 channel capability`)
    }
  })
  const ordererGroup = configGroup({
    groups: Object.fromEntries(ordererOrgs.map((org, i) => [org.name ?? org.mspId, ordererOrgGroup(org, `ordererOrgs[${i}]`)])),
    values: {
      ConsensusType: orderer.ConsensusType.encode(consensusType(opts)),
      BatchSize: orderer.BatchSize.encode(batchSize(opts.batchSize)),
      BatchTimeout: orderer.BatchTimeout.encode({ timeout: opts.batchTimeout ?? GENESIS_DEFAULTS.batchTimeout }),
      ChannelRestrictions: orderer.ChannelRestrictions.encode({ maxCount: BigInt(opts.maxChannels ?? 0) }),
      Capabilities: capabilitiesValue(capabilities.orderer)
    },
    policies: {
      Readers: implicit('ANY Readers'),
      Writers: implicit('ANY Writers'),
      Admins: implicit('MAJORITY Admins'),
      BlockValidation: implicit('ANY Writers')
    }
  }, 'Orderer')

  const addresses = opts.ordererAddresses ?? (v3 ? [] : ordererOrgs.flatMap(o => o.endpoints ?? []))
  if (v3 && addresses.length > 0) throw new ChannelConfigError('ordererAddresses', 'global orderer addresses cannot be used with the V3_0 channel capability')
  addresses.forEach((a, i) => { if (!HOST_PORT.test(a)) throw new ChannelConfigError(`ordererAddresses[${i}]`, `'${a}' is not host:port`) })
  const channelValues: Record<string, Uint8Array<ArrayBuffer>> = {
    HashingAlgorithm: common.HashingAlgorithm.encode({ name: 'SHA256' }),
    BlockDataHashingStructure: common.BlockDataHashingStructure.encode({ width: MAX_UINT32 }),
    Capabilities: capabilitiesValue(capabilities.channel)
  }
  if (addresses.length > 0) channelValues.OrdererAddresses = common.OrdererAddresses.encode({ addresses })
  const channelGroup = configGroup({
    groups: { Application: application, Orderer: ordererGroup },
    values: channelValues,
    valueModPolicies: { OrdererAddresses: '/Channel/Orderer/Admins' },
    policies: { Readers: implicit('ANY Readers'), Writers: implicit('ANY Writers'), Admins: implicit('MAJORITY Admins') }
  }, 'Channel')

  return genesisBlock(opts.channelId, channelGroup, opts.timestamp ?? new Date(), opts.nonce ?? randomBytes(NONCE_SIZE))
}

/** Wraps a channel group into block 0 exactly as Fabric's `genesis.factory.Block`. */
function genesisBlock (channelId: string, channelGroup: common.ConfigGroup, timestamp: Date, nonce: Uint8Array): common.Block {
  const creator = new Uint8Array(0)
  const txId = createHash('sha256').update(nonce).update(creator).digest('hex')
  const channelHeader = common.ChannelHeader.encode({
    type: 1, // CONFIG
    version: 1, // genesis.msgVersion
    timestamp: { seconds: BigInt(Math.floor(timestamp.getTime() / 1000)), nanos: 0 },
    channelId,
    txId,
    epoch: 0n
  })
  const signatureHeader = common.SignatureHeader.encode({ creator, nonce: new Uint8Array(nonce) })
  const payload = common.Payload.encode({
    header: { channelHeader, signatureHeader },
    data: common.ConfigEnvelope.encode({ config: { sequence: 0n, channelGroup } })
  })
  const data = [common.Envelope.encode({ payload, signature: new Uint8Array(0) })]
  const metadata: Array<Uint8Array<ArrayBuffer>> = Array.from({ length: 5 }, () => new Uint8Array(0))
  metadata[0] = common.Metadata.encode({ value: common.OrdererBlockMetadata.encode({ lastConfig: { index: 0n } }), signatures: [] })
  metadata[1] = common.Metadata.encode({ value: common.LastConfig.encode({ index: 0n }), signatures: [] })
  return {
    header: { number: 0n, previousHash: new Uint8Array(0), dataHash: blockDataHash(data) },
    data: { data },
    metadata: { metadata }
  }
}

function checkNames (orgs: readonly GenesisOrg[], path: string): void {
  const names = new Map<string, number>()
  const ids = new Map<string, number>()
  orgs.forEach((org, i) => {
    if (typeof org.mspId !== 'string' || org.mspId === '') throw new ChannelConfigError(`${path}[${i}].mspId`, 'required')
    const name = org.name ?? org.mspId
    if (!CONFIG_NAME.test(name)) {
      throw new ChannelConfigError(`${path}[${i}].${org.name === undefined ? 'mspId' : 'name'}`, `'${name}' is not a valid config group name: letters, digits, '.' and '-'`)
    }
    const dupName = names.get(name)
    if (dupName !== undefined) throw new ChannelConfigError(`${path}[${i}].name`, `duplicate org group '${name}' (also ${path}[${dupName}])`)
    const dupId = ids.get(org.mspId)
    if (dupId !== undefined) throw new ChannelConfigError(`${path}[${i}].mspId`, `duplicate MSP ID '${org.mspId}' (also ${path}[${dupId}])`)
    names.set(name, i)
    ids.set(org.mspId, i)
  })
}

function mspValue (org: GenesisOrg, path: string): { value: Uint8Array<ArrayBuffer>, nodeOUs: boolean } {
  let config: msp.FabricMSPConfig
  if (org.mspDir !== undefined) {
    config = loadVerifyingMspConfig(org.mspDir, org.mspId)
  } else {
    if (org.rootCerts === undefined || org.rootCerts.length === 0) throw new ChannelConfigError(`${path}.rootCerts`, 'required (or mspDir)')
    for (const field of ['rootCerts', 'intermediateCerts', 'admins', 'tlsRootCerts', 'tlsIntermediateCerts'] as const) {
      (org[field] ?? []).forEach((cert, i) => {
        try {
          for (const der of certificateDers(cert)) new X509Certificate(der)
        } catch (err) {
          throw new ChannelConfigError(`${path}.${field}[${i}]`, `not a valid PEM or DER certificate: ${(err as Error).message}`, { cause: err })
        }
      })
    }
    config = fabricMspConfig(org.mspId, { ...org, rootCerts: org.rootCerts })
  }
  return {
    value: msp.MSPConfig.encode({ type: 0, config: msp.FabricMSPConfig.encode(config) }),
    nodeOUs: config.fabricNodeOus?.enable === true
  }
}

function applicationOrgGroup (org: GenesisApplicationOrg, path: string): common.ConfigGroup {
  const { value, nodeOUs } = mspValue(org, path)
  const values: Record<string, Uint8Array<ArrayBuffer>> = { MSP: value }
  const anchorPeers = (org.anchorPeers ?? []).map((a, i) => parseAnchorPeer(a, `${path}.anchorPeers[${i}]`))
  if (anchorPeers.length > 0) values.AnchorPeers = protos.AnchorPeers.encode({ anchorPeers })
  const defaults: Record<string, PolicySpec> = nodeOUs
    ? {
        Readers: anyOfRoles(org.mspId, 'admin', 'peer', 'client'),
        Writers: anyOfRoles(org.mspId, 'admin', 'client'),
        Admins: anyOfRoles(org.mspId, 'admin'),
        Endorsement: anyOfRoles(org.mspId, 'peer')
      }
    : {
        Readers: anyOfRoles(org.mspId, 'member'),
        Writers: anyOfRoles(org.mspId, 'member'),
        Admins: anyOfRoles(org.mspId, 'admin'),
        Endorsement: anyOfRoles(org.mspId, 'member')
      }
  return configGroup({ values, policies: orgPolicies(org, defaults, path) }, path)
}

function ordererOrgGroup (org: GenesisOrdererOrg, path: string): common.ConfigGroup {
  const values: Record<string, Uint8Array<ArrayBuffer>> = { MSP: mspValue(org, path).value }
  if ((org.endpoints ?? []).length > 0) values.Endpoints = common.OrdererAddresses.encode({ addresses: org.endpoints })
  const defaults = {
    Readers: anyOfRoles(org.mspId, 'member'),
    Writers: anyOfRoles(org.mspId, 'member'),
    Admins: anyOfRoles(org.mspId, 'admin')
  }
  return configGroup({ values, policies: orgPolicies(org, defaults, path) }, path)
}

function orgPolicies (org: GenesisOrg, defaults: Record<string, PolicySpec>, path: string): Record<string, PolicySpec> {
  if (org.policies === undefined) return defaults
  for (const key of ['Readers', 'Writers', 'Admins']) {
    if (org.policies[key] === undefined) throw new ChannelConfigError(`${path}.policies.${key}`, 'required')
  }
  return org.policies
}

function consensusType (opts: CreateGenesisBlockOptions): orderer.ConsensusType {
  const type = opts.ordererType ?? GENESIS_DEFAULTS.ordererType
  const state = orderer.ConsensusType.State.STATE_NORMAL
  if (type === 'solo') return { type, metadata: new Uint8Array(0), state }
  if (type !== 'etcdraft') throw new ChannelConfigError('ordererType', `must be 'etcdraft' or 'solo', got '${String(type)}'`)
  const consenters = (opts.consenters ?? []).map((c, i) => {
    const { host, port } = parseAnchorPeer({ host: c.host, port: c.port }, `consenters[${i}]`)
    return {
      host,
      port,
      clientTlsCert: c.clientTlsCert === undefined ? new Uint8Array(0) : toPemBytes(c.clientTlsCert),
      serverTlsCert: c.serverTlsCert === undefined ? new Uint8Array(0) : toPemBytes(c.serverTlsCert)
    }
  })
  const options = { ...GENESIS_DEFAULTS.etcdRaftOptions, ...opts.etcdRaftOptions }
  return { type, metadata: etcdraft.ConfigMetadata.encode({ consenters, options }), state }
}

function batchSize (given: Partial<BatchSizeOptions> | undefined): orderer.BatchSize {
  const size = { ...GENESIS_DEFAULTS.batchSize, ...given }
  for (const [key, value] of Object.entries(size)) {
    if (!Number.isInteger(value) || value < 1 || value > MAX_UINT32) throw new ChannelConfigError(`batchSize.${key}`, `must be an integer from 1 to ${MAX_UINT32}, got ${value}`)
  }
  if (size.preferredMaxBytes > size.absoluteMaxBytes) throw new ChannelConfigError('batchSize.preferredMaxBytes', 'must not exceed absoluteMaxBytes')
  return size
}

function capabilitiesValue (names: readonly string[]): Uint8Array<ArrayBuffer> {
  return common.Capabilities.encode({ capabilities: new Map([...names].sort().map(n => [n, {}])) })
}

interface GroupParts {
  groups?: Record<string, common.ConfigGroup>
  values?: Record<string, Uint8Array<ArrayBuffer>>
  /** mod_policy of values, when not `Admins` */
  valueModPolicies?: Record<string, string>
  policies?: Record<string, PolicySpec>
}

/** A config group with version 0 and mod_policy Admins everywhere; entries in key order. */
function configGroup (parts: GroupParts, path: string): common.ConfigGroup {
  const sorted = <T>(r: Record<string, T> | undefined): Array<[string, T]> => Object.entries(r ?? {}).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
  return {
    version: 0n,
    groups: new Map(sorted(parts.groups).map(([k, g]) => [k, common.ConfigGroup.encode(g)])),
    values: new Map(sorted(parts.values).map(([k, value]) => [k, { version: 0n, value, modPolicy: parts.valueModPolicies?.[k] ?? ADMINS }])),
    policies: new Map(sorted(parts.policies).map(([k, spec]) => {
      let policy: common.Policy
      try {
        policy = encodePolicy(spec)
      } catch (err) {
        if (err instanceof PolicyParseError) throw new ChannelConfigError(`${path}.policies.${k}`, err.message, { cause: err })
        throw err
      }
      return [k, { version: 0n, policy, modPolicy: ADMINS }]
    })),
    modPolicy: ADMINS
  }
}
