/**
 * The plan of a local cluster (`fgossip cluster up`): its folder, topology, ports, and the config file of
 * every process, all kept in `<dir>/cluster.json` so that `status`, `load`, `down` and the next `up` find
 * them. Crypto material, the channel's genesis block and the ledgers stay in the folder between runs; a new
 * topology starts a new cluster (the folder's generated content is replaced).
 *
 *   <dir>/cluster.json              the plan and the pids of the running processes
 *   <dir>/crypto/                   cryptogen layout (orgs, orderer org, User1 of each org)
 *   <dir>/<channel>.block           the channel's genesis block (anchor peers: peer0 of each org)
 *   <dir>/config/<node>.yaml        how each process was started (core.yaml / orderer.yaml layout)
 *   <dir>/data/<node>/              ledgers, libp2p keys
 *   <dir>/logs/<node>.log           each process's output
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { generateCryptoMaterial } from '../../identity/cryptogen.js'
import { createGenesisBlock } from '../../channels/genesis.js'
import { genesisOptionsFromCryptoFolder } from '../../channels/crypto-folder.js'
import { common } from '../../pb/common.js'
import { stablePorts } from '../ports.js'
import type { GossipConfig } from '../../config/index.js'

export interface ClusterNodePlan {
  name: string
  kind: 'orderer' | 'peer'
  /** 1-based; 0 for the orderer */
  org: number
  mspId: string
  port: number
  opsPort: number
  configFile: string
  logFile: string
}

export interface ClusterPlan {
  version: 1
  dir: string
  orgs: number
  peers: number
  channel: string
  /** how the peers push blocks (`peer.gossip.dissemination` of every peer); absent in plans written before it */
  dissemination?: Dissemination
  nodes: ClusterNodePlan[]
  /** pids of the running processes, by node name (absent when stopped) */
  pids: Record<string, number>
}

export interface Topology { orgs: number, peers: number, channel: string }

/** `peer.gossip.dissemination`: Fabric's push or gossipsub. */
export type Dissemination = GossipConfig['dissemination']
export const DISSEMINATIONS: readonly Dissemination[] = ['fabric', 'gossipsub']

/** How the cluster's peers run, changeable between runs of the same cluster (crypto and ledgers kept). */
export interface PeerSettings {
  /** @default 'fabric' */
  dissemination?: Dissemination
}

const STATE = 'cluster.json'
/** Election and membership timings of the cluster's peers: Fabric's, with the startup shortened for a local demo. */
const PEER_GOSSIP = {
  reconnectInterval: '1s',
  useLeaderElection: true,
  orgLeader: false,
  election: { startupGracePeriod: '5s', membershipSampleInterval: '1s', leaderAliveThreshold: '10s', leaderElectionDuration: '2s' }
}
/** Batch rules of the cluster's channel: blocks within half a second at a demo's rates. */
const BATCH = { batchTimeout: '500ms', batchSize: { maxMessageCount: 100 } }

export async function readPlan (dir: string): Promise<ClusterPlan | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, STATE), 'utf8')) as ClusterPlan
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error(`${join(dir, STATE)} is not a cluster state file: ${(err as Error).message}`)
  }
}

export async function writePlan (plan: ClusterPlan): Promise<void> {
  await writeFile(join(plan.dir, `${STATE}.tmp`), JSON.stringify(plan, null, 2))
  await rename(join(plan.dir, `${STATE}.tmp`), join(plan.dir, STATE))
}

/**
 * The plan for `topology` in `dir`: the previous one when the topology is the same (its ports, crypto,
 * genesis block and ledgers reused), else a new one (the folder's generated content replaced). The config
 * files are written afresh either way, with `settings`.
 */
