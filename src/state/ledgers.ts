/**
 * The ledgers of the joined channels: one persistent block store per channel, blocks committed strictly in
 * order after Fabric's VerifyBlock, whatever order they arrive in.
 *
 *   addPayload(ch, seq, bytes)   decode, check everything that does not need the predecessor (number,
 *                                channel, transactions, data_hash, an orderer signature); a failure is
 *                                thrown (the operations API answers 4xx with it); a good block is buffered
 *   addPayloads(ch, blocks)      the same for the blocks of a state response, which (`chainVerify`) are
 *                                verified as runs of consecutive blocks: the hash chain through a run and
 *                                the signature of its last block (and of config blocks), as Fabric's orderer
 *                                replication does, instead of every block's signature
 *   committer (one per channel)  pops the buffer in order, checks previous_hash against the last committed
 *                                header, appends atomically, then reports the new height (StateInfo)
 *
 * A block that fails at commit time is dropped and counted; the channel goes on with the next good one.
 * The genesis block a channel is joined from is committed as block 0 without signature checks: it is the
 * trust root (it carries the orderer orgs the other blocks are checked against).
 */
import { join } from 'node:path'
import { availableParallelism } from 'node:os'
import { common } from '../pb/common.js'
import { BlockStore, VerifyPool, verifyBlock, verifyBlockRun, verifyChainLink, ordererValidatorFor, BlockVerificationError, type OrdererValidator, type OrdererOrg } from '../ledger/index.js'
import { PayloadBuffer, type BufferedPayload } from './payload-buffer.js'
import { BLOCK_BUFFER_SIZE, MAX_COMMIT_RUN, MAX_COMMIT_RUN_BYTES, TRANSFER_LIMIT_FACTOR } from './constants.js'
import { blockHeaderHash } from '../wire/block.js'
import { createLogger } from '../logging.js'
import { Counter, Histogram, type Registry } from 'prom-client'

interface Pending {
  block: common.Block
  bytes: Uint8Array
  /** SHA-256 of the block's header DER bytes, when verification computed it (the next block's previous_hash). */
  headerHash?: Uint8Array
}

interface ChannelLedger {
  name: string
  store: BlockStore
  buffer: PayloadBuffer<Pending>
  validator: OrdererValidator
  ordererOrgs: readonly OrdererOrg[]
  /** The orderer orgs' number in the verification pool, once a block was sent there. */
  poolValidator?: number
  committing: Promise<void>
  /** The last blocks refused at commit time (`seq..last`), so that their takers hear why. */
  lastFailure?: { seq: bigint, last: bigint, error: Error }
}

export interface LedgersInit {
  /** `<peer.fileSystemPath>/ledger`: one folder per channel below it. */
  dir: string
  /** Payloads accepted ahead of the height. @default 20 (Fabric `blockBufferSize`) */
  blockBufferSize?: number
  /**
   * Blocks of state responses accepted ahead of the height; at least the anti-entropy window
   * (`transferWindowFor`, constants.ts). @default TRANSFER_LIMIT_FACTOR x blockBufferSize (80)
   */
  transferWindow?: number
  /** Called after every commit with the channel's new height. */
  onHeight: (channel: string, height: bigint) => void
  /** Called once per block committed (the genesis block included), after it is on disk. */
  onCommit?: (channel: string, number: bigint) => void
  /** Called when a block taken in could not be committed (it does not chain): forget it, take another copy. */
  onRefused?: (channel: string, number: bigint) => void
  /**
   * Worker threads that verify the blocks `addPayload` is given unverified (state transfer's), off the event
   * loop; 0 verifies them on it. @default 1 on a machine of 2 or more cores, else 0
   */
  verifyThreads?: number
  /**
   * {@link Ledgers.addPayloads} verifies runs of consecutive blocks by their hash chain and the last block's
   * signature (and config blocks'), as Fabric's orderer replication (`cluster.VerifyBlocks`); false: every
   * block's signature, as Fabric's state transfer. @default true
   */
  chainVerify?: boolean
  registry?: Registry
}

/** What taking in a block came to. */
export type AddResult = 'committed' | 'buffered' | 'duplicate'

/** A block of a state response: its number and bytes. */
export interface NumberedPayload {
  seq: bigint
  bytes: Uint8Array
}

export class Ledgers {
  private readonly init: LedgersInit
  private readonly log = createLogger('ledger')
  private readonly ledgers = new Map<string, ChannelLedger>()
  private readonly opening = new Map<string, Promise<ChannelLedger>>()
  private readonly rejected?: Counter<'reason'>
  private readonly commitDuration?: Histogram
  private readonly verifications?: Counter<'thread'>
  private readonly pool: VerifyPool | undefined
  private readonly chainVerify: boolean
  /** The last run of blocks sent to the verification pool. */
  private runs = 0

