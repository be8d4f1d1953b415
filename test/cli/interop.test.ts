/**
 * `fgossip interop`, libp2p's transport-interop ping test (libp2p/test-plans), as real processes around a
 * real `redis-server`: our listener with the stock js-libp2p dialer of `../helpers/interop-peer.ts`, the
 * reverse, ours against ours; the listener's address, timeouts, errors naming the variable; the RESP client;
 * and a stock js-libp2p node against a real gossip peer (identify shows the gossip protocols, ping works,
 * never admitted to gossip). Without `redis-server` the Redis-based tests are skipped with the reason.
 */
import { describe, it, before, after, beforeEach } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { cleanupTmp, createTestNetwork, metric, stopAll, tmp, waitFor } from '../helpers/network.js'
import { FGOSSIP, freePort } from '../helpers/process.js'
import { INTEROP_PEER, stockNode } from '../helpers/interop-peer.js'
import { streamEnds } from '../helpers/raw.js'
import { decodeReply, encodeCommand, RedisClient, RedisReplyError } from '../../src/interop/resp.js'
import { interopConfigFromEnv } from '../../src/interop/config.js'
import type { IdentifyResult } from '@libp2p/interface'
import { BLOCKS_PROTOCOL, CONTROL_PROTOCOL, HANDSHAKE_PROTOCOL } from '../../src/wire/protocols.js'

const HAS_REDIS = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0
const REDIS_SKIP: string | false = HAS_REDIS ? false : 'redis-server is not installed (Debian/Ubuntu: apt-get install -y redis-server)'

const STACK_ENV = { transport: 'tcp', security: 'noise', muxer: 'yamux' }
/** The harness's variables, removed from the inherited environment so each run sets exactly its own. */
const HARNESS_VARS = ['transport', 'security', 'muxer', 'is_dialer', 'ip', 'redis_addr', 'test_timeout_seconds']

/** The dialer's stdout line, exactly as the README writes it. */
const RESULT_LINE = /^\{"handshakePlusOneRTTMillis": (\d+(?:\.\d+)?), "pingRTTMilllis": (\d+(?:\.\d+)?)\}\n$/

interface Run {
  child: ChildProcess
  stdout: () => string
  stderr: () => string
  exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
}

