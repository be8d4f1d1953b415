/** Shared helpers of the ledger tests: generated orgs and chains of signed blocks. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCA, issueCertificate } from '../../../src/identity/cryptogen.js'
import type { CertificateAuthority } from '../../../src/identity/cryptogen.js'
import { createSigningIdentity } from '../../../src/identity/index.js'
import type { SigningIdentity } from '../../../src/identity/index.js'
import { createBlock } from '../../../src/ledger/block-builder.js'
import type { OrdererOrg } from '../../../src/ledger/verify.js'
import { common } from '../../../src/pb/common.js'
import { blockHeaderHash } from '../../../src/wire/block.js'

/** An org: its CA, its channel entry and one signing identity issued by the CA. */
export interface TestOrg {
  ca: CertificateAuthority
  org: OrdererOrg
  signer: SigningIdentity
}

/** Creates a CA named `ca.<domain>` and a node `<node>.<domain>` of MSP `mspId` with the given NodeOU. */
export async function createTestOrg (mspId: string, domain: string, node: string, ou: 'orderer' | 'peer'): Promise<TestOrg> {
  const ca = await createCA(`ca.${domain}`)
  const cert = await issueCertificate(ca, { cn: `${node}.${domain}`, ou })
  const signer = createSigningIdentity(mspId, cert.certPem, cert.keyPem, { caCerts: [ca.certPem] })
  return { ca, org: { mspId, rootCerts: [new TextEncoder().encode(ca.certPem)], intermediateCerts: [] }, signer }
}

/** The orgs most ledger tests use. */
export interface TestOrgs {
  /** OrdererMSP and its orderer. */
  orderer: TestOrg
  /** Org1MSP and a peer. */
  peer: TestOrg
  /** Another CA also calling itself ca.example.com / OrdererMSP, with its own orderer. */
  rogue: TestOrg
}

/** Creates {@link TestOrgs}. */
export async function createTestOrgs (): Promise<TestOrgs> {
  return {
    orderer: await createTestOrg('OrdererMSP', 'example.com', 'orderer', 'orderer'),
    peer: await createTestOrg('Org1MSP', 'org1.example.com', 'peer0', 'peer'),
    rogue: await createTestOrg('OrdererMSP', 'example.com', 'orderer', 'orderer')
  }
}

/** The payload of data entry `i` of block `n`, recognisable and `size` bytes long. */
export function entryPayload (n: bigint, i: number, size = 64): Uint8Array {
  const text = new TextEncoder().encode(`block ${n} entry ${i} `)
  const out = new Uint8Array(Math.max(size, text.length)).fill(0x2e)
  out.set(text)
  return out
}

/** `count` blocks chained from `from` (after `previousHash`), each with `entries` envelopes of `channelId`. */
export function createChain (signer: SigningIdentity, channelId: string, count: number, opts: { from?: bigint, previousHash?: Uint8Array, entries?: number, size?: number } = {}): common.Block[] {
  const out: common.Block[] = []
  let previousHash = opts.previousHash ?? new Uint8Array(0)
  for (let i = 0; i < count; i++) {
    const number = (opts.from ?? 0n) + BigInt(i)
    const data = Array.from({ length: opts.entries ?? 2 }, (_, j) => entryPayload(number, j, opts.size))
    const block = createBlock({ number, previousHash, data, signer, channelId })
    out.push(block)
    previousHash = blockHeaderHash(block.header as common.BlockHeader)
  }
  return out
}

/**
 * A copy of `block` whose first orderer signature has one byte altered: its header and data stay the chain's,
 * so only a check of that signature refuses it.
 */
export function withAlteredSignature (block: common.Block): common.Block {
  const out = common.Block.decode(common.Block.encode(block))
  const md = common.Metadata.decode(out.metadata!.metadata[0])
  md.signatures[0].signature = Uint8Array.from(md.signatures[0].signature)
  md.signatures[0].signature[10] ^= 1
  out.metadata!.metadata[0] = common.Metadata.encode(md)
  return out
}

/** A fresh temporary folder and its remover. */
export function tempDir (prefix = 'fgossip-ledger-'): { dir: string, cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => { rmSync(dir, { recursive: true, force: true }) } }
}
