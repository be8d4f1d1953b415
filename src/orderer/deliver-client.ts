/**
 * The peer's deliver client for one channel (Fabric `core/deliverservice` + `internal/pkg/peer/blocksprovider`):
 * run by the channel's leader, it asks an orderer for every block from its own ledger height on, and hands
 * each block to the peer (which verifies it, commits it and gossips it).
 *
 *   loop while started:
 *     endpoint := the next orderer endpoint (failover in turn, starting at a random one)
 *     open DELIVER_PROTOCOL; send Envelope(DELIVER_SEEK_INFO){start: specified(height), stop: specified(2^64-1),
 *       BLOCK_UNTIL_READY}, signed by this peer and bound to the connection
 *     for each DeliverResponse: a block -> take it in (a block the peer refuses ends the stream);
 *       a status -> the stream ends
 *     on any end or failure: wait backoff (100 ms doubling up to reconnectBackoffThreshold, reset by a
 *       block received), then the next endpoint
 *
 * `stop()` (leadership lost, channel left, node stopping) aborts the stream at once.
 */
import { orderer } from '../pb/orderer.js'
import { common } from '../pb/common.js'
import { createEnvelope } from '../ledger/block-builder.js'
import { HeaderType } from '../ledger/constants.js'
import { FrameReader, writeFrames } from '../wire/framing.js'
import { connectionBinding } from '../wire/binding.js'
import { DELIVER_PROTOCOL } from '../wire/protocols.js'
import { createLogger } from '../logging.js'
import type { SigningIdentity } from '../identity/index.js'
import type { PeerId, Stream } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

/** Fabric `peer.deliveryclient.reConnectBackoffThreshold`. */
export const RECONNECT_BACKOFF_THRESHOLD = 3600 * 1000
/** The first wait after a failure (Fabric's blocks provider starts at 100 ms and doubles). */
export const INITIAL_BACKOFF = 100
/** Fabric `peer.deliveryclient.connTimeout`. */
export const CONN_TIMEOUT = 3000

const MAX_UINT64 = (1n << 64n) - 1n

export interface DeliverClientPorts {
  /** Opens a stream of `protocol` to `addr`; the connection's local PeerId is this node's. */
  dial(addr: Multiaddr, protocol: string, signal: AbortSignal): Promise<Stream>
  /** The orderer endpoints of the channel, now. */
  endpoints(): Multiaddr[]
  /** This peer's ledger height in the channel: the next block it needs. */
  height(): bigint
  /** Takes in a block from the orderer; rejects when the block is refused. */
  deliver(seq: bigint, bytes: Uint8Array): Promise<unknown>
}

export interface DeliverClientInit {
  channelId: string
  ports: DeliverClientPorts
  signer: SigningIdentity
  localPeerId: PeerId
  /** Largest block accepted, in bytes. */
  maxBlockSize: number
  /** @default {@link CONN_TIMEOUT} */
  connTimeout?: number
  /** @default {@link RECONNECT_BACKOFF_THRESHOLD} */
  reconnectBackoffThreshold?: number
  /** Called with each block number received (for metrics). */
  onBlock?: (seq: bigint, bytes: number) => void
  random?: () => number
}

export class DeliverClient {
  private readonly init: DeliverClientInit
  private readonly log = createLogger('deliver')
  private abort: AbortController | undefined
  private loop: Promise<void> | undefined
  private next = -1
  private connectedTo: string | undefined

  constructor (init: DeliverClientInit) {
    this.init = init
  }

  isStarted (): boolean {
    return this.abort != null
  }

  /** The orderer endpoint the client is receiving from, if any. */
  endpoint (): string | undefined {
    return this.connectedTo
  }

  start (): void {
    if (this.abort != null) return
    const abort = new AbortController()
    this.abort = abort
    this.loop = this.run(abort.signal)
  }

  async stop (): Promise<void> {
    const abort = this.abort
    this.abort = undefined
    abort?.abort()
    await this.loop
    this.loop = undefined
  }

