/**
 * Wire compatibility of src/pb (protons, from protocols/*.proto) with Fabric's official codec
 * (@hyperledger/fabric-protos, google-protobuf). For every message kind we declare, a sample with every
 * field set: (a) our bytes decode there to the same field values (compared field by field through
 * `toObject()`, so a missing, renumbered or retyped field fails), (b) its bytes decode here to the sample,
 * and both encoders produce the same bytes.
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import fabricProtos from '@hyperledger/fabric-protos'
import fabricAb from '@hyperledger/fabric-protos/lib/orderer/ab_pb.js'
import { decodeMessage, encodeMessage } from 'protons-runtime'
import type { Codec } from 'protons-runtime'
import { gossip } from '../../../src/pb/gossip.js'
import { common } from '../../../src/pb/common.js'
import { msp } from '../../../src/pb/msp.js'
import { protos } from '../../../src/pb/peer.js'
import { orderer } from '../../../src/pb/orderer.js'
import * as s from './samples.js'

const { gossip: fg, common: fc, msp: fm, peer: fpeer } = fabricProtos
const { orderer: fo } = fabricProtos

interface OfficialMessage {
  serializeBinary: () => Uint8Array
  toObject: () => object
}
interface OfficialClass {
  deserializeBinary: (bytes: Uint8Array) => OfficialMessage
}
interface OurCodec<T> {
  encode: (obj: T) => Uint8Array
  decode: (bytes: Uint8Array) => T
}
interface Case {
  name: string
  sample: object
  encode: () => Uint8Array
  decode: (bytes: Uint8Array) => unknown
  official: OfficialClass
}

function kase<T extends object> (name: string, ours: OurCodec<T>, official: OfficialClass, sample: T): Case {
  return { name, sample, encode: () => ours.encode(sample), decode: bytes => ours.decode(bytes), official }
}

const cases: Case[] = [
  kase('gossip.Envelope', gossip.Envelope, fg.Envelope, s.envelope),
  kase('gossip.SecretEnvelope', gossip.SecretEnvelope, fg.SecretEnvelope, s.secretEnvelope),
  kase('gossip.Secret', gossip.Secret, fg.Secret, s.secret),
  ...s.gossipMessages.map((m, i) => kase(`gossip.GossipMessage content=${Object.keys(s.gossipContents[i])[0]}`, gossip.GossipMessage, fg.GossipMessage, m)),
  kase('gossip.StateInfo', gossip.StateInfo, fg.StateInfo, s.stateInfo),
  kase('gossip.Properties', gossip.Properties, fg.Properties, s.properties),
  kase('gossip.Chaincode', gossip.Chaincode, fg.Chaincode, s.chaincode),
  kase('gossip.StateInfoSnapshot', gossip.StateInfoSnapshot, fg.StateInfoSnapshot, s.stateInfoSnapshot),
  kase('gossip.StateInfoPullRequest', gossip.StateInfoPullRequest, fg.StateInfoPullRequest, s.stateInfoPullRequest),
  kase('gossip.ConnEstablish', gossip.ConnEstablish, fg.ConnEstablish, s.connEstablish),
  kase('gossip.PeerIdentity', gossip.PeerIdentity, fg.PeerIdentity, s.peerIdentity),
  kase('gossip.DataRequest', gossip.DataRequest, fg.DataRequest, s.dataRequest),
  kase('gossip.GossipHello', gossip.GossipHello, fg.GossipHello, s.gossipHello),
  kase('gossip.DataUpdate', gossip.DataUpdate, fg.DataUpdate, s.dataUpdate),
  kase('gossip.DataDigest', gossip.DataDigest, fg.DataDigest, s.dataDigest),
  kase('gossip.DataMessage', gossip.DataMessage, fg.DataMessage, s.dataMessage),
  kase('gossip.PrivateDataMessage', gossip.PrivateDataMessage, fg.PrivateDataMessage, s.privateDataMessage),
  kase('gossip.Payload', gossip.Payload, fg.Payload, s.payload),
  kase('gossip.PrivatePayload', gossip.PrivatePayload, fg.PrivatePayload, s.privatePayload),
  kase('gossip.AliveMessage', gossip.AliveMessage, fg.AliveMessage, s.aliveMessage),
  kase('gossip.LeadershipMessage', gossip.LeadershipMessage, fg.LeadershipMessage, s.leadershipMessage),
  kase('gossip.PeerTime', gossip.PeerTime, fg.PeerTime, s.peerTime),
  kase('gossip.MembershipRequest', gossip.MembershipRequest, fg.MembershipRequest, s.membershipRequest),
  kase('gossip.MembershipResponse', gossip.MembershipResponse, fg.MembershipResponse, s.membershipResponse),
  kase('gossip.Member', gossip.Member, fg.Member, s.member),
  kase('gossip.Empty', gossip.Empty, fg.Empty, s.empty),
  kase('gossip.RemoteStateRequest', gossip.RemoteStateRequest, fg.RemoteStateRequest, s.remoteStateRequest),
  kase('gossip.RemoteStateResponse', gossip.RemoteStateResponse, fg.RemoteStateResponse, s.remoteStateResponse),
  kase('gossip.RemotePvtDataRequest', gossip.RemotePvtDataRequest, fg.RemotePvtDataRequest, s.remotePvtDataRequest),
  kase('gossip.PvtDataDigest', gossip.PvtDataDigest, fg.PvtDataDigest, s.pvtDataDigest),
  kase('gossip.RemotePvtDataResponse', gossip.RemotePvtDataResponse, fg.RemotePvtDataResponse, s.remotePvtDataResponse),
  kase('gossip.PvtDataElement', gossip.PvtDataElement, fg.PvtDataElement, s.pvtDataElement),
  kase('gossip.PvtDataPayload', gossip.PvtDataPayload, fg.PvtDataPayload, s.pvtDataPayload),
  kase('gossip.Acknowledgement', gossip.Acknowledgement, fg.Acknowledgement, s.acknowledgement),

  kase('common.LastConfig', common.LastConfig, fc.LastConfig, s.lastConfig),
  kase('common.Metadata', common.Metadata, fc.Metadata, s.metadata),
  kase('common.MetadataSignature', common.MetadataSignature, fc.MetadataSignature, s.metadataSignature),
  kase('common.IdentifierHeader', common.IdentifierHeader, fc.IdentifierHeader, s.identifierHeader),
  kase('common.Header', common.Header, fc.Header, s.header),
  kase('common.ChannelHeader', common.ChannelHeader, fc.ChannelHeader, s.channelHeader),
  kase('common.SignatureHeader', common.SignatureHeader, fc.SignatureHeader, s.signatureHeader),
  kase('common.Payload', common.Payload, fc.Payload, s.commonPayload),
  kase('common.Envelope', common.Envelope, fc.Envelope, s.commonEnvelope),
  kase('common.Block', common.Block, fc.Block, s.block),
  kase('common.BlockHeader', common.BlockHeader, fc.BlockHeader, s.blockHeader),
  kase('common.BlockData', common.BlockData, fc.BlockData, s.blockData),
  kase('common.BlockMetadata', common.BlockMetadata, fc.BlockMetadata, s.blockMetadata),
  kase('common.OrdererBlockMetadata', common.OrdererBlockMetadata, fc.OrdererBlockMetadata, s.ordererBlockMetadata),
  kase('common.ConfigEnvelope', common.ConfigEnvelope, fc.ConfigEnvelope, s.configEnvelope),
  kase('common.Config', common.Config, fc.Config, s.config),
  kase('common.ConfigUpdateEnvelope', common.ConfigUpdateEnvelope, fc.ConfigUpdateEnvelope, s.configUpdateEnvelope),
  kase('common.ConfigUpdate', common.ConfigUpdate, fc.ConfigUpdate, s.configUpdate),
  kase('common.ConfigGroup', common.ConfigGroup, fc.ConfigGroup, s.configGroup),
  kase('common.ConfigValue', common.ConfigValue, fc.ConfigValue, s.configValue),
  kase('common.ConfigPolicy', common.ConfigPolicy, fc.ConfigPolicy, s.configPolicy),
  kase('common.ConfigSignature', common.ConfigSignature, fc.ConfigSignature, s.configSignature),
  kase('common.Policy', common.Policy, fc.Policy, s.policy),
  kase('common.ImplicitMetaPolicy', common.ImplicitMetaPolicy, fc.ImplicitMetaPolicy, s.implicitMetaPolicy),

  kase('msp.SerializedIdentity', msp.SerializedIdentity, fm.SerializedIdentity, s.serializedIdentity),
  kase('msp.SerializedIdemixIdentity', msp.SerializedIdemixIdentity, fm.SerializedIdemixIdentity, s.serializedIdemixIdentity),
  kase('msp.MSPConfig', msp.MSPConfig, fm.MSPConfig, s.mspConfig),
  kase('msp.FabricMSPConfig', msp.FabricMSPConfig, fm.FabricMSPConfig, s.fabricMSPConfig),
  kase('msp.FabricCryptoConfig', msp.FabricCryptoConfig, fm.FabricCryptoConfig, s.fabricCryptoConfig),
  kase('msp.IdemixMSPConfig', msp.IdemixMSPConfig, fm.IdemixMSPConfig, s.idemixMSPConfig),
  kase('msp.IdemixMSPSignerConfig', msp.IdemixMSPSignerConfig, fm.IdemixMSPSignerConfig, s.idemixMSPSignerConfig),
  kase('msp.SigningIdentityInfo', msp.SigningIdentityInfo, fm.SigningIdentityInfo, s.signingIdentityInfo),
  kase('msp.KeyInfo', msp.KeyInfo, fm.KeyInfo, s.keyInfo),
  kase('msp.FabricOUIdentifier', msp.FabricOUIdentifier, fm.FabricOUIdentifier, s.fabricOUIdentifier),
  kase('msp.FabricNodeOUs', msp.FabricNodeOUs, fm.FabricNodeOUs, s.fabricNodeOUs),

  kase('protos.AnchorPeers', protos.AnchorPeers, fpeer.AnchorPeers, s.anchorPeers),
  kase('protos.AnchorPeer', protos.AnchorPeer, fpeer.AnchorPeer, s.anchorPeer),
  kase('protos.APIResource', protos.APIResource, fpeer.APIResource, s.apiResource),
  kase('protos.ACLs', protos.ACLs, fpeer.ACLs, s.acls)
]

// --- comparing our objects with google-protobuf's toObject() ---

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain }

/** Our enum-typed fields (canonical key) and the official enum each holds. */
const ENUM_FIELDS: Record<string, Record<string, number>> = {
  tag: numbers(fg.GossipMessage.Tag),
  msgtype: numbers(fg.PullMsgType),
  rule: numbers(fc.ImplicitMetaPolicy.Rule),
  status: numbers(fc.Status),
  behavior: numbers(fo.SeekInfo.SeekBehavior),
  errorresponse: numbers(fo.SeekInfo.SeekErrorResponse),
  contenttype: numbers(fo.SeekInfo.SeekContentType)
}

