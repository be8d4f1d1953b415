import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  loadConfig, DEFAULT_CONFIG, ConfigError, CONFIG_SCHEMA, envName, internalEndpoint, second, MiB
} from '../../../src/config/index.js'
import type { ConfigWarning, LoadConfigOptions, NodeConfig } from '../../../src/config/index.js'

const here = dirname(fileURLToPath(import.meta.url))
let dir: string
let n = 0

/** Writes a YAML file in the test folder and returns its path. */
function yamlFile (text: string): string {
  const file = join(dir, `config-${n++}.yaml`)
  writeFileSync(file, text)
  return file
}

/** Loads with warnings collected rather than emitted. */
function load (opts: LoadConfigOptions = {}): { config: NodeConfig, warnings: ConfigWarning[] } {
  const warnings: ConfigWarning[] = []
  const config = loadConfig({ cwd: dir, ...opts, onWarning: (_msg, w) => { warnings.push(w) } })
  return { config, warnings }
}

/** Asserts that `fn` throws a ConfigError for `key` whose message names the key. */
function throwsFor (fn: () => unknown, key: string, detail?: RegExp): void {
  assert.throws(fn, (err: Error) => {
    assert.equal(err.name, 'ConfigError', err.message)
    assert.ok(err instanceof ConfigError)
    assert.equal(err.key, key)
    assert.ok(err.message.includes(key), err.message)
    if (detail != null) assert.match(err.message, detail)
    return true
  })
}

before(() => { dir = mkdtempSync(join(tmpdir(), 'fgossip-config-')) })
after(() => { rmSync(dir, { recursive: true, force: true }) })

describe('defaults', () => {
  it("equal Fabric's core.yaml peer.gossip defaults", () => {
    const g = DEFAULT_CONFIG.peer.gossip
    assert.equal(g.dialTimeout, 3 * second)
    assert.equal(g.connTimeout, 2 * second)
    assert.equal(g.sendBuffSize, 200)
    assert.equal(g.recvBuffSize, 20)
    assert.equal(g.aliveTimeInterval, 5 * second)
    assert.equal(g.aliveExpirationTimeout, 25 * second)
    assert.equal(g.reconnectInterval, 25 * second)
    assert.equal(g.maxConnectionAttempts, 120)
    assert.equal(g.msgExpirationFactor, 20)
    assert.equal(g.publishStateInfoInterval, 4 * second)
    assert.equal(g.requestStateInfoInterval, 4 * second)
    assert.equal(g.propagatePeerNum, 3)
    assert.equal(g.propagateIterations, 1)
    assert.equal(g.maxPropagationBurstSize, 10)
    assert.equal(g.maxPropagationBurstLatency, 10)
    assert.equal(g.pullInterval, 4 * second)
    assert.equal(g.pullPeerNum, 3)
    assert.equal(g.digestWaitTime, 1 * second)
    assert.equal(g.requestWaitTime, 1500)
    assert.equal(g.responseWaitTime, 2 * second)
    assert.equal(g.maxBlockCountToStore, 10)
    assert.equal(g.floodMaxBytes, 2 * 1024 * 1024)
    assert.equal(g.treePush, true)
    assert.equal(g.publishCertPeriod, 10 * second)
    assert.deepEqual(g.state, { enabled: true, checkInterval: 10 * second, responseTimeout: 3 * second, batchSize: 10, blockBufferSize: 20, maxRetries: 3, parallelRequests: 4, chainVerify: true })
    assert.deepEqual(g.election, { startupGracePeriod: 15 * second, membershipSampleInterval: 1 * second, leaderAliveThreshold: 10 * second, leaderElectionDuration: 5 * second })
    assert.equal(g.useLeaderElection, false)
    assert.equal(g.orgLeader, true)
    assert.deepEqual(g.bootstrap, ['127.0.0.1:7051'])
    assert.equal(g.endpoint, '')
    assert.equal(g.externalEndpoint, '')
    assert.equal(g.pvtData.pullRetryThreshold, 60 * second)
    assert.equal(g.pvtData.transientstoreMaxBlockRetention, 20000)
    assert.deepEqual(g.pvtData.implicitCollectionDisseminationPolicy, { requiredPeerCount: 0, maxPeerCount: 1 })
    assert.equal(g.maxMessageSize, 100 * MiB)
    assert.equal(g.maxControlMessageSize, 4 * MiB)
    const p = DEFAULT_CONFIG.peer
    assert.equal(p.id, 'peer0')
    assert.equal(p.networkId, 'dev')
    assert.equal(p.localMspId, 'SampleOrg')
    assert.equal(p.listenAddress, '0.0.0.0:7051')
    assert.equal(p.address, '0.0.0.0:7051')
    assert.equal(p.fileSystemPath, '/var/hyperledger/production')
    assert.equal(p.mspConfigPath, 'msp')
    assert.deepEqual(p.knownMsps, [])
    assert.equal(DEFAULT_CONFIG.operations.listenAddress, '127.0.0.1:9443')
  })

  it("match the values in Fabric's own core.yaml, except where documented", () => {
    const { config, warnings } = load({ file: join(here, 'fixtures/fabric-core.yaml') })
    assert.deepEqual(warnings.filter(w => w.kind !== 'ignored-key'), [])
    assert.ok(warnings.some(w => w.key === 'peer.tls'))
    assert.ok(warnings.some(w => w.key === 'chaincode'))
    const expected = structuredClone(loadConfig({ cwd: join(here, 'fixtures') })) as NodeConfig
    expected.peer.id = 'jdoe' // Fabric's sample
    expected.peer.gossip.state.enabled = false // Fabric 2.2+; true here
    assert.deepEqual(config, expected)
  })

  it('are deep-frozen in DEFAULT_CONFIG', () => {
    assert.ok(Object.isFrozen(DEFAULT_CONFIG.peer.gossip.bootstrap))
    assert.throws(() => { (DEFAULT_CONFIG.peer.gossip as { pullPeerNum: number }).pullPeerNum = 1 }, TypeError)
  })

  it('load with no source, paths made absolute against cwd, no warnings', () => {
    const { config, warnings } = load()
    assert.deepEqual(warnings, [])
    assert.equal(config.peer.mspConfigPath, join(dir, 'msp'))
    assert.equal(config.peer.gossip.aliveTimeInterval, DEFAULT_CONFIG.peer.gossip.aliveTimeInterval)
  })

  it('every schema default passes its own checks (the defaults layer is validated)', () => {
    assert.doesNotThrow(() => loadConfig({ cwd: dir }))
    assert.equal(Object.keys(CONFIG_SCHEMA).length, 72)
  })
})

