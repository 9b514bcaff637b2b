// DuckDB (2 threads) as a peer of the journey task (../journey.go): the
// steps of journey.csv loaded into a table untimed, then linked with window
// functions as journey.Linker links them — per case, or per customer and
// reason for the steps without one, in order of arrival, ties by row; a
// step without a case starts a journey when it arrives more than 48 h
// after the previous one, and a running sum of the starts numbers the
// journeys — and measured: the step counts from each step and the next in
// its journey (lead), the journey counts by a GROUP BY of the journeys.
// Channels, handlers and outcomes are ENUMs. The digest is journeyDigest's
// text.
//
// Usage: node journey_duckdb.mjs DATA_DIR REPS -> one JSON line on stdout.
import { measure } from './duckdb_measure.mjs';

const WINDOW = 48 * 3600;
// The channels in the order of operations.Channels.
const CHANNELS = ['phone', 'chatbot', 'faq', 'customer-space', 'chat', 'form', 'callback', 'email', 'letter', 'messaging', 'social', 'sms'];

const columns = `{'seq': 'INTEGER', 'customer': 'INTEGER', 'reason': 'UTINYINT', 'case': 'INTEGER', 'channel': 'VARCHAR',
  'handler': 'VARCHAR', 'outcome': 'VARCHAR', 'arrived': 'BIGINT', 'resolved': 'UTINYINT', 'tier': 'UTINYINT', 'transfer': 'VARCHAR'}`;

const p = `PARTITION BY g1, g2, g3 ORDER BY arrived, seq`;
const run = [
  `CREATE OR REPLACE TABLE j AS
  WITH g AS (
    SELECT *, "case" AS g1, CASE WHEN "case" IS NULL THEN customer END AS g2, CASE WHEN "case" IS NULL THEN reason END AS g3
    FROM st),
  h AS (
    SELECT g1, g2, g3, seq, arrived, channel, handler, outcome, resolved = 1 AS resolved, tier, coalesce(transfer, '') <> '' AS tr,
      lag(arrived) OVER w AS prev_at, lead(arrived) OVER w AS next_at,
      lead(channel) OVER w AS next_ch, lead(handler) OVER w AS next_h, lead(outcome) OVER w AS next_o, lead(tier) OVER w AS next_tier
    FROM g WINDOW w AS (${p})),
  f AS (
    SELECT *, prev_at IS NULL OR (g1 IS NULL AND arrived - prev_at > ${WINDOW}) AS new,
      next_at IS NOT NULL AND (g1 IS NOT NULL OR next_at - arrived <= ${WINDOW}) AS more
    FROM h)
  SELECT *, sum(new::INTEGER) OVER (${p} ROWS UNBOUNDED PRECEDING) AS jid FROM f`,
  `CREATE OR REPLACE TABLE out_s AS SELECT count(*) AS steps,
    count(*) FILTER (tr) AS transfers,
    count(*) FILTER (tr AND more AND handler = 'agent' AND next_h = 'agent') AS a2a,
    count(*) FILTER (tr AND more AND handler = 'bot' AND next_h = 'agent') AS b2a,
    count(*) FILTER (tr AND more AND handler = 'bot' AND next_h = 'agent' AND next_o = 'answered') AS taken,
    count(*) FILTER (more AND handler = 'agent' AND next_h = 'agent' AND tier > 0 AND next_tier > 0) AS tier_pairs,
    count(*) FILTER (more AND handler = 'agent' AND next_h = 'agent' AND tier > 0 AND next_tier > tier) AS tier_up,
    count(*) FILTER (channel NOT IN ('phone', 'letter')) AS digital,
    count(*) FILTER (handler IN ('bot', 'self')) AS self_service
    FROM j`,
  `CREATE OR REPLACE TABLE out_m AS SELECT channel, CASE WHEN more THEN next_ch END AS next, count(*) AS c
    FROM j WHERE NOT tr GROUP BY ALL`,
  `CREATE OR REPLACE TABLE out_j AS
  WITH jr AS (
    SELECT bool_or(new AND handler IN ('bot', 'self')) AS automated, bool_or(handler = 'agent') AS agent,
      bool_or(NOT more AND resolved) AS resolved, bool_or(tr) AS transferred,
      max(CASE WHEN new THEN channel END) <> max(CASE WHEN NOT more THEN channel END) AS switched
    FROM j GROUP BY g1, g2, g3, jid)
  SELECT count(*) AS journeys, count(*) FILTER (resolved) AS resolved, count(*) FILTER (transferred) AS transferred,
    count(*) FILTER (automated) AS automated, count(*) FILTER (automated AND NOT agent AND resolved) AS contained,
    count(*) FILTER (automated AND agent) AS escalated, count(*) FILTER (switched) AS switched
  FROM jr`,
];

