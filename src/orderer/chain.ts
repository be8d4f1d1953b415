/**
 * One channel of the ordering service (Fabric's solo consenter with its block writer): envelopes accepted
 * by Broadcast go through the batch cutter (`BatchSize`, `BatchTimeout` of the channel config); each batch
 * becomes the next block, chained to the previous header, committing to its data, signed by this orderer
 * (`createBlock`, exactly as the fixtures show) and appended to the channel's persistent block store. Deliver
 * waits on {@link Chain.waitForHeight}.
 *
 * Block headers are computed when a batch is cut, in order, so blocks are numbered and chained at once;
 * their writes queue behind each other in the store. An accepted envelope is in memory until its block is
 * written (as with Fabric's solo orderer): a crash loses the pending batch, never a written block, and the
 * store reopens at its last complete block.
 */
import { BlockStore } from '../ledger/block-store.js'
import { createBlock } from '../ledger/block-builder.js'
import { blockHeaderHash } from '../wire/block.js'
import { common } from '../pb/common.js'
import { BatchCutter } from './blockcutter.js'
import { createLogger } from '../logging.js'
import type { Clock } from '../algo/clock.js'
import type { SigningIdentity } from '../identity/index.js'
import type { BatchConfig } from '../wire/config-block.js'

export interface ChainInit {
  channelId: string
  /** The channel's genesis block: written as block 0 into an empty store. */
  genesis: common.Block
  /** The channel's batch rules (from its config block). */
  batch: BatchConfig
  /** The folder of the channel's block store. */
  dir: string
  /** This orderer's identity: signs every block. */
  signer: SigningIdentity
  clock?: Clock
  /** Called after each block is written, with its number and size in bytes. */
  onBlock?: (number: bigint, bytes: number, transactions: number) => void
}

/** A chain that can no longer write (its store failed): Broadcast answers SERVICE_UNAVAILABLE. */
export class ChainHaltedError extends Error {
  static override name = 'ChainHaltedError'
}

export class Chain {
  readonly channelId: string
  readonly batch: BatchConfig
  private readonly store: BlockStore
  private readonly cutter: BatchCutter
  private readonly signer: SigningIdentity
  private readonly onBlock?: ChainInit['onBlock']
  private readonly log = createLogger('orderer')
  /** The number and previous hash of the next block cut (ahead of the store while writes are queued). */
  private nextNumber: bigint
  private previousHash: Uint8Array
  private writes: Promise<void> = Promise.resolve()
  private halted: Error | undefined
  private readonly waiters = new Set<{ height: bigint, resolve: () => void }>()
  private closed = false

  private constructor (init: ChainInit, store: BlockStore) {
    this.channelId = init.channelId
    this.batch = init.batch
    this.store = store
    this.signer = init.signer
    this.onBlock = init.onBlock
    this.nextNumber = store.height()
    this.previousHash = store.lastHeaderHash() ?? new Uint8Array(0)
    this.cutter = new BatchCutter({
      maxMessageCount: init.batch.maxMessageCount,
      absoluteMaxBytes: init.batch.absoluteMaxBytes,
      preferredMaxBytes: init.batch.preferredMaxBytes,
      batchTimeout: init.batch.batchTimeout,
      clock: init.clock,
      onBatch: batch => { this.writeBlock(batch) }
    })
    this.cutter.start()
  }

  /** Opens the channel's store (writing the genesis block into an empty one). */
  static async open (init: ChainInit): Promise<Chain> {
    const store = await BlockStore.open(init.dir)
    if (store.height() === 0n) {
      if (init.genesis.header?.number !== 0n) {
        await store.close()
        throw new Error(`channel ${init.channelId}: the genesis block must be block 0`)
      }
      await store.append(init.genesis)
    }
    return new Chain(init, store)
  }

  /** The number of blocks written. */
  height (): bigint {
    return this.store.height()
  }

  async getBlock (n: bigint): Promise<Uint8Array | undefined> {
    return await this.store.get(n)
  }

  /** Whether an envelope of this size exceeds `AbsoluteMaxBytes`. */
  tooLarge (envelope: Uint8Array): boolean {
    return this.cutter.tooLarge(envelope)
  }

  /**
   * Orders an accepted envelope: a block is cut when the batch is full, else within BatchTimeout.
   * @throws {ChainHaltedError} when the chain cannot write any more
   */
  order (envelope: Uint8Array): void {
    if (this.halted != null) throw new ChainHaltedError(`channel ${this.channelId} is halted: ${this.halted.message}`)
    if (this.closed) throw new ChainHaltedError(`channel ${this.channelId} is closed`)
    this.cutter.ordered(envelope)
  }

  /** Resolves once the height exceeds `n` (block `n` is written), or when `signal` aborts or the chain closes. */
  async waitForHeight (n: bigint, signal?: AbortSignal): Promise<void> {
    if (this.store.height() > n || this.closed) return
    await new Promise<void>(resolve => {
      const waiter = { height: n + 1n, resolve: () => { signal?.removeEventListener('abort', done); this.waiters.delete(waiter); resolve() } }
      const done = (): void => { waiter.resolve() }
      this.waiters.add(waiter)
      signal?.addEventListener('abort', done, { once: true })
      if (signal?.aborted === true) done()
    })
  }

  /** Whether the chain stopped writing after a store failure (the error), for health checks. */
  haltedBy (): Error | undefined {
    return this.halted
  }

  /** Cuts what is pending, waits for every queued write, and closes the store. */
  async close (): Promise<void> {
    if (this.closed) return
    this.cutter.cut()
    this.cutter.stop()
    await this.writes
    this.closed = true
    for (const w of [...this.waiters]) w.resolve()
    await this.store.close()
  }

  private writeBlock (batch: Uint8Array[]): void {
    const block = createBlock({ number: this.nextNumber, previousHash: this.previousHash, data: batch, signer: this.signer })
    this.nextNumber++
    this.previousHash = blockHeaderHash(block.header as common.BlockHeader)
    const bytes = common.Block.encode(block)
    this.writes = this.writes.then(async () => {
      if (this.halted != null) return
      try {
        await this.store.append(block, bytes)
      } catch (err) {
        this.halted = err as Error
        this.log.error(`channel ${this.channelId}: block ${block.header?.number} not written, the chain halts: ${(err as Error).message}`)
        return
      }
      this.onBlock?.(block.header?.number ?? 0n, bytes.byteLength, batch.length)
      const height = this.store.height()
      for (const w of [...this.waiters]) if (height >= w.height) w.resolve()
    })
  }
}
