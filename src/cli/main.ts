/** Entry point of the `fgossip` command (loaded by `bin/fgossip.js`). */
import '../shim.js'
import { buildProgram } from './index.js'

buildProgram().parseAsync(process.argv).catch((err: Error) => {
  process.stderr.write(`fgossip: ${err.message}\n`)
  process.exit(1)
})
