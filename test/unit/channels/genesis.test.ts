import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import fabricProtos from '@hyperledger/fabric-protos'
import { generateCryptoMaterial } from '../../../src/identity/cryptogen.js'
import type { CryptoLayout } from '../../../src/identity/cryptogen.js'
import { certificateDers } from '../../../src/identity/index.js'
import { common } from '../../../src/pb/common.js'
import { blockDataHash } from '../../../src/wire/block.js'
import { readChannelConfig } from '../../../src/wire/config-block.js'
import { createGenesisBlock } from '../../../src/channels/genesis.js'
import type { CreateGenesisBlockOptions } from '../../../src/channels/genesis.js'
import { genesisOptionsFromCryptoFolder, scanCryptoFolder } from '../../../src/channels/crypto-folder.js'
import { loadVerifyingMspConfig } from '../../../src/channels/msp-config.js'
import { channelFromConfigBlock } from '../../../src/channels/channel-config.js'
import { tempDir } from '../identity/helpers.js'

const fc = fabricProtos.common
const fm = fabricProtos.msp
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8')

type OfficialGroup = InstanceType<typeof fc.ConfigGroup>

/** The files of a folder, in name order. */
function filesOf (dir: string): string[] {
  return readdirSync(dir).sort().map(n => readFileSync(join(dir, n), 'utf8'))
}

/** Block -> Envelope -> Payload -> headers and ConfigEnvelope, through the official codec. */
function officialConfig (bytes: Uint8Array) {
  const block = fc.Block.deserializeBinary(bytes)
  const envelope = fc.Envelope.deserializeBinary(block.getData()!.getDataList_asU8()[0])
  const payload = fc.Payload.deserializeBinary(envelope.getPayload_asU8())
  const channelHeader = fc.ChannelHeader.deserializeBinary(payload.getHeader()!.getChannelHeader_asU8())
  const signatureHeader = fc.SignatureHeader.deserializeBinary(payload.getHeader()!.getSignatureHeader_asU8())
  const configEnvelope = fc.ConfigEnvelope.deserializeBinary(payload.getData_asU8())
  return { block, envelope, channelHeader, signatureHeader, configEnvelope, root: configEnvelope.getConfig()!.getChannelGroup()! }
}

function group (root: OfficialGroup, ...path: string[]): OfficialGroup {
  let g = root
  for (const key of path) {
    const next = g.getGroupsMap().get(key)
    assert.ok(next !== undefined, `no group ${path.join('/')}`)
    g = next
  }
  return g
}

function value (g: OfficialGroup, key: string): Uint8Array {
  const v = g.getValuesMap().get(key)
  assert.ok(v !== undefined, `no value ${key}`)
  assert.equal(v.getVersion(), 0)
  return v.getValue_asU8()
}

const keys = (m: { getEntryList: () => Array<[string, unknown]> }): string[] => m.getEntryList().map(([k]) => k).sort()

function officialMsp (g: OfficialGroup) {
  const config = fm.MSPConfig.deserializeBinary(value(g, 'MSP'))
  assert.equal(config.getType(), 0)
  return fm.FabricMSPConfig.deserializeBinary(config.getConfig_asU8())
}

