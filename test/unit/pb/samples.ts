/**
 * One sample of every message kind in protocols/*.proto, every field set to a non-default value (repeated
 * fields and maps with two entries, nested messages filled in). 64-bit values stay below 2^53 because
 * google-protobuf (the official codec) reads them as JS numbers. Map keys are inserted in sorted order,
 * the order google-protobuf writes them in (protons writes insertion order), so both encoders agree byte
 * for byte.
 */
import fabricProtos from '@hyperledger/fabric-protos'
import { gossip } from '../../../src/pb/gossip.js'
import { common } from '../../../src/pb/common.js'
import { msp } from '../../../src/pb/msp.js'
import { protos } from '../../../src/pb/peer.js'

const { peer: fpeer } = fabricProtos

let counter = 0
/** Distinct non-empty bytes for each call, so a swapped field shows. */
export function b (label: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${label}#${++counter}`)
}

// --- gossip ---

export const peerTime: gossip.PeerTime = { incNum: 1_700_000_000_123_456n, seqNum: 4_294_967_297n }
export const secretEnvelope: gossip.SecretEnvelope = { payload: b('secret payload'), signature: b('secret sig') }
export const envelope: gossip.Envelope = { payload: b('payload'), signature: b('sig'), secretEnvelope }
const envelope2: gossip.Envelope = { payload: b('payload'), signature: b('sig'), secretEnvelope: { payload: b('sp'), signature: b('ss') } }
export const secret: gossip.Secret = { internalEndpoint: '10.0.0.1:7051' }
export const member: gossip.Member = { endpoint: 'peer0.org1:7051', metadata: b('meta'), pkiId: b('pki') }
export const aliveMessage: gossip.AliveMessage = { membership: member, timestamp: peerTime, identity: b('identity') }
export const chaincode: gossip.Chaincode = { name: 'basic', version: '1.0', metadata: b('cc meta') }
export const properties: gossip.Properties = {
  ledgerHeight: 1_000_001n,
  leftChannel: true,
  chaincodes: [chaincode, { name: 'other', version: '2.1', metadata: b('cc meta') }]
}
export const stateInfo: gossip.StateInfo = { timestamp: { incNum: 7n, seqNum: 9n }, pkiId: b('pki'), channel_MAC: b('mac'), properties }
export const stateInfoSnapshot: gossip.StateInfoSnapshot = { elements: [envelope, envelope2] }
export const stateInfoPullRequest: gossip.StateInfoPullRequest = { channel_MAC: b('mac') }
export const connEstablish: gossip.ConnEstablish = { pkiId: b('pki'), identity: b('id'), tlsCertHash: b('tls'), probe: true }
export const peerIdentity: gossip.PeerIdentity = { pkiId: b('pki'), cert: b('cert'), metadata: b('meta') }
export const dataRequest: gossip.DataRequest = { nonce: 11n, digests: [b('d'), b('d')], msgType: gossip.PullMsgType.BLOCK_MSG }
export const gossipHello: gossip.GossipHello = { nonce: 12n, metadata: b('meta'), msgType: gossip.PullMsgType.IDENTITY_MSG }
export const dataUpdate: gossip.DataUpdate = { nonce: 13n, data: [envelope, envelope2], msgType: gossip.PullMsgType.BLOCK_MSG }
export const dataDigest: gossip.DataDigest = { nonce: 14n, digests: [b('d'), b('d')], msgType: gossip.PullMsgType.IDENTITY_MSG }
export const payload: gossip.Payload = { seqNum: 42n, data: b('block'), privateData: [b('pvt'), b('pvt')] }
export const dataMessage: gossip.DataMessage = { payload }

/** A real protos.CollectionConfigPackage (official codec): we carry it as bytes. */
function collectionConfigPackage (): Uint8Array<ArrayBuffer> {
  const pkg = new fpeer.CollectionConfigPackage()
  for (const name of ['collA', 'collB']) {
    const stat = new fpeer.StaticCollectionConfig()
    stat.setName(name)
    stat.setRequiredPeerCount(1)
    stat.setMaximumPeerCount(3)
    stat.setBlockToLive(100)
    const config = new fpeer.CollectionConfig()
    config.setStaticCollectionConfig(stat)
    pkg.addConfig(config)
  }
  return new Uint8Array(pkg.serializeBinary())
}

