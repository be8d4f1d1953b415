/**
 * The comm layer (Fabric `gossip/comm`) as a libp2p service: authenticated connections keyed by PKI-ID,
 * Fabric's signed handshake on every connection, framed envelopes on two stream protocols, bounded
 * per-peer send queues, and delivery of received messages to consumers.
 *
 * @example
 * ```ts
 * const node = await createLibp2p({ ..., services: { comm: gossipComm({ signer, validator }) } })
 * for await (const m of node.services.comm.accept(m => m.kind === 'aliveMsg')) { ... }
 * node.services.comm.send(sealedMessage, { pkiId, endpoint })
 * ```
 */
import { GossipComm } from './comm.js'
import type { HandshakeSigner, IdentityValidator } from './handshake.js'
import type { PeerIdentity } from '../identity/index.js'
import type { SignedMessage } from '../wire/envelope.js'
import type { MessageKind } from '../wire/kinds.js'
import type { gossip } from '../pb/gossip.js'
import type { ComponentLogger, Libp2pEvents, PeerId, TypedEventTarget } from '@libp2p/interface'
import type { ConnectionManager, Registrar } from '@libp2p/interface-internal'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { Registry } from 'prom-client'

export { HandshakeError, CommStoppedError, UnreachablePeerError } from './errors.js'
export { connectionBinding, createHandshake, verifyHandshake } from './handshake.js'
export type { HandshakeSigner, IdentityValidator, VerifiedHandshake } from './handshake.js'

export interface CommInit {
  /** This node's MSP identity: signs the handshake. */
  signer: HandshakeSigner
  /** Judges remote identities (the node's MSP manager). */
  validator: IdentityValidator
  /** Time allowed to dial a peer. @default 3000 (Fabric `peer.gossip.dialTimeout`) */
  dialTimeout?: number
  /** Time allowed for the handshake, and for an inbound stream's connection to be admitted. @default 2000 (Fabric `connTimeout`) */
  connTimeout?: number
  /** Frames queued per peer and stream before gossip pushes are dropped. @default 200 (Fabric core.yaml `sendBuffSize`) */
  sendBuffSize?: number
  /** Messages buffered per `accept()` consumer before the oldest is dropped. @default 1000 */
  acceptBufferSize?: number
  /** Largest frame on the block stream. @default 104857600 (Fabric's 100 MB gRPC limit) */
  maxMessageSize?: number
  /** Largest frame on the control stream. @default 4194304 */
  maxControlMessageSize?: number
  /** Inbound streams per connection and protocol. @default 8 */
  maxInboundStreams?: number
  /** The node's Prometheus registry; without one, metrics are not kept. */
  registry?: Registry
}

export interface CommComponents {
  peerId: PeerId
  registrar: Registrar
  connectionManager: ConnectionManager
  events: TypedEventTarget<Libp2pEvents>
  logger: ComponentLogger
}

/** A peer to send to: its PKI-ID when known, its endpoint when a connection may have to be made. */
export interface RemotePeer {
  pkiId?: Uint8Array
  endpoint?: Multiaddr
}

/** A peer with an admitted gossip connection. */
export interface ConnectedPeer {
  readonly pkiId: Uint8Array
  readonly pkiIdHex: string
  readonly identity: PeerIdentity
  readonly peerId: PeerId
  readonly remoteAddr: Multiaddr
  readonly direction: 'inbound' | 'outbound'
  readonly connectedAt: number
  /** The remote's signed handshake, kept as its proof of identity on this connection. */
  readonly handshake: SignedMessage
}

/** A message received from an admitted peer. */
export interface ReceivedMessage {
  readonly message: gossip.GossipMessage
  readonly envelope: gossip.Envelope
  readonly kind: MessageKind
  readonly signed: SignedMessage
  readonly sender: ConnectedPeer
  /** Sends a reply to the sender, waiting for room in its queue. */
  respond(msg: SignedMessage): Promise<void>
}

export interface CommEvents {
  /** A connection passed the handshake (or replaced an older one of the same PKI-ID). */
  'peer:connected': CustomEvent<ConnectedPeer>
  /** The admitted connection of a peer closed. */
  'peer:disconnected': CustomEvent<ConnectedPeer>
  /** Sending to a peer failed: discovery treats it as presumed dead. */
  'peer:unreachable': CustomEvent<{ pkiId: Uint8Array, error: Error }>
}

export interface Comm extends TypedEventTarget<CommEvents> {
  readonly pkiId: Uint8Array
  /** Pushes a message to peers: connects when needed; drops (counted) when a peer's queue is full. */
  send(msg: SignedMessage, ...peers: RemotePeer[]): void
  /** Sends and waits until each message is queued (replies): waits for room instead of dropping. */
  sendAndWait(msg: SignedMessage, peer: RemotePeer, options?: { signal?: AbortSignal }): Promise<void>
  /** Received messages that match, as an async iterable; ends when `signal` aborts or comm stops. */
  accept(predicate?: (m: ReceivedMessage) => boolean, options?: { signal?: AbortSignal, bufferSize?: number }): AsyncIterable<ReceivedMessage>
  /** Calls `handler` for each received message that matches; returns the unsubscribe function. */
  subscribe(predicate: (m: ReceivedMessage) => boolean, handler: (m: ReceivedMessage) => void | Promise<void>): () => void
  /** Dials (or reuses a connection) and runs the handshake with `probe = true`: learns the identity, admits nothing. */
  probe(endpoint: Multiaddr, options?: { signal?: AbortSignal }): Promise<PeerIdentity>
  /** Dials when needed and completes the handshake. */
  connect(peer: RemotePeer, options?: { signal?: AbortSignal }): Promise<ConnectedPeer>
  /** The peers with admitted connections. */
  connectedPeers(): ConnectedPeer[]
  /** The admitted peer with this PKI-ID, if connected. */
  connectedPeer(pkiId: Uint8Array): ConnectedPeer | undefined
  /** Closes a peer's connection (Fabric `CloseConn`). */
  closeConnection(pkiId: Uint8Array): Promise<void>
}

/** The comm service factory, for `createLibp2p({ services: { comm: gossipComm(init) } })`. */
export function gossipComm (init: CommInit): (components: CommComponents) => Comm {
  return (components) => new GossipComm(components, init)
}
