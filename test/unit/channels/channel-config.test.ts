import { before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parse as parseYaml } from 'yaml'
import { createCA } from '../../../src/identity/cryptogen.js'
import { certificateDers } from '../../../src/identity/index.js'
import {
  ChannelConfigError,
  channelFromConfigBlock,
  channelIdProblem,
  parseAnchorPeer,
  parseChannelDefinition,
  parseChannelDefinitions
} from '../../../src/channels/channel-config.js'
import { readFixtureBlock } from '../../helpers/fabric-fixtures.js'

let rootPem = ''
let interPem = ''

before(async () => {
  const root = await createCA('ca.org1.example.com')
  rootPem = root.certPem
  interPem = (await createCA('ica.org1.example.com', { issuer: root })).certPem
})

const indent = (pem: string, n: number): string => pem.trimEnd().split('\n').join(`\n${' '.repeat(n)}`)

/** Asserts that `fn` throws a ChannelConfigError on `field` whose message matches `problem`. */
function rejects (fn: () => unknown, field: string, problem: RegExp): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ChannelConfigError, `not a ChannelConfigError: ${String(err)}`)
    assert.equal(err.name, 'ChannelConfigError')
    assert.equal(err.field, field)
    assert.ok(err.message.startsWith(`${field}: `), err.message)
    assert.match(err.message, problem)
    return true
  })
}

describe('parseChannelDefinitions', () => {
  it('reads a YAML definition: PEM certificates, both anchor peer forms, optional orderer orgs', () => {
    const yaml = `
channels:
  - name: mychannel
    orgs:
      - mspId: Org1MSP
        rootCerts:
          - |
            ${indent(rootPem, 12)}
        intermediateCerts:
          - |
            ${indent(interPem, 12)}
        anchorPeers:
          - { host: peer0.org1.example.com, port: 7051 }
          - "peer1.org1.example.com:8051"
          - "[::1]:9051"
      - mspId: Org3MSP
        mspType: idemix
    ordererOrgs:
      - mspId: OrdererMSP
        rootCerts: ["${rootPem.replaceAll('\n', '\\n')}"]
  - name: other.chan-2
    orgs: [{ mspId: Org1MSP, rootCerts: ["${rootPem.replaceAll('\n', '\\n')}"], anchorPeers: [{ host: a, port: "7051" }] }]
`
    const [mine, other] = parseChannelDefinitions((parseYaml(yaml) as { channels: unknown }).channels)
    assert.equal(mine.name, 'mychannel')
    assert.deepEqual(mine.orgs.map(o => [o.mspId, o.mspType, o.rootCerts.length, o.intermediateCerts.length]), [
      ['Org1MSP', 'fabric', 1, 1],
      ['Org3MSP', 'idemix', 0, 0]
    ])
    assert.deepEqual(certificateDers(mine.orgs[0].rootCerts[0]), certificateDers(rootPem))
    assert.deepEqual(mine.orgs[0].anchorPeers, [
      { host: 'peer0.org1.example.com', port: 7051 },
      { host: 'peer1.org1.example.com', port: 8051 },
      { host: '::1', port: 9051 }
    ])
    assert.deepEqual(mine.ordererOrgs.map(o => [o.mspId, o.anchorPeers]), [['OrdererMSP', []]])
    assert.equal(other.name, 'other.chan-2')
    assert.deepEqual(other.ordererOrgs, [])
    assert.deepEqual(other.orgs[0].anchorPeers, [{ host: 'a', port: 7051 }])
  })

  it('accepts DER and PEM bytes', () => {
    const der = certificateDers(rootPem)[0]
    const def = parseChannelDefinition({ name: 'ch', orgs: [{ mspId: 'A', rootCerts: [der, new TextEncoder().encode(rootPem)] }] })
    assert.equal(def.orgs[0].rootCerts.length, 2)
  })

  it('names the field at fault', () => {
    const org = (extra: object = {}): object => ({ mspId: 'Org1MSP', rootCerts: [rootPem], ...extra })
    const chan = (extra: object = {}): object => ({ name: 'mychannel', orgs: [org()], ...extra })
    const cases: Array<[unknown, string, RegExp]> = [
      [{}, 'channels', /must be a list, got an object/],
      [[chan(), chan({ orgs: [org(), { rootCerts: [rootPem] }] })], 'channels[1].orgs[1].mspId', /^channels\[1\]\.orgs\[1\]\.mspId: required$/],
      [[chan({ orgs: [org({ mspId: 7 })] })], 'channels[0].orgs[0].mspId', /must be a string, got number 7/],
      [[chan({ name: undefined })], 'channels[0].name', /required/],
      [[chan({ name: 'MyChannel' })], 'channels[0].name', /not a valid channel ID/],
      [[chan({ name: 'a'.repeat(250) })], 'channels[0].name', /at most 249/],
      [[chan({ orgs: undefined })], 'channels[0].orgs', /required/],
      [[chan({ orgs: [] })], 'channels[0].orgs', /at least one org/],
      [[chan({ orgs: 'Org1MSP' })], 'channels[0].orgs', /must be a list, got 'Org1MSP'/],
      [[chan({ orgs: [null] })], 'channels[0].orgs[0]', /required/],
      [[chan({ orgs: [org({ rootCerts: [] })] })], 'channels[0].orgs[0].rootCerts', /at least one root certificate/],
      [[chan({ orgs: [org({ rootCerts: undefined })] })], 'channels[0].orgs[0].rootCerts', /required/],
      [[chan({ orgs: [org({ rootCerts: ['not a cert'] })] })], 'channels[0].orgs[0].rootCerts[0]', /must be a PEM certificate/],
      [[chan({ orgs: [org({ rootCerts: [rootPem.replace(/[A-Za-z0-9+/]{20}\n/, '\n')] })] })], 'channels[0].orgs[0].rootCerts[0]', /not a valid PEM certificate/],
      [[chan({ orgs: [org({ rootCerts: [42] })] })], 'channels[0].orgs[0].rootCerts[0]', /must be a PEM certificate, got number 42/],
      [[chan({ orgs: [org({ intermediateCerts: [{}] })] })], 'channels[0].orgs[0].intermediateCerts[0]', /must be a PEM certificate, got an object/],
      [[chan({ orgs: [org({ mspType: 'x509' })] })], 'channels[0].orgs[0].mspType', /'fabric' or 'idemix'/],
      [[chan({ orgs: [org({ anchorPeers: [{ host: 'p' }] })] })], 'channels[0].orgs[0].anchorPeers[0].port', /required/],
      [[chan({ orgs: [org({ anchorPeers: [{ port: 1 }] })] })], 'channels[0].orgs[0].anchorPeers[0].host', /required/],
      [[chan({ orgs: [org({ anchorPeers: [{ host: 'p', port: 70000 }] })] })], 'channels[0].orgs[0].anchorPeers[0].port', /1 to 65535, got 70000/],
      [[chan({ orgs: [org({ anchorPeers: [{ host: 'p', port: true }] })] })], 'channels[0].orgs[0].anchorPeers[0].port', /must be a port number/],
      [[chan({ orgs: [org({ anchorPeers: ['p:0'] })] })], 'channels[0].orgs[0].anchorPeers[0]', /1 to 65535, got 0/],
      [[chan({ orgs: [org({ anchorPeers: ['no-port'] })] })], 'channels[0].orgs[0].anchorPeers[0]', /not host:port/],
      [[chan({ orgs: [org(), org()] })], 'channels[0].orgs[1].mspId', /duplicate MSP ID 'Org1MSP' \(also channels\[0\]\.orgs\[0\]\)/],
      [[chan({ ordererOrgs: [org({ anchorPeers: ['o:7050'] })] })], 'channels[0].ordererOrgs[0].anchorPeers', /orderer orgs have no anchor peers/],
      [[chan({ ordererOrgs: {} })], 'channels[0].ordererOrgs', /must be a list/],
      [[chan(), chan()], 'channels[1].name', /duplicate channel 'mychannel'/]
    ]
    for (const [input, field, problem] of cases) rejects(() => parseChannelDefinitions(input), field, problem)
    rejects(() => parseChannelDefinition(null), 'channel', /required/)
    rejects(() => parseChannelDefinition([], 'x'), 'x', /must be an object, got a list/)
  })
})

