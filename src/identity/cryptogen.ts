/**
 * `fgossip crypto generate`: the crypto material of a test network in exactly the layout of Fabric's
 * `cryptogen generate` (Fabric 2.x, NodeOUs enabled as in fabric-samples):
 *
 * ```
 * <out>/peerOrganizations/org1.example.com/
 *   ca/{ca.org1.example.com-cert.pem, priv_sk}
 *   tlsca/{tlsca.org1.example.com-cert.pem, priv_sk}
 *   msp/{cacerts/ca.org1.example.com-cert.pem, tlscacerts/tlsca.org1.example.com-cert.pem, config.yaml}
 *   peers/peer0.org1.example.com/
 *     msp/{cacerts/..., tlscacerts/..., signcerts/peer0.org1.example.com-cert.pem, keystore/priv_sk, config.yaml}
 *     tls/{ca.crt, server.crt, server.key}
 *   users/Admin@org1.example.com/{msp/..., tls/{ca.crt, client.crt, client.key}}
 *   users/User1@org1.example.com/...
 * <out>/ordererOrganizations/example.com/
 *   ca/ tlsca/ msp/ orderers/orderer.example.com/{msp,tls} users/Admin@example.com/
 * ```
 * Every MSP folder also has an empty `admincerts/`, as cryptogen 2.x leaves it. With `nodeOUs: false`
 * the Admin certificate goes to `admincerts/` of the org MSP and of every node instead of `config.yaml`
 * (cryptogen's `copyAdminCert`), and certificates carry no OU.
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { createCA, issueCertificate } from './ca.js'
import type { CertificateAuthority, IssuedCertificate } from './ca.js'

export { createCA, issueCertificate, loadCA, defaultNotBefore } from './ca.js'
export type { CertificateAuthority, IssuedCertificate, CreateCAOptions, IssueOptions, SubjectDefaults } from './ca.js'

/** Options of {@link generateCryptoMaterial}. */
export interface GenerateCryptoOptions {
  /** Output folder (cryptogen's `--output`); created if needed. */
  out: string
  /** Number of peer organisations: org1..orgN, MSP IDs Org1MSP..OrgNMSP. */
  orgs: number
  /** Peers per organisation: peer0..peer(M-1). */
  peers: number
  /** Also generate the orderer organisation (`ordererOrganizations/<domain>`, OrdererMSP). @default false */
  orderer?: boolean
  /** Orderer nodes: `orderer`, `orderer2`, ... @default 1 */
  orderers?: number
  /** Base domain: peer orgs are `org<i>.<domain>`, the orderer org is `<domain>`. @default 'example.com' */
  domain?: string
  /** Ordinary users per organisation (User1..UserN), besides Admin. @default 1 */
  users?: number
  /** TLS CA and `tls/` folders, as cryptogen always writes them. @default true */
  tls?: boolean
  /** NodeOUs (config.yaml, OU peer/orderer/client/admin); false writes admincerts/ instead. @default true */
  nodeOUs?: boolean
  /** Replace organisation folders that already exist instead of failing. @default false */
  force?: boolean
  /** notBefore of every certificate. @default now rounded to the minute, minus 5 minutes */
  notBefore?: Date
  /** notAfter of every certificate. @default notBefore + 3650 days */
  notAfter?: Date
}

/** NodeOU roles, as cryptogen names them. */
export type NodeRole = 'peer' | 'orderer' | 'client' | 'admin'

/** Where one node's or user's material was written (absolute paths). */
export interface NodeMaterial {
  /** e.g. `peer0.org1.example.com`, `Admin@org1.example.com`. */
  name: string
  role: NodeRole
  /** Host name for nodes (`peer0`), '' for users. */
  hostname: string
  dir: string
  mspDir: string
  /** `msp/signcerts/<name>-cert.pem` */
  certPath: string
  /** `msp/keystore/priv_sk` */
  keyPath: string
  /** `tls/`, or undefined without TLS. */
  tlsDir?: string
  /** `tls/server.crt` (nodes) or `tls/client.crt` (users). */
  tlsCertPath?: string
  /** `tls/server.key` or `tls/client.key`. */
  tlsKeyPath?: string
}

/** Where one organisation's material was written (absolute paths). */
export interface OrgMaterial {
  mspId: string
  /** `org1.example.com`, or `example.com` for the orderer org. */
  domain: string
  kind: 'peer' | 'orderer'
  dir: string
  /** The org's verifying MSP (`msp/`), what {@link MspManager.addMspFolder} reads. */
  mspDir: string
  caCertPath: string
  caKeyPath: string
  tlsCaCertPath?: string
  tlsCaKeyPath?: string
  /** Peers (peer orgs) or orderers (orderer org). */
  nodes: NodeMaterial[]
  /** Admin first, then User1..UserN (the orderer org has Admin only). */
  users: NodeMaterial[]
}