/** An official enum (google-protobuf: name → number). */
function numbers (officialEnum: object): Record<string, number> {
  return officialEnum as Record<string, number>
}

/** Fields we declare as bytes where Fabric embeds a message (same wire format): compare decoded. */
const EMBEDDED_AS_BYTES: Record<string, (bytes: Uint8Array) => Plain> = {
  groups: bytes => fromOurs(common.ConfigGroup.decode(bytes)),
  collectionconfigs: bytes => fromOfficial(fpeer.CollectionConfigPackage.deserializeBinary(bytes).toObject()),
  block: bytes => fromOurs(common.Block.decode(bytes))
}

/** The members of GossipMessage.content: the only fields allowed to be unset in a sample. */
const ONEOF_MEMBERS = new Set(s.gossipContents.map(c => canon(Object.keys(c)[0])))

/** Field names compared case- and underscore-blind: protons keeps `channel_MAC`, google-protobuf says `channelMac`. */
function canon (key: string): string {
  return key.toLowerCase().replace(/_/g, '')
}

function base64 (bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}

function byKey (a: [string, unknown], b: [string, unknown]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
}

/** Our object in toObject() shape: `xList` / `xMap` keys, bytes as base64, 64-bit as numbers, enums as numbers. */
function fromOurs (value: unknown, key = ''): Plain {
  if (value instanceof Uint8Array) return EMBEDDED_AS_BYTES[key]?.(value) ?? base64(value)
  if (typeof value === 'bigint') {
    assert.ok(value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER), `${key}: keep samples below 2^53`)
    return Number(value)
  }
  if (typeof value === 'string' && key in ENUM_FIELDS) {
    const n = ENUM_FIELDS[key][value]
    assert.equal(typeof n, 'number', `${key}: ${value} is not a value of the official enum`)
    return n
  }
  if (Array.isArray(value)) return value.map(v => fromOurs(v, key))
  if (value instanceof Map) return [...value].sort(byKey).map(([k, v]) => [k, fromOurs(v, key)])
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, Plain> = {}
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue
      out[canon(k) + (Array.isArray(v) ? 'list' : v instanceof Map ? 'map' : '')] = fromOurs(v, canon(k))
    }
    return out
  }
  return value as Plain
}