  constructor (init: LedgersInit) {
    this.init = init
    this.chainVerify = init.chainVerify ?? true
    const threads = init.verifyThreads ?? (availableParallelism() >= 2 ? 1 : 0)
    this.pool = threads > 0 ? new VerifyPool({ threads, onError: err => { this.log.warn(`block verification thread failed: ${err.message}`) } }) : undefined
    if (init.registry != null) {
      this.rejected = new Counter({ name: 'gossip_state_rejected_blocks', help: 'Blocks refused (malformed, failed verification, out of range), by reason', labelNames: ['reason'], registers: [init.registry] })
      this.verifications = new Counter({ name: 'gossip_state_block_verifications', help: 'Blocks verified at take-in, by thread: main (the event loop) or worker', labelNames: ['thread'], registers: [init.registry] })
      this.commitDuration = new Histogram({ name: 'gossip_state_commit_duration', help: 'Time to commit a block, in seconds', registers: [init.registry], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1] })
    }
  }

  /**
   * Opens (or creates) a channel's ledger; commits `genesis` as block 0 when the ledger is empty.
   * `ordererOrgs` are the channel's orderer orgs, whose signatures make a block valid.
   */
  async open (channel: string, ordererOrgs: readonly OrdererOrg[], genesis?: common.Block): Promise<bigint> {
    let p = this.opening.get(channel)
    if (p == null) {
      p = this.doOpen(channel, ordererOrgs, genesis).finally(() => this.opening.delete(channel))
      this.opening.set(channel, p)
    }
    const ledger = await p
    return ledger.store.height()
  }

  private async doOpen (channel: string, ordererOrgs: readonly OrdererOrg[], genesis?: common.Block): Promise<ChannelLedger> {
    const existing = this.ledgers.get(channel)
    if (existing != null) {
      existing.validator = ordererValidatorFor(ordererOrgs)
      existing.ordererOrgs = ordererOrgs
      if (existing.poolValidator !== undefined) this.pool?.forget(existing.poolValidator)
      existing.poolValidator = undefined
      return existing
    }
    const store = await BlockStore.open(join(this.init.dir, encodeURIComponent(channel)))
    const ledger: ChannelLedger = {
      name: channel,
      store,
      buffer: new PayloadBuffer<Pending>(store.height(), {
        blockBufferSize: this.init.blockBufferSize,
        transferWindow: this.init.transferWindow ?? TRANSFER_LIMIT_FACTOR * (this.init.blockBufferSize ?? BLOCK_BUFFER_SIZE)
      }),
      validator: ordererValidatorFor(ordererOrgs),
      ordererOrgs,
      committing: Promise.resolve()
    }
    this.ledgers.set(channel, ledger)
    if (store.height() === 0n && genesis != null) {
      if (genesis.header?.number !== 0n) throw new BlockVerificationError('bad-number', 'a genesis block must be block 0')
      await store.append(genesis, common.Block.encode(genesis))
      ledger.buffer.advanceTo(store.height())
      this.init.onCommit?.(channel, 0n)
      this.log.info(`channel ${channel}: genesis block committed (height 1)`)
    }
    this.init.onHeight(channel, store.height())
    return ledger
  }

  /** The number of committed blocks of a channel (Fabric's height); undefined when no ledger is open. */
  height (channel: string): bigint | undefined {
    return this.ledgers.get(channel)?.store.height()
  }

  has (channel: string): boolean {
    return this.ledgers.has(channel)
  }

  /** Up to `count` committed blocks from `start` (bounded by the store's range limits). */
  async getRange (channel: string, start: bigint, count: number): Promise<Uint8Array[]> {
    return await this.ledgers.get(channel)?.store.getRange(start, count) ?? []
  }

  /** A committed block's bytes. */
  async getBlock (channel: string, n: bigint): Promise<Uint8Array | undefined> {
    return await this.ledgers.get(channel)?.store.get(n)
  }

  /**
   * Verifies a block of a channel as taking it in would (decodes it; `verifyBlock` without the chain link:
   * number, channel, well-formed, data hash, an orderer's signature), for a receiver that forwards a valid
   * block whatever its ledger does with it. Throws `BlockVerificationError` (counted) when refused.
   */
  check (channel: string, seq: bigint, bytes: Uint8Array): common.Block {
    const ledger = this.ledgers.get(channel)
    if (ledger == null) throw new Error(`channel ${channel} has no ledger`)
    const block = this.decode(bytes)
    this.verifyHere(ledger, seq, block)
    return block
  }

  private decode (bytes: Uint8Array): common.Block {
    try {
      return common.Block.decode(bytes)
    } catch (err) {
      throw this.refuse(new BlockVerificationError('malformed', `block does not decode: ${(err as Error).message}`))
    }
  }

  /**
   * The chain link, when it can be known for sure: the next block must follow the last committed header
   * (a buffered predecessor is not trusted for this: it may be the one that does not chain).
   */
  private knownPreviousHash (ledger: ChannelLedger, seq: bigint): Uint8Array | undefined {
    return seq === ledger.store.height() ? ledger.store.lastHeaderHash() : undefined
  }

  /** verifyBlock on this thread; returns the block's header hash. */
  private verifyHere (ledger: ChannelLedger, seq: bigint, block: common.Block): Uint8Array {
    this.verifications?.inc({ thread: 'main' })
    try {
      return verifyBlock(block, { channelId: ledger.name, expectedNumber: seq, previousHeaderHash: this.knownPreviousHash(ledger, seq), ordererOrgs: ledger.validator }).headerHash
    } catch (err) {
      throw this.refuse(err as Error)
    }
  }

  /** {@link check} on a verification thread when one is ready, else on this one. */
  private async checkOffThread (ledger: ChannelLedger, seq: bigint, bytes: Uint8Array): Promise<Pending> {
    const block = this.decode(bytes)
    if (this.pool !== undefined) {
      ledger.poolValidator ??= this.pool.register(ledger.ordererOrgs)
      const verdict = await this.pool.verify({ validator: ledger.poolValidator, bytes, channelId: ledger.name, expectedNumber: seq, previousHeaderHash: this.knownPreviousHash(ledger, seq) })
      if (verdict !== undefined) this.verifications?.inc({ thread: 'worker' })
      if (verdict?.ok === true) return { block, bytes, headerHash: verdict.headerHash }
      if (verdict?.ok === false) throw this.refuse(new BlockVerificationError(verdict.reason, verdict.message))
    }
    return { block, bytes, headerHash: this.verifyHere(ledger, seq, block) }
  }

  /**
   * Whether a block would be a duplicate (committed, being committed or waiting), cheaply: receivers check
   * this before they pay to verify.
   */
  isDuplicate (channel: string, seq: bigint): boolean {
    const ledger = this.ledgers.get(channel)
    if (ledger == null) return false
    return seq < ledger.buffer.next || seq < ledger.store.height() || ledger.buffer.has(seq)
  }

  /**
   * Takes in a block (as an ordering-service client or a gossip receiver would): checks what can be checked
   * now and buffers it for an in-order commit. Throws `BlockVerificationError` (reason: malformed, bad-number,
   * wrong-channel, bad-data-hash, no-signature, bad-signature, not-orderer, too-far) when refused.
   * Resolves 'committed' when the block was committed by the time it returns, else 'buffered'.
   *
   * The cheap checks come first (a copy of a block committed, being committed or waiting; a block too far
   * ahead), then verification, unless `verified` is the block {@link check} returned for these bytes (on a
   * verification thread when there is one: state transfer hands blocks over by the response, so they are
   * verified there while this thread commits the ones before). At commit only the chain link is checked
   * (the bytes were verified here).
   */
  async addPayload (channel: string, seq: bigint, bytes: Uint8Array, origin: 'gossip' | 'transfer' = 'gossip', verified?: common.Block): Promise<AddResult> {
    const ledger = this.ledgerOf(channel)
    if (this.precheck(ledger, seq, origin) === 'duplicate') return 'duplicate'
    const pending = verified !== undefined ? { block: verified, bytes } : await this.checkOffThread(ledger, seq, bytes)
    return await this.take(ledger, seq, pending, origin)
  }

  /**
   * Takes in the blocks of a state response, as {@link addPayload} each; with `chainVerify` the blocks of
   * consecutive numbers are verified together ({@link verifyBlockRun}: content and hash chain of each, the
   * signatures of the last and of config blocks; a run that fails is verified block by block). One outcome
   * per block, in order: what addPayload resolves or the error it throws.
   */
  async addPayloads (channel: string, payloads: readonly NumberedPayload[], origin: 'gossip' | 'transfer' = 'transfer'): Promise<Array<PromiseSettledResult<AddResult>>> {
    const settle = async (p: Promise<AddResult>): Promise<PromiseSettledResult<AddResult>> => await p.then(value => ({ status: 'fulfilled' as const, value }), (reason: unknown) => ({ status: 'rejected' as const, reason }))
    if (!this.chainVerify || payloads.length < 2) return await Promise.all(payloads.map(async p => await settle(this.addPayload(channel, p.seq, p.bytes, origin))))
    const ledger = this.ledgerOf(channel)
    const out: Array<PromiseSettledResult<AddResult>> = []
    const todo: Array<NumberedPayload & { index: number, block: common.Block }> = []
    payloads.forEach((p, index) => {
      try {
        if (this.precheck(ledger, p.seq, origin) === 'duplicate') out[index] = { status: 'fulfilled', value: 'duplicate' }
        else todo.push({ ...p, index, block: this.decode(p.bytes) })
      } catch (reason) {
        out[index] = { status: 'rejected', reason }
      }
    })
    // runs of consecutive numbers (a response's blocks are one, unless some were taken already)
    todo.sort((a, b) => a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0)
    const runs: Array<typeof todo> = []
    for (const t of todo) {
      const last = runs.at(-1)
      if (last !== undefined && last[last.length - 1].seq + 1n === t.seq) last.push(t)
      else runs.push([t])
    }
    const verdicts = await Promise.all(runs.map(async run => await this.verifyRun(ledger, run)))
    if (this.ledgers.get(channel) !== ledger) throw new Error(`channel ${channel} has no ledger`) // closed meanwhile
    await Promise.all(runs.flatMap((run, k) => run.map(async (t, i) => {
      const verdict = verdicts[k][i]
      out[t.index] = verdict instanceof BlockVerificationError
        ? { status: 'rejected', reason: this.refuse(verdict) }
        : await settle(this.take(ledger, t.seq, { block: t.block, bytes: t.bytes, headerHash: verdict }, origin))
    })))
    return out
  }

  private ledgerOf (channel: string): ChannelLedger {
    const ledger = this.ledgers.get(channel)
    if (ledger == null) throw new Error(`channel ${channel} has no ledger`)
    return ledger
  }

  /**
   * The cheap checks before verification: 'duplicate' for a copy of a block committed, being committed or
   * waiting (each peer hears a block several times); throws `too-far` for a block beyond the buffer.
   */
  private precheck (ledger: ChannelLedger, seq: bigint, origin: 'gossip' | 'transfer'): 'duplicate' | undefined {
    if (this.isDuplicate(ledger.name, seq)) return 'duplicate'
    if (ledger.buffer.wouldAccept(seq, origin) === 'too-far') {
      this.rejected?.inc({ reason: 'too-far' })
      throw new BlockVerificationError('too-far', `block ${seq} is too far ahead of the height ${ledger.store.height()}`)
    }
    return undefined
  }

  /**
   * {@link verifyBlockRun} of consecutive blocks, on a verification thread when one is ready, else on this
   * one: each block's header hash, or why it is refused.
   */
  private async verifyRun (ledger: ChannelLedger, run: ReadonlyArray<NumberedPayload & { block: common.Block }>): Promise<Array<Uint8Array | BlockVerificationError>> {
    const previousHeaderHash = this.knownPreviousHash(ledger, run[0].seq)
    if (this.pool !== undefined && run.length > 1) {
      ledger.poolValidator ??= this.pool.register(ledger.ordererOrgs)
      const id = ++this.runs
      const asked = run.map((t, i) => this.pool?.verify({ validator: ledger.poolValidator as number, bytes: t.bytes, channelId: ledger.name, expectedNumber: t.seq, previousHeaderHash: i === 0 ? previousHeaderHash : undefined, run: id }))
      if (asked.every(p => p !== undefined)) {
        const verdicts = await Promise.all(asked)
        if (verdicts.every(v => v !== undefined)) {
          this.verifications?.inc({ thread: 'worker' }, run.length)
          return verdicts.map(v => v.ok ? v.headerHash : new BlockVerificationError(v.reason, v.message))
        }
      }
    }
    this.verifications?.inc({ thread: 'main' }, run.length)
    return verifyBlockRun(run.map(t => t.block), { channelId: ledger.name, firstNumber: run[0].seq, previousHeaderHash, ordererOrgs: ledger.validator })
      .map(v => v instanceof BlockVerificationError ? v : v.headerHash)
  }

  /** Buffers a verified block and commits what is ready; what came of the block. */
  private async take (ledger: ChannelLedger, seq: bigint, pending: Pending, origin: 'gossip' | 'transfer'): Promise<AddResult> {
    if (this.ledgers.get(ledger.name) !== ledger) throw new Error(`channel ${ledger.name} has no ledger`) // closed meanwhile
    const result = ledger.buffer.push(seq, pending, origin)
    if (result === 'duplicate' || result === 'too-old') return 'duplicate' // taken by another copy while this one was checked
    if (result === 'too-far') {
      this.rejected?.inc({ reason: 'too-far' })
      throw new BlockVerificationError('too-far', `block ${seq} is too far ahead of the height ${ledger.store.height()}`)
    }
    await this.commitReady(ledger)
    if (ledger.store.height() > seq) return 'committed'
    const failure = ledger.lastFailure
    if (failure !== undefined && seq >= failure.seq && seq <= failure.last && !ledger.buffer.has(seq)) throw failure.error
    return 'buffered'
  }

  /**
   * Commits what the buffer holds in order; serialised per channel. The blocks ready at once (consecutive
   * from the height) are committed in ONE atomic write ({@link BlockStore.appendMany}): a catching-up peer
   * pays one log write per run instead of one per block, and the store's crash guarantees hold per write
   * (a crash leaves the ledger at the height before or after the whole run). Each block's chain link is
   * checked before it joins the run; the run stops before a block that does not chain, which is refused
   * after the good ones are committed.
   */
  private async commitReady (ledger: ChannelLedger): Promise<void> {
    ledger.committing = ledger.committing.then(async () => {
      for (;;) {
        const run = this.takeRun(ledger)
        if (run.blocks.length > 0) {
          const started = performance.now()
          try {
            await ledger.store.appendMany(run.blocks.map(p => p.block), run.blocks.map(p => p.bytes), run.blocks.map(p => p.headerHash))
          } catch (err) {
            // nothing of the run was written (all or none): take other copies of all of it
            this.failCommit(ledger, run.first, err as Error, run.blocks.length)
            break
          }
          const per = (performance.now() - started) / 1000 / run.blocks.length
          for (let i = 0; i < run.blocks.length; i++) {
            this.commitDuration?.observe(per)
            this.init.onCommit?.(ledger.name, run.first + BigInt(i))
          }
          this.init.onHeight(ledger.name, ledger.store.height())
        }
        if (run.failure !== undefined) {
          this.failCommit(ledger, run.failure.seq, run.failure.error)
          break
        }
        if (run.blocks.length === 0) break
      }
    }).catch(err => { this.log.error(`channel ${ledger.name}: committer failed: ${(err as Error).message}`) })
    await ledger.committing
  }

  /**
   * Pops the blocks ready in order (at most MAX_COMMIT_RUN blocks or MAX_COMMIT_RUN_BYTES bytes, at least
   * one), each checked to chain to the one before (the first to the last committed header); stops at the
   * first that does not, returned as the failure.
   */
  private takeRun (ledger: ChannelLedger): { first: bigint, blocks: Pending[], failure?: { seq: bigint, error: Error } } {
    const first = ledger.store.height()
    const blocks: Pending[] = []
    let number = first
    let previous = ledger.store.lastHeaderHash()
    let bytes = 0
    while (blocks.length < MAX_COMMIT_RUN && bytes < MAX_COMMIT_RUN_BYTES && ledger.buffer.ready()) {
      const next = ledger.buffer.pop() as BufferedPayload<Pending>
      try {
        verifyChainLink(next.payload.block, number, previous)
      } catch (err) {
        return { first, blocks, failure: { seq: next.seq, error: err as Error } }
      }
      blocks.push(next.payload)
      bytes += next.payload.bytes.byteLength
      next.payload.headerHash ??= blockHeaderHash(next.payload.block.header as common.BlockHeader)
      previous = next.payload.headerHash
      number++
    }
    return { first, blocks }
  }

  /**
   * Blocks `seq..seq+count-1` could not be committed: the buffer takes other copies of them, their takers
   * hear why.
   */
  private failCommit (ledger: ChannelLedger, seq: bigint, err: Error, count = 1): void {
    ledger.lastFailure = { seq, last: seq + BigInt(count - 1), error: err }
    ledger.buffer.rewind(seq)
    for (let i = 0; i < count; i++) this.init.onRefused?.(ledger.name, seq + BigInt(i))
    this.refuse(err)
    this.log.warnOnce(`commit:${ledger.name}:${err.message}`, `channel ${ledger.name}: block ${seq} not committed: ${err.message}`)
  }

  private refuse (err: Error): Error {
    const reason = err instanceof BlockVerificationError ? err.reason : (err as { reason?: string }).reason ?? 'error'
    this.rejected?.inc({ reason })
    return err
  }

  async close (): Promise<void> {
    const all = [...this.ledgers.values()]
    this.ledgers.clear()
    await this.pool?.close()
    await Promise.all(all.map(async l => {
      await l.committing
      await l.store.close()
    }))
  }
}
