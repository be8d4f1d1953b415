/**
 * libp2p's transport-interop ping test (libp2p/test-plans `transport-interop/README.md`, "Dialer" and
 * "Listener"), run with our libp2p stack (`../libp2p-stack.ts`, what a peer runs, without the gossip service):
 *
 *   listener                                   redis                          dialer
 *   listen /ip4/<ip>/tcp/0
 *   RPUSH listenerAddr <multiaddr/p2p/id>  ->  listenerAddr  ->  BLPOP listenerAddr <timeout>
 *                                                               t0 = now; dial; rtt = ping()
 *   stays up until the test timeout                             stdout: {"handshakePlusOneRTTMillis": now - t0,
 *   (exit 1) or SIGTERM/SIGINT (exit 0)                                  "pingRTTMilllis": rtt}, exit 0
 *
 * Logs go to stderr; the dialer's JSON line is the only output on stdout (the harness parses it from there).
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { createLibp2p, type Libp2p } from 'libp2p'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import type { Identify } from '@libp2p/identify'
import type { Ping } from '@libp2p/ping'
import { libp2pStack, stackServices } from '../libp2p-stack.js'
import { createLogger } from '../logging.js'
import { RedisClient } from './resp.js'
import { LISTENER_ADDR_KEY, second, type InteropConfig } from './config.js'

const log = createLogger('interop')

/** Pause between attempts to reach Redis (its container may start after ours). */
const REDIS_RETRY_INTERVAL = 500
/** Bound on one attempt to connect to Redis and have it answer PING. */
const REDIS_ATTEMPT_TIMEOUT = 5 * second

export type InteropLibp2p = Libp2p<{ identify: Identify, ping: Ping }>

/** What the dialer prints (the key `pingRTTMilllis`, three l's, is the harness's spelling). */
export interface PingResult {
  handshakePlusOneRTTMillis: number
  pingRTTMilllis: number
}

/** The harness's result line, in the README's layout: `{"handshakePlusOneRTTMillis": N, "pingRTTMilllis": N}`. */
export function formatResult (r: PingResult): string {
  return `{"handshakePlusOneRTTMillis": ${r.handshakePlusOneRTTMillis}, "pingRTTMilllis": ${r.pingRTTMilllis}}`
}

/** Our stack, listening on `/ip4/<ip>/tcp/0` for a listener and on nothing for a dialer. */
export async function createInteropNode (config: InteropConfig): Promise<InteropLibp2p> {
  const family = config.ip.includes(':') ? 'ip6' : 'ip4'
  return await createLibp2p({
    ...libp2pStack(),
    addresses: { listen: config.isDialer ? [] : [`/${family}/${config.ip}/tcp/0`] },
    services: stackServices()
  })
}

/**
 * The address to hand to the dialer: one with `/p2p/<id>`, not loopback when the node listens on other
 * interfaces too (a wildcard `ip` expands to every interface; the dialer runs in another container).
 */
export function pickListenerAddr (addrs: Multiaddr[]): Multiaddr {
  const withId = addrs.filter(a => a.getComponents().some(c => c.name === 'p2p'))
  const isLoopback = (a: Multiaddr): boolean => {
    const ip = a.getComponents()[0]?.value ?? ''
    return ip.startsWith('127.') || ip === '::1'
  }
  const pick = withId.find(a => !isLoopback(a)) ?? withId[0]
  if (pick == null) throw new Error(`the node has no address to announce (listening on: ${addrs.map(String).join(', ') || 'nothing'})`)
  return pick
}

