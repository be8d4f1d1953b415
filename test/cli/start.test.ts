/**
 * `fgossip start` as real processes: configured fabric-samples style through CORE_* variables, two peers
 * handshake, the operations server answers, SIGINT/SIGTERM stop cleanly, the libp2p key survives a
 * restart, and a bad value stops the node with an error naming the key.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanupTmp, testCrypto, tmp, waitFor } from '../helpers/network.js'
import { fgossip, freePort, getJson, run } from '../helpers/process.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'

describe('fgossip start', () => {
  let layout: CryptoLayout
  before(async () => { layout = await testCrypto() })
  after(cleanupTmp)

  /** The environment a fabric-samples compose file gives peer N of org 1. */
  async function peerEnv (n: number, port: number, ops: number, bootstrap?: number, dataDir?: string): Promise<Record<string, string>> {
    const org = layout.orgs[0]
    return {
      CORE_PEER_ID: org.nodes[n].name,
      CORE_PEER_LOCALMSPID: org.mspId,
      CORE_PEER_MSPCONFIGPATH: org.nodes[n].mspDir,
      CORE_PEER_FILESYSTEMPATH: dataDir ?? await tmp('fgossip-cli-'),
      CORE_PEER_LISTENADDRESS: `127.0.0.1:${port}`,
      CORE_PEER_ADDRESS: `127.0.0.1:${port}`,
      CORE_PEER_GOSSIP_EXTERNALENDPOINT: `127.0.0.1:${port}`,
      CORE_PEER_GOSSIP_BOOTSTRAP: bootstrap != null ? `127.0.0.1:${bootstrap}` : '',
      CORE_PEER_GOSSIP_RECONNECTINTERVAL: '1s',
      CORE_OPERATIONS_LISTENADDRESS: `127.0.0.1:${ops}`
    }
  }

  it('two peers configured by environment variables handshake; operations answer; signals stop them cleanly', async () => {
    const [p0, o0, p1, o1] = [await freePort(), await freePort(), await freePort(), await freePort()]
    const data0 = await tmp('fgossip-cli-')
    const a = fgossip(['start'], await peerEnv(0, p0, o0, undefined, data0))
    const b = fgossip(['start'], await peerEnv(1, p1, o1, p0))
    try {
      await waitFor(async () => (await getJson(`http://127.0.0.1:${o1}/status`))?.body?.connections?.length === 1, 'peer1 connected to its bootstrap peer', 20_000)
      await waitFor(async () => (await getJson(`http://127.0.0.1:${o0}/status`))?.body?.connections?.length === 1, 'peer0 admitted peer1', 5_000)
      const status = (await getJson(`http://127.0.0.1:${o0}/status`))?.body
      assert.equal(status.id, layout.orgs[0].nodes[0].name)
      assert.equal(status.mspId, 'Org1MSP')
      assert.match(status.pkiId, /^[0-9a-f]{64}$/)
      assert.match(status.peerId, /^12D3KooW/)
      assert.equal(status.endpoint, `127.0.0.1:${p0}`)
      assert.equal(status.externalEndpoint, `127.0.0.1:${p0}`)
      // discovery: peer1 is a member, alive, with its endpoints (same org: the internal one too)
      await waitFor(async () => (await getJson(`http://127.0.0.1:${o0}/status`))?.body?.members?.some((m: { alive: boolean }) => m.alive) === true, 'peer1 is an alive member of peer0', 10_000)
      const members = (await getJson(`http://127.0.0.1:${o0}/status`))?.body.members
      assert.equal(members.length, 1)
      assert.equal(members[0].mspId, 'Org1MSP')
      assert.equal(members[0].endpoint, `127.0.0.1:${p1}`)
      assert.equal(members[0].internalEndpoint, `127.0.0.1:${p1}`)
      assert.match(members[0].peerId, /^12D3KooW/)
      assert.deepEqual(status.channels, {})
      assert.equal(status.connections[0].mspId, 'Org1MSP')

      const health = await getJson(`http://127.0.0.1:${o0}/healthz`)
      assert.equal(health?.status, 200)
      assert.equal(health?.body.status, 'OK')
      assert.ok(!Number.isNaN(Date.parse(health?.body.time)))

      const metrics = String((await getJson(`http://127.0.0.1:${o0}/metrics`))?.body)
      for (const name of ['gossip_comm_messages_sent', 'gossip_comm_messages_received', 'gossip_comm_overflow_count', 'gossip_comm_handshakes 1']) {
        assert.ok(metrics.includes(name), `/metrics has ${name}`)
      }
      assert.match(metrics, /^libp2p_/m, '/metrics has libp2p\'s own metrics')

      a.child.kill('SIGINT')
      b.child.kill('SIGTERM')
      assert.equal(await a.exited, 0)
      assert.equal(await b.exited, 0)
      assert.match(a.output(), /SIGINT received: stopping/)
      assert.match(a.output(), /stopped/)
      assert.match(b.output(), /SIGTERM received: stopping/)

      // the libp2p key was created once: a restart keeps the PeerId
      const again = fgossip(['start'], await peerEnv(0, p0, o0, undefined, data0))
      try {
        await waitFor(async () => (await getJson(`http://127.0.0.1:${o0}/status`))?.body?.peerId === status.peerId, 'same PeerId after a restart', 20_000)
      } finally {
        again.child.kill('SIGTERM')
        assert.equal(await again.exited, 0)
      }
    } finally {
      a.child.kill('SIGKILL')
      b.child.kill('SIGKILL')
    }
  })

  it('an invalid value stops the node with an error naming the key', async () => {
    const env = await peerEnv(0, await freePort(), await freePort())
    const bad = await run(['start'], { ...env, CORE_PEER_GOSSIP_ALIVETIMEINTERVAL: 'often' })
    assert.equal(bad.code, 2)
    assert.match(bad.output, /peer\.gossip\.aliveTimeInterval/)
    assert.match(bad.output, /CORE_PEER_GOSSIP_ALIVETIMEINTERVAL/)

    const file = join(await tmp(), 'core.yaml')
    await writeFile(file, 'peer:\n  gossip:\n    useLeaderElection: true\n    orgLeader: true\n')
    const both = await run(['start', '--config', file], env)
    assert.equal(both.code, 2)
    assert.match(both.output, /useLeaderElection/)
    assert.match(both.output, /orgLeader/)

    const noMsp = await run(['start'], { ...env, CORE_PEER_MSPCONFIGPATH: '/nonexistent/msp' })
    assert.equal(noMsp.code, 1)
    assert.match(noMsp.output, /peer\.mspConfigPath/)
  })

  it('reads $FABRIC_CFG_PATH/core.yaml when no --config is given', async () => {
    const dir = await tmp()
    await writeFile(join(dir, 'core.yaml'), 'peer:\n  gossip:\n    pullPeerNum: -3\n')
    const r = await run(['start'], { ...await peerEnv(0, await freePort(), await freePort()), FABRIC_CFG_PATH: dir })
    assert.equal(r.code, 2)
    assert.match(r.output, /peer\.gossip\.pullPeerNum/)
  })

  it('--help describes every command and every configuration key', async () => {
    const top = await run(['--help'])
    assert.equal(top.code, 0)
    for (const cmd of ['start', 'crypto', 'demo']) assert.match(top.output, new RegExp(`\\b${cmd}\\b`))
    const start = await run(['start', '--help'])
    assert.equal(start.code, 0)
    for (const key of ['peer.gossip.bootstrap', 'CORE_PEER_GOSSIP_BOOTSTRAP', 'peer.gossip.sendBuffSize', 'operations.listenAddress']) {
      assert.ok(start.output.includes(key), `start --help names ${key}`)
    }
    const gen = await run(['crypto', 'generate', '--help'])
    assert.equal(gen.code, 0)
    for (const opt of ['--out', '--orgs', '--peers', '--orderer', '--domain']) assert.ok(gen.output.includes(opt))
  })
})
