// DuckDB read_csv as a peer of rapport's readers: loads a CSV file into a
// table (2 threads) with the column types rapport reads, times the load,
// then computes the digest of the loaded data (untimed).
//
// Usage: node read_duckdb.mjs KIND FILE  -> one JSON line on stdout.
// KIND is transactions (customer_id,at,amount) or contacts (the report's
// contacts format).
import { DuckDBInstance } from '@duckdb/node-api';

const [, , kind, file] = process.argv;
const columns = {
  transactions: `{'customer_id': 'VARCHAR', 'at': 'TIMESTAMPTZ', 'amount': 'DECIMAL(18,2)'}`,
  contacts: `{'id': 'VARCHAR', 'customer_id': 'VARCHAR', 'reason': 'VARCHAR', 'channel': 'VARCHAR', 'direction': 'VARCHAR', 'agent': 'VARCHAR',
    'arrived': 'TIMESTAMPTZ', 'answered': 'TIMESTAMPTZ', 'ended': 'TIMESTAMPTZ', 'talk_s': 'INTEGER', 'hold_s': 'INTEGER',
    'wrap_s': 'INTEGER', 'outcome': 'VARCHAR', 'resolved': 'BOOLEAN', 'complaint': 'BOOLEAN', 'value_added': 'VARCHAR',
    'cost': 'DECIMAL(18,2)'}`,
}[kind];
const digest = {
  transactions: `SELECT count(*)::VARCHAR || ',' || sum(epoch("at")::BIGINT)::VARCHAR || ',' || sum((amount * 100)::BIGINT)::VARCHAR || ',' || count(DISTINCT customer_id)::VARCHAR FROM t`,
  contacts: `SELECT count(*)::VARCHAR || ',' || sum(epoch(arrived)::BIGINT)::VARCHAR || ',' || sum(talk_s)::VARCHAR || ',' || sum((cost * 100)::BIGINT)::VARCHAR || ',' || count(answered)::VARCHAR FROM t`,
}[kind];

const inst = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await inst.connect();
const t0 = process.hrtime.bigint();
await con.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file}', header = true, auto_detect = false, columns = ${columns})`);
const ns = Number(process.hrtime.bigint() - t0);
const r = await con.runAndReadAll(digest);
console.log(JSON.stringify({ ns, digest: String(r.getRows()[0][0]) }));
