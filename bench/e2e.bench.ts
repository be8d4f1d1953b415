/**
 * End to end (issue 5), in one process over TCP on loopback: an ordering service (`OrdererNode`, one
 * channel, BatchTimeout 250 ms, MaxMessageCount 50) and 2 orgs x 3 peers with dynamic leader election; a
 * client (a stock libp2p node) broadcasts signed transactions of User1 of Org1 (500-byte payloads) at
 * 200 tx/s for 20 s (quick: 5 s) after a warm-up, and follows the channel on its own Deliver stream.
 *
 * 1. latency: per transaction, from the moment its envelope is written on the Broadcast stream until the
 *    LAST of the 6 peers commits its block (`block:committed`); p50, p99, max. Baseline: the same
 *    transaction until its block reaches the client's Deliver stream straight from the orderer (the ordering
 *    service's own latency: batching, signing, writing), so the ratio is what the leaders and gossip add.
 *    Also per block (from the broadcast of its first transaction), and where the time goes: orderer ->
 *    leader committed -> followers received by push -> last follower committed.
 * 2. egress: the orderer's bytes per block written (`deliver_bytes_sent`, the TCP bytes of its connections'
 *    sockets, and `libp2p_data_transfer_bytes_total` when its registry has it) against one copy per org
 *    leader plus the client's own copy (3 x the block); block messages each peer received per block
 *    (`gossip_blocks_received`) against Fabric's push inside an org of 3; blocks written, transactions
 *    accepted and rejected, the leaders.
 *
 * Settings: the project's defaults (Fabric's) for everything that moves blocks (push, pull, state
 * transfer, the deliver client); only what makes the network and the election form fast is shortened
 * (GOSSIP below). Every value used is in the sections' parameters.
 */
import { performance } from 'node:perf_hooks'
import { figure, quantile, type BenchContext, type Benchmark, type Figure, type Section } from './lib/harness.js'
import { cleanupTmp, rawNode, type RawNode } from './lib/nodes.js'
import { pollUntil } from './lib/cluster.js'
import { CommitTimes, ReceiptTimes } from './lib/blocks.js'
import {
  Broadcaster, counterByLabel, createE2eNetwork, DeliverFollower, histogramSumCount, pushMessagesPerPeer, SocketBytes, transferBytes,
  type BatchRules, type E2eNetwork
} from './lib/e2e.js'
import { testCrypto } from '../test/helpers/network.js'
import { loadSigningIdentity } from '../src/identity/index.js'
import { BROADCAST_PROTOCOL, DELIVER_PROTOCOL } from '../src/wire/protocols.js'
import { randomBytes } from 'node:crypto'
import type { GossipNode } from '../src/node.js'

const CHANNEL = 'e2e'
const ORGS = 2
const PEERS_PER_ORG = 3
const PEERS = ORGS * PEERS_PER_ORG
/**
 * At 200 tx/s, 50 transactions arrive in 245 ms: blocks are cut by count, about 4 a second, just before the
 * 250 ms timer would cut them (it bounds the wait of the last batch, and of any slower second). A
 * transaction waits 0-250 ms for its block, 125 ms on average: the floor of both figures.
 */
const BATCH: BatchRules = { batchTimeout: '250ms', maxMessageCount: 50 }

/**
 * `peer.gossip.*` of every peer: leader election on, and only what makes the network and the election form
 * fast shortened; everything else the project's default (Fabric's).
 */
const GOSSIP = {
  aliveTimeInterval: 1000, // default 5 s: membership forms in a few seconds
  reconnectInterval: 2000, // default 25 s: a bootstrap dial that races the bootstrap peer's start is retried soon
  publishStateInfoInterval: 1000, // default 4 s: channel views form in a few seconds
  requestStateInfoInterval: 1000, // default 4 s
  useLeaderElection: true,
  orgLeader: false,
  election: {
    startupGracePeriod: 3000, // default 15 s: the longest wait for a stable membership before the first election
    membershipSampleInterval: 250, // default 1 s
    leaderElectionDuration: 1000 // default 5 s: proposal -> declaration
    // leaderAliveThreshold stays 10 s (a leader declares every 5 s); it only matters when a leader dies
  }
}

