import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import {
  parseEndpoint, formatEndpoint, splitHostPort, endpointHostPort, endpointPort, ConfigError
} from '../../../src/config/index.js'

const PEER_ID = '12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA'

describe('parseEndpoint', () => {
  it('maps Fabric host:port forms to multiaddrs', () => {
    assert.equal(parseEndpoint('10.0.0.1:7051', 'k').toString(), '/ip4/10.0.0.1/tcp/7051')
    assert.equal(parseEndpoint('0.0.0.0:0', 'k').toString(), '/ip4/0.0.0.0/tcp/0')
    assert.equal(parseEndpoint('[::1]:7051', 'k').toString(), '/ip6/::1/tcp/7051')
    assert.equal(parseEndpoint('[fe80::1%eth0]:7051', 'k').toString(), '/ip6zone/eth0/ip6/fe80::1/tcp/7051')
    assert.equal(parseEndpoint('peer0.org1.example.com:7051', 'k').toString(), '/dns4/peer0.org1.example.com/tcp/7051')
    assert.equal(parseEndpoint('localhost:9443', 'k').toString(), '/dns4/localhost/tcp/9443')
    assert.equal(parseEndpoint('peer0_org1:7051', 'k').toString(), '/dns4/peer0_org1/tcp/7051')
    assert.equal(parseEndpoint('  10.0.0.1:7051 ', 'k').toString(), '/ip4/10.0.0.1/tcp/7051')
  })

  it('accepts multiaddrs, with or without /p2p', () => {
    assert.equal(parseEndpoint('/ip4/10.0.0.1/tcp/7051', 'k').toString(), '/ip4/10.0.0.1/tcp/7051')
    const withId = parseEndpoint(`/dns4/peer0.org1.example.com/tcp/7051/p2p/${PEER_ID}`, 'k')
    assert.equal(withId.toString(), `/dns4/peer0.org1.example.com/tcp/7051/p2p/${PEER_ID}`)
    assert.equal(withId.getComponents().at(-1)?.value, PEER_ID)
    assert.equal(parseEndpoint('/ip6/::1/tcp/7051', 'k').toString(), '/ip6/::1/tcp/7051')
    assert.equal(parseEndpoint('/dnsaddr/bootstrap.example.com', 'k').toString(), '/dnsaddr/bootstrap.example.com')
  })

  it('rejects bad endpoints with a ConfigError naming the key', () => {
    const bad = [
      '', 'peer0', 'peer0:', ':7051', 'peer0:70510', 'peer0:port', '::1:7051', '[::1]7051', '[::1', '[nothost]:1',
      '999.1.1.1:7051', 'bad host:7051', 'a..b:1', '/ip4/10.0.0.1', '/ip4/999.0.0.1/tcp/1', '/tcp/7051',
      '/ip4/10.0.0.1/udp/7051', '/p2p/' + PEER_ID
    ]
    for (const value of bad) {
      assert.throws(() => parseEndpoint(value, 'peer.gossip.bootstrap'), (err: Error) => {
        assert.equal(err.name, 'ConfigError', value)
        assert.equal((err as ConfigError).key, 'peer.gossip.bootstrap')
        assert.ok(err.message.startsWith('peer.gossip.bootstrap: '), err.message)
        return true
      }, value)
    }
  })
})

describe('formatEndpoint', () => {
  it('gives host:port back when it can, else the multiaddr', () => {
    for (const text of ['10.0.0.1:7051', '[::1]:7051', '[fe80::1%eth0]:7051', 'peer0.org1.example.com:7051']) {
      assert.equal(formatEndpoint(parseEndpoint(text, 'k')), text)
    }
    for (const text of [`/ip4/10.0.0.1/tcp/7051/p2p/${PEER_ID}`, '/dns/peer0/tcp/7051', '/dns6/peer0/tcp/7051', '/dnsaddr/x.example.com']) {
      assert.equal(formatEndpoint(parseEndpoint(text, 'k')), text)
    }
  })

  it('round-trips: parseEndpoint(formatEndpoint(ma)) equals ma', () => {
    for (const text of ['/ip4/1.2.3.4/tcp/1', '/ip6/::1/tcp/2', '/dns4/a.b/tcp/3', `/dns4/a.b/tcp/3/p2p/${PEER_ID}`]) {
      const ma = parseEndpoint(text, 'k')
      assert.ok(parseEndpoint(formatEndpoint(ma), 'k').equals(ma), text)
    }
  })
})

describe('splitHostPort / endpointHostPort / endpointPort', () => {
  it('splits host and port', () => {
    assert.deepEqual(splitHostPort('peer0:7051', 'k'), { host: 'peer0', port: 7051 })
    assert.deepEqual(splitHostPort('[::1]:80', 'k'), { host: '::1', port: 80 })
    assert.deepEqual(endpointHostPort('/ip4/127.0.0.1/tcp/9443', 'k'), { host: '127.0.0.1', port: 9443 })
    assert.deepEqual(endpointHostPort('127.0.0.1:0', 'k'), { host: '127.0.0.1', port: 0 })
    assert.deepEqual(endpointHostPort('[fe80::1%eth0]:1', 'k'), { host: 'fe80::1', port: 1, zone: 'eth0' })
    assert.throws(() => endpointHostPort('/dnsaddr/x.example.com', 'operations.listenAddress'), { name: 'ConfigError', key: 'operations.listenAddress' })
    assert.equal(endpointPort(parseEndpoint('a:12', 'k')), 12)
  })
})
