/**
 * Building blocks as a Fabric orderer writes them, for the ordering service and for tests: the header
 * chained to the previous one and committing to the data (`protoutil.NewBlock`, `BlockDataHash`), five
 * metadata entries (one per `BlockMetadataIndex`, as `NewBlock` makes them), and the orderer's signature in
 * entry SIGNATURES exactly as `orderer/common/multichannel/blockwriter.go` `addBlockSignature` writes it:
 *
 * ```
 * metadata[SIGNATURES]  = Metadata { value: OrdererBlockMetadata { last_config: { index }, consenter_metadata },
 *                                    signatures: [ { signature_header: SignatureHeader { creator, nonce },
 *                                                    signature: sign(value || signature_header || header DER) } ] }
 * metadata[LAST_CONFIG] = Metadata { value: LastConfig { index } }      (blockwriter.go addLastConfig)
 * metadata[TRANSACTIONS_FILTER], [ORDERER], [COMMIT_HASH] = empty       (filled by peers, if at all)
 * ```
 */
import { createHash, randomBytes } from 'node:crypto'
import type { SigningIdentity } from '../identity/index.js'
import { common } from '../pb/common.js'
import { blockDataHash, blockSignedBytes } from '../wire/block.js'
import { BLOCK_METADATA_ENTRIES, BlockMetadataIndex, HeaderType, NONCE_SIZE } from './constants.js'

/** Options of {@link createBlock}. */
export interface CreateBlockOptions {
  /** The block number. */
  number: bigint
  /** SHA-256 of the previous block's header DER bytes (`blockHeaderHash`); empty for block 0. */
  previousHash: Uint8Array
  /**
   * The data entries: marshalled `common.Envelope`s, or, with `channelId`, the payload data that
   * {@link createEnvelope} wraps into one signed envelope each.
   */
  data: readonly Uint8Array[]
  /** The orderer identity that signs the block (and the wrapped envelopes). */
  signer: SigningIdentity
  /** When given, every `data` entry is wrapped into an envelope of this channel (see {@link createEnvelope}). */
  channelId?: string
  /** `LastConfig.index`: the number of the channel's latest config block. @default 0n */
  lastConfig?: bigint
  /** `OrdererBlockMetadata.consenter_metadata` value (e.g. etcdraft `BlockMetadata`). @default empty */
  consenterMetadata?: Uint8Array
  /** Signature header nonces. @default 24 random bytes */
  nonce?: () => Uint8Array
}

/** Options of {@link createEnvelope}. */
export interface CreateEnvelopeOptions {
  channelId: string
  /** `Payload.data`. */
  data: Uint8Array
  /** The creator: signs the payload. */
  signer: SigningIdentity
  /** `ChannelHeader.type`. @default HeaderType.ENDORSER_TRANSACTION */
  type?: number
  /** `ChannelHeader.timestamp`. @default now */
  timestamp?: Date
  /** `SignatureHeader.nonce`. @default 24 random bytes */
  nonce?: Uint8Array
  /** `ChannelHeader.tls_cert_hash`: binds the envelope to a connection (a deliver request). @default empty */
  tlsCertHash?: Uint8Array
}

/**
 * A signed transaction envelope of a channel: `Envelope { payload: Payload { header: { channel_header,
 * signature_header: { creator, nonce } }, data }, signature }`, tx ID = hex SHA-256(nonce || creator) as
 * Fabric's `protoutil.ComputeTxID`. Returns its encoding, fit for a block's data.
 */
