/**
 * fabric-gossip-libp2p: Hyperledger Fabric's gossip layer on js-libp2p.
 *
 * @example
 * ```ts
 * import { GossipNode, loadConfig } from 'fabric-gossip-libp2p'
 *
 * const node = await GossipNode.create(loadConfig({ file: 'core.yaml', env: process.env }))
 * await node.start()
 * for await (const m of node.comm.accept(m => m.kind === 'memReq')) {
 *   console.log('membership request from', m.sender.identity.mspId)
 * }
 * ```
 */
import './shim.js'

export { GossipNode, bootstrapEndpoints, loadOrCreatePeerKey } from './node.js'
export type { GossipNodeOptions, NodeStatus, NodeChannelStatus, GossipLibp2p } from './node.js'
export { loadConfig, ConfigError, DEFAULT_CONFIG, parseEndpoint, formatEndpoint, describeConfig } from './config/index.js'
export type { NodeConfig, GossipConfig, PeerConfig, LoadConfigOptions } from './config/index.js'
export { gossipComm, HandshakeError, CommStoppedError, UnreachablePeerError } from './comm/index.js'
export type { Comm, CommInit, ConnectedPeer, ReceivedMessage, RemotePeer, CommEvents } from './comm/index.js'
export {
  loadSigningIdentity, createSigningIdentity, MspManager, computePkiId, pkiIdOfSerialized, pkiIdToHex,
  verifySignature, IdentityError
} from './identity/index.js'
export type { SigningIdentity, PeerIdentity } from './identity/index.js'
export { seal, openEnvelope, withoutSecret } from './wire/envelope.js'
export type { SignedMessage, Signer } from './wire/envelope.js'
export { MESSAGE_KINDS, messageKind } from './wire/kinds.js'
export type { MessageKind } from './wire/kinds.js'
export { HANDSHAKE_PROTOCOL, CONTROL_PROTOCOL, BLOCKS_PROTOCOL, BROADCAST_PROTOCOL, DELIVER_PROTOCOL } from './wire/protocols.js'
export { readChannelConfig } from './wire/config-block.js'
export { gossip } from './pb/gossip.js'
export { common } from './pb/common.js'
export { orderer } from './pb/orderer.js'
export { OrdererNode } from './orderer-node.js'
export type { OrdererStatus } from './orderer-node.js'
export { loadOrdererConfig } from './orderer/config.js'
export type { OrdererConfig } from './orderer/config.js'
export { LeaderElectionEngine } from './election/index.js'
