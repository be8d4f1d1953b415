/**
 * Block push (Fabric gossipBatch for data messages): a block taken in from the orderer, or received new from
 * a peer, is sent as a `DataMessage` through the batching emitter to `propagatePeerNum` peers of my org that
 * are members of the channel (published StateInfo, not left) — never back to the peer it came from. A block
 * is forwarded once, on first receipt: a duplicate is not forwarded again. Blocks are not gossip-signed:
 * the orderer's signatures in their metadata authenticate them.
 *
 * As Fabric's gossip channel, a received block is verified, then forwarded, then handed to the ledger: a
 * peer whose ledger lags (the block is too far ahead of its height to buffer) still relays every valid block
 * it hears first, so one slow committer does not cut the push tree; it asks for the gap at once instead of
 * at its next anti-entropy tick.
 *
 * Announcements (ours, `announceWait` > 0): random push with forward-once misses about e^-propagatePeerNum of
 * the peers (5% with 3), which Fabric leaves to the next pull round. The peer that took a block in from the
 * orderer therefore also sends the peers it did not push to a `DataDigest` of the block (nonce 0, BLOCK_MSG:
 * a hundred bytes; Fabric's pull ignores a digest it did not ask for). A peer that still lacks the block
 * `announceWait` after the announcement (or twice the lag it usually sees between an announcement and the push,
 * when longer: a 1 MB block takes longer per hop) asks its announcer for it (a state request of that block).
 *
 * Flooding (ours, `floodMaxBytes` > 0, with announcements on): a block taken in from the orderer whose size
 * times the number of its channel peers in my org is at most `floodMaxBytes` goes to all of them at once (one
 * hop for everyone, as gossipsub's flood publish), marked by the GossipMessage nonce {@link FLOODED} (Fabric
 * sets no nonce on a block, and ignores it). A peer of ours that receives a flooded block does not forward it
 * (everyone has had a copy): it announces it to `propagatePeerNum` peers instead, so that a peer the origin
 * could not reach still learns of it and asks. A Fabric peer forwards it as any block. Bigger blocks go down
 * the relay tree (below), or Fabric's push when that is off: one sender's link would carry every copy.
 *
 * Relay tree (ours, `treePush`, with announcements on): a bigger block taken in from the orderer goes down a
 * tree its origin lays out over its org's channel peers instead of Fabric's random push (which sends every
 * peer about `propagatePeerNum` copies): the origin shuffles them, cuts them into `propagatePeerNum` parts,
 * and sends each part's first peer the block (nonce {@link TREE}) and the rest of its part (a `DataDigest`,
 * nonce {@link RELAY}: the block number, then the PKI-IDs); each does the same with its part, forwarding
 * before committing. One copy per peer, a depth of log base `propagatePeerNum` of N. The origin still
 * announces the block to every peer it did not send it to: a part cut off by a dead or slow peer asks for it.
 * A peer passes the parts down as soon as its own arrives, ahead of the block (they are small; the block takes
 * a while at each hop): a peer that has its part knows the block is on its way and, its announcement's wait
 * over, waits once more (20 x `announceWait`) before asking the origin. The block and its part travel on
 * different streams: whichever arrives second completes the pair. A Fabric peer forwards such a block as any
 * other and ignores the digest.
 */
import { gossip } from '../pb/gossip.js'
import { seal, type SignedMessage } from '../wire/envelope.js'
import { selectPeers, type RoutingFilter } from '../filter/index.js'
import { BatchingEmitter } from '../algo/batcher.js'
import { GapWatch, type BlockTakeInPorts } from './gap-watch.js'
import { createLogger } from '../logging.js'
import { Counter, type Registry } from 'prom-client'
import type { Clock } from '../algo/clock.js'
import type { NetworkMember } from '../membership/index.js'
import { pkiIdToHex, type PeerIdentity } from '../identity/index.js'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { common } from '../pb/common.js'

const Tag = gossip.GossipMessage.Tag