/** What {@link generateCryptoMaterial} wrote. */
export interface CryptoLayout {
  /** Absolute output folder. */
  out: string
  /** Peer organisations, org1 first. */
  orgs: OrgMaterial[]
  ordererOrg?: OrgMaterial
  /** Number of files written. */
  files: number
}

interface OrgSpec {
  kind: 'peer' | 'orderer'
  mspId: string
  domain: string
  dir: string
  nodes: Array<{ hostname: string, role: NodeRole }>
  userCount: number
}

interface Writer {
  files: number
  mkdir: (dir: string) => Promise<void>
  write: (path: string, content: string, secret?: boolean) => Promise<void>
}

function nodeOuConfig (caFile: string): string {
  const id = (ou: string): string => `    Certificate: ${caFile}\n    OrganizationalUnitIdentifier: ${ou}\n`
  return 'NodeOUs:\n  Enable: true\n' +
    `  ClientOUIdentifier:\n${id('client')}` +
    `  PeerOUIdentifier:\n${id('peer')}` +
    `  AdminOUIdentifier:\n${id('admin')}` +
    `  OrdererOUIdentifier:\n${id('orderer')}`
}

const certFile = (name: string): string => `${name}-cert.pem`

async function exists (path: string): Promise<boolean> {
  try { await stat(path); return true } catch { return false }
}

/** Writes the CA certs (+ config.yaml or admincerts) every MSP folder holds. */
async function writeVerifyingMsp (w: Writer, mspDir: string, ca: CertificateAuthority, tlsCa: CertificateAuthority | undefined,
  nodeOUs: boolean, adminCert: { name: string, pem: string } | undefined): Promise<void> {
  await w.write(join(mspDir, 'cacerts', certFile(ca.name)), ca.certPem)
  if (tlsCa !== undefined) await w.write(join(mspDir, 'tlscacerts', certFile(tlsCa.name)), tlsCa.certPem)
  if (nodeOUs) {
    await w.write(join(mspDir, 'config.yaml'), nodeOuConfig(`cacerts/${certFile(ca.name)}`))
    await w.mkdir(join(mspDir, 'admincerts')) // cryptogen creates it, empty, with NodeOUs
  } else if (adminCert !== undefined) {
    await w.write(join(mspDir, 'admincerts', certFile(adminCert.name)), adminCert.pem)
  }
}

async function generateOrg (spec: OrgSpec, opts: GenerateCryptoOptions, w: Writer): Promise<OrgMaterial> {
  const validity = { notBefore: opts.notBefore, notAfter: opts.notAfter }
  const tls = opts.tls !== false
  const nodeOUs = opts.nodeOUs !== false
  const [ca, tlsCa] = await Promise.all([
    createCA(`ca.${spec.domain}`, { organization: spec.domain, ...validity }),
    tls ? createCA(`tlsca.${spec.domain}`, { organization: spec.domain, ...validity }) : undefined
  ])

  const members = [
    ...spec.nodes.map(n => ({ name: `${n.hostname}.${spec.domain}`, hostname: n.hostname, role: n.role, sub: spec.kind === 'peer' ? 'peers' : 'orderers' })),
    { name: `Admin@${spec.domain}`, hostname: '', role: 'admin' as NodeRole, sub: 'users' },
    ...Array.from({ length: spec.userCount }, (_, i) => ({ name: `User${i + 1}@${spec.domain}`, hostname: '', role: 'client' as NodeRole, sub: 'users' }))
  ]
  const issued = await Promise.all(members.map(async m => {
    const sign = issueCertificate(ca, { cn: m.name, ou: nodeOUs ? m.role : undefined, ...validity })
    const tlsCert: Promise<IssuedCertificate | undefined> = tlsCa === undefined
      ? Promise.resolve(undefined)
      : issueCertificate(tlsCa, { cn: m.name, tls: true, sans: m.hostname === '' ? [] : [m.name, m.hostname], ...validity })
    return { ...m, sign: await sign, tls: await tlsCert }
  }))
  const admin = issued.find(m => m.role === 'admin')
  const adminCert = admin === undefined ? undefined : { name: admin.name, pem: admin.sign.certPem }

  const orgMsp = join(spec.dir, 'msp')
  await w.write(join(spec.dir, 'ca', certFile(ca.name)), ca.certPem)
  await w.write(join(spec.dir, 'ca', 'priv_sk'), ca.keyPem, true)
  if (tlsCa !== undefined) {
    await w.write(join(spec.dir, 'tlsca', certFile(tlsCa.name)), tlsCa.certPem)
    await w.write(join(spec.dir, 'tlsca', 'priv_sk'), tlsCa.keyPem, true)
  }
  await writeVerifyingMsp(w, orgMsp, ca, tlsCa, nodeOUs, adminCert)

  const materials: NodeMaterial[] = []
  for (const m of issued) {
    const dir = join(spec.dir, m.sub, m.name)
    const mspDir = join(dir, 'msp')
    const material: NodeMaterial = {
      name: m.name,
      role: m.role,
      hostname: m.hostname,
      dir,
      mspDir,
      certPath: join(mspDir, 'signcerts', certFile(m.name)),
      keyPath: join(mspDir, 'keystore', 'priv_sk')
    }
    await w.write(material.certPath, m.sign.certPem)
    await w.write(material.keyPath, m.sign.keyPem, true)
    await writeVerifyingMsp(w, mspDir, ca, tlsCa, nodeOUs, adminCert)
    if (m.tls !== undefined && tlsCa !== undefined) {
      const prefix = m.sub === 'users' ? 'client' : 'server'
      material.tlsDir = join(dir, 'tls')
      material.tlsCertPath = join(material.tlsDir, `${prefix}.crt`)
      material.tlsKeyPath = join(material.tlsDir, `${prefix}.key`)
      await w.write(join(material.tlsDir, 'ca.crt'), tlsCa.certPem)
      await w.write(material.tlsCertPath, m.tls.certPem)
      await w.write(material.tlsKeyPath, m.tls.keyPem, true)
    }
    materials.push(material)
  }

  return {
    mspId: spec.mspId,
    domain: spec.domain,
    kind: spec.kind,
    dir: spec.dir,
    mspDir: orgMsp,
    caCertPath: join(spec.dir, 'ca', certFile(ca.name)),
    caKeyPath: join(spec.dir, 'ca', 'priv_sk'),
    tlsCaCertPath: tlsCa === undefined ? undefined : join(spec.dir, 'tlsca', certFile(tlsCa.name)),
    tlsCaKeyPath: tlsCa === undefined ? undefined : join(spec.dir, 'tlsca', 'priv_sk'),
    nodes: materials.filter(m => m.role === 'peer' || m.role === 'orderer'),
    users: materials.filter(m => m.role === 'admin' || m.role === 'client')
  }
}

