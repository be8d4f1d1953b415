/**
 * Delivery of received messages to their consumers: `accept(predicate)` yields matching messages as an async
 * iterable over a bounded buffer (a slow consumer loses the oldest, counted, instead of growing memory), and
 * `subscribe(predicate, handler)` calls a handler in place.
 */

export type Predicate<T> = (item: T) => boolean

/** One consumer of received messages. */
export interface Consumer<T> {
  deliver(item: T): void
  close(): void
}

/** An async-iterable consumer with a bounded buffer. */
export class BufferedConsumer<T> implements Consumer<T>, AsyncIterable<T> {
  private readonly predicate: Predicate<T>
  private readonly capacity: number
  private readonly onDrop: () => void
  private readonly onClose: () => void
  private readonly buffer: T[] = []
  private wake: (() => void) | undefined
  private closed = false

  constructor (predicate: Predicate<T>, capacity: number, onDrop: () => void, onClose: () => void) {
    this.predicate = predicate
    this.capacity = capacity
    this.onDrop = onDrop
    this.onClose = onClose
  }

  deliver (item: T): void {
    if (this.closed || !this.predicate(item)) return
    if (this.buffer.length >= this.capacity) {
      this.buffer.shift()
      this.onDrop()
    }
    this.buffer.push(item)
    this.notify()
  }

  close (): void {
    if (this.closed) return
    this.closed = true
    this.onClose()
    this.notify()
  }

  private notify (): void {
    const w = this.wake
    this.wake = undefined
    w?.()
  }

  async * [Symbol.asyncIterator] (): AsyncIterator<T> {
    try {
      for (;;) {
        const item = this.buffer.shift()
        if (item !== undefined) {
          yield item
          continue
        }
        if (this.closed) return
        await new Promise<void>(resolve => { this.wake = resolve })
      }
    } finally {
      this.close()
    }
  }
}

/** A consumer that runs a handler for each matching item; handler errors go to `onError`. */
export class HandlerConsumer<T> implements Consumer<T> {
  private closed = false
  constructor (
    private readonly predicate: Predicate<T>,
    private readonly handler: (item: T) => void | Promise<void>,
    private readonly onError: (err: Error) => void,
    private readonly onClose: () => void
  ) {}

  deliver (item: T): void {
    if (this.closed || !this.predicate(item)) return
    try {
      const r = this.handler(item)
      if (r != null && typeof (r as Promise<void>).catch === 'function') (r as Promise<void>).catch(this.onError)
    } catch (err) {
      this.onError(err as Error)
    }
  }

  close (): void {
    if (this.closed) return
    this.closed = true
    this.onClose()
  }
}
