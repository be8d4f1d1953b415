/**
 * The comm layer's cost against stock libp2p, measured in one process over TCP on loopback (both ends share
 * the event loop, so every figure includes sending and receiving):
 *
 * 1. connection setup: `comm.connect()` to a fresh node (dial, Noise, yamux, the signed handshake both ways)
 *    vs a stock `dial()` + one ping between fresh stock nodes;
 * 2. small messages: 100-byte-payload `memReq`s from A to B through `sendAndWait` (paced by the send queue)
 *    and `subscribe`/`accept`, vs 100-byte length-prefixed frames on one raw stream between stock nodes;
 * 3. blocks: 1 MiB `dataMsg` envelopes vs 1 MiB frames on a raw stream;
 * 4. the signature an alive message costs (ECDSA P-256, low-S) vs a SHA-256 of the same bytes.
 *
 * Every comparison is interleaved round by round with its baseline and reported as a median.
 */
import { performance } from 'node:perf_hooks'
import { createHash, createPrivateKey, randomBytes, sign as nodeSign, verify as nodeVerify } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { figure, interleaved, median, quantile, settle, timeMs, type BenchContext, type Benchmark, type Section } from './lib/harness.js'
import {
  cleanupTmp, Countdown, FRAMES_PROTOCOL, FrameSink, gossipPair, metric, prefixedFrameList, prefixedFrames, rawPair, stopGossip, stopRaw, writeRaw
} from './lib/nodes.js'
import { testCrypto } from '../test/helpers/network.js'
import { seal, openEnvelope, encodeEnvelope, type SignedMessage } from '../src/wire/envelope.js'
import { loadSigningIdentity, MspManager, verifySignature } from '../src/identity/index.js'
import { gossip } from '../src/pb/gossip.js'
import type { GossipNode } from '../src/node.js'
import type { ReceivedMessage } from '../src/comm/index.js'
import type { Stream } from '@libp2p/interface'
import type { Uint8ArrayList } from 'uint8arraylist'

const Tag = gossip.GossipMessage.Tag
const KiB = 1024
const MiB = 1024 * KiB
const MB = 1e6

interface Params {
  /** fresh node pairs per variant for connection setup (after `connectWarmup` more) */
  connectPairs: number
  connectWarmup: number
  /** small messages per round (a multiple of RAW_BATCH) */
  smallMessages: number
  /** 1 MiB blocks per round */
  blocks: number
  /** measured rounds of the throughput runs, after one warm-up round */
  rounds: number
  /** milliseconds each crypto operation runs per round */
  cryptoMs: number
}

const FULL: Params = { connectPairs: 20, connectWarmup: 4, smallMessages: 200 * 64, blocks: 64, rounds: 5, cryptoMs: 150 }
const QUICK: Params = { connectPairs: 5, connectWarmup: 1, smallMessages: 40 * 64, blocks: 16, rounds: 2, cryptoMs: 40 }

/** Frames per `send` of the batched raw diagnostic: the most the comm send queue writes at once. */
const RAW_BATCH = 64
const SMALL = 100
const BLOCK = 1 * MiB

/** Nonces from 2^56 up: the varint is 8 bytes for every message, so every payload has the same size. */
const NONCE_BASE = 1n << 56n

/** The size of `known[0]` that makes a membership request's marshalled GossipMessage exactly `size` bytes. */
function knownSizeFor (size: number): number {
  // length prefixes grow by a byte here and there: walk down from the first guess to the exact size
  for (let k = size - memReq(0, NONCE_BASE).envelope.payload.byteLength; k >= 0; k--) {
    if (memReq(k, NONCE_BASE).envelope.payload.byteLength === size) return k
  }
  throw new Error(`no memReq payload of ${size} bytes`)
}

/** A membership request carrying one `known` entry of `known` bytes; signed when given a signer. */
function memReq (known: number, nonce: bigint, signer?: { sign: (d: Uint8Array) => Uint8Array }): SignedMessage {
  return seal({ nonce, tag: Tag.EMPTY, memReq: { known: [new Uint8Array(known).fill(7)] } }, signer)
}

/** A block push as Fabric gossips it: a DataMessage, tag CHAN_AND_ORG, unsigned (the block carries the orderer's signature). */
function dataMsg (data: Uint8Array, seqNum: bigint): SignedMessage {
  return seal({
    nonce: seqNum,
    tag: Tag.CHAN_AND_ORG,
    channel: Buffer.from('mychannel') as Uint8Array<ArrayBuffer>,
    dataMsg: { payload: { seqNum, data: data as Uint8Array<ArrayBuffer>, privateData: [] } }
  })
}

