/**
 * The little ASN.1 DER this package needs by hand: ECDSA signatures (`SEQUENCE { INTEGER r, INTEGER s }`)
 * and the outer `SEQUENCE { tbs, algorithm, BIT STRING }` of a certificate. Reading is strict DER
 * (definite, minimal lengths); anything else throws a plain `Error`.
 */

/** One tag-length-value element inside a buffer. */
export interface Tlv {
  tag: number
  /** Offset of the tag byte. */
  start: number
  /** Offset of the first content byte. */
  contentStart: number
  /** Offset just past the content. */
  end: number
}

/** Reads the element at `offset`; single-byte tags only, lengths up to 2^32. */
export function readTlv (buf: Uint8Array, offset: number, limit = buf.length): Tlv {
  if (offset + 2 > limit) throw new Error('DER: truncated element')
  const tag = buf[offset]
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: multi-byte tags are not supported')
  let pos = offset + 1
  const first = buf[pos++]
  let len: number
  if (first < 0x80) {
    len = first
  } else {
    const n = first & 0x7f
    if (n === 0 || n > 4) throw new Error('DER: indefinite or oversized length')
    if (pos + n > limit) throw new Error('DER: truncated length')
    len = 0
    for (let i = 0; i < n; i++) len = len * 256 + buf[pos++]
    if (len < 0x80 || buf[offset + 2] === 0) throw new Error('DER: non-minimal length')
  }
  const end = pos + len
  if (end > limit) throw new Error('DER: element overruns its container')
  return { tag, start: offset, contentStart: pos, end }
}

/** Encodes a DER length. */
export function encodeLength (len: number): Uint8Array {
  if (len < 0x80) return Uint8Array.of(len)
  const bytes: number[] = []
  for (let v = len; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Uint8Array.of(0x80 | bytes.length, ...bytes)
}

/** Encodes one element from its tag and content parts. */
export function encodeTlv (tag: number, ...content: Uint8Array[]): Uint8Array {
  const len = content.reduce((n, c) => n + c.length, 0)
  const header = encodeLength(len)
  const out = new Uint8Array(1 + header.length + len)
  out[0] = tag
  out.set(header, 1)
  let pos = 1 + header.length
  for (const c of content) { out.set(c, pos); pos += c.length }
  return out
}

/** Big-endian unsigned bytes to a bigint. */
export function bytesToBigInt (bytes: Uint8Array): bigint {
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  return v
}

/** A non-negative bigint to exactly `size` big-endian bytes. */
export function bigIntToBytes (value: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size)
  let v = value
  for (let i = size - 1; i >= 0; i--) { out[i] = Number(v & 0xffn); v >>= 8n }
  if (v !== 0n) throw new Error('value does not fit')
  return out
}

/** Encodes a non-negative bigint as a DER INTEGER. */
export function encodeUnsignedInteger (value: bigint): Uint8Array {
  let hex = value.toString(16)
  if (hex.length % 2 === 1) hex = '0' + hex
  let bytes = Uint8Array.from(Buffer.from(hex, 'hex'))
  if (bytes[0] >= 0x80) bytes = Uint8Array.of(0, ...bytes)
  return encodeTlv(0x02, bytes)
}

/**
 * Reads a DER INTEGER that must be positive and minimally encoded, from the element `tlv` of `buf`.
 */
export function readPositiveInteger (buf: Uint8Array, tlv: Tlv): bigint {
  if (tlv.tag !== 0x02) throw new Error('DER: expected INTEGER')
  const content = buf.subarray(tlv.contentStart, tlv.end)
  if (content.length === 0) throw new Error('DER: empty INTEGER')
  if (content[0] >= 0x80) throw new Error('DER: negative INTEGER')
  if (content.length > 1 && content[0] === 0 && content[1] < 0x80) throw new Error('DER: non-minimal INTEGER')
  const v = bytesToBigInt(content)
  if (v === 0n) throw new Error('DER: zero INTEGER')
  return v
}
