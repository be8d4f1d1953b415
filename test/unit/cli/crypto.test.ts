import { after, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Command, CommanderError } from 'commander'
import { registerCryptoCommand } from '../../../src/cli/crypto.js'
import { loadSigningIdentity, MspManager } from '../../../src/identity/index.js'
import { tempDir } from '../identity/helpers.js'

interface Run { out: string, err: string, error?: CommanderError }

async function run (...args: string[]): Promise<Run> {
  const result: Run = { out: '', err: '' }
  const program = new Command('fgossip')
    .exitOverride()
    .configureOutput({ writeOut: s => { result.out += s }, writeErr: s => { result.err += s } })
  registerCryptoCommand(program)
  try {
    await program.parseAsync(args, { from: 'user' })
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err
    result.error = err
  }
  return result
}

describe('fgossip crypto generate', () => {
  const tmp = tempDir()
  after(() => { tmp.cleanup() })

  it('generates the layout and prints a summary', async () => {
    const out = join(tmp.dir, 'crypto')
    const r = await run('crypto', 'generate', '--out', out, '--orgs', '2', '--peers', '1', '--orderer', '--users', '0', '--no-tls')
    assert.equal(r.error, undefined, r.err)
    assert.match(r.out, /^Wrote \d+ files to .*crypto in \d+ ms\n/)
    assert.match(r.out, /Org1MSP +peerOrganizations\/org1\.example\.com +peers: peer0 +users: Admin\n/)
    assert.match(r.out, /OrdererMSP +ordererOrganizations\/example\.com +orderers: orderer +users: Admin\n/)
    const msp = join(out, 'peerOrganizations/org2.example.com/peers/peer0.org2.example.com/msp')
    const msps = new MspManager()
    msps.addMspFolder(join(out, 'peerOrganizations/org2.example.com/msp'), 'Org2MSP')
    assert.equal(msps.validate(loadSigningIdentity(msp, 'Org2MSP').serialized).commonName, 'peer0.org2.example.com')
    assert.ok(!existsSync(join(out, 'peerOrganizations/org1.example.com/tlsca')))

    const again = await run('crypto', 'generate', '--out', out, '--orgs', '1', '--peers', '1')
    assert.equal(again.error?.exitCode, 1)
    assert.match(again.err, /org1\.example\.com already exists \(use --force to replace it\)/)
    const forced = await run('crypto', 'generate', '--out', out, '--orgs', '1', '--peers', '1', '--domain', 'example.com', '--force')
    assert.equal(forced.error, undefined, forced.err)
  })

  it('names the option of a bad value', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--orgs', '0'], /--orgs must be a positive integer/],
      [['--orgs', '1.5'], /--orgs must be a positive integer/],
      [['--peers', 'abc'], /--peers must be a positive integer/],
      [['--users', '-1'], /--users must be a non-negative integer/],
      [['--orderers', '0'], /--orderers must be a positive integer/],
      [['--domain', 'no spaces.com'], /--domain must be a DNS name/]
    ]
    for (const [args, message] of cases) {
      const r = await run('crypto', 'generate', '--out', join(tmp.dir, 'never'), ...args)
      assert.equal(r.error?.code, 'commander.invalidArgument', args.join(' '))
      assert.match(r.err, message)
    }
    assert.ok(!existsSync(join(tmp.dir, 'never')))
  })

  it('has help text for every option', async () => {
    const r = await run('crypto', 'generate', '--help')
    assert.equal(r.error?.code, 'commander.helpDisplayed')
    for (const flag of ['--out', '--orgs', '--peers', '--orderer', '--orderers', '--domain', '--users', '--no-tls', '--no-node-ous', '--force', 'Examples:']) {
      assert.ok(r.out.includes(flag), flag)
    }
  })
})
