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

/** protowire's limits: field numbers of a message (`MaxValidNumber`), of a field inside a group, group depth. */
const MAX_FIELD_NUMBER = 2 ** 29 - 1
const MAX_GROUP_FIELD_NUMBER = 2 ** 31 - 1
const MAX_GROUP_DEPTH = 10_000

/**
 * What Fabric's `protoutil.VerifyTransactionsAreWellFormed` finds wrong with one data entry of a block, or
 * undefined when it is a well-formed transaction envelope. Fabric unmarshals the entry as a `common.Envelope`
 * with Go's protobuf, refuses it without a payload or a signature, marshals it again and refuses it unless
 * the bytes come out the same. Go's protobuf keeps the fields it does not know and writes them back after
 * the known ones, as they came; it writes each known field once, in field order, with minimal varints. So an
 * entry passes exactly when it parses as protobuf and is: the payload field (tag 0x0a, minimal length), the
 * signature field (0x12, minimal length), then only fields that are neither again (a payload or signature
 * field of another wire type is an unknown field to Go). Checked here on the bytes, without decoding or
 * re-encoding them (a block's data is most of its bytes).
 *
 * The problem, as Fabric words it after "transaction i": `is not an envelope: ...` (does not parse),
 * `has no payload`, `has no signature`, `does not match its canonical encoding`.
 */
export function envelopeFormProblem (raw: Uint8Array): string | undefined {
  // Go's view first: the last payload and signature fields win, a parse error refuses the entry
  let payloadLength = 0
  let signatureLength = 0
  let knownFields = 0
  let pos = 0
  while (pos < raw.length) {
    const start = pos
    const tag = readVarint(raw, pos)
    if (tag === undefined) return 'is not an envelope: bad tag'
    pos += tag.size
    const number = Math.floor(tag.value / 8)
    const type = tag.value % 8
    if (number < 1 || number > MAX_FIELD_NUMBER) return `is not an envelope: field number ${number}`
    if ((number === 1 || number === 2) && type === 2) {
      const length = readVarint(raw, pos)
      if (length === undefined || length.value > raw.length - pos - length.size) return 'is not an envelope: truncated field'
      // canonical: payload first, signature second, each a one-byte tag and a minimal length
      if (raw[start] !== (number === 1 ? 0x0a : 0x12) || knownFields !== number - 1 || !length.minimal) knownFields = -Infinity
      knownFields++
      if (number === 1) payloadLength = length.value
      else signatureLength = length.value
      pos += length.size + length.value
      continue
    }
    const end = skipField(raw, pos, number, type)
    if (end === undefined) return 'is not an envelope: malformed field'
    if (knownFields < 2) knownFields = -Infinity // an unknown field before the signature moves on re-encoding
    pos = end
  }
  if (payloadLength === 0) return 'has no payload'
  if (signatureLength === 0) return 'has no signature'
  if (knownFields !== 2) return 'does not match its canonical encoding'
  return undefined
}

/** A varint at `pos` (protowire.ConsumeVarint: at most 10 bytes, at most 64 bits); undefined when invalid. */
function readVarint (b: Uint8Array, pos: number): { value: number, size: number, minimal: boolean } | undefined {
  let value = 0
  for (let i = 0; i < 10; i++) {
    if (pos + i >= b.length) return undefined
    const byte = b[pos + i]
    if (i === 9 && byte > 1) return undefined
    value += (byte & 0x7f) * 2 ** (7 * i)
    if (byte < 0x80) return { value, size: i + 1, minimal: i === 0 || byte !== 0 }
  }
  return undefined
}

/**
 * The end of the value of a field Go keeps as unknown (protowire.ConsumeFieldValue), `pos` just after its
 * tag; undefined when it does not parse.
 */
function skipField (b: Uint8Array, pos: number, number: number, type: number): number | undefined {
  // groups nest: the open ones' field numbers
  const open: number[] = []
  let field = number
  let wire = type
  for (;;) {
    switch (wire) {
      case 0: {
        const v = readVarint(b, pos)
        if (v === undefined) return undefined
        pos += v.size
        break
      }
      case 1: pos += 8; break
      case 5: pos += 4; break
      case 2: {
        const length = readVarint(b, pos)
        if (length === undefined || length.value > b.length - pos - length.size) return undefined
        pos += length.size + length.value
        break
      }
      case 3:
        if (open.length >= MAX_GROUP_DEPTH) return undefined
        open.push(field)
        break
      case 4:
        if (open.pop() !== field) return undefined // an end without its start, or another group's end
        break
      default:
        return undefined
    }
    if (pos > b.length) return undefined
    if (open.length === 0) return pos
    const tag = readVarint(b, pos)
    if (tag === undefined) return undefined
    pos += tag.size
    field = Math.floor(tag.value / 8)
    wire = tag.value % 8
    if (field < 1 || field > MAX_GROUP_FIELD_NUMBER) return undefined
  }
}
