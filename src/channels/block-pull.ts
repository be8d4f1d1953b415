/**
 * Block pull (Fabric `gossip/gossip/pull` with BLOCK_MSG): per channel, the newest `maxBlockCountToStore`
 * blocks this peer received are offered to pull rounds every `pullInterval` with `pullPeerNum` peers of my
 * org that are members of the channel.
 *
 *   Hello(BLOCK_MSG) -> Digest(decimal seq numbers) -> Request(missing) -> Update(DataMessage envelopes)
 *
 * Fabric's digest filters: a responder answers only peers of my org with StateInfo in the channel; an
 * initiator drops digests below its ledger height. Every pulled block is verified, offered to later pull
 * rounds, and taken into the ledger (committed in order).
 */
import { gossip } from '../pb/gossip.js'
import { seal, openMessage, type SignedMessage } from '../wire/envelope.js'
import { PullEngine } from '../algo/pull.js'
import { BlockWindow } from '../state/block-window.js'
import { selectPeers, type RoutingFilter } from '../filter/index.js'
import { createLogger } from '../logging.js'
import type { Clock } from '../algo/clock.js'
import type { NetworkMember } from '../membership/index.js'
import type { PeerIdentity } from '../identity/index.js'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { common } from '../pb/common.js'

const Tag = gossip.GossipMessage.Tag
const BLOCK = gossip.PullMsgType.BLOCK_MSG

export interface BlockPullPorts {
  send(msg: SignedMessage, ...peers: Array<{ pkiId?: Uint8Array, endpoint?: Multiaddr }>): void
  subscribe(predicate: (m: ReceivedPull) => boolean, handler: (m: ReceivedPull) => void | Promise<void>): () => void
  members(): readonly NetworkMember[]
  remotePeerOf(m: NetworkMember): { pkiId: Uint8Array, endpoint?: Multiaddr }
  routingFilter(channel: string, tag: gossip.GossipMessage.Tag): RoutingFilter
  height(channel: string): bigint | undefined
  /** Verifies a block (signature, data hash, number, channel); throws a `BlockVerificationError` when refused. */
  check(channel: string, seq: bigint, bytes: Uint8Array): common.Block
  /** Takes a verified block into the ledger (in-order commit). */
  addPayload(channel: string, seq: bigint, bytes: Uint8Array, verified: common.Block): Promise<'committed' | 'buffered' | 'duplicate'>
}

export interface ReceivedPull {
  readonly message: gossip.GossipMessage
  readonly kind: string
  readonly sender: { readonly pkiIdHex: string, readonly identity: PeerIdentity }
}

export interface BlockPullInit {
  ports: BlockPullPorts
  clock: Clock
  pullInterval: number
  pullPeerNum: number
  digestWaitTime: number
  requestWaitTime: number
  responseWaitTime: number
  maxBlockCountToStore: number
  random?: () => number
}

interface ChannelPull {
  engine: PullEngine
  window: BlockWindow<Uint8Array>
}

export class BlockPull {
  private readonly init: BlockPullInit
  private readonly log = createLogger('block-pull')
  private readonly channels = new Map<string, ChannelPull>()
  private unsubscribe: (() => void) | undefined
  private running = false

  constructor (init: BlockPullInit) {
    this.init = init
  }

  start (): void {
    this.running = true
    this.unsubscribe = this.init.ports.subscribe(m => isBlockPull(m), async m => { await this.onMessage(m) })
    for (const c of this.channels.values()) c.engine.start()
  }

  stop (): void {
    this.running = false
    this.unsubscribe?.()
    this.unsubscribe = undefined
    for (const c of this.channels.values()) {
      c.engine.stop()
      c.window.stop()
    }
    this.channels.clear()
  }

  /** Starts pull rounds for a joined channel. */
  addChannel (channel: string): void {
    this.channel(channel)
  }

  /** Offers a block this peer received (from the orderer, by push or by pull) to pull rounds. */
  add (channel: string, seq: bigint, bytes: Uint8Array): void {
    const c = this.channel(channel)
    if (c.window.add(seq, bytes)) c.engine.add(seq.toString())
  }

  /** Starts a pull round for a channel now (a gap was detected), unless one is collecting digests already. */
  pullNow (channel: string): boolean {
    return this.channels.get(channel)?.engine.pullNow() ?? false
  }

  /** Stops offering a block that could not be committed (it does not chain), so that another copy is pulled. */
  forget (channel: string, seq: bigint): void {
    const c = this.channels.get(channel)
    if (c != null && c.window.remove(seq)) c.engine.remove(seq.toString())
  }

