/**
 * Encoding a `GossipMessage` without the generated code's oneof handling. protons' `GossipMessage.encode`
 * copies the message and sets the 20 other members of `content` to `undefined` before writing (about 30 us
 * for an 83-byte alive message); the header and the one content member written straight into protons'
 * writer cost 1-2 us and give the same bytes. `src/pb` is generated, so the faster path lives here.
 */
import { writer, type Codec } from 'protons-runtime'
import { gossip } from '../pb/gossip.js'
import { MESSAGE_KINDS, type MessageKind } from './kinds.js'

type Content<K extends MessageKind> = NonNullable<gossip.GossipMessage[K]>

/** The codec of each member of `content` (`message.proto`: fields 5..25, in MESSAGE_KINDS order). */
const CONTENT_CODECS: { readonly [K in MessageKind]: () => Codec<Content<K>> } = {
  aliveMsg: gossip.AliveMessage.codec,
  memReq: gossip.MembershipRequest.codec,
  memRes: gossip.MembershipResponse.codec,
  dataMsg: gossip.DataMessage.codec,
  hello: gossip.GossipHello.codec,
  dataDig: gossip.DataDigest.codec,
  dataReq: gossip.DataRequest.codec,
  dataUpdate: gossip.DataUpdate.codec,
  empty: gossip.Empty.codec,
  conn: gossip.ConnEstablish.codec,
  stateInfo: gossip.StateInfo.codec,
  stateSnapshot: gossip.StateInfoSnapshot.codec,
  stateInfoPullReq: gossip.StateInfoPullRequest.codec,
  stateRequest: gossip.RemoteStateRequest.codec,
  stateResponse: gossip.RemoteStateResponse.codec,
  leadershipMsg: gossip.LeadershipMessage.codec,
  peerIdentity: gossip.PeerIdentity.codec,
  ack: gossip.Acknowledgement.codec,
  privateReq: gossip.RemotePvtDataRequest.codec,
  privateRes: gossip.RemotePvtDataResponse.codec,
  privateData: gossip.PrivateDataMessage.codec
}

/** Field number of the first `content` member (`alive_msg = 5`); the others follow in MESSAGE_KINDS order. */
const FIRST_CONTENT_FIELD = 5
const LENGTH_DELIMITED = 2
const contentKey = (i: number): number => ((FIRST_CONTENT_FIELD + i) << 3) | LENGTH_DELIMITED

// header keys: nonce = 1 (varint), channel = 2 (bytes), tag = 3 (enum, varint)
const NONCE_KEY = (1 << 3) | 0
const CHANNEL_KEY = (2 << 3) | LENGTH_DELIMITED
const TAG_KEY = (3 << 3) | 0

/** Tag values on the wire (`message.proto`), to leave out the default as protons does. */
const TAG_VALUES: Readonly<Record<string, number>> = {
  UNDEFINED: 0, EMPTY: 1, ORG_ONLY: 2, CHAN_ONLY: 3, CHAN_AND_ORG: 4, CHAN_OR_ORG: 5
}
const tagCodec = gossip.GossipMessage.Tag.codec()

/**
 * The index in MESSAGE_KINDS of the `content` member protons would write: the one with the highest field
 * number when several are set (its generated oneof handling keeps that one), -1 when none is.
 */
function contentIndex (msg: gossip.GossipMessage): number {
  for (let i = MESSAGE_KINDS.length - 1; i >= 0; i--) {
    if (msg[MESSAGE_KINDS[i]] != null) return i
  }
  return -1
}

/**
 * Marshals a gossip message: the same bytes as `gossip.GossipMessage.encode(msg)` (header fields that hold
 * their default left out, then the one `content` member, length-delimited), an order of magnitude faster.
 */
export function encodeGossipMessage (msg: gossip.GossipMessage): Uint8Array<ArrayBuffer> {
  const w = writer()
  if (msg.nonce != null && msg.nonce !== 0n) {
    w.uint32(NONCE_KEY)
    w.uint64(msg.nonce)
  }
  if (msg.channel != null && msg.channel.byteLength > 0) {
    w.uint32(CHANNEL_KEY)
    w.bytes(msg.channel)
  }
  if (msg.tag != null && TAG_VALUES[msg.tag] !== 0) {
    w.uint32(TAG_KEY)
    tagCodec.encode(msg.tag, w) // throws on a value that is not a Tag, as protons does
  }
  const i = contentIndex(msg)
  if (i >= 0) {
    const kind = MESSAGE_KINDS[i]
    w.uint32(contentKey(i))
    // length-delimited: the codec writes the member's length, then the member
    ;(CONTENT_CODECS[kind] as () => Codec<Content<MessageKind>>)().encode(msg[kind] as Content<MessageKind>, w)
  }
  return w.finish()
}