describe('file', () => {
  it('overrides defaults, core.yaml layout, durations and lists', () => {
    const file = yamlFile(`
peer:
  id: peer1.org1
  localMspId: Org1MSP
  gossip:
    bootstrap: 'peer0.org1.example.com:7051 peer2.org1.example.com:9051'
    aliveTimeInterval: 1s
    aliveExpirationTimeout: 10s
    requestWaitTime: 1500ms
    propagatePeerNum: 5
    useLeaderElection: true
    orgLeader: false
    externalEndpoint:
    election:
      leaderAliveThreshold: 1m30s
    maxMessageSize: 8MiB
operations:
  listenAddress: 0.0.0.0:9443
`)
    const { config, warnings } = load({ file })
    assert.deepEqual(warnings, [])
    assert.equal(config.peer.id, 'peer1.org1')
    assert.equal(config.peer.localMspId, 'Org1MSP')
    assert.deepEqual(config.peer.gossip.bootstrap, ['peer0.org1.example.com:7051', 'peer2.org1.example.com:9051'])
    assert.equal(config.peer.gossip.aliveTimeInterval, 1000)
    assert.equal(config.peer.gossip.aliveExpirationTimeout, 10_000)
    assert.equal(config.peer.gossip.propagatePeerNum, 5)
    assert.equal(config.peer.gossip.useLeaderElection, true)
    assert.equal(config.peer.gossip.orgLeader, false)
    assert.equal(config.peer.gossip.externalEndpoint, '') // empty YAML value = unset
    assert.equal(config.peer.gossip.election.leaderAliveThreshold, 90_000)
    assert.equal(config.peer.gossip.maxMessageSize, 8 * MiB)
    assert.equal(config.operations.listenAddress, '0.0.0.0:9443')
    assert.equal(config.peer.gossip.pullInterval, 4000) // untouched default
  })

  it('accepts a YAML list for bootstrap and matches keys case-insensitively, like viper', () => {
    const file = yamlFile('PEER:\n  LocalMSPID: Org2MSP\n  gossip:\n    bootstrap:\n      - a.example.com:7051\n      - /ip4/10.0.0.2/tcp/7051\n')
    const { config, warnings } = load({ file })
    assert.deepEqual(warnings, [])
    assert.equal(config.peer.localMspId, 'Org2MSP')
    assert.deepEqual(config.peer.gossip.bootstrap, ['a.example.com:7051', '/ip4/10.0.0.2/tcp/7051'])
  })

  it('resolves relative paths against the file\'s directory', () => {
    const file = yamlFile('peer:\n  mspConfigPath: crypto/msp\n  fileSystemPath: ./data\n  knownMsps:\n    - mspId: Org2MSP\n      path: ../org2/msp\n    - { mspId: Org3MSP, path: /etc/org3/msp }\n')
    const { config } = load({ file, cwd: '/somewhere/else' })
    assert.equal(config.peer.mspConfigPath, join(dir, 'crypto/msp'))
    assert.equal(config.peer.fileSystemPath, join(dir, 'data'))
    assert.deepEqual(config.peer.knownMsps, [
      { mspId: 'Org2MSP', path: join(dir, '../org2/msp') },
      { mspId: 'Org3MSP', path: '/etc/org3/msp' }
    ])
  })

  it('resolves the default mspConfigPath against the file\'s directory too (as Fabric does with FABRIC_CFG_PATH)', () => {
    const { config } = load({ file: yamlFile('peer:\n  id: x\n'), cwd: '/elsewhere' })
    assert.equal(config.peer.mspConfigPath, join(dir, 'msp'))
  })

  it('reports an unreadable file, bad YAML or a non-mapping as ConfigError', () => {
    assert.throws(() => load({ file: join(dir, 'missing.yaml') }), { name: 'ConfigError', message: /cannot read config file/ })
    assert.throws(() => load({ file: yamlFile('peer: [') }), { name: 'ConfigError', message: /not valid YAML/ })
    assert.throws(() => load({ file: yamlFile('- a\n- b\n') }), { name: 'ConfigError', message: /must hold a mapping/ })
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip: 5\n') }), 'peer.gossip', /expected a section/)
    throwsFor(() => load({ file: yamlFile('peer:\n  id: a\n  ID: b\n') }), 'peer.ID', /set twice/)
  })

  it('loads an empty file as the defaults', () => {
    const { config } = load({ file: yamlFile('') })
    assert.equal(config.peer.id, 'peer0')
  })
})

