import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { AntiEntropy, PayloadBuffer, checkStateRequest } from '../../../src/state/index.js'
import type { AntiEntropyInit, PushResult, RoundEndReason } from '../../../src/state/index.js'
import { FakeClock } from '../../helpers/fake-clock.js'

const second = 1000
const checkInterval = 10 * second
const responseTimeout = 3 * second
const batchSize = 10

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

interface Request { peer: string, start: bigint, end: bigint, at: number, height: bigint }

interface RemotePeer {
  height: bigint
  /** How the peer answers: 'ok' with the blocks it holds, 'silent' never, 'empty' with no blocks. */
  mode: 'ok' | 'silent' | 'empty'
  /** Answers with at most this many blocks. */
  maxBlocks?: number
  /** This peer's response latency, instead of the harness's. */
  latency?: number
}

interface HarnessOptions {
  self: bigint
  peers: Record<string, RemotePeer>
  /** Milliseconds per commit; 0 commits synchronously as blocks become ready. */
  commitTime?: number
  /** Network latency of a response. */
  latency?: number
  init?: AntiEntropyInit
  /** Drops the blocks of a response instead of buffering them (still reported as received). */
  lose?: (r: Request) => boolean
}

/**
 * The engine with an in-memory network: remote peers answer state requests after `latency` with the blocks
 * they hold (checked with checkStateRequest, as a responder does), blocks go into a PayloadBuffer as
 * state-transfer payloads, and a committer commits them one at a time.
 */
class Harness {
  readonly clock = new FakeClock(0)
  readonly peers = new Map<string, RemotePeer>()
  readonly requests: Request[] = []
  readonly committed: bigint[] = []
  readonly pushes: PushResult[] = []
  readonly rounds: RoundEndReason[] = []
  /** State responses the remote peers sent. */
  responses = 0
  readonly buffer: PayloadBuffer<bigint>
  readonly engine: AntiEntropy
  height: bigint
  maxBuffered = 0
  maxInFlight = 0
  private committing = false

  constructor (readonly opts: HarnessOptions) {
    this.height = opts.self
    for (const [id, p] of Object.entries(opts.peers)) this.peers.set(id, { ...p })
    this.buffer = new PayloadBuffer<bigint>(opts.self, { transferWindow: opts.init?.transferWindow })
    this.buffer.onReady(() => { this.commitLoop() })
    const latency = opts.latency ?? 50
    this.engine = new AntiEntropy({
      selfHeight: () => this.height,
      peers: () => [...this.peers].map(([id, p]) => ({ id, height: p.height })),
      request: (peer, start, end) => {
        const r: Request = { peer, start, end, at: this.clock.now(), height: this.height }
        this.requests.push(r)
        this.maxInFlight = Math.max(this.maxInFlight, this.engine.stats().inFlight)
        const remote = this.peers.get(peer)
        if (remote === undefined || remote.mode === 'silent') return
        this.clock.setTimeout(() => { this.respond(r, remote) }, remote.latency ?? latency)
      }
    }, {
      clock: this.clock,
      random: rng(42),
      onRoundEnd: reason => { this.rounds.push(reason) },
      onError: err => { throw err },
      ...opts.init
    })
  }

  private respond (r: Request, remote: RemotePeer): void {
    this.responses++
    const check = checkStateRequest(r.start, r.end, batchSize, remote.height)
    if (!check.ok || remote.mode === 'empty') {
      this.engine.onFailure(r.peer, r.start, r.end)
      return
    }
    let last = check.end
    if (remote.maxBlocks !== undefined && last - r.start + 1n > BigInt(remote.maxBlocks)) last = r.start + BigInt(remote.maxBlocks) - 1n
    if (this.opts.lose?.(r) !== true) {
      for (let seq = r.start; seq <= last; seq++) this.pushes.push(this.buffer.push(seq, seq, 'transfer'))
      this.maxBuffered = Math.max(this.maxBuffered, this.buffer.size)
    }
    this.engine.onResponse(r.peer, r.start, r.end, last)
  }

