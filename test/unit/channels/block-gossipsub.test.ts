/**
 * Block push over gossipsub with a fake gossipsub (only what BlockGossipsub touches: the validators map, the
 * subscriptions, publish, the message event, the mesh, and the two internals it reads, the peers'
 * subscriptions and the score cache) and stubbed node ports. Covered: the topic names; the score that decides
 * who may receive (who is handshaken, of my org, a member of every joined channel whose topic it subscribes
 * to); the topic validator (accept, ignore, reject, each counted); a validated block handed to the ledger
 * once, and the gap asked for after `gapRequestDelay`; publishing; the channels' subscriptions and a clean
 * stop.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Registry } from 'prom-client'
import { TopicValidatorResult, type GossipSub, type Message, type TopicValidatorFn } from '@libp2p/gossipsub'
import { BlockGossipsub, SCORE_ALLOWED, SCORE_BARRED, ScoreGate, blockTopic, type BlockGossipsubInit, type BlockGossipsubPorts } from '../../../src/channels/block-gossipsub.js'
import { BlockVerificationError } from '../../../src/ledger/verify.js'
import { gossip } from '../../../src/pb/gossip.js'
import { FakeClock } from '../../helpers/fake-clock.js'
import type { PeerId } from '@libp2p/interface'
import type { common } from '../../../src/pb/common.js'

const Tag = gossip.GossipMessage.Tag
const MSP = 'Org1MSP'
const A = 'alpha'
const B = 'beta'

/** The part of gossipsub BlockGossipsub uses, recording what it is asked. */
class FakePubsub extends EventTarget {
  readonly topicValidators = new Map<string, TopicValidatorFn>()
  /** my subscriptions */
  readonly subscriptions = new Set<string>()
  /** gossipsub's internal map: topic -> PeerIds (strings) of the remote peers subscribed to it */
  readonly topics = new Map<string, Set<string>>()
  /** gossipsub's PeerScore: its cache validity, which BlockGossipsub turns off */
  readonly score = { scoreCacheValidityMs: 1000 }
  readonly published: Array<{ topic: string, data: Uint8Array }> = []
  readonly mesh = new Map<string, string[]>()
  publishError?: Error

  subscribe (topic: string): void { this.subscriptions.add(topic) }
  unsubscribe (topic: string): void { this.subscriptions.delete(topic) }
  async publish (topic: string, data: Uint8Array): Promise<{ recipients: PeerId[] }> {
    if (this.publishError != null) throw this.publishError
    this.published.push({ topic, data })
    return { recipients: [] }
  }

  getSubscribers (topic: string): PeerId[] { return [...this.topics.get(topic) ?? []].map(peerId) }
  getMeshPeers (topic: string): string[] { return this.mesh.get(topic) ?? [] }

  /** A remote peer's subscription, as gossipsub records it from the peer's RPC. */
  remoteSubscribes (peer: string, topic: string): void {
    let set = this.topics.get(topic)
    if (set == null) { set = new Set(); this.topics.set(topic, set) }
    set.add(peer)
  }

  /** What gossipsub does after a message passed validation: hands it to the application. */
  deliver (from: string, msg: Message): void {
    this.dispatchEvent(new CustomEvent('gossipsub:message', { detail: { propagationSource: peerId(from), msgId: 'id', msg } }))
  }
}

const peerId = (id: string): PeerId => ({ toString: () => id }) as unknown as PeerId

/** The connected peers by PeerId: `p-aa` (pkiId aa) and `p-bb` of my org, `p-ee` of another, `p-zz` not handshaken. */
const IDENTITIES: Record<string, { pkiIdHex: string, mspId: string }> = {
  'p-aa': { pkiIdHex: 'aa', mspId: MSP },
  'p-bb': { pkiIdHex: 'bb', mspId: MSP },
  'p-ee': { pkiIdHex: 'ee', mspId: 'Org2MSP' }
}

const BLOCK = { header: { number: 0n } } as unknown as common.Block

