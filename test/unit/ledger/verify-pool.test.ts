/**
 * The verification thread pool: its verdicts are verifyBlock's, it starts only on demand, ends when idle or
 * closed, and tells its callers to verify themselves whenever no thread is ready.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { VerifyPool, type VerifyJob, type VerifyResult } from '../../../src/ledger/verify-pool.js'
import { BlockVerificationError, ordererValidatorFor, verifyBlock } from '../../../src/ledger/verify.js'
import { createBlock } from '../../../src/ledger/block-builder.js'
import { common } from '../../../src/pb/common.js'
import { blockHeaderHash } from '../../../src/wire/block.js'
import { createChain, createTestOrgs, withAlteredSignature, type TestOrgs } from './helpers.js'

const CH = 'poolchannel'

/** Asks `pool` for `job` until a thread is ready to take it (the pool answers undefined until then). */
async function verifyOnThread (pool: VerifyPool, job: VerifyJob, timeoutMs = 20_000): Promise<VerifyResult> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const verdict = await pool.verify(job)
    if (verdict !== undefined) return verdict
    assert.ok(Date.now() < deadline, 'no verification thread became ready')
    await new Promise(resolve => setTimeout(resolve, 10)) // polls: the thread is loading
  }
}

describe('VerifyPool', () => {
  let orgs: TestOrgs
  let chain: common.Block[]
  const pools: VerifyPool[] = []
  before(async () => {
    orgs = await createTestOrgs()
    chain = createChain(orgs.orderer.signer, CH, 6, { entries: 2 })
  })
  after(async () => { await Promise.all(pools.map(async p => { await p.close() })) })

  const pool = (init: ConstructorParameters<typeof VerifyPool>[0] = {}): VerifyPool => {
    const p = new VerifyPool(init)
    pools.push(p)
    return p
  }
  const job = (validator: number, block: common.Block, over: Partial<VerifyJob> = {}): VerifyJob =>
    ({ validator, bytes: common.Block.encode(block), channelId: CH, expectedNumber: block.header!.number, ...over })
  /** What verifyBlock says on this thread, in the pool's terms. */
  const here = (j: VerifyJob): VerifyResult => {
    try {
      const v = verifyBlock(common.Block.decode(j.bytes), { channelId: j.channelId, expectedNumber: j.expectedNumber, previousHeaderHash: j.previousHeaderHash, ordererOrgs: ordererValidatorFor([orgs.orderer.org]) })
      return { ok: true, headerHash: v.headerHash }
    } catch (err) {
      assert.ok(err instanceof BlockVerificationError)
      return { ok: false, reason: err.reason, message: err.message }
    }
  }

  it('gives verifyBlock\'s verdicts: accepted with the header hash, or refused with the same reason and message', async () => {
    const p = pool({ startAfter: 0, minBatch: 1 })
    const id = p.register([orgs.orderer.org])
    const tampered = common.Block.decode(common.Block.encode(chain[2]))
    tampered.header!.dataHash = new Uint8Array(32)
    const badSignature = common.Block.decode(common.Block.encode(chain[2]))
    const md = common.Metadata.decode(badSignature.metadata!.metadata[0])
    md.signatures[0].signature = new Uint8Array(md.signatures[0].signature)
    md.signatures[0].signature[10] ^= 1
    badSignature.metadata!.metadata[0] = common.Metadata.encode(md)
    const forged = createBlock({ number: 2n, previousHash: blockHeaderHash(chain[1].header!), data: [Buffer.from('x')], signer: orgs.rogue.signer, channelId: CH })
    const jobs: VerifyJob[] = [
      job(id, chain[1], { previousHeaderHash: blockHeaderHash(chain[0].header!) }),
      job(id, chain[2]),
      job(id, chain[2], { expectedNumber: 3n }),
      job(id, chain[2], { channelId: 'other' }),
      job(id, chain[2], { previousHeaderHash: new Uint8Array(32) }),
      job(id, tampered),
      job(id, badSignature),
      job(id, forged),
      { ...job(id, chain[3]), bytes: new Uint8Array([0xff, 0xff, 0xff]) }
    ]
    const first = await verifyOnThread(p, jobs[0])
    assert.deepEqual(first, { ok: true, headerHash: blockHeaderHash(chain[1].header!) })
    const verdicts = await Promise.all(jobs.map(async j => await p.verify(j)))
    assert.deepEqual(verdicts.slice(0, 8), jobs.slice(0, 8).map(here))
    assert.deepEqual(verdicts.map(v => v?.ok === true ? 'ok' : v?.reason), ['ok', 'ok', 'bad-number', 'wrong-channel', 'bad-previous-hash', 'bad-data-hash', 'bad-signature', 'not-orderer', 'malformed'])
    const unknown = await p.verify(job(id + 100, chain[1]))
    assert.equal(unknown?.ok, false, 'orgs it was not given: refused')
  })

  it('verifies the jobs of one run as a chain under the last one\'s signature; other jobs and broken runs on their own', async () => {
    const p = pool({ startAfter: 0, minBatch: 1 })
    const id = p.register([orgs.orderer.org])
    await verifyOnThread(p, job(id, chain[1]))
    const reasons = (vs: Array<VerifyResult | undefined>): string[] => vs.map(v => v?.ok === true ? 'ok' : v?.reason ?? 'none')
    // run 7: blocks 1-4, block 2 badly signed; a job on its own (no run) badly signed; run 8: block 5 badly signed, last
    const jobs = [
      job(id, chain[1], { run: 7, previousHeaderHash: blockHeaderHash(chain[0].header!) }), job(id, withAlteredSignature(chain[2]), { run: 7 }), job(id, chain[3], { run: 7 }), job(id, chain[4], { run: 7 }),
      job(id, withAlteredSignature(chain[2])),
      job(id, chain[4], { run: 8 }), job(id, withAlteredSignature(chain[5]), { run: 8 })
    ]
    const verdicts = await Promise.all(jobs.map(async j => await p.verify(j)))
    assert.deepEqual(reasons(verdicts), ['ok', 'ok', 'ok', 'ok', 'bad-signature', 'ok', 'bad-signature'])
    assert.deepEqual(verdicts.slice(0, 4).map(v => v?.ok === true ? Buffer.from(v.headerHash).toString('hex') : ''), chain.slice(1, 5).map(b => Buffer.from(blockHeaderHash(b.header!)).toString('hex')))
    // a run whose first link is wrong is verified job by job
    const broken = await Promise.all([job(id, chain[1], { run: 9, previousHeaderHash: new Uint8Array(32) }), job(id, chain[2], { run: 9 })].map(async j => await p.verify(j)))
    assert.deepEqual(reasons(broken), ['bad-previous-hash', 'ok'])
  })

  it('starts no thread before startAfter blocks were asked for: until one is ready the caller verifies', async () => {
    const p = pool({ startAfter: 5, minBatch: 1 })
    const id = p.register([orgs.orderer.org])
    for (let i = 0; i < 5; i++) assert.equal(p.verify(job(id, chain[1])), undefined)
    assert.equal(p.verify(job(id, chain[1])), undefined, 'the thread is starting')
    assert.deepEqual(await verifyOnThread(p, job(id, chain[1])), { ok: true, headerHash: blockHeaderHash(chain[1].header!) })
  })

  it('leaves a lone job to its caller (minBatch): only jobs asked for together go to a thread', async () => {
    const p = pool({ startAfter: 0 })
    const id = p.register([orgs.orderer.org])
    const deadline = Date.now() + 20_000
    let verdicts: Array<VerifyResult | undefined> = []
    do {
      assert.ok(Date.now() < deadline, 'no verification thread became ready')
      await new Promise(resolve => setTimeout(resolve, 10)) // polls: the thread is loading
      verdicts = await Promise.all([p.verify(job(id, chain[1])), p.verify(job(id, chain[2]))])
    } while (verdicts.includes(undefined))
    assert.deepEqual(verdicts.map(v => v?.ok), [true, true])
    assert.equal(await p.verify(job(id, chain[1])), undefined, 'alone')
  })

  it('an idle thread ends and starts again on demand; after close nothing is verified there', async () => {
    const p = pool({ startAfter: 0, idleTimeout: 50, minBatch: 1 })
    const id = p.register([orgs.orderer.org])
    assert.equal((await verifyOnThread(p, job(id, chain[1])))?.ok, true)
    const deadline = Date.now() + 10_000
    // idle: the thread ends, and the next ask finds none ready (and starts one)
    while (p.verify(job(id, chain[1])) !== undefined) {
      assert.ok(Date.now() < deadline, 'the idle thread did not end')
      await new Promise(resolve => setTimeout(resolve, 100)) // polls: waits out idleTimeout
    }
    assert.equal((await verifyOnThread(p, job(id, chain[2])))?.ok, true, 'started again')
    await p.close()
    assert.equal(p.verify(job(id, chain[1])), undefined)
  })
})
