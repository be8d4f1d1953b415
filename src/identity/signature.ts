/**
 * Signing and verification as Fabric's BCCSP does them: ECDSA over SHA-256 with ASN.1 DER signatures in
 * low-S form (s <= n/2). Fabric refuses high-S signatures (`bccsp/sw/ecdsa.go` `verifyECDSA`), and Node's
 * `crypto.sign` does not normalise S, so signing normalises and verification rejects. Ed25519 keys
 * (Fabric 3) sign and verify the message itself.
 */
import { sign as nodeSign, verify as nodeVerify } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { bytesToBigInt, encodeTlv, encodeUnsignedInteger, readPositiveInteger, readTlv } from './der.js'

/** Order n of the curves Fabric accepts, by OpenSSL name (`asymmetricKeyDetails.namedCurve`). */
const CURVE_ORDERS: Record<string, bigint> = {
  prime256v1: 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551n,
  secp384r1: 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973n,
  secp521r1: 0x01FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFA51868783BF2F966B7FCC0148F709A5D03BB5C9B8899C47AEBB6FB71E91386409n
}

/** An ECDSA signature's two integers. */
export interface EcdsaSignature { r: bigint, s: bigint }

/** The order of the key's curve, or undefined for a non-EC key or an unsupported curve. */
export function curveOrder (key: KeyObject): bigint | undefined {
  if (key.asymmetricKeyType !== 'ec') return undefined
  const curve = key.asymmetricKeyDetails?.namedCurve
  return curve === undefined ? undefined : CURVE_ORDERS[curve]
}

/** Strictly decodes `SEQUENCE { INTEGER r, INTEGER s }` (no trailing bytes, positive minimal integers). */
export function decodeEcdsaSignature (der: Uint8Array): EcdsaSignature {
  const seq = readTlv(der, 0)
  if (seq.tag !== 0x30 || seq.end !== der.length) throw new Error('ECDSA signature: not one DER SEQUENCE')
  const rTlv = readTlv(der, seq.contentStart, seq.end)
  const sTlv = readTlv(der, rTlv.end, seq.end)
  if (sTlv.end !== seq.end) throw new Error('ECDSA signature: trailing data')
  return { r: readPositiveInteger(der, rTlv), s: readPositiveInteger(der, sTlv) }
}

/** DER-encodes an ECDSA signature. */
export function encodeEcdsaSignature (sig: EcdsaSignature): Uint8Array {
  return encodeTlv(0x30, encodeUnsignedInteger(sig.r), encodeUnsignedInteger(sig.s))
}

/** True when `s <= n/2` (Fabric's `IsLowS`). */
export function isLowS (s: bigint, order: bigint): boolean {
  return s <= order >> 1n
}

/** The signature with s replaced by n - s when s > n/2 (Fabric's `ToLowS`). */
export function toLowS (sig: EcdsaSignature, order: bigint): EcdsaSignature {
  return isLowS(sig.s, order) ? sig : { r: sig.r, s: order - sig.s }
}

/**
 * Signs `data`: ECDSA with SHA-256, DER, low-S for EC keys; plain Ed25519 for Ed25519 keys.
 * Throws for other key types.
 */
export function signData (privateKey: KeyObject, data: Uint8Array): Uint8Array {
  if (privateKey.asymmetricKeyType === 'ed25519') return new Uint8Array(nodeSign(null, data, privateKey))
  const order = curveOrder(privateKey)
  if (order === undefined) throw new Error(`unsupported signing key type ${privateKey.asymmetricKeyType ?? 'unknown'}`)
  const raw = nodeSign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' })
  const half = raw.length / 2
  const sig = toLowS({ r: bytesToBigInt(raw.subarray(0, half)), s: bytesToBigInt(raw.subarray(half)) }, order)
  return encodeEcdsaSignature(sig)
}

/**
 * Verifies a signature made by {@link signData}. For EC keys the signature must be strict DER with
 * 0 < r, s < n and s <= n/2 (high-S is refused like Fabric). Returns false, never throws, on any malformed
 * input or unsupported key.
 */
export function verifySignature (publicKey: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (publicKey.asymmetricKeyType === 'ed25519') return nodeVerify(null, data, publicKey, signature)
    const order = curveOrder(publicKey)
    if (order === undefined) return false
    const { r, s } = decodeEcdsaSignature(signature)
    if (r >= order || s >= order || !isLowS(s, order)) return false
    return nodeVerify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, signature)
  } catch {
    return false
  }
}

