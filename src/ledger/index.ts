/**
 * The ledger: one persistent block store per channel and the verification a block passes before it is
 * committed. Pure where it can be (verification, block building); the store is the one part with I/O.
 *
 * @example
 * ```ts
 * const channel = channelFromConfigBlock(genesis)
 * const ordererOrgs = ordererValidatorFor(channel.ordererOrgs)
 * const store = await BlockStore.open(join(fileSystemPath, 'ledger', channel.name))
 * if (store.height() === 0n) await store.append(genesis)          // the genesis block is the trust root
 * const block = common.Block.decode(bytes)
 * verifyBlock(block, { channelId: channel.name, expectedNumber: store.height(), previousHeaderHash: store.lastHeaderHash(), ordererOrgs })
 * await store.append(block, bytes)
 * ```
 */
export {
  verifyBlock,
  verifyBlockRun,
  verifyChainLink,
  ordererValidatorFor,
  BlockVerificationError,
  MAX_BLOCK_SIGNATURES
} from './verify.js'
export type {
  BlockVerificationReason,
  OrdererValidator,
  OrdererValidatorOptions,
  OrdererOrg,
  VerifyBlockContext,
  VerifyRunContext,
  VerifiedBlock
} from './verify.js'
export { BlockStore, BlockStoreError, blockStoreLayout, MAX_RANGE_BLOCKS } from './block-store.js'
export { VerifyPool } from './verify-pool.js'
export type { VerifyPoolInit, VerifyJob, VerifyResult } from './verify-pool.js'
export type { BlockStoreErrorReason, BlockStoreOptions, RangeOptions } from './block-store.js'
export { createBlock, createEnvelope, signBlock } from './block-builder.js'
export type { CreateBlockOptions, CreateEnvelopeOptions, SignBlockOptions } from './block-builder.js'
export { BlockMetadataIndex, HeaderType, BLOCK_METADATA_ENTRIES, NONCE_SIZE } from './constants.js'