/** What block push needs of the rest of the node. */
export interface BlockPushPorts extends BlockTakeInPorts {
  send(msg: SignedMessage, ...peers: Array<{ pkiId?: Uint8Array, endpoint?: Multiaddr }>): void
  subscribe(predicate: (m: ReceivedBlock) => boolean, handler: (m: ReceivedBlock) => void | Promise<void>): () => void
  members(): readonly NetworkMember[]
  remotePeerOf(m: NetworkMember): { pkiId: Uint8Array, endpoint?: Multiaddr }
  /** CHAN_AND_ORG routing of a channel: members of my org in the channel. */
  routingFilter(channel: string, tag: gossip.GossipMessage.Tag): RoutingFilter
  /** Whether an org is one of a joined channel's orgs. */
  isOrgInChannel(channel: string, mspId: string): boolean
}

/** How a node pushes blocks: Fabric's push (this module) or gossipsub (`block-gossipsub.ts`). */
export interface BlockDissemination {
  start(): void
  stop(): void
  /** Starts / stops carrying a channel's blocks. */
  addChannel(channel: string): void
  removeChannel(channel: string): void
  /** Pushes a block this peer took in (from the orderer, or new from the peer `except`). */
  gossip(channel: string, seq: bigint, bytes: Uint8Array, except?: string): void
  /** Forgets a block number whose block could not be committed, so that another copy is taken. */
  forget(channel: string, seq: bigint): void
}

/** The GossipMessage nonce of a block its origin sent to every channel peer of its org ("FLOOD"). */
export const FLOODED = 0x464c4f4f44n

/** The GossipMessage nonce of a block sent down its origin's relay tree ("TREE"): its part follows as a {@link RELAY} digest. */
export const TREE = 0x54524545n
/** The `DataDigest` nonce of the part of a relay tree a peer sends a block on to ("RELAY"). */
export const RELAY = 0x52454c4159n

/** Block numbers seen per channel, for forward-once (bounded, oldest forgotten first). */
const SEEN_PER_CHANNEL = 1024
/** Announced blocks awaited at once, all channels (more are ignored: pull and state transfer remain). */
const MAX_AWAITED = 1024
/** Relay-tree blocks held until their part arrives (the part is sent first: rarely more than one). */
const MAX_HELD = 8
/** PKI-IDs in a relay digest (a part of the org's channel peers) and the size of one. */
const MAX_PART = 10_000
const MAX_PKI_ID = 64

/** A block on its way out: to `propagatePeerNum` peers but `except` (or down the relay tree, from its origin). */
interface Outgoing { msg: SignedMessage, channel: string, except?: string }

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
  /** Flush a message that finds the emitter idle at once (`peer.gossip.eagerFlush`). @default false (Fabric) */
  eagerFlush?: boolean
  /** ms; a gap before a received block still open this long after it arrived calls `gap`; 0: never. @default 0 */
  gapRequestDelay?: number
  /** ms; announce blocks taken in to the peers not pushed to, who ask for one still missing this long after; 0: off. @default 0 */
  announceWait?: number
  /** bytes; flood a block taken in when its size x the peers to reach is at most this (needs `announceWait`); 0: never. @default 0 */
  floodMaxBytes?: number
  /** Send a block taken in that is not flooded down a relay tree (needs `announceWait`); false: random push. @default false */
  treePush?: boolean
  registry?: Registry
  random?: () => number
}

export class BlockPush implements BlockDissemination {
  private readonly init: BlockPushInit
  private readonly log = createLogger('blocks')
  private readonly emitter: BatchingEmitter<Outgoing>
  private readonly received?: Counter<'result'>
  private unsubscribe: (() => void) | undefined
  private readonly seen = new Map<string, Set<bigint>>()
  /** Per channel: the gap timer armed, and the block whose predecessors it waits for. */
  private readonly gaps: GapWatch
  /** Announced blocks awaited: `channel/seq` -> the timer that asks the announcer. */
  private readonly awaited = new Map<string, unknown>()
  /** When each announced block was announced, until its push copy arrives (bounded like `awaited`). */
  private readonly announcedAt = new Map<string, number>()
  /** How late push brings an announced block, smoothed (ms): big blocks travel slower than `announceWait`. */
  private pushLag = 0
  /** The longest recent lag of push behind an announcement (ms), decaying by a tenth a block. */
  private peakLag = 0
  /** Relay-tree blocks whose part has not arrived: `channel/seq` -> the block's bytes. */
  private readonly held = new Map<string, Uint8Array>()
  /** Relay-tree parts received: `channel/seq` -> the peers the block goes on to (its parts passed on already), null once sent. */
  private readonly parts = new Map<string, NetworkMember[] | null>()

