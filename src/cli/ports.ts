/** Free TCP ports on loopback, for local clusters (and tests). */
import { createServer } from 'node:net'

/** A TCP port free on 127.0.0.1 at the moment of asking. */
export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      const port = typeof a === 'object' && a != null ? a.port : 0
      s.close(() => { resolve(port) })
    })
  })
}
