import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { decode as decodeVarint } from 'uint8-varint'
import { gossip } from '../../../src/pb/gossip.js'
import { MESSAGE_KINDS, carriesBlocks, messageKind, requiredTag, type MessageKind } from '../../../src/wire/kinds.js'
import { messageOf } from './contents.js'

const Tag = gossip.GossipMessage.Tag
const Pull = gossip.PullMsgType

/** Every kind with the field number Fabric's message.proto gives it in `GossipMessage.content`. */
const FIELD_NUMBERS: Record<MessageKind, number> = {
  aliveMsg: 5,
  memReq: 6,
  memRes: 7,
  dataMsg: 8,
  hello: 9,
  dataDig: 10,
  dataReq: 11,
  dataUpdate: 12,
  empty: 13,
  conn: 14,
  stateInfo: 15,
  stateSnapshot: 16,
  stateInfoPullReq: 17,
  stateRequest: 18,
  stateResponse: 19,
  leadershipMsg: 20,
  peerIdentity: 21,
  ack: 22,
  privateReq: 23,
  privateRes: 24,
  privateData: 25
}
const ALL = Object.keys(FIELD_NUMBERS) as MessageKind[]
const PULL: MessageKind[] = ['hello', 'dataDig', 'dataReq', 'dataUpdate']

/** The tag each non-pull kind must carry (reference section 3); undefined: not checked by kind. */
const REQUIRED: Partial<Record<MessageKind, gossip.GossipMessage.Tag | undefined>> = {
  dataMsg: Tag.CHAN_AND_ORG,
  leadershipMsg: Tag.CHAN_AND_ORG,
  aliveMsg: Tag.EMPTY,
  memReq: Tag.EMPTY,
  memRes: Tag.EMPTY,
  conn: Tag.EMPTY, // Fabric's handshake sends ConnEstablish with tag EMPTY
  peerIdentity: Tag.ORG_ONLY,
  stateInfo: Tag.CHAN_OR_ORG,
  stateSnapshot: Tag.CHAN_OR_ORG,
  stateInfoPullReq: Tag.CHAN_OR_ORG,
  stateRequest: Tag.CHAN_OR_ORG,
  stateResponse: Tag.CHAN_OR_ORG,
  empty: undefined,
  ack: undefined,
  privateReq: undefined,
  privateRes: undefined,
  privateData: undefined
}

describe('messageKind', () => {
  it('lists the 21 content kinds in field-number order', () => {
    assert.equal(MESSAGE_KINDS.length, 21)
    assert.deepEqual([...MESSAGE_KINDS], [...ALL].sort((a, b) => FIELD_NUMBERS[a] - FIELD_NUMBERS[b]))
  })

  for (const kind of ALL) {
    it(`names ${kind} (field ${FIELD_NUMBERS[kind]})`, () => {
      const msg = messageOf(kind, Tag.UNDEFINED)
      assert.equal(messageKind(msg), kind)
      // the encoded message starts with the content field (nonce 0, channel empty and tag UNDEFINED are not written
      // in proto3), so its key confirms the field number this kind travels under
      const bytes = gossip.GossipMessage.encode({ ...msg, nonce: 0n, channel: new Uint8Array(0) })
      const key = decodeVarint(bytes)
      assert.equal(key >>> 3, FIELD_NUMBERS[kind])
      assert.equal(messageKind(gossip.GossipMessage.decode(bytes)), kind)
    })
  }

  it('is undefined for a message without content', () => {
    assert.equal(messageKind({ nonce: 1n, channel: new Uint8Array(0), tag: Tag.EMPTY }), undefined)
    assert.equal(messageKind(gossip.GossipMessage.decode(gossip.GossipMessage.encode({ nonce: 5n, tag: Tag.EMPTY }))), undefined)
  })
})

describe('requiredTag', () => {
  for (const [kind, tag] of Object.entries(REQUIRED) as Array<[MessageKind, gossip.GossipMessage.Tag | undefined]>) {
    it(`${kind} -> ${tag ?? 'not checked'}`, () => {
      assert.equal(requiredTag(kind, messageOf(kind, Tag.UNDEFINED)), tag)
    })
  }

  for (const kind of PULL) {
    it(`${kind} depends on msgType: BLOCK_MSG -> CHAN_AND_ORG, IDENTITY_MSG -> EMPTY, UNDEFINED -> not checked`, () => {
      assert.equal(requiredTag(kind, messageOf(kind, Tag.UNDEFINED, Pull.BLOCK_MSG)), Tag.CHAN_AND_ORG)
      assert.equal(requiredTag(kind, messageOf(kind, Tag.UNDEFINED, Pull.IDENTITY_MSG)), Tag.EMPTY)
      assert.equal(requiredTag(kind, messageOf(kind, Tag.UNDEFINED, Pull.UNDEFINED)), undefined)
    })
  }

  it('covers every kind', () => {
    assert.deepEqual(new Set([...Object.keys(REQUIRED), ...PULL]), new Set(MESSAGE_KINDS))
  })
})

describe('carriesBlocks', () => {
  const blockKinds = new Set<MessageKind>(['dataMsg', 'dataUpdate', 'stateResponse', 'privateData', 'privateRes'])
  for (const kind of ALL) {
    it(`${kind}: ${blockKinds.has(kind) ? 'block stream' : 'control stream'}`, () => {
      assert.equal(carriesBlocks(kind), blockKinds.has(kind))
    })
  }
})
