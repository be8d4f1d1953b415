/**
 * Membership: Fabric's discovery (`gossip/discovery`) and its disclosure policy across orgs. This entry point
 * holds the pure pieces, with no I/O and the clock injected, for the membership service to build on:
 * - {@link MembershipView}: the alive/dead bookkeeping, expiry and forgetting;
 * - PeerTime ordering ({@link comparePeerTime}, {@link isNewer});
 * - the disclosure predicates ({@link membershipSieve}, {@link alivePushAllowed}, {@link stripSecretFor}, ...);
 * - {@link aliveInfoOf}: from a received alive message to the view's input.
 *
 * @example
 * ```ts
 * const view = new MembershipView({ selfPkiId: me.pkiId, now: Date.now })
 * const sieve = membershipSieve(me.mspId, { mspId: requester.identity.mspId, externalEndpoint: reqInfo.endpoint })
 * const alive = view.alive().filter(m => sieve({ mspId: orgOf(m.pkiId), externalEndpoint: m.endpoint }))
 * ```
 */
export { MembershipView } from './view.js'
export type { AliveInfo, AliveResult, DeadResult, ExpiryResult, Member, MemberState, MembershipViewInit } from './view.js'
export { comparePeerTime, isNewer, formatPeerTime } from './peer-time.js'
export type { PeerTime } from './peer-time.js'
export {
  membershipSieve,
  stripSecretFor,
  alivePushAllowed,
  identityDisclosable,
  stateInfoDisclosable,
  anchorPeerContactable,
  anchorPeerAccepted,
  membershipRequestIncludesInternalEndpoint,
  bootstrapPeerAccepted
} from './disclosure.js'
export type { OrgPeer } from './disclosure.js'
export { aliveInfoOf, internalEndpointOf, selfEndpointConflict } from './alive-info.js'
export {
  DEFAULT_ALIVE_TIME_INTERVAL,
  DEFAULT_ALIVE_EXPIRATION_TIMEOUT,
  DEFAULT_ALIVE_EXPIRATION_CHECK_INTERVAL,
  DEFAULT_MSG_EXPIRATION_FACTOR,
  DEFAULT_MAX_MEMBERS
} from './constants.js'
export { Discovery } from './discovery.js'
export type { DiscoveryInit, DiscoveryEvents, DiscoveryComm, DiscoveryIdentities, NetworkMember, ReceivedGossip } from './discovery.js'
export { Connector } from './connector.js'
export type { ConnectTarget, ConnectorInit, ConnectorPorts } from './connector.js'
