/**
 * The comm service (see `index.ts` for its API). Per admitted connection it keeps a `PeerEntry`: the
 * remote's verified identity and one send queue per stream protocol. Everything received from a connection
 * that has not passed the handshake is dropped.
 */
import { TypedEventEmitter } from 'main-event'
import { HANDSHAKE_PROTOCOL, CONTROL_PROTOCOL, BLOCKS_PROTOCOL, MAX_HANDSHAKE_FRAME, type GossipProtocol } from '../wire/protocols.js'
import { FrameReader, writeFrames } from '../wire/framing.js'
import { encodeEnvelope, envelopeBytes, openEnvelope, type SignedMessage } from '../wire/envelope.js'
import { carriesBlocks } from '../wire/kinds.js'
import { MalformedMessageError, FrameTooLargeError } from '../wire/errors.js'
import { createLogger } from '../logging.js'
import { createHandshake, verifyHandshake, type VerifiedHandshake } from './handshake.js'
import { createCommMetrics, type CommMetrics } from './metrics.js'
import { SendQueue } from './send-queue.js'
import { BufferedConsumer, HandlerConsumer, type Consumer } from './subscriptions.js'
import { HandshakeError, CommStoppedError, UnreachablePeerError } from './errors.js'
import type { Comm, CommComponents, CommEvents, CommInit, ConnectedPeer, ReceivedMessage, RemotePeer } from './index.js'
import { pkiIdToHex, type PeerIdentity } from '../identity/index.js'
import type { Connection, Logger, Startable, Stream } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

const second = 1000
const DEFAULTS = {
  dialTimeout: 3 * second, // Fabric default
  connTimeout: 2 * second, // Fabric default
  sendBuffSize: 200, // Fabric core.yaml default
  acceptBufferSize: 1000,
  maxMessageSize: 100 * 1024 * 1024, // Fabric's gRPC max message size
  maxControlMessageSize: 4 * 1024 * 1024,
  maxInboundStreams: 8
}

/** The transport part of an address (without `/p2p/<id>`), to recognise a dial's connection. */
const transportAddress = (ma: Multiaddr): string => ma.getComponents().filter(c => c.name !== 'p2p').map(c => `/${c.name}${c.value != null ? `/${c.value}` : ''}`).join('')

const toHex = pkiIdToHex

interface PeerEntry {
  info: ConnectedPeer
  connection: Connection
  queues: Map<GossipProtocol, SendQueue>
}

export class GossipComm extends TypedEventEmitter<CommEvents> implements Comm, Startable {
  readonly pkiId: Uint8Array
  private readonly components: CommComponents
  private readonly init: CommInit
  private readonly opts: typeof DEFAULTS
  private readonly log: Logger
  private readonly oplog = createLogger('comm')
  private readonly metrics: CommMetrics
  private readonly peers = new Map<string, PeerEntry>()
  private readonly byConnection = new Map<string, PeerEntry>()
  private readonly outboundHandshakes = new Map<string, Promise<PeerEntry>>()
  private readonly admissionWaiters = new Map<string, Set<(e: PeerEntry | undefined) => void>>()
  private readonly connecting = new Map<string, Promise<ConnectedPeer>>()
  private readonly probeTargets = new Map<string, number>()
  private readonly probeConnections = new Set<string>()
  private readonly consumers = new Set<Consumer<ReceivedMessage>>()
  private running = false

  constructor (components: CommComponents, init: CommInit) {
    super()
    this.components = components
    this.init = init
    this.pkiId = init.signer.pkiId
    this.opts = {
      dialTimeout: init.dialTimeout ?? DEFAULTS.dialTimeout,
      connTimeout: init.connTimeout ?? DEFAULTS.connTimeout,
      sendBuffSize: init.sendBuffSize ?? DEFAULTS.sendBuffSize,
      acceptBufferSize: init.acceptBufferSize ?? DEFAULTS.acceptBufferSize,
      maxMessageSize: init.maxMessageSize ?? DEFAULTS.maxMessageSize,
      maxControlMessageSize: init.maxControlMessageSize ?? DEFAULTS.maxControlMessageSize,
      maxInboundStreams: init.maxInboundStreams ?? DEFAULTS.maxInboundStreams
    }
    this.log = components.logger.forComponent('fabric-gossip:comm')
    this.metrics = createCommMetrics(init.registry, () => this.peers.size)
  }

