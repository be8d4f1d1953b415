/**
 * Block push over libp2p gossipsub (`peer.gossip.dissemination: gossipsub`), the alternative to Fabric's push
 * (`block-push.ts`) that users of libp2p would pick. Each channel's blocks travel, for each org, on a topic of
 * their own; what travels is the same Fabric `GossipMessage` (a `DataMessage`, tag CHAN_AND_ORG) that Fabric
 * mode pushes. The rules are Fabric mode's:
 *
 *   outbound  gossipsub sends only to peers whose score is not negative; a peer scores positive only when its
 *             signed handshake proved an identity of my org and it is an alive member of every joined channel
 *             whose topic it subscribes to (StateInfo published, not left). Anyone else (not handshaken,
 *             another org, a non-member subscribing to a channel's topic) scores far below gossipsub's
 *             graylist threshold: it is never grafted, published or forwarded to, and its RPCs are ignored
 *   inbound   the topic validator accepts a message only from such a peer, of the topic's channel, that
 *             decodes to a DataMessage for that channel and whose block verifies (orderer signature, data
 *             hash, number, chain link when it is the next block); a block already held is ignored (not
 *             forwarded), anything else rejected (gossipsub penalises the sender)
 *
 * An accepted block is forwarded by gossipsub before it is handed to the ledger (as Fabric mode forwards
 * before it commits). The topic name is a hash of the channel and org (`fabric-blocks/<sha256 hex>`): the
 * subscriptions gossipsub announces to every connected peer do not name channels to other orgs.
 *
 * Scores are computed afresh each time gossipsub asks (its one-heartbeat cache is turned off: it grafts a peer
 * the moment the peer subscribes, and a score from before the subscription would let a non-member in). This
 * and reading its subscription map are the only uses of gossipsub internals here, each guarded.
 */
import { createHash } from 'node:crypto'
import { TopicValidatorResult, type GossipSub, type Message } from '@libp2p/gossipsub'
import { Counter, type Registry } from 'prom-client'
import { gossip } from '../pb/gossip.js'
import { createLogger } from '../logging.js'
import { GapWatch, type BlockTakeInPorts } from './gap-watch.js'
import type { Clock } from '../algo/clock.js'
import type { PeerId } from '@libp2p/interface'
import type { common } from '../pb/common.js'

const Tag = gossip.GossipMessage.Tag

/** Score given to a peer that may receive blocks, and to one that may not (x appSpecificWeight 10). */
export const SCORE_ALLOWED = 1
export const SCORE_BARRED = -1_000_000

/** What gossipsub dissemination needs of the rest of the node. */
export interface BlockGossipsubPorts extends BlockTakeInPorts {
  /** My org's MSP id. */
  mspId: string
  /** The PKI-ID (hex) and org of the peer whose handshake proved this PeerId, if connected. */
  identify(peerId: string): { pkiIdHex: string, mspId: string } | undefined
  /** Whether the peer (PKI-ID hex) is an alive member of a joined channel (StateInfo published, not left). */
  isChannelMember(channel: string, pkiIdHex: string): boolean
}

export interface BlockGossipsubInit {
  pubsub: GossipSub
  ports: BlockGossipsubPorts
  clock: Clock
  /** ms; see `peer.gossip.gapRequestDelay`. 0: never. @default 0 */
  gapRequestDelay?: number
  /** false: blocks taken in are not published (`peer.gossip.propagateIterations: 0`, as in Fabric mode). @default true */
  publish?: boolean
  registry?: Registry
}

/** The topic of a channel's blocks for one org. */
export function blockTopic (channel: string, mspId: string): string {
  return 'fabric-blocks/' + createHash('sha256').update(channel).update('\0').update(mspId).digest('hex')
}

/**
 * Holds the scoring function gossipsub is created with (before the node that decides scores exists): bars
 * every peer until {@link BlockGossipsub} takes over.
 */
export class ScoreGate {
  private fn: (peerId: string) => number = () => SCORE_BARRED
  readonly score = (peerId: string): number => this.fn(peerId)
  set (fn: (peerId: string) => number): void { this.fn = fn }
}

interface Verified { channel: string, seq: bigint, data: Uint8Array, block: common.Block }

