/**
 * Read-only facts about a parsed `crypto.X509Certificate`: validity period, subject attributes.
 * Node 20 exposes the validity only as strings (`validFrom`, `validTo`), parsed here once.
 */
import type { X509Certificate } from 'node:crypto'

/** A certificate's validity window in epoch milliseconds, with a label for error messages. */
export interface ValidityWindow {
  label: string
  notBefore: number
  notAfter: number
}

/** Parses OpenSSL's `Nov 23 23:30:00 2025 GMT` form (what Node prints) to epoch milliseconds. */
function parseOpenSslTime (text: string): number {
  const t = Date.parse(text)
  if (Number.isNaN(t)) throw new Error(`unparseable certificate time '${text}'`)
  return t
}

/** The certificate's notBefore. */
export function certNotBefore (cert: X509Certificate): Date {
  return new Date(parseOpenSslTime(cert.validFrom))
}

/** The certificate's notAfter. */
export function certNotAfter (cert: X509Certificate): Date {
  return new Date(parseOpenSslTime(cert.validTo))
}

/**
 * Values of one subject attribute (`CN`, `OU`, `O` ...), in certificate order. Node prints one RDN per
 * line and the values of a multi-valued RDN joined by ` + ` (Go writes several OUs that way).
 */
export function subjectAttribute (cert: X509Certificate, key: string): string[] {
  const out: string[] = []
  for (const line of cert.subject.split('\n')) {
    for (const part of line.split(/ \+ (?=[A-Za-z0-9.]+=)/)) {
      const eq = part.indexOf('=')
      if (eq > 0 && part.slice(0, eq) === key) out.push(part.slice(eq + 1))
    }
  }
  return out
}

/** The subject common name, or '' when the certificate has none. */
export function commonName (cert: X509Certificate): string {
  return subjectAttribute(cert, 'CN')[0] ?? ''
}

/** A short description for messages: `CN=peer0.org1.example.com` or the subject as one line. */
export function describeCert (cert: X509Certificate): string {
  const cn = commonName(cert)
  return cn !== '' ? `CN=${cn}` : cert.subject.replaceAll('\n', ', ')
}

/** The validity window of `cert`, labelled for messages. */
export function validityWindow (cert: X509Certificate, label = describeCert(cert)): ValidityWindow {
  return { label, notBefore: certNotBefore(cert).getTime(), notAfter: certNotAfter(cert).getTime() }
}

/** The first window of `windows` that `now` is outside of, or undefined when all are valid at `now`. */
export function firstInvalidWindow (windows: readonly ValidityWindow[], now: number): ValidityWindow | undefined {
  return windows.find(w => now < w.notBefore || now > w.notAfter)
}
