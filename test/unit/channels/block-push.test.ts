/**
 * Block push with stubbed neighbours and a fake clock: a received block is verified, then forwarded once
 * (never back to its sender), then handed to the ledger; a lagging ledger (the block too far ahead) does not
 * stop the relay and asks for the gap at once; an invalid block is neither forwarded nor taken; a block the
 * ledger could not commit is forgotten, so that another copy is taken. Announcements, and flooding: a small
 * block taken in goes to every channel peer, and a flooded block is announced, not forwarded.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { Registry } from 'prom-client'
import { BlockPush, FLOODED, RELAY, TREE, type BlockPushPorts, type ReceivedBlock } from '../../../src/channels/block-push.js'
import { BlockVerificationError } from '../../../src/ledger/verify.js'
import { gossip } from '../../../src/pb/gossip.js'
import { FakeClock } from '../../helpers/fake-clock.js'
import type { NetworkMember } from '../../../src/membership/index.js'
import type { PeerIdentity } from '../../../src/identity/index.js'
import type { common } from '../../../src/pb/common.js'

const CHANNEL = 'push'
const member = (hex: string): NetworkMember => ({ pkiId: Buffer.from(hex, 'hex'), pkiIdHex: hex, mspId: 'Org1MSP', externalEndpoint: '', metadata: new Uint8Array(0), alive: true }) as unknown as NetworkMember

function setup (ledger: { takeIn?: () => Promise<'committed' | 'buffered' | 'duplicate'>, check?: (seq: bigint) => void, height?: () => bigint } = {}): {
  push: BlockPush, clock: FakeClock, sent: Array<{ seq: bigint, to: string }>, taken: bigint[], behind: string[], gaps: string[], receive: (seq: bigint, from: string) => Promise<void>, registry: Registry
} {
  const clock = new FakeClock()
  const registry = new Registry()
  const sent: Array<{ seq: bigint, to: string }> = []
  const taken: bigint[] = []
  const behind: string[] = []
  const gaps: string[] = []
  let handler: ((m: ReceivedBlock) => void | Promise<void>) | undefined
  const ports: BlockPushPorts = {
    send: (msg, ...peers) => { for (const p of peers) sent.push({ seq: msg.message.dataMsg?.payload?.seqNum ?? -1n, to: Buffer.from(p.pkiId ?? []).toString('hex') }) },
    subscribe: (_p, h) => { handler = h; return () => {} },
    members: () => ['aa', 'bb', 'cc'].map(member),
    remotePeerOf: m => ({ pkiId: m.pkiId }),
    routingFilter: () => () => true,
    isOrgInChannel: () => true,
    isDuplicate: (_ch, seq) => taken.includes(seq),
    check: (_ch, seq) => { ledger.check?.(seq); return {} as common.Block },
    takeIn: async (_ch, seq) => { taken.push(seq); return await (ledger.takeIn?.() ?? Promise.resolve('committed')) },
    behind: ch => { behind.push(ch) },
    gap: ch => { gaps.push(ch) },
    height: () => ledger.height?.() ?? 0n
  }
  const push = new BlockPush({ ports, clock, propagatePeerNum: 3, propagateIterations: 1, maxPropagationBurstSize: 10, maxPropagationBurstLatency: 10, gapRequestDelay: 100, registry })
  push.start()
  const receive = async (seq: bigint, from: string): Promise<void> => {
    const message = { nonce: 0n, channel: new TextEncoder().encode(CHANNEL), tag: gossip.GossipMessage.Tag.CHAN_AND_ORG, dataMsg: { payload: { seqNum: seq, data: new Uint8Array([1]), privateData: [] } } } as unknown as gossip.GossipMessage
    await handler?.({ message, kind: 'dataMsg', sender: { pkiIdHex: from, identity: { mspId: 'Org1MSP' } as PeerIdentity } })
    clock.advance(20) // the emitter's burst latency
  }
  return { push, clock, sent, taken, behind, gaps, receive, registry }
}

describe('block push', () => {
  it('forwards a new valid block once, never back to its sender, and takes it in', async () => {
    const { push, sent, taken, receive } = setup()
    await receive(5n, 'aa')
    await receive(5n, 'bb') // a second copy
    assert.deepEqual(taken, [5n])
    assert.deepEqual(sent.map(s => s.to).sort(), ['bb', 'cc'], 'to the others, not back to aa, once')
    push.stop()
  })

  it('a lagging ledger still relays every valid block and asks for the gap at once', async () => {
    const { push, sent, behind, receive, registry } = setup({ takeIn: async () => { throw new BlockVerificationError('too-far', 'too far ahead') } })
    for (const seq of [40n, 41n, 42n]) await receive(seq, 'aa')
    assert.deepEqual([...new Set(sent.map(s => s.seq))], [40n, 41n, 42n], 'each forwarded')
    assert.equal(sent.length, 6)
    assert.deepEqual(behind, [CHANNEL, CHANNEL, CHANNEL])
    const counted = (await registry.getSingleMetric('gossip_blocks_received')?.get())?.values.find(v => v.labels.result === 'too-far')?.value
    assert.equal(counted, 3)
    push.stop()
  })

  it('an invalid block is neither forwarded nor taken in; a valid copy later is', async () => {
    let bad = true
    const { push, sent, taken, receive } = setup({ check: () => { if (bad) throw new BlockVerificationError('bad-signature', 'forged') } })
    await receive(7n, 'aa')
    assert.equal(sent.length, 0)
    assert.equal(taken.length, 0)
    bad = false
    await receive(7n, 'bb')
    assert.deepEqual(taken, [7n])
    assert.deepEqual(sent.map(s => s.to).sort(), ['aa', 'cc'])
    push.stop()
  })

  it('a gap still open gapRequestDelay after a block was buffered behind it is asked for; a gap filled in time is not', async () => {
    let height = 5n
    const { push, clock, gaps, receive } = setup({ takeIn: async () => 'buffered', height: () => height })
    await receive(7n, 'aa') // 5 and 6 missing
    await receive(8n, 'aa') // one timer per channel
    clock.advance(100)
    assert.deepEqual(gaps, [CHANNEL])
    await receive(10n, 'aa')
    height = 11n // the gap filled by push before the delay
    clock.advance(100)
    assert.deepEqual(gaps, [CHANNEL], 'no pull for a gap that closed')
    push.stop()
    assert.equal(clock.pending, 0, 'no timer left')
  })

  it('a block the ledger could not commit is forgotten: another copy is taken and forwarded', async () => {
    const { push, sent, taken, receive } = setup()
    await receive(9n, 'aa')
    taken.length = 0 // the ledger refused it at commit (it did not chain) and took nothing
    push.forget(CHANNEL, 9n)
    sent.length = 0
    await receive(9n, 'bb')
    assert.deepEqual(taken, [9n])
    assert.equal(sent.length, 2)
    push.stop()
  })
})

describe('block push announcements (announceWait)', () => {
  /** Block push at a peer of org members aa..ee, fan-out 2, announceWait 30 ms; what it sends, and what it asks. */
  function announcing (): { push: BlockPush, clock: FakeClock, blocks: string[], digests: Array<{ to: string, digest: string }>, asked: Array<{ from: string, start: bigint, end: bigint }>, held: Set<bigint>, announce: (seq: bigint | string, from: string) => void } {
    const clock = new FakeClock()
    const blocks: string[] = []
    const digests: Array<{ to: string, digest: string }> = []
    const asked: Array<{ from: string, start: bigint, end: bigint }> = []
    const held = new Set<bigint>()
    const handlers: Array<{ p: (m: ReceivedBlock) => boolean, h: (m: ReceivedBlock) => void | Promise<void> }> = []
    const ports: BlockPushPorts = {
      send: (msg, ...peers) => {
        for (const p of peers) {
          const to = Buffer.from(p.pkiId ?? []).toString('hex')
          if (msg.message.dataMsg != null) blocks.push(to)
          else digests.push({ to, digest: new TextDecoder().decode(msg.message.dataDig?.digests[0]) })
        }
      },
      subscribe: (p, h) => { handlers.push({ p, h }); return () => {} },
      members: () => ['aa', 'bb', 'cc', 'dd', 'ee'].map(member),
      remotePeerOf: m => ({ pkiId: m.pkiId }),
      routingFilter: () => m => m.pkiIdHex !== 'ee', // ee: not of the channel
      isOrgInChannel: () => true,
      isDuplicate: (_ch, seq) => held.has(seq),
      check: () => ({}) as common.Block,
      takeIn: async (_ch, seq) => { held.add(seq); return 'committed' },
      behind: () => {},
      gap: (_ch, from, start, end) => { asked.push({ from, start, end }) },
      height: () => 0n
    }
    const push = new BlockPush({ ports, clock, propagatePeerNum: 2, propagateIterations: 1, maxPropagationBurstSize: 10, maxPropagationBurstLatency: 10, eagerFlush: true, announceWait: 30 })
    push.start()
    const announce = (seq: bigint | string, from: string): void => {
      const message = { nonce: 0n, channel: new TextEncoder().encode(CHANNEL), tag: gossip.GossipMessage.Tag.CHAN_AND_ORG, dataDig: { nonce: 0n, digests: [new TextEncoder().encode(String(seq))], msgType: gossip.PullMsgType.BLOCK_MSG } } as unknown as gossip.GossipMessage
      const m: ReceivedBlock = { message, kind: 'dataDig', sender: { pkiIdHex: from, identity: { mspId: 'Org1MSP' } as PeerIdentity } }
      for (const { p, h } of handlers) if (p(m)) void h(m)
    }
    return { push, clock, blocks, digests, asked, held, announce }
  }

  it('the peer that takes a block in pushes it to propagatePeerNum peers and announces it to the other channel peers only', () => {
    const { push, blocks, digests } = announcing()
    push.gossip(CHANNEL, 9n, new Uint8Array([1])) // taken in from the orderer (no sender): eager, at once
    assert.equal(blocks.length, 2)
    assert.deepEqual(digests.map(d => d.to).sort(), ['aa', 'bb', 'cc', 'dd'].filter(p => !blocks.includes(p)).sort())
    assert.ok(digests.every(d => d.digest === '9'))
    assert.ok(!digests.some(d => d.to === 'ee') && !blocks.includes('ee'), 'never to a non-member')
    push.gossip(CHANNEL, 10n, new Uint8Array([1]), 'aa') // forwarded from aa: no announcements
    assert.equal(digests.length, 2)
    push.stop()
  })

  it('an announced block still missing announceWait later is asked from its announcer; one that arrived is not; bad announcements are ignored', () => {
    const { push, clock, asked, held, announce } = announcing()
    announce(5n, 'bb')
    announce(6n, 'cc')
    announce(5n, 'dd') // already awaited
    announce('5; drop', 'bb')
    announce(7n, 'ee') // not a channel member
    clock.advance(20)
    held.add(6n) // push brought 6 meanwhile
    clock.advance(10)
    assert.deepEqual(asked, [{ from: 'bb', start: 5n, end: 5n }])
    clock.advance(100)
    assert.equal(asked.length, 1)
    push.stop()
  })

  it('stop clears the awaited announcements', () => {
    const { push, clock, asked, announce } = announcing()
    announce(5n, 'bb')
    push.stop()
    assert.equal(clock.pending, 0)
    clock.advance(100)
    assert.equal(asked.length, 0)
  })
})