  private commitLoop (): void {
    if (this.committing) return
    const time = this.opts.commitTime ?? 20
    const commitOne = (): boolean => {
      const p = this.buffer.pop()
      if (p === undefined) return false
      this.committed.push(p.payload)
      this.height = p.seq + 1n
      this.engine.heightChanged()
      return true
    }
    if (time === 0) {
      this.committing = true
      while (commitOne()) { /* commits all that is ready */ }
      this.committing = false
      return
    }
    this.committing = true
    const next = (): void => {
      if (!this.buffer.ready()) {
        this.committing = false
        return
      }
      this.clock.setTimeout(() => {
        commitOne()
        next()
      }, time)
    }
    next()
  }

  /** Advances the clock until `done()` or `limit` ms passed. */
  runUntil (done: () => boolean, limit = 600 * second): void {
    const end = this.clock.now() + limit
    while (!done() && this.clock.now() < end) {
      const due = this.clock.nextDue()
      if (due === undefined || due > end) break
      this.clock.runNext()
    }
  }
}

const seqs = (from: bigint, to: bigint): bigint[] => {
  const out: bigint[] = []
  for (let i = from; i <= to; i++) out.push(i)
  return out
}
const ranges = (rs: Request[]): string[] => rs.map(r => `${r.peer}:${r.start}-${r.end}`)

