/**
 * Our codec reads real Fabric blocks (FABRIC_FIXTURES, see test/fabric-fixtures.ts): every block decodes
 * and its data hash holds; the config tree of the genesis blocks can be walked down to the orgs' MSP
 * configs and anchor peers; block3.pb's signature metadata names its orderer.
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, X509Certificate } from 'node:crypto'
import { common } from '../../../src/pb/common.js'
import { msp } from '../../../src/pb/msp.js'
import { protos } from '../../../src/pb/peer.js'
import { fixtureBlockNames, readFixtureBlock, readFixtureBytes } from '../../helpers/fabric-fixtures.js'

interface WalkedOrg {
  group: string
  mspType: number
  mspId: string
  rootCerts: Uint8Array[]
  anchorPeers: protos.AnchorPeer[]
}

/** Block.data[0] → Envelope → Payload → ConfigEnvelope → Config → channel_group → groups → org groups. */
function walkConfigBlock (block: common.Block): { channelId: string, orgs: Record<string, WalkedOrg[]> } {
  const envelope = common.Envelope.decode(block.data?.data[0] ?? new Uint8Array(0))
  const payload = common.Payload.decode(envelope.payload)
  const channelHeader = common.ChannelHeader.decode(payload.header?.channelHeader ?? new Uint8Array(0))
  assert.equal(channelHeader.type, 1, 'a CONFIG transaction')
  const root = common.ConfigEnvelope.decode(payload.data).config?.channelGroup
  assert.ok(root != null)
  const orgs: Record<string, WalkedOrg[]> = {}
  for (const name of ['Application', 'Orderer']) {
    const parent = common.ConfigGroup.decode(root.groups.get(name) ?? assert.fail(`no ${name} group`))
    orgs[name] = [...parent.groups].map(([group, bytes]) => {
      const org = common.ConfigGroup.decode(bytes)
      const mspConfig = msp.MSPConfig.decode(org.values.get('MSP')?.value ?? assert.fail(`${group} has no MSP value`))
      // type 0 is FABRIC; type 1 (IDEMIX) carries an IdemixMSPConfig, whose name is field 1 too
      const fabric = mspConfig.type === 0 ? msp.FabricMSPConfig.decode(mspConfig.config) : undefined
      const anchors = org.values.get('AnchorPeers')
      return {
        group,
        mspType: mspConfig.type,
        mspId: fabric?.name ?? msp.IdemixMSPConfig.decode(mspConfig.config).name,
        rootCerts: fabric?.rootCerts ?? [],
        anchorPeers: anchors == null ? [] : protos.AnchorPeers.decode(anchors.value).anchorPeers
      }
    }).sort((a, b) => a.group.localeCompare(b.group))
  }
  return { channelId: channelHeader.channelId, orgs }
}

const CONFIG_BLOCKS: Record<string, { channelId: string, orgs: Record<string, Array<Omit<WalkedOrg, 'rootCerts'>>> }> = {
  'mychannel.block': {
    channelId: 'mychannel',
    orgs: {
      Application: [
        { group: 'Org1MSP', mspType: 0, mspId: 'Org1MSP', anchorPeers: [] },
        { group: 'Org2MSP', mspType: 0, mspId: 'Org2MSP', anchorPeers: [] },
        // the fixtures README calls it one root CA each, but Org3MSP is an Idemix MSP (no X.509 roots)
        { group: 'Org3MSP', mspType: 1, mspId: 'Org3MSP', anchorPeers: [] }
      ],
      Orderer: [{ group: 'OrdererOrg', mspType: 0, mspId: 'OrdererMSP', anchorPeers: [] }]
    }
  },
  'etcdraftgenesis.block': {
    channelId: 'testchannel',
    orgs: {
      Application: [
        { group: 'Org1', mspType: 0, mspId: 'Org1MSP', anchorPeers: [] },
        { group: 'Org2', mspType: 0, mspId: 'Org2MSP', anchorPeers: [] }
      ],
      Orderer: [{ group: 'OrdererOrg', mspType: 0, mspId: 'OrdererMSP', anchorPeers: [] }]
    }
  },
  'smartbft-mychannel.block': {
    channelId: 'mychannel',
    orgs: {
      Application: [
        { group: 'Org1MSP', mspType: 0, mspId: 'Org1MSP', anchorPeers: [{ host: '127.0.0.1', port: 7051 }] },
        { group: 'Org2MSP', mspType: 0, mspId: 'Org2MSP', anchorPeers: [{ host: '127.0.0.1', port: 7055 }] }
      ],
      Orderer: [{ group: 'OrdererOrg', mspType: 0, mspId: 'OrdererMSP', anchorPeers: [] }]
    }
  }
}

describe('Fabric fixture blocks', () => {
  test('the fixture folder holds the expected blocks', () => {
    const names = fixtureBlockNames()
    for (const name of ['block3.pb', ...Object.keys(CONFIG_BLOCKS)]) assert.ok(names.includes(name), `${name} is missing`)
  })

  for (const name of fixtureBlockNames()) {
    test(`${name} decodes and its data_hash is SHA-256 of its data`, () => {
      const block = readFixtureBlock(name)
      assert.ok(block.header != null && block.data != null && block.metadata != null)
      assert.ok(block.data.data.length > 0)
      const hash = createHash('sha256')
      for (const entry of block.data.data) hash.update(entry)
      assert.equal(Buffer.from(block.header.dataHash).toString('hex'), hash.digest('hex'))
      // nothing is lost: re-encoding gives the file's bytes back
      assert.equal(Buffer.from(common.Block.encode(block)).toString('hex'), Buffer.from(readFixtureBytes(name)).toString('hex'))
    })
  }

  for (const [name, expected] of Object.entries(CONFIG_BLOCKS)) {
    test(`${name}: orgs, MSP IDs, root certificates and anchor peers`, () => {
      const block = readFixtureBlock(name)
      assert.equal(block.header?.number, 0n)
      const walked = walkConfigBlock(block)
      assert.equal(walked.channelId, expected.channelId)
      for (const [groupName, orgs] of Object.entries(walked.orgs)) {
        assert.deepEqual(orgs.map(({ rootCerts: _, ...org }) => org), expected.orgs[groupName])
        for (const org of orgs.filter(o => o.mspType === 0)) {
          assert.equal(org.rootCerts.length, 1, `${org.mspId} has one root CA`)
          const cert = new X509Certificate(org.rootCerts[0])
          assert.ok(cert.ca, `${org.mspId} root is a CA`)
          assert.match(cert.subject, /CN=ca\./)
        }
      }
    })
  }

  test('block3.pb: metadata[SIGNATURES] holds one signature by OrdererMSP', () => {
    const block = readFixtureBlock('block3.pb')
    assert.equal(block.header?.number, 3n)
    const metadata = common.Metadata.decode(block.metadata?.metadata[0] ?? new Uint8Array(0))
    assert.equal(metadata.signatures.length, 1)
    const header = common.SignatureHeader.decode(metadata.signatures[0].signatureHeader)
    assert.ok(header.nonce.length > 0)
    const creator = msp.SerializedIdentity.decode(header.creator)
    assert.equal(creator.mspid, 'OrdererMSP')
    assert.match(new X509Certificate(creator.idBytes).subject, /CN=orderer\.example\.com/)
  })
})
