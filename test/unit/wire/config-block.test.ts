import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { X509Certificate } from 'node:crypto'
import { common } from '../../../src/pb/common.js'
import { msp } from '../../../src/pb/msp.js'
import { readChannelConfig } from '../../../src/wire/config-block.js'
import type { ChannelConfig } from '../../../src/wire/config-block.js'
import { readFixtureBlock } from '../../helpers/fabric-fixtures.js'

/** The parts of a ChannelConfig that are not certificates. */
function summary (config: ChannelConfig): unknown {
  return {
    channelId: config.channelId,
    applicationOrgs: config.applicationOrgs.map(({ mspId, mspType, anchorPeers }) => ({ mspId, mspType, anchorPeers })),
    ordererOrgs: config.ordererOrgs.map(({ mspId, mspType }) => ({ mspId, mspType }))
  }
}

const orderer = [{ mspId: 'OrdererMSP', mspType: 'fabric' }]

const EXPECTED: Record<string, unknown> = {
  'mychannel.block': {
    channelId: 'mychannel',
    applicationOrgs: [
      { mspId: 'Org1MSP', mspType: 'fabric', anchorPeers: [] },
      { mspId: 'Org2MSP', mspType: 'fabric', anchorPeers: [] },
      { mspId: 'Org3MSP', mspType: 'idemix', anchorPeers: [] }
    ],
    ordererOrgs: orderer
  },
  // org groups are keyed Org1 / Org2 here: the MSP ID comes from FabricMSPConfig.name
  'etcdraftgenesis.block': {
    channelId: 'testchannel',
    applicationOrgs: [
      { mspId: 'Org1MSP', mspType: 'fabric', anchorPeers: [] },
      { mspId: 'Org2MSP', mspType: 'fabric', anchorPeers: [] }
    ],
    ordererOrgs: orderer
  },
  'smartbft-mychannel.block': {
    channelId: 'mychannel',
    applicationOrgs: [
      { mspId: 'Org1MSP', mspType: 'fabric', anchorPeers: [{ host: '127.0.0.1', port: 7051 }] },
      { mspId: 'Org2MSP', mspType: 'fabric', anchorPeers: [{ host: '127.0.0.1', port: 7055 }] }
    ],
    ordererOrgs: orderer
  }
}

const empty = new Uint8Array(0)

/** A block whose only transaction has this channel header type and payload data. */
function block (type: number, data: Uint8Array<ArrayBuffer>): common.Block {
  const payload = common.Payload.encode({
    header: { channelHeader: common.ChannelHeader.encode({ type, channelId: 'ch' }), signatureHeader: empty },
    data
  })
  return { data: { data: [common.Envelope.encode({ payload, signature: empty })] } }
}

/** A config block whose Application group holds one org group with these values. */
function configBlock (orgValues: common.ConfigGroup['values']): common.Block {
  const group = (groups: Map<string, Uint8Array<ArrayBuffer>>, values = new Map()): Uint8Array<ArrayBuffer> =>
    common.ConfigGroup.encode({ groups, values })
  const application = group(new Map([['Org1', group(new Map(), orgValues)]]))
  return block(1, common.ConfigEnvelope.encode({
    config: { sequence: 0n, channelGroup: { version: 0n, groups: new Map([['Application', application]]), values: new Map(), policies: new Map(), modPolicy: '' } }
  }))
}

function mspValue (config: msp.MSPConfig): common.ConfigValue {
  return { version: 0n, value: msp.MSPConfig.encode(config), modPolicy: '' }
}

