/**
 * `fgossip orderer [--config FILE]`: runs the ordering service until SIGINT or SIGTERM. Configuration as
 * Fabric's orderer.yaml (General.*, FileLedger.Location, Operations.ListenAddress) plus `Channels` (the
 * genesis blocks of the channels served), overridden by ORDERER_* environment variables.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Command } from 'commander'
import { ConfigError } from '../config/errors.js'
import { loadOrdererConfig } from '../orderer/config.js'
import { OrdererNode } from '../orderer-node.js'
import { createLogger } from '../logging.js'
import { stopOnSignals } from './signals.js'

const log = createLogger('cli')

export function registerOrdererCommand (program: Command): void {
  program
    .command('orderer')
    .description('Run the ordering service (a single orderer): Broadcast and Deliver over libp2p, POST /broadcast on ' +
      'the operations server, blocks cut by each channel\'s batch rules and signed with the orderer\'s MSP identity.')
    .option('-c, --config <file>', 'YAML configuration file (orderer.yaml layout: General, FileLedger, Operations, ' +
      'Channels); default: $FABRIC_CFG_PATH/orderer.yaml when that file exists, else defaults and the environment')
    .addHelpText('after', `
Keys (YAML / environment / default):
  General.ListenAddress     ORDERER_GENERAL_LISTENADDRESS     127.0.0.1
  General.ListenPort        ORDERER_GENERAL_LISTENPORT        7050
  General.LocalMSPDir       ORDERER_GENERAL_LOCALMSPDIR       msp
  General.LocalMSPID        ORDERER_GENERAL_LOCALMSPID        SampleOrg
  FileLedger.Location       ORDERER_FILELEDGER_LOCATION       /var/hyperledger/production/orderer
  Operations.ListenAddress  ORDERER_OPERATIONS_LISTENADDRESS  127.0.0.1:8443
  Channels                  ORDERER_CHANNELS (comma list)     genesis block files of the channels served

Example:
  $ fgossip crypto generate --out ./crypto --orgs 2 --peers 2 --orderer
  $ fgossip channel genesis --crypto ./crypto --channel mychannel --out mychannel.block
  $ ORDERER_GENERAL_LOCALMSPDIR=./crypto/ordererOrganizations/example.com/orderers/orderer.example.com/msp \\
    ORDERER_GENERAL_LOCALMSPID=OrdererMSP ORDERER_FILELEDGER_LOCATION=./orderer-data \\
    ORDERER_CHANNELS=mychannel.block fgossip orderer`)
    .action(async (opts: { config?: string }) => {
      await runOrderer(opts.config)
    })
}

function configFile (named: string | undefined): string | undefined {
  if (named != null) return named
  const dir = process.env.FABRIC_CFG_PATH
  if (dir == null || dir === '') return undefined
  const candidate = join(dir, 'orderer.yaml')
  return existsSync(candidate) ? candidate : undefined
}

async function runOrderer (named: string | undefined): Promise<void> {
  let node: OrdererNode
  try {
    const config = loadOrdererConfig({ file: configFile(named), env: process.env, onWarning: w => { log.warn(w) } })
    node = await OrdererNode.create(config)
    await node.start()
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`fgossip: invalid configuration: ${err.message}\n`)
      process.exit(2)
    }
    process.stderr.write(`fgossip: the orderer cannot start: ${(err as Error).message}\n`)
    process.exit(1)
  }
  stopOnSignals(node)
}
