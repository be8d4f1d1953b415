/**
 * `fgossip cluster up` without starting a process: the plan writes `peer.gossip.dissemination` into every
 * peer's config file (fabric by default, gossipsub on request, changed on the same cluster without
 * regenerating it), its ports lie below the kernel's ephemeral range, its channel has the demo's batch rules,
 * and `--dissemination` refuses a bad value by name. test/cli/cluster.test.ts runs real clusters.
 */
import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Command, CommanderError } from 'commander'
import { preparePlan, readPlan, type ClusterPlan } from '../../../src/cli/cluster/plan.js'
import { registerClusterCommand } from '../../../src/cli/cluster/index.js'
import { loadConfig } from '../../../src/config/index.js'
import { ephemeralLow, STABLE_PORT_LOW, stablePorts } from '../../../src/cli/ports.js'
import { readChannelConfig } from '../../../src/wire/config-block.js'
import { common } from '../../../src/pb/common.js'
import { cleanupTmp, tmp } from '../../helpers/network.js'

const TOPOLOGY = { orgs: 2, peers: 1, channel: 'mychannel' }

/** `peer.gossip.dissemination` of each peer, as `fgossip start --config` reads its file (unknown keys refused). */
function disseminationOfPeers (plan: ClusterPlan): string[] {
  return plan.nodes.filter(n => n.kind === 'peer').map(n => loadConfig({ file: n.configFile, strict: true }).peer.gossip.dissemination)
}

describe('fgossip cluster up: the config written', () => {
  after(async () => { await cleanupTmp() })

  it('every peer runs the --dissemination mode; fabric by default; a new mode keeps the cluster', async () => {
    const dir = await tmp('fgossip-cluster-plan-')
    const progress: string[] = []
    const plan = await preparePlan(dir, TOPOLOGY, line => { progress.push(line) }, { dissemination: 'gossipsub' })
    assert.ok(progress.some(l => l.startsWith('generating MSP material')))
    assert.equal(plan.nodes.filter(n => n.kind === 'peer').length, 2)
    assert.deepEqual(disseminationOfPeers(plan), ['gossipsub', 'gossipsub'])
    assert.equal((await readPlan(dir))?.dissemination, 'gossipsub', 'recorded in cluster.json')
    const orderer = plan.nodes.find(n => n.kind === 'orderer')
    assert.ok(orderer != null)
    assert.doesNotMatch(await readFile(orderer.configFile, 'utf8'), /dissemination/, 'not an orderer setting')

    progress.length = 0
    const again = await preparePlan(dir, TOPOLOGY, line => { progress.push(line) })
    assert.deepEqual(progress, [], 'nothing generated again')
    assert.deepEqual(again.nodes, plan.nodes, 'the same cluster: ports, files')
    assert.equal(again.dissemination, 'fabric')
    assert.deepEqual(disseminationOfPeers(again), ['fabric', 'fabric'], 'the default, written over the previous mode')
  })

  it('listens below the ephemeral range, every port distinct; the channel cuts blocks at 100 messages or 500 ms', async () => {
    const dir = await tmp('fgossip-cluster-plan-')
    const plan = await preparePlan(dir, { orgs: 2, peers: 3, channel: 'mychannel' }, () => {})
    const ports = plan.nodes.flatMap(n => [n.port, n.opsPort])
    assert.equal(new Set(ports).size, ports.length, 'distinct')
    const low = ephemeralLow()
    for (const port of ports) assert.ok(port >= STABLE_PORT_LOW && port < low, `${port} below the ephemeral range (from ${low})`)
    const config = readChannelConfig(common.Block.decode(await readFile(join(dir, 'mychannel.block'))))
    assert.equal(config.batch?.maxMessageCount, 100)
    assert.equal(config.batch?.batchTimeout, 500)
  })
})

describe('stablePorts', () => {
  after(async () => { await cleanupTmp() })

  it('reads the ephemeral range from the kernel file; IANA\'s 49152 when it cannot', async () => {
    const dir = await tmp('fgossip-ports-')
    await writeFile(join(dir, 'range'), '40000\t60999\n')
    assert.equal(ephemeralLow(join(dir, 'range')), 40000)
    await writeFile(join(dir, 'bad'), 'nonsense')
    assert.equal(ephemeralLow(join(dir, 'bad')), 49152)
    assert.equal(ephemeralLow(join(dir, 'missing')), 49152)
  })

  it('hands out distinct bindable ports in range, never one to avoid; falls back to any free port when the range is too small', async () => {
    const avoid = Array.from({ length: 50 }, (_, i) => STABLE_PORT_LOW + i)
    const ports = await stablePorts(20, avoid, STABLE_PORT_LOW + 1000)
    assert.equal(new Set(ports).size, 20)
    for (const port of ports) assert.ok(port >= STABLE_PORT_LOW + 50 && port < STABLE_PORT_LOW + 1000, String(port))
    const fallback = await stablePorts(3, [], STABLE_PORT_LOW + 2)
    assert.equal(new Set(fallback).size, 3)
    for (const port of fallback) assert.ok(port > 0)
  })
})

describe('fgossip cluster up --dissemination', () => {
  function program (): { program: Command, err: () => string } {
    let err = ''
    const p = new Command('fgossip').exitOverride().configureOutput({ writeOut: () => {}, writeErr: s => { err += s } })
    registerClusterCommand(p)
    return { program: p, err: () => err }
  }

  it('refuses a bad value, naming the option and the modes', async () => {
    const { program: p, err } = program()
    await assert.rejects(p.parseAsync(['cluster', 'up', '--dissemination', 'floodsub'], { from: 'user' }), CommanderError)
    assert.match(err(), /--dissemination must be one of fabric, gossipsub, got 'floodsub'/)
  })

  it('defaults to fabric', () => {
    const { program: p } = program()
    const up = p.commands.find(c => c.name() === 'cluster')?.commands.find(c => c.name() === 'up')
    assert.equal(up?.options.find(o => o.long === '--dissemination')?.defaultValue, 'fabric')
  })
})
