import { before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createBlock, createEnvelope, signBlock } from '../../../src/ledger/block-builder.js'
import { BLOCK_METADATA_ENTRIES, HeaderType, NONCE_SIZE } from '../../../src/ledger/constants.js'
import { verifySignature } from '../../../src/identity/index.js'
import { common } from '../../../src/pb/common.js'
import { blockDataHash, blockHeaderHash, blockSignedBytes } from '../../../src/wire/block.js'
import { readFixtureBlock } from '../../helpers/fabric-fixtures.js'
import { createTestOrg } from './helpers.js'
import type { TestOrg } from './helpers.js'

describe('createBlock', () => {
  let orderer: TestOrg
  before(async () => { orderer = await createTestOrg('OrdererMSP', 'example.com', 'orderer', 'orderer') })

  it('lays out header, data and metadata as Fabric\'s block writer, signature as in block3.pb', () => {
    const data = [Uint8Array.of(1, 2, 3), Uint8Array.of(4)]
    const previousHash = new Uint8Array(32).fill(7)
    const block = createBlock({ number: 9n, previousHash, data, signer: orderer.signer, lastConfig: 4n, consenterMetadata: Uint8Array.of(0xaa) })
    assert.equal(block.header?.number, 9n)
    assert.deepEqual(block.header?.previousHash, previousHash)
    assert.deepEqual(block.data?.data, data)
    assert.deepEqual(block.header?.dataHash, blockDataHash(data))

    const metadata = block.metadata?.metadata ?? []
    assert.equal(metadata.length, BLOCK_METADATA_ENTRIES)
    assert.deepEqual(metadata.slice(2), [new Uint8Array(0), new Uint8Array(0), new Uint8Array(0)])
    assert.equal(common.LastConfig.decode(common.Metadata.decode(metadata[1]).value).index, 4n)

    const md = common.Metadata.decode(metadata[0])
    const value = common.OrdererBlockMetadata.decode(md.value)
    assert.equal(value.lastConfig?.index, 4n)
    assert.deepEqual(common.Metadata.decode(value.consenterMetadata).value, Uint8Array.of(0xaa))
    assert.equal(md.signatures.length, 1)
    const sig = md.signatures[0]
    const sh = common.SignatureHeader.decode(sig.signatureHeader)
    assert.deepEqual(sh.creator, orderer.signer.serialized)
    assert.equal(sh.nonce.length, NONCE_SIZE)
    assert.equal(sig.identifierHeader.length, 0)
    assert.ok(verifySignature(orderer.signer.publicKey, blockSignedBytes(md.value, sig.signatureHeader, block.header!), sig.signature))

    // the same fields a real Fabric block carries in metadata[0]
    const real = common.Metadata.decode(readFixtureBlock('block3.pb').metadata!.metadata[0]).signatures[0]
    const realHeader = common.SignatureHeader.decode(real.signatureHeader)
    assert.equal(realHeader.nonce.length, NONCE_SIZE)
    assert.ok(realHeader.creator.length > 0)
  })

  it('chains: previous_hash of block n+1 is the header hash of block n; block 0 has an empty previous_hash', () => {
    const b0 = createBlock({ number: 0n, previousHash: new Uint8Array(0), data: [Uint8Array.of(0)], signer: orderer.signer })
    const b1 = createBlock({ number: 1n, previousHash: blockHeaderHash(b0.header!), data: [Uint8Array.of(1)], signer: orderer.signer })
    assert.equal(b0.header?.previousHash.length, 0)
    assert.equal(Buffer.from(b1.header!.previousHash).toString('hex'), createHash('sha256').update(blockHeaderBytesOf(b0)).digest('hex'))
    // and it survives an encode/decode round trip unchanged
    const decoded = common.Block.decode(common.Block.encode(b1))
    assert.deepEqual(common.Block.encode(decoded), common.Block.encode(b1))
  })

  it('with channelId wraps each entry into a signed envelope of the channel', () => {
    const block = createBlock({ number: 0n, previousHash: new Uint8Array(0), data: [Uint8Array.of(5), Uint8Array.of(6)], signer: orderer.signer, channelId: 'mychannel' })
    assert.equal(block.data?.data.length, 2)
    block.data!.data.forEach((entry, i) => {
      const env = common.Envelope.decode(entry)
      assert.ok(verifySignature(orderer.signer.publicKey, env.payload, env.signature))
      const payload = common.Payload.decode(env.payload)
      assert.deepEqual(payload.data, Uint8Array.of(5 + i))
      const ch = common.ChannelHeader.decode(payload.header!.channelHeader)
      assert.equal(ch.channelId, 'mychannel')
      assert.equal(ch.type, HeaderType.ENDORSER_TRANSACTION)
      const sh = common.SignatureHeader.decode(payload.header!.signatureHeader)
      assert.equal(ch.txId, createHash('sha256').update(sh.nonce).update(sh.creator).digest('hex'))
    })
  })
})

describe('createEnvelope', () => {
  it('takes the type, timestamp and nonce given', async () => {
    const orderer = await createTestOrg('OrdererMSP', 'example.com', 'orderer', 'orderer')
    const nonce = new Uint8Array(NONCE_SIZE).fill(3)
    const env = common.Envelope.decode(createEnvelope({ channelId: 'c', data: Uint8Array.of(1), signer: orderer.signer, type: HeaderType.MESSAGE, timestamp: new Date(1_700_000_000_123), nonce }))
    const payload = common.Payload.decode(env.payload)
    const ch = common.ChannelHeader.decode(payload.header!.channelHeader)
    assert.equal(ch.type, HeaderType.MESSAGE)
    assert.equal(ch.timestamp?.seconds, 1_700_000_000n)
    assert.equal(ch.timestamp?.nanos, 123_000_000)
    assert.deepEqual(common.SignatureHeader.decode(payload.header!.signatureHeader).nonce, nonce)
  })
})

describe('signBlock', () => {
  it('signs an existing block in place, padding its metadata to five entries', async () => {
    const orderer = await createTestOrg('OrdererMSP', 'example.com', 'orderer', 'orderer')
    const block: common.Block = { header: { number: 1n, previousHash: new Uint8Array(0), dataHash: blockDataHash([]) }, data: { data: [] } }
    assert.equal(signBlock(block, orderer.signer), block)
    assert.equal(block.metadata?.metadata.length, BLOCK_METADATA_ENTRIES)
    const md = common.Metadata.decode(block.metadata!.metadata[0])
    assert.ok(verifySignature(orderer.signer.publicKey, blockSignedBytes(md.value, md.signatures[0].signatureHeader, block.header!), md.signatures[0].signature))
    assert.throws(() => signBlock({}, orderer.signer), TypeError)
  })
})

function blockHeaderBytesOf (block: common.Block): Uint8Array {
  // the ASN.1 DER of the header, rebuilt by hand to check the chaining independently of wire/block.ts
  const der = (tag: number, content: Uint8Array): Uint8Array => Uint8Array.from([tag, content.length, ...content])
  const h = block.header!
  const number = der(0x02, Uint8Array.of(Number(h.number)))
  return der(0x30, Uint8Array.from([...number, ...der(0x04, h.previousHash), ...der(0x04, h.dataHash)]))
}
