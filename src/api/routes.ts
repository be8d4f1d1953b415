/**
 * The operations routes that act on the node: join and leave channels, take in and read blocks, follow
 * commits, set the metadata.
 *
 *   POST   /channels          body: a genesis (config) block (application/octet-stream), or the JSON channel
 *                             definition {name, orgs: [{mspId, rootCerts, anchorPeers}]}; 201 {channel}
 *   DELETE /channels/{name}   leaves the channel (publishes left_channel = true); 200, or 404 when not joined
 *   PUT    /metadata          body: the metadata bytes to carry in alive messages; 204
 *   POST   /channels/{name}/blocks  body: a marshalled common.Block, taken in as if from the orderer:
 *                             201 committed, 202 buffered (a gap before it), 200 already had; 4xx with the reason
 *   GET    /channels/{name}/blocks/{n}  the committed block's bytes; 404 when absent
 *   GET    /channels/{name}/commits  Server-Sent Events (text/event-stream): one event per block committed to
 *                             the channel's ledger after the request, `data: {"number":"<n>","at":<epoch ms>}`;
 *                             404 when not joined. A client that does not read is dropped once over
 *                             `commitStreamBuffer` bytes are waiting for it.
 */
import { performance } from 'node:perf_hooks'
import { readBody, sendJson, type OperationsServer } from './operations.js'
import { parseChannelDefinition, ChannelConfigError } from '../channels/channel-config.js'
import type { ChannelDefinition } from '../channels/channel-config.js'
import { common } from '../pb/common.js'
import { MiB, second } from '../config/units.js'

/** A block committed to a channel's ledger (the node's `block:committed` event). */
export type CommitEvent = CustomEvent<{ channel: string, number: bigint }>

/** What the routes need of the node. */
export interface RoutesNode {
  joinChannel(source: ChannelDefinition | Uint8Array): Promise<string>
  leaveChannel(name: string): boolean
  updateMetadata(metadata: Uint8Array): void
  height(channel: string): bigint | undefined
  addPayload(channel: string, seq: bigint, blockBytes: Uint8Array): Promise<'committed' | 'buffered' | 'duplicate'>
  getBlock(channel: string, n: bigint): Promise<Uint8Array | undefined>
  addEventListener(type: 'block:committed', listener: (evt: CommitEvent) => void): void
  removeEventListener(type: 'block:committed', listener: (evt: CommitEvent) => void): void
}

export interface ChannelRoutesInit {
  /**
   * Bytes an event stream (`GET /channels/{name}/commits`) may have waiting for a client that does not read
   * (in the response and its socket) before the connection is dropped.
   * @default 1 MiB
   */
  commitStreamBuffer?: number
  /**
   * Interval of the comment lines that keep an idle event stream alive (and find a vanished client).
   * @default 15 s
   */
  commitStreamKeepAlive?: number
}

/** The largest metadata accepted (it rides in every alive message). */
const MAX_METADATA = 64 * 1024
/** What an event stream may leave unread before it is dropped (ours). */
const COMMIT_STREAM_BUFFER = 1 * MiB
/** Comment lines on idle event streams: well under the 30-60 s idle timeouts of common proxies (ours). */
const COMMIT_STREAM_KEEPALIVE = 15 * second

/** Now, in epoch milliseconds with a sub-millisecond fraction (the monotonic clock from the process's time origin). */
const epochMs = (): number => performance.timeOrigin + performance.now()