describe('environment', () => {
  it('overrides the file, with Fabric variable names', () => {
    const file = yamlFile('peer:\n  id: from-file\n  gossip:\n    aliveTimeInterval: 1s\n    orgLeader: true\n')
    const { config, warnings } = load({
      file,
      env: {
        CORE_PEER_ID: 'from-env',
        CORE_PEER_GOSSIP_BOOTSTRAP: 'peer0.org1.example.com:7051, peer1.org1.example.com:8051 [::1]:7051',
        CORE_PEER_GOSSIP_USELEADERELECTION: 'TRUE',
        CORE_PEER_GOSSIP_ORGLEADER: 'False',
        CORE_PEER_GOSSIP_STATE_ENABLED: 'false',
        CORE_PEER_GOSSIP_ELECTION_LEADERALIVETHRESHOLD: '2500ms',
        CORE_PEER_GOSSIP_ALIVETIMEINTERVAL: '2s',
        CORE_PEER_GOSSIP_PROPAGATEPEERNUM: '7',
        CORE_PEER_GOSSIP_EXTERNALENDPOINT: 'peer0.org1.example.com:7051',
        CORE_PEER_GOSSIP_PVTDATA_IMPLICITCOLLECTIONDISSEMINATIONPOLICY_MAXPEERCOUNT: '3',
        CORE_OPERATIONS_LISTENADDRESS: '0.0.0.0:9444',
        CORE_PEER_KNOWNMSPS: 'Org2MSP=/etc/org2/msp,Org3MSP=org3/msp',
        HOME: '/root', // not CORE_: not ours
        CORE_PEER_NETWORKID: '' // empty = unset, as viper
      }
    })
    assert.deepEqual(warnings, [])
    assert.equal(config.peer.id, 'from-env')
    assert.equal(config.peer.networkId, 'dev')
    assert.deepEqual(config.peer.gossip.bootstrap, ['peer0.org1.example.com:7051', 'peer1.org1.example.com:8051', '[::1]:7051'])
    assert.equal(config.peer.gossip.useLeaderElection, true)
    assert.equal(config.peer.gossip.orgLeader, false)
    assert.equal(config.peer.gossip.state.enabled, false)
    assert.equal(config.peer.gossip.election.leaderAliveThreshold, 2500)
    assert.equal(config.peer.gossip.aliveTimeInterval, 2000)
    assert.equal(config.peer.gossip.propagatePeerNum, 7)
    assert.equal(config.peer.gossip.externalEndpoint, 'peer0.org1.example.com:7051')
    assert.equal(config.peer.gossip.pvtData.implicitCollectionDisseminationPolicy.maxPeerCount, 3)
    assert.equal(config.operations.listenAddress, '0.0.0.0:9444')
    assert.deepEqual(config.peer.knownMsps, [
      { mspId: 'Org2MSP', path: '/etc/org2/msp' },
      { mspId: 'Org3MSP', path: join(dir, 'org3/msp') }
    ])
  })

  it('has one variable per key, generated from the schema', () => {
    for (const key of Object.keys(CONFIG_SCHEMA)) {
      assert.equal(envName(key), 'CORE_' + key.toUpperCase().split('.').join('_'))
    }
    assert.equal(envName('peer.localMspId'), 'CORE_PEER_LOCALMSPID')
    assert.equal(envName('peer.mspConfigPath'), 'CORE_PEER_MSPCONFIGPATH')
    assert.equal(envName('peer.fileSystemPath'), 'CORE_PEER_FILESYSTEMPATH')
    assert.equal(envName('peer.gossip.endpoint'), 'CORE_PEER_GOSSIP_ENDPOINT')
    // every key really is read from its variable
    const { config } = load({ env: { CORE_PEER_GOSSIP_ENDPOINT: 'p:1', CORE_PEER_LISTENADDRESS: '/ip4/127.0.0.1/tcp/0', CORE_PEER_ADDRESS: 'p:2', CORE_PEER_MSPCONFIGPATH: '/m', CORE_PEER_FILESYSTEMPATH: '/d', CORE_PEER_LOCALMSPID: 'X' } })
    assert.equal(config.peer.gossip.endpoint, 'p:1')
    assert.equal(config.peer.listenAddress, '/ip4/127.0.0.1/tcp/0')
    assert.equal(config.peer.address, 'p:2')
    assert.equal(config.peer.mspConfigPath, '/m')
    assert.equal(config.peer.fileSystemPath, '/d')
    assert.equal(config.peer.localMspId, 'X')
    assert.equal(internalEndpoint(config), 'p:1')
  })

  it('names the variable when its value is bad', () => {
    throwsFor(() => load({ env: { CORE_PEER_GOSSIP_ALIVETIMEINTERVAL: 'abc' } }), 'peer.gossip.aliveTimeInterval',
      /expected a duration like '5s'.*got 'abc'.*\(from env CORE_PEER_GOSSIP_ALIVETIMEINTERVAL\)/)
    throwsFor(() => load({ env: { CORE_PEER_GOSSIP_ALIVETIMEINTERVAL: '5000' } }), 'peer.gossip.aliveTimeInterval', /unit is required/)
  })

  it('reports unknown CORE_ variables with a suggestion, and Fabric ones as ignored', () => {
    const { warnings } = load({ env: { CORE_PEER_GOSSIP_BOOTSTRAPP: 'a:1', CORE_PEER_TLS_ENABLED: 'true', CORE_VM_ENDPOINT: 'unix:///var/run/docker.sock' } })
    const unknown = warnings.filter(w => w.kind === 'unknown-key')
    assert.equal(unknown.length, 1)
    assert.equal(unknown[0]?.key, 'CORE_PEER_GOSSIP_BOOTSTRAPP')
    assert.equal(unknown[0]?.suggestion, 'CORE_PEER_GOSSIP_BOOTSTRAP')
    assert.equal(unknown[0]?.source, 'env')
    assert.deepEqual(warnings.filter(w => w.kind === 'ignored-key').map(w => w.key).sort(), ['CORE_PEER_TLS_ENABLED', 'CORE_VM_ENDPOINT'])
  })
})

