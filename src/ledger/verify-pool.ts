/**
 * Block verification on worker threads (`verifyBlock` in `verify-worker.ts`): a catching-up peer takes
 * in thousands of blocks, each with an orderer's ECDSA signature to check (~90 us of the ~150 us a block
 * costs); verified here, they leave the node's event loop free for the network and the commits.
 *
 *   verify(job)              queues the job; the jobs queued in one event-loop turn (the blocks of one state
 *                            response) go to the least busy thread in one message, their bytes copied into
 *                            one transferred buffer; resolves with the thread's verdict (a lone job, fewer
 *                            than minBatch, resolves undefined: a round trip costs more than it saves)
 *                            -> undefined when no thread is ready yet (not started, starting, or ended after
 *                            being idle): the caller verifies on its own thread, so nothing waits for a thread
 *   threads start once startAfter blocks were asked for (a peer a few blocks behind starts none); a thread
 *   idle for idleTimeout ends, and starts again on demand; close() ends them all
 *
 * The verdict is exactly verifyBlock's (the same code, the same orderer orgs): `{ ok: true, headerHash }`
 * or a `BlockVerificationError`'s reason and message; for the jobs of one run (`VerifyJob.run`: a state
 * response's consecutive blocks), verifyBlockRun's (the hash chain through them, the last one's signature).
 */
import { Worker } from 'node:worker_threads'
import type { BlockVerificationReason, OrdererOrg } from './verify.js'

/** A block to verify: its bytes and what verifyBlock checks them against. */
export interface VerifyJob {
  /** The orderer orgs, as {@link VerifyPool.register} numbered them. */
  validator: number
  bytes: Uint8Array
  channelId: string
  expectedNumber: bigint
  previousHeaderHash?: Uint8Array
  /**
   * Jobs queued in one turn with the same run (not 0) and consecutive numbers are verified together by
   * `verifyBlockRun` (the hash chain through them and the last one's signature); the first job's
   * previousHeaderHash is the run's. @default 0: on its own
   */
  run?: number
}

/** A thread's verdict on a {@link VerifyJob}. */
export type VerifyResult =
  | { ok: true, headerHash: Uint8Array }
  | { ok: false, reason: BlockVerificationReason, message: string }

/**
 * A batch of jobs as a thread receives it, in few objects (a message's cost grows with the objects it
 * clones): job i's bytes are the `offsets[2i+1]` bytes of `buffer` at `offsets[2i]` and, when
 * `previous[2i]` is not -1, its previousHeaderHash the `previous[2i+1]` bytes at `previous[2i]`.
 */
export interface WireBatch {
  batch: number
  buffer: ArrayBuffer
  offsets: Uint32Array
  previous: Int32Array
  numbers: BigUint64Array
  validators: Uint32Array
  /** job i's {@link VerifyJob.run} */
  runs: Uint32Array
  /** channel ids, and job i's index into them */
  channels: string[]
  channelOf: Uint16Array
}

/** Messages to a thread. */
export type WorkerRequest =
  | { type: 'orderers', id: number, orgs: OrdererOrg[] }
  | { type: 'forget', id: number }
  | ({ type: 'verify' } & WireBatch)

/**
 * A thread's verdicts on a batch: job i's header hash is `hashes[32i .. 32i + 32]` unless `failures`
 * names it.
 */
export interface WireVerdicts {
  batch: number
  hashes: ArrayBuffer
  failures: Array<{ index: number, reason: BlockVerificationReason, message: string }>
}

/** Messages from a thread. */
export type WorkerReply = { type: 'ready' } | ({ type: 'done' } & WireVerdicts)

export interface VerifyPoolInit {
  /** Threads. @default 1 */
  threads?: number
  /** A thread with nothing to do for this long ends (ms). @default 10000 */
  idleTimeout?: number
  /**
   * Threads start once this many blocks were asked for while there were none (the first ones are verified
   * by their callers): a peer a few blocks behind never starts one. @default 64
   */
  startAfter?: number
  /**
   * Fewer jobs than this queued in one event-loop turn are left to their callers: a lone block costs less to
   * verify at once than to send to a thread and wait for. @default 2
   */
  minBatch?: number
  /** Called when a thread fails (its jobs are then verified by their callers); a new one starts on demand. */
  onError?: (err: Error) => void
}

interface Waiting {
  resolve: (r: VerifyResult | undefined) => void
}

interface Thread {
  readonly worker: Worker
  ready: boolean
  /** Jobs sent and not answered. */
  load: number
  readonly batches: Map<number, Waiting[]>
}

