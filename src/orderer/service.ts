/**
 * The ordering service's stream protocols (Fabric `orderer/common/broadcast` and `common/deliver`) on a
 * libp2p node:
 *
 *   Broadcast  client: Envelope, Envelope, ...      service: BroadcastResponse per envelope, in order
 *   Deliver    client: Envelope(DELIVER_SEEK_INFO)  service: DeliverResponse{block} per block of the range,
 *                                                   then DeliverResponse{status}; the stream ends
 *
 * A deliver whose stop is beyond the height with BLOCK_UNTIL_READY waits for each block as it is written
 * (peers seek from their height to 2^64-1 and get every new block as it comes). One request per deliver
 * stream (Fabric's gRPC stream may carry several; a client opens a new stream instead).
 */
import { orderer } from '../pb/orderer.js'
import { common } from '../pb/common.js'
import { FrameReader, writeFrames } from '../wire/framing.js'
import { connectionBinding } from '../wire/binding.js'
import { BROADCAST_PROTOCOL, DELIVER_PROTOCOL, MAX_SEEK_FRAME } from '../wire/protocols.js'
import { admitDeliver, admitTransaction, type AdmissionPorts } from './admission.js'
import { ChainHaltedError, type Chain } from './chain.js'
import { createLogger } from '../logging.js'
import { Counter, type Registry } from 'prom-client'
import type { Connection, Stream } from '@libp2p/interface'

const Status = orderer.Status

/** The libp2p node parts the service needs. */
export interface OrderingServiceRegistrar {
  handle(protocol: string, handler: (stream: Stream, connection: Connection) => void | Promise<void>, options?: { maxInboundStreams?: number }): Promise<void>
  unhandle(protocol: string): Promise<void>
}

export interface OrderingServiceInit {
  /** The channel's chain, or undefined when this orderer does not serve it. */
  chain(channelId: string): Chain | undefined
  admission: AdmissionPorts
  /** Largest broadcast frame accepted (an envelope up to the largest AbsoluteMaxBytes, plus framing). */
  maxEnvelopeSize: number
  /** How long a deliver client has to send its request. @default 10 s */
  requestTimeout?: number
  /** Fabric's deliver `TimeWindow`. @default 15 min */
  timeWindow?: number
  registry?: Registry
}

/** The answer to one broadcast envelope, with a short reason for metrics and logs. */
export interface BroadcastResult {
  status: orderer.Status
  info: string
  reason: string
  channelId?: string
}

const MAX_UINT64 = (1n << 64n) - 1n

export class OrderingService {
  private readonly init: OrderingServiceInit
  private readonly log = createLogger('orderer')
  private readonly streams = new Set<Stream>()
  private readonly broadcasts?: Counter<'channel' | 'status'>
  private readonly delivered?: Counter<'channel'>
  private readonly deliveredBytes?: Counter<'channel'>
  private readonly deliverRequests?: Counter<'channel' | 'status'>
  private registrar: OrderingServiceRegistrar | undefined

  constructor (init: OrderingServiceInit) {
    this.init = init
    const r = init.registry
    if (r != null) {
      this.broadcasts = new Counter({ name: 'broadcast_processed_count', help: 'Envelopes broadcast, by channel and status (Fabric orderer metric)', labelNames: ['channel', 'status'], registers: [r] })
      this.delivered = new Counter({ name: 'deliver_blocks_sent', help: 'Blocks sent by deliver (Fabric orderer metric)', labelNames: ['channel'], registers: [r] })
      this.deliveredBytes = new Counter({ name: 'deliver_bytes_sent', help: 'Block bytes sent by deliver', labelNames: ['channel'], registers: [r] })
      this.deliverRequests = new Counter({ name: 'deliver_requests_completed', help: 'Deliver requests ended, by channel and status (Fabric orderer metric)', labelNames: ['channel', 'status'], registers: [r] })
    }
  }

  async start (registrar: OrderingServiceRegistrar): Promise<void> {
    this.registrar = registrar
    await registrar.handle(BROADCAST_PROTOCOL, (stream) => { void this.handleBroadcast(stream) }, { maxInboundStreams: 64 })
    await registrar.handle(DELIVER_PROTOCOL, (stream, connection) => { void this.handleDeliver(stream, connection) }, { maxInboundStreams: 256 })
  }

  async stop (): Promise<void> {
    const registrar = this.registrar
    this.registrar = undefined
    if (registrar != null) await Promise.all([BROADCAST_PROTOCOL, DELIVER_PROTOCOL].map(async p => { await registrar.unhandle(p) }))
    for (const s of this.streams) s.abort(new Error('the ordering service stops'))
    this.streams.clear()
  }

