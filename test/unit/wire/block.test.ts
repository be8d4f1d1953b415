import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, verify, X509Certificate } from 'node:crypto'
import { common } from '../../../src/pb/common.js'
import { msp } from '../../../src/pb/msp.js'
import { blockDataHash, blockHeaderBytes, blockHeaderHash, blockSignedBytes } from '../../../src/wire/block.js'
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