  constructor (init: BlockPushInit) {
    this.init = init
    this.emitter = new BatchingEmitter({
      burstSize: init.maxPropagationBurstSize,
      latency: init.maxPropagationBurstLatency,
      eager: init.eagerFlush,
      iterations: init.propagateIterations,
      clock: init.clock,
      emit: batch => { for (const b of batch) this.push(b) }
    })
    this.gaps = new GapWatch({ clock: init.clock, delay: init.gapRequestDelay ?? 0, ports: init.ports, onRequest: () => { this.count('gap-request') } })
    if (init.registry != null) {
      this.received = new Counter({ name: 'gossip_blocks_received', help: 'Block messages received by push, by result', labelNames: ['result'], registers: [init.registry] })
    }
  }

  start (): void {
    this.emitter.start()
    const unsubscribeBlocks = this.init.ports.subscribe(m => m.kind === 'dataMsg', m => this.onBlock(m))
    const digest = (nonce: bigint) => (m: ReceivedBlock): boolean => m.kind === 'dataDig' && m.message.dataDig?.nonce === nonce && m.message.dataDig.msgType === gossip.PullMsgType.BLOCK_MSG
    const announcing = (this.init.announceWait ?? 0) > 0
    const unsubscribeAnnounce = announcing ? this.init.ports.subscribe(digest(0n), m => { this.onAnnounce(m) }) : () => {}
    const unsubscribeRelay = announcing && this.init.treePush === true ? this.init.ports.subscribe(digest(RELAY), m => { this.onRelay(m) }) : () => {}
    this.unsubscribe = () => { unsubscribeBlocks(); unsubscribeAnnounce(); unsubscribeRelay() }
  }

  stop (): void {
    this.unsubscribe?.()
    this.unsubscribe = undefined
    this.emitter.stop()
    this.seen.clear()
    this.gaps.stop()
    for (const t of this.awaited.values()) this.init.clock.clearTimeout(t)
    this.awaited.clear()
    this.announcedAt.clear()
    this.held.clear()
    this.parts.clear()
  }

  /** Channels need no setup: a block's channel is routed by the channel service. */
  addChannel (_channel: string): void {}

  removeChannel (channel: string): void {
    this.seen.delete(channel)
  }

  /** Forgets a block number (its block could not be committed), so that another copy is taken and forwarded. */
  forget (channel: string, seq: bigint): void {
    this.seen.get(channel)?.delete(seq)
  }

  /** Notes a block number of a channel as seen; false when it was seen already. */
  private markSeen (channel: string, seq: bigint): boolean {
    let set = this.seen.get(channel)
    if (set == null) { set = new Set(); this.seen.set(channel, set) }
    if (set.has(seq)) return false
    set.add(seq)
    if (set.size > SEEN_PER_CHANNEL) set.delete(set.values().next().value as bigint)
    return true
  }

  /** Gossips a block this peer took in (from the orderer, or new from `except`). */
  gossip (channel: string, seq: bigint, bytes: Uint8Array, except?: string): void {
    const msg = seal({
      nonce: except == null ? this.originNonce(channel, bytes.length) : 0n,
      channel: new TextEncoder().encode(channel) as Uint8Array<ArrayBuffer>,
      tag: Tag.CHAN_AND_ORG,
      dataMsg: { payload: { seqNum: seq, data: bytes as Uint8Array<ArrayBuffer>, privateData: [] } }
    })
    this.emitter.add({ msg, channel, except })
  }