/** Starts `fgossip interop` (ours) or the stock js-libp2p peer with the harness's environment; killed after `limit` ms. */
function start (who: 'fgossip' | 'stock', env: Record<string, string>, limit = 60_000): Run {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !HARNESS_VARS.includes(k)))
  const args = who === 'fgossip' ? [FGOSSIP, 'interop'] : ['--import', 'tsx', INTEROP_PEER]
  const child = spawn(process.execPath, args, { env: { ...base, FABRIC_LOGGING_SPEC: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout?.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { err += d.toString() })
  const guard = setTimeout(() => { child.kill('SIGKILL') }, limit)
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>(resolve => {
    child.once('exit', (code, signal) => { clearTimeout(guard); resolve({ code, signal }) })
  })
  return { child, stdout: () => out, stderr: () => err, exited }
}

async function stopRun (r: Run): Promise<void> {
  if (r.child.exitCode == null && r.child.signalCode == null) r.child.kill('SIGKILL')
  await r.exited
}

/** Checks the dialer's stdout: one line, the harness's two keys, plausible numbers. */
function checkResult (stdout: string, exact: boolean): { handshakePlusOneRTTMillis: number, pingRTTMilllis: number } {
  if (exact) assert.match(stdout, RESULT_LINE, `stdout: ${JSON.stringify(stdout)}`)
  const lines = stdout.trim().split('\n')
  assert.equal(lines.length, 1, `only the result on stdout: ${JSON.stringify(stdout)}`)
  const result = JSON.parse(lines[0])
  assert.deepEqual(Object.keys(result).sort(), ['handshakePlusOneRTTMillis', 'pingRTTMilllis'])
  for (const v of Object.values(result)) assert.ok(typeof v === 'number' && Number.isFinite(v) && v >= 0, `not a duration: ${String(v)}`)
  assert.ok(result.pingRTTMilllis <= Math.ceil(result.handshakePlusOneRTTMillis), 'one ping fits in handshake plus one RTT')
  assert.ok(result.handshakePlusOneRTTMillis < 30_000)
  return result
}

const peerIdOf = (addr: string): string => addr.split('/p2p/')[1]

describe('fgossip interop (libp2p transport-interop)', () => {
  after(cleanupTmp)

  // each test carries the skip (not the suite), so that every one is counted and reported as skipped
  describe('with a real redis-server', () => {
    let redisServer: ChildProcess | undefined
    let redisAddr = ''
    let redis: RedisClient

    before(async () => {
      if (!HAS_REDIS) return
      const port = await freePort()
      redisAddr = `127.0.0.1:${port}`
      const dir = await tmp('fgossip-redis-')
      redisServer = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' })
      await waitFor(async () => {
        try {
          const c = await RedisClient.connect(redisAddr)
          try { return await c.ping() === 'PONG' } finally { c.close() }
        } catch {
          return false
        }
      }, 'redis-server answers PING')
      redis = await RedisClient.connect(redisAddr)
    })
    after(async () => {
      redis?.close()
      if (redisServer != null && redisServer.exitCode == null) {
        const gone = new Promise(resolve => redisServer?.once('exit', resolve))
        redisServer.kill('SIGTERM')
        await gone
      }
    })
    beforeEach(async () => {
      if (!HAS_REDIS) return
      await redis.command('DEL', 'listenerAddr')
    })

    it('fgossip listener, stock js-libp2p dialer', { skip: REDIS_SKIP }, async () => {
      const listener = start('fgossip', { ...STACK_ENV, is_dialer: 'false', ip: '127.0.0.1', redis_addr: redisAddr, test_timeout_seconds: '60' })
      const dialer = start('stock', { ...STACK_ENV, is_dialer: 'true', redis_addr: redisAddr, test_timeout_seconds: '60' })
      try {
        const d = await dialer.exited
        assert.equal(d.code, 0, dialer.stderr())
        checkResult(dialer.stdout(), false)
        // the stock dialer dialled the full address our listener published, and our listener saw it
        const dialed = /dials: (\S+)/.exec(dialer.stderr())?.[1] ?? ''
        assert.match(dialed, /^\/ip4\/127\.0\.0\.1\/tcp\/\d+\/p2p\/12D3KooW\w+$/)
        assert.match(listener.stderr(), new RegExp(`listener ${peerIdOf(dialed)} \\(tcp/noise/yamux\\)`))
        const dialerId = /node (\S+) dials/.exec(dialer.stderr())?.[1] ?? ''
        await waitFor(() => listener.stderr().includes(`connection from ${dialerId}`), 'the listener logs the connection')
        listener.child.kill('SIGTERM')
        assert.deepEqual(await listener.exited, { code: 0, signal: null })
        assert.equal(listener.stdout(), '', 'the listener prints nothing on stdout')
      } finally {
        await stopRun(dialer)
        await stopRun(listener)
      }
    })

    it('stock js-libp2p listener, fgossip dialer: the result line exactly as the harness expects', { skip: REDIS_SKIP }, async () => {
      const listener = start('stock', { ...STACK_ENV, is_dialer: 'false', ip: '127.0.0.1', redis_addr: redisAddr, test_timeout_seconds: '60' })
      const dialer = start('fgossip', { ...STACK_ENV, is_dialer: 'true', redis_addr: redisAddr, test_timeout_seconds: '60' })
      try {
        const d = await dialer.exited
        assert.equal(d.code, 0, dialer.stderr())
        checkResult(dialer.stdout(), true)
        const published = /'(\/ip4\/\S+)'/.exec(listener.stderr())?.[1] ?? ''
        assert.match(published, /\/p2p\/12D3KooW/)
        assert.match(dialer.stderr(), new RegExp(`dialing ${published.replace(/\//g, '\\/')}`))
        assert.match(dialer.stderr(), /INFO /, 'logs go to stderr')
        assert.equal(await redis.command('LLEN', 'listenerAddr'), 0, 'the dialer popped the address')
      } finally {
        await stopRun(dialer)
        await stopRun(listener)
      }
    })

    it('fgossip against fgossip, the listener bound to the wildcard address', { skip: REDIS_SKIP }, async () => {
      const listener = start('fgossip', { ...STACK_ENV, is_dialer: 'false', ip: '0.0.0.0', redis_addr: redisAddr, test_timeout_seconds: '60' })
      const dialer = start('fgossip', { ...STACK_ENV, is_dialer: 'true', redis_addr: redisAddr, test_timeout_seconds: '60' })
      try {
        assert.equal((await dialer.exited).code, 0, dialer.stderr() + listener.stderr())
        checkResult(dialer.stdout(), true)
        const dialed = /dialing (\S+)/.exec(dialer.stderr())?.[1] ?? ''
        assert.match(dialed, /^\/ip4\/(?!0\.0\.0\.0)[\d.]+\/tcp\/\d+\/p2p\/12D3KooW\w+$/, 'a concrete address, not the wildcard')
        listener.child.kill('SIGINT')
        assert.equal((await listener.exited).code, 0)
      } finally {
        await stopRun(dialer)
        await stopRun(listener)
      }
    })

    it('the listener RPUSHes its full multiaddr, stays up, and exits non-zero when the test timeout passes', { skip: REDIS_SKIP }, async () => {
      const began = Date.now()
      const listener = start('fgossip', { ...STACK_ENV, is_dialer: 'false', ip: '127.0.0.1', redis_addr: redisAddr, test_timeout_seconds: '3' })
      try {
        await waitFor(async () => await redis.command('LLEN', 'listenerAddr') === 1, 'the listener publishes its address')
        assert.equal(listener.child.exitCode, null, 'still up after publishing')
        const [addr] = await redis.command('LRANGE', 'listenerAddr', 0, -1) as string[]
        assert.match(addr, /^\/ip4\/127\.0\.0\.1\/tcp\/\d+\/p2p\/12D3KooW\w+$/)
        const { code } = await listener.exited
        assert.equal(code, 1)
        assert.ok(Date.now() - began >= 3000, 'not before the timeout')
        assert.match(listener.stderr(), /test timeout \(3 s\) passed/)
      } finally {
        await stopRun(listener)
      }
    })

    it('the dialer exits non-zero, with nothing on stdout, when no listener address arrives in time', { skip: REDIS_SKIP }, async () => {
      const dialer = start('fgossip', { ...STACK_ENV, is_dialer: 'true', redis_addr: redisAddr, test_timeout_seconds: '1' })
      const { code } = await dialer.exited
      assert.equal(code, 1)
      assert.equal(dialer.stdout(), '')
      assert.match(dialer.stderr(), /dialer failed: no listener address in redis list listenerAddr within 1 s/)
    })

    it('the dialer exits non-zero when the published address does not answer', { skip: REDIS_SKIP }, async () => {
      await redis.rpush('listenerAddr', `/ip4/127.0.0.1/tcp/${await freePort()}/p2p/12D3KooWJWoaqZhDaoEFshF7Rh1bpY9ohihFhzcW6d69Lr2NASuq`)
      const dialer = start('fgossip', { ...STACK_ENV, is_dialer: 'true', redis_addr: redisAddr, test_timeout_seconds: '5' })
      const { code } = await dialer.exited
      assert.equal(code, 1)
      assert.equal(dialer.stdout(), '')
      assert.match(dialer.stderr(), /dialer failed: /)
    })

    it('RESP client: pipelined commands, integer, bulk, null and error replies, BLPOP timeout', { skip: REDIS_SKIP }, async () => {
      const [a, b, c] = await Promise.all([redis.rpush('resp-test', 'x y'), redis.rpush('resp-test', 'é'), redis.command('LRANGE', 'resp-test', 0, -1)])
      assert.deepEqual([a, b, c], [1, 2, ['x y', 'é']])
      assert.deepEqual(await redis.blpop('resp-test', 1), ['resp-test', 'x y'])
      assert.equal(await redis.command('GET', 'resp-none'), null)
      await assert.rejects(redis.command('NOSUCHCOMMAND'), (err: Error) => err.name === 'RedisReplyError' && /unknown command/i.test(err.message))
      assert.equal(await redis.command('DEL', 'resp-test'), 1)
      assert.equal(await redis.blpop('resp-test', 1), null)
      assert.equal(await redis.ping(), 'PONG', 'the connection survives an error reply')
    })
  })

  describe('configuration and failures without a listener', () => {
    for (const [variable, value, supported] of [['muxer', 'mplex', 'yamux'], ['security', 'tls', 'noise'], ['transport', 'quic-v1', 'tcp']]) {
      it(`an unsupported ${variable} exits non-zero naming the variable and the supported values`, async () => {
        const r = start('fgossip', { ...STACK_ENV, is_dialer: 'true', redis_addr: '127.0.0.1:1', [variable]: value })
        const { code } = await r.exited
        assert.equal(code, 2)
        assert.equal(r.stdout(), '')
        assert.match(r.stderr(), new RegExp(`^fgossip interop: ${variable}: unsupported value "${value}" \\(supported: ${supported}\\)$`, 'm'))
      })
    }

    it('every variable is checked and named', () => {
      const base = { ...STACK_ENV, is_dialer: 'false' }
      const cases: Array<[Record<string, string>, RegExp]> = [
        [{ ...base, muxer: '' }, /^muxer: not set \(supported: yamux\)$/],
        [{ security: 'noise', muxer: 'yamux', is_dialer: 'true' }, /^transport: not set \(supported: tcp\)$/],
        [{ ...base, is_dialer: 'yes' }, /^is_dialer: unsupported value "yes" \(supported: true, false\)$/],
        [{ ...base, ip: 'localhost' }, /^ip: expected an IPv4 or IPv6 address, got "localhost"$/],
        [{ ...base, redis_addr: 'redis:0' }, /^redis_addr: /],
        [{ ...base, test_timeout_seconds: 'soon' }, /^test_timeout_seconds: expected a positive number of seconds, got "soon"$/]
      ]
      for (const [env, message] of cases) {
        assert.throws(() => interopConfigFromEnv(env), (err: Error & { variable?: string }) =>
          err.name === 'InteropConfigError' && message.test(err.message) && err.message.startsWith(`${err.variable ?? '?'}: `))
      }
      assert.deepEqual(interopConfigFromEnv(base), {
        transport: 'tcp', security: 'noise', muxer: 'yamux', isDialer: false, ip: '0.0.0.0', redisAddr: 'redis:6379', timeoutSeconds: 180
      })
    })

    it('exits non-zero naming redis when it cannot be reached within the test timeout', async () => {
      const r = start('fgossip', { ...STACK_ENV, is_dialer: 'false', ip: '127.0.0.1', redis_addr: `127.0.0.1:${await freePort()}`, test_timeout_seconds: '1' })
      const { code } = await r.exited
      assert.equal(code, 1)
      assert.match(r.stderr(), /listener failed: redis at 127\.0\.0\.1:\d+ not reachable within the test timeout/)
    })

    it('RESP codec: commands as bulk-string arrays; replies decoded only once complete', () => {
      assert.equal(encodeCommand(['RPUSH', 'listenerAddr', '/ip4/1.2.3.4']).toString(), '*3\r\n$5\r\nRPUSH\r\n$12\r\nlistenerAddr\r\n$12\r\n/ip4/1.2.3.4\r\n')
      const reply = Buffer.from('*2\r\n$12\r\nlistenerAddr\r\n$3\r\nabc\r\n:7\r\n')
      for (let cut = 0; cut < 32; cut++) assert.equal(decodeReply(reply.subarray(0, cut)), undefined, `cut at ${cut}`)
      assert.deepEqual(decodeReply(reply), { value: ['listenerAddr', 'abc'], end: 32 })
      assert.deepEqual(decodeReply(reply, 32), { value: 7, end: 36 })
      assert.deepEqual(decodeReply(Buffer.from('*-1\r\n')), { value: null, end: 5 })
      assert.deepEqual(decodeReply(Buffer.from('$-1\r\n')), { value: null, end: 5 })
      const err = decodeReply(Buffer.from('-ERR wrong\r\n'))?.value
      assert.ok(err instanceof RedisReplyError && err.message === 'ERR wrong')
      assert.throws(() => decodeReply(Buffer.from('?x\r\n')), { name: 'RedisConnectionError' })
    })
  })

  it('a stock js-libp2p node connects to a gossip peer, identifies its gossip protocols, pings it, and is never admitted', async () => {
    const [peer] = await createTestNetwork(1, 1)
    const stock = await stockNode()
    try {
      // identify runs on every new connection (one identify stream per connection at a time): take its result
      const identified = new Promise<IdentifyResult>(resolve => {
        stock.addEventListener('peer:identify', (evt) => { if (evt.detail.peerId.equals(peer.libp2p.peerId)) resolve(evt.detail) })
      })
      const conn = await stock.dial(peer.multiaddrs()[0])
      const id = await identified
      assert.equal(id.connection.id, conn.id)
      assert.ok(id.peerId.equals(peer.libp2p.peerId))
      for (const p of [HANDSHAKE_PROTOCOL, CONTROL_PROTOCOL, BLOCKS_PROTOCOL, '/ipfs/ping/1.0.0', '/ipfs/id/1.0.0']) {
        assert.ok(id.protocols.includes(p), `identify lists ${p}: ${id.protocols.join(', ')}`)
      }
      assert.ok(await stock.services.ping.ping(peer.libp2p.peerId) >= 0)
      // a gossip stream without the handshake is refused; the stranger is neither a connection of comm nor a member
      const stream = await conn.newStream(CONTROL_PROTOCOL)
      stream.send(new Uint8Array([1, 0]))
      assert.ok(await streamEnds(stream))
      await waitFor(async () => await metric(peer, 'gossip_comm_dropped_messages', { reason: 'not-admitted' }) >= 1, 'not-admitted counted')
      assert.equal(peer.comm.connectedPeers().length, 0)
      assert.equal(peer.peers().length, 0)
      assert.equal(conn.status, 'open', 'the libp2p connection itself stays')
    } finally {
      await stock.stop()
      await stopAll([peer])
    }
  })
})
