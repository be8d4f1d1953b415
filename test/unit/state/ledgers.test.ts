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

  async function open (name: string): Promise<{ ledgers: Ledgers, refused: bigint[], registry: Registry }> {
    const registry = new Registry()
    const refused: bigint[] = []
    const ledgers = new Ledgers({ dir: join(dir, name), registry, onHeight: () => {}, onRefused: (_ch, n) => { refused.push(n) } })
    await ledgers.open(CH, ordererOrgs, genesis)
    return { ledgers, refused, registry }
  }
  const bytes = (b: common.Block): Uint8Array => common.Block.encode(b)
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
})
