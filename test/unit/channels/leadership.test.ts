/**
 * Leadership per channel with stubbed neighbours and a fake clock: static mode (orgLeader), dynamic mode
 * sending signed LeadershipMessages to the same-org channel members, and the checks on received ones: only
 * a message from its origin, of my org, an alive channel member, newer than the last, correctly signed
 * counts (a counted one keeps this peer from leading; a dropped one does not, and is counted by reason).
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { Registry } from 'prom-client'
import { Leadership, type LeadershipPorts, type ReceivedLeadership } from '../../../src/channels/leadership.js'
import { seal, type SignedMessage } from '../../../src/wire/envelope.js'
import { gossip } from '../../../src/pb/gossip.js'
import { loadSigningIdentity, MspManager, pkiIdToHex, type PeerIdentity, type SigningIdentity } from '../../../src/identity/index.js'
import { FakeClock } from '../../helpers/fake-clock.js'
import { cleanupTmp, testCrypto } from '../../helpers/network.js'
import type { NetworkMember } from '../../../src/membership/index.js'

const CHANNEL = 'lead'
const ELECTION = { kind: 'election' as const, startupGracePeriod: 3000, membershipSampleInterval: 500, leaderAliveThreshold: 2000, leaderElectionDuration: 1000 }

describe('leadership of a channel', () => {
  let self: SigningIdentity
  let mate: SigningIdentity
  let stranger: SigningIdentity
  let msps: MspManager
  before(async () => {
    const layout = await testCrypto({ orgs: 2, peers: 2 })
    self = loadSigningIdentity(layout.orgs[0].nodes[0].mspDir, 'Org1MSP')
    mate = loadSigningIdentity(layout.orgs[0].nodes[1].mspDir, 'Org1MSP')
    stranger = loadSigningIdentity(layout.orgs[1].nodes[0].mspDir, 'Org2MSP')
    msps = new MspManager()
    msps.addMspFolder(layout.orgs[0].mspDir, 'Org1MSP')
    msps.addMspFolder(layout.orgs[1].mspDir, 'Org2MSP')
  })
  after(cleanupTmp)

  const member = (id: SigningIdentity): NetworkMember => ({ pkiId: id.pkiId, pkiIdHex: pkiIdToHex(id.pkiId), mspId: id.mspId, externalEndpoint: '', metadata: new Uint8Array(0), alive: true }) as unknown as NetworkMember

  /** A Leadership with stubbed ports; `members` are the alive channel members (same org filter applies). */
  function setup (mode: ConstructorParameters<typeof Leadership>[0]['mode'], members: SigningIdentity[]): {
    leadership: Leadership, clock: FakeClock, registry: Registry, sent: Array<{ msg: SignedMessage, to: number }>, changes: boolean[], deliver: (m: ReceivedLeadership) => void
  } {
    const clock = new FakeClock(Date.now())
    const registry = new Registry()
    const sent: Array<{ msg: SignedMessage, to: number }> = []
    const changes: boolean[] = []
    let handler: ((m: ReceivedLeadership) => void) | undefined
    const ports: LeadershipPorts = {
      send: (msg, ...peers) => { sent.push({ msg, to: peers.length }) },
      subscribe: (_p, h) => { handler = h; return () => { handler = undefined } },
      members: () => members.map(member),
      remotePeerOf: m => ({ pkiId: m.pkiId }),
      routingFilter: () => m => m.mspId === self.mspId
    }
    const leadership = new Leadership({ ports, clock, signer: self, mode, registry, onChange: (_ch, isLeader) => { changes.push(isLeader) } })
    return { leadership, clock, registry, sent, changes, deliver: m => { handler?.(m) } }
  }

  let seq = 0n
  /** A leadership message signed by `signer` (about `origin`), as received from `sender`. */
  function received (signer: SigningIdentity, opts: { origin?: SigningIdentity, sender?: SigningIdentity, seq?: bigint, tamper?: boolean } = {}): ReceivedLeadership {
    const origin = opts.origin ?? signer
    const msg = seal({
      channel: new TextEncoder().encode(CHANNEL) as Uint8Array<ArrayBuffer>,
      tag: gossip.GossipMessage.Tag.CHAN_AND_ORG,
      leadershipMsg: { pkiId: origin.pkiId as Uint8Array<ArrayBuffer>, timestamp: { incNum: 1n, seqNum: opts.seq ?? ++seq }, isDeclaration: true }
    }, signer)
    const sender = opts.sender ?? signer
    const identity: PeerIdentity = msps.validate(sender.serialized)
    const envelope = opts.tamper === true ? { ...msg.envelope, signature: msg.envelope.signature.map(b => b ^ 1) as Uint8Array<ArrayBuffer> } : msg.envelope
    return { message: msg.message, envelope, kind: 'leadershipMsg', sender: { pkiIdHex: pkiIdToHex(sender.pkiId), identity } }
  }

  async function dropped (registry: Registry, reason: string): Promise<number> {
    const values = (await registry.getSingleMetric('gossip_leader_election_dropped_messages')?.get())?.values ?? []
    return values.filter(v => v.labels.reason === reason).reduce((a, v) => a + v.value, 0)
  }

  it('static: orgLeader leads every channel it joins, at once; stepping out of the channel ends it', () => {
    const { leadership, changes } = setup({ kind: 'static', isLeader: true }, [])
    leadership.start()
    leadership.addChannel(CHANNEL)
    assert.equal(leadership.isLeader(CHANNEL), true)
    leadership.removeChannel(CHANNEL)
    assert.deepEqual(changes, [true, false])
    const follower = setup({ kind: 'static', isLeader: false }, [])
    follower.leadership.start()
    follower.leadership.addChannel(CHANNEL)
    assert.equal(follower.leadership.isLeader(CHANNEL), false)
    assert.deepEqual(follower.changes, [])
    leadership.stop()
    follower.leadership.stop()
  })

  it('election: a lone peer proposes and declares, signed, to every same-org channel member', async () => {
    const { leadership, clock, sent, changes, registry } = setup(ELECTION, [mate, stranger])
    leadership.start()
    leadership.addChannel(CHANNEL)
    clock.advance(5000)
    assert.equal(leadership.isLeader(CHANNEL), true)
    assert.deepEqual(changes, [true])
    assert.ok(sent.length >= 2)
    for (const { msg, to } of sent) {
      assert.equal(to, 1, 'to the one same-org member')
      assert.equal(msg.message.tag, gossip.GossipMessage.Tag.CHAN_AND_ORG)
      assert.deepEqual(msg.message.leadershipMsg?.pkiId, self.pkiId)
      assert.ok(msps.verify(self.serialized, msg.envelope.payload, msg.envelope.signature), 'signed by this peer')
    }
    assert.equal(sent[0].msg.message.leadershipMsg?.isDeclaration, false, 'a proposal first')
    assert.equal(sent.at(-1)?.msg.message.leadershipMsg?.isDeclaration, true)
    const seqs = sent.map(s => s.msg.message.leadershipMsg?.timestamp?.seqNum ?? 0n)
    assert.deepEqual(seqs, [...seqs].sort((a, b) => (a < b ? -1 : 1)), 'PeerTime grows')
    const gauge = (await registry.getSingleMetric('gossip_leader_election_leader')?.get())?.values
    assert.deepEqual(gauge?.map(v => [v.labels.channel, v.value]), [[CHANNEL, 1]])
    leadership.stop()
    assert.deepEqual(changes, [true, false], 'a stopping leader steps down')
  })

  it('a valid declaration of a same-org member keeps this peer from leading', () => {
    const { leadership, clock, deliver } = setup(ELECTION, [mate])
    leadership.start()
    leadership.addChannel(CHANNEL)
    for (let t = 0; t < 20; t++) {
      deliver(received(mate))
      clock.advance(500)
    }
    assert.equal(leadership.isLeader(CHANNEL), false)
    leadership.stop()
  })

  for (const [reason, make] of [
    ['other-org', () => received(stranger)],
    ['not-origin', () => received(mate, { sender: self })], // forwarded by someone else
    ['bad-signature', () => received(mate, { tamper: true })],
    ['not-member', () => received(mate)], // mate is not in the channel in this case
    ['stale', () => received(mate, { seq: 1n })] // the same PeerTime again and again
  ] as Array<[string, () => ReceivedLeadership]>) {
    it(`drops a declaration that fails the checks: ${reason}`, async () => {
      const members = reason === 'not-member' ? [] : [mate, stranger]
      const { leadership, clock, deliver, registry } = setup(ELECTION, members)
      leadership.start()
      leadership.addChannel(CHANNEL)
      if (reason === 'stale') deliver(received(mate, { seq: 0n })) // accepted once: counts as a leader for a while
      for (let t = 0; t < 30; t++) {
        deliver(make())
        clock.advance(500)
      }
      assert.equal(leadership.isLeader(CHANNEL), true, 'the dropped declarations did not count')
      assert.ok(await dropped(registry, reason) >= 20, `counted as ${reason}`)
      leadership.stop()
    })
  }
})
