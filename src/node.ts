/**
 * The composition root: turns a `NodeConfig` into a running node: the MSP identity and the orgs it trusts,
 * a libp2p node (TCP, Noise, yamux, identify, ping, Prometheus metrics) with the gossip comm service, the
 * bootstrap connector and the operations server. Only this file (with `cli/` and `api/`) sees everything.
 */
import './shim.js'
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { createLibp2p, type Libp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify, type Identify } from '@libp2p/identify'
import { ping, type Ping } from '@libp2p/ping'
import { prometheusMetrics } from '@libp2p/prometheus-metrics'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import { Registry } from 'prom-client'
import { gossipComm, type Comm } from './comm/index.js'
import { loadSigningIdentity, MspManager, pkiIdToHex, type SigningIdentity } from './identity/index.js'
import { endpointHostPort, internalEndpoint, parseEndpoint, type NodeConfig } from './config/index.js'
import { OperationsServer } from './api/operations.js'
import { createLogger } from './logging.js'
import { BootstrapConnector } from './membership/bootstrap.js'
import type { PrivateKey } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

export type GossipLibp2p = Libp2p<{ identify: Identify, ping: Ping, comm: Comm }>

export interface GossipNodeOptions {
  /** Start the operations server. @default true */
  operations?: boolean
}

/** The `GET /status` document. */
export interface NodeStatus {
  id: string
  peerId: string
  pkiId: string
  mspId: string
  endpoint: string
  externalEndpoint: string
  listenAddresses: string[]
  operations?: string
  startedAt: string
  connections: Array<{ pkiId: string, peerId: string, mspId: string, remoteAddr: string, direction: string, connectedAt: string }>
  members: unknown[]
  channels: Record<string, unknown>
}

const log = createLogger('node')

/** Runs `fn`, prefixing an error with the configuration key it concerns. */
function withKey<T> (key: string, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    throw new Error(`${key}: ${(err as Error).message}`, { cause: err })
  }
}

