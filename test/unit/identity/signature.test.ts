import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify } from 'node:crypto'
import {
  curveOrder,
  decodeEcdsaSignature,
  encodeEcdsaSignature,
  isLowS,
  signData,
  toLowS,
  verifySignature
} from '../../../src/identity/index.js'
import { flipS, P256_N } from './helpers.js'

const data = new TextEncoder().encode('gossip alive message')
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' })

describe('ECDSA signatures (Fabric low-S)', () => {
  it('signs in DER, always low-S, and verifies', () => {
    for (let i = 0; i < 64; i++) {
      const sig = signData(p256.privateKey, data)
      const { s } = decodeEcdsaSignature(sig)
      assert.ok(isLowS(s, P256_N), 'signature must be low-S')
      assert.ok(verifySignature(p256.publicKey, data, sig))
      assert.ok(nodeVerify('sha256', data, { key: p256.publicKey, dsaEncoding: 'der' }, sig), 'standard DER ECDSA')
    }
  })

  it('rejects the high-S twin of a valid signature, which OpenSSL alone accepts', () => {
    const low = signData(p256.privateKey, data)
    const high = flipS(low)
    assert.ok(nodeVerify('sha256', data, { key: p256.publicKey, dsaEncoding: 'der' }, high), 'high-S is mathematically valid')
    assert.equal(verifySignature(p256.publicKey, data, high), false)
    assert.equal(verifySignature(p256.publicKey, data, flipS(high)), true)
  })

  it('accepts a raw node:crypto signature once normalised with toLowS', () => {
    let seenHigh = false
    for (let i = 0; i < 64; i++) {
      const raw = new Uint8Array(nodeSign('sha256', data, { key: p256.privateKey, dsaEncoding: 'der' }))
      const sig = decodeEcdsaSignature(raw)
      const high = !isLowS(sig.s, P256_N)
      seenHigh ||= high
      assert.equal(verifySignature(p256.publicKey, data, raw), !high)
      assert.ok(verifySignature(p256.publicKey, data, encodeEcdsaSignature(toLowS(sig, P256_N))))
    }
    assert.ok(seenHigh, 'about half of 64 raw signatures are high-S')
  })

  it('returns false, never throws, on malformed signatures', () => {
    const good = signData(p256.privateKey, data)
    const { r, s } = decodeEcdsaSignature(good)
    const bad: Uint8Array[] = [
      new Uint8Array(0),
      Uint8Array.of(0x30),
      Uint8Array.of(0x30, 0x00),
      new Uint8Array(70).fill(0xff),
      Uint8Array.from([...good, 0x00]), // trailing byte
      Uint8Array.of(0x30, 0x80, ...good.subarray(2), 0, 0), // indefinite length
      encodeEcdsaSignature({ r, s: P256_N + s }), // s >= n
      Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01), // r = 0
      Uint8Array.of(0x30, 0x07, 0x02, 0x02, 0x00, 0x01, 0x02, 0x01, 0x01), // non-minimal INTEGER
      Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01) // negative INTEGER
    ]
    for (const sig of bad) assert.equal(verifySignature(p256.publicKey, data, sig), false)
  })

  it('rejects other data, another key and unsupported key types', () => {
    const sig = signData(p256.privateKey, data)
    assert.equal(verifySignature(p256.publicKey, new TextEncoder().encode('other'), sig), false)
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    assert.equal(verifySignature(other.publicKey, data, sig), false)
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
    assert.equal(verifySignature(rsa.publicKey, data, sig), false)
    assert.throws(() => signData(rsa.privateKey, data))
  })

  it('supports P-384 (low-S against its own order) and Ed25519', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' })
    const n384 = curveOrder(p384.publicKey)
    assert.ok(n384 !== undefined && n384 !== P256_N)
    const sig = signData(p384.privateKey, data)
    assert.ok(isLowS(decodeEcdsaSignature(sig).s, n384))
    assert.ok(verifySignature(p384.publicKey, data, sig))
    assert.equal(verifySignature(p384.publicKey, data, flipS(sig, n384)), false)

    const ed = generateKeyPairSync('ed25519')
    const edSig = signData(ed.privateKey, data)
    assert.equal(edSig.length, 64)
    assert.ok(verifySignature(ed.publicKey, data, edSig))
    assert.equal(verifySignature(ed.publicKey, data, edSig.map((b, i) => i === 0 ? b ^ 1 : b)), false)
  })
})
