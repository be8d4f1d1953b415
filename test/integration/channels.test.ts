/**
 * Channels between real nodes over TCP (FAST_GOSSIP): StateInfo push and pull (and forwarded by peers outside
 * the channel, within their org), peersOfChannel, leaving,
 * anchor peers across orgs with the disclosure policy (scenarios 2, 4, 5, 6 and 8 of the reference), and
 * joining from genesis blocks and through the operations server.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanupTmp, FAST_GOSSIP, startNode, stopAll, testCrypto, tmp, waitFor, type TestNodeOptions } from '../helpers/network.js'
import { freePort } from '../helpers/process.js'
import { setLogLevel, setLogSink } from '../../src/logging.js'
import { readFixtureBytes } from '../helpers/fabric-fixtures.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { common } from '../../src/pb/common.js'
import { gossip } from '../../src/pb/gossip.js'
import { channelMac } from '../../src/channels/channel-mac.js'
import type { ChannelDefinition } from '../../src/channels/channel-config.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'
import type { GossipNode } from '../../src/node.js'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

describe('channels between real nodes', () => {
  let layout: CryptoLayout
  before(async () => { layout = await testCrypto({ orgs: 2, peers: 11 }) })
  after(cleanupTmp)

  /** A node of `org` with fixed ports; `external` gives it an external endpoint (its address). */
  async function start (org: number, peer: number, opts: { external?: boolean, bootstrap?: GossipNode[], extra?: Partial<TestNodeOptions>, gossip?: Record<string, unknown> } = {}): Promise<GossipNode> {
    const port = await freePort()
    const address = `127.0.0.1:${port}`
    return await startNode(layout, {
      org,
      peer,
      ...opts.extra,
      overrides: { peer: { listenAddress: address, address } },
      gossip: {
        ...FAST_GOSSIP,
        ...opts.gossip,
        externalEndpoint: opts.external === false ? '' : address,
        bootstrap: (opts.bootstrap ?? []).map(n => n.config.peer.address)
      }
    })
  }

  /** A channel definition of `orgs` (1-based), with anchor peers per org. */
  function channel (name: string, orgs: number[], anchors: Record<number, GossipNode[]> = {}): ChannelDefinition {
    return {
      name,
      ordererOrgs: [],
      orgs: orgs.map(n => ({
        mspId: layout.orgs[n - 1].mspId,
        mspType: 'fabric' as const,
        rootCerts: [readFileSync(layout.orgs[n - 1].caCertPath)],
        intermediateCerts: [],
        anchorPeers: (anchors[n] ?? []).map(a => { const [host, port] = a.config.peer.address.split(':'); return { host, port: Number(port) } })
      }))
    }
  }

  const channelPeers = (n: GossipNode, ch: string): string[] => n.peersOfChannel(ch).map(p => p.pkiIdHex).sort()

  it('scenarios 2 and 4: StateInfo reaches the channel\'s peers only; heights and chaincodes are seen; no data leaks', async () => {
    const org1: GossipNode[] = []
    const org2: GossipNode[] = []
    try {
      for (let i = 0; i < 5; i++) org1.push(await start(1, i, { bootstrap: org1.slice(0, 1) }))
      for (let i = 0; i < 5; i++) org2.push(await start(2, i, { bootstrap: org2.slice(0, 1) }))
      const all = [...org1, ...org2]
      // everything org2 receives that carries a StateInfo: its channel MACs, to look for org1only's
      const seenByOrg2: string[] = []
      for (const n of org2) {
        n.comm.subscribe(m => m.kind === 'stateInfo' || m.kind === 'stateSnapshot', m => {
          if (m.message.stateInfo != null) seenByOrg2.push(hex(m.message.stateInfo.channel_MAC))
          for (const e of m.message.stateSnapshot?.elements ?? []) {
            const si = gossip.GossipMessage.decode(e.payload).stateInfo
            if (si != null) seenByOrg2.push(hex(si.channel_MAC))
          }
        })
      }
      const shared = channel('shared', [1, 2], { 1: [org1[0]], 2: [org2[0]] })
      for (const n of all) await n.joinChannel(shared)
      // org1 peers 0..2 also share a channel of org1 alone; 3 and 4 never join it
      for (const n of org1.slice(0, 3)) await n.joinChannel(channel('org1only', [1]))

      for (const n of all) await waitFor(() => n.peers().filter(p => p.alive).length === 9, `${n.config.peer.id} sees all 9 others`, 30_000)
      for (const n of all) await waitFor(() => channelPeers(n, 'shared').length === 9, `${n.config.peer.id} sees 9 peers in shared`, 30_000)
      for (const n of org1.slice(0, 3)) {
        const expected = org1.slice(0, 3).filter(x => x !== n).map(x => hex(x.identity.pkiId)).sort()
        await waitFor(() => JSON.stringify(channelPeers(n, 'org1only')) === JSON.stringify(expected), `${n.config.peer.id} sees exactly its 2 channel peers`, 10_000)
      }
      for (const n of [...org1.slice(3), ...org2]) assert.deepEqual(channelPeers(n, 'org1only'), [])

      // a height and a chaincode published by one peer are seen by all (scenario 2)
      org2[3].updateLedgerHeight('shared', 42)
      org2[3].updateChaincodes('shared', [{ name: 'exampleCC', version: '1.2' }])
      const id = hex(org2[3].identity.pkiId)
      for (const n of all.filter(x => x !== org2[3])) {
        await waitFor(() => {
          const p = n.peersOfChannel('shared').find(x => x.pkiIdHex === id)
          return p?.properties.ledgerHeight === 42n && p.properties.chaincodes.some(c => c.name === 'exampleCC' && c.version === '1.2')
        }, `${n.config.peer.id} sees height 42 and exampleCC 1.2`, 10_000)
      }
      const st = org1[1].status().channels.shared.peers.find(p => p.pkiId === id)
      assert.equal(st?.height, 42)
      assert.deepEqual(st?.chaincodes, [{ name: 'exampleCC', version: '1.2' }])
      // the StateInfo of org1only never left org1 (Fabric routes it to peers of the channel's orgs: org1 peers
      // outside the channel may relay it, org2 peers never see it)
      const org1onlyMacs = new Set(org1.slice(0, 3).map(n => hex(channelMac(n.identity.pkiId, 'org1only'))))
      const sharedMacs = new Set(all.map(n => hex(channelMac(n.identity.pkiId, 'shared'))))
      assert.ok(seenByOrg2.some(mac => sharedMacs.has(mac)), 'org2 did receive the StateInfo of shared (the check is live)')
      assert.equal(seenByOrg2.filter(mac => org1onlyMacs.has(mac)).length, 0, 'org2 never got org1only\'s StateInfo')
    } finally {
      await stopAll([...org1, ...org2])
    }
  })

  it('scenario 5: after one of three peers leaves, the others see 1 and the leaver 0', async () => {
    const a = await start(1, 5)
    const b = await start(1, 6, { bootstrap: [a] })
    const c = await start(1, 7, { bootstrap: [a] })
    try {
      for (const n of [a, b, c]) await n.joinChannel(channel('leaving', [1]))
      for (const n of [a, b, c]) await waitFor(() => channelPeers(n, 'leaving').length === 2, `${n.config.peer.id} sees 2`, 10_000)
      assert.equal(c.leaveChannel('leaving'), true)
      for (const n of [a, b]) await waitFor(() => channelPeers(n, 'leaving').length === 1, `${n.config.peer.id} sees 1`, 10_000)
      assert.deepEqual(channelPeers(c, 'leaving'), [])
      assert.equal(c.status().channels.leaving.leftChannel, true)
      assert.equal(c.leaveChannel('leaving'), false, 'leaving twice')
    } finally {
      await stopAll([a, b, c])
    }
  })

  it('a StateInfo of a channel a peer has not joined is forwarded within its org (Fabric), never to another org', async () => {
    // six peers of org 1, two of them in the channel; fan-out 4: a peer outside the channel that gets the
    // origin's StateInfo forwards it to all four others of its org but the origin, the channel's other peer
    // among them. All six and a peer of org 2 share another channel (the orgs trust each other, and meet
    // through its anchor peer).
    const gossipConf = { propagatePeerNum: 4 }
    const a = await start(1, 0, { gossip: gossipConf })
    const others = []
    for (let i = 1; i <= 5; i++) others.push(await start(1, i, { bootstrap: [a], gossip: gossipConf }))
    const outsider = await start(2, 0, { gossip: gossipConf })
    const d = others[4]
    const nodes = [a, ...others, outsider]
    try {
      for (const n of nodes) await n.joinChannel(channel('both', [1, 2], { 1: [a] }))
      for (const n of nodes) await waitFor(() => n.peers().filter(p => p.alive).length === nodes.length - 1, `${n.config.peer.id} knows the others`, 30_000)
      const aHex = hex(a.identity.pkiId)
      const macs = new Set([a, d].map(n => hex(channelMac(n.identity.pkiId, 'relayed'))))
      const relayedBy = new Set<string>()
      d.comm.subscribe(m => m.kind === 'stateInfo', m => { if (hex(m.message.stateInfo?.pkiId ?? new Uint8Array()) === aHex) relayedBy.add(m.sender.pkiIdHex) })
      let leaked = 0
      outsider.comm.subscribe(m => m.kind === 'stateInfo' && macs.has(hex(m.message.stateInfo?.channel_MAC ?? new Uint8Array())), () => { leaked++ })
      for (const n of [a, d]) await n.joinChannel(channel('relayed', [1]))
      await waitFor(() => [...relayedBy].some(x => x !== aHex), 'the channel\'s other peer gets the origin\'s StateInfo from a peer outside the channel', 15_000)
      await waitFor(() => channelPeers(d, 'relayed').includes(aHex) && channelPeers(a, 'relayed').length === 1, 'the two see each other', 15_000)
      for (const n of others.slice(0, 4)) assert.deepEqual(channelPeers(n, 'relayed'), [], `${n.config.peer.id}, outside the channel, counts no peer in it`)
      assert.equal(leaked, 0, 'no StateInfo of the channel reached the other org')
    } finally {
      await stopAll(nodes)
    }
  })

  it('scenario 8: across orgs only peers with external endpoints are known, and no internal endpoint leaks', async () => {
    // 2 orgs x 5 peers; peers 0 and 1 of each org have external endpoints; peer 1 of each org is the anchor
    const orgs: GossipNode[][] = [[], []]
    try {
      for (const o of [1, 2]) {
        for (let i = 0; i < 5; i++) orgs[o - 1].push(await start(o, i, { external: i < 2, bootstrap: orgs[o - 1].slice(0, 1) }))
      }
      const def = channel('multiorg', [1, 2], { 1: [orgs[0][1]], 2: [orgs[1][1]] })
      const all = orgs.flat()
      for (const n of all) await n.joinChannel(def)
      for (const [o, nodes] of orgs.entries()) {
        for (const [i, n] of nodes.entries()) {
          const expected = i < 2 ? 4 + 2 : 4
          await waitFor(() => n.peers().filter(p => p.alive).length === expected, `org${o + 1} peer${i} knows ${expected}`, 30_000)
        }
      }
      // let gossip run a few more rounds, then check nothing leaked meanwhile
      await new Promise(resolve => setTimeout(resolve, 4 * FAST_GOSSIP.pullInterval))
      for (const [o, nodes] of orgs.entries()) {
        for (const [i, n] of nodes.entries()) {
          const members = n.discovery.allMembers()
          assert.equal(members.filter(m => m.alive).length, i < 2 ? 6 : 4, `org${o + 1} peer${i} still knows ${i < 2 ? 6 : 4}`)
          for (const m of members) {
            if (m.mspId !== n.identity.mspId) {
              assert.equal(m.member.internalEndpoint, undefined, `org${o + 1} peer${i} learned the internal endpoint of a foreign peer`)
              assert.notEqual(m.externalEndpoint, '', 'a foreign peer without an external endpoint was disclosed')
            }
          }
          for (const m of n.status().members) if (m.mspId !== n.identity.mspId) assert.equal(m.internalEndpoint, undefined)
          // nor is a foreign peer without an external endpoint told about through identity pull
          const hidden = orgs[1 - o].slice(2).map(x => hex(x.identity.pkiId))
          assert.deepEqual(n.identityPull.digests().filter(d => hidden.includes(d)), [], `org${o + 1} peer${i} pulled a hidden foreign identity`)
        }
      }
    } finally {
      await stopAll(orgs.flat())
    }
  })

  it('a peer without an external endpoint logs one clear hint about the orgs it cannot reach, not a flood', async () => {
    const lines: string[] = []
    setLogSink(line => { lines.push(line) })
    setLogLevel('info')
    const hidden = await start(1, 5, { external: false })
    try {
      const def = channel('hint', [1, 2])
      def.orgs[1].anchorPeers = [{ host: '127.0.0.1', port: await freePort() }]
      await hidden.joinChannel(def)
      await hidden.joinChannel(def) // joined again: still one hint
      await waitFor(() => lines.some(l => l.includes('anchor peers of Org2MSP') && l.includes('peer.gossip.externalEndpoint')), 'the hint names the org and the key to set')
      assert.equal(lines.filter(l => l.includes('anchor peers of Org2MSP')).length, 1)
    } finally {
      setLogSink(line => { process.stderr.write(line + '\n') })
      setLogLevel(process.env.FABRIC_LOGGING_SPEC ?? 'error')
      await hidden.stop()
    }
  })

  it('scenario 6: peers that know only anchor peers not yet running converge once one starts', async () => {
    const anchorPort = await freePort()
    const anchorAddress = `127.0.0.1:${anchorPort}`
    const [host, port] = anchorAddress.split(':')
    const def: ChannelDefinition = { ...channel('anchored', [1, 2]) }
    def.orgs[0].anchorPeers = [{ host, port: Number(port) }]
    def.orgs[1].anchorPeers = [{ host: '127.0.0.1', port: await freePort() }, { host: '127.0.0.1', port: await freePort() }] // never run
    const others: GossipNode[] = []
    let anchor: GossipNode | undefined
    try {
      for (const [org, peer] of [[1, 8], [1, 9], [2, 8], [2, 9]]) {
        const n = await start(org, peer)
        await n.joinChannel(def)
        others.push(n)
      }
      anchor = await startNode(layout, {
        org: 1,
        peer: 10,
        overrides: { peer: { listenAddress: anchorAddress, address: anchorAddress } },
        gossip: { ...FAST_GOSSIP, externalEndpoint: anchorAddress }
      })
      await anchor.joinChannel(def)
      for (const n of [...others, anchor]) await waitFor(() => n.peers().filter(p => p.alive).length === 4, `${n.config.peer.id} sees the 4 others`, 30_000)
    } finally {
      await stopAll(anchor != null ? [...others, anchor] : others)
    }
  })

  it('joins from genesis blocks (ours, a real Fabric one, from the config file) and through the operations server', async () => {
    const block = createGenesisBlock({
      channelId: 'fromblock',
      applicationOrgs: [1, 2].map(n => ({ mspId: layout.orgs[n - 1].mspId, mspDir: layout.orgs[n - 1].mspDir, anchorPeers: [] }))
    })
    const dir = await tmp()
    const blockFile = join(dir, 'fromblock.block')
    writeFileSync(blockFile, common.Block.encode(block))
    const a = await startNode(layout, {
      org: 1,
      peer: 4,
      operations: true,
      gossip: FAST_GOSSIP,
      overrides: { channels: [{ block: blockFile }] }
    })
    try {
      assert.deepEqual(a.status().channels.fromblock.orgs.sort(), ['Org1MSP', 'Org2MSP'])
      // Fabric's own genesis block: orgs and anchor peers come from it
      const name = await a.joinChannel(readFixtureBytes('smartbft-mychannel.block'))
      assert.equal(name, 'mychannel')
      assert.deepEqual(a.channels.definition('mychannel')?.orgs.map(o => `${o.mspId}@${o.anchorPeers.map(p => `${p.host}:${p.port}`).join(',')}`),
        ['Org1MSP@127.0.0.1:7051', 'Org2MSP@127.0.0.1:7055'])

      const ops = a.operations?.address()
      const url = `http://127.0.0.1:${ops?.port ?? 0}`
      const posted = await fetch(`${url}/channels`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: common.Block.encode(createGenesisBlock({ channelId: 'posted', applicationOrgs: [{ mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir }] })) })
      assert.equal(posted.status, 201)
      assert.deepEqual(await posted.json(), { channel: 'posted' })
      const json = await fetch(`${url}/channels`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'byjson', orgs: [{ mspId: 'Org1MSP', rootCerts: [readFileSync(layout.orgs[0].caCertPath, 'utf8')], anchorPeers: ['127.0.0.1:7051'] }] }) })
      assert.equal(json.status, 201)
      const bad = await fetch(`${url}/channels`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bad', orgs: [{ rootCerts: [] }] }) })
      assert.equal(bad.status, 400)
      assert.match((await bad.json() as { error: string }).error, /channel\.orgs\[0\]\.mspId/)
      const garbage = await fetch(`${url}/channels`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([1, 2, 3]) })
      assert.equal(garbage.status, 400)
      const status = await (await fetch(`${url}/status`)).json() as { channels: Record<string, unknown> }
      assert.deepEqual(Object.keys(status.channels).sort(), ['byjson', 'fromblock', 'mychannel', 'posted'])
      assert.equal((await fetch(`${url}/channels/posted`, { method: 'DELETE' })).status, 200)
      assert.equal((await fetch(`${url}/channels/nope`, { method: 'DELETE' })).status, 404)
      assert.equal((await fetch(`${url}/metadata`, { method: 'PUT', body: 'meta' })).status, 204)
    } finally {
      await a.stop()
    }
  })
})
