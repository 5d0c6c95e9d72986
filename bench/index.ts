/**
 * `npm run bench`: every figure measured in one run, side by side with its baseline and target,
 * printed as one table. Figures, not pass/fail tests: the machine's load changes them.
 */
import { benchHistory } from './history'
import { benchRecord } from './record'
import { benchStartup } from './startup'
import { benchTimeline } from './timeline'
import { printTable, type Row } from './stats'

const rows: Row[] = [
  ...(await benchRecord()),
  ...(await benchTimeline()),
  ...(await benchStartup()),
  ...(await benchHistory()),
]
printTable(rows)
