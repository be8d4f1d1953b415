/**
 * `verifyHandshake` without a network: handshakes built from a generated cryptogen layout, verified against an
 * MspManager that knows Org1MSP and Org2MSP.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { connectionBinding, createHandshake, verifyHandshake } from '../../../src/comm/handshake.js'
import { createCA, generateCryptoMaterial, issueCertificate, loadCA } from '../../../src/identity/cryptogen.js'
import { createSigningIdentity, loadSigningIdentity, MspManager, type SigningIdentity } from '../../../src/identity/index.js'
import { encodeEnvelope, seal } from '../../../src/wire/envelope.js'
import { gossip } from '../../../src/pb/gossip.js'
import type { PeerId, PrivateKey } from '@libp2p/interface'

const Tag = gossip.GossipMessage.Tag
const day = 86_400_000
const b = (u: Uint8Array): Uint8Array<ArrayBuffer> => u as Uint8Array<ArrayBuffer>

/** The frame of a handshake whose fields the test chooses. */
function craft (fields: { identity: Uint8Array, pkiId: Uint8Array, binding: PeerId, sign: (d: Uint8Array) => Uint8Array, tag?: gossip.GossipMessage.Tag }): Uint8Array {
  return encodeEnvelope(seal({
    tag: fields.tag ?? Tag.EMPTY,
    conn: { pkiId: b(fields.pkiId), identity: b(fields.identity), tlsCertHash: b(connectionBinding(fields.binding)), probe: false }
  }, { sign: fields.sign }).envelope)
}

/** A handshake signed by `id` for itself: every field genuine unless overridden. */
const craftFor = (id: SigningIdentity, binding: PeerId, over: Partial<Parameters<typeof craft>[0]> = {}): Uint8Array =>
  craft({ identity: id.serialized, pkiId: id.pkiId, binding, sign: d => id.sign(d), ...over })

/** Asserts that verifying throws a HandshakeError with `reason`. */
function refused (fn: () => unknown, reason: string): void {
  assert.throws(fn, (err: Error & { reason?: string }) => {
    assert.equal(err.name, 'HandshakeError', err.message)
    assert.equal(err.reason, reason, err.message)
    return true
  })
}

