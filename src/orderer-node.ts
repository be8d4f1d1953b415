/**
 * The ordering service node (composition root, like `node.ts` for a peer): a libp2p node (TCP, Noise,
 * yamux, identify, ping) with the Broadcast and Deliver protocols, one chain per channel (from its genesis
 * block: orgs, orderer orgs, batch rules) on a persistent block store under `FileLedger.Location`, signed by
 * this orderer's MSP identity, and an operations server:
 *
 *   GET  /healthz, /metrics, /status   as a peer's
 *   POST /broadcast                    body: a marshalled common.Envelope; 200 {status: "SUCCESS"} when
 *                                      accepted for ordering, else 4xx/5xx {status, info}
 *   GET  /channels/{name}/blocks/{n}   a written block's bytes; 404 when absent
 *
 * A single orderer (Fabric's solo). A replicated service (Raft, BFT) would plug in behind the same two
 * protocols: `Chain` is the seam, where a consenter would order envelopes before blocks are written.
 */
import './shim.js'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createLibp2p, type Libp2p } from 'libp2p'
import type { Identify } from '@libp2p/identify'
import type { Ping } from '@libp2p/ping'
import { libp2pStack, stackMetrics, stackServices } from './libp2p-stack.js'
import { Gauge, Registry } from 'prom-client'
import { loadSigningIdentity, MspManager, type SigningIdentity } from './identity/index.js'
import { endpointHostPort } from './config/index.js'
import { ConfigError } from './config/errors.js'
import { OperationsServer, readBody, sendJson, BodyTooLargeError } from './api/operations.js'
import { readChannelConfig, type ChannelConfig } from './wire/config-block.js'
import { common } from './pb/common.js'
import { orderer } from './pb/orderer.js'
import { Chain } from './orderer/chain.js'
import { OrderingService } from './orderer/service.js'
import type { AdmissionPorts } from './orderer/admission.js'
import type { OrdererConfig } from './orderer/config.js'
import { loadOrCreatePeerKey } from './node.js'
import { createLogger } from './logging.js'
import type { Multiaddr } from '@multiformats/multiaddr'

const log = createLogger('orderer')

/** HTTP status of each broadcast status. */
const HTTP_STATUS: Record<orderer.Status, number> = {
  [orderer.Status.UNKNOWN]: 500,
  [orderer.Status.SUCCESS]: 200,
  [orderer.Status.BAD_REQUEST]: 400,
  [orderer.Status.FORBIDDEN]: 403,
  [orderer.Status.NOT_FOUND]: 404,
  [orderer.Status.REQUEST_ENTITY_TOO_LARGE]: 413,
  [orderer.Status.INTERNAL_SERVER_ERROR]: 500,
  [orderer.Status.NOT_IMPLEMENTED]: 501,
  [orderer.Status.SERVICE_UNAVAILABLE]: 503
}

type OrdererLibp2p = Libp2p<{ identify: Identify, ping: Ping }>

interface ChannelEntry {
  config: ChannelConfig
  chain: Chain
  applicationOrgs: ReadonlySet<string>
  ordererOrgs: ReadonlySet<string>
}

export interface OrdererStatus {
  mspId: string
  peerId: string
  listenAddresses: string[]
  operations?: string
  channels: Record<string, { height: number, batch: ChannelConfig['batch'] }>
}

export class OrdererNode {
  readonly config: OrdererConfig
  readonly identity: SigningIdentity
  readonly libp2p: OrdererLibp2p
  readonly registry: Registry
  readonly service: OrderingService
  readonly operations: OperationsServer | undefined
  private readonly channels: Map<string, ChannelEntry>

