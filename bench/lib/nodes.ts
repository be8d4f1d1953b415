/**
 * The nodes benchmarks run on, all in this process over TCP on loopback: gossip nodes built by the
 * integration-test builder (`test/helpers/network.ts`) and stock libp2p nodes (`test/helpers/raw.ts`: the
 * same TCP, Noise and yamux, without the gossip protocols) carrying raw length-prefixed frames, the baseline.
 */
import '../../src/shim.js'
import { LengthPrefixedDecoder } from '@libp2p/utils'
import * as varint from 'uint8-varint'
import { Uint8ArrayList } from 'uint8arraylist'
import { startNode, stopAll, testCrypto } from '../../test/helpers/network.js'
import { rawNode, type RawNode } from '../../test/helpers/raw.js'
import type { GossipNode } from '../../src/node.js'
import type { Libp2p, Stream } from '@libp2p/interface'

export { cleanupTmp, metric, stopAll } from '../../test/helpers/network.js'
export { rawNode, type RawNode }

/** Two gossip nodes of two orgs (Org1 peer0, Org2 peer0), started, not connected. */
export async function gossipPair (): Promise<[GossipNode, GossipNode]> {
  const layout = await testCrypto()
  const nodes = await Promise.all([startNode(layout, { org: 1, peer: 0 }), startNode(layout, { org: 2, peer: 0 })])
  return nodes as [GossipNode, GossipNode]
}

/** Two stock libp2p nodes, started, not connected. */
export async function rawPair (): Promise<[RawNode, RawNode]> {
  return await Promise.all([rawNode(), rawNode()])
}

export async function stopRaw (nodes: readonly RawNode[]): Promise<void> {
  await Promise.all(nodes.map(async n => { await n.stop() }))
}

export { stopAll as stopGossip }

/** Counts events and resolves waiters when the count reaches their target. */
export class Countdown {
  count = 0
  private readonly waiters: Array<{ target: number, resolve: () => void }> = []

  add (n = 1): void {
    this.count += n
    if (this.waiters.length === 0) return
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.count >= this.waiters[i].target) this.waiters.splice(i, 1)[0].resolve()
    }
  }

  /** Resolves once `n` more have been counted than now (call it before starting what produces them). */
  async expect (n: number, timeoutMs = 60_000): Promise<void> {
    await this.until(this.count + n, timeoutMs)
  }

  /** Resolves once the count reaches `target`. */
  async until (target: number, timeoutMs = 60_000): Promise<void> {
    if (this.count >= target) return
    let timer: NodeJS.Timeout | undefined
    try {
      await new Promise<void>((resolve, reject) => {
        this.waiters.push({ target, resolve })
        timer = setTimeout(() => { reject(new Error(`timed out: ${this.count}/${target} counted after ${timeoutMs} ms`)) }, timeoutMs)
      })
    } finally {
      clearTimeout(timer)
    }
  }
}

/** The protocol of the baseline: length-prefixed frames on one stream, read and counted by the receiver. */
export const FRAMES_PROTOCOL = '/fgossip-bench/frames/1.0.0'

/** Receives frames on FRAMES_PROTOCOL streams and counts them. */
export class FrameSink {
  readonly frames = new Countdown()

  async install (node: Pick<Libp2p, 'handle'>, maxFrameSize: number): Promise<void> {
    await node.handle(FRAMES_PROTOCOL, (stream) => { this.read(stream, maxFrameSize) }, { maxInboundStreams: 4 })
  }

  private read (stream: Stream, maxFrameSize: number): void {
    const decoder = new LengthPrefixedDecoder({ maxDataLength: maxFrameSize, maxBufferSize: maxFrameSize + 32 * 1024 * 1024 })
    stream.addEventListener('message', (evt) => {
      let n = 0
      for (const _frame of decoder.decode(evt.data)) n++
      if (n > 0) this.frames.add(n)
    })
    stream.addEventListener('remoteCloseWrite', () => { stream.close().catch(() => {}) })
  }
}

/** One length-prefixed frame of `size` bytes, `repeat` times back to back in one buffer. */
export function prefixedFrames (size: number, repeat = 1): Uint8Array {
  const prefix = varint.encode(size)
  const one = prefix.byteLength + size
  const out = new Uint8Array(one * repeat)
  for (let i = 0; i < repeat; i++) {
    out.set(prefix, i * one)
    out.fill(i % 251, i * one + prefix.byteLength, (i + 1) * one)
  }
  return out
}

/**
 * `repeat` frames of `size` bytes as a list of two chunks per frame (length prefix, bytes), the shape
 * comm's `encodeFrames` hands to `stream.send`.
 */
export function prefixedFrameList (size: number, repeat: number): Uint8ArrayList {
  const list = new Uint8ArrayList()
  const frame = new Uint8Array(size).fill(1)
  for (let i = 0; i < repeat; i++) list.append(varint.encode(size), frame)
  return list
}

/**
 * Writes `count` frames, `perSend` of them per `stream.send` (`chunk` holds `perSend` prefixed frames),
 * waiting for the stream to drain whenever `send` says so: the stock back-pressure pattern.
 */
export async function writeRaw (stream: Stream, chunk: Uint8Array | Uint8ArrayList, count: number, perSend: number): Promise<void> {
  for (let sent = 0; sent < count; sent += perSend) {
    const data = chunk instanceof Uint8Array ? chunk : chunk.sublist()
    if (!stream.send(data)) await stream.onDrain()
  }
}