describe('createGenesisBlock for a generated crypto folder', () => {
  const tmp = tempDir('fgossip-genesis-')
  let layout: CryptoLayout
  let options: CreateGenesisBlockOptions
  let bytes: Uint8Array
  const timestamp = new Date('2024-05-06T07:08:09.999Z')
  const nonce = Uint8Array.from({ length: 24 }, (_, i) => i)

  before(async () => {
    layout = await generateCryptoMaterial({ out: join(tmp.dir, 'crypto'), orgs: 2, peers: 2, orderer: true, users: 0, tls: false })
    options = genesisOptionsFromCryptoFolder({
      cryptoDir: layout.out,
      channelId: 'mychannel',
      anchorPeers: { Org1MSP: [{ host: 'peer0.org1.example.com', port: 7051 }], Org2MSP: [{ host: 'peer0.org2.example.com', port: 9051 }, { host: '10.0.0.2', port: 9052 }] }
    })
    bytes = common.Block.encode(createGenesisBlock({ ...options, timestamp, nonce }))
  })
  after(() => { tmp.cleanup() })

  it('is block 0 with an empty previous hash, a correct data_hash and the five standard metadata entries', () => {
    const block = common.Block.decode(bytes)
    assert.equal(block.header?.number, 0n)
    assert.equal(block.header?.previousHash.length, 0)
    assert.equal(block.data?.data.length, 1)
    assert.deepEqual(block.header?.dataHash, blockDataHash(block.data!.data))
    assert.equal(hex(block.header!.dataHash), createHash('sha256').update(block.data!.data[0]).digest('hex'))
    const official = fc.Block.deserializeBinary(bytes)
    const metadata = official.getMetadata()!.getMetadataList_asU8()
    assert.equal(metadata.length, 5)
    const signatures = fc.Metadata.deserializeBinary(metadata[0])
    assert.equal(signatures.getSignaturesList().length, 0)
    assert.equal(fc.OrdererBlockMetadata.deserializeBinary(signatures.getValue_asU8()).getLastConfig()?.getIndex(), 0)
    assert.equal(fc.LastConfig.deserializeBinary(fc.Metadata.deserializeBinary(metadata[1]).getValue_asU8()).getIndex(), 0)
    for (const i of [2, 3, 4]) assert.equal(metadata[i].length, 0)
  })

  it('has the CONFIG transaction headers of Fabric\'s genesis factory', () => {
    const { envelope, channelHeader, signatureHeader, configEnvelope } = officialConfig(bytes)
    assert.equal(envelope.getSignature_asU8().length, 0)
    assert.equal(channelHeader.getType(), fc.HeaderType.CONFIG)
    assert.equal(channelHeader.getVersion(), 1)
    assert.equal(channelHeader.getChannelId(), 'mychannel')
    assert.equal(channelHeader.getEpoch(), 0)
    assert.equal(channelHeader.getTimestamp()?.getSeconds(), Math.floor(timestamp.getTime() / 1000))
    assert.equal(channelHeader.getTimestamp()?.getNanos(), 0)
    assert.equal(signatureHeader.getCreator_asU8().length, 0)
    assert.equal(hex(signatureHeader.getNonce_asU8()), hex(nonce))
    assert.equal(channelHeader.getTxId(), createHash('sha256').update(nonce).digest('hex'))
    assert.equal(configEnvelope.getConfig()?.getSequence(), 0)
    assert.equal(configEnvelope.hasLastUpdate(), false)
  })

  it('decodes with the official codec down to the MSP configs and anchor peers', () => {
    const { root } = officialConfig(bytes)
    assert.deepEqual(keys(root.getGroupsMap()), ['Application', 'Orderer'])
    assert.deepEqual(keys(group(root, 'Application').getGroupsMap()), ['Org1MSP', 'Org2MSP'])
    for (const org of layout.orgs) {
      const g = group(root, 'Application', org.mspId)
      assert.equal(g.getModPolicy(), 'Admins')
      const fabric = officialMsp(g)
      assert.equal(fabric.getName(), org.mspId)
      assert.deepEqual(fabric.getRootCertsList_asU8().map(text), filesOf(join(org.mspDir, 'cacerts')))
      assert.deepEqual(fabric.getIntermediateCertsList_asU8(), [])
      assert.deepEqual(fabric.getAdminsList_asU8(), [])
      assert.deepEqual(fabric.getTlsRootCertsList_asU8(), [])
      assert.equal(fabric.hasSigningIdentity(), false)
      assert.equal(fabric.getCryptoConfig()?.getSignatureHashFamily(), 'SHA2')
      assert.equal(fabric.getCryptoConfig()?.getIdentityIdentifierHashFunction(), 'SHA256')
      const ous = fabric.getFabricNodeOus()
      assert.equal(ous?.getEnable(), true)
      assert.equal(ous?.getPeerOuIdentifier()?.getOrganizationalUnitIdentifier(), 'peer')
      assert.equal(ous?.getAdminOuIdentifier()?.getOrganizationalUnitIdentifier(), 'admin')
      assert.equal(ous?.getClientOuIdentifier()?.getOrganizationalUnitIdentifier(), 'client')
      assert.equal(ous?.getOrdererOuIdentifier()?.getOrganizationalUnitIdentifier(), 'orderer')
      assert.equal(text(ous!.getPeerOuIdentifier()!.getCertificate_asU8()), readFileSync(org.caCertPath, 'utf8'))
      assert.deepEqual(keys(g.getPoliciesMap()), ['Admins', 'Endorsement', 'Readers', 'Writers'])
      assert.equal(g.getPoliciesMap().get('Readers')?.getPolicy()?.getType(), fc.Policy.PolicyType.SIGNATURE)
    }
    const anchors = (mspId: string): Array<[string, number]> => fabricProtos.peer.AnchorPeers
      .deserializeBinary(value(group(root, 'Application', mspId), 'AnchorPeers')).getAnchorPeersList().map(a => [a.getHost(), a.getPort()])
    assert.deepEqual(anchors('Org1MSP'), [['peer0.org1.example.com', 7051]])
    assert.deepEqual(anchors('Org2MSP'), [['peer0.org2.example.com', 9051], ['10.0.0.2', 9052]])

    const ordererOrg = group(root, 'Orderer', 'OrdererMSP')
    const ordererMsp = officialMsp(ordererOrg)
    assert.equal(ordererMsp.getName(), 'OrdererMSP')
    assert.deepEqual(ordererMsp.getRootCertsList_asU8().map(text), filesOf(join(layout.ordererOrg!.mspDir, 'cacerts')))
    assert.deepEqual(fc.OrdererAddresses.deserializeBinary(value(ordererOrg, 'Endpoints')).getAddressesList(), ['orderer.example.com:7050'])
    assert.deepEqual(keys(ordererOrg.getPoliciesMap()), ['Admins', 'Readers', 'Writers'])
    assert.equal(ordererOrg.getValuesMap().get('AnchorPeers'), undefined)
  })

  it('has the channel, application and orderer values and policies configtxgen writes', () => {
    const { root } = officialConfig(bytes)
    assert.deepEqual(keys(root.getValuesMap()), ['BlockDataHashingStructure', 'Capabilities', 'HashingAlgorithm', 'OrdererAddresses'])
    assert.equal(fc.HashingAlgorithm.deserializeBinary(value(root, 'HashingAlgorithm')).getName(), 'SHA256')
    assert.equal(fc.BlockDataHashingStructure.deserializeBinary(value(root, 'BlockDataHashingStructure')).getWidth(), 4294967295)
    assert.deepEqual(fc.OrdererAddresses.deserializeBinary(value(root, 'OrdererAddresses')).getAddressesList(), ['orderer.example.com:7050'])
    assert.equal(root.getValuesMap().get('OrdererAddresses')?.getModPolicy(), '/Channel/Orderer/Admins')
    assert.equal(root.getValuesMap().get('HashingAlgorithm')?.getModPolicy(), 'Admins')
    const caps = (g: OfficialGroup): string[] => keys(fc.Capabilities.deserializeBinary(value(g, 'Capabilities')).getCapabilitiesMap())
    assert.deepEqual(caps(root), ['V2_0'])
    assert.deepEqual(caps(group(root, 'Application')), ['V2_5'])
    assert.deepEqual(caps(group(root, 'Orderer')), ['V2_0'])
    assert.deepEqual(keys(root.getPoliciesMap()), ['Admins', 'Readers', 'Writers'])
    const meta = (g: OfficialGroup, key: string): [number, string, number] => {
      const p = g.getPoliciesMap().get(key)!.getPolicy()!
      const m = fc.ImplicitMetaPolicy.deserializeBinary(p.getValue_asU8())
      return [p.getType(), m.getSubPolicy(), m.getRule()]
    }
    const { ANY, MAJORITY } = fc.ImplicitMetaPolicy.Rule
    const IMPLICIT = fc.Policy.PolicyType.IMPLICIT_META
    assert.deepEqual(meta(root, 'Admins'), [IMPLICIT, 'Admins', MAJORITY])
    const app = group(root, 'Application')
    assert.deepEqual(keys(app.getPoliciesMap()), ['Admins', 'Endorsement', 'LifecycleEndorsement', 'Readers', 'Writers'])
    assert.deepEqual(meta(app, 'LifecycleEndorsement'), [IMPLICIT, 'Endorsement', MAJORITY])
    assert.deepEqual(meta(app, 'Readers'), [IMPLICIT, 'Readers', ANY])

    const ord = group(root, 'Orderer')
    assert.deepEqual(keys(ord.getValuesMap()), ['BatchSize', 'BatchTimeout', 'Capabilities', 'ChannelRestrictions', 'ConsensusType'])
    assert.deepEqual(meta(ord, 'BlockValidation'), [IMPLICIT, 'Writers', ANY])
    const batch = fabricProtos.orderer.BatchSize.deserializeBinary(value(ord, 'BatchSize'))
    assert.deepEqual([batch.getMaxMessageCount(), batch.getAbsoluteMaxBytes(), batch.getPreferredMaxBytes()], [500, 10 * 1024 * 1024, 2 * 1024 * 1024])
    assert.equal(fabricProtos.orderer.BatchTimeout.deserializeBinary(value(ord, 'BatchTimeout')).getTimeout(), '2s')
    assert.equal(fabricProtos.orderer.ChannelRestrictions.deserializeBinary(value(ord, 'ChannelRestrictions')).getMaxCount(), 0)
    const consensus = fabricProtos.orderer.ConsensusType.deserializeBinary(value(ord, 'ConsensusType'))
    assert.equal(consensus.getType(), 'etcdraft')
    assert.equal(consensus.getState(), fabricProtos.orderer.ConsensusType.State.STATE_NORMAL)
    const raft = fabricProtos.orderer.etcdraft.ConfigMetadata.deserializeBinary(consensus.getMetadata_asU8())
    assert.deepEqual(raft.getConsentersList().map(c => [c.getHost(), c.getPort(), c.getClientTlsCert_asU8().length]), [['orderer.example.com', 7050, 0]])
    const o = raft.getOptions()!
    assert.deepEqual([o.getTickInterval(), o.getElectionTick(), o.getHeartbeatTick(), o.getMaxInflightBlocks(), o.getSnapshotIntervalSize()], ['500ms', 10, 1, 5, 16 * 1024 * 1024])
  })

  it('is re-encoded byte for byte by the official codec', () => {
    assert.equal(hex(fc.Block.deserializeBinary(bytes).serializeBinary()), hex(bytes))
  })

  it('is read back by readChannelConfig with the same orgs, root certificates and anchor peers', () => {
    const config = readChannelConfig(common.Block.decode(bytes))
    assert.equal(config.channelId, 'mychannel')
    assert.deepEqual(config.applicationOrgs.map(o => [o.mspId, o.mspType, o.anchorPeers]), [
      ['Org1MSP', 'fabric', [{ host: 'peer0.org1.example.com', port: 7051 }]],
      ['Org2MSP', 'fabric', [{ host: 'peer0.org2.example.com', port: 9051 }, { host: '10.0.0.2', port: 9052 }]]
    ])
    for (const [i, org] of config.applicationOrgs.entries()) {
      assert.deepEqual(org.rootCerts.map(text), filesOf(join(layout.orgs[i].mspDir, 'cacerts')))
      assert.deepEqual(org.intermediateCerts, [])
    }
    assert.deepEqual(config.ordererOrgs.map(o => [o.mspId, o.rootCerts.map(text)]), [['OrdererMSP', filesOf(join(layout.ordererOrg!.mspDir, 'cacerts'))]])
    assert.equal(channelFromConfigBlock(common.Block.decode(bytes)).orgs.length, 2)
    assert.deepEqual(config.batch, { maxMessageCount: 500, absoluteMaxBytes: 10 * 1024 * 1024, preferredMaxBytes: 2 * 1024 * 1024, batchTimeout: 2000 }, 'Fabric\'s sampleconfig batch rules')
    assert.deepEqual(config.ordererAddresses, ['orderer.example.com:7050'])
  })

  it('carries the batch rules given, read back by readChannelConfig', () => {
    const block = createGenesisBlock({ ...genesisOptionsFromCryptoFolder({ cryptoDir: layout.out, channelId: 'b' }), batchTimeout: '250ms', batchSize: { maxMessageCount: 7, preferredMaxBytes: 1000 } })
    assert.deepEqual(readChannelConfig(block).batch, { maxMessageCount: 7, absoluteMaxBytes: 10 * 1024 * 1024, preferredMaxBytes: 1000, batchTimeout: 250 })
  })

  it('includes only the orgs named, with a fresh nonce and the current time by default', () => {
    const subset = createGenesisBlock(genesisOptionsFromCryptoFolder({ cryptoDir: layout.out, channelId: 'ch2', orgs: ['Org2MSP'] }))
    const config = readChannelConfig(subset)
    assert.deepEqual(config.applicationOrgs.map(o => [o.mspId, o.anchorPeers]), [['Org2MSP', []]])
    assert.deepEqual(config.ordererOrgs.map(o => o.mspId), ['OrdererMSP'])
    const { channelHeader, signatureHeader } = officialConfig(common.Block.encode(subset))
    assert.equal(signatureHeader.getNonce_asU8().length, 24)
    assert.ok(Math.abs(channelHeader.getTimestamp()!.getSeconds() - Date.now() / 1000) < 60)
    assert.throws(() => genesisOptionsFromCryptoFolder({ cryptoDir: layout.out, channelId: 'c', orgs: ['Org9MSP'] }), /no peer org Org9MSP in .* \(it has Org1MSP, Org2MSP\)/)
    assert.throws(() => genesisOptionsFromCryptoFolder({ cryptoDir: layout.out, channelId: 'c', orgs: ['Org1MSP'], anchorPeers: { Org2MSP: [{ host: 'h', port: 1 }] } }),
      /anchor peers for Org2MSP, which is not an org of the channel \(Org1MSP\)/)
    assert.throws(() => genesisOptionsFromCryptoFolder({ cryptoDir: layout.out, channelId: 'c', ordererEndpoints: ['a:1', 'b:2'] }), /2 orderer endpoint\(s\) given for 1 orderer node\(s\)/)
    assert.throws(() => genesisOptionsFromCryptoFolder({ cryptoDir: join(tmp.dir, 'nothing'), channelId: 'c' }), (err: Error) => err.name === 'CryptoFolderError')
  })

  it('scans the crypto folder with cryptogen\'s MSP ID convention', () => {
    assert.deepEqual(scanCryptoFolder(layout.out).map(o => [o.mspId, o.kind, o.domain, o.nodes.map(n => n.name)]), [
      ['Org1MSP', 'peer', 'org1.example.com', ['peer0.org1.example.com', 'peer1.org1.example.com']],
      ['Org2MSP', 'peer', 'org2.example.com', ['peer0.org2.example.com', 'peer1.org2.example.com']],
      ['OrdererMSP', 'orderer', 'example.com', ['orderer.example.com']]
    ])
  })

  it('follows the V3_0 channel capability: no global orderer addresses, org endpoints required', () => {
    const v3 = { ...options, capabilities: { channel: ['V3_0'] } }
    const { root } = officialConfig(common.Block.encode(createGenesisBlock(v3)))
    assert.equal(root.getValuesMap().get('OrdererAddresses'), undefined)
    assert.ok(group(root, 'Orderer', 'OrdererMSP').getValuesMap().get('Endpoints') !== undefined)
    assert.throws(() => createGenesisBlock({ ...v3, ordererAddresses: ['o:7050'] }), /^ChannelConfigError: ordererAddresses: global orderer addresses cannot be used/)
    assert.throws(() => createGenesisBlock({ ...v3, ordererOrgs: [{ ...options.ordererOrgs![0], endpoints: [] }] }),
      /ordererOrgs\[0\]\.endpoints: orderer endpoints of OrdererMSP are required/)
  })

  it('writes solo with empty metadata and takes explicit orderer settings', () => {
    const { root } = officialConfig(common.Block.encode(createGenesisBlock({
      ...options, ordererType: 'solo', batchTimeout: '1s', batchSize: { maxMessageCount: 10 }, maxChannels: 3, ordererAddresses: ['o1:1', 'o2:2']
    })))
    const consensus = fabricProtos.orderer.ConsensusType.deserializeBinary(value(group(root, 'Orderer'), 'ConsensusType'))
    assert.deepEqual([consensus.getType(), consensus.getMetadata_asU8().length], ['solo', 0])
    assert.equal(fabricProtos.orderer.BatchTimeout.deserializeBinary(value(group(root, 'Orderer'), 'BatchTimeout')).getTimeout(), '1s')
    assert.equal(fabricProtos.orderer.BatchSize.deserializeBinary(value(group(root, 'Orderer'), 'BatchSize')).getMaxMessageCount(), 10)
    assert.equal(fabricProtos.orderer.ChannelRestrictions.deserializeBinary(value(group(root, 'Orderer'), 'ChannelRestrictions')).getMaxCount(), 3)
    assert.deepEqual(fc.OrdererAddresses.deserializeBinary(value(root, 'OrdererAddresses')).getAddressesList(), ['o1:1', 'o2:2'])
  })

  it('takes orgs as certificates instead of folders, PEM or DER, with NodeOUs on request', () => {
    const caPem = readFileSync(layout.orgs[0].caCertPath, 'utf8')
    const der = certificateDers(caPem)[0]
    const block = createGenesisBlock({
      channelId: 'certs',
      applicationOrgs: [
        { mspId: 'Org1MSP', name: 'Org1', rootCerts: [caPem], nodeOUs: true, anchorPeers: [{ host: 'p', port: 1 }] },
        { mspId: 'Org9MSP', rootCerts: [der] }
      ]
    })
    const { root } = officialConfig(common.Block.encode(block))
    assert.deepEqual(keys(root.getGroupsMap()), ['Application', 'Orderer'])
    assert.deepEqual(keys(group(root, 'Orderer').getGroupsMap()), [])
    assert.equal(root.getValuesMap().get('OrdererAddresses'), undefined)
    const org1 = officialMsp(group(root, 'Application', 'Org1'))
    assert.equal(org1.getName(), 'Org1MSP')
    assert.equal(org1.getFabricNodeOus()?.getEnable(), true)
    assert.equal(text(org1.getFabricNodeOus()!.getClientOuIdentifier()!.getCertificate_asU8()), caPem)
    const org9 = officialMsp(group(root, 'Application', 'Org9MSP'))
    assert.equal(org9.hasFabricNodeOus(), false)
    assert.equal(text(org9.getRootCertsList_asU8()[0]), caPem) // DER written as PEM, as Fabric stores it
    // without NodeOUs the org policies name members
    const readers = fc.SignaturePolicyEnvelope.deserializeBinary(group(root, 'Application', 'Org9MSP').getPoliciesMap().get('Readers')!.getPolicy()!.getValue_asU8())
    assert.equal(fm.MSPRole.deserializeBinary(readers.getIdentitiesList()[0].getPrincipal_asU8()).getRole(), fm.MSPRole.MSPRoleType.MEMBER)
    assert.deepEqual(readChannelConfig(block).applicationOrgs.map(o => o.mspId), ['Org1MSP', 'Org9MSP'])
  })

  it('takes policy overrides', () => {
    const block = createGenesisBlock({
      channelId: 'pol',
      applicationOrgs: [{
        mspId: 'Org1MSP',
        mspDir: layout.orgs[0].mspDir,
        policies: {
          Readers: { type: 'Signature', rule: "OR('Org1MSP.member')" },
          Writers: { type: 'Signature', rule: "OR('Org1MSP.member')" },
          Admins: { type: 'ImplicitMeta', rule: 'ANY Admins' }
        }
      }]
    })
    const g = group(officialConfig(common.Block.encode(block)).root, 'Application', 'Org1MSP')
    assert.deepEqual(keys(g.getPoliciesMap()), ['Admins', 'Readers', 'Writers'])
    assert.equal(g.getPoliciesMap().get('Admins')?.getPolicy()?.getType(), fc.Policy.PolicyType.IMPLICIT_META)
  })

  it('names the option at fault', () => {
    const org = { mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir }
    const cases: Array<[Partial<CreateGenesisBlockOptions>, RegExp]> = [
      [{ channelId: 'Bad' }, /^channelId: 'Bad' is not a valid channel ID/],
      [{ channelId: '' }, /^channelId: must not be empty/],
      [{ applicationOrgs: [] }, /^applicationOrgs: at least one application org is required/],
      [{ applicationOrgs: [org, { ...org, name: 'Other' }] }, /^applicationOrgs\[1\]\.mspId: duplicate MSP ID 'Org1MSP' \(also applicationOrgs\[0\]\)/],
      [{ applicationOrgs: [org, { mspId: 'Org2MSP', name: 'Org1MSP', mspDir: org.mspDir }] }, /^applicationOrgs\[1\]\.name: duplicate org group 'Org1MSP'/],
      [{ applicationOrgs: [{ mspId: '' }] }, /^applicationOrgs\[0\]\.mspId: required/],
      [{ applicationOrgs: [{ mspId: 'Org 1' }] }, /^applicationOrgs\[0\]\.mspId: 'Org 1' is not a valid config group name/],
      [{ applicationOrgs: [{ mspId: 'Org1MSP' }] }, /^applicationOrgs\[0\]\.rootCerts: required \(or mspDir\)/],
      [{ applicationOrgs: [{ mspId: 'Org1MSP', rootCerts: [Uint8Array.of(1, 2, 3)] }] }, /^applicationOrgs\[0\]\.rootCerts\[0\]: not a valid PEM or DER certificate/],
      [{ applicationOrgs: [{ mspId: 'Org1MSP', rootCerts: [readFileSync(layout.orgs[0].caCertPath, 'utf8')], tlsRootCerts: ['x'] }] }, /^applicationOrgs\[0\]\.tlsRootCerts\[0\]: not a valid PEM or DER certificate/],
      [{ applicationOrgs: [{ ...org, anchorPeers: [{ host: 'p', port: 0 }] }] }, /^applicationOrgs\[0\]\.anchorPeers\[0\]\.port: port must be an integer from 1 to 65535/],
      [{ applicationOrgs: [{ ...org, policies: { Readers: { type: 'Signature', rule: "OR('A.member')" } } }] }, /^applicationOrgs\[0\]\.policies\.Writers: required/],
      [{ applicationOrgs: [{ ...org, policies: { Readers: { type: 'Signature', rule: 'OR(' }, Writers: { type: 'ImplicitMeta', rule: 'ANY Writers' }, Admins: { type: 'ImplicitMeta', rule: 'ANY Admins' } } }] },
        /^applicationOrgs\[0\]\.policies\.Readers: /],
      [{ applicationOrgs: [org], ordererOrgs: [{ mspId: 'O', mspDir: org.mspDir, endpoints: ['nope'] }] }, /^ordererOrgs\[0\]\.endpoints\[0\]: 'nope' is not host:port/],
      [{ applicationOrgs: [org], ordererAddresses: ['a:1', 'b'] }, /^ordererAddresses\[1\]: 'b' is not host:port/],
      [{ applicationOrgs: [org], ordererType: 'kafka' as 'solo' }, /^ordererType: must be 'etcdraft' or 'solo'/],
      [{ applicationOrgs: [org], consenters: [{ host: 'o', port: 99999 }] }, /^consenters\[0\]\.port: port must be an integer/],
      [{ applicationOrgs: [org], batchSize: { maxMessageCount: 0 } }, /^batchSize\.maxMessageCount: must be an integer from 1/],
      [{ applicationOrgs: [org], batchSize: { preferredMaxBytes: 20 * 1024 * 1024 } }, /^batchSize\.preferredMaxBytes: must not exceed absoluteMaxBytes/]
    ]
    for (const [override, message] of cases) {
      assert.throws(() => createGenesisBlock({ channelId: 'ch', applicationOrgs: [org], ...override }), (err: Error) => {
        assert.equal(err.name, 'ChannelConfigError', err.message)
        assert.match(err.message, message)
        return true
      }, String(message))
    }
    assert.throws(() => createGenesisBlock({ channelId: 'ch', applicationOrgs: [{ mspId: 'X', mspDir: join(tmp.dir, 'no-msp') }] }),
      (err: Error) => err.name === 'MspConfigError' && /could not load a valid ca certificate from directory .*no-msp\/cacerts/.test(err.message))
  })
})

