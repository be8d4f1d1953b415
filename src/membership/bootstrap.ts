/**
 * Connects to the bootstrap peers (`peer.gossip.bootstrap`) as Fabric's discovery does at start: each is
 * dialled and handshaken, retried every `retryInterval` up to `maxConnectionAttempts` times, and given up
 * with a warning after that. Membership requests over these connections come with the discovery service.
 */
import { createLogger } from '../logging.js'
import type { Multiaddr } from '@multiformats/multiaddr'

/** What the connector needs of the comm layer. */
export interface BootstrapComm {
  connect(peer: { endpoint: Multiaddr }, options?: { signal?: AbortSignal }): Promise<{ pkiIdHex: string, identity: { mspId: string } }>
}

export interface BootstrapInit {
  comm: BootstrapComm
  endpoints: Multiaddr[]
  /** @default 120 (Fabric `maxConnectionAttempts`) */
  maxConnectionAttempts: number
  /** Pause between attempts, in ms. */
  retryInterval: number
  /** Called once a bootstrap peer is connected. */
  onConnected?(endpoint: Multiaddr, pkiIdHex: string): void
}

const log = createLogger('bootstrap')

export class BootstrapConnector {
  private readonly init: BootstrapInit
  private controller: AbortController | undefined

  constructor (init: BootstrapInit) {
    this.init = init
  }

  start (): void {
    if (this.controller != null) return
    const controller = new AbortController()
    this.controller = controller
    for (const endpoint of this.init.endpoints) void this.connectWithRetries(endpoint, controller.signal)
  }

  stop (): void {
    this.controller?.abort()
    this.controller = undefined
  }

  private async connectWithRetries (endpoint: Multiaddr, signal: AbortSignal): Promise<void> {
    let lastError = ''
    for (let attempt = 1; attempt <= this.init.maxConnectionAttempts && !signal.aborted; attempt++) {
      try {
        const peer = await this.init.comm.connect({ endpoint }, { signal })
        log.info(`connected to bootstrap peer ${endpoint.toString()} (${peer.identity.mspId}, ${peer.pkiIdHex.slice(0, 16)}...)`)
        this.init.onConnected?.(endpoint, peer.pkiIdHex)
        return
      } catch (err) {
        if (signal.aborted) return
        lastError = (err as Error).message
        if (attempt === 1) log.info(`bootstrap peer ${endpoint.toString()} not reachable yet (${lastError}); retrying every ${this.init.retryInterval} ms`)
      }
      await new Promise<void>(resolve => {
        const t = setTimeout(resolve, this.init.retryInterval)
        signal.addEventListener('abort', () => { clearTimeout(t); resolve() }, { once: true })
      })
    }
    if (!signal.aborted) log.warn(`gave up on bootstrap peer ${endpoint.toString()} after ${this.init.maxConnectionAttempts} attempts: ${lastError}`)
  }
}
