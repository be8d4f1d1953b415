/**
 * Metrics of discovery, in the node's prom-client registry (see src/comm/metrics.ts for why not libp2p's).
 */
import { Counter, Gauge, type Registry } from 'prom-client'

export interface DiscoveryMetrics {
  dropped(reason: string): void
}

export function createDiscoveryMetrics (registry: Registry | undefined, alive: () => number, dead: () => number): DiscoveryMetrics {
  if (registry == null) return { dropped: () => {} }
  const registers = [registry]
  const dropped = new Counter({ name: 'gossip_membership_dropped_messages', help: 'Membership messages dropped, by reason', labelNames: ['reason'], registers })
  new Gauge({ name: 'gossip_membership_alive_members', help: 'Members considered alive', registers, collect () { this.set(alive()) } })
  new Gauge({ name: 'gossip_membership_dead_members', help: 'Members considered dead (not yet forgotten)', registers, collect () { this.set(dead()) } })
  return { dropped: (reason) => { dropped.inc({ reason }) } }
}
