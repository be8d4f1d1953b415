/**
 * The verifying MSP config of an org, read from its MSP folder as configtxgen reads it into a channel config
 * (Fabric `msp.GetVerifyingMspConfig`, `msp/configbuilder.go`): `cacerts/` (required), `admincerts/`,
 * `intermediatecerts/`, `tlscacerts/`, `tlsintermediatecerts/` (only when there are TLS CA certs), `crls/`,
 * and `config.yaml` (OrganizationalUnitIdentifiers and NodeOUs, with the certificate files they name).
 * Files are taken in name order, raw (PEM bytes as on disk); files without a PEM block are skipped, as
 * Fabric does. `crypto_config` is SHA2 / SHA256.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { MspConfigError } from '../identity/index.js'
import { certificateDers, toPem } from '../identity/index.js'
import type { CertificateInput } from '../identity/index.js'
import type { msp } from '../pb/msp.js'

/** Fabric's `bccsp.SHA2` / `bccsp.SHA256`: the crypto config of every Fabric MSP configtxgen writes. */
export const FABRIC_CRYPTO_CONFIG: msp.FabricCryptoConfig = { signatureHashFamily: 'SHA2', identityIdentifierHashFunction: 'SHA256' }

/** The regular files of `dir` holding a PEM block, in name order; undefined when `dir` does not exist. */
function pemFiles (dir: string): Array<Uint8Array<ArrayBuffer>> | undefined {
  let names: string[]
  try {
    names = readdirSync(dir).sort()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new MspConfigError(`could not read directory ${dir}: ${(err as Error).message}`, { cause: err })
  }
  const out: Array<Uint8Array<ArrayBuffer>> = []
  for (const name of names) {
    const path = join(dir, name)
    try {
      if (!statSync(path).isFile()) continue
      const bytes = new Uint8Array(readFileSync(path))
      if (/-----BEGIN [^-]+-----/.test(Buffer.from(bytes).toString('latin1'))) out.push(bytes)
    } catch {
      // Fabric logs and skips a file it cannot stat or read
    }
  }
  return out
}

interface OuConfig { Certificate?: unknown, OrganizationalUnitIdentifier?: unknown }
interface MspYaml {
  OrganizationalUnitIdentifiers?: OuConfig[]
  NodeOUs?: { Enable?: unknown, ClientOUIdentifier?: OuConfig, PeerOUIdentifier?: OuConfig, AdminOUIdentifier?: OuConfig, OrdererOUIdentifier?: OuConfig }
}

function readConfigYaml (dir: string): { ous: msp.FabricOUIdentifier[], nodeOUs?: msp.FabricNodeOUs } {
  const file = join(dir, 'config.yaml')
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ous: [] }
    throw new MspConfigError(`failed loading configuration file at [${file}]: ${(err as Error).message}`, { cause: err })
  }
  let conf: MspYaml
  try {
    conf = (parseYaml(text) ?? {}) as MspYaml
  } catch (err) {
    throw new MspConfigError(`failed unmarshalling configuration file at [${file}]: ${(err as Error).message}`, { cause: err })
  }
  const ous = (conf.OrganizationalUnitIdentifiers ?? []).map(ou => {
    const path = join(dir, String(ou.Certificate ?? ''))
    let certificate: Uint8Array<ArrayBuffer>
    try {
      certificate = new Uint8Array(readFileSync(path))
    } catch (err) {
      throw new MspConfigError(`failed loading OrganizationalUnit certificate at [${path}]: ${(err as Error).message}`, { cause: err })
    }
    return { certificate, organizationalUnitIdentifier: String(ou.OrganizationalUnitIdentifier ?? '') }
  })
  const n = conf.NodeOUs
  if (n == null || n.Enable !== true) return { ous }
  const identifier = (ou: OuConfig | undefined): msp.FabricOUIdentifier | undefined => {
    const id = ou?.OrganizationalUnitIdentifier
    if (typeof id !== 'string' || id === '') return undefined
    let certificate = new Uint8Array(0)
    if (typeof ou?.Certificate === 'string' && ou.Certificate !== '') {
      try {
        certificate = new Uint8Array(readFileSync(join(dir, ou.Certificate)))
      } catch {
        // Fabric warns and leaves the certificate out
      }
    }
    return { certificate, organizationalUnitIdentifier: id }
  }
  return {
    ous,
    nodeOUs: {
      enable: true,
      clientOuIdentifier: identifier(n.ClientOUIdentifier),
      peerOuIdentifier: identifier(n.PeerOUIdentifier),
      adminOuIdentifier: identifier(n.AdminOUIdentifier),
      ordererOuIdentifier: identifier(n.OrdererOUIdentifier)
    }
  }
}

