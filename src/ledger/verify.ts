/**
 * Block verification before commit, as a Fabric peer does it: Fabric's `VerifyBlock`
 * (`internal/peer/gossip/mcs.go`) with the chaining check of its block store (`addBlock` in
 * `common/ledger/blkstorage/blockfile_mgr.go`), as a pure function. Identities reach it through a port the
 * caller fills ({@link OrdererValidator}); {@link ordererValidatorFor} builds one from a channel's orderer orgs.
 *
 * The checks, in order (each failure throws a {@link BlockVerificationError} whose `reason` names it):
 * 1. `malformed`: the block has a header, at least one data entry and at least one metadata entry
 *    (mcs.go: "Header must be different from nil", "does not have metadata"; protoutil
 *    `GetChannelIDFromBlock`: "block is empty").
 * 2. `bad-number`: `header.number` is the number the caller expects (mcs.go: "Claimed seqNum").
 * 3. `wrong-channel`: the channel ID in the channel header of the first envelope (`data[0]`) is the
 *    channel's (mcs.go with `protoutil.GetChannelIDFromBlock`); `malformed` when that envelope, its payload,
 *    its header or its channel header does not decode.
 * 4. `malformed`: every data entry is a well-formed transaction (protoutil `VerifyTransactionsAreWellFormed`,
 *    part of `protoutil.BlockDataHash` since Fabric 2.2.15 and 2.5.5): an Envelope with a payload and a signature whose
 *    encoding is exactly the entry's bytes (no trailing or duplicated bytes); a block holding one CONFIG
 *    transaction is exempt, as in Fabric.
 * 5. `bad-data-hash`: `header.data_hash` = SHA-256 of the concatenated data entries (mcs.go).
 * 6. `bad-previous-hash`: `header.previous_hash` = SHA-256 of the previous block's header DER bytes, when
 *    the caller gives that hash (blockfile_mgr.go addBlock: "unexpected Previous block hash").
 * 7. The orderer signatures in metadata index SIGNATURES (protoutil `BlockSignatureVerifier`): each
 *    `MetadataSignature` signs `Metadata.value || signature_header || header DER bytes` by the
 *    `SignatureHeader.creator` identity. The block is accepted when AT LEAST ONE signature is valid and made
 *    by an identity of an orderer org of the channel. That is Fabric's block validation policy as
 *    configtxgen's sample config and cryptogen networks set it: `/Channel/Orderer/BlockValidation` =
 *    `ImplicitMeta "ANY Writers"` over the orderer orgs, whose `Writers` is `OR('<OrdererMSP>.member')`.
 *    A channel with a stricter policy (say MAJORITY, or BFT quorums) is not modelled. Failures:
 *    `malformed` (metadata index 0 or a signature header does not decode; Fabric fails the block too),
 *    `no-signature` (no signature to check), `not-orderer` (no signer is a valid identity of an orderer
 *    org), `bad-signature` (a signer is, but its signature does not verify).
 *    BFT signatures that name the consenter by `identifier_header` instead of a signature header are skipped
 *    (the consenter set is not part of our channel definition).
 *
 * {@link verifyBlockRun} verifies consecutive blocks (a state response's) as Fabric's orderer replication does:
 * all of these checks for every block but the signatures, which the hash chain through the run lets it check
 * of the last block (and of config blocks) only.
 *
 * Not checked here, as in Fabric's VerifyBlock: the transactions' own signatures and endorsements (that is
 * the committer's validation), the metadata's other entries. A channel's genesis block carries no orderer
 * signature: it is the trust root a peer joins with, not something to verify.
 */
import { X509Certificate } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { MspManager, certificateDers, decodeSerializedIdentity, verifySignature } from '../identity/index.js'
import { common } from '../pb/common.js'
import { blockDataHash, blockHeaderHash, blockSignedBytes, envelopeFormProblem } from '../wire/block.js'
import { BlockMetadataIndex, HeaderType } from './constants.js'

