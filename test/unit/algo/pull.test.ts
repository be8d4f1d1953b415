import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { PullEngine } from '../../../src/algo/index.js'
import type { PullAdapter, PullEngineInit } from '../../../src/algo/index.js'
import { FakeClock } from '../../helpers/fake-clock.js'

const second = 1000
const pullInterval = 4 * second
const digestWaitTime = 1 * second
const requestWaitTime = 1.5 * second
const responseWaitTime = 2 * second

/** A seeded PRNG (mulberry32), so that random choices are the same on every run. */
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

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i))
const sorted = (xs: Iterable<string>): string[] => [...xs].sort((a, b) => Number(a) - Number(b))

interface Sent {
  kind: 'hello' | 'digest' | 'request' | 'update'
  from: string
  to: string
  nonce: bigint
  digests: string[]
}

interface NodeOptions {
  items?: string[]
  select?: () => string[]
  init?: PullEngineInit
}

interface TestNode {
  id: string
  engine: PullEngine
  /** digest -> item, what the consumer stores. */
  items: Map<string, string>
  /** Digests this node accepted, in order (duplicates would show here). */
  received: string[]
}

/**
 * Engines wired to each other in memory: every send is logged and delivered after `latency` on the fake
 * clock (0: at once), unless `drop` says otherwise.
 */
class TestNet {
  readonly clock = new FakeClock(1_000_000)
  readonly nodes = new Map<string, TestNode>()
  readonly log: Sent[] = []
  latency = 10
  drop: (m: Sent) => boolean = () => false

  add (id: string, opts: NodeOptions = {}): TestNode {
    const node: TestNode = { id, engine: undefined as unknown as PullEngine, items: new Map(), received: [] }
    const deliver = (m: Sent, fn: (to: TestNode) => void): void => {
      this.log.push(m)
      if (this.drop(m)) return
      const to = this.nodes.get(m.to)
      if (to === undefined) return
      if (this.latency === 0) fn(to)
      else this.clock.setTimeout(() => { fn(to) }, this.latency)
    }
    const adapter: PullAdapter = {
      selectPeers: opts.select ?? (() => [...this.nodes.keys()].filter(p => p !== id)),
      hello: (peer, nonce) => { deliver({ kind: 'hello', from: id, to: peer, nonce, digests: [] }, to => { to.engine.onHello(nonce, id) }) },
      sendDigest: (digests, nonce, peer) => { deliver({ kind: 'digest', from: id, to: peer, nonce, digests }, to => { to.engine.onDigest(digests, nonce, id) }) },
      sendRequest: (digests, nonce, peer) => { deliver({ kind: 'request', from: id, to: peer, nonce, digests }, to => { to.engine.onRequest(digests, nonce, id) }) },
      sendUpdate: (digests, nonce, peer) => {
        const items = digests.map(d => node.items.get(d) as string)
        deliver({ kind: 'update', from: id, to: peer, nonce, digests }, to => {
          for (const d of to.engine.onUpdate(digests, nonce, id)) {
            to.items.set(d, items[digests.indexOf(d)])
            to.received.push(d)
          }
        })
      }
    }
    node.engine = new PullEngine(adapter, { clock: this.clock, random: rng(id.length * 7919 + id.charCodeAt(0)), ...opts.init })
    for (const d of opts.items ?? []) {
      node.items.set(d, `item-${d}`)
      node.engine.add(d)
    }
    this.nodes.set(id, node)
    return node
  }

  sent (kind: Sent['kind'], from?: string, to?: string): Sent[] {
    return this.log.filter(m => m.kind === kind && (from === undefined || m.from === from) && (to === undefined || m.to === to))
  }

  stopAll (): void {
    for (const n of this.nodes.values()) n.engine.stop()
  }
}

/** An adapter that only records what the engine sends (for driving one engine by hand). */
function recorder (peers: string[] = ['A']): { adapter: PullAdapter, log: Sent[] } {
  const log: Sent[] = []
  const adapter: PullAdapter = {
    selectPeers: () => peers,
    hello: (peer, nonce) => { log.push({ kind: 'hello', from: 'me', to: peer, nonce, digests: [] }) },
    sendDigest: (digests, nonce, peer) => { log.push({ kind: 'digest', from: 'me', to: peer, nonce, digests }) },
    sendRequest: (digests, nonce, peer) => { log.push({ kind: 'request', from: 'me', to: peer, nonce, digests }) },
    sendUpdate: (digests, nonce, peer) => { log.push({ kind: 'update', from: 'me', to: peer, nonce, digests }) }
  }
  return { adapter, log }
}

