/**
 * The organisations (MSPs) a node knows and the validation of remote identities against them, after
 * Fabric's `msp/mspimplvalidate.go`: the identity is a PEM X.509 certificate that is not a CA, issued
 * (name match and signature) by one of the MSP's root CAs, possibly through its intermediate CAs, and
 * every certificate of that chain is within its validity period. As in Fabric, the issuing CA must be a
 * leaf of the MSP's CA tree (a root that has intermediates may not issue identities itself). CRLs and
 * NodeOU role checks are not applied. Fabric's MSP checks the chain at the leaf's notBefore and leaves
 * expiry to gossip's identity store; here both happen in {@link MspManager.validate} at `now`.
 */
import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PeerIdentity } from './index.js'
import { certNotAfter, commonName, describeCert, firstInvalidWindow, subjectAttribute, validityWindow } from './cert-info.js'
import type { ValidityWindow } from './cert-info.js'
import {
  CertificateExpiredError,
  MalformedIdentityError,
  MspConfigError,
  UnknownOrgError,
  UntrustedCertificateError
} from './errors.js'
import { listFiles } from './files.js'
import { bytesToText, certificateDers, looksLikePem, parseCertificates } from './pem.js'
import type { CertificateInput } from './pem.js'
import { computePkiId, decodeSerializedIdentity } from './pki-id.js'
import { curveOrder, verifySignature } from './signature.js'

/** Options of {@link MspManager}. */
export interface MspManagerInit {
  /**
   * How many validated identities are remembered (by their serialised bytes), least recently used
   * dropped first. Validity periods are still checked on every call.
   * @default 1024
   */
  cacheSize?: number
  /**
   * The longest chain followed from an identity to a root CA, counting both ends.
   * @default 8
   */
  maxChainLength?: number
}

interface OrgTrust {
  roots: X509Certificate[]
  intermediates: X509Certificate[]
  /** CAs that issued an intermediate CA: identities must come from the leaves of the CA tree (Fabric). */
  internal: Set<X509Certificate>
}

interface CacheEntry {
  identity: PeerIdentity
  windows: ValidityWindow[]
}

const defaultCacheSize = 1024
const defaultMaxChainLength = 8

function issues (issuer: X509Certificate, cert: X509Certificate): boolean {
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey)
}

function parseCaList (mspId: string, what: string, inputs: readonly CertificateInput[]): X509Certificate[] {
  const out: X509Certificate[] = []
  inputs.forEach((input, i) => {
    let certs: X509Certificate[]
    try {
      certs = parseCertificates(input)
    } catch (err) {
      throw new MspConfigError(`${mspId}: ${what} certificate #${i + 1} does not parse: ${(err as Error).message}`, { cause: err })
    }
    for (const cert of certs) {
      if (!cert.ca) throw new MspConfigError(`${mspId}: ${what} certificate ${describeCert(cert)} is not a CA certificate`)
      out.push(cert)
    }
  })
  return out
}

function formatWindow (w: ValidityWindow): string {
  return `valid from ${new Date(w.notBefore).toISOString()} to ${new Date(w.notAfter).toISOString()}`
}

/**
 * The MSPs this node trusts (its own, the channel orgs, extra folders from config) and a bounded cache of
 * the identities it has validated.
 */
export class MspManager {
  private readonly trust = new Map<string, OrgTrust>()
  private readonly cache = new Map<string, CacheEntry>()
  private readonly cacheSize: number
  private readonly maxChainLength: number

  constructor (init: MspManagerInit = {}) {
    this.cacheSize = Math.max(0, init.cacheSize ?? defaultCacheSize)
    this.maxChainLength = Math.max(2, init.maxChainLength ?? defaultMaxChainLength)
  }

  /**
   * Adds or replaces an organisation. Certificates are PEM text, PEM bytes (as a genesis block carries
   * them) or DER bytes; one entry may hold several PEM blocks. Every certificate must be a CA and every
   * intermediate must chain to a root.
   *
   * @throws {MspConfigError} when there is no root, a certificate does not parse or does not fit
   */
  addOrg (mspId: string, rootCerts: readonly CertificateInput[], intermediateCerts: readonly CertificateInput[] = []): void {
    if (mspId === '') throw new MspConfigError('MSP ID must not be empty')
    const roots = parseCaList(mspId, 'root', rootCerts)
    if (roots.length === 0) throw new MspConfigError(`${mspId}: at least one root CA certificate is required`)
    const intermediates = parseCaList(mspId, 'intermediate', intermediateCerts)
    const org: OrgTrust = { roots, intermediates, internal: new Set() }
    for (const inter of intermediates) {
      const chain = this.chainOf(inter, org)
      if (chain === undefined) {
        throw new MspConfigError(`${mspId}: intermediate certificate ${describeCert(inter)} does not chain to a root CA of the MSP`)
      }
      org.internal.add(chain[1])
    }
    this.trust.set(mspId, org)
    this.forget(mspId)
  }

  /**
   * Adds the organisation of a Fabric MSP folder: every certificate file of `cacerts/` (required) and of
   * `intermediatecerts/` (if any).
   *
   * @throws {MspConfigError} naming the folder or file at fault
   */
  addMspFolder (dir: string, mspId: string): void {
    const read = (sub: string): Uint8Array[] => listFiles(join(dir, sub)).map(file => {
      try {
        const bytes = readFileSync(file)
        certificateDers(bytes)
        return bytes
      } catch (err) {
        throw new MspConfigError(`${file}: not a certificate: ${(err as Error).message}`, { cause: err })
      }
    })
    const roots = read('cacerts')
    if (roots.length === 0) throw new MspConfigError(`no CA certificate found in ${join(dir, 'cacerts')}`)
    this.addOrg(mspId, roots, read('intermediatecerts'))
  }

