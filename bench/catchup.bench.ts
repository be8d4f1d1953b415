/**
 * Catch-up (issue 7), in one process over TCP on loopback: one peer 10,000 blocks of 10 KB behind (quick:
 * 1,000) catches up by state transfer from a peer of its org that has them, blocks/s from its first state
 * request and from its start to its last commit. In the same run:
 *
 *   (a) this project's defaults (`peer.gossip.state.parallelRequests` 4, batchSize 10, `chainVerify`: one
 *       signature check per response, the hash chain vouching for the blocks below the last);
 *   (b) Fabric's behaviour: one request of batchSize (10) blocks at a time (`parallelRequests: 1`), every
 *       block's signature checked (`chainVerify: false`);
 *   (c) the baseline: the same serialized blocks, length-prefixed, on one raw stream between two stock
 *       libp2p nodes (TCP, Noise, yamux), as fast as it drains.
 *
 * Rounds interleave (a, b, c, then b, a, c...) so that the machine's noise falls on all alike; figures are
 * medians. Diagnostics: the ledger's own take-in of the same blocks with no network (block by block, and by
 * response as state transfer hands them over), verifyBlock's cost, the process CPU per block of each, and
 * (full runs) the defaults with every block's signature checked, and with a larger batchSize, alone and
 * with a blockBufferSize that lets the transfer window hold as many requests of it, for the record (the
 * default stays Fabric's 10).
 *
 * The requester and the responder share this process's event loop and cores, as both ends of the raw
 * stream do.
 */
import { performance } from 'node:perf_hooks'
import { figure, median, type Benchmark, type Figure, type Section } from './lib/harness.js'
import { cleanupTmp } from './lib/nodes.js'
import { buildChain, channelGenesis, ordererSigner } from './lib/blocks.js'
import { catchUpRun, framesOf, ledgerIngestRun, rawStreamRun, verifyUs, type CatchUpRun, type RawRun } from './lib/catchup.js'
import { testCrypto } from '../test/helpers/network.js'

/** bytes of a marshalled block (10 KB = 10,000 bytes) */
const BLOCK_BYTES = 10_000
const CHANNEL = 'catchup'

interface Params {
  /** blocks the catching-up peer is behind */
  behind: number
  /** rounds of each catch-up (median) */
  rounds: number
  /** rounds of the raw-stream baseline (median), after one warm-up round */
  rawRounds: number
  /**
   * The defaults with some `peer.gossip.state` settings changed (both peers), as diagnostics (one round
   * each): every block's signature checked (`chainVerify: false`), the only change from the defaults, to
   * show what chain verification brings; larger batch sizes, alone and with a `blockBufferSize` that lets the
   * transfer window (at most 4 x blockBufferSize) hold as many requests of the larger size as of the default
   */
  batchDiag: Array<{ batchSize?: number, blockBufferSize?: number, chainVerify?: boolean }>
}

const FULL: Params = { behind: 10_000, rounds: 3, rawRounds: 3, batchDiag: [{ chainVerify: false }, { batchSize: 50 }, { batchSize: 50, blockBufferSize: 100 }] }
const QUICK: Params = { behind: 1_000, rounds: 1, rawRounds: 1, batchDiag: [] }

/** Fabric's behaviour: one state request in flight, of Fabric's batchSize, every block's signature checked. */
const FABRIC = { parallelRequests: 1, batchSize: 10, chainVerify: false }

const round = (x: number): number => Number.isFinite(x) ? Number(x.toPrecision(4)) : x