/** Whether this module runs from its TypeScript source (under tsx: tests, benchmarks) rather than built. */
const FROM_SOURCE = import.meta.url.endsWith('.ts')
/** The worker module next to this one. */
const WORKER_URL = new URL(FROM_SOURCE ? './verify-worker.ts' : './verify-worker.js', import.meta.url)

/**
 * A thread running the worker module. From source, the thread first registers tsx's loader (Node 20 does
 * not carry the parent's `--import tsx` hooks into worker threads).
 */
function spawn (): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_URL)
  const tsx = import.meta.resolve('tsx/esm/api')
  const code = `import(${JSON.stringify(tsx)}).then(tsx => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}) })`
  return new Worker(code, { eval: true })
}

/** Verifies blocks on worker threads; see the module comment. */
export class VerifyPool {
  private readonly size: number
  private readonly idleTimeout: number
  private readonly onError: ((err: Error) => void) | undefined
  private readonly startAfter: number
  private readonly minBatch: number
  /** Blocks asked for since the threads last ended. */
  private demand = 0
  private threads: Thread[] = []
  private readonly orderers = new Map<number, OrdererOrg[]>()
  private nextValidator = 1
  private nextBatch = 1
  private queue: Array<{ job: VerifyJob, waiting: Waiting }> = []
  private flushing = false
  private idleTimer: ReturnType<typeof setTimeout> | undefined
  private lastUsed = 0
  private closed = false
  /** A thread failed before it was ready (it cannot load): no more are started. */
  private broken = false

  constructor (init: VerifyPoolInit = {}) {
    this.size = Math.max(1, Math.floor(init.threads ?? 1))
    this.idleTimeout = init.idleTimeout ?? 10_000
    this.onError = init.onError
    this.startAfter = Math.max(0, init.startAfter ?? 64)
    this.minBatch = Math.max(1, init.minBatch ?? 2)
  }

  /** Numbers a set of orderer orgs for {@link verify} (each thread builds its validator once). */
  register (orgs: readonly OrdererOrg[]): number {
    const id = this.nextValidator++
    const copy = orgs.map(o => ({ ...o, rootCerts: [...o.rootCerts], intermediateCerts: [...(o.intermediateCerts ?? [])] }))
    this.orderers.set(id, copy)
    for (const t of this.threads) t.worker.postMessage({ type: 'orderers', id, orgs: copy } satisfies WorkerRequest)
    return id
  }

  /** Forgets a set of orgs {@link register} numbered (a channel's orderer orgs changed). */
  forget (id: number): void {
    this.orderers.delete(id)
    for (const t of this.threads) t.worker.postMessage({ type: 'forget', id } satisfies WorkerRequest)
  }

  /**
   * Verifies a block on a thread. Undefined when no thread is ready; the promise resolves undefined when its
   * thread fails or the pool closes: in both cases the caller verifies the block itself.
   */
  verify (job: VerifyJob): Promise<VerifyResult | undefined> | undefined {
    if (this.closed || this.broken) return undefined
    this.touch()
    if (!this.threads.some(t => t.ready)) return undefined
    return new Promise<VerifyResult | undefined>(resolve => {
      this.queue.push({ job, waiting: { resolve } })
      if (!this.flushing) {
        this.flushing = true
        queueMicrotask(() => { this.flush() })
      }
    })
  }

