/**
 * The network-namespace harness (`test/helpers/netns.ts`) itself: isolation (the same port in every
 * namespace), names through /etc/netns/<ns>/hosts, partitions both ways and healing, and that nothing is
 * left behind: after destroy(), when the process exits without it, on SIGTERM, and after a SIGKILL (the next
 * run sweeps). Skipped with the reason where namespaces cannot be made (not root, no `ip`).
 */
import { describe, it, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { available, NetnsNetwork } from '../helpers/netns.js'
import { waitFor } from '../helpers/network.js'

const avail = await available()
/** Each test that needs namespaces is reported skipped, with the reason, where they cannot be made. */
const skip = avail.ok ? false : avail.reason
const HELPER = fileURLToPath(new URL('../helpers/netns.ts', import.meta.url))

function netnsList (): string {
  return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
}
function linkExists (name: string): boolean {
  try {
    execFileSync('ip', ['link', 'show', name], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
/** Nothing of a network is left: namespaces, their /etc/netns folders, veths, the bridge. */
function assertGone (names: { bridge: string, ns: string[], veths: string[] }): void {
  const list = netnsList()
  for (const ns of names.ns) {
    assert.ok(!list.includes(ns), `namespace ${ns} removed`)
    assert.ok(!existsSync(`/etc/netns/${ns}`), `/etc/netns/${ns} removed`)
  }
  for (const l of [names.bridge, ...names.veths]) assert.ok(!linkExists(l), `link ${l} removed`)
}

/** A TCP server answering its namespace's address, in `node`'s namespace. */
const SERVER = 'require("net").createServer(s=>{s.on("error",()=>{});s.end(require("os").networkInterfaces().eth0[0].address)}).listen(7051,"0.0.0.0",()=>console.log("listening"))'

describe('network namespace harness', () => {
  const nets: NetnsNetwork[] = []
  after(async () => { for (const n of nets) await n.destroy() })

  it('one namespace per node: own address, same port everywhere, names resolve, the test reaches every node', { skip }, async () => {
    const net = await NetnsNetwork.create(['a.example.com', 'b.example.com', { name: 'c.example.com', aliases: ['c'] }])
    nets.push(net)
    assert.match(net.ip('a.example.com'), /^10\.77\.\d+\.2$/)
    for (const n of net.list()) {
      const server = net.exec(n.name, process.execPath, ['-e', SERVER], {})
      await new Promise<void>((resolve, reject) => {
        server.stdout?.once('data', () => { resolve() })
        server.once('exit', code => { reject(new Error(`server in ${n.name} exited ${code}`)) })
      })
    }
    // from a, by name: b answers with its own address
    const ask = (host: string): string => `require("net").connect(7051,${JSON.stringify(host)}).on("data",d=>{process.stdout.write(d);process.exit(0)}).on("error",e=>{console.error(e.message);process.exit(1)})`
    const r = await net.run('a.example.com', process.execPath, ['-e', ask('b.example.com')])
    assert.equal(r.code, 0, r.stderr)
    assert.equal(r.stdout, net.ip('b.example.com'))
    const alias = await net.run('a.example.com', process.execPath, ['-e', ask('c')])
    assert.equal(alias.stdout, net.ip('c.example.com'), 'an alias resolves too')
    const local = await net.run('b.example.com', process.execPath, ['-e', ask('127.0.0.1')])
    assert.equal(local.stdout, net.ip('b.example.com'), 'loopback is up and the node\'s own')
    // the test process reaches every node through the bridge
    for (const n of net.list()) assert.equal(await net.canConnect('a.example.com', n.ip, 7051), true)
    const fromRoot = await new Promise<string>((resolve, reject) => {
      import('node:net').then(({ connect }) => {
        connect(7051, net.ip('c.example.com')).on('data', d => { resolve(d.toString()) }).on('error', reject)
      }, reject)
    })
    assert.equal(fromRoot, net.ip('c.example.com'))

    // a partition cuts both ways, and only between its sides
    await net.partition(['a.example.com'], ['b.example.com'])
    assert.equal(await net.canConnect('a.example.com', 'b.example.com', 7051), false, 'a cannot reach b')
    assert.equal(await net.canConnect('b.example.com', 'a.example.com', 7051), false, 'b cannot reach a')
    assert.equal(await net.canConnect('a.example.com', 'c.example.com', 7051), true, 'a still reaches c')
    assert.equal(await net.canConnect('c.example.com', 'b.example.com', 7051), true, 'c still reaches b')
    await net.isolate('c.example.com')
    assert.equal(await net.canConnect('a.example.com', 'c.example.com', 7051), false, 'c is isolated')
    await net.heal()
    assert.equal(await net.canConnect('a.example.com', 'b.example.com', 7051), true, 'healed')
    assert.equal(await net.canConnect('c.example.com', 'a.example.com', 7051), true, 'healed')

    const names = { bridge: net.bridge, ns: net.list().map(n => n.ns), veths: net.list().map(n => n.veth) }
    await net.destroy()
    assertGone(names)
  })

  /** Runs a child process that makes a network, reports its names, then ends as `how` says. */
  async function child (how: 'exit' | 'throw' | 'SIGTERM' | 'SIGKILL'): Promise<{ bridge: string, ns: string[], veths: string[] }> {
    const script = `
      import { NetnsNetwork } from ${JSON.stringify(HELPER)}
      const net = await NetnsNetwork.create(['x', 'y'])
      net.exec('x', process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {})
      console.log(JSON.stringify({ bridge: net.bridge, ns: net.list().map(n => n.ns), veths: net.list().map(n => n.veth) }))
      const how = ${JSON.stringify(how)}
      if (how === 'exit') setTimeout(() => process.exit(3), 100)
      else if (how === 'throw') setTimeout(() => { throw new Error('a failing test') }, 100)
      else setInterval(() => {}, 1000)`
    const c = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    c.stderr?.on('data', (d: Buffer) => { err += d.toString() })
    const exited = new Promise(resolve => c.once('exit', resolve))
    const names = await new Promise<{ bridge: string, ns: string[], veths: string[] }>((resolve, reject) => {
      c.stdout?.once('data', (d: Buffer) => { resolve(JSON.parse(d.toString())) })
      c.once('exit', code => { reject(new Error(`child exited ${code}: ${err}`)) })
    })
    assert.ok(netnsList().includes(names.ns[0]), 'the child made its namespaces')
    if (how === 'SIGTERM' || how === 'SIGKILL') c.kill(how)
    await exited
    return names
  }

  it('nothing is left when the process exits without destroy(), throws, or is sent SIGTERM', { skip }, async () => {
    for (const how of ['exit', 'throw', 'SIGTERM'] as const) assertGone(await child(how))
  })

  it('what a SIGKILLed run left is swept by the next run', { skip }, async () => {
    const names = await child('SIGKILL')
    // its namespaces are still there (nothing can run at SIGKILL) until another network is made
    assert.ok(netnsList().includes(names.ns[0]))
    const net = await NetnsNetwork.create(['z'])
    nets.push(net)
    await waitFor(() => !netnsList().includes(names.ns[0]), 'the stale namespaces swept', 5000)
    assertGone(names)
  })
})
