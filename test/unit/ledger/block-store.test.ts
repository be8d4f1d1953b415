import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { ClassicLevel } from 'classic-level'
import { BlockStore, BlockStoreError, blockStoreLayout, MAX_RANGE_BLOCKS } from '../../../src/ledger/block-store.js'
import type { BlockStoreErrorReason } from '../../../src/ledger/block-store.js'
import { common } from '../../../src/pb/common.js'
import { blockHeaderHash } from '../../../src/wire/block.js'
import { createChain, createTestOrg, tempDir } from './helpers.js'
import type { TestOrg } from './helpers.js'

const hex = (b: Uint8Array | undefined): string | undefined => b === undefined ? undefined : Buffer.from(b).toString('hex')
const header = (block: common.Block): common.BlockHeader => block.header as common.BlockHeader

async function rejectsWith (p: Promise<unknown>, reason: BlockStoreErrorReason, message?: RegExp): Promise<void> {
  await assert.rejects(p, (err: Error) => {
    assert.ok(err instanceof BlockStoreError, `expected BlockStoreError, got ${err.name}: ${err.message}`)
    assert.equal(err.name, 'BlockStoreError')
    assert.equal(err.reason, reason, err.message)
    if (message !== undefined) assert.match(err.message, message)
    return true
  })
}