  /** The channel peers of my org a block may be pushed to (all but `except`). */
  private pool (channel: string, except?: string): NetworkMember[] {
    const route = this.init.ports.routingFilter(channel, Tag.CHAN_AND_ORG)
    return this.init.ports.members().filter(m => m.pkiIdHex !== except && route(m))
  }

  /** How a block of `size` bytes taken in now travels (see the module's comment): flooded, down a relay tree, or pushed (0). */
  private originNonce (channel: string, size: number): bigint {
    if ((this.init.announceWait ?? 0) <= 0) return 0n
    const budget = this.init.floodMaxBytes ?? 0
    if (budget > 0 && size <= budget && size * this.pool(channel).length <= budget) return FLOODED
    return this.init.treePush === true ? TREE : 0n
  }

  private push ({ msg, channel, except }: Outgoing): void {
    const pool = this.pool(channel, except)
    const seq = msg.message.dataMsg?.payload?.seqNum
    if (seq != null && msg.message.nonce === TREE && except == null) {
      const heads = this.passParts(msg.message.channel, seq, pool, selectPeers(pool.length, pool, () => true, this.init.random).map(p => p.pkiIdHex))
      for (const head of heads) this.init.ports.send(msg, this.init.ports.remotePeerOf(head))
      // the origin announces the block to all it did not send it to: a part whose first peer is gone asks
      const sent = new Set(heads.map(h => h.pkiIdHex))
      this.announce(msg.message.channel, seq, pool.filter(p => !sent.has(p.pkiIdHex)))
      return
    }
    const flooded = except == null && msg.message.nonce === FLOODED
    const chosen = flooded ? pool : selectPeers(this.init.propagatePeerNum, pool, () => true, this.init.random)
    for (const peer of chosen) this.init.ports.send(msg, this.init.ports.remotePeerOf(peer))
    if (except != null || (this.init.announceWait ?? 0) <= 0 || seq == null || chosen.length === pool.length) return
    const pushed = new Set(chosen.map(p => p.pkiIdHex))
    this.announce(msg.message.channel, seq, pool.filter(p => !pushed.has(p.pkiIdHex)))
  }

  /**
   * Cuts a relay-tree part (PKI-IDs, hex; those not among `pool`, my channel peers, are left out) into
   * `propagatePeerNum` parts and sends each part's first peer the rest of its part (a RELAY digest of block
   * `seq`) at once, before the block: the parts run down the tree ahead of it, so that every peer soon knows the
   * block is on its way. Returns the first peers: the block goes to them.
   */
  private passParts (channel: Uint8Array, seq: bigint, pool: NetworkMember[], part: string[]): NetworkMember[] {
    const byHex = new Map(pool.map(p => [p.pkiIdHex, p]))
    const known = part.map(h => byHex.get(h)).filter(p => p != null)
    const fanOut = Math.max(1, Math.min(this.init.propagatePeerNum, known.length))
    const heads: NetworkMember[] = []
    const number = new TextEncoder().encode(seq.toString()) as Uint8Array<ArrayBuffer>
    for (let i = 0, start = 0; i < fanOut && start < known.length; i++) {
      const end = start + Math.ceil((known.length - start) / (fanOut - i))
      const [head, ...rest] = known.slice(start, end)
      start = end
      this.init.ports.send(seal({
        channel: channel as Uint8Array<ArrayBuffer>,
        tag: Tag.CHAN_AND_ORG,
        dataDig: { nonce: RELAY, digests: [number, ...rest.map(p => p.pkiId as Uint8Array<ArrayBuffer>)], msgType: gossip.PullMsgType.BLOCK_MSG }
      }), this.init.ports.remotePeerOf(head))
      heads.push(head)
    }
    return heads
  }

