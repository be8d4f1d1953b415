/**
 * `fgossip load`: drives transactions into the ordering service for demos and benchmarks, signed by a
 * client identity of a crypto folder (`users/User1@<org domain>/msp`), and reports accepted, rejected and
 * committed (found in a block) counts with the time from broadcast to block.
 */
import '../shim.js'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { Command, InvalidArgumentError } from 'commander'
import { createLibp2p } from 'libp2p'
import { libp2pStack } from '../libp2p-stack.js'
import { parseEndpoint } from '../config/index.js'
import { scanCryptoFolder } from '../channels/crypto-folder.js'
import { loadSigningIdentity, type SigningIdentity } from '../identity/index.js'
import { runLoad, type LoadReport } from '../orderer/load.js'
import type { Multiaddr } from '@multiformats/multiaddr'

interface LoadFlags {
  orderer: Multiaddr
  channel: string
  tps: number
  size: number
  duration: number
  crypto?: string
  org?: string
  user: string
  msp?: string
  mspId?: string
  json?: boolean
}

const positive = (name: string, integer: boolean) => (value: string): number => {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) throw new InvalidArgumentError(`${name} must be a ${integer ? 'whole ' : ''}number above 0, got '${value}'`)
  return n
}

const sizeOption = (value: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 64 * 1024 * 1024) throw new InvalidArgumentError(`--size must be a whole number of bytes from 0 to 67108864, got '${value}'`)
  return n
}

const ordererOption = (value: string): Multiaddr => {
  try {
    return parseEndpoint(value, '--orderer')
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message)
  }
}

/** The signing identity the flags name: `--msp`/`--msp-id`, else `--user` of `--org` in `--crypto`. */
export function clientIdentity (flags: Pick<LoadFlags, 'crypto' | 'org' | 'user' | 'msp' | 'mspId'>): SigningIdentity {
  if (flags.msp != null) {
    if (flags.mspId == null) throw new Error('--msp-id is required with --msp')
    return loadSigningIdentity(flags.msp, flags.mspId)
  }
  const crypto = flags.crypto ?? './crypto'
  const orgs = scanCryptoFolder(crypto).filter(o => o.kind === 'peer')
  const org = flags.org == null ? orgs[0] : orgs.find(o => o.mspId === flags.org)
  if (org == null) throw new Error(`--org: no peer org ${flags.org ?? ''} in ${crypto} (it has ${orgs.map(o => o.mspId).join(', ') || 'none'})`)
  const dir = join(org.dir, 'users', `${flags.user}@${org.domain}`, 'msp')
  if (!existsSync(dir)) throw new Error(`--user: ${flags.user}@${org.domain} has no MSP folder in ${crypto} (${dir})`)
  return loadSigningIdentity(dir, org.mspId)
}

export function formatReport (r: LoadReport): string {
  const rejected = Object.entries(r.rejectedBy).map(([s, n]) => `${s} ${n}`).join(', ')
  return `sent ${r.sent}, accepted ${r.accepted}, rejected ${r.rejected}${rejected !== '' ? ` (${rejected})` : ''}, committed ${r.committed} in ${r.blocks} blocks; ` +
    `broadcast to block p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms; ${r.elapsed.toFixed(1)} s`
}

export function registerLoadCommand (program: Command): void {
  program
    .command('load')
    .description('Broadcast signed transactions to the ordering service at a steady rate and report accepted, rejected and committed counts.')
    .requiredOption('--orderer <addr>', 'the orderer: host:port or a multiaddr', ordererOption)
    .requiredOption('--channel <name>', 'the channel')
    .option('--tps <n>', 'transactions per second', positive('--tps', false), 100)
    .option('--size <bytes>', 'payload bytes per transaction', sizeOption, 1000)
    .option('--duration <s>', 'seconds of load', positive('--duration', false), 10)
    .option('--crypto <dir>', 'crypto folder (cryptogen layout) holding the client identity', './crypto')
    .option('--org <mspid>', 'the org of the client (default: the first peer org of the folder)')
    .option('--user <name>', 'the client user of the org', 'User1')
    .option('--msp <dir>', 'an MSP folder to sign with instead of --crypto/--org/--user (with --msp-id)')
    .option('--msp-id <id>', 'the MSP ID of --msp')
    .option('--json', 'print the final report as JSON')
    .action(async function (this: Command, flags: LoadFlags) {
      const fail = (message: string): never => this.error(`error: ${message}`, { exitCode: 1, code: 'fgossip.load' })
      let signer: SigningIdentity
      try {
        signer = clientIdentity(flags)
      } catch (err) {
        return fail((err as Error).message)
      }
      const node = await createLibp2p(libp2pStack())
      await node.start()
      const stop = new AbortController()
      process.once('SIGINT', () => { stop.abort() })
      try {
        const report = await runLoad({
          dial: async (addr, protocol, signal) => await node.dialProtocol(addr, protocol, { signal }),
          localPeerId: node.peerId,
          orderer: flags.orderer,
          channel: flags.channel,
          signer,
          tps: flags.tps,
          size: flags.size,
          duration: flags.duration,
          signal: stop.signal,
          onProgress: flags.json === true ? undefined : r => { process.stderr.write(`  ${formatReport(r)}\n`) }
        })
        process.stdout.write(flags.json === true ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`)
      } catch (err) {
        return fail(`load against ${flags.orderer.toString()} failed: ${(err as Error).message}`)
      } finally {
        await node.stop()
      }
    })
}
