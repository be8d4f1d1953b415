/**
 * Routing filters: composable predicates over network members that decide who may be sent a message, after
 * Fabric's `gossip/filter/filter.go` (`RoutingFilter`, `SelectAllPolicy`, `SelectNonePolicy`,
 * `CombineRoutingFilters`, `SelectPeers`, `First`, `AnyMatch`) and the per-tag routing of
 * `gossip/gossip/gossip_impl.go` (reference section 3). Pure: no I/O, no clock; randomness is injectable.
 *
 * @example
 * ```ts
 * const route = tagFilter(msg.tag, { selfMspId: 'Org1MSP', isChannelMember: m => channelOrgs.has(m.mspId) })
 * const targets = selectPeers(3, members, combine(route, not(pkiIdIs(senderHex))))
 * ```
 */
import type { gossip } from '../pb/gossip.js'

/**
 * The least a member must tell a routing filter (Fabric `discovery.NetworkMember`, with the org resolved).
 * Members of the membership view, of a channel's peer list, etc. extend it.
 */
export interface RoutingMember {
  /** Lower-case hex of the member's PKI-ID. */
  readonly pkiIdHex: string
  /** The MSP ID of the member's identity. */
  readonly mspId: string
  /** The endpoint the member publishes to other orgs; '' when it has none (invisible outside its org). */
  readonly externalEndpoint: string
}

/** Fabric's `RoutingFilter`: whether a member may be selected. */
export type RoutingFilter<M extends RoutingMember = RoutingMember> = (member: M) => boolean

/** A source of uniform random numbers in [0, 1), `Math.random` by default. */
export type RandomSource = () => number

/** Selects every member (Fabric `SelectAllPolicy`). */
export const selectAll: RoutingFilter<RoutingMember> = () => true

/** Selects no member (Fabric `SelectNonePolicy`). */
export const selectNone: RoutingFilter<RoutingMember> = () => false

/** The logical AND of `filters` (Fabric `CombineRoutingFilters`); with no filter, selects all. */
export function combine<M extends RoutingMember> (...filters: Array<RoutingFilter<M>>): RoutingFilter<M> {
  return member => filters.every(f => f(member))
}

/** The logical OR of `filters` (Fabric `AnyMatch`, as a filter); with no filter, selects none. */
export function any<M extends RoutingMember> (...filters: Array<RoutingFilter<M>>): RoutingFilter<M> {
  return member => filters.some(f => f(member))
}

/** The negation of `filter`. */
export function not<M extends RoutingMember> (filter: RoutingFilter<M>): RoutingFilter<M> {
  return member => !filter(member)
}

/** Members of the org `mspId` (Fabric `IsInMyOrg` when given the own MSP ID). */
export function inOrg (mspId: string): RoutingFilter<RoutingMember> {
  return member => member.mspId === mspId
}

/** Members of any of the orgs `mspIds` (Fabric `IsMemberInChan` when given a channel's orgs). */
export function inOrgs (mspIds: Iterable<string>): RoutingFilter<RoutingMember> {
  const set = new Set(mspIds)
  return member => set.has(member.mspId)
}

/** Members that publish an external endpoint (only they are visible to, and may hear from, other orgs). */
export const hasExternalEndpoint: RoutingFilter<RoutingMember> = member => member.externalEndpoint !== ''

/** The member with this PKI-ID; `not(pkiIdIs(sender))` is Fabric's `IsNotSameFilter` (no self loop). */
export function pkiIdIs (pkiIdHex: string): RoutingFilter<RoutingMember> {
  const hex = pkiIdHex.toLowerCase()
  return member => member.pkiIdHex === hex
}

/**
 * At most `k` members of `pool` that pass `filter`, chosen uniformly at random (Fabric `SelectPeers`: walk
 * a random permutation, stop at `k`). The order of the result is random too. `random` returns numbers in
 * [0, 1) and is for tests; `k <= 0` selects nobody.
 */
export function selectPeers<M extends RoutingMember> (k: number, pool: readonly M[], filter: RoutingFilter<M>, random: RandomSource = Math.random): M[] {
  const out: M[] = []
  if (k <= 0) return out
  // Lazy Fisher-Yates: position i receives a random one of the not yet visited members.
  const order = pool.map((_, i) => i)
  for (let i = 0; i < order.length && out.length < k; i++) {
    const j = i + Math.floor(random() * (order.length - i))
    const picked = order[j]
    order[j] = order[i]
    order[i] = picked
    const member = pool[picked]
    if (filter(member)) out.push(member)
  }
  return out
}

/** Every member of `pool` that passes `filter`, in pool order (Fabric: `SelectPeers(len(pool), ...)`). */
export function selectAllPeers<M extends RoutingMember> (pool: readonly M[], filter: RoutingFilter<M>): M[] {
  return pool.filter(m => filter(m))
}

/** The first member of `pool` that passes `filter` (Fabric `First`), or undefined. */
export function firstPeer<M extends RoutingMember> (pool: readonly M[], filter: RoutingFilter<M>): M | undefined {
  return pool.find(m => filter(m))
}

/** What {@link tagFilter} needs to know about where a message is routed. */
export interface TagRoutingContext<M extends RoutingMember = RoutingMember> {
  /** This peer's MSP ID. */
  selfMspId: string
  /**
   * Whether a member belongs to the message's channel (Fabric `IsMemberInChan`: its org is one of the
   * channel's orgs; a caller may make it stricter, e.g. also require a StateInfo). Absent when the message
   * names no channel this peer has joined: the channel part of the tag then selects nobody.
   */
  isChannelMember?: RoutingFilter<M>
}

type Tag = gossip.GossipMessage.Tag
type Route = <M extends RoutingMember>(myOrg: RoutingFilter<M>, channel: RoutingFilter<M>) => RoutingFilter<M>

/** Per tag, how my org and the channel combine (keys are the enum's values: this engine imports types only). */
const ROUTES: Record<Tag, Route> = {
  UNDEFINED: () => selectNone,
  EMPTY: () => selectAll,
  ORG_ONLY: myOrg => myOrg,
  CHAN_ONLY: (_, channel) => channel,
  CHAN_AND_ORG: (myOrg, channel) => combine(channel, myOrg),
  CHAN_OR_ORG: (myOrg, channel) => any(channel, myOrg)
}

/**
 * The routing filter of a message tag (reference section 3, Fabric `gossip_impl.go`):
 *
 * | tag | who may receive the message |
 * |---|---|
 * | EMPTY | anyone (no restriction; the disclosure policy still applies to alive messages) |
 * | ORG_ONLY | members of my org |
 * | CHAN_ONLY | channel members |
 * | CHAN_AND_ORG | channel members of my org |
 * | CHAN_OR_ORG | channel members, or members of my org |
 * | UNDEFINED | nobody: Fabric drops a message without a tag (`IsTagLegal`) |
 *
 * Without `isChannelMember` (no known channel), CHAN_ONLY and CHAN_AND_ORG select nobody and CHAN_OR_ORG
 * selects my org, as Fabric routes a StateInfo whose channel it cannot find. Which tag a message kind must
 * carry is `requiredTag` in `src/wire/kinds.ts`.
 */
export function tagFilter<M extends RoutingMember> (tag: Tag, context: TagRoutingContext<M>): RoutingFilter<M> {
  const myOrg: RoutingFilter<M> = inOrg(context.selfMspId)
  const channel: RoutingFilter<M> = context.isChannelMember ?? selectNone
  const route = Object.hasOwn(ROUTES, tag) ? ROUTES[tag] : ROUTES.UNDEFINED
  return route(myOrg, channel)
}
