/**
 * The thread of a `VerifyPool` (verify-pool.ts): decodes blocks and runs {@link verifyBlock} on them, off the event loop
 * of the node. It says `{ type: 'ready' }` once loaded; then messages from the pool:
 *
 *   { type: 'orderers', id, orgs }   the orderer orgs of validator `id` (a channel's, as the ledger opened it)
 *   { type: 'forget', id }           validator `id` is no longer used
 *   { type: 'verify', ...batch }     a {@link WireBatch} of blocks to verify
 *
 * and answers each batch with `{ type: 'done', ...verdicts }` ({@link WireVerdicts}): the header hash of each
 * block accepted, the reason and message of the {@link BlockVerificationError} of each refused.
 */
import { parentPort } from 'node:worker_threads'
import { common } from '../pb/common.js'
import { BlockVerificationError, ordererValidatorFor, verifyBlock, type OrdererValidator } from './verify.js'
import type { WireBatch, WireVerdicts, WorkerReply, WorkerRequest } from './verify-pool.js'

const validators = new Map<number, OrdererValidator>()

/** Job `i` of `m`: its header hash, or why it is refused. */
function verifyOne (m: WireBatch, i: number): Uint8Array | BlockVerificationError {
  try {
    const validator = validators.get(m.validators[i])
    if (validator === undefined) return new BlockVerificationError('not-orderer', `no orderer orgs for validator ${m.validators[i]}`)
    let block: common.Block
    try {
      block = common.Block.decode(new Uint8Array(m.buffer, m.offsets[2 * i], m.offsets[2 * i + 1]))
    } catch (err) {
      return new BlockVerificationError('malformed', `block does not decode: ${(err as Error).message}`)
    }
    const previousHeaderHash = m.previous[2 * i] < 0 ? undefined : new Uint8Array(m.buffer, m.previous[2 * i], m.previous[2 * i + 1])
    return verifyBlock(block, { channelId: m.channels[m.channelOf[i]], expectedNumber: m.numbers[i], previousHeaderHash, ordererOrgs: validator }).headerHash
  } catch (err) {
    return err instanceof BlockVerificationError ? err : new BlockVerificationError('malformed', (err as Error).message)
  }
}

parentPort?.on('message', (m: WorkerRequest) => {
  if (m.type === 'forget') {
    validators.delete(m.id)
    return
  }
  if (m.type === 'orderers') {
    try {
      validators.set(m.id, ordererValidatorFor(m.orgs))
    } catch {
      validators.delete(m.id) // its blocks fail verification, as they would on the main thread
    }
    return
  }
  const n = m.numbers.length
  const hashes = new Uint8Array(32 * n)
  const verdicts: WireVerdicts = { batch: m.batch, hashes: hashes.buffer, failures: [] }
  for (let i = 0; i < n; i++) {
    const v = verifyOne(m, i)
    if (v instanceof BlockVerificationError) verdicts.failures.push({ index: i, reason: v.reason, message: v.message })
    else hashes.set(v, 32 * i)
  }
  parentPort?.postMessage({ type: 'done', ...verdicts } satisfies WorkerReply, [hashes.buffer])
})
parentPort?.postMessage({ type: 'ready' } satisfies WorkerReply)

