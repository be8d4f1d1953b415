/**
 * The operations routes that act on the node: join and leave channels, set the metadata.
 *
 *   POST   /channels          body: a genesis (config) block (application/octet-stream), or the JSON channel
 *                             definition {name, orgs: [{mspId, rootCerts, anchorPeers}]}; 201 {channel}
 *   DELETE /channels/{name}   leaves the channel (publishes left_channel = true); 200, or 404 when not joined
 *   PUT    /metadata          body: the metadata bytes to carry in alive messages; 204
 */
import { readBody, sendJson, type OperationsServer } from './operations.js'
import { parseChannelDefinition, ChannelConfigError } from '../channels/channel-config.js'
import type { ChannelDefinition } from '../channels/channel-config.js'

/** What the routes need of the node. */
export interface RoutesNode {
  joinChannel(source: ChannelDefinition | Uint8Array): string
  leaveChannel(name: string): boolean
  updateMetadata(metadata: Uint8Array): void
}

/** The largest metadata accepted (it rides in every alive message). */
const MAX_METADATA = 64 * 1024

export function registerChannelRoutes (server: OperationsServer, node: RoutesNode): void {
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
          name = node.joinChannel(parseChannelDefinition(parsed, 'channel'))
        } else {
          if (body.byteLength === 0) { sendJson(res, 400, { error: 'empty body: send a genesis block (application/octet-stream) or a JSON channel definition' }); return }
          name = node.joinChannel(new Uint8Array(body))
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
    method: 'PUT',
    path: /^\/metadata$/,
    handle: async (req, res) => {
      const body = await readBody(req, MAX_METADATA)
      node.updateMetadata(new Uint8Array(body))
      res.writeHead(204).end()
    }
  })
}
