#!/usr/bin/env node
// The `fgossip` command. In a checkout (src/ present, dev dependencies installed) it runs the TypeScript
// sources through tsx; in an installed package or the Docker image it runs the compiled dist/.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const src = new URL('../src/cli/main.ts', import.meta.url)
const dist = new URL('../dist/src/cli/main.js', import.meta.url)

let entry = dist
if (existsSync(fileURLToPath(src))) {
  try {
    const { register } = await import('tsx/esm/api')
    register()
    entry = src
  } catch {
    // tsx is a dev dependency: without it, fall back to the compiled code
  }
}
if (entry === dist && !existsSync(fileURLToPath(dist))) {
  process.stderr.write('fgossip: neither tsx nor a build is available: run `npm ci` (or `npm run build`)\n')
  process.exit(1)
}
await import(entry.href)
