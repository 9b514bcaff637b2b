// DuckDB (2 threads) as a peer of the agent task (../agent.go): the
// intervals of agents.csv loaded into a table untimed, then the overlap
// check (lag of the end over each agent's intervals by start) and, per
// agent, the seconds in each state, the contacts and the OnContact
// intervals without a count, by one GROUP BY; occupancy, utilization,
// shrinkage and AHT are read from those sums. The digest is agentDigest's
// text.
//
// Usage: node agent_duckdb.mjs DATA_DIR REPS -> one JSON line on stdout.
import { measure } from './duckdb_measure.mjs';

// The states in the order of agent.States.
const STATES = ['available', 'on-contact', 'after-contact-work', 'break', 'training', 'meeting', 'absence', 'offline'];
const col = (s) => `"${s}"`;

const run = [
  `CREATE OR REPLACE TABLE o AS SELECT count(*) FILTER (start < prev_end) AS bad
    FROM (SELECT start, lag("end") OVER (PARTITION BY agent ORDER BY start, "end") AS prev_end FROM iv)`,
  `CREATE OR REPLACE TABLE out AS SELECT agent,
    ${STATES.map((s) => `coalesce(sum("end" - start) FILTER (state = '${s}'), 0) AS ${col(s)}`).join(', ')},
    sum(contacts) AS contacts, count(*) FILTER (state = 'on-contact' AND contacts = 0) AS uncounted
    FROM iv GROUP BY agent`,
];

// meanNs is a mean of whole seconds in nanoseconds, rounded half up, as
// Go's exact means are.
const meanNs = (s, n) => (2n * s * 1000000000n + n) / (2n * n);

async function digest(rows) {
  const [[overlaps]] = await rows(`SELECT bad::VARCHAR FROM o`);
  let text = `overlaps=${overlaps}\n`;
  const r = await rows(`SELECT agent, ${STATES.map((s) => `${col(s)}::VARCHAR`).join(', ')}, contacts::VARCHAR, uncounted::VARCHAR
    FROM out ORDER BY agent`);
  const share = (a, b) => (b === 0n ? 'none' : (Number(a) / Number(b)).toFixed(9));
  for (const [agent, ...v] of r) {
    const [av, oc, acw, brk, tr, mt, ab, off, contacts, uncounted] = v.map(BigInt);
    const handling = oc + acw, logged = av + oc + acw + brk + tr + mt;
    const aht = contacts > 0n && uncounted === 0n ? meanNs(handling, contacts).toString() : 'none';
    text += `${agent},${[av, oc, acw, brk, tr, mt, ab, off].join(',')},${contacts},` +
      `${share(handling, handling + av)},${share(handling, logged)},${share(brk + tr + mt + ab, logged + ab)},${aht}\n`;
  }
  return text;
}

await measure('agent', {
  // The states as an ENUM (DuckDB's categorical).
  load: (dir) => [
    `CREATE TYPE state_t AS ENUM (${STATES.map((s) => `'${s}'`).join(', ')})`,
    `CREATE TABLE iv AS SELECT * REPLACE (state::state_t AS state) FROM read_csv('${dir}/agents.csv', header = true,
      auto_detect = false, columns = {'agent': 'VARCHAR', 'state': 'VARCHAR', 'start': 'BIGINT', 'end': 'BIGINT', 'contacts': 'UTINYINT'})`,
  ],
  run,
  digest,
});
