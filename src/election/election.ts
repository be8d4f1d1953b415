/**
 * Fabric's leader election (`gossip/election/election.go`, LeaderElectionService), pure: one engine per
 * channel elects the org leader among the alive peers of our org in the channel. Messages leave through a
 * {@link LeaderElectionAdapter} the consumer implements and arrive through
 * {@link LeaderElectionEngine.handleMessage}; time comes from an injected {@link Clock}. PKI-IDs are compared
 * lexicographically, byte by byte (Go's `bytes.Compare`): the smaller one wins.
 *
 * Fabric's pseudo-code, as this engine runs it (Fabric's goroutine loop turned into one timer per wait):
 * ```
 * state: leaderKnown = false, isLeader = false, smallerProposal = false, yielding = false
 *
 * on message m (the consumer checked signature, channel, org and liveness):
 *   proposal:    if m.pkiId < self: smallerProposal = true
 *   declaration: leaderKnown = true
 *                if ELECTING or LEADING: cut the wait short
 *                if isLeader and m.pkiId < self: isLeader = false                  (step down at once)
 *
 * start():                                                                        STARTUP
 *   every membershipSampleInterval, for startupGracePeriod at most:
 *     sample peers(); done when it equals the previous sample or leaderKnown
 *   loop()
 *
 * loop():                                        one iteration per wait, until stop()
 *   if not leaderKnown and not yielding:                                          ELECTING
 *     gossip proposal; wait leaderElectionDuration
 *     if not leaderKnown and not yielding and not smallerProposal:
 *       isLeader = true; leaderKnown = true
 *   if leaderKnown and yielding: yielding = false     (a leader is known: stop abstaining)
 *   if isLeader:                                                                  LEADING
 *     gossip declaration; wait leaderAliveThreshold / 2
 *   else:                                                                         FOLLOWING
 *     smallerProposal = false; leaderKnown = false; wait leaderAliveThreshold    (not cut short)
 *
 * yield(): if isLeader and not yielding:
 *   isLeader = false; leaderKnown = false; yielding = true for YIELD_THRESHOLDS x leaderAliveThreshold
 * ```
 * Consequences, as in Fabric: a leader that hears a declaration from a bigger PKI-ID keeps leading and
 * declares again at once (its wait is cut short), which makes the other leader step down; proposals never
 * unseat a leader, so a peer that joins later with a smaller PKI-ID follows the incumbent; a declaration
 * from anyone ends an election without a leader; a yielding peer neither proposes nor becomes leader until
 * it hears a declaration or its yield times out. `onLeadershipChange` fires exactly when `isLeader()` changes.
 *
 * Where this engine deliberately differs from Fabric, and why:
 * - Fabric drops messages from senders absent from `Peers()`; here the consumer does (it has the
 *   membership view), and the engine drops only messages carrying our own or an empty PKI-ID (an echo of our
 *   own declaration would otherwise count as "some leader is known").
 * - Fabric compares the *number* of peers between samples; we compare the set of PKI-IDs, so that a peer
 *   leaving while another joins counts as a change. The last sample is also brought forward to the end of
 *   `startupGracePeriod` (Fabric may overshoot it by up to one interval).
 * - A cut-short wait resumes on a 0 ms timer rather than inside `handleMessage`, like Fabric's goroutine
 *   waking up: the engine never gossips from within a message delivery.
 * - Fabric keeps the set of proposers' PKI-IDs only to ask "was any smaller than ours?"; we keep that
 *   answer, one boolean, cleared where Fabric clears the set.
 * - `yield()` also cuts the leader's wait short, so that `phase` turns to `following` at once (Fabric lets
 *   that wait run out, up to `leaderAliveThreshold / 2`, as a non-leader that no longer declares).
 * - `stop()` in Fabric leaves `IsLeader()` true and calls nothing, and its yield timer runs on; here
 *   `stop()` clears every timer and, if we led, sets `isLeader()` false and fires `onLeadershipChange(false)`
 *   (a stopped engine no longer declares, so the others will elect someone else), and `start()` after
 *   `stop()` begins afresh.
 *
 * @example
 * ```ts
 * const election = new LeaderElectionEngine({
 *   gossip: ({ pkiId, isDeclaration }) => channel.gossipLeadership(pkiId, isDeclaration), // signed, CHAN_AND_ORG
 *   peers: () => channel.aliveMembers().filter(m => m.org === ownOrg).map(m => m.pkiId),
 *   onLeadershipChange: (leader) => { if (leader) deliver.start(() => election.yield()); else deliver.stop() },
 *   reportMetrics: (leader) => metrics.leader.update({ channel: id }, leader ? 1 : 0)
 * }, { pkiId: self, clock: systemClock, ...config.peer.gossip.election })
 * election.start()
 * // on a LeadershipMessage of this channel from an alive peer of our org, correctly signed:
 * election.handleMessage({ pkiId: msg.pkiId, isDeclaration: msg.isDeclaration })
 * ```
 */
