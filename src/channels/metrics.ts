/**
 * Metrics of the channel service, in the node's prom-client registry (see src/comm/metrics.ts).
 */
import { Counter, type Registry } from 'prom-client'

export interface ChannelMetrics {
  dropped(reason: string): void
}

export function createChannelMetrics (registry: Registry | undefined): ChannelMetrics {
  if (registry == null) return { dropped: () => {} }
  const dropped = new Counter({ name: 'gossip_channel_dropped_messages', help: 'Channel messages (StateInfo, pull) dropped, by reason', labelNames: ['reason'], registers: [registry] })
  return { dropped: (reason) => { dropped.inc({ reason }) } }
}
