/**
 * `fgossip interop`: libp2p's transport-interop ping test (libp2p/test-plans, `transport-interop`) with this
 * project's libp2p stack, configured by the harness's environment variables. The dialer prints one JSON line
 * on stdout and exits 0; the listener stays up until SIGTERM/SIGINT (exit 0) or the test timeout (exit 1).
 * A variable we do not support exits 2 with a message naming it; any other failure exits 1.
 */
import { Command } from 'commander'
import { interopConfigFromEnv, InteropConfigError, type InteropConfig } from '../interop/config.js'
import { formatResult, runDialer, runListener } from '../interop/ping-test.js'
import { createLogger } from '../logging.js'

const log = createLogger('interop')

export function registerInteropCommand (program: Command): void {
  program
    .command('interop')
    .description('Run libp2p\'s transport-interop ping test (libp2p/test-plans) as dialer or listener with the ' +
      'peer\'s libp2p stack (TCP, Noise, yamux, identify, ping); configured by environment variables.')
    .addHelpText('after', `
Environment (libp2p/test-plans transport-interop):
  transport             tcp (the only one supported)
  security              noise (the only one supported)
  muxer                 yamux (the only one supported)
  is_dialer             true: BLPOP listenerAddr, dial, ping once, print the result; false: listen
  ip                    the listener's bind address (default 0.0.0.0)
  redis_addr            host:port of Redis (default redis:6379)
  test_timeout_seconds  default 180

The dialer prints only {"handshakePlusOneRTTMillis": N, "pingRTTMilllis": N} on stdout (logs on stderr).
The listener RPUSHes its multiaddr (with /p2p/<id>) to listenerAddr and stays up until SIGTERM/SIGINT
(exit 0) or the timeout (exit 1). An unsupported value exits 2 naming the variable.

Example:
  $ redis-server --port 6379 --save '' &
  $ transport=tcp security=noise muxer=yamux is_dialer=false ip=127.0.0.1 redis_addr=127.0.0.1:6379 fgossip interop &
  $ transport=tcp security=noise muxer=yamux is_dialer=true redis_addr=127.0.0.1:6379 fgossip interop`)
    .action(async () => {
      await runInterop()
    })
}

async function runInterop (): Promise<void> {
  let config: InteropConfig
  try {
    config = interopConfigFromEnv(process.env)
  } catch (err) {
    if (err instanceof InteropConfigError) {
      process.stderr.write(`fgossip interop: ${err.message}\n`)
      process.exit(2)
    }
    throw err
  }
  if (config.isDialer) {
    try {
      const result = await runDialer(config)
      await new Promise<void>(resolve => { process.stdout.write(formatResult(result) + '\n', () => { resolve() }) })
      process.exit(0)
    } catch (err) {
      process.stderr.write(`fgossip interop: dialer failed: ${(err as Error).message}\n`)
      process.exit(1)
    }
  }
  const stop = new AbortController()
  const onSignal = (signal: string): void => {
    if (stop.signal.aborted) return
    log.info(`${signal} received: stopping`)
    const force = setTimeout(() => { log.error('clean stop took over 10 s: exiting'); process.exit(1) }, 10_000)
    force.unref()
    stop.abort()
  }
  process.on('SIGINT', () => { onSignal('SIGINT') })
  process.on('SIGTERM', () => { onSignal('SIGTERM') })
  try {
    const outcome = await runListener(config, stop.signal)
    if (outcome === 'timeout') {
      process.stderr.write(`fgossip interop: listener: the test timeout (${config.timeoutSeconds} s) passed without a stop signal\n`)
      process.exit(1)
    }
    process.exit(0)
  } catch (err) {
    process.stderr.write(`fgossip interop: listener failed: ${(err as Error).message}\n`)
    process.exit(1)
  }
}
