/**
 * Pure helpers over Fabric blocks (`common.Block`): the data hash a header commits to, the ASN.1 DER
 * header bytes that orderers sign and that the next block's `previous_hash` hashes, and the message an
 * orderer's block signature covers. Fabric: `protoutil/blockutils.go`.
 */
import { createHash } from 'node:crypto'

/** The header fields that are hashed and signed (a `common.BlockHeader` fits). */
export interface BlockHeaderFields {
  number: bigint
  previousHash: Uint8Array
  dataHash: Uint8Array
}

/**
 * `header.data_hash` of a block with these data entries: SHA-256 of their concatenation
 * (Fabric `protoutil.ComputeBlockDataHash`).
 */
export function blockDataHash (data: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const hash = createHash('sha256')
  for (const entry of data) hash.update(entry)
  return new Uint8Array(hash.digest())
}

/**
 * ASN.1 DER of `SEQUENCE { INTEGER number, OCTET STRING previous_hash, OCTET STRING data_hash }`, the
 * bytes Fabric hashes and signs for a block header (`protoutil.BlockHeaderBytes`, number as a big.Int).
 */
export function blockHeaderBytes (header: BlockHeaderFields): Uint8Array<ArrayBuffer> {
  return derTlv(0x30, concat([
    derTlv(0x02, derIntegerContent(header.number)),
    derTlv(0x04, header.previousHash),
    derTlv(0x04, header.dataHash)
  ]))
}

/** SHA-256 of {@link blockHeaderBytes}: what the next block's `previous_hash` holds. */
export function blockHeaderHash (header: BlockHeaderFields): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash('sha256').update(blockHeaderBytes(header)).digest())
}

/**
 * The bytes a block metadata signature covers: `Metadata.value || signature_header || header bytes`
 * (Fabric `orderer/common/multichannel/blockwriter.go` addBlockSignature, `protoutil.BlockSignatureVerifier`).
 */
export function blockSignedBytes (metadataValue: Uint8Array, signatureHeader: Uint8Array, header: BlockHeaderFields): Uint8Array<ArrayBuffer> {
  return concat([metadataValue, signatureHeader, blockHeaderBytes(header)])
}

/** Content octets of a DER INTEGER: minimal big-endian two's complement. */
function derIntegerContent (value: bigint): Uint8Array {
  const bytes: number[] = []
  let v = value
  // Emit low bytes until the remaining value is just the sign extension of the last byte emitted.
  for (;;) {
    const byte = Number(v & 0xffn)
    bytes.unshift(byte)
    v >>= 8n
    if ((v === 0n && (byte & 0x80) === 0) || (v === -1n && (byte & 0x80) !== 0)) break
  }
  return Uint8Array.from(bytes)
}

/** A DER tag-length-value with a definite length (short form below 128, long form above). */
function derTlv (tag: number, content: Uint8Array): Uint8Array<ArrayBuffer> {
  const length: number[] = []
  if (content.length < 0x80) {
    length.push(content.length)
  } else {
    for (let n = content.length; n > 0; n = Math.floor(n / 256)) length.unshift(n % 256)
    length.unshift(0x80 | length.length)
  }
  return concat([Uint8Array.of(tag, ...length), content])
}

function concat (parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}