/** The settings the figures depend on, as a peer runs with them, for the record. */
function settings (node: GossipNode): Record<string, number | boolean> {
  const g = node.config.peer.gossip
  return {
    aliveTimeIntervalMs: g.aliveTimeInterval,
    reconnectIntervalMs: g.reconnectInterval,
    publishStateInfoIntervalMs: g.publishStateInfoInterval,
    requestStateInfoIntervalMs: g.requestStateInfoInterval,
    useLeaderElection: g.useLeaderElection,
    startupGracePeriodMs: g.election.startupGracePeriod,
    membershipSampleIntervalMs: g.election.membershipSampleInterval,
    leaderElectionDurationMs: g.election.leaderElectionDuration,
    leaderAliveThresholdMs: g.election.leaderAliveThreshold,
    propagatePeerNum: g.propagatePeerNum,
    propagateIterations: g.propagateIterations,
    maxPropagationBurstSize: g.maxPropagationBurstSize,
    maxPropagationBurstLatencyMs: g.maxPropagationBurstLatency,
    gapRequestDelayMs: g.gapRequestDelay,
    pullIntervalMs: g.pullInterval,
    stateCheckIntervalMs: g.state.checkInterval,
    blockBufferSize: g.state.blockBufferSize
  }
}

interface Params {
  /** transactions per second */
  tps: number
  /** bytes of each transaction's payload (`Payload.data`) */
  payloadBytes: number
  /** seconds of measured load, after `warmupSeconds` of the same load that no latency figure counts */
  seconds: number
  warmupSeconds: number
}

const FULL: Params = { tps: 200, payloadBytes: 500, seconds: 20, warmupSeconds: 2 }
const QUICK: Params = { tps: 200, payloadBytes: 500, seconds: 5, warmupSeconds: 1 }

const round = (x: number): number => Number.isFinite(x) ? Number(x.toPrecision(4)) : x
const mean = (xs: readonly number[]): number => xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length
const sum = (xs: Iterable<number>): number => { let s = 0; for (const x of xs) s += x; return s }
const sleep = async (ms: number): Promise<void> => { if (ms > 0) await new Promise(resolve => setTimeout(resolve, ms)) }
const diff = (after: Record<string, number>, before: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]).filter(([, v]) => v !== 0))

interface OrdererCounters {
  deliverBlocks: number
  deliverBytes: number
  broadcasts: Record<string, number>
  /** libp2p_data_transfer_bytes_total by protocol; undefined when the registry lacks it */
  transfer: Record<string, number> | undefined
}

async function ordererCounters (net: E2eNetwork): Promise<OrdererCounters> {
  const r = net.orderer.registry
  return {
    deliverBlocks: sum(Object.values(await counterByLabel(r, 'deliver_blocks_sent', 'channel'))),
    deliverBytes: sum(Object.values(await counterByLabel(r, 'deliver_bytes_sent', 'channel'))),
    broadcasts: await counterByLabel(r, 'broadcast_processed_count', 'status'),
    transfer: await transferBytes(r)
  }
}

