/**
 * A load generator for the ordering service (`fgossip load`, `fgossip cluster load`, benchmarks): it
 * broadcasts signed transactions of a given size at a steady rate on one Broadcast stream, and follows the
 * channel on a Deliver stream from the next block written to see its own transactions land in blocks.
 *
 *   accepted   answered SUCCESS by the orderer
 *   rejected   answered anything else (counted by status)
 *   committed  found in a block delivered by the orderer (with the time from broadcast to that block)
 */
import { createHash, randomBytes } from 'node:crypto'
import { orderer } from '../pb/orderer.js'
import { common } from '../pb/common.js'
import { createEnvelope } from '../ledger/block-builder.js'
import { HeaderType, NONCE_SIZE } from '../ledger/constants.js'
import { FrameReader, writeFrames } from '../wire/framing.js'
import { connectionBinding } from '../wire/binding.js'
import { BROADCAST_PROTOCOL, DELIVER_PROTOCOL } from '../wire/protocols.js'
import type { SigningIdentity } from '../identity/index.js'
import type { PeerId, Stream } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

const MAX_UINT64 = (1n << 64n) - 1n

export interface LoadOptions {
  /** Opens a stream of `protocol` to the orderer. */
  dial(addr: Multiaddr, protocol: string, signal: AbortSignal): Promise<Stream>
  localPeerId: PeerId
  orderer: Multiaddr
  channel: string
  /** The client identity that signs the transactions (and the deliver request). */
  signer: SigningIdentity
  /** Transactions per second. */
  tps: number
  /** Payload bytes per transaction. */
  size: number
  /** Seconds of load. */
  duration: number
  /** How long to wait, after the last broadcast, for the last transactions to be in blocks (ms). @default 10 s */
  drainTimeout?: number
  /** Called about once a second. */
  onProgress?: (report: LoadReport) => void
  signal?: AbortSignal
}

export interface LoadReport {
  sent: number
  accepted: number
  rejected: number
  rejectedBy: Record<string, number>
  committed: number
  blocks: number
  /** Broadcast -> block delivered, in ms, over committed transactions. */
  latency: { p50: number, p99: number, max: number }
  /** Seconds from the first broadcast to now (or the end). */
  elapsed: number
}

/** Percentile of sorted numbers (nearest rank). */
function percentile (sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]
}

export async function runLoad (opts: LoadOptions): Promise<LoadReport> {
  const abort = new AbortController()
  const signal = opts.signal != null ? AbortSignal.any([opts.signal, abort.signal]) : abort.signal
  const sentAt = new Map<string, number>()
  const latencies: number[] = []
  const report: LoadReport = { sent: 0, accepted: 0, rejected: 0, rejectedBy: {}, committed: 0, blocks: 0, latency: { p50: 0, p99: 0, max: 0 }, elapsed: 0 }
  const started = performance.now()
  const snapshot = (): LoadReport => {
    const sorted = [...latencies].sort((a, b) => a - b)
    return { ...report, rejectedBy: { ...report.rejectedBy }, latency: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? 0 }, elapsed: (performance.now() - started) / 1000 }
  }

  // follow the channel from the next block written, counting our transactions
  const deliverStream = await opts.dial(opts.orderer, DELIVER_PROTOCOL, AbortSignal.any([signal, AbortSignal.timeout(10_000)]))
  const seek = orderer.SeekInfo.encode({
    start: { nextCommit: {} },
    stop: { specified: { number: MAX_UINT64 } },
    behavior: orderer.SeekInfo.SeekBehavior.BLOCK_UNTIL_READY,
    errorResponse: orderer.SeekInfo.SeekErrorResponse.STRICT,
    contentType: orderer.SeekInfo.SeekContentType.BLOCK
  })
  await writeFrames(deliverStream, [createEnvelope({ channelId: opts.channel, type: HeaderType.DELIVER_SEEK_INFO, data: seek, signer: opts.signer, tlsCertHash: connectionBinding(opts.localPeerId) })])
  let deliverError: Error | undefined
  const following = (async () => {
    const reader = new FrameReader(deliverStream, { maxFrameSize: 128 * 1024 * 1024 })
    try {
      for await (const frame of reader) {
        const res = orderer.DeliverResponse.decode(frame)
        if (res.block == null) { deliverError = new Error(`deliver ended: ${res.status ?? 'no status'}`); return }
        const now = performance.now()
        report.blocks++
        for (const env of common.Block.decode(res.block).data?.data ?? []) {
          try {
            const header = common.ChannelHeader.decode(common.Payload.decode(common.Envelope.decode(env).payload).header?.channelHeader ?? new Uint8Array(0))
            const at = sentAt.get(header.txId)
            if (at != null) {
              sentAt.delete(header.txId)
              report.committed++
              latencies.push(now - at)
            }
          } catch {
            // not a transaction of ours
          }
        }
      }
    } catch (err) {
      if (!signal.aborted) deliverError = err as Error
    } finally {
      reader.release()
    }
  })()

  // broadcast at the rate asked, reading the answers as they come
  const broadcast = await opts.dial(opts.orderer, BROADCAST_PROTOCOL, AbortSignal.any([signal, AbortSignal.timeout(10_000)]))
  const pending: string[] = []
  const answers = (async () => {
    const reader = new FrameReader(broadcast, { maxFrameSize: 1024 * 1024 })
    try {
      for await (const frame of reader) {
        const res = orderer.BroadcastResponse.decode(frame)
        const txId = pending.shift()
        if (res.status === orderer.Status.SUCCESS) {
          report.accepted++
        } else {
          report.rejected++
          report.rejectedBy[res.status] = (report.rejectedBy[res.status] ?? 0) + 1
          if (txId != null) sentAt.delete(txId)
        }
      }
    } catch {
      // the stream ended
    } finally {
      reader.release()
    }
  })()
  const progress = opts.onProgress != null ? setInterval(() => { opts.onProgress?.(snapshot()) }, 1000) : undefined
  try {
    const total = Math.round(opts.tps * opts.duration)
    const payload = randomBytes(Math.max(0, opts.size))
    const t0 = performance.now()
    for (let i = 0; i < total && !signal.aborted; i++) {
      // pace: transaction i goes out at t0 + i / tps
      const due = t0 + (i * 1000) / opts.tps
      const wait = due - performance.now()
      if (wait > 1) await new Promise(resolve => setTimeout(resolve, wait))
      const nonce = randomBytes(NONCE_SIZE)
      const txId = createHash('sha256').update(nonce).update(opts.signer.serialized).digest('hex')
      const env = createEnvelope({ channelId: opts.channel, data: payload, signer: opts.signer, nonce })
      sentAt.set(txId, performance.now())
      pending.push(txId)
      report.sent++
      await writeFrames(broadcast, [env], { signal })
    }
    // the last answers and blocks
    const deadline = performance.now() + (opts.drainTimeout ?? 10_000)
    while (!signal.aborted && deliverError == null && performance.now() < deadline && (report.accepted + report.rejected < report.sent || report.committed < report.accepted)) {
      await new Promise(resolve => setTimeout(resolve, 20))
    }
    if (deliverError != null) throw deliverError
    return snapshot()
  } finally {
    if (progress != null) clearInterval(progress)
    abort.abort()
    await broadcast.close().catch(() => { broadcast.abort(new Error('load done')) })
    deliverStream.abort(new Error('load done'))
    await Promise.allSettled([answers, following])
  }
}
