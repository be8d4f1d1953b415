import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createCA, generateCryptoMaterial, issueCertificate, loadCA } from '../../../src/identity/cryptogen.js'
import type { CertificateAuthority, CryptoLayout } from '../../../src/identity/cryptogen.js'
import {
  CertificateExpiredError,
  encodeSerializedIdentity,
  IdentityStore,
  loadSigningIdentity,
  MalformedIdentityError,
  MspManager,
  PkiIdMismatchError,
  pkiIdOfSerialized,
  pkiIdToHex,
  UnknownOrgError,
  UntrustedCertificateError
} from '../../../src/identity/index.js'
import type { IdentityStoreInit, PeerIdentity, PurgeReason } from '../../../src/identity/index.js'
import { FakeClock } from '../../helpers/fake-clock.js'
import { tempDir } from './helpers.js'

const minute = 60_000
const hour = 60 * minute
const enc = new TextEncoder()

interface Id {
  serialized: Uint8Array
  pkiId: Uint8Array
  hex: string
}

const idOf = (serialized: Uint8Array): Id => {
  const pkiId = pkiIdOfSerialized(serialized)
  return { serialized, pkiId, hex: pkiIdToHex(pkiId) }
}

describe('IdentityStore', () => {
  const tmp = tempDir('fgossip-store-')
  let layout: CryptoLayout
  let org1Ca: CertificateAuthority
  let self: Id
  let org1Peer: Id
  let org1User: Id
  let org2Peer0: Id
  let org2Peer1: Id
  let org2User: Id

  before(async () => {
    layout = await generateCryptoMaterial({ out: join(tmp.dir, 'crypto'), orgs: 2, peers: 2, users: 1, tls: false })
    const load = (org: number, dir: string): Id => idOf(loadSigningIdentity(dir, `Org${org + 1}MSP`).serialized)
    self = load(0, layout.orgs[0].nodes[0].mspDir)
    org1Peer = load(0, layout.orgs[0].nodes[1].mspDir)
    org1User = load(0, layout.orgs[0].users[1].mspDir)
    org2Peer0 = load(1, layout.orgs[1].nodes[0].mspDir)
    org2Peer1 = load(1, layout.orgs[1].nodes[1].mspDir)
    org2User = load(1, layout.orgs[1].users[1].mspDir)
    org1Ca = await loadCA(readFileSync(layout.orgs[0].caCertPath, 'utf8'), readFileSync(layout.orgs[0].caKeyPath, 'utf8'))
  })
  after(() => { tmp.cleanup() })

  const msps = (): MspManager => {
    const m = new MspManager()
    m.addMspFolder(layout.orgs[0].mspDir, 'Org1MSP')
    m.addMspFolder(layout.orgs[1].mspDir, 'Org2MSP')
    return m
  }

  interface Setup {
    store: IdentityStore
    clock: FakeClock
    validator: MspManager
    purged: Array<[string, PurgeReason]>
  }

  const setup = (init: Partial<IdentityStoreInit> = {}, clock = new FakeClock(Date.now())): Setup => {
    const purged: Array<[string, PurgeReason]> = []
    const validator = msps()
    const store = new IdentityStore({
      validator,
      selfIdentity: self.serialized,
      clock,
      onPurge: (hex, reason) => { purged.push([hex, reason]) },
      ...init
    })
    return { store, clock, validator, purged }
  }

  /** An Org1MSP identity whose certificate expires `ms` from `now`. */
  const expiringSoon = async (now: number, ms: number, cn = 'short.org1.example.com'): Promise<Id> => {
    const cert = await issueCertificate(org1Ca, { cn, ou: 'peer', notAfter: new Date(now + ms) })
    return idOf(encodeSerializedIdentity('Org1MSP', enc.encode(cert.certPem)))
  }

  it('stores our own identity, puts and gets validated identities by PKI-ID bytes or hex', () => {
    const { store } = setup()
    assert.equal(store.selfPkiId, self.hex)
    assert.equal(store.size, 1)
    const stored = store.put(org2Peer0.pkiId, org2Peer0.serialized)
    assert.equal(stored.mspId, 'Org2MSP')
    assert.deepEqual(stored.pkiId, org2Peer0.pkiId)
    store.put(org1Peer.hex.toUpperCase(), org1Peer.serialized)
    assert.equal(store.size, 3)
    assert.ok(store.has(org2Peer0.hex))
    assert.equal(store.get(org2Peer0.pkiId)?.commonName, 'peer0.org2.example.com')
    assert.equal(store.get(org1Peer.hex)?.mspId, 'Org1MSP')
    assert.equal(store.get(org2Peer1.hex), undefined)
    assert.deepEqual(store.digests().sort(), [self.hex, org1Peer.hex, org2Peer0.hex].sort())
    const entries = new Map(store.entries())
    assert.equal(entries.get(self.hex)?.commonName, 'peer0.org1.example.com')
    assert.equal(entries.size, 3)
    assert.equal(store.put(org2Peer0.pkiId, org2Peer0.serialized), stored, 'an identity already stored is kept')
  })

  it('refuses an identity whose PKI-ID is not its hash', () => {
    const { store } = setup()
    assert.throws(() => store.put(org2Peer1.pkiId, org2Peer0.serialized), (err: Error) => {
      assert.ok(err instanceof PkiIdMismatchError)
      assert.equal(err.name, 'PkiIdMismatchError')
      assert.equal(PkiIdMismatchError.name, 'PkiIdMismatchError')
      assert.equal(err.reason, 'pki-id-mismatch')
      return true
    })
    assert.throws(() => store.put('not hex', org2Peer0.serialized), { name: 'PkiIdMismatchError' })
    assert.equal(store.has(org2Peer0.hex), false)
    assert.equal(store.has(org2Peer1.hex), false)
  })

  it('refuses identities the validator refuses: malformed, unknown org, untrusted CA, expired', async () => {
    const now = Date.now()
    const { store, validator } = setup({}, new FakeClock(now))
    const garbage = Uint8Array.of(1, 2, 3)
    assert.throws(() => store.put(new Uint8Array(32), garbage), (err: Error) => err instanceof MalformedIdentityError && (err as MalformedIdentityError).reason === 'malformed')

    validator.removeOrg('Org2MSP')
    assert.throws(() => store.put(org2Peer0.pkiId, org2Peer0.serialized), (err: Error) => err instanceof UnknownOrgError && err.name === 'UnknownOrgError')

    const rogueCa = await createCA('ca.org1.example.com')
    const rogue = idOf(encodeSerializedIdentity('Org1MSP', enc.encode((await issueCertificate(rogueCa, { cn: 'peer9.org1.example.com', ou: 'peer' })).certPem)))
    assert.throws(() => store.put(rogue.pkiId, rogue.serialized), (err: Error) => err instanceof UntrustedCertificateError && (err as UntrustedCertificateError).reason === 'untrusted-cert')

    const expired = idOf(encodeSerializedIdentity('Org1MSP', enc.encode((await issueCertificate(org1Ca, {
      cn: 'old.org1.example.com', notBefore: new Date(now - 2 * hour), notAfter: new Date(now - hour)
    })).certPem)))
    assert.throws(() => store.put(expired.pkiId, expired.serialized), (err: Error) => err instanceof CertificateExpiredError && (err as CertificateExpiredError).reason === 'expired-cert')
    assert.equal(store.size, 1)
  })

  it('refuses an expired certificate even when the validator does not check expiry', async () => {
    const clock = new FakeClock(Date.now())
    const real = msps()
    const short = await expiringSoon(clock.now(), 10 * minute)
    const notAfter = real.validate(short.serialized, new Date(clock.now())).notAfter.getTime()
    const lenient = {
      validate: (serialized: Uint8Array, now: Date): PeerIdentity => real.validate(serialized, new Date(Math.min(now.getTime(), notAfter)))
    }
    const store = new IdentityStore({ validator: lenient, selfIdentity: self.serialized, clock })
    clock.advanceTo(notAfter + 1)
    assert.throws(() => store.put(short.pkiId, short.serialized), { name: 'CertificateExpiredError' })
  })

  it('purges identities unused for an hour, not before; get() counts as a use', () => {
    const { store, clock, purged } = setup()
    store.put(org1Peer.pkiId, org1Peer.serialized)
    store.put(org2Peer0.pkiId, org2Peer0.serialized)
    clock.advance(30 * minute)
    store.get(org2Peer0.pkiId)
    store.put(org1Peer.pkiId, org1Peer.serialized) // storing again is not a use
    clock.advance(30 * minute)
    assert.deepEqual(store.purgeUnused(), [], 'exactly an hour: kept')
    clock.advance(1)
    assert.deepEqual(store.purgeUnused(), [org1Peer.hex])
    assert.deepEqual(purged, [[org1Peer.hex, 'unused']])
    assert.equal(store.has(org1Peer.hex), false)
    assert.ok(store.has(org2Peer0.hex), 'used 30 minutes ago')
    clock.advance(30 * minute)
    assert.deepEqual(store.purgeUnused(), [org2Peer0.hex])
    assert.deepEqual(store.digests(), [self.hex], 'our own identity stays, unused for 90 minutes')
  })

  it('sweeps unused identities every tenth of the threshold while started', () => {
    const { store, clock, purged } = setup()
    store.start()
    store.put(org2Peer0.pkiId, org2Peer0.serialized)
    clock.advance(hour)
    assert.equal(purged.length, 0)
    clock.advance(6 * minute) // the sweep at 66 minutes
    assert.deepEqual(purged, [[org2Peer0.hex, 'unused']])
    store.stop()
    assert.equal(clock.pending, 0)
  })

  it('purges an identity when its certificate expires, with one timer armed for the earliest expiry', async () => {
    const clock = new FakeClock(Date.now())
    const { store, purged } = setup({}, clock)
    const soon = await expiringSoon(clock.now(), 10 * minute, 'soon.org1.example.com')
    const later = await expiringSoon(clock.now(), 20 * minute, 'later.org1.example.com')
    store.put(later.pkiId, later.serialized)
    store.start()
    const laterExpiry = (store.get(later.hex) as PeerIdentity).notAfter.getTime()
    store.put(soon.pkiId, soon.serialized)
    const soonExpiry = (store.get(soon.hex) as PeerIdentity).notAfter.getTime()
    store.put(org2Peer0.pkiId, org2Peer0.serialized)
    assert.deepEqual(clock.dueTimes(), [soonExpiry + 1, clock.now() + 6 * minute].sort((a, b) => a - b), 'one expiry timer and the sweep')

    clock.advanceTo(soonExpiry)
    assert.ok(store.has(soon.hex), 'still valid at notAfter')
    clock.advance(1)
    assert.deepEqual(purged, [[soon.hex, 'expired']])
    assert.ok(store.has(later.hex))
    assert.ok(clock.dueTimes().includes(laterExpiry + 1), 're-armed for the next expiry')
    store.get(later.hex)
    store.get(org2Peer0.hex)
    clock.advanceTo(laterExpiry + 1)
    assert.deepEqual(purged, [[soon.hex, 'expired'], [later.hex, 'expired']])
    assert.ok(store.has(org2Peer0.hex))
    store.stop()
    assert.equal(clock.pending, 0)
  })

  it('re-arms the expiry timer when the identity it waits for goes otherwise', async () => {
    const clock = new FakeClock(Date.now())
    const { store, purged, validator } = setup({}, clock)
    const soon = await expiringSoon(clock.now(), 10 * minute, 'soon2.org1.example.com')
    store.start()
    store.put(soon.pkiId, soon.serialized)
    const due = (store.get(soon.hex) as PeerIdentity).notAfter.getTime() + 1
    assert.ok(clock.dueTimes().includes(due))
    validator.removeOrg('Org1MSP')
    assert.deepEqual(store.suspectPeers(), [soon.hex])
    assert.deepEqual(purged, [[soon.hex, 'revoked']])
    assert.equal(clock.dueTimes().includes(due), false, 'no timer for an identity no longer held')
    assert.equal(clock.pending, 1, 'only the sweep')
    store.stop()
    assert.equal(clock.pending, 0)
  })

  it('suspectPeers purges the identities that no longer validate after an org is removed', () => {
    const { store, validator, purged } = setup()
    for (const id of [org1Peer, org1User, org2Peer0, org2Peer1, org2User]) store.put(id.pkiId, id.serialized)
    assert.deepEqual(store.suspectPeers(), [], 'all valid')
    validator.removeOrg('Org2MSP')
    assert.deepEqual(store.suspectPeers(id => id.mspId === 'Org1MSP'), [], 'only Org1 suspected')
    assert.equal(store.size, 6)
    const gone = store.suspectPeers()
    assert.deepEqual(gone.sort(), [org2Peer0.hex, org2Peer1.hex, org2User.hex].sort())
    assert.deepEqual(purged.map(([, r]) => r), ['revoked', 'revoked', 'revoked'])
    assert.deepEqual(store.digests().sort(), [self.hex, org1Peer.hex, org1User.hex].sort())
  })

  it('suspectPeers reports certificates found expired as expired', async () => {
    const clock = new FakeClock(Date.now())
    const { store, purged } = setup({}, clock)
    const soon = await expiringSoon(clock.now(), minute, 'soon3.org1.example.com')
    store.put(soon.pkiId, soon.serialized)
    clock.advance(2 * minute) // not started: no expiry timer
    assert.equal(clock.pending, 0)
    assert.deepEqual(store.suspectPeers(), [soon.hex])
    assert.deepEqual(purged, [[soon.hex, 'expired']])
  })

  it('get() does not return an expired identity, even before the expiry timer', async () => {
    const clock = new FakeClock(Date.now())
    const { store, purged } = setup({}, clock)
    const soon = await expiringSoon(clock.now(), minute, 'soon4.org1.example.com')
    store.put(soon.pkiId, soon.serialized)
    clock.advance(2 * minute)
    assert.ok(store.has(soon.hex))
    assert.equal(store.get(soon.hex), undefined)
    assert.deepEqual(purged, [[soon.hex, 'expired']])
    assert.equal(store.has(soon.hex), false)
  })

  it('never purges our own identity', async () => {
    const clock = new FakeClock(Date.now())
    const own = await expiringSoon(clock.now(), 10 * minute, 'self.org1.example.com')
    const { store, validator, purged } = setup({ selfIdentity: own.serialized, maxIdentities: 2 }, clock)
    assert.equal(store.selfPkiId, own.hex)
    store.start()
    store.put(org2Peer0.pkiId, org2Peer0.serialized)
    store.put(org2Peer1.pkiId, org2Peer1.serialized) // full: org2Peer0 makes room, not us
    assert.deepEqual(purged, [[org2Peer0.hex, 'capacity']])
    clock.advance(2 * hour)
    assert.deepEqual(store.purgeUnused(), [])
    assert.deepEqual(store.purgeExpired(), [], 'our certificate expired, still ours')
    validator.removeOrg('Org1MSP')
    assert.deepEqual(store.suspectPeers(), [])
    assert.deepEqual(store.digests(), [own.hex])
    assert.deepEqual(purged.map(([h]) => h).includes(own.hex), false)
    store.stop()
    assert.equal(clock.pending, 0)
  })

  it('holds at most maxIdentities, purging the least recently used', () => {
    const { store, purged } = setup({ maxIdentities: 3 })
    store.put(org1Peer.pkiId, org1Peer.serialized)
    store.put(org2Peer0.pkiId, org2Peer0.serialized)
    store.get(org1Peer.hex)
    store.put(org2Peer1.pkiId, org2Peer1.serialized)
    assert.deepEqual(purged, [[org2Peer0.hex, 'capacity']])
    assert.equal(store.size, 3)
    assert.deepEqual(store.digests().sort(), [self.hex, org1Peer.hex, org2Peer1.hex].sort())
    assert.throws(() => store.put(org2User.hex, org1User.serialized), { name: 'PkiIdMismatchError' })
    assert.equal(purged.length, 1, 'a refused identity makes no room')
  })

  it('refuses to start with an own identity that does not validate', () => {
    const validator = new MspManager()
    validator.addMspFolder(layout.orgs[1].mspDir, 'Org2MSP')
    assert.throws(() => new IdentityStore({ validator, selfIdentity: self.serialized, clock: new FakeClock(Date.now()) }), { name: 'UnknownOrgError' })
  })

  it('goes on purging when onPurge throws, and reports the error', () => {
    const errors: unknown[] = []
    const { store, clock } = setup({ onPurge: () => { throw new Error('boom') }, onError: err => { errors.push(err) } })
    store.put(org2Peer0.pkiId, org2Peer0.serialized)
    store.put(org2Peer1.pkiId, org2Peer1.serialized)
    clock.advance(hour + 1)
    assert.equal(store.purgeUnused().length, 2)
    assert.equal(errors.length, 2)
    assert.equal(store.size, 1)
  })
})
