/**
 * Operator-facing logs: one line per event on stderr, `time level [component] message`, at the level set by
 * `FABRIC_LOGGING_SPEC` (Fabric's variable: `debug`, `info` (default), `warning`, `error`; the simple form
 * only). Per-message detail belongs at debug level; `warnOnce` keeps a flood of the same warning to one
 * line per interval with a count of what it held back.
 */

export type Level = 'debug' | 'info' | 'warn' | 'error'

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

function levelFromSpec (spec: string | undefined): Level {
  const s = (spec ?? '').trim().toLowerCase()
  if (s.startsWith('debug')) return 'debug'
  if (s.startsWith('warn')) return 'warn'
  if (s.startsWith('error') || s.startsWith('fatal') || s.startsWith('panic')) return 'error'
  return 'info'
}

let threshold: Level = levelFromSpec(process.env.FABRIC_LOGGING_SPEC)
let sink: (line: string) => void = line => { process.stderr.write(line + '\n') }

/** Sets the level (for tests and the CLI). */
export function setLogLevel (level: Level | string): void { threshold = levelFromSpec(level) }
/** Redirects log lines (for tests). */
export function setLogSink (fn: (line: string) => void): void { sink = fn }

export interface Logger {
  debug(msg: string): void
  info(msg: string): void
  warn(msg: string): void
  error(msg: string): void
  /** A warning printed at most once per `intervalMs` for the same key, with a count of those held back. */
  warnOnce(key: string, msg: string, intervalMs?: number): void
}

export function createLogger (component: string): Logger {
  const held = new Map<string, { at: number, suppressed: number }>()
  const write = (level: Level, msg: string): void => {
    if (ORDER[level] < ORDER[threshold]) return
    sink(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${component}] ${msg}`)
  }
  return {
    debug: msg => { write('debug', msg) },
    info: msg => { write('info', msg) },
    warn: msg => { write('warn', msg) },
    error: msg => { write('error', msg) },
    warnOnce (key, msg, intervalMs = 60_000) {
      const now = Date.now()
      const h = held.get(key)
      if (h != null && now - h.at < intervalMs) {
        h.suppressed++
        return
      }
      if (held.size > 1000) held.clear()
      const extra = h != null && h.suppressed > 0 ? ` (${h.suppressed} similar held back)` : ''
      held.set(key, { at: now, suppressed: 0 })
      write('warn', msg + extra)
    }
  }
}