/** Connects to Redis and waits for it to answer PING, retrying until `deadline` (epoch ms). */
export async function connectRedis (addr: string, deadline: number, signal?: AbortSignal): Promise<RedisClient> {
  for (let attempt = 1; ; attempt++) {
    let client: RedisClient | undefined
    try {
      const attemptSignal = AbortSignal.any([AbortSignal.timeout(REDIS_ATTEMPT_TIMEOUT), ...(signal != null ? [signal] : [])])
      client = await RedisClient.connect(addr, { signal: attemptSignal })
      const pong = await raceAbort(client.ping(), attemptSignal)
      if (pong !== 'PONG') throw new Error(`PING answered ${JSON.stringify(pong)}`)
      log.info(`connected to redis at ${addr}`)
      return client
    } catch (err) {
      client?.close()
      signal?.throwIfAborted()
      if (Date.now() + REDIS_RETRY_INTERVAL >= deadline) {
        throw new Error(`redis at ${addr} not reachable within the test timeout (${attempt} attempts): ${(err as Error).message}`)
      }
      if (attempt === 1) log.info(`redis at ${addr} not ready (${(err as Error).message}): retrying every ${REDIS_RETRY_INTERVAL} ms`)
      await sleep(REDIS_RETRY_INTERVAL, undefined, signal != null ? { signal } : undefined)
    }
  }
}

async function raceAbort<T> (p: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted()
  return await new Promise<T>((resolve, reject) => {
    const onAbort = (): void => { reject(signal.reason) }
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(resolve, reject).finally(() => { signal.removeEventListener('abort', onAbort) })
  })
}

/**
 * The dialer: waits for the listener's address (BLPOP), dials it, pings it once, and returns the timings.
 * Throws on any failure (no address within the timeout, dial or ping failure).
 */
export async function runDialer (config: InteropConfig): Promise<PingResult> {
  const deadline = Date.now() + config.timeoutSeconds * second
  const redis = await connectRedis(config.redisAddr, deadline)
  const node = await createInteropNode(config)
  try {
    log.info(`dialer ${node.peerId.toString()} (${config.transport}/${config.security}/${config.muxer}) waiting for ${LISTENER_ADDR_KEY}`)
    const waitSeconds = Math.max(1, Math.ceil((deadline - Date.now()) / second))
    const popped = await redis.blpop(LISTENER_ADDR_KEY, waitSeconds)
    if (popped == null) throw new Error(`no listener address in redis list ${LISTENER_ADDR_KEY} within ${config.timeoutSeconds} s`)
    const target = multiaddr(popped[1])
    const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()))
    const handshakeStart = performance.now()
    log.info(`dialing ${target.toString()}`)
    await node.dial(target, { signal })
    log.info(`pinging ${target.toString()}`)
    const pingRTT = await node.services.ping.ping(target, { signal })
    const handshakePlusOneRTT = performance.now() - handshakeStart
    return { handshakePlusOneRTTMillis: round(handshakePlusOneRTT), pingRTTMilllis: round(pingRTT) }
  } finally {
    redis.close()
    await stopQuietly(node)
  }
}

async function stopQuietly (node: InteropLibp2p): Promise<void> {
  try {
    await node.stop()
  } catch (err) {
    log.warn(`stopping libp2p: ${(err as Error).message}`)
  }
}

/** Milliseconds with microsecond precision (the harness wants floats). */
function round (ms: number): number {
  return Math.round(ms * 1000) / 1000
}

/**
 * The listener: listens, publishes its address (RPUSH), then stays up until the test timeout ('timeout') or
 * until `signal` aborts ('stopped'). Throws when it cannot start or publish.
 */
export async function runListener (config: InteropConfig, signal: AbortSignal): Promise<'timeout' | 'stopped'> {
  const deadline = Date.now() + config.timeoutSeconds * second
  const redis = await connectRedis(config.redisAddr, deadline, signal)
  let node: InteropLibp2p | undefined
  try {
    node = await createInteropNode(config)
    node.addEventListener('peer:connect', (evt) => { log.info(`connection from ${evt.detail.toString()}`) })
    const addr = pickListenerAddr(node.getMultiaddrs())
    log.info(`listener ${node.peerId.toString()} (${config.transport}/${config.security}/${config.muxer}) on ${node.getMultiaddrs().map(String).join(', ')}`)
    await redis.rpush(LISTENER_ADDR_KEY, addr.toString())
    log.info(`published ${addr.toString()} to ${LISTENER_ADDR_KEY}; up for ${config.timeoutSeconds} s`)
    redis.close()
    try {
      await sleep(Math.max(0, deadline - Date.now()), undefined, { signal })
      return 'timeout'
    } catch (err) {
      if (signal.aborted) return 'stopped'
      throw err
    }
  } finally {
    redis.close()
    if (node != null) await stopQuietly(node)
  }
}
