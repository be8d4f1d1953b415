import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCA, generateCryptoMaterial, issueCertificate, loadCA } from '../../../src/identity/cryptogen.js'
import type { CertificateAuthority, CryptoLayout } from '../../../src/identity/cryptogen.js'
import {
  CertificateExpiredError,
  computePkiId,
  createSigningIdentity,
  encodeSerializedIdentity,
  IdentityError,
  loadSigningIdentity,
  MalformedIdentityError,
  MspConfigError,
  MspManager,
  UnknownOrgError,
  UntrustedCertificateError
} from '../../../src/identity/index.js'
import type { SigningIdentity } from '../../../src/identity/index.js'
import { pemBlocks } from '../../../src/identity/pem.js'
import { flipS, tempDir } from './helpers.js'

const enc = new TextEncoder()
const data = enc.encode('alive')
const day = 86_400_000
const serialize = (mspId: string, pem: string): Uint8Array => encodeSerializedIdentity(mspId, enc.encode(pem))

function expectError (fn: () => unknown, type: new (message?: string) => IdentityError, name: string, reason: string, message?: RegExp): void {
  assert.throws(fn, (err: Error) => {
    assert.ok(err instanceof type, `expected ${name}, got ${err.name}: ${err.message}`)
    assert.ok(err instanceof IdentityError)
    assert.equal(err.name, name)
    assert.equal(type.name, name)
    assert.equal((err as IdentityError).reason, reason)
    if (message !== undefined) assert.match(err.message, message)
    return true
  })
}

