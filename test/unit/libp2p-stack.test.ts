import { describe, it, after } from 'node:test'
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { createLibp2p, type Libp2p } from 'libp2p'
import { LengthPrefixedDecoder } from '@libp2p/utils'
import { Uint8ArrayList } from 'uint8arraylist'
import type { Stream } from '@libp2p/interface'
import { defaultCrypto } from '@chainsafe/libp2p-noise/crypto'
import { Registry } from 'prom-client'
import { libp2pStack, stackMetrics, noiseCrypto, noiseFrameLength, noiseLengthReader, x25519Agreements } from '../../src/libp2p-stack.js'
import { rawNode } from '../helpers/raw.js'

const ECHO = '/fgossip-test/echo/1.0.0'

/** Noise's transport framing: a 2-byte big-endian length, then the frame. */
function frames (...payloads: Uint8Array[]): Uint8Array {
  const out = new Uint8ArrayList()
  for (const p of payloads) out.append(Uint8Array.of(p.byteLength >> 8, p.byteLength & 0xff), p)
  return out.subarray()
}

describe('quiet Noise length reader', () => {
  it('splits frames fed one byte at a time, as the stock reader does, without throwing', () => {
    const payloads = [randomBytes(1), randomBytes(300), new Uint8Array(0), randomBytes(65_535), randomBytes(2)]
    const decoder = new LengthPrefixedDecoder({ lengthDecoder: noiseFrameLength, maxBufferSize: 16 * 1024 * 1024, encodingLength: () => 2 })
    const wire = frames(...payloads)
    const got: Uint8Array[] = []
    for (let i = 0; i < wire.byteLength; i++) {
      for (const f of decoder.decode(wire.subarray(i, i + 1))) got.push(f.subarray())
    }
    // the decoder yields no empty frame (as with the stock reader)
    assert.deepEqual(got.map(b => Buffer.from(b).toString('hex')), payloads.filter(p => p.byteLength > 0).map(b => Buffer.from(b).toString('hex')))
  })

  it('reads a length from a Uint8Array and from a list split inside the length', () => {
    assert.equal(noiseFrameLength(Uint8Array.of(0x12, 0x34, 9)), 0x1234)
    assert.equal(noiseFrameLength(new Uint8ArrayList(Uint8Array.of(0xff), Uint8Array.of(0xfe))), 0xfffe)
    assert.equal(noiseFrameLength(new Uint8Array(0)), 0)
    assert.equal(noiseFrameLength(Uint8Array.of(7)), 0)
  })
})

describe('Noise X25519 with kept key objects', () => {
  const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

  it('agrees on the same secret as Noise\'s default crypto, from the bytes it hands out', () => {
    for (let i = 0; i < 20; i++) {
      const a = noiseCrypto.generateX25519KeyPair()
      const b = defaultCrypto.generateX25519KeyPair()
      assert.equal(a.publicKey.byteLength, 32)
      assert.equal(a.privateKey.byteLength, 32)
      const before = { ...x25519Agreements }
      const ours = noiseCrypto.generateX25519SharedKey(a.privateKey, b.publicKey)
      assert.equal(x25519Agreements.keyObjects - before.keyObjects, 1)
      // the default imports both keys from their bytes: the bytes handed out are the key pair's
      assert.equal(hex(ours), hex(defaultCrypto.generateX25519SharedKey(a.privateKey, b.publicKey)))
      assert.equal(hex(ours), hex(defaultCrypto.generateX25519SharedKey(b.privateKey, a.publicKey)))
      // a public key split across a list
      // (Noise depends on its own copy of uint8arraylist: the same class at runtime, another type)
      const split = new Uint8ArrayList(b.publicKey.subarray(0, 7), b.publicKey.subarray(7)) as unknown as Parameters<typeof noiseCrypto.generateX25519SharedKey>[1]
      assert.equal(hex(noiseCrypto.generateX25519SharedKey(a.privateKey, split)), hex(ours))
    }
  })

  it('takes a private key it did not generate from its bytes, Noise\'s own way', () => {
    const a = defaultCrypto.generateX25519KeyPair()
    const b = noiseCrypto.generateX25519KeyPair()
    const before = { ...x25519Agreements }
    const copy = Uint8Array.from(b.privateKey) // the same key, not the object handed out
    assert.equal(hex(noiseCrypto.generateX25519SharedKey(a.privateKey, b.publicKey)), hex(noiseCrypto.generateX25519SharedKey(copy, a.publicKey)))
    assert.deepEqual({ keyObjects: x25519Agreements.keyObjects - before.keyObjects, imported: x25519Agreements.imported - before.imported }, { keyObjects: 0, imported: 2 })
  })

  it('refuses a public key of the wrong length, as the default does', () => {
    const a = noiseCrypto.generateX25519KeyPair()
    assert.throws(() => noiseCrypto.generateX25519SharedKey(a.privateKey, new Uint8Array(31)))
    assert.throws(() => defaultCrypto.generateX25519SharedKey(a.privateKey, new Uint8Array(31)))
  })
})

