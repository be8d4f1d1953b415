/**
 * Blocks of a channel, pure pieces (no I/O, time through an injected clock): the payload buffer that
 * commits in order (Fabric `gossip/state/payloads_buffer.go`), the channel's block message store kept for
 * pull (`gossip/gossip/channel` blockMsgStore) and the decision logic of state transfer's anti-entropy loop
 * (`gossip/state/state.go`). The channels and node layers wire them to the ledger and the network.
 *
 * @example
 * ```ts
 * import { AntiEntropy, BlockWindow, PayloadBuffer, checkStateRequest } from './state/index.js'
 * const buffer = new PayloadBuffer<Uint8Array>(ledger.height, { blockBufferSize: config.blockBufferSize })
 * const window = new BlockWindow<Uint8Array>({ clock, evicted: d => { pull.remove(d) } })
 * const ae = new AntiEntropy(adapter, { clock, batchSize: config.batchSize })
 * ae.start()
 * ```
 */
export { PayloadBuffer, PayloadBufferAbortedError } from './payload-buffer.js'
export type { PayloadBufferInit, PayloadOrigin, PushResult, BufferedPayload } from './payload-buffer.js'
export { BlockWindow } from './block-window.js'
export type { BlockWindowInit, EvictionReason } from './block-window.js'
export { AntiEntropy, checkStateRequest } from './anti-entropy.js'
export type {
  AntiEntropyAdapter,
  AntiEntropyInit,
  AntiEntropyOperation,
  AntiEntropyStats,
  PeerHeight,
  RoundEndReason,
  StateRequestCheck
} from './anti-entropy.js'
export {
  CHECK_INTERVAL,
  RESPONSE_TIMEOUT,
  BATCH_SIZE,
  MAX_RETRIES,
  BLOCK_BUFFER_SIZE,
  TRANSFER_WINDOW,
  PARALLEL_REQUESTS,
  TRANSFER_LIMIT_FACTOR,
  transferWindowFor,
  MAX_COMMIT_RUN,
  MAX_COMMIT_RUN_BYTES,
  MAX_BLOCK_COUNT_TO_STORE,
  BLOCK_EXPIRATION_INTERVAL
} from './constants.js'