function checkCount (name: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < min)) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${String(value)}`)
  }
}

/**
 * Generates the crypto material of `orgs` peer organisations with `peers` peers each (and, with
 * `orderer`, the orderer organisation) in cryptogen's layout under `out`, and describes what it wrote.
 *
 * @throws {RangeError} for invalid counts or domain
 * @throws {Error} when an organisation folder already exists and `force` is not set
 */
export async function generateCryptoMaterial (opts: GenerateCryptoOptions): Promise<CryptoLayout> {
  checkCount('orgs', opts.orgs, 1)
  checkCount('peers', opts.peers, 1)
  checkCount('users', opts.users, 0)
  checkCount('orderers', opts.orderers, 1)
  const domain = opts.domain ?? 'example.com'
  if (!/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(domain)) {
    throw new RangeError(`domain '${domain}' is not a valid DNS name`)
  }
  if (opts.notBefore !== undefined && opts.notAfter !== undefined && opts.notAfter <= opts.notBefore) {
    throw new RangeError('notAfter must be later than notBefore')
  }
  const out = resolve(opts.out)
  const specs: OrgSpec[] = Array.from({ length: opts.orgs }, (_, i) => ({
    kind: 'peer',
    mspId: `Org${i + 1}MSP`,
    domain: `org${i + 1}.${domain}`,
    dir: join(out, 'peerOrganizations', `org${i + 1}.${domain}`),
    nodes: Array.from({ length: opts.peers }, (_, p) => ({ hostname: `peer${p}`, role: 'peer' as NodeRole })),
    userCount: opts.users ?? 1
  }))
  if (opts.orderer === true) {
    specs.push({
      kind: 'orderer',
      mspId: 'OrdererMSP',
      domain,
      dir: join(out, 'ordererOrganizations', domain),
      nodes: Array.from({ length: opts.orderers ?? 1 }, (_, o) => ({ hostname: o === 0 ? 'orderer' : `orderer${o + 1}`, role: 'orderer' as NodeRole })),
      userCount: 0
    })
  }

  for (const spec of specs) {
    if (await exists(spec.dir)) {
      if (opts.force !== true) throw new Error(`${spec.dir} already exists (use force to replace it)`)
      await rm(spec.dir, { recursive: true, force: true })
    }
  }

  const madeDirs = new Set<string>()
  const w: Writer = {
    files: 0,
    async mkdir (dir) {
      if (!madeDirs.has(dir)) { await mkdir(dir, { recursive: true }); madeDirs.add(dir) }
    },
    async write (path, content, secret = false) {
      await w.mkdir(dirname(path))
      await writeFile(path, content, { mode: secret ? 0o600 : 0o644 })
      w.files++
    }
  }
  const orgs = await Promise.all(specs.map(async spec => await generateOrg(spec, opts, w)))
  return {
    out,
    orgs: orgs.filter(o => o.kind === 'peer'),
    ordererOrg: orgs.find(o => o.kind === 'orderer'),
    files: w.files
  }
}
