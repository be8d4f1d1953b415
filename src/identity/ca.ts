/**
 * Certificate authorities and certificates as Fabric's `cryptogen` makes them (`internal/cryptogen/ca`):
 * ECDSA P-256 keys, PKCS#8 PEM private keys, 128-bit random serials, validity from 5 minutes before now
 * (rounded to the minute) for 10 years, and these extensions:
 * - CA: keyUsage (critical) digitalSignature, keyEncipherment, keyCertSign, cRLSign; extKeyUsage clientAuth,
 *   serverAuth; basicConstraints CA (critical); subjectKeyIdentifier = SHA-256 of the public point. Subject
 *   `C=US, ST=California, L=San Francisco, O=<org>, CN=<name>`.
 * - Leaf: keyUsage (critical) digitalSignature (TLS: also keyEncipherment, extKeyUsage serverAuth +
 *   clientAuth, DNS/IP subjectAltNames); basicConstraints CA:FALSE (critical); authorityKeyIdentifier = the
 *   CA's SKI. Subject `C, ST, L` of the CA, `OU=<NodeOU>` when given, `CN=<name>`.
 * Signatures are sanitised to low-S so the files are byte-identical to what Fabric's MSP serialises.
 *
 * Uses `@peculiar/x509` over Node's WebCrypto; this module is for generation (CLI, tests) only.
 */
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import { createHash, createPrivateKey, KeyObject, X509Certificate, webcrypto } from 'node:crypto'
import { isIP } from 'node:net'
import { certificateDers, pemBlocks, toPem } from './pem.js'
import { sanitizeCertificate } from './sanitize.js'

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])

const subtle = webcrypto.subtle
const minute = 60 * 1000
const tenYears = 3650 * 24 * 60 * minute // cryptogen: expiry := 3650 * 24 * time.Hour
const ecParams = { name: 'ECDSA', namedCurve: 'P-256' } as const
const signingAlgorithm = { name: 'ECDSA', hash: 'SHA-256' } as const

type CryptoKeyPair = webcrypto.CryptoKeyPair

/** A CA that can issue certificates: its certificate, key and the subject fields leaves inherit. */
export interface CertificateAuthority {
  /** The CA's common name, e.g. `ca.org1.example.com`. */
  readonly name: string
  readonly certPem: string
  /** PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), as cryptogen writes `priv_sk`. */
  readonly keyPem: string
  /** Subject key identifier (hex), copied into issued certificates' authorityKeyIdentifier. */
  readonly ski: string
  readonly notBefore: Date
  readonly notAfter: Date
  /** @internal */
  readonly keys: CryptoKeyPair
  /** @internal the subject as @peculiar/x509 JSON */
  readonly subject: x509.JsonName
}

/** A certificate with its freshly generated key. */
export interface IssuedCertificate {
  readonly certPem: string
  /** PKCS#8 PEM. */
  readonly keyPem: string
}

/** Subject fields cryptogen puts in every certificate (`subjectTemplate`). */
export interface SubjectDefaults {
  /** @default 'US' */
  country?: string
  /** @default 'California' */
  province?: string
  /** @default 'San Francisco' */
  locality?: string
}

/** Options of {@link createCA}. */
export interface CreateCAOptions extends SubjectDefaults {
  /** Subject O. @default the name without its first label (`ca.org1.example.com` -> `org1.example.com`) */
  organization?: string
  /** @default now rounded to the minute, minus 5 minutes */
  notBefore?: Date
  /** @default notBefore + 3650 days */
  notAfter?: Date
  /** Sign the CA with this CA (an intermediate CA) instead of self-signing (a root). */
  issuer?: CertificateAuthority
}

/** Options of {@link issueCertificate}. */
export interface IssueOptions {
  /** Subject CN, e.g. `peer0.org1.example.com` or `Admin@org1.example.com`. */
  cn: string
  /** Subject OU(s): cryptogen's NodeOUs are `peer`, `orderer`, `client`, `admin`. */
  ou?: string | string[]
  /** @default now rounded to the minute, minus 5 minutes */
  notBefore?: Date
  /** @default notBefore + 3650 days */
  notAfter?: Date
  /** A TLS certificate: adds keyEncipherment and extKeyUsage serverAuth + clientAuth. @default false */
  tls?: boolean
  /** subjectAltNames: host names or IP addresses. @default [] */
  sans?: string[]
}

/** cryptogen's notBefore: now rounded to the minute, backdated 5 minutes. */
export function defaultNotBefore (now = Date.now()): Date {
  return new Date(Math.round(now / minute) * minute - 5 * minute)
}

function validity (notBefore?: Date, notAfter?: Date): { notBefore: Date, notAfter: Date } {
  const nb = notBefore ?? defaultNotBefore()
  return { notBefore: nb, notAfter: notAfter ?? new Date(nb.getTime() + tenYears) }
}

/** 128 random bits, positive (cryptogen: `rand.Int(rand.Reader, 1 << 128)`). */
function serialNumber (): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16))
  bytes[0] &= 0x7f
  if (bytes[0] === 0) bytes[0] = 1
  return Buffer.from(bytes).toString('hex')
}

async function generateKeys (): Promise<CryptoKeyPair> {
  return await subtle.generateKey(ecParams, true, ['sign', 'verify']) as CryptoKeyPair
}

/** cryptogen's `computeSKI`: SHA-256 of the uncompressed public point. */
async function computeSki (publicKey: webcrypto.CryptoKey): Promise<string> {
  const raw = new Uint8Array(await subtle.exportKey('raw', publicKey))
  return createHash('sha256').update(raw).digest('hex')
}

