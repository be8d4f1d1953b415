import '../../../src/shim.js'
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { streamPair } from '@libp2p/utils'
import * as varint from 'uint8-varint'
import { FrameReader, writeFrames, encodeFrames } from '../../../src/wire/framing.js'

describe('framing', () => {
  it('carries frames of every size in order and ends on a clean close', async () => {
    const [a, b] = await streamPair()
    const reader = new FrameReader(b, { maxFrameSize: 1024 * 1024 })
    const frames = [new Uint8Array([1]), new Uint8Array(300).fill(2), new Uint8Array(1024 * 1024).fill(3)]
    await writeFrames(a, frames)
    await a.close()
    const got: Uint8Array[] = []
    for await (const f of reader) got.push(f.subarray())
    assert.equal(got.length, 3)
    assert.deepEqual(got.map(f => f.byteLength), [1, 300, 1024 * 1024])
    assert.equal(got[2][1000], 3)
  })

  it('refuses a frame whose length prefix is over the limit before its bytes arrive', async () => {
    const [a, b] = await streamPair()
    const reader = new FrameReader(b, { maxFrameSize: 1000 })
    a.send(varint.encode(1001))
    await assert.rejects(reader.next(), { name: 'FrameTooLargeError' })
    assert.notEqual(b.status, 'open')
  })

  it('refuses an absurd length prefix (a varint far past any limit)', async () => {
    const [a, b] = await streamPair()
    const reader = new FrameReader(b, { maxFrameSize: 4 * 1024 * 1024 })
    a.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]))
    await assert.rejects(reader.next(), { name: 'FrameTooLargeError' })
  })

  it('pauses the stream when the consumer falls behind and resumes when it catches up', async () => {
    const [a, b] = await streamPair()
    const reader = new FrameReader(b, { maxFrameSize: 100, highWaterMark: 4 })
    a.send(encodeFrames(Array.from({ length: 10 }, (_, i) => new Uint8Array([i]))))
    await new Promise(resolve => setTimeout(resolve, 20))
    assert.equal(b.readStatus, 'paused')
    const got: number[] = []
    for (let i = 0; i < 10; i++) got.push((await reader.next())?.subarray()[0] ?? -1)
    assert.deepEqual(got, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    assert.notEqual(b.readStatus, 'paused')
  })

  it('a read times out through its signal', async () => {
    const [, b] = await streamPair()
    const reader = new FrameReader(b, { maxFrameSize: 100 })
    const controller = new AbortController()
    const timer = setTimeout(() => { controller.abort(new Error('timed out')) }, 20)
    await assert.rejects(reader.next({ signal: controller.signal }), /timed out/)
    clearTimeout(timer)
  })
})
