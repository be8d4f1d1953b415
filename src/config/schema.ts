/**
 * The configuration schema: ONE table, one row per key, from which everything else is derived: the defaults
 * (`DEFAULT_CONFIG`), the environment variable names (`CORE_` + path upper-cased, dots as underscores, as
 * Fabric's viper does), parsing and range checks, the `describeConfig()` help text, `docs/config.md` and
 * `docs/peer.sample.yaml`.
 *
 * The compiler holds the table and {@link NodeConfig} together: a key missing from either, or a default of
 * the wrong type, does not compile. Key names, defaults and comments come from Fabric's
 * `sampleconfig/core.yaml` (`peer.gossip` section) and the Go code that reads it (`gossip/gossip/config.go`,
 * `gossip/service/config.go`, `gossip/state/config.go`, `gossip/privdata/config.go`).
 */

import { KiB, MAX_INT, MAX_TIMER_MS, MiB, millisecond, minute, second } from './units.js'
import type { ChannelSource, KnownMsp, NodeConfig } from './types.js'

/** How a key's value is written and parsed. */
export type ValueKind =
  | 'string' // any non-empty text (empty allowed when `optional`)
  | 'path' // a file system path, made absolute when loading
  | 'endpoint' // `host:port` or a multiaddr (see parseEndpoint); `''` allowed when `optional`
  | 'duration' // Go duration string ('5s'); milliseconds in NodeConfig
  | 'int' // an integer in [min, max]
  | 'bytes' // an integer number of bytes, or '4MiB' / '512KiB' / '1GiB'
  | 'bool' // true / false, case-insensitive
  | 'endpointList' // a YAML list of endpoints, or one string separated by blanks or commas
  | 'mspList' // a YAML list of {mspId, path}, or 'Org2MSP=/path,Org3MSP=/path'
  | 'channelList' // a YAML list of genesis block paths or channel definitions, or paths separated by commas

/**
 * Where a key and its default come from:
 * - `fabric`: a core.yaml key with Fabric's default;
 * - `changed`: a core.yaml key whose default differs here (`fabricDefault` gives Fabric's, `doc` says why);
 * - `ours`: a key of this project only.
 */
export type KeyOrigin = 'fabric' | 'changed' | 'ours'

/** One row of the schema. */
export interface KeySpec<T> {
  readonly kind: ValueKind
  readonly default: T
  /** What the key does, for operators: one or a few sentences. */
  readonly doc: string
  readonly origin: KeyOrigin
  /** Fabric's default when `origin` is `changed`, as written in core.yaml. */
  readonly fabricDefault?: string
  /** `int`/`bytes`: smallest value (inclusive). `duration`: 0 when zero is allowed, else values must be > 0. */
  readonly min?: number
  /** `int`/`bytes`/`duration`: largest value (inclusive). */
  readonly max?: number
  /** `string`/`endpoint`: the empty string is allowed (it means "not set"). */
  readonly optional?: boolean
  /** `endpoint`: a local listen address, so port 0 (any free port) is allowed. */
  readonly listen?: boolean
  /** `string`: the values allowed (case-sensitive). */
  readonly choices?: readonly string[]
}

type Leafy = string | number | boolean | readonly unknown[]

/** Every key path of `T` that holds a value: `'peer.gossip.aliveTimeInterval'` ... */
export type LeafPaths<T, P extends string = ''> = {
  [K in keyof T & string]-?: T[K] extends Leafy ? `${P}${K}` : LeafPaths<T[K], `${P}${K}.`>
}[keyof T & string]

/** Every key path of `T` that holds a section: `'peer'`, `'peer.gossip'`, `'peer.gossip.election'` ... */
export type SectionPaths<T, P extends string = ''> = {
  [K in keyof T & string]-?: T[K] extends Leafy ? never : `${P}${K}` | SectionPaths<T[K], `${P}${K}.`>
}[keyof T & string]

/** The type of the value at key path `P` of `T`. */
export type ValueAt<T, P extends string> = P extends `${infer H}.${infer R}`
  ? H extends keyof T ? ValueAt<T[H], R> : never
  : P extends keyof T ? T[P] : never