  readonly [Symbol.toStringTag] = 'fabric-gossip:comm'

  async start (): Promise<void> {
    const { registrar } = this.components
    const limits = { maxInboundStreams: this.opts.maxInboundStreams, maxOutboundStreams: this.opts.maxInboundStreams }
    await registrar.handle(HANDSHAKE_PROTOCOL, (stream, connection) => { void this.handleHandshake(stream, connection) }, limits)
    await registrar.handle(CONTROL_PROTOCOL, (stream, connection) => { void this.handleGossipStream(CONTROL_PROTOCOL, stream, connection) }, limits)
    await registrar.handle(BLOCKS_PROTOCOL, (stream, connection) => { void this.handleGossipStream(BLOCKS_PROTOCOL, stream, connection) }, limits)
    this.components.events.addEventListener('connection:close', this.onConnectionClose)
    this.components.events.addEventListener('connection:open', this.onConnectionOpen)
    this.running = true
  }

  async stop (): Promise<void> {
    this.running = false
    const { registrar } = this.components
    await Promise.all([HANDSHAKE_PROTOCOL, CONTROL_PROTOCOL, BLOCKS_PROTOCOL].map(async p => { await registrar.unhandle(p) }))
    this.components.events.removeEventListener('connection:close', this.onConnectionClose)
    this.components.events.removeEventListener('connection:open', this.onConnectionOpen)
    for (const entry of this.peers.values()) this.closeQueues(entry)
    this.peers.clear()
    this.byConnection.clear()
    for (const waiters of this.admissionWaiters.values()) for (const w of waiters) w(undefined)
    this.admissionWaiters.clear()
    for (const c of [...this.consumers]) c.close()
  }

  // ---- sending ----

  send (msg: SignedMessage, ...peers: RemotePeer[]): void {
    if (!this.running || peers.length === 0) return
    const frame = this.frameOf(msg)
    if (frame == null) return
    const protocol = carriesBlocks(msg.kind) ? BLOCKS_PROTOCOL : CONTROL_PROTOCOL
    for (const peer of peers) {
      const entry = peer.pkiId != null ? this.peers.get(toHex(peer.pkiId)) : undefined
      if (entry != null) {
        this.offer(entry, protocol, frame)
        continue
      }
      this.connect(peer).then(
        cp => {
          const e = this.peers.get(cp.pkiIdHex)
          if (e != null) this.offer(e, protocol, frame)
        },
        err => {
          // no connection and nothing to dial, or a race we lost: no verdict on the peer
          if (err instanceof UnreachablePeerError || this.running === false) { this.log('cannot send to %s: %e', peer.pkiId != null ? toHex(peer.pkiId) : '?', err); return }
          this.unreachable(peer, err as Error)
        }
      )
    }
  }

  async sendAndWait (msg: SignedMessage, peer: RemotePeer, options: { signal?: AbortSignal } = {}): Promise<void> {
    if (!this.running) throw new CommStoppedError()
    const frame = this.frameOf(msg)
    if (frame == null) throw new MalformedMessageError('oversized', 'message larger than the stream allows')
    const protocol = carriesBlocks(msg.kind) ? BLOCKS_PROTOCOL : CONTROL_PROTOCOL
    const cp = await this.connect(peer, options)
    const entry = this.peers.get(cp.pkiIdHex)
    if (entry == null) throw new UnreachablePeerError('peer disconnected')
    await this.queue(entry, protocol).put(frame, options.signal)
  }

  private frameOf (msg: SignedMessage): Uint8Array | undefined {
    const frame = envelopeBytes(msg)
    const max = carriesBlocks(msg.kind) ? this.opts.maxMessageSize : this.opts.maxControlMessageSize
    if (frame.byteLength > max) {
      this.oplog.warnOnce('send-oversized', `not sending a ${msg.kind} of ${frame.byteLength} bytes: the limit is ${max}`)
      return undefined
    }
    return frame
  }