const tail = (xs: number[], n: number): number[] => xs.slice(Math.max(0, xs.length - n))
const round = (x: number): number => Number(x.toPrecision(4))

// ---- 1. connection setup ----

async function connectionSetup (ctx: BenchContext, p: Params): Promise<Section> {
  const commDial: number[] = [] // connect() call to the dialler's libp2p connection:open
  const rawDial: number[] = []

  const commRun = async (): Promise<number> => {
    const [a, b] = await gossipPair()
    try {
      await settle()
      const target = b.multiaddrs()[0]
      let opened = 0
      a.libp2p.addEventListener('connection:open', () => { opened = performance.now() }, { once: true })
      const t0 = performance.now()
      await a.comm.connect({ endpoint: target })
      const t = performance.now() - t0
      commDial.push(opened - t0)
      return t
    } finally {
      await stopGossip([a, b])
    }
  }

  const rawRun = async (): Promise<number> => {
    const [x, y] = await rawPair()
    try {
      await settle()
      const target = y.getMultiaddrs()[0]
      const t0 = performance.now()
      const connection = await x.dial(target)
      rawDial.push(performance.now() - t0)
      await x.services.ping.ping(connection.remotePeer)
      return performance.now() - t0
    } finally {
      await stopRaw([x, y])
    }
  }

  ctx.log(`connection setup: ${p.connectPairs} fresh pairs per variant (+${p.connectWarmup} warm-up)`)
  const s = await interleaved({ comm: commRun, raw: rawRun }, p.connectPairs, p.connectWarmup)
  const dial = tail(commDial, p.connectPairs)
  const baseDial = tail(rawDial, p.connectPairs)
  const handshake = s.comm.map((t, i) => t - dial[i])
  const baseLabel = 'stock dial() + ping'
  return {
    id: 'connect',
    title: 'Connection setup (fresh pair each time)',
    params: { pairs: p.connectPairs, warmup: p.connectWarmup },
    figures: [
      figure({
        id: 'connect.median', label: 'comm.connect() median', unit: 'ms', better: 'lower',
        value: median(s.comm), baseline: { label: `${baseLabel} median`, value: median(s.raw), samples: s.raw.map(round) }, samples: s.comm.map(round),
        extra: { 'dial ms': round(median(dial)), 'handshake ms': round(median(handshake)), 'stock dial ms': round(median(baseDial)) }
      }),
      figure({
        id: 'connect.p95', label: 'comm.connect() p95', unit: 'ms', better: 'lower',
        value: quantile(s.comm, 0.95), baseline: { label: `${baseLabel} p95`, value: quantile(s.raw, 0.95) }
      })
    ]
  }
}

// ---- shared set-up of the throughput runs ----

interface Rig {
  a: GossipNode
  b: GossipNode
  /** stream between two stock nodes */
  raw: Stream
  rawSink: FrameSink
  /** raw stream between the gossip nodes' own libp2p (diagnostic: the same libp2p set-up as comm) */
  rawOnGossip: Stream
  gossipSink: FrameSink
  to: { pkiId: Uint8Array }
  stop(): Promise<void>
}

async function rig (maxFrame: number): Promise<Rig> {
  const [a, b] = await gossipPair()
  const [x, y] = await rawPair()
  const rawSink = new FrameSink()
  await rawSink.install(y, maxFrame)
  const gossipSink = new FrameSink()
  await gossipSink.install(b.libp2p, maxFrame)
  const peer = await a.comm.connect({ endpoint: b.multiaddrs()[0] })
  const raw = await x.dialProtocol(y.getMultiaddrs()[0], FRAMES_PROTOCOL)
  const rawOnGossip = await a.libp2p.dialProtocol(b.multiaddrs()[0], FRAMES_PROTOCOL)
  return {
    a, b, raw, rawSink, rawOnGossip, gossipSink, to: { pkiId: peer.pkiId },
    stop: async () => {
      await Promise.all([stopGossip([a, b]), stopRaw([x, y])])
    }
  }
}