/** A key path of {@link NodeConfig}, e.g. `'peer.gossip.aliveTimeInterval'`. */
export type ConfigKey = LeafPaths<NodeConfig>
/** A section path of {@link NodeConfig}, e.g. `'peer.gossip.state'`. */
export type ConfigSection = SectionPaths<NodeConfig>

type SchemaTable = { readonly [P in ConfigKey]: KeySpec<ValueAt<NodeConfig, P>> }

interface Opts { min?: number, max?: number, optional?: boolean, listen?: boolean, origin?: KeyOrigin, fabricDefault?: string, choices?: readonly string[] }

const spec = <T>(kind: ValueKind, def: T, doc: string, o: Opts = {}): KeySpec<T> => ({
  kind, default: def, doc, origin: o.origin ?? 'fabric', ...o
})
const str = (def: string, doc: string, o?: Opts): KeySpec<string> => spec('string', def, doc, o)
const choice = <T extends string>(def: T, choices: readonly T[], doc: string, o?: Opts): KeySpec<T> => spec('string', def, doc, { ...o, choices })
const path = (def: string, doc: string, o?: Opts): KeySpec<string> => spec('path', def, doc, o)
const endpoint = (def: string, doc: string, o?: Opts): KeySpec<string> => spec('endpoint', def, doc, o)
const bool = (def: boolean, doc: string, o?: Opts): KeySpec<boolean> => spec('bool', def, doc, o)
const int = (def: number, doc: string, o?: Opts): KeySpec<number> => spec('int', def, doc, { min: 1, max: MAX_INT, ...o })
const bytes = (def: number, doc: string, o?: Opts): KeySpec<number> => spec('bytes', def, doc, { min: 1, max: MAX_INT, ...o })
const duration = (def: number, doc: string, o?: Opts): KeySpec<number> => spec('duration', def, doc, { max: MAX_TIMER_MS, ...o })
const endpoints = (def: string[], doc: string, o?: Opts): KeySpec<string[]> => spec('endpointList', def, doc, o)
const msps = (def: KnownMsp[], doc: string, o?: Opts): KeySpec<KnownMsp[]> => spec('mspList', def, doc, o)
const channelList = (def: ChannelSource[], doc: string, o?: Opts): KeySpec<ChannelSource[]> => spec('channelList', def, doc, o)

/**
 * The schema. Row order is the order of docs/config.md and of the sample file (core.yaml's order, our
 * additions last in their section).
 */