describe('BlockStore', () => {
  const tmp = tempDir()
  let orderer: TestOrg
  let chain: common.Block[]
  let n = 0
  const freshDir = (): string => join(tmp.dir, `store-${n++}`, 'ledger', 'mychannel')

  before(async () => {
    orderer = await createTestOrg('OrdererMSP', 'example.com', 'orderer', 'orderer')
    chain = createChain(orderer.signer, 'mychannel', 300, { entries: 1, size: 32 })
  })
  after(() => { tmp.cleanup() })

  it('starts empty in a new folder (created with its parents)', async () => {
    const store = await BlockStore.open(freshDir())
    assert.equal(store.height(), 0n)
    assert.equal(store.lastHeaderHash(), undefined)
    assert.equal(await store.get(0n), undefined)
    assert.deepEqual(await store.getRange(0n, 10), [])
    await store.close()
  })

  it('appends in order and returns the bytes as appended; the height and last hash survive a reopen', async () => {
    const dir = freshDir()
    const store = await BlockStore.open(dir)
    const given = common.Block.encode(chain[0])
    await store.append(chain[0], given) // bytes as received
    await store.append(chain[1]) // encoded by the store
    await store.append(chain[2])
    assert.equal(store.height(), 3n)
    assert.equal(hex(store.lastHeaderHash()), hex(blockHeaderHash(header(chain[2]))))
    assert.deepEqual(await store.get(0n), given)
    assert.deepEqual(common.Block.decode((await store.get(1n))!), chain[1])
    assert.equal(await store.get(3n), undefined)
    assert.equal(await store.get(-1n), undefined)
    await store.close()

    const again = await BlockStore.open(dir)
    assert.equal(again.height(), 3n)
    assert.equal(hex(again.lastHeaderHash()), hex(blockHeaderHash(header(chain[2]))))
    assert.deepEqual(common.Block.decode((await again.get(2n))!), chain[2])
    await again.append(chain[3])
    assert.equal(again.height(), 4n)
    await again.close()
  })

  it('refuses a block that is not the next one, or does not chain, leaving the store as it was', async () => {
    const store = await BlockStore.open(freshDir())
    await rejectsWith(store.append(chain[1]), 'out-of-order', /block 1 does not follow: the next block is 0/)
    await store.append(chain[0])
    await rejectsWith(store.append(chain[0]), 'out-of-order')
    await rejectsWith(store.append(chain[2]), 'out-of-order')
    const fork = createChain(orderer.signer, 'mychannel', 2, { entries: 1 })[1] // block 1 of another chain
    await rejectsWith(store.append(fork), 'bad-previous-hash')
    await rejectsWith(store.append({ data: { data: [] } }), 'malformed')
    assert.equal(store.height(), 1n)
    assert.equal(await store.get(1n), undefined)
    await store.append(chain[1])
    assert.equal(store.height(), 2n)
    await store.close()
  })

  it('appendMany commits consecutive blocks in one write, all or none', async () => {
    const dir = freshDir()
    const store = await BlockStore.open(dir)
    await store.appendMany(chain.slice(0, 10))
    assert.equal(store.height(), 10n)
    await rejectsWith(store.appendMany([chain[10], chain[11], chain[13]]), 'out-of-order', /block 13/)
    assert.equal(store.height(), 10n)
    assert.equal(await store.get(10n), undefined)
    await store.appendMany([chain[10], chain[11]], [common.Block.encode(chain[10]), undefined])
    await store.appendMany([])
    assert.equal(store.height(), 12n)
    await store.close()
    const raw = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' })
    assert.equal(await raw.get(blockStoreLayout.blockKey(12n)), undefined) // nothing of the refused batch
    assert.equal((await raw.keys({ gte: blockStoreLayout.blockKey(0n), lt: blockStoreLayout.blockKey(1000n) }).all()).length, 12)
    await raw.close()
  })

  it('appendMany takes the header hashes verification computed; they chain the next blocks and survive a reopen', async () => {
    const dir = freshDir()
    const store = await BlockStore.open(dir)
    await store.appendMany(chain.slice(0, 5), undefined, chain.slice(0, 5).map(b => blockHeaderHash(header(b))))
    await store.appendMany(chain.slice(5, 8), undefined, [undefined, blockHeaderHash(header(chain[6])), undefined])
    assert.equal(hex(store.lastHeaderHash()), hex(blockHeaderHash(header(chain[7]))))
    // a wrong hash is what the next block is checked against
    await store.appendMany([chain[8]], undefined, [new Uint8Array(32)])
    await rejectsWith(store.append(chain[9]), 'bad-previous-hash')
    await store.close()
    await rejectsWith(BlockStore.open(dir), 'corrupt', /not the one recorded/)
  })

  it('getRange reads the blocks below the height, in order, many at a time, bounded in bytes', async () => {
    const store = await BlockStore.open(freshDir())
    await store.appendMany(chain.slice(0, 100))
    const all = await store.getRange(0n, 1000)
    assert.equal(all.length, 100)
    assert.deepEqual(all.map(b => header(common.Block.decode(b)).number), Array.from({ length: 100 }, (_, i) => BigInt(i)))
    assert.deepEqual(all[37], common.Block.encode(chain[37]))
    const maxBytes = all[10].byteLength + all[11].byteLength + all[12].byteLength
    assert.equal((await store.getRange(10n, 50, { maxBytes })).length, 3, 'stops once maxBytes is reached')
    assert.equal((await store.getRange(10n, 50, { maxBytes: maxBytes + 1 })).length, 4)
    assert.equal((await store.getRange(95n, 50)).length, 5, 'up to the height')
    assert.deepEqual(await store.getRange(100n, 5), [])
    await store.close()
  })

  it('queues appends issued without waiting, in issue order', async () => {
    const store = await BlockStore.open(freshDir())
    const results = await Promise.allSettled(chain.slice(0, 50).map(b => store.append(b)))
    assert.deepEqual(results.filter(r => r.status === 'rejected'), [])
    assert.equal(store.height(), 50n)
    // a failure does not stall the queue
    const mixed = await Promise.allSettled([store.append(chain[60]), store.append(chain[50]), store.append(chain[51])])
    assert.deepEqual(mixed.map(r => r.status), ['rejected', 'fulfilled', 'fulfilled'])
    await store.close()
  })

  it('keys sort by number: ranges across byte boundaries come back in order, bounded', async () => {
    const store = await BlockStore.open(freshDir())
    await store.appendMany(chain)
    const range = await store.getRange(250n, 10)
    assert.deepEqual(range.map(b => header(common.Block.decode(b)).number), Array.from({ length: 10 }, (_, i) => 250n + BigInt(i)))
    assert.equal((await store.getRange(295n, 10)).length, 5) // stops at the height
    assert.equal((await store.getRange(300n, 10)).length, 0)
    assert.equal((await store.getRange(-5n, 2)).length, 2)
    assert.equal((await store.getRange(0n, 0)).length, 0)
    const oneBlock = (await store.get(0n))!.length
    assert.equal((await store.getRange(0n, 100, { maxBytes: oneBlock * 3 })).length, 3)
    assert.equal((await store.getRange(0n, 100, { maxBytes: 1 })).length, 1)
    assert.equal((await store.getRange(0n, MAX_RANGE_BLOCKS * 2)).length, 300)
    await store.close()
  })

  it('close lets issued appends finish, then refuses calls; closing twice is fine', async () => {
    const dir = freshDir()
    const store = await BlockStore.open(dir)
    const pending = store.appendMany(chain.slice(0, 5))
    await store.close()
    await pending
    await store.close()
    await rejectsWith(store.append(chain[5]), 'closed')
    await assert.rejects(store.get(0n), { name: 'BlockStoreError' })
    const again = await BlockStore.open(dir)
    assert.equal(again.height(), 5n)
    await again.close()
  })

  it('is held by one process at a time (LevelDB lock)', async () => {
    const dir = freshDir()
    const store = await BlockStore.open(dir)
    await assert.rejects(BlockStore.open(dir))
    await store.close()
  })

  it('refuses to open a store whose height names a missing or different last block', async () => {
    const dir = freshDir()
    const store = await BlockStore.open(dir)
    await store.appendMany(chain.slice(0, 4))
    await store.close()
    const raw = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' })
    // the height written without its block: what a store that is not atomic leaves after a crash
    await raw.put(blockStoreLayout.metaKey, blockStoreLayout.encodeMeta(5n, blockHeaderHash(header(chain[4]))))
    await raw.close()
    await rejectsWith(BlockStore.open(dir), 'corrupt', /height 5 but block 4 is missing/)

    const raw2 = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' })
    await raw2.put(blockStoreLayout.blockKey(4n), common.Block.encode(chain[5])) // the wrong block under key 4
    await raw2.close()
    await rejectsWith(BlockStore.open(dir), 'corrupt', /not the one recorded/)

    const raw3 = new ClassicLevel<Uint8Array, Uint8Array>(dir, { keyEncoding: 'view', valueEncoding: 'view' })
    await raw3.put(blockStoreLayout.metaKey, Uint8Array.of(9, 9))
    await raw3.close()
    await rejectsWith(BlockStore.open(dir), 'corrupt', /meta record/)
  })

  it('layout: fixed-width big-endian keys, a meta record with height and hash', () => {
    assert.equal(hex(blockStoreLayout.blockKey(0x0102n)), '620000000000000102')
    assert.ok(Buffer.compare(blockStoreLayout.blockKey(255n), blockStoreLayout.blockKey(256n)) < 0)
    const hash = new Uint8Array(32).fill(1)
    assert.deepEqual(blockStoreLayout.decodeMeta(blockStoreLayout.encodeMeta(7n, hash)), { height: 7n, lastHeaderHash: hash })
    assert.deepEqual(blockStoreLayout.decodeMeta(blockStoreLayout.encodeMeta(0n, undefined)), { height: 0n, lastHeaderHash: undefined })
    assert.throws(() => blockStoreLayout.decodeMeta(blockStoreLayout.encodeMeta(3n, undefined)), { name: 'BlockStoreError' })
  })
})
