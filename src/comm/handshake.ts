/**
 * Fabric's connection handshake over a libp2p stream.
 *
 *   A (opens HANDSHAKE_PROTOCOL)                  B (handler)
 *   |-- Envelope{ConnEstablish_A, sig_A} -------->|   verify(A); on failure B closes the connection
 *   |<------- Envelope{ConnEstablish_B, sig_B} ---|   sent only when A was accepted
 *   verify(B)                                         each side has connTimeout
 *
 * `ConnEstablish { pki_id, identity, tls_cert_hash, probe }` is signed with the MSP key. Fabric binds it to the
 * TLS session through `tls_cert_hash`; here the channel is libp2p's Noise session, which authenticates the
 * remote's PeerId, so `tls_cert_hash = SHA256(sender's PeerId multihash bytes)`. A receiver recomputes it from
 * `connection.remotePeer`: a handshake recorded on one connection and replayed on another (by any other libp2p
 * key) does not verify. The receiver also checks the identity under its org's CA, that `pki_id` is the hash
 * of the identity, and the signature over the exact payload bytes.
 */
import { gossip } from '../pb/gossip.js'
import { openEnvelope, seal, type SignedMessage } from '../wire/envelope.js'
import { MalformedMessageError } from '../wire/errors.js'
import { IdentityError, pkiIdOfSerialized, verifySignature, type PeerIdentity } from '../identity/index.js'
import { HandshakeError } from './errors.js'
import { connectionBinding } from '../wire/binding.js'
import type { PeerId } from '@libp2p/interface'
import type { Uint8ArrayList } from 'uint8arraylist'

/** What the handshake needs of this node's identity. */
export interface HandshakeSigner {
  readonly pkiId: Uint8Array
  readonly serialized: Uint8Array
  sign(data: Uint8Array): Uint8Array
}

/** What the handshake needs to judge a remote identity (the node's MSP manager). */
export interface IdentityValidator {
  validate(serialized: Uint8Array, now?: Date): PeerIdentity
}

export { connectionBinding }

/** This node's signed `ConnEstablish` for connections authenticated as `localPeerId`. */
export function createHandshake (signer: HandshakeSigner, localPeerId: PeerId, probe: boolean): SignedMessage {
  return seal({
    tag: gossip.GossipMessage.Tag.EMPTY,
    conn: {
      pkiId: signer.pkiId as Uint8Array<ArrayBuffer>,
      identity: signer.serialized as Uint8Array<ArrayBuffer>,
      tlsCertHash: connectionBinding(localPeerId) as Uint8Array<ArrayBuffer>,
      probe
    }
  }, signer)
}

export interface VerifiedHandshake {
  identity: PeerIdentity
  probe: boolean
  signed: SignedMessage
}

function equalBytes (a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && Buffer.compare(a, b) === 0
}

/** Verifies a remote's handshake frame received on a connection from `remotePeer`; throws `HandshakeError`. */
export function verifyHandshake (frame: Uint8Array | Uint8ArrayList, remotePeer: PeerId, validator: IdentityValidator, localPkiId: Uint8Array): VerifiedHandshake {
  let signed: SignedMessage
  try {
    signed = openEnvelope(frame)
  } catch (err) {
    throw new HandshakeError('malformed', err instanceof MalformedMessageError ? err.message : 'handshake does not decode')
  }
  const conn = signed.message.conn
  if (conn == null) throw new HandshakeError('not-conn-establish', `expected ConnEstablish, got ${signed.kind}`)
  if (conn.identity.byteLength === 0) throw new HandshakeError('no-identity', 'ConnEstablish carries no identity')
  let identity: PeerIdentity
  try {
    identity = validator.validate(conn.identity)
  } catch (err) {
    if (err instanceof IdentityError) throw new HandshakeError(err.reason, `identity refused: ${err.message}`)
    throw new HandshakeError('malformed-identity', `identity refused: ${(err as Error).message}`)
  }
  let pkiId: Uint8Array
  try {
    pkiId = pkiIdOfSerialized(conn.identity)
  } catch {
    throw new HandshakeError('malformed-identity', 'identity is not a SerializedIdentity')
  }
  if (!equalBytes(pkiId, conn.pkiId)) throw new HandshakeError('pki-id-mismatch', 'pki_id is not the hash of the identity')
  if (!equalBytes(conn.tlsCertHash, connectionBinding(remotePeer))) {
    throw new HandshakeError('binding-mismatch', 'tls_cert_hash does not match the PeerId of this connection (replayed handshake?)')
  }
  if (!verifySignature(identity.publicKey, signed.envelope.payload, signed.envelope.signature)) {
    throw new HandshakeError('bad-signature', 'handshake signature does not verify under the presented certificate')
  }
  if (equalBytes(pkiId, localPkiId)) throw new HandshakeError('self', 'connection to self')
  return { identity, probe: conn.probe, signed }
}