describe('parseAnchorPeer', () => {
  it('parses both forms', () => {
    assert.deepEqual(parseAnchorPeer('h:1'), { host: 'h', port: 1 })
    assert.deepEqual(parseAnchorPeer({ host: '10.0.0.1', port: 65535 }), { host: '10.0.0.1', port: 65535 })
    rejects(() => parseAnchorPeer('h:1:2'), 'anchorPeer', /not host:port/)
    rejects(() => parseAnchorPeer({ host: 'a b', port: 1 }), 'anchorPeer.host', /not a host name/)
  })
})

describe('channelIdProblem', () => {
  it('follows Fabric ValidateChannelID', () => {
    for (const ok of ['mychannel', 'a', 'ch-1.test', 'a'.repeat(249)]) assert.equal(channelIdProblem(ok), undefined, ok)
    for (const bad of ['', 'My', '1ch', 'ch_1', 'ch 1', '-ch', 'a'.repeat(250)]) assert.notEqual(channelIdProblem(bad), undefined, bad)
  })
})

describe('channelFromConfigBlock', () => {
  it('reads the orgs and anchor peers of a real Fabric genesis block', () => {
    const def = channelFromConfigBlock(readFixtureBlock('smartbft-mychannel.block'))
    assert.equal(def.name, 'mychannel')
    assert.deepEqual(def.orgs.map(o => [o.mspId, o.anchorPeers]), [
      ['Org1MSP', [{ host: '127.0.0.1', port: 7051 }]],
      ['Org2MSP', [{ host: '127.0.0.1', port: 7055 }]]
    ])
    assert.deepEqual(def.ordererOrgs.map(o => [o.mspId, o.anchorPeers]), [['OrdererMSP', []]])
    for (const org of [...def.orgs, ...def.ordererOrgs]) assert.ok(org.rootCerts.length > 0)
  })
})
