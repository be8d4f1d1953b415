/**
 * What both block push modes (Fabric push, gossipsub) need to take a received block in, and the gap watch
 * they share: a block buffered behind a gap that is still open `delay` after it arrived has the gap asked
 * for at once from its sender (`peer.gossip.gapRequestDelay`), rather than at the next pull round.
 */
import type { Clock, TimerHandle } from '../algo/clock.js'
import type { common } from '../pb/common.js'

/** The ledger side of taking a pushed block in. */
export interface BlockTakeInPorts {
  /** Whether the block is committed, being committed or waiting already (cheap, before verifying). */
  isDuplicate(channel: string, seq: bigint): boolean
  /** Verifies a block (signature, data hash, number, channel); throws a `BlockVerificationError` when refused. */
  check(channel: string, seq: bigint, bytes: Uint8Array): common.Block
  /** Takes a verified block in: offered to pull, then to the ledger (in-order commit). */
  takeIn(channel: string, seq: bigint, bytes: Uint8Array, verified: common.Block): Promise<'committed' | 'buffered' | 'duplicate'>
  /** The ledger is behind what the channel gossips: catch up now. */
  behind(channel: string): void
  /** The blocks `start..end` are missing (a gap, or an announced block push did not bring): ask `peerHex` now. */
  gap(channel: string, peerHex: string, start: bigint, end: bigint): void
  /** The ledger height of a channel. */
  height(channel: string): bigint | undefined
}

/** One gap timer per channel at most; `stop()` clears them. */
export class GapWatch {
  private readonly gaps = new Map<string, TimerHandle>()

  constructor (private readonly init: { clock: Clock, delay: number, ports: Pick<BlockTakeInPorts, 'gap' | 'height'>, onRequest?: () => void }) {}

  /** Block `seq` was buffered (its predecessors missing) after it came from `from`. */
  watch (channel: string, seq: bigint, from: string): void {
    if (this.init.delay <= 0 || this.gaps.has(channel)) return
    this.gaps.set(channel, this.init.clock.setTimeout(() => {
      this.gaps.delete(channel)
      const height = this.init.ports.height(channel)
      if (height != null && height < seq) {
        this.init.onRequest?.()
        this.init.ports.gap(channel, from, height, seq - 1n)
      }
    }, this.init.delay))
  }

  stop (): void {
    for (const t of this.gaps.values()) this.init.clock.clearTimeout(t)
    this.gaps.clear()
  }
}
