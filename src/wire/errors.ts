/** Errors of the wire layer. `reason` is a short code used as a metrics label. */

/** A frame that does not decode as a gossip envelope, or whose content breaks a structural rule. */
export class MalformedMessageError extends Error {
  static override name = 'MalformedMessageError'
  override name = 'MalformedMessageError'
  readonly reason: string

  constructor (reason: string, message = `malformed message: ${reason}`) {
    super(message)
    this.reason = reason
  }
}

/** A frame longer than the stream's maximum. */
export class FrameTooLargeError extends Error {
  static override name = 'FrameTooLargeError'
  override name = 'FrameTooLargeError'
}
