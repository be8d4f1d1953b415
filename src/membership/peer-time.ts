/**
 * Fabric's `PeerTime { inc_num, seq_num }`: a peer's logical clock. `inc_num` is set once per process start
 * (Fabric: the start time in ns), `seq_num` grows with every message. Ordering as Fabric's
 * `protoext.compareTimestamps` (`gossip/protoext/msgcomparator.go`) and discovery's `before`
 * (`gossip/discovery/discovery_impl.go`): the higher `inc_num` wins; with the same `inc_num`, the higher
 * `seq_num` wins. A restarted peer (new, higher `inc_num`, `seq_num` restarting at 0 or 1) is therefore newer
 * than everything it sent before the restart.
 */

/** A peer's logical timestamp; the same shape as the generated `gossip.PeerTime` (uint64 fields as bigint). */
export interface PeerTime {
  incNum: bigint
  seqNum: bigint
}

/** Orders two PeerTimes: a negative number when `a` is older than `b`, 0 when equal, positive when newer. */
export function comparePeerTime (a: PeerTime, b: PeerTime): -1 | 0 | 1 {
  if (a.incNum !== b.incNum) return a.incNum < b.incNum ? -1 : 1
  if (a.seqNum !== b.seqNum) return a.seqNum < b.seqNum ? -1 : 1
  return 0
}

/**
 * Whether `a` is strictly newer than `b`: only such a message replaces a stored one (Fabric's
 * `MessageInvalidates`; an equal time is `MessageInvalidated`, i.e. a duplicate).
 */
export function isNewer (a: PeerTime, b: PeerTime): boolean {
  return comparePeerTime(a, b) > 0
}

/** A readable form for logs: `inc_num/seq_num`. */
export function formatPeerTime (t: PeerTime): string {
  return `${t.incNum}/${t.seqNum}`
}
