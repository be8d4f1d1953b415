/**
 * `fgossip channel genesis`: writes the genesis (config) block of a channel of the orgs of a crypto folder
 * in cryptogen's layout, as Fabric's `configtxgen -outputBlock` would (see `src/channels/genesis.ts`).
 */
import { InvalidArgumentError } from 'commander'
import type { Command } from 'commander'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { common } from '../pb/common.js'
import { parseDuration } from '../config/duration.js'
import {
  channelFromConfigBlock,
  channelIdProblem,
  createGenesisBlock,
  genesisOptionsFromCryptoFolder,
  parseAnchorPeer
} from '../channels/index.js'
import type { AnchorPeerAddress, ChannelDefinition } from '../channels/index.js'

/** One `--anchor MSPID=host:port` value. */
export interface AnchorOption {
  mspId: string
  peer: AnchorPeerAddress
}

/**
 * Parses `MSPID=host:port` (IPv6 hosts in brackets: `Org1MSP=[::1]:7051`).
 *
 * @throws {InvalidArgumentError} naming --anchor
 */
export function parseAnchorOption (value: string): AnchorOption {
  const eq = value.indexOf('=')
  if (eq <= 0) throw new InvalidArgumentError(`--anchor must be MSPID=host:port, got '${value}'`)
  try {
    return { mspId: value.slice(0, eq), peer: parseAnchorPeer(value.slice(eq + 1), '--anchor') }
  } catch (err) {
    throw new InvalidArgumentError(`--anchor must be MSPID=host:port with a port from 1 to 65535, got '${value}': ${(err as Error).message}`)
  }
}

function channelOption (value: string): string {
  const problem = channelIdProblem(value)
  if (problem !== undefined) throw new InvalidArgumentError(`--channel: ${problem}`)
  return value
}