describe('block push announcements: the wait follows the lag of push', () => {
  /** A peer of two, announceWait 30 ms: announcements and blocks from aa, and what it asks for. */
  function lagging (): { push: BlockPush, clock: FakeClock, asked: bigint[], announce: (seq: bigint) => Promise<void>, block: (seq: bigint) => Promise<void> } {
    const clock = new FakeClock()
    const asked: bigint[] = []
    const handlers: Array<{ p: (m: ReceivedBlock) => boolean, h: (m: ReceivedBlock) => void | Promise<void> }> = []
    const held = new Set<bigint>()
    const ports: BlockPushPorts = {
      send: () => {},
      subscribe: (p, h) => { handlers.push({ p, h }); return () => {} },
      members: () => ['aa', 'bb'].map(member),
      remotePeerOf: m => ({ pkiId: m.pkiId }),
      routingFilter: () => () => true,
      isOrgInChannel: () => true,
      isDuplicate: (_ch, seq) => held.has(seq),
      check: () => ({}) as common.Block,
      takeIn: async (_ch, seq) => { held.add(seq); return 'committed' },
      behind: () => {},
      gap: (_ch, _from, start) => { asked.push(start) },
      height: () => 0n
    }
    const push = new BlockPush({ ports, clock, propagatePeerNum: 1, propagateIterations: 1, maxPropagationBurstSize: 10, maxPropagationBurstLatency: 10, eagerFlush: true, announceWait: 30 })
    push.start()
    const deliver = async (m: ReceivedBlock): Promise<void> => { for (const { p, h } of handlers) if (p(m)) await h(m) }
    const sender = { pkiIdHex: 'aa', identity: { mspId: 'Org1MSP' } as PeerIdentity }
    const announce = async (seq: bigint): Promise<void> => { await deliver({ kind: 'dataDig', sender, message: { nonce: 0n, channel: new TextEncoder().encode(CHANNEL), tag: gossip.GossipMessage.Tag.CHAN_AND_ORG, dataDig: { nonce: 0n, digests: [new TextEncoder().encode(String(seq))], msgType: gossip.PullMsgType.BLOCK_MSG } } as unknown as gossip.GossipMessage }) }
    const block = async (seq: bigint): Promise<void> => { await deliver({ kind: 'dataMsg', sender, message: { nonce: 0n, channel: new TextEncoder().encode(CHANNEL), tag: gossip.GossipMessage.Tag.CHAN_AND_ORG, dataMsg: { payload: { seqNum: seq, data: new Uint8Array([1]), privateData: [] } } } as unknown as gossip.GossipMessage }) }
    return { push, clock, asked, announce, block }
  }

  it('after announced blocks arrived late by push, a peer waits twice that lag before asking', async () => {
    const { push, clock, asked, announce, block } = lagging()
    // a block announced, then pushed 25 ms later (within the 30 ms): not asked; the lag is learnt
    await announce(1n)
    clock.advance(25)
    await block(1n)
    clock.advance(100)
    assert.deepEqual(asked, [])
    // the next one is awaited 2 x 25 = 50 ms: still missing at 40 ms is not asked yet, at 50 it is
    await announce(2n)
    clock.advance(40)
    assert.deepEqual(asked, [])
    clock.advance(10)
    assert.deepEqual(asked, [2n])
    push.stop()
  })

  it('one block much later than the others (deep in a relay tree) lengthens the wait past twice the mean: a quarter more than it', async () => {
    const { push, clock, asked, announce, block } = lagging()
    for (const [seq, lag] of [[1n, 20], [2n, 20], [3n, 100]] as const) {
      await announce(seq)
      clock.advance(lag)
      await block(seq)
    }
    assert.deepEqual(asked, [3n], 'the late one was asked for (the wait was 40 ms), and its lag still learnt')
    // mean 36 ms (twice: 72), the longest 100: waits 125 ms
    await announce(4n)
    clock.advance(120)
    assert.deepEqual(asked, [3n])
    clock.advance(5)
    assert.deepEqual(asked, [3n, 4n])
    push.stop()
  })
})

