/**
 * Genesis block options from a folder in cryptogen's layout (`fgossip crypto generate`, Fabric's
 * `cryptogen generate`): `peerOrganizations/<domain>/` are the application orgs and
 * `ordererOrganizations/<domain>/` the orderer orgs, each with its verifying MSP in `msp/`.
 *
 * A cryptogen folder does not record MSP IDs; they follow the convention of cryptogen's sample config and
 * fabric-samples (and of `fgossip crypto generate`): a peer org `org1.example.com` is `Org1MSP` (its first
 * DNS label, capitalised, + `MSP`), the orderer org is `OrdererMSP`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ChannelConfigError } from './channel-config.js'
import type { AnchorPeerAddress } from './channel-config.js'
import type { CreateGenesisBlockOptions, EtcdRaftConsenter } from './genesis.js'

/** A node (peer or orderer) of a crypto folder. */
export interface CryptoFolderNode {
  /** e.g. `peer0.org1.example.com` */
  name: string
  dir: string
  /** `tls/server.crt`, when the folder has TLS material. */
  tlsCertPath?: string
}

/** An org of a crypto folder. */
export interface CryptoFolderOrg {
  mspId: string
  /** e.g. `org1.example.com`; `example.com` for the orderer org. */
  domain: string
  kind: 'peer' | 'orderer'
  dir: string
  /** The org's verifying MSP folder (`msp/`). */
  mspDir: string
  /** Peers or orderers, in natural name order (peer2 before peer10). */
  nodes: CryptoFolderNode[]
}

/** A crypto folder that is not in cryptogen's layout or lacks what was asked of it. */
export class CryptoFolderError extends Error {
  static override name = 'CryptoFolderError'
  override name = 'CryptoFolderError'

  constructor (message = 'not a crypto folder') {
    super(message)
  }
}

const natural = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true })

function subdirs (dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).filter(n => !n.startsWith('.') && statSync(join(dir, n)).isDirectory()).sort(natural)
}

