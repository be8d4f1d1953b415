/**
 * Fabric's handshake between real nodes over TCP: who is admitted, who is refused and why, with the reason
 * counted in `gossip_comm_handshake_failures{reason}`.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { cleanupTmp, createTestNetwork, metric, startNode, stopAll, testCrypto, waitFor } from '../helpers/network.js'
import { rawNode, openAndWrite, streamEnds, type RawNode } from '../helpers/raw.js'
import { createCA, issueCertificate, loadCA, type CryptoLayout } from '../../src/identity/cryptogen.js'
import { createSigningIdentity, encodeSerializedIdentity, loadSigningIdentity, pkiIdOfSerialized, signData } from '../../src/identity/index.js'
import { connectionBinding, createHandshake } from '../../src/comm/index.js'
import { seal, encodeEnvelope } from '../../src/wire/envelope.js'
import { encodeFrames } from '../../src/wire/framing.js'
import { HANDSHAKE_PROTOCOL } from '../../src/wire/protocols.js'
import { gossip } from '../../src/pb/gossip.js'
import type { GossipNode } from '../../src/node.js'
import type { PeerId } from '@libp2p/interface'

const b = (u: Uint8Array): Uint8Array<ArrayBuffer> => u as Uint8Array<ArrayBuffer>

/** A handshake frame made by hand: every field chosen by the test. */
function craftHandshake (fields: { identity: Uint8Array, pkiId: Uint8Array, binding: PeerId | Uint8Array, sign: (d: Uint8Array) => Uint8Array }): Uint8Array {
  const tlsCertHash = fields.binding instanceof Uint8Array ? fields.binding : connectionBinding(fields.binding)
  const msg = seal({
    tag: gossip.GossipMessage.Tag.EMPTY,
    conn: { pkiId: b(fields.pkiId), identity: b(fields.identity), tlsCertHash: b(tlsCertHash), probe: false }
  }, { sign: fields.sign })
  return encodeFrames([encodeEnvelope(msg.envelope)]).subarray()
}

/** These tests are about the comm layer alone: discovery would add its own traffic. */
const COMM_ONLY = { discovery: false }

