/**
 * Endpoints: Fabric writes `host:port` (core.yaml `peer.address`, `peer.gossip.bootstrap`, anchor peers);
 * libp2p dials multiaddrs. Both forms are accepted wherever the configuration takes an endpoint.
 */

import { isIPv4, isIPv6 } from 'node:net'
import { multiaddr } from '@multiformats/multiaddr'
import type { Multiaddr } from '@multiformats/multiaddr'
import { ConfigError } from './errors.js'
import { describeValue } from './duration.js'

/** A DNS name: labels of letters, digits, `-` and `_` (docker-compose service names use `_`). */
const HOSTNAME = /^(?=.{1,253}\.?$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/

/** First components a multiaddr endpoint may start with (after an optional `/ip6zone`). */
const HOST_PROTOCOLS = new Set(['ip4', 'ip6', 'dns', 'dns4', 'dns6', 'dnsaddr'])

/** A `host:port` split into its parts; `host` has no brackets and `zone` is an IPv6 zone (`%eth0`). */
export interface HostPort {
  host: string
  port: number
  zone?: string
}

/**
 * Splits Fabric's `host:port` (Go's `net.SplitHostPort` rules): `10.0.0.1:7051`, `peer0.org1.example.com:7051`,
 * `[::1]:7051`, `[fe80::1%eth0]:7051`. An IPv6 host must be bracketed; the port is a decimal 0..65535.
 *
 * @throws ConfigError naming `key`
 */
export function splitHostPort (value: string, key: string): HostPort {
  const bad = (why: string): ConfigError =>
    new ConfigError(key, `expected an endpoint like 'host:port', '[::1]:7051' or '/ip4/10.0.0.1/tcp/7051', got '${value}' (${why})`)
  let host: string
  let portText: string
  if (value.startsWith('[')) {
    const close = value.indexOf(']')
    if (close < 0) throw bad("missing ']'")
    host = value.slice(1, close)
    if (value[close + 1] !== ':') throw bad('missing port')
    portText = value.slice(close + 2)
    let zone: string | undefined
    const pct = host.indexOf('%')
    if (pct >= 0) {
      zone = host.slice(pct + 1)
      host = host.slice(0, pct)
      if (zone === '') throw bad('empty IPv6 zone')
    }
    if (!isIPv6(host)) throw bad(`'${host}' is not an IPv6 address`)
    const port = parsePort(portText, bad)
    return zone == null ? { host, port } : { host, port, zone }
  }
  const colon = value.lastIndexOf(':')
  if (colon < 0) throw bad('missing port')
  host = value.slice(0, colon)
  portText = value.slice(colon + 1)
  if (host.includes(':')) throw bad('an IPv6 address needs brackets, e.g. [::1]:7051')
  if (host === '') throw bad('missing host')
  if (!isIPv4(host)) {
    if (/^[\d.]+$/.test(host)) throw bad(`'${host}' is not an IPv4 address`)
    if (!HOSTNAME.test(host)) throw bad(`'${host}' is not a valid host name`)
  }
  return { host, port: parsePort(portText, bad) }
}

function parsePort (text: string, bad: (why: string) => ConfigError): number {
  if (!/^\d{1,5}$/.test(text)) throw bad(text === '' ? 'missing port' : `'${text}' is not a port number`)
  const port = Number(text)
  if (port > 65535) throw bad(`port ${port} is above 65535`)
  return port
}

/**
 * Parses an endpoint written either way:
 * - `host:port` (Fabric's form): an IPv4 address gives `/ip4/<a>/tcp/<port>`, a bracketed IPv6 address
 *   `/ip6/<a>/tcp/<port>` (a zone gives a leading `/ip6zone/<zone>`), a host name `/dns4/<name>/tcp/<port>`
 *   (Fabric networks, docker-compose included, are IPv4; write `/dns/<name>/tcp/<port>` or `/dns6/...` as a
 *   multiaddr for other families);
 * - a multiaddr string starting with `/`: `/ip4/10.0.0.1/tcp/7051`, `/dns4/peer0/tcp/7051/p2p/12D3KooW...`.
 *   It must start with `/ip4`, `/ip6`, `/dns`, `/dns4`, `/dns6` (each followed by `/tcp/<port>`) or
 *   `/dnsaddr`.
 *
 * Port 0 is accepted here (an ephemeral listen port); keys that are dialled reject it when loading.
 *
 * @param value - the endpoint text (surrounding blanks are ignored)
 * @param key - the configuration key, named in the error
 * @throws ConfigError naming `key` when the endpoint does not parse
 */
export function parseEndpoint (value: string, key: string): Multiaddr {
  if (typeof value !== 'string') {
    throw new ConfigError(key, `expected an endpoint like 'host:port' or a multiaddr, got ${describeValue(value)}`)
  }
  const text = value.trim()
  if (text === '') throw new ConfigError(key, "expected an endpoint like 'host:port' or a multiaddr, got ''")
  if (text.startsWith('/')) return parseMultiaddrEndpoint(text, key)

  const { host, port, zone } = splitHostPort(text, key)
  if (isIPv4(host)) return multiaddr(`/ip4/${host}/tcp/${port}`)
  if (isIPv6(host)) {
    return multiaddr(`${zone == null ? '' : `/ip6zone/${zone}`}/ip6/${host}/tcp/${port}`)
  }
  return multiaddr(`/dns4/${host.replace(/\.$/, '')}/tcp/${port}`)
}

function parseMultiaddrEndpoint (text: string, key: string): Multiaddr {
  let ma: Multiaddr
  try {
    ma = multiaddr(text)
  } catch (err) {
    throw new ConfigError(key, `'${text}' is not a valid multiaddr: ${(err as Error).message}`, { cause: err })
  }
  const components = ma.getComponents()
  let i = components[0]?.name === 'ip6zone' ? 1 : 0
  const first = components[i]
  if (first == null || !HOST_PROTOCOLS.has(first.name)) {
    throw new ConfigError(key, `multiaddr '${text}' must start with /ip4, /ip6, /dns, /dns4, /dns6 or /dnsaddr`)
  }
  if (first.name !== 'dnsaddr') {
    i++
    if (components[i]?.name !== 'tcp') {
      throw new ConfigError(key, `multiaddr '${text}' has no /tcp/<port> after /${first.name}`)
    }
  }
  return ma
}

/**
 * Formats a multiaddr as Fabric's `host:port` when it is exactly a host and a TCP port (`/ip4`, `/ip6`, with an
 * optional `/ip6zone`, or `/dns4`), else returns the multiaddr string (a `/p2p/<id>` suffix, `/dns`, `/dns6`
 * and other protocols cannot be written as `host:port` without loss). `parseEndpoint(formatEndpoint(ma))`
 * equals `ma`.
 */
export function formatEndpoint (ma: Multiaddr): string {
  const components = ma.getComponents()
  let zone: string | undefined
  let i = 0
  if (components[0]?.name === 'ip6zone') {
    zone = components[0].value
    i = 1
  }
  const host = components[i]
  const tcp = components[i + 1]
  if (host?.value == null || tcp?.name !== 'tcp' || tcp.value == null || components.length !== i + 2) {
    return ma.toString()
  }
  switch (host.name) {
    case 'ip4':
      return zone == null ? `${host.value}:${tcp.value}` : ma.toString()
    case 'ip6':
      return `[${host.value}${zone == null ? '' : `%${zone}`}]:${tcp.value}`
    case 'dns4':
      return zone == null ? `${host.value}:${tcp.value}` : ma.toString()
    default:
      return ma.toString()
  }
}

/** The TCP port of an endpoint multiaddr, or `undefined` when it has none (`/dnsaddr`). */
export function endpointPort (ma: Multiaddr): number | undefined {
  const tcp = ma.getComponents().find(c => c.name === 'tcp')
  return tcp?.value == null ? undefined : Number(tcp.value)
}

/**
 * Host and port of an endpoint written either way (`host:port` or a multiaddr starting with `/ip4`, `/ip6`,
 * `/dns`, `/dns4`, `/dns6` then `/tcp`), e.g. to bind an HTTP server to `operations.listenAddress`.
 *
 * @throws ConfigError naming `key` when the endpoint does not parse or has no host and TCP port
 */
export function endpointHostPort (value: string, key: string): HostPort {
  const ma = parseEndpoint(value, key)
  const components = ma.getComponents()
  const zone = components[0]?.name === 'ip6zone' ? components[0].value : undefined
  const i = zone == null ? 0 : 1
  const host = components[i]
  const port = endpointPort(ma)
  if (host?.value == null || host.name === 'dnsaddr' || port == null) {
    throw new ConfigError(key, `expected an endpoint with a host and a TCP port, got '${value}'`)
  }
  return zone == null ? { host: host.value, port } : { host: host.value, port, zone }
}
