/**
 * Fabric's scenario 8 (reference section 5; Fabric `gossip/gossip/orgs_test.go` TestMultipleOrgEndpointLeakage)
 * simulated through our pure pieces: 2 orgs x 5 peers, the first 2 of each org with an external endpoint, one
 * anchor peer per org (orgA's second peer, orgB's first, as in Fabric's test) and no bootstrap peers. Every
 * message goes through the disclosure predicates and into each peer's MembershipView; we push and pull to all
 * known peers each round (a superset of Fabric's random choice of 3), so the result is a fixed point.
 * Expected: peers with an external endpoint know 4 + 2 peers, the others 4; nobody learns an internal
 * endpoint of another org, and no secret ever crosses an org boundary.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { MembershipView, type AliveInfo } from '../../../src/membership/view.js'
import type { PeerTime } from '../../../src/membership/peer-time.js'
import {
  alivePushAllowed,
  anchorPeerAccepted,
  anchorPeerContactable,
  membershipRequestIncludesInternalEndpoint,
  membershipSieve,
  stripSecretFor,
  type OrgPeer
} from '../../../src/membership/disclosure.js'

const TIMEOUT = 10_000 // ms, Fabric's test config
const ORGS = ['orgA', 'orgB']
const PEERS_PER_ORG = 5

/** An alive message in flight: the signed part and the SecretEnvelope's internal endpoint, if not stripped. */
interface SimAlive {
  origin: number
  time: PeerTime
  endpoint: string
  secret?: string
}

interface SimPeer {
  idx: number
  org: string
  pkiId: Uint8Array
  external: string
  internal: string
  seq: bigint
  view: MembershipView<SimAlive>
  stopped: boolean
}

function network (): { peers: SimPeer[], anchors: Array<{ peer: SimPeer, listedOrg: string }>, clock: { now: () => number, advance: (ms: number) => void }, leaks: string[], run: (rounds: number, stepMs: number) => void } {
  let t = 0
  const clock = { now: () => t, advance: (ms: number) => { t += ms } }
  const leaks: string[] = []
  const peers: SimPeer[] = []
  ORGS.forEach((org, o) => {
    for (let i = 0; i < PEERS_PER_ORG; i++) {
      const idx = o * PEERS_PER_ORG + i
      const pkiId = Uint8Array.of(0x77, idx)
      peers.push({
        idx,
        org,
        pkiId,
        external: i < 2 ? `peer${i}.${org}.example.com:7051` : '',
        internal: `10.0.${o}.${i}:7051`,
        seq: 0n,
        view: new MembershipView<SimAlive>({ selfPkiId: pkiId, now: clock.now, aliveExpirationTimeout: TIMEOUT }),
        stopped: false
      })
    }
  })
  const anchors = [{ peer: peers[1], listedOrg: 'orgA' }, { peer: peers[5], listedOrg: 'orgB' }]

  /** What a holder of `m` knows of its origin: org (from the identity) and external endpoint. */
  const originOf = (m: SimAlive): OrgPeer => ({ mspId: peers[m.origin].org, externalEndpoint: m.endpoint })

  function selfAlive (p: SimPeer): SimAlive {
    p.seq++
    return { origin: p.idx, time: { incNum: 1n, seqNum: p.seq }, endpoint: p.external, secret: p.internal }
  }

  function filterSecret (m: SimAlive, senderOrg: string, to: OrgPeer): SimAlive {
    return stripSecretFor(senderOrg, to) ? { origin: m.origin, time: m.time, endpoint: m.endpoint } : m
  }

  function info (m: SimAlive): AliveInfo<SimAlive> {
    return { pkiId: peers[m.origin].pkiId, time: m.time, endpoint: m.endpoint, internalEndpoint: m.secret, message: m }
  }

  function deliver (to: SimPeer, m: SimAlive, dead = false): void {
    if (m.secret != null && peers[m.origin].org !== to.org) leaks.push(`${to.idx} got the internal endpoint of ${m.origin}`)
    if (dead) to.view.handleDead(info(m))
    else to.view.handleAlive(info(m))
  }

  /** `from` sends a MembershipRequest to `to`, which answers as Fabric's createMembershipResponse. */
  function membershipRequest (from: SimPeer, to: SimPeer, includeInternal: boolean): void {
    if (from.stopped || to.stopped) return
    let self = selfAlive(from)
    if (!includeInternal) self = { origin: self.origin, time: self.time, endpoint: self.endpoint }
    deliver(to, self)
    const requester: OrgPeer = { mspId: from.org, externalEndpoint: self.endpoint }
    const sieve = membershipSieve(to.org, requester)
    const own = selfAlive(to)
    if (!sieve(originOf(own))) return // Fabric: no response, connection closed
    for (const m of [...to.view.alive().map(x => x.message), own]) {
      if (sieve(originOf(m))) deliver(from, filterSecret(m, to.org, requester))
    }
    for (const m of to.view.dead().map(x => x.message)) {
      if (sieve(originOf(m))) deliver(from, filterSecret(m, to.org, requester), true)
    }
  }

  /** One push round: every peer gossips its own alive message and forwards every one it holds. */
  function pushRound (): void {
    for (const p of peers) {
      if (p.stopped) continue
      const msgs = [selfAlive(p), ...p.view.alive().map(x => x.message)]
      for (const target of p.view.alive()) {
        const q = peers.find(x => x.view.selfPkiIdHex === target.pkiIdHex)
        assert.ok(q != null)
        if (q.stopped) continue
        const to: OrgPeer = { mspId: q.org, externalEndpoint: target.endpoint }
        for (const m of msgs) {
          if (m.origin === q.idx) continue
          if (alivePushAllowed(p.org, originOf(m), to)) deliver(q, filterSecret(m, p.org, to))
        }
      }
    }
  }

  /** One pull round: every peer sends a membership request to every alive member it knows. */
  function pullRound (): void {
    for (const p of peers) {
      for (const target of p.view.alive()) {
        const q = peers.find(x => x.view.selfPkiIdHex === target.pkiIdHex)
        assert.ok(q != null)
        membershipRequest(p, q, membershipRequestIncludesInternalEndpoint(p.org, q.org))
      }
    }
  }

  function run (rounds: number, stepMs: number): void {
    for (let r = 0; r < rounds; r++) {
      clock.advance(stepMs)
      pushRound()
      pullRound()
      for (const p of peers) p.view.checkExpiry()
    }
  }

  // Start: each peer contacts the anchor peers it may (Fabric learnAnchorPeers + Connect)
  for (const p of peers) {
    for (const { peer: a, listedOrg } of anchors) {
      if (a === p || !anchorPeerContactable(p.org, p.external, listedOrg)) continue
      if (!anchorPeerAccepted(p.org, listedOrg, a.org)) continue
      membershipRequest(p, a, membershipRequestIncludesInternalEndpoint(p.org, a.org))
    }
  }
  return { peers, anchors, clock, leaks, run }
}

