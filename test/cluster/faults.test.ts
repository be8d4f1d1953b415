/**
 * Multi-host fault tests: docker/compose.yaml's network (an orderer and 2 orgs x 2 peers, leader election)
 * run as processes in network namespaces, one host each (`test/helpers/compose.ts`, `netns.ts`), with
 * membership timings shortened through the same CORE_* variables an operator would set (alive 1 s,
 * expiration 5 s, reconnect 1 s). Then, in turn:
 * - a peer killed with SIGKILL: the others see it dead; restarted, it is alive again and its ledger catches
 *   up, block for block the orderer's;
 * - org2's peers partitioned from org1's for longer than aliveExpirationTimeout (the orderer reachable by
 *   both): each side sees the other dead and both keep committing; after the heal membership and heights
 *   converge;
 * - the orderer killed for a while: broadcasts fail; when it is back the leaders reconnect and every block is
 *   on every peer.
 * Without network namespaces (not root, no `ip`), reported skipped with the reason.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { available, NetnsNetwork } from '../helpers/netns.js'
import { ComposeCluster, loadCompose, loadDockerfile, type ComposeService } from '../helpers/compose.js'
import { waitFor } from '../helpers/network.js'
import { getJson } from '../helpers/process.js'
import { createEnvelope } from '../../src/ledger/block-builder.js'
import { loadSigningIdentity, type SigningIdentity } from '../../src/identity/index.js'
import { common } from '../../src/pb/common.js'

const COMPOSE = fileURLToPath(new URL('../../docker/compose.yaml', import.meta.url))
const CHANNEL = 'mychannel'
const avail = await available()
const skip = avail.ok ? false : avail.reason
const FAST = {
  CORE_PEER_GOSSIP_ALIVETIMEINTERVAL: '1s',
  CORE_PEER_GOSSIP_ALIVEEXPIRATIONTIMEOUT: '5s',
  CORE_PEER_GOSSIP_RECONNECTINTERVAL: '1s',
  CORE_PEER_GOSSIP_PUBLISHSTATEINFOINTERVAL: '1s',
  CORE_PEER_GOSSIP_REQUESTSTATEINFOINTERVAL: '1s',
  CORE_PEER_GOSSIP_STATE_CHECKINTERVAL: '2s',
  CORE_PEER_GOSSIP_ELECTION_STARTUPGRACEPERIOD: '3s',
  CORE_PEER_GOSSIP_ELECTION_LEADERALIVETHRESHOLD: '4s',
  CORE_PEER_GOSSIP_ELECTION_LEADERELECTIONDURATION: '1s',
  CORE_PEER_DELIVERYCLIENT_RECONNECTBACKOFFTHRESHOLD: '2s'
}

const isPeer = (s: ComposeService): boolean => s.environment.CORE_PEER_ID != null
const isOrderer = (s: ComposeService): boolean => s.environment.ORDERER_GENERAL_LOCALMSPID != null
const portOf = (address: string): number => Number(address.slice(address.lastIndexOf(':') + 1))
const hostOf = (address: string): string => address.slice(0, address.lastIndexOf(':'))

interface Status {
  members: Array<{ alive: boolean, endpoint: string }>
  channels: Record<string, { height: number, isLeader: boolean }>
}

describe('fault tests in network namespaces (compose network)', () => {
  let dir = ''
  let net: NetnsNetwork | undefined
  let cluster: ComposeCluster
  let peers: string[] = []
  let orderer = ''
  let users: SigningIdentity[] = []
  let sent = 0

  const opsUrl = (name: string): string => {
    const env = cluster.run(name).env
    return `http://${cluster.net.ip(name)}:${portOf(env.CORE_OPERATIONS_LISTENADDRESS ?? env.ORDERER_OPERATIONS_LISTENADDRESS)}`
  }
  const status = async (name: string): Promise<Status | undefined> => (await getJson(`${opsUrl(name)}/status`))?.body as Status | undefined
  const height = async (name: string): Promise<number> => (await status(name))?.channels?.[CHANNEL]?.height ?? -1
  const ordererHeight = async (): Promise<number> => Number((await getJson(`${opsUrl(orderer)}/status`))?.body?.channels?.[CHANNEL]?.height ?? 0)
  const aliveSeen = async (name: string): Promise<Set<string>> => new Set((await status(name))?.members.filter(m => m.alive).map(m => hostOf(m.endpoint)))
  const block = async (name: string, n: number): Promise<Buffer | undefined> => {
    const res = await fetch(`${opsUrl(name)}/channels/${CHANNEL}/blocks/${n}`, { signal: AbortSignal.timeout(3000) })
    return res.ok ? Buffer.from(await res.arrayBuffer()) : undefined
  }
  const broadcastOne = async (tag: string): Promise<Response> => await fetch(`${opsUrl(orderer)}/broadcast`, {
    method: 'POST', body: createEnvelope({ channelId: CHANNEL, data: Buffer.from(tag), signer: users[sent % 2] }), signal: AbortSignal.timeout(3000)
  })
  const broadcast = async (n: number, tag: string): Promise<void> => {
    for (let i = 0; i < n; i++) {
      const res = await broadcastOne(`${tag} ${i}`)
      assert.equal(res.status, 200, `broadcast ${tag} ${i}`)
      sent++
    }
  }
  /** Transactions in the orderer's blocks 1..height-1. */
  const ordered = async (): Promise<number> => {
    let count = 0
    const h = await ordererHeight()
    for (let n = 1; n < h; n++) count += common.Block.decode(await block(orderer, n) ?? new Uint8Array()).data?.data.length ?? 0
    return count
  }
  /** Waits until the orderer has cut every transaction sent into blocks, then until `names` are at its height. */
  const inStep = async (names: string[], what: string, timeout = 30_000): Promise<number> => {
    await waitFor(async () => await ordered() === sent, `the orderer cut the ${sent} transactions sent into blocks`, 15_000)
    let h = 0
    await waitFor(async () => {
      h = await ordererHeight()
      for (const p of names) if (await height(p) !== h) return false
      return true
    }, what, timeout)
    return h
  }
  const sameBlocks = async (names: string[], h: number): Promise<void> => {
    for (let n = 0; n < h; n++) {
      const expected = await block(orderer, n)
      for (const p of names) assert.deepEqual(await block(p, n), expected, `${p} block ${n} is the orderer's`)
    }
  }
  const withLogs = async (fn: () => Promise<void>): Promise<void> => {
    try {
      await fn()
    } catch (err) {
      const logs = [...cluster.project.services.keys()].map(n => `--- ${n}\n${cluster.logs(n, 12)}`).join('\n')
      throw new Error(`${(err as Error).message}\n${logs}`, { cause: err })
    }
  }

  before(async () => {
    if (!avail.ok) return
    dir = await mkdtemp(join(tmpdir(), 'fgossip-faults-'))
    const project = loadCompose(COMPOSE)
    for (const s of project.services.values()) if (isPeer(s)) Object.assign(s.environment, FAST)
    const image = loadDockerfile(project.services.get('setup')?.build?.dockerfile as string)
    net = await NetnsNetwork.create(ComposeCluster.nodes(project))
    cluster = new ComposeCluster(net, { project, image, dir })
    peers = [...project.services.values()].filter(isPeer).map(s => s.name)
    orderer = [...project.services.values()].filter(isOrderer)[0].name
    await cluster.up({ timeout: 30_000 })
    users = [1, 2].map(i => {
      const peerMsp = cluster.run(`peer0.org${i}.example.com`).env.CORE_PEER_MSPCONFIGPATH
      return loadSigningIdentity(peerMsp.replace(/\/peers\/[^/]+\/msp$/, `/users/User1@org${i}.example.com/msp`), `Org${i}MSP`)
    })
    await withLogs(async () => {
      for (const p of peers) await waitFor(async () => (await aliveSeen(p)).size === 3, `${p} sees the 3 others`, 40_000)
      await waitFor(async () => {
        const leaders = []
        for (const p of peers) if ((await status(p))?.channels?.[CHANNEL]?.isLeader === true) leaders.push(p)
        return leaders.filter(p => p.includes('.org1.')).length === 1 && leaders.filter(p => p.includes('.org2.')).length === 1
      }, 'one leader per org', 40_000)
      await broadcast(4, 'warm-up')
      await inStep(peers, 'every peer has the first blocks')
    })
  })

  after(async () => {
    await cluster?.down()
    await net?.destroy()
    if (dir !== '') await rm(dir, { recursive: true, force: true })
  })

  it('a peer killed with SIGKILL is seen dead, comes back alive after its restart and catches up', { skip }, async () => {
    await withLogs(async () => {
      const victim = 'peer1.org1.example.com'
      const others = peers.filter(p => p !== victim)
      const code = await cluster.stop(victim, 'SIGKILL')
      assert.notEqual(code, 0)
      for (const p of others) await waitFor(async () => !(await aliveSeen(p)).has(victim), `${p} sees ${victim} dead`, 20_000)
      await broadcast(6, 'while-dead')
      await inStep(others, 'the others commit without it')
      cluster.start(victim)
      for (const p of others) await waitFor(async () => (await aliveSeen(p)).has(victim), `${p} sees ${victim} alive again`, 30_000)
      const h = await inStep(peers, `${victim} caught up`)
      await sameBlocks([victim], h)
    })
  })

  it('org2 partitioned from org1 beyond aliveExpirationTimeout: both sides go on; after the heal they converge', { skip }, async () => {
    await withLogs(async () => {
      const org1 = peers.filter(p => p.includes('.org1.'))
      const org2 = peers.filter(p => p.includes('.org2.'))
      await cluster.net.partition(org1, org2)
      const cut = Date.now()
      for (const p of org1) await waitFor(async () => { const a = await aliveSeen(p); return org2.every(o => !a.has(o)) && org1.every(o => o === p || a.has(o)) }, `${p} sees org2 dead, org1 alive`, 30_000)
      for (const p of org2) await waitFor(async () => { const a = await aliveSeen(p); return org1.every(o => !a.has(o)) && org2.every(o => o === p || a.has(o)) }, `${p} sees org1 dead, org2 alive`, 30_000)
      await broadcast(6, 'partitioned')
      await inStep(peers, 'both sides keep committing (each org\'s leader reaches the orderer)')
      // longer than aliveExpirationTimeout (5 s): each side has expired the other's alive messages
      const left = 7000 - (Date.now() - cut)
      if (left > 0) await new Promise(resolve => setTimeout(resolve, left))
      for (const [side, other] of [[org1, org2], [org2, org1]]) {
        for (const p of side) {
          const alive = await aliveSeen(p)
          assert.ok(other.every(o => !alive.has(o)), `${p} still sees the other org dead after 7 s`)
        }
      }
      await cluster.net.heal()
      for (const p of peers) await waitFor(async () => (await aliveSeen(p)).size === 3, `${p} sees the 3 others again`, 40_000)
      await broadcast(2, 'healed')
      const h = await inStep(peers, 'heights converge after the heal')
      await sameBlocks(peers, h)
    })
  })

  it('the orderer killed for a while: leaders reconnect when it is back and no block is lost', { skip }, async () => {
    await withLogs(async () => {
      const before = await inStep(peers, 'in step before the orderer goes')
      assert.notEqual(await cluster.stop(orderer, 'SIGKILL'), 0)
      await assert.rejects(broadcastOne('nobody there'), 'broadcasts fail while it is down')
      await new Promise(resolve => setTimeout(resolve, 3000))
      cluster.start(orderer)
      await waitFor(async () => await cluster.healthy(orderer), 'the orderer healthy again', 30_000)
      assert.equal(await ordererHeight(), before, 'the orderer reopened its ledger')
      await broadcast(6, 'after-restart')
      const h = await inStep(peers, 'every peer has the blocks written after the restart')
      assert.ok(h > before)
      await sameBlocks(peers, h)
    })
  })
})
