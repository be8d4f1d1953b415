/**
 * The libp2p stack every node of ours runs (a peer in `node.ts`, the orderer in `orderer-node.ts`, and
 * `fgossip interop`): TCP, Noise, yamux, identify and ping, with the connection manager's settings; and the
 * metrics a peer and the orderer serve. Written once so that what the interop test exercises is what a peer runs.
 *
 * ```ts
 * const node = await createLibp2p({ ...libp2pStack(), addresses: { listen: [...] }, services: { ...stackServices(), comm } })
 * ```
 */
import './shim.js'
import { createPublicKey, diffieHellman, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { defaultCrypto } from '@chainsafe/libp2p-noise/crypto'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { prometheusMetrics } from '@libp2p/prometheus-metrics'
import type { Libp2pOptions } from 'libp2p'
import type { Registry } from 'prom-client'
import type { Uint8ArrayList } from 'uint8arraylist'

/** What the stack speaks, in the names libp2p's transport-interop harness uses. */
export const STACK = {
  transport: ['tcp'],
  security: ['noise'],
  muxer: ['yamux']
} as const

/** Transports, connection encrypters, stream muxers and connection manager settings (fresh factories per call). */
export function libp2pStack (): Pick<Libp2pOptions, 'transports' | 'connectionEncrypters' | 'streamMuxers' | 'connectionManager' | 'connectionMonitor'> {
  return {
    // libp2p's connection monitor pings every connection every 10 s and aborts it when a ping is late. A node
    // busy for a moment (a burst of handshakes or blocks) then loses every connection at once and reconnects
    // them all, which keeps it busy: 50 peers in one process never formed a channel that way. Gossip decides
    // who is dead itself (alive messages, aliveExpirationTimeout: the connection of a dead member is closed),
    // as Fabric does, so the monitor is off: its pings, kept without the aborts, only measured round trips
    // nobody reads, and cost 38% of the CPU of 25 idle peers in one process (26.4% -> 15.6% of a core
    // without them). The ping protocol is still served (stackServices).
    connectionMonitor: { enabled: false },
    transports: [tcp()],
    connectionEncrypters: [quietNoise()],
    streamMuxers: [yamux()],
    connectionManager: {
      // many peers on one host (tests, local clusters) dial in bursts; the default admits 5 per second per host
      inboundConnectionThreshold: 1000,
      allow: ['/ip4/127.0.0.0/ipcidr/8', '/ip6/::1/ipcidr/128']
    }
  }
}

/** The services every node runs besides its own protocols: identify and ping. */
export function stackServices (): { identify: ReturnType<typeof identify>, ping: ReturnType<typeof ping> } {
  return { identify: identify(), ping: ping() }
}

/**
 * How often (ms) the event-loop delay histogram behind `nodejs_eventloop_lag_*` samples. prom-client's
 * default, 10 ms, wakes an idle node's event loop 100 times a second for it alone: measured on a cluster of
 * 10 peer processes (`fgossip cluster up --orgs 2 --peers 5`, idle, 30 s), 1.63-1.70% of a core per peer at
 * 10 ms, 1.50% at 100 ms (and at 1 s). At 100 ms a scrape every 15 s still summarises 150 samples.
 */
export const EVENT_LOOP_MONITORING_PRECISION = 100

/**
 * libp2p's Prometheus metrics on a node's registry (served by its operations server), with Node's default
 * process metrics (`nodejs_*`, `process_*`) sampling the event loop every {@link EVENT_LOOP_MONITORING_PRECISION} ms.
 */
export function stackMetrics (registry: Registry): ReturnType<typeof prometheusMetrics> {
  return prometheusMetrics({ registry, collectDefaultMetrics: true, preserveExistingMetrics: true, defaultMetrics: { eventLoopMonitoringPrecision: EVENT_LOOP_MONITORING_PRECISION } })
}

/**
 * How often {@link quietNoise} replaced a Noise session's frame-length reader (`applied`), and how often the
 * session was not of the shape it expects (`skipped`: the stock reader stays, and works, only slower).
 */
export const noiseLengthReader = { applied: 0, skipped: 0 }

/**
 * Reads a Noise frame's 2-byte big-endian length, or 0 while fewer than 2 bytes are buffered: a frame of
 * length 0 needs 2 bytes, more than are there, so the reader waits for more data, as it does on a throw.
 */
export function noiseFrameLength (buf: Uint8Array | Uint8ArrayList): number {
  if (buf.byteLength < 2) return 0
  return buf instanceof Uint8Array ? (buf[0] << 8) | buf[1] : (buf.get(0) << 8) | buf.get(1)
}

/**
 * `@chainsafe/libp2p-noise` (17.0.0) with two changes: X25519 through {@link noiseCrypto} (cheaper handshakes),
 * and a transport-message length reader that does not throw. Its reader (`uint16BEDecode`) throws a
 * RangeError when fewer than 2 bytes are buffered, and the decoder catches it to wait for more: that happens
 * once for nearly every chunk the socket delivers (the chunk ends on a frame's end), and a throw costs 3-7 us
 * (the stack trace it captures). At N = 50 in one process it was 3.4% of the event loop (2.7 s of 80 s, all in
 * that throw). The same frames, the same
 * limits: only the "not yet" answer differs. When a session is not of the expected shape (a later Noise)
 * the stock reader stays and {@link noiseLengthReader} counts it; a test checks that none is skipped.
 */
export function quietNoise (): ReturnType<typeof noise> {
  const factory = noise({ crypto: noiseCrypto })
  return components => {
    const encrypter = factory(components)
    const quiet = <T extends { connection: unknown }>(secured: T): T => {
      const decoder = (secured.connection as { decoder?: { lengthDecoder?: unknown, encodingLength?: unknown } }).decoder
      if (decoder != null && typeof decoder.lengthDecoder === 'function' && typeof decoder.encodingLength === 'function' && decoder.encodingLength(0) === 2) {
        decoder.lengthDecoder = noiseFrameLength
        noiseLengthReader.applied++
      } else {
        noiseLengthReader.skipped++
      }
      return secured
    }
    const secureInbound = encrypter.secureInbound.bind(encrypter)
    const secureOutbound = encrypter.secureOutbound.bind(encrypter)
    encrypter.secureInbound = async (connection, options) => quiet(await secureInbound(connection, options))
    encrypter.secureOutbound = async (connection, options) => quiet(await secureOutbound(connection, options))
    return encrypter
  }
}

type NoiseCrypto = typeof defaultCrypto
type NoiseKeyPair = ReturnType<NoiseCrypto['generateX25519KeyPair']>

/**
 * How many X25519 agreements {@link noiseCrypto} made from the key object kept with a key pair it generated
 * (`keyObjects`), and how many from bare private-key bytes, Noise's own way (`imported`: a key pair it did
 * not generate, e.g. a static key given as a seed).
 */
export const x25519Agreements = { keyObjects: 0, imported: 0 }

/** The key object of each X25519 private key {@link noiseCrypto} generated, by the key bytes it handed out. */
const x25519Keys = new WeakMap<Uint8Array, KeyObject>()

/**
 * `@chainsafe/libp2p-noise`'s default crypto (17.0.0: Node's ChaCha20-Poly1305 and SHA-256) with faster X25519
 * key handling. The default generates each key pair exported as DER, and for every agreement imports both
 * keys back from DER; OpenSSL 3 parses a PKCS#8 private key in 330 us here, an SPKI public key in 76 us, while
 * the agreement itself takes about 35 us. A handshake makes 3 agreements on each side (XX: ee, es, se), 2.8 ms
 * of a connection's CPU (both ends) of 21. Here a generated key pair keeps its private key object (found again
 * by the private-key bytes Noise passes back), and a public key is imported from its raw bytes as a JWK: the
 * same keys and the same shared secrets, 0.5 ms a connection.
 */
export const noiseCrypto: NoiseCrypto = {
  ...defaultCrypto,
  generateX25519KeyPair (): NoiseKeyPair {
    const { privateKey } = generateKeyPairSync('x25519')
    const jwk = privateKey.export({ format: 'jwk' })
    const pair = { publicKey: Buffer.from(jwk.x as string, 'base64url'), privateKey: Buffer.from(jwk.d as string, 'base64url') }
    x25519Keys.set(pair.privateKey, privateKey)
    return pair
  },
  generateX25519SharedKey (privateKey, publicKey): Uint8Array {
    const key = privateKey instanceof Uint8Array ? x25519Keys.get(privateKey) : undefined
    if (key === undefined) {
      x25519Agreements.imported++
      return defaultCrypto.generateX25519SharedKey(privateKey, publicKey)
    }
    x25519Agreements.keyObjects++
    const raw = publicKey instanceof Uint8Array ? publicKey : publicKey.subarray()
    const remote = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64url') }, format: 'jwk' })
    return diffieHellman({ privateKey: key, publicKey: remote })
  }
}