/** google-protobuf's toObject() with unset fields dropped, keys canonical and map entries sorted. */
function fromOfficial (value: unknown): Plain {
  if (value instanceof Uint8Array) return base64(value)
  if (Array.isArray(value)) return value.map(fromOfficial)
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, Plain> = {}
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue
      out[canon(k)] = k.endsWith('Map') ? (v as Array<[string, unknown]>).sort(byKey).map(([mk, mv]) => [mk, fromOfficial(mv)]) : fromOfficial(v)
    }
    return out
  }
  return value as Plain
}

/** Every field of a sample is set to a non-default value (repeated fields and maps with 2+ entries). */
function assertNoDefaults (value: unknown, path: string): void {
  const key = canon(path.slice(path.lastIndexOf('.') + 1))
  if (value instanceof Uint8Array) assert.ok(value.length > 0, `${path} is empty`)
  else if (typeof value === 'string') assert.ok(key in ENUM_FIELDS ? ENUM_FIELDS[key][value] !== 0 : value !== '', `${path} is default`)
  else if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') assert.ok(value, `${path} is default`)
  else if (Array.isArray(value)) {
    assert.ok(value.length >= 2, `${path} has fewer than 2 entries`)
    value.forEach((v, i) => { assertNoDefaults(v, `${path}[${i}]`) })
  } else if (value instanceof Map) {
    assert.ok(value.size >= 2, `${path} has fewer than 2 entries`)
    for (const [k, v] of value) assertNoDefaults(v, `${path}.${String(k)}`)
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) assertNoDefaults(v, `${path}.${k}`)
  } else {
    assert.fail(`${path} is ${String(value)}`)
  }
}

