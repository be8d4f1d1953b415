#!/usr/bin/env node
// Runs the tests with Node's built-in test runner, TypeScript loaded through tsx. Node 20's runner does not
// expand globs, so the files are listed here. Files run one at a time by default: the integration tests
// start many real nodes whose gossip timings must not be starved by another file's on a 2-core machine
// (TEST_CONCURRENCY raises it). Files named on the command line run alone.
import { readdirSync, statSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join, dirname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
function walk (dir) {
  const out = []
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...walk(p))
    else if (name.endsWith('.test.ts')) out.push(relative(root, p))
  }
  return out
}
const args = process.argv.slice(2)
const files = args.length > 0 ? args : walk(join(root, 'test'))
const r = spawnSync(process.execPath, [
  '--import', 'tsx', '--test', '--test-reporter=spec',
  `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 1}`,
  ...files
], { cwd: root, stdio: 'inherit' })
process.exit(r.status ?? 1)
