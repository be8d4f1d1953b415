/**
 * A tiny Redis client over `node:net` (RESP2, https://redis.io/docs/latest/develop/reference/protocol-spec/):
 * enough for libp2p's transport-interop harness (`RPUSH`, `BLPOP`) and its tests (`PING`, `DEL`, ...).
 * Commands are pipelined on one connection and answered in order. No dependency.
 *
 * ```ts
 * const redis = await RedisClient.connect('redis:6379')
 * await redis.rpush('listenerAddr', addr)
 * const popped = await redis.blpop('listenerAddr', 180) // [key, value], or null on timeout
 * redis.close()
 * ```
 */
import { connect as netConnect, type Socket } from 'node:net'

/** A reply: simple string or bulk string (null for a null bulk), integer, array (null for a null array). */
export type RespValue = string | number | null | RespValue[]

/** The server answered with an error reply (`-ERR ...`). */
export class RedisReplyError extends Error {
  static override name = 'RedisReplyError'
  override name = 'RedisReplyError'
}

/** The connection failed or closed before the reply, or the reply was not valid RESP. */
export class RedisConnectionError extends Error {
  static override name = 'RedisConnectionError'
  override name = 'RedisConnectionError'
}

/** Largest bulk string or array accepted from the server (the harness exchanges one multiaddr). */
const MAX_BULK = 64 * 1024 * 1024
const CRLF = '\r\n'

/** Parses `host:port` or `[v6]:port`; the port defaults to 6379. */
export function parseRedisAddr (addr: string): { host: string, port: number } {
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(addr) ?? /^([^:]+)(?::(\d+))?$/.exec(addr)
  if (m == null || m[1] === '') throw new Error(`expected host:port, got "${addr}"`)
  const port = m[2] != null ? Number(m[2]) : 6379
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`expected a port from 1 to 65535 in "${addr}"`)
  return { host: m[1], port }
}

