/**
 * State transfer wired to fake ports and a fake clock: how many requests of which ranges go to which peers
 * (`parallelRequests`), how a response's blocks reach the ledger, and what a failed response does.
 */
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { StateTransfer, type ReceivedState, type StateTransferInit, type StateTransferPorts, type TransferPeer } from '../../../src/state/state-transfer.js'
import { seal, type SignedMessage } from '../../../src/wire/envelope.js'
import { gossip } from '../../../src/pb/gossip.js'
import { FakeClock } from '../../helpers/fake-clock.js'
import type { PeerIdentity } from '../../../src/identity/index.js'

const CH = 'ch'
const checkInterval = 10_000
const responseTimeout = 3000

interface SentRequest { nonce: bigint, to: string, start: bigint, end: bigint }

/** A StateTransfer with in-memory ports: requests are recorded, responses injected by the test. */
class Fixture {
  readonly clock = new FakeClock(0)
  readonly sent: SentRequest[] = []
  /** the blocks handed to addPayloads, in order, each with the function that settles it */
  readonly added: Array<{ seq: bigint, settle: (outcome?: Error) => void }> = []
  height = 1n
  private readonly handlers: Array<{ predicate: (m: ReceivedState) => boolean, handler: (m: ReceivedState) => void | Promise<void> }> = []
  readonly transfer: StateTransfer

  constructor (readonly peers: TransferPeer[], init: Partial<StateTransferInit> = {}) {
    const ports: StateTransferPorts = {
      send: (msg: SignedMessage, ...to) => {
        const req = msg.message.stateRequest
        if (req == null) return
        const peer = peers.find(p => Buffer.from(p.pkiId).equals(to[0].pkiId as Uint8Array))
        this.sent.push({ nonce: msg.message.nonce, to: peer?.pkiIdHex ?? '?', start: req.startSeqNum, end: req.endSeqNum })
      },
      subscribe: (predicate, handler) => {
        const entry = { predicate, handler }
        this.handlers.push(entry)
        return () => { this.handlers.splice(this.handlers.indexOf(entry), 1) }
      },
      peers: () => this.peers,
      isOrgInChannel: () => true,
      height: () => this.height,
      getRange: async () => [],
      addPayloads: async (_ch, payloads) => await Promise.allSettled(payloads.map(async ({ seq }) => await new Promise<'committed' | 'buffered' | 'duplicate'>((resolve, reject) => {
        this.added.push({
          seq,
          settle: err => {
            if (err !== undefined) { reject(err); return }
            if (seq === this.height) this.height++
            resolve('buffered')
          }
        })
      })))
    }
    this.transfer = new StateTransfer({
      ports, clock: this.clock, enabled: true, checkInterval, responseTimeout, batchSize: 10, maxRetries: 3, blockBufferSize: 20, ...init
    })
    this.transfer.addChannel(CH)
    this.transfer.start()
  }

  /** Delivers the response of `peer` to request `r` carrying blocks `first..last`. */
  async respond (r: SentRequest, first: bigint = r.start, last: bigint = r.end): Promise<void> {
    const payloads: gossip.Payload[] = []
    for (let seq = first; seq <= last; seq++) payloads.push({ seqNum: seq, data: new Uint8Array([Number(seq % 256n)]), privateData: [] })
    const message = seal({ nonce: r.nonce, channel: new TextEncoder().encode(CH), tag: gossip.GossipMessage.Tag.CHAN_OR_ORG, stateResponse: { payloads } }).message
    const received: ReceivedState = {
      message,
      kind: 'stateResponse',
      sender: { pkiIdHex: r.to, identity: { mspId: 'Org1MSP' } as PeerIdentity },
      respond: async () => {}
    }
    await Promise.all(this.handlers.filter(h => h.predicate(received)).map(async h => { await h.handler(received) }))
  }

  /** Lets the microtasks run (handlers awaiting the fake ledger). */
  async settle (): Promise<void> {
    for (let i = 0; i < 10; i++) await Promise.resolve()
  }
}

const peer = (name: string, height: bigint): TransferPeer => {
  const pkiId = new TextEncoder().encode(name)
  return { pkiId, pkiIdHex: Buffer.from(pkiId).toString('hex'), height, remote: { pkiId } }
}
const hex = (name: string): string => Buffer.from(name).toString('hex')

describe('StateTransfer', () => {
  it('parallelRequests 4: four consecutive ranges in flight, spread over the peers that cover them', () => {
    const f = new Fixture([peer('a', 1001n), peer('b', 1001n), peer('c', 1001n), peer('d', 1001n)], { parallelRequests: 4 })
    f.clock.advance(checkInterval)
    assert.deepEqual(f.sent.map(r => `${r.start}-${r.end}`), ['1-11', '12-22', '23-33', '34-44'])
    assert.equal(new Set(f.sent.map(r => r.to)).size, 4)
    f.transfer.stop()
    assert.equal(f.clock.pending, 0)
  })

  it('parallelRequests unset or 1: Fabric, one request at a time', async () => {
    for (const init of [{}, { parallelRequests: 1 }]) {
      const f = new Fixture([peer('a', 1001n), peer('b', 1001n)], init)
      f.clock.advance(checkInterval)
      assert.deepEqual(f.sent.map(r => `${r.start}-${r.end}`), ['1-11'])
      const answer = f.respond(f.sent[0])
      await f.settle()
      for (const a of f.added) a.settle()
      await answer
      assert.equal(f.height, 12n)
      f.transfer.heightChanged(CH)
      assert.deepEqual(f.sent.map(r => `${r.start}-${r.end}`), ['1-11', '12-22'], 'the next once the first is answered')
      f.transfer.stop()
    }
  })

  it('hands every block of a response to the ledger at once, and asks a range again of another peer when one of its blocks is refused', async () => {
    const f = new Fixture([peer('a', 100n), peer('b', 100n)], { parallelRequests: 2 })
    f.clock.advance(checkInterval)
    assert.equal(f.sent.length, 2)
    const first = f.sent[0]
    const answer = f.respond(first)
    await f.settle()
    assert.deepEqual(f.added.map(a => a.seq), [1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n, 9n, 10n, 11n], 'all eleven taken before any is settled')
    for (const a of f.added) a.settle(a.seq === 5n ? Object.assign(new Error('bad signature'), { reason: 'bad-signature' }) : undefined)
    await answer
    const again = f.sent.filter(r => r.start === first.start && r.end === first.end)
    assert.equal(again.length, 2, 'asked again at once')
    assert.notEqual(again[1].to, again[0].to, 'of the other peer')
    f.transfer.stop()
  })

  it('drops a response to no request of ours, or from a peer not asked', async () => {
    const f = new Fixture([peer('a', 100n), peer('b', 100n)], { parallelRequests: 1 })
    f.clock.advance(checkInterval)
    const [r] = f.sent
    await f.respond({ ...r, nonce: r.nonce + 1n })
    await f.respond({ ...r, to: r.to === hex('a') ? hex('b') : hex('a') })
    assert.equal(f.added.length, 0)
    f.transfer.stop()
  })
})
