/**
 * Pure gossip algorithms: no I/O, time passed in through a {@link Clock}, messages sent through an adapter
 * the consumer implements (Fabric's `gossip/gossip/algo`). Tested with a fake clock
 * (`test/helpers/fake-clock.ts`).
 *
 * @example
 * ```ts
 * import { PullEngine, systemClock } from './algo/index.js'
 * const blocks = new PullEngine(adapter, { clock: systemClock, pullInterval: config.pullInterval })
 * blocks.add('1', '2')
 * blocks.start()
 * ```
 */
export { PullEngine } from './pull.js'
export type { PullAdapter, PullEngineInit, PullEngineStats, PullOperation, DigestFilter, DigestPredicate } from './pull.js'
export { systemClock, millisecond, second, minute, hour, MAX_TIMER_DELAY } from './clock.js'
export type { Clock, TimerHandle } from './clock.js'
export {
  PULL_INTERVAL,
  DIGEST_WAIT_TIME,
  REQUEST_WAIT_TIME,
  RESPONSE_WAIT_TIME,
  MAX_DIGESTS_PER_MESSAGE,
  MAX_PENDING_NONCES
} from './constants.js'