/** Encodes a command as a RESP array of bulk strings. */
export function encodeCommand (args: Array<string | number>): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}${CRLF}`)]
  for (const a of args) {
    const b = Buffer.from(String(a), 'utf8')
    parts.push(Buffer.from(`$${b.byteLength}${CRLF}`), b, Buffer.from(CRLF))
  }
  return Buffer.concat(parts)
}

/** A reply decoded from the front of `buf`, with the bytes it took; undefined when incomplete. */
type Parsed = { value: RespValue | RedisReplyError, end: number } | undefined

/** Decodes one RESP2 reply starting at `at`. Throws `RedisConnectionError` on malformed input. */
export function decodeReply (buf: Buffer, at = 0): Parsed {
  const eol = buf.indexOf(CRLF, at)
  if (eol < 0) return undefined
  const kind = String.fromCharCode(buf[at])
  const line = buf.toString('utf8', at + 1, eol)
  const next = eol + 2
  switch (kind) {
    case '+': return { value: line, end: next }
    case '-': return { value: new RedisReplyError(line), end: next }
    case ':': return { value: integer(line), end: next }
    case '$': {
      const len = integer(line)
      if (len === -1) return { value: null, end: next }
      if (len < 0 || len > MAX_BULK) throw new RedisConnectionError(`bad bulk length ${len}`)
      if (buf.byteLength < next + len + 2) return undefined
      return { value: buf.toString('utf8', next, next + len), end: next + len + 2 }
    }
    case '*': {
      const count = integer(line)
      if (count === -1) return { value: null, end: next }
      if (count < 0 || count > MAX_BULK) throw new RedisConnectionError(`bad array length ${count}`)
      const items: RespValue[] = []
      let pos = next
      for (let i = 0; i < count; i++) {
        const item = decodeReply(buf, pos)
        if (item == null) return undefined
        if (item.value instanceof RedisReplyError) throw new RedisConnectionError('an error reply inside an array')
        items.push(item.value)
        pos = item.end
      }
      return { value: items, end: pos }
    }
    default: throw new RedisConnectionError(`unexpected reply type ${JSON.stringify(kind)}`)
  }
}

function integer (s: string): number {
  if (!/^-?\d+$/.test(s)) throw new RedisConnectionError(`expected an integer, got ${JSON.stringify(s)}`)
  return Number(s)
}

interface Pending {
  resolve: (v: RespValue) => void
  reject: (e: Error) => void
}

export class RedisClient {
  private readonly socket: Socket
  private readonly pending: Pending[] = []
  private buffer: Buffer = Buffer.alloc(0)
  private failure: Error | undefined

  private constructor (socket: Socket) {
    this.socket = socket
    socket.on('data', (chunk: Buffer) => { this.onData(chunk) })
    socket.on('error', (err) => { this.fail(new RedisConnectionError(`redis connection: ${err.message}`)) })
    socket.on('close', () => { this.fail(new RedisConnectionError('redis connection closed')) })
  }

  /** Opens a connection to `host:port`; rejects with `RedisConnectionError` when it cannot. */
  static async connect (addr: string, options: { signal?: AbortSignal } = {}): Promise<RedisClient> {
    const { host, port } = parseRedisAddr(addr)
    return await new Promise((resolve, reject) => {
      const socket = netConnect({ host, port })
      const onAbort = (): void => { socket.destroy(); reject(new RedisConnectionError(`connecting to redis at ${addr}: aborted`)) }
      options.signal?.addEventListener('abort', onAbort, { once: true })
      socket.once('connect', () => {
        options.signal?.removeEventListener('abort', onAbort)
        socket.removeAllListeners('error')
        socket.setNoDelay(true)
        resolve(new RedisClient(socket))
      })
      socket.once('error', (err) => {
        options.signal?.removeEventListener('abort', onAbort)
        reject(new RedisConnectionError(`connecting to redis at ${addr}: ${err.message}`))
      })
    })
  }

  /** Sends one command; resolves with its reply, rejects with `RedisReplyError` for an error reply. */
  async command (...args: Array<string | number>): Promise<RespValue> {
    if (this.failure != null) throw this.failure
    return await new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject })
      this.socket.write(encodeCommand(args))
    })
  }

  /** `PING`: 'PONG' once the server is ready. */
  async ping (): Promise<string> {
    return String(await this.command('PING'))
  }

  /** `RPUSH key value`: the list's length after the push. */
  async rpush (key: string, value: string): Promise<number> {
    return Number(await this.command('RPUSH', key, value))
  }

  /**
   * `BLPOP key timeout`: waits up to `timeoutSeconds` (0: for ever) for an element; `[key, value]`, or null
   * when the timeout passed first.
   */
  async blpop (key: string, timeoutSeconds: number): Promise<[string, string] | null> {
    const reply = await this.command('BLPOP', key, timeoutSeconds)
    if (reply == null) return null
    if (!Array.isArray(reply) || reply.length !== 2 || typeof reply[0] !== 'string' || typeof reply[1] !== 'string') {
      throw new RedisConnectionError(`unexpected BLPOP reply ${JSON.stringify(reply)}`)
    }
    return [reply[0], reply[1]]
  }

  /** Closes the connection; commands still waiting are rejected. */
  close (): void {
    this.fail(new RedisConnectionError('redis client closed'))
  }

  private onData (chunk: Buffer): void {
    this.buffer = this.buffer.byteLength === 0 ? chunk : Buffer.concat([this.buffer, chunk])
    try {
      let at = 0
      for (;;) {
        const parsed = decodeReply(this.buffer, at)
        if (parsed == null) break
        at = parsed.end
        const waiter = this.pending.shift()
        if (waiter == null) throw new RedisConnectionError('a reply without a command')
        if (parsed.value instanceof RedisReplyError) waiter.reject(parsed.value)
        else waiter.resolve(parsed.value)
      }
      this.buffer = this.buffer.subarray(at)
    } catch (err) {
      this.fail(err as Error)
    }
  }

  private fail (err: Error): void {
    if (this.failure == null) this.failure = err
    for (const p of this.pending.splice(0)) p.reject(err)
    this.socket.destroy()
  }
}
