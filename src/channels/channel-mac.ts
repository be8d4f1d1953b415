/**
 * Channel MACs. A StateInfo does not name its channel (`GossipMessage.channel` is empty, so that peers
 * outside the channel do not learn its name); it carries `channel_MAC = SHA256(pki_id || channel ID bytes)`
 * instead, and a receiver finds the channel by computing the MAC of the sender for each channel it has
 * joined. Fabric: `GenerateMAC` in `gossip/gossip/channel/channel.go`, `lookupChannelForMsg` in
 * `gossip/gossip/chanstate.go`.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

const encoder = new TextEncoder()

/** `SHA256(pkiId || UTF-8 bytes of channelId)` (Fabric `GenerateMAC`). */
export function channelMac (pkiId: Uint8Array, channelId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash('sha256').update(pkiId).update(encoder.encode(channelId)).digest())
}

/** Whether `mac` is the channel MAC of `pkiId` for `channelId`. */
export function isChannelMac (mac: Uint8Array, pkiId: Uint8Array, channelId: string): boolean {
  const expected = channelMac(pkiId, channelId)
  return mac.length === expected.length && timingSafeEqual(mac, expected)
}

/**
 * The joined channel whose MAC for the sender `pkiId` is `mac`, or undefined when it is none of them
 * (the message is for a channel this peer has not joined, or forged).
 */
export function findChannelByMac (mac: Uint8Array, pkiId: Uint8Array, joinedChannelNames: Iterable<string>): string | undefined {
  for (const name of joinedChannelNames) {
    if (isChannelMac(mac, pkiId, name)) return name
  }
  return undefined
}
