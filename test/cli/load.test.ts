/**
 * `fgossip load` as a real process against an ordering service: it signs with User1 of an org of the crypto
 * folder, reports accepted, rejected (with the status) and committed counts, and names the option of a bad
 * value.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { cleanupTmp, testCrypto, tmp } from '../helpers/network.js'
import { run } from '../helpers/process.js'
import { createGenesisBlock } from '../../src/channels/genesis.js'
import { common } from '../../src/pb/common.js'
import { OrdererNode } from '../../src/orderer-node.js'
import type { CryptoLayout } from '../../src/identity/cryptogen.js'

describe('fgossip load', () => {
  let layout: CryptoLayout
  let orderer: OrdererNode
  let addr: string
  before(async () => {
    layout = await testCrypto()
    const o = layout.ordererOrg
    assert.ok(o != null)
    const dir = await tmp('fgossip-load-')
    const genesis = createGenesisBlock({
      channelId: 'loadch',
      applicationOrgs: layout.orgs.map(org => ({ mspId: org.mspId, mspDir: org.mspDir })),
      ordererOrgs: [{ mspId: o.mspId, mspDir: o.mspDir }],
      batchTimeout: '100ms',
      batchSize: { maxMessageCount: 10, absoluteMaxBytes: 8192, preferredMaxBytes: 4096 }
    })
    await writeFile(join(dir, 'loadch.block'), common.Block.encode(genesis))
    orderer = await OrdererNode.create({
      general: { listenAddress: '127.0.0.1', listenPort: 0, localMspDir: o.nodes[0].mspDir, localMspId: o.mspId },
      fileLedger: { location: join(dir, 'data') },
      operations: { listenAddress: '127.0.0.1:0' },
      channels: [join(dir, 'loadch.block')]
    }, { operations: false })
    await orderer.start()
    const tcp = orderer.multiaddrs()[0].getComponents().find(c => c.name === 'tcp')
    addr = `127.0.0.1:${tcp?.value ?? ''}`
  })
  after(async () => { await orderer.stop(); await cleanupTmp() })

  it('broadcasts at the rate asked and reports what was accepted and committed', async () => {
    const r = await run(['load', '--orderer', addr, '--channel', 'loadch', '--crypto', layout.out, '--org', 'Org2MSP', '--tps', '100', '--duration', '1', '--size', '200', '--json'])
    assert.equal(r.code, 0, r.output)
    const report = JSON.parse(r.output.trim().split('\n').at(-1) as string)
    assert.equal(report.sent, 100)
    assert.equal(report.accepted, 100)
    assert.equal(report.rejected, 0)
    assert.equal(report.committed, 100)
    assert.ok(report.blocks >= 10, 'at most 10 transactions per block')
    assert.ok(report.latency.p99 > 0)
    assert.equal(orderer.chain('loadch')?.height(), BigInt(1 + report.blocks))
  })

  it('counts what the orderer rejects, by status', async () => {
    const r = await run(['load', '--orderer', addr, '--channel', 'loadch', '--crypto', layout.out, '--tps', '20', '--duration', '0.5', '--size', '9000', '--json'])
    assert.equal(r.code, 0, r.output)
    const report = JSON.parse(r.output.trim().split('\n').at(-1) as string)
    assert.equal(report.sent, 10)
    assert.equal(report.rejected, 10)
    assert.deepEqual(report.rejectedBy, { BAD_REQUEST: 10 }, 'over AbsoluteMaxBytes')
    assert.equal(report.committed, 0)
  })

  it('names the option of a bad value', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--org', 'Org9MSP'], /--org: no peer org Org9MSP in .* \(it has Org1MSP, Org2MSP\)/],
      [['--user', 'User7'], /--user: User7@org1\.example\.com has no MSP folder/],
      [['--tps', '0'], /--tps must be a number above 0, got '0'/],
      [['--size', '-1'], /--size must be a whole number of bytes/],
      [['--orderer', 'nowhere'], /--orderer: expected an endpoint/]
    ]
    for (const [args, message] of cases) {
      const r = await run(['load', '--orderer', addr, '--channel', 'loadch', '--crypto', layout.out, '--duration', '0.1', ...args])
      assert.notEqual(r.code, 0, args.join(' '))
      assert.match(r.output, message, args.join(' '))
    }
  })
})
