/**
 * PEM and certificate-input helpers. Fabric carries certificates as PEM bytes (`SerializedIdentity.id_bytes`,
 * the root certificates of a genesis block, MSP folders); files may use `\r\n`. Parsing goes through Node's
 * `crypto.X509Certificate`.
 */
import { X509Certificate } from 'node:crypto'

/** One `-----BEGIN <type>-----` block. */
export interface PemBlock {
  /** The label, e.g. `CERTIFICATE`, `PRIVATE KEY`, `EC PRIVATE KEY`. */
  type: string
  /** The decoded body. */
  der: Uint8Array
}

/** A certificate given as PEM text, PEM bytes or DER bytes. */
export type CertificateInput = string | Uint8Array

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g
const textDecoder = new TextDecoder('utf-8', { fatal: false })
const textEncoder = new TextEncoder()

/** Decodes bytes as UTF-8 text (PEM is ASCII). */
export function bytesToText (bytes: Uint8Array): string {
  return textDecoder.decode(bytes)
}

/** Encodes text as UTF-8 bytes. */
export function textToBytes (text: string): Uint8Array {
  return textEncoder.encode(text)
}

/** Every PEM block of `text`, in order; headers (`Proc-Type:` ...) and `\r\n` line ends are tolerated. */
export function pemBlocks (text: string): PemBlock[] {
  const out: PemBlock[] = []
  for (const m of text.matchAll(PEM_BLOCK)) {
    const lines = m[2].split(/\r?\n|\r/).map(l => l.trim()).filter(l => l !== '' && !l.includes(':'))
    const b64 = lines.join('')
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) continue
    out.push({ type: m[1], der: new Uint8Array(Buffer.from(b64, 'base64')) })
  }
  return out
}

/** Encodes `der` as PEM with 64-character lines and `\n` line ends, exactly as Go's `pem.EncodeToMemory`. */
export function toPem (type: string, der: Uint8Array): string {
  const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64')
  const lines: string[] = []
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64))
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`
}

/** True when the bytes look like PEM text (after leading whitespace) rather than DER. */
export function looksLikePem (input: Uint8Array): boolean {
  let i = 0
  while (i < input.length && (input[i] === 0x20 || input[i] === 0x09 || input[i] === 0x0a || input[i] === 0x0d)) i++
  return input[i] === 0x2d // '-'
}

/**
 * The DER of every certificate in `input`: all `CERTIFICATE` blocks of PEM text or bytes, or the single
 * certificate of DER bytes. Throws a plain `Error` when there is none.
 */
export function certificateDers (input: CertificateInput): Uint8Array[] {
  if (typeof input !== 'string' && !looksLikePem(input)) return [input]
  const text = typeof input === 'string' ? input : bytesToText(input)
  const ders = pemBlocks(text).filter(b => b.type === 'CERTIFICATE').map(b => b.der)
  if (ders.length === 0) throw new Error('no PEM CERTIFICATE block found')
  return ders
}

/** Parses every certificate in `input` (see {@link certificateDers}); throws a plain `Error` on bad input. */
export function parseCertificates (input: CertificateInput): X509Certificate[] {
  return certificateDers(input).map(der => new X509Certificate(der))
}
