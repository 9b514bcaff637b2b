// Package agent measures contact-centre agents' time: from agent-state
// intervals (available, on contact, after-contact work, break, training,
// meeting, absence, offline) it computes occupancy, utilization, measured
// shrinkage split planned and unplanned, AHT and contacts per hour with
// the spread of AHT over agents, FTE and positions; and against a
// schedule, adherence and conformance.
//
// It follows the rapport contract written in the module's root package:
// Tally is an accumulator with its method set and laws, its Result is a
// reporting view whose figures carry their units, undefined figures are
// nil, errors are the module's sentinels with context, and every loop the
// input drives has a stated bound.
//
// # Model
//
// An Interval is one agent in one State from Start to End, [Start, End),
// with the Contacts handled during it if the export says so (OnContact
// intervals only; 0 means not recorded). The states:
//
//	Available         logged in, waiting for a contact (idle)
//	OnContact         handling a contact: talk, hold, chat, writing
//	AfterContactWork  wrap-up (ACW)
//	Break             planned shrinkage: breaks and meals
//	Training          planned shrinkage: training and coaching
//	Meeting           planned shrinkage: meetings
//	Absence           unplanned shrinkage: scheduled but absent (sick, late)
//	Offline           neither logged in nor scheduled
//
// Interval.Validate rejects an interval without an agent, state, start or
// end, one that ends before it starts or spans more than the 292 years a
// time.Duration holds, and contacts on a state other than OnContact,
// naming the agent. Overlaps need the agent's previous interval: TallyOf,
// TallyBy, Schedule.Compare and the Reader require each agent's intervals
// in the order of time (agents interleaved in any way) and reject an
// interval that starts before the end of the same agent's previous one
// with ErrOverlap, naming it; they keep one time per agent. Tally.Add on
// its own cannot see them, so that tallies merge in any order.
//
// Reader reads intervals from CSV agent-status exports by the rules of
// package row: Genesys Cloud's and Talkdesk's column names and state
// names ("Idle", "Interacting", "On a Call", "After Call Work", "Meal"…)
// are known; names that mean different things in different tools
// ("Busy", "Away", "On Queue") must be mapped by the caller
// (Reader.States). The end is the End cell or Start + Duration. Every row
// is accepted or rejected with its reason.
//
// # Figures
//
// With handling = OnContact + AfterContactWork, open = handling +
// Available, logged-in = every state but Absence and Offline (paid time
// at work, breaks included), and scheduled = logged-in + Absence:
//
//	Occupancy           handling ÷ open
//	Utilization         handling ÷ logged-in
//	OpenShare           open ÷ logged-in
//	Shrinkage           (Break + Training + Meeting + Absence) ÷ scheduled
//	PlannedShrinkage    (Break + Training + Meeting) ÷ scheduled
//	UnplannedShrinkage  Absence ÷ scheduled
//	AHT                 handling ÷ contacts
//	ContactsPerHour     contacts ÷ logged-in hours
//	FTE(perFTE)         logged-in ÷ perFTE (the caller's paid hours of one FTE)
//	Positions(period)   logged-in ÷ period: agents logged in on average
//	AHTMean, AHTDeviation, AHTQuantile(p)
//	                    mean, sample SD (n − 1) and quantile (linear, Hyndman
//	                    and Fan's 7, as numpy and R) of the agents' AHTs,
//	                    each agent weighing one
//
// Each returns ok = false when undefined: a share of no time, an AHT
// without contacts. AHT and ContactsPerHour are also undefined when an
// OnContact interval of the group carried no count: its contacts are
// unknown, and counting them as none would inflate AHT. An agent's AHT
// is AgentAHT; the spread reads the agents whose AHT is defined.
//
// The names are not used alike. Occupancy here is the share of the time
// open for contacts spent on them, as Genesys defines agent occupancy
// (engaged time relative to available or idle time, live logged-in time
// only: https://genesys.com/definitions/agent-occupancy). Utilization
// divides by all paid time at work
// instead (Genesys's page contrasts the two so); Assembled's glossary
// calls "utilization rate" the time productive or available over paid
// hours (https://assembled.com/wfm-glossary/utilization-rate), which is
// OpenShare here. Genesys Cloud's own "utilization" setting is unrelated:
// it caps the interactions an agent takes at once. Compare a tool's
// figure with the formula above, not with its name.
//
// Shrinkage is measured, from what agents did, over scheduled time; the
// shrinkage a staffing plan assumes is an input of operations.Targets
// (its Shrinkage field, the same share: 1 − open ÷ scheduled), which
// this measures after the fact.
//
// # Schedule adherence and conformance
//
// NewSchedule takes the planned intervals of a workforce-management tool
// (Available for time open to contacts, Break, Training, Meeting…); its
// Compare measures actual intervals against them, per agent, as an
// Adherence of exact durations (merge agents' for a team):
//
//	Adherence    time in the planned state, when planned ÷ scheduled work time
//	Conformance  logged-in time, whenever worked ÷ scheduled work time
//
// Scheduled work time is every planned state but Absence and Offline. A
// planned Available, OnContact or AfterContactWork is met by any of the
// three (an agent planned on the phones adheres while idle, talking or
// wrapping up, as Amazon Connect counts an agent adherent in a productive
// activity); any other planned state only by itself. Adherence is at
// most 1; conformance exceeds 1 with overtime. These are the definitions
// of NICE (https://nice.com/glossary/schedule-conformance: conformance =
// actual time worked ÷ scheduled time; adherence compares what the agent
// did with what was planned, when) and of the SWPP glossary, which notes
// that some tools say "compliance" for conformance
// (https://swpp.org/glossary/compliance/). There is no grace period:
// returning from a break one minute late costs one minute of adherence.
//
// # Accumulation and bounds
//
// A Tally keeps, per agent, the intervals and nanoseconds in each state,
// the OnContact intervals that carried a count and the contacts, in
// uint64 (an agent's time in one state is bounded by 2⁶⁴−1 ns, 584 years:
// ErrOverflow past it); team totals are summed in 128 bits. It merges in
// any order with identical results and encodes canonically to binary and
// JSON; decoders allocate in proportion to their input. Add allocates
// only for an agent it has not met. Its memory is proportional to the
// agents, never the intervals; read-outs of the spread sort the agents'
// AHTs.
//
// TallyBy sends an interval whole to its key: a day key puts an interval
// that spans midnight in the day it starts. SplitDays cuts intervals at
// local midnights first, so that days add up to the hour:
//
//	byDay, err := agent.TallyBy(agent.SplitDays(intervals, paris), func(iv agent.Interval) period.Day {
//		return period.DayOf(iv.Start, paris)
//	})
//
// # Checked against
//
// testdata/reference.py generates a seeded week of 3,084 intervals and
// 360 planned ones for 12 agents in two teams and computes every figure
// with pandas (by agent, team, day and overall) and adherence by a cross
// join of actual and planned intervals; the test reads the same files
// through Reader and compares 20 groups of figures (15 figures each) and
// 14 adherence vectors, exact for times and within 1e-12 for shares. Small cases are worked by hand in the tests.
package agent
