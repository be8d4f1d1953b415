/**
 * docker/compose.yaml, for real, without a container engine: each service runs as a process of this
 * checkout (the image's `fgossip` entrypoint) in its own network namespace named by its service name, with
 * the environment of the compose file over the Dockerfile's ENV and its volumes mapped to temp folders
 * (`test/helpers/compose.ts`, `test/helpers/netns.ts`). `setup` writes the crypto material and the genesis
 * block; then the orderer and 2 orgs x 2 peers must form a working network: every node healthy by the
 * image's HEALTHCHECK, every peer sees the 3 others alive and in mychannel, one leader per org, and
 * transactions broadcast to the orderer reach every peer's ledger as the orderer's blocks. A follower cut
 * off by a partition catches up after it heals; the nodes stop cleanly on SIGTERM.
 *
 * The compose files' wiring (anchors, bootstrap peers, ports, MSP folders, the setup script's arguments, the
 * block dissemination mode) is also checked statically, docker/compose.large.yaml included. Without network namespaces (not root, no
 * `ip`), the run is skipped with the reason.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { available, NetnsNetwork } from '../helpers/netns.js'
import { ComposeCluster, dependencyOrder, loadCompose, loadDockerfile, shellSplit, type ComposeProject, type ComposeService } from '../helpers/compose.js'
import { waitFor } from '../helpers/network.js'
import { getJson } from '../helpers/process.js'
import { createEnvelope } from '../../src/ledger/block-builder.js'
import { loadSigningIdentity } from '../../src/identity/index.js'
import { common } from '../../src/pb/common.js'

const DOCKER = fileURLToPath(new URL('../../docker/', import.meta.url))
const COMPOSE = join(DOCKER, 'compose.yaml')
const COMPOSE_LARGE = join(DOCKER, 'compose.large.yaml')
const CHANNEL = 'mychannel'
const avail = await available()
/** Each test that needs namespaces is reported skipped, with the reason, where they cannot be made. */
const skip = avail.ok ? false : avail.reason

const isPeer = (s: ComposeService): boolean => s.environment.CORE_PEER_ID != null
const isOrderer = (s: ComposeService): boolean => s.environment.ORDERER_GENERAL_LOCALMSPID != null
const portOf = (address: string): number => Number(address.slice(address.lastIndexOf(':') + 1))
const hostOf = (address: string): string => address.slice(0, address.lastIndexOf(':'))

/** The arguments of the `fgossip <sub> <command>` line of the setup script (its `\` continuations joined). */
function setupArgs (project: ComposeProject, sub: string): string[] {
  const setup = project.services.get('setup')
  assert.ok(setup != null, 'a setup service')
  const script = (setup.command ?? []).join(' ').replace(/\\\n/g, ' ')
  const line = script.split('\n').find(l => l.trim().startsWith(`fgossip ${sub}`))
  assert.ok(line != null, `the setup script runs fgossip ${sub}`)
  return shellSplit(line)
}

function optionValues (args: string[], flag: string): string[] {
  return args.flatMap((a, i) => a === flag ? [args[i + 1]] : a.startsWith(`${flag}=`) ? [a.slice(flag.length + 1)] : [])
}

