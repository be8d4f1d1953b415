/**
 * Leadership per channel (Fabric `gossip/election` wired as `gossip/service` does): which peer of my org
 * receives the channel's blocks from the ordering service.
 *
 * - `election` (`peer.gossip.useLeaderElection`): one {@link LeaderElectionEngine} per joined channel. Its
 *   proposals and declarations are signed `LeadershipMessage`s (PeerTime {start, ++seq}) sent, tag
 *   CHAN_AND_ORG, to every same-org member of the channel (not forwarded: Fabric sends them to all matching
 *   peers at once). A received one counts only when it comes from its origin itself, an alive same-org
 *   member of the channel, newer than the last from that peer, and signed by it; otherwise it is dropped
 *   and counted (`gossip_leader_election_dropped_messages{reason}`).
 * - `static` (`peer.gossip.orgLeader`): this peer leads every channel it joins, or none.
 *
 * Every change goes to `onChange` and the gauge `gossip_leader_election_leader{channel}` (Fabric's metric).
 */
import { gossip } from '../pb/gossip.js'
import { seal, type SignedMessage, type Signer } from '../wire/envelope.js'
import { LeaderElectionEngine } from '../election/index.js'
import { pkiIdToHex, verifySignature, type PeerIdentity } from '../identity/index.js'
import { createLogger } from '../logging.js'
import { Counter, Gauge, type Registry } from 'prom-client'
import type { Clock } from '../algo/clock.js'
import type { RoutingFilter } from '../filter/index.js'
import type { NetworkMember } from '../membership/index.js'
import type { Multiaddr } from '@multiformats/multiaddr'

const Tag = gossip.GossipMessage.Tag

export interface LeadershipPorts {
  send(msg: SignedMessage, ...peers: Array<{ pkiId?: Uint8Array, endpoint?: Multiaddr }>): void
  subscribe(predicate: (m: ReceivedLeadership) => boolean, handler: (m: ReceivedLeadership) => void): () => void
  /** Alive members. */
  members(): readonly NetworkMember[]
  remotePeerOf(m: NetworkMember): { pkiId: Uint8Array, endpoint?: Multiaddr }
  routingFilter(channel: string, tag: gossip.GossipMessage.Tag): RoutingFilter
}

export interface ReceivedLeadership {
  readonly message: gossip.GossipMessage
  readonly envelope: gossip.Envelope
  readonly kind: string
  readonly sender: { readonly pkiIdHex: string, readonly identity: PeerIdentity }
}

export interface LeadershipInit {
  ports: LeadershipPorts
  clock: Clock
  signer: Signer & { pkiId: Uint8Array, mspId: string }
  /** `election`: dynamic; `static`: `isLeader` for every channel (orgLeader). */
  mode: { kind: 'election', startupGracePeriod: number, membershipSampleInterval: number, leaderAliveThreshold: number, leaderElectionDuration: number } | { kind: 'static', isLeader: boolean }
  onChange: (channel: string, isLeader: boolean) => void
  registry?: Registry
}

interface ChannelLeadership {
  engine?: LeaderElectionEngine
  leader: boolean
  /** The last PeerTime accepted per sender (replays and reordered messages are dropped). */
  lastSeen: Map<string, { incNum: bigint, seqNum: bigint }>
}

export class Leadership {
  private readonly init: LeadershipInit
  private readonly log = createLogger('election')
  private readonly channels = new Map<string, ChannelLeadership>()
  private readonly gauge?: Gauge<'channel'>
  private readonly dropped?: Counter<'reason'>
  private readonly startTime: bigint
  private seq = 0n
  private unsubscribe: (() => void) | undefined
  private running = false

  constructor (init: LeadershipInit) {
    this.init = init
    this.startTime = BigInt(init.clock.now()) * 1_000_000n
    if (init.registry != null) {
      this.gauge = new Gauge({ name: 'gossip_leader_election_leader', help: 'Whether this peer leads the channel for its org (1) or not (0)', labelNames: ['channel'], registers: [init.registry] })
      this.dropped = new Counter({ name: 'gossip_leader_election_dropped_messages', help: 'Leadership messages dropped, by reason', labelNames: ['reason'], registers: [init.registry] })
    }
  }

  start (): void {
    this.running = true
    this.unsubscribe = this.init.ports.subscribe(m => m.kind === 'leadershipMsg', m => { this.onMessage(m) })
    for (const [name, c] of this.channels) this.activate(name, c)
  }

  stop (): void {
    this.running = false
    this.unsubscribe?.()
    this.unsubscribe = undefined
    for (const name of [...this.channels.keys()]) this.removeChannel(name)
  }

