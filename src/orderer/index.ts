/**
 * The ordering service (issue 5). So far: the block cutter, Fabric's `orderer/common/blockcutter` with the
 * batch timer of its chains, and the AtomicBroadcast messages in `src/pb/orderer.ts` (`orderer/ab.proto`).
 *
 * @example
 * ```ts
 * import { BatchCutter } from './orderer/index.js'
 * const cutter = new BatchCutter({ onBatch: batch => { writeBlock(batch) } }) // Fabric's sample BatchSize and 2 s
 * cutter.start()
 * cutter.ordered(envelopeBytes)
 * ```
 */
export {
  BatchCutter,
  BlockCutter,
  BatchConfigError,
  envelopeSize,
  BATCH_TIMEOUT,
  MAX_MESSAGE_COUNT,
  ABSOLUTE_MAX_BYTES,
  PREFERRED_MAX_BYTES
} from './blockcutter.js'
export type { BatchCutterInit, BatchSize, OrderedResult } from './blockcutter.js'