/** Static checks of a compose file's wiring: what a typo in it would break. */
function checkWiring (file: string, shape: { orgs: number, peers: number }): void {
  const project = loadCompose(file)
  const services = [...project.services.values()]
  const peers = services.filter(isPeer)
  const orderers = services.filter(isOrderer)
  assert.equal(peers.length, shape.orgs * shape.peers, `${file}: ${shape.orgs} orgs x ${shape.peers} peers`)
  assert.equal(orderers.length, 1, `${file}: one orderer`)
  assert.equal(dependencyOrder(project)[0].name, 'setup', 'setup starts first')
  const image = project.services.get('setup')?.image
  assert.ok(project.services.get('setup')?.build != null, 'setup builds the image')
  for (const s of services) {
    assert.equal(s.image, image, `${s.name} runs the image setup builds`)
    if (s.name === 'setup') continue
    assert.ok(s.dependsOn.some(d => d.service === 'setup' && d.condition === 'service_completed_successfully'), `${s.name} waits for setup to complete`)
    assert.ok(s.volumes.some(v => v.source === 'fabric-config' && v.target === '/etc/hyperledger/fabric'), `${s.name} mounts the setup's output`)
    assert.ok(s.volumes.some(v => v.source === s.name && v.target === '/var/hyperledger/production'), `${s.name} keeps its ledger on its own volume`)
  }
  const generate = setupArgs(project, 'crypto generate')
  assert.equal(optionValues(generate, '--orgs')[0], String(shape.orgs))
  assert.equal(optionValues(generate, '--peers')[0], String(shape.peers))
  assert.ok(generate.includes('--orderer'))
  const crypto = optionValues(generate, '--out')[0]
  const genesis = setupArgs(project, 'channel genesis')
  assert.equal(optionValues(genesis, '--crypto')[0], crypto)
  assert.equal(optionValues(genesis, '--channel')[0], CHANNEL)
  const block = optionValues(genesis, '--out')[0]

  const o = orderers[0]
  assert.deepEqual(optionValues(genesis, '--orderer-endpoint'), [`${o.name}:${o.environment.ORDERER_GENERAL_LISTENPORT}`], 'the genesis block names the orderer by its service name and port')
  assert.equal(o.environment.ORDERER_CHANNELS, block)
  assert.equal(o.environment.ORDERER_GENERAL_LOCALMSPDIR, `${crypto}/ordererOrganizations/example.com/orderers/${o.name}/msp`)

  const anchors = optionValues(genesis, '--anchor')
  assert.equal(anchors.length, shape.orgs, 'one anchor peer per org')
  const ops = new Set<number>()
  const published = new Set<string>()
  for (const s of services) {
    for (const p of s.ports) {
      assert.ok(!published.has(p.split(':')[0]), `${s.name}: host port ${p} published once`)
      published.add(p.split(':')[0])
    }
  }
  for (const p of peers) {
    const e = p.environment
    const where = `${file}: ${p.name}`
    const org = p.name.split('.').slice(1).join('.')
    const n = Number(org.match(/^org(\d+)\./)?.[1])
    assert.equal(e.CORE_PEER_ID, p.name, `${where} CORE_PEER_ID`)
    assert.equal(e.CORE_PEER_LOCALMSPID, `Org${n}MSP`, `${where} CORE_PEER_LOCALMSPID`)
    assert.equal(e.CORE_PEER_MSPCONFIGPATH, `${crypto}/peerOrganizations/${org}/peers/${p.name}/msp`, `${where} CORE_PEER_MSPCONFIGPATH`)
    const port = portOf(e.CORE_PEER_LISTENADDRESS)
    assert.equal(e.CORE_PEER_ADDRESS, `${p.name}:${port}`, `${where} CORE_PEER_ADDRESS`)
    assert.equal(e.CORE_PEER_GOSSIP_EXTERNALENDPOINT, `${p.name}:${port}`, `${where} CORE_PEER_GOSSIP_EXTERNALENDPOINT`)
    assert.equal(e.CORE_PEER_GOSSIP_USELEADERELECTION, 'true')
    assert.equal(e.CORE_PEER_GOSSIP_ORGLEADER, 'false')
    assert.equal(e.CORE_CHANNELS, block, `${where} joins the genesis block setup writes`)
    const opsPort = portOf(e.CORE_OPERATIONS_LISTENADDRESS)
    assert.ok(!ops.has(opsPort), `${where}: operations port ${opsPort} used once`)
    ops.add(opsPort)
    const bootstrap = e.CORE_PEER_GOSSIP_BOOTSTRAP.split(/[\s,]+/).filter(x => x !== '')
    assert.ok(bootstrap.length > 0, `${where} has bootstrap peers`)
    for (const b of bootstrap) {
      const target = project.services.get(hostOf(b))
      assert.ok(target != null && isPeer(target), `${where}: bootstrap ${b} is a peer service`)
      assert.notEqual(target.name, p.name, `${where}: bootstrap ${b} is another peer`)
      assert.equal(target.environment.CORE_PEER_LOCALMSPID, e.CORE_PEER_LOCALMSPID, `${where}: bootstrap ${b} is of its org`)
      assert.equal(portOf(target.environment.CORE_PEER_LISTENADDRESS), portOf(b), `${where}: bootstrap ${b} listens on that port`)
    }
    if (p.name.startsWith('peer0.')) {
      assert.ok(anchors.includes(`${e.CORE_PEER_LOCALMSPID}=${p.name}:${port}`), `${where} is the anchor peer of its org`)
    }
  }
}

