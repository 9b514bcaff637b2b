// DuckDB (2 threads) as a peer of the ticket task (../ticket.go): the
// tickets of tickets.csv loaded into a table untimed (times as BIGINT Unix
// seconds, NULL for none or unknown), then one aggregate over all tickets
// and one GROUP BY over the priorities with a target (urgent: first reply
// 1 h, resolution 8 h; normal: 8 h, 72 h; calendar time, a breach is
// longer than the target). The digest is ticketText's text.
//
// Usage: node ticket_duckdb.mjs DATA_DIR REPS -> one JSON line on stdout.
import { measure } from './duckdb_measure.mjs';

const run = [
  `CREATE OR REPLACE TABLE t_all AS SELECT count(*) AS n,
    count(first_reply) AS replied, count(solved) AS solved,
    coalesce(sum(first_reply - created), 0) AS fr_sum,
    count(*) FILTER (first_reply - created <= 3600) AS fr_1h,
    count(*) FILTER (first_reply - created <= 86400) AS fr_24h,
    coalesce(sum(solved - created), 0) AS res_sum,
    count(*) FILTER (solved - created <= 3600) AS res_1h,
    count(*) FILTER (solved - created <= 86400) AS res_24h,
    count(*) FILTER (solved IS NOT NULL AND replies IS NOT NULL) AS replies_known,
    count(*) FILTER (solved IS NOT NULL AND replies = 1) AS one_touch,
    count(*) FILTER (solved IS NOT NULL AND reopens IS NOT NULL) AS reopens_known,
    count(*) FILTER (solved IS NOT NULL AND reopens > 0) AS reopened
    FROM tk`,
  `CREATE OR REPLACE TABLE t_sla AS SELECT tk.priority, count(*) AS tickets,
    count(first_reply) AS replied, count(*) FILTER (first_reply - created > g.fr) AS reply_breached,
    count(solved) AS solved, count(*) FILTER (solved - created > g.res) AS resolution_breached
    FROM tk JOIN (VALUES ('urgent', 3600, 28800), ('normal', 28800, 259200)) g(priority, fr, res) USING (priority)
    GROUP BY tk.priority`,
];

async function digest(rows) {
  const [a] = await rows(`SELECT * FROM t_all`);
  const [n, replied, solved, frSum, fr1, fr24, resSum, res1, res24, rk, ot, ok, ro] = a.map((v) => BigInt(v));
  const share = (x, y) => (y === 0n ? 'none' : (Number(x) / Number(y)).toFixed(9));
  let text = `n=${n} replied=${replied} solved=${solved}\n` +
    `first_reply n=${replied} sum_s=${frSum} within_1h=${fr1} within_24h=${fr24}\n` +
    `resolution n=${solved} sum_s=${resSum} within_1h=${res1} within_24h=${res24}\n` +
    `one_touch=${share(ot, rk)} reopened=${share(ro, ok)}\n`;
  for (const [p, ...v] of await rows(`SELECT * FROM t_sla ORDER BY priority`)) {
    const [tickets, rep, rb, sol, sb] = v.map((x) => BigInt(x));
    text += `${p} tickets=${tickets} replied=${rep} reply_breached=${rb} solved=${sol} resolution_breached=${sb}\n`;
  }
  return text;
}

await measure('ticket', {
  load: (dir) => [
    `CREATE TABLE tk AS SELECT * FROM read_csv('${dir}/tickets.csv', header = true, auto_detect = false,
      columns = {'id': 'VARCHAR', 'priority': 'VARCHAR', 'created': 'BIGINT', 'first_reply': 'BIGINT', 'solved': 'BIGINT',
      'replies': 'INTEGER', 'reopens': 'INTEGER'})`,
  ],
  run,
  digest,
});
