import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { generateCryptoMaterial, createCA, issueCertificate, loadCA } from '../../../src/identity/cryptogen.js'
import type { CryptoLayout } from '../../../src/identity/cryptogen.js'
import * as x509 from '@peculiar/x509' // after cryptogen.js, which loads reflect-metadata first
import { decodeEcdsaSignature, isLowS } from '../../../src/identity/index.js'
import { certificateSignature, P256_N, tempDir } from './helpers.js'

function peculiar (pem: string): x509.X509Certificate {
  return new x509.X509Certificate(pem)
}

function ski (cert: X509Certificate): string {
  const raw = cert.publicKey.export({ format: 'jwk' })
  const point = Buffer.concat([Buffer.of(4), Buffer.from(raw.x as string, 'base64url'), Buffer.from(raw.y as string, 'base64url')])
  return createHash('sha256').update(point).digest('hex')
}

const nodeOuYaml = (ca: string): string => `NodeOUs:
  Enable: true
  ClientOUIdentifier:
    Certificate: cacerts/${ca}
    OrganizationalUnitIdentifier: client
  PeerOUIdentifier:
    Certificate: cacerts/${ca}
    OrganizationalUnitIdentifier: peer
  AdminOUIdentifier:
    Certificate: cacerts/${ca}
    OrganizationalUnitIdentifier: admin
  OrdererOUIdentifier:
    Certificate: cacerts/${ca}
    OrganizationalUnitIdentifier: orderer
`

