/**
 * Framed stream I/O: the one place that reads and writes libp2p streams. A frame is an unsigned-varint
 * length followed by that many bytes (one marshalled `Envelope`). Frames above the stream's maximum are
 * refused as soon as their length prefix arrives, before any of their bytes are buffered. Reading applies
 * back-pressure: when the consumer falls behind by `highWaterMark` frames the stream is paused, so the
 * remote's yamux window closes instead of our memory growing.
 */
import { LengthPrefixedDecoder } from '@libp2p/utils'
import * as varint from 'uint8-varint'
import { Uint8ArrayList } from 'uint8arraylist'
import { allocUnsafe } from 'uint8arrays/alloc'
import { FrameTooLargeError } from './errors.js'
import type { AbortOptions, Stream } from '@libp2p/interface'

export interface FrameReaderInit {
  /** Largest frame accepted, in bytes. */
  maxFrameSize: number
  /** Decoded frames held before the stream is paused. @default 16 */
  highWaterMark?: number
}

/** yamux may deliver up to its window (16 MiB) in one chunk, on top of a partial frame. */
const CHUNK_ALLOWANCE = 16 * 1024 * 1024

/**
 * What the length decoder throws when the buffer does not hold a whole length prefix yet (the decoder waits
 * for more bytes on a RangeError). It happens after nearly every chunk (the buffer is empty once its frames are
 * taken): one error made once, since making an Error captures a stack, which measured 3% of a peer's CPU while
 * it received 1 MB blocks.
 */
const INCOMPLETE_PREFIX = new RangeError('incomplete length prefix')

/**
 * A varint length decoder that gives up after `maxBytes` bytes: a prefix still continuing past the bytes the
 * largest allowed length needs is refused at once instead of being waited on.
 */
function boundedVarintDecoder (maxBytes: number): (data: Uint8ArrayList | Uint8Array) => number {
  return (data) => {
    let value = 0
    let scale = 1
    const n = data.byteLength
    for (let i = 0; i < n; i++) {
      if (i >= maxBytes) throw new FrameTooLargeError('length prefix longer than any allowed frame')
      const b = data instanceof Uint8Array ? data[i] : data.get(i)
      value += (b & 0x7f) * scale
      if ((b & 0x80) === 0) return value
      scale *= 128
    }
    if (n >= maxBytes) throw new FrameTooLargeError('length prefix longer than any allowed frame')
    throw INCOMPLETE_PREFIX
  }
}

/** Reads frames from a stream as an async iterable; ends when the remote closes its side. */
export class FrameReader implements AsyncIterable<Uint8ArrayList> {
  private readonly stream: Stream
  private readonly decoder: LengthPrefixedDecoder
  private readonly highWaterMark: number
  private readonly frames: Uint8ArrayList[] = []
  private ended = false
  private error: Error | undefined
  private wake: (() => void) | undefined
  private paused = false

  constructor (stream: Stream, init: FrameReaderInit) {
    this.stream = stream
    this.highWaterMark = init.highWaterMark ?? 16
    this.decoder = new LengthPrefixedDecoder({
      maxDataLength: init.maxFrameSize,
      maxBufferSize: init.maxFrameSize + CHUNK_ALLOWANCE,
      lengthDecoder: boundedVarintDecoder(varint.encodingLength(init.maxFrameSize))
    })
    stream.addEventListener('message', this.onMessage)
    stream.addEventListener('remoteCloseWrite', this.onEnd)
    stream.addEventListener('close', this.onClose)
    if (stream.readStatus === 'closed' || stream.remoteWriteStatus === 'closed') this.ended = true
  }

  private readonly onMessage = (evt: { data: Uint8Array | Uint8ArrayList }): void => {
    if (this.error != null) return
    try {
      for (const frame of this.decoder.decode(evt.data)) this.frames.push(frame)
    } catch (err) {
      this.error = new FrameTooLargeError(`frame refused: ${(err as Error).message}`)
      this.stream.abort(this.error)
    }
    if (this.frames.length >= this.highWaterMark && !this.paused) {
      this.paused = true
      this.stream.pause()
    }
    this.notify()
  }