export function createEnvelope (opts: CreateEnvelopeOptions): Uint8Array<ArrayBuffer> {
  const nonce = opts.nonce ?? randomBytes(NONCE_SIZE)
  const creator = opts.signer.serialized
  const time = opts.timestamp ?? new Date()
  const channelHeader = common.ChannelHeader.encode({
    type: opts.type ?? HeaderType.ENDORSER_TRANSACTION,
    timestamp: { seconds: BigInt(Math.floor(time.getTime() / 1000)), nanos: (time.getTime() % 1000) * 1_000_000 },
    channelId: opts.channelId,
    txId: createHash('sha256').update(nonce).update(creator).digest('hex'),
    epoch: 0n,
    tlsCertHash: bytes(opts.tlsCertHash ?? new Uint8Array(0))
  })
  const payload = common.Payload.encode({
    header: {
      channelHeader,
      signatureHeader: common.SignatureHeader.encode({ creator: bytes(creator), nonce: bytes(nonce) })
    },
    data: bytes(opts.data)
  })
  return common.Envelope.encode({ payload, signature: bytes(opts.signer.sign(payload)) })
}

/**
 * A block chained to `previousHash`, committing to its data and signed by `signer` as an orderer signs
 * (see the module comment). With `channelId` each data entry is first wrapped with {@link createEnvelope}.
 */
export function createBlock (opts: CreateBlockOptions): common.Block {
  const nonce = opts.nonce ?? (() => randomBytes(NONCE_SIZE))
  const data = opts.data.map(entry => opts.channelId === undefined
    ? bytes(entry)
    : createEnvelope({ channelId: opts.channelId, data: entry, signer: opts.signer, nonce: nonce() }))
  const block: common.Block = {
    header: { number: opts.number, previousHash: bytes(opts.previousHash), dataHash: blockDataHash(data) },
    data: { data },
    metadata: { metadata: Array.from({ length: BLOCK_METADATA_ENTRIES }, () => new Uint8Array(0)) }
  }
  return signBlock(block, opts.signer, { lastConfig: opts.lastConfig, consenterMetadata: opts.consenterMetadata, nonce: nonce() })
}

/** Options of {@link signBlock}. */
export interface SignBlockOptions {
  /** @default 0n */
  lastConfig?: bigint
  /** @default empty */
  consenterMetadata?: Uint8Array
  /** @default 24 random bytes */
  nonce?: Uint8Array
}

/**
 * Writes `metadata[SIGNATURES]` (one signature by `signer` over the block's current header) and
 * `metadata[LAST_CONFIG]` of `block`, as Fabric's block writer; returns the block (modified in place).
 * The metadata list is padded to {@link BLOCK_METADATA_ENTRIES} entries.
 */
export function signBlock (block: common.Block, signer: SigningIdentity, opts: SignBlockOptions = {}): common.Block {
  if (block.header == null) throw new TypeError('block has no header')
  const lastConfig = opts.lastConfig ?? 0n
  const value = common.OrdererBlockMetadata.encode({
    lastConfig: { index: lastConfig },
    consenterMetadata: common.Metadata.encode({ value: bytes(opts.consenterMetadata ?? new Uint8Array(0)), signatures: [] })
  })
  const signatureHeader = common.SignatureHeader.encode({
    creator: bytes(signer.serialized),
    nonce: bytes(opts.nonce ?? randomBytes(NONCE_SIZE))
  })
  const signature = signer.sign(blockSignedBytes(value, signatureHeader, block.header))
  const metadata = block.metadata ?? { metadata: [] }
  while (metadata.metadata.length < BLOCK_METADATA_ENTRIES) metadata.metadata.push(new Uint8Array(0))
  metadata.metadata[BlockMetadataIndex.SIGNATURES] = common.Metadata.encode({
    value,
    signatures: [{ signatureHeader, signature: bytes(signature), identifierHeader: new Uint8Array(0) }]
  })
  metadata.metadata[BlockMetadataIndex.LAST_CONFIG] = common.Metadata.encode({ value: common.LastConfig.encode({ index: lastConfig }), signatures: [] })
  block.metadata = metadata
  return block
}

/** A copy backed by its own ArrayBuffer (the protobuf types want `Uint8Array<ArrayBuffer>`). */
function bytes (view: Uint8Array): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(view)
}