describe('scenario 8: two orgs, external endpoints on two peers each', () => {
  it('peers with an external endpoint know 4 + 2 peers, the others 4; no internal endpoint crosses orgs', () => {
    const { peers, leaks, run } = network()
    run(6, 1_000)
    for (const p of peers) {
      const known = p.view.alive()
      const expected = p.external !== '' ? 4 + 2 : 4
      assert.equal(known.length, expected, `peer ${p.idx} (${p.org}, ext=${p.external !== ''}) knows ${known.map(m => m.endpoint || m.pkiIdHex).join(', ')}`)
      assert.equal(p.view.dead().length, 0)
      for (const m of known) {
        const q = peers.find(x => x.view.selfPkiIdHex === m.pkiIdHex)
        assert.ok(q != null)
        if (q.org === p.org) {
          assert.equal(m.internalEndpoint, q.internal, `peer ${p.idx} knows the internal endpoint of its org's peer ${q.idx}`)
        } else {
          assert.ok(p.external !== '' && q.external !== '', `peer ${p.idx} may know ${q.idx} of another org only if both have external endpoints`)
          assert.equal(m.internalEndpoint, undefined, `peer ${p.idx} must not know the internal endpoint of ${q.idx}`)
        }
      }
    }
    assert.deepEqual(leaks, [])
  })

  it('a peer of another org that stops is seen dead by external peers only; the others never hear of it', () => {
    const { peers, leaks, run } = network()
    run(6, 1_000)
    const b1 = peers[6] // orgB, external endpoint
    b1.stopped = true
    run(8, 2_000) // 16 s of silence > 10 s
    for (const p of peers) {
      if (p === b1) continue
      const m = p.view.get(b1.pkiId)
      if (p.org === 'orgB' || p.external !== '') {
        assert.equal(m?.state, 'dead', `peer ${p.idx} sees b1 dead`)
      } else {
        assert.equal(m, undefined, `peer ${p.idx} never heard of b1`)
      }
      const expected = p.org === 'orgB' ? (p.external !== '' ? 3 + 2 : 3) : (p.external !== '' ? 4 + 1 : 4)
      assert.equal(p.view.alive().length, expected, `peer ${p.idx} alive members`)
    }
    assert.deepEqual(leaks, [])
  })
})
