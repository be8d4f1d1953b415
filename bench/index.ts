/**
 * `npm run bench [-- [--quick] [--out DIR] [--charts DIR] [name...]]`: runs the benchmarks
 * `bench/<name>.bench.ts` (all of them, or those named), prints a table per section with every figure next to
 * its baseline measured in the same run, writes `bench/results/<name>.json` (the machine, the parameters, every
 * figure with its baseline and ratio, and the sections' chart specs) and renders each chart to
 * `docs/charts/<name>-<chart id>.svg`. `--quick` runs fewer iterations: a smoke run, not a measurement.
 * `--render-only` runs nothing: it re-renders the charts from the JSON records already written.
 */
import '../src/shim.js'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import { machineInfo, type Benchmark, type ChartSpec, type Figure, type Section } from './lib/harness.js'
import { barChart, lineChart } from './lib/svg.js'

const benchDir = dirname(fileURLToPath(import.meta.url))
const SUFFIX = '.bench.ts'

const USAGE = `usage: npm run bench -- [--quick] [--out DIR] [--charts DIR] [--render-only] [name...]
  name           a benchmark (bench/<name>${SUFFIX}); default: all
  --quick        fewer iterations (a smoke run)
  --out DIR      where to write <name>.json (default bench/results)
  --charts DIR   where to write the charts, <name>-<chart id>.svg (default docs/charts, also with --out:
                 give --charts as well to keep a scratch run's charts out of the docs)
  --render-only  run nothing: re-render the charts from the <name>.json files already in the --out folder`

interface Options { quick: boolean, out: string, charts: string, renderOnly: boolean, names: string[] }

function usage (code: number, error?: string): never {
  if (error != null) console.error(error)
  ;(code === 0 ? console.log : console.error)(USAGE)
  process.exit(code)
}

function parseArgs (argv: string[]): Options {
  const opts: Options = { quick: false, out: join(benchDir, 'results'), charts: join(benchDir, '..', 'docs', 'charts'), renderOnly: false, names: [] }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const folder = (option: '--out' | '--charts'): string => {
      const dir = a === option ? argv[++i] : a.slice(option.length + 1)
      if (dir == null || dir === '') usage(2, `${option} needs a folder`)
      return resolve(dir)
    }
    if (a === '--quick') {
      opts.quick = true
    } else if (a === '--render-only') {
      opts.renderOnly = true
    } else if (a === '--out' || a.startsWith('--out=')) {
      opts.out = folder('--out')
    } else if (a === '--charts' || a.startsWith('--charts=')) {
      opts.charts = folder('--charts')
    } else if (a === '--help' || a === '-h') {
      usage(0)
    } else if (a.startsWith('-')) {
      usage(2, `unknown option ${a}`)
    } else {
      opts.names.push(a)
    }
  }
  return opts
}

// ---- formatting ----

function num (x: number): string {
  if (!Number.isFinite(x)) return String(x)
  const abs = Math.abs(x)
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US')
  if (abs >= 100) return x.toFixed(0)
  if (abs >= 10) return x.toFixed(1)
  return x.toFixed(2)
}

/** "1.52 (1.5x slower)": the ratio value / baseline, and what it means for this figure's direction. */
function ratioText (f: Figure): string {
  if (f.ratio == null) return ''
  const worse = f.better === 'lower' ? f.ratio > 1 : f.ratio < 1
  const factor = f.ratio >= 1 ? f.ratio : 1 / f.ratio
  const how = Math.abs(factor - 1) < 0.02 ? 'same' : `${factor.toFixed(factor >= 10 ? 0 : 2)}x ${worse ? 'slower' : 'faster'}`
  return `${f.ratio.toFixed(f.ratio >= 10 ? 1 : 3)} (${how})`
}

function table (rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map(r => r[c].length)))
  const line = (r: string[]): string => '  ' + r.map((cell, c) => c === 1 || c === 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])).join('  ').trimEnd()
  return [line(rows[0]), '  ' + widths.map(w => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')
}

function printSection (name: string, s: Section): void {
  const params = Object.entries(s.params).map(([k, v]) => `${k}=${String(v)}`).join(', ')
  console.log(`\n${name} / ${s.title}\n  (${params})`)
  const rows = [['figure', 'value', 'baseline', 'baseline value', 'ratio', 'notes']]
  for (const f of s.figures) {
    rows.push([
      f.label,
      `${num(f.value)} ${f.unit}`,
      f.baseline?.label ?? '',
      f.baseline != null ? `${num(f.baseline.value)} ${f.unit}` : '',
      ratioText(f),
      Object.entries(f.extra ?? {}).map(([k, v]) => `${k} ${typeof v === 'number' ? num(v) : v}`).join(', ')
    ])
  }
  console.log(table(rows))
}

/** Numbers rounded to 4 significant digits: the JSON records stay small and diffable. */
function compact (value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(4))
  if (Array.isArray(value)) return value.map(compact)
  if (value != null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]))
  return value
}

