/**
 * `fgossip demo`: the newcomer's first command (`npm start`). It makes MSP material for two orgs of two
 * peers and the genesis block of channel `mychannel` (peer0 of each org its anchor peer), writes one config
 * file per peer into the demo folder, and starts each peer as its own `fgossip start` process on loopback:
 * peer1 of each org bootstraps from peer0 of its org (Fabric accepts bootstrap peers of one's own org only),
 * the orgs meet through the anchor peers (every peer has an external endpoint). It waits until every peer
 * sees the three others alive and as members of the channel, and prints their status. Later issues grow
 * this into `fgossip cluster up` (blocks, the ordering service).
 */
import { Command, InvalidArgumentError } from 'commander'
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { stringify } from 'yaml'
import { generateCryptoMaterial } from '../identity/cryptogen.js'
import { createGenesisBlock } from '../channels/genesis.js'
import { genesisOptionsFromCryptoFolder } from '../channels/crypto-folder.js'
import { common } from '../pb/common.js'
import { fgossipBin } from './paths.js'
import { stablePorts } from './ports.js'

interface DemoPeer {
  name: string
  org: number
  index: number
  mspId: string
  port: number
  opsPort: number
  configFile: string
  child?: ChildProcess
}

export function registerDemoCommand (program: Command): void {
  program
    .command('demo')
    .description('Start four local peers (two orgs of two peers, one channel) as separate processes, wait until ' +
      'each sees the others in membership and in the channel, and show their status. Ctrl-C stops them.')
    .option('-d, --dir <dir>', 'folder for crypto material, configs, ledgers and logs', './cluster')
    .option('--once', 'exit after the peers have connected (for scripts and tests)')
    .option('--timeout <seconds>', 'how long to wait for the peers to connect', parsePositive, 60)
    .action(async (opts: { dir: string, once?: boolean, timeout: number }) => {
      await runDemo(resolve(opts.dir), opts.once === true, opts.timeout)
    })
}

function parsePositive (value: string): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('--timeout must be a positive number of seconds')
  return n
}

