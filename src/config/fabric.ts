/**
 * The settings that make a node disseminate exactly as Fabric's gossip with core.yaml's defaults: this
 * project's own behaviour switches set back to Fabric's. Everything else already has Fabric's default, except
 * `peer.gossip.state.enabled` (true here, as Fabric up to 2.1; Fabric 2.2+ turns state transfer off): add
 * `state: { enabled: false }` for that.
 *
 * ```yaml
 * peer:
 *   gossip:
 *     dissemination: fabric
 *     eagerFlush: false
 *     gapRequestDelay: 0s
 *     announceWait: 0s
 *     floodMaxBytes: 0
 *     treePush: false
 *     state:
 *       parallelRequests: 1
 *       chainVerify: false
 * ```
 *
 * Used as `loadConfig({ overrides: FABRIC_BEHAVIOUR })`, by the benchmarks' "Fabric defaults" mode and the
 * tests; the same keys in a config file or as `CORE_PEER_GOSSIP_*` variables do the same.
 */
export const FABRIC_BEHAVIOUR = {
  peer: {
    gossip: {
      dissemination: 'fabric',
      eagerFlush: false,
      gapRequestDelay: 0,
      announceWait: 0,
      floodMaxBytes: 0,
      treePush: false,
      state: { parallelRequests: 1, chainVerify: false }
    }
  }
} as const

/** The keys of {@link FABRIC_BEHAVIOUR}, as config key paths. */
export const FABRIC_BEHAVIOUR_KEYS = [
  'peer.gossip.dissemination',
  'peer.gossip.eagerFlush',
  'peer.gossip.gapRequestDelay',
  'peer.gossip.announceWait',
  'peer.gossip.floodMaxBytes',
  'peer.gossip.treePush',
  'peer.gossip.state.parallelRequests',
  'peer.gossip.state.chainVerify'
] as const
