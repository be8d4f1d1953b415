import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gossip } from '../../../src/pb/gossip.js'
import { openEnvelope, encodeEnvelope, seal, withoutSecret } from '../../../src/wire/envelope.js'
import { aliveInfoOf, internalEndpointOf, selfEndpointConflict } from '../../../src/membership/alive-info.js'
import { MembershipView } from '../../../src/membership/view.js'

const Tag = gossip.GossipMessage.Tag
const PKI = Uint8Array.of(1, 2, 3)

function secretOf (internalEndpoint: string): gossip.SecretEnvelope {
  return { payload: gossip.Secret.encode({ internalEndpoint }), signature: new Uint8Array(0) }
}

function aliveMsg (secret?: gossip.SecretEnvelope, membership: Partial<gossip.Member> = {}): ReturnType<typeof seal> {
  return seal({
    tag: Tag.EMPTY,
    aliveMsg: {
      membership: { endpoint: 'peer0.org1:7051', metadata: Uint8Array.of(7), pkiId: PKI, ...membership } as gossip.Member,
      timestamp: { incNum: 10n, seqNum: 3n },
      identity: new Uint8Array(0)
    }
  }, undefined, secret)
}

describe('aliveInfoOf', () => {
  it('reads the alive message and the internal endpoint of its SecretEnvelope, also after the wire', () => {
    const sent = aliveMsg(secretOf('10.0.0.1:7051'))
    const received = openEnvelope(encodeEnvelope(sent.envelope))
    for (const m of [sent, received]) {
      const info = aliveInfoOf(m)
      assert.ok(info != null)
      assert.deepEqual(info.pkiId, PKI)
      assert.deepEqual(info.time, { incNum: 10n, seqNum: 3n })
      assert.equal(info.endpoint, 'peer0.org1:7051')
      assert.deepEqual(info.metadata, Uint8Array.of(7))
      assert.equal(info.internalEndpoint, '10.0.0.1:7051')
      assert.equal(info.message, m)
    }
  })

  it('has no internal endpoint when the secret was stripped, is empty or does not decode', () => {
    assert.equal(aliveInfoOf(withoutSecret(aliveMsg(secretOf('10.0.0.1:7051'))))?.internalEndpoint, undefined)
    assert.equal(aliveInfoOf(aliveMsg(secretOf('')))?.internalEndpoint, undefined)
    assert.equal(internalEndpointOf({ payload: new Uint8Array(0), signature: new Uint8Array(0), secretEnvelope: { payload: Uint8Array.of(0xff, 0xff), signature: new Uint8Array(0) } }), undefined)
  })

  it('refuses what is not a usable alive message', () => {
    assert.equal(aliveInfoOf(seal({ tag: Tag.EMPTY, memReq: { known: [] } })), undefined, 'not an alive message')
    assert.equal(aliveInfoOf(aliveMsg(undefined, { pkiId: new Uint8Array(0) })), undefined, 'empty PKI-ID')
    const noTime = seal({ tag: Tag.EMPTY, aliveMsg: { membership: { endpoint: '', metadata: new Uint8Array(0), pkiId: PKI as Uint8Array<ArrayBuffer> }, identity: new Uint8Array(0) } })
    assert.equal(aliveInfoOf(noTime), undefined, 'no timestamp')
  })

  it('feeds the view', () => {
    const view = new MembershipView({ selfPkiId: Uint8Array.of(9), now: () => 0 })
    const info = aliveInfoOf(aliveMsg(secretOf('10.0.0.1:7051')))
    assert.ok(info != null)
    assert.equal(view.handleAlive(info), 'new')
    assert.equal(view.get(PKI)?.internalEndpoint, '10.0.0.1:7051')
    assert.equal(view.get(PKI)?.message.kind, 'aliveMsg')
  })
})

describe('selfEndpointConflict', () => {
  const self = { endpoint: 'me.org1:7051', internalEndpoint: '10.0.0.1:7051' }
  it('is false for my own message, with or without its secret', () => {
    assert.equal(selfEndpointConflict({ endpoint: 'me.org1:7051', internalEndpoint: '10.0.0.1:7051' }, self), false)
    assert.equal(selfEndpointConflict({ endpoint: 'me.org1:7051', internalEndpoint: undefined }, self), false)
    assert.equal(selfEndpointConflict({ endpoint: 'me.org1:7051', internalEndpoint: '' }, self), false)
  })
  it('is true when another endpoint uses my PKI-ID (Fabric logs "Bad configuration detected")', () => {
    assert.equal(selfEndpointConflict({ endpoint: 'other.org1:7051', internalEndpoint: undefined }, self), true)
    assert.equal(selfEndpointConflict({ endpoint: 'me.org1:7051', internalEndpoint: '10.0.0.2:7051' }, self), true)
  })
})
