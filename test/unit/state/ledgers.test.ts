/**
 * The ledgers' take-in path: cheap checks before verification (a copy of a block committed, being committed
 * or waiting is a duplicate, not a refusal; a block too far ahead is refused as `too-far` before its
 * signature is looked at), the chain link checked at take-in when the block is the next one, and a block
 * that cannot be committed reported through `onRefused` so that another copy can be taken.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Registry } from 'prom-client'
import { Ledgers } from '../../../src/state/ledgers.js'
import { createGenesisBlock } from '../../../src/channels/genesis.js'
import { createBlock } from '../../../src/ledger/block-builder.js'
import { blockHeaderHash } from '../../../src/wire/block.js'
import { loadSigningIdentity, type SigningIdentity } from '../../../src/identity/index.js'
import { common } from '../../../src/pb/common.js'
import { cleanupTmp, testCrypto } from '../../helpers/network.js'
import { createChain, withAlteredSignature } from '../ledger/helpers.js'
import { readChannelConfig } from '../../../src/wire/config-block.js'
import type { OrdererOrg } from '../../../src/ledger/verify.js'

const CH = 'ledgers'

describe('ledgers: taking blocks in', () => {
  let orderer: SigningIdentity
  let stranger: SigningIdentity
  let genesis: common.Block
  let ordererOrgs: OrdererOrg[]
  let chain: common.Block[]
  let dir: string
  before(async () => {
    const layout = await testCrypto()
    const o = layout.ordererOrg
    assert.ok(o != null)
    orderer = loadSigningIdentity(o.nodes[0].mspDir, o.mspId)
    stranger = loadSigningIdentity(layout.orgs[0].nodes[0].mspDir, 'Org1MSP')
    genesis = createGenesisBlock({ channelId: CH, applicationOrgs: [{ mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir }], ordererOrgs: [{ mspId: o.mspId, mspDir: o.mspDir }] })
    ordererOrgs = readChannelConfig(genesis).ordererOrgs
    chain = [genesis]
    for (let n = 1n; n <= 30n; n++) chain.push(createBlock({ number: n, previousHash: blockHeaderHash(chain[Number(n) - 1].header as common.BlockHeader), data: [Buffer.from(`tx ${n}`)], signer: orderer, channelId: CH }))
    dir = await mkdtemp(join(tmpdir(), 'fgossip-ledgers-'))
  })
  after(async () => { await rm(dir, { recursive: true, force: true }); await cleanupTmp() })

  interface Opened { ledgers: Ledgers, refused: bigint[], registry: Registry, heights: bigint[], commits: bigint[] }
  async function open (name: string, verifyThreads = 0, chainVerify = true): Promise<Opened> {
    const registry = new Registry()
    const refused: bigint[] = []
    const heights: bigint[] = []
    const commits: bigint[] = []
    const ledgers = new Ledgers({
      dir: join(dir, name),
      registry,
      verifyThreads,
      chainVerify,
      onHeight: (_ch, h) => { heights.push(h) },
      onCommit: (_ch, n) => { commits.push(n) },
      onRefused: (_ch, n) => { refused.push(n) }
    })
    await ledgers.open(CH, ordererOrgs, genesis)
    return { ledgers, refused, registry, heights, commits }
  }
  const bytes = (b: common.Block): Uint8Array => common.Block.encode(b)
  const outcomes = (results: Array<PromiseSettledResult<string>>): string[] =>
    results.map(r => r.status === 'fulfilled' ? r.value : `${(r.reason as Error).name}:${(r.reason as { reason: string }).reason}`)
  async function rejected (registry: Registry, reason: string): Promise<number> {
    return (await registry.getSingleMetric('gossip_state_rejected_blocks')?.get())?.values.find(v => v.labels.reason === reason)?.value ?? 0
  }

  it('a copy of a block committed, being committed or waiting is a duplicate, never a refusal', async () => {
    const { ledgers, registry } = await open('dup')
    try {
      const first = ledgers.addPayload(CH, 1n, bytes(chain[1]))
      await new Promise(resolve => setImmediate(resolve)) // block 1 left the buffer; its write is under way
      assert.equal(ledgers.height(CH), 1n)
      const copy = ledgers.addPayload(CH, 1n, bytes(chain[1]))
      assert.deepEqual(await Promise.all([first, copy]), ['committed', 'duplicate'])
      assert.equal(await ledgers.addPayload(CH, 3n, bytes(chain[3])), 'buffered')
      assert.equal(await ledgers.addPayload(CH, 3n, bytes(chain[3])), 'duplicate')
      assert.equal(await ledgers.addPayload(CH, 1n, bytes(chain[1])), 'duplicate')
      assert.equal(ledgers.isDuplicate(CH, 3n), true)
      assert.equal(ledgers.isDuplicate(CH, 2n), false)
      assert.equal(await rejected(registry, 'bad-number'), 0)
    } finally {
      await ledgers.close()
    }
  })

  it('a block too far ahead is refused as too-far before it is verified', async () => {
    const { ledgers, registry } = await open('far')
    try {
      const forged = createBlock({ number: 25n, previousHash: new Uint8Array(32), data: [Buffer.from('x')], signer: stranger, channelId: CH })
      await assert.rejects(ledgers.addPayload(CH, 25n, bytes(forged)), { name: 'BlockVerificationError', reason: 'too-far' } as never)
      assert.equal(await rejected(registry, 'too-far'), 1)
      assert.equal(await rejected(registry, 'not-orderer'), 0, 'its signature was not looked at')
    } finally {
      await ledgers.close()
    }
  })

  it('the next block must chain at take-in; a buffered block that does not chain is refused at commit, reported, and a good copy is taken', async () => {
    const { ledgers, refused } = await open('chain')
    try {
      const fork = (n: bigint): common.Block => createBlock({ number: n, previousHash: new Uint8Array(32).fill(9), data: [Buffer.from('fork')], signer: orderer, channelId: CH })
      assert.throws(() => ledgers.check(CH, 1n, bytes(fork(1n))), { reason: 'bad-previous-hash' } as never)
      assert.equal(await ledgers.addPayload(CH, 2n, bytes(fork(2n))), 'buffered', 'block 2 cannot be checked yet: its predecessor is unknown')
      assert.equal(await ledgers.addPayload(CH, 1n, bytes(chain[1])), 'committed', 'block 1 commits; the forked block 2 after it does not')
      assert.deepEqual(refused, [2n], 'the forked block 2 was refused at commit and reported')
      assert.equal(ledgers.height(CH), 2n)
      assert.equal(await ledgers.addPayload(CH, 2n, bytes(chain[2])), 'committed', 'a good copy is taken')
      assert.equal(ledgers.height(CH), 3n)
    } finally {
      await ledgers.close()
    }
  })

  it('the blocks ready in order at once commit together: one write, one new height, each block reported in order', async () => {
    const { ledgers, heights, commits } = await open('run')
    try {
      for (let n = 2; n <= 10; n++) assert.equal(await ledgers.addPayload(CH, BigInt(n), bytes(chain[n]), 'transfer'), 'buffered')
      assert.deepEqual(heights, [1n])
      assert.equal(await ledgers.addPayload(CH, 1n, bytes(chain[1]), 'transfer'), 'committed')
      assert.equal(ledgers.height(CH), 11n)
      assert.deepEqual(heights, [1n, 11n], 'blocks 1..10 in one write')
      assert.deepEqual(commits, [0n, 1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n])
      // blocks handed over together, as state transfer hands over a response's
      const results = await Promise.all([11, 12, 13, 14].map(async n => await ledgers.addPayload(CH, BigInt(n), bytes(chain[n]), 'transfer')))
      assert.ok(results.every(r => r === 'committed'))
      assert.equal(ledgers.height(CH), 15n)
      assert.ok(heights.length <= 4, `a few writes for the four, not one each (${heights.join(', ')})`)
      assert.deepEqual(await ledgers.getRange(CH, 0n, 15), chain.slice(0, 15).map(bytes))
    } finally {
      await ledgers.close()
    }
    // reopens at the height it reached, with the blocks it committed
    const again = await open('run')
    try {
      assert.equal(again.ledgers.height(CH), 15n)
      assert.equal(await again.ledgers.addPayload(CH, 15n, bytes(chain[15])), 'committed')
    } finally {
      await again.ledgers.close()
    }
  })

  it('a block that does not chain ends the run: the blocks before it commit, it is refused, the ones after it wait', async () => {
    const { ledgers, refused, commits } = await open('cut')
    try {
      const fork = createBlock({ number: 3n, previousHash: new Uint8Array(32).fill(7), data: [Buffer.from('fork')], signer: orderer, channelId: CH })
      assert.equal(await ledgers.addPayload(CH, 2n, bytes(chain[2]), 'transfer'), 'buffered')
      assert.equal(await ledgers.addPayload(CH, 3n, bytes(fork), 'transfer'), 'buffered')
      assert.equal(await ledgers.addPayload(CH, 4n, bytes(chain[4]), 'transfer'), 'buffered')
      assert.equal(await ledgers.addPayload(CH, 1n, bytes(chain[1]), 'transfer'), 'committed')
      assert.equal(ledgers.height(CH), 3n, 'blocks 1 and 2 committed')
      assert.deepEqual(refused, [3n])
      assert.equal(ledgers.isDuplicate(CH, 4n), true, 'block 4 waits')
      assert.equal(await ledgers.addPayload(CH, 3n, bytes(chain[3]), 'transfer'), 'committed', 'a good copy of 3 is taken, and 4 follows')
      assert.equal(ledgers.height(CH), 5n)
      assert.deepEqual(commits, [0n, 1n, 2n, 3n, 4n])
    } finally {
      await ledgers.close()
    }
  })

  it('a state response is verified as a hash chain under its last block\'s signature (chainVerify); false: every block\'s', async () => {
    const response = [chain[1], chain[2], withAlteredSignature(chain[3]), chain[4], chain[5]].map((b, i) => ({ seq: BigInt(i + 1), bytes: bytes(b) }))
    const chained = await open('verify-runs')
    const fabric = await open('verify-each', 0, false)
    try {
      // block 3's signature is not looked at: block 5's vouches for block 3's header and data through the chain
      assert.deepEqual(outcomes(await chained.ledgers.addPayloads(CH, response)), ['committed', 'committed', 'committed', 'committed', 'committed'])
      assert.equal(chained.ledgers.height(CH), 6n)
      assert.deepEqual(chained.commits, [0n, 1n, 2n, 3n, 4n, 5n])
      assert.deepEqual(outcomes(await fabric.ledgers.addPayloads(CH, response)), ['committed', 'committed', 'BlockVerificationError:bad-signature', 'buffered', 'buffered'])
      assert.equal(fabric.ledgers.height(CH), 3n)
    } finally {
      await chained.ledgers.close()
      await fabric.ledgers.close()
    }
  })

  it('a state response whose chain does not hold is verified block by block: the good ones are taken, each bad one refused with its reason', async () => {
    const { ledgers, registry } = await open('verify-bad')
    try {
      const tampered = common.Block.decode(bytes(chain[3]))
      tampered.data!.data[0] = new Uint8Array([1, 2, 3])
      const forged = createBlock({ number: 4n, previousHash: blockHeaderHash(chain[3].header as common.BlockHeader), data: [Buffer.from('forged')], signer: stranger, channelId: CH })
      const response = [chain[1], chain[2], tampered, forged, chain[5]].map((b, i) => ({ seq: BigInt(i + 1), bytes: bytes(b) }))
      assert.deepEqual(outcomes(await ledgers.addPayloads(CH, response)), ['committed', 'committed', 'BlockVerificationError:malformed', 'BlockVerificationError:not-orderer', 'buffered'])
      assert.equal(await rejected(registry, 'not-orderer'), 1)
      // a bad last signature: the blocks before it are verified on their own and kept
      const rest = [chain[3], chain[4], withAlteredSignature(chain[5])].map((b, i) => ({ seq: BigInt(i + 3), bytes: bytes(b) }))
      assert.deepEqual(outcomes(await ledgers.addPayloads(CH, rest)), ['committed', 'committed', 'duplicate'], 'block 5 was buffered already (a good copy)')
      assert.equal(ledgers.height(CH), 6n)
      const next = [chain[6], chain[7], withAlteredSignature(chain[8])].map((b, i) => ({ seq: BigInt(i + 6), bytes: bytes(b) }))
      assert.deepEqual(outcomes(await ledgers.addPayloads(CH, next)), ['committed', 'committed', 'BlockVerificationError:bad-signature'])
      // copies of committed blocks and blocks too far ahead, as addPayload
      const mixed = [{ seq: 2n, bytes: bytes(chain[2]) }, { seq: 8n, bytes: bytes(chain[8]) }, { seq: 9n, bytes: bytes(chain[9]) }, { seq: 500n, bytes: bytes(chain[9]) }]
      assert.deepEqual(outcomes(await ledgers.addPayloads(CH, mixed)), ['duplicate', 'committed', 'committed', 'BlockVerificationError:too-far'])
    } finally {
      await ledgers.close()
    }
  })

  it('with a verification thread, blocks handed over unverified are taken and refused as on the event loop', async () => {
    const { ledgers, registry, refused } = await open('threads', 1)
    const verified = async (thread: string): Promise<number> =>
      (await registry.getSingleMetric('gossip_state_block_verifications')?.get())?.values.find(v => v.labels.thread === thread)?.value ?? 0
    try {
      // the thread starts after 64 blocks were asked for, and verifies once it is loaded: until then the
      // blocks are verified here; hand over blocks by eleven until the thread has verified some
      const long = createChain(orderer, CH, 1500, { from: 31n, previousHash: blockHeaderHash(chain[30].header as common.BlockHeader), entries: 1, size: 16 })
      const all = [...chain, ...long]
      let next = 1
      while (await verified('worker') === 0) {
        assert.ok(next + 11 < all.length - 1, 'the verification thread never verified a block')
        const group = all.slice(next, next + 11)
        const results = await Promise.all(group.map(async (b, k) => await ledgers.addPayload(CH, BigInt(next + k), bytes(b), 'transfer')))
        assert.ok(results.every(r => r === 'committed'))
        next += group.length
        if (next > 100) await new Promise(resolve => setTimeout(resolve, 20)) // polls: the thread is loading
      }
      assert.ok(await verified('main') >= 64)
      const previousHash = blockHeaderHash(all[next - 1].header as common.BlockHeader)
      const forged = createBlock({ number: BigInt(next), previousHash, data: [Buffer.from('forged')], signer: stranger, channelId: CH })
      const before = await verified('worker')
      const tampered = common.Block.decode(bytes(all[next]))
      tampered.data!.data[0] = new Uint8Array([1, 2, 3])
      // handed over together (a lone block is verified here)
      const [a, b] = await Promise.allSettled([ledgers.addPayload(CH, BigInt(next), bytes(forged), 'transfer'), ledgers.addPayload(CH, BigInt(next), bytes(tampered), 'transfer')])
      assert.ok(a.status === 'rejected' && b.status === 'rejected')
      assert.deepEqual([a.reason, b.reason].map(e => [(e as Error).name, (e as { reason: string }).reason]), [['BlockVerificationError', 'not-orderer'], ['BlockVerificationError', 'malformed']])
      assert.equal(await verified('worker'), before + 2, 'both refused by the thread')
      assert.equal(await rejected(registry, 'not-orderer'), 1)
      assert.deepEqual(refused, [])
      assert.equal(await ledgers.addPayload(CH, BigInt(next), bytes(all[next]), 'transfer'), 'committed')
      assert.equal(ledgers.height(CH), BigInt(next + 1))
      // a state response: verified on the thread as one chain (a middle block's signature is not looked at)
      const response = all.slice(next + 1, next + 6).map((b, k) => ({ seq: BigInt(next + 1 + k), bytes: bytes(k === 2 ? withAlteredSignature(b) : b) }))
      const onThread = await verified('worker')
      assert.deepEqual(outcomes(await ledgers.addPayloads(CH, response)), ['committed', 'committed', 'committed', 'committed', 'committed'])
      assert.equal(await verified('worker'), onThread + 5)
    } finally {
      await ledgers.close()
    }
  })
})