/** Sends with `sendAndWait` (waits for room in the queue of 200 instead of dropping) and waits for all to arrive. */
async function commWaited (r: Rig, kind: ReceivedMessage['kind'], n: number, next: (i: number) => SignedMessage, receiver: 'subscribe' | 'accept' = 'subscribe'): Promise<number> {
  const got = new Countdown()
  const ac = new AbortController()
  if (receiver === 'subscribe') {
    const unsubscribe = r.b.comm.subscribe(m => m.kind === kind, () => { got.add() })
    ac.signal.addEventListener('abort', unsubscribe)
  } else {
    void (async () => { for await (const _m of r.b.comm.accept(m => m.kind === kind, { signal: ac.signal })) got.add() })()
  }
  try {
    const all = got.expect(n)
    return await timeMs(async () => {
      for (let i = 0; i < n; i++) await r.a.comm.sendAndWait(next(i), r.to)
      await all
    })
  } finally {
    ac.abort()
  }
}

async function rawRun (stream: Stream, sink: FrameSink, chunk: Uint8Array | Uint8ArrayList, n: number, perSend: number): Promise<number> {
  const all = sink.frames.expect(n)
  return await timeMs(async () => {
    await writeRaw(stream, chunk, n, perSend)
    await all
  })
}

// ---- 2. small messages ----

async function smallMessages (ctx: BenchContext, p: Params): Promise<Section> {
  const n = p.smallMessages
  const r = await rig(64 * KiB)
  try {
    const known = knownSizeFor(SMALL)
    const sealed = memReq(known, NONCE_BASE)
    const frameBytes = encodeEnvelope(sealed.envelope).byteLength
    const signedFrameBytes = encodeEnvelope(memReq(known, NONCE_BASE, r.a.identity).envelope).byteLength
    const one = prefixedFrames(SMALL)
    const batch = prefixedFrames(SMALL, RAW_BATCH)
    const batchList = prefixedFrameList(SMALL, RAW_BATCH)
    const pushDrops: number[] = []

    const push = async (): Promise<number> => {
      // gossip pushes with send(), yielding to the event loop every 100 messages (half the queue)
      const got = new Countdown()
      const unsubscribe = r.b.comm.subscribe(m => m.kind === 'memReq', () => { got.add() })
      try {
        const before = await metric(r.a, 'gossip_comm_overflow_count')
        const t0 = performance.now()
        for (let i = 0; i < n; i++) {
          r.a.comm.send(sealed, r.to)
          if (i % 100 === 99) await nextTurn()
        }
        const dropped = await metric(r.a, 'gossip_comm_overflow_count') - before
        await got.until(n - dropped)
        const t = performance.now() - t0
        pushDrops.push(dropped)
        // delivered messages per second, expressed as the time n would take at that rate
        return t * n / Math.max(1, n - dropped)
      } finally {
        unsubscribe()
      }
    }

    ctx.log(`small messages: ${n} per run, ${p.rounds} rounds (+1 warm-up)`)
    const s = await interleaved({
      raw: async () => await rawRun(r.raw, r.rawSink, one, n, 1),
      rawBatched: async () => await rawRun(r.raw, r.rawSink, batch, n, RAW_BATCH),
      rawBatchedList: async () => await rawRun(r.raw, r.rawSink, batchList, n, RAW_BATCH),
      rawOnGossip: async () => await rawRun(r.rawOnGossip, r.gossipSink, one, n, 1),
      sealed: async () => await commWaited(r, 'memReq', n, () => sealed),
      accepted: async () => await commWaited(r, 'memReq', n, () => sealed, 'accept'),
      signed: async () => await commWaited(r, 'memReq', n, i => memReq(known, NONCE_BASE + BigInt(i), r.a.identity)),
      push
    }, p.rounds, 1)

    // a naive loop of send() that never yields: the queue (200) overflows
    const got = new Countdown()
    const unsubscribe = r.b.comm.subscribe(m => m.kind === 'memReq', () => { got.add() })
    const before = await metric(r.a, 'gossip_comm_overflow_count')
    for (let i = 0; i < n; i++) r.a.comm.send(sealed, r.to)
    const naiveDropped = await metric(r.a, 'gossip_comm_overflow_count') - before
    await got.until(n - naiveDropped)
    unsubscribe()
    const dropsTotal = await metric(r.b, 'gossip_comm_dropped_messages')

    const rate = (ms: number[]): number => n / (median(ms) / 1000)
    const rates = (ms: number[]): number[] => ms.map(t => round(n / (t / 1000)))
    const base = { label: 'raw stream, 1 frame per send', value: rate(s.raw), samples: rates(s.raw) }
    const fig = (id: string, label: string, ms: number[], extra?: Record<string, number | string>): ReturnType<typeof figure> =>
      figure({ id, label, unit: 'msg/s', better: 'higher', value: rate(ms), baseline: base, samples: rates(ms), ...(extra != null ? { extra } : {}) })
    return {
      id: 'small',
      title: `Small messages (${SMALL}-byte payload), A -> B`,
      params: { messages: n, rounds: p.rounds, payloadBytes: SMALL, commFrameBytes: frameBytes, commSignedFrameBytes: signedFrameBytes, rawFrameBytes: SMALL, sendBuffSize: 200 },
      figures: [
        fig('small.sealed', 'comm sendAndWait -> subscribe (sealed once)', s.sealed, { dropped: 0 }),
        fig('small.accept', 'comm sendAndWait -> accept() (sealed once)', s.accepted),
        fig('small.signed', 'comm sendAndWait -> subscribe (signed each)', s.signed),
        fig('small.push', 'comm send() yielding every 100 -> subscribe', s.push, { 'dropped (median)': median(pushDrops) }),
        figure({ id: 'small.naive', label: `comm send() naive loop of ${n}: delivered`, unit: 'msgs', better: 'higher', value: n - naiveDropped, extra: { dropped: naiveDropped } }),
        fig('small.rawOnGossip', 'diag: raw stream on the gossip nodes\' libp2p', s.rawOnGossip),
        fig('small.rawBatched', `diag: raw stream, ${RAW_BATCH} frames per send, one buffer`, s.rawBatched),
        fig('small.rawBatchedList', `diag: raw stream, ${RAW_BATCH} frames per send, ${2 * RAW_BATCH}-chunk list`, s.rawBatchedList),
        figure({ id: 'small.receiverDrops', label: 'receiver drops (all runs)', unit: 'msgs', better: 'lower', value: dropsTotal })
      ]
    }
  } finally {
    await r.stop()
  }
}