describe('MspManager', () => {
  const tmp = tempDir()
  let layout: CryptoLayout
  let peer: SigningIdentity
  let org1Ca: CertificateAuthority
  let msps: MspManager

  before(async () => {
    layout = await generateCryptoMaterial({ out: join(tmp.dir, 'crypto'), orgs: 2, peers: 1, users: 1, tls: false })
    peer = loadSigningIdentity(layout.orgs[0].nodes[0].mspDir, 'Org1MSP')
    org1Ca = await loadCA(readFileSync(layout.orgs[0].caCertPath, 'utf8'), readFileSync(layout.orgs[0].caKeyPath, 'utf8'))
  })
  after(() => { tmp.cleanup() })

  const fresh = (): MspManager => {
    const m = new MspManager()
    m.addMspFolder(layout.orgs[0].mspDir, 'Org1MSP')
    m.addMspFolder(layout.orgs[1].mspDir, 'Org2MSP')
    return m
  }
  before(() => { msps = fresh() })

  it('knows the orgs it was given', () => {
    assert.deepEqual(msps.orgs(), ['Org1MSP', 'Org2MSP'])
    assert.ok(msps.hasOrg('Org2MSP'))
    assert.ok(!msps.hasOrg('Org3MSP'))
  })

  it('accepts a valid identity and describes it', () => {
    const id = msps.validate(peer.serialized)
    assert.equal(id.mspId, 'Org1MSP')
    assert.deepEqual(id.pkiId, peer.pkiId)
    assert.deepEqual(id.pkiId, computePkiId('Org1MSP', enc.encode(peer.certPem)))
    assert.deepEqual(id.serialized, peer.serialized)
    assert.equal(id.certPem, peer.certPem)
    assert.equal(id.commonName, 'peer0.org1.example.com')
    assert.deepEqual(id.organizationalUnits, ['peer'])
    assert.equal(id.notAfter.getTime(), peer.notAfter.getTime())
    assert.ok(id.publicKey.equals(peer.publicKey))
    assert.equal(id.cert.subject.split('\n').at(-1), 'CN=peer0.org1.example.com')
    const user = loadSigningIdentity(layout.orgs[1].users[1].mspDir, 'Org2MSP')
    assert.deepEqual(msps.validate(user.serialized).organizationalUnits, ['client'])
  })

  it('verifies signatures: true for a good one, false for bad bytes, never throwing on them', () => {
    const sig = peer.sign(data)
    assert.equal(msps.verify(peer.serialized, data, sig), true)
    assert.equal(msps.verify(peer.serialized, enc.encode('other'), sig), false)
    assert.equal(msps.verify(peer.serialized, data, flipS(sig)), false, 'high-S refused')
    assert.equal(msps.verify(peer.serialized, data, new Uint8Array(0)), false)
    assert.equal(msps.verify(peer.serialized, data, enc.encode('garbage')), false)
    const other = loadSigningIdentity(layout.orgs[1].nodes[0].mspDir, 'Org2MSP')
    assert.equal(msps.verify(other.serialized, data, sig), false, 'signed by someone else')
  })

  it('refuses an unknown MSP ID', () => {
    expectError(() => msps.validate(serialize('Org3MSP', peer.certPem)), UnknownOrgError, 'UnknownOrgError', 'unknown-org', /Org3MSP/)
    expectError(() => msps.verify(serialize('Org3MSP', peer.certPem), data, peer.sign(data)), UnknownOrgError, 'UnknownOrgError', 'unknown-org')
  })

  it('refuses a certificate from an unknown CA under a known MSP ID, even with the same CA name', async () => {
    const rogueCa = await createCA('ca.org1.example.com')
    const rogue = await issueCertificate(rogueCa, { cn: 'peer0.org1.example.com', ou: 'peer' })
    expectError(() => msps.validate(serialize('Org1MSP', rogue.certPem)), UntrustedCertificateError, 'UntrustedCertificateError', 'untrusted-cert', /not issued by a CA of Org1MSP/)
  })

  it('refuses a certificate of another known org claimed under the wrong MSP ID', () => {
    const org2Pem = readFileSync(layout.orgs[1].nodes[0].certPath, 'utf8')
    expectError(() => msps.validate(serialize('Org1MSP', org2Pem)), UntrustedCertificateError, 'UntrustedCertificateError', 'untrusted-cert')
    assert.equal(msps.validate(serialize('Org2MSP', org2Pem)).mspId, 'Org2MSP')
  })

  it('refuses a CA certificate used as an identity', () => {
    expectError(() => msps.validate(serialize('Org1MSP', readFileSync(layout.orgs[0].caCertPath, 'utf8'))),
      UntrustedCertificateError, 'UntrustedCertificateError', 'untrusted-cert', /CA certificate/)
  })

  it('refuses expired and not-yet-valid certificates issued by the right CA', async () => {
    const now = Date.now()
    const expired = await issueCertificate(org1Ca, { cn: 'old.org1.example.com', notBefore: new Date(now - 400 * day), notAfter: new Date(now - day) })
    expectError(() => msps.validate(serialize('Org1MSP', expired.certPem)), CertificateExpiredError, 'CertificateExpiredError', 'expired-cert', /certificate CN=old.org1.example.com is expired/)
    const future = await issueCertificate(org1Ca, { cn: 'new.org1.example.com', notBefore: new Date(now + day) })
    expectError(() => msps.validate(serialize('Org1MSP', future.certPem)), CertificateExpiredError, 'CertificateExpiredError', 'expired-cert', /not yet valid/)
    // inside the leaf's window the CA (made minutes ago) is what is not yet valid
    expectError(() => msps.validate(serialize('Org1MSP', expired.certPem), new Date(now - 100 * day)), CertificateExpiredError,
      'CertificateExpiredError', 'expired-cert', /CA certificate CN=ca.org1.example.com is not yet valid/)
    assert.equal(msps.validate(serialize('Org1MSP', future.certPem), new Date(now + 2 * day)).commonName, 'new.org1.example.com')
  })

  it('re-checks the validity period of cached identities against now', () => {
    const m = fresh()
    m.validate(peer.serialized)
    assert.equal(m.validate(peer.serialized), m.validate(peer.serialized), 'served from the cache')
    expectError(() => m.validate(peer.serialized, new Date(peer.notAfter.getTime() + 1000)), CertificateExpiredError, 'CertificateExpiredError', 'expired-cert')
    expectError(() => m.verify(peer.serialized, data, peer.sign(data), new Date('1999-01-01')), CertificateExpiredError, 'CertificateExpiredError', 'expired-cert', /not yet valid/)
    assert.equal(m.validate(peer.serialized).mspId, 'Org1MSP')
  })

  it('refuses identities whose CA certificate is expired', async () => {
    const now = Date.now()
    const oldCa = await createCA('ca.old.example.com', { notBefore: new Date(now - 800 * day), notAfter: new Date(now - day) })
    const leaf = await issueCertificate(oldCa, { cn: 'peer0.old.example.com' })
    const m = new MspManager()
    m.addOrg('OldMSP', [oldCa.certPem])
    expectError(() => m.validate(serialize('OldMSP', leaf.certPem)), CertificateExpiredError, 'CertificateExpiredError', 'expired-cert', /CA certificate CN=ca.old.example.com is expired/)
  })

  it('refuses malformed bytes', () => {
    const cases: Uint8Array[] = [
      Uint8Array.of(0xff, 0xff, 0xff, 0xff),
      new Uint8Array(0),
      serialize('Org1MSP', 'not a certificate'),
      serialize('Org1MSP', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'),
      encodeSerializedIdentity('Org1MSP', pemBlocks(peer.certPem)[0].der), // DER, Fabric wants PEM
      serialize('', peer.certPem)
    ]
    for (const bytes of cases) expectError(() => msps.validate(bytes), MalformedIdentityError, 'MalformedIdentityError', 'malformed')
  })

  it('validates through intermediate CAs', async () => {
    const root = await createCA('ca.chain.example.com')
    const inter = await createCA('ica.chain.example.com', { issuer: root })
    const leaf = await issueCertificate(inter, { cn: 'peer0.chain.example.com', ou: 'peer' })
    const withInter = new MspManager()
    withInter.addOrg('ChainMSP', [root.certPem], [inter.certPem])
    const id = createSigningIdentity('ChainMSP', leaf.certPem, leaf.keyPem, { caCerts: [root.certPem, inter.certPem] })
    assert.ok(withInter.verify(id.serialized, data, id.sign(data)))

    const direct = await issueCertificate(root, { cn: 'direct.chain.example.com' })
    expectError(() => withInter.validate(serialize('ChainMSP', direct.certPem)), UntrustedCertificateError, 'UntrustedCertificateError',
      'untrusted-cert', /identities must be issued by a leaf CA/)

    const rootOnly = new MspManager()
    rootOnly.addOrg('ChainMSP', [root.certPem])
    expectError(() => rootOnly.validate(id.serialized), UntrustedCertificateError, 'UntrustedCertificateError', 'untrusted-cert')

    const strangerInter = await createCA('ica.stranger.example.com', { issuer: await createCA('ca.stranger.example.com') })
    expectError(() => new MspManager().addOrg('ChainMSP', [root.certPem], [strangerInter.certPem]), MspConfigError, 'MspConfigError', 'msp-config', /does not chain/)
  })

  it('takes CA certificates as CRLF PEM, PEM bytes (genesis blocks) or DER', () => {
    const pem = readFileSync(layout.orgs[0].caCertPath, 'utf8')
    for (const input of [pem.replaceAll('\n', '\r\n'), enc.encode(pem), pemBlocks(pem)[0].der]) {
      const m = new MspManager()
      m.addOrg('Org1MSP', [input])
      assert.equal(m.validate(peer.serialized).mspId, 'Org1MSP')
    }
    // a CRLF identity PEM is fine too (its PKI-ID is of the bytes as sent)
    const crlf = serialize('Org1MSP', peer.certPem.replaceAll('\n', '\r\n'))
    assert.deepEqual(msps.validate(crlf).pkiId, computePkiId('Org1MSP', enc.encode(peer.certPem.replaceAll('\n', '\r\n'))))
  })

  it('refuses bad CA material with MspConfigError', () => {
    const m = new MspManager()
    expectError(() => m.addOrg('X', []), MspConfigError, 'MspConfigError', 'msp-config', /at least one root/)
    expectError(() => m.addOrg('X', ['garbage']), MspConfigError, 'MspConfigError', 'msp-config', /does not parse/)
    expectError(() => m.addOrg('X', [peer.certPem]), MspConfigError, 'MspConfigError', 'msp-config', /not a CA/)
    expectError(() => m.addOrg('', [readFileSync(layout.orgs[0].caCertPath, 'utf8')]), MspConfigError, 'MspConfigError', 'msp-config')
    expectError(() => m.addMspFolder(join(tmp.dir, 'missing'), 'X'), MspConfigError, 'MspConfigError', 'msp-config', new RegExp(join(tmp.dir, 'missing', 'cacerts')))
    assert.deepEqual(m.orgs(), [])
  })

  it('forgets cached identities when an org is replaced or removed', async () => {
    const m = fresh()
    m.validate(peer.serialized)
    const rogueCa = await createCA('ca.org1.example.com')
    m.addOrg('Org1MSP', [rogueCa.certPem])
    expectError(() => m.validate(peer.serialized), UntrustedCertificateError, 'UntrustedCertificateError', 'untrusted-cert')
    assert.equal(m.removeOrg('Org1MSP'), true)
    assert.equal(m.removeOrg('Org1MSP'), false)
    expectError(() => m.validate(peer.serialized), UnknownOrgError, 'UnknownOrgError', 'unknown-org')
  })

  it('keeps working with a tiny cache', () => {
    const m = new MspManager({ cacheSize: 1 })
    m.addMspFolder(layout.orgs[0].mspDir, 'Org1MSP')
    const admin = loadSigningIdentity(layout.orgs[0].users[0].mspDir, 'Org1MSP')
    for (let i = 0; i < 3; i++) {
      assert.equal(m.validate(peer.serialized).commonName, 'peer0.org1.example.com')
      assert.equal(m.validate(admin.serialized).commonName, 'Admin@org1.example.com')
    }
    const none = new MspManager({ cacheSize: 0 })
    none.addMspFolder(layout.orgs[0].mspDir, 'Org1MSP')
    assert.notEqual(none.validate(peer.serialized), none.validate(peer.serialized))
  })

  it('validates quickly from the cache', () => {
    const m = fresh()
    const t0 = performance.now()
    m.validate(peer.serialized)
    const first = performance.now() - t0
    const t1 = performance.now()
    for (let i = 0; i < 1000; i++) m.validate(peer.serialized)
    const cached = (performance.now() - t1) / 1000
    assert.ok(cached < 1, `cached validation took ${cached} ms (first ${first} ms)`)
  })
})
