/**
 * The README's first command: `npm start` runs `fgossip demo`. Two peer processes of two orgs must start,
 * handshake and be shown.
 */
import { describe, it, after } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { cleanupTmp, tmp } from '../helpers/network.js'
import { run } from '../helpers/process.js'

describe('fgossip demo', () => {
  after(cleanupTmp)

  it('starts two orgs of two peers as processes that find each other, then stops them (--once)', async () => {
    const dir = await tmp('fgossip-demo-')
    const r = await run(['demo', '--dir', dir, '--once', '--timeout', '60'])
    assert.equal(r.code, 0, r.output)
    for (const org of [1, 2]) {
      for (const peer of [0, 1]) assert.match(r.output, new RegExp(`peer${peer}\\.org${org}\\.example\\.com\\s+Org${org}MSP.*Org${org}MSP:`))
    }
    for (const f of ['peer0.org1.example.com.yaml', 'peer1.org2.example.com.yaml', 'crypto/peerOrganizations/org1.example.com/msp', 'logs/peer0.org1.example.com.log']) {
      assert.ok(existsSync(join(dir, f)), `${f} kept in the demo folder`)
    }
    // a second run reuses the crypto material
    const again = await run(['demo', '--dir', dir, '--once'])
    assert.equal(again.code, 0, again.output)
    assert.doesNotMatch(again.output, /generating MSP material/)
  })
})
