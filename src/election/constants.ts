/** Defaults of the leader election engine, with their units and where they come from. */
import { second } from '../algo/clock.js'

/** Longest wait for a stable membership before the first election (`peer.gossip.election.startupGracePeriod`). */
export const STARTUP_GRACE_PERIOD = 15 * second // Fabric default (election.DefStartupGracePeriod)
/** How often the membership is sampled while waiting for it to settle (`peer.gossip.election.membershipSampleInterval`). */
export const MEMBERSHIP_SAMPLE_INTERVAL = 1 * second // Fabric default (election.DefMembershipSampleInterval)
/**
 * A follower starts an election after this long without a declaration; a leader declares every half of it
 * (`peer.gossip.election.leaderAliveThreshold`).
 */
export const LEADER_ALIVE_THRESHOLD = 10 * second // Fabric default (election.DefLeaderAliveThreshold)
/** Wait between proposing and declaring oneself leader (`peer.gossip.election.leaderElectionDuration`). */
export const LEADER_ELECTION_DURATION = 5 * second // Fabric default (election.DefLeaderElectionDuration)
/** A peer that yields abstains from elections for this many `leaderAliveThreshold`s at most. */
export const YIELD_THRESHOLDS = 6 // Fabric (hard-coded in election.go Yield)