describe('AntiEntropy', () => {
  it('scenario 9: a peer 500 blocks behind catches up in order, in batches, with a bounded buffer', () => {
    const h = new Harness({
      self: 1n,
      peers: { a: { height: 501n, mode: 'ok' }, b: { height: 501n, mode: 'ok' }, c: { height: 501n, mode: 'ok' } },
      commitTime: 20
    })
    h.engine.start()
    h.clock.advance(checkInterval - 1)
    assert.equal(h.requests.length, 0, 'the first check is one checkInterval after start')
    h.clock.advance(1)
    assert.equal(h.requests.length, 1)
    h.runUntil(() => h.height === 501n)
    assert.equal(h.height, 501n)
    assert.deepEqual(h.committed, seqs(1n, 500n), 'every block once, strictly in order')
    for (const r of h.requests) {
      assert.ok(r.end - r.start + 1n <= BigInt(batchSize + 1), `request ${r.start}-${r.end} within batchSize + 1`)
      assert.ok(checkStateRequest(r.start, r.end, batchSize, 501n).ok, 'a Fabric responder accepts it')
      assert.ok(r.end < r.height + 40n, 'within the transfer window')
    }
    assert.equal(h.requests.length, Math.ceil(500 / (batchSize + 1)), 'one request per chunk, no retry')
    assert.deepEqual(h.requests.map(r => r.start), seqs(0n, 45n).map(i => 1n + i * 11n), 'chunks follow each other')
    assert.equal(h.maxInFlight, 1, 'one chunk in flight at a time, as Fabric')
    assert.ok(h.pushes.every(p => p === 'accepted'), 'the buffer never refused a block')
    assert.ok(h.maxBuffered <= 2 * 20 + batchSize, `buffer held at most ${h.maxBuffered} (Fabric TestLargeBlockGap bound: 50)`)
    assert.ok(new Set(h.requests.map(r => r.peer)).size > 1, 'peers picked at random')
    assert.deepEqual(h.rounds, ['done'])
    assert.equal(h.engine.active, false)
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
  })

  it('a request for 15 blocks with batchSize 10 takes exactly 2 responses', () => {
    const h = new Harness({ self: 1n, peers: { boot: { height: 16n, mode: 'ok' } }, commitTime: 0 })
    h.engine.start()
    h.runUntil(() => h.height === 16n)
    assert.deepEqual(ranges(h.requests), ['boot:1-11', 'boot:12-15'])
    assert.equal(h.responses, 2)
    assert.deepEqual(h.committed, seqs(1n, 15n))
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
  })

  it('asks another peer after responseTimeout', () => {
    const h = new Harness({
      self: 1n,
      peers: { a: { height: 6n, mode: 'silent' }, b: { height: 6n, mode: 'ok' } },
      commitTime: 20,
      init: { random: () => 0 }
    })
    h.engine.start()
    h.clock.advance(checkInterval)
    assert.deepEqual(ranges(h.requests), ['a:1-5'])
    h.clock.advance(responseTimeout - 1)
    assert.equal(h.requests.length, 1)
    h.clock.advance(1)
    assert.deepEqual(ranges(h.requests), ['a:1-5', 'b:1-5'])
    assert.equal(h.requests[1].at - h.requests[0].at, responseTimeout)
    h.runUntil(() => h.height === 6n)
    assert.deepEqual(h.committed, seqs(1n, 5n))
    assert.deepEqual(h.engine.stats(), { active: false, inFlight: 0, rounds: 1, requests: 2, retries: 1, responses: 1, timeouts: 1, failures: 0, giveUps: 0 })
    h.engine.stop()
  })

  it('asks another peer at once after an empty response', () => {
    const h = new Harness({
      self: 1n,
      peers: { a: { height: 6n, mode: 'empty' }, b: { height: 6n, mode: 'ok' } },
      commitTime: 0,
      latency: 10,
      init: { random: () => 0 }
    })
    h.engine.start()
    h.clock.advance(checkInterval + 10)
    assert.deepEqual(ranges(h.requests), ['a:1-5', 'b:1-5'])
    assert.equal(h.requests[1].at - h.requests[0].at, 10)
    h.clock.advance(10)
    assert.equal(h.height, 6n)
    assert.equal(h.engine.stats().failures, 1)
    h.engine.stop()
  })

  it('gives up a chunk after maxRetries and waits for the next check', () => {
    const h = new Harness({
      self: 1n,
      peers: { a: { height: 30n, mode: 'silent' }, b: { height: 30n, mode: 'silent' } },
      commitTime: 0
    })
    h.engine.start()
    h.clock.advance(checkInterval)
    h.clock.advance(4 * responseTimeout)
    assert.equal(h.requests.length, 4, 'the first request and maxRetries = 3 retries')
    assert.ok(h.requests.every(r => r.start === 1n && r.end === 11n))
    assert.deepEqual(h.requests.map(r => r.at), [0, 1, 2, 3].map(i => checkInterval + i * responseTimeout))
    assert.deepEqual(new Set(h.requests.slice(0, 2).map(r => r.peer)), new Set(['a', 'b']), 'an untried peer first')
    assert.deepEqual(h.rounds, ['gave-up'])
    assert.equal(h.engine.active, false)
    const t = h.clock.now()
    h.clock.advance(checkInterval - (t % checkInterval) - 1)
    assert.equal(h.requests.length, 4, 'no request until the next check')
    h.clock.advance(1)
    assert.equal(h.requests.length, 5, 'the next check starts a new round')
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
  })

  it('honours maxRetries = 0: one request, then give up', () => {
    const h = new Harness({ self: 0n, peers: { a: { height: 3n, mode: 'silent' } }, init: { maxRetries: 0 } })
    h.engine.start()
    h.clock.advance(checkInterval + responseTimeout)
    assert.equal(h.requests.length, 1)
    assert.deepEqual(h.rounds, ['gave-up'])
    h.engine.stop()
  })

  it('asks only peers whose height covers the chunk (height > end)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const h = new Harness({
        self: 1n,
        peers: {
          low: { height: 6n, mode: 'ok' }, // blocks 0..5
          edge: { height: 11n, mode: 'ok' }, // blocks 0..10: lacks block 11, the first chunk's end
          high: { height: 30n, mode: 'ok' }
        },
        commitTime: 0,
        init: { random: rng(seed) }
      })
      h.engine.start()
      h.runUntil(() => h.height === 30n)
      assert.deepEqual(h.committed, seqs(1n, 29n))
      assert.deepEqual(ranges(h.requests), ['high:1-11', 'high:12-22', 'high:23-29'], `seed ${seed}`)
      h.engine.stop()
    }
  })

  it('asks nothing when no peer is higher, and stops when caught up', () => {
    const h = new Harness({ self: 10n, peers: { a: { height: 10n, mode: 'ok' }, b: { height: 3n, mode: 'ok' } }, commitTime: 0 })
    h.engine.start()
    h.clock.advance(5 * checkInterval)
    assert.equal(h.requests.length, 0)
    assert.equal(h.engine.catchUpNow(), false)
    assert.equal(h.engine.stats().rounds, 0)
    h.peers.get('a')!.height = 13n
    h.clock.advance(checkInterval)
    assert.deepEqual(ranges(h.requests), ['a:10-12'])
    h.clock.advance(second)
    assert.equal(h.height, 13n)
    assert.deepEqual(h.rounds, ['done'])
    h.clock.advance(5 * checkInterval)
    assert.equal(h.requests.length, 1)
    h.engine.stop()
  })

  it('ends the round when the peers that covered a chunk are gone', () => {
    const h = new Harness({ self: 1n, peers: { a: { height: 30n, mode: 'silent' } }, commitTime: 0 })
    h.engine.start()
    h.clock.advance(checkInterval)
    assert.equal(h.requests.length, 1)
    h.peers.get('a')!.height = 5n
    h.clock.advance(responseTimeout)
    assert.deepEqual(h.rounds, ['no-peer'])
    assert.equal(h.requests.length, 1)
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
  })

  it('a chunk whose blocks arrive by another path is complete without a response', () => {
    const h = new Harness({ self: 1n, peers: { a: { height: 12n, mode: 'silent' } }, commitTime: 0 })
    h.engine.start()
    h.clock.advance(checkInterval)
    assert.deepEqual(ranges(h.requests), ['a:1-11'])
    // gossip delivers blocks 1..11
    for (let seq = 1n; seq <= 11n; seq++) h.buffer.push(seq, seq)
    assert.equal(h.height, 12n)
    assert.equal(h.engine.active, false)
    assert.deepEqual(h.rounds, ['done'])
    h.clock.advance(responseTimeout)
    assert.equal(h.requests.length, 1, 'no retry')
    assert.equal(h.engine.stats().timeouts, 0)
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
  })

  it('asks the rest of a partial response again', () => {
    const h = new Harness({
      self: 1n,
      peers: { a: { height: 30n, mode: 'ok', maxBlocks: 4 } },
      commitTime: 0
    })
    h.engine.start()
    h.runUntil(() => h.height === 30n)
    assert.deepEqual(h.committed, seqs(1n, 29n))
    assert.deepEqual(ranges(h.requests).slice(0, 4), ['a:1-11', 'a:5-11', 'a:9-11', 'a:12-22'])
    assert.equal(h.engine.stats().retries, 0)
    h.engine.stop()
  })

  it('goes on without waiting for a check when peers moved ahead during the round', () => {
    const h = new Harness({ self: 1n, peers: { a: { height: 12n, mode: 'ok' } }, commitTime: 0 })
    h.engine.start()
    h.clock.advance(checkInterval)
    h.peers.get('a')!.height = 20n
    h.clock.advance(second)
    assert.equal(h.height, 20n)
    assert.deepEqual(ranges(h.requests), ['a:1-11', 'a:12-19'])
    assert.deepEqual(h.rounds, ['done'])
    h.engine.stop()
  })

  it('catchUpNow starts a round at once', () => {
    const h = new Harness({ self: 1n, peers: { a: { height: 5n, mode: 'ok' } }, commitTime: 0 })
    assert.equal(h.engine.catchUpNow(), false, 'not started')
    h.engine.start()
    assert.equal(h.engine.catchUpNow(), true)
    assert.deepEqual(ranges(h.requests), ['a:1-4'])
    assert.equal(h.engine.catchUpNow(), true, 'the round under way')
    assert.equal(h.requests.length, 1, 'not asked twice')
    h.clock.advance(100)
    assert.equal(h.height, 5n)
    h.engine.stop()
  })

  it('holds requests back while a slow committer fills the transfer window', () => {
    const h = new Harness({
      self: 1n,
      peers: { a: { height: 201n, mode: 'ok' }, b: { height: 201n, mode: 'ok' } },
      commitTime: 300,
      init: { parallel: 4 }
    })
    h.engine.start()
    h.runUntil(() => h.height === 201n)
    assert.deepEqual(h.committed, seqs(1n, 200n))
    for (const r of h.requests) assert.ok(r.end < r.height + 40n, `request ${r.start}-${r.end} at height ${r.height}`)
    assert.ok(h.pushes.every(p => p === 'accepted'))
    assert.ok(h.maxBuffered <= 40)
    assert.equal(h.engine.stats().retries, 0)
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
  })

  it('parallel chunks: several in flight, blocks still committed in order', () => {
    const h = new Harness({
      self: 1n,
      peers: { a: { height: 501n, mode: 'ok' }, b: { height: 501n, mode: 'ok' }, c: { height: 501n, mode: 'ok' } },
      commitTime: 0,
      latency: 200,
      init: { parallel: 3, transferWindow: 100 }
    })
    h.engine.start()
    h.runUntil(() => h.height === 501n)
    assert.deepEqual(h.committed, seqs(1n, 500n))
    assert.equal(h.maxInFlight, 3)
    assert.equal(h.requests.length, Math.ceil(500 / 11))
    const serial = new Harness({ self: 1n, peers: { a: { height: 501n, mode: 'ok' } }, commitTime: 0, latency: 200 })
    serial.engine.start()
    serial.runUntil(() => serial.height === 501n)
    assert.ok(h.clock.now() - checkInterval < (serial.clock.now() - checkInterval) / 2.5, 'about 3x faster')
    h.engine.stop()
    serial.engine.stop()
  })

  it('asks again from the height when buffered blocks are lost and the window stays full', () => {
    let lost = false
    const h = new Harness({
      self: 1n,
      peers: { a: { height: 60n, mode: 'ok' } },
      commitTime: 0,
      init: { transferWindow: 22 },
      lose: r => {
        if (lost || r.start !== 1n) return false
        lost = true
        return true
      }
    })
    h.engine.start()
    h.clock.advance(checkInterval + second)
    assert.deepEqual(ranges(h.requests), ['a:1-11', 'a:12-22'], 'then the window (22 blocks) is full')
    assert.equal(h.height, 1n)
    h.clock.advance(responseTimeout)
    assert.deepEqual(ranges(h.requests).slice(2, 3), ['a:1-11'])
    h.runUntil(() => h.height === 60n)
    assert.deepEqual(h.committed, seqs(1n, 59n))
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
  })

  it('gives up when answered blocks never commit', () => {
    const h = new Harness({ self: 1n, peers: { a: { height: 100n, mode: 'ok' } }, commitTime: 0, lose: () => true })
    h.engine.start()
    h.clock.advance(checkInterval + 19 * second) // the next check (at 30 s) would start a new round
    assert.deepEqual(h.rounds, ['gave-up'])
    assert.equal(h.engine.stats().giveUps, 1)
    // 3 chunks fill the 40-block window, then 4 stalls each ask them again; the fourth gives up
    assert.equal(h.requests.length, 3 + 3 * 3)
    assert.equal(h.height, 1n)
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
  })

  it('takes a late response from a peer asked before', () => {
    const h = new Harness({ self: 1n, peers: { a: { height: 6n, mode: 'silent' }, b: { height: 6n, mode: 'silent' } }, commitTime: 20, init: { random: () => 0 } })
    h.engine.start()
    h.clock.advance(checkInterval + responseTimeout)
    assert.deepEqual(ranges(h.requests), ['a:1-5', 'b:1-5'])
    assert.equal(h.engine.onResponse('c', 1n, 5n), false, 'never asked')
    assert.equal(h.engine.onResponse('a', 1n, 4n), false, 'another range')
    assert.equal(h.engine.onFailure('a', 1n, 5n), false, 'a failure from a peer no longer awaited')
    for (let seq = 1n; seq <= 5n; seq++) h.buffer.push(seq, seq, 'transfer')
    assert.equal(h.engine.onResponse('a', 1n, 5n), true)
    assert.equal(h.engine.stats().inFlight, 0)
    assert.equal(h.engine.active, true, 'until the blocks are committed')
    h.clock.advance(second)
    assert.deepEqual(h.committed, seqs(1n, 5n))
    assert.deepEqual(h.rounds, ['done'])
    assert.equal(h.requests.length, 2)
    h.engine.stop()
  })

  it('stop() abandons the round and leaves no timer; responses after it are ignored', () => {
    const h = new Harness({ self: 1n, peers: { a: { height: 100n, mode: 'silent' } }, commitTime: 0, init: { parallel: 2 } })
    h.engine.start()
    h.clock.advance(checkInterval)
    assert.equal(h.engine.stats().inFlight, 2)
    assert.ok(h.clock.pending >= 3)
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
    assert.deepEqual(h.rounds, ['stopped'])
    assert.equal(h.engine.onResponse('a', 1n, 11n), false)
    assert.equal(h.engine.isRunning, false)
    h.clock.advance(10 * checkInterval)
    assert.equal(h.requests.length, 2)
    h.engine.start()
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
  })

  it('survives a throwing adapter', () => {
    const clock = new FakeClock()
    const errors: string[] = []
    let fail = true
    const engine = new AntiEntropy({
      selfHeight: () => { if (fail) throw new Error('ledger'); return 0n },
      peers: () => [{ id: 'a', height: 5n }],
      request: () => { throw new Error('send') }
    }, { clock, onError: (_err, op) => { errors.push(op) } })
    engine.start()
    clock.advance(checkInterval)
    assert.deepEqual(errors, ['selfHeight'])
    fail = false
    clock.advance(checkInterval)
    assert.deepEqual(errors, ['selfHeight', 'request'])
    assert.equal(engine.active, true, 'the request times out and is asked again')
    clock.advance(responseTimeout)
    assert.deepEqual(errors, ['selfHeight', 'request', 'request'])
    engine.stop()
    assert.equal(clock.pending, 0)
  })
})