/** Why a block failed verification: stable short codes, usable as a metrics label. */
export type BlockVerificationReason =
  | 'malformed'
  | 'bad-number'
  | 'wrong-channel'
  | 'bad-data-hash'
  | 'bad-previous-hash'
  | 'no-signature'
  | 'bad-signature'
  | 'not-orderer'
  | 'too-far' // ahead of what the receiver's buffer holds: not wrong, not taken now

/** A block that must not be committed; `reason` says which check it failed. */
export class BlockVerificationError extends Error {
  static override name = 'BlockVerificationError'
  override name = 'BlockVerificationError'
  /** The check that failed, usable as a metrics label. */
  readonly reason: BlockVerificationReason

  constructor (reason: BlockVerificationReason, message = `block verification failed: ${reason}`, options?: ErrorOptions) {
    super(message, options)
    this.reason = reason
  }
}

/**
 * The identities allowed to sign a channel's blocks: the port {@link verifyBlock} needs. `validate` returns
 * the MSP ID and public key of a serialised identity (`msp.SerializedIdentity`) that belongs to an orderer
 * org of the channel, and throws for any other identity.
 */
export interface OrdererValidator {
  validate(serialized: Uint8Array): { mspId: string, publicKey: KeyObject }
}

/** What {@link verifyBlock} checks a block against. */
export interface VerifyBlockContext {
  /** The channel the block must belong to; unchecked when absent. */
  channelId?: string
  /** The block number the caller expects (the ledger height when committing); unchecked when absent. */
  expectedNumber?: bigint
  /** SHA-256 of the previous block's header DER bytes; unchecked when absent (block 0). */
  previousHeaderHash?: Uint8Array
  /** The channel's orderer identities. */
  ordererOrgs: OrdererValidator
}

/** What {@link verifyBlock} learnt of a valid block. */
export interface VerifiedBlock {
  number: bigint
  /** The channel named by the first envelope. */
  channelId: string
  /** SHA-256 of this block's header DER bytes: the next block's `previous_hash`. */
  headerHash: Uint8Array
  /** The MSP ID of the orderer whose signature was accepted. */
  signerMspId: string
}

/**
 * The most metadata signatures looked at in one block. Only a forged block gets past the first valid one,
 * so this bounds the work a bad block can cause; a BFT channel has far fewer consenters.
 */
export const MAX_BLOCK_SIGNATURES = 64

/**
 * Verifies a block before commit (see the module comment for the checks and their Fabric sources).
 *
 * @throws {BlockVerificationError} naming the failed check in `reason`
 */
export function verifyBlock (block: common.Block, ctx: VerifyBlockContext): VerifiedBlock {
  const content = checkContent(block, ctx)
  const signerMspId = checkSignatures(content.header, content.signatures, ctx.ordererOrgs)
  return { number: content.header.number, channelId: content.channelId, headerHash: blockHeaderHash(content.header), signerMspId }
}

/** What {@link verifyBlockRun} checks a run of blocks against. */
export interface VerifyRunContext {
  /** The channel the blocks must belong to; unchecked when absent. */
  channelId?: string
  /** The number of the run's first block; the others follow it one by one. */
  firstNumber: bigint
  /** SHA-256 of the header DER bytes of the block before the run; unchecked when absent. */
  previousHeaderHash?: Uint8Array
  /** The channel's orderer identities. */
  ordererOrgs: OrdererValidator
}

/**
 * Verifies consecutive blocks as one run, as Fabric's orderer replication verifies the blocks it pulls
 * (`cluster.VerifyBlocks`, Fabric 2.x): every block passes the checks of {@link verifyBlock} but the
 * signatures (number, channel, transactions, data hash), each block's `previous_hash` is the header hash of
 * the block before it in the run (the first's, `ctx.previousHeaderHash` when given), and the orderer
 * signatures are checked of the last block and of every config block. The last block's signature vouches
 * for its header; its `previous_hash` for the header before it, and so on down the run: every header, and
 * through its `data_hash` every block's data, is the orderer's. What is not vouched for is the other
 * blocks' metadata (their own signatures, which a peer stores and serves as it got them).
 *
 * When any check fails, each block is verified on its own ({@link verifyBlock}): the good ones are kept and
 * each bad one gets its own reason. A verdict per block, in order: what verifyBlock returns (a block the run
 * vouched for names the last block's signer), or the error it throws.
 */