/** No field of the official object is left unset (except GossipMessage.content's other branches). */
function assertComplete (value: unknown, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => { assertComplete(v, `${path}[${i}]`) })
  } else if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) {
    for (const [k, v] of Object.entries(value)) {
      assert.ok(v !== undefined || ONEOF_MEMBERS.has(canon(k)), `${path}.${k} is not set in the sample`)
      // an embedded Fabric message we carry as bytes is not ours to check
      if (!(canon(k) in EMBEDDED_AS_BYTES)) assertComplete(v, `${path}.${k}`)
    }
  }
}

function hex (bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}

describe('wire compatibility with @hyperledger/fabric-protos', () => {
  for (const c of cases) {
    test(c.name, () => {
      assertNoDefaults(c.sample, c.name)
      const ours = c.encode()
      assert.deepEqual(c.decode(ours), c.sample, 'round trip through our codec')

      const theirs = c.official.deserializeBinary(ours)
      const theirObject = theirs.toObject()
      assertComplete(theirObject, c.name)
      assert.deepEqual(fromOfficial(theirObject), fromOurs(c.sample), '(a) our bytes decode there to the same fields')

      const theirBytes = theirs.serializeBinary()
      assert.deepEqual(c.decode(theirBytes), c.sample, '(b) their bytes decode here to the same fields')
      assert.equal(hex(theirBytes), hex(ours), 'both encoders produce the same bytes')
    })
  }

  test('every message of Fabric\'s gossip/message.proto has a case', () => {
    const official = Object.entries(fg)
      .filter(([, v]) => typeof v === 'function' && 'deserializeBinary' in v)
      .map(([name]) => `gossip.${name}`)
    const covered = new Set(cases.map(c => c.name.split(' ')[0]))
    assert.deepEqual(official.filter(name => !covered.has(name)), [])
  })

  test('GossipMessage samples cover every branch of content', () => {
    const official = Object.keys(new fg.GossipMessage().toObject()).filter(k => !['nonce', 'channel', 'tag'].includes(k))
    assert.deepEqual(official.map(canon).sort(), [...ONEOF_MEMBERS].sort())
  })

  test('official bytes with every oneof branch decode here to that branch only', () => {
    for (const m of s.gossipMessages) {
      const decoded = gossip.GossipMessage.decode(fg.GossipMessage.deserializeBinary(gossip.GossipMessage.encode(m)).serializeBinary())
      const branches = Object.keys(decoded).filter(k => ONEOF_MEMBERS.has(canon(k)))
      assert.deepEqual(branches, Object.keys(m).filter(k => ONEOF_MEMBERS.has(canon(k))))
    }
  })
})

