/**
 * The binding of a signed message to the libp2p connection it travels on, in the place where Fabric puts a
 * TLS certificate hash (`ConnEstablish.tls_cert_hash`, `ChannelHeader.tls_cert_hash`): SHA-256 of the
 * Noise-authenticated PeerId's multihash. A message bound to one connection is refused on any other, so a
 * captured handshake or deliver request cannot be replayed by another node.
 */
import { createHash } from 'node:crypto'
import type { PeerId } from '@libp2p/interface'

/** SHA-256 of `peerId`'s multihash bytes. */
export function connectionBinding (peerId: PeerId): Uint8Array {
  return createHash('sha256').update(peerId.toMultihash().bytes).digest()
}