interface Run {
  formedMs: number
  electedMs: number
  leaders: string[]
  leadersAfter: string[]
  /** leadership changes during the load (any peer, either direction) */
  leaderChanges: number
  /** per measured transaction (sent after the warm-up, found in a block) */
  txLastMs: number[]
  txFirstMs: number[]
  txClientMs: number[]
  /** per block whose transactions were all sent after the warm-up: from its first transaction's broadcast */
  blockLastMs: number[]
  blockClientMs: number[]
  /** per such block: client delivered -> last peer committed */
  gossipAddsMs: number[]
  /** per such block and org leader: client delivered -> the leader committed */
  leaderCommitMs: number[]
  /** per such block and follower: its leader committed -> it received the block by push (first copy) */
  pushAfterLeaderMs: number[]
  /** per such block and follower: its leader committed -> it committed */
  followerCommitMs: number[]
  /** the broadcast answers: ms from write to answer */
  answerMs: number[]
  measuredTx: number
  missingTx: number
  sent: number
  accepted: number
  rejected: number
  rejectedBy: Record<string, number>
  lateMs: number[]
  /** blocks written during the load, their bytes and transactions */
  blocks: number
  blockBytes: number[]
  txPerBlock: number[]
  envelopeBytes: number
  before: OrdererCounters
  after: OrdererCounters
  /** the client's Deliver stream: DeliverResponse frames' bytes */
  clientFrameBytes: number
  /** orderer socket bytes written during the load, to the client and to the peers */
  tcpToClient: number
  tcpToPeers: number
  /** per peer (org by org): block messages received by push during the load, by result */
  received: Array<Record<string, number>>
  /** blocks the ledgers refused, all peers, by reason */
  refused: Record<string, number>
  /** the leaders' ledger commit time (gossip_state_commit_duration), mean ms */
  leaderCommitDurationMs: number
  elu: number
  windowMs: number
  settings: Record<string, number | boolean>
  peerIds: string[]
}

