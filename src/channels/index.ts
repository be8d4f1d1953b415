/**
 * Channels: the pure pieces of Fabric's `gossip/gossip/channel` (channel definitions, channel MACs, the
 * StateInfo store, channel membership) and the genesis block writer (configtxgen's encoder).
 *
 * @example
 * ```ts
 * const channel = channelFromConfigBlock(common.Block.decode(bytes))
 * const store = new StateInfoStore()
 * store.add(received.stateInfo, Date.now(), envelope)
 * const peers = peersOfChannel(channel.orgs.map(o => o.mspId), aliveMembers, store)
 * ```
 */
export { channelMac, isChannelMac, findChannelByMac } from './channel-mac.js'
export {
  ChannelConfigError,
  channelIdProblem,
  channelFromConfig,
  channelFromConfigBlock,
  parseChannelDefinition,
  parseChannelDefinitions,
  parseAnchorPeer
} from './channel-config.js'
export type { AnchorPeerAddress, ChannelDefinition, ChannelOrg } from './channel-config.js'
export {
  StateInfoStore,
  STATE_INFO_DEFAULTS,
  comparePeerTime,
  createStateInfo,
  millisToNanos,
  propertiesOf
} from './state-info.js'
export type {
  CreateStateInfoOptions,
  PeerTime,
  StateInfoAddResult,
  StateInfoEntry,
  StateInfoProperties,
  StateInfoStoreInit
} from './state-info.js'
export { peersOfChannel, channelOrgFilter, hasStateInfoFilter, maxLedgerHeight } from './membership.js'
export type { ChannelPeer, PeersOfChannelOptions, StateInfoLookup } from './membership.js'
export { createGenesisBlock, GENESIS_DEFAULTS } from './genesis.js'
export type {
  BatchSizeOptions,
  CreateGenesisBlockOptions,
  EtcdRaftConsenter,
  GenesisApplicationOrg,
  GenesisOrdererOrg,
  GenesisOrg
} from './genesis.js'
export { loadVerifyingMspConfig, fabricMspConfig, toPemBytes, FABRIC_CRYPTO_CONFIG } from './msp-config.js'
export { signaturePolicyFromString, implicitMetaFromString, encodePolicy, anyOfRoles, PolicyParseError } from './policy.js'
export type { PolicySpec } from './policy.js'
export {
  scanCryptoFolder,
  genesisOptionsFromCryptoFolder,
  conventionalMspId,
  CryptoFolderError,
  DEFAULT_ORDERER_PORT
} from './crypto-folder.js'
export type { CryptoFolderGenesisOptions, CryptoFolderNode, CryptoFolderOrg } from './crypto-folder.js'
