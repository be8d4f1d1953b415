/**
 * Block push between real nodes over TCP: blocks taken in at one peer reach every same-org member of the
 * channel and are committed in order; a peer of another org and a non-member receive none; the sender never
 * gets its own block back (scenario 7).
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { cleanupTmp, FAST_GOSSIP, startNode, stopAll, testCrypto, waitFor } from '../helpers/network.js'
import { freePort } from '../helpers/process.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { createBlock } from '../../src/ledger/block-builder.js'
import { blockHeaderHash } from '../../src/wire/block.js'
import { loadSigningIdentity } from '../../src/identity/index.js'
import { common } from '../../src/pb/common.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'
import type { GossipNode } from '../../src/node.js'

describe('block push between real nodes', () => {
  let layout: CryptoLayout
  before(async () => { layout = await testCrypto({ orgs: 2, peers: 4 }) })
  after(cleanupTmp)

  it('reaches every same-org channel member in order; never another org, a non-member, or back to its sender', async () => {
    const ordererOrg = layout.ordererOrg
    assert.ok(ordererOrg != null)
    const orderer = loadSigningIdentity(ordererOrg.nodes[0].mspDir, ordererOrg.mspId)
    const ports = await Promise.all([0, 1, 2, 3, 4].map(async () => await freePort()))
    const genesis = createGenesisBlock({
      channelId: 'blocks',
      applicationOrgs: [
        { mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir, anchorPeers: [{ host: '127.0.0.1', port: ports[0] }] },
        { mspId: 'Org2MSP', mspDir: layout.orgs[1].mspDir, anchorPeers: [{ host: '127.0.0.1', port: ports[4] }] }
      ],
      ordererOrgs: [{ mspId: ordererOrg.mspId, mspDir: ordererOrg.mspDir }]
    })
    const start = async (org: number, peer: number, port: number, bootstrap: number[] = []): Promise<GossipNode> => await startNode(layout, {
      org,
      peer,
      overrides: { peer: { listenAddress: `127.0.0.1:${port}`, address: `127.0.0.1:${port}` } },
      gossip: { ...FAST_GOSSIP, externalEndpoint: `127.0.0.1:${port}`, bootstrap: bootstrap.map(p => `127.0.0.1:${p}`) }
    })
    const members = [await start(1, 0, ports[0])]
    for (const i of [1, 2]) members.push(await start(1, i, ports[i], [ports[0]]))
    const outsider = await start(2, 0, ports[4]) // org2: a member of the channel, but not of org1
    const nonMember = await start(1, 3, ports[3], [ports[0]]) // org1, never joins
    const all = [...members, outsider, nonMember]
    const received = new Map<GossipNode, number>(all.map(n => [n, 0]))
    for (const n of all) n.comm.subscribe(m => m.kind === 'dataMsg', () => { received.set(n, (received.get(n) ?? 0) + 1) })
    try {
      for (const n of [...members, outsider]) await n.joinChannel(genesis)
      const origin = members[0]
      for (const n of [...members, outsider]) {
        await waitFor(() => n.peersOfChannel('blocks').length === 3, `${n.config.peer.id} sees the 3 other channel members`, 30_000)
      }
      let prev = genesis
      for (let i = 1; i <= 10; i++) {
        const block = createBlock({ number: BigInt(i), previousHash: blockHeaderHash(prev.header as common.BlockHeader), data: [Buffer.from(`tx ${i}`)], signer: orderer, channelId: 'blocks' })
        assert.equal(await origin.addPayload('blocks', i, common.Block.encode(block)), 'committed')
        prev = block
      }
      for (const n of members) await waitFor(() => n.height('blocks') === 11n, `${n.config.peer.id} commits the 10 blocks`, 15_000)
      for (const n of members.slice(1)) {
        for (let i = 1; i <= 10; i++) assert.equal(common.Block.decode(await n.getBlock('blocks', i) as Uint8Array).header?.number, BigInt(i))
        assert.ok((received.get(n) ?? 0) >= 10)
      }
      assert.equal(received.get(origin), 0, 'the sender never gets its own blocks back')
      assert.equal(received.get(outsider), 0, 'a peer of another org receives no block')
      assert.equal(received.get(nonMember), 0, 'a non-member receives no block')
      assert.equal(outsider.height('blocks'), 1n)
    } finally {
      await stopAll(all)
    }
  })
})
