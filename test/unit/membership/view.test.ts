import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { MembershipView, type AliveInfo, type MembershipViewInit } from '../../../src/membership/view.js'
import { DEFAULT_ALIVE_EXPIRATION_TIMEOUT, DEFAULT_MAX_MEMBERS, DEFAULT_MSG_EXPIRATION_FACTOR } from '../../../src/membership/constants.js'

const SELF = Uint8Array.of(0xaa, 0xaa)
const TIMEOUT = 10_000 // ms, Fabric's test config (reference section 5)
const FACTOR = 3

/** A fake clock: time only moves when the test says so. */
function fakeClock (start = 1_000_000): { now: () => number, advance: (ms: number) => void } {
  let t = start
  return { now: () => t, advance: (ms) => { t += ms } }
}

/** A stand-in for the alive message: enough to tell which message the view kept. */
interface Msg { label: string }

function pki (n: number): Uint8Array {
  return Uint8Array.of(0x10, n)
}
const hex = (n: number): string => Buffer.from(pki(n)).toString('hex')

function alive (n: number, inc: bigint, seq: bigint, extra: Partial<AliveInfo<Msg>> = {}): AliveInfo<Msg> {
  return {
    pkiId: pki(n),
    time: { incNum: inc, seqNum: seq },
    endpoint: `peer${n}.org1:7051`,
    internalEndpoint: `peer${n}:7051`,
    metadata: Uint8Array.of(n),
    message: { label: `p${n}@${inc}/${seq}` },
    ...extra
  }
}

function setup (init: Partial<MembershipViewInit> = {}): { view: MembershipView<Msg>, clock: ReturnType<typeof fakeClock> } {
  const clock = fakeClock()
  const view = new MembershipView<Msg>({ selfPkiId: SELF, now: clock.now, aliveExpirationTimeout: TIMEOUT, msgExpirationFactor: FACTOR, ...init })
  return { view, clock }
}

