/**
 * State transfer (Fabric `gossip/state`), wired to the network: one anti-entropy engine per channel asks
 * the channel's peers whose StateInfo shows a greater height for the blocks this peer lacks.
 *
 *   requester  every checkInterval: RemoteStateRequest{start, end} (tag CHAN_OR_ORG) to a peer whose height
 *              covers the chunk, `parallelRequests` of them in flight over consecutive chunks (1: Fabric's one
 *              at a time), spread over such peers; the response's blocks are handed to the ledger all at once
 *              and taken in like any block (verified, on a worker thread when there is one; committed in
 *              order, the ones ready together in one write); a failed or empty response makes the engine
 *              retry that chunk elsewhere
 *   responder  the requester's org must be in the channel (its identity is the one its signed handshake
 *              proved) and the range must pass `checkStateRequest`; answers RemoteStateResponse{payloads}
 *
 * On by default here, unlike Fabric 2.2+: a peer must never fall behind for good.
 */
import { gossip } from '../pb/gossip.js'
import { seal, type SignedMessage } from '../wire/envelope.js'
import { AntiEntropy, checkStateRequest } from './anti-entropy.js'
import { PARALLEL_REQUESTS, transferWindowFor } from './constants.js'
import { createLogger } from '../logging.js'
import { randomNonce } from '../algo/nonce.js'
import type { Clock } from '../algo/clock.js'
import type { PeerIdentity } from '../identity/index.js'
import type { Multiaddr } from '@multiformats/multiaddr'
import { Counter, type Registry } from 'prom-client'

const Tag = gossip.GossipMessage.Tag

/** A channel peer with its height, as StateInfo tells it. */
export interface TransferPeer {
  readonly pkiId: Uint8Array
  readonly pkiIdHex: string
  readonly height: bigint
  readonly remote: { pkiId: Uint8Array, endpoint?: Multiaddr }
}

/** What state transfer needs of the rest of the node. */
export interface StateTransferPorts {
  send(msg: SignedMessage, ...peers: Array<{ pkiId?: Uint8Array, endpoint?: Multiaddr }>): void
  subscribe(predicate: (m: ReceivedState) => boolean, handler: (m: ReceivedState) => void | Promise<void>): () => void
  /** Alive members of the channel with their StateInfo heights. */
  peers(channel: string): TransferPeer[]
  isOrgInChannel(channel: string, mspId: string): boolean
  height(channel: string): bigint | undefined
  getRange(channel: string, start: bigint, count: number): Promise<Uint8Array[]>
  /** Takes in a response's blocks; one outcome per block, in order (a refused block's reason in its error). */
  addPayloads(channel: string, payloads: ReadonlyArray<{ seq: bigint, bytes: Uint8Array }>, origin: 'transfer'): Promise<Array<PromiseSettledResult<'committed' | 'buffered' | 'duplicate'>>>
}

export interface ReceivedState {
  readonly message: gossip.GossipMessage
  readonly kind: string
  readonly sender: { readonly pkiIdHex: string, readonly identity: PeerIdentity }
  respond(msg: SignedMessage): Promise<void>
}

export interface StateTransferInit {
  ports: StateTransferPorts
  clock: Clock
  /** @default true (Fabric 2.2+: false) */
  enabled: boolean
  checkInterval: number
  responseTimeout: number
  batchSize: number
  maxRetries: number
  blockBufferSize: number
  /**
   * Requests of `batchSize` blocks in flight at once, over consecutive ranges, spread over the peers whose
   * height covers them; 1: Fabric's one at a time. @default 1
   */
  parallelRequests?: number
  registry?: Registry
}

interface Pending { channel: string, peer: string, start: bigint, end: bigint, at: number, /** asked by fillGap, not by the engine */ direct?: boolean }

/** Requests older than this are forgotten (their responses ignored). */
const PENDING_TTL_FACTOR = 4

export class StateTransfer {
  private readonly init: StateTransferInit
  private readonly log = createLogger('state')
  private readonly engines = new Map<string, AntiEntropy>()
  private readonly pending = new Map<bigint, Pending>()
  private readonly peerCache = new Map<string, { peers: TransferPeer[], heights: Array<{ id: string, height: bigint }> }>()
  private readonly dropped?: Counter<'reason'>
  private unsubscribes: Array<() => void> = []
  private running = false
  private readonly parallel: number
  private readonly transferWindow: number

