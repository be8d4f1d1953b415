/**
 * MSP identities, as Fabric's MSP and gossip use them: a node's own signing identity loaded from an MSP
 * folder, PKI-IDs, ECDSA signatures in Fabric's low-S form, and the {@link MspManager} that validates the
 * serialised identities of remote peers against the CA chains of the organisations this node knows.
 *
 * Certificate generation (`fgossip crypto generate`) lives in `./cryptogen.js`, kept out of this entry
 * point so that a running node does not load `@peculiar/x509`.
 *
 * @example
 * ```ts
 * const me = loadSigningIdentity('crypto/peerOrganizations/org1.example.com/peers/peer0.org1.example.com/msp', 'Org1MSP')
 * const msps = new MspManager()
 * msps.addMspFolder('crypto/peerOrganizations/org1.example.com/msp', 'Org1MSP')
 * const sig = me.sign(payload)
 * msps.verify(me.serialized, payload, sig) // true
 * ```
 */
import type { KeyObject, X509Certificate } from 'node:crypto'

/** This node's own identity: its certificate and the private key that signs for it. */
export interface SigningIdentity {
  readonly mspId: string
  /** PEM of the signcerts certificate (sanitised to low-S like Fabric, `\n` line ends). */
  readonly certPem: string
  /** `msp.SerializedIdentity { mspid, id_bytes = PEM bytes }`, encoded. */
  readonly serialized: Uint8Array
  /** SHA256(mspid || id_bytes), as Fabric. */
  readonly pkiId: Uint8Array
  readonly notAfter: Date
  /** The certificate's public key. */
  readonly publicKey: KeyObject
  /** ECDSA P-256 over SHA-256, ASN.1 DER, low-S normalised (synchronous, node:crypto). */
  sign(data: Uint8Array): Uint8Array
}

/** A remote identity that {@link MspManager.validate} accepted. */
export interface PeerIdentity {
  mspId: string
  pkiId: Uint8Array
  /** The `SerializedIdentity` bytes as received. */
  serialized: Uint8Array
  /** The certificate PEM as carried in id_bytes. */
  certPem: string
  cert: X509Certificate
  publicKey: KeyObject
  notAfter: Date
  commonName: string
  /** Subject OUs, e.g. `['peer']` for a cryptogen peer with NodeOUs (`client`, `admin`, `orderer`). */
  organizationalUnits: string[]
}

export { computePkiId, pkiIdOfSerialized, pkiIdToHex, decodeSerializedIdentity, encodeSerializedIdentity } from './pki-id.js'
export { loadSigningIdentity, createSigningIdentity } from './signer.js'
export type { CreateSigningIdentityOptions } from './signer.js'
export { MspManager } from './msp-manager.js'
export { IdentityStore, PkiIdMismatchError, IDENTITY_USAGE_THRESHOLD, MAX_IDENTITIES, type IdentityStoreInit, type IdentityValidator, type PurgeReason, type IdentityStoreErrorReason } from './store.js'
export type { MspManagerInit } from './msp-manager.js'
export { verifySignature, signData, isLowS, toLowS, decodeEcdsaSignature, encodeEcdsaSignature, curveOrder } from './signature.js'
export type { EcdsaSignature } from './signature.js'
export { sanitizeCertificate } from './sanitize.js'
export { pemBlocks, toPem, parseCertificates, certificateDers } from './pem.js'
export type { PemBlock, CertificateInput } from './pem.js'
export {
  IdentityError,
  MalformedIdentityError,
  UnknownOrgError,
  UntrustedCertificateError,
  CertificateExpiredError,
  MspConfigError
} from './errors.js'
export type { IdentityErrorReason } from './errors.js'