describe('MembershipView: alive messages', () => {
  it('learns an unknown member as alive with everything its message says', () => {
    const { view, clock } = setup()
    assert.equal(view.handleAlive(alive(1, 5n, 1n)), 'new')
    const m = view.get(hex(1))
    assert.ok(m != null)
    assert.equal(m.state, 'alive')
    assert.equal(m.pkiIdHex, hex(1))
    assert.deepEqual(m.pkiId, pki(1))
    assert.deepEqual(m.time, { incNum: 5n, seqNum: 1n })
    assert.equal(m.endpoint, 'peer1.org1:7051')
    assert.equal(m.internalEndpoint, 'peer1:7051')
    assert.deepEqual(m.metadata, Uint8Array.of(1))
    assert.deepEqual(m.message, { label: 'p1@5/1' })
    assert.equal(m.lastSeen, clock.now())
    assert.equal(m.bootstrap, false)
    assert.equal(m.anchor, false)
    assert.equal(view.size, 1)
    assert.equal(view.aliveCount, 1)
    assert.deepEqual(view.alive().map(x => x.pkiIdHex), [hex(1)])
    assert.deepEqual(view.dead(), [])
    assert.equal(view.get(pki(1)), m, 'get by bytes or hex')
    assert.equal(view.get(hex(1).toUpperCase()), m, 'hex is case-insensitive')
    assert.equal(view.has(pki(1)), true)
  })

  it('ignores an alive message about itself and says so', () => {
    const { view } = setup()
    assert.equal(view.handleAlive({ ...alive(1, 5n, 1n), pkiId: Uint8Array.from(SELF) }), 'self')
    assert.equal(view.handleDead({ ...alive(1, 5n, 1n), pkiId: Uint8Array.from(SELF) }), 'self')
    assert.equal(view.size, 0)
    assert.equal(view.selfPkiIdHex, 'aaaa')
  })

  it('a duplicate (same PeerTime) is stale: nothing changes, lastSeen is not refreshed', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 3n))
    const before = view.get(hex(1))
    clock.advance(4_000)
    assert.equal(view.handleAlive(alive(1, 5n, 3n, { endpoint: 'other:1', message: { label: 'replay' } })), 'stale')
    assert.equal(view.get(hex(1)), before, 'the same record')
    assert.equal(view.get(hex(1))?.lastSeen, clock.now() - 4_000)
  })

  it('an older message (lower seq, or lower inc) is stale', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 3n))
    clock.advance(1_000)
    assert.equal(view.handleAlive(alive(1, 5n, 2n)), 'stale')
    assert.equal(view.handleAlive(alive(1, 4n, 100n)), 'stale')
    assert.deepEqual(view.get(hex(1))?.message, { label: 'p1@5/3' })
    assert.equal(view.get(hex(1))?.lastSeen, clock.now() - 1_000)
  })

  it('a strictly newer message replaces the stored one and refreshes lastSeen', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 3n))
    clock.advance(2_000)
    assert.equal(view.handleAlive(alive(1, 5n, 4n, { endpoint: 'moved:7051', metadata: Uint8Array.of(9) })), 'updated')
    const m = view.get(hex(1))
    assert.deepEqual(m?.time, { incNum: 5n, seqNum: 4n })
    assert.equal(m?.endpoint, 'moved:7051')
    assert.deepEqual(m?.metadata, Uint8Array.of(9))
    assert.deepEqual(m?.message, { label: 'p1@5/4' })
    assert.equal(m?.lastSeen, clock.now())
    assert.equal(view.aliveCount, 1)
  })

  it('keeps the known internal endpoint when a newer message comes without one (stripped secret)', () => {
    const { view } = setup()
    view.handleAlive(alive(1, 5n, 1n))
    view.handleAlive(alive(1, 5n, 2n, { internalEndpoint: undefined }))
    assert.equal(view.get(hex(1))?.internalEndpoint, 'peer1:7051')
    view.handleAlive(alive(1, 5n, 3n, { internalEndpoint: 'peer1-new:7051' }))
    assert.equal(view.get(hex(1))?.internalEndpoint, 'peer1-new:7051')
  })

  it('a member learned without a secret has no internal endpoint, and metadata defaults to empty', () => {
    const { view } = setup()
    view.handleAlive(alive(1, 5n, 1n, { internalEndpoint: undefined, metadata: undefined }))
    assert.equal(view.get(hex(1))?.internalEndpoint, undefined)
    assert.equal(view.get(hex(1))?.metadata.byteLength, 0)
  })

  it('a restarted peer (higher inc_num, seq back to 0) replaces the old incarnation', () => {
    const { view } = setup()
    view.handleAlive(alive(1, 1_000n, 500n))
    assert.equal(view.handleAlive(alive(1, 2_000n, 0n, { endpoint: 'restarted:7051' })), 'updated')
    assert.deepEqual(view.get(hex(1))?.time, { incNum: 2_000n, seqNum: 0n })
    assert.equal(view.get(hex(1))?.endpoint, 'restarted:7051')
    // late messages of the old incarnation no longer count
    assert.equal(view.handleAlive(alive(1, 1_000n, 501n)), 'stale')
    assert.deepEqual(view.get(hex(1))?.time, { incNum: 2_000n, seqNum: 0n })
  })

  it('records are snapshots: a later change does not alter a record already returned', () => {
    const { view } = setup()
    view.handleAlive(alive(1, 5n, 1n))
    const first = view.get(hex(1))
    view.handleAlive(alive(1, 5n, 2n))
    assert.deepEqual(first?.time, { incNum: 5n, seqNum: 1n })
  })

  it('version moves on every change to the members held and on nothing else (lists are cached by it)', () => {
    const { view, clock } = setup()
    const v0 = view.version
    view.handleAlive(alive(1, 5n, 1n))
    const v1 = view.version
    assert.notEqual(v1, v0, 'learned')
    view.handleAlive(alive(1, 5n, 1n))
    view.handleAlive(alive(1, 5n, 0n))
    view.handleAlive({ ...alive(2, 5n, 1n), pkiId: Uint8Array.from(SELF) })
    assert.equal(view.version, v1, 'stale, older and self messages change nothing')
    view.handleAlive(alive(1, 5n, 2n))
    const v2 = view.version
    assert.notEqual(v2, v1, 'updated')
    view.expire(hex(1))
    const v3 = view.version
    assert.notEqual(v3, v2, 'died')
    assert.equal(view.expire(hex(1)), undefined)
    assert.equal(view.version, v3, 'already dead: nothing changes')
    view.handleDead(alive(3, 1n, 1n))
    const v4 = view.version
    assert.notEqual(v4, v3, 'learned dead')
    clock.advance(TIMEOUT * FACTOR + 1)
    view.checkExpiry()
    assert.notEqual(view.version, v4, 'forgotten')
    const v5 = view.version
    view.handleAlive(alive(4, 1n, 1n))
    view.remove(hex(4))
    assert.equal(view.version, v5 + 2, 'learned, then removed')
  })
})

