/**
 * The comm layer between real nodes over TCP: sending and receiving, replies, probes, one connection per
 * PKI-ID, strangers that are never admitted, and malformed or oversized frames on every stream.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import * as varint from 'uint8-varint'
import { ConnectionClosedError, type Connection } from '@libp2p/interface'
import { cleanupTmp, createTestNetwork, metric, startNode, stopAll, testCrypto, waitFor } from '../helpers/network.js'
import { rawNode, openAndWrite, streamEnds } from '../helpers/raw.js'
import { seal, encodeEnvelope } from '../../src/wire/envelope.js'
import { encodeFrames } from '../../src/wire/framing.js'
import { BLOCKS_PROTOCOL, CONTROL_PROTOCOL, HANDSHAKE_PROTOCOL } from '../../src/wire/protocols.js'
import { createHandshake } from '../../src/comm/index.js'
import { loadSigningIdentity } from '../../src/identity/index.js'
import { gossip } from '../../src/pb/gossip.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'
import type { ReceivedMessage } from '../../src/comm/index.js'

const Tag = gossip.GossipMessage.Tag
const b = (u: Uint8Array): Uint8Array<ArrayBuffer> => u as Uint8Array<ArrayBuffer>

function membershipRequest (nonce: bigint): ReturnType<typeof seal> {
  return seal({ nonce, tag: Tag.EMPTY, memReq: { known: [b(new Uint8Array([1, 2, 3]))] } })
}

function blockMessage (seq: bigint, size: number): ReturnType<typeof seal> {
  return seal({ nonce: seq, tag: Tag.CHAN_AND_ORG, channel: b(Buffer.from('mychannel')), dataMsg: { payload: { seqNum: seq, data: b(randomBytes(size)), privateData: [] } } })
}

async function first (iter: AsyncIterable<ReceivedMessage>): Promise<ReceivedMessage> {
  for await (const m of iter) return m
  throw new Error('ended without a message')
}

/**
 * Makes a connection refuse new streams as libp2p does once its muxer has closed while its socket is still open
 * (the remote closed it): libp2p still hands such a connection back to a dial. Counts the refusals.
 */
function refuseStreams (connection: Connection): { count: number } {
  const refused = { count: 0 }
  connection.newStream = async () => { refused.count++; throw new ConnectionClosedError('The connection muxer is "closed" and not "open"') }
  return refused
}

/** These tests are about the comm layer alone: discovery would add its own traffic. */
const COMM_ONLY = { discovery: false }

