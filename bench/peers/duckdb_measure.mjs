// The measuring protocol of the DuckDB peers of the journey and agent
// tasks (journey_duckdb.mjs, agent_duckdb.mjs), the one duckdb.mjs and the
// Go workers follow: 2 threads, the load statements untimed, then the run
// statements once to warm up and give the digest (timed too with
// BENCH_WARMUP=0, or when that run alone took the budget), then up to REPS
// timed runs until BENCH_BUDGET_S seconds are spent; one JSON line
// {"task", "ns", "cpu_ns", "digest"} on stdout, the digest the SHA-256 of
// the text.
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';

export async function measure(task, { load, run, digest }) {
  const [, , dir, repsArg] = process.argv;
  const reps = Number(repsArg);
  const budget = Number(process.env.BENCH_BUDGET_S ?? '20') * 1e9;
  const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await inst.connect();
  const rows = async (sql) => (await con.runAndReadAll(sql)).getRows();
  for (const sql of load(dir)) await con.run(sql);
  const once = async () => { for (const sql of run) await con.run(sql); };
  const ns = [], cpu = [];
  let spent = 0;
  const timed = async () => {
    const t0 = process.hrtime.bigint(), c0 = process.cpuUsage();
    await once();
    const c = process.cpuUsage(c0);
    return [Number(process.hrtime.bigint() - t0), (c.user + c.system) * 1000];
  };
  const keep = ([dt, c]) => { ns.push(dt); cpu.push(c); spent += dt; };
  const first = await timed();
  if (process.env.BENCH_WARMUP === '0' || first[0] >= budget) keep(first);
  const text = await digest(rows);
  if (process.env.BENCH_SHOW) console.error(text.slice(0, 2000));
  for (let i = ns.length; i < reps && (i === 0 || spent < budget); i++) keep(await timed());
  console.log(JSON.stringify({ task, ns, cpu_ns: cpu, digest: createHash('sha256').update(text).digest('hex') }));
}