describe('MembershipView: expiry', () => {
  it('declares an alive member dead strictly after aliveExpirationTimeout of silence, not before', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 1n))
    clock.advance(TIMEOUT)
    assert.deepEqual(view.checkExpiry(), { dead: [], forgotten: [] }, 'exactly the timeout: still alive (Fabric: elapsed > timeout)')
    assert.equal(view.get(hex(1))?.state, 'alive')
    clock.advance(1)
    const { dead, forgotten } = view.checkExpiry()
    assert.deepEqual(dead.map(m => [m.pkiIdHex, m.state]), [[hex(1), 'dead']])
    assert.deepEqual(forgotten, [])
    assert.equal(view.get(hex(1))?.state, 'dead')
    assert.equal(view.aliveCount, 0)
    assert.deepEqual(view.dead().map(m => m.pkiIdHex), [hex(1)])
    assert.deepEqual(view.checkExpiry().dead, [], 'reported once')
  })

  it('a member that keeps sending newer messages stays alive; duplicates do not keep it alive', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 1n))
    view.handleAlive(alive(2, 5n, 1n))
    for (let seq = 2n; seq <= 10n; seq++) {
      clock.advance(TIMEOUT / 2)
      view.handleAlive(alive(1, 5n, seq))
      view.handleAlive(alive(2, 5n, 1n)) // the same message, replayed
      view.checkExpiry()
      if (seq === 4n) assert.equal(view.get(hex(2))?.state, 'dead')
    }
    assert.equal(view.get(hex(1))?.state, 'alive')
    assert.equal(view.get(hex(2)), undefined, 'forgotten, and the replays did not bring it back')
  })

  it('a dead member is revived by a strictly newer PeerTime only', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 7n))
    clock.advance(TIMEOUT + 1)
    view.checkExpiry()
    const dead = view.get(hex(1))
    assert.equal(dead?.state, 'dead')
    assert.equal(view.handleAlive(alive(1, 5n, 7n)), 'stale', 'the same message does not revive')
    assert.equal(view.handleAlive(alive(1, 5n, 6n)), 'stale', 'an older one neither')
    assert.equal(view.get(hex(1)), dead)
    assert.equal(view.handleAlive(alive(1, 5n, 8n, { internalEndpoint: undefined })), 'revived')
    const m = view.get(hex(1))
    assert.equal(m?.state, 'alive')
    assert.equal(m?.lastSeen, clock.now())
    assert.equal(m?.internalEndpoint, 'peer1:7051', 'kept from before')
    assert.equal(view.aliveCount, 1)
  })

  it('a restarted peer revives a dead member', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 70n))
    clock.advance(TIMEOUT + 1)
    view.checkExpiry()
    assert.equal(view.handleAlive(alive(1, 6n, 0n)), 'revived')
  })

  it('forgets a member once its newest message is older than timeout x factor, not before', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 1n))
    clock.advance(TIMEOUT * FACTOR)
    const at = view.checkExpiry()
    assert.deepEqual(at.dead.map(m => m.pkiIdHex), [hex(1)])
    assert.deepEqual(at.forgotten, [], 'exactly timeout x factor: kept')
    clock.advance(1)
    const { forgotten } = view.checkExpiry()
    assert.deepEqual(forgotten.map(m => [m.pkiIdHex, m.state]), [[hex(1), 'dead']])
    assert.equal(view.get(hex(1)), undefined)
    assert.equal(view.size, 0)
    // learned again from scratch by its next message
    assert.equal(view.handleAlive(alive(1, 5n, 2n)), 'new')
  })

  it('a forgotten member comes back only with a newer message for another timeout x factor', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 4n))
    clock.advance(TIMEOUT * FACTOR + 1)
    view.checkExpiry()
    assert.equal(view.get(hex(1)), undefined)
    assert.equal(view.handleAlive(alive(1, 5n, 4n)), 'stale', 'a replay of the message it was forgotten with')
    assert.equal(view.handleAlive(alive(1, 5n, 3n)), 'stale', 'an older one')
    assert.equal(view.handleDead(alive(1, 5n, 4n)), 'stale', 'nor as dead')
    assert.equal(view.size, 0)
    assert.equal(view.handleAlive(alive(1, 5n, 5n)), 'new', 'a newer one brings it back')
  })

  it('the memory of a forgotten member lapses after another timeout x factor', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 4n))
    clock.advance(TIMEOUT * FACTOR + 1)
    view.checkExpiry()
    clock.advance(TIMEOUT * FACTOR)
    assert.equal(view.handleAlive(alive(1, 5n, 4n)), 'stale', 'still remembered at exactly the end')
    clock.advance(1)
    view.checkExpiry()
    assert.equal(view.handleAlive(alive(1, 5n, 4n)), 'new')
  })

  it('with a long gap between checks, a member is reported dead and forgotten by the same check', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 1n))
    clock.advance(TIMEOUT * FACTOR + 1)
    const { dead, forgotten } = view.checkExpiry()
    assert.deepEqual(dead.map(m => m.pkiIdHex), [hex(1)], 'its connection must still be closed')
    assert.deepEqual(forgotten.map(m => m.pkiIdHex), [hex(1)])
    assert.equal(view.aliveCount, 0)
    assert.equal(view.size, 0)
  })

  it('never forgets bootstrap and anchor peers: they stay, dead', () => {
    const { view, clock } = setup()
    view.markBootstrap(hex(1)) // marked before it is known
    view.handleAlive(alive(1, 5n, 1n))
    view.handleAlive(alive(2, 5n, 1n))
    view.markAnchor(pki(2)) // marked once known
    view.handleAlive(alive(3, 5n, 1n))
    assert.equal(view.get(hex(1))?.bootstrap, true)
    assert.equal(view.get(hex(2))?.anchor, true)
    clock.advance(TIMEOUT * FACTOR * 10)
    const { dead, forgotten } = view.checkExpiry()
    assert.equal(dead.length, 3)
    assert.deepEqual(forgotten.map(m => m.pkiIdHex), [hex(3)])
    assert.deepEqual(view.dead().map(m => m.pkiIdHex).sort(), [hex(1), hex(2)])
    clock.advance(TIMEOUT * FACTOR * 10)
    assert.deepEqual(view.checkExpiry(), { dead: [], forgotten: [] })
    assert.equal(view.handleAlive(alive(1, 5n, 2n)), 'revived', 'and revive when they come back')
  })

  it('unmarking makes a peer forgettable again', () => {
    const { view, clock } = setup()
    view.handleAlive(alive(1, 5n, 1n))
    view.markAnchor(hex(1))
    clock.advance(TIMEOUT * FACTOR + 1)
    assert.deepEqual(view.checkExpiry().forgotten, [])
    view.markAnchor(hex(1), false)
    assert.equal(view.get(hex(1))?.anchor, false)
    assert.deepEqual(view.checkExpiry().forgotten.map(m => m.pkiIdHex), [hex(1)])
  })

  it('never forgets members whose external or internal endpoint is a protected (bootstrap/anchor) endpoint', () => {
    const protectedEndpoints = new Set(['peer1.org1:7051', 'peer2:7051'])
    const { view, clock } = setup({ isProtectedEndpoint: ep => protectedEndpoints.has(ep) })
    view.handleAlive(alive(1, 5n, 1n)) // external endpoint matches
    view.handleAlive(alive(2, 5n, 1n)) // internal endpoint matches
    view.handleAlive(alive(3, 5n, 1n))
    clock.advance(TIMEOUT * FACTOR + 1)
    assert.deepEqual(view.checkExpiry().forgotten.map(m => m.pkiIdHex), [hex(3)])
    assert.equal(view.size, 2)
  })

  it('expire() kills an alive member at once (comm: presumed dead) and only an alive one', () => {
    const { view } = setup()
    view.handleAlive(alive(1, 5n, 1n))
    const m = view.expire(hex(1))
    assert.equal(m?.state, 'dead')
    assert.equal(view.get(hex(1))?.state, 'dead')
    assert.equal(view.expire(hex(1)), undefined, 'already dead')
    assert.equal(view.expire(hex(9)), undefined, 'unknown')
    assert.equal(view.aliveCount, 0)
    assert.equal(view.handleAlive(alive(1, 5n, 2n)), 'revived')
  })

  it('remove() purges a member whatever its flags', () => {
    const { view } = setup()
    view.handleAlive(alive(1, 5n, 1n))
    view.markBootstrap(hex(1))
    assert.equal(view.remove(pki(1))?.pkiIdHex, hex(1))
    assert.equal(view.get(hex(1)), undefined)
    assert.equal(view.aliveCount, 0)
    assert.equal(view.remove(hex(1)), undefined)
    view.handleAlive(alive(1, 5n, 1n))
    assert.equal(view.get(hex(1))?.bootstrap, true, 'the mark survives the purge')
  })
})

