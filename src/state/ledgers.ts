/**
 * The ledgers of the joined channels: one persistent block store per channel, blocks committed strictly in
 * order after Fabric's VerifyBlock, whatever order they arrive in.
 *
 *   addPayload(ch, seq, bytes)   decode, check everything that does not need the predecessor (number,
 *                                channel, transactions, data_hash, an orderer signature); a failure is
 *                                thrown (the operations API answers 4xx with it); a good block is buffered
 *   committer (one per channel)  pops the buffer in order, checks previous_hash against the last committed
 *                                header, appends atomically, then reports the new height (StateInfo)
 *
 * A block that fails at commit time is dropped and counted; the channel goes on with the next good one.
 * The genesis block a channel is joined from is committed as block 0 without signature checks: it is the
 * trust root (it carries the orderer orgs the other blocks are checked against).
 */
import { join } from 'node:path'
import { common } from '../pb/common.js'
import { BlockStore, verifyBlock, verifyChainLink, ordererValidatorFor, BlockVerificationError, type OrdererValidator, type OrdererOrg } from '../ledger/index.js'
import { PayloadBuffer } from './payload-buffer.js'
import { createLogger } from '../logging.js'
import { Counter, Histogram, type Registry } from 'prom-client'

interface Pending { block: common.Block, bytes: Uint8Array }

interface ChannelLedger {
  name: string
  store: BlockStore
  buffer: PayloadBuffer<Pending>
  validator: OrdererValidator
  committing: Promise<void>
  /** The last block refused at commit time, so that its taker hears why. */
  lastFailure?: { seq: bigint, error: Error }
}

export interface LedgersInit {
  /** `<peer.fileSystemPath>/ledger`: one folder per channel below it. */
  dir: string
  /** Payloads accepted ahead of the height. @default 20 (Fabric `blockBufferSize`) */
  blockBufferSize?: number
  /** Called after every commit with the channel's new height. */
  onHeight: (channel: string, height: bigint) => void
  /** Called once per block committed (the genesis block included), after it is on disk. */
  onCommit?: (channel: string, number: bigint) => void
  /** Called when a block taken in could not be committed (it does not chain): forget it, take another copy. */
  onRefused?: (channel: string, number: bigint) => void
  registry?: Registry
}

export class Ledgers {
  private readonly init: LedgersInit
  private readonly log = createLogger('ledger')
  private readonly ledgers = new Map<string, ChannelLedger>()
  private readonly opening = new Map<string, Promise<ChannelLedger>>()
  private readonly rejected?: Counter<'reason'>
  private readonly commitDuration?: Histogram

  constructor (init: LedgersInit) {
    this.init = init
    if (init.registry != null) {
      this.rejected = new Counter({ name: 'gossip_state_rejected_blocks', help: 'Blocks refused (malformed, failed verification, out of range), by reason', labelNames: ['reason'], registers: [init.registry] })
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
      return existing
    }
    const store = await BlockStore.open(join(this.init.dir, encodeURIComponent(channel)))
    const ledger: ChannelLedger = {
      name: channel,
      store,
      buffer: new PayloadBuffer<Pending>(store.height(), { blockBufferSize: this.init.blockBufferSize }),
      validator: ordererValidatorFor(ordererOrgs),
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
    let block: common.Block
    try {
      block = common.Block.decode(bytes)
    } catch (err) {
      throw this.refuse(new BlockVerificationError('malformed', `block does not decode: ${(err as Error).message}`))
    }
    // the chain link, when it can be known for sure: the next block must follow the last committed header
    // (a buffered predecessor is not trusted for this: it may be the one that does not chain)
    const previousHeaderHash = seq === ledger.store.height() ? ledger.store.lastHeaderHash() : undefined
    try {
      verifyBlock(block, { channelId: channel, expectedNumber: seq, previousHeaderHash, ordererOrgs: ledger.validator })
    } catch (err) {
      throw this.refuse(err as Error)
    }
    return block
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
   * ahead), then verification, unless `verified` is the block {@link check} returned for these bytes. At
   * commit only the chain link is checked (the bytes were verified here).
   */
  async addPayload (channel: string, seq: bigint, bytes: Uint8Array, origin: 'gossip' | 'transfer' = 'gossip', verified?: common.Block): Promise<'committed' | 'buffered' | 'duplicate'> {
    const ledger = this.ledgers.get(channel)
    if (ledger == null) throw new Error(`channel ${channel} has no ledger`)
    // a block already committed, being committed or waiting costs nothing more (each peer hears a block several times)
    if (this.isDuplicate(channel, seq)) return 'duplicate'
    if (ledger.buffer.wouldAccept(seq, origin) === 'too-far') {
      this.rejected?.inc({ reason: 'too-far' })
      throw new BlockVerificationError('too-far', `block ${seq} is too far ahead of the height ${ledger.store.height()}`)
    }
    const block = verified ?? this.check(channel, seq, bytes)
    const result = ledger.buffer.push(seq, { block, bytes }, origin)
    if (result === 'duplicate' || result === 'too-old') return 'duplicate' // taken by another copy while this one was checked
    if (result === 'too-far') {
      this.rejected?.inc({ reason: 'too-far' })
      throw new BlockVerificationError('too-far', `block ${seq} is too far ahead of the height ${ledger.store.height()}`)
    }
    await this.commitReady(ledger)
    if (ledger.store.height() > seq) return 'committed'
    if (!ledger.buffer.has(seq) && ledger.lastFailure?.seq === seq) throw ledger.lastFailure.error
    return 'buffered'
  }

  /** Commits what the buffer holds in order; serialised per channel. */
  private async commitReady (ledger: ChannelLedger): Promise<void> {
    ledger.committing = ledger.committing.then(async () => {
      for (let next = ledger.buffer.pop(); next != null; next = ledger.buffer.pop()) {
        const started = performance.now()
        try {
          verifyChainLink(next.payload.block, ledger.store.height(), ledger.store.lastHeaderHash())
          await ledger.store.append(next.payload.block, next.payload.bytes)
        } catch (err) {
          ledger.lastFailure = { seq: next.seq, error: err as Error }
          ledger.buffer.rewind(next.seq)
          this.init.onRefused?.(ledger.name, next.seq)
          this.refuse(err as Error)
          this.log.warnOnce(`commit:${ledger.name}:${(err as Error).message}`, `channel ${ledger.name}: block ${next.seq} not committed: ${(err as Error).message}`)
          break
        }
        this.commitDuration?.observe((performance.now() - started) / 1000)
        this.init.onCommit?.(ledger.name, next.seq)
        this.init.onHeight(ledger.name, ledger.store.height())
      }
    }).catch(err => { this.log.error(`channel ${ledger.name}: committer failed: ${(err as Error).message}`) })
    await ledger.committing
  }

  private refuse (err: Error): Error {
    const reason = err instanceof BlockVerificationError ? err.reason : (err as { reason?: string }).reason ?? 'error'
    this.rejected?.inc({ reason })
    return err
  }

  async close (): Promise<void> {
    const all = [...this.ledgers.values()]
    this.ledgers.clear()
    await Promise.all(all.map(async l => {
      await l.committing
      await l.store.close()
    }))
  }
}
