// Package operations measures a contact centre: the KPIs of its contacts
// (volumes, reachability, service level, waits, abandonment, first-contact
// resolution, handle time, complaints, cost, self-service deflection,
// value added, asynchronous response times) and the agents it needs
// (Erlang B, Erlang C and Erlang A staffing).
//
// It follows the rapport contract written in the module's root package:
// Tally is an accumulator with its method set and laws, its Result is a
// reporting view whose figures carry their units, undefined figures are
// nil, errors are the module's sentinels with context, and every loop the
// input drives has a stated bound.
//
// # Model
//
// A Contact is one call, chat, e-mail, letter, self-care visit… on a
// Channel (Phone; Chatbot, FAQ and CustomerSpace for digital self-care;
// Chat, Form and Callback; Email and Letter; Messaging such as WhatsApp;
// Social; SMS), with a Direction (Inbound, Outbound) and an Outcome
// (Answered, Abandoned, Unreached, Busy, Closed, Deflected to
// self-service). Phone, Chat and Chatbot are synchronous (the customer
// waits on line); the others are asynchronous. Every enum reads and writes
// text (with aliases such as "whatsapp", "e-mail", "téléphone",
// "courrier") and rejects unknown names with an error quoting them.
//
// A contact's cost is a decimal.NullDecimal in any one currency: its zero
// value means unknown, which is not a cost of 0 (an empty cost cell of a
// CSV file is unknown too). Contact.Validate rejects bad data — negative
// durations, an answer before the arrival, a wait longer than the 292
// years a time.Duration holds, talk time on an abandoned call, a cost
// below 0 or outside ±64 decimal exponents — naming the contact and the
// field. Reader reads contacts from CSV exports (Zendesk, Aircall,
// Genesys… through a column map) by the rules of package row, and never
// drops a row silently.
//
// # KPIs
//
// A Tally accumulates contacts exactly (integer counts, 128-bit
// nanosecond sums, decimal costs), merges in any order with identical
// results, and encodes to binary and JSON. TallyOf and TallyBy tally a
// sequence, overall or by any key (channel, queue, day…). Its methods
// return rates as fractions in [0, 1] and times as durations, each with
// ok = false when undefined: a rate whose denominator is empty, a mean of
// nothing, a cost not known for every contact it needs. With "live queue"
// meaning inbound Phone and Chat:
//
//	Incoming        inbound contacts, any channel and outcome
//	CallsReceived   inbound Phone contacts
//	TicketsCreated  inbound contacts on asynchronous channels with agents
//	Presented       inbound, channels with agents, Answered + Abandoned + Unreached + Busy
//	Reachability    Answered ÷ Presented (inbound)
//	ServiceLevel(t) live queue answered within t ÷ (answered + abandoned)
//	ServiceLevelAs  the same by any definition (see Service level below)
//	IntervalsMet    share of intervals whose service level meets a target
//	ASA             Σ wait ÷ answered (live queue), exact
//	WaitQuantile(p) nearest-rank quantile of the live-queue waits
//	Abandonment     abandoned ÷ (answered + abandoned), live queue
//	ResponseWithin  asynchronous answered within t ÷ asynchronous presented
//	AHT             Σ (talk + hold + wrap) ÷ answered (in and out), exact
//	FCR             issues resolved at first contact ÷ issues judged (MarkFCR)
//	ComplaintRate   complaints ÷ contacts
//	Deflection      Deflected ÷ (Deflected + Presented), inbound
//	HighValueShare  high ÷ (high + low) of the assessed contacts
//	Cost            Σ cost, when every contact's cost is known
//	CostPerContact  Σ cost ÷ handled (Answered + Deflected), likewise
//	CostPerResolution  Σ cost ÷ resolved, likewise
//	Patience        Σ time queued (answered and abandoned) ÷ abandoned,
//	                the exponential-patience estimate that feeds Erlang A
//
// Costed counts the contacts whose cost is known and KnownCost sums them.
//
// Waits are kept to the second and response times to the minute, rounded
// up, in histograms with one bin per unit up to 512 units and 256 bins per
// doubling past that (bins at most 0.4 % wide), so service levels are
// exact at every whole-second threshold up to 512 s, every whole minute up
// to 34 min of wait, every whole hour up to 34 h, 48 h, 72 h and every
// whole day up to 11 days of response; quantiles are at most one unit, or
// 0.4 %, above the true value. Means (ASA, AHT, response time) are exact.
// A histogram has at most 6,676 bins, the bin of a 292-year wait, so every
// read-out is bounded whatever the data.
//
// First-contact resolution needs the customer's later contacts, not just
// the contact: MarkFCR sorts handled contacts by arrival and marks a
// contact a repeat when the same customer came back for the same reason
// within the window (7 days, say) of their previous contact; an issue is
// resolved at first contact when its first contact is flagged resolved and
// no repeat follows within the window.
//
// # Tables
//
// A Table holds a batch of contacts in columns, row i being contact i:
// integer times (the arrival in Unix nanoseconds, the wait and the time to
// the end as offsets from it, −1 for none), durations in nanoseconds, byte
// enums, costs as int64 units of one exponent, and customers, reasons,
// agents and queues as uint32 indices into per-column dictionaries ("" at
// index 0). A row takes 95 bytes plus its ID's bytes, where a []Contact
// takes 240 bytes a contact before its strings and decimals. Reader.ReadTable
// fills one straight from a CSV file, with ReadAll's accepted and rejected
// rows; Table.Append adds a Contact, Table.Contact and Table.All read rows
// back. TallyTable, TallyTableBy (by any index column: TallyTableBy(t,
// t.Agent, len(t.Agents)) by agent) and MarkFCRTable give the results of
// TallyOf, TallyBy and MarkFCR on the table's contacts, byte for byte,
// checking each row on integers by Contact.Validate's rules, without a
// Contact, a map lookup or an allocation per row. Use a Table for large
// batches (millions of contacts) read from files and tallied whole or by
// agent, queue or any numbering of the rows; use []Contact and TallyBy for
// arbitrary keys and small or streamed data. A Table holds arrivals from
// 1678 to 2262 only, and costs whose units fit an int64 at the table's
// exponent.
//
// # Service level
//
// Contact-centre systems divide the contacts answered within the
// threshold T (W) by different denominators. ServiceLevelAs and
// ServiceLevelCounts compute each of them, by a ServiceLevel value named
// in results; S is the short-abandon threshold (Thresholds.ShortAbandon,
// 5 s by default):
//
//	answered           W ÷ answered
//	queued             W ÷ (answered + abandoned)                   the default
//	no-short-abandons  W ÷ (answered + abandoned − abandoned within S)
//	offered            W ÷ (answered + abandoned + flow-outs)
//	offered-no-short-abandons
//	                   W ÷ (answered + abandoned − abandoned within S + flow-outs)
//	abandons-positive  (W + abandoned within T) ÷ (answered + abandoned)
//
// Sources: Genesys Cloud, "Configure the service level calculation"
// (answered within target ÷ (answered + abandoned), with switches to add
// flow-outs, drop short abandons or drop abandons: offered,
// no-short-abandons, offered-no-short-abandons, answered); Vonage Contact
// Center's service level (answered within target ÷ (answered + abandoned
// + queue breakouts) by default: offered); Mitel MiContact Center's
// offered contacts (handled, long abandons and interflowed, short abandons
// left out, 6 s by default: offered-no-short-abandons); Cisco Unified
// ICM/CCE service-level types (ServiceLevelCalls ÷
// ServiceLevelCallsOffered for "abandoned calls have
// negative impact", queued; minus ServiceLevelAband, the calls abandoned
// within T, for "ignore abandoned calls", no-short-abandons with S = T;
// plus ServiceLevelAband in the numerator for "abandoned calls have
// positive impact", abandons-positive); ICMI, "Service Level
// Calculations" (Queue Tips, 2002), whose formulas 1 to 4 are
// abandons-positive, answered, queued and no-short-abandons with S = T,
// and whose worked example the tests reproduce. Flow-outs are the
// contacts that entered the queue and left it neither answered nor
// abandoned — overflowed or transferred to another queue, sent to
// voicemail or a callback, dropped — which a Contact records as
// Unreached; Busy contacts, turned away before they queued, are in no
// definition, as in Abandonment. The definitions
// that need the abandons' waits (all but answered, queued and offered) are
// undefined while an abandoned contact has no end time. Result lists every
// definition in ServiceLevels, by name, next to ServiceLevelPct (queued).
//
// The interval service-level quality is the share of intervals (15, 30
// or 60 minutes: TallyBy keyed by the interval's start) whose service
// level meets a target, such as 80 % in 20 s: IntervalsMet counts the
// intervals meeting an SLTarget, comparing met ≥ ⌈share × base⌉ on the
// exact counts with the share read as the decimal typed (4 of 5 meet 0.8;
// 57 of 100 meet 0.57), and counts apart the intervals whose service level
// is undefined (empty, or untimed abandons). It is reported as met_pct of
// the measured intervals.
//
// # Results
//
// Tally.Result returns the reporting view at its Thresholds (20 s, 24 h
// and 5 s of short abandon by default): counts without a suffix (n,
// answered…), rates in percent (reachability_pct, service_level_pct,
// fcr_pct…), times in seconds (asa_seconds, wait_p90_seconds,
// aht_seconds), costs as decimal strings (cost_amount,
// cost_per_contact_amount), the thresholds themselves in seconds, and the
// service level by every definition (service_levels: a list of
// {"definition":"offered","service_level_pct":72.5}). A reachability of 80 % is 80, never 0.8; an undefined figure is
// nil in Go, null in JSON and "n/a" in String, never 0.
//
// # Staffing
//
// A Queue gives contacts per interval, the AHT and optionally the
// customers' mean patience and chat concurrency; its traffic in Erlangs is
// A = contacts × AHT / interval (÷ concurrency: an agent handling c
// contacts at once is modelled as one agent c times faster). With N
// agents:
//
//	Erlang B  B(N, A) = (Aᴺ/N!) / Σ_{k≤N} Aᵏ/k!
//	Erlang C  C(N, A) = N·B / (N − A(1 − B))         P(wait), A < N
//	          SL(t)   = 1 − C·e^{−(N−A)·t/AHT}
//	          ASA     = C·AHT/(N − A)
//	          occupancy = A/N
//	Erlang A  M/M/N+M with exponential patience of mean 1/θ: P(wait),
//	          P(abandon), ASA of the answered and SL (the share of all
//	          contacts answered within t) from the birth–death chain; it
//	          tends to Erlang C as the patience grows
//
// Queue.Metrics reports them in percent and seconds (p_wait_pct,
// service_level_pct, asa_seconds, occupancy_pct, traffic_erlangs). They
// hold for fractional traffic up to MaxTraffic (10⁸ Erlangs) and up to
// MaxAgents agents. Erlang C with A ≥ N has no steady state: ErrUnstable.
//
// Queue.Staff finds the smallest N meeting a combination of Targets —
// service level x in t, ASA ≤ y, abandonment ≤ z (Erlang A only), occupancy
// ≤ o — and turns agents into positions at a shrinkage s as ⌈N/(1 − s)⌉.
// Targets compare as the decimals they are typed as: occupancy and
// stability exactly (2.1 Erlangs on 3 agents are 70 %; 21 agents at 30 %
// shrinkage are 30 positions), the model's transcendental values rounded to
// 12 significant digits first. A combination that cannot work — a service
// level without its threshold, an abandonment target for customers who
// never abandon, no target at all — is ErrTargets, saying why. Lines sizes
// a loss system with Erlang B.
//
// # Bounds
//
// Erlang B and C take at most 50√A + 230 steps whatever N. Staff's Erlang C
// search ends by A + 40√A + 200 agents, where B underflows and every
// target is met; its Erlang A search and Lines evaluate at most 62 numbers
// of agents. The Erlang A sums need more terms the more patient the
// customers and the fewer the agents: one evaluation sums at most 2²³
// terms and a whole Staff 2²⁴ (tens of milliseconds), past which they fail
// with ErrConverge. MarkFCR and MarkFCRTable take O(n log n) for n
// contacts and 25 bytes a contact beside them, sorting compact integer
// records on two cores. TallyTableBy allocates its nGroups tallies, at
// most 2²⁰. Decoders
// allocate in proportion to their input.
//
// The service levels by definition and the interval quality are checked
// against testdata/servicelevel.py, which computes them with pandas from
// the contacts' exact times (no histogram), on a seeded day of contacts
// with hand-placed intervals at exactly 80 % and 57 %.
//
// Reference values in the tests come from testdata/reference.py, which
// computes Erlang B from its defining sum, Erlang C from its textbook
// formulas and Erlang A from the stationary distribution of the
// birth–death chain, a first-step analysis and uniformization, all in
// 40-digit mpmath arithmetic, and the staffing answers by scanning every
// number of agents with exact fractions for the occupancy.
//
// References: A. K. Erlang (1917); C. Palm (1946), "Methods of judging the
// annoyance caused by congestion"; O. Garnett, A. Mandelbaum & M. Reiman
// (2002), "Designing a call center with impatient customers", MSOM 4(3);
// A. Mandelbaum & S. Zeltyn (2007), "Service engineering in action: the
// Palm/Erlang-A queue, with applications to call centers"; N. Gans, G.
// Koole & A. Mandelbaum (2003), "Telephone call centers: tutorial, review,
// and research prospects", MSOM 5(2); L. Brown et al. (2005), "Statistical
// analysis of a telephone call center", JASA 100.
package operations
