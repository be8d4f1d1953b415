/**
 * The shape of the node's configuration. Keys follow Fabric's `core.yaml`; durations are milliseconds, sizes
 * bytes. Defaults, environment variable names, ranges and the full meaning of every key are in the schema
 * (`schema.ts`), from which `docs/config.md` is generated: this file only names the keys.
 */

/** An MSP folder whose organization this node trusts besides its own (`peer.knownMsps`). */
export interface KnownMsp {
  /** MSP ID of the organization, e.g. `Org2MSP`. */
  mspId: string
  /** The MSP folder (`cacerts/`, ...); absolute after loading. */
  path: string
}

/** `peer.gossip.election`: dynamic leader election (used when `useLeaderElection` is true). */
export interface ElectionConfig {
  /** ms; longest wait for a stable membership at startup. */
  startupGracePeriod: number
  /** ms; how often the membership is sampled while waiting for it to settle. */
  membershipSampleInterval: number
  /** ms; a follower starts an election after this long without a leader declaration. */
  leaderAliveThreshold: number
  /** ms; wait between proposing and declaring oneself leader. */
  leaderElectionDuration: number
}

/** `peer.gossip.pvtData.implicitCollectionDisseminationPolicy`. */
export interface ImplicitCollectionDisseminationPolicyConfig {
  /** Peers that must receive own implicit-collection private data at endorsement. */
  requiredPeerCount: number
  /** Peers that are attempted; 0 disables dissemination. */
  maxPeerCount: number
}

/** `peer.gossip.pvtData`: private data (kept for Fabric compatibility; read by the private data service). */
export interface PvtDataConfig {
  /** ms; how long missing private data of a block is pulled before committing without it. */
  pullRetryThreshold: number
  /** blocks; transient store retention. */
  transientstoreMaxBlockRetention: number
  /** ms; wait for each peer's acknowledgement of a private data push. */
  pushAckTimeout: number
  /** blocks; block-to-live pulling margin. */
  btlPullMargin: number
  /** Missing private data items reconciled per iteration. */
  reconcileBatchSize: number
  /** ms; pause between reconciliation iterations. */
  reconcileSleepInterval: number
  /** Whether private data reconciliation runs. */
  reconciliationEnabled: boolean
  /** Whether invalid transactions' private data is left to the reconciler. */
  skipPullingInvalidTransactionsDuringCommit: boolean
  implicitCollectionDisseminationPolicy: ImplicitCollectionDisseminationPolicyConfig
}

/** `peer.gossip.state`: state transfer (anti-entropy block sync from peers). */
export interface StateConfig {
  /** Whether state transfer runs. TRUE by default here; Fabric 2.2+ defaults to false. */
  enabled: boolean
  /** ms; how often the ledger height is compared with the channel peers'. */
  checkInterval: number
  /** ms; wait for a state response. */
  responseTimeout: number
  /** blocks per state request. */
  batchSize: number
  /** blocks; how far ahead of the ledger height gossiped blocks are buffered. */
  blockBufferSize: number
  /** attempts per state request. */
  maxRetries: number
  /** OURS. state requests kept in flight at once; 1: Fabric's one at a time. */
  parallelRequests: number
  /** OURS. verify a state response's blocks as a hash chain under its last block's signature; false: every block's signature. */
  chainVerify: boolean
}

/** `peer.gossip`: every key of Fabric's core.yaml `peer.gossip` section, plus two of ours (message sizes). */
export interface GossipConfig {
  /** Same-org endpoints contacted at startup (`host:port` or multiaddrs). */
  bootstrap: string[]
  /** Elect the org leader dynamically. Mutually exclusive with `orgLeader`. */
  useLeaderElection: boolean
  /** This peer is statically an org leader. */
  orgLeader: boolean
  /** ms; membership tracker polling interval. */
  membershipTrackerInterval: number
  /** Endpoint published to peers of this org; `''` = `peer.address`. */
  endpoint: string
  /** blocks kept in memory per channel. */
  maxBlockCountToStore: number
  /** ms; max time between consecutive push batches. */
  maxPropagationBurstLatency: number
  /** messages buffered before a push is triggered. */
  maxPropagationBurstSize: number
  /** times a message is pushed. */
  propagateIterations: number
  /** peers each message is pushed to. */
  propagatePeerNum: number
  /** ms; period of pull rounds. */
  pullInterval: number
  /** peers pulled from per round. */
  pullPeerNum: number
  /** OURS. ms; a gap still open this long after a later block arrived is asked for at once; 0: off. */
  gapRequestDelay: number
  /** OURS. ms; blocks taken in are announced to the peers not pushed to, who ask for one still missing this long after; 0: off. */
  announceWait: number
  /** OURS. bytes; a block taken in goes to every channel peer of the org when its size x their number is at most this; 0: off. */
  floodMaxBytes: number
  /** OURS. A block taken in that is not flooded goes down a relay tree (one copy per peer); false: random push. */
  treePush: boolean
  /** OURS. A message that finds the batching emitter idle goes out at once; false: Fabric's ticker. */
  eagerFlush: boolean
  /** OURS. How blocks are pushed: Fabric's push, or libp2p gossipsub (a topic per channel and org). */
  dissemination: 'fabric' | 'gossipsub'
  /** ms; period of StateInfo pulls. */
  requestStateInfoInterval: number
  /** ms; period of StateInfo publication. */
  publishStateInfoInterval: number
  /** ms; StateInfo retention; 0 = unset (Fabric's sample leaves it empty). */
  stateInfoRetentionInterval: number
  /** ms after startup during which alive messages carry the certificate. */
  publishCertPeriod: number
  /** Skip block verification (not used by Fabric either). */
  skipBlockVerification: boolean
  /** ms; dial timeout. */
  dialTimeout: number
  /** ms; handshake timeout. */
  connTimeout: number
  /** messages; receive buffer. */
  recvBuffSize: number
  /** messages; per-connection send buffer. */
  sendBuffSize: number
  /** ms; pull: wait for digests. */
  digestWaitTime: number
  /** ms; pull: how long a responder remembers a nonce. */
  requestWaitTime: number
  /** ms; pull: wait for updates. */
  responseWaitTime: number
  /** ms; period of own alive messages. */
  aliveTimeInterval: number
  /** ms; a peer not heard from for this long is dead. */
  aliveExpirationTimeout: number
  /** ms; period of reconnection attempts to dead peers. */
  reconnectInterval: number
  /** attempts to connect to a bootstrap/anchor peer. */
  maxConnectionAttempts: number
  /** alive message TTL = aliveExpirationTimeout x this. */
  msgExpirationFactor: number
  /** Endpoint published to other orgs; `''` = invisible outside the org. */
  externalEndpoint: string
  election: ElectionConfig
  pvtData: PvtDataConfig
  state: StateConfig
  /** OURS. bytes; largest frame on a block-carrying stream. */
  maxMessageSize: number
  /** OURS. bytes; largest frame on a control stream. */
  maxControlMessageSize: number
}