export function verifyBlockRun (blocks: readonly common.Block[], ctx: VerifyRunContext): Array<VerifiedBlock | BlockVerificationError> {
  const one = (block: common.Block, i: number, previousHeaderHash: Uint8Array | undefined): VerifiedBlock | BlockVerificationError => {
    try {
      return verifyBlock(block, { channelId: ctx.channelId, expectedNumber: ctx.firstNumber + BigInt(i), previousHeaderHash, ordererOrgs: ctx.ordererOrgs })
    } catch (err) {
      return asVerificationError(err)
    }
  }
  const each = (): Array<VerifiedBlock | BlockVerificationError> => {
    const out: Array<VerifiedBlock | BlockVerificationError> = []
    blocks.forEach((block, i) => {
      const before = out[i - 1]
      out.push(one(block, i, i === 0 ? ctx.previousHeaderHash : before instanceof BlockVerificationError ? undefined : before.headerHash))
    })
    return out
  }
  if (blocks.length < 2) return each()
  try {
    const hashes: Uint8Array[] = []
    const channels: string[] = []
    let previous = ctx.previousHeaderHash
    let signer = ''
    for (const [i, block] of blocks.entries()) {
      const content = checkContent(block, { channelId: ctx.channelId, expectedNumber: ctx.firstNumber + BigInt(i), previousHeaderHash: previous, ordererOrgs: ctx.ordererOrgs })
      if (content.config || i === blocks.length - 1) signer = checkSignatures(content.header, content.signatures, ctx.ordererOrgs)
      previous = blockHeaderHash(content.header)
      hashes.push(previous)
      channels.push(content.channelId)
    }
    return hashes.map((headerHash, i) => ({ number: ctx.firstNumber + BigInt(i), channelId: channels[i], headerHash, signerMspId: signer }))
  } catch {
    return each()
  }
}

/** Checks 1-6 of the module comment (all but the signatures); what the signature check needs. */
function checkContent (block: common.Block, ctx: VerifyBlockContext): { header: common.BlockHeader, signatures: Uint8Array | undefined, channelId: string, config: boolean } {
  const header = block.header
  if (header == null) throw new BlockVerificationError('malformed', 'block has no header')
  const data = block.data?.data ?? []
  if (data.length === 0) throw new BlockVerificationError('malformed', `block ${header.number} has no data`)
  const metadata = block.metadata?.metadata ?? []
  if (metadata.length === 0) throw new BlockVerificationError('malformed', `block ${header.number} has no metadata`)

  if (ctx.expectedNumber !== undefined && header.number !== ctx.expectedNumber) {
    throw new BlockVerificationError('bad-number', `expected block ${ctx.expectedNumber}, got block ${header.number}`)
  }

  const first = firstChannelHeader(data[0], header.number)
  if (ctx.channelId !== undefined && first.channelId !== ctx.channelId) {
    throw new BlockVerificationError('wrong-channel', `block ${header.number} belongs to channel '${first.channelId}', not '${ctx.channelId}'`)
  }

  const config = data.length === 1 && first.type === HeaderType.CONFIG
  if (!config) checkTransactionsWellFormed(data, header.number)

  if (!equalBytes(blockDataHash(data), header.dataHash)) {
    throw new BlockVerificationError('bad-data-hash', `block ${header.number}: data_hash is not the SHA-256 of its data`)
  }
  if (ctx.previousHeaderHash !== undefined && !equalBytes(ctx.previousHeaderHash, header.previousHash)) {
    throw new BlockVerificationError('bad-previous-hash', `block ${header.number}: previous_hash ${hex(header.previousHash)} is not the previous header's hash ${hex(ctx.previousHeaderHash)}`)
  }
  return { header, signatures: metadata[BlockMetadataIndex.SIGNATURES], channelId: first.channelId, config }
}

