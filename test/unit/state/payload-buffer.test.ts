import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { PayloadBuffer, PayloadBufferAbortedError } from '../../../src/state/index.js'

/** A seeded PRNG (mulberry32), so that shuffles are the same on every run. */
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

function drain<T> (buffer: PayloadBuffer<T>): bigint[] {
  const out: bigint[] = []
  for (let p = buffer.pop(); p !== undefined; p = buffer.pop()) out.push(p.seq)
  return out
}

describe('PayloadBuffer', () => {
  it('releases payloads strictly in order whatever the arrival order', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const buffer = new PayloadBuffer<string>(1n)
      const committed: bigint[] = []
      buffer.onReady(() => { committed.push(...drain(buffer)) })
      const seqs = shuffle(Array.from({ length: 19 }, (_, i) => BigInt(i + 1)), rng(seed))
      for (const seq of seqs) assert.equal(buffer.push(seq, `block ${seq}`), 'accepted')
      assert.deepEqual(committed, Array.from({ length: 19 }, (_, i) => BigInt(i + 1)), `seed ${seed}`)
      assert.equal(buffer.next, 20n)
      assert.equal(buffer.size, 0)
    }
  })

  it('pops only the next payload, never a later one', () => {
    const buffer = new PayloadBuffer<string>(5n)
    buffer.push(7n, 'seven')
    buffer.push(6n, 'six')
    assert.equal(buffer.ready(), false)
    assert.equal(buffer.pop(), undefined)
    assert.equal(buffer.size, 2)
    buffer.push(5n, 'five')
    assert.equal(buffer.ready(), true)
    assert.deepEqual(buffer.pop(), { seq: 5n, payload: 'five' })
    assert.deepEqual(buffer.pop(), { seq: 6n, payload: 'six' })
    assert.deepEqual(buffer.pop(), { seq: 7n, payload: 'seven' })
    assert.equal(buffer.pop(), undefined)
    assert.equal(buffer.next, 8n)
  })

  it('refuses payloads below next, duplicates, and gossip blockBufferSize or more ahead (Fabric TestOverPopulation)', () => {
    const buffer = new PayloadBuffer<number>(1n)
    for (let i = 1n; i <= 4n; i++) assert.equal(buffer.push(i, 0), 'accepted')
    assert.deepEqual(drain(buffer), [1n, 2n, 3n, 4n])
    // height 5: blocks 10..24 are less than 20 ahead, 25.. are not
    for (let i = 10n; i <= 24n; i++) assert.equal(buffer.push(i, 0), 'accepted', `block ${i}`)
    for (let i = 25n; i <= 200n; i++) assert.equal(buffer.push(i, 0), 'too-far', `block ${i}`)
    assert.equal(buffer.push(4n, 0), 'too-old')
    assert.equal(buffer.push(0n, 0), 'too-old')
    assert.equal(buffer.push(12n, 1), 'duplicate')
    assert.equal(buffer.size, 15)
    assert.ok(buffer.size < 20)
    assert.equal(buffer.pop(), undefined)
  })

  it('takes state-transfer payloads up to transferWindow ahead', () => {
    const buffer = new PayloadBuffer<number>(0n, { blockBufferSize: 20, transferWindow: 40 })
    assert.equal(buffer.push(20n, 0), 'too-far')
    assert.equal(buffer.push(20n, 0, 'transfer'), 'accepted')
    assert.equal(buffer.push(39n, 0, 'transfer'), 'accepted')
    assert.equal(buffer.push(40n, 0, 'transfer'), 'too-far')
    assert.equal(buffer.push(20n, 0), 'duplicate')
  })

  it('bounds the payloads held by the larger of its two windows', () => {
    const buffer = new PayloadBuffer<number>(100n, { blockBufferSize: 5, transferWindow: 8 })
    let accepted = 0
    for (let i = 0n; i < 1000n; i++) {
      if (buffer.push(100n + i, 0) === 'accepted') accepted++
      if (buffer.push(100n + i, 0, 'transfer') === 'accepted') accepted++
    }
    assert.equal(accepted, 8)
    assert.equal(buffer.size, 8)
    // a transferWindow below blockBufferSize is raised to it
    const small = new PayloadBuffer<number>(0n, { blockBufferSize: 10, transferWindow: 3 })
    assert.equal(small.push(9n, 0, 'transfer'), 'accepted')
  })

  it('advanceTo drops what is below the new height and signals when the next one is held', () => {
    const buffer = new PayloadBuffer<string>(10n)
    let signals = 0
    const off = buffer.onReady(() => { signals++ })
    buffer.push(11n, 'a')
    buffer.push(13n, 'b')
    buffer.push(14n, 'c')
    assert.equal(signals, 0)
    assert.equal(buffer.advanceTo(12n), 1)
    assert.equal(buffer.next, 12n)
    assert.equal(signals, 0)
    assert.equal(buffer.advanceTo(13n), 0)
    assert.equal(signals, 1)
    assert.equal(buffer.advanceTo(5n), 0, 'a lower height changes nothing')
    assert.equal(buffer.next, 13n)
    assert.deepEqual(drain(buffer), [13n, 14n])
    off()
    buffer.push(15n, 'd')
    assert.equal(signals, 1, 'an unregistered listener is not called')
  })

  it('signals once per arrival of the next payload, not for later ones', () => {
    const buffer = new PayloadBuffer<string>(0n)
    let signals = 0
    buffer.onReady(() => { signals++ })
    buffer.push(1n, 'b')
    buffer.push(2n, 'c')
    assert.equal(signals, 0)
    buffer.push(0n, 'a')
    assert.equal(signals, 1)
    buffer.push(0n, 'a again')
    assert.equal(signals, 1)
  })

  it('a throwing listener does not stop the buffer', () => {
    const errors: unknown[] = []
    const buffer = new PayloadBuffer<string>(0n, { onError: err => errors.push(err) })
    let called = false
    buffer.onReady(() => { throw new Error('boom') })
    buffer.onReady(() => { called = true })
    assert.equal(buffer.push(0n, 'a'), 'accepted')
    assert.equal(called, true)
    assert.equal(errors.length, 1)
  })

  it('whenReady resolves at once when ready, at the next arrival otherwise, and rejects on abort', async () => {
    const buffer = new PayloadBuffer<string>(3n)
    buffer.push(3n, 'x')
    await buffer.whenReady()
    buffer.pop()
    let resolved = false
    const waiting = buffer.whenReady().then(() => { resolved = true })
    buffer.push(5n, 'later')
    await new Promise(resolve => setImmediate(resolve))
    assert.equal(resolved, false)
    buffer.push(4n, 'next')
    await waiting
    assert.equal(resolved, true)
    assert.deepEqual(drain(buffer), [4n, 5n])

    const controller = new AbortController()
    const aborted = buffer.whenReady(controller.signal)
    controller.abort()
    await assert.rejects(aborted, (err: Error) => err.name === 'PayloadBufferAbortedError')
    await assert.rejects(buffer.whenReady(controller.signal), PayloadBufferAbortedError)
  })

  it('a committer loop awaiting whenReady commits every block once, in order', async () => {
    const buffer = new PayloadBuffer<bigint>(0n)
    const committed: bigint[] = []
    const controller = new AbortController()
    const committer = (async () => {
      for (;;) {
        await buffer.whenReady(controller.signal)
        for (let p = buffer.pop(); p !== undefined; p = buffer.pop()) {
          await Promise.resolve()
          committed.push(p.payload)
        }
      }
    })().catch((err: Error) => err.name)
    const order = shuffle(Array.from({ length: 15 }, (_, i) => BigInt(i)), rng(7))
    for (const seq of order) {
      buffer.push(seq, seq)
      buffer.push(seq, seq)
      await new Promise(resolve => setImmediate(resolve))
    }
    assert.deepEqual(committed, Array.from({ length: 15 }, (_, i) => BigInt(i)))
    controller.abort()
    assert.equal(await committer, 'PayloadBufferAbortedError')
  })

  it('rejects a negative start', () => {
    assert.throws(() => new PayloadBuffer<string>(-1n), RangeError)
  })
})

describe('PayloadBuffer.rewind', () => {
  it('frees the slot of a payload that failed to commit, keeping the ones after it', () => {
    const b = new PayloadBuffer<string>(5n)
    b.push(5n, 'bad')
    b.push(6n, 'six')
    assert.equal(b.pop()?.payload, 'bad')
    b.rewind(5n)
    assert.equal(b.next, 5n)
    assert.equal(b.ready(), false)
    assert.equal(b.push(5n, 'good'), 'accepted')
    assert.deepEqual([b.pop()?.payload, b.pop()?.payload], ['good', 'six'])
  })
})
