/**
 * Charts of benchmark results as SVG text: no dependencies, no external tools. The functions are pure and
 * deterministic (the same spec gives the same bytes; coordinates are rounded to 2 decimals), so a chart
 * re-rendered from a JSON record diffs cleanly.
 *
 * - {@link lineChart}: named series of (x, y) points with markers, optional log axes, dashed series
 *   (baselines, floors) and horizontal reference lines (targets).
 * - {@link barChart}: grouped bars, one group per category and one bar per series, value labels above bars.
 *
 * Colours are the Okabe-Ito palette (safe for colour-blind readers) and each line series also has its own
 * marker shape, so a chart still reads in grey. Axis ticks are 1-2-5 steps, or powers of ten on a log axis
 * (with 2 and 5 between them when the range is three decades or less).
 */

/** A value that may be missing: null (NaN in a JSON record), undefined, NaN and infinities are skipped. */
export type Maybe = number | null | undefined

/** A horizontal line across the plot at `y` (in y units), labelled at its right end: a target, a limit. */
export interface ReferenceLine {
  y: number
  label: string
}

/** What both kinds of chart have. */
export interface ChartCommon {
  /** drawn above the plot */
  title: string
  yLabel: string
  /** shown after the label: "latency (ms)" */
  yUnit?: string
  /** @default false */
  logY?: boolean
  /** the y range to show (widened to the ticks); values outside it are not drawn. @default the data's, with 0 on a linear axis */
  yRange?: [number, number]
  references?: ReferenceLine[]
  /** @default 720 */
  width?: number
  /** @default 400 */
  height?: number
}

export interface LineSeries {
  name: string
  /** drawn in this order; a point with a missing coordinate (or one <= 0 on a log axis) leaves a gap in the line */
  points: ReadonlyArray<readonly [x: Maybe, y: Maybe]>
  /** a dashed line, for a baseline or a floor. @default false */
  dashed?: boolean
  /** @default true */
  markers?: boolean
  /** a CSS colour. @default the palette's colour for the series' position */
  color?: string
}

export interface LineChartSpec extends ChartCommon {
  xLabel: string
  xUnit?: string
  /** @default false */
  logX?: boolean
  /** the x range to show (widened to the ticks). @default the data's */
  xRange?: [number, number]
  series: LineSeries[]
}

export interface BarSeries {
  name: string
  /** one per category, in the same order; a missing value draws no bar */
  values: Maybe[]
  /** a CSS colour. @default the palette's colour for the series' position */
  color?: string
}

export interface BarChartSpec extends ChartCommon {
  /** one group of bars each, left to right: "N=10", "N=25" */
  categories: string[]
  xLabel?: string
  series: BarSeries[]
}

