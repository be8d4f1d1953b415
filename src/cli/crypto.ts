/**
 * `fgossip crypto generate`: writes the crypto material of a test network in Fabric's cryptogen layout
 * (see `src/identity/cryptogen.ts`, imported only when the command runs).
 */
import { InvalidArgumentError } from 'commander'
import type { Command } from 'commander'
import { relative } from 'node:path'
import type { CryptoLayout, OrgMaterial } from '../identity/cryptogen.js'

/** A commander argument parser for an integer >= `min`, naming the option in its error. */
function integerOption (flag: string, min: number): (value: string) => number {
  return (value: string): number => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN
    if (!Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${flag} must be ${min === 0 ? 'a non-negative' : 'a positive'} integer`)
    }
    return n
  }
}

function domainOption (value: string): string {
  if (!/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(value)) {
    throw new InvalidArgumentError('--domain must be a DNS name such as example.com')
  }
  return value
}

interface GenerateFlags {
  out: string
  orgs: number
  peers: number
  orderer: boolean
  orderers: number
  domain: string
  users: number
  tls: boolean
  nodeOus: boolean
  force: boolean
}

function describeOrg (layout: CryptoLayout, org: OrgMaterial): string {
  const nodes = org.nodes.map(n => n.hostname).join(', ')
  const users = org.users.map(u => u.name.slice(0, u.name.indexOf('@'))).join(', ')
  const kind = org.kind === 'peer' ? 'peers' : 'orderers'
  return `  ${org.mspId.padEnd(12)} ${relative(layout.out, org.dir)}  ${kind}: ${nodes}  users: ${users}\n`
}

/** A short human summary of what `generateCryptoMaterial` wrote. */
export function summarizeLayout (layout: CryptoLayout, millis: number): string {
  let text = `Wrote ${layout.files} files to ${layout.out} in ${Math.round(millis)} ms\n`
  for (const org of layout.orgs) text += describeOrg(layout, org)
  if (layout.ordererOrg !== undefined) text += describeOrg(layout, layout.ordererOrg)
  return text
}

/** Adds `crypto generate` to the `fgossip` program. */
export function registerCryptoCommand (program: Command): void {
  const crypto = program
    .command('crypto')
    .description('Manage MSP crypto material (certificates and keys)')

  crypto
    .command('generate')
    .description('Generate CAs, certificates and keys for a test network in the layout of Fabric\'s cryptogen')
    .option('-o, --out <dir>', 'output folder (created if needed)', 'crypto-config')
    .option('--orgs <n>', 'number of peer organisations: org1..orgN (Org1MSP..OrgNMSP)', integerOption('--orgs', 1), 2)
    .option('--peers <n>', 'peers per organisation: peer0..peer(N-1)', integerOption('--peers', 1), 2)
    .option('--orderer', 'also generate the orderer organisation (OrdererMSP)', false)
    .option('--orderers <n>', 'orderer nodes with --orderer: orderer, orderer2, ...', integerOption('--orderers', 1), 1)
    .option('--domain <domain>', 'base domain: peer orgs are org<i>.<domain>, the orderer org <domain>', domainOption, 'example.com')
    .option('--users <n>', 'users per organisation besides Admin: User1..UserN', integerOption('--users', 0), 1)
    .option('--no-tls', 'skip the TLS CA and the tls/ folders')
    .option('--no-node-ous', 'no NodeOUs: no config.yaml and no OU in certificates; Admin goes to admincerts/')
    .option('-f, --force', 'replace organisation folders that already exist', false)
    .addHelpText('after', `
Layout (as cryptogen):
  <out>/peerOrganizations/org1.<domain>/{ca,tlsca,msp,peers/peer0.org1.<domain>,users/Admin@org1.<domain>,...}
  <out>/ordererOrganizations/<domain>/{ca,tlsca,msp,orderers/orderer.<domain>,users/Admin@<domain>}
  A node's MSP folder (msp/) holds signcerts/<name>-cert.pem, keystore/priv_sk, cacerts/, tlscacerts/ and
  config.yaml; pass it with its MSP ID (Org1MSP ...) to the node.

Examples:
  $ fgossip crypto generate --out ./crypto --orgs 2 --peers 3 --orderer
  $ fgossip crypto generate --out ./crypto --orgs 1 --peers 1 --domain acme.test --users 0`)
    .action(async function (this: Command, flags: GenerateFlags) {
      const started = performance.now()
      let layout: CryptoLayout
      try {
        // loaded on demand: @peculiar/x509 takes ~150 ms to load, which other commands need not pay
        const { generateCryptoMaterial } = await import('../identity/cryptogen.js')
        layout = await generateCryptoMaterial({
          out: flags.out,
          orgs: flags.orgs,
          peers: flags.peers,
          orderer: flags.orderer,
          orderers: flags.orderers,
          domain: flags.domain,
          users: flags.users,
          tls: flags.tls,
          nodeOUs: flags.nodeOus,
          force: flags.force
        })
      } catch (err) {
        const message = (err as Error).message.replace('(use force to replace it)', '(use --force to replace it)')
        this.error(`error: ${message}`, { exitCode: 1, code: 'fgossip.crypto.generate' })
      }
      const write = this.configureOutput().writeOut ?? ((s: string) => process.stdout.write(s))
      write(summarizeLayout(layout, performance.now() - started))
    })
}