describe('MembershipView: dead entries of membership responses', () => {
  it('learns an unknown member as dead', () => {
    const { view, clock } = setup()
    assert.equal(view.handleDead(alive(1, 5n, 1n)), 'new')
    const m = view.get(hex(1))
    assert.equal(m?.state, 'dead')
    assert.equal(m?.lastSeen, clock.now())
    assert.equal(view.aliveCount, 0)
    assert.deepEqual(view.checkExpiry().dead, [], 'not reported as newly dead')
  })

  it('never kills a member held as alive, even with a newer time', () => {
    const { view } = setup()
    view.handleAlive(alive(1, 5n, 3n))
    assert.equal(view.handleDead(alive(1, 5n, 2n)), 'stale')
    assert.equal(view.handleDead(alive(1, 5n, 3n)), 'stale')
    assert.equal(view.handleDead(alive(1, 6n, 0n)), 'stale')
    assert.equal(view.get(hex(1))?.state, 'alive')
    assert.deepEqual(view.get(hex(1))?.time, { incNum: 5n, seqNum: 3n })
  })

  it('keeps a newer message about a member held as dead, which stays dead, without refreshing lastSeen', () => {
    const { view, clock } = setup()
    view.handleDead(alive(1, 5n, 3n))
    const learnedAt = clock.now()
    clock.advance(1_000)
    assert.equal(view.handleDead(alive(1, 5n, 3n)), 'stale')
    assert.equal(view.handleDead(alive(1, 5n, 2n)), 'stale')
    assert.equal(view.handleDead(alive(1, 5n, 4n, { endpoint: 'moved:7051' })), 'updated')
    const m = view.get(hex(1))
    assert.equal(m?.state, 'dead')
    assert.equal(m?.endpoint, 'moved:7051')
    assert.equal(m?.lastSeen, learnedAt)
    // an alive message must now be newer than the newest dead one to revive it
    assert.equal(view.handleAlive(alive(1, 5n, 4n)), 'stale')
    assert.equal(view.handleAlive(alive(1, 5n, 5n)), 'revived')
  })

  it('a member learned as dead is forgotten after timeout x factor', () => {
    const { view, clock } = setup()
    view.handleDead(alive(1, 5n, 3n))
    clock.advance(TIMEOUT * FACTOR + 1)
    assert.deepEqual(view.checkExpiry().forgotten.map(m => m.pkiIdHex), [hex(1)])
  })
})

