/**
 * Channel membership, pure. Fabric (`gossip/gossip/channel/channel.go`): a peer is a member of a channel
 * when its org is one of the channel's orgs (`IsMemberInChan`) **and** it published a valid StateInfo for
 * the channel (`EligibleForChannel`); `GetPeers` (behind `PeersOfChannel`) lists the alive members that
 * pass both, leaving out those whose StateInfo says `left_channel`, each with the properties of its
 * StateInfo. A peer that left the channel itself sees nobody.
 */
import type { RoutingFilter, RoutingMember } from '../filter/index.js'
import type { StateInfoEntry, StateInfoProperties } from './state-info.js'

/** The StateInfo lookup {@link peersOfChannel} needs (a {@link StateInfoStore} fits). */
export interface StateInfoLookup {
  get(pkiIdHex: string): Pick<StateInfoEntry<unknown>, 'properties'> | undefined
}

/** A member of a channel: the alive member, with its ledger height and chaincodes from its StateInfo. */
export type ChannelPeer<M extends RoutingMember = RoutingMember> = M & {
  /** `StateInfo.properties` */
  readonly properties: StateInfoProperties
}

/** Options of {@link peersOfChannel}. */
export interface PeersOfChannelOptions {
  /** This peer left the channel: it sees no channel peers (Fabric `hasLeftChannel`). @default false */
  selfLeftChannel?: boolean
}

/** Fabric `IsMemberInChan`: the member's org is one of the channel's orgs. */
export function channelOrgFilter (channelOrgs: Iterable<string>): RoutingFilter<RoutingMember> {
  const orgs = channelOrgs instanceof Set ? channelOrgs as ReadonlySet<string> : new Set(channelOrgs)
  return member => orgs.has(member.mspId)
}

/** Fabric `EligibleForChannel`: the member published a StateInfo for the channel (whatever it says). */
export function hasStateInfoFilter (stateInfos: StateInfoLookup): RoutingFilter<RoutingMember> {
  return member => stateInfos.get(member.pkiIdHex) !== undefined
}

/**
 * A channel's peers among `aliveMembers`: those whose org is in `channelOrgs` and that published a
 * StateInfo without `left_channel`, with its properties, in the order of `aliveMembers` (Fabric
 * `PeersOfChannel` / `gossipChannel.GetPeers`).
 */
export function peersOfChannel<M extends RoutingMember> (channelOrgs: Iterable<string>, aliveMembers: readonly M[],
  stateInfos: StateInfoLookup, options: PeersOfChannelOptions = {}): Array<ChannelPeer<M>> {
  if (options.selfLeftChannel === true) return []
  const inChannel = channelOrgFilter(channelOrgs)
  const out: Array<ChannelPeer<M>> = []
  for (const member of aliveMembers) {
    if (!inChannel(member)) continue
    const entry = stateInfos.get(member.pkiIdHex)
    if (entry === undefined || entry.properties.leftChannel) continue
    out.push({ ...member, properties: entry.properties })
  }
  return out
}

/** The highest ledger height among `peers` (0n when there are none): what state transfer catches up to. */
export function maxLedgerHeight (peers: ReadonlyArray<{ readonly properties: StateInfoProperties }>): bigint {
  let max = 0n
  for (const p of peers) if (p.properties.ledgerHeight > max) max = p.properties.ledgerHeight
  return max
}
