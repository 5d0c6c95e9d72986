/**
 * Run by bench/startup.ts as `node --expose-gc --import tsx bench/heap-child.ts <dataDir>`:
 * prints the heap used after GC before and after a host opens the folder, as one JSON line.
 */
import { testHost } from '../electron/testing/fixtures'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc')
const dir = process.argv[2]!
gc()
gc()
const bare = process.memoryUsage().heapUsed
const { host } = testHost(dir)
host.snapshot()
gc()
gc()
const used = process.memoryUsage().heapUsed
console.log(JSON.stringify({ host: used, bare }))
host.close()
