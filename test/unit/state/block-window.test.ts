import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BlockWindow } from '../../../src/state/index.js'
import type { EvictionReason } from '../../../src/state/index.js'
import { FakeClock } from '../../helpers/fake-clock.js'

const second = 1000
const pullInterval = 4 * second
const ttl = 100 * pullInterval

interface Eviction { digest: string, seq: bigint, reason: EvictionReason }

function setup (init: { maxBlockCountToStore?: number, ttl?: number } = {}): { clock: FakeClock, window: BlockWindow<string>, evicted: Eviction[] } {
  const clock = new FakeClock(1_000_000)
  const evicted: Eviction[] = []
  const window = new BlockWindow<string>({ clock, ...init, evicted: (digest, seq, reason) => { evicted.push({ digest, seq, reason }) } })
  return { clock, window, evicted }
}

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => String(from + i))

describe('BlockWindow', () => {
  it('keeps blocks by seq and answers get/has by seq or decimal digest', () => {
    const { window } = setup()
    assert.equal(window.add(5n, 'b5'), true)
    assert.equal(window.get(5n), 'b5')
    assert.equal(window.get('5'), 'b5')
    assert.equal(window.has('5'), true)
    assert.equal(window.has(6n), false)
    for (const bad of ['05', '-5', '5.0', 'x', '', ' 5', '1'.repeat(30)]) assert.equal(window.get(bad), undefined, bad)
    assert.deepEqual(window.digests(), ['5'])
    assert.equal(window.size, 1)
    window.stop()
  })

  it('refuses a block already held', () => {
    const { window } = setup()
    assert.equal(window.add(3n, 'first'), true)
    assert.equal(window.accepts(3n), false)
    assert.equal(window.add(3n, 'second'), false)
    assert.equal(window.get(3n), 'first')
    window.stop()
  })

  it('evicts blocks more than maxBlockCountToStore below the newest, and refuses them (Fabric msgcomparator)', () => {
    const { window, evicted } = setup()
    for (let i = 1n; i <= 11n; i++) assert.equal(window.add(i, `b${i}`), true)
    assert.deepEqual(window.digests(), range(1, 11), 'newest - 10 .. newest: 11 blocks')
    assert.equal(evicted.length, 0)
    assert.equal(window.add(12n, 'b12'), true)
    assert.deepEqual(window.digests(), range(2, 12))
    assert.deepEqual(evicted, [{ digest: '1', seq: 1n, reason: 'window' }])
    assert.equal(window.accepts(1n), false)
    assert.equal(window.add(1n, 'b1'), false, 'too old')
    assert.equal(window.add(2n, 'again'), false, 'held')
    // a jump evicts everything more than 10 below it
    assert.equal(window.add(30n, 'b30'), true)
    assert.deepEqual(window.digests(), ['30'])
    assert.deepEqual(evicted.map(e => e.seq), [1n, ...Array.from({ length: 11 }, (_, i) => BigInt(i + 2))])
    assert.equal(window.add(20n, 'b20'), true, 'exactly 10 below the newest is kept')
    assert.equal(window.add(19n, 'b19'), false)
    assert.equal(window.newest, 30n)
    window.stop()
  })

  it('stays bounded whatever is added', () => {
    const { window } = setup({ maxBlockCountToStore: 10 })
    for (let i = 0; i < 5000; i++) {
      window.add(BigInt((i * 7919) % 3000), 'x')
      assert.ok(window.size <= 11)
    }
    window.stop()
  })

  it('expires blocks after the TTL (pullInterval x 100) and tells the owner', () => {
    const { clock, window, evicted } = setup()
    window.add(1n, 'b1')
    clock.advance(ttl / 2)
    window.add(2n, 'b2')
    clock.advance(ttl / 2 - 1)
    assert.deepEqual(window.digests(), ['1', '2'])
    clock.advance(1)
    assert.deepEqual(evicted, [{ digest: '1', seq: 1n, reason: 'expired' }])
    assert.deepEqual(window.digests(), ['2'])
    assert.equal(window.get(1n), undefined)
    assert.equal(window.has(1n), false)
    clock.advance(ttl / 2)
    assert.deepEqual(evicted.map(e => e.digest), ['1', '2'])
    assert.deepEqual(window.digests(), [])
    assert.equal(window.size, 0)
    window.stop()
  })

  it('refuses an expired block again until 2 x TTL, as Fabric keeps expired messages that long', () => {
    const { clock, window, evicted } = setup()
    window.add(7n, 'b7')
    clock.advance(ttl)
    assert.equal(window.has(7n), false)
    assert.equal(window.add(7n, 'again'), false)
    clock.advance(ttl - 1)
    assert.equal(window.accepts(7n), false)
    clock.advance(1)
    assert.equal(clock.pending, 0, 'nothing held: no timer')
    assert.equal(window.add(7n, 'again'), true)
    assert.equal(window.get(7n), 'again')
    assert.equal(evicted.length, 1, 'an expired block is reported once')
    window.stop()
  })

  it('keeps one timer while blocks are held and none after stop', () => {
    const { clock, window, evicted } = setup()
    for (let i = 0n; i < 20n; i++) {
      window.add(i, 'x')
      clock.advance(second)
    }
    assert.equal(clock.pending, 1)
    window.stop()
    assert.equal(clock.pending, 0)
    assert.equal(window.size, 0)
    assert.equal(window.newest, undefined)
    const before = evicted.length
    clock.advance(10 * ttl)
    assert.equal(evicted.length, before, 'stop reports nothing')
    assert.equal(window.add(0n, 'reused'), true)
    assert.equal(clock.pending, 1)
    window.stop()
  })

  it('a throwing evicted callback does not stop the window', () => {
    const clock = new FakeClock()
    const errors: unknown[] = []
    const window = new BlockWindow<string>({ clock, maxBlockCountToStore: 1, evicted: () => { throw new Error('boom') }, onError: err => errors.push(err) })
    window.add(1n, 'a')
    window.add(2n, 'b')
    assert.equal(window.add(3n, 'c'), true)
    assert.equal(errors.length, 1)
    assert.deepEqual(window.digests(), ['2', '3'])
    window.stop()
  })

  it('uses Fabric defaults: 10 blocks below the newest, a TTL of 400 s', () => {
    const clock = new FakeClock()
    const window = new BlockWindow<string>({ clock })
    for (let i = 0n; i <= 11n; i++) window.add(i, 'x')
    assert.deepEqual(window.digests(), range(1, 11))
    assert.deepEqual(clock.dueTimes(), [400 * second])
    window.stop()
  })
})