export const CONFIG_SCHEMA: SchemaTable = {
  // ---- peer -------------------------------------------------------------------------------------------------
  'peer.id': str('peer0', // ours: Fabric's sample says 'jdoe'
    'Name of this node instance. Fabric uses it to name docker resources; here it names the node in logs and ' +
    'status output.', { origin: 'changed', fabricDefault: 'jdoe' }),
  'peer.networkId': str('dev', // Fabric default
    'Logical separation of networks. Fabric uses it to name docker resources; here it is reported in status.'),
  'peer.listenAddress': endpoint('0.0.0.0:7051', // Fabric default
    "Local address the node listens on for gossip (libp2p over TCP): `host:port` or a multiaddr such as " +
    '`/ip4/0.0.0.0/tcp/7051`. Port 0 picks a free port.', { listen: true }),
  'peer.address': endpoint('0.0.0.0:7051', // Fabric default
    "This peer's endpoint as peers of its own organization reach it: the gossip internal endpoint unless " +
    '`peer.gossip.endpoint` is set. Peers of other organizations use `peer.gossip.externalEndpoint`.'),
  'peer.fileSystemPath': path('/var/hyperledger/production', // Fabric default
    'Directory where the node stores its data (ledger). A relative path resolves against the directory of the ' +
    'config file (Fabric: FABRIC_CFG_PATH), else the working directory.'),
  'peer.mspConfigPath': path('msp', // Fabric default
    'Folder of the local MSP (`signcerts/`, `keystore/`, `cacerts/` ...). Relative paths resolve as for ' +
    '`peer.fileSystemPath`.'),
  'peer.localMspId': str('SampleOrg', // Fabric default
    "MSP ID of this node's organization. It must match an MSP of every channel the peer joins, or other nodes " +
    'reject its messages: deployers must change it.'),
  'peer.knownMsps': msps([], // ours
    'Extra MSP folders whose organizations this node trusts, as a list of `{mspId, path}` (in the environment: ' +
    '`Org2MSP=/path/to/msp,Org3MSP=/path/to/msp`). Fabric learns the other organizations from channel config ' +
    'blocks; this lets a node trust them before, or without, one. Relative paths resolve as for ' +
    '`peer.mspConfigPath`; an MSP ID may appear once and not be `peer.localMspId`.', { origin: 'ours' }),

  // ---- peer.gossip ------------------------------------------------------------------------------------------
  'peer.gossip.bootstrap': endpoints(['127.0.0.1:7051'], // Fabric default
    'Peers of the same organization contacted at startup (Fabric refuses a bootstrap peer of another ' +
    'organization): a YAML list, or one string of endpoints separated by blanks or commas, as in ' +
    '`CORE_PEER_GOSSIP_BOOTSTRAP="peer0.org1.example.com:7051 peer1.org1.example.com:8051"`. Each is `host:port` ' +
    'or a multiaddr (a `/p2p/<peer-id>` suffix pins the remote). The default is the peer itself, which Fabric ' +
    "skips: discovery never dials 127.0.0.1:<own port>, localhost:<own port> or the peer's own endpoints."),
  'peer.gossip.useLeaderElection': bool(false, // Fabric default
    'Elect the org leader (the peer that pulls blocks from the ordering service and gossips them to its ' +
    'organization) dynamically. Mutually exclusive with `orgLeader`: both true is an error, as in Fabric.'),
  'peer.gossip.orgLeader': bool(true, // Fabric default
    'This peer is statically an org leader and pulls blocks from the ordering service itself; several or all ' +
    'peers of an organization may be. With `useLeaderElection` false, at least one peer of the organization ' +
    'needs `orgLeader` true.'),
  'peer.gossip.membershipTrackerInterval': duration(5 * second, // Fabric default
    'Interval at which the channel membership tracker polls for (and logs) membership changes.'),
  'peer.gossip.endpoint': endpoint('', // Fabric default (empty)
    'Overrides the endpoint this peer publishes to peers of its own organization; empty means `peer.address`.',
    { optional: true }),
  'peer.gossip.maxBlockCountToStore': int(10, // Fabric default
    'Blocks kept in memory per channel for block pull: a block more than this many below the newest is evicted.'),
  'peer.gossip.maxPropagationBurstLatency': duration(10 * millisecond, // Fabric default
    'Max time between consecutive push batches: buffered messages are flushed at least this often. ' +
    "(core.yaml's comment says \"unit: millisecond\", but Fabric reads a unit-less number as nanoseconds; write " +
    'the unit.)'),
  'peer.gossip.maxPropagationBurstSize': int(10, // Fabric default
    'Messages buffered before a push is triggered.'),
  'peer.gossip.propagateIterations': int(1, // Fabric default
    'Number of times a message is pushed to remote peers. 0 disables push: blocks then travel by pull and ' +
    'state transfer only (Fabric accepts 0 too).', { min: 0 }),
  'peer.gossip.propagatePeerNum': int(3, // Fabric default
    'Number of peers each pushed message is sent to.'),
  'peer.gossip.pullInterval': duration(4 * second, // Fabric default
    'Period of pull rounds (blocks, identities) and of membership requests. Must be greater than ' +
    '`digestWaitTime` + `responseWaitTime` (a warning otherwise).'),
  'peer.gossip.pullPeerNum': int(3, // Fabric default
    'Number of peers to pull from in each round.'),
  'peer.gossip.gapRequestDelay': duration(100 * millisecond, // ours
    'When a pushed block arrives with a gap before it (push missed this peer) and the gap is still open after ' +
    'this delay, the missing blocks are asked at once (a state request to the peer that sent the later block) ' +
    "instead of waiting for the next pull round or state transfer check. 0 turns it off (Fabric's behaviour).", { min: 0, origin: 'ours' }),
  'peer.gossip.announceWait': duration(100 * millisecond, // ours
    'The peer that takes a block in from the orderer also announces it (a `DataDigest` of its number, nonce 0) to ' +
    'the channel peers of its org it did not push it to; one of them that has not received the block this long ' +
    'after the announcement (or twice the lag it usually sees between an announcement and the push, when longer) ' +
    'asks the announcer for it. Random push misses about 5% of the peers with ' +
    "`propagatePeerNum` 3; Fabric leaves them to the next pull round. 0 turns announcements off (Fabric's " +
    'behaviour).', { min: 0, origin: 'ours' }),
  'peer.gossip.floodMaxBytes': bytes(2 * MiB, // ours
    'A block the peer takes in from the orderer whose size times the number of channel peers of its org is at ' +
    'most this goes to all of them at once (one hop for everyone), instead of to `propagatePeerNum` of them; ' +
    'a peer of ours that receives such a block announces it (a `DataDigest`) to `propagatePeerNum` peers ' +
    'instead of forwarding it, so that one the origin could not reach asks for it. Bigger blocks, or more ' +
    'peers, go down the relay tree (`treePush`; the origin\'s link would carry every copy). Needs `announceWait` > 0. A size ' +
    "such as `2MiB` is accepted. 0 turns it off (Fabric's behaviour).", { min: 0, origin: 'ours' }),
  'peer.gossip.treePush': bool(true, // ours
    'A block the peer takes in from the orderer that is not flooded goes down a relay tree instead of random ' +
    'push: the peer shuffles the channel peers of its org, cuts them into `propagatePeerNum` parts and sends each ' +
    "part's first peer the block and the rest of its part (a `DataDigest`), which does the same with its part. " +
    'One copy per peer (random push sends each about `propagatePeerNum`), in log base `propagatePeerNum` of N ' +
    'hops; the peers the origin did not send the block to get its announcement, so a part cut off by a dead peer ' +
    "asks for it. Needs `announceWait` > 0. false: random push (Fabric's behaviour).", { origin: 'ours' }),
  'peer.gossip.eagerFlush': bool(true, // ours
    'The batching emitter (blocks, alive messages, StateInfo) sends a message that finds it idle for ' +
    '`maxPropagationBurstLatency` at once, and batches what follows within that latency. false is Fabric\'s ' +
    'behaviour: every message waits for the next tick of a `maxPropagationBurstLatency` ticker (half of it on ' +
    'average, at each hop).', { origin: 'ours' }),
  'peer.gossip.dissemination': choice<'fabric' | 'gossipsub'>('fabric', ['fabric', 'gossipsub'], // ours
    "How blocks are pushed to the org's channel peers: `fabric` (Fabric's push: `propagatePeerNum` peers, " +
    'forwarded once, through the batching emitter) or `gossipsub` (libp2p gossipsub, one topic per channel and ' +
    'org, a topic validator applying the same checks: block verification, channel membership, org). Membership, ' +
    'StateInfo, pull and state transfer are the same in both modes.', { origin: 'ours' }),
  'peer.gossip.requestStateInfoInterval': duration(4 * second, // Fabric default
    'Period at which StateInfo messages are pulled from channel peers.'),
  'peer.gossip.publishStateInfoInterval': duration(4 * second, // Fabric default
    "Period at which this peer's StateInfo is pushed to peers (only when it changed)."),
  'peer.gossip.stateInfoRetentionInterval': duration(0, // Fabric default (empty)
    'Maximum time a StateInfo message is kept until it expires. Empty in Fabric\'s core.yaml, and Fabric does not ' +
    "read it (a peer's StateInfo goes when the peer leaves the membership); 0 means not set, the same behaviour.",
    { min: 0 }),
  'peer.gossip.publishCertPeriod': duration(10 * second, // Fabric default
    "Time from startup during which alive messages carry this peer's full certificate."),
  'peer.gossip.skipBlockVerification': bool(false, // Fabric default
    'Skip verifying block messages. Fabric notes it as not in use; for tests only.'),
  'peer.gossip.dialTimeout': duration(3 * second, // Fabric default
    'Timeout to dial a peer.'),
  'peer.gossip.connTimeout': duration(2 * second, // Fabric default
    "Connection (handshake) timeout: how long to wait for the remote's signed ConnEstablish."),
  'peer.gossip.recvBuffSize': int(20, // Fabric default
    'Buffer size of received messages, per connection.'),
  'peer.gossip.sendBuffSize': int(200, // Fabric core.yaml (the Go code default is 20)
    'Buffer size of messages to send, per connection: gossip pushes are dropped (and counted) when it is full.'),
  'peer.gossip.digestWaitTime': duration(1 * second, // Fabric default
    'Pull: how long the initiator collects digests before requesting items. Should be slightly smaller than ' +
    '`requestWaitTime`.'),
  'peer.gossip.requestWaitTime': duration(1500 * millisecond, // Fabric default
    'Pull: how long a responder keeps a hello nonce (and answers the matching request). Should be slightly ' +
    'bigger than `digestWaitTime`.'),
  'peer.gossip.responseWaitTime': duration(2 * second, // Fabric default
    'Pull: how long the initiator accepts updates after its request.'),
  'peer.gossip.aliveTimeInterval': duration(5 * second, // Fabric default
    "Period of this peer's alive messages (heartbeats)."),
  'peer.gossip.aliveExpirationTimeout': duration(25 * second, // Fabric default (5 x aliveTimeInterval)
    'A peer not heard from for this long is dead and its connection closed (checked every tenth of it).'),
  'peer.gossip.reconnectInterval': duration(25 * second, // Fabric default
    'Period at which dead peers are probed and, when they answer, asked for membership.'),
  'peer.gossip.maxConnectionAttempts': int(120, // Fabric default
    'Attempts to connect to a bootstrap or anchor peer before giving up.'),
  'peer.gossip.msgExpirationFactor': int(20, // Fabric default
    'Alive messages expire after `aliveExpirationTimeout` times this; then a dead peer is forgotten (bootstrap ' +
    'and anchor peers never are).'),
  'peer.gossip.externalEndpoint': endpoint('', // Fabric default (empty)
    'Endpoint published to peers of other organizations. Empty: this peer is invisible outside its ' +
    'organization (and to service discovery).', { optional: true }),

  // ---- peer.gossip, ours ------------------------------------------------------------------------------------
  'peer.gossip.maxMessageSize': bytes(100 * MiB, // Fabric's gRPC limit, peer.maxRecvMsgSize / maxSendMsgSize
    'Largest frame, in bytes, sent or accepted on a stream that carries blocks (push, pull, state transfer); a ' +
    "size such as `100MiB` is accepted. 100 MiB is Fabric's gRPC message limit (`peer.maxRecvMsgSize`).",
    { origin: 'ours', min: 1 * KiB }),
  'peer.gossip.maxControlMessageSize': bytes(4 * MiB, // gRPC's default message limit
    'Largest frame, in bytes, on a control stream (handshake, alive, membership, StateInfo, election). 4 MiB is ' +
    "gRPC's default message limit.", { origin: 'ours', min: 1 * KiB }),

  // ---- peer.gossip.election ---------------------------------------------------------------------------------
  'peer.gossip.election.startupGracePeriod': duration(15 * second, // Fabric default
    'Longest time to wait for a stable membership before the first election.'),
  'peer.gossip.election.membershipSampleInterval': duration(1 * second, // Fabric default
    'Interval of membership samples while waiting for the membership to settle.'),
  'peer.gossip.election.leaderAliveThreshold': duration(10 * second, // Fabric default
    'Time since the last leader declaration after which a peer starts an election; a leader declares every ' +
    'half of it.'),
  'peer.gossip.election.leaderElectionDuration': duration(5 * second, // Fabric default
    'Time between proposing and declaring oneself leader.'),

  // ---- peer.gossip.pvtData ----------------------------------------------------------------------------------
  'peer.gossip.pvtData.pullRetryThreshold': duration(60 * second, // Fabric default
    'Maximum time private data of a block is pulled from peers before the block is committed without it.'),
  'peer.gossip.pvtData.transientstoreMaxBlockRetention': int(20000, // Fabric default
    "Maximum difference between the ledger height at commit and the height at which private data entered the " +
    'transient store that is guaranteed not to be purged.'),
  'peer.gossip.pvtData.pushAckTimeout': duration(3 * second, // Fabric default
    "Maximum time to wait for each peer's acknowledgement of a private data push at endorsement."),
  'peer.gossip.pvtData.btlPullMargin': int(10, // Fabric default
    'Block-to-live pulling margin: private data soon to be purged (within this many blocks) is not pulled.',
    { min: 0 }),
  'peer.gossip.pvtData.reconcileBatchSize': int(10, // Fabric default
    'Maximum number of missing private data items reconciled in one iteration.'),
  'peer.gossip.pvtData.reconcileSleepInterval': duration(1 * minute, // Fabric default
    'Pause between reconciliation iterations.'),
  'peer.gossip.pvtData.reconciliationEnabled': bool(true, // Fabric default
    'Whether private data reconciliation runs.'),
  'peer.gossip.pvtData.skipPullingInvalidTransactionsDuringCommit': bool(false, // Fabric default
    "Whether invalid transactions' private data is left to the reconciler instead of pulled at commit."),
  'peer.gossip.pvtData.implicitCollectionDisseminationPolicy.requiredPeerCount': int(0, // Fabric default
    'Minimum number of eligible peers that must receive private data of this peer\'s own implicit collection ' +
    'at endorsement.', { min: 0 }),
  'peer.gossip.pvtData.implicitCollectionDisseminationPolicy.maxPeerCount': int(1, // Fabric default
    'Maximum number of eligible peers the same data is sent to; 0 disables dissemination. Must be at least ' +
    '`requiredPeerCount`.', { min: 0 }),

  // ---- peer.gossip.state ------------------------------------------------------------------------------------
  'peer.gossip.state.enabled': bool(true, // ours: Fabric 2.2+ defaults to false
    'Whether state transfer runs: a peer behind its channel peers asks them for the missing blocks. On by ' +
    'default here; Fabric 2.2+ turns it off (expecting every peer to pull from the orderer), which leaves a ' +
    'follower that misses a pushed block behind for good.', { origin: 'changed', fabricDefault: 'false' }),
  'peer.gossip.state.checkInterval': duration(10 * second, // Fabric default
    "Interval at which the ledger height is compared with the channel peers' to decide whether to request blocks."),
  'peer.gossip.state.responseTimeout': duration(3 * second, // Fabric default
    'Time to wait for a state transfer response.'),
  'peer.gossip.state.batchSize': int(10, // Fabric default
    'Number of blocks asked for in one state transfer request.'),
  'peer.gossip.state.blockBufferSize': int(20, // Fabric default
    'Size of the re-ordering buffer that delivers blocks to the ledger in order: gossiped blocks more than ' +
    'this far ahead of the ledger height are dropped (the buffer holds between 0 and 2x this).'),
  'peer.gossip.state.maxRetries': int(3, // Fabric default
    'Attempts for one state transfer request.'),
  'peer.gossip.state.parallelRequests': int(4, // ours
    'State transfer requests of `batchSize` blocks a catching-up peer keeps in flight at once, over consecutive ' +
    'ranges, spread over the peers whose height covers them; the blocks asked for and not yet committed stay ' +
    "within 4 x `blockBufferSize` of the ledger height. 1 is Fabric's behaviour: one request at a time.", { origin: 'ours' }),
  'peer.gossip.state.chainVerify': bool(true, // ours
    "The blocks of a state response are verified as one hash chain, as Fabric's orderer replication verifies the " +
    'blocks it pulls (`cluster.VerifyBlocks`): every block is checked (number, channel, transactions, data hash) and ' +
    "chained to the one before it, and the orderer signature is checked of the response's last block and of every " +
    "config block; the last block's signature vouches for the headers below it through their hashes, and so for " +
    'their data. One signature check per response instead of one per block; the signatures of the other blocks ' +
    '(their metadata) are stored as received. A response that fails is verified block by block. false: every ' +
    "block's signature (Fabric's peer).", { origin: 'ours' }),

  // ---- peer.deliveryclient ----------------------------------------------------------------------------------
  'peer.deliveryclient.connTimeout': duration(3 * second, // Fabric default
    'Time to connect to an orderer before trying the next of the channel\'s orderer endpoints.'),
  'peer.deliveryclient.reConnectBackoffThreshold': duration(3600 * second, // Fabric default
    'Longest wait between attempts to reach the ordering service (the wait starts at 100 ms and doubles).'),

  // ---- operations -------------------------------------------------------------------------------------------
  'operations.listenAddress': endpoint('127.0.0.1:9443', // Fabric default
    '`host:port` of the operations server (HTTP health, status and Prometheus metrics).', { listen: true }),

  // ---- channels (ours) --------------------------------------------------------------------------------------
  channels: channelList([], // ours
    'Channels joined at start: a YAML list whose items are the path of a Fabric genesis (config) block, as ' +
    '`fgossip channel genesis` or configtxgen write it (`- mychannel.block` or `- block: mychannel.block`), or a ' +
    'channel definition `{name, orgs: [{mspId, rootCerts | mspDir, anchorPeers: [host:port]}]}`. In the ' +
    'environment (`CORE_CHANNELS`): block paths separated by commas. Relative paths resolve as for ' +
    '`peer.fileSystemPath`.', { origin: 'ours' })
}

