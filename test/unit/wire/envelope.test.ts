import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { generateKeyPairSync, verify } from 'node:crypto'
import { gossip } from '../../../src/pb/gossip.js'
import { MAX_REPEATED, encodeEnvelope, envelopeBytes, openEnvelope, seal, withoutSecret, type Signer } from '../../../src/wire/envelope.js'
import { signData, verifySignature } from '../../../src/identity/signature.js'
import { contentOf, messageOf } from './contents.js'

const Tag = gossip.GossipMessage.Tag
const bytes = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text)
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })

/** A signer that records what it was asked to sign. */
function recordingSigner (): Signer & { signed: Uint8Array[] } {
  const signed: Uint8Array[] = []
  return { signed, sign: data => { signed.push(Uint8Array.from(data)); return signData(privateKey, data) } }
}

/** Asserts that `fn` throws a MalformedMessageError with `reason`. */
function refused (fn: () => unknown, reason: string): void {
  assert.throws(fn, (err: Error & { reason?: string }) => {
    assert.equal(err.name, 'MalformedMessageError', err.message)
    assert.equal(err.reason, reason, err.message)
    return true
  })
}

/** An encoded envelope around `payload`. */
const frameOf = (payload: Uint8Array<ArrayBuffer>): Uint8Array => encodeEnvelope({ payload, signature: new Uint8Array(0) })

const alive = (): Partial<gossip.GossipMessage> => ({ tag: Tag.EMPTY, nonce: 3n, aliveMsg: messageOf('aliveMsg', Tag.EMPTY).aliveMsg })

describe('seal', () => {
  it('without a signer: payload is the encoded message, signature empty, defaults filled in', () => {
    const s = seal({ tag: Tag.EMPTY, memReq: { known: [bytes('a')] } })
    assert.equal(s.kind, 'memReq')
    assert.equal(s.envelope.signature.byteLength, 0)
    assert.equal(s.envelope.secretEnvelope, undefined)
    assert.equal(s.message.nonce, 0n)
    assert.equal(s.message.channel.byteLength, 0)
    assert.deepEqual(gossip.GossipMessage.decode(s.envelope.payload), s.message)
  })

  it('with a signer: signs exactly the payload bytes (ECDSA SHA-256, DER, low-S)', () => {
    const signer = recordingSigner()
    const s = seal(alive(), signer)
    assert.equal(signer.signed.length, 1)
    assert.deepEqual(signer.signed[0], s.envelope.payload)
    assert.equal(verify('sha256', s.envelope.payload, { key: publicKey, dsaEncoding: 'der' }, s.envelope.signature), true)
    assert.equal(verifySignature(publicKey, s.envelope.payload, s.envelope.signature), true)
    const other = seal({ ...alive(), nonce: 4n })
    assert.equal(verifySignature(publicKey, other.envelope.payload, s.envelope.signature), false, 'the signature covers the payload')
  })

  it('carries a secret envelope when given one', () => {
    const secretEnvelope = { payload: bytes('secret'), signature: bytes('secret sig') }
    const s = seal(alive(), undefined, secretEnvelope)
    assert.deepEqual(s.envelope.secretEnvelope, secretEnvelope)
  })

  it('refuses a message without content (MalformedMessageError no-content)', () => {
    refused(() => seal({ tag: Tag.EMPTY, nonce: 1n }), 'no-content')
  })

  it('refuses a message with two contents (MalformedMessageError many-contents)', () => {
    refused(() => seal({ ...alive(), ...contentOf('memReq') }), 'many-contents')
  })

  it('the payload is what the generated encoder gives', () => {
    const s = seal({ ...alive(), channel: bytes('mychannel'), nonce: (1n << 60n) + 1n })
    assert.deepEqual(s.envelope.payload, gossip.GossipMessage.encode(s.message))
  })
})

describe('envelopeBytes', () => {
  it('is the encoded envelope, encoded once per envelope', () => {
    const s = seal(alive(), recordingSigner(), { payload: bytes('internal endpoint'), signature: bytes('sig') })
    const first = envelopeBytes(s)
    assert.deepEqual(first, encodeEnvelope(s.envelope))
    assert.equal(envelopeBytes(s), first, 'the second call returns the same bytes')
    assert.equal(envelopeBytes({ ...s }), first, 'cached by envelope, not by message object')
    const stripped = envelopeBytes(withoutSecret(s))
    assert.deepEqual(stripped, encodeEnvelope(withoutSecret(s).envelope))
    assert.ok(stripped.byteLength < first.byteLength, 'a new envelope gets its own bytes')
  })

  it('round-trips through openEnvelope', () => {
    const s = seal(alive(), recordingSigner())
    const got = openEnvelope(envelopeBytes(s))
    assert.deepEqual(got.message, s.message)
    assert.deepEqual(envelopeBytes(got), envelopeBytes(s))
  })
})