export function registerChannelRoutes (server: OperationsServer, node: RoutesNode, init: ChannelRoutesInit = {}): void {
  const maxBuffer = init.commitStreamBuffer ?? COMMIT_STREAM_BUFFER
  const keepAlive = init.commitStreamKeepAlive ?? COMMIT_STREAM_KEEPALIVE
  server.addRoute({
    method: 'POST',
    path: /^\/channels$/,
    handle: async (req, res) => {
      const body = await readBody(req)
      const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
      let name: string
      try {
        if (type === 'application/json') {
          let parsed: unknown
          try {
            parsed = JSON.parse(body.toString('utf8'))
          } catch (err) {
            sendJson(res, 400, { error: `body is not JSON: ${(err as Error).message}` })
            return
          }
          name = await node.joinChannel(parseChannelDefinition(parsed, 'channel'))
        } else {
          if (body.byteLength === 0) { sendJson(res, 400, { error: 'empty body: send a genesis block (application/octet-stream) or a JSON channel definition' }); return }
          name = await node.joinChannel(new Uint8Array(body))
        }
      } catch (err) {
        const reason = err instanceof ChannelConfigError ? err.message : `not a channel config block: ${(err as Error).message}`
        sendJson(res, 400, { error: reason })
        return
      }
      sendJson(res, 201, { channel: name })
    }
  })
  server.addRoute({
    method: 'DELETE',
    path: /^\/channels\/(?<name>[^/]+)$/,
    handle: (_req, res, params) => {
      const name = decodeURIComponent(params.name)
      if (!node.leaveChannel(name)) { sendJson(res, 404, { error: `channel ${name} is not joined (or was left already)` }); return }
      sendJson(res, 200, { channel: name, left: true })
    }
  })
  server.addRoute({
    method: 'POST',
    path: /^\/channels\/(?<name>[^/]+)\/blocks$/,
    handle: async (req, res, params) => {
      const name = decodeURIComponent(params.name)
      if (node.height(name) === undefined) { sendJson(res, 404, { error: `channel ${name} is not joined` }); return }
      const body = new Uint8Array(await readBody(req))
      let seq: bigint
      try {
        const number = common.Block.decode(body).header?.number
        if (number == null) throw new Error('the block has no header')
        seq = number
      } catch (err) {
        sendJson(res, 400, { error: `malformed block: ${(err as Error).message}`, reason: 'malformed' })
        return
      }
      try {
        const result = await node.addPayload(name, seq, body)
        sendJson(res, result === 'committed' ? 201 : result === 'buffered' ? 202 : 200, { channel: name, number: Number(seq), result, height: Number(node.height(name) ?? 0n) })
      } catch (err) {
        sendJson(res, 422, { error: (err as Error).message, reason: (err as { reason?: string }).reason ?? 'error' })
      }
    }
  })
  server.addRoute({
    method: 'GET',
    path: /^\/channels\/(?<name>[^/]+)\/blocks\/(?<n>\d+)$/,
    handle: async (_req, res, params) => {
      const name = decodeURIComponent(params.name)
      const bytes = await node.getBlock(name, BigInt(params.n))
      if (bytes == null) { sendJson(res, 404, { error: `no block ${params.n} in channel ${name}` }); return }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.byteLength })
      res.end(bytes)
    }
  })
  server.addRoute({
    method: 'GET',
    path: /^\/channels\/(?<name>[^/]+)\/commits$/,
    handle: (req, res, params) => {
      const name = decodeURIComponent(params.name)
      if (node.height(name) === undefined) { sendJson(res, 404, { error: `channel ${name} is not joined` }); return }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
      res.flushHeaders()
      // events are written as they come (no queue of ours); a client that lets the response and socket
      // buffers fill past the limit is dropped rather than held in memory
      const send = (text: string): void => {
        if (res.destroyed) return
        if (res.writableLength + text.length > maxBuffer) { res.destroy(); return }
        res.write(text)
      }
      const onCommit = (evt: CommitEvent): void => {
        if (evt.detail.channel === name) send(`data: {"number":"${evt.detail.number}","at":${epochMs()}}\n\n`)
      }
      const timer = setInterval(() => { send(': keep-alive\n\n') }, keepAlive)
      const stop = (): void => {
        clearInterval(timer)
        node.removeEventListener('block:committed', onCommit)
      }
      node.addEventListener('block:committed', onCommit)
      res.once('close', stop)
      if (req.socket.destroyed) stop() // the client left before the stream was set up
    }
  })
  server.addRoute({
    method: 'PUT',
    path: /^\/metadata$/,
    handle: async (req, res) => {
      const body = await readBody(req, MAX_METADATA)
      node.updateMetadata(new Uint8Array(body))
      res.writeHead(204).end()
    }
  })
}