export class BlockGossipsub {
  private readonly init: BlockGossipsubInit
  private readonly log = createLogger('blocks')
  private readonly received?: Counter<'result'>
  /** channel -> topic, and back */
  private readonly topics = new Map<string, string>()
  private readonly channelOf = new Map<string, string>()
  /** what the validator verified, for the message handler (same bytes object) */
  private readonly verified = new WeakMap<Uint8Array, Verified>()
  private readonly gaps: GapWatch
  private running = false
  private readonly onMessage = (evt: CustomEvent<{ propagationSource: PeerId, msg: Message }>): void => { this.take(evt.detail.propagationSource, evt.detail.msg) }

  constructor (init: BlockGossipsubInit, gate: ScoreGate) {
    this.init = init
    this.gaps = new GapWatch({ clock: init.clock, delay: init.gapRequestDelay ?? 0, ports: init.ports, onRequest: () => { this.count('gap-request') } })
    gate.set(peerId => this.score(peerId))
    // a score must never be older than what it depends on: gossipsub grafts a peer as soon as it subscribes,
    // with the score it had before (cached for a heartbeat), so it is not cached at all
    const score = (init.pubsub as unknown as { score?: { scoreCacheValidityMs?: number } }).score
    if (score != null && typeof score.scoreCacheValidityMs === 'number') score.scoreCacheValidityMs = 0
    else this.log.info('gossipsub scores are cached: a peer\'s barring may take a heartbeat')
    if (init.registry != null) {
      this.received = new Counter({ name: 'gossip_blocks_received', help: 'Block messages received by push, by result', labelNames: ['result'], registers: [init.registry] })
    }
  }

  start (): void {
    if (this.running) return
    this.running = true
    this.init.pubsub.addEventListener('gossipsub:message', this.onMessage)
    for (const channel of this.topics.keys()) this.subscribe(channel)
  }

  stop (): void {
    if (!this.running) return
    this.running = false
    this.init.pubsub.removeEventListener('gossipsub:message', this.onMessage)
    this.gaps.stop()
    for (const channel of this.topics.keys()) this.unsubscribe(channel)
  }

  /** Starts carrying a joined channel's blocks (subscribes to its topic for my org). */
  addChannel (channel: string): void {
    if (this.topics.has(channel)) return
    const topic = blockTopic(channel, this.init.ports.mspId)
    this.topics.set(channel, topic)
    this.channelOf.set(topic, channel)
    if (this.running) this.subscribe(channel)
  }

  /** Stops carrying a channel's blocks (left). */
  removeChannel (channel: string): void {
    const topic = this.topics.get(channel)
    if (topic == null) return
    if (this.running) this.unsubscribe(channel) // gossipsub throws when it is not started
    this.topics.delete(channel)
    this.channelOf.delete(topic)
  }

  /** Publishes a block this peer took in (from the orderer); a received block is forwarded by gossipsub itself. */
  gossip (channel: string, seq: bigint, bytes: Uint8Array): void {
    const topic = this.topics.get(channel)
    if (topic == null || !this.running || this.init.publish === false) return
    const data = gossip.GossipMessage.encode({
      nonce: 0n,
      channel: new TextEncoder().encode(channel),
      tag: Tag.CHAN_AND_ORG,
      dataMsg: { payload: { seqNum: seq, data: bytes as Uint8Array<ArrayBuffer>, privateData: [] } }
    })
    this.init.pubsub.publish(topic, data).catch((err: Error) => {
      this.log.debug(`block ${seq} of ${channel} not published: ${err.message}`)
    })
  }

  /** The PeerIds in my gossipsub mesh for a channel's topic (peers I forward its blocks to). */
  meshPeers (channel: string): string[] {
    const topic = this.topics.get(channel)
    const pubsub = this.init.pubsub as unknown as { getMeshPeers?: (topic: string) => string[] }
    return topic == null || pubsub.getMeshPeers == null ? [] : pubsub.getMeshPeers(topic)
  }

  /** Nothing to forget: gossipsub tells copies apart by their bytes, so another copy of a block is new to it. */
  forget (_channel: string, _seq: bigint): void {}

