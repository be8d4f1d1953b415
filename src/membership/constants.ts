/**
 * Discovery's defaults, in milliseconds (see `src/config/units.ts`), with their source in Fabric
 * (`gossip/discovery/discovery_impl.go` constants and core.yaml `peer.gossip.*`).
 */
import { second } from '../config/units.js'

/** Period of this peer's own alive message. Fabric `DefAliveTimeInterval`, core.yaml `aliveTimeInterval`. */
export const DEFAULT_ALIVE_TIME_INTERVAL = 5 * second

/**
 * Silence after which an alive member is declared dead. Fabric `DefAliveExpirationTimeout`
 * (5 x aliveTimeInterval), core.yaml `aliveExpirationTimeout`.
 */
export const DEFAULT_ALIVE_EXPIRATION_TIMEOUT = 5 * DEFAULT_ALIVE_TIME_INTERVAL

/**
 * Period of the expiry check ({@link MembershipView.checkExpiry}). Fabric `DefAliveExpirationCheckInterval`
 * (aliveExpirationTimeout / 10); not a core.yaml key, Fabric derives it the same way.
 */
export const DEFAULT_ALIVE_EXPIRATION_CHECK_INTERVAL = DEFAULT_ALIVE_EXPIRATION_TIMEOUT / 10

/**
 * A member is forgotten once its newest alive message is older than aliveExpirationTimeout x this factor
 * (a dimensionless multiplier). Fabric `DefMsgExpirationFactor`, core.yaml `msgExpirationFactor`.
 */
export const DEFAULT_MSG_EXPIRATION_FACTOR = 20

/**
 * Hard cap on the members one view holds (alive and dead together); unknown members past it are refused.
 * Ours, not Fabric's (Fabric's maps are unbounded): remote peers must not be able to grow our memory without
 * limit. It matches the largest repeated field a membership response may carry (`MAX_REPEATED` in
 * `src/wire/envelope.ts`).
 */
export const DEFAULT_MAX_MEMBERS = 10_000
