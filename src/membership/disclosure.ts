/**
 * Fabric's disclosure policy across organisations (reference section 4) as pure predicates over small
 * records: which alive messages, identities and StateInfo messages a peer of another org may learn, and when
 * the internal endpoint (the SecretEnvelope) is stripped. Each function names the Fabric source it follows
 * (paths in the Fabric repository, `main` as of 2026).
 *
 * Orgs are MSP IDs; an empty MSP ID stands for an org we could not determine (Fabric's `len(org) == 0`:
 * no identity, or an MSP we do not know), and a peer of an unknown org learns nothing.
 *
 * The rules in one line each:
 * - membership response to R, alive message of X: (X = R or X = me) and (X = R or both external endpoints set);
 * - push of an alive message of X to R: X = me, or R in {me, X} and R has an external endpoint; and when X has
 *   no external endpoint, only to X's own org;
 * - SecretEnvelope: stripped for every peer outside my org;
 * - identity pull by R: R in my org sees all; else only owners with an external endpoint, of my org or R's;
 * - StateInfo snapshot for R: R in my org sees all; else my org's entries only for peers with an external
 *   endpoint (other orgs' entries pass);
 * - anchor peers of other orgs: contacted only if I have an external endpoint, and told nothing secret.
 */

/** The two facts disclosure depends on: a peer's org and its external endpoint (`''` when it has none). */
export interface OrgPeer {
  /** MSP ID of the peer's org; `''` when unknown. */
  readonly mspId: string
  /** `AliveMessage.membership.endpoint`: the external endpoint, `''` when the peer has none. */
  readonly externalEndpoint: string
}

function known (mspId: string): boolean {
  return mspId !== ''
}

function hasExternal (p: OrgPeer): boolean {
  return p.externalEndpoint !== ''
}

/**
 * The disclosure sieve of a membership response to `remote` (Fabric `gossip/gossip/gossip_impl.go`
 * `disclosurePolicy`, the returned `Sieve`): whether an alive message whose origin is `aliveOrigin` may be put
 * into it. Unknown orgs (of the remote or of the message) learn and leak nothing; otherwise the message goes
 * only if its org X is the remote's org R or mine (`fromSameForeignOrg || fromMyOrg`), and, unless X = R,
 * only when both the message and the remote have an external endpoint.
 *
 * Fabric also applies the sieve to its own alive message first (`discovery_impl.go`
 * `createMembershipResponse`): a requester that may not see us gets no response and its connection is closed.
 * The `remote`'s external endpoint is the one in its request's `self_information`.
 */
export function membershipSieve (selfOrg: string, remote: OrgPeer): (aliveOrigin: OrgPeer) => boolean {
  if (!known(remote.mspId)) return () => false
  return (origin) => {
    if (!known(origin.mspId)) return false
    const fromRemoteOrg = origin.mspId === remote.mspId
    const fromMyOrg = origin.mspId === selfOrg
    if (!fromRemoteOrg && !fromMyOrg) return false
    return fromRemoteOrg || (hasExternal(origin) && hasExternal(remote))
  }
}

/**
 * Whether the SecretEnvelope (internal endpoint) must be removed before a message goes to `remote`: for
 * every peer outside my org, unknown org included. Fabric applies it to membership responses
 * (`disclosurePolicy`'s `EnvelopeFilter`), to pushed alive messages (`sendAndFilterSecrets`: `!IsInMyOrg`)
 * and to the `self_information` of membership requests (`discoveryAdapter.SendToPeer`).
 */
export function stripSecretFor (selfOrg: string, remote: Pick<OrgPeer, 'mspId'>): boolean {
  return !known(remote.mspId) || remote.mspId !== selfOrg
}

/**
 * Whether an alive message whose origin is `origin` may be pushed (gossiped or forwarded) to `remote`:
 * - origin of an unknown org: to nobody; remote of an unknown org: nothing (Fabric `peersByOriginOrgPolicy`
 *   returns `SelectNonePolicy`, resp. `false` for a member whose org is unknown);
 * - origin in my org: to peers of any org (`SelectAllPolicy`);
 * - origin in a foreign org X: only to peers of my org or of X (`peersByOriginOrgPolicy`), and never to a
 *   peer without an external endpoint (`sendAndFilterSecrets`: `aliveMsgFromDiffOrg && !hasExternalEndpoint`);
 * - origin without an external endpoint: only to peers of its own org ("a peer without an external endpoint
 *   is invisible outside its org"). Fabric enforces this where the message leaves its org:
 *   `gossipBatch`'s `aliveMsgsWithNoEndpointAndInOurOrg` makes such a message of my org org-restricted (sent
 *   with `IsInMyOrg` only). A relay in another org never holds one, since neither the sieve nor the push
 *   lets it out; we check it at every hop anyway (defence in depth: Fabric's relay rules alone would let a
 *   leaked one reach my org's peers with an external endpoint).
 *
 * The secret is stripped separately ({@link stripSecretFor}).
 */
