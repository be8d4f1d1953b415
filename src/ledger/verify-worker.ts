/**
 * The thread of a `VerifyPool` (verify-pool.ts): decodes blocks and runs {@link verifyBlock} on them, off the event loop
 * of the node (or {@link verifyBlockRun} on the jobs of a run: consecutive jobs of one run id, one validator
 * and channel, and consecutive numbers). It says `{ type: 'ready' }` once loaded; then messages from the pool:
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
import { BlockVerificationError, asVerificationError, ordererValidatorFor, verifyBlock, verifyBlockRun, type OrdererValidator } from './verify.js'
import type { WireBatch, WireVerdicts, WorkerReply, WorkerRequest } from './verify-pool.js'

const validators = new Map<number, OrdererValidator>()

/** Job `i` of `m`: its header hash, or why it is refused. */
function verifyOne (m: WireBatch, i: number): Uint8Array | BlockVerificationError {
  try {
    const validator = validatorOf(m, i)
    const block = decodeJob(m, i)
    return verifyBlock(block, { channelId: m.channels[m.channelOf[i]], expectedNumber: m.numbers[i], previousHeaderHash: previousOf(m, i), ordererOrgs: validator }).headerHash
  } catch (err) {
    return asVerificationError(err)
  }
}

/** Jobs `from` to `to` (excluded) of `m`, a run: each one's header hash, or why it is refused. */
function verifyRun (m: WireBatch, from: number, to: number): Array<Uint8Array | BlockVerificationError> {
  let blocks: common.Block[]
  let validator: OrdererValidator
  try {
    validator = validatorOf(m, from)
    blocks = []
    for (let i = from; i < to; i++) blocks.push(decodeJob(m, i))
  } catch {
    const out: Array<Uint8Array | BlockVerificationError> = []
    for (let i = from; i < to; i++) out.push(verifyOne(m, i)) // each with its own reason
    return out
  }
  return verifyBlockRun(blocks, { channelId: m.channels[m.channelOf[from]], firstNumber: m.numbers[from], previousHeaderHash: previousOf(m, from), ordererOrgs: validator })
    .map(v => v instanceof BlockVerificationError ? v : v.headerHash)
}

/** The end (excluded) of the run that job `from` starts: the jobs of its run id, validator and channel, numbered one after another. */
function runEnd (m: WireBatch, from: number): number {
  let to = from + 1
  if (m.runs[from] === 0) return to
  while (to < m.numbers.length && m.runs[to] === m.runs[from] && m.validators[to] === m.validators[from] &&
    m.channelOf[to] === m.channelOf[from] && m.numbers[to] === m.numbers[to - 1] + 1n) to++
  return to
}

function validatorOf (m: WireBatch, i: number): OrdererValidator {
  const validator = validators.get(m.validators[i])
  if (validator === undefined) throw new BlockVerificationError('not-orderer', `no orderer orgs for validator ${m.validators[i]}`)
  return validator
}

function decodeJob (m: WireBatch, i: number): common.Block {
  try {
    return common.Block.decode(new Uint8Array(m.buffer, m.offsets[2 * i], m.offsets[2 * i + 1]))
  } catch (err) {
    throw new BlockVerificationError('malformed', `block does not decode: ${(err as Error).message}`)
  }
}

function previousOf (m: WireBatch, i: number): Uint8Array | undefined {
  return m.previous[2 * i] < 0 ? undefined : new Uint8Array(m.buffer, m.previous[2 * i], m.previous[2 * i + 1])
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
  for (let i = 0; i < n;) {
    const to = runEnd(m, i)
    const run = to - i === 1 ? [verifyOne(m, i)] : verifyRun(m, i, to)
    for (const v of run) {
      if (v instanceof BlockVerificationError) verdicts.failures.push({ index: i, reason: v.reason, message: v.message })
      else hashes.set(v, 32 * i)
      i++
    }
  }
  parentPort?.postMessage({ type: 'done', ...verdicts } satisfies WorkerReply, [hashes.buffer])
})
parentPort?.postMessage({ type: 'ready' } satisfies WorkerReply)

