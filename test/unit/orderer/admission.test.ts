/**
 * Who may write to and read from a channel of the ordering service, on signed envelopes with stubbed orgs.
 */
import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { admitDeliver, admitTransaction, type AdmissionPorts } from '../../../src/orderer/admission.js'
import { createEnvelope } from '../../../src/ledger/block-builder.js'
import { HeaderType } from '../../../src/ledger/constants.js'
import { loadSigningIdentity, MspManager, type SigningIdentity } from '../../../src/identity/index.js'
import { orderer } from '../../../src/pb/orderer.js'
import { common } from '../../../src/pb/common.js'
import { cleanupTmp, testCrypto } from '../../helpers/network.js'

describe('orderer admission', () => {
  let org1: SigningIdentity
  let org2: SigningIdentity
  let ports: AdmissionPorts
  before(async () => {
    const layout = await testCrypto()
    org1 = loadSigningIdentity(layout.orgs[0].users[1].mspDir, 'Org1MSP')
    org2 = loadSigningIdentity(layout.orgs[1].users[1].mspDir, 'Org2MSP')
    const msps = new MspManager()
    msps.addMspFolder(layout.orgs[0].mspDir, 'Org1MSP')
    msps.addMspFolder(layout.orgs[1].mspDir, 'Org2MSP') // known to the orderer, not in channel `ch`
    ports = {
      validate: (s, now) => msps.validate(s, now),
      verify: (s, d, sig) => msps.verify(s, d, sig),
      channel: id => id === 'ch' ? { applicationOrgs: new Set(['Org1MSP']), ordererOrgs: new Set(['OrdererMSP']) } : undefined
    }
  })
  after(cleanupTmp)

  const binding = new Uint8Array(32).fill(3)
  const seek = (signer: SigningIdentity, opts: { timestamp?: Date, tlsCertHash?: Uint8Array, type?: number } = {}): Uint8Array => createEnvelope({
    channelId: 'ch',
    type: opts.type ?? HeaderType.DELIVER_SEEK_INFO,
    signer,
    timestamp: opts.timestamp,
    tlsCertHash: opts.tlsCertHash ?? binding,
    data: orderer.SeekInfo.encode({ start: { oldest: {} }, stop: { newest: {} }, behavior: orderer.SeekInfo.SeekBehavior.BLOCK_UNTIL_READY, errorResponse: orderer.SeekInfo.SeekErrorResponse.STRICT, contentType: orderer.SeekInfo.SeekContentType.BLOCK })
  })

  it('a transaction of a channel org is admitted; others are refused with status and reason', () => {
    const ok = admitTransaction(ports, createEnvelope({ channelId: 'ch', data: Buffer.from('x'), signer: org1 }))
    assert.equal(ok.ok, true)
    const cases: Array<[Uint8Array, orderer.Status, string]> = [
      [createEnvelope({ channelId: 'ch', data: Buffer.from('x'), signer: org2 }), orderer.Status.FORBIDDEN, 'not-writer'],
      [createEnvelope({ channelId: 'other', data: Buffer.from('x'), signer: org1 }), orderer.Status.NOT_FOUND, 'unknown-channel'],
      [createEnvelope({ channelId: 'ch', data: Buffer.from('x'), signer: org1, type: HeaderType.CONFIG_UPDATE }), orderer.Status.BAD_REQUEST, 'config-not-supported'],
      [createEnvelope({ channelId: 'ch', data: Buffer.from('x'), signer: org1, type: 42 }), orderer.Status.BAD_REQUEST, 'bad-type'],
      [Uint8Array.of(0x0a, 0xff), orderer.Status.BAD_REQUEST, 'malformed']
    ]
    for (const [bytes, status, reason] of cases) {
      const v = admitTransaction(ports, bytes)
      assert.equal(v.ok, false, reason)
      if (!v.ok) { assert.equal(v.status, status, reason); assert.equal(v.reason, reason) }
    }
    const env = common.Envelope.decode(createEnvelope({ channelId: 'ch', data: Buffer.from('x'), signer: org1 }))
    env.signature = common.Envelope.decode(createEnvelope({ channelId: 'ch', data: Buffer.from('y'), signer: org1 })).signature
    const forged = admitTransaction(ports, common.Envelope.encode(env))
    assert.equal(forged.ok ? '' : forged.reason, 'bad-signature')
  })

  it('a deliver request must be fresh, bound to the connection, of a channel org, and signed', () => {
    assert.equal(admitDeliver(ports, seek(org1), binding).ok, true)
    const reason = (v: ReturnType<typeof admitDeliver>): string => v.ok ? 'ok' : v.reason
    assert.equal(reason(admitDeliver(ports, seek(org2), binding)), 'not-reader')
    assert.equal(reason(admitDeliver(ports, seek(org1, { tlsCertHash: new Uint8Array(32) }), binding)), 'not-bound')
    assert.equal(reason(admitDeliver(ports, seek(org1, { timestamp: new Date(Date.now() - 20 * 60_000) }), binding)), 'stale')
    assert.equal(reason(admitDeliver(ports, seek(org1, { type: HeaderType.ENDORSER_TRANSACTION }), binding)), 'bad-type')
    assert.equal(reason(admitDeliver(ports, seek(org1, { timestamp: new Date(Date.now() + 5 * 60_000) }), binding, { timeWindow: 60_000 })), 'stale')
  })
})
