/**
 * This node's signing identity: loaded from a Fabric MSP folder (`signcerts/`, `keystore/`) or built from
 * PEM in memory. The certificate is sanitised (low-S signature) like Fabric's MSP before it is serialised,
 * so the PKI-ID matches the one a Fabric peer computes for the same folder.
 */
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { SigningIdentity } from './index.js'
import { certNotAfter } from './cert-info.js'
import { MspConfigError } from './errors.js'
import { listFiles } from './files.js'
import { certificateDers, parseCertificates, textToBytes, toPem } from './pem.js'
import type { CertificateInput } from './pem.js'
import { computePkiId, encodeSerializedIdentity } from './pki-id.js'
import { sanitizeCertificate } from './sanitize.js'
import { curveOrder, signData } from './signature.js'

/** Options of {@link createSigningIdentity}. */
export interface CreateSigningIdentityOptions {
  /**
   * CA certificates (roots and intermediates) among which the certificate's issuer is looked up to
   * sanitise its signature to low-S as Fabric does. Without the issuer the certificate is used as is.
   * @default []
   */
  caCerts?: CertificateInput[]
}

function isSupportedKey (key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ed25519' || curveOrder(key) !== undefined
}

function issuerOf (cert: X509Certificate, cas: X509Certificate[]): X509Certificate | undefined {
  return cas.find(ca => cert.checkIssued(ca) && cert.verify(ca.publicKey))
}

function buildIdentity (mspId: string, cert: X509Certificate, privateKey: KeyObject, cas: X509Certificate[]): SigningIdentity {
  const issuer = issuerOf(cert, cas)
  const der = issuer === undefined ? new Uint8Array(cert.raw) : sanitizeCertificate(new Uint8Array(cert.raw), issuer.publicKey)
  const certPem = toPem('CERTIFICATE', der)
  const idBytes = textToBytes(certPem)
  return Object.freeze({
    mspId,
    certPem,
    serialized: encodeSerializedIdentity(mspId, idBytes),
    pkiId: computePkiId(mspId, idBytes),
    notAfter: certNotAfter(cert),
    publicKey: cert.publicKey,
    sign: (data: Uint8Array): Uint8Array => signData(privateKey, data)
  })
}

/**
 * Builds a signing identity from a certificate and its private key (PKCS#8 `PRIVATE KEY` or SEC1
 * `EC PRIVATE KEY` PEM, or a KeyObject). Throws {@link MspConfigError} when either does not parse, the key
 * type is unsupported (ECDSA P-256/P-384/P-521 or Ed25519) or the key does not match the certificate.
 */
export function createSigningIdentity (mspId: string, cert: CertificateInput, privateKey: string | KeyObject, opts: CreateSigningIdentityOptions = {}): SigningIdentity {
  let x509: X509Certificate
  try {
    x509 = new X509Certificate(certificateDers(cert)[0])
  } catch (err) {
    throw new MspConfigError(`certificate does not parse: ${(err as Error).message}`, { cause: err })
  }
  let key: KeyObject
  try {
    key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey
  } catch (err) {
    throw new MspConfigError(`private key does not parse: ${(err as Error).message}`, { cause: err })
  }
  if (!isSupportedKey(key)) throw new MspConfigError(`unsupported private key type ${key.asymmetricKeyType ?? 'unknown'}`)
  if (!createPublicKey(key).equals(x509.publicKey)) throw new MspConfigError('private key does not match the certificate')
  const cas = (opts.caCerts ?? []).flatMap(c => parseCertificates(c))
  return buildIdentity(mspId, x509, key, cas)
}

function readCaCerts (mspDir: string): X509Certificate[] {
  const out: X509Certificate[] = []
  for (const dir of ['cacerts', 'intermediatecerts']) {
    for (const file of listFiles(join(mspDir, dir))) {
      try { out.push(...parseCertificates(readFileSync(file))) } catch { /* not needed to sign; MspManager reports it */ }
    }
  }
  return out
}

/**
 * Loads this node's identity from a Fabric MSP folder: the first certificate file of `signcerts/` and the
 * private key in `keystore/` that matches it (`priv_sk` as cryptogen 2.x writes, `<hex>_sk` as BCCSP and
 * fabric-ca write, or any other file; PKCS#8 or EC PRIVATE KEY PEM). The issuer is looked up in `cacerts/`
 * and `intermediatecerts/` to sanitise the certificate like Fabric. The validity period is not checked
 * here: see `notAfter`.
 *
 * @throws {MspConfigError} naming the file or folder at fault
 */
export function loadSigningIdentity (mspDir: string, mspId: string): SigningIdentity {
  const signcerts = join(mspDir, 'signcerts')
  const certFiles = listFiles(signcerts)
  if (certFiles.length === 0) throw new MspConfigError(`no certificate found in ${signcerts}`)
  const certPath = certFiles[0]
  let cert: X509Certificate
  try {
    cert = parseCertificates(readFileSync(certPath))[0]
  } catch (err) {
    throw new MspConfigError(`${certPath}: not a certificate: ${(err as Error).message}`, { cause: err })
  }

  const keystore = join(mspDir, 'keystore')
  const rank = (p: string): number => basename(p) === 'priv_sk' ? 0 : p.endsWith('_sk') ? 1 : 2
  const keyFiles = listFiles(keystore).sort((a, b) => rank(a) - rank(b))
  if (keyFiles.length === 0) throw new MspConfigError(`no private key found in ${keystore}`)
  const problems: string[] = []
  for (const file of keyFiles) {
    let key: KeyObject
    try {
      key = createPrivateKey(readFileSync(file, 'utf8'))
    } catch (err) {
      problems.push(`${file}: not a private key (${(err as Error).message})`)
      continue
    }
    if (!createPublicKey(key).equals(cert.publicKey)) {
      problems.push(`${file}: does not match the certificate ${certPath}`)
      continue
    }
    if (!isSupportedKey(key)) throw new MspConfigError(`${file}: unsupported key type ${key.asymmetricKeyType ?? 'unknown'}`)
    return buildIdentity(mspId, cert, key, readCaCerts(mspDir))
  }
  throw new MspConfigError(`no private key in ${keystore} matches the certificate ${certPath}: ${problems.join('; ')}`)
}