  /** Removes an organisation and its cached identities; returns whether it was known. */
  removeOrg (mspId: string): boolean {
    this.forget(mspId)
    return this.trust.delete(mspId)
  }

  /** Whether `mspId` is a known organisation. */
  hasOrg (mspId: string): boolean {
    return this.trust.has(mspId)
  }

  /** The known MSP IDs, in the order they were added. */
  orgs (): string[] {
    return [...this.trust.keys()]
  }

  /** Drops every cached validation result. */
  clearCache (): void {
    this.cache.clear()
  }

  /**
   * Validates a serialised identity at `now`. Positive results are cached by the serialised bytes; a cached
   * identity is still checked against the validity periods of its chain.
   *
   * @throws {MalformedIdentityError} the bytes are not a SerializedIdentity with a PEM certificate and a
   *   supported key (ECDSA P-256/P-384/P-521 or Ed25519)
   * @throws {UnknownOrgError} the MSP ID is not known
   * @throws {UntrustedCertificateError} the certificate is a CA or is not issued by the MSP's CA chain
   * @throws {CertificateExpiredError} the certificate or a CA of its chain is expired or not yet valid
   */
  validate (serialized: Uint8Array, now: Date = new Date()): PeerIdentity {
    const key = Buffer.from(serialized.buffer, serialized.byteOffset, serialized.byteLength).toString('latin1')
    const hit = this.cache.get(key)
    if (hit !== undefined) {
      this.checkWindows(hit.identity.mspId, hit.windows, now)
      this.cache.delete(key)
      this.cache.set(key, hit)
      return hit.identity
    }

    const sid = decodeSerializedIdentity(serialized)
    const org = this.trust.get(sid.mspid)
    if (org === undefined) throw new UnknownOrgError(`unknown MSP ID '${sid.mspid}'`)

    let cert: X509Certificate
    try {
      if (!looksLikePem(sid.idBytes)) throw new Error('id_bytes is not PEM')
      cert = new X509Certificate(certificateDers(sid.idBytes)[0])
    } catch (err) {
      throw new MalformedIdentityError(`${sid.mspid}: identity certificate does not parse: ${(err as Error).message}`, { cause: err })
    }
    const publicKey = cert.publicKey
    if (publicKey.asymmetricKeyType !== 'ed25519' && curveOrder(publicKey) === undefined) {
      throw new MalformedIdentityError(`${sid.mspid}: unsupported public key type in ${describeCert(cert)}`)
    }
    if (cert.ca) {
      throw new UntrustedCertificateError(`${sid.mspid}: ${describeCert(cert)} is a CA certificate and cannot be used as an identity`)
    }
    const chain = this.chainOf(cert, org)
    if (chain === undefined) {
      throw new UntrustedCertificateError(`${sid.mspid}: ${describeCert(cert)} is not issued by a CA of ${sid.mspid}`)
    }
    if (org.internal.has(chain[1])) {
      throw new UntrustedCertificateError(`${sid.mspid}: ${describeCert(cert)} is issued by ${describeCert(chain[1])}, which has intermediate CAs; identities must be issued by a leaf CA`)
    }
    const windows = chain.map((c, i) => validityWindow(c, i === 0 ? `certificate ${describeCert(c)}` : `CA certificate ${describeCert(c)}`))
    this.checkWindows(sid.mspid, windows, now)

    const identity: PeerIdentity = {
      mspId: sid.mspid,
      pkiId: computePkiId(sid.mspid, sid.idBytes),
      serialized: Uint8Array.from(serialized),
      certPem: bytesToText(sid.idBytes),
      cert,
      publicKey,
      notAfter: certNotAfter(cert),
      commonName: commonName(cert),
      organizationalUnits: subjectAttribute(cert, 'OU')
    }
    if (this.cacheSize > 0) {
      if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value as string)
      this.cache.set(key, { identity, windows })
    }
    return identity
  }

  /**
   * Validates the identity, then verifies `signature` over `data` with its key (low-S ECDSA as Fabric).
   * Returns false for a bad or malformed signature; throws the {@link validate} errors for a bad identity.
   */
  verify (serialized: Uint8Array, data: Uint8Array, signature: Uint8Array, now?: Date): boolean {
    return verifySignature(this.validate(serialized, now).publicKey, data, signature)
  }

  private checkWindows (mspId: string, windows: readonly ValidityWindow[], now: Date): void {
    const bad = firstInvalidWindow(windows, now.getTime())
    if (bad !== undefined) {
      const state = now.getTime() < bad.notBefore ? 'not yet valid' : 'expired'
      throw new CertificateExpiredError(`${mspId}: ${bad.label} is ${state} at ${now.toISOString()} (${formatWindow(bad)})`)
    }
  }

  /** The chain [cert, ..., root] through the org's CAs, or undefined when it does not reach a root. */
  private chainOf (cert: X509Certificate, org: OrgTrust): X509Certificate[] | undefined {
    const chain = [cert]
    let current = cert
    while (chain.length < this.maxChainLength) {
      const root = org.roots.find(r => issues(r, current))
      if (root !== undefined) {
        chain.push(root)
        return chain
      }
      const next = org.intermediates.find(i => !chain.includes(i) && issues(i, current))
      if (next === undefined) return undefined
      chain.push(next)
      current = next
    }
    return undefined
  }

  private forget (mspId: string): void {
    for (const [key, entry] of this.cache) {
      if (entry.identity.mspId === mspId) this.cache.delete(key)
    }
  }
}
