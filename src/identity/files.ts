/** Directory listing for MSP folders. */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { MspConfigError } from './errors.js'

/**
 * The regular, non-hidden files of `dir` as full paths in name order; [] when `dir` does not exist.
 * @throws {MspConfigError} when `dir` exists but cannot be read
 */
export function listFiles (dir: string): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new MspConfigError(`cannot read ${dir}: ${(err as Error).message}`, { cause: err })
  }
  return names
    .filter(n => !n.startsWith('.'))
    .sort()
    .map(n => join(dir, n))
    .filter(p => statSync(p).isFile())
}
