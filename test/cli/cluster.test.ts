/**
 * `fgossip cluster` as real processes: `up --detach` generates what is missing, starts an orderer and 2 orgs
 * x 2 peers, waits until they are healthy and converged (everyone sees everyone, each org a leader);
 * `load` drives transactions that every peer commits; `status` shows the nodes; a second `up` in the same
 * folder (as after a crashed run) stops what the first left and starts the same cluster again, its ledgers
 * kept; `down` stops everything. `fgossip status --operations` prints one node. The foreground run is in
 * gossipsub mode (`--dissemination gossipsub`): its second peer takes blocks in from the leader by gossipsub.
 */
import { describe, it, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanupTmp, tmp, waitFor } from '../helpers/network.js'
import { fgossip, run, getJson } from '../helpers/process.js'

interface Plan { nodes: Array<{ name: string, kind: string, opsPort: number, configFile: string }>, pids: Record<string, number>, dissemination?: string }

const alive = (pid: number): boolean => { try { process.kill(pid, 0); return true } catch { return false } }

describe('fgossip cluster', () => {
  let dir = ''
  after(async () => {
    if (dir !== '') await run(['cluster', 'down', '--dir', dir])
    await cleanupTmp()
  })

  const plan = async (): Promise<Plan> => JSON.parse(await readFile(join(dir, 'cluster.json'), 'utf8')) as Plan
  const heights = async (p: Plan): Promise<number[]> => await Promise.all(p.nodes.map(async n => (await getJson(`http://127.0.0.1:${n.opsPort}/status`))?.body?.channels?.mychannel?.height ?? -1))

  it('up, load, status, up again over a running cluster, down', async () => {
    dir = await tmp('fgossip-cluster-')
    const up = await run(['cluster', 'up', '--orgs', '2', '--peers', '2', '--dir', dir, '--detach', '--timeout', '90'])
    assert.equal(up.code, 0, up.output)
    assert.match(up.output, /healthy 5\/5, peers seeing all others 4\/4, orgs with a leader 2\/2/)
    assert.match(up.output, /orderer +orderer\.example\.com +up/)
    assert.match(up.output, /block dissemination: fabric/, 'Fabric\'s push by default')
    const first = await plan()
    assert.equal(first.nodes.length, 5)
    for (const n of first.nodes) {
      assert.ok(alive(first.pids[n.name]), `${n.name} runs`)
      const config = await readFile(n.configFile, 'utf8')
      assert.match(config, /^# written by fgossip cluster up/, 'each config file stays in the folder')
      if (n.kind === 'peer') assert.match(config, /\n +dissemination: fabric\n/)
    }

    const load = await run(['cluster', 'load', '--dir', dir, '--tps', '40', '--duration', '2', '--json'])
    assert.equal(load.code, 0, load.output)
    const report = JSON.parse(load.output.trim().split('\n').at(-1) as string)
    assert.equal(report.accepted, 80)
    assert.equal(report.committed, 80)
    const ordererHeight = (await heights(first))[0]
    assert.ok(ordererHeight >= 2)
    await waitFor(async () => (await heights(first)).every(h => h === ordererHeight), 'every peer commits the orderer\'s blocks', 30_000)

    const status = await run(['cluster', 'status', '--dir', dir])
    assert.equal(status.code, 0, status.output)
    assert.equal((status.output.match(/ up +leader /g) ?? []).length, 2, 'one leader per org')
    assert.match(status.output, /Org2MSP +peer1\.org2\.example\.com +up/)
    assert.match(status.output, /orgs with a leader 2\/2/)

    const one = await run(['status', '--operations', `127.0.0.1:${first.nodes[1].opsPort}`])
    assert.equal(one.code, 0, one.output)
    assert.match(one.output, /^peer peer0\.org1\.example\.com \(Org1MSP\)/)
    assert.match(one.output, new RegExp(`mychannel +${ordererHeight} `))
    const orderer = await run(['status', '--operations', `http://127.0.0.1:${first.nodes[0].opsPort}`])
    assert.match(orderer.output, /^orderer/)
    assert.notEqual((await run(['status', '--operations', '127.0.0.1:1'])).code, 0)

    // the first up's processes are still running (as after a crash of the command that watched them)
    const again = await run(['cluster', 'up', '--orgs', '2', '--peers', '2', '--dir', dir, '--detach', '--timeout', '90'])
    assert.equal(again.code, 0, again.output)
    assert.match(again.output, /stopping 5 process\(es\) left running by a previous run/)
    for (const pid of Object.values(first.pids)) assert.equal(alive(pid), false, `old pid ${pid} stopped`)
    const second = await plan()
    assert.deepEqual(second.nodes.map(n => n.opsPort), first.nodes.map(n => n.opsPort), 'the same cluster')
    assert.deepEqual(await heights(second), first.nodes.map(() => ordererHeight), 'the ledgers were kept')

    const down = await run(['cluster', 'down', '--dir', dir])
    assert.equal(down.code, 0, down.output)
    assert.match(down.output, /stopped 5 process\(es\)/)
    for (const pid of Object.values(second.pids)) assert.equal(alive(pid), false)
    assert.deepEqual((await plan()).pids, {})
  })

  it('in the foreground (npm start) shows the live status with a light load, blocks pushed by gossipsub; Ctrl-C stops the cluster', async () => {
    const fg = await tmp('fgossip-cluster-fg-')
    const proc = fgossip(['cluster', 'up', '--orgs', '1', '--peers', '2', '--dir', fg, '--load', '5', '--timeout', '90', '--dissemination', 'gossipsub'])
    try {
      await waitFor(() => /load 5 tx\/s: sent \d+, accepted \d+, rejected 0, committed [1-9]/.test(proc.output()), 'the live status shows committed transactions', 90_000)
      assert.match(proc.output(), /block dissemination: gossipsub/)
      const p = JSON.parse(await readFile(join(fg, 'cluster.json'), 'utf8')) as Plan
      assert.equal(Object.keys(p.pids).length, 3)
      assert.equal(p.dissemination, 'gossipsub')
      // the peer that is not its org's leader gets the orderer's blocks from the leader: pushed by gossipsub
      // (the only push of a peer in this mode), not only pulled
      const peers = p.nodes.filter(n => n.kind === 'peer')
      for (const n of peers) assert.match(await readFile(n.configFile, 'utf8'), /\n +dissemination: gossipsub\n/)
      const pushed = async (opsPort: number): Promise<number> => {
        const text = (await getJson(`http://127.0.0.1:${opsPort}/metrics`))?.body
        return Number((typeof text === 'string' ? text : '').match(/^gossip_blocks_received\{result="committed"\} (\d+)/m)?.[1] ?? 0)
      }
      await waitFor(async () => {
        const leaders = await Promise.all(peers.map(async n => (await getJson(`http://127.0.0.1:${n.opsPort}/status`))?.body?.channels?.mychannel?.isLeader === true))
        return leaders.filter(l => l).length === 1 && await pushed(peers[leaders.indexOf(false)].opsPort) > 0
      }, 'the follower commits blocks pushed by gossipsub', 30_000)
      proc.child.kill('SIGINT')
      assert.equal(await proc.exited, 0, proc.output())
      for (const pid of Object.values(p.pids)) assert.equal(alive(pid), false, 'Ctrl-C stops every process')
    } finally {
      if (proc.child.exitCode == null) { proc.child.kill('SIGKILL'); await run(['cluster', 'down', '--dir', fg]) }
    }
  })

  it('names the option of a bad value; status and load need a cluster', async () => {
    const bad = await run(['cluster', 'up', '--orgs', '0'])
    assert.notEqual(bad.code, 0)
    assert.match(bad.output, /--orgs must be a whole number from 1 to 9, got '0'/)
    assert.match((await run(['cluster', 'up', '--channel', 'My_Channel'])).output, /--channel: 'My_Channel' is not a valid channel ID/)
    assert.match((await run(['cluster', 'up', '--dissemination', 'floodsub'])).output, /--dissemination must be one of fabric, gossipsub, got 'floodsub'/)
    const empty = await tmp('fgossip-cluster-empty-')
    const status = await run(['cluster', 'status', '--dir', empty])
    assert.notEqual(status.code, 0)
    assert.match(status.output, /no cluster in .* \(start one with: fgossip cluster up --dir/)
  })
})
