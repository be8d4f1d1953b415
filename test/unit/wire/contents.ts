/** One minimal, encodable `GossipMessage.content` per message kind, for the wire tests. */
import { gossip } from '../../../src/pb/gossip.js'
import type { MessageKind } from '../../../src/wire/kinds.js'

const bytes = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text)
const Pull = gossip.PullMsgType

/** Content of each kind; pull messages are of `msgType` (BLOCK_MSG unless told). */
export function contentOf (kind: MessageKind, msgType: gossip.PullMsgType = Pull.BLOCK_MSG): Partial<gossip.GossipMessage> {
  switch (kind) {
    case 'aliveMsg': return { aliveMsg: { membership: { endpoint: 'p:7051', metadata: bytes(''), pkiId: bytes('pki') }, identity: bytes('') } }
    case 'memReq': return { memReq: { known: [bytes('k')] } }
    case 'memRes': return { memRes: { alive: [], dead: [] } }
    case 'dataMsg': return { dataMsg: { payload: { seqNum: 1n, data: bytes('block'), privateData: [] } } }
    case 'hello': return { hello: { nonce: 1n, metadata: bytes(''), msgType } }
    case 'dataDig': return { dataDig: { nonce: 1n, digests: [bytes('1')], msgType } }
    case 'dataReq': return { dataReq: { nonce: 1n, digests: [bytes('1')], msgType } }
    case 'dataUpdate': return { dataUpdate: { nonce: 1n, data: [], msgType } }
    case 'empty': return { empty: {} }
    case 'conn': return { conn: { pkiId: bytes('pki'), identity: bytes('id'), tlsCertHash: bytes('h'), probe: false } }
    case 'stateInfo': return { stateInfo: { pkiId: bytes('pki'), channel_MAC: bytes('mac') } }
    case 'stateSnapshot': return { stateSnapshot: { elements: [] } }
    case 'stateInfoPullReq': return { stateInfoPullReq: { channel_MAC: bytes('mac') } }
    case 'stateRequest': return { stateRequest: { startSeqNum: 1n, endSeqNum: 2n } }
    case 'stateResponse': return { stateResponse: { payloads: [] } }
    case 'leadershipMsg': return { leadershipMsg: { pkiId: bytes('pki'), isDeclaration: true } }
    case 'peerIdentity': return { peerIdentity: { pkiId: bytes('pki'), cert: bytes('cert'), metadata: bytes('') } }
    case 'ack': return { ack: { error: '' } }
    case 'privateReq': return { privateReq: { digests: [] } }
    case 'privateRes': return { privateRes: { elements: [] } }
    case 'privateData': return { privateData: {} }
  }
}

/** A complete message of `kind` with `tag`. */
export function messageOf (kind: MessageKind, tag: gossip.GossipMessage.Tag, msgType?: gossip.PullMsgType): gossip.GossipMessage {
  return { nonce: 7n, channel: bytes('mychannel'), tag, ...contentOf(kind, msgType) }
}
