/**
 * Crash safety of the block store, with real processes: a child (test/helpers/ledger-writer.ts) appends
 * signed, chained blocks as fast as it can; the test SIGKILLs it at random moments, reopens the store and
 * checks that it holds exactly the complete blocks 0..height-1 (each the block written, verifying and
 * chaining), nothing beyond, and at least every height the child had reported committed; then the next
 * child resumes from that height.
 *
 * The same check runs with a child that takes blocks in through the ledgers (`src/state/ledgers.ts`) as state
 * transfer hands them over, so that runs of blocks are committed in one write.
 *
 * The same check is run against a deliberately broken writer that stores the height before the block, to
 * show that it catches such a store.
 */
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ClassicLevel } from 'classic-level'
import { createCA, issueCertificate } from '../../src/identity/cryptogen.js'
import { BlockStore, blockStoreLayout } from '../../src/ledger/block-store.js'
import { ordererValidatorFor, verifyBlock } from '../../src/ledger/verify.js'
import type { OrdererValidator } from '../../src/ledger/verify.js'
import { common } from '../../src/pb/common.js'
import { tempDir } from '../unit/ledger/helpers.js'

const WRITER = fileURLToPath(new URL('../helpers/ledger-writer.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CHANNEL = 'crashchannel'
const ROUNDS = 5
const FAULT_ROUNDS = 40

/** A running writer: its output lines and the highest height it reported committed. */
interface Writer {
  kill: () => Promise<void>
  opened: Promise<bigint>
  reported: () => bigint
  output: () => string
}

function startWriter (storeDir: string, cryptoDir: string, mode: 'atomic' | 'ledgers' | 'height-first'): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, storeDir, cryptoDir, mode], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  let reported = -1n
  let pending = ''
  let resolveOpen: (h: bigint) => void
  let rejectOpen: (e: Error) => void
  const opened = new Promise<bigint>((resolve, reject) => { resolveOpen = resolve; rejectOpen = reject })
  const exited = new Promise<void>(resolve => child.once('exit', () => { resolve() }))
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    pending += chunk.toString()
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const [word, value] = line.split(' ')
      if (word === 'open') resolveOpen(BigInt(value))
      if (word === 'height') reported = BigInt(value)
    }
  })
  child.stderr.on('data', (chunk: Buffer) => { err += chunk.toString() })
  child.once('exit', (code, signal) => { rejectOpen(new Error(`writer exited (${code ?? signal}) before opening the store: ${err}`)) })
  const timer = setTimeout(() => { rejectOpen(new Error(`writer did not open the store within 30 s: ${err}`)) }, 30_000)
  void opened.finally(() => { clearTimeout(timer) }).catch(() => {})
  return {
    opened,
    reported: () => reported,
    output: () => out + err,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    }
  }
}

const ENTRY = /^block (\d+) entry (\d+) \.*$/

/**
 * Reopens the store and checks it: consistent (opens), height >= every height the writer reported, every
 * block 0..height-1 the one written (its payloads name its number), verifying and chaining, and no block
 * at or beyond the height. Returns the height; throws on the first problem.
 */
async function checkStore (dir: string, reported: bigint, ordererOrgs: OrdererValidator): Promise<bigint> {
  const store = await BlockStore.open(dir)
  const height = store.height()
  try {
    assert.ok(height >= reported, `store height ${height} is below the height ${reported} the writer reported committed`)
    let previous: Uint8Array | undefined
    for (let n = 0n; n < height;) {
      const batch = await store.getRange(n, 500)
      assert.ok(batch.length > 0, `block ${n} is missing below height ${height}`)
      for (const bytes of batch) {
        const block = common.Block.decode(bytes)
        const verified = verifyBlock(block, { channelId: CHANNEL, expectedNumber: n, previousHeaderHash: previous, ordererOrgs })
        block.data!.data.forEach((entry, i) => {
          const text = new TextDecoder().decode(common.Payload.decode(common.Envelope.decode(entry).payload).data)
          const m = ENTRY.exec(text)
          assert.ok(m !== null && BigInt(m[1]) === n && Number(m[2]) === i, `block ${n} entry ${i} is not the one written: ${text.slice(0, 40)}`)
        })
        previous = verified.headerHash
        n++
      }
    }
    assert.deepEqual(store.lastHeaderHash(), previous)
  } finally {
    await store.close()
  }
  const raw = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' })
  try {
    const beyond = await raw.keys({ gte: blockStoreLayout.blockKey(height), lte: blockStoreLayout.blockKey((1n << 64n) - 1n), limit: 1 }).all()
    assert.deepEqual(beyond, [], `a block is stored at or beyond the height ${height}`)
  } finally {
    await raw.close()
  }
  return height
}

