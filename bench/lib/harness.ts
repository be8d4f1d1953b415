/**
 * The benchmark harness: what a benchmark module exports, the figures it reports (each next to a baseline
 * measured in the same run), statistics over repetitions, and the machine description written with results.
 *
 * A benchmark file `bench/<name>.bench.ts` exports `default` a {@link Benchmark}. `bench/index.ts` runs it,
 * prints one table per {@link Section}, writes `bench/results/<name>.json` and renders each section's
 * {@link ChartSpec}s to `docs/charts/<name>-<chart id>.svg`.
 */
import { cpus, totalmem } from 'node:os'
import { performance } from 'node:perf_hooks'
import type { BarChartSpec, LineChartSpec } from './svg.js'

/** What a benchmark gets from the runner. */
export interface BenchContext {
  /** Fewer iterations: a smoke run (CI) rather than a measurement. */
  readonly quick: boolean
  /** Progress lines (stderr), so stdout stays the tables. */
  log(line: string): void
}

/** A group of figures that share a baseline and parameters: printed as one table. */
export interface Section {
  id: string
  title: string
  /** What was measured and how (iterations, sizes...), for the JSON record and the table header. */
  params: Record<string, number | string | boolean>
  figures: Figure[]
  /** Charts of what the section measured: rendered to SVG by the runner, and kept in the JSON record so they can be re-rendered. */
  charts?: ChartSpec[]
}

/**
 * A chart of a section, rendered to `<charts dir>/<benchmark name>-<id>.svg` (`bench/lib/svg.ts`). `id` is part
 * of a file name: letters, digits, `.`, `_` and `-`, starting with a letter or digit, unique in the benchmark.
 * `title` says what the chart shows, for the runner's output and the docs' alt text; `spec.title` is drawn.
 */
export type ChartSpec =
  | { id: string, title: string, kind: 'line', spec: LineChartSpec }
  | { id: string, title: string, kind: 'bar', spec: BarChartSpec }

export interface Figure {
  id: string
  label: string
  unit: string
  value: number
  /** Which direction is good: latencies are better lower, rates higher. */
  better: 'lower' | 'higher'
  baseline?: { label: string, value: number, samples?: number[] }
  /** value / baseline.value */
  ratio?: number
  /** The per-repetition values the figure is the median (or percentile) of. */
  samples?: number[]
  /** Side figures that go with it (drops, frame bytes...). */
  extra?: Record<string, number | string>
}

export interface Benchmark {
  /** The file name without `.bench.ts`; results go to `bench/results/<name>.json`. */
  name: string
  title: string
  run(ctx: BenchContext): Promise<Section[]>
}

/** Builds a figure; with a baseline, computes the ratio. */
export function figure (f: Omit<Figure, 'ratio'>): Figure {
  const out: Figure = { ...f }
  if (f.baseline != null && f.baseline.value !== 0) out.ratio = f.value / f.baseline.value
  return out
}

export function median (xs: readonly number[]): number {
  return quantile(xs, 0.5)
}

/** Linear-interpolated quantile (q in [0, 1]) of the values. */
export function quantile (xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN
  const s = [...xs].sort((a, b) => a - b)
  const pos = (s.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return s[lo] + (s[hi] - s[lo]) * (pos - lo)
}

/** Elapsed milliseconds of `fn`. */
export async function timeMs (fn: () => Promise<void> | void): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

/**
 * Runs `rounds` rounds of every measurement in `runs`, interleaved (a, b, a, b...) so that the machine's
 * noise falls on all of them alike; the first `warmup` rounds are thrown away. Returns each one's samples.
 */
export async function interleaved<K extends string> (runs: Record<K, () => Promise<number>>, rounds: number, warmup: number): Promise<Record<K, number[]>> {
  const keys = Object.keys(runs) as K[]
  const out = Object.fromEntries(keys.map(k => [k, [] as number[]])) as Record<K, number[]>
  for (let r = 0; r < warmup + rounds; r++) {
    // alternate the order too, so no measurement always runs right after the same other one
    const order = r % 2 === 0 ? keys : [...keys].reverse()
    for (const k of order) {
      const v = await runs[k]()
      if (r >= warmup) out[k].push(v)
    }
  }
  return out
}

/** Resolves after the event loop has run once (lets sockets and timers settle between measurements). */
export async function settle (): Promise<void> {
  await new Promise(resolve => setImmediate(resolve))
}

export interface MachineInfo {
  cores: number
  cpu: string
  memoryGiB: number
  node: string
  platform: string
  date: string
}

export function machineInfo (): MachineInfo {
  const c = cpus()
  return {
    cores: c.length,
    cpu: c[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30 * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString()
  }
}