describe('overrides', () => {
  it('beat the environment and the file; lists are replaced whole', () => {
    const file = yamlFile('peer:\n  gossip:\n    bootstrap: [a:1, b:2]\n    pullPeerNum: 4\n')
    const { config } = load({
      file,
      env: { CORE_PEER_GOSSIP_PULLPEERNUM: '5', CORE_PEER_ID: 'env' },
      overrides: { peer: { id: 'override', gossip: { pullPeerNum: 6, bootstrap: ['c:3'], aliveTimeInterval: 250, state: { enabled: false } } } }
    })
    assert.equal(config.peer.id, 'override')
    assert.equal(config.peer.gossip.pullPeerNum, 6)
    assert.deepEqual(config.peer.gossip.bootstrap, ['c:3'])
    assert.equal(config.peer.gossip.aliveTimeInterval, 250) // a number is milliseconds here
    assert.equal(config.peer.gossip.state.enabled, false)
    assert.equal(config.peer.gossip.state.batchSize, 10)
  })

  it('resolve relative paths against cwd, not the file', () => {
    const file = yamlFile('peer:\n  id: x\n')
    const { config } = load({ file, cwd: '/work', overrides: { peer: { mspConfigPath: 'my/msp', knownMsps: [{ mspId: 'O2', path: 'o2' }] } } })
    assert.equal(config.peer.mspConfigPath, '/work/my/msp')
    assert.deepEqual(config.peer.knownMsps, [{ mspId: 'O2', path: '/work/o2' }])
  })

  it('are checked like any source', () => {
    throwsFor(() => load({ overrides: { peer: { gossip: { propagatePeerNum: 0 } } } }), 'peer.gossip.propagatePeerNum', /at least 1.*\(in overrides\)/)
    throwsFor(() => load({ overrides: { peer: { gossip: { dialTimeout: -1 } } } }), 'peer.gossip.dialTimeout', /positive/)
  })
})