describe('the node stack over TCP', () => {
  const nodes: Libp2p[] = []
  after(async () => { await Promise.all(nodes.map(async n => { await n.stop() })) })

  async function echoNode (stock: boolean): Promise<Libp2p> {
    const node = stock ? await rawNode() : await createLibp2p({ ...libp2pStack(), addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] } })
    await node.handle(ECHO, (stream: Stream) => {
      stream.addEventListener('message', evt => { stream.send(evt.data) })
      stream.addEventListener('remoteCloseWrite', () => { void stream.close() })
    })
    nodes.push(node)
    return node
  }

  async function echo (from: Libp2p, to: Libp2p, bytes: Uint8Array): Promise<Uint8Array> {
    const stream = await from.dialProtocol(to.getMultiaddrs()[0], ECHO)
    const back = new Uint8ArrayList()
    const done = new Promise<void>(resolve => {
      stream.addEventListener('message', evt => {
        back.append(evt.data)
        if (back.byteLength >= bytes.byteLength) resolve()
      })
    })
    // several writes of odd sizes: Noise frames (at most 65,535 bytes) end anywhere in the socket's chunks
    for (let i = 0; i < bytes.byteLength; i += 70_001) stream.send(bytes.subarray(i, i + 70_001))
    await done
    await stream.close()
    return back.subarray()
  }

  it('carries data both ways between our stack and a stock libp2p node, with the quiet reader on every session', { timeout: 60_000 }, async () => {
    const before = { ...noiseLengthReader }
    const agreements = { ...x25519Agreements }
    const ours = await echoNode(false)
    const ours2 = await echoNode(false)
    const stock = await echoNode(true)
    const bytes = randomBytes(1_500_000)
    assert.deepEqual(Buffer.from(await echo(ours, ours2, bytes)), bytes)
    assert.deepEqual(Buffer.from(await echo(ours, stock, bytes)), bytes)
    assert.deepEqual(Buffer.from(await echo(stock, ours2, bytes)), bytes)
    // ours -> ours2 (both ends), ours -> stock (ours' end), stock -> ours2 (ours2's end)
    assert.equal(noiseLengthReader.applied - before.applied, 4)
    assert.equal(noiseLengthReader.skipped - before.skipped, 0, 'a Noise session not of the shape the quiet reader expects: check @chainsafe/libp2p-noise')
    // XX makes 3 agreements on each side: 4 of our sides, every one from kept key objects
    assert.equal(x25519Agreements.keyObjects - agreements.keyObjects, 12)
    assert.equal(x25519Agreements.imported - agreements.imported, 0)
  })
})

describe('the stack\'s metrics', () => {
  it('serves libp2p\'s and Node\'s default metrics on the node\'s registry', async () => {
    const registry = new Registry()
    const node = await createLibp2p({ ...libp2pStack(), addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] }, metrics: stackMetrics(registry) })
    try {
      const text = await registry.metrics()
      for (const name of ['nodejs_eventloop_lag_p99_seconds', 'process_cpu_seconds_total', 'nodejs_heap_size_used_bytes', 'libp2p_connection_manager_connections']) {
        assert.match(text, new RegExp(`^${name}`, 'm'), name)
      }
    } finally {
      await node.stop()
    }
  })
})
