import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { CONFIG_SCHEMA } from '../../../src/config/schema.js'
import { FABRIC_BEHAVIOUR, FABRIC_BEHAVIOUR_KEYS, loadConfig } from '../../../src/config/index.js'

/** Keys of ours that change no behaviour Fabric has (limits, lists of inputs, the mode's own default). */
const NOT_BEHAVIOUR = new Set(['peer.knownMsps', 'peer.gossip.maxMessageSize', 'peer.gossip.maxControlMessageSize', 'channels'])

describe('FABRIC_BEHAVIOUR', () => {
  it("loads, and sets Fabric's dissemination: Fabric push, the emitter's ticker, no early gap requests, one state request at a time", () => {
    const g = loadConfig({ overrides: FABRIC_BEHAVIOUR }).peer.gossip
    assert.equal(g.dissemination, 'fabric')
    assert.equal(g.eagerFlush, false)
    assert.equal(g.gapRequestDelay, 0)
    assert.equal(g.announceWait, 0)
    assert.equal(g.floodMaxBytes, 0)
    assert.equal(g.treePush, false)
    assert.equal(g.state.parallelRequests, 1)
    assert.equal(g.state.chainVerify, false)
  })

  it('covers every key of ours that changes behaviour (a new one must be added to it or to the exceptions)', () => {
    const ours = Object.entries(CONFIG_SCHEMA).filter(([, spec]) => spec.origin === 'ours').map(([k]) => k).filter(k => !NOT_BEHAVIOUR.has(k))
    assert.deepEqual([...ours].sort(), [...FABRIC_BEHAVIOUR_KEYS].sort())
  })
})
