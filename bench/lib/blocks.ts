/**
 * Blocks for benchmarks: channels of a cryptogen layout with their genesis blocks, chains of valid
 * orderer-signed blocks of a chosen size (built as the integration tests build them, with
 * `src/ledger/block-builder.ts`), a ledger filled before its node starts, peers of one org with fixed ports
 * joined to channels from their genesis blocks, and the time each peer committed each block.
 *
 * Commit times come from the node's `block:committed` event (dispatched synchronously by the ledger's
 * committer right after each block is on disk, once per block, in order): no polling.
 */
import '../../src/shim.js'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { testConfig } from '../../test/helpers/network.js'
import { freePorts } from './cluster.js'
import { GossipNode } from '../../src/node.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { BlockStore, createBlock } from '../../src/ledger/index.js'
import { blockHeaderHash } from '../../src/wire/block.js'
import { loadSigningIdentity, type SigningIdentity } from '../../src/identity/index.js'
import { common } from '../../src/pb/common.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'

/** The orderer's signing identity (it signs the blocks). */
export function ordererSigner (layout: CryptoLayout): SigningIdentity {
  const org = layout.ordererOrg
  if (org == null) throw new Error('the layout has no orderer org')
  return loadSigningIdentity(org.nodes[0].mspDir, org.mspId)
}

/** The genesis block of a channel of the layout's orgs `orgs` (1-based; default Org1) with the orderer org. */
export function channelGenesis (layout: CryptoLayout, channelId: string, orgs: number[] = [1]): common.Block {
  const org = layout.ordererOrg
  if (org == null) throw new Error('the layout has no orderer org')
  return createGenesisBlock({
    channelId,
    applicationOrgs: orgs.map(n => ({ mspId: layout.orgs[n - 1].mspId, mspDir: layout.orgs[n - 1].mspDir })),
    ordererOrgs: [{ mspId: org.mspId, mspDir: org.mspDir }]
  })
}

/** A chain of blocks after a genesis block: their encodings, block 1 first. */
export interface BlockChain {
  channelId: string
  genesis: common.Block
  /** `bytes[i]` is block i + 1, marshalled. */
  bytes: Uint8Array[]
  /** Mean size of the marshalled blocks, in bytes. */
  meanBytes: number
}

/**
 * `count` blocks chained after `genesis`, each with one transaction envelope signed by `signer`, its data
 * sized so that the marshalled block is `blockBytes` long (to within the few bytes a DER signature's length
 * varies by), signed by `signer` as an orderer signs.
 */
export function buildChain (genesis: common.Block, channelId: string, signer: SigningIdentity, count: number, blockBytes: number): BlockChain {
  const make = (number: bigint, previousHash: Uint8Array, dataBytes: number): common.Block =>
    createBlock({ number, previousHash, data: [randomBytes(dataBytes)], signer, channelId })
  // the envelope, header and signatures around the data: measured on a block with a small transaction
  const probe = 1000
  const overhead = common.Block.encode(make(1n, new Uint8Array(32), probe)).byteLength - probe
  const dataBytes = Math.max(1, blockBytes - overhead)
  const bytes: Uint8Array[] = []
  let previous = blockHeaderHash(genesis.header as common.BlockHeader)
  let total = 0
  for (let i = 1; i <= count; i++) {
    const block = make(BigInt(i), previous, dataBytes)
    const encoded = common.Block.encode(block)
    bytes.push(encoded)
    total += encoded.byteLength
    previous = blockHeaderHash(block.header as common.BlockHeader)
  }
  return { channelId, genesis, bytes, meanBytes: count > 0 ? total / count : 0 }
}

/**
 * Writes the genesis block and `blocks` into the ledger of `channel` of a peer whose data folder is
 * `fileSystemPath`, before its node opens it (`<peer.fileSystemPath>/ledger/<channel>`, the layout of
 * `src/state/ledgers.ts`), in atomic batches of `batch` blocks.
 */
export async function prefillLedger (fileSystemPath: string, channel: string, genesis: common.Block, blocks: readonly Uint8Array[], batch = 1000): Promise<void> {
  const store = await BlockStore.open(join(fileSystemPath, 'ledger', encodeURIComponent(channel)))
  try {
    if (store.height() === 0n) await store.append(genesis, common.Block.encode(genesis))
    for (let i = 0; i < blocks.length; i += batch) {
      const slice = blocks.slice(i, i + batch)
      await store.appendMany(slice.map(b => common.Block.decode(b)), slice)
    }
  } finally {
    await store.close()
  }
}

/** When each of `nodes` committed each block of `channel` (performance.now(), from `block:committed`). */
export class CommitTimes {
  /** `at[k][n]`: when node k committed block n (NaN: not yet) */
  readonly at: Float64Array[]

  constructor (nodes: readonly GossipNode[], channel: string, maxBlock: number) {
    this.at = nodes.map(() => new Float64Array(maxBlock + 1).fill(Number.NaN))
    nodes.forEach((n, k) => {
      n.addEventListener('block:committed', evt => {
        const { channel: ch, number } = evt.detail
        if (ch === channel && number <= BigInt(maxBlock)) this.at[k][Number(number)] = performance.now()
      })
    })
  }