export async function preparePlan (dir: string, topology: Topology, progress: (line: string) => void, settings: PeerSettings = {}): Promise<ClusterPlan> {
  const dissemination = settings.dissemination ?? 'fabric'
  const previous = await readPlan(dir)
  if (previous != null && previous.orgs === topology.orgs && previous.peers === topology.peers && previous.channel === topology.channel &&
      existsSync(join(dir, 'crypto')) && existsSync(join(dir, `${topology.channel}.block`))) {
    const plan = { ...previous, dissemination, pids: {} }
    await writeConfigs(plan)
    return plan
  }
  if (previous != null) progress(`a ${previous.orgs}x${previous.peers} cluster (channel ${previous.channel}) was here: replacing it`)
  for (const sub of ['crypto', 'config', 'data', 'logs']) await rm(join(dir, sub), { recursive: true, force: true })
  if (previous != null) await rm(join(dir, `${previous.channel}.block`), { force: true })
  await mkdir(join(dir, 'logs'), { recursive: true })
  progress(`generating MSP material: ${topology.orgs} orgs of ${topology.peers} peers and an orderer org`)
  await generateCryptoMaterial({ out: join(dir, 'crypto'), orgs: topology.orgs, peers: topology.peers, orderer: true, users: 1 })
  const nodes: ClusterNodePlan[] = []
  const ports = await stablePorts(2 * (1 + topology.orgs * topology.peers))
  const node = (name: string, kind: ClusterNodePlan['kind'], org: number, mspId: string): void => {
    const [port, opsPort] = ports.splice(0, 2)
    nodes.push({ name, kind, org, mspId, port, opsPort, configFile: join(dir, 'config', `${name}.yaml`), logFile: join(dir, 'logs', `${name}.log`) })
  }
  node('orderer.example.com', 'orderer', 0, 'OrdererMSP')
  for (let org = 1; org <= topology.orgs; org++) {
    for (let p = 0; p < topology.peers; p++) node(`peer${p}.org${org}.example.com`, 'peer', org, `Org${org}MSP`)
  }
  const plan: ClusterPlan = { version: 1, dir, ...topology, dissemination, nodes, pids: {} }
  const orderer = nodes[0]
  const anchorPeers: Record<string, Array<{ host: string, port: number }>> = {}
  for (const n of nodes.filter(x => x.kind === 'peer' && x.name.startsWith('peer0.'))) anchorPeers[n.mspId] = [{ host: '127.0.0.1', port: n.port }]
  progress(`writing the genesis block of ${topology.channel} (anchor peers: peer0 of each org; orderer 127.0.0.1:${orderer.port})`)
  const block = createGenesisBlock({
    ...genesisOptionsFromCryptoFolder({ cryptoDir: join(dir, 'crypto'), channelId: topology.channel, anchorPeers, ordererEndpoints: [`127.0.0.1:${orderer.port}`], ordererType: 'solo' }),
    ...BATCH
  })
  await writeFile(join(dir, `${topology.channel}.block`), common.Block.encode(block))
  await writeConfigs(plan)
  await writePlan(plan)
  return plan
}

/** Writes every process's config file (read by `fgossip start --config` / `fgossip orderer --config`). */
async function writeConfigs (plan: ClusterPlan): Promise<void> {
  await mkdir(join(plan.dir, 'config'), { recursive: true })
  const up = '..'
  for (const n of plan.nodes) {
    let doc: unknown
    if (n.kind === 'orderer') {
      doc = {
        General: { ListenAddress: '127.0.0.1', ListenPort: n.port, LocalMSPDir: join(up, 'crypto', 'ordererOrganizations', 'example.com', 'orderers', n.name, 'msp'), LocalMSPID: n.mspId },
        FileLedger: { Location: join(up, 'data', n.name) },
        Operations: { ListenAddress: `127.0.0.1:${n.opsPort}` },
        Channels: [join(up, `${plan.channel}.block`)]
      }
    } else {
      const anchor = plan.nodes.find(x => x.kind === 'peer' && x.org === n.org && x.name.startsWith('peer0.')) as ClusterNodePlan
      doc = {
        peer: {
          id: n.name,
          localMspId: n.mspId,
          mspConfigPath: join(up, 'crypto', 'peerOrganizations', `org${n.org}.example.com`, 'peers', n.name, 'msp'),
          fileSystemPath: join(up, 'data', n.name),
          listenAddress: `127.0.0.1:${n.port}`,
          address: `127.0.0.1:${n.port}`,
          gossip: {
            externalEndpoint: `127.0.0.1:${n.port}`,
            bootstrap: anchor === n ? [] : [`127.0.0.1:${anchor.port}`],
            dissemination: plan.dissemination ?? 'fabric',
            ...PEER_GOSSIP
          }
        },
        operations: { listenAddress: `127.0.0.1:${n.opsPort}` },
        channels: [join(up, `${plan.channel}.block`)]
      }
    }
    await writeFile(n.configFile, `# written by fgossip cluster up: how ${n.name} is started\n${stringify(doc)}`)
  }
}
