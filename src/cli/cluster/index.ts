/**
 * `fgossip cluster up|load|status|down` (a local cluster of separate processes on loopback: an orderer and
 * orgs x peers with leader election in one channel) and `fgossip status --operations URL` (one node).
 */
import '../../shim.js'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Command, InvalidArgumentError } from 'commander'
import { createLibp2p } from 'libp2p'
import { libp2pStack } from '../../libp2p-stack.js'
import { multiaddr } from '@multiformats/multiaddr'
import { DISSEMINATIONS, preparePlan, readPlan, writePlan, type ClusterPlan, type Dissemination } from './plan.js'
import { isAlive, startNodeProcess, stopProcesses } from './processes.js'
import { collect, convergence, fetchStatus, progressLine, renderCluster, renderNode } from './status.js'
import { loadSigningIdentity } from '../../identity/index.js'
import { runLoad, type LoadReport } from '../../orderer/load.js'
import { formatReport } from '../load.js'

const CHANNEL_ID = /^[a-z][a-z0-9.-]*$/

const count = (name: string, max: number) => (value: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 1 to ${max}, got '${value}'`)
  return n
}
const positive = (name: string) => (value: string): number => {
  const n = Number(value)
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a number above 0, got '${value}'`)
  return n
}
const channelOption = (value: string): string => {
  if (!CHANNEL_ID.test(value)) throw new InvalidArgumentError(`--channel: '${value}' is not a valid channel ID (lower-case letters, digits, '.' and '-', starting with a letter)`)
  return value
}

const disseminationOption = (value: string): Dissemination => {
  const mode = DISSEMINATIONS.find(d => d === value)
  if (mode == null) throw new InvalidArgumentError(`--dissemination must be one of ${DISSEMINATIONS.join(', ')}, got '${value}'`)
  return mode
}

function out (line: string): void { process.stdout.write(`${line}\n`) }

async function requirePlan (dir: string): Promise<ClusterPlan> {
  const plan = await readPlan(dir)
  if (plan == null) throw new Error(`no cluster in ${dir} (start one with: fgossip cluster up --dir ${dir})`)
  return plan
}

async function tailOf (file: string, lines = 15): Promise<string> {
  try {
    return (await readFile(file, 'utf8')).trimEnd().split('\n').slice(-lines).map(l => `    ${l}`).join('\n')
  } catch {
    return '    (no log)'
  }
}

/** Transactions through the cluster's orderer, signed by User1 of org1. */
async function clusterLoad (plan: ClusterPlan, opts: { tps: number, size: number, duration: number, signal?: AbortSignal, onProgress?: (r: LoadReport) => void }): Promise<LoadReport> {
  const orderer = plan.nodes.find(n => n.kind === 'orderer')
  if (orderer == null) throw new Error('the cluster has no orderer')
  const signer = loadSigningIdentity(join(plan.dir, 'crypto', 'peerOrganizations', 'org1.example.com', 'users', 'User1@org1.example.com', 'msp'), 'Org1MSP')
  const node = await createLibp2p(libp2pStack())
  await node.start()
  try {
    return await runLoad({
      dial: async (addr, protocol, signal) => await node.dialProtocol(addr, protocol, { signal }),
      localPeerId: node.peerId,
      orderer: multiaddr(`/ip4/127.0.0.1/tcp/${orderer.port}`),
      channel: plan.channel,
      signer,
      ...opts
    })
  } finally {
    await node.stop()
  }
}

interface UpOptions { orgs: number, peers: number, channel: string, dissemination: Dissemination, dir: string, detach?: boolean, timeout: number, load?: number }