  private subscribe (channel: string): void {
    const topic = this.topics.get(channel) as string
    this.init.pubsub.topicValidators.set(topic, async (peer, msg) => this.validate(peer, msg))
    this.init.pubsub.subscribe(topic)
  }

  private unsubscribe (channel: string): void {
    const topic = this.topics.get(channel) as string
    this.init.pubsub.unsubscribe(topic)
    this.init.pubsub.topicValidators.delete(topic)
  }

  /** The gossipsub score of a peer (see the module comment). */
  score (peerId: string): number {
    const who = this.init.ports.identify(peerId)
    if (who == null || who.mspId !== this.init.ports.mspId) return SCORE_BARRED
    for (const [channel, topic] of this.topics) {
      if (this.subscribes(topic, peerId) && !this.init.ports.isChannelMember(channel, who.pkiIdHex)) return SCORE_BARRED
    }
    return SCORE_ALLOWED
  }

  /** Whether a peer may exchange a channel's blocks with me: of my org, handshaken, an alive channel member. */
  private allowed (channel: string, peerId: string): { pkiIdHex: string } | undefined {
    const who = this.init.ports.identify(peerId)
    if (who == null || who.mspId !== this.init.ports.mspId || !this.init.ports.isChannelMember(channel, who.pkiIdHex)) return undefined
    return who
  }

  /** Whether a peer subscribes to a topic (gossipsub's own map when it has one: this runs on every score). */
  private subscribes (topic: string, peerId: string): boolean {
    const topics = (this.init.pubsub as unknown as { topics?: Map<string, Set<string>> }).topics
    if (topics instanceof Map) return topics.get(topic)?.has(peerId) === true
    return this.init.pubsub.getSubscribers(topic).some(p => p.toString() === peerId)
  }

  private validate (peer: PeerId, msg: Message): TopicValidatorResult {
    const channel = this.channelOf.get(msg.topic)
    if (channel == null) return TopicValidatorResult.Ignore
    if (this.allowed(channel, peer.toString()) == null) return this.refuse('not-member', TopicValidatorResult.Reject)
    let message: gossip.GossipMessage
    try {
      message = gossip.GossipMessage.decode(msg.data)
    } catch {
      return this.refuse('malformed', TopicValidatorResult.Reject)
    }
    const payload = message.dataMsg?.payload
    if (payload == null || new TextDecoder().decode(message.channel) !== channel || message.tag !== Tag.CHAN_AND_ORG) {
      return this.refuse('malformed', TopicValidatorResult.Reject)
    }
    const { seqNum: seq, data } = payload
    if (this.init.ports.isDuplicate(channel, seq)) return this.refuse('duplicate', TopicValidatorResult.Ignore)
    let block: common.Block
    try {
      block = this.init.ports.check(channel, seq, data)
    } catch (err) {
      this.log.debug(`block ${seq} of ${channel} from ${peer.toString()} refused: ${(err as Error).message}`)
      return this.refuse((err as { reason?: string }).reason ?? 'refused', TopicValidatorResult.Reject)
    }
    this.verified.set(msg.data, { channel, seq, data, block })
    return TopicValidatorResult.Accept
  }

  private refuse (reason: string, result: TopicValidatorResult): TopicValidatorResult {
    this.count(reason)
    return result
  }

  /** An accepted block: to the ledger once gossipsub has forwarded it (it forwards right after this event). */
  private take (from: PeerId, msg: Message): void {
    const v = this.verified.get(msg.data)
    if (v == null || !this.running) return
    this.verified.delete(msg.data)
    const sender = this.init.ports.identify(from.toString())?.pkiIdHex
    queueMicrotask(() => { void this.commit(v, sender) })
  }

  private async commit (v: Verified, sender: string | undefined): Promise<void> {
    try {
      const result = await this.init.ports.takeIn(v.channel, v.seq, v.data, v.block)
      this.count(result)
      if (result === 'buffered' && sender != null && this.running) this.gaps.watch(v.channel, v.seq, sender)
    } catch (err) {
      const reason = (err as { reason?: string }).reason ?? 'refused'
      this.count(reason)
      if (reason === 'too-far') this.init.ports.behind(v.channel)
    }
  }

  private count (result: string): void {
    this.received?.inc({ result })
  }
}
