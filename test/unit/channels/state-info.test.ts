import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fabricProtos from '@hyperledger/fabric-protos'
import { gossip } from '../../../src/pb/gossip.js'
import { requiredTag } from '../../../src/wire/kinds.js'
import { channelMac } from '../../../src/channels/channel-mac.js'
import {
  STATE_INFO_DEFAULTS,
  StateInfoStore,
  comparePeerTime,
  createStateInfo,
  millisToNanos,
  propertiesOf
} from '../../../src/channels/state-info.js'

const pki = (n: number): Uint8Array => Uint8Array.of(0xaa, n)
const hexOf = (n: number): string => Buffer.from(pki(n)).toString('hex')

function info (n: number, incNum: bigint, seqNum: bigint, props: Partial<gossip.Properties> = {}): gossip.StateInfo {
  return {
    pkiId: new Uint8Array(pki(n)),
    channel_MAC: channelMac(pki(n), 'ch'),
    timestamp: { incNum, seqNum },
    properties: { ledgerHeight: 1n, leftChannel: false, chaincodes: [], ...props }
  }
}

describe('comparePeerTime', () => {
  it('orders by inc_num, then seq_num (Fabric compareTimestamps)', () => {
    assert.ok(comparePeerTime({ incNum: 2n, seqNum: 0n }, { incNum: 1n, seqNum: 99n }) > 0)
    assert.ok(comparePeerTime({ incNum: 1n, seqNum: 5n }, { incNum: 1n, seqNum: 6n }) < 0)
    assert.equal(comparePeerTime({ incNum: 1n, seqNum: 5n }, { incNum: 1n, seqNum: 5n }), 0)
  })
})

describe('StateInfoStore', () => {
  it('keeps the newest StateInfo per peer', () => {
    const store = new StateInfoStore<string>()
    assert.equal(store.add(info(1, 10n, 5n, { ledgerHeight: 3n }), 0, 'env-a'), 'new')
    assert.equal(store.add(info(1, 10n, 4n, { ledgerHeight: 2n }), 1), 'stale')
    assert.equal(store.add(info(1, 9n, 100n, { ledgerHeight: 2n }), 1), 'stale')
    assert.equal(store.get(hexOf(1))?.properties.ledgerHeight, 3n)
    assert.equal(store.add(info(1, 10n, 6n, { ledgerHeight: 7n }), 2, 'env-b'), 'updated')
    assert.equal(store.get(pki(1))?.properties.ledgerHeight, 7n)
    assert.equal(store.get(hexOf(1).toUpperCase())?.envelope, 'env-b')
    // a restart (higher inc_num) wins whatever the seq_num
    assert.equal(store.add(info(1, 11n, 0n, { ledgerHeight: 8n }), 3), 'updated')
    assert.deepEqual(store.get(hexOf(1))?.timestamp, { incNum: 11n, seqNum: 0n })
    assert.equal(store.add(info(2, 1n, 1n), 3), 'new')
    assert.equal(store.size, 2)
    assert.ok(store.has(hexOf(2)))
    assert.ok(!store.has(hexOf(3)))
  })

  it('ignores messages without PKI-ID or timestamp', () => {
    const store = new StateInfoStore()
    assert.equal(store.add({ ...info(1, 1n, 1n), pkiId: new Uint8Array(0) }, 0), 'invalid')
    assert.equal(store.add({ ...info(1, 1n, 1n), timestamp: undefined }, 0), 'invalid')
    assert.equal(store.size, 0)
  })

  it('exposes properties, with defaults when the message has none', () => {
    const store = new StateInfoStore()
    const cc = { name: 'exampleCC', version: '1.2', metadata: new Uint8Array(0) }
    store.add(info(1, 1n, 1n, { ledgerHeight: 42n, leftChannel: true, chaincodes: [cc] }), 0)
    assert.deepEqual(store.get(hexOf(1))?.properties, { ledgerHeight: 42n, leftChannel: true, chaincodes: [cc] })
    store.add({ ...info(2, 1n, 1n), properties: undefined }, 0)
    assert.deepEqual(store.get(hexOf(2))?.properties, { ledgerHeight: 0n, leftChannel: false, chaincodes: [] })
    assert.deepEqual(propertiesOf({ ...info(3, 1n, 1n), properties: undefined }).chaincodes, [])
  })

  it('keeps left_channel: a newer StateInfo saying the peer left replaces the older', () => {
    const store = new StateInfoStore()
    store.add(info(1, 1n, 1n), 0)
    store.add(info(1, 1n, 2n, { leftChannel: true }), 1)
    assert.equal(store.get(hexOf(1))?.properties.leftChannel, true)
    assert.equal(store.add(info(1, 1n, 1n), 2), 'stale')
    assert.equal(store.get(hexOf(1))?.properties.leftChannel, true)
  })

  it('expires entries not received again for longer than maxAge; a repeat refreshes', () => {
    const store = new StateInfoStore({ maxAge: 100 })
    store.add(info(1, 1n, 1n), 0)
    store.add(info(2, 1n, 1n), 50)
    assert.equal(store.add(info(1, 1n, 1n), 60), 'refreshed') // the same message again, e.g. in a snapshot
    assert.equal(store.get(hexOf(1))?.receivedAt, 0)
    assert.equal(store.get(hexOf(1))?.refreshedAt, 60)
    assert.deepEqual(store.expire(150).map(e => e.pkiIdHex), [])
    assert.deepEqual(store.expire(151).map(e => e.pkiIdHex), [hexOf(2)])
    assert.deepEqual(store.expire(161).map(e => e.pkiIdHex), [hexOf(1)])
    assert.equal(store.size, 0)
  })

  it('expires nothing with maxAge Infinity; defaults to 500 s', () => {
    assert.equal(STATE_INFO_DEFAULTS.maxAge, 500_000)
    const forever = new StateInfoStore({ maxAge: Infinity })
    forever.add(info(1, 1n, 1n), 0)
    assert.equal(forever.expire(Number.MAX_SAFE_INTEGER).length, 0)
    const byDefault = new StateInfoStore()
    byDefault.add(info(1, 1n, 1n), 0)
    assert.equal(byDefault.expire(500_000).length, 0)
    assert.equal(byDefault.expire(500_001).length, 1)
  })

  it('purges by predicate (Fabric: peers discovery forgot, orgs no longer in the channel)', () => {
    const store = new StateInfoStore()
    for (const n of [1, 2, 3]) store.add(info(n, 1n, 1n), 0)
    const known = new Set([hexOf(1), hexOf(3)])
    assert.deepEqual(store.purge(e => !known.has(e.pkiIdHex)).map(e => e.pkiIdHex), [hexOf(2)])
    assert.deepEqual(store.values().map(e => e.pkiIdHex), [hexOf(1), hexOf(3)])
    assert.ok(store.delete(pki(1)))
    assert.ok(!store.delete(hexOf(1)))
    store.clear()
    assert.equal(store.size, 0)
  })

  it('is bounded: a new peer evicts the entry refreshed longest ago', () => {
    const store = new StateInfoStore({ maxEntries: 3 })
    store.add(info(1, 1n, 1n), 0)
    store.add(info(2, 1n, 1n), 1)
    store.add(info(3, 1n, 1n), 2)
    store.add(info(1, 1n, 2n), 3) // peer 1 refreshed: peer 2 is now the stalest
    assert.equal(store.add(info(4, 1n, 1n), 4), 'new')
    assert.equal(store.size, 3)
    assert.deepEqual(store.values().map(e => e.pkiIdHex), [hexOf(3), hexOf(1), hexOf(4)])
    // updating a held peer when full evicts nobody
    assert.equal(store.add(info(3, 1n, 2n), 5), 'updated')
    assert.equal(store.size, 3)
  })
})

