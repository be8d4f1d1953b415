/**
 * A stock libp2p node (TCP, Noise, yamux, identify, ping) without the gossip protocols: the stranger of the
 * tests, and the tool that writes hand-made frames at a gossip node.
 */
import '../../src/shim.js'
import { createLibp2p, type Libp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify, type Identify } from '@libp2p/identify'
import { ping, type Ping } from '@libp2p/ping'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { Connection, Stream } from '@libp2p/interface'

export type RawNode = Libp2p<{ identify: Identify, ping: Ping }>

export async function rawNode (): Promise<RawNode> {
  return await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    connectionManager: { allow: ['/ip4/127.0.0.0/ipcidr/8'] },
    services: { identify: identify(), ping: ping() }
  })
}

/** Opens `protocol` on a connection and writes raw bytes. */
export async function openAndWrite (conn: Connection, protocol: string, bytes: Uint8Array): Promise<Stream> {
  const stream = await conn.newStream(protocol)
  stream.send(bytes)
  return stream
}

/** Waits until a stream is no longer open (the remote reset or closed it); false after `timeout`. */
export async function streamEnds (stream: Stream, timeout = 5000): Promise<boolean> {
  const deadline = Date.now() + timeout
  while (Date.now() < deadline) {
    if (stream.status !== 'open' || stream.remoteWriteStatus === 'closed') return true
    await new Promise(resolve => setTimeout(resolve, 10))
  }
  return false
}

export async function dial (node: RawNode, addr: Multiaddr): Promise<Connection> {
  return await node.dial(addr)
}
