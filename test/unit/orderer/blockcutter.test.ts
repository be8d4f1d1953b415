import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  BatchCutter,
  BlockCutter,
  BatchConfigError,
  envelopeSize,
  BATCH_TIMEOUT,
  MAX_MESSAGE_COUNT,
  ABSOLUTE_MAX_BYTES,
  PREFERRED_MAX_BYTES
} from '../../../src/orderer/index.js'
import type { BatchCutterInit } from '../../../src/orderer/index.js'
import { common } from '../../../src/pb/common.js'
import { FakeClock } from '../../helpers/fake-clock.js'

const second = 1000

let nextId = 1
/** A marshalled common.Envelope of {@link envelopeSize} `size` (at least 1), unlike every other one. */
function env (size: number): Uint8Array {
  const id = nextId++
  const tag = Uint8Array.from([id & 0xff, (id >> 8) & 0xff, (id >> 16) & 0xff, 0xee])
  const signature = tag.subarray(0, Math.min(size, tag.length))
  return common.Envelope.encode({ payload: new Uint8Array(size - signature.length).fill(id & 0xff), signature })
}

/** A seeded PRNG (mulberry32), so that the random sequences are the same on every run. */
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

describe('defaults and sizes', () => {
  it('are Fabric\'s sampleconfig/configtx.yaml Orderer values', () => {
    assert.equal(BATCH_TIMEOUT, 2 * second)
    assert.equal(MAX_MESSAGE_COUNT, 500)
    assert.equal(ABSOLUTE_MAX_BYTES, 10 * 1024 * 1024)
    assert.equal(PREFERRED_MAX_BYTES, 2 * 1024 * 1024)
    assert.deepEqual(new BlockCutter().batchSize, { maxMessageCount: 500, absoluteMaxBytes: 10_485_760, preferredMaxBytes: 2_097_152 })
    const clock = new FakeClock()
    const cutter = new BatchCutter({ clock, onBatch: () => {} })
    assert.equal(cutter.batchTimeout, 2 * second)
    assert.deepEqual(cutter.batchSize, new BlockCutter().batchSize)
  })

  it('an envelope\'s size is its payload plus its signature, as Fabric counts it', () => {
    const e = common.Envelope.encode({ payload: new Uint8Array(300), signature: new Uint8Array(70) })
    assert.equal(envelopeSize(e), 370)
    assert.ok(e.byteLength > 370, 'the marshalled envelope is a few bytes longer')
    assert.equal(envelopeSize(env(1)), 1)
    assert.equal(envelopeSize(env(1000)), 1000)
  })

  it('tooLarge is the AbsoluteMaxBytes check, on the same size', () => {
    const cutter = new BlockCutter({ absoluteMaxBytes: 1000, preferredMaxBytes: 500 })
    const exact = env(1000)
    assert.ok(exact.byteLength > 1000)
    assert.equal(cutter.tooLarge(exact), false, 'payload + signature of exactly AbsoluteMaxBytes is accepted')
    assert.equal(cutter.tooLarge(env(1001)), true)
    assert.equal(cutter.tooLarge(new Uint8Array(0), 1001), true, 'a size given is used as is')
  })

  it('rejects what Fabric\'s channel config rejects', () => {
    for (const bad of [
      { maxMessageCount: 0 },
      { absoluteMaxBytes: 0 },
      { preferredMaxBytes: 0 },
      { maxMessageCount: 1.5 },
      { preferredMaxBytes: 2001, absoluteMaxBytes: 2000 }
    ]) {
      assert.throws(() => new BlockCutter(bad), { name: 'BatchConfigError' }, JSON.stringify(bad))
    }
    assert.throws(() => new BatchCutter({ batchTimeout: 0, onBatch: () => {} }), BatchConfigError)
    assert.throws(() => new BatchCutter({ batchTimeout: Number.NaN, onBatch: () => {} }), BatchConfigError)
    assert.doesNotThrow(() => new BlockCutter({ preferredMaxBytes: 2000, absoluteMaxBytes: 2000 }))
  })
})

