/**
 * Stock libp2p nodes (`test/helpers/raw.ts`: TCP, Noise, yamux, identify, ping; libp2p's connection monitor
 * on, as in a peer) in a process of their own: the baseline of the footprint benchmark. Run compiled (see
 * `compileForProcesses` in `./processes.ts`), never through tsx, so that it costs what a deployed node costs.
 *
 *   node stock-node.js listen <count>    runs `count` nodes; prints their addresses as one JSON line
 *   node stock-node.js dial <addr>...    runs one node connected to each address; prints `ready` once it is
 *   node stock-node.js alone             runs one node, connected to nothing; prints `ready`
 *
 * Answers every IPC message with `process.memoryUsage()` and `connections`, the connections its nodes have
 * open; stops its nodes on SIGTERM and exits.
 */
import '../../src/shim.js'
import { multiaddr } from '@multiformats/multiaddr'
import { rawNode, type RawNode } from '../../test/helpers/raw.js'

async function main (): Promise<void> {
  const [mode, ...args] = process.argv.slice(2)
  const nodes: RawNode[] = []
  process.on('SIGTERM', () => {
    void Promise.allSettled(nodes.map(async n => { await n.stop() })).then(() => process.exit(0))
  })
  process.on('message', () => { process.send?.({ ...process.memoryUsage(), connections: nodes.reduce((a, n) => a + n.getConnections().length, 0) }) })
  if (mode === 'listen') {
    const count = Number(args[0])
    for (let i = 0; i < count; i++) nodes.push(await rawNode())
    process.stdout.write(`${JSON.stringify(nodes.map(n => n.getMultiaddrs()[0].toString()))}\n`)
  } else if (mode === 'dial' || mode === 'alone') {
    const node = await rawNode()
    nodes.push(node)
    // a few at a time: the listening process answers every handshake on one event loop
    const addrs = args.map(a => multiaddr(a))
    for (let i = 0; i < addrs.length; i += 8) await Promise.all(addrs.slice(i, i + 8).map(async a => await node.dial(a)))
    process.stdout.write('ready\n')
  } else {
    process.stderr.write('usage: stock-node.js listen <count> | dial <addr>... | alone\n')
    process.exit(2)
  }
}

main().catch(err => {
  process.stderr.write(`stock-node: ${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