async function runDemo (dir: string, once: boolean, timeoutSeconds: number): Promise<void> {
  await mkdir(dir, { recursive: true })
  const cryptoDir = join(dir, 'crypto')
  if (!existsSync(join(cryptoDir, 'peerOrganizations'))) {
    process.stdout.write(`generating MSP material for 2 orgs in ${cryptoDir}\n`)
    await generateCryptoMaterial({ out: cryptoDir, orgs: 2, peers: PEERS_PER_ORG })
  }
  const peers: DemoPeer[] = []
  const channelBlock = join(dir, `${CHANNEL}.block`)
  const ports = await stablePorts(2 * 2 * PEERS_PER_ORG)
  for (const org of [1, 2]) {
    for (let index = 0; index < PEERS_PER_ORG; index++) {
      const name = `peer${index}.org${org}.example.com`
      const [port, opsPort] = ports.splice(0, 2)
      peers.push({ name, org, index, mspId: `Org${org}MSP`, port, opsPort, configFile: join(dir, `${name}.yaml`) })
    }
  }
  // the channel's genesis block, as configtxgen would write it: peer0 of each org is its anchor peer
  const anchorPeers: Record<string, Array<{ host: string, port: number }>> = {}
  for (const p of peers.filter(x => x.index === 0)) anchorPeers[p.mspId] = [{ host: '127.0.0.1', port: p.port }]
  const block = createGenesisBlock(genesisOptionsFromCryptoFolder({ cryptoDir, channelId: CHANNEL, anchorPeers }))
  await writeFile(channelBlock, common.Block.encode(block))
  for (const p of peers) {
    const leader = peers.find(o => o.org === p.org && o.index === 0) as DemoPeer
    const orgDir = (n: number): string => join('crypto', 'peerOrganizations', `org${n}.example.com`)
    const config = {
      peer: {
        id: p.name,
        localMspId: p.mspId,
        mspConfigPath: join(orgDir(p.org), 'peers', p.name, 'msp'),
        fileSystemPath: join('data', p.name),
        listenAddress: `127.0.0.1:${p.port}`,
        address: `127.0.0.1:${p.port}`,
        gossip: {
          endpoint: `127.0.0.1:${p.port}`,
          externalEndpoint: `127.0.0.1:${p.port}`,
          bootstrap: p.index > 0 ? [`127.0.0.1:${leader.port}`] : [],
          reconnectInterval: '1s'
        }
      },
      operations: { listenAddress: `127.0.0.1:${p.opsPort}` },
      channels: [`${CHANNEL}.block`]
    }
    await writeFile(p.configFile, `# written by fgossip demo: how ${p.name} was started\n${stringify(config)}`)
  }
  await rm(join(dir, 'logs'), { recursive: true, force: true })
  await mkdir(join(dir, 'logs'), { recursive: true })

  const bin = fgossipBin()
  const stopAll = async (): Promise<void> => {
    await Promise.all(peers.map(async p => {
      const c = p.child
      if (c == null || c.exitCode != null) return
      const exited = new Promise(resolve => c.once('exit', resolve))
      c.kill('SIGTERM')
      await exited
    }))
  }
  process.on('SIGINT', () => { void stopAll().then(() => process.exit(0)) })

  for (const p of peers) {
    const logFile = join(dir, 'logs', `${p.name}.log`)
    const out = createWriteStream(logFile)
    const child = spawn(process.execPath, [bin, 'start', '--config', p.configFile], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout?.pipe(out)
    child.stderr?.pipe(out)
    child.once('exit', code => { if (code !== 0 && code != null) process.stderr.write(`${p.name} exited with code ${code}; see ${logFile}\n`) })
    p.child = child
    process.stdout.write(`started ${p.name} (${p.mspId}) on 127.0.0.1:${p.port}, operations http://127.0.0.1:${p.opsPort}, log ${logFile}\n`)
  }

  const deadline = Date.now() + timeoutSeconds * 1000
  let statuses: Array<Record<string, unknown> | undefined> = []
  for (;;) {
    statuses = await Promise.all(peers.map(async p => await fetchStatus(p.opsPort)))
    const others = peers.length - 1
    const converged = statuses.every(s => aliveMembers(s).length >= others && channelPeers(s).length >= others)
    if (converged) break
    if (Date.now() > deadline || peers.some(p => p.child?.exitCode != null)) {
      process.stderr.write(`the peers did not see each other in time; see the logs in ${join(dir, 'logs')}\n`)
      await stopAll()
      process.exit(1)
    }
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  printTable(peers, statuses)
  if (once) {
    await stopAll()
    return
  }
  process.stdout.write('\nThe peers are running. Ctrl-C stops them.\n')
  await new Promise(() => {})
}

async function fetchStatus (port: number): Promise<Record<string, unknown> | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(1000) })
    if (!res.ok) return undefined
    return await res.json() as Record<string, unknown>
  } catch {
    return undefined
  }
}

const PEERS_PER_ORG = 2
const CHANNEL = 'mychannel'

function channelPeers (s: Record<string, unknown> | undefined): unknown[] {
  const channels = (s?.channels as Record<string, { peers?: unknown[] }> | undefined) ?? {}
  return channels[CHANNEL]?.peers ?? []
}

function aliveMembers (s: Record<string, unknown> | undefined): Array<{ mspId: string, pkiId: string, endpoint: string }> {
  const members = (s?.members as Array<{ mspId: string, pkiId: string, endpoint: string, alive: boolean }> | undefined) ?? []
  return members.filter(m => m.alive)
}

function printTable (peers: DemoPeer[], statuses: Array<Record<string, unknown> | undefined>): void {
  const rows = peers.map((p, i) => {
    const s = statuses[i] ?? {}
    return [p.name, p.mspId, String(s.peerId ?? '').slice(-12), String(s.pkiId ?? '').slice(0, 12),
      `127.0.0.1:${p.port}`, String(channelPeers(s).length), aliveMembers(s).map(m => `${m.mspId}:${m.pkiId.slice(0, 8)}`).join(' ')]
  })
  const header = ['peer', 'msp', 'peerId', 'pkiId', 'endpoint', `${CHANNEL} peers`, 'alive members']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => r[i].length)))
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i])).join('  ')
  process.stdout.write(`\n${line(header)}\n${widths.map(w => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`)
}