/** The run of median transfer time among `runs`. */
function medianRun (runs: readonly CatchUpRun[]): CatchUpRun {
  const sorted = [...runs].sort((a, b) => (a.done - a.firstRequest) - (b.done - b.firstRequest))
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

const bench: Benchmark = {
  name: 'catchup',
  title: 'catch-up by state transfer: parallel requests (ours) and Fabric\'s one at a time, vs a raw stream of the same bytes',
  async run (ctx) {
    const p = ctx.quick ? QUICK : FULL
    const t00 = performance.now()
    try {
      const layout = await testCrypto({ orgs: 1, peers: 2 })
      const genesis = channelGenesis(layout, CHANNEL)
      let t = performance.now()
      const chain = buildChain(genesis, CHANNEL, ordererSigner(layout), p.behind, BLOCK_BYTES)
      const n = chain.bytes.length
      const totalBytes = chain.bytes.reduce((a, b) => a + b.byteLength, 0)
      ctx.log(`built ${n} blocks of ${Math.round(chain.meanBytes)} bytes in ${Math.round(performance.now() - t)} ms`)
      const frames = framesOf(chain)
      const maxFrame = 2 * BLOCK_BYTES + 1024

      await rawStreamRun(frames, maxFrame) // warm-up
      const ours: CatchUpRun[] = []
      const fabric: CatchUpRun[] = []
      const raw: RawRun[] = []
      const transfer = (r: CatchUpRun): number => r.done - r.firstRequest
      for (let i = 0; i < Math.max(p.rounds, p.rawRounds); i++) {
        const order = i % 2 === 0 ? ['ours', 'fabric'] as const : ['fabric', 'ours'] as const
        for (const which of order) {
          if (i >= p.rounds) continue
          const r = which === 'ours' ? await catchUpRun(layout, chain, CHANNEL) : await catchUpRun(layout, chain, CHANNEL, FABRIC)
          ;(which === 'ours' ? ours : fabric).push(r)
          ctx.log(`${which === 'ours' ? 'defaults' : 'Fabric behaviour'}: ${n} blocks in ${Math.round(transfer(r))} ms after the first request (${Math.round(r.firstRequest - r.started)} ms after the start), ${r.requests} requests`)
        }
        if (i < p.rawRounds) {
          const r = await rawStreamRun(frames, maxFrame)
          raw.push(r)
          ctx.log(`raw stream: ${n} framed blocks in ${Math.round(r.ms)} ms`)
        }
      }

      const batches: Array<{ state: Params['batchDiag'][number], run: CatchUpRun }> = []
      for (const state of p.batchDiag) {
        const r = await catchUpRun(layout, chain, CHANNEL, state)
        batches.push({ state, run: r })
        ctx.log(`defaults with ${JSON.stringify(state)}: ${n} blocks in ${Math.round(transfer(r))} ms after the first request`)
      }

      t = performance.now()
      const ingestOne = await ledgerIngestRun(chain, CHANNEL, 'one-by-one')
      const ingestResp = await ledgerIngestRun(chain, CHANNEL, 'by-response')
      ctx.log(`ledger take-in alone: ${Math.round(ingestOne)} ms block by block, ${Math.round(ingestResp)} ms by response (${Math.round(performance.now() - t)} ms)`)
      const verify = verifyUs(chain, CHANNEL, Math.min(n, 1000))

      const rate = (ms: number): number => n / (ms / 1000)
      const mbps = (ms: number): number => totalBytes / 1e6 / (ms / 1000)
      const rawMs = median(raw.map(r => r.ms))
      const base = { label: 'raw stream, the same blocks framed', value: rate(rawMs), samples: raw.map(r => round(rate(r.ms))) }
      const a = medianRun(ours)
      const b = medianRun(fabric)
      const details = (r: CatchUpRun, all: readonly CatchUpRun[]): Record<string, number> => ({
        'MB/s': round(mbps(transfer(r))),
        seconds: round(transfer(r) / 1000),
        requests: r.requests,
        'blocks per response': round(r.blocksInResponses / Math.max(1, r.responses)),
        'max gap between commits ms': round(r.maxGapMs),
        'cpu us/block': round(r.cpuUsPerBlock),
        'main-thread ELU': round(r.elu),
        rounds: all.length
      })
      const figures: Figure[] = [
        figure({
          id: 'catchup.rate', label: `defaults (parallelRequests ${String(a.settings.parallelRequests)}, batchSize ${String(a.settings.batchSize)}), first request -> all committed`,
          unit: 'blocks/s', better: 'higher', value: rate(transfer(a)), baseline: base, samples: ours.map(r => round(rate(transfer(r)))),
          extra: { ...details(a, ours), 'raw MB/s': round(mbps(rawMs)), 'raw cpu us/block': round(median(raw.map(r => r.cpuUsPerBlock))) }
        }),
        figure({
          id: 'catchup.fromStart', label: 'defaults, peers started -> all committed', unit: 'blocks/s', better: 'higher', value: rate(a.done - a.started), baseline: base,
          samples: ours.map(r => round(rate(r.done - r.started))),
          extra: { 'start -> first request ms': round(a.firstRequest - a.started), 'start -> first commit ms': round(a.firstCommit - a.started) }
        }),
        figure({
          id: 'catchup.fabric', label: `Fabric's behaviour (parallelRequests 1, batchSize ${String(b.settings.batchSize)}), first request -> all committed`,
          unit: 'blocks/s', better: 'higher', value: rate(transfer(b)), baseline: base, samples: fabric.map(r => round(rate(transfer(r)))),
          extra: details(b, fabric)
        }),
        figure({
          id: 'catchup.fabricFromStart', label: 'Fabric\'s behaviour, peers started -> all committed', unit: 'blocks/s', better: 'higher', value: rate(b.done - b.started), baseline: base,
          samples: fabric.map(r => round(rate(r.done - r.started))),
          extra: { 'start -> first request ms': round(b.firstRequest - b.started), 'start -> first commit ms': round(b.firstCommit - b.started) }
        }),
        figure({
          id: 'catchup.vsFabric', label: 'defaults vs Fabric\'s behaviour, first request -> all committed', unit: 'blocks/s', better: 'higher', value: rate(transfer(a)),
          baseline: { label: 'Fabric\'s behaviour, the same run', value: rate(transfer(b)) }
        }),
        ...batches.map(({ state, run }) => figure({
          id: `catchup${state.chainVerify === false ? '.everySignature' : ''}${state.batchSize === undefined ? '' : `.batch${state.batchSize}`}${state.blockBufferSize === undefined ? '' : `.buffer${state.blockBufferSize}`}`,
          label: `diag: defaults with ${Object.entries(state).map(([k, v]) => `${k} ${String(v)}`).join(', ')} (both peers), first request -> all committed`,
          unit: 'blocks/s', better: 'higher',
          value: rate(transfer(run)), baseline: { label: 'defaults, the same run', value: rate(transfer(a)) },
          extra: { ...details(run, [run]), 'ratio to raw': round(rate(transfer(run)) / base.value) }
        })),
        figure({
          id: 'catchup.ingest', label: 'diag: ledger take-in alone, block by block (Ledgers.addPayload, no network)', unit: 'blocks/s', better: 'higher', value: rate(ingestOne), baseline: base,
          extra: { 'verifyBlock us (this thread)': round(verify), 'verifies per block': 1 }
        }),
        figure({
          id: 'catchup.ingestByResponse', label: 'diag: ledger take-in alone, 11 blocks at a time as state transfer hands them over', unit: 'blocks/s', better: 'higher', value: rate(ingestResp), baseline: base,
          extra: { 'defaults / this': round(rate(transfer(a)) / rate(ingestResp)) }
        })
      ]
      return [{
        id: 'catchup',
        title: `Catch-up: one peer ${n.toLocaleString('en-US')} blocks of ${BLOCK_BYTES / 1000} KB behind, by state transfer from one peer (same process, TCP loopback)`,
        params: {
          blocks: n, blockBytes: round(chain.meanBytes), totalMB: round(totalBytes / 1e6), rounds: p.rounds, rawRounds: p.rawRounds,
          ...Object.fromEntries(Object.entries(a.settings).map(([k, v]) => [`defaults.${k}`, v])),
          seconds: round((performance.now() - t00) / 1000)
        },
        figures
      } satisfies Section]
    } finally {
      await cleanupTmp()
    }
  }
}

export default bench