  private async run (signal: AbortSignal): Promise<void> {
    let backoff = INITIAL_BACKOFF
    const threshold = this.init.reconnectBackoffThreshold ?? RECONNECT_BACKOFF_THRESHOLD
    while (!signal.aborted) {
      const endpoints = this.init.ports.endpoints()
      if (endpoints.length === 0) {
        this.log.warnOnce(`no-orderer:${this.init.channelId}`, `channel ${this.init.channelId}: no orderer endpoint to deliver from (the channel config names none)`)
      } else {
        if (this.next < 0) this.next = Math.floor((this.init.random ?? Math.random)() * endpoints.length)
        const addr = endpoints[this.next % endpoints.length]
        this.next = (this.next + 1) % endpoints.length
        const received = await this.session(addr, signal)
        if (received > 0) backoff = INITIAL_BACKOFF
      }
      if (signal.aborted) break
      await sleep(backoff, signal)
      backoff = Math.min(backoff * 2, threshold)
    }
  }

  /** One deliver stream; returns the number of blocks taken in. */
  private async session (addr: Multiaddr, signal: AbortSignal): Promise<number> {
    const channel = this.init.channelId
    let stream: Stream
    try {
      stream = await this.init.ports.dial(addr, DELIVER_PROTOCOL, AbortSignal.any([signal, AbortSignal.timeout(this.init.connTimeout ?? CONN_TIMEOUT)]))
    } catch (err) {
      if (!signal.aborted) this.log.warnOnce(`dial:${channel}:${addr.toString()}`, `channel ${channel}: orderer ${addr.toString()} unreachable: ${(err as Error).message}`)
      return 0
    }
    const onAbort = (): void => { stream.abort(new Error('deliver client stopped')) }
    signal.addEventListener('abort', onAbort, { once: true })
    const reader = new FrameReader(stream, { maxFrameSize: this.init.maxBlockSize + 64 })
    let received = 0
    this.connectedTo = addr.toString()
    try {
      const start = this.init.ports.height()
      const seek = orderer.SeekInfo.encode({
        start: { specified: { number: start } },
        stop: { specified: { number: MAX_UINT64 } },
        behavior: orderer.SeekInfo.SeekBehavior.BLOCK_UNTIL_READY,
        errorResponse: orderer.SeekInfo.SeekErrorResponse.STRICT,
        contentType: orderer.SeekInfo.SeekContentType.BLOCK
      })
      const request = createEnvelope({ channelId: channel, type: HeaderType.DELIVER_SEEK_INFO, data: seek, signer: this.init.signer, tlsCertHash: connectionBinding(this.init.localPeerId) })
      await writeFrames(stream, [request], { signal })
      this.log.info(`channel ${channel}: receiving blocks from orderer ${addr.toString()} from block ${start}`)
      for await (const frame of reader) {
        const res = orderer.DeliverResponse.decode(frame)
        if (res.block != null) {
          const seq = common.Block.decode(res.block).header?.number
          if (seq == null) throw new Error('a block without a header')
          await this.init.ports.deliver(seq, res.block)
          received++
          this.init.onBlock?.(seq, res.block.byteLength)
        } else {
          if (res.status !== orderer.Status.SUCCESS) {
            this.log.warnOnce(`status:${channel}:${addr.toString()}:${res.status ?? ''}`, `channel ${channel}: orderer ${addr.toString()} answered ${res.status ?? 'no status'}`)
          }
          break
        }
      }
      await stream.close().catch(() => {})
    } catch (err) {
      if (!signal.aborted) this.log.warn(`channel ${channel}: deliver from ${addr.toString()} ended: ${(err as Error).message}`)
      stream.abort(err as Error)
    } finally {
      reader.release()
      signal.removeEventListener('abort', onAbort)
      this.connectedTo = undefined
    }
    return received
  }
}

async function sleep (ms: number, signal: AbortSignal): Promise<void> {
  await new Promise<void>(resolve => {
    const t = setTimeout(done, ms)
    function done (): void { clearTimeout(t); signal.removeEventListener('abort', done); resolve() }
    signal.addEventListener('abort', done, { once: true })
  })
}