const randomDelay = (): number => 50 + Math.floor(Math.random() * 451)
const sleep = async (ms: number): Promise<void> => { await new Promise(resolve => setTimeout(resolve, ms)) }

describe('block store crash safety (SIGKILL of a real writer process)', () => {
  const tmp = tempDir('fgossip-ledger-crash-')
  const cryptoDir = tmp.dir
  let ordererOrgs: OrdererValidator

  before(async () => {
    const ca = await createCA('ca.example.com')
    const orderer = await issueCertificate(ca, { cn: 'orderer.example.com', ou: 'orderer' })
    writeFileSync(join(cryptoDir, 'ca-cert.pem'), ca.certPem)
    writeFileSync(join(cryptoDir, 'orderer-cert.pem'), orderer.certPem)
    writeFileSync(join(cryptoDir, 'orderer-key.pem'), orderer.keyPem)
    ordererOrgs = ordererValidatorFor([{ mspId: 'OrdererMSP', rootCerts: [new TextEncoder().encode(ca.certPem)] }])
  })
  after(() => { tmp.cleanup() })

  /**
   * ROUNDS rounds of: start a writer in `mode` on `dir`, check it resumes at the height found (`empty` when
   * nothing is stored yet), kill it at a random moment, check the store at `store`. Every round but perhaps an
   * unlucky one must commit something.
   */
  async function killRounds (t: { diagnostic: (m: string) => void }, mode: 'atomic' | 'ledgers', dir: string, store: string, empty: bigint, resumes: string): Promise<void> {
    let height = empty
    const heights: bigint[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const writer = startWriter(dir, cryptoDir, mode)
      let reported: bigint
      try {
        assert.equal(await writer.opened, height, resumes)
        await sleep(randomDelay())
      } finally {
        await writer.kill()
        reported = writer.reported()
      }
      height = await checkStore(store, reported, ordererOrgs)
      heights.push(height)
    }
    t.diagnostic(`heights after each kill: ${heights.join(', ')}`)
    const progressed = heights.filter((h, i) => h > (i === 0 ? empty : heights[i - 1])).length
    assert.ok(progressed >= ROUNDS - 1, `heights after each kill: ${heights.join(', ')}`)
  }

  it(`reopens consistent after each of ${ROUNDS} kills at random moments, and the writer resumes`, async (t) => {
    const dir = join(tmp.dir, 'store')
    await killRounds(t, 'atomic', dir, dir, 0n, 'the writer resumes from the height the test found')
  })

  it(`the ledgers' batched commits of state-transfer blocks: consistent after each of ${ROUNDS} kills, and the ledger resumes`, async (t) => {
    const dir = join(tmp.dir, 'ledgers')
    await killRounds(t, 'ledgers', dir, join(dir, CHANNEL), 1n, 'the ledger resumes from the height the test found (its genesis block first)')
  })

  it('catches a store that writes the height before the block', async (t) => {
    const dir = join(tmp.dir, 'broken')
    const problems: string[] = []
    let rounds = 0
    for (; rounds < FAULT_ROUNDS && problems.length === 0; rounds++) {
      const writer = startWriter(dir, cryptoDir, 'height-first')
      let reported: bigint
      try {
        await writer.opened
        await sleep(randomDelay())
      } finally {
        await writer.kill()
        reported = writer.reported()
      }
      try {
        await checkStore(dir, reported, ordererOrgs)
      } catch (err) {
        problems.push((err as Error).message)
      }
    }
    t.diagnostic(`caught after ${rounds} kill(s): ${problems[0]}`)
    assert.ok(problems.length > 0, `no inconsistency found in ${FAULT_ROUNDS} kills of the broken writer`)
    assert.match(problems[0], /height \d+ but block \d+ is missing/)
  })
})
