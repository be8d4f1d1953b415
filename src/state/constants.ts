/** Defaults of the block engines (payload buffer, block window, anti-entropy), with their units and sources. */
import { second } from '../algo/clock.js'
import { PULL_INTERVAL } from '../algo/constants.js'

/** Period of the anti-entropy check (`peer.gossip.state.checkInterval`, state.DefStateCheckInterval). */
export const CHECK_INTERVAL = 10 * second // Fabric default
/** How long a state request waits for its response (`peer.gossip.state.responseTimeout`). */
export const RESPONSE_TIMEOUT = 3 * second // Fabric default
/**
 * Blocks per state request, in Fabric's inclusive counting: a request `[start .. start + batchSize]` (so at
 * most batchSize + 1 blocks) passes the responder's check `end <= start + batchSize`
 * (`peer.gossip.state.batchSize`, defAntiEntropyBatchSize).
 */
export const BATCH_SIZE = 10 // blocks; Fabric default
/** Times a chunk is asked again after its first request, each time of another peer when one is eligible (`peer.gossip.state.maxRetries`). */
export const MAX_RETRIES = 3 // Fabric default
/**
 * How far ahead of the ledger height a gossiped block may be buffered: a block with
 * `seq >= height + blockBufferSize` is rejected (`peer.gossip.state.blockBufferSize`, defMaxBlockDistance).
 */
export const BLOCK_BUFFER_SIZE = 20 // blocks; Fabric default
/**
 * How far ahead of the ledger height state transfer may reach: blocks of state responses are buffered below
 * `height + transferWindow`, and a chunk is requested only when it ends below that. Fabric bounds the same
 * thing by blocking: its `addPayload` in blocking mode (state responses) waits while the buffer holds more
 * than 2 x blockBufferSize payloads, which stalls the anti-entropy loop.
 */
export const TRANSFER_WINDOW = 2 * BLOCK_BUFFER_SIZE // blocks; ours, after Fabric's blocking threshold
/** State requests in flight at once. Fabric asks one chunk, waits for it, then asks the next. */
export const PARALLEL_REQUESTS = 1 // Fabric
/**
 * How far ahead of its height a ledger takes blocks of state responses, in blockBufferSizes: the bound of
 * the payload buffer, which the anti-entropy window ({@link transferWindowFor}) never exceeds.
 */
export const TRANSFER_LIMIT_FACTOR = 4 // ours

/**
 * The anti-entropy window of a peer with these settings: Fabric's 2 x blockBufferSize, widened to hold
 * `parallel` requests of `batchSize + 1` blocks twice over (one set answered and committing while the next
 * is in flight), never beyond TRANSFER_LIMIT_FACTOR x blockBufferSize. With parallel 1 (Fabric) it is
 * 2 x blockBufferSize whatever the batch size.
 */
export function transferWindowFor (blockBufferSize: number, batchSize: number, parallel: number): number {
  const fabric = 2 * blockBufferSize
  if (parallel <= 1) return fabric
  return Math.max(fabric, Math.min(TRANSFER_LIMIT_FACTOR * blockBufferSize, 2 * parallel * (batchSize + 1)))
}
/**
 * Blocks the channel's block message store keeps for pull: a block more than this below the newest is
 * evicted, so up to maxBlockCountToStore + 1 are held (`peer.gossip.maxBlockCountToStore`).
 */
export const MAX_BLOCK_COUNT_TO_STORE = 10 // blocks; Fabric default (100 in v1.0)
/** How long a block stays in the channel's block message store (Fabric chanstate.go: `PullInterval * 100`). */
export const BLOCK_EXPIRATION_INTERVAL = 100 * PULL_INTERVAL // Fabric: 400 s with the default pullInterval
/**
 * The most blocks, and bytes, the ledger commits in one atomic write: the blocks ready in order at once are
 * committed together (a catching-up peer pays one LevelDB write per run rather than per block).
 */
export const MAX_COMMIT_RUN = 256 // blocks; ours
export const MAX_COMMIT_RUN_BYTES = 32 * 1024 * 1024 // bytes; ours
