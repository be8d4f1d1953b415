/**
 * PKI-IDs, as Fabric computes them (`internal/peer/gossip/mcs.go` `GetPKIidOfCert`):
 * `SHA256(mspid bytes || id_bytes)` of the `SerializedIdentity`, id_bytes being the PEM certificate as sent.
 */
import { createHash } from 'node:crypto'
import { msp } from '../pb/msp.js'
import { MalformedIdentityError } from './errors.js'

/** SHA256(UTF-8 mspId || idBytes). */
export function computePkiId (mspId: string, idBytes: Uint8Array): Uint8Array {
  const digest = createHash('sha256').update(mspId, 'utf8').update(idBytes).digest()
  return new Uint8Array(digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength))
}

/**
 * Decodes a `SerializedIdentity`; throws {@link MalformedIdentityError} when the bytes do not decode or
 * carry an empty MSP ID or empty id_bytes.
 */
export function decodeSerializedIdentity (serialized: Uint8Array): msp.SerializedIdentity {
  let sid: msp.SerializedIdentity
  try {
    sid = msp.SerializedIdentity.decode(serialized)
  } catch (err) {
    throw new MalformedIdentityError(`SerializedIdentity does not decode: ${(err as Error).message}`, { cause: err })
  }
  if (sid.mspid === '') throw new MalformedIdentityError('SerializedIdentity has an empty mspid')
  if (sid.idBytes.length === 0) throw new MalformedIdentityError('SerializedIdentity has empty id_bytes')
  return sid
}

/** Encodes `SerializedIdentity { mspid, id_bytes }`. */
export function encodeSerializedIdentity (mspId: string, idBytes: Uint8Array): Uint8Array {
  return msp.SerializedIdentity.encode({ mspid: mspId, idBytes: idBytes as Uint8Array<ArrayBuffer> })
}

/** The PKI-ID of a serialised identity; throws {@link MalformedIdentityError} when it does not decode. */
export function pkiIdOfSerialized (serialized: Uint8Array): Uint8Array {
  const sid = decodeSerializedIdentity(serialized)
  return computePkiId(sid.mspid, sid.idBytes)
}

/** Lower-case hex of a PKI-ID, for logs and map keys. */
export function pkiIdToHex (pkiId: Uint8Array): string {
  return Buffer.from(pkiId.buffer, pkiId.byteOffset, pkiId.byteLength).toString('hex')
}