import { systemClock } from '../algo/clock.js'
import type { Clock, TimerHandle } from '../algo/clock.js'
import {
  LEADER_ALIVE_THRESHOLD,
  LEADER_ELECTION_DURATION,
  MEMBERSHIP_SAMPLE_INTERVAL,
  STARTUP_GRACE_PERIOD,
  YIELD_THRESHOLDS
} from './constants.js'

/** A leadership proposal (`isDeclaration` false) or declaration, as Fabric's `LeadershipMessage`. */
export interface LeadershipMessage {
  /** PKI-ID of the peer that sent it. */
  readonly pkiId: Uint8Array
  /** A declaration ("I lead") rather than a proposal ("I would lead"). */
  readonly isDeclaration: boolean
}

/**
 * What the election needs from its consumer (Fabric's `election.LeaderElectionAdapter`, with the leadership
 * callback of `NewLeaderElectionService`). Calls are fire and forget; an exception is reported to
 * {@link LeaderElectionInit.onError} and the engine carries on.
 */
export interface LeaderElectionAdapter {
  /**
   * Gossips our proposal or declaration (`msg.pkiId` is our PKI-ID) to the channel's peers of our org: the
   * consumer signs it and adds the channel, the `CHAN_AND_ORG` tag and a timestamp.
   */
  gossip(msg: LeadershipMessage): void
  /** PKI-IDs of the alive peers of our org in the channel, now (sampled at startup only). */
  peers(): Uint8Array[]
  /** Called each time {@link LeaderElectionEngine.isLeader} changes, with its new value. */
  onLeadershipChange?(isLeader: boolean): void
  /** Called at each leader or follower turn with whether we lead (Fabric's `ReportMetrics`, for a gauge). */
  reportMetrics?(isLeader: boolean): void
}

/** The adapter call that failed, as given to {@link LeaderElectionInit.onError}. */
export type LeaderElectionOperation = keyof LeaderElectionAdapter

/** Options of {@link LeaderElectionEngine}. Durations are milliseconds. */
export interface LeaderElectionInit {
  /** Our PKI-ID; must not be empty. */
  pkiId: Uint8Array
  /** Time and timers. @default systemClock */
  clock?: Clock
  /** Longest wait for a stable membership before the first election. @default 15000 (Fabric) */
  startupGracePeriod?: number
  /** How often the membership is sampled at startup. @default 1000 (Fabric) */
  membershipSampleInterval?: number
  /**
   * A follower starts an election after this long without a declaration; a leader declares every half of
   * it; a yield lasts at most 6 times it. @default 10000 (Fabric)
   */
  leaderAliveThreshold?: number
  /** Wait between proposing and declaring oneself leader. @default 5000 (Fabric) */
  leaderElectionDuration?: number
  /** Called when an adapter call throws; the engine carries on. @default the error is ignored */
  onError?: (err: unknown, operation: LeaderElectionOperation) => void
}

/**
 * What the engine is doing: sampling the membership (`startup`), waiting for the outcome of its proposal
 * (`electing`), declaring periodically (`leading`), waiting for the leader's declarations (`following`).
 */
export type LeaderElectionPhase = 'stopped' | 'startup' | 'electing' | 'leading' | 'following'

/** Compares two PKI-IDs byte by byte, a prefix first (Go's `bytes.Compare`): negative when `a` is smaller. */
export function comparePkiIds (a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) return a[i] - b[i]
  }
  return a.length - b.length
}

function duration (value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback
}

/** The leader election of one channel. Feed it the channel's leadership messages with {@link handleMessage}. */
export class LeaderElectionEngine {
  private readonly adapter: LeaderElectionAdapter
  private readonly clock: Clock
  private readonly pkiId: Uint8Array
  private readonly startupGracePeriod: number
  private readonly membershipSampleInterval: number
  private readonly leaderAliveThreshold: number
  private readonly declarationInterval: number
  private readonly leaderElectionDuration: number
  private readonly onError: ((err: unknown, operation: LeaderElectionOperation) => void) | undefined