describe('PullEngine', () => {
  it('has Fabric defaults: first round after pullInterval, requests after digestWaitTime', () => {
    const clock = new FakeClock()
    const { adapter, log } = recorder(['A'])
    const engine = new PullEngine(adapter, { clock })
    engine.start()
    clock.advance(pullInterval - 1)
    assert.equal(log.length, 0)
    clock.advance(1)
    assert.deepEqual(log.map(m => [m.kind, m.to]), [['hello', 'A']])
    const nonce = log[0].nonce
    assert.equal(typeof nonce, 'bigint')
    assert.ok(engine.onDigest(['1', '2'], nonce, 'A'))
    clock.advance(digestWaitTime - 1)
    assert.equal(log.length, 1)
    clock.advance(1)
    assert.deepEqual(log[1], { kind: 'request', from: 'me', to: 'A', nonce, digests: ['1', '2'] })
    clock.advance(responseWaitTime - 1)
    assert.deepEqual(engine.onUpdate(['1'], nonce, 'A'), ['1'])
    clock.advance(1)
    assert.deepEqual(engine.onUpdate(['2'], nonce, 'A'), [], 'responseWaitTime is over')
    clock.advance(pullInterval - digestWaitTime - responseWaitTime)
    assert.equal(log.filter(m => m.kind === 'hello').length, 2, 'the next round comes pullInterval after the first')
    assert.notEqual(log[2].nonce, nonce)
    engine.stop()
    assert.equal(clock.pending, 0)
  })

  it('a round transfers exactly the missing items', () => {
    const net = new TestNet()
    const a = net.add('A', { items: range(1, 5) })
    const b = net.add('B', { items: range(3, 7) })
    b.engine.start()
    net.clock.advance(pullInterval + digestWaitTime + responseWaitTime)
    assert.deepEqual(sorted(b.items.keys()), range(1, 7))
    assert.deepEqual(sorted(b.engine.digests()), range(1, 7))
    assert.deepEqual(b.received.sort(), ['1', '2'])
    assert.deepEqual(net.sent('digest', 'A', 'B').map(m => sorted(m.digests)), [range(1, 5)])
    assert.deepEqual(net.sent('request', 'B', 'A').map(m => sorted(m.digests)), [['1', '2']])
    assert.deepEqual(net.sent('update', 'A', 'B').map(m => sorted(m.digests)), [['1', '2']])
    assert.equal(b.items.get('1'), 'item-1')
    assert.deepEqual(sorted(a.items.keys()), range(1, 5), 'the responder is unchanged')
    assert.equal(net.sent('hello', 'A').length, 0)
    net.stopAll()
    assert.equal(net.clock.pending, 0)
  })

  it('a peer that holds everything asks for nothing, and a responder with nothing to offer stays silent', () => {
    const net = new TestNet()
    net.add('A', { items: range(1, 3) })
    const b = net.add('B', { items: range(1, 3) })
    const c = net.add('C')
    b.engine.start()
    net.clock.advance(pullInterval + digestWaitTime + responseWaitTime)
    assert.equal(net.sent('request').length, 0)
    assert.equal(net.sent('digest', 'C').length, 0, 'C holds nothing')
    assert.equal(b.engine.stats().rounds, 0, 'a round with nothing to request ends at once')
    c.engine.start()
    net.clock.advance(pullInterval + digestWaitTime + responseWaitTime)
    assert.deepEqual(sorted(c.items.keys()), range(1, 3))
    net.stopAll()
    net.clock.advance(net.latency * 4)
    assert.equal(net.clock.pending, 0)
  })

  it('asks each missing item of one owner only, picked at random among those that advertised it', () => {
    const net = new TestNet()
    net.add('A', { items: range(1, 20) })
    net.add('B', { items: range(1, 20) })
    net.add('D', { items: range(15, 25) })
    const c = net.add('C')
    c.engine.start()
    net.clock.advance(pullInterval + digestWaitTime + responseWaitTime)
    const requests = net.sent('request', 'C')
    const asked = requests.flatMap(m => m.digests)
    assert.deepEqual(sorted(asked), range(1, 25), 'every missing item asked exactly once')
    const askedOf = (peer: string): string[] => requests.filter(m => m.to === peer).flatMap(m => m.digests)
    assert.ok(askedOf('A').length > 0 && askedOf('B').length > 0, 'both owners of 1..14 were asked some')
    for (const d of askedOf('D')) assert.ok(Number(d) >= 15, `D does not have ${d}`)
    for (const d of range(21, 25)) assert.ok(askedOf('D').includes(d), `only D has ${d}`)
    assert.deepEqual(sorted(c.received), range(1, 25), 'each item received once')
    assert.deepEqual(sorted(net.sent('update', undefined, 'C').flatMap(m => m.digests)), range(1, 25))
    net.stopAll()
  })

  it('an egress filter hides items from a requester, even when it asks for them', () => {
    const net = new TestNet()
    const hideSecret = (peer: string) => (d: string) => !(peer === 'C' && d === 'secret')
    net.add('A', { items: ['1', '2', 'secret'], init: { egressFilter: hideSecret } })
    const b = net.add('B')
    const c = net.add('C')
    b.engine.start()
    c.engine.start()
    net.clock.advance(pullInterval + digestWaitTime + responseWaitTime)
    assert.deepEqual(sorted(b.items.keys()), ['1', '2', 'secret'])
    assert.deepEqual([...c.items.keys()].sort(), ['1', '2'])
    assert.ok(!net.sent('digest', 'A', 'C').some(m => m.digests.includes('secret')))

    // C learned of 'secret' elsewhere and asks for it with a valid nonce: still refused.
    const a = net.nodes.get('A') as TestNode
    assert.ok(a.engine.onHello(42n, 'C'))
    assert.deepEqual(a.engine.onRequest(['secret', '1'], 42n, 'C'), ['1'])
    net.stopAll()
  })

  it('an ingress filter drops advertised digests on arrival', () => {
    const net = new TestNet()
    net.add('A', { items: range(1, 10) })
    const height = 6
    const b = net.add('B', { init: { ingressFilter: peer => d => peer === 'A' && Number(d) >= height } })
    b.engine.start()
    net.clock.advance(pullInterval + digestWaitTime + responseWaitTime)
    assert.deepEqual(sorted(b.items.keys()), range(6, 10))
    assert.deepEqual(sorted(net.sent('request', 'B').flatMap(m => m.digests)), range(6, 10))
    net.stopAll()
  })

  it('ignores an update after responseWaitTime', () => {
    const net = new TestNet()
    net.add('A', { items: range(1, 3) })
    const b = net.add('B')
    // The update is held back (as by a slow link) and handed to B after responseWaitTime.
    net.drop = m => m.kind === 'update'
    b.engine.start()
    net.clock.advance(pullInterval + digestWaitTime + net.latency * 2)
    const update = net.sent('update', 'A', 'B')[0]
    assert.ok(update !== undefined)
    net.clock.advance(responseWaitTime)
    assert.deepEqual(b.engine.onUpdate(update.digests, update.nonce, 'A'), [], 'late update ignored')
    assert.equal(b.items.size, 0)
    assert.deepEqual(b.engine.digests(), [])
    net.stopAll()
  })

  it('accepts an update only for digests it requested, from the peer it asked, with that nonce', () => {
    const clock = new FakeClock()
    const { adapter, log } = recorder(['A', 'B'])
    const engine = new PullEngine(adapter, { clock, random: () => 0 })
    engine.start()
    clock.advance(pullInterval)
    const nonceA = log.find(m => m.kind === 'hello' && m.to === 'A')?.nonce as bigint
    const nonceB = log.find(m => m.kind === 'hello' && m.to === 'B')?.nonce as bigint
    assert.equal(engine.onDigest(['1', '2'], nonceA, 'B'), false, "B may not answer A's hello")
    assert.equal(engine.onDigest(['1', '2'], 7n, 'A'), false, 'unknown nonce')
    assert.ok(engine.onDigest(['1', '2'], nonceA, 'A'))
    assert.equal(engine.onDigest(['3'], nonceA, 'A'), false, 'one digest per hello')
    assert.ok(engine.onDigest(['3'], nonceB, 'B'))
    assert.deepEqual(engine.onUpdate(['1'], nonceA, 'A'), [], 'no update while collecting digests')
    clock.advance(digestWaitTime)
    assert.deepEqual(log.filter(m => m.kind === 'request').map(m => [m.to, m.digests]), [['A', ['1', '2']], ['B', ['3']]])
    assert.deepEqual(engine.onUpdate(['3'], nonceA, 'A'), [], '3 was asked of B')
    assert.deepEqual(engine.onUpdate(['1'], nonceA, 'B'), [], "B answering with A's nonce")
    assert.deepEqual(engine.onUpdate(['1', '9'], nonceA, 'A'), ['1'], '9 was never requested')
    assert.deepEqual(engine.onUpdate(['1'], nonceA, 'A'), [], 'already received')
    assert.equal(engine.onDigest(['4'], nonceB, 'B'), false, 'digests after digestWaitTime are ignored')
    assert.deepEqual(engine.digests(), ['1'])
    engine.stop()
  })

  it('ignores a request with an unknown, foreign, expired or used nonce', () => {
    const clock = new FakeClock()
    const { adapter, log } = recorder()
    const engine = new PullEngine(adapter, { clock })
    engine.add('1', '2')
    assert.deepEqual(engine.onRequest(['1'], 12345n, 'C'), [], 'never said hello')
    assert.ok(engine.onHello(5n, 'C'))
    assert.deepEqual(log.map(m => [m.kind, m.to, m.nonce, m.digests]), [['digest', 'C', 5n, ['1', '2']]])
    assert.deepEqual(engine.onRequest(['1'], 5n, 'D'), [], 'nonce given to C, not D')
    assert.deepEqual(engine.onRequest(['1'], 6n, 'C'), [], 'wrong nonce')
    assert.deepEqual(engine.onRequest(['1', '3', '1'], 5n, 'C'), ['1'])
    assert.deepEqual(engine.onRequest(['2'], 5n, 'C'), [], 'a nonce serves one request')
    assert.ok(engine.onHello(8n, 'C'))
    clock.advance(requestWaitTime - 1)
    assert.equal(engine.stats().incomingNonces, 1)
    clock.advance(1)
    assert.deepEqual(engine.onRequest(['1'], 8n, 'C'), [], 'requestWaitTime is over')
    assert.equal(engine.stats().incomingNonces, 0, 'expired nonces are forgotten')
    assert.equal(log.filter(m => m.kind === 'update').length, 1)
    assert.equal(clock.pending, 0, 'the responder sets no timer')
  })

  it('stop() clears every timer and round, in either phase', () => {
    for (const at of [0, pullInterval, pullInterval + digestWaitTime / 2, pullInterval + digestWaitTime + 1]) {
      const net = new TestNet()
      net.add('A', { items: range(1, 3) })
      const b = net.add('B')
      b.engine.start()
      net.clock.advance(at)
      b.engine.stop()
      const stats = b.engine.stats()
      assert.equal(stats.rounds, 0)
      assert.equal(stats.outgoingNonces, 0)
      assert.equal(stats.requested, 0)
      // Only messages already in flight in the test network remain.
      net.clock.advance(net.latency * 4)
      assert.equal(net.clock.pending, 0, `timers left after stop at ${at}`)
      assert.equal(b.engine.isRunning, false)
      assert.equal(b.engine.pullNow(), false, 'no round while stopped')
      net.clock.advance(10 * pullInterval)
      assert.equal(net.sent('hello', 'B').length, at >= pullInterval ? 1 : 0)
    }
  })

  it('pullNow starts a round at once, but not while one is collecting digests', () => {
    const net = new TestNet()
    net.add('A', { items: range(1, 3) })
    const b = net.add('B')
    assert.equal(b.engine.pullNow(), false, 'not started')
    b.engine.start()
    assert.ok(b.engine.pullNow())
    assert.equal(b.engine.pullNow(), false, 'collecting')
    net.clock.advance(digestWaitTime)
    assert.ok(b.engine.pullNow(), 'the first round now awaits updates')
    net.clock.advance(responseWaitTime)
    assert.deepEqual(sorted(b.items.keys()), range(1, 3))
    assert.deepEqual(sorted(b.received), range(1, 3), 'items requested by the first round are not asked again')
    assert.deepEqual(sorted(net.sent('request', 'B').flatMap(m => m.digests)), range(1, 3))
    net.stopAll()
    net.clock.advance(net.latency * 4)
    assert.equal(net.clock.pending, 0)
  })

  it('bounds nonces and digests per message', () => {
    const clock = new FakeClock()
    const { adapter, log } = recorder(['A', 'B', 'C'])
    const engine = new PullEngine(adapter, { clock, maxPendingNonces: 2, maxDigestsPerMessage: 3 })
    engine.add('1', '2', '3', '4', '5')
    assert.ok(engine.onHello(1n, 'X'))
    assert.ok(engine.onHello(2n, 'Y'))
    assert.equal(engine.onHello(3n, 'Z'), false, 'too many pending nonces')
    assert.deepEqual(log[0].digests, ['1', '2', '3'], 'our digest is cut to the limit')
    assert.deepEqual(engine.onRequest(['1', '2', '3', '4'], 1n, 'X'), [], 'oversized request dropped')
    clock.advance(requestWaitTime)
    assert.ok(engine.onHello(3n, 'Z'), 'room again once the nonces expired')

    engine.start()
    clock.advance(pullInterval)
    const hellos = log.filter(m => m.kind === 'hello')
    assert.equal(hellos.length, 2, 'a round stops sending hellos at the nonce limit')
    assert.equal(engine.onDigest(['6', '7', '8', '9'], hellos[0].nonce, hellos[0].to), false, 'oversized digest dropped')
    assert.ok(engine.onDigest(['6', '7', '8'], hellos[1].nonce, hellos[1].to))
    clock.advance(digestWaitTime)
    assert.deepEqual(engine.onUpdate(['6', '7', '8', '9'], hellos[1].nonce, hellos[1].to), [], 'oversized update dropped')
    assert.deepEqual(engine.onUpdate(['6', '7', '8'], hellos[1].nonce, hellos[1].to), ['6', '7', '8'])
    engine.stop()
    assert.equal(clock.pending, 0)
  })

  it('reports adapter errors and carries on', () => {
    const clock = new FakeClock()
    const errors: string[] = []
    let fail = true
    const { adapter, log } = recorder(['A', 'B'])
    const engine = new PullEngine({
      ...adapter,
      hello: (peer, nonce) => {
        if (fail && peer === 'A') throw new Error('no connection')
        adapter.hello(peer, nonce)
      }
    }, { clock, onError: (err, op) => { errors.push(`${op}: ${(err as Error).message}`) } })
    engine.start()
    clock.advance(pullInterval)
    assert.deepEqual(errors, ['hello: no connection'])
    assert.deepEqual(log.map(m => m.to), ['B'])
    fail = false
    clock.advance(pullInterval)
    assert.deepEqual(log.map(m => m.to), ['B', 'A', 'B'])
    engine.stop()
    assert.equal(clock.pending, 0)
  })

  it("Fabric's scenario 1: with push disabled, 5 peers and a source with items 1..10 all end with exactly the 10", () => {
    const net = new TestNet()
    const random = rng(2024)
    const pullPeerNum = 3 // Fabric default
    const ids = ['source', 'p1', 'p2', 'p3', 'p4', 'p5']
    const pick = (self: string) => (): string[] => {
      const pool = ids.filter(p => p !== self)
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [pool[i], pool[j]] = [pool[j], pool[i]]
      }
      return pool.slice(0, pullPeerNum)
    }
    for (const id of ids) net.add(id, { items: id === 'source' ? range(1, 10) : [], select: pick(id) })
    for (const n of net.nodes.values()) n.engine.start()
    let rounds = 0
    const done = (): boolean => ids.every(id => (net.nodes.get(id) as TestNode).items.size === 10)
    while (!done() && rounds < 20) {
      net.clock.advance(pullInterval)
      rounds++
    }
    net.clock.advance(digestWaitTime + responseWaitTime)
    for (const id of ids) {
      const node = net.nodes.get(id) as TestNode
      assert.deepEqual(sorted(node.items.keys()), range(1, 10), `${id} has exactly the 10 items`)
      assert.deepEqual(sorted(node.engine.digests()), range(1, 10))
      if (id !== 'source') assert.deepEqual(sorted(node.received), range(1, 10), `${id} received each item once`)
    }
    assert.ok(rounds <= 10, `converged in ${rounds} rounds`)
    net.stopAll()
    net.clock.advance(net.latency * 4)
    assert.equal(net.clock.pending, 0)
  })
})