/** Protobuf varint bytes of a non-negative number. */
function varint (n: number): number[] {
  const out: number[] = []
  for (; n > 0x7f; n >>>= 7) out.push((n & 0x7f) | 0x80)
  out.push(n)
  return out
}

/** A field key: field number and wire type. */
function key (field: number, wireType: number): number[] {
  return varint(field << 3 | wireType)
}

/** Our enum (string values, protons) has the official enum's names, each encoding as its official number. */
function testEnum<E extends string> (name: string, ours: object, codec: () => Codec<E>, official: object): void {
  test(name, () => {
    const values = Object.entries(ours).filter((e): e is [string, E] => typeof e[1] === 'string')
    assert.deepEqual(values.map(([k]) => k).sort(), Object.keys(official).sort())
    for (const [k, value] of values) {
      // an enum value encodes as a bare varint of its number
      const bytes = encodeMessage(value, codec())
      assert.equal(hex(bytes), hex(Uint8Array.from(varint(numbers(official)[k]))), `${name}.${k}`)
      assert.equal(decodeMessage(bytes, codec()), value)
    }
  })
}

describe('enums match the official numbering', () => {
  testEnum('gossip.GossipMessage.Tag', gossip.GossipMessage.Tag, gossip.GossipMessage.Tag.codec, fg.GossipMessage.Tag)
  testEnum('gossip.PullMsgType', gossip.PullMsgType, gossip.PullMsgType.codec, fg.PullMsgType)
  testEnum('common.Status', common.Status, common.Status.codec, fc.Status)
  testEnum('common.HeaderType', common.HeaderType, common.HeaderType.codec, fc.HeaderType)
  testEnum('common.BlockMetadataIndex', common.BlockMetadataIndex, common.BlockMetadataIndex.codec, fc.BlockMetadataIndex)
  testEnum('common.Policy.PolicyType', common.Policy.PolicyType, common.Policy.PolicyType.codec, fc.Policy.PolicyType)
  testEnum('common.ImplicitMetaPolicy.Rule', common.ImplicitMetaPolicy.Rule, common.ImplicitMetaPolicy.Rule.codec, fc.ImplicitMetaPolicy.Rule)
})

describe('unknown fields', () => {
  // protons picks the decoder by field number alone, so an unknown field must use a number the message does
  // not declare (as in any protobuf codec, a declared number with another wire type is malformed input).
  /** Fields neither AliveMessage nor GossipMessage declares: varint 99, bytes 100, fixed64 101, fixed32 102. */
  const unknown = [
    ...key(99, 0), ...varint(150),
    ...key(100, 2), 3, 1, 2, 3,
    ...key(101, 1), 1, 2, 3, 4, 5, 6, 7, 8,
    ...key(102, 5), 1, 2, 3, 4
  ]

  test('are skipped at top level and in nested messages', () => {
    // AliveMessage has no field 3, GossipMessage no field 4 (Fabric leaves both unused)
    const alive = [...unknown, ...key(3, 2), 1, 9, ...gossip.AliveMessage.encode(s.aliveMessage), ...unknown]
    assert.deepEqual(gossip.AliveMessage.decode(Uint8Array.from(alive)), s.aliveMessage)
    // GossipMessage { nonce = 7; 4 = 1; alive_msg = (with unknown fields inside) } followed by unknown fields
    const msg = Uint8Array.from([...key(1, 0), 7, ...key(4, 0), 1, ...key(5, 2), ...varint(alive.length), ...alive, ...unknown])
    assert.deepEqual(gossip.GossipMessage.decode(msg), {
      nonce: 7n,
      channel: new Uint8Array(0),
      tag: gossip.GossipMessage.Tag.UNDEFINED,
      aliveMsg: s.aliveMessage
    })
    // the official codec reads the same known fields
    assert.equal(fg.GossipMessage.deserializeBinary(msg).getAliveMsg()?.getMembership()?.getEndpoint(), s.member.endpoint)
  })

  test('a field we keep opaque holds the official sub-message bytes', () => {
    const envelope = new fc.SignaturePolicyEnvelope()
    envelope.setVersion(1)
    const policy = new fc.Policy()
    policy.setType(fc.Policy.PolicyType.SIGNATURE)
    policy.setValue(envelope.serializeBinary())
    const ours = common.Policy.decode(policy.serializeBinary())
    assert.equal(ours.type, 1)
    assert.equal(hex(ours.value), hex(envelope.serializeBinary()))
  })
})

