import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  alivePushAllowed,
  anchorPeerAccepted,
  anchorPeerContactable,
  bootstrapPeerAccepted,
  identityDisclosable,
  membershipRequestIncludesInternalEndpoint,
  membershipSieve,
  stateInfoDisclosable,
  stripSecretFor,
  type OrgPeer
} from '../../../src/membership/disclosure.js'

const SELF = 'Org1MSP'
const OTHER = 'Org2MSP'
const THIRD = 'Org3MSP'

const peer = (mspId: string, ext: boolean, name = 'p'): OrgPeer => ({ mspId, externalEndpoint: ext ? `${name}.${mspId}:7051` : '' })

type OriginOrg = 'self' | "remote's" | 'third'
type RemoteOrg = 'self' | 'other'

/**
 * One row per combination of (remote org) x (origin org) x (origin has an external endpoint) x (remote has
 * one). "remote's" is the remote's own org (which is mine when the remote is of my org), "third" an org that
 * is neither mine nor the remote's. Expected values worked out by hand from reference section 4:
 * - sieve: (X = R or X = me) and (X = R or both external endpoints are set);
 * - push: from my org to any org; from a foreign org X only to peers of my org or of X, and never to a peer
 *   without an external endpoint; and a peer without an external endpoint is invisible outside its org
 *   (its alive message never reaches a peer of another org).
 */
const TABLE: Array<{ remote: RemoteOrg, origin: OriginOrg, originExt: boolean, remoteExt: boolean, sieve: boolean, push: boolean, why: string }> = [
  // remote of my org (R = me): origins of my org are the remote's org
  { remote: 'self', origin: 'self', originExt: true, remoteExt: true, sieve: true, push: true, why: 'all in my org' },
  { remote: 'self', origin: 'self', originExt: true, remoteExt: false, sieve: true, push: true, why: 'all in my org' },
  { remote: 'self', origin: 'self', originExt: false, remoteExt: true, sieve: true, push: true, why: 'all in my org: no external endpoint needed' },
  { remote: 'self', origin: 'self', originExt: false, remoteExt: false, sieve: true, push: true, why: 'all in my org: no external endpoint needed' },
  { remote: 'self', origin: "remote's", originExt: true, remoteExt: true, sieve: true, push: true, why: 'same as above: the remote\'s org is mine' },
  { remote: 'self', origin: "remote's", originExt: true, remoteExt: false, sieve: true, push: true, why: 'same as above' },
  { remote: 'self', origin: "remote's", originExt: false, remoteExt: true, sieve: true, push: true, why: 'same as above' },
  { remote: 'self', origin: "remote's", originExt: false, remoteExt: false, sieve: true, push: true, why: 'same as above' },
  { remote: 'self', origin: 'third', originExt: true, remoteExt: true, sieve: false, push: true, why: 'sieve: X is neither R nor me; push: foreign X to my org, remote has an external endpoint' },
  { remote: 'self', origin: 'third', originExt: true, remoteExt: false, sieve: false, push: false, why: 'push: a foreign alive message never to a peer without external endpoint' },
  { remote: 'self', origin: 'third', originExt: false, remoteExt: true, sieve: false, push: false, why: 'push: an origin without external endpoint stays in its org' },
  { remote: 'self', origin: 'third', originExt: false, remoteExt: false, sieve: false, push: false, why: 'both reasons' },
  // remote of another org R
  { remote: 'other', origin: 'self', originExt: true, remoteExt: true, sieve: true, push: true, why: 'from my org, both external endpoints set' },
  { remote: 'other', origin: 'self', originExt: true, remoteExt: false, sieve: false, push: true, why: 'sieve needs both endpoints; push from my org goes to any org' },
  { remote: 'other', origin: 'self', originExt: false, remoteExt: true, sieve: false, push: false, why: 'origin without external endpoint is invisible outside my org' },
  { remote: 'other', origin: 'self', originExt: false, remoteExt: false, sieve: false, push: false, why: 'origin without external endpoint is invisible outside my org' },
  { remote: 'other', origin: "remote's", originExt: true, remoteExt: true, sieve: true, push: true, why: 'X = R; push: foreign X to X, remote has an external endpoint' },
  { remote: 'other', origin: "remote's", originExt: true, remoteExt: false, sieve: true, push: false, why: 'X = R: sieve passes; push never to a peer without external endpoint' },
  { remote: 'other', origin: "remote's", originExt: false, remoteExt: true, sieve: true, push: true, why: 'X = R: the origin\'s own org may know it' },
  { remote: 'other', origin: "remote's", originExt: false, remoteExt: false, sieve: true, push: false, why: 'X = R: sieve passes; push never to a peer without external endpoint' },
  { remote: 'other', origin: 'third', originExt: true, remoteExt: true, sieve: false, push: false, why: 'X is neither R nor me' },
  { remote: 'other', origin: 'third', originExt: true, remoteExt: false, sieve: false, push: false, why: 'X is neither R nor me' },
  { remote: 'other', origin: 'third', originExt: false, remoteExt: true, sieve: false, push: false, why: 'X is neither R nor me' },
  { remote: 'other', origin: 'third', originExt: false, remoteExt: false, sieve: false, push: false, why: 'X is neither R nor me' }
]

function orgsOf (row: typeof TABLE[number]): { remoteOrg: string, originOrg: string } {
  const remoteOrg = row.remote === 'self' ? SELF : OTHER
  const originOrg = row.origin === 'self' ? SELF : row.origin === "remote's" ? remoteOrg : (remoteOrg === SELF ? OTHER : THIRD)
  return { remoteOrg, originOrg }
}

