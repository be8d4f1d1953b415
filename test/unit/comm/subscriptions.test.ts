import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { BufferedConsumer, HandlerConsumer } from '../../../src/comm/subscriptions.js'

const even = (n: number): boolean => n % 2 === 0

/** Counts of the callbacks a consumer makes. */
function counters (): { drops: number, closes: number, onDrop: () => void, onClose: () => void } {
  const c = { drops: 0, closes: 0, onDrop: () => { c.drops++ }, onClose: () => { c.closes++ } }
  return c
}

/** The next `n` items of an iterator. */
async function take<T> (it: AsyncIterator<T>, n: number): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < n; i++) {
    const r = await it.next()
    if (r.done === true) break
    out.push(r.value)
  }
  return out
}

describe('BufferedConsumer', () => {
  it('yields matching items in order and skips the others', async () => {
    const c = counters()
    const consumer = new BufferedConsumer(even, 10, c.onDrop, c.onClose)
    for (let i = 0; i < 9; i++) consumer.deliver(i)
    consumer.close()
    const got: number[] = []
    for await (const n of consumer) got.push(n)
    assert.deepEqual(got, [0, 2, 4, 6, 8])
    assert.equal(c.drops, 0)
  })

  it('wakes a waiting consumer when an item arrives', async () => {
    const consumer = new BufferedConsumer(even, 10, () => {}, () => {})
    const it = consumer[Symbol.asyncIterator]()
    const next = it.next()
    consumer.deliver(1)
    consumer.deliver(2)
    assert.deepEqual(await next, { done: false, value: 2 })
    consumer.close()
  })

  it('drops the oldest item when full and calls onDrop for each', async () => {
    const c = counters()
    const consumer = new BufferedConsumer<number>(() => true, 3, c.onDrop, c.onClose)
    for (let i = 1; i <= 5; i++) consumer.deliver(i)
    assert.equal(c.drops, 2)
    consumer.close()
    const got: number[] = []
    for await (const n of consumer) got.push(n)
    assert.deepEqual(got, [3, 4, 5])
  })

  it('ends the iteration after close(): a waiting next() resolves done, later deliveries are ignored', async () => {
    const c = counters()
    const consumer = new BufferedConsumer<number>(() => true, 3, c.onDrop, c.onClose)
    const it = consumer[Symbol.asyncIterator]()
    consumer.deliver(1)
    assert.deepEqual(await take(it, 1), [1])
    const pending = it.next()
    consumer.close()
    assert.deepEqual(await pending, { done: true, value: undefined })
    consumer.deliver(2)
    assert.deepEqual(await it.next(), { done: true, value: undefined })
    consumer.close()
    assert.equal(c.closes, 1, 'onClose is called once')
  })

  it('calls onClose once when the consumer breaks out of for await', async () => {
    const c = counters()
    const consumer = new BufferedConsumer<number>(() => true, 10, c.onDrop, c.onClose)
    for (let i = 0; i < 5; i++) consumer.deliver(i)
    const got: number[] = []
    for await (const n of consumer) {
      got.push(n)
      if (n === 1) break
    }
    assert.deepEqual(got, [0, 1])
    assert.equal(c.closes, 1)
    consumer.deliver(7)
    consumer.close()
    assert.equal(c.closes, 1)
    assert.ok(!(await take(consumer[Symbol.asyncIterator](), 10)).includes(7), 'nothing is delivered after the break')
  })
})

describe('HandlerConsumer', () => {
  it('calls the handler for matching items only', () => {
    const seen: number[] = []
    const errors: Error[] = []
    const consumer = new HandlerConsumer(even, (n: number) => { seen.push(n) }, err => { errors.push(err) }, () => {})
    for (let i = 0; i < 5; i++) consumer.deliver(i)
    assert.deepEqual(seen, [0, 2, 4])
    assert.deepEqual(errors, [])
  })

  it('routes a synchronous throw to onError and keeps delivering', () => {
    const errors: Error[] = []
    const seen: number[] = []
    const consumer = new HandlerConsumer(() => true, (n: number) => {
      if (n === 1) throw new Error('boom 1')
      seen.push(n)
    }, err => { errors.push(err) }, () => {})
    for (let i = 0; i < 3; i++) consumer.deliver(i)
    assert.deepEqual(errors.map(e => e.message), ['boom 1'])
    assert.deepEqual(seen, [0, 2])
  })

  it('routes an async rejection to onError', async () => {
    let reported!: (err: Error) => void
    const error = new Promise<Error>(resolve => { reported = resolve })
    const consumer = new HandlerConsumer(() => true, async (n: number) => {
      await Promise.resolve()
      throw new Error(`async boom ${n}`)
    }, reported, () => {})
    consumer.deliver(4)
    assert.equal((await error).message, 'async boom 4')
  })

  it('stops after close() and calls onClose once', () => {
    let closes = 0
    const seen: number[] = []
    const consumer = new HandlerConsumer(() => true, (n: number) => { seen.push(n) }, () => {}, () => { closes++ })
    consumer.deliver(1)
    consumer.close()
    consumer.close()
    consumer.deliver(2)
    assert.deepEqual(seen, [1])
    assert.equal(closes, 1)
  })
})