// ---- 3. blocks ----

async function blocks (ctx: BenchContext, p: Params): Promise<Section> {
  const n = p.blocks
  const r = await rig(2 * MiB)
  try {
    const data = randomBytes(BLOCK)
    const block = dataMsg(data, 1n)
    const frame = prefixedFrames(BLOCK)
    ctx.log(`blocks: ${n} x 1 MiB per run, ${p.rounds} rounds (+1 warm-up)`)
    const s = await interleaved({
      raw: async () => await rawRun(r.raw, r.rawSink, frame, n, 1),
      rawOnGossip: async () => await rawRun(r.rawOnGossip, r.gossipSink, frame, n, 1),
      comm: async () => await commWaited(r, 'dataMsg', n, () => block)
    }, p.rounds, 1)
    const rate = (ms: number[]): number => n * BLOCK / MB / (median(ms) / 1000)
    const rates = (ms: number[]): number[] => ms.map(t => round(n * BLOCK / MB / (t / 1000)))
    const base = { label: 'raw stream, 1 MiB frames', value: rate(s.raw), samples: rates(s.raw) }
    return {
      id: 'blocks',
      title: 'Blocks (1 MiB), A -> B',
      params: { blocks: n, rounds: p.rounds, blockBytes: BLOCK, commFrameBytes: encodeEnvelope(block.envelope).byteLength },
      figures: [
        figure({ id: 'blocks.comm', label: 'comm sendAndWait(dataMsg) -> subscribe', unit: 'MB/s', better: 'higher', value: rate(s.comm), baseline: base, samples: rates(s.comm) }),
        figure({ id: 'blocks.rawOnGossip', label: 'diag: raw stream on the gossip nodes\' libp2p', unit: 'MB/s', better: 'higher', value: rate(s.rawOnGossip), baseline: base, samples: rates(s.rawOnGossip) })
      ]
    }
  } finally {
    await r.stop()
  }
}

// ---- 4. signatures ----

/** Runs `op` for at least `ms` milliseconds; operations per second. */
function opsPerSecond (op: () => number, ms: number): number {
  let n = 0
  let sink = 0
  const t0 = performance.now()
  let t = t0
  do {
    for (let i = 0; i < 16; i++) sink += op()
    n += 16
    t = performance.now()
  } while (t - t0 < ms)
  if (sink === -1) console.log(sink) // keeps the results alive
  return n / ((t - t0) / 1000)
}

