/** Defaults of the pure engines, with their units and where they come from. */
import { second } from './clock.js'

/** Period of pull rounds (core.yaml `peer.gossip.pullInterval`). */
export const PULL_INTERVAL = 4 * second // Fabric default
/** How long the initiator collects digests after its hellos (`peer.gossip.digestWaitTime`, algo.DefDigestWaitTime). */
export const DIGEST_WAIT_TIME = 1 * second // Fabric default
/** How long a responder keeps a hello's nonce and answers its request (`peer.gossip.requestWaitTime`). */
export const REQUEST_WAIT_TIME = 1.5 * second // Fabric default
/** How long the initiator accepts updates after its requests (`peer.gossip.responseWaitTime`). */
export const RESPONSE_WAIT_TIME = 2 * second // Fabric default
/**
 * Most digests in one digest, request or update; larger messages from a peer are dropped and our own
 * digests are cut to this. Equals the wire decoder's repeated-field limit (`MAX_REPEATED` in `wire/envelope.ts`).
 */
export const MAX_DIGESTS_PER_MESSAGE = 10_000 // ours: the wire's repeated-field limit
/** Most nonces remembered at once, in each direction (hellos answered, hellos sent). */
export const MAX_PENDING_NONCES = 10_000 // ours: bounds memory; Fabric's sets are unbounded
