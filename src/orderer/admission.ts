/**
 * Who may write to and read from a channel of the ordering service: Fabric's msgprocessor (standard
 * channel) and deliver ACL checks, on a signed `common.Envelope`.
 *
 *   Envelope{payload, signature} -> Payload{header{channel_header, signature_header{creator, nonce}}, data}
 *
 * Broadcast (Writers): the channel header names a channel of this orderer and a transaction type
 * (ENDORSER_TRANSACTION or MESSAGE; config updates are not supported here); the creator is a valid
 * identity (certificate chains to its org's CA, not expired) of one of the channel's application orgs; the
 * signature over the payload bytes is the creator's.
 *
 * Deliver (Readers): a DELIVER_SEEK_INFO envelope of a channel, signed by a valid identity of one of the
 * channel's application or orderer orgs, its timestamp within `timeWindow` of now (Fabric's deliver
 * `TimeWindow`, 15 minutes), and bound to the connection: `tls_cert_hash` must be SHA-256 of the remote
 * libp2p PeerId's multihash, as our gossip handshake binds identities, so that a captured request cannot be
 * replayed by another node.
 */
import { common } from '../pb/common.js'
import { orderer } from '../pb/orderer.js'
import { HeaderType } from '../ledger/constants.js'
import type { PeerIdentity } from '../identity/index.js'

/** Fabric orderer.yaml `General.Authentication.TimeWindow`. */
export const DEFAULT_TIME_WINDOW = 15 * 60 * 1000

