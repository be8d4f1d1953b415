import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { systemClock } from '../../../src/algo/index.js'
import { FakeClock } from '../../helpers/fake-clock.js'

describe('FakeClock', () => {
  it('runs due timers in order of due time, ties in the order they were set, each at its due time', () => {
    const clock = new FakeClock(100)
    const ran: Array<[string, number]> = []
    const at = (name: string) => () => { ran.push([name, clock.now()]) }
    clock.setTimeout(at('c'), 30)
    clock.setTimeout(at('a'), 10)
    clock.setTimeout(at('b1'), 20)
    clock.setTimeout(at('b2'), 20)
    clock.setTimeout(at('late'), 31)
    assert.equal(clock.pending, 5)
    assert.deepEqual(clock.dueTimes(), [110, 120, 120, 130, 131])
    assert.equal(clock.advance(30), 4)
    assert.deepEqual(ran, [['a', 110], ['b1', 120], ['b2', 120], ['c', 130]])
    assert.equal(clock.now(), 130)
    assert.equal(clock.nextDue(), 131)
  })

  it('runs timers set by timers within the same advance, and cleared timers never', () => {
    const clock = new FakeClock()
    const ran: number[] = []
    const tick = (): void => {
      ran.push(clock.now())
      clock.setTimeout(tick, 10)
    }
    clock.setTimeout(tick, 10)
    const h = clock.setTimeout(() => { ran.push(-1) }, 15)
    clock.clearTimeout(h)
    clock.clearTimeout('not a handle')
    clock.advance(35)
    assert.deepEqual(ran, [10, 20, 30])
    assert.equal(clock.pending, 1)
    assert.equal(clock.runAll(3), 3, 'runAll stops self-rescheduling timers at its limit')
    assert.equal(clock.now(), 60)
  })

  it('runNext jumps to the next timer; time never goes back', () => {
    const clock = new FakeClock()
    let fired = 0
    clock.setTimeout(() => { fired++ }, 1000)
    clock.setTimeout(() => { fired++ }, -5)
    assert.ok(clock.runNext())
    assert.equal(clock.now(), 0, 'a negative delay is due at once')
    assert.ok(clock.runNext())
    assert.equal(clock.now(), 1000)
    assert.equal(clock.runNext(), false)
    assert.equal(fired, 2)
    assert.throws(() => clock.advance(-1), RangeError)
    assert.throws(() => clock.advanceTo(999), RangeError)
  })

  it('advanceAsync lets promise callbacks run between timers', async () => {
    const clock = new FakeClock()
    const seen: string[] = []
    clock.setTimeout(() => {
      void Promise.resolve().then(() => {
        seen.push(`then at ${clock.now()}`)
        clock.setTimeout(() => { seen.push(`second at ${clock.now()}`) }, 5)
      })
    }, 10)
    assert.equal(await clock.advanceAsync(20), 2)
    assert.deepEqual(seen, ['then at 10', 'second at 15'])
  })

  it('systemClock wraps Date.now and Node timers', async () => {
    const before = Date.now()
    assert.ok(systemClock.now() >= before)
    await new Promise<void>(resolve => { systemClock.setTimeout(resolve, 1) })
    let fired = false
    const h = systemClock.setTimeout(() => { fired = true }, 1)
    systemClock.clearTimeout(h)
    await new Promise<void>(resolve => { setTimeout(resolve, 5) })
    assert.equal(fired, false)
  })
})