describe('disclosure: alive messages, every combination', () => {
  it('the table covers all 24 combinations once', () => {
    const keys = new Set(TABLE.map(r => `${r.remote}|${r.origin}|${r.originExt}|${r.remoteExt}`))
    assert.equal(keys.size, 2 * 3 * 2 * 2)
  })

  for (const row of TABLE) {
    const name = `remote ${row.remote} org ${row.remoteExt ? 'with' : 'without'} ext, origin ${row.origin} org ${row.originExt ? 'with' : 'without'} ext`
    it(`${name}: sieve ${row.sieve}, push ${row.push} (${row.why})`, () => {
      const { remoteOrg, originOrg } = orgsOf(row)
      const remote = peer(remoteOrg, row.remoteExt, 'remote')
      const origin = peer(originOrg, row.originExt, 'origin')
      assert.equal(membershipSieve(SELF, remote)(origin), row.sieve, 'sieve')
      assert.equal(alivePushAllowed(SELF, origin, remote), row.push, 'push')
      assert.equal(stripSecretFor(SELF, remote), remoteOrg !== SELF, 'secret stripped exactly outside my org')
    })
  }

  it('a peer of an unknown org learns nothing, and nothing of an unknown org is disclosed', () => {
    const unknown = peer('', true)
    for (const o of [peer(SELF, true), peer(OTHER, true), unknown]) {
      assert.equal(membershipSieve(SELF, unknown)(o), false)
      assert.equal(alivePushAllowed(SELF, o, unknown), false)
    }
    for (const r of [peer(SELF, true), peer(OTHER, true)]) {
      assert.equal(membershipSieve(SELF, r)(unknown), false)
      assert.equal(alivePushAllowed(SELF, unknown, r), false)
    }
    assert.equal(stripSecretFor(SELF, unknown), true)
  })
})

describe('disclosure: identities, StateInfo, anchors, bootstrap', () => {
  it('identity pull: same org sees all; a foreign requester only external peers of my org or its own', () => {
    for (const ext of [true, false]) {
      for (const org of [SELF, OTHER, THIRD]) {
        assert.equal(identityDisclosable(SELF, peer(SELF, false), peer(org, ext)), true, `same-org requester sees ${org} ext=${ext}`)
      }
    }
    const foreign = peer(OTHER, false) // the requester's own endpoint does not matter
    assert.equal(identityDisclosable(SELF, foreign, peer(SELF, true)), true)
    assert.equal(identityDisclosable(SELF, foreign, peer(SELF, false)), false)
    assert.equal(identityDisclosable(SELF, foreign, peer(OTHER, true)), true)
    assert.equal(identityDisclosable(SELF, foreign, peer(OTHER, false)), false)
    assert.equal(identityDisclosable(SELF, foreign, peer(THIRD, true)), false)
    assert.equal(identityDisclosable(SELF, foreign, peer(THIRD, false)), false)
    assert.equal(identityDisclosable(SELF, peer('', true), peer(SELF, true)), false, 'unknown requester')
    assert.equal(identityDisclosable(SELF, foreign, peer('', true)), false, 'unknown owner')
  })

  it('StateInfo snapshot: same org sees all; a foreign requester sees my org\'s entries only with an external endpoint', () => {
    for (const ext of [true, false]) {
      for (const org of [SELF, OTHER, THIRD]) {
        assert.equal(stateInfoDisclosable(SELF, peer(SELF, false), peer(org, ext)), true)
      }
    }
    const foreign = peer(OTHER, true)
    assert.equal(stateInfoDisclosable(SELF, foreign, peer(SELF, true)), true)
    assert.equal(stateInfoDisclosable(SELF, foreign, peer(SELF, false)), false)
    // Fabric createStateInfoSnapshot: entries of foreign orgs are not filtered
    assert.equal(stateInfoDisclosable(SELF, foreign, peer(OTHER, false)), true)
    assert.equal(stateInfoDisclosable(SELF, foreign, peer(THIRD, false)), true)
    assert.equal(stateInfoDisclosable(SELF, peer('', true), peer(SELF, true)), false, 'unknown requester')
    assert.equal(stateInfoDisclosable(SELF, foreign, peer('', true)), false, 'unknown owner')
  })

  it('anchor peers of other orgs are contacted only with an external endpoint, and told no internal endpoint', () => {
    assert.equal(anchorPeerContactable(SELF, '', SELF), true)
    assert.equal(anchorPeerContactable(SELF, 'me:7051', SELF), true)
    assert.equal(anchorPeerContactable(SELF, 'me:7051', OTHER), true)
    assert.equal(anchorPeerContactable(SELF, '', OTHER), false)
    assert.equal(membershipRequestIncludesInternalEndpoint(SELF, SELF), true)
    assert.equal(membershipRequestIncludesInternalEndpoint(SELF, OTHER), false)
    assert.equal(membershipRequestIncludesInternalEndpoint(SELF, ''), false)
    assert.equal(anchorPeerAccepted(SELF, SELF, SELF), true)
    assert.equal(anchorPeerAccepted(SELF, SELF, OTHER), false, 'claimed to be of my org but is not')
    assert.equal(anchorPeerAccepted(SELF, OTHER, OTHER), true)
    assert.equal(anchorPeerAccepted(SELF, OTHER, SELF), true, 'Fabric accepts it, then treats it as of my org')
  })

  it('bootstrap peers must be of my org', () => {
    assert.equal(bootstrapPeerAccepted(SELF, SELF), true)
    assert.equal(bootstrapPeerAccepted(SELF, OTHER), false)
    assert.equal(bootstrapPeerAccepted(SELF, ''), false)
  })
})