/** The operations server of a running service, as the test process reaches it (its address on the bridge). */
function opsUrl (cluster: ComposeCluster, name: string): string {
  const env = cluster.run(name).env
  const address = env.CORE_OPERATIONS_LISTENADDRESS ?? env.ORDERER_OPERATIONS_LISTENADDRESS
  return `http://${cluster.net.ip(name)}:${portOf(address)}`
}

interface PeerStatus {
  mspId: string
  members: Array<{ mspId: string, alive: boolean, endpoint: string }>
  channels: Record<string, { height: number, isLeader: boolean, peers: Array<{ endpoint: string }>, orderer?: string }>
}

describe('docker/compose.yaml', () => {
  it('is wired consistently: setup first, names = hosts, anchors, bootstrap peers of the same org, ports', () => {
    checkWiring(COMPOSE, { orgs: 2, peers: 2 })
  })

  it('docker/compose.large.yaml (2 orgs x 4 peers) too', () => {
    assert.ok(existsSync(COMPOSE_LARGE), 'docker/compose.large.yaml exists')
    checkWiring(COMPOSE_LARGE, { orgs: 2, peers: 4 })
  })

  it('block dissemination: Fabric\'s push by default, one mode for every peer from CORE_PEER_GOSSIP_DISSEMINATION', () => {
    for (const file of [COMPOSE, COMPOSE_LARGE]) {
      const modes = (env: Record<string, string>): string[] => [...new Set([...loadCompose(file, env).services.values()].filter(isPeer).map(p => p.environment.CORE_PEER_GOSSIP_DISSEMINATION))]
      assert.deepEqual(modes({}), ['fabric'], `${file}: the default`)
      assert.deepEqual(modes({ CORE_PEER_GOSSIP_DISSEMINATION: 'gossipsub' }), ['gossipsub'], `${file}: switched from the shell`)
    }
  })

  it('the Dockerfile: fgossip entrypoint, start by default, volumes, non-root, a health check', () => {
    const image = loadDockerfile(join(DOCKER, 'Dockerfile'))
    assert.deepEqual(image.entrypoint, ['fgossip'])
    assert.deepEqual(image.cmd, ['start'])
    assert.deepEqual(image.volumes.sort(), ['/etc/hyperledger/fabric', '/var/hyperledger/production'])
    assert.equal(image.user, 'node')
    assert.equal(image.env.FABRIC_CFG_PATH, '/etc/hyperledger/fabric')
    assert.equal(image.healthcheck?.[0], 'CMD')
    assert.match(image.healthcheck?.join(' ') ?? '', /healthz/)
  })

  describe('run in network namespaces, one per service', () => {
    let dir: string
    let net: NetnsNetwork | undefined
    let cluster: ComposeCluster
    let peers: string[] = []
    let orderer: string
    const debug = process.env.FGOSSIP_TEST_LOGS === '1'

    /** Every service's last lines, for a failure message. */
    const logs = (): string => [...cluster.project.services.keys()].map(n => `--- ${n}\n${cluster.logs(n, 15)}`).join('\n')
    const withLogs = async (fn: () => Promise<void>): Promise<void> => {
      try {
        await fn()
      } catch (err) {
        throw new Error(`${(err as Error).message}\n${logs()}`, { cause: err })
      }
    }
    const status = async (name: string): Promise<PeerStatus | undefined> => (await getJson(`${opsUrl(cluster, name)}/status`))?.body as PeerStatus | undefined
    const ordererHeight = async (): Promise<number> => Number((await getJson(`${opsUrl(cluster, orderer)}/status`))?.body?.channels?.[CHANNEL]?.height ?? 0)
    const height = async (name: string): Promise<number> => (await status(name))?.channels?.[CHANNEL]?.height ?? -1
    const leaders = async (): Promise<string[]> => {
      const out: string[] = []
      for (const p of peers) if ((await status(p))?.channels?.[CHANNEL]?.isLeader === true) out.push(p)
      return out
    }
    const block = async (name: string, n: number): Promise<Buffer | undefined> => {
      const res = await fetch(`${opsUrl(cluster, name)}/channels/${CHANNEL}/blocks/${n}`, { signal: AbortSignal.timeout(3000) })
      return res.ok ? Buffer.from(await res.arrayBuffer()) : undefined
    }
    let sent = 0
    /** Broadcasts `n` transactions signed by User1 of each org in turn; all accepted. */
    const broadcast = async (n: number, tag: string): Promise<void> => {
      const users = [1, 2].map(i => {
        const peerMsp = cluster.run(`peer0.org${i}.example.com`).env.CORE_PEER_MSPCONFIGPATH
        const msp = peerMsp.replace(/\/peers\/[^/]+\/msp$/, `/users/User1@org${i}.example.com/msp`)
        return loadSigningIdentity(msp, `Org${i}MSP`)
      })
      for (let i = 0; i < n; i++) {
        const envelope = createEnvelope({ channelId: CHANNEL, data: Buffer.from(`${tag} tx ${i}`), signer: users[i % 2] })
        const res = await fetch(`${opsUrl(cluster, orderer)}/broadcast`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: envelope,
          signal: AbortSignal.timeout(5000)
        })
        assert.equal(res.status, 200, `broadcast ${tag} ${i}: ${await res.text()}`)
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
    /** Waits until every transaction sent is in a block of the orderer, then until `names` hold those blocks. */
    const sameLedgers = async (names: string[], message: string): Promise<number> => {
      await waitFor(async () => await ordered() === sent, `the orderer cut blocks holding the ${sent} transactions sent`, 15_000)
      let h = 0
      await waitFor(async () => {
        h = await ordererHeight()
        for (const p of names) if (await height(p) !== h) return false
        return true
      }, message, 20_000)
      return h
    }

    before(async () => {
      if (!avail.ok) return
      dir = await mkdtemp(join(tmpdir(), 'fgossip-compose-'))
      const project = loadCompose(COMPOSE)
      const image = loadDockerfile(project.services.get('setup')?.build?.dockerfile as string)
      net = await NetnsNetwork.create(ComposeCluster.nodes(project))
      cluster = new ComposeCluster(net, {
        project,
        image,
        dir,
        onOutput: debug ? (s, line) => { process.stderr.write(`[${s}] ${line}\n`) } : undefined
      })
      peers = [...project.services.values()].filter(isPeer).map(s => s.name)
      orderer = [...project.services.values()].filter(isOrderer)[0].name
      await cluster.up({ timeout: 30_000 })
    })

    after(async () => {
      await cluster?.down()
      await net?.destroy()
      if (dir != null) await rm(dir, { recursive: true, force: true })
    })

    it('setup wrote the crypto material and the genesis block, then exited 0', { skip }, async () => {
      assert.equal(cluster.run('setup').exitCode, 0)
      const blockFile = cluster.hostPath('setup', cluster.service(orderer).environment.ORDERER_CHANNELS)
      assert.ok(blockFile != null && existsSync(blockFile), 'the genesis block is on the shared volume')
      assert.ok(existsSync(cluster.hostPath(orderer, cluster.service(orderer).environment.ORDERER_GENERAL_LOCALMSPDIR) ?? ''), 'the orderer\'s MSP is there')
    })

    it('every node is healthy by the image\'s HEALTHCHECK', { skip }, async () => {
      await withLogs(async () => {
        for (const name of [orderer, ...peers]) {
          await waitFor(async () => await cluster.healthy(name), `${name} healthy`, 30_000)
        }
      })
    })

    it('every peer sees the 3 others alive and in mychannel, by their compose host names', { skip }, async () => {
      await withLogs(async () => {
        for (const p of peers) {
          const others = peers.filter(o => o !== p)
          await waitFor(async () => {
            const s = await status(p)
            const alive = new Set(s?.members.filter(m => m.alive).map(m => hostOf(m.endpoint)))
            const inChannel = new Set(s?.channels?.[CHANNEL]?.peers.map(m => hostOf(m.endpoint)))
            return others.every(o => alive.has(o) && inChannel.has(o))
          }, `${p} sees ${others.join(', ')} alive and in ${CHANNEL}`, 30_000)
        }
      })
    })

    it('each org elects one leader, which receives from the orderer', { skip }, async () => {
      await withLogs(async () => {
        await waitFor(async () => {
          const l = await leaders()
          return l.filter(p => p.includes('.org1.')).length === 1 && l.filter(p => p.includes('.org2.')).length === 1
        }, 'one leader in each org', 40_000)
        for (const l of await leaders()) {
          await waitFor(async () => (await status(l))?.channels?.[CHANNEL]?.orderer != null, `${l} connected to the orderer`, 15_000)
        }
      })
    })

    it('transactions broadcast to the orderer reach every peer\'s ledger as the orderer\'s blocks', { skip }, async () => {
      await withLogs(async () => {
        await broadcast(20, 'first')
        const h = await sameLedgers(peers, 'every peer at the orderer\'s height')
        assert.ok(h >= 2)
        for (let n = 0; n < h; n++) {
          const expected = await block(orderer, n)
          assert.ok(expected != null)
          for (const p of peers) assert.deepEqual(await block(p, n), expected, `${p} block ${n}`)
        }
      })
    })

    it('docker/README.md\'s `docker compose run ... setup load` commits its transactions on every peer', { skip }, async () => {
      await withLogs(async () => {
        const readme = await readFile(join(DOCKER, 'README.md'), 'utf8')
        const line = readme.split('\n').find(l => l.startsWith('docker compose -f docker/compose.yaml run '))
        assert.ok(line != null, 'docker/README.md shows a `docker compose run` line')
        const words = shellSplit(line).slice(5) // after `docker compose -f docker/compose.yaml run`
        let entrypoint: string[] | undefined
        while (words[0]?.startsWith('--')) {
          const flag = words.shift() as string
          if (flag === '--entrypoint') entrypoint = shellSplit(words.shift() as string)
        }
        const service = words.shift() as string
        const r = await cluster.runOnce(service, { entrypoint, command: [...words, '--json'] })
        assert.equal(r.code, 0, `${line}\n${r.stdout}${r.stderr}`)
        const report = JSON.parse(r.stdout.trim().split('\n').at(-1) as string) as { sent: number, accepted: number, committed: number }
        assert.ok(report.accepted > 0 && report.accepted === report.sent, JSON.stringify(report))
        assert.equal(report.committed, report.accepted, 'every transaction committed')
        sent += report.accepted
        await sameLedgers(peers, 'every peer holds the load\'s blocks')
      })
    })

    it('a follower cut off by a partition misses blocks, then catches up when it heals', { skip }, async () => {
      await withLogs(async () => {
        const l = await leaders()
        const follower = peers.find(p => !l.includes(p)) as string
        const before = await height(follower)
        await cluster.net.isolate(follower)
        assert.equal(await cluster.net.canConnect(follower, orderer, portOf(cluster.service(orderer).environment.ORDERER_GENERAL_LISTENPORT)), false, 'partitioned from the orderer')
        await broadcast(10, 'partitioned')
        const others = peers.filter(p => p !== follower)
        const h = await sameLedgers(others, 'the other peers at the orderer\'s height')
        assert.ok(h > before)
        assert.equal(await height(follower), before, `${follower} got nothing while cut off`)
        await cluster.net.heal()
        await broadcast(2, 'healed')
        await sameLedgers(peers, `${follower} caught up after the partition healed`)
      })
    })

    it('a second `up` keeps what is on the volumes: setup keeps the material, a restarted peer its PeerId and ledger', { skip }, async () => {
      await withLogs(async () => {
        const blockFile = cluster.hostPath('setup', cluster.service(orderer).environment.ORDERER_CHANNELS) as string
        const genesis = await readFile(blockFile)
        const again = cluster.start('setup')
        assert.equal(await again.exited, 0, 'setup run again succeeds')
        assert.deepEqual(await readFile(blockFile), genesis, 'and keeps the genesis block (the peers\' ledgers start with it)')

        const l = await leaders()
        const peer = peers.filter(p => !l.includes(p)).at(-1) as string // a follower: no election to wait for
        const before = await status(peer) as PeerStatus & { peerId: string }
        assert.equal(await cluster.stop(peer), 0)
        assert.equal(await cluster.healthy(peer), false, 'a stopped node fails the health check')
        cluster.start(peer)
        await waitFor(async () => await cluster.healthy(peer), `${peer} healthy again`, 30_000)
        const after = await status(peer) as PeerStatus & { peerId: string }
        assert.equal(after.peerId, before.peerId, 'same libp2p key')
        assert.ok(after.channels[CHANNEL].height >= before.channels[CHANNEL].height, 'its ledger was kept')
        await broadcast(2, 'restarted')
        await sameLedgers(peers, `${peer} back in step after its restart`)
      })
    })

    it('every node stops cleanly on SIGTERM (docker compose down)', { skip }, async () => {
      const codes = await cluster.down()
      for (const name of [orderer, ...peers]) assert.equal(codes[name], 0, `${name} exit code\n${cluster.logs(name)}`)
    })
  })
})
