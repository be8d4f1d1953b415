/**
 * The operations server (Fabric's `operations.listenAddress`): `GET /healthz` in Fabric's format,
 * `GET /metrics` for Prometheus (libp2p's metrics and the gossip ones, from one registry per node) and
 * `GET /status` with the node's view as JSON. Routes are a table; later issues add theirs.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Registry } from 'prom-client'

export interface HealthCheck {
  component: string
  /** Returns a reason when unhealthy, undefined when healthy. */
  check(): Promise<string | undefined> | string | undefined
}

export interface OperationsInit {
  host: string
  port: number
  registry: Registry
  status: () => unknown
  healthChecks?: HealthCheck[]
}

export interface Route {
  method: string
  /** Matched against the path; named groups become `params`. */
  path: RegExp
  handle(req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<void> | void
}

/** Largest request body the server reads (a block can be large). */
export const MAX_BODY = 100 * 1024 * 1024

export function sendJson (res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2)
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

/** A request body over the route's limit: answered 413. */
export class BodyTooLargeError extends Error {
  static override name = 'BodyTooLargeError'
  override name = 'BodyTooLargeError'
}

/** Reads a request body up to `limit` bytes; rejects with `BodyTooLargeError` past it. */
export async function readBody (req: IncomingMessage, limit = MAX_BODY): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength
    if (size > limit) throw new BodyTooLargeError(`request body over ${limit} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

export class OperationsServer {
  private readonly init: OperationsInit
  private readonly routes: Route[]
  private server: Server | undefined

  constructor (init: OperationsInit) {
    this.init = init
    this.routes = [
      { method: 'GET', path: /^\/healthz$/, handle: async (_req, res) => { await this.healthz(res) } },
      { method: 'GET', path: /^\/metrics$/, handle: async (_req, res) => { await this.metrics(res) } },
      { method: 'GET', path: /^\/status$/, handle: (_req, res) => { sendJson(res, 200, this.init.status()) } }
    ]
  }

  /** Adds a route (later services register theirs). */
  addRoute (route: Route): void {
    this.routes.push(route)
  }

  /** The bound address once started. */
  address (): { host: string, port: number } | undefined {
    const a = this.server?.address()
    if (a == null || typeof a === 'string') return undefined
    return { host: a.address, port: a.port }
  }

  async start (): Promise<void> {
    const server = createServer((req, res) => { void this.dispatch(req, res) })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.init.port, this.init.host, () => { server.off('error', reject); resolve() })
    })
    this.server = server
  }

  async stop (): Promise<void> {
    const server = this.server
    this.server = undefined
    if (server == null) return
    server.closeAllConnections()
    await new Promise<void>(resolve => { server.close(() => { resolve() }) })
  }

  private async dispatch (req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname
      const matching = this.routes.filter(r => r.path.test(path))
      if (matching.length === 0) { sendJson(res, 404, { error: `no route ${path}` }); return }
      const route = matching.find(r => r.method === req.method)
      if (route == null) {
        res.setHeader('allow', matching.map(r => r.method).join(', '))
        sendJson(res, 405, { error: `method ${req.method ?? ''} not allowed on ${path}` })
        return
      }
      const params = path.match(route.path)?.groups ?? {}
      await route.handle(req, res, params)
    } catch (err) {
      const code = err instanceof BodyTooLargeError ? 413 : 500
      if (!res.headersSent) sendJson(res, code, { error: (err as Error).message })
      else res.destroy()
    }
  }

  private async healthz (res: ServerResponse): Promise<void> {
    const failed: Array<{ component: string, reason: string }> = []
    for (const hc of this.init.healthChecks ?? []) {
      try {
        const reason = await hc.check()
        if (reason != null) failed.push({ component: hc.component, reason })
      } catch (err) {
        failed.push({ component: hc.component, reason: (err as Error).message })
      }
    }
    const time = new Date().toISOString()
    if (failed.length === 0) sendJson(res, 200, { status: 'OK', time })
    else sendJson(res, 503, { status: 'Service Unavailable', time, failed_checks: failed })
  }

  private async metrics (res: ServerResponse): Promise<void> {
    const body = await this.init.registry.metrics()
    res.writeHead(200, { 'content-type': this.init.registry.contentType })
    res.end(body)
  }
}
