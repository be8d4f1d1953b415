/**
 * The libp2p stream protocols of the gossip layer. Each id is versioned; a change to what a stream carries
 * that an older peer cannot read bumps the version. The README lists them with the messages each carries.
 */

/** Fabric's handshake: each side writes one signed `ConnEstablish` envelope and reads the other's. */
export const HANDSHAKE_PROTOCOL = '/fabric-gossip/handshake/1.0.0'

/** Every gossip message that carries no block: membership, state info, pull control, election, identities. */
export const CONTROL_PROTOCOL = '/fabric-gossip/control/1.0.0'

/** Messages that carry blocks: `DataMessage`, `DataUpdate`, `RemoteStateResponse`, private data. */
export const BLOCKS_PROTOCOL = '/fabric-gossip/blocks/1.0.0'

export const GOSSIP_PROTOCOLS = [CONTROL_PROTOCOL, BLOCKS_PROTOCOL] as const
export type GossipProtocol = typeof GOSSIP_PROTOCOLS[number]

/** Largest handshake frame: an envelope with one certificate (Fabric certificates are 1-2 KB). */
export const MAX_HANDSHAKE_FRAME = 64 * 1024

/**
 * Fabric's `AtomicBroadcast.Broadcast` (orderer/ab.proto): the client writes signed transaction `Envelope`s,
 * the ordering service answers each with a `BroadcastResponse`, in order.
 */
export const BROADCAST_PROTOCOL = '/fabric-orderer/broadcast/1.0.0'

/**
 * Fabric's `AtomicBroadcast.Deliver`: the client writes one signed DELIVER_SEEK_INFO `Envelope` (bound to the
 * connection); the ordering service answers with a `DeliverResponse` per block, then one with a status.
 */
export const DELIVER_PROTOCOL = '/fabric-orderer/deliver/1.0.0'

/** Largest deliver request frame: a signed SeekInfo envelope with one certificate. */
export const MAX_SEEK_FRAME = 64 * 1024