describe('comm between real nodes', () => {
  let layout: CryptoLayout
  before(async () => { layout = await testCrypto() })
  after(cleanupTmp)

  it('sends control and block messages; the receiver learns the sender and replies', async () => {
    const [a, c] = await createTestNetwork(2, 2, COMM_ONLY)
    try {
      const gotReq = first(c.comm.accept(m => m.kind === 'memReq'))
      const gotBlock = first(c.comm.accept(m => m.kind === 'dataMsg'))
      const gotReply = first(a.comm.accept(m => m.kind === 'memRes'))
      a.comm.send(membershipRequest(7n), { endpoint: c.multiaddrs()[0] })
      const req = await gotReq
      assert.equal(req.message.nonce, 7n)
      assert.deepEqual(req.sender.pkiId, a.identity.pkiId)
      assert.equal(req.sender.identity.mspId, 'Org1MSP')
      await req.respond(seal({ nonce: 7n, tag: Tag.EMPTY, memRes: { alive: [], dead: [] } }))
      const reply = await gotReply
      assert.equal(reply.message.nonce, 7n)
      assert.deepEqual(reply.sender.pkiId, c.identity.pkiId)
      a.comm.send(blockMessage(5n, 2 * 1024 * 1024), { pkiId: c.identity.pkiId })
      const block = await gotBlock
      assert.equal(block.message.dataMsg?.payload?.seqNum, 5n)
      assert.equal(block.message.dataMsg?.payload?.data.byteLength, 2 * 1024 * 1024)
      await waitFor(async () => await metric(a, 'gossip_comm_messages_sent') === 2, 'a counted 2 sent')
      assert.equal(await metric(c, 'gossip_comm_messages_received'), 2)
    } finally {
      await stopAll([a, c])
    }
  })

  it('drops pushes past sendBuffSize and counts the overflow', async () => {
    const [a, c] = await createTestNetwork(2, 2, COMM_ONLY)
    try {
      await a.comm.connect({ endpoint: c.multiaddrs()[0] })
      // 300 pushes at once into a queue of 200 (the pump has not run yet): at least 100 overflow
      for (let i = 0; i < 300; i++) a.comm.send(membershipRequest(BigInt(i)), { pkiId: c.identity.pkiId })
      assert.ok(await metric(a, 'gossip_comm_overflow_count') >= 100)
      let received = 0
      c.comm.subscribe(m => m.kind === 'memReq', () => { received++ })
      await waitFor(async () => received + await metric(a, 'gossip_comm_overflow_count') === 300, 'everything delivered or counted')
    } finally {
      await stopAll([a, c])
    }
  })

  it('probe learns the remote identity without admitting anyone', async () => {
    const [a, c] = await createTestNetwork(2, 2, COMM_ONLY)
    try {
      const id = await a.comm.probe(c.multiaddrs()[0])
      assert.equal(id.mspId, 'Org2MSP')
      assert.deepEqual(id.pkiId, c.identity.pkiId)
      assert.equal(a.comm.connectedPeers().length, 0)
      assert.equal(c.comm.connectedPeers().length, 0)
    } finally {
      await stopAll([a, c])
    }
  })

  it('a probe that meets a connection whose muxer has closed aborts it and dials again', async () => {
    const [a, c] = await createTestNetwork(2, 2, COMM_ONLY)
    try {
      await a.comm.connect({ endpoint: c.multiaddrs()[0] })
      const stale = a.libp2p.getConnections(c.libp2p.peerId)[0]
      const refused = refuseStreams(stale)
      const id = await a.comm.probe(c.multiaddrs()[0])
      assert.deepEqual(id.pkiId, c.identity.pkiId)
      assert.equal(refused.count, 1, 'the stale connection was tried once')
      assert.notEqual(stale.status, 'open', 'and aborted')
      assert.equal(await metric(a, 'gossip_comm_handshake_failures', { reason: 'connection-closed' }), 1)
    } finally {
      await stopAll([a, c])
    }
  })

  it('a connect that meets a connection whose muxer has closed aborts it and dials again', async () => {
    const [a, c] = await createTestNetwork(2, 2, COMM_ONLY)
    try {
      const stale = await a.libp2p.dial(c.multiaddrs()[0]) // not admitted yet: comm handshakes it on the next tick
      const refused = refuseStreams(stale)
      const peer = await a.comm.connect({ endpoint: c.multiaddrs()[0] })
      assert.deepEqual(peer.pkiId, c.identity.pkiId)
      assert.ok(refused.count >= 1, 'the stale connection was tried')
      assert.notEqual(stale.status, 'open', 'and aborted')
      assert.notEqual(a.comm.connectedPeer(c.identity.pkiId), undefined)
    } finally {
      await stopAll([a, c])
    }
  })

  it('keeps one connection per PKI-ID: a newer connection replaces the older', async () => {
    const c = await startNode(layout, { org: 2, peer: 0, ...COMM_ONLY })
    const a1 = await startNode(layout, { org: 1, peer: 0, ...COMM_ONLY })
    const a2 = await startNode(layout, { org: 1, peer: 0, ...COMM_ONLY }) // same MSP identity, another libp2p key: a restarted peer
    try {
      await a1.comm.connect({ endpoint: c.multiaddrs()[0] })
      await waitFor(() => c.comm.connectedPeer(a1.identity.pkiId)?.peerId.equals(a1.libp2p.peerId) === true, 'a1 admitted')
      await a2.comm.connect({ endpoint: c.multiaddrs()[0] })
      await waitFor(() => c.comm.connectedPeer(a2.identity.pkiId)?.peerId.equals(a2.libp2p.peerId) === true, 'a2 replaced a1')
      assert.equal(c.comm.connectedPeers().length, 1)
      await waitFor(() => a1.comm.connectedPeers().length === 0, 'the older connection is closed')
    } finally {
      await stopAll([a1, a2, c])
    }
  })

  it('a stock libp2p node connects, identifies and pings, and is never admitted to gossip', async () => {
    const [a] = await createTestNetwork(1, 1, COMM_ONLY)
    const raw = await rawNode()
    try {
      const rtt = await raw.services.ping.ping(a.multiaddrs()[0])
      assert.ok(rtt >= 0)
      const conn = raw.getConnections(a.libp2p.peerId)[0]
      assert.ok(conn != null)
      await waitFor(async () => (await raw.peerStore.get(a.libp2p.peerId)).protocols.includes(CONTROL_PROTOCOL), 'identify tells the gossip protocols')
      assert.equal(a.comm.connectedPeers().length, 0)
      // it tries a gossip stream without a handshake: refused, counted, nothing crashes
      const stream = await openAndWrite(conn, CONTROL_PROTOCOL, encodeFrames([encodeEnvelope(membershipRequest(1n).envelope)]).subarray())
      assert.ok(await streamEnds(stream))
      await waitFor(async () => await metric(a, 'gossip_comm_dropped_messages', { reason: 'not-admitted' }) === 1, 'not-admitted counted')
      assert.equal(await metric(a, 'gossip_comm_messages_received'), 0)
      assert.equal(a.libp2p.status, 'started')
    } finally {
      await raw.stop()
      await stopAll([a])
    }
  })

  it('every new outbound connection runs the handshake, whoever dialled it', async () => {
    const [a, c] = await createTestNetwork(2, 2, COMM_ONLY)
    try {
      await a.libp2p.dial(c.multiaddrs()[0]) // plain libp2p dial, not through comm
      await waitFor(() => a.comm.connectedPeer(c.identity.pkiId) != null && c.comm.connectedPeer(a.identity.pkiId) != null, 'both admitted')
    } finally {
      await stopAll([a, c])
    }
  })

  it('dialling a stock libp2p node admits nothing and leaves its connection alone', async () => {
    const [a] = await createTestNetwork(1, 1, COMM_ONLY)
    const raw = await rawNode()
    try {
      await assert.rejects(a.comm.connect({ endpoint: raw.getMultiaddrs()[0] }), { name: 'HandshakeError' })
      assert.equal(await metric(a, 'gossip_comm_handshake_failures', { reason: 'not-gossip-peer' }), 1)
      assert.equal(a.comm.connectedPeers().length, 0)
      assert.equal(a.libp2p.getConnections(raw.peerId)[0]?.status, 'open')
      assert.ok(await a.libp2p.services.ping.ping(raw.peerId) >= 0)
    } finally {
      await raw.stop()
      await stopAll([a])
    }
  })

  it('malformed and oversized frames on the control and block streams are dropped without harm', async () => {
    const [a, c] = await createTestNetwork(2, 2, COMM_ONLY)
    const raw = await rawNode()
    try {
      // the stranger holds a genuine identity and completes a real handshake, then misbehaves
      const id = loadSigningIdentity(layout.orgs[1].nodes[2].mspDir, 'Org2MSP')
      const conn = await raw.dial(a.multiaddrs()[0])
      await openAndWrite(conn, HANDSHAKE_PROTOCOL, encodeFrames([encodeEnvelope(createHandshake(id, raw.peerId, false).envelope)]).subarray())
      await waitFor(() => a.comm.connectedPeer(id.pkiId) != null, 'stranger admitted')

      const dropped = async (reason: string): Promise<number> => await metric(a, 'gossip_comm_dropped_messages', { reason })
      for (const protocol of [CONTROL_PROTOCOL, BLOCKS_PROTOCOL]) {
        const base = { env: await dropped('bad-envelope'), payload: await dropped('bad-payload'), none: await dropped('no-content'), tag: await dropped('bad-tag'), wrong: await dropped('wrong-stream') }
        const garbage = randomBytes(64)
        garbage[0] = 0xff // an invalid wire type: never decodes
        const frames = [
          garbage, // not an envelope
          encodeEnvelope({ payload: b(new Uint8Array([0x0a, 0xff, 0xff])), signature: b(new Uint8Array()) }), // payload truncated
          encodeEnvelope((protocol === CONTROL_PROTOCOL ? blockMessage(1n, 10) : membershipRequest(1n)).envelope), // a kind that belongs on the other stream
          encodeEnvelope({ payload: b(gossip.GossipMessage.encode({ nonce: 1n, channel: b(new Uint8Array()), tag: Tag.EMPTY })), signature: b(new Uint8Array()) }), // no content
          encodeEnvelope(seal({ nonce: 1n, tag: Tag.ORG_ONLY, memReq: { known: [] } }).envelope) // wrong tag for its kind
        ]
        const stream = await openAndWrite(conn, protocol, encodeFrames(frames).subarray())
        await waitFor(async () => await dropped('bad-envelope') === base.env + 1 && await dropped('bad-payload') === base.payload + 1 &&
          await dropped('no-content') === base.none + 1 && await dropped('bad-tag') === base.tag + 1 && await dropped('wrong-stream') === base.wrong + 1,
        `each malformed frame on ${protocol} counted`)
        assert.equal(stream.status, 'open', 'malformed content does not cost the stream')
        // a length prefix past the limit resets the stream at once
        const oversizeBefore = await dropped('oversized')
        const limit = protocol === CONTROL_PROTOCOL ? a.config.peer.gossip.maxControlMessageSize : a.config.peer.gossip.maxMessageSize
        stream.send(varint.encode(limit + 1))
        assert.ok(await streamEnds(stream), `${protocol} stream reset on an oversized frame`)
        await waitFor(async () => await dropped('oversized') === oversizeBefore + 1, 'oversized counted')
      }
      assert.equal(await metric(a, 'gossip_comm_messages_received'), 0)
      // the node still works for honest peers
      const got = first(a.comm.accept(m => m.kind === 'memReq'))
      c.comm.send(membershipRequest(42n), { endpoint: a.multiaddrs()[0] })
      assert.equal((await got).message.nonce, 42n)
    } finally {
      await raw.stop()
      await stopAll([a, c])
    }
  })
})
