/**
 * Identity pull (Fabric `gossip/gossip/certstore.go`): identities spread by the pull engine as signed
 * `PeerIdentity` messages, one per peer, made and signed by the peer itself.
 *
 *   every pullInterval   Hello(IDENTITY_MSG) to pullPeerNum members
 *   responder            Digest(PKI-IDs), filtered for the requester by the disclosure policy
 *   initiator            Request(missing PKI-IDs) -> Update(signed PeerIdentity envelopes)
 *   on each item         PKI-ID = hash(identity), the identity validates under a known org, and the item's
 *                        signature verifies under it; only then is it stored and offered onwards
 *
 * Alive messages carry the certificate only during `publishCertPeriod`; a peer that learns of another
 * later (through a third one) needs its identity from here to verify its messages.
 */
import { gossip } from '../pb/gossip.js'
import { seal, openMessage, type SignedMessage } from '../wire/envelope.js'
import { PullEngine } from '../algo/pull.js'
import { verifySignature, pkiIdToHex, type PeerIdentity, type SigningIdentity } from '../identity/index.js'
import { selectPeers } from '../filter/index.js'
import { createLogger } from '../logging.js'
import { identityDisclosable } from './disclosure.js'
import type { Clock } from '../algo/clock.js'
import type { NetworkMember, ReceivedGossip, DiscoveryComm } from './discovery.js'
import type { Multiaddr } from '@multiformats/multiaddr'

const Tag = gossip.GossipMessage.Tag
const IDENTITY = gossip.PullMsgType.IDENTITY_MSG

/** What identity pull needs of discovery. */
export interface IdentityPullDiscovery {
  members(): readonly NetworkMember[]
  remotePeerOf(m: NetworkMember): { pkiId: Uint8Array, endpoint?: Multiaddr }
}

/** What identity pull needs of the identity store. */
export interface IdentityPullStore {
  put(pkiId: Uint8Array, serialized: Uint8Array): PeerIdentity
  get(pkiId: Uint8Array | string): PeerIdentity | undefined
}

export interface IdentityPullInit {
  signer: SigningIdentity
  comm: Pick<DiscoveryComm, 'send' | 'subscribe'>
  discovery: IdentityPullDiscovery
  identities: IdentityPullStore
  clock: Clock
  /** This peer's external endpoint: decides what foreign requesters may learn about me. */
  externalEndpoint: string
  pullInterval: number
  pullPeerNum: number
  digestWaitTime: number
  requestWaitTime: number
  responseWaitTime: number
  random?: () => number
  /** Counts dropped items by reason. */
  onDrop?: (reason: string) => void
}

export class IdentityPull {
  private readonly init: IdentityPullInit
  private readonly log = createLogger('identity-pull')
  private readonly engine: PullEngine
  /** Signed PeerIdentity messages by PKI-ID hex (mine included). */
  private readonly items = new Map<string, SignedMessage>()
  private readonly selfHex: string
  private unsubscribe: (() => void) | undefined

  constructor (init: IdentityPullInit) {
    this.init = init
    this.selfHex = pkiIdToHex(init.signer.pkiId)
    this.engine = new PullEngine({
      selectPeers: () => selectPeers(init.pullPeerNum, init.discovery.members(), () => true, init.random).map(m => m.pkiIdHex),
      hello: (peer, nonce) => { this.send(peer, { hello: { nonce, metadata: new Uint8Array(0), msgType: IDENTITY } }, true) },
      sendDigest: (digests, nonce, peer) => { this.send(peer, { dataDig: { nonce, digests: digests.map(toBytes), msgType: IDENTITY } }) },
      sendRequest: (digests, nonce, peer) => { this.send(peer, { dataReq: { nonce, digests: digests.map(toBytes), msgType: IDENTITY } }) },
      sendUpdate: (digests, nonce, peer) => {
        const data = digests.map(d => this.items.get(d)?.envelope).filter((e): e is gossip.Envelope => e != null)
        this.send(peer, { dataUpdate: { nonce, data, msgType: IDENTITY } })
      }
    }, {
      clock: init.clock,
      pullInterval: init.pullInterval,
      digestWaitTime: init.digestWaitTime,
      requestWaitTime: init.requestWaitTime,
      responseWaitTime: init.responseWaitTime,
      random: init.random,
      egressFilter: requester => this.disclosureFilter(requester),
      onError: (err, op) => { this.log.debug(`identity pull ${op} failed: ${(err as Error).message}`) }
    })
    const own = seal({
      tag: Tag.ORG_ONLY,
      peerIdentity: { pkiId: init.signer.pkiId as Uint8Array<ArrayBuffer>, cert: init.signer.serialized as Uint8Array<ArrayBuffer>, metadata: new Uint8Array(0) }
    }, init.signer)
    this.items.set(this.selfHex, own)
    this.engine.add(this.selfHex)
  }

