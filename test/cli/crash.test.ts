/**
 * Crash safety of a real node: `fgossip start` (configured by CORE_* variables, its channel joined from a
 * genesis block file) takes in blocks through `POST /channels/{name}/blocks` from several clients at once;
 * the test SIGKILLs the process at a random moment while it commits, starts it again on the same folder and
 * checks that the ledger reopened consistent: height h, blocks 0..h-1 exactly the blocks sent, nothing at h,
 * every block acknowledged as committed (201) before the kill still there; then it goes on from h.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanupTmp, testCrypto, tmp, waitFor } from '../helpers/network.js'
import { fgossip, freePort, getJson, type Proc } from '../helpers/process.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { createBlock } from '../../src/ledger/block-builder.js'
import { blockHeaderHash } from '../../src/wire/block.js'
import { loadSigningIdentity } from '../../src/identity/index.js'
import { common } from '../../src/pb/common.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'

const CHANNEL = 'crashch'
const BLOCKS = 4000
const ROUNDS = 5
const CLIENTS = 4

describe('a real node killed with SIGKILL while it commits', () => {
  let layout: CryptoLayout
  before(async () => { layout = await testCrypto() })
  after(cleanupTmp)

  it('reopens a consistent ledger every time and goes on from its height', async () => {
    const orderer = layout.ordererOrg
    assert.ok(orderer != null)
    const signer = loadSigningIdentity(orderer.nodes[0].mspDir, orderer.mspId)
    const genesis = createGenesisBlock({
      channelId: CHANNEL,
      applicationOrgs: [{ mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir }],
      ordererOrgs: [{ mspId: orderer.mspId, mspDir: orderer.mspDir }]
    })
    const blocks: Uint8Array[] = [common.Block.encode(genesis)]
    let prev = genesis
    for (let n = 1n; n < BigInt(BLOCKS); n++) {
      prev = createBlock({ number: n, previousHash: blockHeaderHash(prev.header as common.BlockHeader), data: [Buffer.from(`tx of block ${n}`)], signer, channelId: CHANNEL })
      blocks.push(common.Block.encode(prev))
    }
    const dir = await tmp('fgossip-crash-')
    const genesisFile = join(dir, `${CHANNEL}.block`)
    await writeFile(genesisFile, blocks[0])
    const node = layout.orgs[0].nodes[0]
    const env = {
      CORE_PEER_ID: node.name,
      CORE_PEER_LOCALMSPID: 'Org1MSP',
      CORE_PEER_MSPCONFIGPATH: node.mspDir,
      CORE_PEER_FILESYSTEMPATH: join(dir, 'data'),
      CORE_PEER_LISTENADDRESS: `127.0.0.1:${await freePort()}`,
      CORE_CHANNELS: genesisFile
    }

    /** Starts the node and waits until its channel is open; returns the process, its URL and its height. */
    const startNode = async (): Promise<{ proc: Proc, url: string, height: number }> => {
      const ops = await freePort()
      const proc = fgossip(['start'], { ...env, CORE_OPERATIONS_LISTENADDRESS: `127.0.0.1:${ops}` })
      const url = `http://127.0.0.1:${ops}`
      let height = -1
      await waitFor(async () => {
        if (proc.child.exitCode != null) throw new Error(`the node exited: ${proc.output()}`)
        height = (await getJson(`${url}/status`))?.body?.channels?.[CHANNEL]?.height ?? -1
        return height >= 1
      }, 'the node opens its ledger', 30_000)
      return { proc, url, height }
    }

    /** Checks the ledger the node reopened: exactly blocks 0..height-1 as sent, nothing at height. */
    const checkLedger = async (url: string, height: number, acked: number): Promise<void> => {
      assert.ok(height >= acked + 1, `height ${height} keeps every block acknowledged (up to ${acked})`)
      for (let n = 0; n < height; n++) {
        const res = await fetch(`${url}/channels/${CHANNEL}/blocks/${n}`)
        assert.equal(res.status, 200, `block ${n} is there`)
        assert.deepEqual(new Uint8Array(await res.arrayBuffer()), blocks[n], `block ${n} is the block sent`)
      }
      assert.equal((await fetch(`${url}/channels/${CHANNEL}/blocks/${height}`)).status, 404, `nothing at height ${height}`)
    }

    let acked = 0 // the highest block number the node answered 201 (committed) for
    let current = await startNode()
    try {
      for (let round = 0; round < ROUNDS; round++) {
        await checkLedger(current.url, current.height, acked)
        // several clients post the next blocks in order; the kill lands while they commit
        let next = current.height
        let posted = 0
        let killed = false
        const client = async (): Promise<void> => {
          while (!killed && next < BLOCKS) {
            const n = next++
            try {
              const res = await fetch(`${current.url}/channels/${CHANNEL}/blocks`, { method: 'POST', body: blocks[n] })
              const body = await res.json() as { result?: string, height?: number }
              assert.ok(res.status === 201 || res.status === 202 || res.status === 200, `block ${n}: ${res.status} ${JSON.stringify(body)}`)
              if (res.status === 201 && body.height != null) acked = Math.max(acked, body.height - 1)
              posted++
            } catch (err) {
              if (!killed) throw err
            }
          }
        }
        const clients = Array.from({ length: CLIENTS }, async () => { await client() })
        await waitFor(() => posted >= 20 + round * 40, 'the node commits blocks before the kill', 20_000)
        await new Promise(resolve => setTimeout(resolve, Math.floor(Math.random() * 150)))
        killed = true
        current.proc.child.kill('SIGKILL')
        await current.proc.exited
        await Promise.all(clients)
        assert.equal(current.proc.child.signalCode, 'SIGKILL')
        current = await startNode()
      }
      await checkLedger(current.url, current.height, acked)
      assert.ok(acked >= ROUNDS * 20, `blocks were committed between the kills (last acknowledged ${acked})`)
      // it goes on: the next blocks commit on top of the reopened ledger
      for (let n = current.height; n < current.height + 10; n++) {
        const res = await fetch(`${current.url}/channels/${CHANNEL}/blocks`, { method: 'POST', body: blocks[n] })
        assert.equal(res.status, 201, `block ${n} commits after the last restart`)
      }
      assert.equal((await getJson(`${current.url}/status`))?.body?.channels?.[CHANNEL]?.height, current.height + 10)
    } finally {
      if (current.proc.child.exitCode == null && current.proc.child.signalCode == null) current.proc.child.kill('SIGKILL')
      await current.proc.exited
    }
  })
})
