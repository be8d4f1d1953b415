import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadConfig, describeConfig, configKeys, CONFIG_SCHEMA, envName } from '../../../src/config/index.js'
import type { ConfigWarning } from '../../../src/config/index.js'
import {
  renderGeneratedDoc, renderSampleYaml, GENERATED_BEGIN, GENERATED_END
} from '../../../src/config/describe.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..')
const docs = join(root, 'docs')
const STALE = 'stale: run `node --import tsx scripts/config-doc.mjs`'

describe('docs/config.md', () => {
  const text = readFileSync(join(docs, 'config.md'), 'utf8')

  it('holds the current generated tables', () => {
    const begin = text.indexOf(GENERATED_BEGIN)
    const end = text.indexOf(GENERATED_END)
    assert.ok(begin >= 0 && end > begin, 'generated markers missing')
    assert.ok(text.slice(begin + GENERATED_BEGIN.length + 1, end) === renderGeneratedDoc(), STALE)
  })

  it('lists every key with its environment variable', () => {
    for (const key of Object.keys(CONFIG_SCHEMA)) {
      assert.ok(text.includes(`| \`${key}\` | \`${envName(key)}\` |`), key)
    }
  })
})

describe('docs/peer.sample.yaml', () => {
  const file = join(docs, 'peer.sample.yaml')

  it('is current', () => {
    assert.ok(readFileSync(file, 'utf8') === renderSampleYaml(), STALE)
  })

  it('loads with no warning and gives the defaults', () => {
    const warnings: ConfigWarning[] = []
    const config = loadConfig({ file, cwd: '/elsewhere', onWarning: (_m, w) => { warnings.push(w) } })
    assert.deepEqual(warnings, [])
    assert.deepEqual(config, loadConfig({ cwd: docs }))
  })
})

describe('describeConfig', () => {
  it('names every key, its variable and default', () => {
    const text = describeConfig()
    for (const info of configKeys()) {
      assert.ok(text.includes(`  ${info.key} = ${info.default}   [${info.env};`), info.key)
    }
    assert.ok(text.includes('CORE_PEER_GOSSIP_BOOTSTRAP'))
    assert.ok(text.includes("Fabric's default: false"))
    const brief = describeConfig({ brief: true })
    assert.equal(brief.split('\n').filter(l => l.startsWith('  ')).length, Object.keys(CONFIG_SCHEMA).length)
  })

  it('keeps lines within the width', () => {
    for (const line of describeConfig({ width: 100 }).split('\n')) {
      if (!line.startsWith('  peer.') && !line.startsWith('  operations.')) assert.ok(line.length <= 100, line)
    }
  })
})
