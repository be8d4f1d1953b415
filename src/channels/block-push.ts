/**
 * Block push (Fabric gossipBatch for data messages): a block taken in from the orderer, or received new from
 * a peer, is sent as a `DataMessage` through the batching emitter to `propagatePeerNum` peers of my org that
 * are members of the channel (published StateInfo, not left) — never back to the peer it came from. A block
 * is forwarded once, on first receipt: a duplicate is not forwarded again. Blocks are not gossip-signed:
 * the orderer's signatures in their metadata authenticate them (checked before a block is taken in).
 *
 * Block pull and state transfer, for what push misses, come next.
 */
import { gossip } from '../pb/gossip.js'
import { seal, type SignedMessage } from '../wire/envelope.js'
import { selectPeers, type RoutingFilter } from '../filter/index.js'
import { BatchingEmitter } from '../algo/batcher.js'
import { createLogger } from '../logging.js'
import { Counter, type Registry } from 'prom-client'
import type { Clock } from '../algo/clock.js'
import type { NetworkMember } from '../membership/index.js'
import type { PeerIdentity } from '../identity/index.js'
import type { Multiaddr } from '@multiformats/multiaddr'

const Tag = gossip.GossipMessage.Tag

/** What block push needs of the rest of the node. */
export interface BlockPushPorts {
  send(msg: SignedMessage, ...peers: Array<{ pkiId?: Uint8Array, endpoint?: Multiaddr }>): void
  subscribe(predicate: (m: ReceivedBlock) => boolean, handler: (m: ReceivedBlock) => void | Promise<void>): () => void
  members(): NetworkMember[]
  remotePeerOf(m: NetworkMember): { pkiId: Uint8Array, endpoint?: Multiaddr }
  /** CHAN_AND_ORG routing of a channel: members of my org in the channel. */
  routingFilter(channel: string, tag: gossip.GossipMessage.Tag): RoutingFilter
  /** Whether an org is one of a joined channel's orgs. */
  isOrgInChannel(channel: string, mspId: string): boolean
  /** Takes a block in (verification, in-order commit). */
  addPayload(channel: string, seq: bigint, bytes: Uint8Array): Promise<'committed' | 'buffered' | 'duplicate'>
}

/** A received message as block push sees it. */
export interface ReceivedBlock {
  readonly message: gossip.GossipMessage
  readonly kind: string
  readonly sender: { readonly pkiIdHex: string, readonly identity: PeerIdentity }
}

export interface BlockPushInit {
  ports: BlockPushPorts
  clock: Clock
  propagatePeerNum: number
  propagateIterations: number
  maxPropagationBurstSize: number
  maxPropagationBurstLatency: number
  registry?: Registry
  random?: () => number
}

export class BlockPush {
  private readonly init: BlockPushInit
  private readonly log = createLogger('blocks')
  private readonly emitter: BatchingEmitter<{ msg: SignedMessage, channel: string, except?: string }>
  private readonly received?: Counter<'result'>
  private unsubscribe: (() => void) | undefined

  constructor (init: BlockPushInit) {
    this.init = init
    this.emitter = new BatchingEmitter({
      burstSize: init.maxPropagationBurstSize,
      latency: init.maxPropagationBurstLatency,
      iterations: init.propagateIterations,
      clock: init.clock,
      emit: batch => { for (const b of batch) this.push(b.msg, b.channel, b.except) }
    })
    if (init.registry != null) {
      this.received = new Counter({ name: 'gossip_blocks_received', help: 'Block messages received by push, by result', labelNames: ['result'], registers: [init.registry] })
    }
  }

  start (): void {
    this.emitter.start()
    this.unsubscribe = this.init.ports.subscribe(m => m.kind === 'dataMsg', m => this.onBlock(m))
  }

  stop (): void {
    this.unsubscribe?.()
    this.unsubscribe = undefined
    this.emitter.stop()
  }

  /** Gossips a block this peer took in (from the orderer, or new from `except`). */
  gossip (channel: string, seq: bigint, bytes: Uint8Array, except?: string): void {
    const msg = seal({
      channel: new TextEncoder().encode(channel) as Uint8Array<ArrayBuffer>,
      tag: Tag.CHAN_AND_ORG,
      dataMsg: { payload: { seqNum: seq, data: bytes as Uint8Array<ArrayBuffer>, privateData: [] } }
    })
    this.emitter.add({ msg, channel, except })
  }

  private push (msg: SignedMessage, channel: string, except?: string): void {
    const route = this.init.ports.routingFilter(channel, Tag.CHAN_AND_ORG)
    const pool = this.init.ports.members().filter(m => m.pkiIdHex !== except && route(m))
    for (const peer of selectPeers(this.init.propagatePeerNum, pool, () => true, this.init.random)) {
      this.init.ports.send(msg, this.init.ports.remotePeerOf(peer))
    }
  }

  private async onBlock (m: ReceivedBlock): Promise<void> {
    const payload = m.message.dataMsg?.payload
    const channel = new TextDecoder().decode(m.message.channel)
    if (payload == null) { this.count('malformed'); return }
    if (!this.init.ports.isOrgInChannel(channel, m.sender.identity.mspId)) {
      this.count('not-member')
      this.log.debug(`block ${payload.seqNum} of ${channel} from ${m.sender.pkiIdHex.slice(0, 16)} (${m.sender.identity.mspId}), not of the channel: dropped`)
      return
    }
    let result: 'committed' | 'buffered' | 'duplicate'
    try {
      result = await this.init.ports.addPayload(channel, payload.seqNum, payload.data)
    } catch (err) {
      this.count((err as { reason?: string }).reason ?? 'refused')
      this.log.debug(`block ${payload.seqNum} of ${channel} from ${m.sender.pkiIdHex.slice(0, 16)} refused: ${(err as Error).message}`)
      return
    }
    this.count(result)
    if (result !== 'duplicate') this.gossip(channel, payload.seqNum, payload.data, m.sender.pkiIdHex)
  }

  private count (result: string): void {
    this.received?.inc({ result })
  }
}