  /** Ends the threads; the jobs they held resolve undefined (their callers verify them). */
  async close (): Promise<void> {
    this.closed = true
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer)
    this.idleTimer = undefined
    await this.stopThreads()
  }

  /** Starts the threads that are missing once there is demand for them, and restarts the idle countdown. */
  private touch (): void {
    if (++this.demand > this.startAfter) {
      try {
        while (this.threads.length < this.size) this.threads.push(this.startThread())
      } catch (err) {
        this.broken = true // no thread can be made here (e.g. no loader for the worker module)
        this.onError?.(err as Error)
      }
    }
    this.lastUsed = Date.now()
    if (this.idleTimer === undefined && this.threads.length > 0) this.armIdleTimer(this.idleTimeout)
  }

  /** Ends the threads once nothing was asked of them for idleTimeout (checked when the timer fires). */
  private armIdleTimer (ms: number): void {
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined
      const idle = Date.now() - this.lastUsed
      if (idle < this.idleTimeout || this.threads.some(t => t.load > 0) || this.queue.length > 0) {
        if (this.threads.length > 0) this.armIdleTimer(Math.max(1, this.idleTimeout - idle))
        return
      }
      void this.stopThreads()
    }, ms)
    this.idleTimer.unref()
  }

  private startThread (): Thread {
    const worker = spawn()
    worker.unref()
    const thread: Thread = { worker, ready: false, load: 0, batches: new Map() }
    for (const [id, orgs] of this.orderers) worker.postMessage({ type: 'orderers', id, orgs } satisfies WorkerRequest)
    worker.on('message', (m: WorkerReply) => {
      if (m.type === 'ready') {
        thread.ready = true
        return
      }
      const waiting = thread.batches.get(m.batch)
      if (waiting === undefined) return
      thread.batches.delete(m.batch)
      thread.load -= waiting.length
      if (thread.load === 0) worker.unref()
      const failed = new Map(m.failures.map(f => [f.index, f]))
      waiting.forEach((w, i) => {
        const f = failed.get(i)
        w.resolve(f === undefined ? { ok: true, headerHash: new Uint8Array(m.hashes, 32 * i, 32) } : { ok: false, reason: f.reason, message: f.message })
      })
    })
    const failed = (err: Error): void => {
      if (!this.threads.includes(thread)) return
      this.threads = this.threads.filter(t => t !== thread)
      if (!thread.ready) this.broken = true
      this.release(thread)
      this.onError?.(err)
    }
    worker.on('error', failed)
    worker.on('exit', code => { failed(new Error(`verification thread exited with code ${code}`)) })
    return thread
  }

  /** Sends the queued jobs, one message per thread, the least busy threads first. */
  private flush (): void {
    this.flushing = false
    const queued = this.queue
    this.queue = []
    const ready = this.threads.filter(t => t.ready).sort((a, b) => a.load - b.load)
    if (ready.length === 0 || queued.length < this.minBatch) {
      for (const q of queued) q.waiting.resolve(undefined)
      return
    }
    const slices = Math.min(ready.length, queued.length)
    const per = Math.ceil(queued.length / slices)
    for (let s = 0; s < slices; s++) {
      const part = queued.slice(s * per, (s + 1) * per)
      if (part.length > 0) this.send(ready[s], part)
    }
  }

  private send (thread: Thread, part: Array<{ job: VerifyJob, waiting: Waiting }>): void {
    // one buffer for all the blocks, transferred: a view's structured clone would copy its whole backing
    // buffer (a block of a state response is a view into the whole response)
    const n = part.length
    const buffer = new ArrayBuffer(part.reduce((sum, q) => sum + q.job.bytes.byteLength + (q.job.previousHeaderHash?.byteLength ?? 0), 0))
    const bytes = new Uint8Array(buffer)
    const wire: WireBatch = {
      batch: this.nextBatch++,
      buffer,
      offsets: new Uint32Array(2 * n),
      previous: new Int32Array(2 * n),
      numbers: new BigUint64Array(n),
      validators: new Uint32Array(n),
      runs: new Uint32Array(n),
      channels: [],
      channelOf: new Uint16Array(n)
    }
    let offset = 0
    part.forEach(({ job }, i) => {
      bytes.set(job.bytes, offset)
      wire.offsets[2 * i] = offset
      wire.offsets[2 * i + 1] = job.bytes.byteLength
      offset += job.bytes.byteLength
      wire.previous[2 * i] = -1
      if (job.previousHeaderHash !== undefined) {
        bytes.set(job.previousHeaderHash, offset)
        wire.previous[2 * i] = offset
        wire.previous[2 * i + 1] = job.previousHeaderHash.byteLength
        offset += job.previousHeaderHash.byteLength
      }
      wire.numbers[i] = job.expectedNumber
      wire.validators[i] = job.validator
      wire.runs[i] = job.run ?? 0
      let channel = wire.channels.indexOf(job.channelId)
      if (channel < 0) channel = wire.channels.push(job.channelId) - 1
      wire.channelOf[i] = channel
    })
    thread.batches.set(wire.batch, part.map(q => q.waiting))
    if (thread.load === 0) thread.worker.ref()
    thread.load += n
    thread.worker.postMessage({ type: 'verify', ...wire } satisfies WorkerRequest, [buffer])
  }

  private release (thread: Thread): void {
    for (const waiting of thread.batches.values()) for (const w of waiting) w.resolve(undefined)
    thread.batches.clear()
    thread.load = 0
  }

  private async stopThreads (): Promise<void> {
    const threads = this.threads
    this.threads = []
    this.demand = 0
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer)
    this.idleTimer = undefined
    for (const t of threads) this.release(t)
    await Promise.all(threads.map(async t => { await t.worker.terminate() }))
  }
}
