import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { request } from 'node:http'
import { Readable } from 'node:stream'
import { Counter, Registry } from 'prom-client'
import { OperationsServer, readBody, sendJson } from '../../../src/api/operations.js'
import type { IncomingMessage } from 'node:http'

interface Reply { status: number, headers: Record<string, string | string[] | undefined>, body: string }

describe('OperationsServer', () => {
  const registry = new Registry()
  const counter = new Counter({ name: 'test_ops_requests_total', help: 'Requests seen by the test.', registers: [registry] })
  let unhealthy: string | undefined
  let throwing = false
  const status = { id: 'peer0', members: [{ endpoint: 'peer1:7051' }], channels: { mychannel: { height: 3 } } }
  const server = new OperationsServer({
    host: '127.0.0.1',
    port: 0,
    registry,
    status: () => status,
    healthChecks: [
      { component: 'always-fine', check: () => undefined },
      { component: 'libp2p', check: async () => unhealthy },
      { component: 'ledger', check: () => { if (throwing) throw new Error('disk gone'); return undefined } }
    ]
  })

  /** One HTTP request to the server. */
  async function call (method: string, path: string, body?: string): Promise<Reply> {
    const addr = server.address()
    assert.ok(addr != null, 'server is listening')
    return await new Promise((resolve, reject) => {
      const req = request({ host: addr.host, port: addr.port, method, path, agent: false }, res => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => { resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }) })
        res.on('error', reject)
      })
      req.on('error', reject)
      req.end(body)
    })
  }

  before(async () => {
    counter.inc(3)
    server.addRoute({ method: 'GET', path: /^\/channels\/(?<name>[^/]+)$/, handle: (_req, res, params) => { sendJson(res, 200, { params }) } })
    server.addRoute({
      method: 'POST',
      path: /^\/echo$/,
      handle: async (req, res) => {
        try {
          const body = await readBody(req, 16)
          res.writeHead(200, { 'content-type': 'application/octet-stream' })
          res.end(body)
        } catch (err) {
          sendJson(res, 413, { error: (err as Error).message })
        }
      }
    })
    server.addRoute({ method: 'GET', path: /^\/fail$/, handle: () => { throw new Error('handler broke') } })
    await server.start()
  })
  after(async () => {
    await server.stop()
    assert.equal(server.address(), undefined)
  })

  it('listens on the port the OS chose', () => {
    const addr = server.address()
    assert.equal(addr?.host, '127.0.0.1')
    assert.ok(addr != null && addr.port > 0)
  })

  it("GET /healthz: 200 {status: 'OK', time} when every check passes", async () => {
    const r = await call('GET', '/healthz')
    assert.equal(r.status, 200)
    assert.match(String(r.headers['content-type']), /^application\/json/)
    const body = JSON.parse(r.body) as { status: string, time: string, failed_checks?: unknown }
    assert.equal(body.status, 'OK')
    assert.ok(!Number.isNaN(Date.parse(body.time)), `time parses: ${body.time}`)
    assert.ok(Math.abs(Date.parse(body.time) - Date.now()) < 60_000)
    assert.equal(body.failed_checks, undefined)
  })

  it("GET /healthz: 503 'Service Unavailable' with Fabric's failed_checks [{component, reason}]", async () => {
    unhealthy = 'libp2p is stopping'
    throwing = true
    try {
      const r = await call('GET', '/healthz')
      assert.equal(r.status, 503)
      const body = JSON.parse(r.body) as { status: string, time: string, failed_checks: unknown }
      assert.equal(body.status, 'Service Unavailable')
      assert.ok(!Number.isNaN(Date.parse(body.time)))
      assert.deepEqual(body.failed_checks, [
        { component: 'libp2p', reason: 'libp2p is stopping' },
        { component: 'ledger', reason: 'disk gone' }
      ])
    } finally {
      unhealthy = undefined
      throwing = false
    }
    assert.equal((await call('GET', '/healthz')).status, 200, 'healthy again')
  })

  it("GET /metrics: the registry's metrics in Prometheus text with its content type", async () => {
    const r = await call('GET', '/metrics')
    assert.equal(r.status, 200)
    assert.equal(r.headers['content-type'], registry.contentType)
    assert.match(r.body, /^# HELP test_ops_requests_total Requests seen by the test\.$/m)
    assert.match(r.body, /^# TYPE test_ops_requests_total counter$/m)
    assert.match(r.body, /^test_ops_requests_total 3$/m)
  })

  it('GET /status: the JSON of the status function, read on each request', async () => {
    const r = await call('GET', '/status')
    assert.equal(r.status, 200)
    assert.deepEqual(JSON.parse(r.body), status)
    status.channels.mychannel.height = 4
    assert.equal((JSON.parse((await call('GET', '/status')).body) as typeof status).channels.mychannel.height, 4)
  })

  it('an unknown path: 404', async () => {
    const r = await call('GET', '/nope')
    assert.equal(r.status, 404)
    assert.match(r.body, /\/nope/)
  })

  it('a known path with another method: 405 with an allow header', async () => {
    const r = await call('POST', '/status', '{}')
    assert.equal(r.status, 405)
    assert.equal(r.headers.allow, 'GET')
  })

  it('addRoute: named groups of the path become params (the query string is not part of the path)', async () => {
    const r = await call('GET', '/channels/mychannel?verbose=1')
    assert.equal(r.status, 200)
    assert.deepEqual(JSON.parse(r.body), { params: { name: 'mychannel' } })
    assert.equal((await call('GET', '/channels/a/b')).status, 404)
  })

  it('a handler that throws: 500 with its message', async () => {
    const r = await call('GET', '/fail')
    assert.equal(r.status, 500)
    assert.deepEqual(JSON.parse(r.body), { error: 'handler broke' })
  })

  it('readBody reads a body up to its limit and refuses one past it', async () => {
    const ok = await call('POST', '/echo', '0123456789abcdef')
    assert.equal(ok.status, 200)
    assert.equal(ok.body, '0123456789abcdef')
    const big = await call('POST', '/echo', '0123456789abcdefg')
    assert.equal(big.status, 413)
    assert.match(big.body, /over 16 bytes/)
  })
})

describe('readBody', () => {
  const stream = (...chunks: string[]): IncomingMessage => Readable.from(chunks.map(c => Buffer.from(c))) as unknown as IncomingMessage

  it('concatenates the chunks', async () => {
    assert.equal((await readBody(stream('ab', 'cd', 'e'), 5)).toString(), 'abcde')
  })

  it('rejects as soon as the total passes the limit', async () => {
    await assert.rejects(readBody(stream('abc', 'def'), 5), /request body over 5 bytes/)
  })
})
