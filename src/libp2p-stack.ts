/**
 * The libp2p stack every node of ours runs (a peer in `node.ts`, the orderer in `orderer-node.ts`, and
 * `fgossip interop`): TCP, Noise, yamux, identify and ping, with the connection manager's settings. Written
 * once so that what the interop test exercises is what a peer runs.
 *
 * ```ts
 * const node = await createLibp2p({ ...libp2pStack(), addresses: { listen: [...] }, services: { ...stackServices(), comm } })
 * ```
 */
import './shim.js'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import type { Libp2pOptions } from 'libp2p'

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
    connectionEncrypters: [noise()],
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