  private offer (entry: PeerEntry, protocol: GossipProtocol, frame: Uint8Array): void {
    if (!this.queue(entry, protocol).offer(frame)) {
      this.metrics.overflow()
      this.log.trace('send queue of %s full: message dropped', entry.info.pkiIdHex)
    }
  }

  private queue (entry: PeerEntry, protocol: GossipProtocol): SendQueue {
    let q = entry.queues.get(protocol)
    if (q == null) {
      q = new SendQueue({
        capacity: this.opts.sendBuffSize,
        open: async () => await entry.connection.newStream(protocol, { signal: AbortSignal.timeout(this.opts.dialTimeout) }),
        onSent: n => { this.metrics.messagesSent(n) },
        onError: (err, dropped) => {
          this.log('sending to %s failed (%d queued dropped): %e', entry.info.pkiIdHex, dropped, err)
          this.metrics.sendFailed(dropped)
          // a connection we replaced or closed ourselves says nothing about the peer
          if (this.peers.get(entry.info.pkiIdHex) !== entry) return
          // Fabric closes the connection a send failed on and presumes the peer dead
          this.remove(entry, 'lost: a send failed')
          entry.connection.close().catch(() => {})
          this.unreachable({ pkiId: entry.info.pkiId }, err)
        }
      })
      entry.queues.set(protocol, q)
    }
    return q
  }

  private unreachable (peer: RemotePeer, error: Error): void {
    this.log('peer %s unreachable: %e', peer.pkiId != null ? toHex(peer.pkiId) : peer.endpoint?.toString(), error)
    if (peer.pkiId != null) this.safeDispatch('peer:unreachable', { pkiId: peer.pkiId, error })
  }

  // ---- connecting and the handshake ----

  async connect (peer: RemotePeer, options: { signal?: AbortSignal } = {}): Promise<ConnectedPeer> {
    if (!this.running) throw new CommStoppedError()
    if (peer.pkiId != null) {
      const entry = this.peers.get(toHex(peer.pkiId))
      if (entry != null) return entry.info
    }
    const endpoint = peer.endpoint
    if (endpoint == null) throw new UnreachablePeerError()
    const key = peer.pkiId != null ? toHex(peer.pkiId) : endpoint.toString()
    let p = this.connecting.get(key)
    if (p == null) {
      p = this.dialAndHandshake(endpoint, options.signal).finally(() => this.connecting.delete(key))
      this.connecting.set(key, p)
    }
    const cp = await p
    if (peer.pkiId != null && cp.pkiIdHex !== toHex(peer.pkiId)) {
      throw new HandshakeError('unexpected-peer', `${endpoint.toString()} is ${cp.pkiIdHex}, not the expected ${toHex(peer.pkiId)}`)
    }
    return cp
  }

  private async dial (endpoint: Multiaddr, signal?: AbortSignal): Promise<Connection> {
    const timeout = AbortSignal.timeout(this.opts.dialTimeout)
    return await this.components.connectionManager.openConnection(endpoint, {
      signal: signal != null ? AbortSignal.any([signal, timeout]) : timeout
    })
  }

  private async dialAndHandshake (endpoint: Multiaddr, signal?: AbortSignal, retried = false): Promise<ConnectedPeer> {
    const before = retried ? undefined : this.connectionIds()
    const connection = await this.dial(endpoint, signal)
    try {
      const entry = await this.ensureAdmitted(connection)
      return entry.info
    } catch (err) {
      // both sides dialled at once and this connection lost the tie-break: the other one serves the peer
      const other = [...this.peers.values()].find(e => e.connection.remotePeer.equals(connection.remotePeer) && e.connection.status === 'open')
      if (other != null) return other.info
      if (before != null && this.stale(connection, before, err)) return await this.dialAndHandshake(endpoint, signal, true)
      throw err
    }
  }

  private connectionIds (): Set<string> {
    return new Set(this.components.connectionManager.getConnections().map(c => c.id))
  }

