/** The pure parts of the composition root: the libp2p key file and the choice of bootstrap endpoints. */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { bootstrapEndpoints, loadOrCreatePeerKey } from '../../src/node.js'
import { loadConfig, type DeepPartial, type NodeConfig } from '../../src/config/index.js'

describe('loadOrCreatePeerKey', () => {
  let dir: string
  before(() => { dir = mkdtempSync(join(tmpdir(), 'fgossip-node-')) })
  after(() => { rmSync(dir, { recursive: true, force: true }) })

  it('creates an Ed25519 key once, readable by its owner only, and returns the same key afterwards', async () => {
    const fsPath = join(dir, 'production')
    const first = await loadOrCreatePeerKey(fsPath)
    assert.equal(first.type, 'Ed25519')
    const file = join(fsPath, 'libp2p', 'peer.key')
    assert.equal(statSync(file).mode & 0o777, 0o600)
    assert.deepEqual(readdirSync(join(fsPath, 'libp2p')), ['peer.key'], 'no temporary file left behind')
    const second = await loadOrCreatePeerKey(fsPath)
    assert.deepEqual(second.publicKey.raw, first.publicKey.raw)
    assert.equal(second.equals(first), true)
    assert.equal(peerIdFromPrivateKey(second).toString(), peerIdFromPrivateKey(first).toString())
    const elsewhere = await loadOrCreatePeerKey(join(dir, 'another'))
    assert.notDeepEqual(elsewhere.publicKey.raw, first.publicKey.raw, 'each node folder has its own key')
  })

  it('refuses a corrupt key file with an error naming the file (and does not replace it)', async () => {
    const fsPath = join(dir, 'corrupt')
    const file = join(fsPath, 'libp2p', 'peer.key')
    mkdirSync(join(fsPath, 'libp2p'), { recursive: true })
    writeFileSync(file, 'not a protobuf key')
    await assert.rejects(loadOrCreatePeerKey(fsPath), (err: Error) => {
      assert.ok(err.message.includes(file), err.message)
      return true
    })
    assert.equal(statSync(file).size, 'not a protobuf key'.length)
  })

  it('refuses a key path that cannot be read, naming it', async () => {
    const fsPath = join(dir, 'unreadable')
    const file = join(fsPath, 'libp2p', 'peer.key')
    mkdirSync(file, { recursive: true }) // a folder where the key file should be
    await assert.rejects(loadOrCreatePeerKey(fsPath), (err: Error) => {
      assert.ok(err.message.includes(file), err.message)
      return true
    })
  })
})

describe('bootstrapEndpoints', () => {
  let pinned: string
  before(async () => { pinned = peerIdFromPrivateKey(await generateKeyPair('Ed25519')).toString() })

  const config = (overrides: DeepPartial<NodeConfig>): NodeConfig => loadConfig({ overrides, onWarning: () => {} })
  const dialled = (overrides: DeepPartial<NodeConfig>): string[] => bootstrapEndpoints(config(overrides)).map(m => m.toString())

  it("drops Fabric's default bootstrap (127.0.0.1:7051) for a node on the default port 7051", () => {
    assert.deepEqual(config({}).peer.gossip.bootstrap, ['127.0.0.1:7051'])
    assert.deepEqual(dialled({}), [])
  })

  it('keeps 127.0.0.1:7051 for a node whose addresses are on another port', () => {
    assert.deepEqual(dialled({ peer: { listenAddress: '0.0.0.0:8051', address: '0.0.0.0:8051' } }), ['/ip4/127.0.0.1/tcp/7051'])
    assert.deepEqual(dialled({ peer: { listenAddress: '0.0.0.0:8051', address: 'peer1.org1.example.com:8051' } }), ['/ip4/127.0.0.1/tcp/7051'])
  })

  it('treats the port of peer.address as ours too, like Fabric (its self check uses the internal endpoint)', () => {
    // listening on 8051 but still publishing the default peer.address 0.0.0.0:7051
    assert.deepEqual(dialled({ peer: { listenAddress: '0.0.0.0:8051' } }), [])
  })

  it('drops loopback addresses (127.x, localhost, ::1) on our own port, keeps them on other ports', () => {
    const got = dialled({
      peer: {
        listenAddress: '0.0.0.0:9051',
        address: 'peer0.org1.example.com:9051',
        gossip: { bootstrap: ['localhost:9051', '127.0.0.1:9051', '127.0.1.1:9051', '[::1]:9051', 'localhost:7051', '127.0.0.1:10051'] }
      }
    })
    assert.deepEqual(got, ['/dns4/localhost/tcp/7051', '/ip4/127.0.0.1/tcp/10051'])
  })

  it("drops the node's own peer.address, gossip.endpoint and gossip.externalEndpoint, keeps other peers", () => {
    const got = dialled({
      peer: {
        listenAddress: '0.0.0.0:7051',
        address: 'peer0.org1.example.com:7051',
        gossip: {
          endpoint: 'gossip0.org1.example.com:7052',
          externalEndpoint: 'peer0.example.org:443',
          bootstrap: [
            'peer0.org1.example.com:7051',
            'gossip0.org1.example.com:7052',
            'peer0.example.org:443',
            'peer1.org1.example.com:7051', // same port, another host
            'peer0.org1.example.com:8051', // same host, another port
            '10.0.0.5:7051',
            '/dns4/peer0.org1.example.com/tcp/7051' // our own address as a multiaddr
          ]
        }
      }
    })
    assert.deepEqual(got, ['/dns4/peer1.org1.example.com/tcp/7051', '/dns4/peer0.org1.example.com/tcp/8051', '/ip4/10.0.0.5/tcp/7051'])
  })

  it('keeps multiaddrs with /p2p, even on a loopback address and our own port (the PeerId says who it is)', () => {
    const withPeer = `/ip4/127.0.0.1/tcp/7051/p2p/${pinned}`
    const got = dialled({ peer: { gossip: { bootstrap: [withPeer, '/ip4/127.0.0.1/tcp/7051', `/dns4/peer1.org1.example.com/tcp/7051/p2p/${pinned}`] } } })
    assert.deepEqual(got, [withPeer, `/dns4/peer1.org1.example.com/tcp/7051/p2p/${pinned}`])
  })

  it('keeps /dnsaddr multiaddrs, which the configuration accepts without /p2p and which have no port to compare', () => {
    const got = dialled({ peer: { gossip: { bootstrap: ['/dnsaddr/bootstrap.org1.example.com', `/dnsaddr/bootstrap.org1.example.com/p2p/${pinned}`] } } })
    assert.deepEqual(got, ['/dnsaddr/bootstrap.org1.example.com', `/dnsaddr/bootstrap.org1.example.com/p2p/${pinned}`])
  })
})
