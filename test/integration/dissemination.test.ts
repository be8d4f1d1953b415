/**
 * Scenario 2 of the reference with blocks: a bootstrap peer and 10 peers of one org in one channel; the
 * blocks the bootstrap peer takes in reach every peer, each committed exactly once, in order.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { cleanupTmp, FAST_GOSSIP, startChannelPeers, stopAll, testCrypto, waitFor } from '../helpers/network.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { createBlock } from '../../src/ledger/block-builder.js'
import { blockHeaderHash } from '../../src/wire/block.js'
import { loadSigningIdentity } from '../../src/identity/index.js'
import { common } from '../../src/pb/common.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'
import type { GossipNode } from '../../src/node.js'

describe('dissemination of blocks', () => {
  let layout: CryptoLayout
  before(async () => { layout = await testCrypto({ orgs: 2, peers: 11 }) })
  after(cleanupTmp)

  it('scenario 2: blocks taken in by the bootstrap peer reach all 10 peers, each committed once, in order', async () => {
    const org = layout.ordererOrg
    assert.ok(org != null)
    const orderer = loadSigningIdentity(org.nodes[0].mspDir, org.mspId)
    const genesis = createGenesisBlock({
      channelId: 'dissemination',
      applicationOrgs: [{ mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir }],
      ordererOrgs: [{ mspId: org.mspId, mspDir: org.mspDir }]
    })
    const nodes: GossipNode[] = []
    const committed = new Map<GossipNode, bigint[]>()
    try {
      await startChannelPeers(layout, nodes, { count: 11, genesis, gossip: FAST_GOSSIP, viewTimeout: 60_000 })
      let prev = genesis
      const blocks: common.Block[] = []
      for (let i = 1; i <= 10; i++) {
        prev = createBlock({ number: BigInt(i), previousHash: blockHeaderHash(prev.header as common.BlockHeader), data: [Buffer.from(`tx ${i}`)], signer: orderer, channelId: 'dissemination' })
        blocks.push(prev)
        await nodes[0].addPayload('dissemination', i, common.Block.encode(prev))
      }
      for (const n of nodes) {
        await waitFor(() => n.height('dissemination') === 11n, `${n.config.peer.id} commits the 10 blocks`, 30_000)
        const seen: bigint[] = []
        for (let i = 1; i <= 11; i++) {
          const bytes = await n.getBlock('dissemination', i)
          if (bytes != null) seen.push(common.Block.decode(bytes).header?.number ?? -1n)
        }
        committed.set(n, seen)
      }
      for (const [n, seen] of committed) {
        assert.deepEqual(seen, blocks.map(b => b.header?.number), `${n.config.peer.id} holds blocks 1..10 once each, in order`)
        for (const [i, b] of blocks.entries()) assert.deepEqual(await n.getBlock('dissemination', i + 1), common.Block.encode(b))
        assert.equal(n.status().channels.dissemination.height, 11, 'its StateInfo shows the height')
      }
    } finally {
      await stopAll(nodes)
    }
  })
})