describe('readChannelConfig', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    test(`reads ${name}`, () => {
      const config = readChannelConfig(readFixtureBlock(name))
      assert.deepEqual(summary(config), expected)
      for (const org of [...config.applicationOrgs, ...config.ordererOrgs]) {
        assert.equal(org.rootCerts.length, org.mspType === 'fabric' ? 1 : 0, org.mspId)
        assert.deepEqual(org.intermediateCerts, [])
        for (const cert of org.rootCerts) assert.ok(new X509Certificate(cert).ca)
      }
    })
  }

  test('an ordinary block is NotAConfigBlockError', () => {
    assert.throws(() => readChannelConfig(readFixtureBlock('block3.pb')), { name: 'NotAConfigBlockError' })
    assert.throws(() => readChannelConfig(block(3, empty)), { name: 'NotAConfigBlockError' })
    assert.throws(() => readChannelConfig({ data: { data: [] } }), { name: 'NotAConfigBlockError' })
    assert.throws(() => readChannelConfig({}), { name: 'NotAConfigBlockError' })
  })

  test('a config block that does not hold a channel config is InvalidConfigBlockError', () => {
    // truncated ConfigEnvelope
    assert.throws(() => readChannelConfig(block(1, Uint8Array.of(0x0a, 0x05, 0x08))), { name: 'InvalidConfigBlockError' })
    // no channel group
    assert.throws(() => readChannelConfig(block(1, empty)), { name: 'InvalidConfigBlockError' })
    // an org without MSP value
    assert.throws(() => readChannelConfig(configBlock(new Map())), { name: 'InvalidConfigBlockError', message: /Org1 has no MSP value/ })
    // an unknown MSP type
    assert.throws(() => readChannelConfig(configBlock(new Map([['MSP', mspValue({ type: 7, config: empty })]]))), { name: 'InvalidConfigBlockError' })
  })

  test('reads an org of a synthetic config block, with no Orderer group', () => {
    const fabric = msp.FabricMSPConfig.encode({ name: 'XMSP', rootCerts: [Uint8Array.of(1)], intermediateCerts: [Uint8Array.of(2)] })
    const config = readChannelConfig(configBlock(new Map([['MSP', mspValue({ type: 0, config: fabric })]])))
    assert.deepEqual(config, {
      channelId: 'ch',
      applicationOrgs: [{ mspId: 'XMSP', mspType: 'fabric', rootCerts: [Uint8Array.of(1)], intermediateCerts: [Uint8Array.of(2)], anchorPeers: [] }],
      ordererOrgs: [],
      ordererAddresses: [],
      batch: undefined
    })
  })

  test('reads the orderer addresses and batch rules of Fabric\'s blocks', () => {
    const MB = 1024 * 1024
    const expected: Record<string, Pick<ChannelConfig, 'ordererAddresses' | 'batch'>> = {
      'mychannel.block': { ordererAddresses: ['orderer.example.com:7050'], batch: { maxMessageCount: 10, absoluteMaxBytes: 98 * MB, preferredMaxBytes: 512 * 1024, batchTimeout: 2000 } },
      'etcdraftgenesis.block': { ordererAddresses: ['127.0.0.1:33000', '127.0.0.1:33002', '127.0.0.1:33004'], batch: { maxMessageCount: 1, absoluteMaxBytes: 98 * MB, preferredMaxBytes: 512 * 1024, batchTimeout: 1000 } },
      // the global addresses and the org's Endpoints, each once
      'smartbft-mychannel.block': { ordererAddresses: ['127.0.0.1:6050', '127.0.0.1:6051', '127.0.0.1:6052', '127.0.0.1:6053'], batch: { maxMessageCount: 10, absoluteMaxBytes: 99 * MB, preferredMaxBytes: 512 * 1024, batchTimeout: 2000 } }
    }
    for (const [name, want] of Object.entries(expected)) {
      const config = readChannelConfig(readFixtureBlock(name))
      assert.deepEqual({ ordererAddresses: config.ordererAddresses, batch: config.batch }, want, name)
    }
    assert.deepEqual(readChannelConfig(readFixtureBlock('smartbft-mychannel.block')).ordererOrgs[0].endpoints, ['127.0.0.1:6050', '127.0.0.1:6051', '127.0.0.1:6052'])
  })
})