async function run (ctx: BenchContext, p: Params): Promise<Run> {
  const layout = await testCrypto({ orgs: ORGS, peers: PEERS_PER_ORG })
  const total = Math.round(p.tps * (p.warmupSeconds + p.seconds))
  const maxBlock = total + 16 // every block holds one transaction at least
  let net: E2eNetwork | undefined
  let client: RawNode | undefined
  let broadcaster: Broadcaster | undefined
  let follower: DeliverFollower | undefined
  try {
    net = await createE2eNetwork(layout, { channel: CHANNEL, orgs: ORGS, peersPerOrg: PEERS_PER_ORG, batch: BATCH, gossip: GOSSIP })
    const peers = net.all
    const ids = peers.map(n => n.config.peer.id)
    const chain = net.orderer.chain(CHANNEL)
    if (chain == null) throw new Error(`the orderer does not serve ${CHANNEL}`)
    const commits = new CommitTimes(peers, CHANNEL, maxBlock)
    const receipts = new ReceiptTimes(peers, CHANNEL, maxBlock)
    let counting = false
    let leaderChanges = 0
    for (const n of peers) n.addEventListener('leadership:changed', () => { if (counting) leaderChanges++ })

    const started = await Promise.all(peers.map(async n => { await n.start(); return performance.now() }))
    const last = Math.max(...started)
    const leadersOf = (): GossipNode[] => peers.filter(n => n.isLeader(CHANNEL))
    const receiving = (): GossipNode[] => peers.filter(n => n.status().channels[CHANNEL]?.orderer != null)
    const orgs = net.peers
    const [formed, elected] = await Promise.all([
      pollUntil(() => peers.every(n => n.peersOfChannel(CHANNEL).length === PEERS - 1), `every peer sees the ${PEERS - 1} others in the channel`, 60_000, 10),
      pollUntil(() => orgs.every(org => org.filter(n => n.isLeader(CHANNEL)).length === 1) && receiving().length === ORGS && receiving().every(n => n.isLeader(CHANNEL)),
        'one leader per org, each receiving from the orderer', 60_000, 10)
    ])
    const leaders = leadersOf()
    ctx.log(`e2e: channel formed ${Math.round(formed - last)} ms after the last start, leaders ${leaders.map(n => n.config.peer.id).join(', ')} ${Math.round(elected - last)} ms after`)

    client = await rawNode()
    const user = loadSigningIdentity(layout.orgs[0].users[1].mspDir, layout.orgs[0].mspId) // User1@org1
    const ordererAddr = net.orderer.multiaddrs()[0]
    const from = chain.height()
    follower = await DeliverFollower.open(client, ordererAddr, user, CHANNEL, from)
    broadcaster = await Broadcaster.open(client, ordererAddr, user, CHANNEL)
    const sockets = new SocketBytes(net.orderer.libp2p)
    const received = async (): Promise<Array<Record<string, number>>> => await Promise.all(peers.map(async n => await counterByLabel(n.registry, 'gossip_blocks_received', 'result')))
    const refused = async (): Promise<Record<string, number>> => {
      const all = await Promise.all(peers.map(async n => await counterByLabel(n.registry, 'gossip_state_rejected_blocks', 'reason')))
      const out: Record<string, number> = {}
      for (const rec of all) for (const [k, v] of Object.entries(rec)) out[k] = (out[k] ?? 0) + v
      return out
    }
    const commitDuration = async (): Promise<Array<{ sum: number, count: number }>> => await Promise.all(leaders.map(async n => await histogramSumCount(n.registry, 'gossip_state_commit_duration')))
    const before = await ordererCounters(net)
    const receivedBefore = await received()
    const refusedBefore = await refused()
    const durationBefore = await commitDuration()
    sockets.begin()
    counting = true
    const elu0 = performance.eventLoopUtilization()

    ctx.log(`e2e: ${total} transactions of ${p.payloadBytes} bytes at ${p.tps} tx/s (${p.warmupSeconds} s warm-up, ${p.seconds} s measured)`)
    const payload = randomBytes(p.payloadBytes)
    const lateMs: number[] = []
    const t0 = performance.now() + 10
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / p.tps
      await sleep(due - performance.now())
      lateMs.push(Math.max(0, performance.now() - due))
      await broadcaster.send(payload)
    }
    const warmupTx = Math.round(p.tps * p.warmupSeconds) // the first warmupTx transactions count for no latency
    const b = broadcaster
    const f = follower
    await pollUntil(() => b.answered === b.order.length, 'every broadcast answered', 30_000, 10)
    const txsDelivered = (): number => sum([...f.blocks.values()].map(x => x.txIds.length))
    await pollUntil(() => { if (f.failure() != null) throw f.failure() as Error; return txsDelivered() >= b.accepted }, 'every accepted transaction delivered to the client', 30_000, 10)
    const height = chain.height()
    await pollUntil(() => peers.every(n => n.height(CHANNEL) === height), `every peer reaches height ${height}`, 60_000, 10)
    const done = performance.now()
    const elu = performance.eventLoopUtilization(elu0).utilization
    await sleep(300) // the last duplicates in flight
    counting = false
    receipts.stop()
    const tcp = sockets.end()
    const after = await ordererCounters(net)
    const receivedAfter = await received()
    const refusedAfter = await refused()
    const durationAfter = await commitDuration()
    const leadersAfter = leadersOf().map(n => n.config.peer.id)

    // the same blocks at the orderer and on the peers (first, middle, last of the load)
    for (const n of [from, (from + height) / 2n, height - 1n]) {
      const mine = await chain.getBlock(n)
      for (const peer of peers) {
        const theirs = await peer.getBlock(CHANNEL, n)
        if (mine == null || theirs == null || !Buffer.from(theirs).equals(mine)) throw new Error(`block ${n} of ${peer.config.peer.id} is not the orderer's`)
      }
    }

    // per transaction and per block
    const blockOf = new Map<string, number>()
    for (const blk of f.blocks.values()) for (const tx of blk.txIds) blockOf.set(tx, blk.number)
    const everyone = peers.map((_, k) => k)
    const txLastMs: number[] = []
    const txFirstMs: number[] = []
    const txClientMs: number[] = []
    let measuredTx = 0
    let missingTx = 0
    for (const tx of b.order.slice(warmupTx)) {
      const sent = b.sentAt.get(tx) as number
      measuredTx++
      const n = blockOf.get(tx)
      if (n == null) { missingTx++; continue }
      txLastMs.push(commits.allCommitted(n, everyone) - sent)
      txFirstMs.push(Math.min(...everyone.map(k => commits.of(k, n))) - sent)
      txClientMs.push((f.blocks.get(n)?.at as number) - sent)
    }
    const leaderIndex = (org: number): number => peers.indexOf(orgs[org].find(n => leaders.includes(n)) as GossipNode)
    const blockLastMs: number[] = []
    const blockClientMs: number[] = []
    const gossipAddsMs: number[] = []
    const leaderCommitMs: number[] = []
    const pushAfterLeaderMs: number[] = []
    const followerCommitMs: number[] = []
    const indexOf = new Map(b.order.map((tx, i) => [tx, i]))
    for (const blk of f.blocks.values()) {
      // blocks whose transactions all came after the warm-up
      if (!blk.txIds.every(tx => (indexOf.get(tx) ?? -1) >= warmupTx)) continue
      const first = Math.min(...blk.txIds.map(tx => b.sentAt.get(tx) as number))
      const lastCommit = commits.allCommitted(blk.number, everyone)
      blockLastMs.push(lastCommit - first)
      blockClientMs.push(blk.at - first)
      gossipAddsMs.push(lastCommit - blk.at)
      for (let org = 0; org < ORGS; org++) {
        const l = leaderIndex(org)
        const leaderAt = commits.of(l, blk.number)
        leaderCommitMs.push(leaderAt - blk.at)
        for (let q = 0; q < PEERS_PER_ORG; q++) {
          const k = org * PEERS_PER_ORG + q
          if (k === l) continue
          const got = receipts.of(k, blk.number)
          if (!Number.isNaN(got)) pushAfterLeaderMs.push(got - leaderAt)
          followerCommitMs.push(commits.of(k, blk.number) - leaderAt)
        }
      }
    }
    const blocks = [...f.blocks.values()].filter(x => x.number >= Number(from) && x.number < Number(height))
    const durations = durationAfter.map((a, i) => ({ sum: a.sum - durationBefore[i].sum, count: a.count - durationBefore[i].count }))
    const client0 = client
    return {
      formedMs: formed - last,
      electedMs: elected - last,
      leaders: leaders.map(n => n.config.peer.id),
      leadersAfter,
      leaderChanges,
      txLastMs,
      txFirstMs,
      txClientMs,
      blockLastMs,
      blockClientMs,
      gossipAddsMs,
      leaderCommitMs,
      pushAfterLeaderMs,
      followerCommitMs,
      answerMs: b.answerMs,
      measuredTx,
      missingTx,
      sent: b.order.length,
      accepted: b.accepted,
      rejected: b.rejected,
      rejectedBy: b.rejectedBy,
      lateMs,
      blocks: Number(height - from),
      blockBytes: blocks.map(x => x.bytes),
      txPerBlock: blocks.map(x => x.txIds.length),
      envelopeBytes: b.envelopeBytes / b.order.length,
      before,
      after,
      clientFrameBytes: f.frameBytes,
      tcpToClient: tcp.get(client0.peerId.toString()) ?? 0,
      tcpToPeers: sum([...tcp.entries()].filter(([k]) => k !== client0.peerId.toString()).map(([, v]) => v)),
      received: receivedAfter.map((a, k) => diff(a, receivedBefore[k])),
      refused: diff(refusedAfter, refusedBefore),
      leaderCommitDurationMs: 1000 * sum(durations.map(d => d.sum)) / Math.max(1, sum(durations.map(d => d.count))),
      elu,
      windowMs: done - t0,
      settings: settings(peers[0]),
      peerIds: ids
    }
  } finally {
    await broadcaster?.close().catch(() => {})
    await follower?.close().catch(() => {})
    await client?.stop()
    await net?.stop()
  }
}

