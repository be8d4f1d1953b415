/**
 * The `fgossip` command line: one sub-command per file, registered here.
 */
import { Command } from 'commander'
import { registerStartCommand } from './start.js'
import { registerCryptoCommand } from './crypto.js'
import { registerDemoCommand } from './demo.js'
import { registerChannelCommand } from './channel.js'
import { registerOrdererCommand } from './orderer.js'
import { registerLoadCommand } from './load.js'
import { registerClusterCommand, registerStatusCommand } from './cluster/index.js'
import { registerInteropCommand } from './interop.js'

export function buildProgram (): Command {
  const program = new Command()
  program
    .name('fgossip')
    .description('Hyperledger Fabric\'s gossip layer on libp2p: run a peer or the ordering service, make MSP crypto material and channel genesis blocks, run a local demo or libp2p\'s interop test.')
    .version(VERSION)
    .showHelpAfterError()
  registerStartCommand(program)
  registerCryptoCommand(program)
  registerChannelCommand(program)
  registerOrdererCommand(program)
  registerLoadCommand(program)
  registerClusterCommand(program)
  registerStatusCommand(program)
  registerDemoCommand(program)
  registerInteropCommand(program)
  return program
}

const VERSION = '0.1.0'