export function alivePushAllowed (selfOrg: string, origin: OrgPeer, remote: OrgPeer): boolean {
  if (!known(origin.mspId) || !known(remote.mspId)) return false
  if (!hasExternal(origin) && remote.mspId !== origin.mspId) return false
  if (origin.mspId === selfOrg) return true
  if (remote.mspId !== selfOrg && remote.mspId !== origin.mspId) return false
  return hasExternal(remote)
}

/**
 * Identity pull (`PeerIdentity` items of the IDENTITY_MSG pull): whether the identity of `identityOwner` may
 * be offered to `requester` (Fabric `gossip_impl.go` `sameOrgOrOurOrgPullFilter`, the egress digest filter):
 * a requester of an unknown org gets nothing; one of my org gets every identity; a foreign requester only
 * identities of peers with an external endpoint (as my membership knows them) whose org is mine or the
 * requester's. An owner of unknown org is never offered to a foreign requester.
 */
export function identityDisclosable (selfOrg: string, requester: OrgPeer, identityOwner: OrgPeer): boolean {
  if (!known(requester.mspId)) return false
  if (requester.mspId === selfOrg) return true
  if (!known(identityOwner.mspId) || !hasExternal(identityOwner)) return false
  return identityOwner.mspId === selfOrg || identityOwner.mspId === requester.mspId
}

/**
 * StateInfo snapshot (`StateInfoSnapshot` answering a `StateInfoPullRequest`): whether the StateInfo of
 * `owner` may go to `requester` (Fabric `gossip/gossip/channel/channel.go` `createStateInfoSnapshot`): a
 * requester of my org gets everything; a foreign requester gets other orgs' entries unfiltered and my org's
 * only for peers whose alive message has an external endpoint (`netMember == nil || netMember.Endpoint == ""`
 * skips). Fabric answers only requesters whose org is in the channel (`HandleMessage` checks
 * `IsOrgInChannel` first); that check is the channel's, not this predicate's. A requester of unknown org gets
 * nothing (Fabric drops its request), and an entry whose owner's org is unknown is not disclosed to a foreign
 * requester (stricter than Fabric, which cannot hold one since StateInfo is validated against the owner's
 * identity).
 */
export function stateInfoDisclosable (selfOrg: string, requester: OrgPeer, owner: OrgPeer): boolean {
  if (!known(requester.mspId)) return false
  if (requester.mspId === selfOrg) return true
  if (!known(owner.mspId)) return false
  if (owner.mspId !== selfOrg) return true
  return hasExternal(owner)
}

/**
 * Whether to contact an anchor peer that the channel config lists for `anchorOrg` (Fabric `gossip_impl.go`
 * `learnAnchorPeers`): always for my org's anchors; for another org's only when I have an external endpoint
 * ("isn't in our org and we have no external endpoint, skipping"). Skipping my own endpoint is the caller's.
 */
export function anchorPeerContactable (selfOrg: string, selfExternalEndpoint: string, anchorOrg: string): boolean {
  return anchorOrg === selfOrg || selfExternalEndpoint !== ''
}

/**
 * After the handshake with an anchor peer: whether to go on (Fabric `learnAnchorPeers`' identifier): an
 * anchor listed for my org whose identity is of another org is refused ("isn't in our org, but is claimed to
 * be"). Fabric does not check an anchor listed for a foreign org against its actual org; neither do we.
 */
export function anchorPeerAccepted (selfOrg: string, listedOrg: string, actualOrg: string): boolean {
  return !(listedOrg === selfOrg && actualOrg !== selfOrg)
}

/**
 * Whether the membership request sent to a peer (anchor, bootstrap or pull target) carries my internal
 * endpoint: only when the handshake showed it is of my org (Fabric `discovery_impl.go` `Connect`:
 * `createMembershipRequest(id.SelfOrg)`, with `SelfOrg` the anchor's actual org compared with mine; and
 * `discoveryAdapter.SendToPeer` strips it for any known PKI-ID outside my org).
 */
export function membershipRequestIncludesInternalEndpoint (selfOrg: string, remoteOrg: string): boolean {
  return !stripSecretFor(selfOrg, { mspId: remoteOrg })
}

/**
 * Whether a bootstrap peer is accepted after the handshake: it must be of my org (Fabric `gossip_impl.go`
 * `connect2BootstrapPeers`: "isn't in our organization, cannot be a bootstrap peer").
 */
export function bootstrapPeerAccepted (selfOrg: string, actualOrg: string): boolean {
  return known(actualOrg) && actualOrg === selfOrg
}