/** `peer`: the peer section of core.yaml (the keys this node uses). */
export interface PeerConfig {
  /** Name of this node instance. */
  id: string
  /** Logical network name. */
  networkId: string
  /** MSP ID of this node's organization. */
  localMspId: string
  /** Local MSP folder; absolute after loading. */
  mspConfigPath: string
  /** Data directory (ledger); absolute after loading. */
  fileSystemPath: string
  /** Where the node listens: `host:port` or a multiaddr. */
  listenAddress: string
  /** This peer's endpoint for peers of its org. */
  address: string
  /** OURS. Extra MSP folders whose organizations this node trusts. */
  knownMsps: KnownMsp[]
  gossip: GossipConfig
  deliveryclient: DeliveryClientConfig
}

/** `peer.deliveryclient`: how a leader receives blocks from the ordering service. */
export interface DeliveryClientConfig {
  /** Time to connect to an orderer (ms). */
  connTimeout: number
  /** Longest wait between reconnection attempts (ms). */
  reConnectBackoffThreshold: number
}

/** `operations`: the operations (HTTP status, metrics) server. */
export interface OperationsConfig {
  /** `host:port` of the operations server. */
  listenAddress: string
}

/**
 * OURS. A channel the node joins at start: a Fabric genesis (config) block file, or a channel definition
 * (`{ name, orgs: [{ mspId, rootCerts | mspDir, anchorPeers }] }`) checked when the node starts.
 */
export type ChannelSource = { block: string } | { config: Record<string, unknown> }

/** The node's whole configuration, laid out like Fabric's core.yaml. */
export interface NodeConfig {
  peer: PeerConfig
  operations: OperationsConfig
  /** OURS. Channels joined at start. */
  channels: ChannelSource[]
}

/** `T` with every property optional, recursively; arrays are replaced whole, never merged. */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T

/** Where a configuration value came from. */
export type ConfigSource = 'default' | 'file' | 'env' | 'overrides'

/**
 * Something worth telling the operator that does not stop the node:
 * - `unknown-key`: a key this node does not know, in the file, the environment (`CORE_*`) or the overrides.
 *   Usually a typo (`peer.gosip`); `suggestion` names the nearest known key. Fatal with `strict: true`.
 * - `ignored-key`: a Fabric core.yaml key this node does not use (`peer.tls`, `chaincode`, `ledger` ...), so a
 *   real Fabric core.yaml or fabric-samples environment loads without noise being mistaken for typos.
 * - `advice`: values that are valid but work against each other (e.g. `pullInterval` not above
 *   `digestWaitTime + responseWaitTime`, which core.yaml says it must be).
 */
export interface ConfigWarning {
  kind: 'unknown-key' | 'ignored-key' | 'advice'
  /** The key path as written (file, overrides) or the environment variable name (env). */
  key: string
  source: ConfigSource
  /** A one-line, human-readable explanation that names the key. */
  message: string
  /** For `unknown-key`: the nearest known key path, when one is close. */
  suggestion?: string
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** A YAML file laid out like Fabric's core.yaml (`peer:`, `operations:`). Relative paths inside resolve against its directory. */
  file?: string
  /**
   * Environment variables: `CORE_` + the key path upper-cased, dots as underscores (`CORE_PEER_GOSSIP_BOOTSTRAP`).
   * Pass `process.env` to honour the environment like a Fabric peer; nothing is read from the process
   * environment unless passed here.
   */
  env?: Record<string, string | undefined>
  /** Values that win over everything else (command-line flags, tests). Durations in ms, sizes in bytes. */
  overrides?: DeepPartial<NodeConfig>
  /**
   * Receives each warning: its one-line message (naming the key), then the details. A logger fits as is:
   * `onWarning: (msg) => { log.warn(msg) }`. Without it, `unknown-key` and `advice` warnings go to
   * `process.emitWarning` (code `FGOSSIP_CONFIG`) and `ignored-key` ones are dropped.
   */
  onWarning?: (message: string, warning: ConfigWarning) => void
  /** Throw a {@link ConfigError} on the first `unknown-key` instead of warning. @default false */
  strict?: boolean
  /** Base for relative paths given in overrides, or anywhere when there is no file. @default process.cwd() */
  cwd?: string
}