function endpointOption (value: string, previous: string[] | undefined): string[] {
  try {
    const { host, port } = parseAnchorPeer(value, '--orderer-endpoint')
    return [...previous ?? [], host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`]
  } catch {
    throw new InvalidArgumentError(`--orderer-endpoint must be host:port with a port from 1 to 65535, got '${value}'`)
  }
}

function ordererTypeOption (value: string): 'etcdraft' | 'solo' {
  if (value !== 'etcdraft' && value !== 'solo') throw new InvalidArgumentError(`--orderer-type must be etcdraft or solo, got '${value}'`)
  return value
}

const collect = (value: string, previous: string[] | undefined): string[] => [...previous ?? [], value]
const collectAnchor = (value: string, previous: AnchorOption[] | undefined): AnchorOption[] => [...previous ?? [], parseAnchorOption(value)]

interface GenesisFlags {
  crypto: string
  channel: string
  org?: string[]
  anchor?: AnchorOption[]
  out: string
  ordererType: 'etcdraft' | 'solo'
  ordererEndpoint?: string[]
  batchTimeout?: string
  maxMessageCount?: number
}

function batchTimeoutOption (value: string): string {
  let ms: number
  try {
    ms = parseDuration(value, '--batch-timeout')
  } catch {
    throw new InvalidArgumentError(`--batch-timeout must be a duration like 2s or 250ms, got '${value}'`)
  }
  if (!(ms > 0)) throw new InvalidArgumentError(`--batch-timeout must be more than 0, got '${value}'`)
  return value
}

function countOption (value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 0xffffffff) throw new InvalidArgumentError(`--max-message-count must be a whole number from 1, got '${value}'`)
  return Number(value)
}

/** A short human summary of a written genesis block. */
export function summarizeGenesis (channel: ChannelDefinition, out: string, bytes: number): string {
  let text = `Wrote the genesis block of channel ${channel.name} to ${out} (${bytes} bytes)\n`
  for (const org of channel.orgs) {
    const anchors = org.anchorPeers.map(a => `${a.host}:${a.port}`).join(', ')
    text += `  ${org.mspId.padEnd(12)} application org  anchor peers: ${anchors === '' ? 'none' : anchors}\n`
  }
  for (const org of channel.ordererOrgs) text += `  ${org.mspId.padEnd(12)} orderer org\n`
  return text
}

/** Adds `channel genesis` to the `fgossip` program. */
export function registerChannelCommand (program: Command): void {
  const channel = program
    .command('channel')
    .description('Manage channel configuration (genesis blocks)')

  channel
    .command('genesis')
    .description('Write the genesis block of a channel of the orgs of a crypto folder, as Fabric\'s configtxgen does')
    .requiredOption('--crypto <dir>', 'crypto folder in cryptogen\'s layout (fgossip crypto generate --out)')
    .requiredOption('--channel <name>', 'channel ID: lower-case letters, digits, \'.\' and \'-\', starting with a letter', channelOption)
    .option('--org <mspid>', 'an application org of the channel, e.g. Org1MSP (repeatable; default: every peer org of the folder)', collect)
    .option('--anchor <mspid=host:port>', 'an anchor peer of an org, e.g. Org1MSP=peer0.org1.example.com:7051 (repeatable; default: none)', collectAnchor)
    .requiredOption('-o, --out <file>', 'the block file to write (folders are created)')
    .option('--orderer-type <type>', 'consensus type: etcdraft (one consenter per orderer node) or solo', ordererTypeOption, 'etcdraft')
    .option('--orderer-endpoint <host:port>', 'endpoint of each orderer node, in order (repeatable; default: <orderer name>:7050)', endpointOption)
    .option('--batch-timeout <duration>', 'BatchTimeout: cut a block this long after its first transaction (default: 2s)', batchTimeoutOption)
    .option('--max-message-count <n>', 'BatchSize.MaxMessageCount: transactions per block at most (default: 500)', countOption)
    .addHelpText('after', `
The application orgs are the peerOrganizations/ of the crypto folder (all of them, or those named with
--org); the orderer org, when the folder has ordererOrganizations/, is the orderer org of the channel.
MSP IDs follow cryptogen's convention: org1.example.com is Org1MSP, the orderer org OrdererMSP. Each org's
MSP value is read from its msp/ folder as configtxgen reads MSPDir (cacerts, tlscacerts, NodeOUs of
config.yaml ...). Policies, capabilities (channel V2_0, orderer V2_0, application V2_5) and batch settings
(2s, 500 messages, 10 MB / 2 MB) are those of Fabric's sample configtx.yaml.

Examples:
  $ fgossip crypto generate --out ./crypto --orgs 2 --peers 2 --orderer
  $ fgossip channel genesis --crypto ./crypto --channel mychannel --out ./mychannel.block
  $ fgossip channel genesis --crypto ./crypto --channel ch1 --org Org1MSP \\
      --anchor Org1MSP=peer0.org1.example.com:7051 --out ./ch1.block`)
    .action(async function (this: Command, flags: GenesisFlags) {
      const fail = (message: string): never => this.error(`error: ${message}`, { exitCode: 1, code: 'fgossip.channel.genesis' })
      const anchorPeers: Record<string, AnchorPeerAddress[]> = {}
      for (const { mspId, peer } of flags.anchor ?? []) (anchorPeers[mspId] ??= []).push(peer)
      const out = resolve(flags.out)
      let bytes: Uint8Array
      let definition: ChannelDefinition
      try {
        const options = genesisOptionsFromCryptoFolder({
          cryptoDir: flags.crypto,
          channelId: flags.channel,
          orgs: flags.org,
          anchorPeers,
          ordererEndpoints: flags.ordererEndpoint,
          ordererType: flags.ordererType
        })
        const block = createGenesisBlock({
          ...options,
          ...(flags.batchTimeout != null ? { batchTimeout: flags.batchTimeout } : {}),
          ...(flags.maxMessageCount != null ? { batchSize: { maxMessageCount: flags.maxMessageCount } } : {})
        })
        bytes = common.Block.encode(block)
        definition = channelFromConfigBlock(block)
      } catch (err) {
        return fail(optionMessage(err as Error))
      }
      try {
        mkdirSync(dirname(out), { recursive: true })
        writeFileSync(out, bytes)
      } catch (err) {
        return fail(`--out: cannot write ${out}: ${(err as Error).message}`)
      }
      const write = this.configureOutput().writeOut ?? ((s: string) => process.stdout.write(s))
      write(summarizeGenesis(definition, out, bytes.length))
    })
}

/** Names the option behind an error of the crypto folder or of the genesis writer. */
function optionMessage (err: Error): string {
  const m = err.message
  if (/^no peer org /.test(m)) return `--org: ${m}`
  if (/^anchor peers for /.test(m)) return `--anchor: ${m}`
  if (/orderer endpoint/.test(m)) return `--orderer-endpoint: ${m}`
  if (err.name === 'CryptoFolderError' || err.name === 'MspConfigError') return `--crypto: ${m}`
  return m
}
