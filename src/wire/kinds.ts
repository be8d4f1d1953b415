/**
 * Message kinds: the `content` oneof of Fabric's `GossipMessage`, the tag each kind must carry
 * (reference section 3: a message with the wrong tag is dropped) and the stream protocol that carries it.
 * The one place that knows these facts about the `.proto`.
 */
import { gossip } from '../pb/gossip.js'

/** The members of `GossipMessage.content`, in field-number order (5..25). */
export const MESSAGE_KINDS = [
  'aliveMsg', 'memReq', 'memRes', 'dataMsg', 'hello', 'dataDig', 'dataReq', 'dataUpdate', 'empty', 'conn',
  'stateInfo', 'stateSnapshot', 'stateInfoPullReq', 'stateRequest', 'stateResponse', 'leadershipMsg',
  'peerIdentity', 'ack', 'privateReq', 'privateRes', 'privateData'
] as const

export type MessageKind = typeof MESSAGE_KINDS[number]

/** The content kind of a message, or undefined when `content` is not set. */
export function messageKind (msg: gossip.GossipMessage): MessageKind | undefined {
  for (const k of MESSAGE_KINDS) {
    if (msg[k] != null) return k
  }
  return undefined
}

const Tag = gossip.GossipMessage.Tag

/**
 * The tag a kind must carry, as Fabric's `protoext` checks it. Pull messages carry CHAN_AND_ORG for blocks and
 * EMPTY for identities, so they depend on the message type; `undefined` means "not checked here".
 */
export function requiredTag (kind: MessageKind, msg: gossip.GossipMessage): gossip.GossipMessage.Tag | undefined {
  switch (kind) {
    case 'dataMsg':
    case 'leadershipMsg':
      return Tag.CHAN_AND_ORG
    case 'aliveMsg':
    case 'memReq':
    case 'memRes':
    case 'conn':
      return Tag.EMPTY
    case 'peerIdentity':
      return Tag.ORG_ONLY
    case 'stateInfo':
    case 'stateSnapshot':
    case 'stateInfoPullReq':
    case 'stateRequest':
    case 'stateResponse':
      return Tag.CHAN_OR_ORG
    case 'hello':
    case 'dataDig':
    case 'dataReq':
    case 'dataUpdate': {
      const type = (msg.hello ?? msg.dataDig ?? msg.dataReq ?? msg.dataUpdate)?.msgType
      if (type === gossip.PullMsgType.BLOCK_MSG) return Tag.CHAN_AND_ORG
      if (type === gossip.PullMsgType.IDENTITY_MSG) return Tag.EMPTY
      return undefined
    }
    default:
      return undefined
  }
}

const PULL_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(['hello', 'dataDig', 'dataReq', 'dataUpdate'])

/** The four pull messages (hello, digest, request, update), whose tag depends on their `msg_type`. */
export function isPullKind (kind: MessageKind): boolean {
  return PULL_KINDS.has(kind)
}

/** Whether a pull message names a pull type Fabric knows (BLOCK_MSG or IDENTITY_MSG); Fabric drops the others. */
export function hasPullType (msg: gossip.GossipMessage): boolean {
  const type = (msg.hello ?? msg.dataDig ?? msg.dataReq ?? msg.dataUpdate)?.msgType
  return type === gossip.PullMsgType.BLOCK_MSG || type === gossip.PullMsgType.IDENTITY_MSG
}

/** Kinds that carry blocks (or private data) and so travel on the block stream with its larger frame limit. */
const BLOCK_KINDS: ReadonlySet<MessageKind> = new Set<MessageKind>(['dataMsg', 'dataUpdate', 'stateResponse', 'privateData', 'privateRes'])

export function carriesBlocks (kind: MessageKind): boolean {
  return BLOCK_KINDS.has(kind)
}