  private running = false
  /** Bumped by start() and stop(), so that code resuming after an adapter call sees it was restarted. */
  private generation = 0
  private current: LeaderElectionPhase = 'stopped'
  private leader = false
  private leaderKnown = false
  private smallerProposal = false
  private yielding = false
  /** The single timer of the current phase and what runs when it fires. */
  private phaseTimer: TimerHandle | undefined
  private onPhaseEnd: (() => void) | undefined
  /** Whether the current wait was already cut short by a declaration. */
  private interrupted = false
  private yieldTimer: TimerHandle | undefined
  /** Startup: when sampling ends at the latest, and the previous sample (undefined: none or failed). */
  private startupDeadline = 0
  private lastView: string | undefined

  constructor (adapter: LeaderElectionAdapter, init: LeaderElectionInit) {
    if (!(init.pkiId instanceof Uint8Array) || init.pkiId.length === 0) {
      throw new TypeError('leader election needs a non-empty PKI-ID')
    }
    this.adapter = adapter
    this.clock = init.clock ?? systemClock
    this.pkiId = Uint8Array.from(init.pkiId)
    this.startupGracePeriod = duration(init.startupGracePeriod, STARTUP_GRACE_PERIOD)
    this.membershipSampleInterval = Math.max(1, duration(init.membershipSampleInterval, MEMBERSHIP_SAMPLE_INTERVAL))
    this.leaderAliveThreshold = Math.max(2, duration(init.leaderAliveThreshold, LEADER_ALIVE_THRESHOLD))
    this.declarationInterval = this.leaderAliveThreshold / 2
    this.leaderElectionDuration = duration(init.leaderElectionDuration, LEADER_ELECTION_DURATION)
    this.onError = init.onError
  }

  /** Starts sampling the membership; elections follow. A no-op when running. */
  start (): void {
    if (this.running) return
    this.running = true
    this.generation++
    this.leaderKnown = false
    this.smallerProposal = false
    this.yielding = false
    this.startupDeadline = this.clock.now() + this.startupGracePeriod
    this.lastView = this.sampleView()
    if (this.running) this.nextSample()
  }

  /**
   * Stops: clears every timer, forgets what it heard and, if we led, makes {@link isLeader} false and fires
   * `onLeadershipChange(false)`. A no-op when stopped.
   */
  stop (): void {
    if (!this.running) return
    this.running = false
    this.generation++
    this.clearPhaseTimer()
    this.current = 'stopped'
    this.stopYielding()
    this.leaderKnown = false
    this.smallerProposal = false
    this.lastView = undefined
    this.setLeader(false)
  }

  /** Whether {@link start} was called and {@link stop} not since. */
  get isRunning (): boolean {
    return this.running
  }

  /** Whether we are the leader (Fabric `IsLeader`). */
  isLeader (): boolean {
    return this.leader
  }

  /** What the engine is doing now. */
  get phase (): LeaderElectionPhase {
    return this.current
  }

  /** Whether we abstain from elections after {@link yield}. */
  get isYielding (): boolean {
    return this.yielding
  }

  /**
   * Gives up the leadership (Fabric `Yield`, called when the ordering service cannot be reached): we stop
   * leading at once and abstain from elections until a declaration is heard or 6 x `leaderAliveThreshold`
   * passes. A no-op unless we lead and are not already yielding.
   */
  yield (): void {
    if (!this.running || !this.leader || this.yielding) return
    this.yielding = true
    this.leaderKnown = false
    this.yieldTimer = this.clock.setTimeout(() => {
      this.yieldTimer = undefined
      this.yielding = false
    }, YIELD_THRESHOLDS * this.leaderAliveThreshold)
    this.interrupt()
    this.setLeader(false)
  }

  /**
   * A proposal or declaration from a peer. The consumer has checked that it is correctly signed, of this
   * channel, and from an alive peer of our org. Ignored when stopped, and when it carries our own PKI-ID.
   */
  handleMessage (msg: LeadershipMessage): void {
    if (!this.running || msg.pkiId.length === 0) return
    const order = comparePkiIds(msg.pkiId, this.pkiId)
    if (order === 0) return
    if (!msg.isDeclaration) {
      if (order < 0) this.smallerProposal = true
      return
    }
    this.leaderKnown = true
    this.interrupt()
    if (order < 0) this.setLeader(false)
  }