describe('openEnvelope', () => {
  it('round-trips a sealed message: message, kind, exact payload bytes, signature and secret envelope', () => {
    const secretEnvelope = { payload: bytes('secret'), signature: bytes('secret sig') }
    const sent = seal({ ...alive(), channel: bytes('') }, recordingSigner(), secretEnvelope)
    const got = openEnvelope(encodeEnvelope(sent.envelope))
    assert.equal(got.kind, 'aliveMsg')
    assert.deepEqual(got.message, sent.message)
    assert.deepEqual(got.envelope.payload, sent.envelope.payload)
    assert.deepEqual(got.envelope.signature, sent.envelope.signature)
    assert.deepEqual(got.envelope.secretEnvelope, secretEnvelope)
    assert.equal(verifySignature(publicKey, got.envelope.payload, got.envelope.signature), true)
  })

  it("drops bytes that are not an envelope ('bad-envelope')", () => {
    refused(() => openEnvelope(Uint8Array.of(0x0a, 0x05, 0x01)), 'bad-envelope') // payload: 5 bytes announced, 1 present
    refused(() => openEnvelope(Uint8Array.of(0xff, 0xff, 0xff)), 'bad-envelope')
  })

  it("drops an envelope whose payload is not a GossipMessage ('bad-payload')", () => {
    refused(() => openEnvelope(frameOf(Uint8Array.of(0x42, 0x7f, 0x01))), 'bad-payload') // data_msg: 127 bytes announced
  })

  it("drops a message without content ('no-content')", () => {
    refused(() => openEnvelope(frameOf(gossip.GossipMessage.encode({ nonce: 9n, tag: Tag.EMPTY }))), 'no-content')
    refused(() => openEnvelope(new Uint8Array(0)), 'no-content')
  })

  it("drops a message with the wrong tag for its kind ('bad-tag')", () => {
    refused(() => openEnvelope(frameOf(gossip.GossipMessage.encode(messageOf('aliveMsg', Tag.CHAN_AND_ORG)))), 'bad-tag')
    refused(() => openEnvelope(frameOf(gossip.GossipMessage.encode(messageOf('dataMsg', Tag.EMPTY)))), 'bad-tag')
    refused(() => openEnvelope(frameOf(gossip.GossipMessage.encode(messageOf('dataDig', Tag.EMPTY, gossip.PullMsgType.BLOCK_MSG)))), 'bad-tag')
    // the same pull message about identities must carry EMPTY
    assert.equal(openEnvelope(frameOf(gossip.GossipMessage.encode(messageOf('dataDig', Tag.EMPTY, gossip.PullMsgType.IDENTITY_MSG)))).kind, 'dataDig')
    // kinds without a tag rule pass with any tag
    assert.equal(openEnvelope(frameOf(gossip.GossipMessage.encode(messageOf('ack', Tag.CHAN_ONLY)))).kind, 'ack')
  })

  it("drops a pull message without a known pull type ('bad-msg-type'), as Fabric's IsTagLegal does", () => {
    for (const kind of ['hello', 'dataDig', 'dataReq', 'dataUpdate'] as const) {
      refused(() => openEnvelope(frameOf(gossip.GossipMessage.encode(messageOf(kind, Tag.EMPTY, gossip.PullMsgType.UNDEFINED)))), 'bad-msg-type')
      assert.equal(openEnvelope(frameOf(gossip.GossipMessage.encode(messageOf(kind, Tag.CHAN_AND_ORG, gossip.PullMsgType.BLOCK_MSG)))).kind, kind)
    }
  })

  describe('repeated-field limits', () => {
    const digest = (n: number): Uint8Array => encodeEnvelope(seal({
      tag: Tag.CHAN_AND_ORG,
      dataDig: { nonce: 1n, msgType: gossip.PullMsgType.BLOCK_MSG, digests: Array.from({ length: n }, (_, i) => bytes(String(i))) }
    }).envelope)

    it(`accepts a DataDigest with MAX_REPEATED (${MAX_REPEATED}) digests`, () => {
      const got = openEnvelope(digest(MAX_REPEATED))
      assert.equal(got.message.dataDig?.digests.length, MAX_REPEATED)
    })

    it('refuses a DataDigest with MAX_REPEATED + 1 digests', () => {
      refused(() => openEnvelope(digest(MAX_REPEATED + 1)), 'bad-payload')
    })

    it('bounds a nested repeated field too (StateInfo chaincodes)', () => {
      const stateInfo = (n: number): Uint8Array => encodeEnvelope(seal({
        tag: Tag.CHAN_OR_ORG,
        stateInfo: {
          pkiId: bytes('p'),
          channel_MAC: bytes('m'),
          properties: { ledgerHeight: 1n, leftChannel: false, chaincodes: Array.from({ length: n }, () => ({ name: 'c', version: '', metadata: new Uint8Array(0) })) }
        }
      }).envelope)
      assert.equal(openEnvelope(stateInfo(MAX_REPEATED)).message.stateInfo?.properties?.chaincodes.length, MAX_REPEATED)
      refused(() => openEnvelope(stateInfo(MAX_REPEATED + 1)), 'bad-payload')
    })
  })
})

describe('withoutSecret', () => {
  it('strips the secret envelope and keeps message, payload and signature', () => {
    const s = seal(alive(), recordingSigner(), { payload: bytes('internal endpoint'), signature: bytes('sig') })
    const stripped = withoutSecret(s)
    assert.equal(stripped.envelope.secretEnvelope, undefined)
    assert.equal(stripped.envelope.payload, s.envelope.payload)
    assert.equal(stripped.envelope.signature, s.envelope.signature)
    assert.equal(stripped.message, s.message)
    assert.equal(stripped.kind, s.kind)
    assert.notEqual(s.envelope.secretEnvelope, undefined, 'the original keeps its secret envelope')
    const onWire = gossip.Envelope.decode(encodeEnvelope(stripped.envelope))
    assert.equal(onWire.secretEnvelope, undefined)
    assert.equal(verifySignature(publicKey, onWire.payload, onWire.signature), true)
  })

  it('returns a message without a secret envelope as it is', () => {
    const s = seal(alive())
    assert.equal(withoutSecret(s), s)
  })
})