/** JSON with one key per line but arrays of numbers (NaN written as null) on one line: small, readable, diffable. */
function toJson (record: unknown): string {
  return JSON.stringify(compact(record), null, 1).replace(/\[\n\s*((?:-?[\d.e+-]+|null)(?:,\n\s*(?:-?[\d.e+-]+|null))*)\n\s*\]/g, (_m, body: string) => `[${body.split(/,\s*/).join(', ')}]`) + '\n'
}

/** The `BENCH_*` variables that choose what a benchmark runs (`BENCH_N=50 `), as the command's prefix. */
function benchEnv (): string {
  return Object.entries(process.env).filter(([k, v]) => k.startsWith('BENCH_') && v != null && v !== '').sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v as string} `).join('')
}

/** The commit measured, `+dirty` when the sources have uncommitted changes; undefined outside a git checkout. */
function commit (): string | undefined {
  try {
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: benchDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    return git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', '../src') !== '' ? '+dirty' : '')
  } catch {
    return undefined
  }
}

// ---- charts ----

/** A chart id is part of a file name. */
const CHART_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

function renderChart (chart: ChartSpec): string {
  switch (chart.kind) {
    case 'line': return lineChart(chart.spec)
    case 'bar': return barChart(chart.spec)
    default: throw new Error(`chart "${(chart as ChartSpec).id}": unknown kind ${JSON.stringify((chart as { kind: unknown }).kind)}`)
  }
}

/** Renders every chart of every section to `<dir>/<name>-<chart id>.svg`; returns the files written. */
function writeCharts (name: string, sections: readonly Section[], dir: string): string[] {
  const charts = sections.flatMap(s => s.charts ?? [])
  const ids = new Set<string>()
  for (const c of charts) {
    if (typeof c.id !== 'string' || !CHART_ID.test(c.id)) throw new Error(`${name}: chart id ${JSON.stringify(c.id)} is not file-name safe (letters, digits, '.', '_', '-', starting with a letter or digit)`)
    if (ids.has(c.id)) throw new Error(`${name}: two charts with the id "${c.id}"`)
    ids.add(c.id)
  }
  // render them all before writing any, so a bad spec leaves no half set
  const files = charts.map(c => ({ file: join(dir, `${name}-${c.id}.svg`), svg: renderChart(c) }))
  if (files.length > 0) mkdirSync(dir, { recursive: true })
  for (const f of files) writeFileSync(f.file, f.svg)
  return files.map(f => f.file)
}

function printCharts (files: readonly string[]): void {
  for (const f of files) console.log(`chart: ${relative(process.cwd(), f)}`)
}

/** `--render-only`: the charts of `<out>/<name>.json`, as written by an earlier run. */
function renderOnly (opts: Options, names: readonly string[]): void {
  for (const name of names) {
    const file = join(opts.out, `${name}.json`)
    if (!existsSync(file)) {
      console.log(`no results ${relative(process.cwd(), file)}`)
      continue
    }
    const record = JSON.parse(readFileSync(file, 'utf8')) as { sections?: Section[] }
    const written = writeCharts(name, record.sections ?? [], opts.charts)
    if (written.length === 0) console.log(`no charts in ${relative(process.cwd(), file)}`)
    printCharts(written)
  }
}

// ---- running ----

async function main (): Promise<void> {
  const opts = parseArgs(process.argv.slice(2))
  const available = readdirSync(benchDir).filter(f => f.endsWith(SUFFIX)).map(f => f.slice(0, -SUFFIX.length)).sort()
  const unknown = opts.names.filter(n => !available.includes(n))
  if (unknown.length > 0) {
    console.error(`no benchmark ${unknown.join(', ')} (have: ${available.join(', ')})`)
    process.exit(2)
  }
  const selected = opts.names.length > 0 ? available.filter(n => opts.names.includes(n)) : available
  if (opts.renderOnly) {
    renderOnly(opts, selected)
    return
  }
  const machine = machineInfo()
  console.log(`machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ${opts.quick ? 'quick (smoke) run' : 'full run'}`)
  const log = (line: string): void => { process.stderr.write(`  .. ${line}\n`) }

  for (const name of selected) {
    const mod = await import(pathToFileURL(join(benchDir, `${name}${SUFFIX}`)).href) as { default: Benchmark }
    const bench = mod.default
    console.log(`\n== ${name}: ${bench.title}`)
    const t0 = performance.now()
    const sections = await bench.run({ quick: opts.quick, log })
    const seconds = (performance.now() - t0) / 1000
    for (const s of sections) printSection(name, s)
    console.log(`\n${name}: ${seconds.toFixed(1)} s`)

    mkdirSync(opts.out, { recursive: true })
    const file = join(opts.out, `${name}.json`)
    const record = {
      benchmark: name,
      title: bench.title,
      mode: opts.quick ? 'quick' : 'full',
      command: `${benchEnv()}npm run bench -- ${opts.quick ? '--quick ' : ''}${name}`,
      commit: commit(),
      machine,
      seconds,
      sections
    }
    writeFileSync(file, toJson(record))
    console.log(`results: ${relative(process.cwd(), file)}`)
    printCharts(writeCharts(name, sections, opts.charts))
  }
}

main().catch(err => {
  console.error(err)
  process.exitCode = 1
})
