/**
 * The ordering service over TCP: transactions broadcast by a channel org's client are cut into blocks by
 * the channel's batch rules, chained and signed so that a peer's verification accepts them; a peer of a
 * channel org receives them by Deliver from its height, old and new; identities outside the channel are
 * refused with a reason (Broadcast, `POST /broadcast`, Deliver); a request not bound to its connection is
 * refused; the store survives a restart.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanupTmp, testCrypto, tmp, waitFor } from '../helpers/network.js'
import { rawNode, type RawNode } from '../helpers/raw.js'
import { freePort } from '../helpers/process.js'
import { multiaddr } from '@multiformats/multiaddr'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { readChannelConfig } from '../../src/wire/config-block.js'
import { createEnvelope } from '../../src/ledger/block-builder.js'
import { HeaderType } from '../../src/ledger/constants.js'
import { verifyBlock, ordererValidatorFor } from '../../src/ledger/verify.js'
import { blockHeaderHash } from '../../src/wire/block.js'
import { loadSigningIdentity, type SigningIdentity } from '../../src/identity/index.js'
import { common } from '../../src/pb/common.js'
import { orderer } from '../../src/pb/orderer.js'
import { OrdererNode } from '../../src/orderer-node.js'
import { DeliverClient } from '../../src/orderer/deliver-client.js'
import { FrameReader, writeFrames } from '../../src/wire/framing.js'
import { connectionBinding } from '../../src/wire/binding.js'
import { BROADCAST_PROTOCOL, DELIVER_PROTOCOL } from '../../src/wire/protocols.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'
import type { OrdererConfig } from '../../src/orderer/config.js'

const CHANNEL = 'ordered'

describe('ordering service', () => {
  let layout: CryptoLayout
  let genesisFile: string
  let genesis: common.Block
  let client: RawNode
  let user1: SigningIdentity
  let outsider: SigningIdentity
  before(async () => {
    layout = await testCrypto({ orgs: 2, peers: 2 })
    const o = layout.ordererOrg
    assert.ok(o != null)
    genesis = createGenesisBlock({
      channelId: CHANNEL,
      applicationOrgs: [{ mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir }],
      ordererOrgs: [{ mspId: o.mspId, mspDir: o.mspDir }],
      batchTimeout: '300ms',
      batchSize: { maxMessageCount: 5 }
    })
    genesisFile = join(await tmp('fgossip-orderer-'), `${CHANNEL}.block`)
    await writeFile(genesisFile, common.Block.encode(genesis))
    user1 = loadSigningIdentity(layout.orgs[0].users[1].mspDir, 'Org1MSP')
    outsider = loadSigningIdentity(layout.orgs[1].users[1].mspDir, 'Org2MSP') // org2 is not in the channel
    client = await rawNode()
  })
  after(async () => { await client.stop(); await cleanupTmp() })

  async function ordererConfig (dir?: string): Promise<OrdererConfig> {
    const o = layout.ordererOrg
    assert.ok(o != null)
    return {
      general: { listenAddress: '127.0.0.1', listenPort: 0, localMspDir: o.nodes[0].mspDir, localMspId: o.mspId },
      fileLedger: { location: dir ?? await tmp('fgossip-orderer-data-') },
      operations: { listenAddress: '127.0.0.1:0' },
      channels: [genesisFile]
    }
  }

  const tx = (signer: SigningIdentity, text: string, channelId = CHANNEL): Uint8Array => createEnvelope({ channelId, data: Buffer.from(text), signer })

  /** Broadcasts envelopes on one stream; resolves to the responses, in order. */
  async function broadcast (node: OrdererNode, envelopes: Uint8Array[]): Promise<orderer.BroadcastResponse[]> {
    const stream = await client.dialProtocol(node.multiaddrs()[0], BROADCAST_PROTOCOL)
    const reader = new FrameReader(stream, { maxFrameSize: 64 * 1024 })
    await writeFrames(stream, envelopes)
    const out: orderer.BroadcastResponse[] = []
    for await (const frame of reader) {
      out.push(orderer.BroadcastResponse.decode(frame))
      if (out.length === envelopes.length) break
    }
    reader.release()
    await stream.close()
    return out
  }

  /** Sends one raw deliver request; resolves to the responses until the stream ends. */
  async function deliverRaw (node: OrdererNode, request: Uint8Array): Promise<orderer.DeliverResponse[]> {
    const stream = await client.dialProtocol(node.multiaddrs()[0], DELIVER_PROTOCOL)
    const reader = new FrameReader(stream, { maxFrameSize: 1024 * 1024 })
    await writeFrames(stream, [request])
    const out: orderer.DeliverResponse[] = []
    for await (const frame of reader) {
      const res = orderer.DeliverResponse.decode(frame)
      out.push(res)
      if (res.status != null) break
    }
    reader.release()
    return out
  }

  const seekEnvelope = (signer: SigningIdentity, start: bigint, stop: bigint, binding = connectionBinding(client.peerId), behavior = orderer.SeekInfo.SeekBehavior.FAIL_IF_NOT_READY): Uint8Array => createEnvelope({
    channelId: CHANNEL,
    type: HeaderType.DELIVER_SEEK_INFO,
    signer,
    tlsCertHash: binding,
    data: orderer.SeekInfo.encode({ start: { specified: { number: start } }, stop: { specified: { number: stop } }, behavior, errorResponse: orderer.SeekInfo.SeekErrorResponse.STRICT, contentType: orderer.SeekInfo.SeekContentType.BLOCK })
  })

  it('cuts broadcast transactions into chained, signed blocks by the batch rules; delivers them from a height, old and new', async () => {
    const node = await OrdererNode.create(await ordererConfig())
    await node.start()
    let deliver: DeliverClient | undefined
    try {
      const responses = await broadcast(node, Array.from({ length: 12 }, (_, i) => tx(user1, `tx ${i}`)))
      assert.deepEqual(responses.map(r => r.status), Array(12).fill(orderer.Status.SUCCESS))
      // 5 + 5 cut by MaxMessageCount at once, the last 2 by BatchTimeout (300 ms)
      await waitFor(() => node.chain(CHANNEL)?.height() === 4n, 'blocks 1..3 written')
      const config = readChannelConfig(genesis)
      const validator = ordererValidatorFor(config.ordererOrgs.map(o => ({ mspId: o.mspId, rootCerts: o.rootCerts, intermediateCerts: o.intermediateCerts })))
      let prev = genesis
      const counts: number[] = []
      for (let n = 1n; n <= 3n; n++) {
        const block = common.Block.decode(await node.chain(CHANNEL)?.getBlock(n) as Uint8Array)
        verifyBlock(block, { channelId: CHANNEL, expectedNumber: n, previousHeaderHash: blockHeaderHash(prev.header as common.BlockHeader), ordererOrgs: validator })
        counts.push(block.data?.data.length ?? 0)
        prev = block
      }
      assert.deepEqual(counts, [5, 5, 2])
      const first = common.Block.decode(await node.chain(CHANNEL)?.getBlock(1n) as Uint8Array)
      assert.equal(Buffer.from(common.Payload.decode(common.Envelope.decode(first.data?.data[0] as Uint8Array).payload).data).toString(), 'tx 0', 'transactions in broadcast order')

      // a peer of the channel's org delivers from its height 2: blocks 2, 3 at once, then block 4 as it is cut
      const peer = loadSigningIdentity(layout.orgs[0].nodes[0].mspDir, 'Org1MSP')
      const got: bigint[] = []
      let height = 2n
      deliver = new DeliverClient({
        channelId: CHANNEL,
        signer: peer,
        localPeerId: client.peerId,
        maxBlockSize: 1024 * 1024,
        ports: {
          dial: async (addr, protocol, signal) => await client.dialProtocol(addr, protocol, { signal }),
          endpoints: () => node.multiaddrs(),
          height: () => height,
          deliver: async (seq) => { got.push(seq); height = seq + 1n }
        }
      })
      deliver.start()
      await waitFor(() => got.length === 2, 'blocks 2 and 3 delivered')
      assert.deepEqual(got, [2n, 3n])
      await broadcast(node, Array.from({ length: 5 }, (_, i) => tx(user1, `more ${i}`)))
      await waitFor(() => got.length === 3, 'block 4 delivered as it is written')
      assert.deepEqual(got, [2n, 3n, 4n])
      assert.equal(deliver.endpoint(), node.multiaddrs()[0].toString())
    } finally {
      await deliver?.stop()
      await node.stop()
    }
  })

  it('refuses transactions and deliver requests from outside the channel, with the reason', async () => {
    const node = await OrdererNode.create(await ordererConfig())
    await node.start()
    try {
      const url = `http://127.0.0.1:${node.operations?.address()?.port ?? 0}`
      const post = async (body: Uint8Array): Promise<{ status: number, body: { status: string, info: string } }> => {
        const res = await fetch(`${url}/broadcast`, { method: 'POST', body })
        return { status: res.status, body: await res.json() as { status: string, info: string } }
      }
      assert.deepEqual((await post(tx(user1, 'ok'))).body.status, 'SUCCESS')
      const foreign = await post(tx(outsider, 'not mine'))
      assert.equal(foreign.status, 403)
      assert.equal(foreign.body.status, 'FORBIDDEN')
      assert.match(foreign.body.info, /unknown MSP ID 'Org2MSP'/)
      const wrongChannel = await post(tx(user1, 'x', 'nosuch'))
      assert.equal(wrongChannel.status, 404)
      assert.equal((await post(Uint8Array.of(1, 2, 3))).status, 400)
      const forged = common.Envelope.decode(tx(user1, 'forged'))
      forged.signature = common.Envelope.decode(tx(user1, 'other')).signature
      const badSig = await post(common.Envelope.encode(forged))
      assert.equal(badSig.status, 403)
      assert.match(badSig.body.info, /signature/)
      // the same refusals on the Broadcast protocol
      const responses = await broadcast(node, [tx(outsider, 'a'), tx(user1, 'b')])
      assert.deepEqual(responses.map(r => r.status), [orderer.Status.FORBIDDEN, orderer.Status.SUCCESS])

      const metrics = await (await fetch(`${url}/metrics`)).text()
      assert.match(metrics, /broadcast_processed_count\{channel="ordered",status="FORBIDDEN"\} 3/)

      // deliver: a channel org's peer reads; another org's peer, an unbound request and an unknown channel do not
      await waitFor(() => (node.chain(CHANNEL)?.height() ?? 0n) >= 2n, 'the accepted transactions are written')
      const peer1 = loadSigningIdentity(layout.orgs[0].nodes[1].mspDir, 'Org1MSP')
      const peerOrg2 = loadSigningIdentity(layout.orgs[1].nodes[0].mspDir, 'Org2MSP')
      const ok = await deliverRaw(node, seekEnvelope(peer1, 0n, 1n))
      assert.equal(ok.filter(r => r.block != null).length, 2)
      assert.equal(ok.at(-1)?.status, orderer.Status.SUCCESS)
      const notReader = await deliverRaw(node, seekEnvelope(peerOrg2, 0n, 1n))
      assert.deepEqual(notReader.map(r => r.status), [orderer.Status.FORBIDDEN], 'no block to a non-member org')
      const unbound = await deliverRaw(node, seekEnvelope(peer1, 0n, 1n, new Uint8Array(32)))
      assert.deepEqual(unbound.map(r => r.status), [orderer.Status.FORBIDDEN], 'a request bound to another connection')
      const beyond = await deliverRaw(node, seekEnvelope(peer1, 9n, 10n))
      assert.deepEqual(beyond.map(r => r.status), [orderer.Status.NOT_FOUND], 'FAIL_IF_NOT_READY beyond the height')
    } finally {
      await node.stop()
    }
  })

  it('a deliver client fails over to the next orderer endpoint and reconnects when its orderer comes back', async () => {
    const dir = await tmp('fgossip-orderer-data-')
    const config = await ordererConfig(dir)
    let node = await OrdererNode.create(config)
    await node.start()
    const live = node.multiaddrs()[0]
    const port = Number(live.getComponents().find(c => c.name === 'tcp')?.value)
    const dead = multiaddr(`/ip4/127.0.0.1/tcp/${await freePort()}`) // nothing listens there
    const got: bigint[] = []
    const peer = loadSigningIdentity(layout.orgs[0].nodes[0].mspDir, 'Org1MSP')
    const deliver = new DeliverClient({
      channelId: CHANNEL,
      signer: peer,
      localPeerId: client.peerId,
      maxBlockSize: 1024 * 1024,
      connTimeout: 1000,
      random: () => 0, // the dead endpoint first
      ports: {
        dial: async (addr, protocol, signal) => await client.dialProtocol(addr, protocol, { signal }),
        endpoints: () => [dead, multiaddr(`/ip4/127.0.0.1/tcp/${port}`)],
        height: () => BigInt(got.length + 1),
        deliver: async (seq) => { got.push(seq) }
      }
    })
    try {
      deliver.start()
      await broadcast(node, Array.from({ length: 5 }, (_, i) => tx(user1, `f${i}`)))
      await waitFor(() => got.length === 1, 'block 1 delivered by the second endpoint')
      // the orderer goes away and comes back on the same port: delivery resumes from the height
      await node.stop()
      await new Promise(resolve => setTimeout(resolve, 500))
      node = await OrdererNode.create({ ...config, general: { ...config.general, listenPort: port } })
      await node.start()
      await broadcast(node, Array.from({ length: 5 }, (_, i) => tx(user1, `g${i}`)))
      await waitFor(() => got.length === 2, 'block 2 delivered after the orderer came back', 15_000)
      assert.deepEqual(got, [1n, 2n])
    } finally {
      await deliver.stop()
      await node.stop()
    }
  })

  it('keeps its blocks across a restart and goes on numbering from its height', async () => {
    const dir = await tmp('fgossip-orderer-data-')
    let node = await OrdererNode.create(await ordererConfig(dir))
    await node.start()
    try {
      await broadcast(node, Array.from({ length: 5 }, (_, i) => tx(user1, `a${i}`)))
      await waitFor(() => node.chain(CHANNEL)?.height() === 2n, 'block 1 written')
      const peerId = node.libp2p.peerId.toString()
      await node.stop()
      node = await OrdererNode.create(await ordererConfig(dir))
      await node.start()
      assert.equal(node.chain(CHANNEL)?.height(), 2n)
      assert.equal(node.libp2p.peerId.toString(), peerId, 'the same libp2p identity')
      await broadcast(node, Array.from({ length: 5 }, (_, i) => tx(user1, `b${i}`)))
      await waitFor(() => node.chain(CHANNEL)?.height() === 3n, 'block 2 written')
      const b1 = common.Block.decode(await node.chain(CHANNEL)?.getBlock(1n) as Uint8Array)
      const b2 = common.Block.decode(await node.chain(CHANNEL)?.getBlock(2n) as Uint8Array)
      assert.deepEqual(b2.header?.previousHash, blockHeaderHash(b1.header as common.BlockHeader))
    } finally {
      await node.stop()
    }
  })
})