/** A thrown value as a {@link BlockVerificationError} (anything else is a malformed block). */
export function asVerificationError (err: unknown): BlockVerificationError {
  return err instanceof BlockVerificationError ? err : new BlockVerificationError('malformed', (err as Error).message)
}

/**
 * The commit-time check of a block {@link verifyBlock} accepted when it was taken in: it is the next block
 * (its number is the height) and it chains to the last committed header. Its bytes were verified already
 * (signatures, data hash), so they are not checked again.
 *
 * @throws {BlockVerificationError} `bad-number` or `bad-previous-hash`
 */
export function verifyChainLink (block: common.Block, expectedNumber: bigint, previousHeaderHash: Uint8Array | undefined): void {
  const header = block.header
  if (header == null) throw new BlockVerificationError('malformed', 'block has no header')
  if (header.number !== expectedNumber) throw new BlockVerificationError('bad-number', `expected block ${expectedNumber}, got block ${header.number}`)
  if (previousHeaderHash !== undefined && !equalBytes(previousHeaderHash, header.previousHash)) {
    throw new BlockVerificationError('bad-previous-hash', `block ${header.number}: previous_hash ${hex(header.previousHash)} is not the previous header's hash ${hex(previousHeaderHash)}`)
  }
}

/** The channel header of the first envelope (protoutil `GetChannelIDFromBlock`). */
function firstChannelHeader (entry: Uint8Array, number: bigint): common.ChannelHeader {
  try {
    const payload = common.Payload.decode(common.Envelope.decode(entry).payload)
    if (payload.header == null) throw new Error('payload has no header')
    return common.ChannelHeader.decode(payload.header.channelHeader)
  } catch (err) {
    throw new BlockVerificationError('malformed', `block ${number}: cannot read the channel header of its first envelope: ${(err as Error).message}`, { cause: err })
  }
}

/** protoutil `VerifyTransactionsAreWellFormed`, on the entries' bytes ({@link envelopeFormProblem}). */
function checkTransactionsWellFormed (data: readonly Uint8Array[], number: bigint): void {
  data.forEach((raw, i) => {
    const problem = envelopeFormProblem(raw)
    if (problem === undefined) return
    throw new BlockVerificationError('malformed', `block ${number}: transaction ${i} ${problem}`)
  })
}

/** protoutil `BlockSignatureVerifier` under an "any orderer org member" policy; returns the signer's MSP ID. */
function checkSignatures (header: common.BlockHeader, entry: Uint8Array | undefined, orderers: OrdererValidator): string {
  let md: common.Metadata
  try {
    md = common.Metadata.decode(entry ?? new Uint8Array(0))
  } catch (err) {
    throw new BlockVerificationError('malformed', `block ${header.number}: metadata SIGNATURES does not decode: ${(err as Error).message}`, { cause: err })
  }
  let checked = 0
  let firstProblem: { reason: 'not-orderer' | 'bad-signature', message: string } | undefined
  const note = (reason: 'not-orderer' | 'bad-signature', message: string): void => {
    // A signer that is an orderer but signed wrongly says more than a stranger's signature.
    if (firstProblem === undefined || (firstProblem.reason === 'not-orderer' && reason === 'bad-signature')) firstProblem = { reason, message }
  }

  for (const sig of md.signatures.slice(0, MAX_BLOCK_SIGNATURES)) {
    if (sig.signatureHeader.length === 0 && sig.identifierHeader.length > 0) continue // BFT consenter id: see module comment
    let creator: Uint8Array
    try {
      creator = common.SignatureHeader.decode(sig.signatureHeader).creator
    } catch (err) {
      throw new BlockVerificationError('malformed', `block ${header.number}: a signature header does not decode: ${(err as Error).message}`, { cause: err })
    }
    checked++
    let signer: { mspId: string, publicKey: KeyObject }
    try {
      signer = orderers.validate(creator)
    } catch (err) {
      note('not-orderer', `block ${header.number}: signer is not an orderer of the channel: ${(err as Error).message}`)
      continue
    }
    if (verifySignature(signer.publicKey, blockSignedBytes(md.value, sig.signatureHeader, header), sig.signature)) return signer.mspId
    note('bad-signature', `block ${header.number}: the signature of orderer ${signer.mspId} does not verify`)
  }

  if (checked === 0 || firstProblem === undefined) {
    throw new BlockVerificationError('no-signature', `block ${header.number} carries no orderer signature`)
  }
  throw new BlockVerificationError(firstProblem.reason, firstProblem.message)
}