describe('validation', () => {
  it('rejects a bad duration', () => {
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    aliveTimeInterval: abc\n') }), 'peer.gossip.aliveTimeInterval',
      /^peer\.gossip\.aliveTimeInterval: expected a duration like '5s'.*got 'abc' \(in .*\.yaml\)$/)
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    pullInterval: 4\n') }), 'peer.gossip.pullInterval', /nanoseconds/)
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    pullInterval: 0s\n') }), 'peer.gossip.pullInterval', /positive/)
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    pullInterval: 30d\n') }), 'peer.gossip.pullInterval')
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    pullInterval: 1000h\n') }), 'peer.gossip.pullInterval', /timer limit/)
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    pullInterval: [1s]\n') }), 'peer.gossip.pullInterval', /got a list/)
  })

  it('accepts zero where zero is meaningful', () => {
    const { config } = load({ file: yamlFile('peer:\n  gossip:\n    stateInfoRetentionInterval: 0\n    pvtData:\n      btlPullMargin: 0\n') })
    assert.equal(config.peer.gossip.stateInfoRetentionInterval, 0)
    assert.equal(config.peer.gossip.pvtData.btlPullMargin, 0)
  })

  it('rejects a negative or non-integer int', () => {
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    maxConnectionAttempts: -1\n') }), 'peer.gossip.maxConnectionAttempts', /must be at least 1, got -1/)
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    pvtData:\n      btlPullMargin: -5\n') }), 'peer.gossip.pvtData.btlPullMargin', /at least 0/)
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    sendBuffSize: 2.5\n') }), 'peer.gossip.sendBuffSize', /expected an integer/)
    throwsFor(() => load({ env: { CORE_PEER_GOSSIP_SENDBUFFSIZE: 'ten' } }), 'peer.gossip.sendBuffSize', /expected an integer, got 'ten'/)
    throwsFor(() => load({ env: { CORE_PEER_GOSSIP_SENDBUFFSIZE: '99999999999' } }), 'peer.gossip.sendBuffSize', /at most/)
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    maxMessageSize: 4 MB\n') }), 'peer.gossip.maxMessageSize', /'4MiB'/)
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    maxControlMessageSize: 100\n') }), 'peer.gossip.maxControlMessageSize', /at least 1024/)
  })

  it('rejects a bad boolean', () => {
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    orgLeader: yes\n') }), 'peer.gossip.orgLeader', /expected true or false, got 'yes'/)
    throwsFor(() => load({ env: { CORE_PEER_GOSSIP_STATE_ENABLED: '1' } }), 'peer.gossip.state.enabled', /from env CORE_PEER_GOSSIP_STATE_ENABLED/)
  })

  it('rejects a dissemination mode it does not know, naming the choices', () => {
    throwsFor(() => load({ env: { CORE_PEER_GOSSIP_DISSEMINATION: 'flood' } }), 'peer.gossip.dissemination', /must be one of fabric, gossipsub, got 'flood'/)
    assert.equal(load({ env: { CORE_PEER_GOSSIP_DISSEMINATION: 'gossipsub' } }).config.peer.gossip.dissemination, 'gossipsub')
    assert.equal(load({}).config.peer.gossip.dissemination, 'fabric')
  })

  it('rejects a bad endpoint', () => {
    throwsFor(() => load({ file: yamlFile('peer:\n  address: peer0\n') }), 'peer.address', /missing port/)
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    bootstrap: [a:1, "::1:7051"]\n') }), 'peer.gossip.bootstrap', /entry \[1\].*brackets/)
    throwsFor(() => load({ env: { CORE_PEER_GOSSIP_EXTERNALENDPOINT: 'peer0:99999' } }), 'peer.gossip.externalEndpoint', /above 65535/)
    throwsFor(() => load({ env: { CORE_PEER_GOSSIP_BOOTSTRAP: 'peer0:0' } }), 'peer.gossip.bootstrap', /port 0 cannot be dialled/)
    throwsFor(() => load({ overrides: { peer: { listenAddress: '' } } }), 'peer.listenAddress', /must not be empty/)
    // port 0 is fine where the node listens
    assert.equal(load({ overrides: { peer: { listenAddress: '127.0.0.1:0' }, operations: { listenAddress: '127.0.0.1:0' } } }).config.peer.listenAddress, '127.0.0.1:0')
  })

  it('rejects useLeaderElection and orgLeader both true, naming both keys', () => {
    assert.throws(() => load({ env: { CORE_PEER_GOSSIP_USELEADERELECTION: 'true' } }), (err: Error) => {
      assert.ok(err instanceof ConfigError)
      assert.deepEqual(err.keys, ['peer.gossip.useLeaderElection', 'peer.gossip.orgLeader'])
      assert.match(err.message, /peer\.gossip\.useLeaderElection.*peer\.gossip\.orgLeader.*mutually exclusive/)
      return true
    })
  })

  it('rejects an empty localMspId and other empty required strings', () => {
    throwsFor(() => load({ file: yamlFile('peer:\n  localMspId: "  "\n') }), 'peer.localMspId', /must not be empty/)
    throwsFor(() => load({ overrides: { peer: { id: '' } } }), 'peer.id', /must not be empty/)
    throwsFor(() => load({ overrides: { peer: { mspConfigPath: '' } } }), 'peer.mspConfigPath', /must not be empty/)
  })

  it('rejects inconsistent knownMsps and pvtData policy', () => {
    throwsFor(() => load({ env: { CORE_PEER_KNOWNMSPS: 'A=/a,A=/b' } }), 'peer.knownMsps', /listed twice/)
    throwsFor(() => load({ env: { CORE_PEER_KNOWNMSPS: 'SampleOrg=/a' } }), 'peer.knownMsps', /local MSP/)
    throwsFor(() => load({ env: { CORE_PEER_KNOWNMSPS: 'noequals' } }), 'peer.knownMsps', /MSPID=path/)
    throwsFor(() => load({ file: yamlFile('peer:\n  knownMsps:\n    - mspId: A\n      pth: /a\n') }), 'peer.knownMsps', /unknown field 'pth'/)
    throwsFor(() => load({ file: yamlFile('peer:\n  gossip:\n    pvtData:\n      implicitCollectionDisseminationPolicy:\n        requiredPeerCount: 2\n') }),
      'peer.gossip.pvtData.implicitCollectionDisseminationPolicy.maxPeerCount', /cannot be less than requiredPeerCount/)
  })
})

