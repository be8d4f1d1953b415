import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { comparePeerTime, formatPeerTime, isNewer, type PeerTime } from '../../../src/membership/peer-time.js'
import type { gossip } from '../../../src/pb/gossip.js'

const t = (incNum: bigint, seqNum: bigint): PeerTime => ({ incNum, seqNum })
const START = 1_700_000_000_000_000_000n // a start time in ns, as Fabric's inc_num

/** [a, b, compare(a, b)]: Fabric's order, higher inc_num first, then higher seq_num. */
const TABLE: Array<[PeerTime, PeerTime, -1 | 0 | 1, string]> = [
  [t(1n, 1n), t(1n, 1n), 0, 'same inc, same seq: equal (a duplicate)'],
  [t(1n, 2n), t(1n, 1n), 1, 'same inc, higher seq: newer'],
  [t(1n, 1n), t(1n, 2n), -1, 'same inc, lower seq: older'],
  [t(2n, 0n), t(1n, 99n), 1, 'higher inc wins over any seq (restart, seq back to 0)'],
  [t(1n, 99n), t(2n, 0n), -1, 'lower inc loses whatever its seq'],
  [t(2n, 5n), t(1n, 5n), 1, 'higher inc, same seq'],
  [t(0n, 0n), t(0n, 0n), 0, 'zero times are equal'],
  [t(START + 1n, 1n), t(START, 18_446_744_073_709_551_615n), 1, 'restart beats the largest uint64 seq'],
  [t(START, 18_446_744_073_709_551_615n), t(START, 18_446_744_073_709_551_614n), 1, 'uint64 values past 2^53 compare exactly'],
  [t(18_446_744_073_709_551_615n, 0n), t(18_446_744_073_709_551_614n, 1n), 1, 'uint64 inc past 2^53 compares exactly']
]

describe('PeerTime', () => {
  for (const [a, b, expected, why] of TABLE) {
    it(`${formatPeerTime(a)} vs ${formatPeerTime(b)}: ${why}`, () => {
      assert.equal(comparePeerTime(a, b), expected)
      assert.equal(comparePeerTime(b, a), -expected || 0, 'antisymmetric')
      assert.equal(isNewer(a, b), expected === 1)
      assert.equal(isNewer(b, a), expected === -1)
    })
  }

  it('is never newer than itself', () => {
    const x = t(START, 7n)
    assert.equal(isNewer(x, x), false)
    assert.equal(isNewer(x, { ...x }), false)
  })

  it('sorts a mixed list in Fabric order', () => {
    const list = [t(2n, 1n), t(1n, 3n), t(2n, 0n), t(1n, 1n), t(3n, 0n)]
    assert.deepEqual(list.sort(comparePeerTime).map(formatPeerTime), ['1/1', '1/3', '2/0', '2/1', '3/0'])
  })

  it('accepts the generated gossip.PeerTime as is', () => {
    const g: gossip.PeerTime = { incNum: 5n, seqNum: 1n }
    assert.equal(isNewer(g, t(4n, 100n)), true)
  })
})
