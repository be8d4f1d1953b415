/**
 * Envelopes: Fabric's `gossip.Envelope { payload = marshalled GossipMessage, signature, secret_envelope }`.
 * `seal` builds one (signing the payload bytes when given a signer), `openEnvelope` decodes one from the
 * network within repeated-field limits. The payload bytes are kept as received, so a signature is always
 * checked over the exact bytes that were signed.
 */
import { gossip } from '../pb/gossip.js'
import { encodeGossipMessage } from './encode.js'
import { MalformedMessageError } from './errors.js'
import { hasPullType, isPullKind, MESSAGE_KINDS, messageKind, requiredTag, type MessageKind } from './kinds.js'

/** Signs bytes with the node's MSP key (ECDSA SHA-256, DER, low-S). */
export interface Signer {
  sign(data: Uint8Array): Uint8Array
}

/** A gossip message with the envelope that carries it (Fabric's `SignedGossipMessage`). */
export interface SignedMessage {
  readonly message: gossip.GossipMessage
  readonly envelope: gossip.Envelope
  readonly kind: MessageKind
}

/** How many members of `content` are set (a valid message has exactly one). */
function contentCount (msg: gossip.GossipMessage): number {
  let n = 0
  for (const k of MESSAGE_KINDS) if (msg[k] != null) n++
  return n
}

/**
 * Builds the envelope of a message; signs the payload when a signer is given. A message with more than one
 * member of `content` is refused: its `kind` (the first) would not be what the payload carries.
 */
export function seal (message: Partial<gossip.GossipMessage>, signer?: Signer, secretEnvelope?: gossip.SecretEnvelope): SignedMessage {
  const full: gossip.GossipMessage = {
    nonce: 0n,
    channel: new Uint8Array(0),
    tag: gossip.GossipMessage.Tag.UNDEFINED,
    ...message
  }
  const kind = messageKind(full)
  if (kind == null) throw new MalformedMessageError('no-content', 'a gossip message needs content')
  if (contentCount(full) > 1) throw new MalformedMessageError('many-contents', 'a gossip message carries one content')
  const payload = encodeGossipMessage(full)
  const envelope: gossip.Envelope = {
    payload,
    signature: (signer != null ? signer.sign(payload) : new Uint8Array(0)) as Uint8Array<ArrayBuffer>,
    secretEnvelope
  }
  return { message: full, envelope, kind }
}

/** The same message in a new envelope without its secret envelope (what a peer outside my org receives). */
export function withoutSecret (msg: SignedMessage): SignedMessage {
  if (msg.envelope.secretEnvelope == null) return msg
  return { ...msg, envelope: { payload: msg.envelope.payload, signature: msg.envelope.signature } }
}

/**
 * Bounds on repeated fields when decoding from the network: a frame of a few MB full of tiny entries would
 * otherwise allocate millions of objects.
 */
export const MAX_REPEATED = 10_000
const MAX_BLOCK_ITEMS = 1_000

const ENVELOPE_LIMITS = {}
const MESSAGE_LIMITS = {
  memReq: { known: MAX_REPEATED },
  memRes: { alive: MAX_REPEATED, dead: MAX_REPEATED },
  dataDig: { digests: MAX_REPEATED },
  dataReq: { digests: MAX_REPEATED },
  dataUpdate: { data: MAX_BLOCK_ITEMS },
  stateSnapshot: { elements: MAX_REPEATED },
  stateResponse: { payloads: MAX_BLOCK_ITEMS, payloads$: { privateData: MAX_BLOCK_ITEMS } },
  privateReq: { digests: MAX_REPEATED },
  privateRes: { elements: MAX_BLOCK_ITEMS, elements$: { payload: MAX_REPEATED } },
  stateInfo: { properties: { chaincodes: MAX_REPEATED } },
  dataMsg: { payload: { privateData: MAX_BLOCK_ITEMS } }
}

/** Decodes the envelope bytes of one frame and the gossip message inside; checks it has content and the right tag. */
export function openEnvelope (bytes: Uint8Array | import('uint8arraylist').Uint8ArrayList): SignedMessage {
  let envelope: gossip.Envelope
  try {
    envelope = gossip.Envelope.decode(bytes, { limits: ENVELOPE_LIMITS })
  } catch (err) {
    throw new MalformedMessageError('bad-envelope', `envelope does not decode: ${(err as Error).message}`)
  }
  return openMessage(envelope)
}

/**
 * Decodes and checks the gossip message inside an already decoded envelope (one carried inside another
 * message: a membership request's self information, the alive messages of a membership response, ...).
 */
export function openMessage (envelope: gossip.Envelope): SignedMessage {
  let message: gossip.GossipMessage
  try {
    message = gossip.GossipMessage.decode(envelope.payload, { limits: MESSAGE_LIMITS as never })
  } catch (err) {
    throw new MalformedMessageError('bad-payload', `payload does not decode: ${(err as Error).message}`)
  }
  const kind = messageKind(message)
  if (kind == null) throw new MalformedMessageError('no-content', 'gossip message without content')
  if (isPullKind(kind) && !hasPullType(message)) {
    throw new MalformedMessageError('bad-msg-type', `${kind} without a valid pull message type`)
  }
  const tag = requiredTag(kind, message)
  if (tag != null && message.tag !== tag) {
    throw new MalformedMessageError('bad-tag', `${kind} must carry tag ${tag}, got ${message.tag}`)
  }
  return { message, envelope, kind }
}

/** The bytes of an envelope as they go on the wire. */
export function encodeEnvelope (envelope: gossip.Envelope): Uint8Array {
  return gossip.Envelope.encode(envelope)
}

/** Encoded envelopes, by envelope object: a message sent to many peers, or resent, is encoded once. */
const encoded = new WeakMap<gossip.Envelope, Uint8Array>()

/**
 * The wire bytes of a message's envelope, encoded on first use and kept as long as the envelope is (an
 * envelope is not changed once sealed or received; `withoutSecret` makes a new one). The bytes are shared:
 * do not modify them.
 */
export function envelopeBytes (msg: SignedMessage): Uint8Array {
  let bytes = encoded.get(msg.envelope)
  if (bytes == null) {
    bytes = gossip.Envelope.encode(msg.envelope)
    encoded.set(msg.envelope, bytes)
  }
  return bytes
}