describe('warnings', () => {
  it('report an unknown key, with the nearest known key', () => {
    const file = yamlFile('peer:\n  gosip:\n    aliveTimeInterval: 1s\n  gossip:\n    aliveTimeIntervall: 2s\n  aliveExpirationTimeout: 9s\nperr:\n  id: x\n')
    const { config, warnings } = load({ file })
    assert.deepEqual(warnings.map(w => [w.kind, w.key, w.suggestion, w.source]), [
      ['unknown-key', 'peer.gosip', 'peer.gossip', 'file'],
      ['unknown-key', 'peer.gossip.aliveTimeIntervall', 'peer.gossip.aliveTimeInterval', 'file'],
      ['unknown-key', 'peer.aliveExpirationTimeout', 'peer.gossip.aliveExpirationTimeout', 'file'],
      ['unknown-key', 'perr', 'peer', 'file']
    ])
    assert.match(warnings[0]?.message ?? '', /^peer\.gosip: unknown key in the config file \(did you mean peer\.gossip\?\)$/)
    assert.equal(config.peer.gossip.aliveTimeInterval, 5000)
  })

  it('are fatal with strict', () => {
    throwsFor(() => loadConfig({ cwd: dir, strict: true, file: yamlFile('peer:\n  gosip: {}\n') }), 'peer.gosip', /did you mean peer\.gossip/)
  })

  it('go to the callback as a message first, so a logger fits as is', () => {
    const messages: string[] = []
    loadConfig({ cwd: dir, overrides: { peer: { nope: 1 } } as never, onWarning: (msg: string) => { messages.push(msg) } })
    assert.deepEqual(messages, ['peer.nope: unknown key in overrides'])
  })

  it('give advice on values that work against each other', () => {
    const { warnings } = load({ env: { CORE_PEER_GOSSIP_PULLINTERVAL: '2s', CORE_PEER_GOSSIP_ORGLEADER: 'false', CORE_PEER_GOSSIP_STATE_ENABLED: 'false' } })
    assert.deepEqual(warnings.map(w => [w.kind, w.key, w.source]), [
      ['advice', 'peer.gossip.pullInterval', 'env'],
      ['advice', 'peer.gossip.orgLeader', 'env']
    ])
    assert.match(warnings[0]?.message ?? '', /digestWaitTime \+ responseWaitTime/)
  })
})

