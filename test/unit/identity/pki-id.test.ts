import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import protos from '@hyperledger/fabric-protos'
import {
  computePkiId,
  encodeSerializedIdentity,
  IdentityError,
  MalformedIdentityError,
  pkiIdOfSerialized,
  pkiIdToHex
} from '../../../src/identity/index.js'

const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'
const idBytes = new TextEncoder().encode(pem)

describe('PKI-IDs', () => {
  it('is SHA256(mspid || id_bytes)', () => {
    const expected = createHash('sha256').update(Buffer.concat([Buffer.from('Org1MSP'), Buffer.from(pem)])).digest()
    const pkiId = computePkiId('Org1MSP', idBytes)
    assert.equal(pkiId.constructor, Uint8Array)
    assert.deepEqual(pkiId, new Uint8Array(expected))
    assert.equal(pkiIdToHex(pkiId), expected.toString('hex'))
  })

  it('encodes SerializedIdentity byte-identically to Fabric and hashes it back', () => {
    const ours = encodeSerializedIdentity('Org1MSP', idBytes)
    const fabric = new protos.msp.SerializedIdentity()
    fabric.setMspid('Org1MSP')
    fabric.setIdBytes(idBytes)
    assert.deepEqual(Buffer.from(ours), Buffer.from(fabric.serializeBinary()))
    assert.deepEqual(pkiIdOfSerialized(ours), computePkiId('Org1MSP', idBytes))
  })

  it('differs per MSP ID for the same certificate', () => {
    assert.notDeepEqual(computePkiId('Org1MSP', idBytes), computePkiId('Org2MSP', idBytes))
  })

  it('throws MalformedIdentityError on bytes that are not a usable SerializedIdentity', () => {
    const cases = [
      Uint8Array.of(0xff, 0xff, 0xff), // truncated varint
      new Uint8Array(0), // empty
      encodeSerializedIdentity('', idBytes), // no MSP ID
      encodeSerializedIdentity('Org1MSP', new Uint8Array(0)) // no certificate
    ]
    for (const bytes of cases) {
      assert.throws(() => pkiIdOfSerialized(bytes), (err: Error) => {
        assert.ok(err instanceof MalformedIdentityError)
        assert.ok(err instanceof IdentityError)
        assert.equal(err.name, 'MalformedIdentityError')
        assert.equal((err as MalformedIdentityError).reason, 'malformed')
        return true
      })
    }
  })
})
