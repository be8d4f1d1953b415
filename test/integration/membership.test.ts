/**
 * Fabric's discovery between real nodes over TCP, with the intervals shortened (FAST_GOSSIP): scenario 3 of
 * the reference (membership and metadata), dead peers and their return, restarts, anti-spoofing and
 * bootstrap peers of another org.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { issueCertificate, loadCA } from '../../src/identity/cryptogen.js'
import { cleanupTmp, FAST_GOSSIP, metric, startNode, stopAll, testCrypto, tmp, waitFor, type TestNodeOptions } from '../helpers/network.js'
import { setLogSink, setLogLevel } from '../../src/logging.js'
import { seal } from '../../src/wire/envelope.js'
import { loadSigningIdentity } from '../../src/identity/index.js'
import { gossip } from '../../src/pb/gossip.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'
import type { GossipNode } from '../../src/node.js'

const Tag = gossip.GossipMessage.Tag

/** The host:port a node listens on. */
function endpointOf (n: GossipNode): string {
  const ma = n.multiaddrs()[0].toString().split('/')
  return `${ma[2]}:${ma[4]}`
}

function alivePeers (n: GossipNode): string[] {
  return n.peers().filter(p => p.alive).map(p => p.pkiId).sort()
}

describe('membership between real nodes', () => {
  let layout: CryptoLayout
  before(async () => { layout = await testCrypto({ orgs: 2, peers: 11 }) })
  after(cleanupTmp)

  async function start (org: number, peer: number, bootstrap: GossipNode[] = [], extra: Partial<TestNodeOptions> = {}): Promise<GossipNode> {
    return await startNode(layout, {
      org,
      peer,
      ...extra,
      gossip: { ...FAST_GOSSIP, bootstrap: bootstrap.map(endpointOf), ...(extra.gossip ?? {}) }
    })
  }

  it('scenario 3: a bootstrap peer and 10 peers all see n = 10, and UpdateMetadata reaches everyone', async () => {
    const boot = await start(1, 0)
    const nodes = [boot]
    try {
      for (let i = 1; i <= 10; i++) nodes.push(await start(1, i, [boot]))
      for (const n of nodes) await waitFor(() => alivePeers(n).length === 10, `${n.config.peer.id} sees 10 alive members`, 20_000)
      // each member is known with its org and its internal endpoint (same org)
      const id7 = Buffer.from(nodes[7].identity.pkiId).toString('hex')
      await waitFor(() => {
        const seen = nodes[3].status().members.find(p => p.pkiId === id7)
        return seen?.mspId === 'Org1MSP' && seen.internalEndpoint === endpointOf(nodes[7])
      }, 'peer3 knows peer7 with its org and internal endpoint')
      nodes[5].updateMetadata(Buffer.from('hello from peer5'))
      const pkiId5 = Buffer.from(nodes[5].identity.pkiId).toString('hex')
      for (const n of nodes.filter(x => x !== nodes[5])) {
        await waitFor(() => n.peers().find(p => p.pkiId === pkiId5)?.metadata === Buffer.from('hello from peer5').toString('base64'), `${n.config.peer.id} sees peer5's metadata`, 10_000)
      }
    } finally {
      await stopAll(nodes)
    }
  })

  it('a silent peer is declared dead and its connection closed; it comes back with a new inc_num when restarted', async () => {
    const a = await start(1, 0)
    const b = await start(1, 1, [a])
    let c = await start(1, 2, [a])
    try {
      const cId = Buffer.from(c.identity.pkiId).toString('hex')
      for (const n of [a, b]) await waitFor(() => alivePeers(n).includes(cId), `${n.config.peer.id} sees c`, 10_000)
      const incBefore = a.discovery.view.get(cId)?.time.incNum
      const port = Number(endpointOf(c).split(':')[1])
      await c.stop()
      for (const n of [a, b]) {
        await waitFor(() => n.peers().length === 1 && n.discovery.view.get(cId)?.state === 'dead', `${n.config.peer.id} declares c dead`, 20_000)
        assert.equal(n.comm.connectedPeer(c.identity.pkiId), undefined, 'the dead peer\'s connection is closed')
        assert.equal(n.status().members.find(m => m.pkiId === cId)?.alive, false)
      }
      // restarted with the same identity (and the same address: the others find it through reconnection)
      c = await start(1, 2, [a], { overrides: { peer: { listenAddress: `127.0.0.1:${port}`, address: `127.0.0.1:${port}` } } })
      for (const n of [a, b]) await waitFor(() => alivePeers(n).includes(cId), `${n.config.peer.id} sees c alive again`, 10_000)
      const incAfter = a.discovery.view.get(cId)?.time.incNum
      assert.ok(incBefore != null && incAfter != null && incAfter > incBefore, 'the restarted peer is seen with its new inc_num')
    } finally {
      await stopAll([a, b, c])
    }
  })

  it('a peer that stays connected but stops sending alive messages is declared dead after aliveExpirationTimeout', async () => {
    const a = await start(1, 0)
    const c = await start(1, 3, [a])
    try {
      const cId = Buffer.from(c.identity.pkiId).toString('hex')
      await waitFor(() => alivePeers(a).includes(cId), 'a sees c', 10_000)
      c.discovery.stop() // c goes silent; its connection stays open
      const silentSince = Date.now()
      await waitFor(() => a.discovery.view.get(cId)?.state === 'dead', 'a declares the silent c dead', 20_000)
      assert.ok(Date.now() - silentSince >= FAST_GOSSIP.aliveExpirationTimeout - FAST_GOSSIP.aliveTimeInterval, 'not before it was silent for the timeout')
      await waitFor(() => a.comm.connectedPeer(c.identity.pkiId) == null, 'and closes its connection')
    } finally {
      await stopAll([a, c])
    }
  })

  it('identity pull: a peer learns the identity of a peer it never met, and then accepts its alive messages', async () => {
    // alive messages carry no certificate (publishCertPeriod 1 ms): only identity pull can tell a and c apart
    const noCert = { gossip: { publishCertPeriod: 1 } }
    const b = await start(1, 4, [], noCert)
    const a = await start(1, 5, [b], noCert)
    const c = await start(1, 6, [b], noCert)
    try {
      const aId = Buffer.from(a.identity.pkiId).toString('hex')
      const cId = Buffer.from(c.identity.pkiId).toString('hex')
      await waitFor(() => alivePeers(a).includes(cId) && alivePeers(c).includes(aId), 'a and c see each other', 20_000)
      assert.ok(a.identityPull.digests().includes(cId), 'a holds c\'s signed identity, pulled')
      assert.ok(c.identityPull.digests().includes(aId))
    } finally {
      await stopAll([a, b, c])
    }
  })

  it('suspectPeers purges identities that no longer validate and closes their connections', async () => {
    const a = await start(1, 7)
    const b = await start(1, 8, [a])
    try {
      const bId = Buffer.from(b.identity.pkiId).toString('hex')
      await waitFor(() => alivePeers(a).includes(bId), 'a sees b', 10_000)
      assert.deepEqual(a.suspectPeers(id => id.commonName === 'nobody'), [], 'nothing purged when nothing is suspected')
      // b's certificate is revoked: a checks it with a validator that refuses it
      a.msps.removeOrg('Org1MSP')
      a.msps.addOrg('Org1MSP', [(await testCrypto({ orgs: 1, peers: 1 })).orgs[0].caCertPath].map(p => readFileSync(p)))
      const purged = a.suspectPeers()
      assert.ok(purged.includes(bId))
      await waitFor(() => a.comm.connectedPeer(b.identity.pkiId) == null, 'b\'s connection closed')
      assert.ok(!alivePeers(a).includes(bId))
    } finally {
      await stopAll([a, b])
    }
  })

  it('an identity is purged when its certificate expires, and its connection closed', async () => {
    const org = layout.orgs[0]
    const ca = await loadCA(readFileSync(org.caCertPath, 'utf8'), readFileSync(org.caKeyPath, 'utf8'))
    const cert = await issueCertificate(ca, { cn: 'shortlived.org1.example.com', ou: 'peer', notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 4000) })
    const msp = join(await tmp(), 'msp')
    for (const sub of ['signcerts', 'keystore', 'cacerts']) mkdirSync(join(msp, sub), { recursive: true })
    writeFileSync(join(msp, 'signcerts', 'cert.pem'), cert.certPem)
    writeFileSync(join(msp, 'keystore', 'priv_sk'), cert.keyPem)
    writeFileSync(join(msp, 'cacerts', 'ca.pem'), readFileSync(org.caCertPath))
    const a = await start(1, 9)
    const b = await start(1, 10, [a], { msp: { dir: msp, mspId: 'Org1MSP' } })
    try {
      const bId = Buffer.from(b.identity.pkiId).toString('hex')
      await waitFor(() => alivePeers(a).includes(bId), 'a sees the short-lived b', 10_000)
      await waitFor(() => a.comm.connectedPeer(b.identity.pkiId) == null && !a.identities.has(bId), 'a purges b at expiry and closes its connection', 20_000)
      assert.ok(!alivePeers(a).includes(bId))
    } finally {
      await stopAll([a, b])
    }
  })

  it('scenario 7: a membership request carrying another peer\'s alive message gets no answer', async () => {
    const a = await start(1, 0)
    const b = await start(1, 1, [a])
    // x speaks gossip by hand: comm only
    const x = await start(1, 2, [], { discovery: false })
    try {
      await waitFor(() => alivePeers(a).length === 1, 'a sees b', 10_000)
      const bAlive = b.discovery.selfAlive() // a genuine, correctly signed alive message of b
      let responses = 0
      x.comm.subscribe(m => m.kind === 'memRes', () => { responses++ })
      x.comm.send(seal({ nonce: 99n, tag: Tag.EMPTY, memReq: { selfInformation: bAlive.envelope, known: [] } }), { endpoint: a.multiaddrs()[0] })
      await waitFor(async () => await metric(a, 'gossip_membership_dropped_messages', { reason: 'spoofed-request' }) === 1, 'the spoofed request is counted')
      // x's own alive message in a request is answered: the check is the spoofing, not x
      const xId = loadSigningIdentity(layout.orgs[0].nodes[2].mspDir, 'Org1MSP')
      const own = seal({
        tag: Tag.EMPTY,
        aliveMsg: { membership: { endpoint: '', metadata: new Uint8Array(0), pkiId: xId.pkiId as Uint8Array<ArrayBuffer> }, timestamp: { incNum: 1n, seqNum: 1n }, identity: new Uint8Array(0) }
      }, xId)
      x.comm.send(seal({ nonce: 100n, tag: Tag.EMPTY, memReq: { selfInformation: own.envelope, known: [] } }), { pkiId: a.identity.pkiId })
      await waitFor(() => responses === 1, 'x gets an answer to its own request only')
      assert.equal(responses, 1)
    } finally {
      await stopAll([a, b, x])
    }
  })

  it('a bootstrap peer of another org gets one probe and one explanation, and no membership', async () => {
    const lines: string[] = []
    setLogSink(line => { lines.push(line) })
    setLogLevel('info')
    const org1 = await start(1, 0)
    const org2 = await start(2, 0, [org1])
    try {
      await waitFor(() => lines.some(l => l.includes('not to my org Org2MSP')), 'the explanation is logged')
      await new Promise(resolve => setTimeout(resolve, 3 * FAST_GOSSIP.reconnectInterval)) // room for (wrong) retries
      assert.equal(lines.filter(l => l.includes('not to my org')).length, 1, 'one explanation, not a flood')
      assert.equal(org1.peers().length, 0)
      assert.equal(org2.peers().length, 0)
      assert.equal(org1.comm.connectedPeers().length, 0, 'a probe admits nothing')
    } finally {
      setLogSink(line => { process.stderr.write(line + '\n') })
      setLogLevel(process.env.FABRIC_LOGGING_SPEC ?? 'error')
      await stopAll([org1, org2])
    }
  })
})