/** One line about each section, for the sample file and the docs. */
export const SECTION_DOCS: { readonly [S in ConfigSection]: string } = {
  peer: 'The peer: identity, addresses, storage.',
  'peer.gossip': 'Gossip (Fabric core.yaml peer.gossip): membership, push and pull dissemination, connections.',
  'peer.gossip.election': 'Dynamic leader election, used when useLeaderElection is true.',
  'peer.gossip.pvtData': "Private data: Fabric's keys with Fabric's defaults, for the private data service.",
  'peer.gossip.pvtData.implicitCollectionDisseminationPolicy':
    "Dissemination of this peer's own implicit collection at endorsement.",
  'peer.gossip.state': 'State transfer: catching up on missed blocks from peers.',
  'peer.deliveryclient': 'The deliver client a leader runs to receive blocks from the ordering service.',
  operations: 'The operations server.'
}

/**
 * Keys of Fabric's core.yaml (or read by Fabric's code) that this node does not use, with why. A file or
 * environment setting one of them (or anything under it) gets an `ignored-key` warning, not `unknown-key`, so
 * that a real core.yaml or fabric-samples environment loads and typos still stand out.
 */
export const FABRIC_KEYS_NOT_USED: Readonly<Record<string, string>> = {
  'peer.chaincodeListenAddress': 'no chaincode runs here',
  'peer.chaincodeAddress': 'no chaincode runs here',
  'peer.addressAutoDetect': 'set peer.address explicitly',
  'peer.gateway': 'no gateway service here',
  'peer.keepalive': 'libp2p keeps connections alive: yamux keep-alive, ping',
  'peer.tls': 'libp2p Noise encrypts and authenticates every connection',
  'peer.authentication': 'no client requests are served',
  'peer.BCCSP': 'software crypto only',
  'peer.client': 'no CLI client here',
  'peer.deliveryclient.blockGossipEnabled': 'blocks from the orderer are always gossiped',
  'peer.deliveryclient.reconnectTotalTimeThreshold': 'a leader keeps trying the ordering service',
  'peer.deliveryclient.addressOverrides': 'orderer endpoints come from the channel config',
  'peer.deliveryclient.policy': 'blocks come from one orderer at a time',
  'peer.deliveryclient.blockCensorshipTimeoutKey': 'no BFT block censorship monitor here',
  'peer.deliveryclient.minimalReconnectInterval': 'see peer.deliveryclient.reConnectBackoffThreshold',
  'peer.localMspType': 'bccsp MSPs only',
  'peer.profile': 'use node --inspect / --cpu-prof',
  'peer.handlers': 'no endorsement or validation here',
  'peer.validatorPoolSize': 'no validation here',
  'peer.discovery': 'no service discovery server here',
  'peer.limits': 'no gRPC services here',
  'peer.maxRecvMsgSize': 'see peer.gossip.maxMessageSize',
  'peer.maxSendMsgSize': 'see peer.gossip.maxMessageSize',
  'peer.gossip.nonBlockingCommitMode': 'not used by fabric-gossip',
  'peer.gossip.state.channelSize': 'not used by fabric-gossip',
  'operations.tls': 'not used by fabric-gossip',
  vm: 'no chaincode runs here',
  chaincode: 'no chaincode runs here',
  ledger: 'not used by fabric-gossip (Fabric\'s state database and history settings)',
  metrics: 'not used by fabric-gossip'
}

/** The environment variable of a key, as Fabric's viper names it: `CORE_PEER_GOSSIP_ALIVETIMEINTERVAL`. */
export function envName (key: string): string {
  return `CORE_${key.toUpperCase().replaceAll('.', '_')}`
}

/** The schema rows in table order, each with its key. */
export function schemaEntries (): Array<[ConfigKey, KeySpec<unknown>]> {
  return Object.entries(CONFIG_SCHEMA) as Array<[ConfigKey, KeySpec<unknown>]>
}