describe('block push flooding (floodMaxBytes)', () => {
  /** Block push at a peer of org members aa..ee (ee not of the channel), fan-out 2, announceWait 30 ms, flooding up to `budget` bytes. */
  function flooding (budget: number, announceWait = 30, treePush = false): {
    push: BlockPush, clock: FakeClock, blocks: Array<{ to: string, nonce: bigint }>, digests: string[], relays: Array<{ to: string, seq: string, part: string[] }>, taken: bigint[], asked: bigint[], registry: Registry,
    receive: (seq: bigint, from: string, nonce: bigint) => Promise<void>, receiveRelay: (seq: bigint, from: string, part: string[]) => Promise<void>, announce: (seq: bigint, from: string) => Promise<void>
  } {
    const clock = new FakeClock()
    const blocks: Array<{ to: string, nonce: bigint }> = []
    const digests: string[] = []
    const relays: Array<{ to: string, seq: string, part: string[] }> = []
    const taken: bigint[] = []
    const asked: bigint[] = []
    const registry = new Registry()
    const handlers: Array<{ p: (m: ReceivedBlock) => boolean, h: (m: ReceivedBlock) => void | Promise<void> }> = []
    const ports: BlockPushPorts = {
      send: (msg, ...peers) => {
        for (const p of peers) {
          const to = Buffer.from(p.pkiId ?? []).toString('hex')
          const dig = msg.message.dataDig
          if (msg.message.dataMsg != null) blocks.push({ to, nonce: msg.message.nonce })
          else if (dig?.nonce === RELAY) relays.push({ to, seq: new TextDecoder().decode(dig.digests[0]), part: dig.digests.slice(1).map(d => Buffer.from(d).toString('hex')) })
          else digests.push(to)
        }
      },
      subscribe: (p, h) => { handlers.push({ p, h }); return () => {} },
      members: () => ['aa', 'bb', 'cc', 'dd', 'ee'].map(member),
      remotePeerOf: m => ({ pkiId: m.pkiId }),
      routingFilter: () => m => m.pkiIdHex !== 'ee',
      isOrgInChannel: () => true,
      isDuplicate: (_ch, seq) => taken.includes(seq),
      check: () => ({}) as common.Block,
      takeIn: async (_ch, seq) => { taken.push(seq); return 'committed' },
      behind: () => {},
      gap: (_ch, _from, start) => { asked.push(start) },
      height: () => 0n
    }
    const push = new BlockPush({ ports, clock, propagatePeerNum: 2, propagateIterations: 1, maxPropagationBurstSize: 10, maxPropagationBurstLatency: 10, eagerFlush: true, announceWait, floodMaxBytes: budget, treePush, registry })
    push.start()
    const deliver = async (message: gossip.GossipMessage, kind: string, from: string): Promise<void> => {
      const m: ReceivedBlock = { message, kind, sender: { pkiIdHex: from, identity: { mspId: 'Org1MSP' } as PeerIdentity } }
      for (const { p, h } of handlers) if (p(m)) await h(m)
      clock.advance(20)
    }
    const channel = new TextEncoder().encode(CHANNEL)
    const Tag = gossip.GossipMessage.Tag
    const receive = async (seq: bigint, from: string, nonce: bigint): Promise<void> => {
      await deliver({ nonce, channel, tag: Tag.CHAN_AND_ORG, dataMsg: { payload: { seqNum: seq, data: new Uint8Array(10), privateData: [] } } } as unknown as gossip.GossipMessage, 'dataMsg', from)
    }
    const receiveRelay = async (seq: bigint, from: string, part: string[]): Promise<void> => {
      const digests = [new TextEncoder().encode(seq.toString()), ...part.map(h => Buffer.from(h, 'hex'))]
      await deliver({ nonce: 0n, channel, tag: Tag.CHAN_AND_ORG, dataDig: { nonce: RELAY, digests, msgType: gossip.PullMsgType.BLOCK_MSG } } as unknown as gossip.GossipMessage, 'dataDig', from)
    }
    const announce = async (seq: bigint, from: string): Promise<void> => {
      await deliver({ nonce: 0n, channel, tag: Tag.CHAN_AND_ORG, dataDig: { nonce: 0n, digests: [new TextEncoder().encode(seq.toString())], msgType: gossip.PullMsgType.BLOCK_MSG } } as unknown as gossip.GossipMessage, 'dataDig', from)
    }
    return { push, clock, blocks, digests, relays, taken, asked, registry, receive, receiveRelay, announce }
  }

  it('a block taken in whose size x channel peers fits the budget goes to every channel peer, marked; no announcements', () => {
    const { push, blocks, digests } = flooding(40) // 10 bytes x 4 peers
    push.gossip(CHANNEL, 3n, new Uint8Array(10))
    assert.deepEqual(blocks.map(b => b.to).sort(), ['aa', 'bb', 'cc', 'dd'], 'all of the channel, never ee')
    assert.ok(blocks.every(b => b.nonce === FLOODED))
    assert.deepEqual(digests, [])
    push.stop()
  })

  it('a block over the budget, a forwarded block, or announcements off: the push tree (propagatePeerNum), unmarked', () => {
    const over = flooding(39)
    over.push.gossip(CHANNEL, 3n, new Uint8Array(10))
    assert.equal(over.blocks.length, 2)
    assert.ok(over.blocks.every(b => b.nonce === 0n))
    assert.equal(over.digests.length, 2, 'announced to the other two')
    over.push.gossip(CHANNEL, 4n, new Uint8Array(1), 'aa') // forwarded: never flooded
    over.clock.advance(20) // the emitter's burst latency
    assert.equal(over.blocks.length, 4)
    over.push.stop()
    const off = flooding(1000, 0)
    off.push.gossip(CHANNEL, 3n, new Uint8Array(10))
    assert.equal(off.blocks.length, 2)
    assert.ok(off.blocks.every(b => b.nonce === 0n))
    off.push.stop()
  })

  it('a flooded block received is taken in and announced to propagatePeerNum peers (never its sender), not forwarded; an unmarked one is forwarded', async () => {
    const { push, blocks, digests, taken, receive } = flooding(1000)
    await receive(5n, 'aa', FLOODED)
    assert.deepEqual(taken, [5n])
    assert.equal(blocks.length, 0, 'not forwarded')
    assert.equal(digests.length, 2)
    assert.ok(!digests.includes('aa') && !digests.includes('ee'))
    await receive(5n, 'bb', FLOODED) // a second copy: nothing more
    assert.equal(digests.length, 2)
    await receive(6n, 'aa', 0n)
    assert.equal(blocks.length, 2, 'forwarded as Fabric does')
    assert.ok(blocks.every(b => b.nonce === 0n && b.to !== 'aa'))
    push.stop()
  })

  it('relay tree: a block taken in over the budget goes to propagatePeerNum peers, each with the rest of its part; the others get an announcement', () => {
    const { push, blocks, relays, digests } = flooding(39, 30, true)
    push.gossip(CHANNEL, 3n, new Uint8Array(10))
    assert.equal(blocks.length, 2)
    assert.ok(blocks.every(b => b.nonce === TREE))
    const heads = blocks.map(b => b.to)
    assert.deepEqual(relays.map(r => r.to), heads, 'each head its part')
    assert.ok(relays.every(r => r.seq === '3' && r.part.length === 1))
    const covered = [...heads, ...relays.flatMap(r => r.part)].sort()
    assert.deepEqual(covered, ['aa', 'bb', 'cc', 'dd'], 'every channel peer once, never ee')
    assert.deepEqual(digests.sort(), relays.flatMap(r => r.part).sort(), 'announced to those it did not send it to')
    push.stop()
  })

  it('relay tree: a received block is sent on over its part, whichever of the two arrives first; a leaf sends nothing', async () => {
    const first = flooding(39, 30, true)
    await first.receiveRelay(5n, 'aa', ['bb', 'cc', 'ff', 'dd']) // ff: not a member here, left out
    assert.equal(first.blocks.length, 0, 'waits for the block')
    await first.receive(5n, 'aa', TREE)
    assert.deepEqual(first.taken, [5n])
    assert.deepEqual(first.blocks.map(b => b.to), ['bb', 'dd'], 'its part cut in two: bb (with cc) and dd')
    assert.ok(first.blocks.every(b => b.nonce === TREE))
    assert.deepEqual(first.relays, [{ to: 'bb', seq: '5', part: ['cc'] }, { to: 'dd', seq: '5', part: [] }])
    assert.deepEqual(first.digests, [], 'no announcements from a relay')
    await first.receiveRelay(5n, 'bb', ['cc']) // a second part for the same block: ignored
    await first.receive(5n, 'bb', TREE)
    assert.equal(first.blocks.length, 2)
    const counted = (await first.registry.getSingleMetric('gossip_blocks_received')?.get())?.values.find(v => v.labels.result === 'relay-duplicate')?.value
    assert.equal(counted, 1)
    first.push.stop()

    const second = flooding(39, 30, true)
    await second.receive(6n, 'aa', TREE)
    assert.equal(second.blocks.length, 0, 'held for its part')
    await second.receiveRelay(6n, 'aa', ['cc'])
    assert.deepEqual(second.blocks, [{ to: 'cc', nonce: TREE }])
    await second.receive(7n, 'aa', TREE)
    await second.receiveRelay(7n, 'aa', []) // a leaf
    assert.equal(second.blocks.length, 1)
    second.push.stop()
  })

  it('relay tree: a part from a peer not of the channel, or malformed, is dropped and counted', async () => {
    const { push, blocks, registry, receive, receiveRelay } = flooding(39, 30, true)
    await receiveRelay(8n, 'ee', ['bb'])
    await receive(8n, 'aa', TREE)
    assert.equal(blocks.length, 0)
    await receiveRelay(9n, 'aa', ['00'.repeat(65)])
    const values = (await registry.getSingleMetric('gossip_blocks_received')?.get())?.values ?? []
    assert.equal(values.find(v => v.labels.result === 'relay-not-member')?.value, 1)
    assert.equal(values.find(v => v.labels.result === 'relay-malformed')?.value, 1)
    push.stop()
  })

  it('relay tree: a part is passed down at once, ahead of the block', async () => {
    const { push, blocks, relays, receiveRelay } = flooding(39, 30, true)
    await receiveRelay(5n, 'aa', ['bb', 'cc', 'dd'])
    assert.deepEqual(relays, [{ to: 'bb', seq: '5', part: ['cc'] }, { to: 'dd', seq: '5', part: [] }])
    assert.equal(blocks.length, 0, 'the block follows when it is here')
    push.stop()
  })

  it('relay tree: an announced block whose part came is on its way: asked for only after a second, longer wait', async () => {
    const { push, clock, asked, announce, receiveRelay } = flooding(39, 30, true)
    await announce(5n, 'aa') // the origin's announcement at 0 (the harness advances 20 ms after each message)
    await receiveRelay(5n, 'bb', []) // at 20: its part
    clock.advance(580) // 620
    assert.deepEqual(asked, [], 'not at announceWait (30 ms), nor until 20 x announceWait after it')
    clock.advance(10)
    assert.deepEqual(asked, [5n], 'then asked')
    await announce(6n, 'aa') // no part: asked at announceWait
    clock.advance(20)
    assert.deepEqual(asked, [5n, 6n])
    push.stop()
  })
})
