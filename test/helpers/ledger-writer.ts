/**
 * The child process of the ledger crash test: opens a block store and appends generated, chained, signed
 * blocks as fast as it can until it is killed, resuming from the height it finds.
 *
 *   node --import tsx test/helpers/ledger-writer.ts <storeDir> <cryptoDir> [atomic|ledgers|height-first]
 *
 * `<cryptoDir>` holds `orderer-cert.pem`, `orderer-key.pem` and `ca-cert.pem` (the orderer of OrdererMSP).
 * Block n of channel `crashchannel` holds envelopes whose payloads read `block <n> entry <i> ` (padded).
 * Prints `open <height>` once the store is open, then `height <h>` after each commit has resolved.
 *
 * Mode `atomic` (default) appends through BlockStore, alternating single appends and appendMany batches.
 * Mode `ledgers` takes blocks in through the ledgers of `src/state/ledgers.ts` (channel `crashchannel` in
 * `<storeDir>/crashchannel`, block 0 its genesis block) as state transfer hands them over: by responses of
 * 11 blocks, four responses at a time in shuffled order, so that the ledger commits runs of blocks in one
 * write; it prints `height <h>` as the ledger reports each new height.
 * Mode `height-first` is a deliberately broken store for the test to catch: it writes the new height, then
 * the block, as two separate LevelDB writes.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ClassicLevel } from 'classic-level'
import { createSigningIdentity } from '../../src/identity/index.js'
import { createBlock } from '../../src/ledger/block-builder.js'
import { BlockStore, blockStoreLayout } from '../../src/ledger/block-store.js'
import { Ledgers } from '../../src/state/ledgers.js'
import { common } from '../../src/pb/common.js'
import { blockHeaderHash } from '../../src/wire/block.js'

/** The channel of the generated blocks. */
const CRASH_CHANNEL = 'crashchannel'
const ENTRIES = 2
const ENTRY_SIZE = 1024

const [storeDir, cryptoDir, mode = 'atomic'] = process.argv.slice(2)
if (storeDir === undefined || cryptoDir === undefined) {
  process.stderr.write('usage: ledger-writer.ts <storeDir> <cryptoDir> [atomic|ledgers|height-first]\n')
  process.exit(2)
}
const read = (name: string): string => readFileSync(join(cryptoDir, name), 'utf8')
const signer = createSigningIdentity('OrdererMSP', read('orderer-cert.pem'), read('orderer-key.pem'), { caCerts: [read('ca-cert.pem')] })

function payload (n: bigint, i: number): Uint8Array {
  const out = new Uint8Array(ENTRY_SIZE).fill(0x2e)
  out.set(new TextEncoder().encode(`block ${n} entry ${i} `))
  return out
}

function nextBlock (number: bigint, previousHash: Uint8Array): common.Block {
  return createBlock({ number, previousHash, data: Array.from({ length: ENTRIES }, (_, i) => payload(number, i)), signer, channelId: CRASH_CHANNEL })
}

const say = (line: string): void => { process.stdout.write(`${line}\n`) }

async function runAtomic (): Promise<void> {
  const store = await BlockStore.open(storeDir)
  say(`open ${store.height()}`)
  for (let round = 0; ; round++) {
    const count = round % 2 === 0 ? 1 : 1 + Math.floor(Math.random() * 16)
    const blocks: common.Block[] = []
    let previousHash = store.lastHeaderHash() ?? new Uint8Array(0)
    for (let i = 0; i < count; i++) {
      const block = nextBlock(store.height() + BigInt(i), previousHash)
      blocks.push(block)
      previousHash = blockHeaderHash(block.header as common.BlockHeader)
    }
    if (count === 1) await store.append(blocks[0])
    else await store.appendMany(blocks)
    say(`height ${store.height()}`)
  }
}

async function runHeightFirst (): Promise<void> {
  const db = new ClassicLevel<Uint8Array, Uint8Array>(storeDir, { keyEncoding: 'view', valueEncoding: 'view' })
  await db.open()
  const meta = await db.get(blockStoreLayout.metaKey)
  let { height, lastHeaderHash } = meta === undefined ? { height: 0n, lastHeaderHash: undefined } : blockStoreLayout.decodeMeta(meta)
  say(`open ${height}`)
  for (;;) {
    const block = nextBlock(height, lastHeaderHash ?? new Uint8Array(0))
    lastHeaderHash = blockHeaderHash(block.header as common.BlockHeader)
    await db.put(blockStoreLayout.metaKey, blockStoreLayout.encodeMeta(height + 1n, lastHeaderHash))
    await db.put(blockStoreLayout.blockKey(height), common.Block.encode(block))
    height++
    say(`height ${height}`)
  }
}

async function runLedgers (): Promise<void> {
  const ledgers = new Ledgers({ dir: storeDir, onHeight: (_ch, h) => { say(`height ${h}`) } })
  const orderers = [{ mspId: 'OrdererMSP', rootCerts: [new TextEncoder().encode(read('ca-cert.pem'))] }]
  const height = await ledgers.open(CRASH_CHANNEL, orderers, nextBlock(0n, new Uint8Array(0)))
  say(`open ${height}`)
  const last = await ledgers.getBlock(CRASH_CHANNEL, height - 1n)
  let previousHash = blockHeaderHash(common.Block.decode(last as Uint8Array).header as common.BlockHeader)
  for (let from = height; ; from += 44n) {
    const groups: Uint8Array[][] = []
    for (let g = 0; g < 4; g++) {
      const group: Uint8Array[] = []
      for (let i = 0; i < 11; i++) {
        const block = nextBlock(from + BigInt(g * 11 + i), previousHash)
        previousHash = blockHeaderHash(block.header as common.BlockHeader)
        group.push(common.Block.encode(block))
      }
      groups.push(group)
    }
    await Promise.all([1, 3, 0, 2].map(async g => {
      await Promise.all(groups[g].map(async (bytes, i) => await ledgers.addPayload(CRASH_CHANNEL, from + BigInt(g * 11 + i), bytes, 'transfer')))
    }))
  }
}

await (mode === 'height-first' ? runHeightFirst() : mode === 'ledgers' ? runLedgers() : runAtomic())
