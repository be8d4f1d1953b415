/** Shared helpers of the identity tests. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { encodeTlv, readTlv } from '../../../src/identity/der.js'
import { pemBlocks, toPem } from '../../../src/identity/pem.js'
import { decodeEcdsaSignature, encodeEcdsaSignature } from '../../../src/identity/signature.js'

/** P-256 group order. */
export const P256_N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551n

/** A fresh temporary folder and its remover. */
export function tempDir (prefix = 'fgossip-identity-'): { dir: string, cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => { rmSync(dir, { recursive: true, force: true }) } }
}

/** Replaces s by n - s in an ECDSA DER signature (turns low-S into high-S and back). */
export function flipS (sigDer: Uint8Array, n = P256_N): Uint8Array {
  const { r, s } = decodeEcdsaSignature(sigDer)
  return encodeEcdsaSignature({ r, s: n - s })
}

/** The certificate with its signature's S flipped (still a valid signature for OpenSSL). */
export function flipCertificateS (certPem: string, n = P256_N): string {
  const der = pemBlocks(certPem)[0].der
  const outer = readTlv(der, 0)
  const tbs = readTlv(der, outer.contentStart)
  const alg = readTlv(der, tbs.end)
  const bits = readTlv(der, alg.end)
  const sig = der.subarray(bits.contentStart + 1, bits.end)
  const flipped = encodeTlv(0x30, der.subarray(tbs.start, tbs.end), der.subarray(alg.start, alg.end),
    encodeTlv(0x03, Uint8Array.of(0), flipS(sig, n)))
  return toPem('CERTIFICATE', flipped)
}

/** The signature (DER) of a PEM certificate. */
export function certificateSignature (certPem: string): Uint8Array {
  const der = pemBlocks(certPem)[0].der
  const outer = readTlv(der, 0)
  const tbs = readTlv(der, outer.contentStart)
  const alg = readTlv(der, tbs.end)
  const bits = readTlv(der, alg.end)
  return der.subarray(bits.contentStart + 1, bits.end)
}