  /**
   * Whether a handshake failed because libp2p handed back an existing connection that can no longer open
   * streams: its socket is still open, so libp2p reuses it, but its muxer has closed (the remote closed the
   * connection and the socket has not ended yet). Such a connection is aborted, and the caller dials again
   * (once) instead of failing until its next attempt: a reconnection `reconnectInterval` later, during which
   * the peer stays dead. Seen with 50 peers in one process, where closes take a while.
   */
  private stale (connection: Connection, before: Set<string>, err: unknown): boolean {
    if (!before.has(connection.id) || !(err instanceof HandshakeError) || err.reason !== 'connection-closed') return false
    this.log('%s: the existing connection cannot open streams (%s): aborted, dialling again', connection.remotePeer, err.message)
    connection.abort(err)
    return true
  }

  /** The admitted entry of a connection, running our side of the handshake when it has not run yet. */
  private async ensureAdmitted (connection: Connection): Promise<PeerEntry> {
    const entry = this.byConnection.get(connection.id)
    if (entry != null) return entry
    let p = this.outboundHandshakes.get(connection.id)
    if (p == null) {
      p = this.outboundHandshake(connection, false).then(v => this.admit(connection, v))
        .finally(() => this.outboundHandshakes.delete(connection.id))
      this.outboundHandshakes.set(connection.id, p)
    }
    return await p
  }

  async probe (endpoint: Multiaddr, options: { signal?: AbortSignal } = {}): Promise<PeerIdentity> {
    return await this.probeWith(endpoint, options.signal)
  }

  private async probeWith (endpoint: Multiaddr, signal?: AbortSignal, retried = false): Promise<PeerIdentity> {
    if (!this.running) throw new CommStoppedError()
    const before = this.connectionIds()
    const target = transportAddress(endpoint)
    this.probeTargets.set(target, (this.probeTargets.get(target) ?? 0) + 1)
    let connection: Connection
    try {
      connection = await this.dial(endpoint, signal)
      this.probeConnections.add(connection.id)
    } finally {
      const n = (this.probeTargets.get(target) ?? 1) - 1
      if (n > 0) this.probeTargets.set(target, n)
      else this.probeTargets.delete(target)
    }
    try {
      const v = await this.outboundHandshake(connection, true)
      return v.identity
    } catch (err) {
      if (!retried && this.stale(connection, before, err)) return await this.probeWith(endpoint, signal, true)
      throw err
    } finally {
      this.probeConnections.delete(connection.id)
      // close a connection made for the probe alone: not one a concurrent connect() handshakes or admitted
      const inUse = this.byConnection.has(connection.id) || this.outboundHandshakes.has(connection.id) || this.admissionWaiters.has(connection.id)
      if (!before.has(connection.id) && !inUse) {
        connection.close().catch(() => {})
      }
    }
  }

  /** Our side as initiator: open the handshake stream, write ours, read and verify theirs. */
  private async outboundHandshake (connection: Connection, probe: boolean): Promise<VerifiedHandshake> {
    const signal = AbortSignal.timeout(this.opts.connTimeout)
    let stream: Stream | undefined
    try {
      stream = await connection.newStream(HANDSHAKE_PROTOCOL, { signal })
      const verified = await this.exchange(stream, connection, 'initiator', probe, signal)
      if (verified.probe) throw new HandshakeError('unexpected-probe', 'responder answered with a probe')
      return verified
    } catch (err) {
      if ((err as Error).name === 'UnsupportedProtocolError') {
        // a libp2p peer without the gossip protocols: not admitted, but its connection is none of our business
        this.metrics.handshakeFailure('not-gossip-peer')
        this.log('%s does not speak %s: not admitted', connection.remotePeer, HANDSHAKE_PROTOCOL)
        throw new HandshakeError('not-gossip-peer', `${connection.remoteAddr.toString()} does not speak the gossip protocols`)
      }
      // a connection that can no longer open streams (see `stale`) is told apart: the caller may dial again
      const failure = (err as Error).name === 'ConnectionClosedError'
        ? new HandshakeError('connection-closed', `handshake with ${connection.remoteAddr.toString()} failed: ${(err as Error).message}`)
        : err as Error
      this.handshakeFailed(connection, failure, stream, !probe || !this.byConnection.has(connection.id))
      throw failure instanceof HandshakeError ? failure : new HandshakeError('failed', `handshake with ${connection.remoteAddr.toString()} failed: ${failure.message}`)
    }
  }

