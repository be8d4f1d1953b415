import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { barChart, escapeXml, lineChart, PALETTE, type BarChartSpec, type LineChartSpec } from '../../../bench/lib/svg.js'

/** Asserts that every start tag has its end tag, properly nested, and that text holds no raw `<` or bare `&`. */
function assertWellFormed (svg: string): void {
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), svg.slice(0, 60))
  assert.ok(svg.endsWith('</svg>\n'))
  const stack: string[] = []
  for (const m of svg.matchAll(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, end, name, , selfClosing] = m
    if (selfClosing === '/') continue
    if (end === '/') assert.equal(stack.pop(), name, `</${name}> at ${m.index}`)
    else stack.push(name)
  }
  assert.deepEqual(stack, [], 'unclosed tags')
  const outside = svg.replace(/<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g, '')
  assert.doesNotMatch(outside, /[<>]/, 'a < or > outside a tag')
  assert.doesNotMatch(svg, /&(?!(?:amp|lt|gt|quot|apos);)/, 'a bare &')
}

/** The `<text class="…">` elements of a kind: their position and text. */
function texts (svg: string, cls: string): Array<{ x: number, y: number, text: string }> {
  const re = new RegExp(`<text x="([-\\d.]+)" y="([-\\d.]+)"[^>]*class="${cls}"[^>]*>([^<]*)</text>`, 'g')
  return [...svg.matchAll(re)].map(m => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] }))
}

/** The line path of each series group: its moves/lines as [command, x, y]. */
function seriesPaths (svg: string): Map<string, Array<[string, number, number]>> {
  const out = new Map<string, Array<[string, number, number]>>()
  for (const g of svg.matchAll(/<g class="series" data-name="([^"]*)">\n<path d="([^"]*)"/g)) {
    out.set(g[1], [...g[2].matchAll(/([ML])([-\d.]+) ([-\d.]+)/g)].map(m => [m[1], Number(m[2]), Number(m[3])]))
  }
  return out
}

const line = (over: Partial<LineChartSpec> = {}): LineChartSpec => ({
  title: 'Latency',
  xLabel: 'peers',
  yLabel: 'latency',
  yUnit: 'ms',
  series: [
    { name: 'gossip', points: [[10, 12], [25, 20], [50, 31], [100, 55]] },
    { name: 'floor', points: [[10, 5], [25, 5], [50, 5], [100, 5]], dashed: true }
  ],
  ...over
})

const bars = (over: Partial<BarChartSpec> = {}): BarChartSpec => ({
  title: 'Rate',
  yLabel: 'rate',
  yUnit: 'msgs/s',
  categories: ['N=10', 'N=25', 'N=50'],
  series: [{ name: 'fabric', values: [100, 200, 400] }, { name: 'gossipsub', values: [150, null, 300] }],
  ...over
})

