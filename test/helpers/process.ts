/**
 * Real `fgossip` processes for tests: spawn, collect output, wait for an HTTP condition, stop with a signal.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const FGOSSIP = fileURLToPath(new URL('../../bin/fgossip.js', import.meta.url))

export interface Proc {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

/** Starts `fgossip <args>` with extra environment variables. */
export function fgossip (args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn(process.execPath, [FGOSSIP, ...args], {
    env: { ...process.env, FABRIC_LOGGING_SPEC: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { out += d.toString() })
  const exited = new Promise<number | null>(resolve => child.once('exit', code => { resolve(code) }))
  return { child, output: () => out, exited }
}

/** Runs `fgossip <args>` to completion. */
export async function run (args: string[], env: Record<string, string> = {}): Promise<{ code: number | null, output: string }> {
  const p = fgossip(args, env)
  const code = await p.exited
  return { code, output: p.output() }
}

export { freePort } from '../../src/cli/ports.js'

/** GETs a JSON document, or undefined when the server does not answer yet. */
export async function getJson (url: string): Promise<{ status: number, body: any } | undefined> { // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
    const text = await res.text()
    return { status: res.status, body: res.headers.get('content-type')?.includes('json') === true ? JSON.parse(text) : text }
  } catch {
    return undefined
  }
}
