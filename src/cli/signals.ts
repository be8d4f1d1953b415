/**
 * How a long-running command (`fgossip start`, `fgossip orderer`) ends: the first SIGINT or SIGTERM stops the
 * node cleanly and exits 0 (1 when the stop fails or takes over 10 s).
 */
import { createLogger } from '../logging.js'

const log = createLogger('cli')

/** Stops `node` on SIGINT or SIGTERM, then exits. */
export function stopOnSignals (node: { stop: () => Promise<void> }): void {
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    log.info(`${signal} received: stopping`)
    const force = setTimeout(() => { log.error('clean stop took over 10 s: exiting'); process.exit(1) }, 10_000)
    force.unref()
    node.stop().then(() => { process.exit(0) }, (err: Error) => { log.error(`stop failed: ${err.message}`); process.exit(1) })
  }
  process.on('SIGINT', () => { stop('SIGINT') })
  process.on('SIGTERM', () => { stop('SIGTERM') })
}