  /** Waits for the next membership sample, or for the end of the grace period if sooner. */
  private nextSample (): void {
    const left = Math.max(0, this.startupDeadline - this.clock.now())
    this.wait('startup', Math.min(this.membershipSampleInterval, left), () => { this.sample() })
  }

  private sample (): void {
    const gen = this.generation
    const view = this.sampleView()
    if (gen !== this.generation) return
    const stable = view !== undefined && view === this.lastView
    if (stable || this.leaderKnown || this.clock.now() >= this.startupDeadline) {
      this.loop()
      return
    }
    this.lastView = view
    this.nextSample()
  }

  /** The start of one iteration of Fabric's loop: elect if no leader is known (and we do not yield). */
  private loop (): void {
    if (!this.leaderKnown && !this.yielding) {
      this.wait('electing', this.leaderElectionDuration, () => { this.endElection() })
      this.send(false)
      return
    }
    this.turn()
  }

  private endElection (): void {
    if (!this.leaderKnown && !this.yielding && !this.smallerProposal) {
      this.leaderKnown = true
      const gen = this.generation
      this.setLeader(true)
      if (gen !== this.generation) return
    }
    this.turn()
  }

  /** The rest of the iteration: a leader declares, a follower listens. */
  private turn (): void {
    if (this.leaderKnown && this.yielding) this.stopYielding()
    if (this.leader) {
      const gen = this.generation
      this.wait('leading', this.declarationInterval, () => { this.loop() })
      this.report(true)
      if (gen === this.generation && this.leader) this.send(true)
    } else {
      this.smallerProposal = false
      this.leaderKnown = false
      this.wait('following', this.leaderAliveThreshold, () => { this.loop() })
      this.report(false)
    }
  }

  /** Enters `phase` and runs `then` after `ms` (sooner if a declaration interrupts an interruptible wait). */
  private wait (phase: LeaderElectionPhase, ms: number, then: () => void): void {
    this.clearPhaseTimer()
    this.current = phase
    this.interrupted = false
    this.onPhaseEnd = then
    this.phaseTimer = this.clock.setTimeout(() => { this.endPhase() }, ms)
  }

  /** A declaration (or a yield) cuts the election's and the leader's waits short (Fabric `waitForInterrupt`). */
  private interrupt (): void {
    if (this.interrupted || (this.current !== 'electing' && this.current !== 'leading')) return
    this.interrupted = true
    if (this.phaseTimer !== undefined) this.clock.clearTimeout(this.phaseTimer)
    this.phaseTimer = this.clock.setTimeout(() => { this.endPhase() }, 0)
  }

  private endPhase (): void {
    const then = this.onPhaseEnd
    this.phaseTimer = undefined
    this.onPhaseEnd = undefined
    if (this.running && then !== undefined) then()
  }

  private clearPhaseTimer (): void {
    if (this.phaseTimer !== undefined) this.clock.clearTimeout(this.phaseTimer)
    this.phaseTimer = undefined
    this.onPhaseEnd = undefined
  }

  private stopYielding (): void {
    if (this.yieldTimer !== undefined) this.clock.clearTimeout(this.yieldTimer)
    this.yieldTimer = undefined
    this.yielding = false
  }

  /** Sets the leadership flag; on a change, tells the consumer (last, so that it sees a consistent engine). */
  private setLeader (leader: boolean): void {
    if (this.leader === leader) return
    this.leader = leader
    this.call('onLeadershipChange', () => { this.adapter.onLeadershipChange?.(leader) })
  }

  private send (isDeclaration: boolean): void {
    this.call('gossip', () => { this.adapter.gossip({ pkiId: this.pkiId, isDeclaration }) })
  }

  private report (leader: boolean): void {
    this.call('reportMetrics', () => { this.adapter.reportMetrics?.(leader) })
  }

  /** The sorted PKI-IDs of `peers()` as one string, or undefined if it threw. */
  private sampleView (): string | undefined {
    let peers: Uint8Array[]
    try {
      peers = this.adapter.peers()
    } catch (err) {
      this.onError?.(err, 'peers')
      return undefined
    }
    return peers.map(hex).sort().join(',')
  }

  private call (operation: LeaderElectionOperation, fn: () => void): void {
    try {
      fn()
    } catch (err) {
      this.onError?.(err, operation)
    }
  }
}

function hex (bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += b.toString(16).padStart(2, '0')
  return s
}
