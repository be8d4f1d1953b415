/**
 * The node's configuration, with the keys, layout, defaults and environment variables of Fabric's core.yaml.
 *
 * - Layout: a YAML file with top-level `peer:` and `operations:` sections, as core.yaml (`docs/peer.sample.yaml`).
 * - Precedence: schema defaults < file < environment (`CORE_PEER_GOSSIP_BOOTSTRAP` ...) < overrides.
 * - Values: durations are Go strings (`'5s'`) in files and the environment and milliseconds in
 *   {@link NodeConfig}; paths become absolute; every value is checked and a bad one throws a
 *   {@link ConfigError} naming its key.
 * - Defaults are Fabric's, with three differences: `peer.id` is `peer0` (Fabric's sample: `jdoe`),
 *   `peer.gossip.state.enabled` is TRUE (Fabric 2.2+: false; this project keeps state transfer on), and our
 *   own keys `peer.knownMsps`, `peer.gossip.maxMessageSize` (100 MiB) and `peer.gossip.maxControlMessageSize`
 *   (4 MiB). As in Fabric, `useLeaderElection` is false and `orgLeader` true (both true is an error).
 * - Unknown keys (in the file, `CORE_*` variables or overrides) are reported to `onWarning` as `unknown-key`
 *   with the nearest known key; Fabric keys this node does not use (`peer.tls`, `chaincode` ...) as
 *   `ignored-key`; `strict: true` makes unknown keys fatal.
 *
 * Every key is listed, with its variable, default and meaning, in `docs/config.md` and by {@link describeConfig}.
 *
 * @example
 * ```ts
 * import { loadConfig } from './config/index.js'
 * const config = loadConfig({ file: 'core.yaml', env: process.env, onWarning: (msg) => { log.warn(msg) } })
 * config.peer.gossip.aliveTimeInterval // 5000 (ms)
 * ```
 */

import { defaultConfig } from './load.js'
import type { NodeConfig } from './types.js'

export type {
  NodeConfig, PeerConfig, GossipConfig, ElectionConfig, PvtDataConfig, ImplicitCollectionDisseminationPolicyConfig,
  StateConfig, OperationsConfig, KnownMsp, DeepPartial, ConfigSource, ConfigWarning, LoadConfigOptions
} from './types.js'
export type { ConfigKey, ConfigSection, KeySpec, KeyOrigin, ValueKind } from './schema.js'
export type { ConfigKeyInfo } from './describe.js'
export type { HostPort } from './address.js'
export { ConfigError } from './errors.js'
export { loadConfig } from './load.js'
export { parseDuration, formatDuration } from './duration.js'
export { parseEndpoint, formatEndpoint, splitHostPort, endpointHostPort, endpointPort } from './address.js'
export { describeConfig, configKeys } from './describe.js'
export { CONFIG_SCHEMA, envName } from './schema.js'
export { millisecond, second, minute, hour, KiB, MiB, GiB } from './units.js'

/**
 * Fabric's defaults as this node applies them (see the module comment for the differences), deep-frozen.
 * Paths are as written (`mspConfigPath` is `'msp'`); {@link loadConfig} makes them absolute.
 */
export const DEFAULT_CONFIG: NodeConfig = deepFreeze(defaultConfig())

/**
 * The endpoint this peer publishes to peers of its own organization, as Fabric computes it:
 * `peer.gossip.endpoint` when set, else `peer.address`.
 */
export function internalEndpoint (config: NodeConfig): string {
  return config.peer.gossip.endpoint !== '' ? config.peer.gossip.endpoint : config.peer.address
}

function deepFreeze<T> (value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
export { FABRIC_BEHAVIOUR, FABRIC_BEHAVIOUR_KEYS } from './fabric.js'
