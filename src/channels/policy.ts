/**
 * Channel config policies as `configtx.yaml` writes them (`Type: Signature | ImplicitMeta`, `Rule: ...`),
 * encoded as configtxgen does (`internal/configtxgen/encoder` `AddPolicies`): a Signature rule goes through
 * Fabric's policy language (`common/policydsl`: `AND(...)`, `OR(...)`, `OutOf(n, ...)` over principals
 * `'MSPID.role'`, role one of member, admin, client, peer, orderer) into a `SignaturePolicyEnvelope`; an
 * ImplicitMeta rule (`ANY Readers`, `ALL Writers`, `MAJORITY Admins`) into an `ImplicitMetaPolicy`.
 * Policies are written into genesis blocks only; nothing here evaluates them.
 */
import { common } from '../pb/common.js'

/** A policy as in `configtx.yaml`. */
export interface PolicySpec {
  type: 'Signature' | 'ImplicitMeta'
  rule: string
}

/** A policy rule that does not parse. */
export class PolicyParseError extends Error {
  static override name = 'PolicyParseError'
  override name = 'PolicyParseError'

  constructor (message = 'invalid policy rule') {
    super(message)
  }
}

const ROLES: Record<string, common.MSPRole.MSPRoleType> = {
  member: common.MSPRole.MSPRoleType.MEMBER,
  admin: common.MSPRole.MSPRoleType.ADMIN,
  client: common.MSPRole.MSPRoleType.CLIENT,
  peer: common.MSPRole.MSPRoleType.PEER,
  orderer: common.MSPRole.MSPRoleType.ORDERER
}

/** A parsed gate: its threshold and its arguments (principals or nested gates), in order. */
interface Gate {
  n: number
  args: Array<string | Gate>
}

/**
 * Parses a Signature rule of Fabric's policy language into a `SignaturePolicyEnvelope`, with the same
 * principals, indexes and structure as `policydsl.FromString` (version 0, one principal per occurrence;
 * the principals of nested gates are numbered before those of the enclosing gate, as Fabric's evaluation
 * order does).
 *
 * @throws {PolicyParseError}
 */
export function signaturePolicyFromString (rule: string): common.SignaturePolicyEnvelope {
  const gate = new Parser(rule).parse()
  const identities: common.MSPPrincipal[] = []
  const build = (g: Gate): common.SignaturePolicy => {
    const nested = new Map<Gate, common.SignaturePolicy>()
    for (const arg of g.args) if (typeof arg !== 'string') nested.set(arg, build(arg))
    const rules = g.args.map(arg => {
      if (typeof arg !== 'string') return nested.get(arg) as common.SignaturePolicy
      identities.push(principal(arg))
      return { signedBy: identities.length - 1 }
    })
    return { nOutOf: { n: g.n, rules: rules.map(r => common.SignaturePolicy.encode(r)) } }
  }
  const root = build(gate)
  return { version: 0, rule: root, identities }
}

/**
 * Parses an ImplicitMeta rule: `ANY|ALL|MAJORITY <SubPolicy>` (Fabric `policies.ImplicitMetaFromString`).
 *
 * @throws {PolicyParseError}
 */
export function implicitMetaFromString (rule: string): common.ImplicitMetaPolicy {
  const parts = rule.trim().split(/\s+/)
  if (parts.length !== 2) throw new PolicyParseError(`expected 'RULE SubPolicy' (e.g. 'ANY Readers'), got '${rule}'`)
  const which = parts[0].toUpperCase()
  if (which !== 'ANY' && which !== 'ALL' && which !== 'MAJORITY') {
    throw new PolicyParseError(`unknown implicit meta rule '${parts[0]}' in '${rule}': expected ANY, ALL or MAJORITY`)
  }
  return { subPolicy: parts[1], rule: common.ImplicitMetaPolicy.Rule[which] }
}