export const privatePayload: gossip.PrivatePayload = {
  collectionName: 'collA',
  namespace: 'basic',
  txId: 'tx1',
  privateRwset: b('rwset'),
  privateSimHeight: 77n,
  collectionConfigs: collectionConfigPackage()
}
export const privateDataMessage: gossip.PrivateDataMessage = { payload: privatePayload }
export const leadershipMessage: gossip.LeadershipMessage = { pkiId: b('pki'), timestamp: peerTime, isDeclaration: true }
export const membershipRequest: gossip.MembershipRequest = { selfInformation: envelope, known: [b('k'), b('k')] }
export const membershipResponse: gossip.MembershipResponse = { alive: [envelope, envelope2], dead: [envelope2, envelope] }
export const empty: gossip.Empty = {}
export const remoteStateRequest: gossip.RemoteStateRequest = { startSeqNum: 5n, endSeqNum: 4_294_967_300n }
export const remoteStateResponse: gossip.RemoteStateResponse = { payloads: [payload, { seqNum: 43n, data: b('block'), privateData: [b('p'), b('p')] }] }
export const pvtDataDigest: gossip.PvtDataDigest = { txId: 'tx1', namespace: 'basic', collection: 'collA', blockSeq: 9n, seqInBlock: 2n }
const pvtDataDigest2: gossip.PvtDataDigest = { txId: 'tx2', namespace: 'basic', collection: 'collB', blockSeq: 10n, seqInBlock: 3n }
export const remotePvtDataRequest: gossip.RemotePvtDataRequest = { digests: [pvtDataDigest, pvtDataDigest2] }
export const pvtDataElement: gossip.PvtDataElement = { digest: pvtDataDigest, payload: [b('kv'), b('kv')] }
export const remotePvtDataResponse: gossip.RemotePvtDataResponse = { elements: [pvtDataElement, { digest: pvtDataDigest2, payload: [b('kv'), b('kv')] }] }
export const pvtDataPayload: gossip.PvtDataPayload = { txSeqInBlock: 3n, payload: b('txpvt') }
export const acknowledgement: gossip.Acknowledgement = { error: 'no such block' }

/** Each branch of GossipMessage.content with a sample. */
export const gossipContents: Array<Partial<gossip.GossipMessage>> = [
  { aliveMsg: aliveMessage },
  { memReq: membershipRequest },
  { memRes: membershipResponse },
  { dataMsg: dataMessage },
  { hello: gossipHello },
  { dataDig: dataDigest },
  { dataReq: dataRequest },
  { dataUpdate },
  { empty },
  { conn: connEstablish },
  { stateInfo },
  { stateSnapshot: stateInfoSnapshot },
  { stateInfoPullReq: stateInfoPullRequest },
  { stateRequest: remoteStateRequest },
  { stateResponse: remoteStateResponse },
  { leadershipMsg: leadershipMessage },
  { peerIdentity },
  { ack: acknowledgement },
  { privateReq: remotePvtDataRequest },
  { privateRes: remotePvtDataResponse },
  { privateData: privateDataMessage }
]

const tags = Object.values(gossip.GossipMessage.Tag)
  .filter((t): t is gossip.GossipMessage.Tag => typeof t === 'string' && t !== gossip.GossipMessage.Tag.UNDEFINED)

/** GossipMessage samples, one per content branch, cycling through the non-default tags. */
export const gossipMessages: gossip.GossipMessage[] = gossipContents.map((content, i) => ({
  nonce: BigInt(1000 + i),
  channel: b('mychannel'),
  tag: tags[i % tags.length],
  ...content
}))

// --- common ---

export const timestamp: common.Timestamp = { seconds: 1_700_000_000n, nanos: 123_456_789 }
export const lastConfig: common.LastConfig = { index: 6n }
export const metadataSignature: common.MetadataSignature = { signatureHeader: b('sh'), signature: b('sig'), identifierHeader: b('ih') }
export const metadata: common.Metadata = {
  value: b('value'),
  signatures: [metadataSignature, { signatureHeader: b('sh'), signature: b('sig'), identifierHeader: b('ih') }]
}
export const identifierHeader: common.IdentifierHeader = { identifier: 4_000_000_000, nonce: b('nonce') }
export const header: common.Header = { channelHeader: b('ch'), signatureHeader: b('sh') }
export const channelHeader: common.ChannelHeader = {
  type: 3,
  version: -2,
  timestamp,
  channelId: 'mychannel',
  txId: 'abc123',
  epoch: 8n,
  extension: b('ext'),
  tlsCertHash: b('tls')
}
export const signatureHeader: common.SignatureHeader = { creator: b('creator'), nonce: b('nonce') }
export const commonPayload: common.Payload = { header, data: b('data') }
export const commonEnvelope: common.Envelope = { payload: b('payload'), signature: b('sig') }
export const blockHeader: common.BlockHeader = { number: 123_456_789_012n, previousHash: b('prev'), dataHash: b('hash') }
export const blockData: common.BlockData = { data: [b('tx'), b('tx')] }
export const blockMetadata: common.BlockMetadata = { metadata: [b('m'), b('m')] }
export const block: common.Block = { header: blockHeader, data: blockData, metadata: blockMetadata }
export const ordererBlockMetadata: common.OrdererBlockMetadata = { lastConfig, consenterMetadata: b('consenter') }
export const configValue: common.ConfigValue = { version: 2n, value: b('v'), modPolicy: 'Admins' }
export const policy: common.Policy = { type: 3, value: b('policy') }
export const configPolicy: common.ConfigPolicy = { version: 3n, policy, modPolicy: 'Admins' }

