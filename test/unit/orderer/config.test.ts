import { describe, it, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadOrdererConfig } from '../../../src/orderer/config.js'

describe('orderer configuration', () => {
  let dir = ''
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'fgossip-orderer-config-')) })
  after(async () => { await rm(dir, { recursive: true, force: true }) })

  it("has Fabric's orderer.yaml defaults", () => {
    const c = loadOrdererConfig({ cwd: dir })
    assert.deepEqual(c, {
      general: { listenAddress: '127.0.0.1', listenPort: 7050, localMspDir: join(dir, 'msp'), localMspId: 'SampleOrg' },
      fileLedger: { location: '/var/hyperledger/production/orderer' },
      operations: { listenAddress: '127.0.0.1:8443' },
      channels: []
    })
  })

  it('reads orderer.yaml (keys in any case, paths relative to the file), then ORDERER_* variables', async () => {
    const file = join(dir, 'orderer.yaml')
    await writeFile(file, [
      'General:',
      '  ListenAddress: 0.0.0.0',
      '  listenport: 7060',
      '  LocalMSPDir: crypto/msp',
      '  LocalMSPID: OrdererMSP',
      '  Keepalive: { ServerMinInterval: 60s }',
      'FileLedger:',
      '  Location: data',
      'Channels:',
      '  - mychannel.block',
      'Kafka: {}',
      'Nonsense: 1'
    ].join('\n'))
    const warnings: string[] = []
    const c = loadOrdererConfig({ file, env: { ORDERER_GENERAL_LISTENPORT: '7070', ORDERER_CHANNELS: 'a.block, /abs/b.block' }, onWarning: w => { warnings.push(w) } })
    assert.equal(c.general.listenAddress, '0.0.0.0')
    assert.equal(c.general.listenPort, 7070, 'the environment wins')
    assert.equal(c.general.localMspDir, join(dir, 'crypto/msp'))
    assert.equal(c.general.localMspId, 'OrdererMSP')
    assert.equal(c.fileLedger.location, join(dir, 'data'))
    assert.deepEqual(c.channels, [join(dir, 'a.block'), '/abs/b.block'])
    assert.deepEqual(warnings, [`Nonsense: unknown key, ignored (in ${file})`])
  })

  it('names the key and the source of a bad value', async () => {
    assert.throws(() => loadOrdererConfig({ env: { ORDERER_GENERAL_LISTENPORT: 'x' } }), { name: 'ConfigError', key: 'General.ListenPort', message: /General\.ListenPort: expected a port from 0 to 65535, got "x" \(from env ORDERER_GENERAL_LISTENPORT\)/ } as never)
    assert.throws(() => loadOrdererConfig({ env: { ORDERER_OPERATIONS_LISTENADDRESS: 'nope' } }), { key: 'Operations.ListenAddress' } as never)
    const file = join(dir, 'bad.yaml')
    await writeFile(file, 'General:\n  LocalMSPID: ""\n')
    assert.throws(() => loadOrdererConfig({ file }), { key: 'General.LocalMSPID', message: /\(in .*bad\.yaml\)/ } as never)
    await writeFile(file, 'Channels: 5\n')
    assert.throws(() => loadOrdererConfig({ file }), { key: 'Channels' } as never)
    await writeFile(file, '- a\n- b\n')
    assert.throws(() => loadOrdererConfig({ file }), { name: 'ConfigError', message: /must hold a mapping/ } as never)
  })
})