  private async handleHandshake (stream: Stream, connection: Connection): Promise<void> {
    try {
      const verified = await this.exchange(stream, connection, 'responder', false, AbortSignal.timeout(this.opts.connTimeout))
      if (!verified.probe) this.admit(connection, verified)
    } catch (err) {
      this.handshakeFailed(connection, err as Error, stream, !this.byConnection.has(connection.id))
    }
  }

  /**
   * One side of the handshake. The initiator writes its `ConnEstablish` and then reads the responder's; the
   * responder reads and verifies first and answers only a handshake it accepts, so a refused initiator learns
   * nothing and its `connect()` fails instead of admitting a connection the other side is closing. (Fabric
   * has both sides write at once; the order costs half a round trip, once per connection.)
   */
  private async exchange (stream: Stream, connection: Connection, role: 'initiator' | 'responder', probe: boolean, signal: AbortSignal): Promise<VerifiedHandshake> {
    const reader = new FrameReader(stream, { maxFrameSize: MAX_HANDSHAKE_FRAME, highWaterMark: 2 })
    const mine = (): Uint8Array => encodeEnvelope(createHandshake(this.init.signer, this.components.peerId, probe).envelope)
    try {
      if (role === 'initiator') await writeFrames(stream, [mine()], { signal })
      const frame = await reader.next({ signal })
      if (frame == null) throw new HandshakeError('no-handshake', 'stream closed before the handshake arrived')
      const verified = verifyHandshake(frame, connection.remotePeer, this.init.validator, this.pkiId)
      if (role === 'responder') await writeFrames(stream, [mine()], { signal })
      await stream.close({ signal })
      return verified
    } catch (err) {
      if (err instanceof HandshakeError || err instanceof FrameTooLargeError) throw err
      if (signal.aborted) throw new HandshakeError('timeout', 'no handshake within connTimeout')
      throw err
    } finally {
      reader.release()
    }
  }

  private handshakeFailed (connection: Connection, err: Error, stream: Stream | undefined, closeConnection: boolean): void {
    const reason = err instanceof HandshakeError ? err.reason : err instanceof FrameTooLargeError ? 'oversized' : 'stream-error'
    this.metrics.handshakeFailure(reason)
    this.oplog.warnOnce(`handshake:${reason}:${connection.remoteAddr.toString()}`,
      `handshake with ${connection.remotePeer.toString()} at ${connection.remoteAddr.toString()} refused (${reason}): ${err.message}`)
    stream?.abort(err)
    if (closeConnection) connection.close().catch(() => { connection.abort(err) })
  }

  /** Records a verified connection; one connection per PKI-ID, the newer replacing the older. */
  private admit (connection: Connection, verified: VerifiedHandshake): PeerEntry {
    const known = this.byConnection.get(connection.id)
    if (known != null) return known
    if (connection.status !== 'open') throw new HandshakeError('connection-closed', 'connection closed during the handshake')
    const id = verified.identity
    const pkiIdHex = toHex(id.pkiId)
    const existing = this.peers.get(pkiIdHex)
    if (existing != null && existing.connection.status === 'open') {
      // Both sides dialled at once: both must keep the same connection, so the one whose initiator has the
      // smaller PeerId wins. Otherwise the newer connection replaces the older (the peer restarted).
      const simultaneous = existing.connection.remotePeer.equals(connection.remotePeer) &&
        Date.now() - existing.info.connectedAt < this.opts.connTimeout
      if (simultaneous && this.initiator(existing.connection) < this.initiator(connection)) {
        connection.close().catch(() => {})
        return existing
      }
      this.remove(existing, 'replaced')
      existing.connection.close().catch(() => {})
    }
    const entry: PeerEntry = {
      connection,
      queues: new Map(),
      info: {
        pkiId: id.pkiId,
        pkiIdHex,
        identity: id,
        peerId: connection.remotePeer,
        remoteAddr: connection.remoteAddr,
        direction: connection.direction,
        connectedAt: Date.now(),
        handshake: verified.signed
      }
    }
    this.peers.set(pkiIdHex, entry)
    this.byConnection.set(connection.id, entry)
    this.metrics.handshakes()
    this.oplog.info(`handshake completed with ${id.commonName} (${id.mspId}, pkiId ${pkiIdHex.slice(0, 16)}...) on ${connection.remoteAddr.toString()}`)
    const waiters = this.admissionWaiters.get(connection.id)
    this.admissionWaiters.delete(connection.id)
    for (const w of waiters ?? []) w(entry)
    this.safeDispatch('peer:connected', entry.info)
    return entry
  }

