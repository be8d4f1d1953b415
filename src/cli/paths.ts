/** Where the package is installed, so that the CLI can start more of itself (from src/ or dist/ alike). */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export function packageRoot (): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const pkg = join(dir, 'package.json')
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'fabric-gossip-libp2p') return dir
    const up = dirname(dir)
    if (up === dir) throw new Error('cannot find the fabric-gossip-libp2p package root')
    dir = up
  }
}

/** The `fgossip` launcher script. */
export function fgossipBin (): string {
  return join(packageRoot(), 'bin', 'fgossip.js')
}