  /** Starts leadership for a joined channel. */
  addChannel (name: string): void {
    if (this.channels.has(name)) return
    const c: ChannelLeadership = { leader: false, lastSeen: new Map() }
    this.channels.set(name, c)
    this.gauge?.set({ channel: name }, 0)
    if (this.running) this.activate(name, c)
  }

  /** Ends leadership in a channel (left, or the node stops); a leader steps down first. */
  removeChannel (name: string): void {
    const c = this.channels.get(name)
    if (c == null) return
    c.engine?.stop() // a leader's engine reports the step-down through onLeadershipChange
    if (c.leader) this.changed(name, c, false)
    this.channels.delete(name)
  }

  isLeader (name: string): boolean {
    return this.channels.get(name)?.leader ?? false
  }

  /** A leader gives up leadership for a while (Fabric's Yield); no effect in static mode. */
  yield (name: string): void {
    this.channels.get(name)?.engine?.yield()
  }

  private activate (name: string, c: ChannelLeadership): void {
    const mode = this.init.mode
    if (mode.kind === 'static') {
      if (mode.isLeader && !c.leader) this.changed(name, c, true)
      return
    }
    if (c.engine != null) return
    c.engine = new LeaderElectionEngine({
      gossip: msg => { this.gossip(name, msg.isDeclaration) },
      peers: () => this.peers(name).map(m => m.pkiId),
      onLeadershipChange: isLeader => { this.changed(name, c, isLeader) }
    }, {
      pkiId: this.init.signer.pkiId,
      clock: this.init.clock,
      startupGracePeriod: mode.startupGracePeriod,
      membershipSampleInterval: mode.membershipSampleInterval,
      leaderAliveThreshold: mode.leaderAliveThreshold,
      leaderElectionDuration: mode.leaderElectionDuration,
      onError: (err, op) => { this.log.warn(`channel ${name}: election ${op} failed: ${(err as Error).message}`) }
    })
    c.engine.start()
  }

  private changed (name: string, c: ChannelLeadership, isLeader: boolean): void {
    if (c.leader === isLeader) return
    c.leader = isLeader
    this.gauge?.set({ channel: name }, isLeader ? 1 : 0)
    this.log.info(`channel ${name}: ${isLeader ? 'this peer is now the leader of its org' : 'this peer is no longer the leader'}`)
    this.init.onChange(name, isLeader)
  }

  /** Alive same-org members of the channel (with StateInfo). */
  private peers (name: string): NetworkMember[] {
    const route = this.init.ports.routingFilter(name, Tag.CHAN_AND_ORG)
    return this.init.ports.members().filter(route)
  }

  private gossip (name: string, isDeclaration: boolean): void {
    const msg = seal({
      channel: new TextEncoder().encode(name) as Uint8Array<ArrayBuffer>,
      tag: Tag.CHAN_AND_ORG,
      leadershipMsg: {
        pkiId: this.init.signer.pkiId as Uint8Array<ArrayBuffer>,
        timestamp: { incNum: this.startTime, seqNum: ++this.seq },
        isDeclaration
      }
    }, this.init.signer)
    const peers = this.peers(name)
    if (peers.length > 0) this.init.ports.send(msg, ...peers.map(m => this.init.ports.remotePeerOf(m)))
  }

  private drop (reason: string): void {
    this.dropped?.inc({ reason })
  }

  private onMessage (m: ReceivedLeadership): void {
    const lm = m.message.leadershipMsg
    if (lm == null || lm.pkiId.byteLength === 0 || lm.timestamp == null) { this.drop('malformed'); return }
    const name = new TextDecoder().decode(m.message.channel)
    const c = this.channels.get(name)
    if (c?.engine == null) { this.drop('unknown-channel'); return }
    const originHex = pkiIdToHex(lm.pkiId)
    if (originHex !== m.sender.pkiIdHex) { this.drop('not-origin'); return }
    if (m.sender.identity.mspId !== this.init.signer.mspId) { this.drop('other-org'); return }
    if (!this.peers(name).some(p => p.pkiIdHex === originHex)) { this.drop('not-member'); return }
    const last = c.lastSeen.get(originHex)
    const ts = lm.timestamp
    if (last != null && (ts.incNum < last.incNum || (ts.incNum === last.incNum && ts.seqNum <= last.seqNum))) { this.drop('stale'); return }
    if (!verifySignature(m.sender.identity.publicKey, m.envelope.payload, m.envelope.signature)) { this.drop('bad-signature'); return }
    c.lastSeen.set(originHex, { incNum: ts.incNum, seqNum: ts.seqNum })
    c.engine.handleMessage({ pkiId: lm.pkiId, isDeclaration: lm.isDeclaration })
  }
}
