/** Errors of the comm layer. `reason` is a short code used in logs and as a metrics label. */

/** A handshake that failed: the connection is not admitted to gossip. */
export class HandshakeError extends Error {
  static override name = 'HandshakeError'
  override name = 'HandshakeError'
  readonly reason: string

  constructor (reason: string, message = `handshake failed: ${reason}`) {
    super(message)
    this.reason = reason
  }
}

/** The comm layer is not running. */
export class CommStoppedError extends Error {
  static override name = 'CommStoppedError'
  override name = 'CommStoppedError'
  constructor (message = 'comm is stopped') { super(message) }
}

/** A send target that has neither an open connection nor an endpoint to dial. */
export class UnreachablePeerError extends Error {
  static override name = 'UnreachablePeerError'
  override name = 'UnreachablePeerError'
  constructor (message = 'no connection and no endpoint for peer') { super(message) }
}