  private constructor (config: OrdererConfig, identity: SigningIdentity, libp2p: OrdererLibp2p, registry: Registry, channels: Map<string, ChannelEntry>, msps: MspManager, ops: { host: string, port: number } | undefined) {
    this.config = config
    this.identity = identity
    this.libp2p = libp2p
    this.registry = registry
    this.channels = channels
    const admission: AdmissionPorts = {
      validate: (serialized, now) => msps.validate(serialized, now),
      verify: (serialized, data, signature) => msps.verify(serialized, data, signature),
      channel: id => channels.get(id)
    }
    const maxEnvelope = Math.max(0, ...[...channels.values()].map(c => c.chain.batch.absoluteMaxBytes)) + 64 * 1024
    this.service = new OrderingService({ chain: id => channels.get(id)?.chain, admission, maxEnvelopeSize: maxEnvelope, registry })
    this.operations = ops == null
      ? undefined
      : new OperationsServer({
        host: ops.host,
        port: ops.port,
        registry,
        status: () => this.status(),
        healthChecks: [
          { component: 'libp2p', check: () => libp2p.status === 'started' ? undefined : `libp2p is ${libp2p.status}` },
          ...[...channels.values()].map(c => ({ component: `channel ${c.config.channelId}`, check: () => { const e = c.chain.haltedBy(); return e == null ? undefined : `halted: ${e.message}` } }))
        ]
      })
    this.operations?.addRoute({
      method: 'POST',
      path: /^\/broadcast$/,
      handle: async (req, res) => {
        let body: Buffer
        try {
          body = await readBody(req, maxEnvelope)
        } catch (err) {
          if (err instanceof BodyTooLargeError) { sendJson(res, 413, { status: orderer.Status.REQUEST_ENTITY_TOO_LARGE, info: err.message }); return }
          throw err
        }
        const result = this.service.broadcast(new Uint8Array(body))
        sendJson(res, HTTP_STATUS[result.status] ?? 500, { status: result.status, info: result.info, ...(result.channelId != null ? { channel: result.channelId } : {}) })
      }
    })
    this.operations?.addRoute({
      method: 'GET',
      path: /^\/channels\/(?<name>[^/]+)\/blocks\/(?<n>\d{1,20})$/,
      handle: async (_req, res, params) => {
        const chain = channels.get(decodeURIComponent(params.name))?.chain
        const bytes = chain == null ? undefined : await chain.getBlock(BigInt(params.n))
        if (bytes == null) { sendJson(res, 404, { error: `no block ${params.n} in channel ${params.name}` }); return }
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.byteLength })
        res.end(bytes)
      }
    })
  }

  /**
   * Builds the orderer from its configuration: identity, channels (their stores opened), libp2p node.
   * @throws ConfigError naming the key of what cannot be loaded
   */
  static async create (config: OrdererConfig, options: { operations?: boolean } = {}): Promise<OrdererNode> {
    const g = config.general
    let identity: SigningIdentity
    try {
      identity = loadSigningIdentity(g.localMspDir, g.localMspId)
    } catch (err) {
      throw new ConfigError('General.LocalMSPDir', (err as Error).message, { cause: err })
    }
    const msps = new MspManager()
    const registry = new Registry()
    const height = new Gauge({ name: 'ledger_blockchain_height', help: 'Blocks written per channel (Fabric orderer metric)', labelNames: ['channel'], registers: [registry] })
    const channels = new Map<string, ChannelEntry>()
    try {
      for (const [i, file] of config.channels.entries()) {
        let genesis: common.Block
        let channel: ChannelConfig
        try {
          genesis = common.Block.decode(await readFile(file))
          channel = readChannelConfig(genesis)
        } catch (err) {
          throw new ConfigError(`Channels[${i}]`, `${file}: not a channel genesis block: ${(err as Error).message}`, { cause: err })
        }
        if (channel.batch == null) throw new ConfigError(`Channels[${i}]`, `${file}: the channel config has no Orderer batch values`)
        if (!channel.ordererOrgs.some(o => o.mspId === identity.mspId)) throw new ConfigError(`Channels[${i}]`, `${file}: ${identity.mspId} is not an orderer org of channel ${channel.channelId}`)
        if (channels.has(channel.channelId)) throw new ConfigError(`Channels[${i}]`, `${file}: channel ${channel.channelId} is listed twice`)
        for (const org of [...channel.applicationOrgs, ...channel.ordererOrgs]) {
          if (org.mspType === 'fabric' && !msps.hasOrg(org.mspId)) msps.addOrg(org.mspId, org.rootCerts, org.intermediateCerts)
        }
        const channelId = channel.channelId
        const chain = await Chain.open({
          channelId,
          genesis,
          batch: channel.batch,
          dir: join(config.fileLedger.location, 'chains', encodeURIComponent(channelId)),
          signer: identity,
          onBlock: (n) => { height.set({ channel: channelId }, Number(n) + 1) }
        })
        height.set({ channel: channelId }, Number(chain.height()))
        channels.set(channelId, { config: channel, chain, applicationOrgs: new Set(channel.applicationOrgs.map(o => o.mspId)), ordererOrgs: new Set(channel.ordererOrgs.map(o => o.mspId)) })
      }
    } catch (err) {
      for (const c of channels.values()) await c.chain.close()
      throw err
    }
    const privateKey = await loadOrCreatePeerKey(config.fileLedger.location)
    const host = g.listenAddress.includes(':') ? `/ip6/${g.listenAddress}` : /^[\d.]+$/.test(g.listenAddress) ? `/ip4/${g.listenAddress}` : `/dns/${g.listenAddress}`
    const libp2p = await createLibp2p({
      privateKey,
      start: false,
      addresses: { listen: [`${host}/tcp/${g.listenPort}`] },
      ...libp2pStack(),
      metrics: stackMetrics(registry),
      services: stackServices()
    })
    const ops = options.operations !== false ? endpointHostPort(config.operations.listenAddress, 'Operations.ListenAddress') : undefined
    return new OrdererNode(config, identity, libp2p, registry, channels, msps, ops)
  }

  multiaddrs (): Multiaddr[] { return this.libp2p.getMultiaddrs() }

  async start (): Promise<void> {
    try {
      await this.libp2p.start()
    } catch (err) {
      await this.closeChains()
      throw new Error(`General.ListenAddress/ListenPort ${this.config.general.listenAddress}:${this.config.general.listenPort}: ${(err as Error).message}`)
    }
    await this.service.start(this.libp2p)
    try {
      await this.operations?.start()
    } catch (err) {
      await this.service.stop()
      await this.libp2p.stop()
      await this.closeChains()
      throw new Error(`Operations.ListenAddress ${this.config.operations.listenAddress}: ${(err as Error).message}`)
    }
    const ops = this.operations?.address()
    log.info(`orderer (${this.identity.mspId}) started: peerId ${this.libp2p.peerId.toString()}, listening on ${this.multiaddrs().map(m => m.toString()).join(', ')}` +
      `${ops != null ? `; operations on http://${ops.host}:${ops.port}` : ''}; channels ${[...this.channels.keys()].join(', ') || 'none'}`)
  }

  async stop (): Promise<void> {
    await this.service.stop()
    await this.closeChains()
    await this.operations?.stop()
    await this.libp2p.stop()
    log.info('orderer stopped')
  }

  /** The chain of a channel (tests, tools). */
  chain (channelId: string): Chain | undefined {
    return this.channels.get(channelId)?.chain
  }

  status (): OrdererStatus {
    const ops = this.operations?.address()
    const channels: OrdererStatus['channels'] = {}
    for (const [name, c] of this.channels) channels[name] = { height: Number(c.chain.height()), batch: c.config.batch }
    return {
      mspId: this.identity.mspId,
      peerId: this.libp2p.peerId.toString(),
      listenAddresses: this.multiaddrs().map(m => m.toString()),
      ...(ops != null ? { operations: `${ops.host}:${ops.port}` } : {}),
      channels
    }
  }

  private async closeChains (): Promise<void> {
    for (const c of this.channels.values()) await c.chain.close()
  }
}