  private readonly onEnd = (): void => {
    this.ended = true
    this.notify()
  }

  private readonly onClose = (evt: Event): void => {
    const err = (evt as Event & { error?: Error }).error
    if (err != null && this.error == null) this.error = err
    this.ended = true
    this.notify()
  }

  private notify (): void {
    const w = this.wake
    this.wake = undefined
    w?.()
  }

  /** The next frame, or null when the remote closed its side cleanly. Throws on a refused frame or a reset. */
  async next (options: AbortOptions = {}): Promise<Uint8ArrayList | null> {
    for (;;) {
      const frame = this.frames.shift()
      if (frame != null) {
        if (this.paused && this.frames.length <= this.highWaterMark / 2) {
          this.paused = false
          this.stream.resume()
        }
        return frame
      }
      if (this.error != null) throw this.error
      if (this.ended) return null
      options.signal?.throwIfAborted()
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => { reject(options.signal?.reason ?? new Error('aborted')) }
        options.signal?.addEventListener('abort', onAbort, { once: true })
        this.wake = () => {
          options.signal?.removeEventListener('abort', onAbort)
          resolve()
        }
      })
    }
  }

  async * [Symbol.asyncIterator] (): AsyncIterator<Uint8ArrayList> {
    for (;;) {
      const frame = await this.next()
      if (frame == null) return
      yield frame
    }
  }

  /** Stops listening to the stream. */
  release (): void {
    this.stream.removeEventListener('message', this.onMessage)
    this.stream.removeEventListener('remoteCloseWrite', this.onEnd)
    this.stream.removeEventListener('close', this.onClose)
  }
}

/**
 * Small frames are copied together into buffers of up to COALESCE_BYTES: libp2p's TCP connection makes one
 * `socket.write` per chunk of what it is given (`@libp2p/tcp` `socket-to-conn.js`), and Noise keeps the chunks
 * apart (a cipher update per chunk), so a list of small chunks costs a write and more each. A Noise message carries 65,519 bytes of plaintext, of which
 * yamux's frame header takes 12: a buffer a little under 64 KiB (with the prefix of a large frame after it)
 * goes out as one Noise message.
 */
const COALESCE_BYTES = 64 * 1024 - 128
/** Frames from this size on are passed by reference (a block of MBs is not copied); only their prefix is. */
const LARGE_FRAME = 16 * 1024

/**
 * Encodes frames (length prefix + bytes) into one list, ready for a single `send`: runs of small frames
 * copied into shared buffers, each large frame a chunk of its own with its prefix at the end of the buffer
 * before it.
 */
export function encodeFrames (frames: readonly Uint8Array[]): Uint8ArrayList {
  const list = new Uint8ArrayList()
  let i = 0
  while (i < frames.length) {
    // measure the run starting at i: small frames up to COALESCE_BYTES, then the prefix of a large frame
    let size = 0
    let end = i
    let large: Uint8Array | undefined
    for (; end < frames.length; end++) {
      const len = frames[end].byteLength
      const prefix = varint.encodingLength(len)
      if (len >= LARGE_FRAME) {
        large = frames[end]
        size += prefix
        break
      }
      if (end > i && size + prefix + len > COALESCE_BYTES) break
      size += prefix + len
    }
    const buf = allocUnsafe(size)
    let offset = 0
    for (let k = i; k < end; k++) {
      const f = frames[k]
      varint.encodeUint8Array(f.byteLength, buf, offset)
      offset += varint.encodingLength(f.byteLength)
      buf.set(f, offset)
      offset += f.byteLength
    }
    if (large != null) varint.encodeUint8Array(large.byteLength, buf, offset)
    list.append(buf)
    if (large != null) {
      list.append(large)
      end++
    }
    i = end
  }
  return list
}

/** Writes frames and waits for the stream to drain when its buffer is full (back-pressure). */
export async function writeFrames (stream: Stream, frames: readonly Uint8Array[], options: AbortOptions = {}): Promise<void> {
  if (!stream.send(encodeFrames(frames))) {
    await stream.onDrain(options)
  }
}