  constructor (init: StateTransferInit) {
    this.init = init
    this.parallel = Number.isSafeInteger(init.parallelRequests) && (init.parallelRequests as number) >= 1 ? init.parallelRequests as number : PARALLEL_REQUESTS
    this.transferWindow = transferWindowFor(init.blockBufferSize, init.batchSize, this.parallel)
    if (init.registry != null) {
      this.dropped = new Counter({ name: 'gossip_state_dropped_messages', help: 'State transfer requests and responses dropped, by reason', labelNames: ['reason'], registers: [init.registry] })
    }
  }

  start (): void {
    this.running = true
    const { ports } = this.init
    this.unsubscribes.push(
      ports.subscribe(m => m.kind === 'stateRequest', async m => { await this.onRequest(m) }),
      ports.subscribe(m => m.kind === 'stateResponse', async m => { await this.onResponse(m) })
    )
    for (const e of this.engines.values()) e.start()
  }

  stop (): void {
    this.running = false
    for (const u of this.unsubscribes.splice(0)) u()
    for (const e of this.engines.values()) e.stop()
    this.pending.clear()
  }

  /** Starts catching up a channel (after join). */
  addChannel (channel: string): void {
    if (!this.init.enabled || this.engines.has(channel)) return
    const engine = new AntiEntropy({
      selfHeight: () => this.init.ports.height(channel) ?? 0n,
      peers: () => this.channelPeers(channel).heights,
      request: (peer, start, end) => { this.request(channel, peer, start, end) }
    }, {
      clock: this.init.clock,
      checkInterval: this.init.checkInterval,
      responseTimeout: this.init.responseTimeout,
      batchSize: this.init.batchSize,
      maxRetries: this.init.maxRetries,
      parallel: this.parallel,
      transferWindow: this.transferWindow,
      onError: (err, op) => { this.log.debug(`state transfer ${op} failed: ${(err as Error).message}`) }
    })
    this.engines.set(channel, engine)
    if (this.running) engine.start()
  }

  /** The channel gossips blocks beyond what this peer can buffer: check the heights now, not at the next tick. */
  catchUpNow (channel: string): void {
    this.engines.get(channel)?.catchUpNow()
  }

  /**
   * Asks `peerHex` (a same-org channel peer that just sent us a later block, so likely holds these) for the
   * blocks `start..end` at once: the gap fast path, outside the anti-entropy rounds. At most `batchSize`
   * blocks; the response's blocks are taken in like any.
   */
  fillGap (channel: string, peerHex: string, start: bigint, end: bigint): void {
    if (!this.running || !this.engines.has(channel) || end < start) return
    const last = end - start >= BigInt(this.init.batchSize) ? start + BigInt(this.init.batchSize) - 1n : end
    this.request(channel, peerHex, start, last, true)
  }

  /** The ledger of a channel grew (a commit). */
  heightChanged (channel: string): void {
    this.engines.get(channel)?.heightChanged()
  }

  /**
   * The channel's peers, asked of the node once per synchronous run (forgotten at the next microtask): one
   * step of the engine sends several requests, each picking a peer and then needing its address.
   */
  private channelPeers (channel: string): { peers: TransferPeer[], heights: Array<{ id: string, height: bigint }> } {
    let entry = this.peerCache.get(channel)
    if (entry === undefined) {
      const peers = this.init.ports.peers(channel)
      entry = { peers, heights: peers.map(p => ({ id: p.pkiIdHex, height: p.height })) }
      if (this.peerCache.size === 0) queueMicrotask(() => { this.peerCache.clear() })
      this.peerCache.set(channel, entry)
    }
    return entry
  }