async function privateKeyPem (key: webcrypto.CryptoKey): Promise<string> {
  return toPem('PRIVATE KEY', new Uint8Array(await subtle.exportKey('pkcs8', key)))
}

function baseSubject (d: SubjectDefaults): x509.JsonName {
  return [{ C: [d.country ?? 'US'] }, { ST: [d.province ?? 'California'] }, { L: [d.locality ?? 'San Francisco'] }]
}

/** A generated certificate as low-S PEM (`issuerKey` tells the curve order). */
function finish (cert: x509.X509Certificate, issuerKey: webcrypto.CryptoKey): string {
  const der = new Uint8Array(cert.rawData)
  return toPem('CERTIFICATE', sanitizeCertificate(der, KeyObject.from(issuerKey)))
}

/**
 * Creates a CA as cryptogen does: a self-signed root, or an intermediate when `opts.issuer` is given.
 */
export async function createCA (name: string, opts: CreateCAOptions = {}): Promise<CertificateAuthority> {
  const keys = await generateKeys()
  const ski = await computeSki(keys.publicKey)
  const { notBefore, notAfter } = validity(opts.notBefore, opts.notAfter)
  const organization = opts.organization ?? (name.includes('.') ? name.slice(name.indexOf('.') + 1) : name)
  const subject: x509.JsonName = [...baseSubject(opts), { O: [organization] }, { CN: [name] }]
  const issuer = opts.issuer
  const extensions: x509.Extension[] = [
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment |
      x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth, x509.ExtendedKeyUsage.serverAuth], false),
    new x509.BasicConstraintsExtension(true, undefined, true),
    new x509.SubjectKeyIdentifierExtension(ski, false)
  ]
  if (issuer !== undefined) extensions.push(new x509.AuthorityKeyIdentifierExtension(issuer.ski, false))
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject,
    issuer: issuer?.subject ?? subject,
    notBefore,
    notAfter,
    signingAlgorithm,
    publicKey: keys.publicKey,
    signingKey: (issuer?.keys ?? keys).privateKey,
    extensions
  })
  return {
    name,
    certPem: finish(cert, (issuer?.keys ?? keys).publicKey),
    keyPem: await privateKeyPem(keys.privateKey),
    ski,
    notBefore,
    notAfter,
    keys,
    subject
  }
}

/**
 * Rebuilds a CA from its certificate and PKCS#8 (or EC PRIVATE KEY) PEM, e.g. `ca/` of a generated
 * organisation, to issue more certificates from it.
 */
export async function loadCA (certPem: string, keyPem: string): Promise<CertificateAuthority> {
  const der = certificateDers(certPem)[0]
  const parsed = new x509.X509Certificate(der)
  const nodeCert = new X509Certificate(der)
  const block = pemBlocks(keyPem)[0]
  if (block === undefined) throw new Error('no PEM private key')
  const pkcs8 = block.type === 'PRIVATE KEY' ? block.der : new Uint8Array(createPrivateKey(keyPem).export({ format: 'der', type: 'pkcs8' }))
  const privateKey = await subtle.importKey('pkcs8', pkcs8, ecParams, true, ['sign'])
  const publicKey = await subtle.importKey('spki', new Uint8Array(nodeCert.publicKey.export({ format: 'der', type: 'spki' })), ecParams, true, ['verify'])
  const skiExt = parsed.getExtension(x509.SubjectKeyIdentifierExtension)
  return {
    name: parsed.subjectName.getField('CN')[0] ?? '',
    certPem: toPem('CERTIFICATE', der),
    keyPem,
    ski: skiExt?.keyId ?? await computeSki(publicKey),
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    keys: { privateKey, publicKey },
    subject: parsed.subjectName.toJSON()
  }
}

function subjectOf (ca: CertificateAuthority): SubjectDefaults {
  const field = (key: string): string | undefined => {
    for (const rdn of ca.subject) {
      const v = rdn[key]
      if (v !== undefined && v.length > 0) return v[0]
    }
    return undefined
  }
  return { country: field('C'), province: field('ST'), locality: field('L') }
}

/**
 * Issues a leaf certificate from `ca` for a new P-256 key, as cryptogen's `SignCertificate` does.
 */
export async function issueCertificate (ca: CertificateAuthority, opts: IssueOptions): Promise<IssuedCertificate> {
  const keys = await generateKeys()
  const { notBefore, notAfter } = validity(opts.notBefore, opts.notAfter)
  const ous = opts.ou === undefined ? [] : Array.isArray(opts.ou) ? opts.ou : [opts.ou]
  const subject: x509.JsonName = [...baseSubject(subjectOf(ca))]
  if (ous.length > 0) subject.push({ OU: ous })
  subject.push({ CN: [opts.cn] })
  const tls = opts.tls === true
  const extensions: x509.Extension[] = [
    new x509.KeyUsagesExtension(tls
      ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment
      : x509.KeyUsageFlags.digitalSignature, true)
  ]
  if (tls) extensions.push(new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth], false))
  extensions.push(
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.AuthorityKeyIdentifierExtension(ca.ski, false)
  )
  const sans = [...new Set(opts.sans ?? [])]
  if (sans.length > 0) {
    extensions.push(new x509.SubjectAlternativeNameExtension(
      sans.map(s => isIP(s) !== 0 ? { type: 'ip' as const, value: s } : { type: 'dns' as const, value: s }), false))
  }
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject,
    issuer: ca.subject,
    notBefore,
    notAfter,
    signingAlgorithm,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions
  })
  return {
    certPem: finish(cert, ca.keys.publicKey),
    keyPem: await privateKeyPem(keys.privateKey)
  }
}