  start (): void {
    this.unsubscribe = this.init.comm.subscribe(m => isIdentityPull(m), m => { this.onMessage(m) })
    this.engine.start()
  }

  stop (): void {
    this.engine.stop()
    this.unsubscribe?.()
    this.unsubscribe = undefined
  }

  /** Forgets a peer's identity item (its identity was purged). */
  remove (pkiIdHex: string): void {
    if (pkiIdHex === this.selfHex) return
    this.items.delete(pkiIdHex)
    this.engine.remove(pkiIdHex)
  }

  /** PKI-IDs (hex) whose identity items this peer holds. */
  digests (): string[] {
    return this.engine.digests()
  }

  private onMessage (m: ReceivedGossip): void {
    const msg = m.message
    const peer = m.sender.pkiIdHex
    if (msg.hello != null) this.engine.onHello(msg.hello.nonce, peer)
    else if (msg.dataDig != null) this.engine.onDigest(msg.dataDig.digests.map(pkiIdToHex), msg.dataDig.nonce, peer)
    else if (msg.dataReq != null) this.engine.onRequest(msg.dataReq.digests.map(pkiIdToHex), msg.dataReq.nonce, peer)
    else if (msg.dataUpdate != null) this.onUpdate(msg.dataUpdate, peer)
  }

  /** Checks each item of an update; hands the good ones to the engine, which keeps those it asked for. */
  private onUpdate (update: gossip.DataUpdate, peer: string): void {
    const valid = new Map<string, SignedMessage>()
    for (const env of update.data) {
      let item: SignedMessage
      try {
        item = openMessage(env)
      } catch {
        this.drop('malformed-identity-item')
        continue
      }
      const pi = item.message.peerIdentity
      if (item.kind !== 'peerIdentity' || pi == null) { this.drop('malformed-identity-item'); continue }
      let identity: PeerIdentity
      try {
        identity = this.init.identities.put(pi.pkiId, pi.cert)
      } catch (err) {
        this.drop('identity-refused')
        this.log.debug(`identity item refused: ${(err as Error).message}`)
        continue
      }
      if (!verifySignature(identity.publicKey, item.envelope.payload, item.envelope.signature)) { this.drop('bad-signature'); continue }
      valid.set(pkiIdToHex(pi.pkiId), item)
    }
    for (const digest of this.engine.onUpdate([...valid.keys()], update.nonce, peer)) {
      this.items.set(digest, valid.get(digest) as SignedMessage)
    }
  }

  /**
   * Fabric's identity disclosure for one requester: a foreign requester learns only identities of peers with
   * an external endpoint, of my org or its own. The members are read once per digest, not once per item.
   */
  private disclosureFilter (requesterHex: string): (ownerHex: string) => boolean {
    const externals = new Map(this.init.discovery.members().map(m => [m.pkiIdHex, m.externalEndpoint]))
    externals.set(this.selfHex, this.init.externalEndpoint)
    const org = (hex: string): string => hex === this.selfHex ? this.init.signer.mspId : (this.init.identities.get(hex)?.mspId ?? '')
    const requester = { mspId: org(requesterHex), externalEndpoint: externals.get(requesterHex) ?? '' }
    return ownerHex => identityDisclosable(this.init.signer.mspId, requester, { mspId: org(ownerHex), externalEndpoint: externals.get(ownerHex) ?? '' })
  }

  /** Sends a pull message: a hello may need a connection (by the member's endpoint); the rest answer a live one. */
  private send (peerHex: string, content: Partial<gossip.GossipMessage>, dial = false): void {
    const member = dial ? this.init.discovery.members().find(m => m.pkiIdHex === peerHex) : undefined
    const target = member != null ? this.init.discovery.remotePeerOf(member) : { pkiId: toBytes(peerHex) }
    this.init.comm.send(seal({ tag: Tag.EMPTY, ...content }), target)
  }

  private drop (reason: string): void {
    this.init.onDrop?.(reason)
  }
}

function toBytes (hex: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(hex, 'hex'))
}

function isIdentityPull (m: ReceivedGossip): boolean {
  const msg = m.message
  const type = (msg.hello ?? msg.dataDig ?? msg.dataReq ?? msg.dataUpdate)?.msgType
  return type === IDENTITY
}