async function digest(rows) {
  const [s] = await rows(`SELECT steps::VARCHAR, transfers::VARCHAR, a2a::VARCHAR, b2a::VARCHAR, taken::VARCHAR,
    tier_pairs::VARCHAR, tier_up::VARCHAR, digital::VARCHAR, self_service::VARCHAR FROM out_s`);
  const [steps, transfers, a2a, b2a, taken, tierPairs, tierUp, digital, self] = s;
  const [jr] = await rows(`SELECT journeys::VARCHAR, resolved::VARCHAR, transferred::VARCHAR, automated::VARCHAR,
    contained::VARCHAR, escalated::VARCHAR, switched::VARCHAR FROM out_j`);
  const [journeys, resolved, transferred, automated, contained, escalated, switched] = jr;
  const stranded = BigInt(automated) - BigInt(contained) - BigInt(escalated);
  let text = `journeys=${journeys} steps=${steps} resolved=${resolved} transfers=${transfers} agent_to_agent=${a2a} ` +
    `bot_to_agent=${b2a} taken_over=${taken} transferred=${transferred} tier_pairs=${tierPairs} tier_up=${tierUp} ` +
    `automated=${automated} contained=${contained} escalated=${escalated} stranded=${stranded} switched=${switched} ` +
    `digital=${digital} self_service=${self}\n`;
  const ended = new Map(), next = new Map();
  for (const [from, to, c] of await rows(`SELECT channel, next, c::VARCHAR FROM out_m`)) {
    if (!CHANNELS.includes(from) || (to !== null && !CHANNELS.includes(to))) throw new Error(`channel ${from} or ${to}`);
    ended.set(from, (ended.get(from) ?? 0n) + BigInt(c));
    if (to !== null) next.set(`${from} ${to}`, c);
  }
  for (const from of CHANNELS) {
    if (!ended.has(from)) continue;
    text += `${from} ended=${ended.get(from)}`;
    for (const to of CHANNELS) if (next.has(`${from} ${to}`)) text += ` ${to}=${next.get(`${from} ${to}`)}`;
    text += '\n';
  }
  return text;
}

const list = (names) => names.map((s) => `'${s}'`).join(', ');
await measure('journey', {
  // The channels, handlers and outcomes as ENUMs (DuckDB's categoricals:
  // 13 % faster windows than VARCHAR at 1M).
  load: (dir) => [
    `CREATE TYPE channel_t AS ENUM (${list(CHANNELS)})`,
    `CREATE TYPE handler_t AS ENUM (${list(['bot', 'agent', 'self'])})`,
    `CREATE TYPE outcome_t AS ENUM (${list(['answered', 'abandoned', 'unreached', 'busy', 'closed', 'deflected'])})`,
    `CREATE TABLE st AS SELECT * REPLACE (channel::channel_t AS channel, handler::handler_t AS handler, outcome::outcome_t AS outcome)
      FROM read_csv('${dir}/journey.csv', header = true, auto_detect = false, columns = ${columns})`,
  ],
  run,
  digest,
});