/** What admission needs of the orderer. */
export interface AdmissionPorts {
  /** Validates a serialized identity against the known orgs (throws when invalid). */
  validate(serialized: Uint8Array, now?: Date): PeerIdentity
  /** Verifies `signature` over `data` by the identity `serialized`. */
  verify(serialized: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean
  /** The channel's application orgs (writers and readers) and orderer orgs (readers), or undefined if unknown. */
  channel(channelId: string): { applicationOrgs: ReadonlySet<string>, ordererOrgs: ReadonlySet<string> } | undefined
}

/** A refusal: the status to answer and why (`reason` is a short word for metrics, `info` a sentence). */
export interface Refusal {
  ok: false
  status: orderer.Status
  reason: string
  info: string
  /** The channel the envelope names, when its header decoded. */
  channelId?: string
}

export interface Admitted {
  ok: true
  channelId: string
  creator: PeerIdentity
  /** The payload's data: the transaction (Broadcast) or the SeekInfo bytes (Deliver). */
  data: Uint8Array
  channelHeader: common.ChannelHeader
}

export type Verdict = Admitted | Refusal

function refuse (status: orderer.Status, reason: string, info: string): Refusal {
  return { ok: false, status, reason, info }
}

interface Opened { envelope: common.Envelope, payload: common.Payload, channelHeader: common.ChannelHeader, creator: Uint8Array }

/** Decodes the envelope and its headers; refuses what does not decode. */
function open (bytes: Uint8Array): Opened | Refusal {
  try {
    const envelope = common.Envelope.decode(bytes)
    const payload = common.Payload.decode(envelope.payload)
    if (payload.header == null) return refuse(orderer.Status.BAD_REQUEST, 'malformed', 'the payload has no header')
    const channelHeader = common.ChannelHeader.decode(payload.header.channelHeader)
    const signatureHeader = common.SignatureHeader.decode(payload.header.signatureHeader)
    if (signatureHeader.creator.byteLength === 0) return refuse(orderer.Status.BAD_REQUEST, 'malformed', 'the signature header has no creator')
    return { envelope, payload, channelHeader, creator: signatureHeader.creator }
  } catch (err) {
    return refuse(orderer.Status.BAD_REQUEST, 'malformed', `the envelope does not decode: ${(err as Error).message}`)
  }
}

function creatorOf (ports: AdmissionPorts, creator: Uint8Array, now: Date): PeerIdentity | Refusal {
  try {
    return ports.validate(creator, now)
  } catch (err) {
    return refuse(orderer.Status.FORBIDDEN, 'bad-creator', `the creator is not a valid identity: ${(err as Error).message}`)
  }
}

/** Broadcast: may this envelope be ordered? */
export function admitTransaction (ports: AdmissionPorts, bytes: Uint8Array, now = new Date()): Verdict {
  const opened = open(bytes)
  if (!('envelope' in opened)) return opened
  const verdict = checkTransaction(ports, opened, now)
  if (!verdict.ok) verdict.channelId = opened.channelHeader.channelId
  return verdict
}

function checkTransaction (ports: AdmissionPorts, opened: Opened, now: Date): Verdict {
  const { envelope, payload, channelHeader, creator } = opened
  const type = channelHeader.type
  if (type === HeaderType.CONFIG || type === HeaderType.CONFIG_UPDATE || type === HeaderType.ORDERER_TRANSACTION) {
    return refuse(orderer.Status.BAD_REQUEST, 'config-not-supported', 'config updates are not supported by this ordering service')
  }
  if (type !== HeaderType.ENDORSER_TRANSACTION && type !== HeaderType.MESSAGE) {
    return refuse(orderer.Status.BAD_REQUEST, 'bad-type', `header type ${type} cannot be ordered`)
  }
  const channel = ports.channel(channelHeader.channelId)
  if (channel == null) return refuse(orderer.Status.NOT_FOUND, 'unknown-channel', `channel '${channelHeader.channelId}' does not exist here`)
  const identity = creatorOf(ports, creator, now)
  if ('ok' in identity) return identity
  if (!channel.applicationOrgs.has(identity.mspId)) {
    return refuse(orderer.Status.FORBIDDEN, 'not-writer', `${identity.mspId} is not an org of channel ${channelHeader.channelId}`)
  }
  if (!ports.verify(creator, envelope.payload, envelope.signature)) {
    return refuse(orderer.Status.FORBIDDEN, 'bad-signature', 'the signature is not the creator\'s')
  }
  return { ok: true, channelId: channelHeader.channelId, creator: identity, data: payload.data, channelHeader }
}

/** Deliver: may this connection read the channel with this request? */
export function admitDeliver (ports: AdmissionPorts, bytes: Uint8Array, binding: Uint8Array, opts: { now?: Date, timeWindow?: number } = {}): Verdict {
  const now = opts.now ?? new Date()
  const opened = open(bytes)
  if (!('envelope' in opened)) return opened
  const verdict = checkDeliver(ports, opened, binding, now, opts.timeWindow ?? DEFAULT_TIME_WINDOW)
  if (!verdict.ok) verdict.channelId = opened.channelHeader.channelId
  return verdict
}

function checkDeliver (ports: AdmissionPorts, opened: Opened, binding: Uint8Array, now: Date, window: number): Verdict {
  const { envelope, payload, channelHeader, creator } = opened
  if (channelHeader.type !== HeaderType.DELIVER_SEEK_INFO) return refuse(orderer.Status.BAD_REQUEST, 'bad-type', `header type ${channelHeader.type} is not DELIVER_SEEK_INFO`)
  const channel = ports.channel(channelHeader.channelId)
  if (channel == null) return refuse(orderer.Status.NOT_FOUND, 'unknown-channel', `channel '${channelHeader.channelId}' does not exist here`)
  const ts = channelHeader.timestamp
  const at = ts == null ? NaN : Number(ts.seconds) * 1000 + Math.floor(ts.nanos / 1e6)
  if (!(Math.abs(at - now.getTime()) <= window)) {
    return refuse(orderer.Status.BAD_REQUEST, 'stale', 'the request\'s timestamp is missing or too far from the orderer\'s clock')
  }
  if (!Buffer.from(channelHeader.tlsCertHash).equals(Buffer.from(binding))) {
    return refuse(orderer.Status.FORBIDDEN, 'not-bound', 'the request is not bound to this connection (tls_cert_hash)')
  }
  const identity = creatorOf(ports, creator, now)
  if ('ok' in identity) return identity
  if (!channel.applicationOrgs.has(identity.mspId) && !channel.ordererOrgs.has(identity.mspId)) {
    return refuse(orderer.Status.FORBIDDEN, 'not-reader', `${identity.mspId} is not an org of channel ${channelHeader.channelId}`)
  }
  if (!ports.verify(creator, envelope.payload, envelope.signature)) {
    return refuse(orderer.Status.FORBIDDEN, 'bad-signature', 'the signature is not the creator\'s')
  }
  return { ok: true, channelId: channelHeader.channelId, creator: identity, data: payload.data, channelHeader }
}