/** An orderer org of a channel, as a channel definition or config block gives it (`ChannelOrg` fits). */
export interface OrdererOrg {
  mspId: string
  /** Idemix orgs issue no X.509 identities and are skipped. @default 'fabric' */
  mspType?: 'fabric' | 'idemix'
  /** Root CA certificates, PEM or DER bytes. */
  rootCerts: readonly Uint8Array[]
  /** Intermediate CA certificates, PEM or DER bytes. */
  intermediateCerts?: readonly Uint8Array[]
}

/** Options of {@link ordererValidatorFor}. */
export interface OrdererValidatorOptions {
  /**
   * Validate identities at this time (validity periods enforced). By default each certificate's chain is
   * checked at the certificate's notBefore plus one second, as Fabric's MSP does (`mspimplvalidate.go`
   * `getValidityOptsForCert`), so that old blocks signed by since-expired orderer certificates still verify
   * during catch-up.
   */
  now?: () => Date
}

/** How many identities' issuance times are remembered. */
const NOT_BEFORE_CACHE_SIZE = 256

/**
 * An {@link OrdererValidator} accepting the identities issued by the CAs of `ordererOrgs` (and only those
 * orgs: an application org's peer is refused). Validation is the {@link MspManager}'s: a non-CA X.509
 * certificate of the MSP it names, issued through that MSP's root and intermediate CAs.
 *
 * @throws {MspConfigError} when an org's CA certificates do not parse or do not fit together
 */
export function ordererValidatorFor (ordererOrgs: readonly OrdererOrg[], opts: OrdererValidatorOptions = {}): OrdererValidator {
  const msps = new MspManager()
  for (const org of ordererOrgs) {
    if (org.mspType === 'idemix') continue
    msps.addOrg(org.mspId, [...org.rootCerts], [...(org.intermediateCerts ?? [])])
  }
  const issuedAt = new Map<string, Date>()
  const at = (serialized: Uint8Array): Date => {
    const key = Buffer.from(serialized.buffer, serialized.byteOffset, serialized.byteLength).toString('latin1')
    let date = issuedAt.get(key)
    if (date === undefined) {
      const sid = decodeSerializedIdentity(serialized)
      let notBefore: number
      try {
        notBefore = Date.parse(new X509Certificate(certificateDers(sid.idBytes)[0]).validFrom)
      } catch {
        notBefore = Date.now() // MspManager.validate reports the unparsable certificate
      }
      date = new Date(notBefore + 1000)
      if (issuedAt.size >= NOT_BEFORE_CACHE_SIZE) issuedAt.delete(issuedAt.keys().next().value as string)
      issuedAt.set(key, date)
    }
    return date
  }
  return {
    validate (serialized: Uint8Array): { mspId: string, publicKey: KeyObject } {
      const identity = msps.validate(serialized, opts.now?.() ?? at(serialized))
      return { mspId: identity.mspId, publicKey: identity.publicKey }
    }
  }
}

function equalBytes (a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)
}

function hex (bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}