  /** Admits and orders one envelope (the Broadcast protocol and `POST /broadcast`). */
  broadcast (bytes: Uint8Array): BroadcastResult {
    const verdict = admitTransaction(this.init.admission, bytes)
    let result: BroadcastResult
    if (!verdict.ok) {
      result = { status: verdict.status, info: verdict.info, reason: verdict.reason, channelId: verdict.channelId }
    } else {
      const chain = this.init.chain(verdict.channelId)
      if (chain == null) {
        result = { status: Status.NOT_FOUND, info: `channel '${verdict.channelId}' does not exist here`, reason: 'unknown-channel' }
      } else if (chain.tooLarge(bytes)) {
        result = { status: Status.BAD_REQUEST, info: `the envelope exceeds AbsoluteMaxBytes (${chain.batch.absoluteMaxBytes} bytes) of ${verdict.channelId}`, reason: 'too-large' }
      } else {
        try {
          chain.order(bytes)
          result = { status: Status.SUCCESS, info: '', reason: 'ok' }
        } catch (err) {
          if (!(err instanceof ChainHaltedError)) throw err
          result = { status: Status.SERVICE_UNAVAILABLE, info: err.message, reason: 'halted' }
        }
      }
      result.channelId = verdict.channelId
    }
    this.broadcasts?.inc({ channel: result.channelId ?? '', status: result.status })
    if (result.status !== Status.SUCCESS) this.log.debug(`broadcast refused (${result.reason}): ${result.info}`)
    return result
  }

  private async handleBroadcast (stream: Stream): Promise<void> {
    this.streams.add(stream)
    const reader = new FrameReader(stream, { maxFrameSize: this.init.maxEnvelopeSize })
    try {
      for await (const frame of reader) {
        const { status, info } = this.broadcast(frame.subarray())
        await writeFrames(stream, [orderer.BroadcastResponse.encode({ status, info })])
      }
      await stream.close().catch(() => {})
    } catch (err) {
      this.log.debug(`broadcast stream ended: ${(err as Error).message}`)
      stream.abort(err as Error)
    } finally {
      reader.release()
      this.streams.delete(stream)
    }
  }

  private async handleDeliver (stream: Stream, connection: Connection): Promise<void> {
    this.streams.add(stream)
    const reader = new FrameReader(stream, { maxFrameSize: MAX_SEEK_FRAME })
    const closed = new AbortController()
    const onClose = (): void => { closed.abort() }
    stream.addEventListener('close', onClose)
    let channel = ''
    const finish = async (status: orderer.Status): Promise<void> => {
      this.deliverRequests?.inc({ channel, status })
      await writeFrames(stream, [orderer.DeliverResponse.encode({ status })], { signal: closed.signal })
      await stream.close()
    }
    try {
      const first = await reader.next({ signal: AbortSignal.any([closed.signal, AbortSignal.timeout(this.init.requestTimeout ?? 10_000)]) })
      reader.release()
      if (first == null) { await stream.close(); return }
      const verdict = admitDeliver(this.init.admission, first.subarray(), connectionBinding(connection.remotePeer), { timeWindow: this.init.timeWindow })
      if (!verdict.ok) {
        channel = verdict.channelId ?? ''
        this.log.info(`deliver refused to ${connection.remotePeer.toString()} (${verdict.reason}): ${verdict.info}`)
        await finish(verdict.status)
        return
      }
      channel = verdict.channelId
      const chain = this.init.chain(channel)
      let seek: orderer.SeekInfo
      try {
        seek = orderer.SeekInfo.decode(verdict.data)
      } catch {
        await finish(Status.BAD_REQUEST)
        return
      }
      if (chain == null) { await finish(Status.NOT_FOUND); return }
      const height = chain.height()
      const start = position(seek.start, height)
      const stop = seek.stop?.nextCommit != null ? undefined : position(seek.stop, height)
      if (start == null || stop == null || start > stop) { await finish(Status.BAD_REQUEST); return }
      const headersOnly = seek.contentType === orderer.SeekInfo.SeekContentType.HEADER_WITH_SIG
      for (let n = start; n <= stop; n++) {
        if (n >= chain.height()) {
          if (seek.behavior === orderer.SeekInfo.SeekBehavior.FAIL_IF_NOT_READY) { await finish(Status.NOT_FOUND); return }
          await chain.waitForHeight(n, closed.signal)
          if (closed.signal.aborted) return
          if (n >= chain.height()) { await finish(Status.SERVICE_UNAVAILABLE); return } // the chain closed
        }
        let bytes = await chain.getBlock(n)
        if (bytes == null) { await finish(Status.NOT_FOUND); return }
        if (headersOnly && n > 0n) bytes = withoutData(bytes)
        await writeFrames(stream, [orderer.DeliverResponse.encode({ block: bytes as Uint8Array<ArrayBuffer> })], { signal: closed.signal })
        this.delivered?.inc({ channel })
        this.deliveredBytes?.inc({ channel }, bytes.byteLength)
        if (n === MAX_UINT64) break
      }
      await finish(Status.SUCCESS)
    } catch (err) {
      if (!closed.signal.aborted) this.log.debug(`deliver stream to ${connection.remotePeer.toString()} ended: ${(err as Error).message}`)
      stream.abort(err as Error)
    } finally {
      reader.release()
      stream.removeEventListener('close', onClose)
      this.streams.delete(stream)
    }
  }
}

/** A seek position as a block number at this height; undefined when it names none. */
function position (p: orderer.SeekPosition | undefined, height: bigint): bigint | undefined {
  if (p == null) return undefined
  if (p.oldest != null) return 0n
  if (p.newest != null) return height > 0n ? height - 1n : 0n
  if (p.specified != null) return p.specified.number
  if (p.nextCommit != null) return height
  return undefined
}

/** HEADER_WITH_SIG: the block without its transactions (header and metadata keep the signatures). */
function withoutData (bytes: Uint8Array): Uint8Array {
  const block = common.Block.decode(bytes)
  return common.Block.encode({ ...block, data: { data: [] } })
}
