/**
 * A node's commit stream (`GET /channels/{name}/commits` on its operations server): the blocks its ledger
 * commits, in order, from its own `block:committed`, whichever way they came in; its listener gone when the
 * client leaves.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { cleanupTmp, FAST_GOSSIP, startNode, testCrypto, waitFor } from '../helpers/network.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { createBlock } from '../../src/ledger/block-builder.js'
import { blockHeaderHash } from '../../src/wire/block.js'
import { loadSigningIdentity } from '../../src/identity/index.js'
import { common } from '../../src/pb/common.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'

describe('commit stream of a node', () => {
  let layout: CryptoLayout
  before(async () => { layout = await testCrypto() })
  after(cleanupTmp)

  it('streams each block committed after the request, in order, whether posted or added; 404 for a channel not joined', async () => {
    const org = layout.ordererOrg
    assert.ok(org != null)
    const orderer = loadSigningIdentity(org.nodes[0].mspDir, org.mspId)
    const genesis = createGenesisBlock({
      channelId: 'streamch',
      applicationOrgs: [{ mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir }],
      ordererOrgs: [{ mspId: org.mspId, mspDir: org.mspDir }]
    })
    const bytes: Uint8Array[] = []
    let prev = genesis
    for (let n = 1n; n <= 4n; n++) {
      const block = createBlock({ number: n, previousHash: blockHeaderHash(prev.header as common.BlockHeader), data: [Buffer.from(`tx ${n}`)], signer: orderer, channelId: 'streamch' })
      bytes.push(common.Block.encode(block))
      prev = block
    }
    const node = await startNode(layout, { org: 1, peer: 0, operations: true, gossip: FAST_GOSSIP })
    const abort = new AbortController()
    try {
      await node.joinChannel(genesis) // block 0: committed before the stream opens, not in it
      const url = `http://127.0.0.1:${node.operations?.address()?.port ?? 0}`
      const missing = await fetch(`${url}/channels/nochannel/commits`)
      assert.equal(missing.status, 404)
      assert.match((await missing.json() as { error: string }).error, /nochannel is not joined/)

      const res = await fetch(`${url}/channels/streamch/commits`, { signal: abort.signal })
      assert.equal(res.status, 200)
      assert.equal(res.headers.get('content-type'), 'text/event-stream')
      assert.equal(node.listenerCount('block:committed'), 1)
      const events: Array<{ number: string, at: number }> = []
      const reading = (async () => {
        let text = ''
        const decoder = new TextDecoder()
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          text += decoder.decode(chunk, { stream: true })
          let end: number
          while ((end = text.indexOf('\n\n')) >= 0) {
            const line = text.slice(0, end)
            if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as { number: string, at: number })
            text = text.slice(end + 2)
          }
        }
      })().catch(() => {})

      const t0 = Date.now()
      const post = async (i: number): Promise<number> => (await fetch(`${url}/channels/streamch/blocks`, { method: 'POST', body: bytes[i] })).status
      assert.equal(await post(1), 202, 'block 2 waits for block 1')
      assert.equal(await node.addPayload('streamch', 1, bytes[0]), 'committed')
      assert.equal(await post(2), 201)
      assert.equal(await post(3), 201)
      await waitFor(() => events.length === 4, 'four commit events')
      assert.deepEqual(events.map(e => e.number), ['1', '2', '3', '4'])
      for (const e of events) assert.ok(e.at >= t0 - 5 && e.at <= Date.now() + 5, `at ${e.at} is now-ish epoch ms`)

      abort.abort()
      await reading
      await waitFor(() => node.listenerCount('block:committed') === 0, 'the stream\'s listener removed')
    } finally {
      abort.abort()
      await node.stop()
    }
  })
})