  /** A relay-tree part: passed on at once; the block goes to the part's first peers once it is here (at once, if held). */
  private onRelay (m: ReceivedBlock): void {
    const dig = m.message.dataDig
    const channel = new TextDecoder().decode(m.message.channel)
    if (dig == null || dig.digests.length < 1 || dig.digests.length > MAX_PART + 1) { this.count('relay-malformed'); return }
    const text = new TextDecoder().decode(dig.digests[0])
    if (!/^\d{1,20}$/.test(text) || dig.digests.slice(1).some(d => d.length === 0 || d.length > MAX_PKI_ID)) { this.count('relay-malformed'); return }
    if (!this.fromChannelPeer(channel, m.sender.pkiIdHex)) { this.count('relay-not-member'); return }
    const key = `${channel}/${text}`
    if (this.parts.has(key)) { this.count('relay-duplicate'); return }
    const seq = BigInt(text)
    const heads = this.passParts(m.message.channel, seq, this.pool(channel, m.sender.pkiIdHex), dig.digests.slice(1).map(d => pkiIdToHex(d)))
    const bytes = this.held.get(key)
    if (bytes == null) { this.remember(key, heads); return }
    this.held.delete(key)
    this.sendOn(channel, seq, bytes, heads)
  }

  /** A relay-tree block arrived (verified, new): sent on to its part's first peers if the part is here, else held for it. */
  private treeBlock (channel: string, seq: bigint, data: Uint8Array): void {
    const key = `${channel}/${seq}`
    const heads = this.parts.get(key)
    if (heads === null) return
    if (heads == null) {
      if (this.held.size >= MAX_HELD) this.held.delete(this.held.keys().next().value as string)
      this.held.set(key, data)
      return
    }
    this.sendOn(channel, seq, data, heads)
  }

  private sendOn (channel: string, seq: bigint, data: Uint8Array, heads: NetworkMember[]): void {
    this.remember(`${channel}/${seq}`, null)
    if (heads.length === 0) return
    const msg = seal({
      nonce: TREE,
      channel: new TextEncoder().encode(channel) as Uint8Array<ArrayBuffer>,
      tag: Tag.CHAN_AND_ORG,
      dataMsg: { payload: { seqNum: seq, data: data as Uint8Array<ArrayBuffer>, privateData: [] } }
    })
    for (const head of heads) this.init.ports.send(msg, this.init.ports.remotePeerOf(head))
  }

  private remember (key: string, heads: NetworkMember[] | null): void {
    this.parts.delete(key)
    if (this.parts.size >= MAX_AWAITED) this.parts.delete(this.parts.keys().next().value as string)
    this.parts.set(key, heads)
  }

  /** Whether `pkiIdHex` is a member of my org in `channel` (CHAN_AND_ORG routing). */
  private fromChannelPeer (channel: string, pkiIdHex: string): boolean {
    const route = this.init.ports.routingFilter(channel, Tag.CHAN_AND_ORG)
    const from = this.init.ports.members().find(p => p.pkiIdHex === pkiIdHex)
    return from != null && route(from)
  }

  /** Sends `peers` a `DataDigest` (nonce 0, BLOCK_MSG) of block `seq`: an announcement. */
  private announce (channel: Uint8Array, seq: bigint, peers: NetworkMember[]): void {
    const announcement = seal({
      channel: channel as Uint8Array<ArrayBuffer>,
      tag: Tag.CHAN_AND_ORG,
      dataDig: { nonce: 0n, digests: [new TextEncoder().encode(seq.toString()) as Uint8Array<ArrayBuffer>], msgType: gossip.PullMsgType.BLOCK_MSG }
    })
    for (const peer of peers) this.init.ports.send(announcement, this.init.ports.remotePeerOf(peer))
  }