function latencySection (r: Run, p: Params, seconds: number): Section {
  const q = (xs: readonly number[], x: number): number => quantile(xs, x)
  const clientLabel = 'broadcast -> block at a Deliver client of the orderer'
  const figures: Figure[] = [
    figure({
      id: 'latency.p50', label: `broadcast -> committed on the last of ${PEERS} peers, p50`, unit: 'ms', better: 'lower', value: q(r.txLastMs, 0.5),
      baseline: { label: `${clientLabel}, p50`, value: q(r.txClientMs, 0.5) },
      extra: {
        'added ms': round(q(r.txLastMs, 0.5) - q(r.txClientMs, 0.5)), 'first peer p50': round(q(r.txFirstMs, 0.5)), mean: round(mean(r.txLastMs)),
        'client mean': round(mean(r.txClientMs)), transactions: r.txLastMs.length
      }
    }),
    figure({
      id: 'latency.p99', label: `broadcast -> committed on the last of ${PEERS} peers, p99`, unit: 'ms', better: 'lower', value: q(r.txLastMs, 0.99),
      baseline: { label: `${clientLabel}, p99`, value: q(r.txClientMs, 0.99) },
      extra: { p90: round(q(r.txLastMs, 0.9)), 'first peer p99': round(q(r.txFirstMs, 0.99)) }
    }),
    figure({
      id: 'latency.max', label: `broadcast -> committed on the last of ${PEERS} peers, max`, unit: 'ms', better: 'lower', value: Math.max(...r.txLastMs),
      baseline: { label: `${clientLabel}, max`, value: Math.max(...r.txClientMs) },
      extra: { 'transactions over 500 ms': r.txLastMs.filter(x => x > 500).length }
    }),
    figure({
      id: 'latency.block.p50', label: 'per block: broadcast of its first tx -> last peer committed, p50', unit: 'ms', better: 'lower', value: q(r.blockLastMs, 0.5),
      baseline: { label: 'per block: first tx -> the Deliver client, p50', value: q(r.blockClientMs, 0.5) }, samples: r.blockLastMs.map(round),
      extra: { p99: round(q(r.blockLastMs, 0.99)), 'client p99': round(q(r.blockClientMs, 0.99)), blocks: r.blockLastMs.length }
    }),
    figure({
      id: 'latency.gossipAdds', label: 'per block: Deliver client got it -> last peer committed, p50', unit: 'ms', better: 'lower', value: q(r.gossipAddsMs, 0.5),
      samples: r.gossipAddsMs.map(round),
      extra: { p99: round(q(r.gossipAddsMs, 0.99)), max: round(Math.max(...r.gossipAddsMs)) }
    }),
    figure({
      id: 'latency.leader', label: 'diag: Deliver client got it -> org leader committed, p50', unit: 'ms', better: 'lower', value: q(r.leaderCommitMs, 0.5),
      extra: { p99: round(q(r.leaderCommitMs, 0.99)), 'leader ledger commit ms (mean)': round(r.leaderCommitDurationMs) }
    }),
    figure({
      id: 'latency.push', label: 'diag: leader committed -> follower received by push, p50', unit: 'ms', better: 'lower', value: q(r.pushAfterLeaderMs, 0.5),
      extra: {
        p99: round(q(r.pushAfterLeaderMs, 0.99)), 'min': round(Math.min(...r.pushAfterLeaderMs)),
        'received before the leader committed': r.pushAfterLeaderMs.filter(x => x < 0).length, 'of (follower, block)': r.pushAfterLeaderMs.length
      }
    }),
    figure({
      id: 'latency.follower', label: 'diag: leader committed -> follower committed, p50', unit: 'ms', better: 'lower', value: q(r.followerCommitMs, 0.5),
      extra: { p99: round(q(r.followerCommitMs, 0.99)), max: round(Math.max(...r.followerCommitMs)) }
    }),
    figure({
      id: 'latency.answer', label: 'diag: broadcast -> SUCCESS answer, p50', unit: 'ms', better: 'lower', value: q(r.answerMs, 0.5),
      extra: { p99: round(q(r.answerMs, 0.99)), max: round(Math.max(...r.answerMs)) }
    }),
    figure({ id: 'latency.elu', label: 'event-loop utilisation during the load', unit: '', better: 'lower', value: r.elu })
  ]
  return {
    id: 'latency',
    title: `Latency: ${p.tps} tx/s of ${p.payloadBytes}-byte payloads for ${p.seconds} s, broadcast -> committed on all ${PEERS} peers (${ORGS} orgs x ${PEERS_PER_ORG}, leader election)`,
    params: {
      tps: p.tps, payloadBytes: p.payloadBytes, envelopeBytes: round(r.envelopeBytes), loadSeconds: p.seconds, warmupSeconds: p.warmupSeconds,
      batchTimeout: BATCH.batchTimeout, maxMessageCount: BATCH.maxMessageCount,
      measuredTx: r.measuredTx, missingTx: r.missingTx, 'sendLateMs(p99)': round(quantile(r.lateMs, 0.99)), 'sendLateMs(max)': round(Math.max(...r.lateMs)),
      formedMs: round(r.formedMs), electedMs: round(r.electedMs), leaders: r.leaders.join(' '), leadersAfter: r.leadersAfter.join(' '), leaderChanges: r.leaderChanges,
      windowMs: round(r.windowMs), ...r.settings, seconds: round(seconds)
    },
    figures
  }
}

