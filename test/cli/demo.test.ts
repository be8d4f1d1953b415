/**
 * `fgossip demo`, the first demo (four peers of two orgs, no orderer; `npm start` now runs `fgossip cluster
 * up`, tested in cluster.test.ts): the peer processes must start, handshake and be shown.
 */
import { describe, it, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { cleanupTmp, tmp } from '../helpers/network.js'
import { run } from '../helpers/process.js'

describe('fgossip demo', () => {
  after(cleanupTmp)

  it('starts two orgs of two peers in one channel as processes that all find each other, then stops them (--once)', async () => {
    const dir = await tmp('fgossip-demo-')
    const r = await run(['demo', '--dir', dir, '--once', '--timeout', '60'])
    assert.equal(r.code, 0, r.output)
    for (const org of [1, 2]) {
      for (const peer of [0, 1]) {
        const line = r.output.split('\n').find(l => l.startsWith(`peer${peer}.org${org}.example.com `)) ?? ''
        assert.match(line, new RegExp(`Org${org}MSP\\s+\\S+\\s+\\S+\\s+\\S+\\s+3\\s`), `${line}: 3 peers in mychannel`)
        assert.equal(line.match(/Org[12]MSP:/g)?.length, 3, `${line}: 3 alive members of both orgs`)
      }
    }
    for (const f of ['peer0.org1.example.com.yaml', 'peer1.org2.example.com.yaml', 'mychannel.block', 'crypto/peerOrganizations/org1.example.com/msp', 'logs/peer0.org1.example.com.log']) {
      assert.ok(existsSync(join(dir, f)), `${f} kept in the demo folder`)
    }
    // a second run reuses the crypto material
    const again = await run(['demo', '--dir', dir, '--once'])
    assert.equal(again.code, 0, again.output)
    assert.doesNotMatch(again.output, /generating MSP material/)
  })
})
