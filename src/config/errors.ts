/** Errors of the configuration loader. Tests match on `.name` and `.key`. */

/**
 * A configuration value is missing, malformed, out of range or in conflict with another. The message starts
 * with the key path (`peer.gossip.aliveTimeInterval: expected a duration like '5s', got 'abc'`) and ends,
 * when known, with where the value came from (`(from env CORE_PEER_GOSSIP_ALIVETIMEINTERVAL)`).
 */
export class ConfigError extends Error {
  static override name = 'ConfigError'
  override name = 'ConfigError'
  /**
   * The key path at fault, e.g. `peer.gossip.aliveTimeInterval` (the first one when several conflict); `''` when
   * the fault is the file as a whole (unreadable, not YAML, not a mapping).
   */
  readonly key: string
  /** Every key at fault: two for a conflict such as `useLeaderElection` with `orgLeader`, else `[key]`. */
  readonly keys: readonly string[]
  /** The message without the key prefix and without the source suffix. */
  readonly detail: string

  /**
   * @param key - the key path, or every key of a conflict
   * @param detail - what is wrong, without the key (it is prefixed)
   */
  constructor (key: string | readonly string[], detail: string, options?: ErrorOptions) {
    const keys = (typeof key === 'string' ? [key] : [...key]).filter(k => k !== '')
    super(keys.length > 0 ? `${keys.join(' and ')}: ${detail}` : detail, options)
    this.key = keys[0] ?? ''
    this.keys = keys
    this.detail = detail
  }
}