// --- orderer/ab.proto (in protocols/orderer.proto): AtomicBroadcast's messages ---

/** Samples of the AtomicBroadcast messages, every field set (one sample per oneof branch). */
const ab = {
  broadcastResponse: { status: orderer.Status.BAD_REQUEST, info: 'envelope larger than AbsoluteMaxBytes' },
  seekNewest: {},
  seekOldest: {},
  seekSpecified: { number: 42n },
  seekNextCommit: {},
  seekPositions: [
    { newest: {} },
    { oldest: {} },
    { specified: { number: 42n } },
    { nextCommit: {} }
  ] satisfies orderer.SeekPosition[],
  seekInfo: {
    start: { specified: { number: 5n } },
    stop: { newest: {} },
    behavior: orderer.SeekInfo.SeekBehavior.FAIL_IF_NOT_READY,
    errorResponse: orderer.SeekInfo.SeekErrorResponse.BEST_EFFORT,
    contentType: orderer.SeekInfo.SeekContentType.HEADER_WITH_SIG
  } satisfies orderer.SeekInfo,
  deliverResponses: [
    { status: orderer.Status.NOT_FOUND },
    { block: common.Block.encode(s.block) }
  ] satisfies orderer.DeliverResponse[]
}

/** The oneof members of SeekPosition.Type and DeliverResponse.Type: the only fields a sample leaves unset. */
const AB_ONEOF_MEMBERS = new Set(['newest', 'oldest', 'specified', 'nextcommit', 'status', 'block'])

/** As assertComplete, with the AtomicBroadcast oneof members allowed to be unset. */
function assertCompleteAb (value: unknown, path: string): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => { assertCompleteAb(v, `${path}[${i}]`) })
  } else if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) {
    for (const [k, v] of Object.entries(value)) {
      assert.ok(v !== undefined || AB_ONEOF_MEMBERS.has(canon(k)), `${path}.${k} is not set in the sample`)
      assertCompleteAb(v, `${path}.${k}`)
    }
  }
}

/** The first key of a sample: names the oneof branch it sets. */
function branch (sample: object): string {
  return Object.keys(sample)[0]
}

const abCases: Case[] = [
  kase('orderer.BroadcastResponse', orderer.BroadcastResponse, fo.BroadcastResponse, ab.broadcastResponse),
  kase('orderer.SeekNewest', orderer.SeekNewest, fo.SeekNewest, ab.seekNewest),
  kase('orderer.SeekOldest', orderer.SeekOldest, fo.SeekOldest, ab.seekOldest),
  kase('orderer.SeekSpecified', orderer.SeekSpecified, fo.SeekSpecified, ab.seekSpecified),
  kase('orderer.SeekNextCommit', orderer.SeekNextCommit, fo.SeekNextCommit, ab.seekNextCommit),
  ...ab.seekPositions.map(p => kase(`orderer.SeekPosition Type=${branch(p)}`, orderer.SeekPosition, fo.SeekPosition, p)),
  kase('orderer.SeekInfo', orderer.SeekInfo, fo.SeekInfo, ab.seekInfo),
  ...ab.deliverResponses.map(r => kase(`orderer.DeliverResponse Type=${branch(r)}`, orderer.DeliverResponse, fo.DeliverResponse, r))
]