  private initiator (c: Connection): string {
    return (c.direction === 'outbound' ? this.components.peerId : c.remotePeer).toString()
  }

  /**
   * Every new outbound connection runs the handshake at once, whoever dialled it (Fabric handshakes every
   * connection), except a probe's. A peer that does not speak the gossip protocols is left connected, unadmitted.
   */
  private readonly onConnectionOpen = (evt: CustomEvent<Connection>): void => {
    const connection = evt.detail
    if (!this.running || connection.direction !== 'outbound') return
    if (this.probeTargets.has(transportAddress(connection.remoteAddr))) return
    // let a probe's dial resolve first, so that it can claim its connection
    setTimeout(() => {
      if (!this.running || this.probeConnections.has(connection.id) || connection.status !== 'open') return
      this.ensureAdmitted(connection).catch(() => {}) // failures are logged and counted where they happen
    }, 0)
  }

  private readonly onConnectionClose = (evt: CustomEvent<Connection>): void => {
    const connection = evt.detail
    const waiters = this.admissionWaiters.get(connection.id)
    this.admissionWaiters.delete(connection.id)
    for (const w of waiters ?? []) w(undefined)
    const entry = this.byConnection.get(connection.id)
    if (entry != null) this.remove(entry, 'closed')
  }

  private remove (entry: PeerEntry, why: string): void {
    this.byConnection.delete(entry.connection.id)
    if (this.peers.get(entry.info.pkiIdHex) === entry) this.peers.delete(entry.info.pkiIdHex)
    this.closeQueues(entry)
    this.log('connection of %s %s', entry.info.pkiIdHex, why)
    this.safeDispatch('peer:disconnected', entry.info)
  }

  private closeQueues (entry: PeerEntry): void {
    for (const q of entry.queues.values()) q.close()
    entry.queues.clear()
  }

  /** Waits until a connection is admitted, at most connTimeout. */
  private async admitted (connection: Connection): Promise<PeerEntry | undefined> {
    const entry = this.byConnection.get(connection.id)
    if (entry != null || connection.status !== 'open') return entry
    return await new Promise(resolve => {
      let set = this.admissionWaiters.get(connection.id)
      if (set == null) { set = new Set(); this.admissionWaiters.set(connection.id, set) }
      const waiters = set
      const done = (e: PeerEntry | undefined): void => { clearTimeout(timer); waiters.delete(done); resolve(e) }
      const timer = setTimeout(() => {
        waiters.delete(done)
        if (waiters.size === 0 && this.admissionWaiters.get(connection.id) === waiters) this.admissionWaiters.delete(connection.id)
        resolve(undefined)
      }, this.opts.connTimeout)
      waiters.add(done)
    })
  }

  // ---- receiving ----

