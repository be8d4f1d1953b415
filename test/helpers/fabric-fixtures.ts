/**
 * Real Fabric blocks for tests (see test/fixtures/README.md: copied from Fabric's own test data). The folder
 * is `$FABRIC_FIXTURES`, by default `test/fixtures/fabric-blocks/` of this repository.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { common } from '../../src/pb/common.js'

/** The folder holding the fixture blocks. */
export const FABRIC_BLOCKS_DIR = process.env.FABRIC_FIXTURES ?? fileURLToPath(new URL('../fixtures/fabric-blocks/', import.meta.url))

/** The names of the fixture block files. */
export function fixtureBlockNames (): string[] {
  return readdirSync(FABRIC_BLOCKS_DIR).filter(name => name.endsWith('.block') || name.endsWith('.pb')).sort()
}

/** The bytes of a fixture block file. */
export function readFixtureBytes (name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FABRIC_BLOCKS_DIR, name)))
}

/** A fixture block, decoded with our codec. */
export function readFixtureBlock (name: string): common.Block {
  return common.Block.decode(readFixtureBytes(name))
}