describe('BlockCutter', () => {
  it('keeps envelopes pending until MaxMessageCount, then cuts them', () => {
    const cutter = new BlockCutter({ maxMessageCount: 3 })
    const [a, b, c, d] = [env(10), env(10), env(10), env(10)]
    assert.deepEqual(cutter.ordered(a), { batches: [], pending: true })
    assert.deepEqual(cutter.ordered(b), { batches: [], pending: true })
    assert.equal(cutter.pendingCount, 2)
    assert.equal(cutter.pendingBytes, 20)
    assert.deepEqual(cutter.ordered(c), { batches: [[a, b, c]], pending: false })
    assert.equal(cutter.pendingCount, 0)
    assert.equal(cutter.pendingBytes, 0)
    assert.deepEqual(cutter.ordered(d), { batches: [], pending: true })
    assert.deepEqual(cutter.cut(), [d])
  })

  it('MaxMessageCount 1 cuts every envelope alone', () => {
    const cutter = new BlockCutter({ maxMessageCount: 1 })
    const [a, b] = [env(10), env(10)]
    assert.deepEqual(cutter.ordered(a), { batches: [[a]], pending: false })
    assert.deepEqual(cutter.ordered(b), { batches: [[b]], pending: false })
  })

  it('cuts the pending batch first when the next envelope would overflow PreferredMaxBytes', () => {
    const cutter = new BlockCutter({ preferredMaxBytes: 100, absoluteMaxBytes: 1000 })
    const [a, b, c] = [env(60), env(50), env(50)]
    assert.deepEqual(cutter.ordered(a), { batches: [], pending: true })
    assert.deepEqual(cutter.ordered(b), { batches: [[a]], pending: true })
    assert.equal(cutter.pendingBytes, 50)
    assert.deepEqual(cutter.ordered(c), { batches: [], pending: true }, '50 + 50 is not more than 100')
    assert.deepEqual(cutter.cut(), [b, c])
  })

  it('a batch may fill PreferredMaxBytes exactly, and an envelope of exactly that size is not isolated', () => {
    const cutter = new BlockCutter({ preferredMaxBytes: 100, absoluteMaxBytes: 1000 })
    const [a, b, c] = [env(60), env(40), env(100)]
    cutter.ordered(a)
    assert.deepEqual(cutter.ordered(b), { batches: [], pending: true })
    assert.equal(cutter.pendingBytes, 100)
    assert.deepEqual(cutter.ordered(c), { batches: [[a, b]], pending: true })
    assert.deepEqual(cutter.cut(), [c])
  })

  it('an envelope larger than PreferredMaxBytes goes alone, after the pending batch', () => {
    const cutter = new BlockCutter({ preferredMaxBytes: 100, absoluteMaxBytes: 1000 })
    const [a, b, big, big2] = [env(10), env(20), env(101), env(1000)]
    cutter.ordered(a)
    cutter.ordered(b)
    assert.deepEqual(cutter.ordered(big), { batches: [[a, b], [big]], pending: false })
    assert.equal(cutter.pendingCount, 0)
    assert.equal(cutter.pendingBytes, 0)
    assert.deepEqual(cutter.ordered(big2), { batches: [[big2]], pending: false }, 'nothing pending: one batch')
  })

  it('an envelope over AbsoluteMaxBytes that reaches it anyway is cut alone (the caller should have rejected it)', () => {
    const cutter = new BlockCutter({ preferredMaxBytes: 100, absoluteMaxBytes: 200 })
    const huge = env(500)
    assert.equal(cutter.tooLarge(huge), true)
    assert.deepEqual(cutter.ordered(huge), { batches: [[huge]], pending: false })
  })

  it('the overflow cut and the count cut can come from one envelope', () => {
    const cutter = new BlockCutter({ maxMessageCount: 1, preferredMaxBytes: 100, absoluteMaxBytes: 1000 })
    const c2 = new BlockCutter({ maxMessageCount: 2, preferredMaxBytes: 100, absoluteMaxBytes: 1000 })
    const [a, b, c] = [env(60), env(50), env(10)]
    assert.deepEqual(cutter.ordered(a), { batches: [[a]], pending: false })
    c2.ordered(a)
    assert.deepEqual(c2.ordered(b), { batches: [[a]], pending: true })
    assert.deepEqual(c2.ordered(c), { batches: [[b, c]], pending: false })
  })

  it('cut returns the pending batch once; with nothing pending, an empty one', () => {
    const cutter = new BlockCutter()
    assert.deepEqual(cutter.cut(), [])
    const a = env(10)
    cutter.ordered(a)
    assert.deepEqual(cutter.cut(), [a])
    assert.deepEqual(cutter.cut(), [])
    assert.equal(cutter.pendingBytes, 0)
  })

  it('uses the size given instead of decoding, and throws on bytes that are no envelope without one', () => {
    const cutter = new BlockCutter({ preferredMaxBytes: 100, absoluteMaxBytes: 1000 })
    const opaque = Uint8Array.from([0xff, 0xff, 0xff])
    assert.deepEqual(cutter.ordered(opaque, 101), { batches: [[opaque]], pending: false })
    assert.throws(() => cutter.ordered(opaque))
    assert.equal(cutter.pendingCount, 0, 'a throw leaves the pending batch as it was')
  })

  it('over random sequences: order kept, no batch over MaxMessageCount, none over PreferredMaxBytes unless alone', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = rng(seed)
      const maxMessageCount = 1 + Math.floor(random() * 8)
      const preferredMaxBytes = 50 + Math.floor(random() * 200)
      const cutter = new BlockCutter({ maxMessageCount, preferredMaxBytes, absoluteMaxBytes: 1000 })
      const input = Array.from({ length: 300 }, () => env(1 + Math.floor(random() * preferredMaxBytes * 1.3)))
      const output: Uint8Array[][] = []
      for (const e of input) {
        const { batches, pending } = cutter.ordered(e)
        assert.ok(batches.length <= 2)
        assert.equal(pending, cutter.pendingCount > 0)
        for (const batch of batches) {
          // cut no earlier than needed: e alone (too large), a full count, or e would have overflowed it
          const bytes = batch.reduce((sum, x) => sum + envelopeSize(x), 0)
          const isolated = batch.length === 1 && batch[0] === e && envelopeSize(e) > preferredMaxBytes
          assert.ok(isolated || batch.length === maxMessageCount || bytes + envelopeSize(e) > preferredMaxBytes, `seed ${seed}: cut early`)
        }
        output.push(...batches)
        if (Math.floor(random() * 20) === 0) output.push(cutter.cut())
      }
      output.push(cutter.cut())
      assert.deepEqual(output.flat(), input, `seed ${seed}: every envelope once, in order`)
      for (const batch of output) {
        assert.ok(batch.length <= maxMessageCount, `seed ${seed}: ${batch.length} > ${maxMessageCount}`)
        const bytes = batch.reduce((sum, e) => sum + envelopeSize(e), 0)
        assert.ok(batch.length === 1 || bytes <= preferredMaxBytes, `seed ${seed}: a batch of ${batch.length} holds ${bytes} bytes`)
      }
    }
  })
})