  private async handleGossipStream (protocol: GossipProtocol, stream: Stream, connection: Connection): Promise<void> {
    const entry = await this.admitted(connection)
    if (entry == null) {
      this.metrics.droppedInbound('not-admitted')
      this.oplog.warnOnce(`not-admitted:${connection.remotePeer.toString()}`,
        `${connection.remotePeer.toString()} at ${connection.remoteAddr.toString()} opened ${protocol} without a valid handshake: refused`)
      stream.abort(new HandshakeError('not-admitted', 'connection has not passed the handshake'))
      return
    }
    const isBlocks = protocol === BLOCKS_PROTOCOL
    const reader = new FrameReader(stream, { maxFrameSize: isBlocks ? this.opts.maxMessageSize : this.opts.maxControlMessageSize })
    try {
      for await (const frame of reader) {
        let signed: SignedMessage
        try {
          signed = openEnvelope(frame)
        } catch (err) {
          const reason = err instanceof MalformedMessageError ? err.reason : 'malformed'
          this.metrics.droppedInbound(reason)
          this.oplog.warnOnce(`malformed:${reason}:${entry.info.pkiIdHex}`, `dropped a malformed message from ${entry.info.pkiIdHex}: ${(err as Error).message}`)
          continue
        }
        if (carriesBlocks(signed.kind) !== isBlocks) {
          this.metrics.droppedInbound('wrong-stream')
          this.log('dropped %s from %s: wrong stream %s', signed.kind, entry.info.pkiIdHex, protocol)
          continue
        }
        this.metrics.messagesReceived()
        this.dispatchMessage(signed, entry.info)
      }
      await stream.close().catch(() => {})
    } catch (err) {
      const reason = err instanceof FrameTooLargeError ? 'oversized' : 'stream-error'
      this.metrics.droppedInbound(reason)
      if (reason === 'oversized') {
        this.oplog.warnOnce(`oversized:${entry.info.pkiIdHex}`, `${entry.info.pkiIdHex} sent a frame over the ${protocol} limit: stream reset`)
      }
      this.log('inbound %s stream from %s ended: %e', protocol, entry.info.pkiIdHex, err)
      stream.abort(err as Error)
    } finally {
      reader.release()
    }
  }

  private dispatchMessage (signed: SignedMessage, sender: ConnectedPeer): void {
    const received: ReceivedMessage = {
      message: signed.message,
      envelope: signed.envelope,
      kind: signed.kind,
      signed,
      sender,
      respond: async (msg) => { await this.sendAndWait(msg, { pkiId: sender.pkiId }) }
    }
    for (const c of this.consumers) c.deliver(received)
  }

  accept (predicate: (m: ReceivedMessage) => boolean = () => true, options: { signal?: AbortSignal, bufferSize?: number } = {}): AsyncIterable<ReceivedMessage> {
    const consumer: BufferedConsumer<ReceivedMessage> = new BufferedConsumer(predicate, options.bufferSize ?? this.opts.acceptBufferSize,
      () => { this.metrics.droppedInbound('consumer-overflow') },
      () => { this.consumers.delete(consumer) })
    this.consumers.add(consumer)
    options.signal?.addEventListener('abort', () => { consumer.close() }, { once: true })
    return consumer
  }

  subscribe (predicate: (m: ReceivedMessage) => boolean, handler: (m: ReceivedMessage) => void | Promise<void>): () => void {
    const consumer: HandlerConsumer<ReceivedMessage> = new HandlerConsumer(predicate, handler,
      err => { this.log.error('message handler failed: %e', err) },
      () => { this.consumers.delete(consumer) })
    this.consumers.add(consumer)
    return () => { consumer.close() }
  }

  // ---- views ----

  connectedPeers (): ConnectedPeer[] {
    return [...this.peers.values()].map(e => e.info)
  }

  connectedPeer (pkiId: Uint8Array): ConnectedPeer | undefined {
    return this.peers.get(toHex(pkiId))?.info
  }

  async closeConnection (pkiId: Uint8Array): Promise<void> {
    const entry = this.peers.get(toHex(pkiId))
    if (entry == null) return
    this.remove(entry, 'closed by request')
    await entry.connection.close().catch(() => {})
  }

  private safeDispatch<K extends keyof CommEvents> (type: K, detail: CommEvents[K] extends CustomEvent<infer D> ? D : never): void {
    try {
      this.safeDispatchEvent(type, { detail } as never)
    } catch (err) {
      this.log.error('event listener failed: %e', err)
    }
  }
}
