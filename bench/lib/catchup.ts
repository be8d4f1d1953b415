/**
 * Catch-up measurements for `bench/catchup.bench.ts`: a peer far behind catching up by state transfer from
 * a peer that holds the blocks (two gossip nodes of one org in this process, over TCP on loopback), the same
 * blocks on one raw libp2p stream (the baseline), and the ledger's own take-in of them with no network.
 *
 * The chain, the prefilled source ledger and the peers come from `bench/lib/blocks.ts`; the raw stream from
 * `bench/lib/nodes.ts`. Commit times come from the node's `block:committed` event.
 */
import { performance } from 'node:perf_hooks'
import * as varint from 'uint8-varint'
import { FRAMES_PROTOCOL, FrameSink, rawPair, stopRaw } from './nodes.js'
import { pollUntil } from './cluster.js'
import { CommitTimes, createOrgPeers, prefillLedger, type BlockChain, type OrgPeer } from './blocks.js'
import { tmp } from '../../test/helpers/network.js'
import { Ledgers } from '../../src/state/ledgers.js'
import { channelFromConfigBlock } from '../../src/channels/channel-config.js'
import { verifyBlock, ordererValidatorFor } from '../../src/ledger/index.js'
import { common } from '../../src/pb/common.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'
import type { GossipNode } from '../../src/node.js'

/**
 * `peer.gossip.*` of both peers: only what makes the two find each other fast is shortened (as
 * blocks.bench.ts); state transfer keeps the project's defaults unless a run sets `state`.
 */
export const GOSSIP = {
  aliveTimeInterval: 1000, // default 5 s
  reconnectInterval: 2000, // default 25 s
  publishStateInfoInterval: 1000, // default 4 s: the source's height is known within a second
  requestStateInfoInterval: 1000 // default 4 s
}

/** The state-transfer settings a node runs with, for the record. */
export function stateSettings (node: GossipNode): Record<string, number | boolean> {
  const s = node.config.peer.gossip.state
  return {
    parallelRequests: s.parallelRequests,
    batchSize: s.batchSize,
    blockBufferSize: s.blockBufferSize,
    checkIntervalMs: s.checkInterval,
    responseTimeoutMs: s.responseTimeout,
    maxRetries: s.maxRetries,
    chainVerify: s.chainVerify
  }
}

export interface CatchUpRun {
  /** performance.now() of: both peers started, the first state request reached the source, the lagging peer committed its first / last block */
  started: number
  firstRequest: number
  firstCommit: number
  done: number
  requests: number
  responses: number
  blocksInResponses: number
  /** StateInfo messages the source received from the start to caught up (the lagging peer's new heights) */
  stateInfos: number
  /** the longest time between two consecutive commits of the lagging peer, ms */
  maxGapMs: number
  /** process CPU time (every thread) from the first request to the last commit, per block, us */
  cpuUsPerBlock: number
  /** event-loop utilisation of the process's main thread from the first request to the last commit */
  elu: number
  /** the lagging peer's state-transfer settings */
  settings: Record<string, number | boolean>
}

/**
 * Two peers of org 1: peer0 holds the whole `chain` (its ledger filled before it starts), peer1 only the
 * genesis block; both start, and peer1 catches up by state transfer with `state` (`peer.gossip.state.*`
 * overrides, for both peers: a responder refuses requests larger than its own batchSize). Checks that the
 * lagging peer's blocks are the source's.
 */
export async function catchUpRun (layout: CryptoLayout, chain: BlockChain, channel: string, state: Record<string, unknown> = {}): Promise<CatchUpRun> {
  const n = chain.bytes.length
  let peers: OrgPeer[] = []
  try {
    peers = await createOrgPeers(layout, {
      peers: 2,
      gossip: { ...GOSSIP, state },
      channels: () => [chain.genesis],
      prepare: async (i, dir) => { if (i === 0) await prefillLedger(dir, channel, chain.genesis, chain.bytes) }
    })
    const [source, lagging] = peers.map(x => x.node)
    if (source.height(channel) !== BigInt(n + 1)) throw new Error(`the source holds ${source.height(channel)} blocks, not ${n + 1}`)
    const commits = new CommitTimes([lagging], channel, n)
    let firstRequest = Number.NaN
    let cpu0 = process.cpuUsage()
    let elu0 = performance.eventLoopUtilization()
    let requests = 0
    let responses = 0
    let blocksInResponses = 0
    let stateInfos = 0
    source.comm.subscribe(m => m.kind === 'stateInfo', () => { stateInfos++ })
    source.comm.subscribe(m => m.kind === 'stateRequest', () => {
      if (requests++ > 0) return
      firstRequest = performance.now()
      cpu0 = process.cpuUsage()
      elu0 = performance.eventLoopUtilization()
    })
    lagging.comm.subscribe(m => m.kind === 'stateResponse', m => { responses++; blocksInResponses += m.message.stateResponse?.payloads.length ?? 0 })
    // the CPU and event-loop figures end at the last commit, read in its event: no fast polling beside the run
    let end: { cpu: NodeJS.CpuUsage, elu: number } | undefined
    lagging.addEventListener('block:committed', evt => {
      if (end === undefined && evt.detail.channel === channel && evt.detail.number === BigInt(n)) {
        end = { cpu: process.cpuUsage(cpu0), elu: performance.eventLoopUtilization(elu0).utilization }
      }
    })
    await Promise.all([source.start(), lagging.start()])
    const started = performance.now()
    const polled = await pollUntil(() => end !== undefined, `the lagging peer catches up ${n} blocks`, 60_000 + n * 20, 50)
    const { cpu, elu } = end as { cpu: NodeJS.CpuUsage, elu: number }
    const times = Array.from(commits.at[0].subarray(1))
    let maxGapMs = 0
    for (let i = 1; i < times.length; i++) maxGapMs = Math.max(maxGapMs, times[i] - times[i - 1])
    for (const b of [1, Math.ceil(n / 2), n]) {
      const mine = await lagging.getBlock(channel, b)
      if (mine == null || !Buffer.from(mine).equals(chain.bytes[b - 1])) throw new Error(`block ${b} of the lagging peer is not the source's`)
    }
    return {
      started,
      firstRequest,
      firstCommit: times[0],
      done: Number.isNaN(commits.at[0][n]) ? polled : commits.at[0][n],
      requests,
      responses,
      blocksInResponses,
      stateInfos,
      maxGapMs,
      cpuUsPerBlock: (cpu.user + cpu.system) / n,
      elu,
      settings: stateSettings(lagging)
    }
  } finally {
    await Promise.all(peers.map(async x => { await x.node.stop() }))
  }
}

