/** Free TCP ports on loopback, for local clusters (and tests). */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

/** A TCP port free on 127.0.0.1 at the moment of asking (from the kernel's ephemeral range). */
export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      const port = typeof a === 'object' && a != null ? a.port : 0
      s.close(() => { resolve(port) })
    })
  })
}

/** Whether `port` can be bound on 127.0.0.1 now. */
async function bindable (port: number): Promise<boolean> {
  return await new Promise(resolve => {
    const s = createServer()
    s.once('error', () => { resolve(false) })
    s.listen(port, '127.0.0.1', () => { s.close(() => { resolve(true) }) })
  })
}

/** The first port of the kernel's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range; else IANA's 49152). */
export function ephemeralLow (rangeFile = '/proc/sys/net/ipv4/ip_local_port_range'): number {
  try {
    const low = Number(readFileSync(rangeFile, 'utf8').trim().split(/\s+/)[0])
    if (Number.isInteger(low) && low > 1024 && low <= 65535) return low
  } catch {
    // not Linux, or no such file: IANA's range
  }
  return 49152
}

/** Lowest port {@link stablePorts} hands out. */
export const STABLE_PORT_LOW = 10_000

/**
 * `count` distinct TCP ports free on 127.0.0.1 now, all below the kernel's ephemeral range (from
 * {@link STABLE_PORT_LOW}): ports a plan writes into config files and reuses on every restart. A port from the
 * ephemeral range (what {@link freePort} gives) may meanwhile be taken as the local end of some outgoing
 * connection, and the node that was to listen on it fails with EADDRINUSE; ports below the range are never
 * taken that way. `avoid`: ports not to hand out (a previous plan's). Falls back to {@link freePort} when the
 * range below the ephemeral one is too small or full.
 */
export async function stablePorts (count: number, avoid: Iterable<number> = [], low = ephemeralLow()): Promise<number[]> {
  const taken = new Set(avoid)
  const out: number[] = []
  const span = low - STABLE_PORT_LOW
  let tries = 0
  while (out.length < count && span > count && tries < count * 20) {
    tries++
    const port = STABLE_PORT_LOW + Math.floor(Math.random() * span)
    if (taken.has(port)) continue
    taken.add(port)
    if (await bindable(port)) out.push(port)
  }
  while (out.length < count) {
    const port = await freePort()
    if (!taken.has(port)) { taken.add(port); out.push(port) }
  }
  return out
}