interface Setup {
  bg: BlockGossipsub
  pubsub: FakePubsub
  clock: FakeClock
  registry: Registry
  gate: ScoreGate
  /** channel -> alive members (pkiId hex) */
  members: Map<string, Set<string>>
  /** block numbers held (isDuplicate true) */
  held: Set<bigint>
  checked: bigint[]
  taken: Array<{ channel: string, seq: bigint, bytes: Uint8Array, verified: common.Block }>
  behind: string[]
  gaps: Array<{ channel: string, peer: string, start: bigint, end: bigint }>
  validator: (channel: string) => TopicValidatorFn
}

interface Options {
  check?: (seq: bigint) => void
  takeIn?: () => Promise<'committed' | 'buffered' | 'duplicate'>
  height?: () => bigint | undefined
  init?: Partial<BlockGossipsubInit>
  pubsub?: FakePubsub
}

function setup (opts: Options = {}): Setup {
  const pubsub = opts.pubsub ?? new FakePubsub()
  const clock = new FakeClock()
  const registry = new Registry()
  const gate = new ScoreGate()
  const members = new Map<string, Set<string>>([[A, new Set(['aa', 'ee'])], [B, new Set()]])
  const held = new Set<bigint>()
  const checked: bigint[] = []
  const taken: Setup['taken'] = []
  const behind: string[] = []
  const gaps: Setup['gaps'] = []
  const ports: BlockGossipsubPorts = {
    mspId: MSP,
    identify: id => IDENTITIES[id],
    isChannelMember: (channel, hex) => members.get(channel)?.has(hex) === true,
    isDuplicate: (_channel, seq) => held.has(seq),
    check: (_channel, seq) => { checked.push(seq); opts.check?.(seq); return BLOCK },
    takeIn: async (channel, seq, bytes, verified) => { taken.push({ channel, seq, bytes, verified }); return await (opts.takeIn?.() ?? Promise.resolve('committed')) },
    behind: channel => { behind.push(channel) },
    gap: (channel, peer, start, end) => { gaps.push({ channel, peer, start, end }) },
    height: () => opts.height?.() ?? 0n
  }
  const bg = new BlockGossipsub({ pubsub: pubsub as unknown as GossipSub, ports, clock, gapRequestDelay: 100, registry, ...opts.init }, gate)
  const validator = (channel: string): TopicValidatorFn => {
    const v = pubsub.topicValidators.get(blockTopic(channel, MSP))
    assert.ok(v != null, `a validator for ${channel}'s topic`)
    return v
  }
  return { bg, pubsub, clock, registry, gate, members, held, checked, taken, behind, gaps, validator }
}

/** A block message as BlockGossipsub publishes it (fields overridable to forge bad ones). */
function blockMessage (channel: string, seq: bigint, over: Partial<gossip.GossipMessage> = {}): Uint8Array {
  return gossip.GossipMessage.encode({
    nonce: 0n,
    channel: new TextEncoder().encode(channel),
    tag: Tag.CHAN_AND_ORG,
    dataMsg: { payload: { seqNum: seq, data: Uint8Array.of(1, 2, Number(seq)), privateData: [] } },
    ...over
  })
}

const message = (topic: string, data: Uint8Array): Message => ({ type: 'unsigned', topic, data })

async function counted (registry: Registry, result: string): Promise<number> {
  return (await registry.getSingleMetric('gossip_blocks_received')?.get())?.values.find(v => v.labels.result === result)?.value ?? 0
}

/** Lets the microtask that hands an accepted block to the ledger, and the ledger's answer, run. */
async function settle (): Promise<void> {
  await new Promise<void>(resolve => { setImmediate(resolve) })
}

/** Validates a block message on `channel`'s topic from `from`, and delivers it as gossipsub would if accepted. */
async function receive (s: Setup, channel: string, seq: bigint, from = 'p-aa'): Promise<TopicValidatorResult> {
  const msg = message(blockTopic(channel, MSP), blockMessage(channel, seq))
  const result = await s.validator(channel)(peerId(from), msg)
  if (result === TopicValidatorResult.Accept) s.pubsub.deliver(from, msg)
  await settle()
  return result
}