/** The MSP ID the cryptogen convention gives an org: `Org1MSP` for `org1.example.com`, `OrdererMSP` for the orderer org. */
export function conventionalMspId (domain: string, kind: 'peer' | 'orderer'): string {
  if (kind === 'orderer') return 'OrdererMSP'
  const label = domain.split('.')[0]
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}MSP`
}

/**
 * The orgs of a crypto folder: peer orgs first (natural order of their domains), then orderer orgs.
 *
 * @throws {CryptoFolderError} when `dir` has neither `peerOrganizations/` nor `ordererOrganizations/`, an org
 *   has no `msp/`, or two orgs get the same MSP ID
 */
export function scanCryptoFolder (dir: string): CryptoFolderOrg[] {
  const root = resolve(dir)
  if (!existsSync(root)) throw new CryptoFolderError(`${root} does not exist`)
  const kinds = [['peer', 'peerOrganizations', 'peers'], ['orderer', 'ordererOrganizations', 'orderers']] as const
  if (!kinds.some(([, folder]) => existsSync(join(root, folder)))) {
    throw new CryptoFolderError(`${root} is not a crypto folder: it has neither peerOrganizations/ nor ordererOrganizations/`)
  }
  const orgs: CryptoFolderOrg[] = []
  for (const [kind, folder, nodesFolder] of kinds) {
    for (const domain of subdirs(join(root, folder))) {
      const orgDir = join(root, folder, domain)
      const mspDir = join(orgDir, 'msp')
      if (!existsSync(mspDir)) throw new CryptoFolderError(`${orgDir} has no msp/ folder`)
      const nodes = subdirs(join(orgDir, nodesFolder)).map(name => {
        const tlsCertPath = join(orgDir, nodesFolder, name, 'tls', 'server.crt')
        return { name, dir: join(orgDir, nodesFolder, name), tlsCertPath: existsSync(tlsCertPath) ? tlsCertPath : undefined }
      })
      orgs.push({ mspId: conventionalMspId(domain, kind), domain, kind, dir: orgDir, mspDir, nodes })
    }
  }
  const seen = new Map<string, string>()
  for (const org of orgs) {
    const other = seen.get(org.mspId)
    if (other !== undefined) throw new CryptoFolderError(`${org.dir} and ${other} would both be ${org.mspId}`)
    seen.set(org.mspId, org.dir)
  }
  return orgs
}

/** Options of {@link genesisOptionsFromCryptoFolder}. */
export interface CryptoFolderGenesisOptions {
  /** The crypto folder. */
  cryptoDir: string
  channelId: string
  /** The application orgs to include, by MSP ID. @default every peer org of the folder */
  orgs?: string[]
  /** Anchor peers per MSP ID. @default none */
  anchorPeers?: Record<string, AnchorPeerAddress[]>
  /**
   * The orderer endpoints (`host:port`), one per orderer node in order; they are the orderer org's
   * `Endpoints`, the channel's `OrdererAddresses` and the Raft consenters' addresses.
   * @default `<orderer node name>:7050` for each orderer node (fabric-samples)
   */
  ordererEndpoints?: string[]
  /** @default 'etcdraft' */
  ordererType?: 'etcdraft' | 'solo'
}

/** Fabric's default orderer port (`General.ListenPort`). */
export const DEFAULT_ORDERER_PORT = 7050

/**
 * The {@link CreateGenesisBlockOptions} of a channel of the orgs of a crypto folder: the chosen peer orgs
 * (their MSP folders and anchor peers) and the orderer org when there is one, with one Raft consenter per
 * orderer node (its `tls/server.crt` as client and server certificate, as fabric-samples).
 *
 * @throws {CryptoFolderError} for an unknown org, anchor peers of an org not in the channel, or a wrong
 *   number of orderer endpoints
 */
export function genesisOptionsFromCryptoFolder (opts: CryptoFolderGenesisOptions): CreateGenesisBlockOptions {
  const all = scanCryptoFolder(opts.cryptoDir)
  const peerOrgs = all.filter(o => o.kind === 'peer')
  const ordererOrgs = all.filter(o => o.kind === 'orderer')
  let chosen = peerOrgs
  if (opts.orgs !== undefined && opts.orgs.length > 0) {
    const known = new Map(peerOrgs.map(o => [o.mspId, o]))
    chosen = [...new Set(opts.orgs)].map(id => {
      const org = known.get(id)
      if (org === undefined) {
        throw new CryptoFolderError(`no peer org ${id} in ${resolve(opts.cryptoDir)} (it has ${peerOrgs.map(o => o.mspId).join(', ') || 'none'})`)
      }
      return org
    })
  }
  if (chosen.length === 0) throw new CryptoFolderError(`${resolve(opts.cryptoDir)} has no peer organisations`)
  for (const id of Object.keys(opts.anchorPeers ?? {})) {
    if (!chosen.some(o => o.mspId === id)) {
      throw new CryptoFolderError(`anchor peers for ${id}, which is not an org of the channel (${chosen.map(o => o.mspId).join(', ')})`)
    }
  }

  const ordererNodes = ordererOrgs.flatMap(org => org.nodes.map(node => ({ org, node })))
  const endpoints = opts.ordererEndpoints ?? ordererNodes.map(({ node }) => `${node.name}:${DEFAULT_ORDERER_PORT}`)
  if (opts.ordererEndpoints !== undefined && endpoints.length !== ordererNodes.length) {
    throw new CryptoFolderError(`${endpoints.length} orderer endpoint(s) given for ${ordererNodes.length} orderer node(s) (${ordererNodes.map(n => n.node.name).join(', ') || 'none'})`)
  }
  const consenters: EtcdRaftConsenter[] = ordererNodes.map(({ node }, i) => {
    const { host, port } = splitHostPort(endpoints[i], `orderer endpoint ${i + 1}`)
    const cert = node.tlsCertPath === undefined ? undefined : new Uint8Array(readFileSync(node.tlsCertPath))
    return { host, port, clientTlsCert: cert, serverTlsCert: cert }
  })

  return {
    channelId: opts.channelId,
    applicationOrgs: chosen.map(org => ({ mspId: org.mspId, mspDir: org.mspDir, anchorPeers: opts.anchorPeers?.[org.mspId] ?? [] })),
    ordererOrgs: ordererOrgs.map(org => ({
      mspId: org.mspId,
      mspDir: org.mspDir,
      endpoints: ordererNodes.flatMap(({ org: o }, i) => o === org ? [endpoints[i]] : [])
    })),
    ordererType: opts.ordererType,
    consenters
  }
}

function splitHostPort (value: string, what: string): AnchorPeerAddress {
  const m = /^(?:\[([^\]]+)\]|([^:\s[\]]+)):(\d{1,5})$/.exec(value)
  const port = m === null ? NaN : Number(m[3])
  if (m === null || port < 1 || port > 65535) throw new ChannelConfigError(what, `'${value}' is not host:port`)
  return { host: m[1] ?? m[2], port }
}
