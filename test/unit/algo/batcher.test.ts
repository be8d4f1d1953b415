import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BatchingEmitter } from '../../../src/algo/batcher.js'
import { FakeClock } from '../../helpers/fake-clock.js'

/** An emitter of strings whose flushes are recorded with the time they happened. */
function emitter (opts: { eager?: boolean, iterations?: number, burstSize?: number, latency?: number, capacity?: number } = {}): { clock: FakeClock, e: BatchingEmitter<string>, flushes: Array<[number, string[]]> } {
  const clock = new FakeClock(1000)
  const flushes: Array<[number, string[]]> = []
  const e = new BatchingEmitter<string>({
    burstSize: opts.burstSize ?? 10,
    latency: opts.latency ?? 10,
    iterations: opts.iterations ?? 1,
    capacity: opts.capacity,
    eager: opts.eager,
    clock,
    emit: batch => { flushes.push([clock.now(), batch]) }
  })
  e.start()
  return { clock, e, flushes }
}

describe('BatchingEmitter', () => {
  it("Fabric's ticker: a message waits for the next tick of a ticker running since start, not a full latency", () => {
    const { clock, e, flushes } = emitter()
    clock.advance(3) // the ticker ticks at 1010, 1020...
    e.add('a')
    assert.equal(flushes.length, 0)
    clock.advance(7)
    assert.deepEqual(flushes, [[1010, ['a']]])
    clock.advance(4) // 1014
    e.add('b')
    e.add('c')
    clock.advance(6)
    assert.deepEqual(flushes[1], [1020, ['b', 'c']])
    assert.equal(clock.pending, 0, 'no timer while idle')
  })

  it('flushes at once when the burst size is reached', () => {
    const { e, flushes } = emitter({ burstSize: 3 })
    for (const m of ['a', 'b', 'c']) e.add(m)
    assert.deepEqual(flushes, [[1000, ['a', 'b', 'c']]])
  })

  it('eager: a lone message goes out at once; what follows within the latency is batched until latency after that flush', () => {
    const { clock, e, flushes } = emitter({ eager: true })
    e.add('a')
    assert.deepEqual(flushes, [[1000, ['a']]])
    clock.advance(2)
    e.add('b')
    clock.advance(3)
    e.add('c')
    assert.equal(flushes.length, 1, 'batched within the latency')
    clock.advance(5)
    assert.deepEqual(flushes[1], [1010, ['b', 'c']])
    clock.advance(50)
    e.add('d')
    assert.deepEqual(flushes[2], [1060, ['d']], 'idle again: at once')
  })

  it('eager: messages a whole latency apart never wait', () => {
    const { clock, e, flushes } = emitter({ eager: true })
    for (let i = 0; i < 5; i++) {
      e.add(`m${i}`)
      clock.advance(50)
    }
    assert.deepEqual(flushes.map(f => f[0]), [1000, 1050, 1100, 1150, 1200])
  })

  it('emits each message `iterations` times, one per flush', () => {
    const { clock, e, flushes } = emitter({ iterations: 2 })
    e.add('a')
    clock.advance(10)
    clock.advance(10)
    assert.deepEqual(flushes, [[1010, ['a']], [1020, ['a']]])
    clock.advance(100)
    assert.equal(flushes.length, 2)
  })

  it('iterations 0 disables it; stop clears the buffer and the timer; capacity drops the oldest', () => {
    const off = emitter({ iterations: 0 })
    off.e.add('a')
    off.clock.advance(100)
    assert.equal(off.flushes.length, 0)
    const { clock, e, flushes } = emitter({ capacity: 2 })
    for (const m of ['a', 'b', 'c']) e.add(m)
    assert.equal(e.dropped, 1)
    clock.advance(10)
    assert.deepEqual(flushes, [[1010, ['b', 'c']]])
    e.add('d')
    e.stop()
    assert.equal(clock.pending, 0)
    clock.advance(100)
    assert.equal(flushes.length, 1)
  })
})