  private request (channel: string, peerHex: string, start: bigint, end: bigint, direct = false): void {
    const peer = this.channelPeers(channel).peers.find(p => p.pkiIdHex === peerHex)
    if (peer == null) return
    const nonce = randomNonce()
    this.expirePending()
    this.pending.set(nonce, { channel, peer: peerHex, start, end, at: this.init.clock.now(), direct })
    this.init.ports.send(seal({
      nonce,
      channel: new TextEncoder().encode(channel) as Uint8Array<ArrayBuffer>,
      tag: Tag.CHAN_OR_ORG,
      stateRequest: { startSeqNum: start, endSeqNum: end }
    }), peer.remote)
  }

  private expirePending (): void {
    const limit = this.init.clock.now() - PENDING_TTL_FACTOR * this.init.responseTimeout
    for (const [nonce, p] of this.pending) if (p.at < limit) this.pending.delete(nonce)
  }

  private async onRequest (m: ReceivedState): Promise<void> {
    const req = m.message.stateRequest
    const channel = new TextDecoder().decode(m.message.channel)
    const height = this.init.ports.height(channel)
    if (req == null || height == null) { this.drop('unknown-channel'); return }
    if (!this.init.ports.isOrgInChannel(channel, m.sender.identity.mspId)) {
      this.drop('not-member')
      this.log.debug(`state request for ${channel} from ${m.sender.pkiIdHex.slice(0, 16)} of ${m.sender.identity.mspId}, not of the channel: refused`)
      return
    }
    const check = checkStateRequest(req.startSeqNum, req.endSeqNum, this.init.batchSize, height)
    let payloads: gossip.Payload[] = []
    if (check.ok) {
      let blocks: Uint8Array[]
      try {
        blocks = await this.init.ports.getRange(channel, req.startSeqNum, Number(check.end - req.startSeqNum + 1n))
      } catch (err) {
        this.drop('store-error')
        this.log.debug(`state request for ${channel} ${req.startSeqNum}-${req.endSeqNum}: blocks not read: ${(err as Error).message}`)
        return
      }
      payloads = blocks.map((data, i) => ({ seqNum: req.startSeqNum + BigInt(i), data: data as Uint8Array<ArrayBuffer>, privateData: [] }))
    } else if (check.reason !== 'beyond-height') {
      this.drop(`bad-range-${check.reason}`)
      return
    }
    m.respond(seal({ nonce: m.message.nonce, channel: m.message.channel, tag: Tag.CHAN_OR_ORG, stateResponse: { payloads } })).catch(err => {
      this.log.debug(`state response to ${m.sender.pkiIdHex.slice(0, 16)} failed: ${(err as Error).message}`)
    })
  }

  private async onResponse (m: ReceivedState): Promise<void> {
    const res = m.message.stateResponse
    const pending = this.pending.get(m.message.nonce)
    if (res == null || pending == null || pending.peer !== m.sender.pkiIdHex) { this.drop('unexpected-response'); return }
    this.pending.delete(m.message.nonce)
    const engine = this.engines.get(pending.channel)
    if (engine == null) return
    let highest: bigint | undefined
    let failed = res.payloads.length === 0
    // all the blocks are handed over at once: verified together (as a chain) while the ledger commits the
    // ones before, and committed together
    const asked = res.payloads.filter(p => p.seqNum >= pending.start && p.seqNum <= pending.end)
    if (asked.length < res.payloads.length) failed = true
    let outcomes: Array<PromiseSettledResult<unknown>>
    try {
      outcomes = await this.init.ports.addPayloads(pending.channel, asked.map(p => ({ seq: p.seqNum, bytes: p.data })), 'transfer')
    } catch (err) {
      outcomes = asked.map(() => ({ status: 'rejected', reason: err }))
    }
    outcomes.forEach((o, i) => {
      if (o.status === 'fulfilled') {
        const seq = asked[i].seqNum
        highest = highest == null || seq > highest ? seq : highest
        return
      }
      failed = true
      this.drop((o.reason as { reason?: string }).reason ?? 'refused')
    })
    if (pending.direct === true) return // a gap request: the engine did not ask for it
    if (failed || highest == null) engine.onFailure(pending.peer, pending.start, pending.end)
    else engine.onResponse(pending.peer, pending.start, pending.end, highest)
  }

  private drop (reason: string): void {
    this.dropped?.inc({ reason })
  }
}
