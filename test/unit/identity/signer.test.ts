import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto'
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCA, generateCryptoMaterial, issueCertificate } from '../../../src/identity/cryptogen.js'
import type { CryptoLayout } from '../../../src/identity/cryptogen.js'
import {
  createSigningIdentity,
  decodeEcdsaSignature,
  decodeSerializedIdentity,
  isLowS,
  loadSigningIdentity,
  MspConfigError,
  MspManager,
  verifySignature
} from '../../../src/identity/index.js'
import { certificateSignature, flipCertificateS, P256_N, tempDir } from './helpers.js'

const data = new TextEncoder().encode('payload')

describe('loadSigningIdentity', () => {
  const tmp = tempDir()
  let layout: CryptoLayout
  let peer0Msp: string
  let n = 0
  /** A copy of peer0's MSP folder to break. */
  const copyMsp = (): string => {
    const dir = join(tmp.dir, `copy${n++}`)
    cpSync(peer0Msp, dir, { recursive: true })
    return dir
  }

  before(async () => {
    layout = await generateCryptoMaterial({ out: join(tmp.dir, 'crypto'), orgs: 1, peers: 2, users: 0, tls: false })
    peer0Msp = layout.orgs[0].nodes[0].mspDir
  })
  after(() => { tmp.cleanup() })

  it('loads a cryptogen peer: serialized identity, PKI-ID, expiry', () => {
    const id = loadSigningIdentity(peer0Msp, 'Org1MSP')
    const filePem = readFileSync(layout.orgs[0].nodes[0].certPath)
    assert.equal(id.mspId, 'Org1MSP')
    assert.equal(id.certPem, filePem.toString('utf8'))
    const sid = decodeSerializedIdentity(id.serialized)
    assert.equal(sid.mspid, 'Org1MSP')
    assert.deepEqual(Buffer.from(sid.idBytes), filePem)
    const expected = createHash('sha256').update('Org1MSP').update(filePem).digest()
    assert.deepEqual(Buffer.from(id.pkiId), expected)
    assert.equal(id.notAfter.getTime(), Date.parse(new X509Certificate(filePem).validTo))
  })

  it('signs low-S DER signatures that verify with its key and through the MSP manager', () => {
    const id = loadSigningIdentity(peer0Msp, 'Org1MSP')
    const msps = new MspManager()
    msps.addMspFolder(layout.orgs[0].mspDir, 'Org1MSP')
    for (let i = 0; i < 16; i++) {
      const sig = id.sign(data)
      assert.ok(isLowS(decodeEcdsaSignature(sig).s, P256_N))
      assert.ok(verifySignature(id.publicKey, data, sig))
      assert.ok(msps.verify(id.serialized, data, sig))
    }
  })

  it('finds a key named <ski-hex>_sk, SEC1 EC PRIVATE KEY PEM, among other keys', () => {
    const dir = copyMsp()
    const keyPem = readFileSync(join(dir, 'keystore/priv_sk'), 'utf8')
    const ski = createHash('sha256').update('whatever').digest('hex')
    renameSync(join(dir, 'keystore/priv_sk'), join(dir, 'keystore', `${ski}_sk`))
    assert.ok(loadSigningIdentity(dir, 'Org1MSP').sign(data).length > 0)

    rmSync(join(dir, 'keystore', `${ski}_sk`))
    writeFileSync(join(dir, 'keystore', `${ski}_sk`), createPrivateKey(keyPem).export({ format: 'pem', type: 'sec1' }))
    writeFileSync(join(dir, 'keystore', 'aaaa_sk'), readFileSync(join(layout.orgs[0].nodes[1].keyPath)))
    writeFileSync(join(dir, 'keystore', 'README'), 'not a key')
    const id = loadSigningIdentity(dir, 'Org1MSP')
    assert.ok(verifySignature(id.publicKey, data, id.sign(data)))
  })

  it('reports a key that does not match the certificate, naming both paths', () => {
    const dir = copyMsp()
    writeFileSync(join(dir, 'keystore/priv_sk'), readFileSync(layout.orgs[0].nodes[1].keyPath))
    assert.throws(() => loadSigningIdentity(dir, 'Org1MSP'), (err: Error) => {
      assert.equal(err.name, 'MspConfigError')
      assert.equal((err as MspConfigError).reason, 'msp-config')
      assert.ok(err.message.includes(join(dir, 'keystore')), err.message)
      assert.ok(err.message.includes(join(dir, 'signcerts/peer0.org1.example.com-cert.pem')), err.message)
      assert.match(err.message, /does not match/)
      return true
    })
  })

  it('reports missing or unreadable material, naming the path', () => {
    const noCerts = copyMsp()
    rmSync(join(noCerts, 'signcerts'), { recursive: true })
    assert.throws(() => loadSigningIdentity(noCerts, 'Org1MSP'), { name: 'MspConfigError', message: `no certificate found in ${join(noCerts, 'signcerts')}` })

    const noKeys = copyMsp()
    rmSync(join(noKeys, 'keystore/priv_sk'))
    assert.throws(() => loadSigningIdentity(noKeys, 'Org1MSP'), { name: 'MspConfigError', message: `no private key found in ${join(noKeys, 'keystore')}` })

    const badCert = copyMsp()
    const certPath = join(badCert, 'signcerts/peer0.org1.example.com-cert.pem')
    writeFileSync(certPath, 'garbage')
    assert.throws(() => loadSigningIdentity(badCert, 'Org1MSP'), (err: Error) => err instanceof MspConfigError && err.message.startsWith(certPath))

    const badKey = copyMsp()
    writeFileSync(join(badKey, 'keystore/priv_sk'), '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n')
    assert.throws(() => loadSigningIdentity(badKey, 'Org1MSP'), (err: Error) => err instanceof MspConfigError && err.message.includes('not a private key'))

    assert.throws(() => loadSigningIdentity(join(tmp.dir, 'nowhere'), 'Org1MSP'), { name: 'MspConfigError' })
  })

  it('sanitises a high-S certificate signature like Fabric when the issuer is in cacerts/', () => {
    const dir = copyMsp()
    const certPath = join(dir, 'signcerts/peer0.org1.example.com-cert.pem')
    const original = readFileSync(certPath, 'utf8')
    const highS = flipCertificateS(original)
    assert.ok(!isLowS(decodeEcdsaSignature(certificateSignature(highS)).s, P256_N))
    writeFileSync(certPath, highS.replaceAll('\n', '\r\n'))
    const id = loadSigningIdentity(dir, 'Org1MSP')
    assert.equal(id.certPem, original, 'serialised as the low-S certificate')

    rmSync(join(dir, 'cacerts'), { recursive: true })
    assert.equal(loadSigningIdentity(dir, 'Org1MSP').certPem, highS, 'no issuer known: used as is')
  })
})

describe('createSigningIdentity', () => {
  it('builds an identity from PEM strings and checks the pair', async () => {
    const ca = await createCA('ca.org9.example.com')
    const a = await issueCertificate(ca, { cn: 'peer0.org9.example.com', ou: 'peer' })
    const b = await issueCertificate(ca, { cn: 'peer1.org9.example.com', ou: 'peer' })
    const id = createSigningIdentity('Org9MSP', a.certPem, a.keyPem, { caCerts: [ca.certPem] })
    assert.equal(id.certPem, a.certPem)
    assert.ok(verifySignature(id.publicKey, data, id.sign(data)))
    assert.throws(() => createSigningIdentity('Org9MSP', a.certPem, b.keyPem), { name: 'MspConfigError', message: 'private key does not match the certificate' })
    assert.throws(() => createSigningIdentity('Org9MSP', 'nope', a.keyPem), { name: 'MspConfigError' })
    assert.throws(() => createSigningIdentity('Org9MSP', a.certPem, 'nope'), { name: 'MspConfigError' })
  })
})
