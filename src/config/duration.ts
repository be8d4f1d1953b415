/**
 * Go duration strings (`time.ParseDuration`, what Fabric's core.yaml holds) to and from milliseconds.
 */

import { ConfigError } from './errors.js'
import { hour, minute, second } from './units.js'

/** Nanoseconds per unit, exactly as Go's `time.ParseDuration` accepts them. */
const NANOS_PER_UNIT: ReadonlyMap<string, bigint> = new Map([
  ['ns', 1n],
  ['us', 1_000n],
  ['µs', 1_000n], // U+00B5 micro sign
  ['μs', 1_000n], // U+03BC Greek mu
  ['ms', 1_000_000n],
  ['s', 1_000_000_000n],
  ['m', 60_000_000_000n],
  ['h', 3_600_000_000_000n]
])

/** Go's limit: a `time.Duration` is an int64 count of nanoseconds. */
const MAX_GO_DURATION_NS = 2n ** 63n - 1n

const TERM = /^(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/

/**
 * Parses a duration the way Go's `time.ParseDuration` does and returns milliseconds (possibly fractional:
 * `'500us'` is `0.5`).
 *
 * - A string is a signed sequence of decimal numbers, each with an optional fraction and a unit: `'5s'`,
 *   `'1500ms'`, `'1m30s'`, `'1.5h'`, `'2h45m'`, `'500us'`, `'-3s'`. Units: `ns`, `us` (or `µs`), `ms`, `s`,
 *   `m`, `h`. The only unit-less string accepted is `'0'`.
 * - A number is taken as milliseconds already (the unit of {@link NodeConfig}), so typed overrides can write
 *   `5 * second`. The file and environment loaders never pass bare numbers here: Fabric (viper) reads a
 *   unit-less `10` as 10 *nanoseconds*, so such a value in a file is rejected as ambiguous instead.
 *
 * Range checks (positive, at most the timer limit) are the caller's: this only parses.
 *
 * @param value - the duration string, or a number of milliseconds
 * @param key - the configuration key, named in the error
 * @throws ConfigError naming `key` when the value is not a duration
 */
export function parseDuration (value: string | number, key: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new ConfigError(key, `expected a duration in milliseconds, got ${value}`)
    }
    return value
  }
  if (typeof value !== 'string') {
    throw new ConfigError(key, `expected a duration like '5s', got ${describeValue(value)}`)
  }
  const text = value.trim()
  const bad = (why = ''): ConfigError =>
    new ConfigError(key, `expected a duration like '5s', '1500ms' or '1m30s', got '${value}'${why}`)

  let rest = text
  let negative = false
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest.startsWith('-')
    rest = rest.slice(1)
  }
  if (rest === '0') return 0
  if (rest === '') throw bad()
  if (/^\d+(\.\d*)?$/.test(rest)) {
    throw bad(" (a unit is required: 's', 'ms', 'm', 'h', 'us' or 'ns')")
  }

  // Exact arithmetic in nanoseconds, as Go does, so '1.1s' is 1100 ms and not 1100.0000000000002.
  let totalNs = 0n
  while (rest.length > 0) {
    const m = TERM.exec(rest)
    if (m == null) throw bad()
    const [whole, intPart = '', fracPart = '', unit = ''] = m
    if (intPart === '' && fracPart === '') throw bad()
    const perUnit = NANOS_PER_UNIT.get(unit)
    if (perUnit == null) throw bad()
    let ns = BigInt(intPart === '' ? '0' : intPart) * perUnit
    if (fracPart !== '') {
      ns += (BigInt(fracPart) * perUnit) / 10n ** BigInt(fracPart.length)
    }
    totalNs += ns
    if (totalNs > MAX_GO_DURATION_NS) throw bad(' (out of range)')
    rest = rest.slice(whole.length)
  }
  const ms = Number(totalNs) / 1e6
  return negative ? -ms : ms
}

/**
 * Formats milliseconds as the shortest Go duration string of one unit that is exact: `5000` -> `'5s'`,
 * `1500` -> `'1500ms'`, `60000` -> `'1m'`, `0.5` -> `'500us'`, `0` -> `'0s'`. The result parses back with
 * {@link parseDuration} to the same number (to the nanosecond).
 */
export function formatDuration (ms: number): string {
  if (ms === 0) return '0s'
  const sign = ms < 0 ? '-' : ''
  const abs = Math.abs(ms)
  for (const [unit, size] of [['h', hour], ['m', minute], ['s', second], ['ms', 1]] as const) {
    if (abs % size === 0) return `${sign}${abs / size}${unit}`
  }
  const us = abs * 1000
  if (Number.isInteger(us)) return `${sign}${us}us`
  return `${sign}${Math.round(abs * 1e6)}ns`
}

/** Renders an unexpected value for an error message. */
export function describeValue (value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'a mapping'
  return String(value)
}