describe('AntiEntropy: parallel requests', () => {
  const four = (height: bigint, mode: RemotePeer['mode'] = 'ok'): Record<string, RemotePeer> =>
    ({ a: { height, mode }, b: { height, mode }, c: { height, mode }, d: { height, mode } })

  it('keeps `parallel` consecutive ranges in flight at once, one per peer when there are enough', () => {
    const h = new Harness({ self: 1n, peers: four(501n), commitTime: 0, latency: 200, init: { parallel: 4, transferWindow: 88, random: rng(7) } })
    h.engine.start()
    h.clock.advance(checkInterval)
    assert.deepEqual(h.requests.map(r => `${r.start}-${r.end}`), ['1-11', '12-22', '23-33', '34-44'], 'consecutive ranges')
    assert.ok(h.requests.every(r => r.at === checkInterval), 'all at once')
    assert.equal(new Set(h.requests.map(r => r.peer)).size, 4, 'spread over the four peers')
    assert.equal(h.engine.stats().inFlight, 4)
    h.runUntil(() => h.height === 501n)
    assert.deepEqual(h.committed, seqs(1n, 500n))
    assert.equal(h.maxInFlight, 4)
    assert.equal(h.requests.length, Math.ceil(500 / 11), 'each range asked once')
    assert.equal(h.engine.stats().retries, 0)
    assert.deepEqual(h.rounds, ['done'])
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
  })

  it('asks each range only of the peers whose height covers it', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const h = new Harness({
        self: 1n,
        peers: { low: { height: 12n, mode: 'ok' }, mid: { height: 30n, mode: 'ok' }, high: { height: 101n, mode: 'ok' } },
        commitTime: 0,
        init: { parallel: 3, transferWindow: 88, random: rng(seed) }
      })
      h.engine.start()
      h.runUntil(() => h.height === 101n)
      assert.deepEqual(h.committed, seqs(1n, 100n))
      for (const r of h.requests) assert.ok(h.peers.get(r.peer)!.height > r.end, `seed ${seed}: ${r.peer} asked for ${r.start}-${r.end}`)
      assert.equal(h.requests[0].end, 11n)
      assert.ok(['low', 'mid', 'high'].includes(h.requests[0].peer))
      assert.notEqual(h.requests[1].peer, 'low')
      assert.equal(h.requests[2].peer, 'high', '23-33: only high covers it')
      h.engine.stop()
    }
  })

  it('a range that goes unanswered is asked again of another peer while the others go on', () => {
    const h = new Harness({
      self: 1n,
      peers: { a: { height: 101n, mode: 'silent' }, b: { height: 101n, mode: 'ok' }, c: { height: 101n, mode: 'ok' } },
      commitTime: 0,
      init: { parallel: 3, transferWindow: 88, random: () => 0 }
    })
    h.engine.start()
    h.clock.advance(checkInterval)
    assert.deepEqual(ranges(h.requests), ['a:1-11', 'b:12-22', 'c:23-33'], 'the least busy peer first')
    h.clock.advance(responseTimeout - 1)
    assert.equal(h.height, 1n, 'block 1 is missing: nothing commits')
    assert.ok(h.requests.some(r => r.start > 33n), 'later ranges were asked meanwhile')
    assert.ok(h.buffer.size >= 22, 'and their blocks wait in the buffer')
    h.runUntil(() => h.height === 101n)
    assert.deepEqual(h.committed, seqs(1n, 100n), 'in order')
    const toA = h.requests.filter(r => r.peer === 'a')
    assert.ok(toA.length >= 1)
    for (const r of toA) {
      const again = h.requests.filter(x => x.start === r.start && x.end === r.end && x.at > r.at)
      assert.ok(again.length >= 1 && again[0].peer !== 'a' && again[0].at === r.at + responseTimeout, `${r.start}-${r.end} asked again of b or c after responseTimeout`)
    }
    const answered = h.requests.filter(r => r.peer !== 'a')
    assert.equal(new Set(answered.map(r => `${r.start}-${r.end}`)).size, answered.length, 'what b and c answered was not asked again')
    assert.equal(h.engine.stats().timeouts, toA.length)
    assert.equal(h.engine.stats().giveUps, 0)
    h.engine.stop()
    assert.equal(h.clock.pending, 0)
  })

  it('responses that arrive out of order wait in the buffer; blocks commit in order', () => {
    const h = new Harness({
      self: 1n,
      peers: { slow: { height: 45n, mode: 'ok', latency: 300 }, fast: { height: 45n, mode: 'ok', latency: 10 } },
      commitTime: 0,
      init: { parallel: 2, transferWindow: 88, random: () => 0 }
    })
    h.engine.start()
    h.clock.advance(checkInterval)
    assert.deepEqual(ranges(h.requests), ['slow:1-11', 'fast:12-22'])
    h.clock.advance(10)
    assert.equal(h.height, 1n)
    assert.deepEqual([...seqs(12n, 22n)].every(seq => h.buffer.has(seq)), true, 'the later range arrived first')
    h.runUntil(() => h.height === 45n)
    assert.deepEqual(h.committed, seqs(1n, 44n))
    h.engine.stop()
  })

  it('parallel 1 (Fabric): one request at a time, the next once the previous is answered', () => {
    for (const init of [{}, { parallel: 1 }]) {
      const h = new Harness({ self: 1n, peers: four(201n), commitTime: 0, latency: 100, init })
      h.engine.start()
      h.runUntil(() => h.height === 201n)
      assert.deepEqual(h.committed, seqs(1n, 200n))
      assert.equal(h.maxInFlight, 1)
      for (let i = 1; i < h.requests.length; i++) {
        assert.equal(h.requests[i].start, h.requests[i - 1].end + 1n)
        assert.ok(h.requests[i].at >= h.requests[i - 1].at + 100, 'after the previous response')
      }
      h.engine.stop()
    }
  })
})

