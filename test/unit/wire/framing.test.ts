import '../../../src/shim.js'
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { streamPair } from '@libp2p/utils'
import * as varint from 'uint8-varint'
import { FrameReader, writeFrames, encodeFrames } from '../../../src/wire/framing.js'

/** The frames as the simplest encoder writes them: prefix, bytes, prefix, bytes ... in one buffer. */
function naive (frames: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(frames.flatMap(f => [varint.encode(f.byteLength), f]))
}

/** Byte-for-byte equality (a Buffer and a Uint8Array of the same bytes are equal). */
const sameBytes = (a: Uint8Array, b: Uint8Array, what?: string): void => { assert.equal(Buffer.compare(a, b), 0, what) }
const small = (n: number, fill = 1): Uint8Array => new Uint8Array(n).fill(fill)
const KiB = 1024

describe('encodeFrames', () => {
  it('copies small frames into one chunk', () => {
    const frames = Array.from({ length: 64 }, (_, i) => small(100 + i, i))
    const list = encodeFrames(frames)
    assert.equal([...list].length, 1)
    sameBytes(list.subarray(), naive(frames))
  })

  it('starts a new chunk before a run passes 64 KiB', () => {
    const frames = Array.from({ length: 200 }, (_, i) => small(1000, i))
    const list = encodeFrames(frames)
    const chunks = [...list]
    assert.equal(chunks.length, 4)
    for (const c of chunks) assert.ok(c.byteLength <= 64 * KiB, `chunk of ${c.byteLength}`)
    sameBytes(list.subarray(), naive(frames))
  })

  it('passes large frames by reference, their prefix at the end of the chunk before', () => {
    const big = [small(16 * KiB, 7), small(1024 * KiB, 8), small(64 * KiB, 9)]
    const frames = [small(10, 1), small(20, 2), big[0], small(30, 3), big[1], big[2], new Uint8Array(0)]
    const list = encodeFrames(frames)
    const chunks = [...list]
    // [s s pL] [L] [s pL] [L] [pL] [L] [empty frame's prefix]
    assert.equal(chunks.length, 7)
    assert.equal(chunks[1], big[0], 'not copied')
    assert.equal(chunks[3], big[1], 'not copied')
    assert.equal(chunks[5], big[2], 'not copied')
    assert.equal(chunks[0].byteLength, 1 + 10 + 1 + 20 + 3)
    assert.equal(chunks[4].byteLength, 3)
    sameBytes(chunks[6], Uint8Array.of(0))
    sameBytes(list.subarray(), naive(frames))
  })

  it('encodes nothing for no frames', () => {
    assert.equal(encodeFrames([]).byteLength, 0)
  })

  it('a mix of sizes arrives intact and in order', async () => {
    const [a, b] = await streamPair()
    const reader = new FrameReader(b, { maxFrameSize: 2 * 1024 * KiB })
    // (no empty frames: the reader skips them)
    const sizes = [1, 127, 128, 16 * KiB - 1, 16 * KiB, 300, 60 * KiB, 5, 2 * 1024 * KiB, 1, 70 * KiB, ...Array.from({ length: 300 }, (_, i) => 1 + i * 7)]
    const frames = sizes.map((n, i) => small(n, i % 251))
    await writeFrames(a, frames)
    await a.close()
    const got: Uint8Array[] = []
    for await (const f of reader) got.push(f.subarray())
    assert.equal(got.length, frames.length)
    for (let i = 0; i < frames.length; i++) sameBytes(got[i], frames[i], `frame ${i} (${sizes[i]} bytes)`)
  })
})

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