describe('channels (ours)', () => {
  it('reads block paths (resolved against the file) and channel definitions', async () => {
    const d = mkdtempSync(join(tmpdir(), 'fgossip-channels-'))
    const file = join(d, 'core.yaml')
    writeFileSync(file, 'channels:\n  - mychannel.block\n  - block: /abs/other.block\n  - name: defined\n    orgs:\n      - mspId: Org1MSP\n        mspDir: org1/msp\n')
    const config = loadConfig({ file })
    assert.deepEqual(config.channels[0], { block: join(d, 'mychannel.block') })
    assert.deepEqual(config.channels[1], { block: '/abs/other.block' })
    assert.deepEqual(config.channels[2], { config: { name: 'defined', orgs: [{ mspId: 'Org1MSP', mspDir: join(d, 'org1/msp') }] } })
    assert.deepEqual(loadConfig({ env: { CORE_CHANNELS: '/a.block,/b.block' } }).channels, [{ block: '/a.block' }, { block: '/b.block' }])
    rmSync(d, { recursive: true, force: true })
  })

  it('refuses an entry that is neither, naming the key', () => {
    assert.throws(() => loadConfig({ overrides: { channels: [{ orgs: [] }] as never } }), (err: Error & { key?: string }) => err.name === 'ConfigError' && err.key === 'channels' && /name must be/.test(err.message))
    assert.throws(() => loadConfig({ overrides: { channels: [42] as never } }), /entry \[0\]/)
  })
})
