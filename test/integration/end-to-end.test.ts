/**
 * Fabric's data path end to end, real nodes over TCP: an ordering service and 2 orgs x 3 peers with dynamic
 * leader election in one channel. 500 transactions are broadcast; the leader of each org receives the
 * blocks by Deliver and gossip spreads them through its org. In the middle, org1's leader stops: another
 * peer of org1 takes over. Then the orderer stops and restarts: delivery resumes. In the end every peer
 * (the stopped leader too, once restarted) holds exactly the orderer's blocks, each committed once, in order.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanupTmp, FAST_GOSSIP, startNode, stopAll, testCrypto, tmp, waitFor } from '../helpers/network.js'
import { freePort } from '../helpers/process.js'
import { rawNode, type RawNode } from '../helpers/raw.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { loadSigningIdentity } from '../../src/identity/index.js'
import { common } from '../../src/pb/common.js'
import { OrdererNode } from '../../src/orderer-node.js'
import { runLoad, type LoadReport } from '../../src/orderer/load.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'
import type { GossipNode } from '../../src/node.js'
import type { OrdererConfig } from '../../src/orderer/config.js'

const CHANNEL = 'e2e'
const ELECTION = { startupGracePeriod: 3000, membershipSampleInterval: 250, leaderAliveThreshold: 2000, leaderElectionDuration: 1000 }

describe('orderer -> leaders -> gossip, end to end', () => {
  let layout: CryptoLayout
  let client: RawNode
  before(async () => {
    layout = await testCrypto({ orgs: 2, peers: 3 })
    client = await rawNode()
  })
  after(async () => { await client.stop(); await cleanupTmp() })

  it('500 transactions reach every peer of both orgs as the same blocks, through a leader change and an orderer restart', async () => {
    const o = layout.ordererOrg
    assert.ok(o != null)
    const ordererPort = await freePort()
    const peerPorts = await Promise.all([0, 1, 2, 3, 4, 5].map(async () => await freePort()))
    const genesis = createGenesisBlock({
      channelId: CHANNEL,
      applicationOrgs: [
        { mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir, anchorPeers: [{ host: '127.0.0.1', port: peerPorts[0] }] },
        { mspId: 'Org2MSP', mspDir: layout.orgs[1].mspDir, anchorPeers: [{ host: '127.0.0.1', port: peerPorts[3] }] }
      ],
      ordererOrgs: [{ mspId: o.mspId, mspDir: o.mspDir, endpoints: [`127.0.0.1:${ordererPort}`] }],
      batchTimeout: '200ms',
      batchSize: { maxMessageCount: 20 }
    })
    const dir = await tmp('fgossip-e2e-')
    const genesisFile = join(dir, `${CHANNEL}.block`)
    await writeFile(genesisFile, common.Block.encode(genesis))
    const ordererConfig: OrdererConfig = {
      general: { listenAddress: '127.0.0.1', listenPort: ordererPort, localMspDir: o.nodes[0].mspDir, localMspId: o.mspId },
      fileLedger: { location: join(dir, 'orderer') },
      operations: { listenAddress: '127.0.0.1:0' },
      channels: [genesisFile]
    }
    let orderer = await OrdererNode.create(ordererConfig)
    await orderer.start()

    const committed = new Map<string, bigint[]>()
    const startPeer = async (i: number, dataDir?: string): Promise<GossipNode> => {
      const org = i < 3 ? 1 : 2
      const anchor = peerPorts[org === 1 ? 0 : 3]
      const port = peerPorts[i]
      const node = await startNode(layout, {
        org,
        peer: i % 3,
        overrides: { peer: { listenAddress: `127.0.0.1:${port}`, address: `127.0.0.1:${port}`, ...(dataDir != null ? { fileSystemPath: dataDir } : {}) } },
        gossip: {
          ...FAST_GOSSIP,
          externalEndpoint: `127.0.0.1:${port}`,
          bootstrap: port === anchor ? [] : [`127.0.0.1:${anchor}`],
          useLeaderElection: true,
          orgLeader: false,
          election: ELECTION,
          state: { checkInterval: 500, responseTimeout: 1000 }
        }
      })
      const id = node.config.peer.id
      if (!committed.has(id)) committed.set(id, [])
      node.addEventListener('block:committed', evt => { if (evt.detail.channel === CHANNEL) committed.get(id)?.push(evt.detail.number) })
      await node.joinChannel(genesis)
      return node
    }
    let peers: GossipNode[] = []
    for (const i of [0, 1, 2, 3, 4, 5]) peers.push(await startPeer(i))
    const org1 = (): GossipNode[] => peers.filter(p => p.identity.mspId === 'Org1MSP')
    const org2 = (): GossipNode[] => peers.filter(p => p.identity.mspId === 'Org2MSP')
    const leaderOf = (group: GossipNode[]): GossipNode[] => group.filter(p => p.isLeader(CHANNEL))
    try {
      for (const p of peers) await waitFor(() => p.peersOfChannel(CHANNEL).length === 5, `${p.config.peer.id} sees the 5 other channel members`, 30_000)
      await waitFor(() => leaderOf(org1()).length === 1 && leaderOf(org2()).length === 1, 'one leader per org', 30_000)
      const firstLeader = leaderOf(org1())[0]

      const user = loadSigningIdentity(layout.orgs[0].users[1].mspDir, 'Org1MSP')
      const load = async (tps: number, duration: number, node = orderer): Promise<LoadReport> => await runLoad({
        dial: async (addr, protocol, signal) => await client.dialProtocol(addr, protocol, { signal }),
        localPeerId: client.peerId,
        orderer: node.multiaddrs()[0],
        channel: CHANNEL,
        signer: user,
        tps,
        size: 500,
        duration
      })
      // 500 transactions over 5 s; org1's leader stops half way
      const running = load(100, 5)
      await new Promise(resolve => setTimeout(resolve, 2500))
      const stoppedDir = firstLeader.config.peer.fileSystemPath
      const stoppedIndex = peers.indexOf(firstLeader)
      await firstLeader.stop()
      peers = peers.filter(p => p !== firstLeader)
      const report = await running
      assert.equal(report.accepted, 500, JSON.stringify(report))
      assert.equal(report.committed, 500, 'every transaction is in a block')
      await waitFor(() => leaderOf(org1()).length === 1, 'another peer of org1 takes over', 30_000)
      await waitFor(() => peers.every(p => p.height(CHANNEL) === orderer.chain(CHANNEL)?.height()), 'every running peer has the orderer\'s blocks', 30_000)

      // the orderer stops and comes back: delivery resumes
      await orderer.stop()
      await new Promise(resolve => setTimeout(resolve, 1000))
      orderer = await OrdererNode.create(ordererConfig)
      await orderer.start()
      const more = await load(50, 1)
      assert.equal(more.committed, 50)
      // the stopped leader comes back and catches up
      peers.splice(stoppedIndex, 0, await startPeer(stoppedIndex, stoppedDir))
      const height = orderer.chain(CHANNEL)?.height() ?? 0n
      for (const p of peers) await waitFor(() => p.height(CHANNEL) === height, `${p.config.peer.id} reaches height ${height}`, 30_000)

      // the same blocks everywhere, each committed once, in order
      for (let n = 0n; n < height; n++) {
        const block = await orderer.chain(CHANNEL)?.getBlock(n)
        for (const p of peers) assert.deepEqual(await p.getBlock(CHANNEL, n), block, `${p.config.peer.id} block ${n}`)
      }
      for (const [id, numbers] of committed) {
        assert.deepEqual(numbers, Array.from({ length: numbers.length }, (_, i) => numbers[0] + BigInt(i)), `${id} committed in order, each once`)
        assert.equal(new Set(numbers).size, numbers.length, `${id} committed no block twice`)
      }
      assert.deepEqual(committed.get(firstLeader.config.peer.id)?.at(-1), height - 1n, 'the restarted peer went on where it stopped')
      assert.equal(leaderOf(org1()).length, 1)
      assert.equal(leaderOf(org2()).length, 1)
      const receiving = (): string[] => peers.filter(p => p.status().channels[CHANNEL].orderer != null).map(p => p.config.peer.id)
      // a leader receives from the orderer; a follower does not
      await waitFor(() => receiving().length === 2, 'both leaders connected to the orderer')
      assert.deepEqual(receiving().sort(), peers.filter(p => p.isLeader(CHANNEL)).map(p => p.config.peer.id).sort())
      assert.equal(receiving().every(id => peers.find(p => p.config.peer.id === id)?.status().channels[CHANNEL].orderer === `/ip4/127.0.0.1/tcp/${ordererPort}`), true)

      // org2's leader yields: another peer of org2 leads, and only it receives from the orderer
      const yielding = leaderOf(org2())[0]
      yielding.leadership.yield(CHANNEL)
      await waitFor(() => leaderOf(org2()).length === 1 && leaderOf(org2())[0] !== yielding, 'another peer of org2 leads', 30_000)
      await waitFor(() => receiving().length === 2 && !receiving().includes(yielding.config.peer.id), 'the yielding peer stopped its deliver client, the new leader runs one')
      const last = await load(50, 1)
      assert.equal(last.committed, 50)
      const final = orderer.chain(CHANNEL)?.height() ?? 0n
      for (const p of peers) await waitFor(() => p.height(CHANNEL) === final, `${p.config.peer.id} reaches height ${final} under the new leader`, 30_000)
    } finally {
      await stopAll(peers)
      await orderer.stop()
    }
  })
})