describe('wire compatibility of orderer/ab.proto with @hyperledger/fabric-protos', () => {
  for (const c of abCases) {
    test(c.name, () => {
      assertNoDefaults(c.sample, c.name)
      const ours = c.encode()
      assert.deepEqual(c.decode(ours), c.sample, 'round trip through our codec')

      const theirs = c.official.deserializeBinary(ours)
      const theirObject = theirs.toObject()
      assertCompleteAb(theirObject, c.name)
      assert.deepEqual(fromOfficial(theirObject), fromOurs(c.sample), '(a) our bytes decode there to the same fields')

      const theirBytes = theirs.serializeBinary()
      assert.deepEqual(c.decode(theirBytes), c.sample, '(b) their bytes decode here to the same fields')
      assert.equal(hex(theirBytes), hex(ours), 'both encoders produce the same bytes')
    })
  }

  test('every message of Fabric\'s orderer/ab.proto has a case', () => {
    const official = Object.entries(fabricAb)
      .filter(([, v]) => typeof v === 'function' && 'deserializeBinary' in v)
      .map(([name]) => `orderer.${name}`)
    assert.ok(official.length >= 8, `found ${official.length} messages in ab_pb`)
    const covered = new Set(abCases.map(c => c.name.split(' ')[0]))
    assert.deepEqual(official.filter(name => !covered.has(name)), [])
  })

  test('SeekPosition and DeliverResponse samples cover every branch of Type', () => {
    assert.deepEqual(Object.keys(new fo.SeekPosition().toObject()).map(canon).sort(), ab.seekPositions.map(p => canon(branch(p))).sort())
    assert.deepEqual(Object.keys(new fo.DeliverResponse().toObject()).map(canon).sort(), ab.deliverResponses.map(r => canon(branch(r))).sort())
  })

  test('a oneof branch holding its default value is still sent, as Fabric sends it', () => {
    // seeking block 0 and a status of UNKNOWN: present branches with default contents (explicit presence)
    const seekZero = orderer.SeekPosition.encode({ specified: { number: 0n } })
    assert.equal(hex(seekZero), hex(Uint8Array.from([...key(3, 2), 0])))
    assert.equal(hex(fo.SeekPosition.deserializeBinary(seekZero).serializeBinary()), hex(seekZero))
    assert.deepEqual(orderer.SeekPosition.decode(seekZero), { specified: { number: 0n } })

    const unknownStatus = orderer.DeliverResponse.encode({ status: orderer.Status.UNKNOWN })
    assert.equal(hex(unknownStatus), hex(Uint8Array.from([...key(1, 0), 0])))
    const official = fo.DeliverResponse.deserializeBinary(unknownStatus)
    assert.equal(official.getTypeCase(), fo.DeliverResponse.TypeCase.STATUS)
    assert.equal(hex(official.serializeBinary()), hex(unknownStatus))
    assert.deepEqual(orderer.DeliverResponse.decode(unknownStatus), { status: orderer.Status.UNKNOWN })
  })

  test('a seek to the largest block number (deliver forever) keeps all 64 bits', () => {
    // Fabric clients ask for every block from now on with stop = specified(MaxUint64); google-protobuf reads
    // uint64 as a JS number and cannot re-encode it, so the bytes are checked against the varint itself
    const max = 2n ** 64n - 1n
    const info = { start: { newest: {} }, stop: { specified: { number: max } }, behavior: orderer.SeekInfo.SeekBehavior.BLOCK_UNTIL_READY, errorResponse: orderer.SeekInfo.SeekErrorResponse.STRICT, contentType: orderer.SeekInfo.SeekContentType.BLOCK }
    const bytes = orderer.SeekInfo.encode(info)
    const maxVarint = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]
    const stop = [...key(1, 0), ...maxVarint]
    assert.equal(hex(bytes), hex(Uint8Array.from([...key(1, 2), 2, ...key(1, 2), 0, ...key(2, 2), 2 + stop.length, ...key(3, 2), stop.length, ...stop])))
    assert.deepEqual(orderer.SeekInfo.decode(bytes), info)
    assert.equal(fo.SeekInfo.deserializeBinary(bytes).getStop()?.getTypeCase(), fo.SeekPosition.TypeCase.SPECIFIED)
  })
})

describe('orderer/ab.proto enums match the official numbering', () => {
  testEnum('orderer.Status (a copy of common.Status)', orderer.Status, orderer.Status.codec, fc.Status)
  testEnum('orderer.SeekInfo.SeekBehavior', orderer.SeekInfo.SeekBehavior, orderer.SeekInfo.SeekBehavior.codec, fo.SeekInfo.SeekBehavior)
  testEnum('orderer.SeekInfo.SeekErrorResponse', orderer.SeekInfo.SeekErrorResponse, orderer.SeekInfo.SeekErrorResponse.codec, fo.SeekInfo.SeekErrorResponse)
  testEnum('orderer.SeekInfo.SeekContentType', orderer.SeekInfo.SeekContentType, orderer.SeekInfo.SeekContentType.codec, fo.SeekInfo.SeekContentType)
})