/** Okabe & Ito (2008), yellow last: it is the hardest to see on white. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#000000', '#F0E442'] as const

const WIDTH = 720
const HEIGHT = 400
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
const INK = '#222222'
const GRID = '#e5e5e5'
const MUTED = '#555555'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
/** Text made safe for XML content and attribute values. */
export function escapeXml (s: string): string {
  return s.replace(/[&<>"']/g, c => ENTITIES[c])
}

/** A coordinate: rounded to 2 decimals. */
const n = (v: number): string => String(Math.round(v * 100) / 100)
/** Without floating-point noise (0.30000000000000004 -> 0.3). */
const clean = (v: number): number => Number(v.toPrecision(12))
/** Rough width of a text in the sans-serif font: enough to lay out legends and margins. */
const textWidth = (s: string, size: number): number => s.length * size * 0.58
const axisTitle = (label: string, unit?: string): string => unit != null && unit !== '' ? `${label} (${unit})` : label
const colorOf = (s: { color?: string }, i: number): string => s.color ?? PALETTE[i % PALETTE.length]

function text (x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs}>${escapeXml(s)}</text>`
}

/** A tick label: short, without float noise (10k, 1.5M). */
function tickText (v: number): string {
  const abs = Math.abs(v)
  if (abs >= 1e6) return `${clean(v / 1e6)}M`
  if (abs >= 1e4) return `${clean(v / 1e3)}k`
  return String(clean(v))
}

/** A value above a bar: 3 significant digits, whole numbers with thousands separators from 1,000. */
function valueText (v: number): string {
  if (Math.abs(v) >= 1000) return Math.round(v).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return String(Number(v.toPrecision(3)))
}

// ---- axes ----

interface Axis { lo: number, hi: number, log: boolean, ticks: number[] }

const usable = (v: Maybe, log: boolean): v is number => typeof v === 'number' && Number.isFinite(v) && (!log || v > 0)
const inside = (a: Axis, v: number): boolean => v >= a.lo - 1e-9 * Math.abs(a.lo) && v <= a.hi + 1e-9 * Math.abs(a.hi)

/** 1, 2 or 5 times a power of ten: the smallest such step at least `raw`. */
function niceStep (raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw))
  const f = raw / p
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p
}

/** About `count` intervals of a 1-2-5 step covering [lo, hi]. */
function linearAxis (lo: number, hi: number, count: number): Axis {
  if (hi === lo) {
    const pad = Math.abs(lo) / 2 || 1
    lo = lo >= 0 && lo - pad < 0 ? 0 : lo - pad
    hi += pad
  }
  const step = niceStep((hi - lo) / count)
  const first = Math.floor(lo / step + 1e-9)
  const last = Math.ceil(hi / step - 1e-9)
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => clean((first + i) * step))
  return { lo: ticks[0], hi: ticks[ticks.length - 1], log: false, ticks }
}

/** Powers of ten covering [lo, hi] (lo > 0); with 2 and 5 between them, and trimmed to those, over three decades or less. */
function logAxis (lo: number, hi: number): Axis {
  const a = Math.floor(Math.log10(lo) + 1e-9)
  const b = Math.max(a + 1, Math.ceil(Math.log10(hi) - 1e-9))
  const minor = b - a <= 3
  let ticks: number[] = []
  for (let e = a; e <= b; e++) {
    const p = 10 ** e
    ticks.push(clean(p))
    if (minor && e < b) ticks.push(clean(2 * p), clean(5 * p))
  }
  if (minor) {
    const from = ticks.filter(t => t <= lo * (1 + 1e-9)).at(-1) ?? ticks[0]
    const to = ticks.find(t => t >= hi * (1 - 1e-9)) ?? ticks[ticks.length - 1]
    ticks = ticks.filter(t => t >= from && t <= to)
  }
  return { lo: ticks[0], hi: ticks[ticks.length - 1], log: true, ticks }
}

function axisFor (values: readonly number[], log: boolean, range: [number, number] | undefined, zero: boolean, count: number): Axis {
  if (range != null && log && !(range[0] > 0 && range[1] > 0)) throw new RangeError(`a log axis needs a range above 0, not [${range.join(', ')}]`)
  let lo = range?.[0] ?? (values.length > 0 ? Math.min(...values) : log ? 1 : 0)
  let hi = range?.[1] ?? (values.length > 0 ? Math.max(...values) : log ? 10 : 1)
  if (zero && range == null) {
    lo = Math.min(lo, 0)
    hi = Math.max(hi, 0)
  }
  return log ? logAxis(lo, hi) : linearAxis(lo, hi, count)
}

/** The pixel of `v` on the axis mapped onto [from, to]. */
function project (a: Axis, v: number, from: number, to: number): number {
  const t = a.log ? Math.log10(v / a.lo) / Math.log10(a.hi / a.lo) : (v - a.lo) / (a.hi - a.lo)
  return from + t * (to - from)
}

// ---- the frame: background, title, legend, y axis, reference lines ----

interface Rect { left: number, top: number, right: number, bottom: number }
interface LegendItem { name: string, color: string, kind: 'line' | 'bar', dashed?: boolean, shape?: number }
interface Frame { out: string[], plot: Rect, y: Axis, width: number, height: number }

const DASH = ' stroke-dasharray="6 4"'

/** A filled marker of one of 4 shapes (circle, square, diamond, triangle) centred on (x, y). */
function marker (shape: number, x: number, y: number, color: string): string {
  const r = 3.5
  switch (shape % 4) {
    case 0: return `<circle cx="${n(x)}" cy="${n(y)}" r="${r}" fill="${color}"/>`
    case 1: return `<rect x="${n(x - r * 0.9)}" y="${n(y - r * 0.9)}" width="${n(r * 1.8)}" height="${n(r * 1.8)}" fill="${color}"/>`
    case 2: return `<path d="M${n(x)} ${n(y - r * 1.3)}L${n(x + r * 1.3)} ${n(y)}L${n(x)} ${n(y + r * 1.3)}L${n(x - r * 1.3)} ${n(y)}Z" fill="${color}"/>`
    default: return `<path d="M${n(x)} ${n(y - r * 1.3)}L${n(x + r * 1.2)} ${n(y + r * 0.8)}L${n(x - r * 1.2)} ${n(y + r * 0.8)}Z" fill="${color}"/>`
  }
}

function legendItem (item: LegendItem, x: number, cy: number): string {
  const color = escapeXml(item.color)
  if (item.kind === 'bar') return `<rect x="${n(x)}" y="${n(cy - 6)}" width="14" height="12" fill="${color}"/>` + text(x + 20, cy + 4, item.name)
  const line = `<line x1="${n(x)}" y1="${n(cy)}" x2="${n(x + 22)}" y2="${n(cy)}" stroke="${color}" stroke-width="2"${item.dashed === true ? DASH : ''}/>`
  return line + (item.shape != null ? marker(item.shape, x + 11, cy, color) : '') + text(x + 28, cy + 4, item.name)
}

function open (c: ChartCommon, legend: readonly LegendItem[], yValues: readonly number[], xTitle: string): Frame {
  const width = c.width ?? WIDTH
  const height = c.height ?? HEIGHT
  const logY = c.logY === true
  const refs = (c.references ?? []).filter(r => usable(r.y, logY))
  const y = axisFor([...yValues, ...refs.map(r => r.y)], logY, c.yRange, !logY, 5)
  const yTicks = y.ticks.map(tickText)
  const left = Math.round(34 + Math.max(...yTicks.map(t => textWidth(t, 11))))
  const right = width - 16
  const titleSize = Math.min(16, (width - 24) / Math.max(1, textWidth(c.title, 1)))
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}" font-size="12" fill="${INK}">`,
    `<title>${escapeXml(c.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(width / 2, 24, c.title, ` text-anchor="middle" font-size="${n(titleSize)}" font-weight="600" class="title"`)
  ]
  // the legend: left to right from the plot's left edge, wrapping onto more rows
  let lx = left
  let row = 0
  for (const item of legend) {
    const w = (item.kind === 'bar' ? 20 : 28) + textWidth(item.name, 12)
    if (lx + w > right && lx > left) { row++; lx = left }
    out.push(legendItem(item, lx, 42 + row * 18))
    lx += w + 16
  }
  const top = 42 + (legend.length > 0 ? row + 1 : 0) * 18
  const bottom = height - (xTitle !== '' ? 46 : 30)
  for (const [i, t] of y.ticks.entries()) {
    const py = project(y, t, bottom, top)
    out.push(`<line x1="${left}" y1="${n(py)}" x2="${right}" y2="${n(py)}" stroke="${GRID}"/>`)
    out.push(text(left - 6, py + 4, yTicks[i], ' text-anchor="end" font-size="11" class="ytick"'))
  }
  out.push(`<text transform="translate(16 ${n((top + bottom) / 2)}) rotate(-90)" text-anchor="middle" class="ylabel">${escapeXml(axisTitle(c.yLabel, c.yUnit))}</text>`)
  if (xTitle !== '') out.push(text((left + right) / 2, height - 10, xTitle, ' text-anchor="middle" class="xlabel"'))
  for (const r of refs.filter(r => inside(y, r.y))) {
    const py = project(y, r.y, bottom, top)
    out.push(`<line x1="${left}" y1="${n(py)}" x2="${right}" y2="${n(py)}" stroke="${MUTED}" stroke-width="1.25" stroke-dasharray="2 3" class="reference"/>`)
    out.push(text(right - 4, py - 4, r.label, ` text-anchor="end" font-size="11" fill="${MUTED}"`))
  }
  return { out, plot: { left, top, right, bottom }, y, width, height }
}

/** The axis lines over everything, and the end of the document. */
function close (f: Frame): string {
  const { left, top, right, bottom } = f.plot
  f.out.push(`<path d="M${left} ${n(top)}V${n(bottom)}H${right}" fill="none" stroke="${INK}"/>`, '</svg>')
  return f.out.join('\n') + '\n'
}

// ---- the charts ----

/** A line chart: every series a line through its points, with a marker on each, and a legend. */
export function lineChart (spec: LineChartSpec): string {
  const logX = spec.logX === true
  const logY = spec.logY === true
  const points = spec.series.flatMap(s => s.points).filter(([x, y]) => usable(x, logX) && usable(y, logY)) as Array<[number, number]>
  const legend = spec.series.map((s, i): LegendItem => ({ name: s.name, color: colorOf(s, i), kind: 'line', dashed: s.dashed, shape: s.markers === false ? undefined : i }))
  const f = open(spec, legend, points.map(p => p[1]), axisTitle(spec.xLabel, spec.xUnit))
  const { left, top, right, bottom } = f.plot
  const x = axisFor(points.map(p => p[0]), logX, spec.xRange, false, Math.max(2, Math.round((right - left) / 90)))
  for (const t of x.ticks) {
    const px = project(x, t, left, right)
    f.out.push(`<line x1="${n(px)}" y1="${n(top)}" x2="${n(px)}" y2="${n(bottom)}" stroke="${GRID}"/>`)
    f.out.push(text(px, bottom + 16, tickText(t), ' text-anchor="middle" font-size="11" class="xtick"'))
  }
  for (const [i, s] of spec.series.entries()) {
    const color = escapeXml(colorOf(s, i))
    const segments: string[] = []
    const marks: string[] = []
    let pen = false
    for (const [px, py] of s.points) {
      if (!usable(px, logX) || !usable(py, logY) || !inside(x, px) || !inside(f.y, py)) {
        pen = false
        continue
      }
      const X = project(x, px, left, right)
      const Y = project(f.y, py, bottom, top)
      segments.push(`${pen ? 'L' : 'M'}${n(X)} ${n(Y)}`)
      pen = true
      if (s.markers !== false) marks.push(marker(i, X, Y, color))
    }
    f.out.push(`<g class="series" data-name="${escapeXml(s.name)}">`)
    if (segments.length > 0) {
      f.out.push(`<path d="${segments.join('')}" fill="none" stroke="${color}" stroke-width="2" stroke-linejoin="round"${s.dashed === true ? DASH : ''}/>`)
    }
    f.out.push(...marks, '</g>')
  }
  return close(f)
}

/** A grouped bar chart: one group per category, one bar per series in each, the value above each bar. */
export function barChart (spec: BarChartSpec): string {
  for (const s of spec.series) {
    if (s.values.length !== spec.categories.length) throw new RangeError(`bar series "${s.name}" has ${s.values.length} values for ${spec.categories.length} categories`)
  }
  const logY = spec.logY === true
  const values = spec.series.flatMap(s => s.values).filter((v): v is number => usable(v, logY))
  const legend = spec.series.map((s, i): LegendItem => ({ name: s.name, color: colorOf(s, i), kind: 'bar' }))
  const f = open(spec, legend, values, spec.xLabel ?? '')
  const { left, top, right, bottom } = f.plot
  const group = (right - left) / Math.max(1, spec.categories.length)
  const bar = group * 0.8 / Math.max(1, spec.series.length)
  const gap = Math.min(2, bar * 0.1)
  const base = project(f.y, logY ? f.y.lo : Math.min(Math.max(0, f.y.lo), f.y.hi), bottom, top)
  for (const [ci, category] of spec.categories.entries()) {
    const gx = left + ci * group
    f.out.push(text(gx + group / 2, bottom + 16, category, ' text-anchor="middle" class="xtick"'))
    for (const [si, s] of spec.series.entries()) {
      const v = s.values[ci]
      if (!usable(v, logY)) continue
      const py = project(f.y, Math.min(Math.max(v, f.y.lo), f.y.hi), bottom, top)
      const bx = gx + group * 0.1 + si * bar
      const label = `${category}, ${s.name}: ${valueText(v)}${spec.yUnit != null && spec.yUnit !== '' ? ` ${spec.yUnit}` : ''}`
      f.out.push(`<rect x="${n(bx + gap / 2)}" y="${n(Math.min(py, base))}" width="${n(bar - gap)}" height="${n(Math.abs(base - py))}" fill="${escapeXml(colorOf(s, si))}" class="bar"><title>${escapeXml(label)}</title></rect>`)
      f.out.push(text(bx + bar / 2, Math.min(py, base) - 4, valueText(v), ' text-anchor="middle" font-size="10" class="value"'))
    }
  }
  return close(f)
}
