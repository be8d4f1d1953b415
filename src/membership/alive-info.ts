/**
 * From a received alive message to the {@link AliveInfo} the view takes: the fields of `AliveMessage` and the
 * internal endpoint of the envelope's SecretEnvelope. Decoding only: the caller has checked the message's
 * signature (and the SecretEnvelope's) against the sender's identity before.
 */
import { gossip } from '../pb/gossip.js'
import type { AliveInfo } from './view.js'
import type { SignedMessage } from '../wire/envelope.js'

/**
 * The internal endpoint carried by an envelope's SecretEnvelope (`Secret.internalEndpoint`), or undefined
 * when there is none, it is empty or it does not decode (Fabric `protoext.InternalEndpoint` returns "" then).
 */
export function internalEndpointOf (envelope: gossip.Envelope): string | undefined {
  const secret = envelope.secretEnvelope
  if (secret == null) return undefined
  try {
    const ep = gossip.Secret.decode(secret.payload).internalEndpoint
    return ep != null && ep !== '' ? ep : undefined
  } catch {
    return undefined
  }
}

/**
 * The view's input for an alive message, or undefined when it is not one or lacks what Fabric requires
 * (`membership` with a non-empty `pki_id`, and a `timestamp`; Fabric's `ValidateAliveMsg` refuses the first,
 * and would not survive the second).
 */
export function aliveInfoOf (msg: SignedMessage): AliveInfo<SignedMessage> | undefined {
  const alive = msg.message.aliveMsg
  const member = alive?.membership
  if (alive == null || member == null || member.pkiId.length === 0 || alive.timestamp == null) return undefined
  return {
    pkiId: member.pkiId,
    time: alive.timestamp,
    endpoint: member.endpoint,
    internalEndpoint: internalEndpointOf(msg.envelope),
    metadata: member.metadata,
    message: msg
  }
}

/**
 * For an alive message about myself (the view answers `self`): whether it names other endpoints than mine,
 * which Fabric logs as an error, "Bad configuration detected: Received AliveMessage from a peer with the same
 * PKI-ID as myself" (`discovery_impl.go` `isSentByMe`): the external endpoint differs, or it carries a
 * non-empty internal endpoint that differs from mine.
 */
export function selfEndpointConflict (
  info: Pick<AliveInfo<unknown>, 'endpoint' | 'internalEndpoint'>,
  self: { endpoint: string, internalEndpoint: string }
): boolean {
  if (info.endpoint !== self.endpoint) return true
  return info.internalEndpoint != null && info.internalEndpoint !== '' && info.internalEndpoint !== self.internalEndpoint
}
