/**
 * Connecting to bootstrap and anchor peers, as Fabric's discovery `Connect`: probe the endpoint (a handshake
 * that admits nothing) to learn who is there, check the org is acceptable, then send membership requests
 * until one is answered (Fabric's `sendUntilAcked`), retrying every `retryInterval` up to
 * `maxConnectionAttempts` times. Bootstrap peers must be of my org: another org's gets one probe and one
 * logged explanation, not a flood of retries. Anchor peers of another org are contacted only when this
 * peer has an external endpoint (the caller checks `anchorPeerContactable`).
 */
import { createLogger } from '../logging.js'
import { anchorPeerAccepted, bootstrapPeerAccepted } from './disclosure.js'
import type { Clock } from '../algo/clock.js'
import type { PeerIdentity } from '../identity/index.js'
import type { Multiaddr } from '@multiformats/multiaddr'

export interface ConnectTarget {
  endpoint: Multiaddr
  kind: 'bootstrap' | 'anchor'
  /** For an anchor peer: the org the channel config lists it under. */
  listedOrg?: string
}

/** What the connector needs of discovery and comm. */
export interface ConnectorPorts {
  probe(endpoint: Multiaddr, options?: { signal?: AbortSignal }): Promise<PeerIdentity>
  requestMembership(peer: { pkiId: Uint8Array, endpoint: Multiaddr }, remoteOrg: string): Promise<boolean>
  markProtected(pkiId: Uint8Array, kind: 'bootstrap' | 'anchor'): void
}

export interface ConnectorInit {
  ports: ConnectorPorts
  selfOrg: string
  clock: Clock
  /** @default 120 (Fabric `maxConnectionAttempts`) */
  maxConnectionAttempts: number
  /** Pause between attempts, in ms (Fabric waits `reconnectInterval`). */
  retryInterval: number
}

const log = createLogger('discovery')

export class Connector {
  private readonly init: ConnectorInit
  private controller = new AbortController()
  private readonly active = new Set<string>()

  constructor (init: ConnectorInit) {
    this.init = init
  }

  stop (): void {
    this.controller.abort()
    this.controller = new AbortController()
    this.active.clear()
  }

  /** Starts connecting to a target in the background (once per endpoint at a time); resolves when done or given up. */
  async connect (target: ConnectTarget): Promise<PeerIdentity | undefined> {
    const key = `${target.kind}:${target.endpoint.toString()}`
    if (this.active.has(key)) return undefined
    this.active.add(key)
    try {
      return await this.run(target, this.controller.signal)
    } finally {
      this.active.delete(key)
    }
  }

  private async run (target: ConnectTarget, signal: AbortSignal): Promise<PeerIdentity | undefined> {
    const { ports, selfOrg } = this.init
    const where = `${target.kind} peer ${target.endpoint.toString()}`
    let lastError = ''
    for (let attempt = 1; attempt <= this.init.maxConnectionAttempts && !signal.aborted; attempt++) {
      let identity: PeerIdentity | undefined
      try {
        identity = await ports.probe(target.endpoint, { signal })
      } catch (err) {
        lastError = (err as Error).message
        if (attempt === 1) log.info(`${where} not reachable yet (${lastError}); retrying every ${this.init.retryInterval} ms`)
      }
      if (identity != null) {
        if (target.kind === 'bootstrap' && !bootstrapPeerAccepted(selfOrg, identity.mspId)) {
          log.warn(`${where} belongs to ${identity.mspId}, not to my org ${selfOrg}: Fabric accepts bootstrap peers of ` +
            'one\'s own org only (use the anchor peers of a channel to reach other orgs); not connecting to it')
          return undefined
        }
        if (target.kind === 'anchor' && !anchorPeerAccepted(selfOrg, target.listedOrg ?? identity.mspId, identity.mspId)) {
          log.warn(`${where} is listed for ${target.listedOrg ?? '?'} but its identity is of ${identity.mspId}: not connecting to it`)
          return undefined
        }
        ports.markProtected(identity.pkiId, target.kind)
        if (await ports.requestMembership({ pkiId: identity.pkiId, endpoint: target.endpoint }, identity.mspId)) {
          log.info(`connected to ${where} (${identity.mspId}, ${identity.commonName})`)
          return identity
        }
        lastError = 'no membership response'
      }
      await this.pause(signal)
    }
    if (!signal.aborted) log.warn(`gave up on ${where} after ${this.init.maxConnectionAttempts} attempts: ${lastError}`)
    return undefined
  }

  private async pause (signal: AbortSignal): Promise<void> {
    if (signal.aborted) return
    await new Promise<void>(resolve => {
      const t = this.init.clock.setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve() }, this.init.retryInterval)
      const onAbort = (): void => { this.init.clock.clearTimeout(t); resolve() }
      signal.addEventListener('abort', onAbort, { once: true })
    })
  }
}