  private channel (name: string): ChannelPull {
    let c = this.channels.get(name)
    if (c != null) return c
    const { ports } = this.init
    const members = (): NetworkMember[] => {
      const route = ports.routingFilter(name, Tag.CHAN_AND_ORG)
      return ports.members().filter(route)
    }
    const target = (peerHex: string): { pkiId: Uint8Array, endpoint?: Multiaddr } | undefined => {
      const m = ports.members().find(x => x.pkiIdHex === peerHex)
      return m != null ? ports.remotePeerOf(m) : undefined
    }
    const send = (peerHex: string, content: Partial<gossip.GossipMessage>): void => {
      const to = target(peerHex)
      if (to == null) return
      ports.send(seal({ channel: new TextEncoder().encode(name) as Uint8Array<ArrayBuffer>, tag: Tag.CHAN_AND_ORG, ...content }), to)
    }
    const window = new BlockWindow<Uint8Array>({
      clock: this.init.clock,
      maxBlockCountToStore: this.init.maxBlockCountToStore,
      ttl: this.init.pullInterval * 100, // Fabric
      evicted: digest => { c?.engine.remove(digest) }
    })
    const engine = new PullEngine({
      selectPeers: () => selectPeers(this.init.pullPeerNum, members(), () => true, this.init.random).map(m => m.pkiIdHex),
      hello: (peer, nonce) => { send(peer, { hello: { nonce, metadata: new Uint8Array(0), msgType: BLOCK } }) },
      sendDigest: (digests, nonce, peer) => { send(peer, { dataDig: { nonce, digests: digests.map(toBytes), msgType: BLOCK } }) },
      sendRequest: (digests, nonce, peer) => { send(peer, { dataReq: { nonce, digests: digests.map(toBytes), msgType: BLOCK } }) },
      sendUpdate: (digests, nonce, peer) => {
        const data = digests.map(d => {
          const bytes = window.get(d)
          return bytes == null ? undefined : seal({ channel: new TextEncoder().encode(name) as Uint8Array<ArrayBuffer>, tag: Tag.CHAN_AND_ORG, dataMsg: { payload: { seqNum: BigInt(d), data: bytes as Uint8Array<ArrayBuffer>, privateData: [] } } }).envelope
        }).filter((e): e is gossip.Envelope => e != null)
        send(peer, { dataUpdate: { nonce, data, msgType: BLOCK } })
      }
    }, {
      clock: this.init.clock,
      pullInterval: this.init.pullInterval,
      digestWaitTime: this.init.digestWaitTime,
      requestWaitTime: this.init.requestWaitTime,
      responseWaitTime: this.init.responseWaitTime,
      random: this.init.random,
      // a responder answers only same-org channel members (Fabric: peers without StateInfo are not answered)
      egressFilter: peer => { const ok = members().some(m => m.pkiIdHex === peer); return () => ok },
      // an initiator ignores blocks below its height
      ingressFilter: () => digest => { const h = ports.height(name) ?? 0n; return isSeq(digest) && BigInt(digest) >= h },
      onError: (err, op) => { this.log.debug(`block pull ${op} failed: ${(err as Error).message}`) }
    })
    c = { engine, window }
    this.channels.set(name, c)
    if (this.running) engine.start()
    return c
  }

  private async onMessage (m: ReceivedPull): Promise<void> {
    const name = new TextDecoder().decode(m.message.channel)
    const c = this.channels.get(name)
    if (c == null) return
    const msg = m.message
    const peer = m.sender.pkiIdHex
    if (msg.hello != null) c.engine.onHello(msg.hello.nonce, peer)
    else if (msg.dataDig != null) c.engine.onDigest(msg.dataDig.digests.map(toDigest), msg.dataDig.nonce, peer)
    else if (msg.dataReq != null) c.engine.onRequest(msg.dataReq.digests.map(toDigest), msg.dataReq.nonce, peer)
    else if (msg.dataUpdate != null) await this.onUpdate(name, c, msg.dataUpdate, peer)
  }

  private async onUpdate (channel: string, c: ChannelPull, update: gossip.DataUpdate, peer: string): Promise<void> {
    const blocks = new Map<string, { seq: bigint, data: Uint8Array }>()
    for (const env of update.data) {
      try {
        const payload = openMessage(env).message.dataMsg?.payload
        if (payload != null) blocks.set(payload.seqNum.toString(), { seq: payload.seqNum, data: payload.data })
      } catch {
        // a malformed item is skipped
      }
    }
    for (const digest of c.engine.onUpdate([...blocks.keys()], update.nonce, peer)) {
      const b = blocks.get(digest)
      if (b == null) continue
      let verified: common.Block
      try {
        verified = this.init.ports.check(channel, b.seq, b.data)
      } catch (err) {
        c.engine.remove(digest)
        this.log.debug(`pulled block ${digest} of ${channel} refused: ${(err as Error).message}`)
        continue
      }
      // a valid block is offered to others whatever this peer's ledger makes of it
      if (c.window.add(b.seq, b.data)) c.engine.add(digest)
      try {
        await this.init.ports.addPayload(channel, b.seq, b.data, verified)
      } catch (err) {
        this.log.debug(`pulled block ${digest} of ${channel} not taken by the ledger: ${(err as Error).message}`)
      }
    }
  }
}

function toBytes (digest: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(digest) as Uint8Array<ArrayBuffer>
}

function toDigest (bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes)
}

function isSeq (digest: string): boolean {
  return /^\d{1,20}$/.test(digest)
}

function isBlockPull (m: ReceivedPull): boolean {
  const msg = m.message
  return (msg.hello ?? msg.dataDig ?? msg.dataReq ?? msg.dataUpdate)?.msgType === BLOCK
}
