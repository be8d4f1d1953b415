/**
 * Numeric values of Fabric's block enums (the generated `common` enums hold names, not numbers) and the
 * block layout constants the ledger uses. Fabric: `common/common.proto`, `protoutil/blockutils.go`.
 */

/** `common.BlockMetadataIndex`: positions in `BlockMetadata.metadata`. */
export const BlockMetadataIndex = { SIGNATURES: 0, LAST_CONFIG: 1, TRANSACTIONS_FILTER: 2, ORDERER: 3, COMMIT_HASH: 4 } as const

/** `common.HeaderType`: `ChannelHeader.type` values. */
export const HeaderType = { MESSAGE: 0, CONFIG: 1, CONFIG_UPDATE: 2, ENDORSER_TRANSACTION: 3, ORDERER_TRANSACTION: 4, DELIVER_SEEK_INFO: 5 } as const

/** The number of metadata entries Fabric's `protoutil.NewBlock` creates (one per `BlockMetadataIndex`). */
export const BLOCK_METADATA_ENTRIES = 5

/** Fabric's nonce size in bytes (`common/crypto` `NonceSize`). */
export const NONCE_SIZE = 24