describe('blockTopic', () => {
  it('is one topic per channel and org, naming neither', () => {
    const t = blockTopic('mychannel', 'Org1MSP')
    assert.match(t, /^fabric-blocks\/[0-9a-f]{64}$/)
    assert.equal(blockTopic('mychannel', 'Org1MSP'), t, 'the same for every peer of the org')
    assert.notEqual(blockTopic('otherchannel', 'Org1MSP'), t, 'per channel')
    assert.notEqual(blockTopic('mychannel', 'Org2MSP'), t, 'per org')
    assert.ok(!t.includes('mychannel') && !t.includes('Org1MSP'), 'the channel is not named to other orgs')
    assert.notEqual(blockTopic('ab', 'c'), blockTopic('a', 'bc'), 'channel and org are kept apart')
  })
})

describe('BlockGossipsub', () => {
  describe('score', () => {
    it('turns gossipsub\'s score cache off, and takes over the gate that barred everyone', () => {
      const pubsub = new FakePubsub()
      const gate = new ScoreGate()
      assert.equal(gate.score('p-aa'), SCORE_BARRED, 'barred before the node decides')
      assert.equal(pubsub.score.scoreCacheValidityMs, 1000)
      const s = setup({ pubsub })
      assert.equal(pubsub.score.scoreCacheValidityMs, 0)
      assert.equal(s.gate.score('p-aa'), SCORE_ALLOWED)
      assert.equal(s.gate.score('p-zz'), SCORE_BARRED)
    })

    it('bars a peer not handshaken and a peer of another org, even a channel member', () => {
      const { bg } = setup()
      bg.addChannel(A)
      assert.equal(bg.score('p-zz'), SCORE_BARRED, 'unknown')
      assert.equal(bg.score('p-ee'), SCORE_BARRED, 'Org2MSP, though a member of alpha')
    })

    it('allows a peer of my org that is a member of the channel whose topic it subscribes to', () => {
      const { bg, pubsub } = setup()
      bg.addChannel(A)
      bg.start()
      pubsub.remoteSubscribes('p-aa', blockTopic(A, MSP))
      assert.equal(bg.score('p-aa'), SCORE_ALLOWED)
      assert.equal(bg.score('p-bb'), SCORE_ALLOWED, 'of my org and subscribed to no block topic: nothing to bar it from')
      bg.stop()
    })

    it('bars a peer of my org subscribing to a joined channel\'s topic without being its member, at once', () => {
      const { bg, pubsub, members } = setup()
      bg.addChannel(A)
      bg.start()
      assert.equal(bg.score('p-bb'), SCORE_ALLOWED)
      pubsub.remoteSubscribes('p-bb', blockTopic(A, MSP))
      assert.equal(bg.score('p-bb'), SCORE_BARRED, 'no score from before the subscription')
      members.get(A)?.add('bb') // its StateInfo arrives
      assert.equal(bg.score('p-bb'), SCORE_ALLOWED)
      members.get(A)?.delete('bb') // it left, or died
      assert.equal(bg.score('p-bb'), SCORE_BARRED)
      bg.stop()
    })

    it('allows a member of channel A that subscribes only to A, though not a member of B; B\'s topic bars it', () => {
      const { bg, pubsub } = setup()
      bg.addChannel(A)
      bg.addChannel(B)
      bg.start()
      pubsub.remoteSubscribes('p-aa', blockTopic(A, MSP))
      assert.equal(bg.score('p-aa'), SCORE_ALLOWED)
      pubsub.remoteSubscribes('p-aa', blockTopic('gamma', MSP))
      assert.equal(bg.score('p-aa'), SCORE_ALLOWED, 'the topic of a channel I did not join does not count')
      pubsub.remoteSubscribes('p-aa', blockTopic(B, MSP))
      assert.equal(bg.score('p-aa'), SCORE_BARRED)
      bg.stop()
    })

    it('reads the subscribers from getSubscribers() when gossipsub has no subscription map', () => {
      const pubsub = new FakePubsub()
      Object.defineProperty(pubsub, 'topics', { value: undefined })
      let subscribers: string[] = []
      pubsub.getSubscribers = topic => topic === blockTopic(B, MSP) ? subscribers.map(peerId) : []
      const { bg } = setup({ pubsub })
      bg.addChannel(A)
      bg.addChannel(B)
      bg.start()
      assert.equal(bg.score('p-aa'), SCORE_ALLOWED)
      subscribers = ['p-aa']
      assert.equal(bg.score('p-aa'), SCORE_BARRED, 'a subscriber to beta\'s topic, not its member')
      bg.stop()
    })
  })

  describe('topic validator', () => {
    it('accepts a verified block from a member of my org, of the topic\'s channel', async () => {
      const s = setup()
      s.bg.addChannel(A)
      s.bg.start()
      const data = blockMessage(A, 3n)
      assert.equal(await s.validator(A)(peerId('p-aa'), message(blockTopic(A, MSP), data)), TopicValidatorResult.Accept)
      assert.deepEqual(s.checked, [3n])
      assert.equal(s.taken.length, 0, 'taken in only once gossipsub delivers it (after forwarding)')
      s.bg.stop()
    })

    it('rejects a sender that may not send the channel\'s blocks: unknown, another org, a non-member', async () => {
      const s = setup()
      s.bg.addChannel(A)
      s.bg.start()
      for (const from of ['p-zz', 'p-ee', 'p-bb']) {
        assert.equal(await receive(s, A, 3n, from), TopicValidatorResult.Reject, from)
      }
      assert.deepEqual(s.checked, [], 'not verified')
      assert.equal(await counted(s.registry, 'not-member'), 3)
      s.bg.stop()
    })

    it('rejects what is not a block message of the topic\'s channel', async () => {
      const s = setup()
      s.bg.addChannel(A)
      s.bg.addChannel(B)
      s.bg.start()
      const topic = blockTopic(A, MSP)
      const bad: Array<[string, Uint8Array]> = [
        ['undecodable', Uint8Array.of(0x0a, 0x05, 0x01)],
        ['another channel\'s block', blockMessage(B, 3n)],
        ['a block of a channel I did not join', blockMessage('gamma', 3n)],
        ['tag ORG_ONLY', blockMessage(A, 3n, { tag: Tag.ORG_ONLY })],
        ['tag CHAN_ONLY', blockMessage(A, 3n, { tag: Tag.CHAN_ONLY })],
        ['no DataMessage', blockMessage(A, 3n, { dataMsg: undefined, empty: {} })],
        ['a DataMessage without payload', blockMessage(A, 3n, { dataMsg: {} })]
      ]
      for (const [what, data] of bad) {
        assert.equal(await s.validator(A)(peerId('p-aa'), message(topic, data)), TopicValidatorResult.Reject, what)
      }
      assert.deepEqual(s.checked, [])
      assert.equal(await counted(s.registry, 'malformed'), bad.length)
      s.bg.stop()
    })

    it('rejects a block that fails verification, counted by the reason', async () => {
      const s = setup({ check: seq => { if (seq === 4n) throw new BlockVerificationError('bad-signature', 'forged') } })
      s.bg.addChannel(A)
      s.bg.start()
      assert.equal(await receive(s, A, 4n), TopicValidatorResult.Reject)
      assert.equal(await counted(s.registry, 'bad-signature'), 1)
      assert.equal(s.taken.length, 0)
      assert.equal(await receive(s, A, 5n), TopicValidatorResult.Accept, 'the sender is not held against later blocks here (gossipsub scores it)')
      s.bg.stop()
    })

    it('counts an error without a reason as refused', async () => {
      const s = setup({ check: () => { throw new Error('boom') } })
      s.bg.addChannel(A)
      s.bg.start()
      assert.equal(await receive(s, A, 4n), TopicValidatorResult.Reject)
      assert.equal(await counted(s.registry, 'refused'), 1)
      s.bg.stop()
    })

    it('ignores a block already held (not forwarded, not verified again) and a message of an unknown topic', async () => {
      const s = setup()
      s.bg.addChannel(A)
      s.bg.start()
      s.held.add(2n)
      assert.equal(await receive(s, A, 2n), TopicValidatorResult.Ignore)
      assert.equal(await counted(s.registry, 'duplicate'), 1)
      const validate = s.validator(A)
      assert.equal(await validate(peerId('p-aa'), message(blockTopic('gamma', MSP), blockMessage('gamma', 3n))), TopicValidatorResult.Ignore, 'a topic of no joined channel')
      s.bg.removeChannel(A)
      assert.equal(await validate(peerId('p-aa'), message(blockTopic(A, MSP), blockMessage(A, 3n))), TopicValidatorResult.Ignore, 'a channel left while the message was in flight')
      assert.deepEqual(s.checked, [])
      s.bg.stop()
    })

    it('works without a registry', async () => {
      const s = setup({ init: { registry: undefined }, check: () => { throw new BlockVerificationError('bad-signature') } })
      s.bg.addChannel(A)
      s.bg.start()
      assert.equal(await receive(s, A, 4n), TopicValidatorResult.Reject)
      assert.equal(await receive(s, A, 4n, 'p-zz'), TopicValidatorResult.Reject)
      assert.equal(s.registry.getSingleMetric('gossip_blocks_received'), undefined)
      s.bg.stop()
    })
  })

  describe('taking a block in', () => {
    it('hands the verified block to the ledger once gossipsub delivers the validated message, once', async () => {
      const s = setup()
      s.bg.addChannel(A)
      s.bg.start()
      const data = blockMessage(A, 3n)
      const msg = message(blockTopic(A, MSP), data)
      assert.equal(await s.validator(A)(peerId('p-aa'), msg), TopicValidatorResult.Accept)
      s.pubsub.deliver('p-aa', msg)
      assert.equal(s.taken.length, 0, 'after gossipsub has forwarded it (it forwards right after the event)')
      await settle()
      assert.equal(s.taken.length, 1)
      const t = s.taken[0]
      assert.equal(t.channel, A)
      assert.equal(t.seq, 3n)
      assert.deepEqual(t.bytes, Uint8Array.of(1, 2, 3))
      assert.equal(t.verified, BLOCK, 'the block the validator verified, not verified again')
      assert.deepEqual(s.checked, [3n])
      s.pubsub.deliver('p-aa', msg)
      await settle()
      assert.equal(s.taken.length, 1, 'the same message delivered again is not taken in again')
      assert.equal(await counted(s.registry, 'committed'), 1)
      s.bg.stop()
    })

    it('takes nothing in from a message that was never validated', async () => {
      const s = setup()
      s.bg.addChannel(A)
      s.bg.start()
      s.pubsub.deliver('p-aa', message(blockTopic(A, MSP), blockMessage(A, 3n)))
      const msg = message(blockTopic(A, MSP), blockMessage(A, 4n))
      assert.equal(await s.validator(A)(peerId('p-aa'), msg), TopicValidatorResult.Accept)
      s.pubsub.deliver('p-aa', message(msg.topic, Uint8Array.from(msg.data))) // equal bytes, another message
      await settle()
      assert.deepEqual(s.taken, [])
      s.bg.stop()
    })

    it('a ledger too far behind asks for a catch-up; a refused block is counted by its reason', async () => {
      let error: Error = new BlockVerificationError('too-far', 'too far ahead')
      const s = setup({ takeIn: async () => { throw error } })
      s.bg.addChannel(A)
      s.bg.start()
      assert.equal(await receive(s, A, 40n), TopicValidatorResult.Accept)
      assert.deepEqual(s.behind, [A])
      assert.equal(await counted(s.registry, 'too-far'), 1)
      error = new BlockVerificationError('bad-previous-hash', 'does not chain')
      await receive(s, A, 41n)
      assert.deepEqual(s.behind, [A])
      assert.equal(await counted(s.registry, 'bad-previous-hash'), 1)
      s.bg.stop()
    })

    it('a gap still open gapRequestDelay after a block was buffered behind it is asked of its sender; a gap filled in time is not', async () => {
      let height = 5n
      const s = setup({ takeIn: async () => 'buffered', height: () => height })
      s.bg.addChannel(A)
      s.bg.start()
      await receive(s, A, 8n, 'p-aa') // 5, 6 and 7 missing
      await receive(s, A, 9n, 'p-aa')
      assert.equal(s.clock.pending, 1, 'one timer per channel')
      s.clock.advance(99)
      assert.deepEqual(s.gaps, [])
      s.clock.advance(1)
      assert.deepEqual(s.gaps, [{ channel: A, peer: 'aa', start: 5n, end: 7n }], 'from the height to the block before the buffered one, of the peer that sent it')
      assert.equal(await counted(s.registry, 'gap-request'), 1)
      assert.equal(await counted(s.registry, 'buffered'), 2)
      await receive(s, A, 12n, 'p-aa')
      height = 13n // filled by push or pull before the delay
      s.clock.advance(100)
      assert.equal(s.gaps.length, 1, 'no request for a gap that closed')
      s.bg.stop()
    })

    it('asks for no gap when gapRequestDelay is 0', async () => {
      const s = setup({ takeIn: async () => 'buffered', init: { gapRequestDelay: 0 } })
      s.bg.addChannel(A)
      s.bg.start()
      await receive(s, A, 8n)
      assert.equal(s.clock.pending, 0)
      s.bg.stop()
    })
  })

  describe('publishing', () => {
    it('gossip() publishes the block as a GossipMessage on the channel\'s topic, which a peer of the org accepts', async () => {
      const s = setup()
      s.bg.addChannel(A)
      s.bg.start()
      const bytes = Uint8Array.of(9, 8, 7)
      s.bg.gossip(A, 7n, bytes)
      await settle()
      assert.equal(s.pubsub.published.length, 1)
      const { topic, data } = s.pubsub.published[0]
      assert.equal(topic, blockTopic(A, MSP))
      const m = gossip.GossipMessage.decode(data)
      assert.equal(new TextDecoder().decode(m.channel), A)
      assert.equal(m.tag, Tag.CHAN_AND_ORG)
      assert.equal(m.dataMsg?.payload?.seqNum, 7n)
      assert.deepEqual(m.dataMsg?.payload?.data, bytes)

      const other = setup()
      other.bg.addChannel(A)
      other.bg.start()
      assert.equal(await other.validator(A)(peerId('p-aa'), message(topic, data)), TopicValidatorResult.Accept)
      other.bg.stop()
      s.bg.stop()
    })

    it('publishes nothing with publish: false, for a channel not joined, or when stopped', async () => {
      const quiet = setup({ init: { publish: false } })
      quiet.bg.addChannel(A)
      quiet.bg.start()
      quiet.bg.gossip(A, 1n, Uint8Array.of(1))
      assert.equal(await receive(quiet, A, 2n), TopicValidatorResult.Accept, 'still receives')
      assert.deepEqual(quiet.pubsub.published, [])
      quiet.bg.stop()

      const s = setup()
      s.bg.addChannel(A)
      s.bg.gossip(A, 1n, Uint8Array.of(1)) // not started
      s.bg.start()
      s.bg.gossip(B, 1n, Uint8Array.of(1))
      s.bg.stop()
      s.bg.gossip(A, 1n, Uint8Array.of(1))
      await settle()
      assert.deepEqual(s.pubsub.published, [])
    })

    it('a failed publish is dropped, not thrown', async () => {
      const s = setup()
      s.pubsub.publishError = new Error('NoPeersSubscribedToTopic')
      s.bg.addChannel(A)
      s.bg.start()
      assert.doesNotThrow(() => { s.bg.gossip(A, 1n, Uint8Array.of(1)) })
      await settle()
      s.bg.stop()
    })

    it('meshPeers() reads gossipsub\'s mesh of the channel\'s topic', () => {
      const s = setup()
      s.bg.addChannel(A)
      s.pubsub.mesh.set(blockTopic(A, MSP), ['p-aa'])
      assert.deepEqual(s.bg.meshPeers(A), ['p-aa'])
      assert.deepEqual(s.bg.meshPeers(B), [], 'not joined')
    })
  })

  describe('channels and lifecycle', () => {
    it('subscribes to a joined channel\'s topic with its validator once started, and unsubscribes when it is left', () => {
      const s = setup()
      const a = blockTopic(A, MSP)
      const b = blockTopic(B, MSP)
      s.bg.addChannel(A)
      assert.deepEqual([...s.pubsub.subscriptions], [], 'not before start()')
      assert.equal(s.pubsub.topicValidators.size, 0)
      s.bg.start()
      assert.deepEqual([...s.pubsub.subscriptions], [a])
      s.bg.addChannel(B)
      s.bg.addChannel(B)
      assert.deepEqual([...s.pubsub.subscriptions].sort(), [a, b].sort())
      assert.deepEqual([...s.pubsub.topicValidators.keys()].sort(), [a, b].sort())
      s.bg.removeChannel(A)
      assert.deepEqual([...s.pubsub.subscriptions], [b])
      assert.deepEqual([...s.pubsub.topicValidators.keys()], [b])
      s.bg.removeChannel(A) // left already
      s.bg.stop()
    })

    it('stop() unsubscribes, clears the gap timers and stops taking blocks in; start() subscribes again', async () => {
      const s = setup({ takeIn: async () => 'buffered' })
      s.bg.addChannel(A)
      s.bg.addChannel(B)
      s.bg.start()
      s.members.get(B)?.add('aa')
      await receive(s, A, 8n)
      await receive(s, B, 8n)
      assert.equal(s.clock.pending, 2)
      const msg = message(blockTopic(A, MSP), blockMessage(A, 9n))
      assert.equal(await s.validator(A)(peerId('p-aa'), msg), TopicValidatorResult.Accept)
      s.bg.stop()
      assert.equal(s.clock.pending, 0, 'no timer left')
      assert.deepEqual([...s.pubsub.subscriptions], [])
      assert.equal(s.pubsub.topicValidators.size, 0)
      s.pubsub.deliver('p-aa', msg)
      await settle()
      assert.equal(s.taken.length, 2, 'nothing taken in once stopped')
      s.clock.advance(1000)
      assert.deepEqual(s.gaps, [])
      s.bg.start()
      assert.deepEqual([...s.pubsub.subscriptions].sort(), [blockTopic(A, MSP), blockTopic(B, MSP)].sort())
      s.bg.stop()
    })

    it('a block the ledger buffers after stop() leaves no timer behind', async () => {
      let resolve: (r: 'buffered') => void = () => {}
      const s = setup({ takeIn: async () => await new Promise<'buffered'>(r => { resolve = r }) })
      s.bg.addChannel(A)
      s.bg.start()
      await receive(s, A, 8n)
      s.bg.stop()
      resolve('buffered')
      await settle()
      assert.equal(s.clock.pending, 0, 'a timer armed after stop() is owned by no one')
    })

    it('a channel left while stopped does not touch gossipsub (which throws when it is not started)', () => {
      const pubsub = new FakePubsub()
      pubsub.unsubscribe = () => { throw new Error('Pubsub is not started') } // as @libp2p/gossipsub's unsubscribe()
      const s = setup({ pubsub })
      s.bg.addChannel(A)
      assert.doesNotThrow(() => { s.bg.removeChannel(A) })
    })
  })
})