describe('checkStateRequest', () => {
  it('applies Fabric stateRequestValidator and clamps to the blocks held', () => {
    assert.deepEqual(checkStateRequest(10n, 5n, 10, 100n), { ok: false, reason: 'start-after-end' })
    assert.deepEqual(checkStateRequest(10n, 30n, 10, 100n), { ok: false, reason: 'too-many-blocks' })
    assert.deepEqual(checkStateRequest(10n, 21n, 10, 100n), { ok: false, reason: 'too-many-blocks' })
    assert.deepEqual(checkStateRequest(10n, 20n, 10, 100n), { ok: true, end: 20n }, 'batchSize + 1 blocks pass')
    assert.deepEqual(checkStateRequest(10n, 20n, 10n, 15n), { ok: true, end: 14n })
    assert.deepEqual(checkStateRequest(10n, 10n, 10, 11n), { ok: true, end: 10n })
    assert.deepEqual(checkStateRequest(0n, 0n, 0, 1n), { ok: true, end: 0n })
    assert.deepEqual(checkStateRequest(15n, 20n, 10, 15n), { ok: false, reason: 'beyond-height' })
    assert.deepEqual(checkStateRequest(0n, 3n, 10, 0n), { ok: false, reason: 'beyond-height' })
    assert.deepEqual(checkStateRequest(-1n, 3n, 10, 10n), { ok: false, reason: 'negative' })
  })
})
