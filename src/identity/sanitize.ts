/**
 * Fabric's MSP "sanitises" every ECDSA-signed certificate before use (`msp/mspimpl.go` `sanitizeCert`):
 * the certificate's own signature is rewritten in low-S form and the certificate re-encoded. The identity a
 * Fabric peer serialises, and so its PKI-ID, is that of the sanitised certificate, so we do the same when
 * loading a signing identity and when generating certificates.
 */
import type { KeyObject } from 'node:crypto'
import { encodeTlv, readTlv } from './der.js'
import { curveOrder, decodeEcdsaSignature, encodeEcdsaSignature, isLowS, toLowS } from './signature.js'

/** `1.2.840.10045.4` (ecdsa-with-*) as DER OID content prefix. */
const ECDSA_WITH_PREFIX = Uint8Array.of(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04)

function isEcdsaAlgorithm (der: Uint8Array, algStart: number, algEnd: number): boolean {
  const oid = readTlv(der, algStart, algEnd)
  if (oid.tag !== 0x06) return false
  const content = der.subarray(oid.contentStart, oid.end)
  return content.length > ECDSA_WITH_PREFIX.length && ECDSA_WITH_PREFIX.every((b, i) => content[i] === b)
}

/**
 * Returns `certDer` with its signature in low-S form when it is ECDSA-signed by an EC `issuerKey` whose S is
 * high; otherwise returns `certDer` itself. Throws a plain `Error` when the DER is not a certificate.
 */
export function sanitizeCertificate (certDer: Uint8Array, issuerKey: KeyObject): Uint8Array {
  const order = curveOrder(issuerKey)
  if (order === undefined) return certDer
  const outer = readTlv(certDer, 0)
  if (outer.tag !== 0x30 || outer.end !== certDer.length) throw new Error('certificate: not one DER SEQUENCE')
  const tbs = readTlv(certDer, outer.contentStart, outer.end)
  const alg = readTlv(certDer, tbs.end, outer.end)
  const bits = readTlv(certDer, alg.end, outer.end)
  if (tbs.tag !== 0x30 || alg.tag !== 0x30 || bits.tag !== 0x03 || bits.end !== outer.end) {
    throw new Error('certificate: unexpected structure')
  }
  if (!isEcdsaAlgorithm(certDer, alg.contentStart, alg.end)) return certDer
  if (certDer[bits.contentStart] !== 0) throw new Error('certificate: signature BIT STRING has unused bits')
  const sig = decodeEcdsaSignature(certDer.subarray(bits.contentStart + 1, bits.end))
  if (isLowS(sig.s, order)) return certDer
  const lowS = encodeEcdsaSignature(toLowS(sig, order))
  return encodeTlv(0x30,
    certDer.subarray(tbs.start, tbs.end),
    certDer.subarray(alg.start, alg.end),
    encodeTlv(0x03, Uint8Array.of(0), lowS))
}