describe('generateCryptoMaterial (cryptogen layout)', () => {
  const tmp = tempDir()
  let layout: CryptoLayout
  let millis = 0

  before(async () => {
    const t = performance.now()
    layout = await generateCryptoMaterial({ out: join(tmp.dir, 'crypto'), orgs: 2, peers: 2, orderer: true })
    millis = performance.now() - t
  })
  after(() => { tmp.cleanup() })

  it('writes every file of the cryptogen layout', () => {
    const out = join(tmp.dir, 'crypto')
    const files: string[] = []
    const localMsp = (base: string, name: string, ca: string, tlsca: string): void => {
      files.push(`${base}/msp/signcerts/${name}-cert.pem`, `${base}/msp/keystore/priv_sk`, `${base}/msp/cacerts/${ca}-cert.pem`,
        `${base}/msp/tlscacerts/${tlsca}-cert.pem`, `${base}/msp/config.yaml`)
    }
    for (const org of ['org1.example.com', 'org2.example.com']) {
      const base = `peerOrganizations/${org}`
      files.push(`${base}/ca/ca.${org}-cert.pem`, `${base}/ca/priv_sk`, `${base}/tlsca/tlsca.${org}-cert.pem`, `${base}/tlsca/priv_sk`,
        `${base}/msp/cacerts/ca.${org}-cert.pem`, `${base}/msp/tlscacerts/tlsca.${org}-cert.pem`, `${base}/msp/config.yaml`)
      for (const peer of ['peer0', 'peer1']) {
        const p = `${base}/peers/${peer}.${org}`
        localMsp(p, `${peer}.${org}`, `ca.${org}`, `tlsca.${org}`)
        files.push(`${p}/tls/ca.crt`, `${p}/tls/server.crt`, `${p}/tls/server.key`)
      }
      for (const user of ['Admin', 'User1']) {
        const u = `${base}/users/${user}@${org}`
        localMsp(u, `${user}@${org}`, `ca.${org}`, `tlsca.${org}`)
        files.push(`${u}/tls/ca.crt`, `${u}/tls/client.crt`, `${u}/tls/client.key`)
      }
    }
    const ob = 'ordererOrganizations/example.com'
    files.push(`${ob}/ca/ca.example.com-cert.pem`, `${ob}/ca/priv_sk`, `${ob}/tlsca/tlsca.example.com-cert.pem`, `${ob}/tlsca/priv_sk`,
      `${ob}/msp/cacerts/ca.example.com-cert.pem`, `${ob}/msp/tlscacerts/tlsca.example.com-cert.pem`, `${ob}/msp/config.yaml`)
    localMsp(`${ob}/orderers/orderer.example.com`, 'orderer.example.com', 'ca.example.com', 'tlsca.example.com')
    files.push(`${ob}/orderers/orderer.example.com/tls/ca.crt`, `${ob}/orderers/orderer.example.com/tls/server.crt`,
      `${ob}/orderers/orderer.example.com/tls/server.key`)
    localMsp(`${ob}/users/Admin@example.com`, 'Admin@example.com', 'ca.example.com', 'tlsca.example.com')
    files.push(`${ob}/users/Admin@example.com/tls/ca.crt`, `${ob}/users/Admin@example.com/tls/client.crt`, `${ob}/users/Admin@example.com/tls/client.key`)

    for (const f of files) assert.ok(statSync(join(out, f)).isFile(), `missing ${f}`)
    assert.equal(layout.files, files.length, 'no other files')
    const emptyAdmincerts = join(out, 'peerOrganizations/org1.example.com/peers/peer0.org1.example.com/msp/admincerts')
    assert.deepEqual(readdirSync(emptyAdmincerts), [])
    assert.equal(statSync(join(out, 'peerOrganizations/org1.example.com/peers/peer0.org1.example.com/msp/keystore/priv_sk')).mode & 0o777, 0o600)
    assert.equal(statSync(join(out, 'peerOrganizations/org1.example.com/ca/priv_sk')).mode & 0o777, 0o600)
    assert.equal(readFileSync(join(out, 'peerOrganizations/org2.example.com/msp/config.yaml'), 'utf8'), nodeOuYaml('ca.org2.example.com-cert.pem'))
    assert.equal(readFileSync(join(out, `${ob}/orderers/orderer.example.com/msp/config.yaml`), 'utf8'), nodeOuYaml('ca.example.com-cert.pem'))
  })

  it('describes what it wrote', () => {
    assert.equal(layout.out, join(tmp.dir, 'crypto'))
    assert.deepEqual(layout.orgs.map(o => o.mspId), ['Org1MSP', 'Org2MSP'])
    const org1 = layout.orgs[0]
    assert.equal(org1.domain, 'org1.example.com')
    assert.equal(org1.dir, join(layout.out, 'peerOrganizations/org1.example.com'))
    assert.equal(org1.mspDir, join(org1.dir, 'msp'))
    assert.equal(org1.caCertPath, join(org1.dir, 'ca/ca.org1.example.com-cert.pem'))
    assert.equal(org1.tlsCaCertPath, join(org1.dir, 'tlsca/tlsca.org1.example.com-cert.pem'))
    assert.deepEqual(org1.nodes.map(n => [n.name, n.hostname, n.role]), [['peer0.org1.example.com', 'peer0', 'peer'], ['peer1.org1.example.com', 'peer1', 'peer']])
    assert.deepEqual(org1.users.map(n => [n.name, n.role]), [['Admin@org1.example.com', 'admin'], ['User1@org1.example.com', 'client']])
    const peer0 = org1.nodes[0]
    assert.equal(peer0.mspDir, join(org1.dir, 'peers/peer0.org1.example.com/msp'))
    assert.equal(peer0.certPath, join(peer0.mspDir, 'signcerts/peer0.org1.example.com-cert.pem'))
    assert.equal(peer0.keyPath, join(peer0.mspDir, 'keystore/priv_sk'))
    assert.equal(peer0.tlsCertPath, join(org1.dir, 'peers/peer0.org1.example.com/tls/server.crt'))
    assert.equal(layout.ordererOrg?.mspId, 'OrdererMSP')
    assert.deepEqual(layout.ordererOrg?.nodes.map(n => n.name), ['orderer.example.com'])
    assert.deepEqual(layout.ordererOrg?.users.map(n => n.name), ['Admin@example.com'])
    for (const org of [...layout.orgs, layout.ordererOrg!]) {
      for (const m of [...org.nodes, ...org.users]) {
        for (const p of [m.certPath, m.keyPath, m.tlsCertPath!, m.tlsKeyPath!]) assert.ok(existsSync(p), p)
      }
    }
    assert.ok(millis < 5000, `generation took ${millis} ms`)
  })

  it('makes CA certificates like cryptogen', () => {
    const pem = readFileSync(layout.orgs[0].caCertPath, 'utf8')
    const cert = new X509Certificate(pem)
    assert.equal(cert.subject, 'C=US\nST=California\nL=San Francisco\nO=org1.example.com\nCN=ca.org1.example.com')
    assert.equal(cert.issuer, cert.subject)
    assert.ok(cert.ca)
    assert.ok(cert.verify(cert.publicKey))
    assert.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1')
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000
    assert.equal(days, 3650)
    assert.ok(Date.parse(cert.validFrom) <= Date.now() - 4 * 60_000)
    const p = peculiar(pem)
    const ku = p.getExtension(x509.KeyUsagesExtension)!
    assert.equal(ku.critical, true)
    assert.equal(ku.usages, x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment | x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign)
    const bc = p.getExtension(x509.BasicConstraintsExtension)!
    assert.equal(bc.ca, true)
    assert.equal(bc.critical, true)
    assert.deepEqual([...p.getExtension(x509.ExtendedKeyUsageExtension)!.usages], [x509.ExtendedKeyUsage.clientAuth, x509.ExtendedKeyUsage.serverAuth])
    assert.equal(p.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId, ski(cert))
    assert.equal(p.getExtension(x509.AuthorityKeyIdentifierExtension), null)
    assert.equal(createPublicKey(createPrivateKey(readFileSync(layout.orgs[0].caKeyPath, 'utf8'))).equals(cert.publicKey), true)
    assert.match(readFileSync(layout.orgs[0].caKeyPath, 'utf8'), /^-----BEGIN PRIVATE KEY-----\n/)
  })

  it('makes signing certificates with NodeOUs, AKI and digitalSignature', () => {
    const caPem = readFileSync(layout.orgs[0].caCertPath, 'utf8')
    const ca = new X509Certificate(caPem)
    const expectOu: Record<string, string> = { peer: 'peer', admin: 'admin', client: 'client', orderer: 'orderer' }
    for (const org of [...layout.orgs, layout.ordererOrg!]) {
      const orgCa = new X509Certificate(readFileSync(org.caCertPath))
      for (const m of [...org.nodes, ...org.users]) {
        const pem = readFileSync(m.certPath, 'utf8')
        const cert = new X509Certificate(pem)
        assert.equal(cert.subject, `C=US\nST=California\nL=San Francisco\nOU=${expectOu[m.role]}\nCN=${m.name}`)
        assert.ok(cert.checkIssued(orgCa) && cert.verify(orgCa.publicKey), `${m.name} issued by its CA`)
        assert.equal(cert.ca, false)
        const p = peculiar(pem)
        assert.equal(p.getExtension(x509.KeyUsagesExtension)!.usages, x509.KeyUsageFlags.digitalSignature)
        assert.equal(p.getExtension(x509.BasicConstraintsExtension)!.ca, false)
        assert.equal(p.getExtension(x509.AuthorityKeyIdentifierExtension)!.keyId, ski(orgCa))
        assert.equal(p.getExtension(x509.ExtendedKeyUsageExtension), null)
        assert.equal(p.getExtension(x509.SubjectAlternativeNameExtension), null)
        assert.ok(isLowS(decodeEcdsaSignature(certificateSignature(pem)).s, P256_N), 'certificate signature is low-S')
        const key = createPrivateKey(readFileSync(m.keyPath, 'utf8'))
        assert.ok(createPublicKey(key).equals(cert.publicKey), `${m.keyPath} matches`)
      }
    }
    assert.ok(ca.ca)
  })

  it('makes TLS certificates from the TLS CA with SANs and server/client auth', () => {
    const peer0 = layout.orgs[0].nodes[0]
    const tlsCa = new X509Certificate(readFileSync(layout.orgs[0].tlsCaCertPath!))
    assert.equal(tlsCa.subject, 'C=US\nST=California\nL=San Francisco\nO=org1.example.com\nCN=tlsca.org1.example.com')
    assert.equal(readFileSync(join(peer0.tlsDir!, 'ca.crt'), 'utf8'), readFileSync(layout.orgs[0].tlsCaCertPath!, 'utf8'))
    const pem = readFileSync(peer0.tlsCertPath!, 'utf8')
    const cert = new X509Certificate(pem)
    assert.ok(cert.checkIssued(tlsCa) && cert.verify(tlsCa.publicKey))
    assert.equal(cert.subject, 'C=US\nST=California\nL=San Francisco\nCN=peer0.org1.example.com')
    assert.equal(cert.subjectAltName, 'DNS:peer0.org1.example.com, DNS:peer0')
    const p = peculiar(pem)
    assert.equal(p.getExtension(x509.KeyUsagesExtension)!.usages, x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment)
    assert.deepEqual([...p.getExtension(x509.ExtendedKeyUsageExtension)!.usages], [x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth])
    assert.ok(createPublicKey(createPrivateKey(readFileSync(peer0.tlsKeyPath!, 'utf8'))).equals(cert.publicKey))
    const admin = new X509Certificate(readFileSync(layout.orgs[0].users[0].tlsCertPath!))
    assert.equal(admin.subjectAltName, undefined)
  })

  it('refuses to overwrite an organisation unless forced', async () => {
    const out = join(tmp.dir, 'crypto')
    await assert.rejects(generateCryptoMaterial({ out, orgs: 1, peers: 1 }), /org1\.example\.com already exists/)
    const before = readFileSync(layout.orgs[0].caCertPath, 'utf8')
    const again = await generateCryptoMaterial({ out, orgs: 1, peers: 1, users: 0, tls: false, force: true })
    assert.notEqual(readFileSync(again.orgs[0].caCertPath, 'utf8'), before)
    assert.ok(!existsSync(join(again.orgs[0].dir, 'peers/peer1.org1.example.com')), 'old folder removed')
    assert.ok(!existsSync(join(again.orgs[0].dir, 'tlsca')))
    assert.deepEqual(again.orgs[0].users.map(u => u.name), ['Admin@org1.example.com'])
  })

  it('writes admincerts and no OUs without NodeOUs, and honours domain and validity', async () => {
    const notBefore = new Date('2024-01-01T00:00:00Z')
    const notAfter = new Date('2034-01-01T00:00:00Z')
    const l = await generateCryptoMaterial({ out: join(tmp.dir, 'plain'), orgs: 1, peers: 1, users: 0, tls: false, nodeOUs: false, domain: 'acme.test', notBefore, notAfter })
    const org = l.orgs[0]
    assert.equal(org.domain, 'org1.acme.test')
    const adminPem = readFileSync(org.users[0].certPath, 'utf8')
    assert.equal(readFileSync(join(org.mspDir, 'admincerts/Admin@org1.acme.test-cert.pem'), 'utf8'), adminPem)
    assert.equal(readFileSync(join(org.nodes[0].mspDir, 'admincerts/Admin@org1.acme.test-cert.pem'), 'utf8'), adminPem)
    assert.ok(!existsSync(join(org.mspDir, 'config.yaml')))
    const peer = new X509Certificate(readFileSync(org.nodes[0].certPath))
    assert.equal(peer.subject, 'C=US\nST=California\nL=San Francisco\nCN=peer0.org1.acme.test')
    assert.equal(new Date(peer.validFrom).toISOString(), notBefore.toISOString())
    assert.equal(new Date(peer.validTo).toISOString(), notAfter.toISOString())
    assert.equal(org.nodes[0].tlsDir, undefined)
  })

  it('validates its options', async () => {
    const out = join(tmp.dir, 'bad')
    await assert.rejects(generateCryptoMaterial({ out, orgs: 0, peers: 1 }), RangeError)
    await assert.rejects(generateCryptoMaterial({ out, orgs: 1, peers: 1.5 }), /peers must be an integer >= 1/)
    await assert.rejects(generateCryptoMaterial({ out, orgs: 1, peers: 1, users: -1 }), /users/)
    await assert.rejects(generateCryptoMaterial({ out, orgs: 1, peers: 1, domain: 'bad domain' }), /domain/)
    assert.ok(!existsSync(out))
  })
})

