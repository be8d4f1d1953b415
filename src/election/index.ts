/**
 * Leader election, pure: Fabric's `gossip/election` as an engine with no I/O, time passed in through a
 * `Clock` (`algo/clock.ts`), messages sent and the membership read through an adapter the consumer (the
 * channel service) implements. One engine per channel; it elects the peer of our org that pulls blocks from
 * the ordering service. Tested with a fake clock (`test/helpers/fake-clock.ts`).
 *
 * @example
 * ```ts
 * import { LeaderElectionEngine } from './election/index.js'
 * const election = new LeaderElectionEngine(adapter, { pkiId: self, ...config.peer.gossip.election })
 * election.start()
 * election.handleMessage({ pkiId: sender, isDeclaration: true }) // a verified LeadershipMessage
 * election.isLeader()
 * election.stop()
 * ```
 */
export { LeaderElectionEngine, comparePkiIds } from './election.js'
export type {
  LeaderElectionAdapter,
  LeaderElectionInit,
  LeaderElectionOperation,
  LeaderElectionPhase,
  LeadershipMessage
} from './election.js'
export {
  STARTUP_GRACE_PERIOD,
  MEMBERSHIP_SAMPLE_INTERVAL,
  LEADER_ALIVE_THRESHOLD,
  LEADER_ELECTION_DURATION,
  YIELD_THRESHOLDS
} from './constants.js'