/** Each block of `chain` as a length-prefixed frame. */
export function framesOf (chain: BlockChain): Uint8Array[] {
  return chain.bytes.map(b => {
    const prefix = varint.encode(b.byteLength)
    const f = new Uint8Array(prefix.byteLength + b.byteLength)
    f.set(prefix)
    f.set(b, prefix.byteLength)
    return f
  })
}

/** One raw-stream round: ms to carry every frame, and the process CPU per block (us). */
export interface RawRun { ms: number, cpuUsPerBlock: number }

/** Carries every frame on one stream between two stock libp2p nodes (TCP, Noise, yamux), as fast as it drains. */
export async function rawStreamRun (frames: readonly Uint8Array[], maxFrame: number): Promise<RawRun> {
  const [x, y] = await rawPair()
  try {
    const sink = new FrameSink()
    await sink.install(y, maxFrame)
    const stream = await x.dialProtocol(y.getMultiaddrs()[0], FRAMES_PROTOCOL)
    const all = sink.frames.expect(frames.length, 120_000)
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    for (const f of frames) if (!stream.send(f)) await stream.onDrain()
    await all
    const ms = performance.now() - t0
    const cpu = process.cpuUsage(cpu0)
    await stream.close()
    return { ms, cpuUsPerBlock: (cpu.user + cpu.system) / frames.length }
  } finally {
    await stopRaw([x, y])
  }
}

/**
 * ms for a ledger alone (no network) to take in every block of `chain` in order: `one-by-one` waits for each
 * addPayload before the next (the block-at-a-time path); `by-response` hands them over `perResponse` at a
 * time without waiting between the blocks of a group, as state transfer hands over a response's blocks.
 */
export async function ledgerIngestRun (chain: BlockChain, channel: string, mode: 'one-by-one' | 'by-response', perResponse = 11): Promise<number> {
  const def = channelFromConfigBlock(chain.genesis)
  const ledgers = new Ledgers({ dir: await tmp('fgossip-bench-ledger-'), onHeight: () => {} })
  try {
    await ledgers.open(channel, def.ordererOrgs, chain.genesis)
    const t0 = performance.now()
    if (mode === 'one-by-one') {
      for (const [i, bytes] of chain.bytes.entries()) await ledgers.addPayload(channel, BigInt(i + 1), bytes, 'transfer')
    } else {
      for (let i = 0; i < chain.bytes.length; i += perResponse) {
        await Promise.all(chain.bytes.slice(i, i + perResponse).map(async (bytes, k) => await ledgers.addPayload(channel, BigInt(i + k + 1), bytes, 'transfer')))
      }
    }
    const ms = performance.now() - t0
    if (ledgers.height(channel) !== BigInt(chain.bytes.length + 1)) throw new Error(`the ledger took ${ledgers.height(channel)} blocks, not ${chain.bytes.length + 1}`)
    return ms
  } finally {
    await ledgers.close()
  }
}

/** us per verifyBlock of decoded blocks on this thread (the check each block passes at take-in). */
export function verifyUs (chain: BlockChain, channel: string, count: number): number {
  const orderers = ordererValidatorFor(channelFromConfigBlock(chain.genesis).ordererOrgs)
  const blocks = chain.bytes.slice(0, count).map(b => common.Block.decode(b))
  const t0 = performance.now()
  for (const [i, b] of blocks.entries()) verifyBlock(b, { channelId: channel, expectedNumber: BigInt(i + 1), ordererOrgs: orderers })
  return (performance.now() - t0) * 1000 / blocks.length
}
