/**
 * A node's ledgers: a channel joined from its genesis block commits it as block 0; blocks taken in as if
 * from the orderer (library and operations API) are verified and committed in order; bad blocks are refused
 * with their reason and the channel goes on; the height survives a restart and flows into StateInfo.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { cleanupTmp, FAST_GOSSIP, startNode, testCrypto, waitFor } from '../helpers/network.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { createBlock } from '../../src/ledger/block-builder.js'
import { blockHeaderHash } from '../../src/wire/block.js'
import { loadSigningIdentity, type SigningIdentity } from '../../src/identity/index.js'
import { common } from '../../src/pb/common.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'

describe('ledger of a node', () => {
  let layout: CryptoLayout
  let orderer: SigningIdentity
  let genesis: common.Block
  before(async () => {
    layout = await testCrypto()
    const org = layout.ordererOrg
    assert.ok(org != null)
    orderer = loadSigningIdentity(org.nodes[0].mspDir, org.mspId)
    genesis = createGenesisBlock({
      channelId: 'ledgerch',
      applicationOrgs: [{ mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir }],
      ordererOrgs: [{ mspId: org.mspId, mspDir: org.mspDir }]
    })
  })
  after(cleanupTmp)

  /** Blocks 1..n chained on the genesis block, signed by the orderer. */
  function chain (from: common.Block, n: number): common.Block[] {
    const out: common.Block[] = []
    let prev = from
    for (let i = 0; i < n; i++) {
      const number = (prev.header?.number ?? 0n) + 1n
      const block = createBlock({ number, previousHash: blockHeaderHash(prev.header as common.BlockHeader), data: [Buffer.from(`tx of block ${number}`)], signer: orderer, channelId: 'ledgerch' })
      out.push(block)
      prev = block
    }
    return out
  }

  it('commits the genesis block as block 0, then verified blocks in order, whatever order they come in', async () => {
    const node = await startNode(layout, { org: 1, peer: 0, operations: true, gossip: FAST_GOSSIP })
    const dataDir = node.config.peer.fileSystemPath
    try {
      await node.joinChannel(genesis)
      assert.equal(node.height('ledgerch'), 1n)
      assert.deepEqual(await node.getBlock('ledgerch', 0n), common.Block.encode(genesis))
      const blocks = chain(genesis, 5)
      const bytes = blocks.map(b => common.Block.encode(b))
      assert.equal(await node.addPayload('ledgerch', 2, bytes[1]), 'buffered')
      assert.equal(await node.addPayload('ledgerch', 1, bytes[0]), 'committed')
      assert.equal(node.height('ledgerch'), 3n)
      assert.equal(await node.addPayload('ledgerch', 1, bytes[0]), 'duplicate')
      // through the operations API
      const url = `http://127.0.0.1:${node.operations?.address()?.port ?? 0}`
      const posted = await fetch(`${url}/channels/ledgerch/blocks`, { method: 'POST', body: bytes[2] })
      assert.equal(posted.status, 201)
      assert.equal((await posted.json() as { height: number }).height, 4)
      const got = await fetch(`${url}/channels/ledgerch/blocks/3`)
      assert.equal(got.status, 200)
      assert.deepEqual(new Uint8Array(await got.arrayBuffer()), bytes[2])
      assert.equal((await fetch(`${url}/channels/ledgerch/blocks/99`)).status, 404)
      assert.equal(node.status().channels.ledgerch.height, 4, 'the height flows into StateInfo and the status')

      // refused, with the reason, and the channel goes on
      const tampered = common.Block.decode(bytes[3])
      ;(tampered.data as common.BlockData).data[0] = (blocks[4].data as common.BlockData).data[0] // a well-formed transaction of another block
      const bad = await fetch(`${url}/channels/ledgerch/blocks`, { method: 'POST', body: common.Block.encode(tampered) })
      assert.equal(bad.status, 422)
      assert.equal((await bad.json() as { reason: string }).reason, 'bad-data-hash')
      const peerSigned = createBlock({ number: 4n, previousHash: blockHeaderHash(blocks[2].header as common.BlockHeader), data: [Buffer.from('x')], signer: loadSigningIdentity(layout.orgs[0].nodes[1].mspDir, 'Org1MSP'), channelId: 'ledgerch' })
      await assert.rejects(node.addPayload('ledgerch', 4, common.Block.encode(peerSigned)), { name: 'BlockVerificationError', reason: 'not-orderer' } as never)
      const garbage = await fetch(`${url}/channels/ledgerch/blocks`, { method: 'POST', body: new Uint8Array([9, 9, 9]) })
      assert.equal(garbage.status, 400)
      assert.equal(await node.addPayload('ledgerch', 4, bytes[3]), 'committed')
      assert.equal(node.height('ledgerch'), 5n)
    } finally {
      await node.stop()
    }
    // the height survives a restart (same data folder)
    const again = await startNode(layout, { org: 1, peer: 0, gossip: FAST_GOSSIP, overrides: { peer: { fileSystemPath: dataDir } } })
    try {
      await again.joinChannel(genesis)
      assert.equal(again.height('ledgerch'), 5n)
      await waitFor(() => again.status().channels.ledgerch.height === 5, 'height in StateInfo after restart')
    } finally {
      await again.stop()
    }
  })
})