describe('bench/lib/svg', () => {
  it('draws well-formed SVG, 720x400 on white by default, with a legend entry per series', () => {
    for (const svg of [lineChart(line()), barChart(bars())]) {
      assertWellFormed(svg)
      assert.match(svg, /^<svg [^>]*width="720" height="400" viewBox="0 0 720 400"/)
      assert.match(svg, /<rect width="720" height="400" fill="#ffffff"\/>/)
      assert.match(svg, /font-family="system-ui,[^"]*sans-serif"/)
    }
    const l = lineChart(line({ references: [{ y: 40, label: 'target 40 ms' }] }))
    assert.match(l, />gossip<\/text>/)
    assert.match(l, />floor<\/text>/)
    assert.match(l, />latency \(ms\)<\/text>/)
    assert.match(l, /class="reference"/)
    assert.match(l, />target 40 ms<\/text>/)
    assert.match(l, /<path d="M[^"]*" fill="none" stroke="#D55E00"[^>]*stroke-dasharray/, 'the dashed series is dashed')
    assert.match(l, new RegExp(`stroke="${PALETTE[0]}"`))
    assert.equal(lineChart(line({ width: 500, height: 300 })).match(/viewBox="([^"]*)"/)?.[1], '0 0 500 300')
  })

  it('escapes <, &, " and \' in titles, labels, series names and categories', () => {
    const evil = 'a <b> & "c" \'d\''
    const safe = 'a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;'
    assert.equal(escapeXml(evil), safe)
    const l = lineChart(line({ title: evil, xLabel: evil, series: [{ name: evil, points: [[1, 1], [2, 2]] }], references: [{ y: 1, label: evil }] }))
    const b = barChart(bars({ title: evil, categories: [evil], series: [{ name: evil, values: [1] }] }))
    for (const svg of [l, b]) {
      assertWellFormed(svg)
      assert.ok(svg.includes(`<title>${safe}</title>`))
      assert.ok(!svg.includes('<b>'))
    }
    assert.ok(l.includes(`data-name="${safe}"`))
  })

  it('puts 1-2-5 ticks on a linear axis, from 0 for y', () => {
    const svg = lineChart(line({ series: [{ name: 's', points: [[3, 13], [17, 87]] }] }))
    assert.deepEqual(texts(svg, 'ytick').map(t => t.text), ['0', '20', '40', '60', '80', '100'])
    const x = texts(svg, 'xtick').map(t => Number(t.text))
    assert.ok(x[0] <= 3 && x[x.length - 1] >= 17, `x ticks ${x.join(' ')}`)
    const steps = new Set(x.slice(1).map((v, i) => v - x[i]))
    assert.equal(steps.size, 1, 'evenly spaced')
    assert.match(String([...steps][0]), /^[125]$/)
  })

  it('puts log ticks at powers of ten, with 2 and 5 between over a small range, evenly spaced per decade', () => {
    const small = lineChart(line({ logY: true, series: [{ name: 's', points: [[1, 1], [2, 1000]] }] }))
    const ticks = texts(small, 'ytick')
    assert.deepEqual(ticks.map(t => t.text), ['1', '2', '5', '10', '20', '50', '100', '200', '500', '1000'])
    const at = (v: string): number => ticks.find(t => t.text === v)?.y ?? Number.NaN
    const decade = at('1') - at('10')
    assert.ok(decade > 0, 'larger values higher up')
    assert.ok(Math.abs((at('10') - at('100')) - decade) < 0.02)
    assert.ok(Math.abs((at('100') - at('1000')) - decade) < 0.02)
    assert.ok(Math.abs((at('1') - at('2')) - decade * Math.log10(2)) < 0.02, '2 sits log10(2) of a decade above 1')

    const wide = lineChart(line({ logX: true, series: [{ name: 's', points: [[3, 1], [2e6, 2]] }] }))
    assert.deepEqual(texts(wide, 'xtick').map(t => t.text), ['1', '10', '100', '1000', '10k', '100k', '1M', '10M'])
    const trimmed = lineChart(line({ logX: true, series: [{ name: 's', points: [[12, 1], [311, 2]] }] }))
    assert.deepEqual(texts(trimmed, 'xtick').map(t => t.text), ['10', '20', '50', '100', '200', '500'])
  })

  it('skips NaN, null, undefined and (on a log axis) non-positive points: a gap in the line', () => {
    const svg = lineChart(line({
      logY: true,
      series: [{ name: 's', points: [[1, 1], [2, 2], [3, Number.NaN], [4, 4], [5, 5], [6, null], [7, undefined], [8, 0], [9, 9], [Number.NaN, 3]] }]
    }))
    assertWellFormed(svg)
    const path = seriesPaths(svg).get('s') ?? []
    assert.deepEqual(path.map(p => p[0]), ['M', 'L', 'M', 'L', 'M'])
    assert.equal(svg.match(/<circle /g)?.length, 1 + 5, 'one legend marker and one per drawn point')
    assert.doesNotMatch(svg, /NaN|undefined|Infinity/)
  })

  it('maps a series\' increasing x to increasing pixels, and higher y higher up', () => {
    const svg = lineChart(line())
    const gossip = seriesPaths(svg).get('gossip') ?? []
    assert.equal(gossip.length, 4)
    for (let i = 1; i < gossip.length; i++) {
      assert.ok(gossip[i][1] > gossip[i - 1][1], `x pixel ${gossip[i][1]} after ${gossip[i - 1][1]}`)
      assert.ok(gossip[i][2] < gossip[i - 1][2], 'y grows upwards')
    }
    const floor = seriesPaths(svg).get('floor') ?? []
    assert.deepEqual(floor.map(p => p[1]), gossip.map(p => p[1]), 'the same x at the same pixel in every series')
    assert.equal(new Set(floor.map(p => p[2])).size, 1)
  })

  it('draws bars with heights proportional to the values, none for a missing value, a label above each', () => {
    const svg = barChart(bars())
    assertWellFormed(svg)
    const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="([^"]+)" class="bar">/g)]
      .map(m => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]), fill: m[5] }))
    assert.equal(rects.length, 5)
    const fabric = rects.filter(r => r.fill === PALETTE[0])
    assert.equal(fabric.length, 3)
    assert.ok(Math.abs(fabric[1].height / fabric[0].height - 2) < 0.01)
    assert.ok(Math.abs(fabric[2].height / fabric[0].height - 4) < 0.01)
    const bottoms = new Set(rects.map(r => Math.round((r.y + r.height) * 10)))
    assert.equal(bottoms.size, 1, 'every bar stands on the same base line')
    assert.deepEqual(texts(svg, 'value').map(t => t.text), ['100', '150', '200', '400', '300'])
    assert.deepEqual(texts(svg, 'xtick').map(t => t.text), ['N=10', 'N=25', 'N=50'])
    for (const v of texts(svg, 'value')) assert.ok(rects.some(r => v.y < r.y && v.x > r.x && v.x < r.x + r.width), `label ${v.text} above its bar`)

    const log = barChart(bars({ logY: true, series: [{ name: 'a', values: [1, 10, 100] }] }))
    const heights = [...log.matchAll(/height="([\d.]+)" fill="[^"]+" class="bar"/g)].map(m => Number(m[1]))
    assert.ok(Math.abs((heights[2] - heights[1]) - (heights[1] - heights[0])) < 0.02, 'equal steps per decade on a log axis')
    assert.throws(() => barChart(bars({ series: [{ name: 'short', values: [1] }] })), /short.*1 values for 3 categories/)
  })

  it('is deterministic, with coordinates rounded to 2 decimals', () => {
    const spec = line({ logX: true, series: [{ name: 's', points: [[1 / 3, Math.PI], [Math.E, 2 / 3], [7.123456, 1e-3]] }] })
    const a = lineChart(spec)
    assert.equal(lineChart(structuredClone(spec)), a)
    assert.equal(barChart(bars()), barChart(bars()))
    for (const m of a.matchAll(/ (?:x|y|x1|x2|y1|y2|cx|cy|width|height|d)="([^"]*)"/g)) {
      assert.doesNotMatch(m[1], /\d\.\d{3}/, `${m[0]} has more than 2 decimals`)
    }
  })
})