  /** The time node k committed block n (NaN: not yet). */
  of (k: number, n: number): number {
    return this.at[k][n]
  }

  /** When the last of `nodes` (indexes; default all) committed block n (NaN: some has not). */
  allCommitted (n: number, nodes?: readonly number[]): number {
    let last = -Infinity
    for (const k of nodes ?? this.at.map((_, i) => i)) {
      const t = this.at[k][n]
      if (Number.isNaN(t)) return Number.NaN
      if (t > last) last = t
    }
    return last
  }
}

/** A peer of org 1: its node (created, joined, not started) and its address (`127.0.0.1:<port>`). */
export interface OrgPeer {
  node: GossipNode
  address: string
}

export interface OrgPeersSpec {
  /** peers of org 1 (peer0 is every other peer's bootstrap peer) */
  peers: number
  /** `peer.gossip.*` values; `externalEndpoint` and `bootstrap` are set per node */
  gossip: Record<string, unknown>
  /** the genesis blocks of the channels peer `i` joins before it starts */
  channels: (i: number) => common.Block[]
  /** runs on each peer's data folder before its node is created (e.g. {@link prefillLedger}) */
  prepare?: (i: number, fileSystemPath: string) => Promise<void>
}

/**
 * Creates (does not start) `peers` nodes of org 1 on fixed free loopback ports (listen address,
 * `peer.address` and external endpoint), peer0 the bootstrap peer of the others, each joined to its
 * channels from their genesis blocks. Created one after the other, so that a failure leaves none behind.
 */
export async function createOrgPeers (layout: CryptoLayout, spec: OrgPeersSpec): Promise<OrgPeer[]> {
  const ports = await freePorts(spec.peers)
  const addresses = ports.map(p => `127.0.0.1:${p}`)
  const out: OrgPeer[] = []
  try {
    for (const [i, address] of addresses.entries()) {
      const config = await testConfig(layout, {
        org: 1,
        peer: i,
        overrides: { peer: { listenAddress: address, address } },
        gossip: { ...spec.gossip, externalEndpoint: address, bootstrap: i === 0 ? [] : [addresses[0]] }
      })
      await spec.prepare?.(i, config.peer.fileSystemPath)
      const node = await GossipNode.create(config, { operations: false, discovery: true })
      out.push({ node, address })
      for (const genesis of spec.channels(i)) await node.joinChannel(genesis)
    }
    return out
  } catch (err) {
    await Promise.all(out.map(async p => { await p.node.stop() }))
    throw err
  }
}

/**
 * When each of `nodes` first received each block of `channel` by push (a `dataMsg`, performance.now()),
 * whatever became of it (committed, buffered, refused).
 */
export class ReceiptTimes {
  /** `at[k][n]`: when node k first received block n by push (NaN: never) */
  readonly at: Float64Array[]
  private readonly unsubscribes: Array<() => void> = []

  constructor (nodes: readonly GossipNode[], channel: string, maxBlock: number) {
    this.at = nodes.map(() => new Float64Array(maxBlock + 1).fill(Number.NaN))
    const name = new TextEncoder().encode(channel)
    nodes.forEach((n, k) => {
      this.unsubscribes.push(n.comm.subscribe(m => m.kind === 'dataMsg' && Buffer.from(m.message.channel).equals(name), m => {
        const seq = m.message.dataMsg?.payload?.seqNum
        if (seq == null || seq > BigInt(maxBlock)) return
        const row = this.at[k]
        if (Number.isNaN(row[Number(seq)])) row[Number(seq)] = performance.now()
      }))
    })
  }

  of (k: number, n: number): number {
    return this.at[k][n]
  }

  stop (): void {
    for (const u of this.unsubscribes.splice(0)) u()
  }
}

/**
 * The push model of Fabric's block dissemination, simulated: the origin sends a block to `fanout` peers
 * chosen at random among the `peers - 1` others; every peer that gets it for the first time forwards it once
 * to `fanout` peers chosen among the others except the one it came from. Returns the share of
 * (peer, block) pairs, origin excluded, that push never reaches (pull and state transfer must bring those).
 */
export function pushMissRate (peers: number, fanout: number, trials: number, random: () => number = Math.random): number {
  let missed = 0
  const got = new Uint8Array(peers)
  const pick = (pool: number[], k: number): number[] => {
    const a = [...pool]
    for (let i = 0; i < Math.min(k, a.length); i++) {
      const j = i + Math.floor(random() * (a.length - i))
      ;[a[i], a[j]] = [a[j], a[i]]
    }
    return a.slice(0, k)
  }
  for (let t = 0; t < trials; t++) {
    got.fill(0)
    got[0] = 1
    const queue: Array<[number, number]> = [[0, -1]]
    while (queue.length > 0) {
      const [p, from] = queue.pop() as [number, number]
      const pool: number[] = []
      for (let q = 0; q < peers; q++) if (q !== p && q !== from) pool.push(q)
      for (const q of pick(pool, fanout)) {
        if (got[q] === 0) { got[q] = 1; queue.push([q, p]) }
      }
    }
    for (let q = 1; q < peers; q++) if (got[q] === 0) missed++
  }
  return missed / (trials * (peers - 1))
}
