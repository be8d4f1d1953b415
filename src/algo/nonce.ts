/** Random 64-bit nonces (pull rounds, membership and state requests). */
import { randomBytes } from 'node:crypto'

/** A random non-zero uint64, as Fabric's `util.RandomUInt64` (zero is the "no nonce" of a proto3 field). */
export function randomNonce (): bigint {
  const n = randomBytes(8).readBigUInt64BE(0)
  return n === 0n ? 1n : n
}
