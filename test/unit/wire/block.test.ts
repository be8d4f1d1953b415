import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, verify, X509Certificate } from 'node:crypto'
import { common } from '../../../src/pb/common.js'
import { msp } from '../../../src/pb/msp.js'
import { blockDataHash, blockHeaderBytes, blockHeaderHash, blockSignedBytes, envelopeFormProblem } from '../../../src/wire/block.js'
import type { BlockHeaderFields } from '../../../src/wire/block.js'
import { fixtureBlockNames, readFixtureBlock } from '../../helpers/fabric-fixtures.js'

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')
const fill = (n: number, byte: number): Uint8Array<ArrayBuffer> => new Uint8Array(n).fill(byte)

describe('blockDataHash', () => {
  test('is SHA-256 of the concatenated entries', () => {
    assert.equal(hex(blockDataHash([])), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    const parts = [Uint8Array.of(1, 2), Uint8Array.of(), Uint8Array.of(3)]
    assert.equal(hex(blockDataHash(parts)), createHash('sha256').update(Uint8Array.of(1, 2, 3)).digest('hex'))
  })

  for (const name of fixtureBlockNames()) {
    test(`matches header.data_hash of ${name}`, () => {
      const block = readFixtureBlock(name)
      assert.equal(hex(blockDataHash(block.data?.data ?? [])), hex(block.header?.dataHash ?? new Uint8Array(0)))
    })
  }
})

describe('blockHeaderBytes', () => {
  const header = (number: bigint, previousHash = new Uint8Array(0), dataHash = new Uint8Array(0)): BlockHeaderFields =>
    ({ number, previousHash, dataHash })

  test('INTEGER is minimal two\'s complement, positive with a leading zero when the top bit is set', () => {
    const cases: Array<[bigint, string]> = [
      [0n, '020100'],
      [1n, '020101'],
      [127n, '02017f'],
      [128n, '02020080'],
      [255n, '020200ff'],
      [256n, '02020100'],
      [32767n, '02027fff'],
      [32768n, '0203008000'],
      [2n ** 63n - 1n, '02087fffffffffffffff'],
      [2n ** 64n - 1n, '020900ffffffffffffffff'],
      // never a block number, but the encoding is general
      [-1n, '0201ff'],
      [-128n, '020180'],
      [-129n, '0202ff7f']
    ]
    for (const [number, integer] of cases) {
      const content = `${integer}04000400`
      assert.equal(hex(blockHeaderBytes(header(number))), `30${(content.length / 2).toString(16).padStart(2, '0')}${content}`, `number ${number}`)
    }
  })

  test('lengths of 128 and more use the long form', () => {
    const bytes = blockHeaderBytes(header(5n, fill(32, 0xaa), fill(200, 0xbb)))
    // SEQUENCE of 3 + 34 + 203 = 240 content bytes: 30 81 f0
    assert.equal(hex(bytes.subarray(0, 3)), '3081f0')
    assert.equal(hex(bytes.subarray(3, 8)), '0201050420')
    assert.equal(hex(bytes.subarray(40, 43)), '0481c8')
    assert.equal(bytes.length, 243)
    const big = blockHeaderBytes(header(5n, fill(32, 0xaa), fill(300, 0xbb)))
    assert.equal(hex(big.subarray(0, 4)), '30820155') // 3 + 34 + 304 = 341
    assert.equal(hex(big.subarray(41, 45)), '0482012c')
  })

  test('block3.pb: the orderer signature verifies over value || signature_header || header bytes', () => {
    const block = readFixtureBlock('block3.pb')
    assert.ok(block.header != null)
    // the same check for metadata[SIGNATURES] and for the signed LAST_CONFIG entry of this (Fabric 1.x) block
    for (const index of [0, 1]) {
      const metadata = common.Metadata.decode(block.metadata?.metadata[index] ?? new Uint8Array(0))
      assert.equal(metadata.signatures.length, 1)
      const { signatureHeader, signature } = metadata.signatures[0]
      const creator = msp.SerializedIdentity.decode(common.SignatureHeader.decode(signatureHeader).creator)
      const key = new X509Certificate(creator.idBytes).publicKey
      assert.ok(verify('sha256', blockSignedBytes(metadata.value, signatureHeader, block.header), key, signature), `metadata[${index}]`)
      const other = { ...block.header, number: block.header.number + 1n }
      assert.ok(!verify('sha256', blockSignedBytes(metadata.value, signatureHeader, other), key, signature))
    }
  })

  test('blockHeaderHash is SHA-256 of the header bytes', () => {
    const block = readFixtureBlock('block3.pb')
    assert.ok(block.header != null)
    assert.equal(hex(blockHeaderHash(block.header)), createHash('sha256').update(blockHeaderBytes(block.header)).digest('hex'))
  })
})

describe('envelopeFormProblem (Fabric VerifyTransactionsAreWellFormed: Go unmarshal, re-marshal, compare)', () => {
  const envelope = (payload: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>): Uint8Array => common.Envelope.encode({ payload, signature })
  const good = envelope(Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5, 6))
  const cat = (...parts: Array<Uint8Array | number[]>): Uint8Array => Uint8Array.from(parts.flatMap(p => [...p]))

  test('a payload and a signature field, in that order, is well formed', () => {
    assert.equal(envelopeFormProblem(good), undefined)
    const big = envelope(fill(300, 7), fill(200, 8)) // two-byte lengths
    assert.equal(envelopeFormProblem(big), undefined)
  })

  for (const name of fixtureBlockNames()) {
    test(`every transaction of ${name} is well formed, or its single config transaction has no signature`, () => {
      const data = readFixtureBlock(name).data?.data ?? []
      for (const entry of data) {
        const problem = envelopeFormProblem(entry)
        if (problem !== undefined) assert.equal(problem, 'has no signature') // configtxgen's genesis blocks
      }
    })
  }

  test('unknown fields after the signature are kept by Go and written back as they came: well formed', () => {
    assert.equal(envelopeFormProblem(cat(good, [0x1a, 0x00])), undefined) // field 3, empty bytes
    assert.equal(envelopeFormProblem(cat(good, [0x18, 0x96, 0x01, 0x25, 1, 2, 3, 4])), undefined) // varint 4, fixed32 5
    assert.equal(envelopeFormProblem(cat(good, [0x08, 0x05])), undefined) // field 1 as a varint: unknown to Go
    assert.equal(envelopeFormProblem(cat(good, [0x23, 0x08, 0x01, 0x24])), undefined) // a group (field 4) holding a varint
  })

  test('Fabric\'s forged block: two envelopes concatenated (the fields twice: the first pair lost on re-marshal)', () => {
    assert.equal(envelopeFormProblem(cat(good, envelope(Uint8Array.of(7, 8, 9), Uint8Array.of(10, 11, 12)))), 'does not match its canonical encoding')
  })

  test('fields out of order, an unknown field before the signature, or a length not minimal: re-marshalled differently', () => {
    const swapped = cat([0x12, 3, 4, 5, 6], [0x0a, 3, 1, 2, 3])
    const unknownBetween = cat([0x0a, 3, 1, 2, 3], [0x1a, 0x00], [0x12, 3, 4, 5, 6])
    const unknownFirst = cat([0x1a, 0x00], good)
    const longLength = cat([0x0a, 0x83, 0x00, 1, 2, 3], [0x12, 3, 4, 5, 6])
    const longTag = cat([0x8a, 0x00, 3, 1, 2, 3], [0x12, 3, 4, 5, 6])
    for (const raw of [swapped, unknownBetween, unknownFirst, longLength, longTag]) {
      assert.equal(envelopeFormProblem(raw), 'does not match its canonical encoding', Buffer.from(raw).toString('hex'))
    }
  })

  test('no payload or no signature (the last of repeated fields counts, as in Go)', () => {
    assert.equal(envelopeFormProblem(envelope(new Uint8Array(0), Uint8Array.of(1))), 'has no payload')
    assert.equal(envelopeFormProblem(envelope(Uint8Array.of(1), new Uint8Array(0))), 'has no signature')
    assert.equal(envelopeFormProblem(cat(good, [0x0a, 0x00])), 'has no payload')
    assert.equal(envelopeFormProblem(new Uint8Array(0)), 'has no payload')
  })

  test('bytes that do not parse as protobuf', () => {
    const cases: Array<[number[] | Uint8Array, RegExp]> = [
      [[0x0a, 0x05, 1, 2], /truncated/], // payload longer than the entry
      [[0x80], /bad tag/], // tag varint cut short
      [[0x00, 0x00], /field number 0/],
      [cat(good, [0x1e]), /malformed field/], // wire type 6
      [cat(good, [0x24]), /malformed field/], // an end group without its start
      [cat(good, [0x23, 0x2c]), /malformed field/], // group 4 closed as group 5
      [cat(good, [0x23, 0x08, 0x01]), /malformed field/], // a group never closed
      [cat(good, [0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02]), /malformed field/], // varint over 64 bits
      [cat(good, [0x19, 1, 2, 3]), /malformed field/], // fixed64 cut short
      [Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x10), /field number 536870912/] // 2^29: beyond protowire's MaxValidNumber
    ]
    for (const [raw, problem] of cases) assert.match(envelopeFormProblem(Uint8Array.from(raw)) ?? '', problem, Buffer.from(raw).toString('hex'))
  })

  test('deeply nested groups are bounded (protowire\'s recursion limit)', () => {
    const depth = 10_001
    const nested = cat(good, new Array(depth).fill(0x23), new Array(depth).fill(0x24))
    assert.match(envelopeFormProblem(nested) ?? '', /malformed field/)
    const fine = cat(good, new Array(100).fill(0x23), new Array(100).fill(0x24))
    assert.equal(envelopeFormProblem(fine), undefined)
  })
})
