/**
 * Against material made by real Fabric (cryptogen certificates, an orderer's block signature): the blocks
 * of the shared fixtures, decoded with Fabric's own protobuf bindings as an oracle.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import protos from '@hyperledger/fabric-protos'
import { encodeTlv, encodeUnsignedInteger } from '../../../src/identity/der.js'
import {
  CertificateExpiredError,
  decodeSerializedIdentity,
  MspManager,
  pkiIdOfSerialized,
  verifySignature
} from '../../../src/identity/index.js'
import { flipS } from './helpers.js'
import { FABRIC_BLOCKS_DIR } from '../../helpers/fabric-fixtures.js'


/** Every PEM certificate embedded in a block, with its subject CN. */
function embeddedCerts (bytes: Uint8Array): Array<{ pem: string, cn: string, ca: boolean }> {
  const text = Buffer.from(bytes).toString('latin1')
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g)].map(m => {
    const cert = new X509Certificate(m[0])
    return { pem: m[0], cn: cert.subject.split('\n').find(l => l.startsWith('CN='))!.slice(3), ca: cert.ca }
  })
}

describe('interop with Fabric-made material', () => {
  const dir = FABRIC_BLOCKS_DIR

  it('verifies the orderer signature of block 3 and validates its creator', () => {
    const { common } = protos
    const block = common.Block.deserializeBinary(readFileSync(join(dir, 'block3.pb')))
    const metadata = common.Metadata.deserializeBinary(block.getMetadata()!.getMetadataList_asU8()[0])
    const ms = metadata.getSignaturesList()[0]
    const sigHeaderBytes = ms.getSignatureHeader_asU8()
    const creator = common.SignatureHeader.deserializeBinary(sigHeaderBytes).getCreator_asU8()
    const header = block.getHeader()!
    const headerDer = encodeTlv(0x30, encodeUnsignedInteger(BigInt(header.getNumber())),
      encodeTlv(0x04, header.getPreviousHash_asU8()), encodeTlv(0x04, header.getDataHash_asU8()))
    const signed = Buffer.concat([metadata.getValue_asU8(), sigHeaderBytes, headerDer])

    const sid = decodeSerializedIdentity(creator)
    assert.equal(sid.mspid, 'OrdererMSP')
    assert.deepEqual(Buffer.from(pkiIdOfSerialized(creator)), createHash('sha256').update(sid.mspid).update(sid.idBytes).digest())

    const ordererCa = embeddedCerts(readFileSync(join(dir, 'block3.pb'))).find(c => c.cn === 'ca.example.com')!
    const msps = new MspManager()
    msps.addOrg('OrdererMSP', [new TextEncoder().encode(ordererCa.pem)])
    const at = new Date('2020-06-01T00:00:00Z') // inside the 2018-2028 validity of the fixture certificates
    const id = msps.validate(creator, at)
    assert.equal(id.commonName, 'orderer.example.com')
    assert.equal(msps.verify(creator, signed, ms.getSignature_asU8(), at), true)
    assert.equal(verifySignature(id.publicKey, signed, flipS(ms.getSignature_asU8())), false)
    assert.equal(verifySignature(id.publicKey, signed.subarray(1), ms.getSignature_asU8()), false)
    assert.throws(() => msps.validate(creator, new Date('2030-01-01')), CertificateExpiredError)
  })

  it('takes the root certificates a genesis block carries and validates the admins of each org', () => {
    const certs = embeddedCerts(readFileSync(join(dir, 'mychannel.block')))
    const msps = new MspManager()
    const at = new Date('2020-06-01T00:00:00Z')
    for (const [mspId, domain] of [['Org1MSP', 'org1.example.com'], ['Org2MSP', 'org2.example.com'], ['OrdererMSP', 'example.com']]) {
      const root = certs.find(c => c.ca && c.cn === `ca.${domain}`)!
      msps.addOrg(mspId, [new TextEncoder().encode(root.pem)])
      const admin = certs.find(c => !c.ca && c.cn === `Admin@${domain}`)!
      const serialized = new protos.msp.SerializedIdentity()
      serialized.setMspid(mspId)
      serialized.setIdBytes(new TextEncoder().encode(admin.pem))
      assert.equal(msps.validate(serialized.serializeBinary(), at).commonName, `Admin@${domain}`)
    }
  })
})