async function up (opts: UpOptions): Promise<void> {
  const dir = resolve(opts.dir)
  await mkdir(dir, { recursive: true })
  const previous = await readPlan(dir)
  const left = Object.values(previous?.pids ?? {}).filter(isAlive)
  if (left.length > 0) {
    out(`stopping ${left.length} process(es) left running by a previous run in ${dir}`)
    await stopProcesses(left)
  }
  const plan = await preparePlan(dir, { orgs: opts.orgs, peers: opts.peers, channel: opts.channel }, out, { dissemination: opts.dissemination })
  out(`block dissemination: ${opts.dissemination} (peer.gossip.dissemination of every peer)`)
  for (const node of plan.nodes) {
    plan.pids[node.name] = startNodeProcess(node)
    await writePlan(plan) // a crash from here on leaves the pids for the next up or down
    out(`started ${node.name} (pid ${plan.pids[node.name]}) on 127.0.0.1:${node.port}, operations http://127.0.0.1:${node.opsPort}, config ${node.configFile}`)
  }
  const stopAll = async (): Promise<void> => {
    await stopProcesses(Object.values(plan.pids))
    plan.pids = {}
    await writePlan(plan)
  }
  const deadline = Date.now() + opts.timeout * 1000
  let last = ''
  const tty = process.stdout.isTTY
  for (;;) {
    const views = await collect(plan)
    const c = convergence(plan, views)
    const line = progressLine(c)
    if (line !== last) {
      if (tty) process.stdout.write(`\r\x1b[K  ${line}`)
      else out(`  ${line}`)
      last = line
    }
    if (c.done) {
      if (tty) process.stdout.write('\n')
      out(`\n${renderCluster(plan, views)}\n`)
      break
    }
    const dead = views.filter(v => !v.running)
    if (dead.length > 0 || Date.now() > deadline) {
      if (tty) process.stdout.write('\n')
      const why = dead.length > 0 ? `${dead.map(v => v.node.name).join(', ')} exited` : `the cluster did not converge within ${opts.timeout} s`
      process.stderr.write(`fgossip cluster up: ${why}\n${renderCluster(plan, views)}\n`)
      for (const v of dead.length > 0 ? dead : views.filter(x => !x.healthy)) process.stderr.write(`  ${v.node.logFile}:\n${await tailOf(v.node.logFile)}\n`)
      await stopAll()
      process.exit(1)
    }
    await new Promise(resolve => setTimeout(resolve, 500))
  }
  if (opts.detach === true) {
    out(`the cluster runs in the background: fgossip cluster status --dir ${opts.dir} | load --dir ${opts.dir} | down --dir ${opts.dir}`)
    return
  }

  // foreground: the live status (and a light load) until Ctrl-C
  const stop = new AbortController()
  let loadLine = ''
  const running = opts.load != null
    ? (async () => {
        while (!stop.signal.aborted) {
          try {
            const r = await clusterLoad(plan, { tps: opts.load as number, size: 1000, duration: 3600, signal: stop.signal, onProgress: p => { loadLine = `load ${opts.load as number} tx/s: ${formatReport(p)}` } })
            loadLine = `load: ${formatReport(r)}`
          } catch (err) {
            if (!stop.signal.aborted) loadLine = `load: ${(err as Error).message} (retrying)`
            await new Promise(resolve => setTimeout(resolve, 2000))
          }
        }
      })()
    : Promise.resolve()
  const onSignal = (): void => {
    if (stop.signal.aborted) return
    stop.abort()
    out('\nstopping the cluster...')
    void running.then(stopAll).then(() => { out('stopped'); process.exit(0) })
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  let tick = 0
  while (!stop.signal.aborted) {
    await new Promise(resolve => setTimeout(resolve, 1000))
    if (stop.signal.aborted) break
    const views = await collect(plan)
    const text = `${renderCluster(plan, views)}\n${loadLine}\n`
    if (tty) process.stdout.write(`\x1b[H\x1b[2J${new Date().toISOString()}  cluster in ${dir}, block dissemination ${opts.dissemination} (Ctrl-C stops it)\n\n${text}`)
    else if (tick++ % 10 === 0) out(text)
  }
  await new Promise(() => {})
}

export function registerClusterCommand (program: Command): void {
  const cluster = program
    .command('cluster')
    .description('A local cluster on loopback: an orderer and orgs x peers (each its own process) with leader election in one channel')
  const dirOption = ['-d, --dir <dir>', 'the cluster\'s folder (crypto, genesis block, configs, ledgers, logs)', './cluster'] as const

  cluster
    .command('up')
    .description('Generate what is missing, start every process, wait until they are healthy and have converged (every peer sees ' +
      'the others alive and in the channel, each org has a leader), then show the live status until Ctrl-C (or exit with --detach). ' +
      'Processes left by a crashed run in the same folder are stopped first.')
    .option('--orgs <n>', 'peer organisations', count('--orgs', 9), 2)
    .option('--peers <n>', 'peers per organisation', count('--peers', 20), 3)
    .option('--channel <name>', 'the channel', channelOption, 'mychannel')
    .option('--dissemination <mode>', `how peers push blocks (peer.gossip.dissemination of every peer): ${DISSEMINATIONS.join(' or ')}`, disseminationOption, 'fabric')
    .option(...dirOption)
    .option('--detach', 'exit once the cluster has converged, leaving it running')
    .option('--load <tps>', 'drive a light transaction load while showing the status (foreground only)', positive('--load'))
    .option('--timeout <seconds>', 'how long to wait for the cluster to converge', positive('--timeout'), 120)
    .action(async (opts: UpOptions) => { await up(opts) })

  cluster
    .command('load')
    .description('Broadcast transactions (signed by User1 of org1) through the cluster\'s orderer and report accepted, rejected and committed counts.')
    .option('--tps <n>', 'transactions per second', positive('--tps'), 50)
    .option('--duration <s>', 'seconds of load', positive('--duration'), 10)
    .option('--size <bytes>', 'payload bytes per transaction', count('--size', 64 * 1024 * 1024), 1000)
    .option(...dirOption)
    .option('--json', 'print the final report as JSON')
    .action(async function (this: Command, opts: { tps: number, duration: number, size: number, dir: string, json?: boolean }) {
      try {
        const plan = await requirePlan(resolve(opts.dir))
        const report = await clusterLoad(plan, { tps: opts.tps, duration: opts.duration, size: opts.size, onProgress: opts.json === true ? undefined : r => { process.stderr.write(`  ${formatReport(r)}\n`) } })
        out(opts.json === true ? JSON.stringify(report) : formatReport(report))
      } catch (err) {
        this.error(`error: ${(err as Error).message}`, { exitCode: 1, code: 'fgossip.cluster.load' })
      }
    })

  cluster
    .command('status')
    .description('Show every node of the cluster: org, state, leader, channel height, alive members.')
    .option(...dirOption)
    .option('--json', 'print the nodes\' status documents as JSON')
    .action(async function (this: Command, opts: { dir: string, json?: boolean }) {
      try {
        const plan = await requirePlan(resolve(opts.dir))
        const views = await collect(plan)
        if (opts.json === true) {
          out(JSON.stringify(views.map(v => ({ name: v.node.name, kind: v.node.kind, mspId: v.node.mspId, running: v.running, healthy: v.healthy, status: v.status })), null, 2))
        } else {
          out(renderCluster(plan, views))
          out(progressLine(convergence(plan, views)))
        }
      } catch (err) {
        this.error(`error: ${(err as Error).message}`, { exitCode: 1, code: 'fgossip.cluster.status' })
      }
    })

  cluster
    .command('down')
    .description('Stop every process of the cluster (SIGTERM, then SIGKILL after 10 s); --purge also removes its folder.')
    .option(...dirOption)
    .option('--purge', 'remove the cluster\'s folder (crypto, ledgers, logs) too')
    .action(async function (this: Command, opts: { dir: string, purge?: boolean }) {
      const dir = resolve(opts.dir)
      const plan = await readPlan(dir).catch(() => undefined)
      if (plan == null && opts.purge !== true) this.error(`error: no cluster in ${dir}`, { exitCode: 1, code: 'fgossip.cluster.down' })
      if (plan != null) {
        const pids = Object.values(plan.pids)
        const killed = await stopProcesses(pids)
        plan.pids = {}
        await writePlan(plan)
        out(`stopped ${pids.length} process(es)${killed.length > 0 ? ` (${killed.length} needed SIGKILL)` : ''}`)
      }
      if (opts.purge === true) {
        await rm(dir, { recursive: true, force: true })
        out(`removed ${dir}`)
      }
    })
}

export function registerStatusCommand (program: Command): void {
  program
    .command('status')
    .description('Print one node\'s status (a peer or an orderer) from its operations server.')
    .requiredOption('--operations <url>', 'the node\'s operations server, e.g. http://127.0.0.1:9443 or 127.0.0.1:9443')
    .option('--json', 'print the status document as JSON')
    .action(async function (this: Command, opts: { operations: string, json?: boolean }) {
      const base = /^https?:\/\//.test(opts.operations) ? opts.operations : `http://${opts.operations}`
      const status = await fetchStatus(base)
      if (status == null) this.error(`error: --operations: no status at ${base}/status`, { exitCode: 1, code: 'fgossip.status' })
      out(opts.json === true ? JSON.stringify(status, null, 2) : renderNode(status as NonNullable<typeof status>))
    })
}
