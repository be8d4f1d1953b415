import '../../../src/shim.js'
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { streamPair } from '@libp2p/utils'
import { SendQueue } from '../../../src/comm/send-queue.js'
import { FrameReader } from '../../../src/wire/framing.js'
import type { Stream } from '@libp2p/interface'

const nextTurn = async (): Promise<void> => { await new Promise(resolve => setImmediate(resolve)) }

/** Reads `n` one-byte frames from `stream`. */
async function readBytes (stream: Stream, n: number): Promise<number[]> {
  const reader = new FrameReader(stream, { maxFrameSize: 10 })
  const got: number[] = []
  for (let i = 0; i < n; i++) got.push((await reader.next())?.subarray()[0] ?? -1)
  reader.release()
  return got
}

describe('SendQueue', () => {
  it('writes offered frames in order on one stream it opens once', async () => {
    const [a, b] = await streamPair()
    let opened = 0
    let sent = 0
    const q = new SendQueue({ capacity: 10, open: async () => { opened++; return a }, onSent: n => { sent += n }, onError: () => { assert.fail('no error expected') } })
    for (let i = 0; i < 5; i++) assert.equal(q.offer(new Uint8Array([i])), true)
    const reader = new FrameReader(b, { maxFrameSize: 10 })
    const got: number[] = []
    for (let i = 0; i < 5; i++) got.push((await reader.next())?.subarray()[0] ?? -1)
    assert.deepEqual(got, [0, 1, 2, 3, 4])
    assert.equal(opened, 1)
    assert.equal(sent, 5)
  })

  it('drops pushes past capacity while the stream cannot be opened, and put() waits for room', async () => {
    let release!: (s: Stream) => void
    const [a] = await streamPair()
    const q = new SendQueue({ capacity: 3, open: async () => await new Promise<Stream>(resolve => { release = resolve }), onSent: () => {}, onError: () => {} })
    // the pump takes nothing out until the stream opens
    assert.equal(q.offer(new Uint8Array([0])), true)
    assert.equal(q.offer(new Uint8Array([1])), true)
    assert.equal(q.offer(new Uint8Array([2])), true)
    assert.equal(q.offer(new Uint8Array([3])), false, 'a push into a full queue is dropped')
    assert.equal(q.length, 3)
    let putDone = false
    const p = q.put(new Uint8Array([4])).then(() => { putDone = true })
    await new Promise(resolve => setTimeout(resolve, 10))
    assert.equal(putDone, false, 'a reply waits for room')
    release(a)
    await p
    assert.equal(putDone, true)
  })

  it('reports an open failure with the number of frames dropped and accepts frames again afterwards', async () => {
    let fail = true
    const [a] = await streamPair()
    const errors: number[] = []
    const q = new SendQueue({
      capacity: 10,
      open: async () => { if (fail) throw new Error('dial failed'); return a },
      onSent: () => {},
      onError: (_e, dropped) => { errors.push(dropped) }
    })
    q.offer(new Uint8Array([1]))
    q.offer(new Uint8Array([2]))
    await new Promise(resolve => setTimeout(resolve, 10))
    assert.deepEqual(errors, [2])
    assert.equal(q.length, 0)
    fail = false
    assert.equal(q.offer(new Uint8Array([3])), true)
  })

  it('reports a write failure with every frame lost: the batch being written and the frames queued', async () => {
    const [a] = await streamPair()
    a.abort(new Error('connection reset'))
    let failed!: (dropped: number) => void
    const dropped = new Promise<number>(resolve => { failed = resolve })
    const q = new SendQueue({ capacity: 10, open: async () => a, onSent: () => { assert.fail('nothing can be sent') }, onError: (_e, n) => { failed(n) } })
    for (let i = 0; i < 3; i++) q.offer(new Uint8Array([i]))
    assert.equal(await dropped, 3)
    assert.equal(q.length, 0)
  })

  it('close() rejects waiting replies and refuses new frames', async () => {
    const q = new SendQueue({ capacity: 1, open: async () => await new Promise<Stream>(() => {}), onSent: () => {}, onError: () => {} })
    q.offer(new Uint8Array([1]))
    const p = q.put(new Uint8Array([2]))
    q.close()
    await assert.rejects(p)
    assert.equal(q.offer(new Uint8Array([3])), false)
  })

  it('writes the frames queued in one turn as one batch', async () => {
    const [a, b] = await streamPair()
    const batches: number[] = []
    const q = new SendQueue({ capacity: 100, open: async () => a, onSent: n => { batches.push(n) }, onError: () => { assert.fail('no error expected') } })
    for (let i = 0; i < 10; i++) q.offer(new Uint8Array([i]))
    assert.deepEqual(await readBytes(b, 10), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    assert.deepEqual(batches, [10])
  })

  it('batches a loop of awaited put() calls instead of writing each frame alone', async () => {
    const [a, b] = await streamPair()
    const batches: number[] = []
    const q = new SendQueue({ capacity: 200, open: async () => a, onSent: n => { batches.push(n) }, onError: () => { assert.fail('no error expected') } })
    const reading = readBytes(b, 150)
    for (let i = 0; i < 150; i++) await q.put(new Uint8Array([i]))
    assert.deepEqual(await reading, Array.from({ length: 150 }, (_, i) => i))
    assert.equal(batches.reduce((x, y) => x + y, 0), 150)
    assert.ok(batches.length <= 5, `150 frames in ${batches.length} writes`)
  })

  it('close() cancels a pump that has not started: nothing is opened', async () => {
    let opened = 0
    const q = new SendQueue({ capacity: 10, open: async () => { opened++; return await new Promise<Stream>(() => {}) }, onSent: () => {}, onError: () => {} })
    q.offer(new Uint8Array([1]))
    q.close()
    await nextTurn()
    await nextTurn()
    assert.equal(opened, 0)
    assert.equal(q.length, 0)
  })

  it('a frame queued just as the pump finishes is still written', async () => {
    const [a, b] = await streamPair()
    let late = false
    const q: SendQueue = new SendQueue({
      capacity: 10,
      open: async () => a,
      // queued after the pump's last look at the queue, before it has stopped
      onSent: () => { if (!late) { late = true; queueMicrotask(() => { q.offer(new Uint8Array([2])) }) } },
      onError: () => { assert.fail('no error expected') }
    })
    q.offer(new Uint8Array([1]))
    assert.deepEqual(await readBytes(b, 2), [1, 2])
  })
})
