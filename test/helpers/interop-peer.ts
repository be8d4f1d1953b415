/**
 * A stock js-libp2p peer for libp2p's transport-interop ping test, written only with the libp2p packages
 * (libp2p, @libp2p/tcp, @chainsafe/libp2p-noise, @chainsafe/libp2p-yamux, @libp2p/identify, @libp2p/ping,
 * @multiformats/multiaddr): the node is configured as the harness's own js image builds it for
 * tcp/noise/yamux (libp2p/test-plans `transport-interop/impl/js/v3.x/test/fixtures/get-libp2p.ts`), and the
 * two roles follow its `dialer.spec.ts` and `listener.spec.ts`. Of our code it uses only the RESP client (the
 * harness's image goes through the `redis` npm package) and the Node 20 `Promise.withResolvers` polyfill.
 *
 * Run as a process with the harness's environment (the tests do):
 *   transport=tcp security=noise muxer=yamux is_dialer=true redis_addr=127.0.0.1:6379 \
 *     node --import tsx test/helpers/interop-peer.ts
 * Unlike the harness's js image (which reads `test_timeout_secs`), it reads the README's `test_timeout_seconds`.
 */
import '../../src/shim.js'
import { fileURLToPath } from 'node:url'
import { createLibp2p, type Libp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify, type Identify } from '@libp2p/identify'
import { ping, type Ping } from '@libp2p/ping'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import { RedisClient } from '../../src/interop/resp.js'

export const INTEROP_PEER = fileURLToPath(import.meta.url)

export type StockNode = Libp2p<{ identify: Identify, ping: Ping }>

/** The harness's js node for tcp/noise/yamux (get-libp2p.ts): listening on `/ip4/<ip>/tcp/0` unless dialing. */
export async function stockNode (opts: { listenIp?: string } = {}): Promise<StockNode> {
  return await createLibp2p({
    start: true,
    connectionGater: { denyDialMultiaddr: async () => false },
    connectionMonitor: { enabled: false },
    transports: [tcp()],
    addresses: { listen: opts.listenIp != null ? [`/ip4/${opts.listenIp}/tcp/0`] : [] },
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    services: { ping: ping(), identify: identify() }
  })
}

async function main (): Promise<void> {
  const env = process.env
  for (const [name, want] of [['transport', 'tcp'], ['security', 'noise'], ['muxer', 'yamux']]) {
    if (env[name] !== want) throw new Error(`${name}: this stock peer speaks only ${want}, got "${env[name] ?? ''}"`)
  }
  const isDialer = env.is_dialer === 'true'
  const timeoutMs = Number(env.test_timeout_seconds ?? '180') * 1000
  const redis = await RedisClient.connect(env.redis_addr ?? 'redis:6379')
  const node = await stockNode(isDialer ? {} : { listenIp: env.ip ?? '0.0.0.0' })
  try {
    if (isDialer) {
      const popped = await redis.blpop('listenerAddr', timeoutMs / 1000)
      if (popped == null) throw new Error('no listenerAddr')
      const otherMa = multiaddr(popped[1])
      const handshakeStartInstant = Date.now()
      console.error(`node ${node.peerId.toString()} dials: ${otherMa.toString()}`)
      await node.dial(otherMa, { signal: AbortSignal.timeout(timeoutMs) })
      console.error(`node ${node.peerId.toString()} pings: ${otherMa.toString()}`)
      const pingRTT = await node.services.ping.ping(otherMa, { signal: AbortSignal.timeout(timeoutMs) })
      const handshakePlusOneRTT = Date.now() - handshakeStartInstant
      console.log(JSON.stringify({ handshakePlusOneRTTMillis: handshakePlusOneRTT, pingRTTMilllis: pingRTT }))
    } else {
      const nonLocalFirst = (a: Multiaddr, b: Multiaddr): number => Number(a.toString().includes('127.0.0.1')) - Number(b.toString().includes('127.0.0.1'))
      const multiaddrs = node.getMultiaddrs().sort(nonLocalFirst).map(ma => ma.toString())
      console.error('inform redis of dial address', multiaddrs)
      await redis.rpush('listenerAddr', multiaddrs[0])
      console.error('wait for incoming ping')
      await new Promise(resolve => setTimeout(resolve, timeoutMs))
    }
  } finally {
    redis.close()
    await node.stop()
  }
}

if (process.argv[1] === INTEROP_PEER) {
  main().then(() => { process.exit(0) }, (err: Error) => {
    console.error(`interop-peer: ${err.message}`)
    process.exit(1)
  })
}
