import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { gossip } from '../../../src/pb/gossip.js'
import {
  any,
  combine,
  firstPeer,
  hasExternalEndpoint,
  inOrg,
  inOrgs,
  not,
  pkiIdIs,
  selectAll,
  selectAllPeers,
  selectNone,
  selectPeers,
  tagFilter
} from '../../../src/filter/index.js'
import type { RoutingFilter, RoutingMember } from '../../../src/filter/index.js'

const Tag = gossip.GossipMessage.Tag

function member (n: number, mspId: string, externalEndpoint = `peer${n}:7051`): RoutingMember {
  return { pkiIdHex: n.toString(16).padStart(4, '0'), mspId, externalEndpoint }
}

const pool = [
  member(1, 'Org1MSP'), member(2, 'Org1MSP', ''), member(3, 'Org2MSP'), member(4, 'Org2MSP', ''), member(5, 'Org3MSP')
]
const ids = (ms: readonly RoutingMember[]): number[] => ms.map(m => parseInt(m.pkiIdHex, 16))

/** A deterministic RNG (mulberry32). */
function seeded (seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6D2B79F5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('routing filter combinators', () => {
  it('selectAll and selectNone', () => {
    assert.deepEqual(ids(selectAllPeers(pool, selectAll)), [1, 2, 3, 4, 5])
    assert.deepEqual(selectAllPeers(pool, selectNone), [])
  })

  it('combine is AND, any is OR, not negates; empty combine selects all, empty any none', () => {
    const org1 = inOrg('Org1MSP')
    assert.deepEqual(ids(selectAllPeers(pool, combine(org1, hasExternalEndpoint))), [1])
    assert.deepEqual(ids(selectAllPeers(pool, any(org1, hasExternalEndpoint))), [1, 2, 3, 5])
    assert.deepEqual(ids(selectAllPeers(pool, not(org1))), [3, 4, 5])
    assert.deepEqual(ids(selectAllPeers(pool, combine())), [1, 2, 3, 4, 5])
    assert.deepEqual(ids(selectAllPeers(pool, any())), [])
    assert.deepEqual(ids(selectAllPeers(pool, inOrgs(['Org2MSP', 'Org3MSP']))), [3, 4, 5])
    assert.deepEqual(ids(selectAllPeers(pool, not(pkiIdIs('0003')))), [1, 2, 4, 5])
    assert.deepEqual(ids(selectAllPeers(pool, pkiIdIs('0003'.toUpperCase()))), [3])
  })

  it('combine stops at the first filter that refuses', () => {
    let calls = 0
    const counting: RoutingFilter = () => { calls++; return true }
    combine(selectNone, counting)(pool[0])
    assert.equal(calls, 0)
    any(selectAll, counting)(pool[0])
    assert.equal(calls, 0)
  })

  it('firstPeer returns the first match in pool order', () => {
    assert.equal(firstPeer(pool, inOrg('Org2MSP'))?.pkiIdHex, '0003')
    assert.equal(firstPeer(pool, selectNone), undefined)
  })
})

describe('selectPeers', () => {
  it('returns at most k distinct members that pass the filter', () => {
    for (let seed = 0; seed < 50; seed++) {
      const got = selectPeers(2, pool, hasExternalEndpoint, seeded(seed))
      assert.equal(got.length, 2)
      assert.equal(new Set(got).size, 2)
      for (const m of got) assert.notEqual(m.externalEndpoint, '')
    }
    assert.deepEqual(ids(selectPeers(10, pool, inOrg('Org1MSP'), seeded(1))).sort(), [1, 2])
    assert.deepEqual(selectPeers(0, pool, selectAll), [])
    assert.deepEqual(selectPeers(-1, pool, selectAll), [])
    assert.deepEqual(selectPeers(3, [], selectAll), [])
    assert.deepEqual(selectPeers(3, pool, selectNone), [])
  })

  it('follows the injected RNG (a Fisher-Yates walk): always 0 keeps pool order', () => {
    assert.deepEqual(ids(selectPeers(5, pool, selectAll, () => 0)), [1, 2, 3, 4, 5])
    // just below 1: take the last, which swaps the first into its place, then take that
    assert.deepEqual(ids(selectPeers(2, pool, selectAll, () => 0.999999)), [5, 1])
  })

  it('picks every member with about equal probability', () => {
    const rng = seeded(42)
    const counts = new Map<string, number>()
    const runs = 20_000
    for (let i = 0; i < runs; i++) {
      for (const m of selectPeers(2, pool, selectAll, rng)) counts.set(m.pkiIdHex, (counts.get(m.pkiIdHex) ?? 0) + 1)
    }
    for (const m of pool) {
      const share = (counts.get(m.pkiIdHex) ?? 0) / runs
      assert.ok(Math.abs(share - 2 / 5) < 0.02, `${m.pkiIdHex} picked in ${share} of runs`)
    }
  })

  it('uses Math.random by default', () => {
    assert.equal(selectPeers(3, pool, selectAll).length, 3)
  })
})

describe('tagFilter: the routing table of reference section 3', () => {
  // Channel A has Org1MSP and Org2MSP; I am in Org1MSP.
  const isChannelMember = inOrgs(['Org1MSP', 'Org2MSP'])
  const context = { selfMspId: 'Org1MSP', isChannelMember }
  const table: Array<[gossip.GossipMessage.Tag, number[], number[]]> = [
    // tag, with the channel known, with no channel
    [Tag.EMPTY, [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]],
    [Tag.ORG_ONLY, [1, 2], [1, 2]],
    [Tag.CHAN_ONLY, [1, 2, 3, 4], []],
    [Tag.CHAN_AND_ORG, [1, 2], []],
    [Tag.CHAN_OR_ORG, [1, 2, 3, 4], [1, 2]],
    [Tag.UNDEFINED, [], []]
  ]
  for (const [tag, withChannel, withoutChannel] of table) {
    it(`${tag}`, () => {
      assert.deepEqual(ids(selectAllPeers(pool, tagFilter(tag, context))), withChannel)
      assert.deepEqual(ids(selectAllPeers(pool, tagFilter(tag, { selfMspId: 'Org1MSP' }))), withoutChannel)
    })
  }

  it('CHAN_AND_ORG and CHAN_OR_ORG differ for a foreign org outside the channel and my org', () => {
    const ctx = { selfMspId: 'Org3MSP', isChannelMember }
    assert.deepEqual(ids(selectAllPeers(pool, tagFilter(Tag.CHAN_AND_ORG, ctx))), [])
    assert.deepEqual(ids(selectAllPeers(pool, tagFilter(Tag.CHAN_OR_ORG, ctx))), [1, 2, 3, 4, 5])
    assert.deepEqual(ids(selectAllPeers(pool, tagFilter(Tag.CHAN_ONLY, ctx))), [1, 2, 3, 4])
  })

  it('composes with other filters (no self loop, external endpoints)', () => {
    const route = combine(tagFilter(Tag.CHAN_OR_ORG, context), not(pkiIdIs('0001')), hasExternalEndpoint)
    assert.deepEqual(ids(selectAllPeers(pool, route)), [3])
  })
})
