// DuckDB (@duckdb/node-api, 2 threads) as a peer of every task SQL can
// express: the data are loaded into tables untimed (except for the csv-
// tasks, whose reading is timed), then each task's SQL runs once to warm up
// and give the digest (timed too with BENCH_WARMUP=0), then up to REPS timed runs until BENCH_BUDGET_S
// seconds are spent. Each timed run materialises its result as a table, so
// that nothing is left lazy.
//
// Usage: node duckdb.mjs TASK DATA_DIR REPS  -> one JSON line on stdout.
// The digests are the Go program's (see nps.go, grouped.go, contacts.go,
// survival.go, rfm.go): the same text, hashed with SHA-256.
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';

const [, , task, dir, repsArg] = process.argv;
const reps = Number(repsArg);
const budget = Number(process.env.BENCH_BUDGET_S ?? '20') * 1e9;
const AS_OF = 1767225600; // 2026-01-01 UTC
const AS_OF_DAY = AS_OF / 86400;
const WINDOW = 7 * 86400; // the FCR window

const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await inst.connect();
const rows = async (sql) => (await con.runAndReadAll(sql)).getRows();
const csv = (file, columns) =>
  `read_csv('${dir}/${file}', header = true, auto_detect = false, columns = ${columns})`;

const contactColumns = `{'id': 'VARCHAR', 'customer_id': 'VARCHAR', 'reason': 'VARCHAR', 'channel': 'VARCHAR',
  'direction': 'VARCHAR', 'agent': 'VARCHAR', 'arrived': 'TIMESTAMPTZ', 'answered': 'TIMESTAMPTZ', 'ended': 'TIMESTAMPTZ',
  'talk_s': 'INTEGER', 'hold_s': 'INTEGER', 'wrap_s': 'INTEGER', 'outcome': 'VARCHAR', 'resolved': 'BOOLEAN',
  'complaint': 'BOOLEAN', 'value_added': 'VARCHAR', 'cost': 'DECIMAL(18,2)'}`;
// The contacts as a table with times in Unix seconds.
const contacts = (table) => `CREATE OR REPLACE TABLE ${table} AS
  SELECT id, customer_id, reason, channel, outcome, agent, epoch(arrived)::BIGINT AS arrived,
    epoch(answered)::BIGINT AS answered, talk_s, hold_s, wrap_s, resolved, complaint, cost
  FROM ${csv('contacts.csv', contactColumns)}`;

// MarkFCR's rules (operations/fcr.go): of the handled contacts in order of
// arrival, ties by id, a contact repeats when the previous one of the same
// customer and reason arrived at most the window before; otherwise it opens
// an issue, unresolved when a repeat follows or it is not flagged resolved,
// unknown when it arrived less than the window before the as-of date.
// (Every generated contact has a customer.) Then the tally's counts.
const kpis = (src) => `CREATE OR REPLACE TABLE out AS
  WITH h AS (
    SELECT arrived, resolved, lag(arrived) OVER w AS prev, lead(arrived) OVER w AS next
    FROM ${src} WHERE outcome IN ('answered', 'deflected')
    WINDOW w AS (PARTITION BY customer_id, reason ORDER BY arrived, id)),
  m AS (
    SELECT coalesce(arrived - prev <= ${WINDOW}, false) AS rep, coalesce(next - arrived <= ${WINDOW}, false) AS followed,
      ${AS_OF} - arrived >= ${WINDOW} AS old, resolved FROM h),
  f AS (
    SELECT count(*) FILTER (rep) AS repeats, count(*) FILTER (NOT rep AND old) AS issues,
      count(*) FILTER (NOT rep AND old AND NOT followed AND resolved) AS fcr_resolved FROM m),
  k AS (
    SELECT count(*) AS n,
      count(*) FILTER (outcome = 'answered') AS answered_n,
      count(*) FILTER (outcome = 'abandoned') AS abandoned_n,
      count(*) FILTER (channel IN ('phone', 'chat') AND outcome = 'answered') AS waits,
      count(*) FILTER (channel IN ('phone', 'chat') AND outcome = 'answered' AND answered - arrived <= 20) AS within,
      count(*) FILTER (channel IN ('phone', 'chat') AND outcome IN ('answered', 'abandoned')) AS live,
      sum(answered - arrived) FILTER (channel IN ('phone', 'chat') AND outcome = 'answered') AS wait_s,
      sum(talk_s + hold_s + wrap_s) FILTER (outcome = 'answered') AS handle_s,
      count(*) FILTER (complaint) AS complaints,
      sum(cost) AS cost
    FROM ${src})
  SELECT * FROM k, f`;