function leafGroup (): common.ConfigGroup {
  return {
    version: 1n,
    groups: new Map(),
    values: new Map([['AnchorPeers', { ...configValue, value: b('ap') }], ['MSP', { ...configValue, value: b('msp') }]]),
    policies: new Map([['Admins', configPolicy], ['Readers', { version: 4n, policy: { type: 1, value: b('p') }, modPolicy: 'Admins' }]]),
    modPolicy: 'Admins'
  }
}

export const configGroup: common.ConfigGroup = {
  version: 5n,
  groups: new Map([['Org1MSP', common.ConfigGroup.encode(leafGroup())], ['Org2MSP', common.ConfigGroup.encode(leafGroup())]]),
  values: new Map([['Capabilities', configValue], ['HashingAlgorithm', { version: 6n, value: b('sha'), modPolicy: 'Admins' }]]),
  policies: new Map([['Admins', configPolicy], ['Writers', configPolicy]]),
  modPolicy: '/Channel/Admins'
}
export const config: common.Config = { sequence: 3n, channelGroup: configGroup }
export const configEnvelope: common.ConfigEnvelope = { config, lastUpdate: commonEnvelope }
export const configSignature: common.ConfigSignature = { signatureHeader: b('sh'), signature: b('sig') }
export const configUpdateEnvelope: common.ConfigUpdateEnvelope = { configUpdate: b('update'), signatures: [configSignature, configSignature] }
export const configUpdate: common.ConfigUpdate = {
  channelId: 'mychannel',
  readSet: configGroup,
  writeSet: { ...configGroup, version: 6n },
  isolatedData: new Map([['a', b('iso')], ['b', b('iso')]])
}
export const implicitMetaPolicy: common.ImplicitMetaPolicy = { subPolicy: 'Admins', rule: common.ImplicitMetaPolicy.Rule.MAJORITY }

// --- msp ---

export const serializedIdentity: msp.SerializedIdentity = { mspid: 'Org1MSP', idBytes: b('pem') }
export const serializedIdemixIdentity: msp.SerializedIdemixIdentity = { nymX: b('x'), nymY: b('y'), ou: b('ou'), role: b('role'), proof: b('proof') }
export const mspConfig: msp.MSPConfig = { type: 1, config: b('config') }
export const fabricOUIdentifier: msp.FabricOUIdentifier = { certificate: b('ca'), organizationalUnitIdentifier: 'peer' }
export const fabricNodeOUs: msp.FabricNodeOUs = {
  enable: true,
  clientOuIdentifier: { certificate: b('ca'), organizationalUnitIdentifier: 'client' },
  peerOuIdentifier: { certificate: b('ca'), organizationalUnitIdentifier: 'peer' },
  adminOuIdentifier: { certificate: b('ca'), organizationalUnitIdentifier: 'admin' },
  ordererOuIdentifier: { certificate: b('ca'), organizationalUnitIdentifier: 'orderer' }
}
export const keyInfo: msp.KeyInfo = { keyIdentifier: 'ski', keyMaterial: b('key') }
export const signingIdentityInfo: msp.SigningIdentityInfo = { publicSigner: b('cert'), privateSigner: keyInfo }
export const fabricCryptoConfig: msp.FabricCryptoConfig = { signatureHashFamily: 'SHA2', identityIdentifierHashFunction: 'SHA256' }
export const fabricMSPConfig: msp.FabricMSPConfig = {
  name: 'Org1MSP',
  rootCerts: [b('root'), b('root')],
  intermediateCerts: [b('int'), b('int')],
  admins: [b('admin'), b('admin')],
  revocationList: [b('crl'), b('crl')],
  signingIdentity: signingIdentityInfo,
  organizationalUnitIdentifiers: [fabricOUIdentifier, { certificate: b('ca'), organizationalUnitIdentifier: 'ou2' }],
  cryptoConfig: fabricCryptoConfig,
  tlsRootCerts: [b('tlsroot'), b('tlsroot')],
  tlsIntermediateCerts: [b('tlsint'), b('tlsint')],
  fabricNodeOus: fabricNodeOUs
}
export const idemixMSPSignerConfig: msp.IdemixMSPSignerConfig = {
  cred: b('cred'),
  sk: b('sk'),
  organizationalUnitIdentifier: 'ou',
  role: 2,
  enrollmentId: 'user1',
  credentialRevocationInformation: b('cri')
}
export const idemixMSPConfig: msp.IdemixMSPConfig = { name: 'Org3MSP', ipk: b('ipk'), signer: idemixMSPSignerConfig, revocationPk: b('rpk'), epoch: -5n }

// --- protos (peer) ---

export const anchorPeer: protos.AnchorPeer = { host: 'peer0.org1.example.com', port: 7051 }
export const anchorPeers: protos.AnchorPeers = { anchorPeers: [anchorPeer, { host: '127.0.0.1', port: 7055 }] }
export const apiResource: protos.APIResource = { policyRef: '/Channel/Application/Readers' }
export const acls: protos.ACLs = { acls: new Map([['peer/Propose', { policyRef: '/Channel/Application/Writers' }], ['qscc/GetBlockByNumber', apiResource]]) }