describe('MembershipView: bounded memory', () => {
  it('refuses unknown members past maxMembers and counts them; known members still update', () => {
    const { view, clock } = setup({ maxMembers: 3 })
    for (let n = 1; n <= 3; n++) assert.equal(view.handleAlive(alive(n, 5n, 1n)), 'new')
    assert.equal(view.handleAlive(alive(4, 5n, 1n)), 'refused')
    assert.equal(view.handleDead(alive(5, 5n, 1n)), 'refused')
    assert.equal(view.refusedCount, 2)
    assert.equal(view.size, 3)
    assert.equal(view.get(hex(4)), undefined)
    assert.equal(view.handleAlive(alive(1, 5n, 2n)), 'updated')
    assert.equal(view.handleAlive(alive(1, 5n, 2n)), 'stale')
    // once a member is forgotten there is room again
    view.markAnchor(hex(2))
    view.markAnchor(hex(3))
    clock.advance(TIMEOUT * FACTOR + 1)
    view.checkExpiry()
    assert.equal(view.size, 2)
    assert.equal(view.handleAlive(alive(4, 5n, 1n)), 'new')
    assert.equal(view.refusedCount, 2)
  })

  it('holds at most maxMembers whatever a flood of distinct PKI-IDs', () => {
    const { view } = setup({ maxMembers: 100 })
    let refused = 0
    for (let n = 0; n < 1_000; n++) {
      const r = view.handleAlive({ ...alive(0, 1n, 1n), pkiId: Uint8Array.of(n >> 8, n & 0xff, 1) })
      if (r === 'refused') refused++
    }
    assert.equal(view.size, 100)
    assert.equal(refused, 900)
    assert.equal(view.refusedCount, 900)
  })

  it('remembers at most maxMembers forgotten members, dropping the oldest first', () => {
    const { view, clock } = setup({ maxMembers: 2 })
    for (const batch of [[1, 2], [3, 4]]) {
      for (const n of batch) view.handleAlive(alive(n, 5n, 1n))
      clock.advance(TIMEOUT * FACTOR + 1)
      assert.equal(view.checkExpiry().forgotten.length, 2)
    }
    // 1 and 2 were buried first and pushed out by 3 and 4
    assert.equal(view.handleAlive(alive(1, 5n, 1n)), 'new')
    assert.equal(view.handleAlive(alive(3, 5n, 1n)), 'stale')
  })

  it('uses Fabric defaults', () => {
    const view = new MembershipView<Msg>({ selfPkiId: SELF, now: () => 0 })
    assert.equal(view.aliveExpirationTimeout, DEFAULT_ALIVE_EXPIRATION_TIMEOUT)
    assert.equal(view.aliveExpirationTimeout, 25_000)
    assert.equal(view.forgetAfter, 25_000 * DEFAULT_MSG_EXPIRATION_FACTOR)
    assert.equal(DEFAULT_MSG_EXPIRATION_FACTOR, 20)
    assert.equal(view.maxMembers, DEFAULT_MAX_MEMBERS)
  })

  it('rejects nonsensical options', () => {
    const base = { selfPkiId: SELF, now: () => 0 }
    assert.throws(() => new MembershipView({ ...base, aliveExpirationTimeout: 0 }), RangeError)
    assert.throws(() => new MembershipView({ ...base, aliveExpirationTimeout: Number.NaN }), RangeError)
    assert.throws(() => new MembershipView({ ...base, msgExpirationFactor: -1 }), RangeError)
    assert.throws(() => new MembershipView({ ...base, maxMembers: 1.5 }), RangeError)
    assert.throws(() => new MembershipView({ ...base, selfPkiId: new Uint8Array(0) }), RangeError)
  })
})
