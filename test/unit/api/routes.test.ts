/**
 * The channel routes of the operations server against a stub node: `GET /channels/{name}/commits` (Server-Sent
 * Events of the node's `block:committed`): what it sends, to whom, and that a stream leaves nothing behind when
 * its client goes, is too slow, or the server stops.
 */
import { describe, it, afterEach } from 'node:test'
import assert from 'node:assert/strict'
import { request, type IncomingMessage } from 'node:http'
import { Registry } from 'prom-client'
import { TypedEventEmitter } from 'main-event'
import { OperationsServer } from '../../../src/api/operations.js'
import { registerChannelRoutes, type ChannelRoutesInit, type CommitEvent, type RoutesNode } from '../../../src/api/routes.js'

/** Waits until `cond` holds (polling), failing with `message` after `timeout` ms. */
async function waitFor (cond: () => boolean, message: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${message}`)
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}

/** A node with channels `mychannel` and `other`: commits are dispatched by the test. */
class StubNode extends TypedEventEmitter<{ 'block:committed': CommitEvent }> implements RoutesNode {
  readonly channels = new Set(['mychannel', 'other'])
  commit (channel: string, number: bigint): void { this.safeDispatchEvent('block:committed', { detail: { channel, number } }) }
  height (channel: string): bigint | undefined { return this.channels.has(channel) ? 1n : undefined }
  async joinChannel (): Promise<string> { throw new Error('not in this test') }
  leaveChannel (): boolean { throw new Error('not in this test') }
  updateMetadata (): void { throw new Error('not in this test') }
  async addPayload (): Promise<'committed'> { throw new Error('not in this test') }
  async getBlock (): Promise<Uint8Array | undefined> { return undefined }
}

/** A client's view of one event stream. */
interface Stream {
  res: IncomingMessage
  /** the `data:` of each event received so far, parsed */
  events: Array<{ number: string, at: number }>
  /** comment lines received (`: ...`) */
  comments: string[]
  closed: boolean
  close(): void
}

describe('GET /channels/{name}/commits', () => {
  let server: OperationsServer | undefined
  afterEach(async () => { await server?.stop() })

  async function serve (init: ChannelRoutesInit = {}): Promise<{ node: StubNode, port: number }> {
    const node = new StubNode()
    server = new OperationsServer({ host: '127.0.0.1', port: 0, registry: new Registry(), status: () => ({}) })
    registerChannelRoutes(server, node, init)
    await server.start()
    return { node, port: server.address()?.port ?? 0 }
  }

  /** Opens the stream; resolves once the headers are in (the listener is registered by then). */
  async function open (port: number, channel: string, opts: { read?: boolean } = {}): Promise<Stream> {
    return await new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'GET', path: `/channels/${encodeURIComponent(channel)}/commits`, agent: false }, res => {
        const stream: Stream = { res, events: [], comments: [], closed: false, close: () => { req.destroy() } }
        let text = ''
        res.on('close', () => { stream.closed = true })
        res.on('error', () => { stream.closed = true })
        if (opts.read !== false) {
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString('utf8')
            let end: number
            while ((end = text.indexOf('\n\n')) >= 0) {
              for (const line of text.slice(0, end).split('\n')) {
                if (line.startsWith('data: ')) stream.events.push(JSON.parse(line.slice(6)) as { number: string, at: number })
                else if (line.startsWith(':')) stream.comments.push(line)
              }
              text = text.slice(end + 2)
            }
          })
        } else {
          res.pause()
        }
        resolve(stream)
      })
      req.on('error', reject)
      req.end()
    })
  }

  it('an unknown channel: 404 with the usual JSON error', async () => {
    const { port } = await serve()
    const res = await fetch(`http://127.0.0.1:${port}/channels/nochannel/commits`)
    assert.equal(res.status, 404)
    assert.match(String(res.headers.get('content-type')), /^application\/json/)
    assert.deepEqual(await res.json(), { error: 'channel nochannel is not joined' })
  })

  it('another method: 405, GET allowed', async () => {
    const { port } = await serve()
    const res = await fetch(`http://127.0.0.1:${port}/channels/mychannel/commits`, { method: 'POST', body: 'x' })
    assert.equal(res.status, 405)
    assert.equal(res.headers.get('allow'), 'GET')
    await res.arrayBuffer()
  })

  it('one event per block committed to the channel after the request: number as a string, at in epoch ms', async () => {
    const { node, port } = await serve()
    node.commit('mychannel', 1n) // before the request: not sent
    const before = Date.now()
    const s = await open(port, 'mychannel')
    assert.equal(s.res.statusCode, 200)
    assert.equal(s.res.headers['content-type'], 'text/event-stream')
    assert.equal(s.res.headers['cache-control'], 'no-cache')
    node.commit('mychannel', 2n)
    node.commit('other', 2n) // another channel: not sent
    node.commit('mychannel', 3n)
    node.commit('mychannel', 18446744073709551615n) // uint64 max survives as a string
    await waitFor(() => s.events.length >= 3, 'three events')
    const after = Date.now()
    assert.deepEqual(s.events.map(e => e.number), ['2', '3', '18446744073709551615'])
    for (const e of s.events) {
      assert.equal(typeof e.at, 'number')
      assert.ok(e.at >= before - 5 && e.at <= after + 5, `at ${e.at} within [${before}, ${after}]`)
    }
    assert.ok(s.events[0].at <= s.events[1].at, 'in commit order')
    s.close()
  })

  it('every stream of the channel gets every event; a channel name is URL-decoded', async () => {
    const { node, port } = await serve()
    node.channels.add('a b')
    const [x, y, z] = await Promise.all([open(port, 'mychannel'), open(port, 'mychannel'), open(port, 'a b')])
    assert.equal(node.listenerCount('block:committed'), 3)
    node.commit('mychannel', 5n)
    node.commit('a b', 7n)
    await waitFor(() => x.events.length === 1 && y.events.length === 1 && z.events.length === 1, 'one event on each stream')
    assert.equal(x.events[0].number, '5')
    assert.equal(y.events[0].number, '5')
    assert.equal(z.events[0].number, '7')
    for (const s of [x, y, z]) s.close()
  })

  it('a client that disconnects: its listener is removed (no leak over many streams)', async () => {
    const { node, port } = await serve()
    for (let round = 0; round < 20; round++) {
      const streams = await Promise.all([open(port, 'mychannel'), open(port, 'other')])
      assert.equal(node.listenerCount('block:committed'), 2)
      for (const s of streams) s.close()
      await waitFor(() => node.listenerCount('block:committed') === 0, `listeners gone after round ${round}`)
    }
    node.commit('mychannel', 9n) // nobody listens: nothing to write to
  })

  it('a client that does not read is dropped once the bytes waiting for it pass the limit', async () => {
    const limit = 32 * 1024
    const { node, port } = await serve({ commitStreamBuffer: limit })
    const slow = await open(port, 'mychannel', { read: false })
    const fast = await open(port, 'mychannel')
    let n = 0n
    // the kernel's socket buffers take some megabytes first; then the response's own buffer reaches the limit
    // (bursts well under the limit: the reading client's socket drains between them)
    while (node.listenerCount('block:committed') === 2 && n < 2_000_000n) {
      for (let i = 0; i < 100; i++) node.commit('mychannel', ++n)
      await new Promise(resolve => setImmediate(resolve))
    }
    assert.equal(node.listenerCount('block:committed'), 1, `the slow stream is dropped (after ${n} events)`)
    slow.res.resume() // the end of the connection is behind the bytes it has not read
    await waitFor(() => slow.closed, 'the slow client sees its connection closed')
    assert.equal(slow.res.complete, false, 'the response was cut, not ended')
    await waitFor(() => fast.events.length === Number(n), 'the reading client got every event')
    assert.equal(fast.closed, false)
    fast.close()
    await waitFor(() => node.listenerCount('block:committed') === 0, 'no listener left')
  })

  it('an idle stream gets keep-alive comments', async () => {
    const { port } = await serve({ commitStreamKeepAlive: 30 })
    const s = await open(port, 'mychannel')
    await waitFor(() => s.comments.length >= 2, 'two keep-alive comments')
    assert.equal(s.comments[0], ': keep-alive')
    assert.equal(s.events.length, 0)
    s.close()
  })

  it('the server stopping ends the streams and removes their listeners', async () => {
    const { node, port } = await serve({ commitStreamKeepAlive: 30 })
    const s = await open(port, 'mychannel')
    assert.equal(node.listenerCount('block:committed'), 1)
    await server?.stop()
    server = undefined
    await waitFor(() => s.closed, 'the client sees the stream end')
    assert.equal(node.listenerCount('block:committed'), 0)
  })
})
