import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { channelMac, findChannelByMac } from '../../../src/channels/channel-mac.js'
import { StateInfoStore, createStateInfo } from '../../../src/channels/state-info.js'
import { channelOrgFilter, hasStateInfoFilter, maxLedgerHeight, peersOfChannel } from '../../../src/channels/membership.js'
import { combine, selectAllPeers } from '../../../src/filter/index.js'
import type { RoutingMember } from '../../../src/filter/index.js'

interface TestPeer extends RoutingMember { index: number, pkiId: Uint8Array }

function peer (index: number, mspId: string): TestPeer {
  const pkiId = Uint8Array.of(0x70, index)
  return { index, pkiId, pkiIdHex: Buffer.from(pkiId).toString('hex'), mspId, externalEndpoint: `p${index}:7051` }
}

/** The StateInfo peer `p` publishes for `channel` (through the real builder). */
function published (p: TestPeer, channel: string, seq: bigint, height: bigint, leftChannel = false) {
  const msg = createStateInfo({ pkiId: p.pkiId, channelId: channel, joinTime: 1000n + BigInt(p.index), seq, height, leftChannel })
  return msg.stateInfo!
}

const indexes = (ps: ReadonlyArray<{ index: number }>): number[] => ps.map(p => p.index)

describe('peersOfChannel', () => {
  it('needs the org in the channel, a StateInfo, and left_channel=false', () => {
    const a = peer(1, 'Org1MSP')
    const b = peer(2, 'Org1MSP')
    const c = peer(3, 'Org2MSP')
    const d = peer(4, 'Org3MSP')
    const e = peer(5, 'Org2MSP')
    const store = new StateInfoStore()
    store.add(published(a, 'ch', 1n, 5n), 0)
    store.add(published(c, 'ch', 1n, 9n), 0)
    store.add(published(d, 'ch', 1n, 3n), 0) // org not in the channel
    store.add(published(e, 'ch', 1n, 4n, true), 0) // left
    // b published nothing
    const peers = peersOfChannel(['Org1MSP', 'Org2MSP'], [a, b, c, d, e], store)
    assert.deepEqual(indexes(peers), [1, 3])
    assert.deepEqual(peers.map(p => p.properties.ledgerHeight), [5n, 9n])
    assert.equal(peers[0].externalEndpoint, 'p1:7051')
    assert.equal(maxLedgerHeight(peers), 9n)
    assert.equal(maxLedgerHeight([]), 0n)
    // a StateInfo of a member that is not alive does not count
    assert.deepEqual(indexes(peersOfChannel(new Set(['Org1MSP', 'Org2MSP']), [b, c], store)), [3])
    assert.deepEqual(peersOfChannel(['Org1MSP'], [a], store, { selfLeftChannel: true }), [])
  })

  it('the filters compose like Fabric eligibleForChannelAndSameOrg', () => {
    const a = peer(1, 'Org1MSP')
    const b = peer(2, 'Org1MSP')
    const c = peer(3, 'Org2MSP')
    const store = new StateInfoStore()
    store.add(published(a, 'ch', 1n, 1n), 0)
    store.add(published(c, 'ch', 1n, 1n), 0)
    const route = combine(hasStateInfoFilter(store), channelOrgFilter(['Org1MSP', 'Org2MSP']), (m: RoutingMember) => m.mspId === 'Org1MSP')
    assert.deepEqual(indexes(selectAllPeers([a, b, c], route)), [1])
  })

  it('reference scenario 4 (data leakage): each eligible peer sees exactly its 2 channel peers with their heights', () => {
    // 10 peers in a full mesh; 0-4 join A (height 1), 5-9 join B (height 2); only {0,1,2} are eligible for A and
    // {5,6,7} for B: the StateInfo of the others fails verification (Fabric: VerifyByChannel) and is never stored.
    const all = Array.from({ length: 10 }, (_, i) => peer(i, 'ORG'))
    const channels = { A: { members: [0, 1, 2, 3, 4], eligible: new Set([0, 1, 2]), height: 1n }, B: { members: [5, 6, 7, 8, 9], eligible: new Set([5, 6, 7]), height: 2n } }
    // What every peer stores per joined channel: the StateInfo whose MAC names the channel and that verified.
    const stores = all.map(self => {
      const joined = Object.entries(channels).filter(([, c]) => c.members.includes(self.index)).map(([name]) => name)
      const perChannel = new Map(joined.map(name => [name, new StateInfoStore()]))
      for (const [name, c] of Object.entries(channels)) {
        for (const i of c.members) {
          const si = published(all[i], name, 1n, c.height)
          const found = findChannelByMac(si.channel_MAC, si.pkiId, joined)
          if (found === undefined) continue // a channel this peer did not join: unknown MAC
          assert.equal(found, name)
          if (!channels[found as 'A' | 'B'].eligible.has(i)) continue // not eligible: dropped
          perChannel.get(found)?.add(si, 0)
        }
      }
      return perChannel
    })
    for (const [name, c] of Object.entries(channels)) {
      for (const i of c.members) {
        const alive = all.filter(p => p.index !== i)
        const seen = peersOfChannel(['ORG'], alive, stores[i].get(name)!)
        const expected = [...c.eligible].filter(j => j !== i)
        if (c.eligible.has(i)) {
          assert.deepEqual(indexes(seen), expected, `peer ${i} in ${name}`)
          assert.deepEqual(seen.map(p => p.properties.ledgerHeight), [c.height, c.height])
        }
        // no peer ever sees a member of the other channel
        for (const p of seen) assert.ok(c.members.includes(p.index))
      }
    }
    // peer 0 did not join B: a B StateInfo finds no channel there
    assert.equal(findChannelByMac(channelMac(all[5].pkiId, 'B'), all[5].pkiId, ['A']), undefined)
  })

  it('reference scenario 4 with orgs: members of an org outside the channel are not channel peers', () => {
    const all = [peer(0, 'OrgA'), peer(1, 'OrgA'), peer(2, 'OrgA'), peer(3, 'OrgX'), peer(4, 'OrgX')]
    const store = new StateInfoStore()
    for (const p of all) store.add(published(p, 'A', 1n, 1n), 0)
    for (const self of all.slice(0, 3)) {
      const seen = peersOfChannel(['OrgA'], all.filter(p => p !== self), store)
      assert.equal(seen.length, 2)
      assert.ok(seen.every(p => p.mspId === 'OrgA'))
    }
  })

  it('reference scenario 5 (leave channel): 3 peers see 2 each; after one leaves, the others see 1 and the leaver 0', () => {
    const all = [peer(0, 'ORG'), peer(1, 'ORG'), peer(2, 'ORG')]
    const stores = all.map(() => new StateInfoStore())
    const gossipAll = (si: ReturnType<typeof published>, now: number): void => { for (const s of stores) s.add(si, now) }
    for (const p of all) gossipAll(published(p, 'A', 1n, 1n), 0)
    const view = (i: number, left = false): number[] => indexes(peersOfChannel(['ORG'], all.filter(p => p.index !== i), stores[i], { selfLeftChannel: left }))
    assert.deepEqual([view(0), view(1), view(2)], [[1, 2], [0, 2], [0, 1]])

    // peer 0 leaves: it publishes a newer StateInfo with left_channel=true
    gossipAll(published(all[0], 'A', 2n, 1n, true), 1)
    assert.deepEqual([view(0, true), view(1), view(2)], [[], [2], [1]])
    // an old copy of its earlier StateInfo arriving late does not bring it back
    gossipAll(published(all[0], 'A', 1n, 1n), 2)
    assert.deepEqual([view(1), view(2)], [[2], [1]])
  })
})
