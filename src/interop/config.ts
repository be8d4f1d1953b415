/**
 * The environment of libp2p's transport-interop harness (libp2p/test-plans, `transport-interop/README.md`,
 * "Test spec"), read and checked against what our stack speaks (`STACK` in `../libp2p-stack.ts`):
 *
 * | variable               | here                                                        |
 * |------------------------|-------------------------------------------------------------|
 * | `transport`            | required: `tcp`                                             |
 * | `security`             | required: `noise`                                           |
 * | `muxer`                | required: `yamux`                                           |
 * | `is_dialer`            | required: `true` (dial and ping) or `false` (listen)        |
 * | `ip`                   | the listener's bind address, default `0.0.0.0`              |
 * | `redis_addr`           | `host:port` of Redis, default `redis:6379`                  |
 * | `test_timeout_seconds` | seconds, default 180                                        |
 */
import { isIP } from 'node:net'
import { STACK } from '../libp2p-stack.js'
import { parseRedisAddr } from './resp.js'

export const second = 1000

/** The harness's defaults (test-plans `transport-interop/README.md`). */
export const DEFAULTS = {
  ip: '0.0.0.0',
  redisAddr: 'redis:6379',
  timeoutSeconds: 180
} as const

/** The Redis list through which the listener hands its address to the dialer. */
export const LISTENER_ADDR_KEY = 'listenerAddr'

export interface InteropConfig {
  transport: (typeof STACK.transport)[number]
  security: (typeof STACK.security)[number]
  muxer: (typeof STACK.muxer)[number]
  isDialer: boolean
  /** The listener binds `/ip4/<ip>/tcp/0` (`/ip6/` for an IPv6 address). */
  ip: string
  redisAddr: string
  timeoutSeconds: number
}

/** A variable of the harness's environment is missing or has a value we do not support. */
export class InteropConfigError extends Error {
  static override name = 'InteropConfigError'
  override name = 'InteropConfigError'
  /** The environment variable at fault, e.g. `muxer`. */
  readonly variable: string

  constructor (variable: string, detail: string) {
    super(`${variable}: ${detail}`)
    this.variable = variable
  }
}

function oneOf<T extends string> (env: NodeJS.ProcessEnv, variable: string, supported: readonly T[]): T {
  const value = env[variable]
  const list = supported.join(', ')
  if (value == null || value === '') throw new InteropConfigError(variable, `not set (supported: ${list})`)
  if (!(supported as readonly string[]).includes(value)) throw new InteropConfigError(variable, `unsupported value "${value}" (supported: ${list})`)
  return value as T
}

/** Reads the harness's variables; throws `InteropConfigError` naming the first variable at fault. */
export function interopConfigFromEnv (env: NodeJS.ProcessEnv): InteropConfig {
  const transport = oneOf(env, 'transport', STACK.transport)
  const security = oneOf(env, 'security', STACK.security)
  const muxer = oneOf(env, 'muxer', STACK.muxer)
  const isDialer = oneOf(env, 'is_dialer', ['true', 'false']) === 'true'

  const ip = nonEmpty(env.ip) ?? DEFAULTS.ip
  if (isIP(ip) === 0) throw new InteropConfigError('ip', `expected an IPv4 or IPv6 address, got "${ip}"`)

  const redisAddr = nonEmpty(env.redis_addr) ?? DEFAULTS.redisAddr
  try {
    parseRedisAddr(redisAddr)
  } catch (err) {
    throw new InteropConfigError('redis_addr', (err as Error).message)
  }

  const rawTimeout = nonEmpty(env.test_timeout_seconds)
  const timeoutSeconds = rawTimeout != null ? Number(rawTimeout) : DEFAULTS.timeoutSeconds
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new InteropConfigError('test_timeout_seconds', `expected a positive number of seconds, got "${rawTimeout ?? ''}"`)
  }
  return { transport, security, muxer, isDialer, ip, redisAddr, timeoutSeconds }
}

function nonEmpty (s: string | undefined): string | undefined {
  return s != null && s !== '' ? s : undefined
}
