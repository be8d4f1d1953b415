import { describe, it, beforeEach, afterEach, mock } from 'node:test'
import assert from 'node:assert/strict'
import { createLogger, setLogLevel, setLogSink } from '../../src/logging.js'

describe('logging', () => {
  let lines: string[]
  beforeEach(() => {
    lines = []
    setLogSink(line => { lines.push(line) })
  })
  afterEach(() => {
    mock.timers.reset()
    setLogSink(line => { process.stderr.write(line + '\n') })
    setLogLevel(process.env.FABRIC_LOGGING_SPEC ?? 'info')
  })

  const logAll = (component = 'test'): void => {
    const log = createLogger(component)
    log.debug('d')
    log.info('i')
    log.warn('w')
    log.error('e')
  }
  const messages = (): string[] => lines.map(l => l.slice(l.lastIndexOf(' ') + 1))

  it('writes one line: ISO time, level, [component], message', () => {
    mock.timers.enable({ apis: ['Date'], now: Date.parse('2024-05-01T10:00:00.000Z') })
    setLogLevel('info')
    createLogger('comm').warn('peer gone')
    assert.deepEqual(lines, ['2024-05-01T10:00:00.000Z WARN  [comm] peer gone'])
  })

  for (const [spec, expected] of [
    ['debug', ['d', 'i', 'w', 'e']],
    ['info', ['i', 'w', 'e']],
    ['warning', ['w', 'e']], // Fabric's spelling
    ['warn', ['w', 'e']],
    ['ERROR', ['e']],
    ['fatal', ['e']],
    ['nonsense', ['i', 'w', 'e']] // falls back to info
  ] as const) {
    it(`level '${spec}' lets through ${expected.join(', ')}`, () => {
      setLogLevel(spec)
      logAll()
      assert.deepEqual(messages(), expected)
    })
  }

  it('the level applies to loggers created before it was set', () => {
    setLogLevel('info')
    const log = createLogger('early')
    setLogLevel('error')
    log.warn('w')
    log.error('e')
    assert.deepEqual(messages(), ['e'])
  })

  describe('warnOnce', () => {
    it('prints the first, holds back repeats within the interval, then prints with the count held back', () => {
      mock.timers.enable({ apis: ['Date'], now: 1_000_000 })
      setLogLevel('info')
      const log = createLogger('comm')
      log.warnOnce('overflow', 'queue full', 10_000)
      assert.equal(lines.length, 1)
      assert.match(lines[0], /WARN {2}\[comm\] queue full$/)
      for (let i = 0; i < 3; i++) {
        mock.timers.tick(3_000)
        log.warnOnce('overflow', 'queue full', 10_000)
      }
      assert.equal(lines.length, 1, 'repeats within the interval are held back')
      mock.timers.tick(1_000) // 10 s after the first
      log.warnOnce('overflow', 'queue full again', 10_000)
      assert.equal(lines.length, 2)
      assert.match(lines[1], /\[comm\] queue full again \(3 similar held back\)$/)
      mock.timers.tick(10_000)
      log.warnOnce('overflow', 'queue full', 10_000)
      assert.equal(lines.length, 3)
      assert.match(lines[2], /queue full$/, 'no count when nothing was held back')
    })

    it('keeps keys apart and defaults to a one-minute interval', () => {
      mock.timers.enable({ apis: ['Date'], now: 0 })
      setLogLevel('info')
      const log = createLogger('comm')
      log.warnOnce('a', 'from a')
      log.warnOnce('b', 'from b')
      log.warnOnce('a', 'from a')
      assert.deepEqual(messages(), ['a', 'b'])
      mock.timers.tick(59_999)
      log.warnOnce('a', 'from a')
      assert.equal(lines.length, 2)
      mock.timers.tick(1)
      log.warnOnce('a', 'from a')
      assert.equal(lines.length, 3)
      assert.match(lines[2], /from a \(2 similar held back\)$/)
    })

    it('is a warning: the error level hides it', () => {
      setLogLevel('error')
      createLogger('comm').warnOnce('k', 'hidden')
      assert.deepEqual(lines, [])
    })
  })
})
