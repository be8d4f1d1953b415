import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  LeaderElectionEngine,
  comparePkiIds,
  STARTUP_GRACE_PERIOD,
  MEMBERSHIP_SAMPLE_INTERVAL,
  LEADER_ALIVE_THRESHOLD,
  LEADER_ELECTION_DURATION,
  YIELD_THRESHOLDS
} from '../../../src/election/index.js'
import type { LeaderElectionAdapter, LeaderElectionInit, LeaderElectionOperation } from '../../../src/election/index.js'
import { FakeClock } from '../../helpers/fake-clock.js'

const second = 1000
// The engines run with Fabric's defaults unless a test says otherwise; these are the same numbers, spelled
// out so that a changed default shows up here.
const sampleInterval = 1 * second
const gracePeriod = 15 * second
const threshold = 10 * second
const electionDuration = 5 * second
const yieldTime = 6 * threshold

const pki = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'))
const hexOf = (id: Uint8Array): string => Buffer.from(id).toString('hex')
/** Sorts hex PKI-IDs with Node's own bytewise comparison (independent of the engine's). */
const bytewise = (ids: string[]): string[] => [...ids].sort((a, b) => Buffer.compare(pki(a), pki(b)))

/** A seeded PRNG (mulberry32), so that "random" ids and orders are the same on every run. */
function rng (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6D2B79F5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function shuffle<T> (xs: T[], random: () => number): T[] {
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

interface Node {
  /** The PKI-ID in hex. */
  readonly name: string
  readonly pkiId: Uint8Array
  engine: LeaderElectionEngine
  /** Every onLeadershipChange call. */
  readonly changes: Array<{ at: number, leader: boolean }>
  /** Every gossip call, with the PKI-ID the engine put in the message. */
  readonly sent: Array<{ at: number, isDeclaration: boolean, from: string }>
  /** Every reportMetrics call. */
  readonly metrics: boolean[]
  /** Peers talk and see each other only within one group (a network partition). */
  group: number
}

/** More gossip than this at one instant means a storm (every engine sends at most two messages per instant). */
const MAX_GOSSIP_PER_INSTANT = 1000

type AdapterOverride = (node: Node) => Partial<LeaderElectionAdapter>

/**
 * Engines on one fake clock, wired by an in-memory bus: each gossip goes to every other running engine of the
 * same group, at once (`latency` 0) or `latency` ms later (dropped if the groups split meanwhile), and
 * `peers()` is the other running engines of the group. {@link Bus.run} advances time in steps and checks
 * after each step that every engine's leadership callbacks alternate true, false, true... and agree with
 * `isLeader()`, that engines gossip only their own PKI-ID, and that no adapter call threw.
 */
class Bus {
  readonly clock = new FakeClock()
  readonly nodes: Node[] = []
  readonly errors: Array<{ node: string, operation: LeaderElectionOperation, err: unknown }> = []
  latency = 0
  private instant = -1
  private sentAtInstant = 0

  add (name: string, init: Partial<LeaderElectionInit> = {}, override?: AdapterOverride): Node {
    const node: Node = {
      name,
      pkiId: pki(name),
      engine: undefined as unknown as LeaderElectionEngine,
      changes: [],
      sent: [],
      metrics: [],
      group: 0
    }
    const adapter: LeaderElectionAdapter = {
      gossip: (msg) => {
        node.sent.push({ at: this.clock.now(), isDeclaration: msg.isDeclaration, from: hexOf(msg.pkiId) })
        if (this.storm()) return
        for (const to of this.others(node)) {
          if (this.latency === 0) to.engine.handleMessage(msg)
          else this.clock.setTimeout(() => { if (to.group === node.group) to.engine.handleMessage(msg) }, this.latency)
        }
      },
      peers: () => this.others(node).map(o => o.pkiId),
      onLeadershipChange: (leader) => { node.changes.push({ at: this.clock.now(), leader }) },
      reportMetrics: (leader) => { node.metrics.push(leader) },
      ...override?.(node)
    }
    node.engine = new LeaderElectionEngine(adapter, {
      pkiId: node.pkiId,
      clock: this.clock,
      onError: (err, operation) => { this.errors.push({ node: name, operation, err }) },
      ...init
    })
    this.nodes.push(node)
    return node
  }

  node (name: string): Node {
    const n = this.nodes.find(x => x.name === name)
    assert.ok(n, `no node ${name}`)
    return n
  }

  startAll (): void {
    for (const n of this.nodes) n.engine.start()
  }

  stopAll (): void {
    for (const n of this.nodes) n.engine.stop()
  }

  /** Names of the running leaders, bytewise order. */
  leaders (group?: number): string[] {
    return bytewise(this.nodes
      .filter(n => n.engine.isRunning && n.engine.isLeader() && (group === undefined || n.group === group))
      .map(n => n.name))
  }

  /** Advances `ms` in steps of `step`, checking the invariants (and `each`, if given) after every step. */
  run (ms: number, each?: () => void, step = 100): void {
    for (let left = ms; left > 0; left -= step) {
      this.clock.advance(Math.min(step, left))
      this.check()
      each?.()
    }
  }

  /** Advances to the instant `t`, checking as {@link run}. */
  runTo (t: number, each?: () => void): void {
    this.run(t - this.clock.now(), each)
  }

  check (): void {
    assert.deepEqual(this.errors, [], 'no adapter call threw')
    for (const n of this.nodes) {
      n.changes.forEach((c, i) => { assert.equal(c.leader, i % 2 === 0, `${n.name}: callbacks alternate`) })
      assert.equal(n.changes.at(-1)?.leader ?? false, n.engine.isLeader(), `${n.name}: callbacks agree with isLeader()`)
      for (const s of n.sent) assert.equal(s.from, n.name, `${n.name} gossips its own PKI-ID`)
    }
  }

  /**
   * Whether the engines gossip without end at one instant (two leaders answering each other's declarations
   * at once, say): the fake clock would never move on, so the bus stops delivering and reports it.
   */
  private storm (): boolean {
    const now = this.clock.now()
    if (now !== this.instant) {
      this.instant = now
      this.sentAtInstant = 0
    }
    if (++this.sentAtInstant <= MAX_GOSSIP_PER_INSTANT) return false
    if (this.sentAtInstant === MAX_GOSSIP_PER_INSTANT + 1) assert.fail(`more than ${MAX_GOSSIP_PER_INSTANT} gossips at ${now} ms`)
    return true
  }

  private others (node: Node): Node[] {
    return this.nodes.filter(o => o !== node && o.engine.isRunning && o.group === node.group)
  }
}

const proposals = (n: Node): number[] => n.sent.filter(s => !s.isDeclaration).map(s => s.at)
const declarations = (n: Node): number[] => n.sent.filter(s => s.isDeclaration).map(s => s.at)
const changes = (n: Node): boolean[] => n.changes.map(c => c.leader)

describe('comparePkiIds', () => {
  it('orders byte by byte, a prefix before its extensions, as Go bytes.Compare', () => {
    assert.ok(comparePkiIds(pki('01ff'), pki('02')) < 0, 'the first byte decides, not the length')
    assert.ok(comparePkiIds(pki('02'), pki('01ff')) > 0)
    assert.ok(comparePkiIds(pki('02'), pki('0200')) < 0, 'a prefix is smaller')
    assert.ok(comparePkiIds(pki('0200'), pki('02')) > 0)
    assert.ok(comparePkiIds(pki('7f'), pki('80')) < 0, 'bytes are unsigned')
    assert.equal(comparePkiIds(pki('a1b2'), pki('a1b2')), 0)
  })

  it('agrees in sign with Buffer.compare on random ids', () => {
    const random = rng(7)
    const randomId = (): Uint8Array => Uint8Array.from({ length: 1 + Math.floor(random() * 4) }, () => Math.floor(random() * 4) * 85)
    for (let i = 0; i < 2000; i++) {
      const a = randomId()
      const b = randomId()
      assert.equal(Math.sign(comparePkiIds(a, b)), Buffer.compare(a, b), `${hexOf(a)} vs ${hexOf(b)}`)
    }
  })
})

describe('LeaderElectionEngine', () => {
  it('has Fabric\'s defaults', () => {
    assert.equal(STARTUP_GRACE_PERIOD, 15 * second)
    assert.equal(MEMBERSHIP_SAMPLE_INTERVAL, 1 * second)
    assert.equal(LEADER_ALIVE_THRESHOLD, 10 * second)
    assert.equal(LEADER_ELECTION_DURATION, 5 * second)
    assert.equal(YIELD_THRESHOLDS, 6)
  })

  it('refuses an empty PKI-ID', () => {
    assert.throws(() => new LeaderElectionEngine({ gossip: () => {}, peers: () => [] }, { pkiId: new Uint8Array(0) }),
      { name: 'TypeError' })
  })

  describe('one peer', () => {
    it('with a stable view: proposes after one membership sample and leads leaderElectionDuration later', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      assert.equal(a.engine.phase, 'startup')
      bus.run(sampleInterval - 1)
      assert.deepEqual(a.sent, [], 'no proposal before the first sample')
      bus.run(1)
      assert.deepEqual(proposals(a), [sampleInterval])
      assert.equal(a.engine.phase, 'electing')
      bus.run(electionDuration - 1)
      assert.equal(a.engine.isLeader(), false)
      bus.run(1)
      assert.equal(a.engine.isLeader(), true)
      assert.equal(a.engine.phase, 'leading')
      assert.deepEqual(a.changes, [{ at: sampleInterval + electionDuration, leader: true }])
      a.engine.stop()
    })

    it('with a view that keeps changing: waits the whole grace period, then leads leaderElectionDuration later', () => {
      const bus = new Bus()
      let calls = 0
      const a = bus.add('0a', {}, () => ({ peers: () => Array.from({ length: ++calls }, (_, i) => Uint8Array.of(0x10, i)) }))
      a.engine.start()
      bus.run(gracePeriod - 1)
      assert.deepEqual(a.sent, [], 'still sampling')
      assert.equal(a.engine.phase, 'startup')
      assert.equal(calls, 15, 'sampled at start and at 1 s, 2 s ... 14 s')
      bus.run(1)
      assert.deepEqual(proposals(a), [gracePeriod])
      bus.run(electionDuration)
      assert.deepEqual(a.changes, [{ at: gracePeriod + electionDuration, leader: true }])
      a.engine.stop()
    })

    it('compares the sampled PKI-IDs, not their number, and ends startup once two samples agree', () => {
      const bus = new Bus()
      // Same size every time, different members for the first three samples (start, 1 s, 2 s), then stable.
      const views = [['20'], ['21'], ['22'], ['22']]
      let i = 0
      const a = bus.add('0a', {}, () => ({ peers: () => views[Math.min(i++, views.length - 1)].map(pki) }))
      a.engine.start()
      bus.run(3 * sampleInterval)
      assert.deepEqual(proposals(a), [3 * sampleInterval])
      a.engine.stop()
    })

    it('ends startup at the grace period even when it is not a multiple of the sample interval', () => {
      const bus = new Bus()
      let calls = 0
      const a = bus.add('0a', { startupGracePeriod: 2500 }, () => ({ peers: () => Array.from({ length: ++calls }, () => pki('20')) }))
      a.engine.start()
      bus.run(3 * sampleInterval)
      assert.deepEqual(proposals(a), [2500])
      a.engine.stop()
    })

    it('a leader declares every leaderAliveThreshold / 2 and reports metrics each turn', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      bus.run(30 * second)
      const elected = sampleInterval + electionDuration
      assert.deepEqual(declarations(a), [0, 1, 2, 3, 4].map(k => elected + k * threshold / 2))
      assert.deepEqual(a.metrics, [true, true, true, true, true])
      a.engine.stop()
    })

    it('a proposal from a smaller PKI-ID keeps it from leading; it elects again leaderAliveThreshold later', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      bus.run(2 * second)
      a.engine.handleMessage({ pkiId: pki('09ff'), isDeclaration: false })
      bus.run(20 * second)
      const followed = sampleInterval + electionDuration
      assert.deepEqual(proposals(a), [sampleInterval, followed + threshold])
      assert.deepEqual(a.changes, [{ at: followed + threshold + electionDuration, leader: true }])
      assert.deepEqual(a.metrics, [false, true])
      a.engine.stop()
    })

    it('a proposal from a bigger PKI-ID does not', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      bus.run(2 * second)
      a.engine.handleMessage({ pkiId: pki('0a00'), isDeclaration: false })
      a.engine.handleMessage({ pkiId: pki('0b'), isDeclaration: false })
      bus.run(4 * second)
      assert.deepEqual(a.changes, [{ at: sampleInterval + electionDuration, leader: true }])
      a.engine.stop()
    })

    it('a declaration during the election, even from a bigger PKI-ID, ends it at once without a leader', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      bus.run(3 * second)
      a.engine.handleMessage({ pkiId: pki('ff'), isDeclaration: true })
      assert.equal(a.engine.phase, 'electing', 'the wait ends on the next turn of the clock, not inside handleMessage')
      bus.clock.advance(0)
      assert.equal(a.engine.phase, 'following')
      assert.equal(a.engine.isLeader(), false)
      // No declaration follows: it elects again after leaderAliveThreshold.
      bus.run(threshold + electionDuration)
      assert.deepEqual(proposals(a), [sampleInterval, 3 * second + threshold])
      assert.deepEqual(a.changes, [{ at: 3 * second + threshold + electionDuration, leader: true }])
      a.engine.stop()
    })

    it('a declaration during startup skips the election; a follower elects only after a leaderAliveThreshold without one', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      // A leader elsewhere declares every 5 s from 0.5 s to 30.5 s, then goes quiet.
      for (let t = 500; t <= 30_500; t += threshold / 2) {
        bus.runTo(t)
        a.engine.handleMessage({ pkiId: pki('ff'), isDeclaration: true })
      }
      assert.deepEqual(a.sent, [], 'never proposed while a leader declared')
      assert.equal(a.engine.phase, 'following')
      bus.runTo(60 * second)
      // Follower turns start at 1 s (end of startup) and last 10 s: 31 s..41 s is the first without a declaration.
      assert.deepEqual(proposals(a), [41 * second])
      assert.deepEqual(a.changes, [{ at: 41 * second + electionDuration, leader: true }])
      a.engine.stop()
    })

    it('a declaration ends a startup whose view keeps changing at the next sample', () => {
      const bus = new Bus()
      let calls = 0
      const a = bus.add('0a', {}, () => ({ peers: () => Array.from({ length: ++calls }, () => pki('20')) }))
      a.engine.start()
      bus.runTo(2500)
      a.engine.handleMessage({ pkiId: pki('ff'), isDeclaration: true })
      assert.equal(a.engine.phase, 'startup')
      bus.runTo(3 * second)
      assert.equal(a.engine.phase, 'following')
      assert.equal(calls, 4, 'sampled at start, 1 s, 2 s and 3 s')
      bus.runTo(gracePeriod + electionDuration)
      assert.deepEqual(proposals(a), [3 * second + threshold], 'first proposal a threshold after following began')
      a.engine.stop()
    })

    it('a declaration from a bigger PKI-ID does not unseat the leader, which declares again at once', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      bus.runTo(7300)
      a.engine.handleMessage({ pkiId: pki('0a01'), isDeclaration: true })
      assert.equal(a.engine.isLeader(), true)
      bus.clock.advance(0)
      assert.deepEqual(declarations(a), [6000, 7300])
      bus.runTo(20 * second)
      assert.deepEqual(declarations(a), [6000, 7300, 12300, 17300])
      assert.deepEqual(changes(a), [true])
      a.engine.stop()
    })

    it('a declaration from a smaller PKI-ID unseats the leader at once', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      bus.runTo(7300)
      a.engine.handleMessage({ pkiId: pki('09'), isDeclaration: true })
      assert.equal(a.engine.isLeader(), false, 'in handleMessage, not later')
      assert.deepEqual(a.changes, [{ at: 6000, leader: true }, { at: 7300, leader: false }])
      bus.clock.advance(0)
      assert.equal(a.engine.phase, 'following')
      // The other leader is never heard again: elected back after a threshold and an election.
      bus.runTo(30 * second)
      assert.deepEqual(declarations(a), [6000, 7300 + threshold + electionDuration, 7300 + threshold + electionDuration + threshold / 2])
      assert.deepEqual(changes(a), [true, false, true])
      a.engine.stop()
    })

    it('ignores messages carrying its own PKI-ID', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      bus.run(2 * second)
      a.engine.handleMessage({ pkiId: pki('0a'), isDeclaration: true })
      a.engine.handleMessage({ pkiId: new Uint8Array(0), isDeclaration: true })
      bus.run(4 * second)
      assert.deepEqual(a.changes, [{ at: sampleInterval + electionDuration, leader: true }])
      a.engine.stop()
    })
  })

  describe('yield', () => {
    it('a lone leader steps down at once, abstains for 6 x leaderAliveThreshold, then leads again', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      bus.runTo(8 * second)
      assert.equal(a.engine.isLeader(), true)
      a.engine.yield()
      assert.equal(a.engine.isLeader(), false)
      assert.equal(a.engine.isYielding, true)
      assert.deepEqual(changes(a), [true, false])
      a.engine.yield()
      assert.deepEqual(changes(a), [true, false], 'a second yield changes nothing')
      bus.clock.advance(0)
      assert.equal(a.engine.phase, 'following', 'the leader turn ends at once')
      bus.runTo(8 * second + yieldTime - 1)
      assert.deepEqual(proposals(a), [sampleInterval], 'no proposal while yielding')
      assert.deepEqual(declarations(a), [6 * second], 'no declaration after yielding')
      assert.equal(a.engine.isYielding, true)
      bus.run(1)
      assert.equal(a.engine.isYielding, false)
      bus.run(threshold + electionDuration)
      assert.deepEqual(changes(a), [true, false, true])
      assert.equal(proposals(a).length, 2)
      a.engine.stop()
    })

    it('is a no-op for a follower', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      bus.run(2 * second)
      a.engine.handleMessage({ pkiId: pki('01'), isDeclaration: true })
      bus.run(5 * second)
      a.engine.yield()
      assert.equal(a.engine.isYielding, false)
      assert.equal(bus.clock.pending, 1, 'no yield timer')
      a.engine.stop()
    })

    it('the next lowest takes over; the yielder hears it, stops yielding before its timeout and never leads again', () => {
      const bus = new Bus()
      const names = ['00', '01', '02', '03', '04', '05']
      for (const n of shuffle(names, rng(3))) bus.add(n)
      bus.startAll()
      bus.runTo(20 * second)
      assert.deepEqual(bus.leaders(), ['00'])
      const y = bus.clock.now()
      bus.node('00').engine.yield()
      assert.deepEqual(bus.leaders(), [])
      bus.runTo(y + 2 * threshold + electionDuration, () => { assert.ok(bus.leaders().length <= 1) })
      assert.deepEqual(bus.leaders(), ['01'])
      bus.runTo(y + yieldTime - 1)
      assert.equal(bus.node('00').engine.isYielding, false, 'a known leader ends the yield')
      bus.run(2 * yieldTime, () => { assert.deepEqual(bus.leaders(), ['01']) })
      assert.deepEqual(changes(bus.node('00')), [true, false])
      assert.deepEqual(changes(bus.node('01')), [true])
      bus.stopAll()
    })

    it('two peers yielding in turn: the leadership returns to the first', () => {
      const bus = new Bus()
      bus.add('01')
      bus.add('00')
      bus.startAll()
      bus.runTo(10 * second)
      assert.deepEqual(bus.leaders(), ['00'])
      bus.node('00').engine.yield()
      bus.run(2 * threshold + electionDuration)
      assert.deepEqual(bus.leaders(), ['01'])
      bus.run(2 * threshold)
      assert.equal(bus.node('00').engine.isYielding, false)
      bus.node('01').engine.yield()
      bus.run(2 * threshold + electionDuration)
      assert.deepEqual(bus.leaders(), ['00'])
      assert.deepEqual(changes(bus.node('00')), [true, false, true])
      assert.deepEqual(changes(bus.node('01')), [true, false])
      bus.stopAll()
    })

    it('from inside onLeadershipChange(true): consistent, no declaration sent', () => {
      const bus = new Bus()
      const a = bus.add('0a', {}, (node) => ({
        onLeadershipChange: (leader) => {
          node.changes.push({ at: bus.clock.now(), leader })
          if (leader && node.changes.length === 1) node.engine.yield()
        }
      }))
      a.engine.start()
      bus.runTo(sampleInterval + electionDuration)
      assert.deepEqual(changes(a), [true, false])
      assert.equal(a.engine.isLeader(), false)
      assert.equal(a.engine.phase, 'following')
      assert.deepEqual(declarations(a), [])
      a.engine.stop()
    })
  })

  describe('peers on a bus', () => {
    // Bytewise, 01ff < 01ff00 < 01fffe < 01ffff < 02 < 0200 < 0a < 10 < 7f < ff: neither the length nor the
    // first byte alone gives the order.
    const ten = ['02', '01ffff', '01ff', '0a', '01ff00', 'ff', '10', '0200', '7f', '01fffe']

    it('ten peers started together: only the lowest PKI-ID leads, and keeps leading', () => {
      const bus = new Bus()
      const order = shuffle(ten, rng(1))
      assert.notEqual(order.at(-1), '01ff', 'the lowest is not started last (see below)')
      for (const n of order) bus.add(n)
      bus.startAll()
      // Each engine's sample at start sees only the peers started before it, so the views settle at the
      // second sample (2 s), except the last started one's, complete at once (1 s).
      bus.runTo(2 * sampleInterval + electionDuration - 1)
      assert.deepEqual(bus.leaders(), [])
      bus.run(1)
      assert.deepEqual(bus.leaders(), ['01ff'])
      bus.run(2 * 60 * second, () => { assert.deepEqual(bus.leaders(), ['01ff']) })
      for (const n of bus.nodes) {
        assert.deepEqual(changes(n), n.name === '01ff' ? [true] : [], n.name)
        if (n.name !== '01ff') assert.deepEqual(declarations(n), [], `${n.name} never declared`)
        const proposed = n.name === order.at(-1) ? sampleInterval : 2 * sampleInterval
        assert.deepEqual(proposals(n), [proposed], `${n.name} proposed once`)
      }
      bus.stopAll()
    })

    it('twenty peers with 32-byte PKI-IDs, started 200 ms apart, 50 ms latency: the lowest leads', () => {
      const bus = new Bus()
      bus.latency = 50
      const random = rng(42)
      const ids = Array.from({ length: 20 }, () => hexOf(Uint8Array.from({ length: 32 }, () => Math.floor(random() * 256))))
      for (const n of ids) bus.add(n)
      for (const n of bus.nodes) {
        n.engine.start()
        bus.run(200)
      }
      bus.run(gracePeriod + electionDuration)
      const lowest = bytewise(ids)[0]
      assert.deepEqual(bus.leaders(), [lowest])
      bus.run(60 * second, () => { assert.deepEqual(bus.leaders(), [lowest]) })
      for (const n of bus.nodes) assert.deepEqual(changes(n), n.name === lowest ? [true] : [], n.name)
      bus.stopAll()
    })

    it('the leader stops: the next lowest takes over after leaderAliveThreshold, and only it', () => {
      const bus = new Bus()
      for (const n of shuffle(ten, rng(2))) bus.add(n)
      bus.startAll()
      bus.runTo(30_500)
      assert.deepEqual(bus.leaders(), ['01ff'])
      const t = bus.clock.now()
      bus.node('01ff').engine.stop()
      assert.deepEqual(changes(bus.node('01ff')), [true, false], 'stop ends the leadership')
      // The followers trust the last declaration for a threshold, then need an election.
      bus.runTo(t + threshold / 2 + electionDuration - 1, () => { assert.deepEqual(bus.leaders(), []) })
      bus.runTo(t + 2 * threshold + electionDuration, () => { assert.ok(bus.leaders().length <= 1) })
      assert.deepEqual(bus.leaders(), ['01ff00'])
      bus.run(60 * second, () => { assert.deepEqual(bus.leaders(), ['01ff00']) })
      for (const n of bus.nodes) {
        if (n.name !== '01ff' && n.name !== '01ff00') assert.deepEqual(changes(n), [], n.name)
      }
      assert.deepEqual(changes(bus.node('01ff00')), [true])
      bus.stopAll()
    })

    it('a later peer with a smaller PKI-ID follows the incumbent', () => {
      const bus = new Bus()
      const big = bus.add('ff')
      const small = bus.add('01')
      big.engine.start()
      bus.runTo(20_300)
      small.engine.start()
      bus.run(2 * 60 * second, () => { assert.deepEqual(bus.leaders(), ['ff']) })
      assert.deepEqual(changes(small), [])
      assert.deepEqual(changes(big), [true])
      bus.stopAll()
    })

    it('partitioned in two, each group elects its lowest; healed, only the global lowest leads; split again, one leader each', () => {
      const bus = new Bus()
      bus.latency = 20
      for (const n of ['80', '10', '60', '30', '40', '50', '20', '70']) bus.add(n).group = parseInt(n, 16) / 16 % 2
      // group 1: 10 30 50 70; group 0: 20 40 60 80
      bus.startAll()
      bus.runTo(30_300)
      assert.deepEqual(bus.leaders(1), ['10'])
      assert.deepEqual(bus.leaders(0), ['20'])
      for (const n of bus.nodes) n.group = 0
      const healed = bus.clock.now()
      bus.runTo(healed + threshold / 2 + 2 * bus.latency)
      assert.deepEqual(bus.leaders(), ['10'])
      assert.deepEqual(changes(bus.node('20')), [true, false])
      bus.run(2 * 60 * second, () => { assert.deepEqual(bus.leaders(), ['10']) })
      for (const n of bus.nodes) bus.node(n.name).group = parseInt(n.name, 16) / 16 % 2
      const split = bus.clock.now()
      bus.runTo(split + 2 * threshold + electionDuration + 2 * bus.latency, () => {
        assert.ok(bus.leaders(0).length <= 1)
        assert.deepEqual(bus.leaders(1), ['10'])
      })
      assert.equal(bus.leaders(0).length, 1)
      bus.run(60 * second, () => { assert.deepEqual(bus.leaders().length, 2) })
      assert.deepEqual(changes(bus.node('10')), [true], 'the global lowest led throughout')
      bus.stopAll()
    })

    it('every peer isolated leads itself; reconnected, only the lowest remains', () => {
      const bus = new Bus()
      const names = ['04', '03', '02', '01']
      for (const n of names) bus.add(n)
      bus.startAll()
      bus.runTo(20 * second)
      assert.deepEqual(bus.leaders(), ['01'])
      bus.nodes.forEach((n, i) => { n.group = i + 1 })
      bus.run(2 * threshold + electionDuration)
      assert.deepEqual(bus.leaders(), ['01', '02', '03', '04'])
      for (const n of bus.nodes) n.group = 0
      bus.run(threshold / 2)
      assert.deepEqual(bus.leaders(), ['01'])
      for (const n of ['02', '03', '04']) assert.deepEqual(changes(bus.node(n)), [true, false], n)
      assert.deepEqual(changes(bus.node('01')), [true])
      bus.stopAll()
    })
  })

  describe('start and stop', () => {
    /** A lone engine brought to a phase: [what to do, the phase expected, timers expected]. */
    const phases: Array<[string, (bus: Bus, a: Node) => void, string, number]> = [
      ['startup', (bus) => { bus.run(500) }, 'startup', 1],
      ['electing', (bus) => { bus.run(2 * second) }, 'electing', 1],
      ['leading', (bus) => { bus.run(7 * second) }, 'leading', 1],
      ['following', (bus, a) => {
        bus.run(2 * second)
        a.engine.handleMessage({ pkiId: pki('01'), isDeclaration: false })
        bus.run(5 * second)
      }, 'following', 1],
      ['interrupted', (bus, a) => {
        bus.run(7 * second)
        a.engine.handleMessage({ pkiId: pki('ff'), isDeclaration: true })
      }, 'leading', 1],
      ['yielding', (bus, a) => {
        bus.run(7 * second)
        a.engine.yield()
        bus.clock.advance(0)
      }, 'following', 2]
    ]
    for (const [name, bring, phase, timers] of phases) {
      it(`stop clears every timer (${name})`, () => {
        const bus = new Bus()
        const a = bus.add('0a')
        a.engine.start()
        bring(bus, a)
        assert.equal(a.engine.phase, phase)
        assert.equal(bus.clock.pending, timers)
        const sent = a.sent.length
        a.engine.stop()
        assert.equal(bus.clock.pending, 0)
        assert.equal(a.engine.phase, 'stopped')
        assert.equal(a.engine.isRunning, false)
        assert.equal(a.engine.isLeader(), false)
        assert.equal(a.engine.isYielding, false)
        const calls = a.changes.length
        a.engine.handleMessage({ pkiId: pki('01'), isDeclaration: true })
        a.engine.yield()
        bus.run(10 * 60 * second)
        assert.equal(a.sent.length, sent, 'nothing gossiped after stop')
        assert.equal(a.changes.length, calls, 'no callback after stop')
        assert.equal(bus.clock.pending, 0)
      })
    }

    it('stopping a leader fires onLeadershipChange(false) once; stop and start are idempotent; a restart begins afresh', () => {
      const bus = new Bus()
      const a = bus.add('0a')
      a.engine.start()
      a.engine.start()
      assert.equal(bus.clock.pending, 1)
      bus.runTo(8 * second)
      a.engine.stop()
      a.engine.stop()
      assert.deepEqual(a.changes, [{ at: 6 * second, leader: true }, { at: 8 * second, leader: false }])
      bus.runTo(20 * second)
      a.engine.start()
      bus.run(sampleInterval + electionDuration)
      assert.deepEqual(changes(a), [true, false, true])
      assert.deepEqual(proposals(a), [sampleInterval, 20 * second + sampleInterval])
      a.engine.stop()
      assert.equal(bus.clock.pending, 0)
    })

    it('stop from inside onLeadershipChange(true): nothing gossiped, no timer left', () => {
      const bus = new Bus()
      const a = bus.add('0a', {}, (node) => ({
        onLeadershipChange: (leader) => {
          node.changes.push({ at: bus.clock.now(), leader })
          if (leader) node.engine.stop()
        }
      }))
      a.engine.start()
      bus.run(sampleInterval + electionDuration)
      assert.deepEqual(changes(a), [true, false])
      assert.deepEqual(declarations(a), [])
      assert.equal(bus.clock.pending, 0)
    })
  })

  describe('adapter errors', () => {
    it('are reported with the operation, and the engine carries on', () => {
      const clock = new FakeClock()
      const errors: LeaderElectionOperation[] = []
      const leaderChanges: boolean[] = []
      let gossips = 0
      const engine = new LeaderElectionEngine({
        gossip: () => { gossips++; throw new Error('send failed') },
        peers: () => [],
        onLeadershipChange: (leader) => { leaderChanges.push(leader); throw new Error('callback failed') },
        reportMetrics: () => { throw new Error('metrics failed') }
      }, { pkiId: pki('0a'), clock, onError: (_err, operation) => { errors.push(operation) } })
      engine.start()
      clock.advance(sampleInterval + electionDuration + threshold / 2)
      assert.equal(engine.isLeader(), true)
      assert.deepEqual(leaderChanges, [true])
      assert.equal(gossips, 3, 'a proposal and two declarations')
      assert.deepEqual(errors, ['gossip', 'onLeadershipChange', 'reportMetrics', 'gossip', 'reportMetrics', 'gossip'])
      engine.stop()
    })

    it('a failing peers() keeps startup sampling until the grace period', () => {
      const bus = new Bus()
      const errors: LeaderElectionOperation[] = []
      const a = bus.add('0a', { onError: (_err, op) => { errors.push(op) } }, () => ({ peers: () => { throw new Error('no view') } }))
      a.engine.start()
      bus.runTo(gracePeriod + electionDuration)
      assert.deepEqual(proposals(a), [gracePeriod])
      assert.equal(a.engine.isLeader(), true)
      assert.equal(errors.length, 1 + gracePeriod / sampleInterval)
      assert.ok(errors.every(op => op === 'peers'))
      a.engine.stop()
    })
  })
})
