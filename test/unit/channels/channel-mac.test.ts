import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { channelMac, findChannelByMac, isChannelMac } from '../../../src/channels/channel-mac.js'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

describe('channelMac', () => {
  it('is SHA256(pki_id || channel ID), as Fabric GenerateMAC', () => {
    // printf '\x01\x02\x03mychannel' | sha256sum
    assert.equal(hex(channelMac(Uint8Array.of(1, 2, 3), 'mychannel')), '3c9821372e1bb1fb539aeea0efe6a3388abcc8fcd1222230f1f4a4e131425ca7')
    // an empty PKI-ID hashes the name alone: printf 'mychannel' | sha256sum
    assert.equal(hex(channelMac(new Uint8Array(0), 'mychannel')), '6c1a493db17f5891abbb11536c95970433db8a12e124c94334dafe1311976674')
    const pkiId = createHash('sha256').update('Org1MSP').update('cert').digest()
    const preImage = Buffer.concat([pkiId, Buffer.from('ch.1-a', 'utf8')])
    assert.equal(hex(channelMac(pkiId, 'ch.1-a')), createHash('sha256').update(preImage).digest('hex'))
  })

  it('differs per peer and per channel', () => {
    const a = channelMac(Uint8Array.of(1), 'ch')
    assert.notEqual(hex(a), hex(channelMac(Uint8Array.of(2), 'ch')))
    assert.notEqual(hex(a), hex(channelMac(Uint8Array.of(1), 'ci')))
  })
})

describe('findChannelByMac', () => {
  const pkiId = Uint8Array.of(9, 8, 7)
  const joined = ['alpha', 'beta', 'gamma']

  it('finds the joined channel whose MAC matches', () => {
    assert.equal(findChannelByMac(channelMac(pkiId, 'beta'), pkiId, joined), 'beta')
    assert.equal(findChannelByMac(channelMac(pkiId, 'gamma'), pkiId, new Set(joined)), 'gamma')
    assert.ok(isChannelMac(channelMac(pkiId, 'alpha'), pkiId, 'alpha'))
  })

  it('finds nothing for a channel not joined, another sender, or a malformed MAC', () => {
    assert.equal(findChannelByMac(channelMac(pkiId, 'delta'), pkiId, joined), undefined)
    assert.equal(findChannelByMac(channelMac(Uint8Array.of(1), 'beta'), pkiId, joined), undefined)
    assert.equal(findChannelByMac(new Uint8Array(0), pkiId, joined), undefined)
    assert.equal(findChannelByMac(channelMac(pkiId, 'beta').subarray(1), pkiId, joined), undefined)
    assert.equal(findChannelByMac(channelMac(pkiId, 'beta'), pkiId, []), undefined)
  })
})
