import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gossip } from '../../../src/pb/gossip.js'
import { encodeGossipMessage } from '../../../src/wire/encode.js'
import { MESSAGE_KINDS } from '../../../src/wire/kinds.js'
import { contentOf, messageOf } from './contents.js'

const Tag = gossip.GossipMessage.Tag
const bytes = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text)
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
/** Every tag value (the enum object also holds its codec). */
const TAGS = Object.values(Tag).filter((t): t is gossip.GossipMessage.Tag => typeof t === 'string')

/** Asserts that our encoding is byte for byte protons' encoding. */
function sameAsProtons (msg: gossip.GossipMessage, what: string): Uint8Array {
  const ours = encodeGossipMessage(msg)
  assert.equal(hex(ours), hex(gossip.GossipMessage.encode(msg)), what)
  return ours
}

describe('encodeGossipMessage', () => {
  it('matches protons for every kind, with header values set', () => {
    assert.equal(TAGS.length, 6)
    for (const kind of MESSAGE_KINDS) {
      for (const tag of TAGS) {
        const ours = sameAsProtons(messageOf(kind, tag), `${kind} ${tag}`)
        assert.deepEqual(gossip.GossipMessage.decode(ours), gossip.GossipMessage.decode(gossip.GossipMessage.encode(messageOf(kind, tag))))
      }
    }
  })

  it('matches protons for every kind with default header values (left out)', () => {
    for (const kind of MESSAGE_KINDS) {
      const msg = { nonce: 0n, channel: new Uint8Array(0), tag: Tag.UNDEFINED, ...contentOf(kind) }
      const ours = sameAsProtons(msg, kind)
      // only the content field: its key (1 or 2 bytes) is the first byte
      const field = MESSAGE_KINDS.indexOf(kind) + 5
      assert.equal(ours[0], ((field << 3) | 2) & 0xff, kind)
    }
  })

  it('matches protons with content longer than 127 bytes (multi-byte length) and nonces past 2^53', () => {
    for (const size of [200, 20_000, 3 * 1024 * 1024]) {
      for (const nonce of [(1n << 53n) + 1n, (1n << 63n) + 12345n, (1n << 64n) - 1n]) {
        const data = new Uint8Array(size).fill(size % 251)
        sameAsProtons({ nonce, channel: bytes('mychannel'), tag: Tag.CHAN_AND_ORG, dataMsg: { payload: { seqNum: nonce, data, privateData: [] } } }, `dataMsg ${size} ${nonce}`)
        sameAsProtons({ nonce, channel: bytes('c'), tag: Tag.CHAN_OR_ORG, stateInfo: { pkiId: data, channel_MAC: bytes('mac') } }, `stateInfo ${size} ${nonce}`)
      }
    }
  })

  it('matches protons for a long channel name and a message without content', () => {
    sameAsProtons({ nonce: 1n, channel: new Uint8Array(300).fill(99), tag: Tag.EMPTY, empty: {} }, 'long channel')
    sameAsProtons({ nonce: 1n, channel: bytes('c'), tag: Tag.EMPTY }, 'no content')
  })

  it('writes the member protons writes when several are set (the highest field number)', () => {
    const msg = { ...messageOf('aliveMsg', Tag.EMPTY), ...contentOf('memRes'), ...contentOf('privateReq') }
    const ours = sameAsProtons(msg, 'three contents')
    const decoded = gossip.GossipMessage.decode(ours)
    assert.notEqual(decoded.privateReq, undefined)
    assert.equal(decoded.aliveMsg, undefined)
  })

  it('refuses a tag that is not one, as protons does', () => {
    assert.throws(() => encodeGossipMessage({ ...messageOf('empty', Tag.EMPTY), tag: 'BOGUS' as gossip.GossipMessage.Tag }))
  })
})