// meanNs is a mean of whole seconds in nanoseconds, rounded half up, as
// Go's exact means are.
const meanNs = (s, n) => (2n * BigInt(s) * 1000000000n + BigInt(n)) / (2n * BigInt(n));

async function kpiDigest() {
  const [r] = await rows(`SELECT n::VARCHAR, answered_n::VARCHAR, abandoned_n::VARCHAR, waits::VARCHAR, within::VARCHAR,
    live::VARCHAR, wait_s::VARCHAR, handle_s::VARCHAR, complaints::VARCHAR, cost::VARCHAR, repeats::VARCHAR,
    issues::VARCHAR, fcr_resolved::VARCHAR FROM out`);
  const [n, answered, abandoned, waits, within, live, waitS, handleS, complaints, cost, repeats, issues, resolved] = r;
  const q = (a, b) => (Number(a) / Number(b)).toFixed(9);
  return `n=${n} answered=${answered} abandoned=${abandoned} sl20=${q(within, live)} ` +
    `asa_ns=${meanNs(waitS, waits)} aht_ns=${meanNs(handleS, answered)} issues=${issues} ` +
    `fcr=${q(resolved, issues)} repeat=${q(repeats, Number(issues) + Number(repeats))} complaints=${complaints} cost=${cost}`;
}

// RFM scores with rapport's tie rule, score = 1 + ⌊5·L/n⌋, L the customers
// strictly worse (more days since the last purchase, fewer purchases, less
// money), from a relation g(id, days, f, m).
const scores = (g) => `CREATE OR REPLACE TABLE out AS
  WITH g AS (${g}), s AS (SELECT *, count(*) OVER () AS n FROM g)
  SELECT id,
    1 + (5 * (n - count(*) OVER (ORDER BY days RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))) // n AS rs,
    1 + (5 * (rank() OVER (ORDER BY f) - 1)) // n AS fs,
    1 + (5 * (rank() OVER (ORDER BY m) - 1)) // n AS ms
  FROM s`;
const rfmDigest = async () => (await rows(`SELECT string_agg(id || ',' || rs || ',' || fs || ',' || ms || chr(10), '' ORDER BY id) FROM out`))[0][0];

const responses = `CREATE TABLE r AS SELECT * FROM ${csv('responses.csv', `{'day': 'USMALLINT', 'score': 'UTINYINT'}`)}`;