async function signatures (ctx: BenchContext, p: Params): Promise<Section> {
  const layout = await testCrypto()
  const org = layout.orgs[0]
  const me = loadSigningIdentity(org.nodes[0].mspDir, org.mspId)
  const msps = new MspManager()
  msps.addMspFolder(org.mspDir, org.mspId)
  const keyFile = readdirSync(join(org.nodes[0].mspDir, 'keystore'))[0]
  const privateKey = createPrivateKey(readFileSync(join(org.nodes[0].mspDir, 'keystore', keyFile), 'utf8'))

  // an alive message as Fabric's discovery sends it every aliveTimeInterval (identity omitted, as in most)
  const alive = seal({
    tag: Tag.EMPTY,
    aliveMsg: {
      membership: { endpoint: 'peer0.org1.example.com:7051', metadata: new Uint8Array(0), pkiId: me.pkiId as Uint8Array<ArrayBuffer> },
      timestamp: { incNum: BigInt(Date.now()) * 1_000_000n, seqNum: 42n },
      identity: new Uint8Array(0)
    }
  }, me)
  const payload = alive.envelope.payload
  const sig = alive.envelope.signature
  const frame = encodeEnvelope(alive.envelope)
  if (!msps.verify(me.serialized, payload, sig)) throw new Error('the alive message does not verify')

  const ops = {
    sha256: () => createHash('sha256').update(payload).digest().byteLength,
    sign: () => me.sign(payload).byteLength,
    verify: () => verifySignature(me.publicKey, payload, sig) ? 1 : 0,
    mspVerify: () => msps.verify(me.serialized, payload, sig) ? 1 : 0,
    seal: () => seal(alive.message).envelope.payload.byteLength,
    sealSigned: () => seal(alive.message, me).envelope.signature.byteLength,
    openVerify: () => { const m = openEnvelope(frame); return msps.verify(me.serialized, m.envelope.payload, m.envelope.signature) ? 1 : 0 },
    nodeSign: () => nodeSign('sha256', payload, privateKey).byteLength,
    nodeVerify: () => nodeVerify('sha256', payload, me.publicKey, sig) ? 1 : 0
  }
  ctx.log(`signatures: ${p.cryptoMs} ms per operation and round, ${p.rounds} rounds (+1 warm-up)`)
  const runs = Object.fromEntries(Object.entries(ops).map(([k, op]) => [k, async () => opsPerSecond(op, p.cryptoMs)])) as Record<keyof typeof ops, () => Promise<number>>
  const s = await interleaved(runs, p.rounds, 1)
  const base = { label: `SHA-256 of the same ${payload.byteLength} bytes`, value: median(s.sha256) }
  const fig = (id: string, label: string, xs: number[]): ReturnType<typeof figure> =>
    figure({ id, label, unit: 'ops/s', better: 'higher', value: median(xs), baseline: base, samples: xs.map(round), extra: { 'us/op': round(1e6 / median(xs)) } })
  const signUs = 1e6 / median(s.sign)
  const verifyUs = 1e6 / median(s.mspVerify)
  return {
    id: 'crypto',
    title: `Signing an alive message (${payload.byteLength}-byte payload, ECDSA P-256 SHA-256)`,
    params: { msPerRound: p.cryptoMs, rounds: p.rounds, payloadBytes: payload.byteLength, signatureBytes: sig.byteLength },
    figures: [
      fig('crypto.sign', 'identity.sign() (low-S DER)', s.sign),
      fig('crypto.verify', 'verifySignature() (strict low-S)', s.verify),
      fig('crypto.mspVerify', 'MspManager.verify() (cached identity)', s.mspVerify),
      figure({ id: 'crypto.alive', label: 'one alive: sign + MspManager.verify', unit: 'ops/s', better: 'higher', value: 1e6 / (signUs + verifyUs), baseline: base, extra: { 'us/op': round(signUs + verifyUs) } }),
      fig('crypto.encode', 'seal() without signing (GossipMessage encode)', s.seal),
      fig('crypto.seal', 'seal() with signing (encode + sign)', s.sealSigned),
      fig('crypto.open', 'openEnvelope() + MspManager.verify', s.openVerify),
      fig('crypto.nodeSign', 'ref: node:crypto sign (DER, no low-S)', s.nodeSign),
      fig('crypto.nodeVerify', 'ref: node:crypto verify', s.nodeVerify)
    ]
  }
}

const bench: Benchmark = {
  name: 'comm',
  title: 'comm: connections, messages, blocks and signatures vs stock libp2p',
  async run (ctx) {
    const p = ctx.quick ? QUICK : FULL
    const sections: Section[] = []
    try {
      for (const run of [connectionSetup, smallMessages, blocks, signatures]) {
        const t0 = performance.now()
        const section = await run(ctx, p)
        section.params.seconds = round((performance.now() - t0) / 1000)
        sections.push(section)
      }
      return sections
    } finally {
      await cleanupTmp()
    }
  }
}

export default bench
