import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Command, CommanderError } from 'commander'
import { parseAnchorOption, registerChannelCommand } from '../../../src/cli/channel.js'
import { generateCryptoMaterial } from '../../../src/identity/cryptogen.js'
import { common } from '../../../src/pb/common.js'
import { readChannelConfig } from '../../../src/wire/config-block.js'
import { blockDataHash } from '../../../src/wire/block.js'
import { tempDir } from '../identity/helpers.js'

interface Run { out: string, err: string, error?: CommanderError }

async function run (...args: string[]): Promise<Run> {
  const result: Run = { out: '', err: '' }
  const program = new Command('fgossip')
    .exitOverride()
    .configureOutput({ writeOut: s => { result.out += s }, writeErr: s => { result.err += s } })
  registerChannelCommand(program)
  try {
    await program.parseAsync(args, { from: 'user' })
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err
    result.error = err
  }
  return result
}

describe('fgossip channel genesis', () => {
  const tmp = tempDir('fgossip-cli-channel-')
  let crypto = ''
  before(async () => {
    crypto = (await generateCryptoMaterial({ out: join(tmp.dir, 'crypto'), orgs: 3, peers: 1, orderer: true, users: 0, tls: false })).out
  })
  after(() => { tmp.cleanup() })

  const readBlock = (file: string): common.Block => common.Block.decode(new Uint8Array(readFileSync(file)))

  it('writes the genesis block of every peer org and the orderer org, and prints a summary', async () => {
    const out = join(tmp.dir, 'blocks', 'mychannel.block')
    const r = await run('channel', 'genesis', '--crypto', crypto, '--channel', 'mychannel', '--out', out)
    assert.equal(r.error, undefined, r.err)
    const block = readBlock(out)
    assert.equal(block.header?.number, 0n)
    assert.deepEqual(block.header?.dataHash, blockDataHash(block.data!.data))
    const config = readChannelConfig(block)
    assert.equal(config.channelId, 'mychannel')
    assert.deepEqual(config.applicationOrgs.map(o => [o.mspId, o.anchorPeers]), [['Org1MSP', []], ['Org2MSP', []], ['Org3MSP', []]])
    assert.deepEqual(config.ordererOrgs.map(o => o.mspId), ['OrdererMSP'])
    assert.match(r.out, /^Wrote the genesis block of channel mychannel to .*mychannel\.block \(\d+ bytes\)\n/)
    assert.match(r.out, /Org2MSP +application org +anchor peers: none\n/)
    assert.match(r.out, /OrdererMSP +orderer org\n/)
  })

  it('takes a subset of orgs with --org and anchor peers with --anchor', async () => {
    const out = join(tmp.dir, 'ch1.block')
    const r = await run('channel', 'genesis', '--crypto', crypto, '--channel', 'ch1', '--org', 'Org3MSP', '--org', 'Org1MSP',
      '--anchor', 'Org1MSP=peer0.org1.example.com:7051', '--anchor', 'Org1MSP=127.0.0.1:7061', '--anchor', 'Org3MSP=[::1]:9051', '-o', out)
    assert.equal(r.error, undefined, r.err)
    const config = readChannelConfig(readBlock(out))
    assert.deepEqual(config.applicationOrgs.map(o => [o.mspId, o.anchorPeers]), [
      ['Org1MSP', [{ host: 'peer0.org1.example.com', port: 7051 }, { host: '127.0.0.1', port: 7061 }]],
      ['Org3MSP', [{ host: '::1', port: 9051 }]]
    ])
    assert.match(r.out, /Org1MSP +application org +anchor peers: peer0\.org1\.example\.com:7051, 127\.0\.0\.1:7061\n/)
  })

  it('takes the orderer type and endpoints', async () => {
    const out = join(tmp.dir, 'solo.block')
    const r = await run('channel', 'genesis', '--crypto', crypto, '--channel', 'solo', '--orderer-type', 'solo', '--orderer-endpoint', '127.0.0.1:7050', '--out', out)
    assert.equal(r.error, undefined, r.err)
    assert.ok(readBlock(out).data!.data[0].length > 0)
  })

  it('takes the batch timeout and the message count of a block', async () => {
    const out = join(tmp.dir, 'batch.block')
    const r = await run('channel', 'genesis', '--crypto', crypto, '--channel', 'fast', '--batch-timeout', '250ms', '--max-message-count', '20', '--out', out)
    assert.equal(r.error, undefined, r.err)
    const batch = readChannelConfig(readBlock(out)).batch
    assert.equal(batch?.batchTimeout, 250)
    assert.equal(batch?.maxMessageCount, 20)
  })

  it('names the option of a bad value', async () => {
    const base = ['channel', 'genesis', '--crypto', '', '--channel', 'ch', '--out', join(tmp.dir, 'x.block')]
    const cases: Array<[string[], RegExp]> = [
      [['--channel', 'MyChannel'], /--channel: 'MyChannel' is not a valid channel ID/],
      [['--anchor', 'peer0:7051'], /--anchor must be MSPID=host:port, got 'peer0:7051'/],
      [['--anchor', 'Org1MSP=peer0'], /--anchor must be MSPID=host:port .*got 'Org1MSP=peer0'/],
      [['--anchor', 'Org1MSP=peer0:99999'], /--anchor must be MSPID=host:port with a port from 1 to 65535/],
      [['--org', 'Org9MSP'], /--org: no peer org Org9MSP in .* \(it has Org1MSP, Org2MSP, Org3MSP\)/],
      [['--org', 'Org1MSP', '--anchor', 'Org2MSP=p:1'], /--anchor: anchor peers for Org2MSP, which is not an org of the channel \(Org1MSP\)/],
      [['--orderer-type', 'kafka'], /--orderer-type must be etcdraft or solo, got 'kafka'/],
      [['--orderer-endpoint', 'nope'], /--orderer-endpoint must be host:port/],
      [['--batch-timeout', 'soon'], /--batch-timeout must be a duration like 2s or 250ms, got 'soon'/],
      [['--batch-timeout', '0s'], /--batch-timeout must be more than 0/],
      [['--max-message-count', '0'], /--max-message-count must be a whole number from 1, got '0'/],
      [['--orderer-endpoint', 'a:1', '--orderer-endpoint', 'b:2'], /--orderer-endpoint: 2 orderer endpoint\(s\) given for 1 orderer node\(s\)/]
    ]
    for (const [args, message] of cases) {
      const argv = [...base, ...args]
      argv[3] = crypto
      const r = await run(...argv)
      assert.ok(r.error !== undefined, `no error for ${args.join(' ')}`)
      assert.notEqual(r.error.exitCode, 0)
      assert.match(r.err, message, args.join(' '))
    }
    const missing = await run('channel', 'genesis', '--crypto', join(tmp.dir, 'nothing'), '--channel', 'ch', '--out', join(tmp.dir, 'x.block'))
    assert.equal(missing.error?.exitCode, 1)
    assert.match(missing.err, /--crypto: .*nothing does not exist/)
    const notCrypto = await run('channel', 'genesis', '--crypto', tmp.dir, '--channel', 'ch', '--out', join(tmp.dir, 'x.block'))
    assert.match(notCrypto.err, /--crypto: .* is not a crypto folder: it has neither peerOrganizations\/ nor ordererOrganizations\//)
    const noOut = await run('channel', 'genesis', '--crypto', crypto, '--channel', 'ch')
    assert.match(noOut.err, /required option '-o, --out <file>' not specified/)
    const badOut = await run('channel', 'genesis', '--crypto', crypto, '--channel', 'ch', '--out', join(crypto, 'peerOrganizations'))
    assert.match(badOut.err, /--out: cannot write .*peerOrganizations/)
  })

  it('has complete help', async () => {
    const r = await run('channel', 'genesis', '--help')
    assert.equal(r.error?.code, 'commander.helpDisplayed')
    for (const option of ['--crypto <dir>', '--channel <name>', '--org <mspid>', '--anchor <mspid=host:port>', '-o, --out <file>', '--orderer-type <type>', '--orderer-endpoint <host:port>', '--batch-timeout <duration>', '--max-message-count <n>']) {
      assert.ok(r.out.includes(option), option)
    }
    assert.match(r.out, /Examples:/)
    assert.match(r.out, /org1\.example\.com is Org1MSP/)
    const group = await run('channel', '--help')
    assert.match(group.out, /genesis/)
  })
})

describe('parseAnchorOption', () => {
  it('parses MSPID=host:port', () => {
    assert.deepEqual(parseAnchorOption('Org1MSP=peer0.org1.example.com:7051'), { mspId: 'Org1MSP', peer: { host: 'peer0.org1.example.com', port: 7051 } })
    assert.deepEqual(parseAnchorOption('Org1MSP=[fe80::1]:7051'), { mspId: 'Org1MSP', peer: { host: 'fe80::1', port: 7051 } })
    for (const bad of ['', '=h:1', 'Org1MSP', 'Org1MSP=', 'Org1MSP=h', 'Org1MSP=h:0', 'Org1MSP=h:x']) {
      assert.throws(() => parseAnchorOption(bad), (err: Error) => err.name === 'InvalidArgumentError' && err.message.startsWith('--anchor must be'), bad)
    }
  })
})