describe('createStateInfo', () => {
  const pkiId = Uint8Array.from({ length: 32 }, (_, i) => i)
  const cc = { name: 'exampleCC', version: '1.2', metadata: Uint8Array.of(1) }
  const msg = createStateInfo({ pkiId, channelId: 'mychannel', joinTime: 1_700_000_000_000_000_000n, seq: 1_700_000_000_500_000_000n, height: 7, chaincodes: [cc] })

  it('builds the unsigned GossipMessage as Fabric updateProperties', () => {
    assert.equal(msg.tag, gossip.GossipMessage.Tag.CHAN_OR_ORG)
    assert.equal(requiredTag('stateInfo', msg), msg.tag)
    assert.equal(msg.nonce, 0n)
    assert.equal(msg.channel.length, 0)
    const si = msg.stateInfo
    assert.ok(si !== undefined)
    assert.deepEqual(si.pkiId, pkiId)
    assert.deepEqual(si.channel_MAC, channelMac(pkiId, 'mychannel'))
    assert.deepEqual(si.timestamp, { incNum: 1_700_000_000_000_000_000n, seqNum: 1_700_000_000_500_000_000n })
    assert.deepEqual(si.properties, { ledgerHeight: 7n, leftChannel: false, chaincodes: [cc] })
    assert.equal(createStateInfo({ pkiId, channelId: 'c', joinTime: 1n, seq: 2n, height: 1n, leftChannel: true }).stateInfo?.properties?.leftChannel, true)
  })

  it('encodes to what Fabric decodes', () => {
    const official = fabricProtos.gossip.GossipMessage.deserializeBinary(gossip.GossipMessage.encode(msg))
    assert.equal(official.getTag(), fabricProtos.gossip.GossipMessage.Tag.CHAN_OR_ORG)
    assert.equal(official.getChannel_asU8().length, 0)
    const si = official.getStateInfo()
    assert.ok(si !== undefined)
    assert.equal(Buffer.from(si.getChannelMac_asU8()).toString('hex'), Buffer.from(channelMac(pkiId, 'mychannel')).toString('hex'))
    assert.equal(si.getTimestamp()?.getIncNum(), 1_700_000_000_000_000_000)
    assert.equal(si.getProperties()?.getLedgerHeight(), 7)
    assert.equal(si.getProperties()?.getChaincodesList()[0].getName(), 'exampleCC')
  })

  it('millisToNanos', () => {
    assert.equal(millisToNanos(1_700_000_000_123), 1_700_000_000_123_000_000n)
  })
})