/** Loads the node's libp2p key from `<fileSystemPath>/libp2p/peer.key`, creating it (Ed25519) on first start. */
export async function loadOrCreatePeerKey (fileSystemPath: string): Promise<PrivateKey> {
  const dir = join(fileSystemPath, 'libp2p')
  const file = join(dir, 'peer.key')
  try {
    return privateKeyFromProtobuf(await readFile(file))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read the libp2p key ${file}: ${(err as Error).message}`)
  }
  const key = await generateKeyPair('Ed25519')
  await mkdir(dir, { recursive: true, mode: 0o700 })
  await writeFile(`${file}.tmp`, privateKeyToProtobuf(key), { mode: 0o600 })
  await rename(`${file}.tmp`, file)
  return key
}

/**
 * The bootstrap endpoints worth dialling: Fabric's default (`127.0.0.1:7051`) is the peer itself, and like
 * Fabric's discovery we never dial our own endpoints or a loopback address on our own port.
 */
export function bootstrapEndpoints (config: NodeConfig): Multiaddr[] {
  const p = config.peer
  const own = [p.listenAddress, p.address, p.gossip.endpoint, p.gossip.externalEndpoint]
    .filter(e => e !== '')
    .map(e => endpointHostPort(e, 'peer.address'))
  const ownPorts = new Set(own.map(o => o.port))
  const loopback = (h: string): boolean => h === 'localhost' || h === '::1' || h.startsWith('127.')
  return p.gossip.bootstrap.flatMap((b, i) => {
    const key = `peer.gossip.bootstrap[${i}]`
    const ma = parseEndpoint(b, key)
    // a /p2p PeerId says who the remote is; a /dnsaddr has no host and port to compare with ours
    if (ma.getComponents().some(c => c.name === 'p2p' || c.name === 'dnsaddr')) return [ma]
    const hp = endpointHostPort(b, key)
    const self = own.some(o => o.host === hp.host && o.port === hp.port) || (loopback(hp.host) && ownPorts.has(hp.port))
    return self ? [] : [ma]
  })
}

/** A gossip node: create with `GossipNode.create(config)`, then `start()` and `stop()`. */
export class GossipNode {
  readonly config: NodeConfig
  readonly identity: SigningIdentity
  readonly msps: MspManager
  readonly libp2p: GossipLibp2p
  readonly registry: Registry
  readonly operations: OperationsServer | undefined
  private readonly bootstrap: BootstrapConnector
  private startedAt = new Date(0)

  private constructor (config: NodeConfig, identity: SigningIdentity, msps: MspManager, libp2p: GossipLibp2p, registry: Registry, ops: { host: string, port: number } | undefined) {
    this.config = config
    this.identity = identity
    this.msps = msps
    this.libp2p = libp2p
    this.registry = registry
    this.operations = ops == null
      ? undefined
      : new OperationsServer({
        host: ops.host,
        port: ops.port,
        registry,
        status: () => this.status(),
        healthChecks: [{
          component: 'libp2p',
          check: () => libp2p.status === 'started' ? undefined : `libp2p is ${libp2p.status}`
        }]
      })
    const g = config.peer.gossip
    this.bootstrap = new BootstrapConnector({
      comm: libp2p.services.comm,
      endpoints: bootstrapEndpoints(config),
      maxConnectionAttempts: g.maxConnectionAttempts,
      retryInterval: Math.min(g.reconnectInterval, 5000)
    })
  }

  static async create (config: NodeConfig, options: GossipNodeOptions = {}): Promise<GossipNode> {
    const p = config.peer
    const g = p.gossip
    const identity = withKey('peer.mspConfigPath', () => loadSigningIdentity(p.mspConfigPath, p.localMspId))
    const msps = new MspManager()
    withKey('peer.mspConfigPath', () => { msps.addMspFolder(p.mspConfigPath, p.localMspId) })
    for (const [i, extra] of p.knownMsps.entries()) {
      try {
        msps.addMspFolder(extra.path, extra.mspId)
      } catch (err) {
        throw new Error(`peer.knownMsps[${i}]: ${(err as Error).message}`)
      }
    }
    const listen = parseEndpoint(p.listenAddress, 'peer.listenAddress')
    const registry = new Registry()
    const privateKey = await loadOrCreatePeerKey(p.fileSystemPath)
    const libp2p = await createLibp2p({
      privateKey,
      start: false,
      addresses: { listen: [listen.toString()] },
      transports: [tcp()],
      connectionEncrypters: [noise()],
      streamMuxers: [yamux()],
      connectionManager: {
        // many peers on one host (tests, local clusters) dial in bursts; the default admits 5 per second per host
        inboundConnectionThreshold: 1000,
        allow: ['/ip4/127.0.0.0/ipcidr/8', '/ip6/::1/ipcidr/128']
      },
      metrics: prometheusMetrics({ registry, collectDefaultMetrics: true, preserveExistingMetrics: true }),
      services: {
        identify: identify(),
        ping: ping(),
        comm: gossipComm({
          signer: identity,
          validator: msps,
          dialTimeout: g.dialTimeout,
          connTimeout: g.connTimeout,
          sendBuffSize: g.sendBuffSize,
          maxMessageSize: g.maxMessageSize,
          maxControlMessageSize: g.maxControlMessageSize,
          registry
        })
      }
    })
    const ops = options.operations !== false ? endpointHostPort(config.operations.listenAddress, 'operations.listenAddress') : undefined
    return new GossipNode(config, identity, msps, libp2p, registry, ops)
  }

  get comm (): Comm { return this.libp2p.services.comm }

  /** The addresses others can dial (listen addresses with the PeerId). */
  multiaddrs (): Multiaddr[] { return this.libp2p.getMultiaddrs() }

  async start (): Promise<void> {
    try {
      await this.libp2p.start()
    } catch (err) {
      throw new Error(`peer.listenAddress ${this.config.peer.listenAddress}: ${(err as Error).message}`)
    }
    try {
      await this.operations?.start()
    } catch (err) {
      await this.libp2p.stop()
      throw new Error(`operations.listenAddress ${this.config.operations.listenAddress}: ${(err as Error).message}`)
    }
    this.startedAt = new Date()
    const ops = this.operations?.address()
    log.info(`${this.config.peer.id} (${this.identity.mspId}) started: peerId ${this.libp2p.peerId.toString()}, pkiId ${pkiIdToHex(this.identity.pkiId)}`)
    log.info(`listening on ${this.multiaddrs().map(m => m.toString()).join(', ')}${ops != null ? `; operations on http://${ops.host}:${ops.port}` : ''}`)
    this.bootstrap.start()
  }

  async stop (): Promise<void> {
    this.bootstrap.stop()
    await this.operations?.stop()
    await this.libp2p.stop()
    log.info(`${this.config.peer.id} stopped`)
  }

  status (): NodeStatus {
    const g = this.config.peer.gossip
    const ops = this.operations?.address()
    return {
      id: this.config.peer.id,
      peerId: this.libp2p.peerId.toString(),
      pkiId: pkiIdToHex(this.identity.pkiId),
      mspId: this.identity.mspId,
      endpoint: internalEndpoint(this.config),
      externalEndpoint: g.externalEndpoint,
      listenAddresses: this.multiaddrs().map(m => m.toString()),
      ...(ops != null ? { operations: `${ops.host}:${ops.port}` } : {}),
      startedAt: this.startedAt.toISOString(),
      connections: this.comm.connectedPeers().map(c => ({
        pkiId: c.pkiIdHex,
        peerId: c.peerId.toString(),
        mspId: c.identity.mspId,
        remoteAddr: c.remoteAddr.toString(),
        direction: c.direction,
        connectedAt: new Date(c.connectedAt).toISOString()
      })),
      members: [],
      channels: {}
    }
  }
}