describe('handshake between real nodes', () => {
  let layout: CryptoLayout
  before(async () => { layout = await testCrypto() })
  after(cleanupTmp)

  it('two nodes of two orgs connect and each admits the other with its verified identity', async () => {
    const [a, c] = await createTestNetwork(2, 2, COMM_ONLY)
    try {
      const peer = await a.comm.connect({ endpoint: c.multiaddrs()[0] })
      assert.equal(peer.identity.mspId, 'Org2MSP')
      assert.deepEqual(peer.pkiId, c.identity.pkiId)
      await waitFor(() => c.comm.connectedPeer(a.identity.pkiId) != null, 'c admits a')
      const seen = c.comm.connectedPeer(a.identity.pkiId)
      assert.equal(seen?.identity.mspId, 'Org1MSP')
      assert.equal(seen?.peerId.toString(), a.libp2p.peerId.toString())
      assert.equal(await metric(a, 'gossip_comm_handshakes'), 1)
      assert.equal(await metric(c, 'gossip_comm_handshakes'), 1)
    } finally {
      await stopAll([a, c])
    }
  })

  it('three nodes of two orgs connect pairwise, in both directions', async () => {
    const nodes = await createTestNetwork(3, 2, COMM_ONLY)
    try {
      await nodes[0].comm.connect({ endpoint: nodes[1].multiaddrs()[0] })
      await nodes[2].comm.connect({ endpoint: nodes[0].multiaddrs()[0] })
      await nodes[1].comm.connect({ endpoint: nodes[2].multiaddrs()[0] })
      for (const n of nodes) {
        await waitFor(() => n.comm.connectedPeers().length === 2, `${n.config.peer.id} sees 2 peers`)
        const orgs = n.comm.connectedPeers().map(p => p.identity.mspId).sort()
        assert.equal(orgs.length, 2)
      }
    } finally {
      await stopAll(nodes)
    }
  })

  it('a node with an identity of an org its peer does not know is refused', async () => {
    const a = await startNode(layout, { org: 1, peer: 1, knownOrgs: [], ...COMM_ONLY })
    const c = await startNode(layout, { org: 2, peer: 1, ...COMM_ONLY })
    try {
      await assert.rejects(c.comm.connect({ endpoint: a.multiaddrs()[0] }))
      await waitFor(async () => await metric(a, 'gossip_comm_handshake_failures', { reason: 'unknown-org' }) === 1, 'unknown-org counted')
      assert.equal(a.comm.connectedPeers().length, 0)
      assert.equal(c.comm.connectedPeers().length, 0)
    } finally {
      await stopAll([a, c])
    }
  })

  describe('hand-made handshakes from a stranger', () => {
    let target: GossipNode
    let raw: RawNode

    before(async () => {
      target = await startNode(layout, { org: 1, peer: 2, ...COMM_ONLY })
      raw = await rawNode()
    })
    after(async () => {
      await raw.stop()
      await target.stop()
    })

    /** Sends one handshake frame from the raw node; returns once the target has closed the connection. */
    async function refused (frame: Uint8Array, reason: string): Promise<void> {
      const before = await metric(target, 'gossip_comm_handshake_failures', { reason })
      const conn = await raw.dial(target.multiaddrs()[0])
      const stream = await openAndWrite(conn, HANDSHAKE_PROTOCOL, frame)
      await waitFor(async () => await metric(target, 'gossip_comm_handshake_failures', { reason }) === before + 1, `reason ${reason} counted`)
      await waitFor(() => conn.status !== 'open', 'the target closes the connection')
      assert.ok(await streamEnds(stream))
      assert.equal(target.comm.connectedPeers().length, 0, 'nobody admitted')
    }

    it('refuses a certificate from an unknown CA under a known MSP ID', async () => {
      const fakeCa = await createCA('ca.org1.example.com', { organization: 'org1.example.com' })
      const cert = await issueCertificate(fakeCa, { cn: 'peer9.org1.example.com', ou: 'peer' })
      const id = createSigningIdentity('Org1MSP', cert.certPem, cert.keyPem)
      await refused(craftHandshake({ identity: id.serialized, pkiId: id.pkiId, binding: raw.peerId, sign: d => id.sign(d) }), 'untrusted-cert')
    })

    it('refuses an expired certificate', async () => {
      const org = layout.orgs[0]
      const ca = await loadCA(readFileSync(org.caCertPath, 'utf8'), readFileSync(org.caKeyPath, 'utf8'))
      const cert = await issueCertificate(ca, {
        cn: 'peer8.org1.example.com', ou: 'peer', notBefore: new Date(Date.now() - 2 * 86400_000), notAfter: new Date(Date.now() - 86400_000)
      })
      const id = createSigningIdentity('Org1MSP', cert.certPem, cert.keyPem)
      await refused(craftHandshake({ identity: id.serialized, pkiId: id.pkiId, binding: raw.peerId, sign: d => id.sign(d) }), 'expired-cert')
    })

    it('refuses a certificate presented without its key (the signature does not verify)', async () => {
      const victim = loadSigningIdentity(layout.orgs[0].nodes[0].mspDir, 'Org1MSP')
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      await refused(craftHandshake({ identity: victim.serialized, pkiId: victim.pkiId, binding: raw.peerId, sign: d => signData(privateKey, d) }), 'bad-signature')
    })

    it('refuses a handshake replayed from another connection', async () => {
      const a = await startNode(layout, { org: 1, peer: 0, ...COMM_ONLY })
      try {
        // a's genuine, correctly signed handshake, bound to a's PeerId, replayed by the stranger
        const genuine = createHandshake(a.identity, a.libp2p.peerId, false)
        await refused(encodeFrames([encodeEnvelope(genuine.envelope)]).subarray(), 'binding-mismatch')
      } finally {
        await a.stop()
      }
    })

    it('refuses a pki_id that is not the hash of the identity', async () => {
      const id = loadSigningIdentity(layout.orgs[0].nodes[1].mspDir, 'Org1MSP')
      await refused(craftHandshake({ identity: id.serialized, pkiId: randomBytes(32), binding: raw.peerId, sign: d => id.sign(d) }), 'pki-id-mismatch')
    })

    it('refuses an MSP ID nobody here knows', async () => {
      const id = loadSigningIdentity(layout.orgs[0].nodes[1].mspDir, 'Org1MSP')
      const serialized = encodeSerializedIdentity('Org9MSP', Buffer.from(id.certPem))
      await refused(craftHandshake({ identity: serialized, pkiId: pkiIdOfSerialized(serialized), binding: raw.peerId, sign: d => id.sign(d) }), 'unknown-org')
    })

    it('refuses a frame that is not a handshake, and an oversized one', async () => {
      await refused(encodeFrames([randomBytes(200)]).subarray(), 'malformed')
      const id = loadSigningIdentity(layout.orgs[0].nodes[1].mspDir, 'Org1MSP')
      const alive = seal({ tag: gossip.GossipMessage.Tag.EMPTY, aliveMsg: { timestamp: { incNum: 1n, seqNum: 1n }, identity: b(id.serialized) } }, id)
      await refused(encodeFrames([encodeEnvelope(alive.envelope)]).subarray(), 'not-conn-establish')
      await refused(encodeFrames([new Uint8Array(70 * 1024)]).subarray(), 'oversized')
    })

    it('a correct hand-made handshake is admitted (the crafting is sound)', async () => {
      const id = loadSigningIdentity(layout.orgs[1].nodes[2].mspDir, 'Org2MSP')
      const conn = await raw.dial(target.multiaddrs()[0])
      await openAndWrite(conn, HANDSHAKE_PROTOCOL, craftHandshake({ identity: id.serialized, pkiId: id.pkiId, binding: raw.peerId, sign: d => id.sign(d) }))
      await waitFor(() => target.comm.connectedPeer(id.pkiId) != null, 'admitted')
      await conn.close()
      await waitFor(() => target.comm.connectedPeers().length === 0, 'gone when the connection closes')
    })
  })
})