describe('verifyHandshake', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fgossip-handshake-'))
  let me: SigningIdentity // Org1 peer0: the verifying node
  let org1: SigningIdentity // Org1 peer1
  let org2: SigningIdentity
  let org3: SigningIdentity // claims Org3MSP, which the validator does not know
  let expired: SigningIdentity // Org1MSP, issued by Org1's CA, expired yesterday
  let foreign: SigningIdentity // claims Org1MSP, issued by another CA
  let msps: MspManager
  let remoteKey: PrivateKey
  let remote: PeerId
  let other: PeerId

  before(async () => {
    const layout = await generateCryptoMaterial({ out: join(dir, 'crypto'), orgs: 2, peers: 2, users: 0, tls: false })
    const [o1, o2] = layout.orgs
    me = loadSigningIdentity(o1.nodes[0].mspDir, 'Org1MSP')
    org1 = loadSigningIdentity(o1.nodes[1].mspDir, 'Org1MSP')
    org2 = loadSigningIdentity(o2.nodes[0].mspDir, 'Org2MSP')
    msps = new MspManager()
    msps.addMspFolder(o1.mspDir, 'Org1MSP')
    msps.addMspFolder(o2.mspDir, 'Org2MSP')

    const ca1 = await loadCA(readFileSync(o1.caCertPath, 'utf8'), readFileSync(o1.caKeyPath, 'utf8'))
    const old = await issueCertificate(ca1, { cn: 'old.org1.example.com', ou: 'peer', notBefore: new Date(Date.now() - 2 * day), notAfter: new Date(Date.now() - day) })
    expired = createSigningIdentity('Org1MSP', old.certPem, old.keyPem)
    const rogueCa = await createCA('ca.org1.example.com')
    const rogue = await issueCertificate(rogueCa, { cn: 'peer9.org1.example.com', ou: 'peer' })
    foreign = createSigningIdentity('Org1MSP', rogue.certPem, rogue.keyPem)
    org3 = createSigningIdentity('Org3MSP', rogue.certPem, rogue.keyPem)

    remoteKey = await generateKeyPair('Ed25519')
    remote = peerIdFromPrivateKey(remoteKey)
    other = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
  })
  after(() => { rmSync(dir, { recursive: true, force: true }) })

  const verify = (frame: Uint8Array, from: PeerId = remote): ReturnType<typeof verifyHandshake> => verifyHandshake(frame, from, msps, me.pkiId)

  it('accepts a genuine handshake and returns the identity and the probe flag', () => {
    for (const [id, mspId] of [[org1, 'Org1MSP'], [org2, 'Org2MSP']] as const) {
      for (const probe of [false, true]) {
        const sent = createHandshake(id, remote, probe)
        const got = verify(encodeEnvelope(sent.envelope))
        assert.equal(got.identity.mspId, mspId)
        assert.deepEqual(got.identity.pkiId, id.pkiId)
        assert.deepEqual(got.identity.serialized, id.serialized)
        assert.equal(got.probe, probe)
        assert.equal(got.signed.kind, 'conn')
        assert.deepEqual(got.signed.envelope.payload, sent.envelope.payload, 'the signed bytes are kept as proof of identity')
      }
    }
  })

  it("refuses a handshake made for another connection ('binding-mismatch')", () => {
    const frame = encodeEnvelope(createHandshake(org2, remote, false).envelope)
    refused(() => verify(frame, other), 'binding-mismatch')
  })

  it("refuses a pki_id that is not the hash of the identity ('pki-id-mismatch')", () => {
    refused(() => verify(craftFor(org2, remote, { pkiId: randomBytes(32) })), 'pki-id-mismatch')
    refused(() => verify(craftFor(org2, remote, { pkiId: org1.pkiId })), 'pki-id-mismatch')
  })

  it("refuses a signature not made with the presented certificate's key ('bad-signature')", () => {
    refused(() => verify(craftFor(org2, remote, { sign: d => org1.sign(d) })), 'bad-signature')
    refused(() => verify(craftFor(org2, remote, { sign: () => new Uint8Array(0) })), 'bad-signature')
    const flipped = (d: Uint8Array): Uint8Array => { const s = org2.sign(d); s[s.length - 1] ^= 1; return s }
    refused(() => verify(craftFor(org2, remote, { sign: flipped })), 'bad-signature')
  })

  it("refuses a certificate not issued by its org's CA ('untrusted-cert')", () => {
    refused(() => verify(craftFor(foreign, remote)), 'untrusted-cert')
  })

  it("refuses an identity of an org the node does not know ('unknown-org')", () => {
    refused(() => verify(craftFor(org3, remote)), 'unknown-org')
  })

  it("refuses an expired certificate ('expired-cert')", () => {
    refused(() => verify(craftFor(expired, remote)), 'expired-cert')
  })

  it("refuses a frame that is not a valid envelope or breaks the tag rule ('malformed')", () => {
    refused(() => verify(Uint8Array.of(0x0a, 0x05, 0x01)), 'malformed')
    refused(() => verify(new Uint8Array(0)), 'malformed')
    refused(() => verify(craftFor(org2, remote, { tag: Tag.CHAN_AND_ORG })), 'malformed')
    refused(() => verify(craftFor(org2, remote, { identity: Uint8Array.of(1, 2, 3) })), 'malformed')
  })

  it("refuses another message kind ('not-conn-establish')", () => {
    const alive = seal({ tag: Tag.EMPTY, aliveMsg: { membership: { endpoint: 'x:1', metadata: b(new Uint8Array(0)), pkiId: b(org2.pkiId) }, identity: b(org2.serialized) } }, org2)
    refused(() => verify(encodeEnvelope(alive.envelope)), 'not-conn-establish')
  })

  it("refuses a ConnEstablish without an identity ('no-identity')", () => {
    refused(() => verify(craftFor(org2, remote, { identity: new Uint8Array(0) })), 'no-identity')
  })

  it("refuses a handshake carrying the node's own PKI-ID ('self')", () => {
    refused(() => verify(encodeEnvelope(createHandshake(me, remote, false).envelope)), 'self')
  })
})

describe('connectionBinding', () => {
  it("is SHA-256 of the PeerId's multihash bytes", async () => {
    const key = await generateKeyPair('Ed25519')
    const peerId = peerIdFromPrivateKey(key)
    // an Ed25519 PeerId is the identity multihash (0x00, length 36) of the protobuf public key (type 1, 32 bytes)
    const multihash = Uint8Array.of(0x00, 36, 0x08, 0x01, 0x12, 0x20, ...key.publicKey.raw)
    assert.deepEqual(peerId.toMultihash().bytes, multihash)
    assert.deepEqual(new Uint8Array(connectionBinding(peerId)), new Uint8Array(createHash('sha256').update(multihash).digest()))
    const another = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
    assert.notDeepEqual(new Uint8Array(connectionBinding(another)), new Uint8Array(connectionBinding(peerId)))
  })
})