describe('createGenesisBlock with TLS material and without NodeOUs', () => {
  const tmp = tempDir('fgossip-genesis-tls-')
  let layout: CryptoLayout
  before(async () => {
    layout = await generateCryptoMaterial({ out: join(tmp.dir, 'crypto'), orgs: 1, peers: 1, orderer: true, orderers: 2, users: 0, tls: true, nodeOUs: false })
  })
  after(() => { tmp.cleanup() })

  it('carries TLS root certs, admin certs, member policies and one consenter per orderer with its TLS certificate', () => {
    const options = genesisOptionsFromCryptoFolder({ cryptoDir: layout.out, channelId: 'tls', ordererEndpoints: ['127.0.0.1:7050', '127.0.0.1:8050'] })
    const { root } = officialConfig(common.Block.encode(createGenesisBlock(options)))
    const org1 = officialMsp(group(root, 'Application', 'Org1MSP'))
    assert.deepEqual(org1.getTlsRootCertsList_asU8().map(text), filesOf(join(layout.orgs[0].mspDir, 'tlscacerts')))
    assert.deepEqual(org1.getAdminsList_asU8().map(text), filesOf(join(layout.orgs[0].mspDir, 'admincerts')))
    assert.equal(org1.getAdminsList_asU8().length, 1)
    assert.equal(org1.hasFabricNodeOus(), false)
    const readers = fc.SignaturePolicyEnvelope.deserializeBinary(group(root, 'Application', 'Org1MSP').getPoliciesMap().get('Readers')!.getPolicy()!.getValue_asU8())
    assert.equal(fm.MSPRole.deserializeBinary(readers.getIdentitiesList()[0].getPrincipal_asU8()).getRole(), fm.MSPRole.MSPRoleType.MEMBER)

    const consensus = fabricProtos.orderer.ConsensusType.deserializeBinary(value(group(root, 'Orderer'), 'ConsensusType'))
    const consenters = fabricProtos.orderer.etcdraft.ConfigMetadata.deserializeBinary(consensus.getMetadata_asU8()).getConsentersList()
    assert.deepEqual(consenters.map(c => [c.getHost(), c.getPort()]), [['127.0.0.1', 7050], ['127.0.0.1', 8050]])
    for (const [i, node] of layout.ordererOrg!.nodes.entries()) {
      const cert = readFileSync(node.tlsCertPath!, 'utf8')
      assert.equal(text(consenters[i].getServerTlsCert_asU8()), cert)
      assert.equal(text(consenters[i].getClientTlsCert_asU8()), cert)
    }
    assert.deepEqual(fc.OrdererAddresses.deserializeBinary(value(group(root, 'Orderer', 'OrdererMSP'), 'Endpoints')).getAddressesList(), ['127.0.0.1:7050', '127.0.0.1:8050'])
  })

  it('loadVerifyingMspConfig reads the folder as Fabric GetVerifyingMspConfig', () => {
    const config = loadVerifyingMspConfig(layout.orgs[0].mspDir, 'Org1MSP')
    assert.equal(config.name, 'Org1MSP')
    assert.equal(config.rootCerts.length, 1)
    assert.equal(config.tlsRootCerts.length, 1)
    assert.equal(config.admins.length, 1)
    assert.equal(config.fabricNodeOus, undefined)
    assert.equal(config.signingIdentity, undefined)
    rmSync(join(layout.orgs[0].mspDir, 'cacerts'), { recursive: true })
    assert.throws(() => loadVerifyingMspConfig(layout.orgs[0].mspDir, 'Org1MSP'), /could not load a valid ca certificate/)
  })
})
