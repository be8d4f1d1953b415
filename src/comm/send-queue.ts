/**
 * A bounded outgoing queue for one peer and one stream protocol, as Fabric's per-connection `outBuff`
 * (`sendBuffSize`). Gossip pushes `offer` and are dropped when the queue is full (the caller counts the
 * overflow); replies `put` and wait for room. One pump writes queued frames in batches to a long-lived
 * stream that it opens on first use and reopens after a failure.
 *
 * The pump starts one event-loop turn (`setImmediate`) after the first frame of a burst is queued, so that a
 * caller queueing messages one by one (a loop of `sendAndWait`, a handler answering many requests) fills a
 * batch instead of paying a stream write per frame; while it runs, frames queued meanwhile go in its next
 * batch without waiting.
 */
import { setImmediate, clearImmediate } from 'node:timers'
import { writeFrames } from '../wire/framing.js'
import type { Stream } from '@libp2p/interface'

export interface SendQueueInit {
  /** Frames waiting to be written before `offer` refuses. */
  capacity: number
  /** Opens the stream the frames go on. */
  open(): Promise<Stream>
  /** Called with the number of frames written. */
  onSent(n: number): void
  /** Called when opening or writing fails; the frames queued (and those being written) are dropped: `dropped` of them. */
  onError(err: Error, dropped: number): void
}

/** Frames per write: enough to amortise a send, small enough not to hold a large block back. */
const MAX_BATCH_FRAMES = 64
const MAX_BATCH_BYTES = 1024 * 1024

export class SendQueue {
  private readonly init: SendQueueInit
  private readonly items: Uint8Array[] = []
  private readonly waiters: Array<() => void> = []
  private stream: Stream | undefined
  /** The pump's start, one turn after the first frame of a burst; cleared by `close()`. */
  private scheduled: ReturnType<typeof setImmediate> | undefined
  private pumping = false
  private closed = false

  constructor (init: SendQueueInit) {
    this.init = init
  }

  get length (): number { return this.items.length }

  /** Queues a frame unless the queue is full; returns false when it was dropped. */
  offer (frame: Uint8Array): boolean {
    if (this.closed || this.items.length >= this.init.capacity) return false
    this.items.push(frame)
    this.pump()
    return true
  }

  /** Queues a frame, waiting for room. Rejects when the queue is closed or the signal aborts. */
  async put (frame: Uint8Array, signal?: AbortSignal): Promise<void> {
    while (!this.closed && this.items.length >= this.init.capacity) {
      signal?.throwIfAborted()
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => { reject(signal?.reason) }
        signal?.addEventListener('abort', onAbort, { once: true })
        this.waiters.push(() => { signal?.removeEventListener('abort', onAbort); resolve() })
      })
    }
    if (this.closed) throw new Error('send queue closed')
    this.items.push(frame)
    this.pump()
  }

  /** Drops everything queued and closes the stream. */
  close (): void {
    if (this.closed) return
    this.closed = true
    if (this.scheduled != null) clearImmediate(this.scheduled)
    this.scheduled = undefined
    this.items.length = 0
    this.release()
    this.stream?.close().catch(() => { this.stream?.abort(new Error('send queue closed')) })
    this.stream = undefined
  }

  private release (): void {
    for (const w of this.waiters.splice(0)) w()
  }

  /** Starts the pump on the next turn of the event loop unless it is running or about to. */
  private pump (): void {
    if (this.pumping || this.scheduled != null || this.closed) return
    this.scheduled = setImmediate(() => {
      this.scheduled = undefined
      this.pumping = true
      this.run().finally(() => {
        this.pumping = false
        // frames queued after the last batch and before this callback would otherwise wait for the next one
        if (this.items.length > 0) this.pump()
      })
    })
  }

  private async run (): Promise<void> {
    while (this.items.length > 0 && !this.closed) {
      /** The frames being written, lost with them when the write fails. */
      let batch: Uint8Array[] = []
      try {
        this.stream ??= await this.init.open()
        if (this.closed) return
        let bytes = 0
        let n = 0
        while (n < this.items.length && n < MAX_BATCH_FRAMES && bytes < MAX_BATCH_BYTES) bytes += this.items[n++].byteLength
        batch = this.items.splice(0, n)
        this.release()
        await writeFrames(this.stream, batch)
        this.init.onSent(batch.length)
      } catch (err) {
        const dropped = batch.length + this.items.length
        this.items.length = 0
        this.release()
        this.stream?.abort(err as Error)
        this.stream = undefined
        this.init.onError(err as Error, dropped)
        return
      }
    }
  }
}
