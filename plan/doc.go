// Package plan turns a forecast of contacts per interval into a staffing
// plan: the agents each interval needs to meet its service targets, the
// requirement before rounding, the positions to schedule once shrinkage
// is allowed for, full-time equivalents per day and week, the cost per
// interval and per contact, and the cost–service table a manager decides
// on.
//
// # Requirement
//
// Each interval with contacts is a queue (operations.Queue): its traffic
// is A = contacts × AHT ÷ interval ÷ concurrency Erlangs, and its agents
// N are the fewest meeting every target set (service level x % within t,
// ASA, abandonment, occupancy) by operations.Queue.Staff: Erlang C, or
// Erlang A when the customers' patience is given (Gans, Koole &
// Mandelbaum 2003, "Telephone call centers: tutorial, review, and
// research prospects", MSOM 5(2)). Chats handled c at a time count as
// one agent c times faster. An interval without contacts needs no agent.
//
// Rounding every interval up before adding them overstates the need: ten
// intervals needing 12.1 agents each are 121 agent-intervals, not 130.
// The fractional requirement is the real number of agents at which the
// targets are met exactly, interpolated between N − 1 and N:
//
//   - the lower point is N − 1 agents with their metrics; for Erlang C,
//     where N − 1 ≤ A leaves the queue unstable, it is the traffic A,
//     where the service level tends to 0, 1/ASA to 0 and the occupancy
//     to 1; for Erlang A with N = 1, it is no agent: service level 0,
//     abandonment 1, 1/ASA 0, occupancy 1;
//   - each target the lower point misses is met on the straight line
//     from its value there to its value with N agents, in the service
//     level, the abandonment, the (Erlang A) occupancy and 1/ASA; an
//     Erlang C occupancy target o is met exactly at A/o;
//   - the fractional requirement is the largest of these points, so that
//     ⌈fractional⌉ = N; if no target binds (only the need for a steady
//     state or for one agent sets N: an abandonment target under Erlang
//     C, an occupancy of 100 %), it is N.
//
// Positions are ⌈N ÷ (1 − shrinkage)⌉, computed exactly from the decimal
// the shrinkage is written as (operations.Positions: 21 agents at 30 %
// are 30 positions), and fractional positions are fractional ÷
// (1 − shrinkage).
//
// # Periods, FTE and cost
//
// Days are the local days of the forecast's time zone, weeks the ISO
// weeks (Monday to Sunday) it covers. A period's service level and
// abandonment are weighted by contacts, its ASA by answered contacts and
// its occupancy by agent time. Its FTE is its position hours (Σ positions
// × interval) over a full-time position's hours for the period — the
// contract's Weekly ÷ DaysPerWeek for a day, Weekly for a week, Weekly ×
// days ÷ 7 for the plan — and fte_fractional_ratio the same from the
// fractional positions.
//
// Money is decimal, never a float. An interval costs its positions ×
// Hourly × minutes ÷ 60 (exact for intervals of 15, 30 or 60 minutes,
// else rounded to SlotPlaces places) plus its contacts, rounded to
// ContactPlaces places, × PerContact; periods add the interval costs
// exactly; a cost per contact is the cost over the contacts priced,
// rounded half away from zero to PerContactPlaces places.
//
// Plan.Table staffs every interval with contacts k agents off its
// requirement, for k in a range, and reports for each k the service
// level, ASA, abandonment, occupancy, peak agents and positions, FTE,
// cost and cost per contact; too few agents for a steady state (Erlang C
// with N ≤ A) make a row's service figures nil and are counted.
//
// # Schedules
//
// Plan.Schedule covers the plan with shifts: given shift patterns (the
// times of day they may start, their length, their breaks, their cost),
// it finds day by day the cheapest numbers of agents on each start such
// that every interval has at least its positions on the queue, an
// integer program solved by branch and bound on gonum's simplex
// (optimize/convex/lp). The first schedule is the linear relaxation
// rounded up and pruned of shifts not needed; the search then branches
// best first and drops nodes whose relaxation, rounded up to a multiple
// of the greatest common divisor of the shift costs, cannot beat the
// best schedule. At most ScheduleOptions.Nodes linear programs a day
// (DefaultNodes); each day reports its lower bound, its gap and whether
// it is proven optimal. On 300 random small days checked against brute
// force, the search was optimal on all and the rounded relaxation alone
// 0.02 % above the optimum on average, 7 % at worst.
//
// # Units, bounds and errors
//
// Figures carry their unit in their name and JSON key: traffic_erlangs,
// aht_seconds, asa_seconds, service_level_pct, occupancy_pct,
// cost_amount; agents, positions and fte are counts. Undefined figures
// (the service of an interval without contacts, FTE without a contract)
// are nil. A plan holds at most forecast.MaxIntervals intervals and costs
// one Erlang search per interval (O(√A) steps past the Erlang B
// recursion, see operations.Queue.Staff); a table at most MaxRows rows.
// Errors wrap the package's sentinels and name the interval.
//
// The package follows the contract of package rapport. Its requirements,
// fractional requirements, positions, metrics and costs are checked
// against testdata/reference.py (40-digit mpmath from the defining Erlang
// formulas and a scan from N = 1, Python decimal).
package plan