describe('BatchCutter', () => {
  function setup (init: Partial<BatchCutterInit> = {}): { clock: FakeClock, cutter: BatchCutter, batches: Array<{ at: number, batch: Uint8Array[] }> } {
    const clock = new FakeClock()
    const batches: Array<{ at: number, batch: Uint8Array[] }> = []
    const cutter = new BatchCutter({ clock, onBatch: batch => { batches.push({ at: clock.now(), batch }) }, ...init })
    cutter.start()
    return { clock, cutter, batches }
  }

  it('cuts BatchTimeout after the first envelope of a batch, not after the last', () => {
    const { clock, cutter, batches } = setup()
    assert.equal(clock.pending, 0, 'no timer while nothing is pending')
    const [a, b] = [env(10), env(10)]
    cutter.ordered(a)
    assert.deepEqual(clock.dueTimes(), [2 * second])
    clock.advance(1.5 * second)
    cutter.ordered(b)
    assert.deepEqual(clock.dueTimes(), [2 * second], 'a second envelope does not restart the timer')
    clock.advanceTo(2 * second - 1)
    assert.deepEqual(batches, [])
    clock.advance(1)
    assert.deepEqual(batches, [{ at: 2 * second, batch: [a, b] }])
    assert.equal(clock.pending, 0)
    assert.equal(cutter.pendingCount, 0)
  })

  it('the next batch after a timeout has its own timer', () => {
    const { clock, cutter, batches } = setup({ batchTimeout: 500 })
    const [a, b] = [env(10), env(10)]
    cutter.ordered(a)
    clock.advance(500)
    clock.advance(1000)
    cutter.ordered(b)
    assert.deepEqual(clock.dueTimes(), [2000])
    clock.runAll()
    assert.deepEqual(batches, [{ at: 500, batch: [a] }, { at: 2000, batch: [b] }])
  })

  it('a batch cut by count clears its timer', () => {
    const { clock, cutter, batches } = setup({ maxMessageCount: 2 })
    const [a, b] = [env(10), env(10)]
    cutter.ordered(a)
    assert.equal(clock.pending, 1)
    cutter.ordered(b)
    assert.deepEqual(batches, [{ at: 0, batch: [a, b] }])
    assert.equal(clock.pending, 0)
    clock.advance(10 * second)
    assert.equal(batches.length, 1)
  })

  it('a batch cut by size clears its timer, and the envelope that overflowed starts a new one', () => {
    const { clock, cutter, batches } = setup({ preferredMaxBytes: 100, absoluteMaxBytes: 1000 })
    const [a, b] = [env(60), env(50)]
    cutter.ordered(a)
    clock.advance(1.5 * second)
    cutter.ordered(b)
    assert.deepEqual(batches, [{ at: 1.5 * second, batch: [a] }])
    assert.deepEqual(clock.dueTimes(), [3.5 * second], 'BatchTimeout from the new batch\'s first envelope')
    clock.advanceTo(3.5 * second - 1)
    assert.equal(batches.length, 1)
    clock.advance(1)
    assert.deepEqual(batches[1], { at: 3.5 * second, batch: [b] })
  })

  it('an envelope larger than PreferredMaxBytes: two batches in order, no timer left', () => {
    const { clock, cutter, batches } = setup({ preferredMaxBytes: 100, absoluteMaxBytes: 1000 })
    const [a, big] = [env(10), env(200)]
    cutter.ordered(a)
    cutter.ordered(big)
    assert.deepEqual(batches.map(b => b.batch), [[a], [big]])
    assert.equal(clock.pending, 0)
  })

  it('cut() hands the pending batch over now and clears the timer; with nothing pending it hands nothing', () => {
    const { clock, cutter, batches } = setup()
    cutter.cut()
    assert.deepEqual(batches, [])
    const a = env(10)
    cutter.ordered(a)
    clock.advance(100)
    cutter.cut()
    assert.deepEqual(batches, [{ at: 100, batch: [a] }])
    assert.equal(clock.pending, 0)
    clock.advance(10 * second)
    assert.equal(batches.length, 1)
  })

  it('stop() clears the timer and drops the pending batch; no timer is set after it', () => {
    const { clock, cutter, batches } = setup()
    cutter.ordered(env(10))
    assert.equal(clock.pending, 1)
    cutter.stop()
    assert.equal(cutter.isStarted(), false)
    assert.equal(clock.pending, 0)
    assert.equal(cutter.pendingCount, 0)
    assert.throws(() => { cutter.ordered(env(10)) }, { name: 'NotStartedError' })
    assert.equal(clock.pending, 0)
    clock.advance(10 * second)
    assert.equal(batches.length, 0)
    cutter.stop() // twice is harmless

    cutter.start()
    const b = env(10)
    cutter.ordered(b)
    clock.runAll()
    assert.deepEqual(batches.map(x => x.batch), [[b]], 'after a restart only the new envelope is cut')
  })

  it('ordered() before start() throws and sets no timer', () => {
    const clock = new FakeClock()
    const cutter = new BatchCutter({ clock, onBatch: () => { assert.fail('no batch') } })
    assert.throws(() => { cutter.ordered(env(10)) }, { name: 'NotStartedError' })
    assert.equal(clock.pending, 0)
    assert.equal(cutter.pendingCount, 0)
  })

  it('onBatch may stop the cutter: the timer it would have set is not left behind', () => {
    const clock = new FakeClock()
    const batches: Uint8Array[][] = []
    const cutter = new BatchCutter({
      clock,
      preferredMaxBytes: 100,
      absoluteMaxBytes: 1000,
      onBatch: batch => { batches.push(batch); cutter.stop() }
    })
    cutter.start()
    const [a, b] = [env(60), env(50)]
    cutter.ordered(a)
    cutter.ordered(b) // cuts [a], b pending with a new timer, then onBatch stops the cutter
    assert.deepEqual(batches, [[a]])
    assert.equal(clock.pending, 0)
  })

  it('over a random schedule: every envelope is handed over once, in order, and waits at most BatchTimeout', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const random = rng(seed)
      const batchTimeout = 100 + Math.floor(random() * 1000)
      const { clock, cutter, batches } = setup({ batchTimeout, maxMessageCount: 1 + Math.floor(random() * 10), preferredMaxBytes: 500, absoluteMaxBytes: 1000 })
      const arrived = new Map<Uint8Array, number>()
      const input: Uint8Array[] = []
      for (let i = 0; i < 200; i++) {
        clock.advance(Math.floor(random() * batchTimeout * 0.6))
        const e = env(1 + Math.floor(random() * 600))
        arrived.set(e, clock.now())
        input.push(e)
        cutter.ordered(e)
      }
      clock.runAll()
      assert.deepEqual(batches.flatMap(b => b.batch), input, `seed ${seed}`)
      for (const { at, batch } of batches) {
        for (const e of batch) assert.ok(at - (arrived.get(e) ?? 0) <= batchTimeout, `seed ${seed}: waited ${at - (arrived.get(e) ?? 0)} ms`)
        assert.ok(at - (arrived.get(batch[0]) ?? 0) <= batchTimeout)
      }
      assert.equal(clock.pending, 0)
      cutter.stop()
    }
  })
})
