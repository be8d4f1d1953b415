import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { parseDuration, formatDuration, ConfigError } from '../../../src/config/index.js'

describe('parseDuration', () => {
  it('parses Go duration strings to milliseconds', () => {
    const cases: Array<[string, number]> = [
      ['5s', 5000], ['10ms', 10], ['1500ms', 1500], ['1m30s', 90_000], ['2h', 7_200_000], ['1h30m', 5_400_000],
      ['500us', 0.5], ['500µs', 0.5], ['500μs', 0.5], ['1000000ns', 1], ['1.5s', 1500], ['1.1s', 1100], ['.5s', 500],
      ['0', 0], ['0s', 0], ['-3s', -3000], ['+3s', 3000], [' 4s ', 4000], ['1m0.5s', 60_500]
    ]
    for (const [text, ms] of cases) assert.equal(parseDuration(text, 'k'), ms, text)
  })

  it('takes a number as milliseconds', () => {
    assert.equal(parseDuration(2500, 'k'), 2500)
  })

  it('rejects malformed durations with a ConfigError naming the key', () => {
    for (const bad of ['abc', '', '5', '10', '5 s', 's', '.s', '5x', '1h-30m', '--1s', '5ss', '1e3ms']) {
      assert.throws(() => parseDuration(bad, 'peer.gossip.aliveTimeInterval'), (err: Error) => {
        assert.equal(err.name, 'ConfigError')
        assert.equal((err as ConfigError).key, 'peer.gossip.aliveTimeInterval')
        assert.match(err.message, /^peer\.gossip\.aliveTimeInterval: expected a duration like '5s'/)
        return true
      }, bad)
    }
    assert.throws(() => parseDuration(Number.NaN, 'k'), { name: 'ConfigError' })
    assert.throws(() => parseDuration('300000000h', 'k'), /out of range/)
  })

  it('says a bare number needs a unit', () => {
    assert.throws(() => parseDuration('10', 'k'), /a unit is required/)
  })
})

describe('formatDuration', () => {
  it('writes the largest exact unit', () => {
    assert.equal(formatDuration(5000), '5s')
    assert.equal(formatDuration(1500), '1500ms')
    assert.equal(formatDuration(60_000), '1m')
    assert.equal(formatDuration(7_200_000), '2h')
    assert.equal(formatDuration(0.5), '500us')
    assert.equal(formatDuration(0), '0s')
    assert.equal(formatDuration(-10), '-10ms')
  })

  it('round-trips through parseDuration', () => {
    for (const ms of [1, 10, 999, 1000, 1500, 90_000, 3_600_000, 0.25, 0.000001]) {
      assert.equal(parseDuration(formatDuration(ms), 'k'), ms)
    }
  })
})
