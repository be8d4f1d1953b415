/**
 * Named errors of the identity service. Each carries a short `reason` code that is stable and fit for a
 * metrics label (`gossip_identity_rejected{reason="untrusted-cert"}`); tests match on `.name`.
 */

/** The reason codes carried by {@link IdentityError}s. */
export type IdentityErrorReason =
  | 'malformed'
  | 'unknown-org'
  | 'untrusted-cert'
  | 'expired-cert'
  | 'msp-config'

/** Base class of every error thrown by `src/identity`. */
export class IdentityError extends Error {
  static override name = 'IdentityError'
  /** Stable short code, usable as a metrics label. */
  readonly reason: IdentityErrorReason

  constructor (message = 'Identity error', reason: IdentityErrorReason = 'malformed', options?: ErrorOptions) {
    super(message, options)
    this.name = 'IdentityError'
    this.reason = reason
  }
}

/** The bytes are not a `SerializedIdentity` carrying a PEM X.509 certificate with a usable public key. */
export class MalformedIdentityError extends IdentityError {
  static override name = 'MalformedIdentityError'

  constructor (message = 'Malformed identity', options?: ErrorOptions) {
    super(message, 'malformed', options)
    this.name = 'MalformedIdentityError'
  }
}

/** The identity names an MSP ID this node does not know. */
export class UnknownOrgError extends IdentityError {
  static override name = 'UnknownOrgError'

  constructor (message = 'Unknown organization (MSP ID)', options?: ErrorOptions) {
    super(message, 'unknown-org', options)
    this.name = 'UnknownOrgError'
  }
}

/** The certificate does not chain to a root CA of the MSP it claims, or may not serve as an identity. */
export class UntrustedCertificateError extends IdentityError {
  static override name = 'UntrustedCertificateError'

  constructor (message = 'Certificate not issued by the CA chain of its organization', options?: ErrorOptions) {
    super(message, 'untrusted-cert', options)
    this.name = 'UntrustedCertificateError'
  }
}

/** The certificate, or a CA certificate of its chain, is expired or not yet valid. */
export class CertificateExpiredError extends IdentityError {
  static override name = 'CertificateExpiredError'

  constructor (message = 'Certificate expired or not yet valid', options?: ErrorOptions) {
    super(message, 'expired-cert', options)
    this.name = 'CertificateExpiredError'
  }
}

/** Local MSP material (a folder, a key, CA certificates given to `addOrg`) is missing or invalid. */
export class MspConfigError extends IdentityError {
  static override name = 'MspConfigError'

  constructor (message = 'Invalid MSP configuration', options?: ErrorOptions) {
    super(message, 'msp-config', options)
    this.name = 'MspConfigError'
  }
}
