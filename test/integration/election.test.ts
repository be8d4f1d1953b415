/**
 * Scenario 10 (reference section 5) with real nodes over TCP: 10 peers of one org with dynamic leader
 * election in a channel: the lowest PKI-ID alone leads; when it stops, another peer takes over alone;
 * two groups that do not know each other each elect their lowest, and once they meet only the lowest of all
 * remains. Leadership shows in `isLeader`, the `leadership:changed` event, the gauge
 * `gossip_leader_election_leader{channel}` and `GET /status`.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { cleanupTmp, FAST_GOSSIP, metric, startNode, stopAll, testCrypto, waitFor } from '../helpers/network.js'
import { freePort, getJson } from '../helpers/process.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'
import type { GossipNode } from '../../src/node.js'
import type { common } from '../../src/pb/common.js'

const CHANNEL = 'elect'
/** Fabric's sampling (1 s); threshold 2 s, election 1 s. */
const ELECTION = { startupGracePeriod: 5000, membershipSampleInterval: 1000, leaderAliveThreshold: 2000, leaderElectionDuration: 1000 }

describe('leader election between real nodes (scenario 10)', () => {
  let layout: CryptoLayout
  let genesis: common.Block
  before(async () => {
    layout = await testCrypto({ orgs: 1, peers: 10 })
    const o = layout.ordererOrg
    assert.ok(o != null)
    genesis = createGenesisBlock({ channelId: CHANNEL, applicationOrgs: [{ mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir }], ordererOrgs: [{ mspId: o.mspId, mspDir: o.mspDir }] })
  })
  after(cleanupTmp)

  /**
   * Starts peers `indexes` of org1, each bootstrapping from the first of them; once they all know each
   * other they join the channel; once every channel view is complete their elections start together, as
   * Fabric's scenario (and its test, which creates the election services once membership is full) does.
   * (Started at the join instead, a peer whose view of the channel filled a sample later than another's
   * ends its startup a sample later, and the earlier ones may already have elected among themselves: the
   * algorithm's own behaviour, which the heal test below accounts for.)
   */
  async function startGroup (indexes: number[], ops = false): Promise<GossipNode[]> {
    const ports = await Promise.all(indexes.map(async () => await freePort()))
    const nodes = await Promise.all(indexes.map(async (peer, i) => await startNode(layout, {
      org: 1,
      peer,
      operations: ops && i === 0,
      overrides: { peer: { listenAddress: `127.0.0.1:${ports[i]}`, address: `127.0.0.1:${ports[i]}` } },
      gossip: { ...FAST_GOSSIP, useLeaderElection: true, orgLeader: false, election: ELECTION, bootstrap: i === 0 ? [] : [`127.0.0.1:${ports[0]}`] }
    })))
    for (const n of nodes) await waitFor(() => n.peers().filter(p => p.alive).length === nodes.length - 1, `${n.config.peer.id} knows its group`, 30_000)
    await Promise.all(nodes.map(async n => await n.joinChannel(genesis)))
    for (const n of nodes) await waitFor(() => n.peersOfChannel(CHANNEL).length === nodes.length - 1, `${n.config.peer.id} sees its group in the channel`, 30_000)
    for (const n of nodes) n.leadership.removeChannel(CHANNEL)
    for (const n of nodes) n.leadership.addChannel(CHANNEL)
    return nodes
  }

  const lowest = (nodes: GossipNode[]): GossipNode => [...nodes].sort((a, b) => Buffer.compare(a.identity.pkiId, b.identity.pkiId))[0]
  const leaders = (nodes: GossipNode[]): GossipNode[] => nodes.filter(n => n.isLeader(CHANNEL))

  /** Waits until `expected` alone leads among `nodes`, then checks it stays so for two thresholds. */
  async function soleLeader (nodes: GossipNode[], expected: GossipNode, what: string): Promise<void> {
    await waitFor(() => leaders(nodes).length === 1 && leaders(nodes)[0] === expected, what, 30_000).catch(err => {
      throw new Error(`${(err as Error).message}: leaders ${leaders(nodes).map(n => n.config.peer.id).join(', ') || 'none'}, expected ${expected.config.peer.id}`)
    })
    await new Promise(resolve => setTimeout(resolve, 2 * ELECTION.leaderAliveThreshold))
    assert.deepEqual(leaders(nodes).map(n => n.config.peer.id), [expected.config.peer.id], `${what}, and stays so`)
  }

  it('10 peers: the lowest PKI-ID alone leads; when it stops another takes over alone', async () => {
    const nodes = await startGroup([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], true)
    const changes = new Map<GossipNode, boolean[]>(nodes.map(n => [n, []]))
    for (const n of nodes) n.addEventListener('leadership:changed', evt => { if (evt.detail.channel === CHANNEL) changes.get(n)?.push(evt.detail.isLeader) })
    let running = nodes
    try {
      for (const n of nodes) await waitFor(() => n.peersOfChannel(CHANNEL).length === 9, `${n.config.peer.id} sees the 9 others in the channel`, 30_000)
      const first = lowest(nodes)
      await soleLeader(nodes, first, 'the lowest PKI-ID leads alone')
      assert.equal(await metric(first, 'gossip_leader_election_leader', { channel: CHANNEL }), 1)
      for (const n of nodes.filter(n => n !== first)) assert.equal(await metric(n, 'gossip_leader_election_leader', { channel: CHANNEL }), 0)
      assert.equal(changes.get(first)?.at(-1), true, 'the leader heard of its leadership')
      const opsNode = nodes[0]
      const status = (await getJson(`http://127.0.0.1:${opsNode.operations?.address()?.port ?? 0}/status`))?.body
      assert.equal(status.channels[CHANNEL].isLeader, opsNode === first)

      // the leader stops: after leaderAliveThreshold without its declarations one of the others leads alone
      // (as in Fabric, whichever follower's wait ends first may win: not necessarily the next lowest)
      await first.stop()
      running = nodes.filter(n => n !== first)
      await waitFor(() => leaders(running).length === 1, 'another peer takes over', 30_000)
      await soleLeader(running, leaders(running)[0], 'one peer takes over alone')
    } finally {
      await stopAll(running)
    }
  })

  it('two groups that do not know each other each elect a leader (their lowest); once they meet, only the lower leader remains', async () => {
    const a = await startGroup([0, 2, 4, 6, 8])
    const b = await startGroup([1, 3, 5, 7, 9])
    const all = [...a, ...b]
    try {
      for (const g of [a, b]) for (const n of g) await waitFor(() => n.peersOfChannel(CHANNEL).length === 4, `${n.config.peer.id} sees its group`, 30_000)
      // each group elects one leader: its lowest when its peers start together (as here), as scenario 10 says;
      // on a loaded machine a peer whose view stabilised early may win its group's first round (Fabric's
      // algorithm too), so what is asserted across the heal is the rule itself: the lower leader remains
      await waitFor(() => leaders(a).length === 1 && leaders(b).length === 1, 'one leader in each group', 30_000)
      const [la, lb] = [leaders(a)[0], leaders(b)[0]]
      await soleLeader(a, la, 'group a keeps its leader')
      await soleLeader(b, lb, 'group b keeps its leader')
      // heal: one peer of b meets one of a; membership merges and the higher of the two leaders steps down
      await b[0].comm.connect({ endpoint: a[0].multiaddrs()[0] })
      for (const n of all) await waitFor(() => n.peersOfChannel(CHANNEL).length === 9, `${n.config.peer.id} sees all 9 others`, 30_000)
      await soleLeader(all, lowest([la, lb]), 'only the lower of the two leaders leads')
      if (la === lowest(a) && lb === lowest(b)) assert.equal(leaders(all)[0], lowest(all), 'the lowest of all')
    } finally {
      await stopAll(all)
    }
  })
})
