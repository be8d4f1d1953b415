/**
 * `fgossip start [--config FILE]`: runs one peer until SIGINT or SIGTERM.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Command } from 'commander'
import { loadConfig, ConfigError, describeConfig } from '../config/index.js'
import { GossipNode } from '../node.js'
import { createLogger } from '../logging.js'
import { stopOnSignals } from './signals.js'

const log = createLogger('cli')

export function registerStartCommand (program: Command): void {
  program
    .command('start')
    .description('Run a gossip peer. Configuration comes from a YAML file with the keys of Fabric\'s core.yaml, ' +
      'overridden by Fabric\'s environment variables (CORE_PEER_ID, CORE_PEER_LOCALMSPID, CORE_PEER_GOSSIP_BOOTSTRAP, ...).')
    .option('-c, --config <file>', 'YAML configuration file (core.yaml layout: peer.*, operations.*); ' +
      'default: $FABRIC_CFG_PATH/core.yaml when that file exists, else built-in defaults and the environment')
    .addHelpText('after', () => `\nConfiguration keys (YAML path / environment variable / default):\n${describeConfig()}`)
    .action(async (opts: { config?: string }) => {
      await runStart(opts.config)
    })
}

/** The config file to read: the one named, else Fabric's `$FABRIC_CFG_PATH/core.yaml` when it exists. */
function configFile (named: string | undefined): string | undefined {
  if (named != null) return named
  const dir = process.env.FABRIC_CFG_PATH
  if (dir == null || dir === '') return undefined
  const candidate = join(dir, 'core.yaml')
  return existsSync(candidate) ? candidate : undefined
}

async function runStart (named: string | undefined): Promise<void> {
  const file = configFile(named)
  let config
  try {
    config = loadConfig({ file, env: process.env, onWarning: (w: string) => { log.warn(w) } })
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`fgossip: invalid configuration: ${err.message}\n`)
      process.exit(2)
    }
    throw err
  }
  const node = await GossipNode.create(config)
  await node.start()
  stopOnSignals(node)
}
