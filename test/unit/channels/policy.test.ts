import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fabricProtos from '@hyperledger/fabric-protos'
import { common } from '../../../src/pb/common.js'
import { anyOfRoles, encodePolicy, implicitMetaFromString, PolicyParseError, signaturePolicyFromString } from '../../../src/channels/policy.js'
import { readFixtureBlock } from '../../helpers/fabric-fixtures.js'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')

/** The policies of Channel/<path...> in a fixture config block. */
function fixturePolicies (name: string, ...path: string[]): Map<string, common.ConfigPolicy> {
  const block = readFixtureBlock(name)
  const payload = common.Payload.decode(common.Envelope.decode(block.data!.data[0]).payload)
  let group = common.ConfigEnvelope.decode(payload.data).config!.channelGroup!
  for (const key of path) group = common.ConfigGroup.decode(group.groups.get(key)!)
  return group.policies
}

/** An official SignaturePolicy as a plain tree: 'signedBy:<i>' or { n, rules }. */
type Tree = string | { n: number, rules: Tree[] }
function tree (p: InstanceType<typeof fabricProtos.common.SignaturePolicy>): Tree {
  if (p.hasSignedBy()) return `signedBy:${p.getSignedBy()}`
  const g = p.getNOutOf()!
  return { n: g.getN(), rules: g.getRulesList().map(tree) }
}

function principals (env: InstanceType<typeof fabricProtos.common.SignaturePolicyEnvelope>): string[] {
  const roles = ['member', 'admin', 'client', 'peer', 'orderer']
  return env.getIdentitiesList().map(id => {
    const role = fabricProtos.msp.MSPRole.deserializeBinary(id.getPrincipal_asU8())
    return `${role.getMspIdentifier()}.${roles[role.getRole()]}`
  })
}

describe('signature policies', () => {
  it('encode the org policies of a real configtxgen block byte for byte', () => {
    const org1 = fixturePolicies('etcdraftgenesis.block', 'Application', 'Org1')
    assert.equal(hex(encodePolicy(anyOfRoles('Org1MSP', 'admin')).value), hex(org1.get('Admins')!.policy!.value))
    assert.equal(hex(encodePolicy(anyOfRoles('Org1MSP', 'admin', 'peer', 'client')).value), hex(org1.get('Readers')!.policy!.value))
    assert.equal(hex(encodePolicy(anyOfRoles('Org1MSP', 'admin', 'client')).value), hex(org1.get('Writers')!.policy!.value))
    assert.equal(org1.get('Admins')!.policy!.type, encodePolicy(anyOfRoles('Org1MSP', 'admin')).type)
    const orderer = fixturePolicies('etcdraftgenesis.block', 'Orderer', 'OrdererOrg')
    assert.equal(hex(encodePolicy({ type: 'Signature', rule: "OR('OrdererMSP.member')" }).value), hex(orderer.get('Readers')!.policy!.value))
  })

  it('number principals like policydsl: nested gates first, then the gate\'s own, in order', () => {
    const env = fabricProtos.common.SignaturePolicyEnvelope.deserializeBinary(
      common.SignaturePolicyEnvelope.encode(signaturePolicyFromString("OR('A.member', AND('B.peer', \"C.admin\"), OutOf(1, 'D.client', 'E.orderer'))")))
    assert.equal(env.getVersion(), 0)
    assert.deepEqual(principals(env), ['B.peer', 'C.admin', 'D.client', 'E.orderer', 'A.member'])
    assert.deepEqual(tree(env.getRule()!), {
      n: 1,
      rules: ['signedBy:4', { n: 2, rules: ['signedBy:0', 'signedBy:1'] }, { n: 1, rules: ['signedBy:2', 'signedBy:3'] }]
    })
  })

  it('accepts the spellings of Fabric\'s gates and whitespace', () => {
    for (const rule of ["and('A.member','B.member')", "And( 'A.member' , 'B.member' )", "OUTOF(2, 'A.member', 'B.member')", "outof(2,'A.member','B.member')"]) {
      const env = fabricProtos.common.SignaturePolicyEnvelope.deserializeBinary(common.SignaturePolicyEnvelope.encode(signaturePolicyFromString(rule)))
      assert.deepEqual(tree(env.getRule()!), { n: 2, rules: ['signedBy:0', 'signedBy:1'] }, rule)
    }
  })

  it('reject malformed rules', () => {
    for (const rule of ['', "XOR('A.member')", "OR('A.superuser')", "OR('Amember')", "OR('A.member'", "OR('A.member)", "OR('A.member') x", 'OR()', "OutOf(3, 'A.member')", "OutOf('A.member')"]) {
      assert.throws(() => signaturePolicyFromString(rule), (err: Error) => err.name === 'PolicyParseError', rule)
    }
    // t = n + 1 is allowed, as Fabric does
    assert.equal(signaturePolicyFromString("OutOf(2, 'A.member')").rule?.nOutOf?.n, 2)
  })
})

describe('implicit meta policies', () => {
  it('encode like configtxgen', () => {
    const channel = fixturePolicies('etcdraftgenesis.block')
    assert.equal(hex(encodePolicy({ type: 'ImplicitMeta', rule: 'ANY Readers' }).value), hex(channel.get('Readers')!.policy!.value))
    assert.equal(hex(encodePolicy({ type: 'ImplicitMeta', rule: 'MAJORITY Admins' }).value), hex(channel.get('Admins')!.policy!.value))
    assert.equal(encodePolicy({ type: 'ImplicitMeta', rule: 'ALL Writers' }).type, 3)
    assert.deepEqual(implicitMetaFromString(' all  Writers '), { subPolicy: 'Writers', rule: common.ImplicitMetaPolicy.Rule.ALL })
  })

  it('reject malformed rules and unknown types', () => {
    for (const rule of ['ANY', 'SOME Readers', 'ANY Readers Writers']) assert.throws(() => implicitMetaFromString(rule), PolicyParseError)
    assert.throws(() => encodePolicy({ type: 'Other' as 'Signature', rule: 'x' }), /unknown policy type 'Other'/)
  })
})
