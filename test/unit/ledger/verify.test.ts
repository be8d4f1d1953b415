import { before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { flipS } from '../identity/helpers.js'
import { createBlock, createEnvelope, signBlock } from '../../../src/ledger/block-builder.js'
import { HeaderType } from '../../../src/ledger/constants.js'
import { BlockVerificationError, MAX_BLOCK_SIGNATURES, ordererValidatorFor, verifyBlock, verifyBlockRun } from '../../../src/ledger/verify.js'
import type { BlockVerificationReason, OrdererValidator, VerifiedBlock, VerifyBlockContext } from '../../../src/ledger/verify.js'
import { common } from '../../../src/pb/common.js'
import { blockDataHash, blockHeaderHash } from '../../../src/wire/block.js'
import { readChannelConfig } from '../../../src/wire/config-block.js'
import { channelFromConfigBlock } from '../../../src/channels/channel-config.js'
import { readFixtureBlock } from '../../helpers/fabric-fixtures.js'
import { createChain, createTestOrgs, withAlteredSignature } from './helpers.js'
import type { TestOrgs } from './helpers.js'

const CHANNEL = 'mychannel'

/** A deep copy, so that a test can tamper with it. */
const copy = (block: common.Block): common.Block => common.Block.decode(common.Block.encode(block))
const header = (block: common.Block): common.BlockHeader => block.header as common.BlockHeader

function rejects (block: common.Block, ctx: VerifyBlockContext, reason: BlockVerificationReason, message?: RegExp): void {
  assert.throws(() => verifyBlock(block, ctx), (err: Error) => {
    assert.ok(err instanceof BlockVerificationError, `expected BlockVerificationError, got ${err.name}: ${err.message}`)
    assert.equal(err.name, 'BlockVerificationError')
    assert.equal(err.reason, reason, err.message)
    if (message !== undefined) assert.match(err.message, message)
    return true
  })
}

/** Replaces metadata[0] of `block` by a Metadata with these signatures (value kept). */
function withSignatures (block: common.Block, signatures: common.MetadataSignature[]): common.Block {
  const out = copy(block)
  const md = common.Metadata.decode(out.metadata!.metadata[0])
  out.metadata!.metadata[0] = common.Metadata.encode({ value: md.value, signatures })
  return out
}

const signaturesOf = (block: common.Block): common.MetadataSignature[] => common.Metadata.decode(block.metadata!.metadata[0]).signatures

describe('verifyBlock: block3.pb, a real Fabric block', () => {
  const block3 = readFixtureBlock('block3.pb')
  // block3.pb is block 3 of the system channel e2e-orderer-syschan: its one transaction (ORDERER_TRANSACTION)
  // creates channel `bar` and carries bar's config, whose OrdererMSP root CA (CN=ca.example.com, Oct 2018)
  // is the CA that issued the block's signer, CN=orderer.example.com of OrdererMSP.
  const inner = common.Payload.decode(common.Envelope.decode(block3.data!.data[0]).payload).data
  const barConfig = readChannelConfig({ data: { data: [inner] } })
  const ordererOrgs = ordererValidatorFor(barConfig.ordererOrgs)

  it('verifies with its real signature under the OrdererMSP root CA of the network that made it', () => {
    assert.deepEqual(barConfig.ordererOrgs.map(o => o.mspId), ['OrdererMSP'])
    const result = verifyBlock(block3, { channelId: 'e2e-orderer-syschan', expectedNumber: 3n, previousHeaderHash: header(block3).previousHash, ordererOrgs })
    assert.deepEqual(result, {
      number: 3n,
      channelId: 'e2e-orderer-syschan',
      headerHash: blockHeaderHash(header(block3)),
      signerMspId: 'OrdererMSP'
    })
  })

  it('is refused under another network\'s OrdererMSP (same CA name, other key): not-orderer', () => {
    const other = ordererValidatorFor(channelFromConfigBlock(readFixtureBlock('mychannel.block')).ordererOrgs)
    rejects(block3, { ordererOrgs: other }, 'not-orderer', /OrdererMSP/)
  })

  it('checks the signer at its certificate\'s issuance like Fabric\'s MSP; an explicit clock enforces expiry', () => {
    const in2040 = ordererValidatorFor(barConfig.ordererOrgs, { now: () => new Date('2040-01-01T00:00:00Z') })
    rejects(block3, { ordererOrgs: in2040 }, 'not-orderer', /expired/)
    const in2020 = ordererValidatorFor(barConfig.ordererOrgs, { now: () => new Date('2020-01-01T00:00:00Z') })
    assert.equal(verifyBlock(block3, { ordererOrgs: in2020 }).signerMspId, 'OrdererMSP')
  })

  it('is refused with a flipped signature bit, a high-S signature, another channel, number or previous hash', () => {
    const [sig] = signaturesOf(block3)
    const flipped = Uint8Array.from(sig.signature)
    flipped[flipped.length - 1] ^= 1
    rejects(withSignatures(block3, [{ ...sig, signature: flipped }]), { ordererOrgs }, 'bad-signature')
    rejects(withSignatures(block3, [{ ...sig, signature: Uint8Array.from(flipS(sig.signature)) }]), { ordererOrgs }, 'bad-signature')
    rejects(block3, { channelId: 'bar', ordererOrgs }, 'wrong-channel', /e2e-orderer-syschan/)
    rejects(block3, { expectedNumber: 4n, ordererOrgs }, 'bad-number')
    rejects(block3, { previousHeaderHash: new Uint8Array(32), ordererOrgs }, 'bad-previous-hash')
  })
})

describe('verifyBlock: blocks made by createBlock', () => {
  let orgs: TestOrgs
  let ordererOrgs: OrdererValidator
  let chain: common.Block[]
  const ctx = (n: bigint, extra: Partial<VerifyBlockContext> = {}): VerifyBlockContext => ({
    channelId: CHANNEL,
    expectedNumber: n,
    previousHeaderHash: n === 0n ? undefined : blockHeaderHash(header(chain[Number(n) - 1])),
    ordererOrgs,
    ...extra
  })

  before(async () => {
    orgs = await createTestOrgs()
    ordererOrgs = ordererValidatorFor([orgs.orderer.org])
    chain = createChain(orgs.orderer.signer, CHANNEL, 4)
  })

  it('accepts a chain signed by an orderer of the channel', () => {
    for (const block of chain) {
      const n = header(block).number
      const result = verifyBlock(block, ctx(n))
      assert.equal(result.number, n)
      assert.equal(result.channelId, CHANNEL)
      assert.equal(result.signerMspId, 'OrdererMSP')
      if (n + 1n < BigInt(chain.length)) assert.deepEqual(result.headerHash, header(chain[Number(n) + 1]).previousHash)
    }
  })

  it('accepts a block when only the contexts\'s orderer orgs are given (no number, channel or chain checks)', () => {
    assert.equal(verifyBlock(chain[2], { ordererOrgs }).number, 2n)
  })

  describe('malformed', () => {
    it('no header, no data, no metadata', () => {
      const noHeader = copy(chain[1]); noHeader.header = undefined
      rejects(noHeader, ctx(1n), 'malformed', /no header/)
      const noData = copy(chain[1]); noData.data = undefined
      rejects(noData, ctx(1n), 'malformed', /no data/)
      const emptyData = copy(chain[1]); emptyData.data = { data: [] }
      rejects(emptyData, ctx(1n), 'malformed', /no data/)
      const noMetadata = copy(chain[1]); noMetadata.metadata = undefined
      rejects(noMetadata, ctx(1n), 'malformed', /no metadata/)
      const emptyMetadata = copy(chain[1]); emptyMetadata.metadata = { metadata: [] }
      rejects(emptyMetadata, ctx(1n), 'malformed', /no metadata/)
    })

    it('a first data entry that is not an envelope with a channel header', () => {
      const garbage = Uint8Array.of(0xff, 0xff, 0xff)
      const block = createBlock({ number: 1n, previousHash: header(chain[0]).previousHash, data: [garbage], signer: orgs.orderer.signer })
      rejects(block, { ordererOrgs }, 'malformed', /channel header/)
      const noHeader = common.Envelope.encode({ payload: common.Payload.encode({ data: Uint8Array.of(1) }), signature: Uint8Array.of(1) })
      rejects(createBlock({ number: 1n, previousHash: new Uint8Array(0), data: [noHeader], signer: orgs.orderer.signer }), { ordererOrgs }, 'malformed', /no header/)
    })

    it('a later transaction without a signature, without a payload, or not in canonical form (Fabric VerifyTransactionsAreWellFormed)', () => {
      const good = createEnvelope({ channelId: CHANNEL, data: Uint8Array.of(1), signer: orgs.orderer.signer })
      const env = common.Envelope.decode(good)
      const unsigned = common.Envelope.encode({ payload: env.payload, signature: new Uint8Array(0) })
      const noPayload = common.Envelope.encode({ payload: new Uint8Array(0), signature: env.signature })
      const doubled = Uint8Array.from([...good, ...good]) // Fabric's forged block: two envelopes as one
      const garbage = Uint8Array.of(0x0a, 0x05, 1)
      const cases: Array<[Uint8Array, RegExp]> = [[unsigned, /transaction 1 has no signature/], [noPayload, /has no payload/], [doubled, /canonical/], [garbage, /transaction 1 is not an envelope/]]
      for (const [bad, message] of cases) {
        const block = createBlock({ number: 0n, previousHash: new Uint8Array(0), data: [good, bad], signer: orgs.orderer.signer })
        rejects(block, { ordererOrgs }, 'malformed', message)
      }
    })

    it('a transaction with unknown fields after its signature is well formed, as Go\'s protobuf writes them back', () => {
      const good = createEnvelope({ channelId: CHANNEL, data: Uint8Array.of(1), signer: orgs.orderer.signer })
      const extended = Uint8Array.from([...good, 0x1a, 0x00]) // + field 3, empty
      const block = createBlock({ number: 0n, previousHash: new Uint8Array(0), data: [good, extended], signer: orgs.orderer.signer })
      assert.equal(verifyBlock(block, { ordererOrgs }).signerMspId, 'OrdererMSP')
    })

    it('a config block\'s single CONFIG transaction is exempt from the transaction checks, as in Fabric', () => {
      const genesis = readFixtureBlock('mychannel.block') // its envelope has no signature, as configtxgen writes it
      signBlock(genesis, orgs.orderer.signer)
      assert.equal(verifyBlock(genesis, { channelId: 'mychannel', expectedNumber: 0n, ordererOrgs }).signerMspId, 'OrdererMSP')
    })

    it('metadata SIGNATURES or a signature header that does not decode', () => {
      const badMetadata = copy(chain[1]); badMetadata.metadata!.metadata[0] = Uint8Array.of(0x0a, 0x05)
      rejects(badMetadata, ctx(1n), 'malformed', /SIGNATURES/)
      const [sig] = signaturesOf(chain[1])
      rejects(withSignatures(chain[1], [{ ...sig, signatureHeader: Uint8Array.of(0x0a, 0x09, 0x01) }]), ctx(1n), 'malformed', /signature header/)
    })
  })

  it('bad-number: the block is not the expected one', () => {
    rejects(chain[2], ctx(2n, { expectedNumber: 3n }), 'bad-number', /expected block 3, got block 2/)
  })

  it('wrong-channel: the first envelope names another channel', () => {
    const other = createChain(orgs.orderer.signer, 'otherchannel', 1)[0]
    rejects(other, ctx(0n), 'wrong-channel', /otherchannel/)
  })

  it('bad-data-hash: a data entry was tampered with', () => {
    const block = copy(chain[1])
    const entry = block.data!.data[1]
    entry[entry.length - 1] ^= 1 // inside the envelope's signature: still a well-formed envelope
    rejects(block, ctx(1n), 'bad-data-hash')
    const swapped = copy(chain[1])
    swapped.data!.data[1] = createEnvelope({ channelId: CHANNEL, data: Uint8Array.of(9), signer: orgs.orderer.signer })
    rejects(swapped, ctx(1n), 'bad-data-hash')
  })

  it('bad-previous-hash: the block does not chain to the previous header', () => {
    rejects(chain[2], ctx(2n, { previousHeaderHash: blockHeaderHash(header(chain[0])) }), 'bad-previous-hash')
    const forked = createChain(orgs.orderer.signer, CHANNEL, 3)[2] // same numbers, other data: another chain
    rejects(forked, ctx(2n), 'bad-previous-hash')
  })

  it('bad-signature: the header changed after signing (data and data_hash replaced together)', () => {
    const block = copy(chain[1])
    block.data!.data[1] = createEnvelope({ channelId: CHANNEL, data: Uint8Array.of(9), signer: orgs.orderer.signer })
    block.header!.dataHash = blockDataHash(block.data!.data)
    rejects(block, ctx(1n), 'bad-signature', /OrdererMSP/)
  })

  it('bad-signature: the signature bytes or the signed metadata value were altered', () => {
    const [sig] = signaturesOf(chain[1])
    const flipped = Uint8Array.from(sig.signature)
    flipped[10] ^= 0x40
    rejects(withSignatures(chain[1], [{ ...sig, signature: flipped }]), ctx(1n), 'bad-signature')
    rejects(withSignatures(chain[1], [{ ...sig, signature: Uint8Array.from(flipS(sig.signature)) }]), ctx(1n), 'bad-signature')
    const otherValue = copy(chain[1])
    const md = common.Metadata.decode(otherValue.metadata!.metadata[0])
    otherValue.metadata!.metadata[0] = common.Metadata.encode({ ...md, value: common.OrdererBlockMetadata.encode({ lastConfig: { index: 7n }, consenterMetadata: new Uint8Array(0) }) })
    rejects(otherValue, ctx(1n), 'bad-signature')
  })

  it('not-orderer: signed by a peer of an application org instead of an orderer', () => {
    const block = createChain(orgs.peer.signer, CHANNEL, 1)[0]
    rejects(block, ctx(0n), 'not-orderer', /Org1MSP/)
    // even when the validator knows the peer's org as an application org elsewhere: only orderer orgs count
    rejects(block, ctx(0n, { ordererOrgs: ordererValidatorFor([orgs.orderer.org]) }), 'not-orderer')
  })

  it('not-orderer: signed by an "OrdererMSP" orderer of an unknown CA', () => {
    const block = createChain(orgs.rogue.signer, CHANNEL, 1)[0]
    rejects(block, ctx(0n), 'not-orderer', /not issued by a CA of OrdererMSP/)
  })

  it('no-signature: metadata SIGNATURES is empty or lists no signature (a genesis block)', () => {
    const empty = copy(chain[1]); empty.metadata!.metadata[0] = new Uint8Array(0)
    rejects(empty, ctx(1n), 'no-signature')
    rejects(withSignatures(chain[1], []), ctx(1n), 'no-signature')
    rejects(readFixtureBlock('mychannel.block'), { ordererOrgs }, 'no-signature')
  })

  it('no-signature: BFT signatures by consenter identifier are not resolvable here', () => {
    const [sig] = signaturesOf(chain[1])
    const bft = { signatureHeader: new Uint8Array(0), signature: sig.signature, identifierHeader: common.IdentifierHeader.encode({ identifier: 1, nonce: Uint8Array.of(1) }) }
    rejects(withSignatures(chain[1], [bft]), ctx(1n), 'no-signature')
  })

  it('accepts when at least one signature is a valid orderer signature, whatever the others', () => {
    const [good] = signaturesOf(chain[1])
    const [byPeer] = signaturesOf(createChain(orgs.peer.signer, CHANNEL, 2)[1])
    const broken = { ...good, signature: Uint8Array.from(flipS(good.signature)) }
    assert.equal(verifyBlock(withSignatures(chain[1], [byPeer, broken, good]), ctx(1n)).signerMspId, 'OrdererMSP')
    // with none valid, an orderer's bad signature is the reason given rather than a stranger's
    rejects(withSignatures(chain[1], [byPeer, broken]), ctx(1n), 'bad-signature')
    rejects(withSignatures(chain[1], [byPeer]), ctx(1n), 'not-orderer')
  })

  it(`looks at no more than ${MAX_BLOCK_SIGNATURES} signatures`, () => {
    const [good] = signaturesOf(chain[1])
    const [byPeer] = signaturesOf(createChain(orgs.peer.signer, CHANNEL, 2)[1])
    let calls = 0
    const counting: OrdererValidator = { validate: (s) => { calls++; return ordererOrgs.validate(s) } }
    const many = withSignatures(chain[1], [...Array.from({ length: MAX_BLOCK_SIGNATURES }, () => byPeer), good])
    rejects(many, ctx(1n, { ordererOrgs: counting }), 'not-orderer')
    assert.equal(calls, MAX_BLOCK_SIGNATURES)
  })
})

describe('verifyBlockRun: consecutive blocks as Fabric\'s orderer replication verifies them (cluster.VerifyBlocks)', () => {
  let orgs: TestOrgs
  let ordererOrgs: OrdererValidator
  let chain: common.Block[]
  /** Counts the signature checks (one validate per signature looked at). */
  let checks = 0
  let counting: OrdererValidator
  const run = (blocks: common.Block[], from = 1n, previous: Uint8Array | undefined = blockHeaderHash(header(chain[Number(from) - 1]))): Array<VerifiedBlock | BlockVerificationError> =>
    verifyBlockRun(blocks, { channelId: CHANNEL, firstNumber: from, previousHeaderHash: previous, ordererOrgs: counting })
  const reasons = (verdicts: Array<VerifiedBlock | BlockVerificationError>): string[] => verdicts.map(v => v instanceof BlockVerificationError ? v.reason : 'ok')

  before(async () => {
    orgs = await createTestOrgs()
    ordererOrgs = ordererValidatorFor([orgs.orderer.org])
    counting = { validate: (s) => { checks++; return ordererOrgs.validate(s) } }
    chain = createChain(orgs.orderer.signer, CHANNEL, 8)
  })

  it('accepts a good run checking one signature, the last block\'s; each verdict is verifyBlock\'s', () => {
    checks = 0
    const verdicts = run(chain.slice(1, 8))
    assert.equal(checks, 1)
    assert.deepEqual(verdicts, chain.slice(1, 8).map((b, i) => verifyBlock(b, { channelId: CHANNEL, expectedNumber: BigInt(i + 1), ordererOrgs })))
  })

  it('does not vouch for the signatures of the blocks before the last (the hash chain vouches for their headers and data)', () => {
    const run1 = [chain[1], withAlteredSignature(chain[2]), chain[3]]
    assert.deepEqual(reasons(run(run1)), ['ok', 'ok', 'ok'])
  })

  it('a bad last signature: each block verified on its own, the others kept', () => {
    checks = 0
    assert.deepEqual(reasons(run([chain[1], chain[2], withAlteredSignature(chain[3])])), ['ok', 'ok', 'bad-signature'])
    assert.equal(checks, 1 + 3)
  })

  it('a broken link, tampered data or a wrong first link: each block on its own, each bad one with its reason', () => {
    const forked = createChain(orgs.orderer.signer, CHANNEL, 3)[2] // block 2 of another chain, well signed
    assert.deepEqual(reasons(run([chain[1], forked, chain[3]])), ['ok', 'bad-previous-hash', 'ok']) // block 3's link is checked at commit
    const tampered = copy(chain[2])
    const entry = tampered.data!.data[1]
    entry[entry.length - 1] ^= 1
    assert.deepEqual(reasons(run([chain[1], tampered, chain[3]])), ['ok', 'bad-data-hash', 'ok'])
    assert.deepEqual(reasons(run([chain[2], chain[3]], 2n, new Uint8Array(32))), ['bad-previous-hash', 'ok'])
    assert.deepEqual(reasons(run([chain[1], chain[3]])), ['ok', 'bad-number'])
  })

  it('checks the signature of every config block in the run, as Fabric does', () => {
    const previousHash = blockHeaderHash(header(chain[1]))
    const config = createBlock({ number: 2n, previousHash, data: [Uint8Array.of(1)], signer: orgs.orderer.signer, channelId: CHANNEL })
    // a CONFIG transaction: rebuild block 2 around one
    const configEnvelope = createEnvelope({ channelId: CHANNEL, data: Uint8Array.of(1), signer: orgs.orderer.signer, type: HeaderType.CONFIG })
    const block2 = signBlock({ header: { number: 2n, previousHash, dataHash: blockDataHash([configEnvelope]) }, data: { data: [configEnvelope] }, metadata: { metadata: config.metadata!.metadata.map(() => new Uint8Array(0)) } }, orgs.orderer.signer)
    const block3 = createChain(orgs.orderer.signer, CHANNEL, 1, { from: 3n, previousHash: blockHeaderHash(header(block2)) })[0]
    checks = 0
    assert.deepEqual(reasons(run([chain[1], block2, block3])), ['ok', 'ok', 'ok'])
    assert.equal(checks, 2)
    assert.deepEqual(reasons(run([chain[1], withAlteredSignature(block2), block3])), ['ok', 'bad-signature', 'ok'])
  })

  it('a run of one block is verifyBlock', () => {
    checks = 0
    assert.deepEqual(reasons(run([chain[1]])), ['ok'])
    assert.deepEqual(reasons(run([withAlteredSignature(chain[1])])), ['bad-signature'])
    assert.equal(checks, 2)
    assert.deepEqual(run([]), [])
  })
})

describe('ordererValidatorFor', () => {
  let orgs: TestOrgs
  before(async () => { orgs = await createTestOrgs() })

  it('returns the MSP ID and key of an orderer org\'s identity and throws for others', () => {
    const v = ordererValidatorFor([orgs.orderer.org])
    const id = v.validate(orgs.orderer.signer.serialized)
    assert.equal(id.mspId, 'OrdererMSP')
    assert.ok(id.publicKey.equals(orgs.orderer.signer.publicKey))
    assert.throws(() => v.validate(orgs.peer.signer.serialized), { name: 'UnknownOrgError' })
    assert.throws(() => v.validate(orgs.rogue.signer.serialized), { name: 'UntrustedCertificateError' })
    assert.throws(() => v.validate(Uint8Array.of(1, 2, 3)), { name: 'MalformedIdentityError' })
  })

  it('skips idemix orgs and accepts several orderer orgs', () => {
    const second = { ...orgs.peer.org, mspId: 'Org1MSP' }
    const v = ordererValidatorFor([{ mspId: 'IdemixOrderer', mspType: 'idemix', rootCerts: [] }, orgs.orderer.org, second])
    assert.equal(v.validate(orgs.peer.signer.serialized).mspId, 'Org1MSP')
    assert.equal(v.validate(orgs.orderer.signer.serialized).mspId, 'OrdererMSP')
  })

  it('takes a channel definition\'s orderer orgs as they are', () => {
    const channel = channelFromConfigBlock(readFixtureBlock('etcdraftgenesis.block'))
    const v = ordererValidatorFor(channel.ordererOrgs)
    assert.throws(() => v.validate(orgs.orderer.signer.serialized), { name: 'UntrustedCertificateError' })
  })
})
