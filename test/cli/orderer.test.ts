/**
 * `fgossip orderer` as a real process, configured by ORDERER_* variables as fabric-samples configures
 * Fabric's orderer: it serves its channel, orders what `POST /broadcast` sends, shows its height in
 * `/status`, stops cleanly on SIGTERM, and a bad value stops it with an error naming the key.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanupTmp, testCrypto, tmp, waitFor } from '../helpers/network.js'
import { fgossip, freePort, getJson, run } from '../helpers/process.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { createEnvelope } from '../../src/ledger/block-builder.js'
import { loadSigningIdentity } from '../../src/identity/index.js'
import { common } from '../../src/pb/common.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'

describe('fgossip orderer', () => {
  let layout: CryptoLayout
  let env: Record<string, string>
  before(async () => {
    layout = await testCrypto()
    const o = layout.ordererOrg
    assert.ok(o != null)
    const dir = await tmp('fgossip-cli-orderer-')
    const genesis = createGenesisBlock({
      channelId: 'clich',
      applicationOrgs: [{ mspId: 'Org1MSP', mspDir: layout.orgs[0].mspDir }],
      ordererOrgs: [{ mspId: o.mspId, mspDir: o.mspDir }],
      batchTimeout: '200ms'
    })
    await writeFile(join(dir, 'clich.block'), common.Block.encode(genesis))
    env = {
      ORDERER_GENERAL_LISTENPORT: String(await freePort()),
      ORDERER_GENERAL_LOCALMSPDIR: o.nodes[0].mspDir,
      ORDERER_GENERAL_LOCALMSPID: 'OrdererMSP',
      ORDERER_FILELEDGER_LOCATION: join(dir, 'data'),
      ORDERER_CHANNELS: join(dir, 'clich.block')
    }
  })
  after(cleanupTmp)

  it('orders what POST /broadcast sends and stops on SIGTERM', async () => {
    const ops = await freePort()
    const proc = fgossip(['orderer'], { ...env, ORDERER_OPERATIONS_LISTENADDRESS: `127.0.0.1:${ops}` })
    try {
      const url = `http://127.0.0.1:${ops}`
      await waitFor(async () => (await getJson(`${url}/status`))?.body?.channels?.clich?.height === 1, 'the orderer serves clich', 20_000)
      const user = loadSigningIdentity(layout.orgs[0].users[1].mspDir, 'Org1MSP')
      const res = await fetch(`${url}/broadcast`, { method: 'POST', body: createEnvelope({ channelId: 'clich', data: Buffer.from('hello'), signer: user }) })
      assert.equal(res.status, 200)
      assert.deepEqual(await res.json(), { status: 'SUCCESS', info: '', channel: 'clich' })
      await waitFor(async () => (await getJson(`${url}/status`))?.body?.channels?.clich?.height === 2, 'block 1 is cut after BatchTimeout')
      const status = (await getJson(`${url}/status`))?.body
      assert.equal(status.mspId, 'OrdererMSP')
      assert.match(status.peerId, /^12D3KooW/)
      assert.ok(status.listenAddresses.some((a: string) => a.includes(`/tcp/${env.ORDERER_GENERAL_LISTENPORT}/p2p/`)))
      assert.deepEqual(status.channels.clich.batch, { maxMessageCount: 500, absoluteMaxBytes: 10 * 1024 * 1024, preferredMaxBytes: 2 * 1024 * 1024, batchTimeout: 200 })
      assert.equal((await getJson(`${url}/healthz`))?.status, 200)
      const block = await fetch(`${url}/channels/clich/blocks/1`)
      assert.equal(block.status, 200)
      assert.equal(common.Block.decode(new Uint8Array(await block.arrayBuffer())).header?.number, 1n)
      proc.child.kill('SIGTERM')
      assert.equal(await proc.exited, 0)
      assert.match(proc.output(), /orderer \(OrdererMSP\) started/)
    } finally {
      if (proc.child.exitCode == null) proc.child.kill('SIGKILL')
    }
  })

  it('names the key of a bad value', async () => {
    const bad = await run(['orderer'], { ...env, ORDERER_GENERAL_LISTENPORT: '70000' })
    assert.equal(bad.code, 2)
    assert.match(bad.output, /General\.ListenPort: expected a port from 0 to 65535, got "70000" \(from env ORDERER_GENERAL_LISTENPORT\)/)
    const noMsp = await run(['orderer'], { ...env, ORDERER_GENERAL_LOCALMSPDIR: '/nonexistent/msp' })
    assert.equal(noMsp.code, 2)
    assert.match(noMsp.output, /General\.LocalMSPDir: /)
    const notGenesis = await run(['orderer'], { ...env, ORDERER_CHANNELS: env.ORDERER_GENERAL_LOCALMSPDIR + '/signcerts/' })
    assert.equal(notGenesis.code, 2)
    assert.match(notGenesis.output, /Channels\[0\]: /)
  })
})