describe('createCA / issueCertificate / loadCA', () => {
  it('issues chains through an intermediate CA and from a reloaded CA', async () => {
    const root = await createCA('ca.acme.test')
    const inter = await createCA('ica.acme.test', { issuer: root })
    const leaf = await issueCertificate(inter, { cn: 'peer0.acme.test', ou: ['peer', 'extra'] })
    const rootCert = new X509Certificate(root.certPem)
    const interCert = new X509Certificate(inter.certPem)
    const leafCert = new X509Certificate(leaf.certPem)
    assert.ok(interCert.ca && interCert.checkIssued(rootCert) && interCert.verify(rootCert.publicKey))
    assert.ok(leafCert.checkIssued(interCert) && leafCert.verify(interCert.publicKey))
    assert.equal(peculiar(inter.certPem).getExtension(x509.AuthorityKeyIdentifierExtension)!.keyId, root.ski)
    // several OUs share one multi-valued RDN, as Go's pkix.Name writes them
    assert.equal(leafCert.subject, 'C=US\nST=California\nL=San Francisco\nOU=peer + OU=extra\nCN=peer0.acme.test')

    const reloaded = await loadCA(root.certPem, root.keyPem)
    assert.equal(reloaded.name, 'ca.acme.test')
    assert.equal(reloaded.ski, root.ski)
    const again = new X509Certificate((await issueCertificate(reloaded, { cn: 'x', sans: ['127.0.0.1', 'x.acme.test'], tls: true })).certPem)
    assert.ok(again.checkIssued(rootCert) && again.verify(rootCert.publicKey))
    assert.equal(again.subjectAltName, 'IP Address:127.0.0.1, DNS:x.acme.test')

    const sec1 = createPrivateKey(root.keyPem).export({ format: 'pem', type: 'sec1' }) as string
    const fromSec1 = await loadCA(root.certPem, sec1)
    const third = new X509Certificate((await issueCertificate(fromSec1, { cn: 'y' })).certPem)
    assert.ok(third.verify(rootCert.publicKey))
  })
})