/** A `common.Policy` of a spec: type SIGNATURE (1) or IMPLICIT_META (3) with the encoded rule. */
export function encodePolicy (spec: PolicySpec): common.Policy {
  switch (spec.type) {
    case 'Signature':
      return { type: 1, value: common.SignaturePolicyEnvelope.encode(signaturePolicyFromString(spec.rule)) }
    case 'ImplicitMeta':
      return { type: 3, value: common.ImplicitMetaPolicy.encode(implicitMetaFromString(spec.rule)) }
    default:
      throw new PolicyParseError(`unknown policy type '${String((spec as { type: unknown }).type)}': expected Signature or ImplicitMeta`)
  }
}

/** `OR('<mspId>.<role>', ...)` over the roles given. */
export function anyOfRoles (mspId: string, ...roles: string[]): PolicySpec {
  return { type: 'Signature', rule: `OR(${roles.map(r => `'${mspId}.${r}'`).join(', ')})` }
}

function principal (text: string): common.MSPPrincipal {
  const m = /^([A-Za-z0-9.-]+)\.(member|admin|client|peer|orderer)$/.exec(text)
  if (m === null) throw new PolicyParseError(`error parsing principal '${text}': expected 'MSPID.role', role one of ${Object.keys(ROLES).join(', ')}`)
  return {
    principalClassification: common.MSPPrincipal.Classification.ROLE,
    principal: common.MSPRole.encode({ mspIdentifier: m[1], role: ROLES[m[2]] })
  }
}

/** A recursive-descent parser of `GATE(arg, ...)`; gates AND / OR / OutOf in any of Fabric's spellings. */
class Parser {
  private pos = 0

  constructor (private readonly text: string) {}

  parse (): Gate {
    const gate = this.gate()
    this.space()
    if (this.pos !== this.text.length) this.fail('unexpected text after the policy')
    return gate
  }

  private gate (): Gate {
    this.space()
    const name = /^[A-Za-z]+/.exec(this.text.slice(this.pos))?.[0]
    if (name === undefined) this.fail('expected AND, OR or OutOf')
    this.pos += name.length
    const kind = ({ AND: 'and', And: 'and', and: 'and', OR: 'or', Or: 'or', or: 'or', OUTOF: 'outof', OutOf: 'outof', outof: 'outof' } as Record<string, string | undefined>)[name]
    if (kind === undefined) this.fail(`unrecognized token '${name}'`)
    this.expect('(')
    let n: number | undefined
    if (kind === 'outof') {
      this.space()
      const num = /^\d+/.exec(this.text.slice(this.pos))?.[0]
      if (num === undefined) this.fail('OutOf expects a number first')
      this.pos += num.length
      n = Number(num)
      this.expect(',')
    }
    const args: Array<string | Gate> = [this.arg()]
    for (;;) {
      this.space()
      if (this.text[this.pos] === ',') { this.pos++; args.push(this.arg()); continue }
      break
    }
    this.expect(')')
    const threshold = kind === 'and' ? args.length : kind === 'or' ? 1 : n as number
    if (threshold > args.length + 1) this.fail(`invalid t-out-of-n predicate, t ${threshold}, n ${args.length}`)
    return { n: threshold, args }
  }

  private arg (): string | Gate {
    this.space()
    const quote = this.text[this.pos]
    if (quote === "'" || quote === '"') {
      const end = this.text.indexOf(quote, this.pos + 1)
      if (end < 0) this.fail('unterminated string')
      const value = this.text.slice(this.pos + 1, end)
      this.pos = end + 1
      return value
    }
    return this.gate()
  }

  private expect (ch: string): void {
    this.space()
    if (this.text[this.pos] !== ch) this.fail(`expected '${ch}'`)
    this.pos++
  }

  private space (): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++
  }

  private fail (problem: string): never {
    throw new PolicyParseError(`${problem} at position ${this.pos} of '${this.text}'`)
  }
}
