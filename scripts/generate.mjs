#!/usr/bin/env node
// Generates src/pb/*.ts from protocols/*.proto with protons. The output is committed; CI regenerates it
// and fails when it differs (the .proto files are the source of truth).
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const protos = readdirSync(join(root, 'protocols')).filter(f => f.endsWith('.proto')).sort().map(f => join('protocols', f))
const bin = join(root, 'node_modules', '.bin', 'protons')
const r = spawnSync(bin, ['-o', 'src/pb', ...protos], { cwd: root, stdio: 'inherit' })
process.exit(r.status ?? 1)