/**
 * Reads the verifying `FabricMSPConfig` of the MSP folder `dir` for `mspId` (no signing identity).
 *
 * @throws {MspConfigError} when `cacerts/` is missing or empty, or config.yaml or a certificate it names
 *   cannot be read
 */
export function loadVerifyingMspConfig (dir: string, mspId: string): msp.FabricMSPConfig {
  const caDir = join(dir, 'cacerts')
  const rootCerts = pemFiles(caDir)
  if (rootCerts === undefined) throw new MspConfigError(`could not load a valid ca certificate from directory ${caDir}: no such directory`)
  if (rootCerts.length === 0) throw new MspConfigError(`no ca certificate found in directory ${caDir}`)
  const tlsRootCerts = pemFiles(join(dir, 'tlscacerts')) ?? []
  const { ous, nodeOUs } = readConfigYaml(dir)
  return {
    name: mspId,
    rootCerts,
    intermediateCerts: pemFiles(join(dir, 'intermediatecerts')) ?? [],
    admins: pemFiles(join(dir, 'admincerts')) ?? [],
    revocationList: pemFiles(join(dir, 'crls')) ?? [],
    organizationalUnitIdentifiers: ous,
    cryptoConfig: { ...FABRIC_CRYPTO_CONFIG },
    tlsRootCerts,
    tlsIntermediateCerts: tlsRootCerts.length > 0 ? pemFiles(join(dir, 'tlsintermediatecerts')) ?? [] : [],
    fabricNodeOus: nodeOUs
  }
}

/** Certificates given as PEM text, PEM bytes or DER bytes, as the PEM bytes a channel config stores. */
export function toPemBytes (input: CertificateInput): Uint8Array<ArrayBuffer> {
  if (typeof input === 'string') return new Uint8Array(Buffer.from(input, 'utf8'))
  const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1')
  if (text.includes('-----BEGIN')) return new Uint8Array(input)
  return new Uint8Array(Buffer.from(certificateDers(input).map(der => toPem('CERTIFICATE', der)).join(''), 'utf8'))
}

/**
 * A verifying `FabricMSPConfig` from certificates: the NodeOUs of cryptogen's `config.yaml` (OUs client,
 * peer, admin, orderer certified by the first root CA) when `nodeOUs` is set.
 */
export function fabricMspConfig (mspId: string, certs: {
  rootCerts: readonly CertificateInput[]
  intermediateCerts?: readonly CertificateInput[]
  admins?: readonly CertificateInput[]
  tlsRootCerts?: readonly CertificateInput[]
  tlsIntermediateCerts?: readonly CertificateInput[]
  nodeOUs?: boolean
}): msp.FabricMSPConfig {
  const rootCerts = certs.rootCerts.map(toPemBytes)
  const ou = (id: string): msp.FabricOUIdentifier => ({ certificate: rootCerts[0] ?? new Uint8Array(0), organizationalUnitIdentifier: id })
  return {
    name: mspId,
    rootCerts,
    intermediateCerts: (certs.intermediateCerts ?? []).map(toPemBytes),
    admins: (certs.admins ?? []).map(toPemBytes),
    revocationList: [],
    organizationalUnitIdentifiers: [],
    cryptoConfig: { ...FABRIC_CRYPTO_CONFIG },
    tlsRootCerts: (certs.tlsRootCerts ?? []).map(toPemBytes),
    tlsIntermediateCerts: (certs.tlsIntermediateCerts ?? []).map(toPemBytes),
    fabricNodeOus: certs.nodeOUs === true
      ? { enable: true, clientOuIdentifier: ou('client'), peerOuIdentifier: ou('peer'), adminOuIdentifier: ou('admin'), ordererOuIdentifier: ou('orderer') }
      : undefined
  }
}