function egressSection (r: Run): Section {
  const blockBytes = mean(r.blockBytes)
  const perBlock = (x: number): number => x / r.blocks
  const deliverBytes = r.after.deliverBytes - r.before.deliverBytes
  const deliverBlocks = r.after.deliverBlocks - r.before.deliverBlocks
  const clientBlockBytes = sum(r.blockBytes) // the client's stream carried every block of the load once
  const ideal = { label: `one copy per org leader (${ORGS}) + the client's (1): ${ORGS + 1} x block`, value: (ORGS + 1) * blockBytes }
  const idealPeers = { label: `one copy per org leader: ${ORGS} x block`, value: ORGS * blockBytes }
  const transfer = r.before.transfer != null && r.after.transfer != null ? diff(r.after.transfer, r.before.transfer) : undefined
  const prom = (key: string): number => transfer == null ? Number.NaN : perBlock(transfer[key] ?? 0)
  const total = (rec: Record<string, number>): number => sum(Object.values(rec))
  const msgs = r.received.map(rec => total(rec) / r.blocks)
  const isLeader = r.peerIds.map(id => r.leaders.includes(id))
  const fanout = Number(r.settings.propagatePeerNum)
  const model = pushMessagesPerPeer(PEERS_PER_ORG, fanout, 2000)
  const results: Record<string, number> = {}
  for (const rec of r.received) for (const [k, v] of Object.entries(rec)) results[k] = (results[k] ?? 0) + v
  const accepted = (r.after.broadcasts.SUCCESS ?? 0) - (r.before.broadcasts.SUCCESS ?? 0)
  const figures: Figure[] = [
    figure({
      id: 'egress.deliver', label: 'orderer deliver_bytes_sent per block written', unit: 'B', better: 'lower', value: perBlock(deliverBytes), baseline: ideal,
      extra: { 'copies per block (deliver_blocks_sent / blocks)': round(deliverBlocks / r.blocks), 'block bytes (mean)': round(blockBytes) }
    }),
    figure({
      id: 'egress.deliverPeers', label: 'orderer deliver_bytes_sent per block, less the client\'s copy', unit: 'B', better: 'lower', value: perBlock(deliverBytes - clientBlockBytes), baseline: idealPeers,
      extra: { 'client copy per block': round(perBlock(clientBlockBytes)) }
    }),
    figure({
      id: 'egress.tcp', label: 'orderer TCP bytes out per block (sockets, all connections)', unit: 'B', better: 'lower', value: perBlock(r.tcpToClient + r.tcpToPeers), baseline: ideal,
      extra: {
        'libp2p_data_transfer_bytes_total global sent per block': transfer == null ? 'n/a (metric not in the orderer registry)' : round(prom('global sent')),
        'deliver stream sent per block': transfer == null ? 'n/a' : round(prom(`${DELIVER_PROTOCOL} sent`)),
        'broadcast answers sent per block': transfer == null ? 'n/a' : round(prom(`${BROADCAST_PROTOCOL} sent`))
      }
    }),
    figure({
      id: 'egress.tcpPeers', label: 'orderer TCP bytes out per block to the peers', unit: 'B', better: 'lower', value: perBlock(r.tcpToPeers), baseline: idealPeers,
      extra: { 'to the client per block': round(perBlock(r.tcpToClient)), 'client deliver frames per block': round(perBlock(r.clientFrameBytes)) }
    }),
    figure({
      id: 'egress.msgs', label: 'block messages received per peer per block (gossip_blocks_received), mean', unit: 'msgs', better: 'lower', value: mean(msgs),
      baseline: { label: `push model, org of ${PEERS_PER_ORG}, fan-out ${fanout}, forward once`, value: model },
      samples: msgs.map(round),
      extra: {
        'leaders (mean)': round(mean(msgs.filter((_, k) => isLeader[k]))), 'followers (mean)': round(mean(msgs.filter((_, k) => !isLeader[k]))), max: round(Math.max(...msgs)),
        ...Object.fromEntries(Object.entries(results).map(([k, v]) => [`push ${k}`, v])),
        ...Object.fromEntries(Object.entries(r.refused).map(([k, v]) => [`ledger refused ${k}`, v]))
      }
    }),
    figure({
      id: 'egress.blocks', label: 'blocks written during the load', unit: 'blocks', better: 'lower', value: r.blocks,
      baseline: { label: `sent / MaxMessageCount (${BATCH.maxMessageCount})`, value: r.sent / BATCH.maxMessageCount },
      extra: { 'tx per block (mean)': round(mean(r.txPerBlock)), 'blocks not full': r.txPerBlock.filter(n => n < BATCH.maxMessageCount).length, 'block bytes (min)': Math.min(...r.blockBytes), 'block bytes (max)': Math.max(...r.blockBytes) }
    }),
    figure({
      id: 'egress.tx', label: 'transactions accepted (SUCCESS)', unit: 'tx', better: 'higher', value: r.accepted, baseline: { label: 'sent', value: r.sent },
      extra: {
        rejected: r.rejected, ...Object.fromEntries(Object.entries(r.rejectedBy).map(([k, v]) => [`rejected ${k}`, v])),
        'orderer broadcast_processed_count SUCCESS': accepted, 'in delivered blocks': sum(r.txPerBlock)
      }
    })
  ]
  return {
    id: 'egress',
    title: `Orderer egress and gossip per block: ${ORGS} org leaders receive from the orderer, the bench's client follows on its own Deliver stream`,
    params: {
      blocks: r.blocks, blockBytes: round(blockBytes), leaders: r.leaders.join(' '), leadersAfter: r.leadersAfter.join(' '), leaderChanges: r.leaderChanges,
      promTransfer: transfer != null
    },
    figures
  }
}

const bench: Benchmark = {
  name: 'e2e',
  title: `e2e: broadcast -> committed on ${ORGS} orgs x ${PEERS_PER_ORG} peers with leader election (vs the orderer's own Deliver latency), orderer egress per block`,
  async run (ctx) {
    const p = ctx.quick ? QUICK : FULL
    try {
      const t0 = performance.now()
      const r = await run(ctx, p)
      return [latencySection(r, p, (performance.now() - t0) / 1000), egressSection(r)]
    } finally {
      await cleanupTmp()
    }
  }
}

export default bench