  /** An announced block: if push has not brought it `announceWait` later, ask the announcer. */
  private onAnnounce (m: ReceivedBlock): void {
    const dig = m.message.dataDig
    const channel = new TextDecoder().decode(m.message.channel)
    if (dig == null || dig.digests.length !== 1) { this.count('announce-malformed'); return }
    const text = new TextDecoder().decode(dig.digests[0])
    if (!/^\d{1,20}$/.test(text)) { this.count('announce-malformed'); return }
    const seq = BigInt(text)
    if (!this.fromChannelPeer(channel, m.sender.pkiIdHex)) { this.count('announce-not-member'); return }
    const key = `${channel}/${seq}`
    if (this.awaited.has(key) || this.awaited.size >= MAX_AWAITED || this.seen.get(channel)?.has(seq) === true || this.init.ports.isDuplicate(channel, seq)) return
    const ask = (extended: boolean) => (): void => {
      this.awaited.delete(key)
      if (this.seen.get(channel)?.has(seq) === true || this.init.ports.isDuplicate(channel, seq)) return
      if (!extended && this.parts.has(key)) {
        // my part of its relay tree came: the block is on its way to me; wait once more, as long as waits go
        this.awaited.set(key, this.init.clock.setTimeout(ask(true), 20 * (this.init.announceWait ?? 0)))
        return
      }
      this.count('announce-request')
      this.init.ports.gap(channel, m.sender.pkiIdHex, seq, seq)
    }
    this.awaited.set(key, this.init.clock.setTimeout(ask(false), this.announceWait()))
    if (this.announcedAt.size >= MAX_AWAITED) this.announcedAt.delete(this.announcedAt.keys().next().value as string)
    this.announcedAt.set(key, this.init.clock.now())
  }

  /**
   * `announceWait`, or when longer twice the usual lag of push behind an announcement, or a quarter more than
   * the longest recent lag (it decays by a tenth a block): a relay tree brings a block to some peers two or
   * three hops after others, so the mean alone made the deepest ask for blocks on their way (at most 20x).
   */
  private announceWait (): number {
    const base = this.init.announceWait ?? 0
    return Math.min(20 * base, Math.max(base, Math.round(2 * this.pushLag), Math.round(1.25 * this.peakLag)))
  }

  /**
   * A push copy of an announced block arrived (first, or after the block came another way): how late it is,
   * for the next waits. Learnt from every announced block, so a wait too short for the blocks' size grows
   * instead of making every announced peer ask for every block.
   */
  private pushed (channel: string, seq: bigint): void {
    const key = `${channel}/${seq}`
    const at = this.announcedAt.get(key)
    if (at == null) return
    this.announcedAt.delete(key)
    const timer = this.awaited.get(key)
    if (timer != null) { this.init.clock.clearTimeout(timer); this.awaited.delete(key) }
    const lag = this.init.clock.now() - at
    this.pushLag = this.pushLag === 0 ? lag : 0.8 * this.pushLag + 0.2 * lag
    this.peakLag = Math.max(lag, 0.9 * this.peakLag)
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
    const { seqNum: seq, data } = payload
    const ports = this.init.ports
    this.pushed(channel, seq)
    if (this.seen.get(channel)?.has(seq) === true || ports.isDuplicate(channel, seq)) { this.count('duplicate'); return }
    let block: common.Block
    try {
      block = ports.check(channel, seq, data)
    } catch (err) {
      this.count((err as { reason?: string }).reason ?? 'refused')
      this.log.debug(`block ${seq} of ${channel} from ${m.sender.pkiIdHex.slice(0, 16)} refused: ${(err as Error).message}`)
      return
    }
    if (!this.markSeen(channel, seq)) { this.count('duplicate'); return }
    if (m.message.nonce === FLOODED && (this.init.announceWait ?? 0) > 0) {
      // every peer had a copy from the origin: announce instead of forwarding, for those it could not reach
      this.announce(m.message.channel, seq, selectPeers(this.init.propagatePeerNum, this.pool(channel, m.sender.pkiIdHex), () => true, this.init.random))
    } else if (m.message.nonce === TREE && (this.init.announceWait ?? 0) > 0 && this.init.treePush === true) {
      this.treeBlock(channel, seq, data)
    } else {
      this.gossip(channel, seq, data, m.sender.pkiIdHex)
    }
    try {
      const result = await ports.takeIn(channel, seq, data, block)
      this.count(result)
      if (result === 'buffered' && this.unsubscribe != null) this.gaps.watch(channel, seq, m.sender.pkiIdHex)
    } catch (err) {
      const reason = (err as { reason?: string }).reason ?? 'refused'
      this.count(reason)
      if (reason === 'too-far') ports.behind(channel)
    }
  }

  private count (result: string): void {
    this.received?.inc({ result })
  }
}

