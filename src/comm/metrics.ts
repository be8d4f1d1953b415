/**
 * Metrics of the comm layer, with Fabric's names where Fabric has them (`gossip_comm_*`). They go straight
 * into the node's own prom-client registry (served on `/metrics` next to libp2p's): libp2p's metrics
 * component keeps its metric objects in a process-wide map, so two nodes in one process (tests, benchmarks)
 * would share counters. Without a registry every metric is a no-op.
 */
import { Counter, Gauge, type Registry } from 'prom-client'

export interface CommMetrics {
  messagesSent(n?: number): void
  messagesReceived(n?: number): void
  overflow(n?: number): void
  /** A send failed (the stream or connection broke): `dropped` frames queued for that peer were lost. */
  sendFailed(dropped: number): void
  handshakeFailure(reason: string): void
  droppedInbound(reason: string): void
  handshakes(): void
}

export function createCommMetrics (registry: Registry | undefined, connectedPeers: () => number): CommMetrics {
  if (registry == null) {
    const noop = (): void => {}
    return { messagesSent: noop, messagesReceived: noop, overflow: noop, sendFailed: noop, handshakeFailure: noop, droppedInbound: noop, handshakes: noop }
  }
  const registers = [registry]
  const sent = new Counter({ name: 'gossip_comm_messages_sent', help: 'Number of messages sent', registers })
  const received = new Counter({ name: 'gossip_comm_messages_received', help: 'Number of messages received', registers })
  const overflow = new Counter({ name: 'gossip_comm_overflow_count', help: 'Number of outgoing queue buffer overflows', registers })
  const sendFailures = new Counter({ name: 'gossip_comm_send_failures', help: 'Sends that failed (the stream or connection broke; the connection is then closed)', registers })
  const sendDropped = new Counter({ name: 'gossip_comm_send_failure_dropped_messages', help: 'Outgoing messages lost with a failed send (being written or queued for the peer)', registers })
  const handshakeFailures = new Counter({ name: 'gossip_comm_handshake_failures', help: 'Handshakes refused, by reason', labelNames: ['reason'], registers })
  const dropped = new Counter({ name: 'gossip_comm_dropped_messages', help: 'Inbound frames or messages dropped, by reason', labelNames: ['reason'], registers })
  const handshakes = new Counter({ name: 'gossip_comm_handshakes', help: 'Handshakes completed', registers })
  new Gauge({ name: 'gossip_comm_connected_peers', help: 'Peers with an admitted gossip connection', registers, collect () { this.set(connectedPeers()) } })
  return {
    messagesSent: (n = 1) => { sent.inc(n) },
    messagesReceived: (n = 1) => { received.inc(n) },
    overflow: (n = 1) => { overflow.inc(n) },
    sendFailed: (n) => { sendFailures.inc(); sendDropped.inc(n) },
    handshakeFailure: (reason) => { handshakeFailures.inc({ reason }) },
    droppedInbound: (reason) => { dropped.inc({ reason }) },
    handshakes: () => { handshakes.inc() }
  }
}
