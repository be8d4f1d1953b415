#!/usr/bin/env node
// Regenerates, from the config schema (src/config/schema.ts), the key table of docs/config.md (between its
// GENERATED markers) and the whole of docs/peer.sample.yaml. test/unit/config/docs.test.ts fails when they
// are stale. Run: node --import tsx scripts/config-doc.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderGeneratedDoc, renderSampleYaml, replaceGenerated } from '../src/config/describe.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')
const outputs = [
  [join(root, 'docs/config.md'), (current) => replaceGenerated(current, renderGeneratedDoc())],
  [join(root, 'docs/peer.sample.yaml'), () => renderSampleYaml()]
]
let stale = false
for (const [file, render] of outputs) {
  let current = ''
  try { current = readFileSync(file, 'utf8') } catch { /* not written yet */ }
  const next = render(current)
  if (next === current) continue
  stale = true
  if (check) console.error(`${file} is stale`)
  else { writeFileSync(file, next); console.log(`wrote ${file}`) }
}
process.exit(check && stale ? 1 : 0)