const tasks = {
  nps: {
    load: [responses],
    run: [`CREATE OR REPLACE TABLE out AS SELECT score, count(*) AS c FROM r GROUP BY score`],
    async digest() {
      const counts = new Array(11).fill('0');
      for (const [s, c] of await rows(`SELECT score::INTEGER, c::VARCHAR FROM out`)) {
        if (s > 10) throw new Error('score out of range');
        counts[s] = c;
      }
      return counts.join(',');
    },
  },
  'nps-grouped': {
    load: [responses],
    run: [`CREATE OR REPLACE TABLE out AS SELECT day, score, count(*) AS c FROM r GROUP BY ALL`],
    async digest() {
      const days = new Map();
      for (const [d, s, c] of await rows(`SELECT day::INTEGER, score::INTEGER, c::VARCHAR FROM out ORDER BY day`)) {
        if (s > 10 || d >= 1000) throw new Error('response out of range');
        if (!days.has(d)) days.set(d, new Array(11).fill('0'));
        days.get(d)[s] = c;
      }
      return [...days].map(([d, c]) => `${d}:${c.join(',')}\n`).join('');
    },
  },
  contacts: { load: [contacts('c')], run: [kpis('c')], digest: kpiDigest },
  'csv-contacts': { load: [], run: [contacts('c'), kpis('c')], digest: kpiDigest },
  'aht-agent': {
    load: [contacts('c')],
    run: [`CREATE OR REPLACE TABLE out AS SELECT agent, count(*) AS n, sum(talk_s + hold_s + wrap_s) AS s
      FROM c WHERE outcome = 'answered' GROUP BY agent`],
    async digest() {
      const r = await rows(`SELECT agent, n::VARCHAR, s::VARCHAR FROM out ORDER BY agent`);
      return r.map(([a, n, s]) => `${a},${n},${meanNs(s, n)}\n`).join('');
    },
  },
  km: {
    load: [`CREATE TABLE cu AS SELECT start, "end" FROM ${csv('customers.csv', `{'id': 'VARCHAR', 'start': 'BIGINT', 'end': 'BIGINT'}`)}`],
    // Lifetimes in whole days as of the as-of date (lost when the end is
    // before it), then per day the losses, the lifetimes at risk and S as
    // a running product (a sum of logarithms).
    run: [`CREATE OR REPLACE TABLE out AS
      WITH l AS (
        SELECT (CASE WHEN "end" < ${AS_OF} THEN "end" ELSE ${AS_OF} END - start) // 86400 AS d,
          coalesce("end" < ${AS_OF}, false) AS lost
        FROM cu WHERE start < ${AS_OF}),
      t AS (SELECT d, count(*) AS total, count(*) FILTER (lost) AS ev FROM l GROUP BY d),
      r AS (SELECT d, ev, total, sum(total) OVER (ORDER BY d DESC) AS risk FROM t)
      SELECT d, ev, total, exp(sum(ln(greatest(1 - ev / risk, 1e-300))) OVER (ORDER BY d)) AS s FROM r`],
    async digest() {
      const r = await rows(`SELECT d::INTEGER, ev::INTEGER, total::INTEGER, s FROM out ORDER BY d`);
      let n = 0, events = 0, median = 'none';
      const at = (day) => { let s = 1; for (const [d, , , v] of r) { if (d > day) break; s = v; } return s.toFixed(6); };
      for (const [d, ev, total, s] of r) {
        n += total; events += ev;
        if (median === 'none' && ev > 0 && s <= 0.5) median = d.toFixed(1);
      }
      return `n=${n} events=${events} median_days=${median} s90=${at(90)} s365=${at(365)} s730=${at(730)}`;
    },
  },
  rfm: {
    load: [`CREATE TABLE tx AS SELECT * FROM ${csv('transactions.csv', `{'customer_id': 'VARCHAR', 'at': 'BIGINT', 'amount_cents': 'BIGINT'}`)}`],
    run: [scores(`SELECT customer_id AS id, ${AS_OF_DAY} - max("at") // 86400 AS days, count(*) AS f, sum(amount_cents) AS m
      FROM tx GROUP BY customer_id`)],
    digest: rfmDigest,
  },
  // Refunds (negative amounts) lower the net amount but are not purchases;
  // a customer with none is not scored.
  'csv-rfm': {
    load: [],
    run: [scores(`SELECT customer_id AS id, ${AS_OF_DAY} - epoch(max("at") FILTER (amount > 0))::BIGINT // 86400 AS days,
        count(*) FILTER (amount > 0) AS f, sum(amount) AS m
      FROM ${csv('shop.csv', `{'customer_id': 'VARCHAR', 'at': 'TIMESTAMPTZ', 'amount': 'DECIMAL(18,2)'}`)}
      GROUP BY customer_id HAVING count(*) FILTER (amount > 0) > 0`)],
    digest: rfmDigest,
  },
};

const t = tasks[task];
if (!t) throw new Error(`no task ${task}`);
for (const sql of t.load) await con.run(sql);
const once = async () => { for (const sql of t.run) await con.run(sql); };
const ns = [], cpu = [];
let spent = 0;
// run times once, returning its wall and CPU time (user + system of the
// process, DuckDB's threads included) in nanoseconds.
const run = async () => {
  const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
  await once();
  const c = process.cpuUsage(c0);
  return [Number(process.hrtime.bigint() - t0), (c.user + c.system) * 1000];
};
const keep = ([dt, c]) => { ns.push(dt); cpu.push(c); spent += dt; };
// With BENCH_WARMUP=0 the first run is timed too; so is a warm-up longer
// than the budget, the one timed run.
const first = await run();
if (process.env.BENCH_WARMUP === '0' || first[0] >= budget) keep(first);
const text = await t.digest();
if (process.env.BENCH_SHOW) console.error(text.slice(0, 2000));
for (let i = ns.length; i < reps && (i === 0 || spent < budget); i++) keep(await run());
console.log(JSON.stringify({ task, ns, cpu_ns: cpu, digest: createHash('sha256').update(text).digest('hex') }));
