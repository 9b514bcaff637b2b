// Package operations measures a contact centre: the KPIs of its contacts
// (volumes, reachability, service level, waits, abandonment, first-contact
// resolution, handle time, complaints, cost, self-service deflection,
// value added, asynchronous response times) and the agents it needs
// (Erlang B, Erlang C and Erlang A staffing).
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
// Contact.Validate rejects bad data — negative durations, an answer
// before the arrival, talk time on an abandoned call — naming the contact
// and the field. Reader reads contacts from CSV exports (Zendesk,
// Aircall, Genesys… through a column map) by the rules of package row,
// and never drops a row silently.
//
// # KPIs
//
// A Tally accumulates contacts exactly (integer counts, 128-bit
// nanosecond sums, decimal costs), merges in any order with identical
// results, and encodes to binary and JSON. Of and TallyBy tally a
// sequence, overall or by any key (channel, queue, day…). Rates are
// fractions in [0, 1] returned as (value, ok): a rate whose denominator is
// empty is undefined (ok = false), never 0. With "live queue" meaning
// inbound Phone and Chat:
//
//	Incoming        inbound contacts, any channel and outcome
//	CallsReceived   inbound Phone contacts
//	TicketsCreated  inbound contacts on asynchronous channels with agents
//	Presented       inbound, channels with agents, Answered + Abandoned + Unreached + Busy
//	Reachability    Answered ÷ Presented (inbound)
//	ServiceLevel(t) live queue answered within t ÷ (answered + abandoned)
//	ASA             Σ wait ÷ answered (live queue), exact
//	WaitQuantile(p) nearest-rank quantile of the live-queue waits
//	Abandonment     abandoned ÷ (answered + abandoned), live queue
//	ResponseWithin  asynchronous answered within t ÷ asynchronous presented
//	AHT             Σ (talk + hold + wrap) ÷ answered (in and out), exact
//	FCR             issues resolved at first contact ÷ issues judged (MarkFCR)
//	ComplaintRate   complaints ÷ contacts
//	Deflection      Deflected ÷ (Deflected + Presented), inbound
//	HighValueShare  high ÷ (high + low) of the assessed contacts
//	CostPerContact  Σ cost ÷ handled (Answered + Deflected), decimal
//	CostPerResolution  Σ cost ÷ resolved, decimal
//	Patience        Σ time queued (answered and abandoned) ÷ abandoned,
//	                the exponential-patience estimate that feeds Erlang A
//
// Waits are kept to the second and response times to the minute, rounded
// up, in histograms with one bin per unit up to 512 units and 256 bins per
// doubling past that (bins at most 0.4 % wide), so service levels are
// exact at every whole-second threshold up to 512 s, every whole minute up
// to 34 min of wait, every whole hour up to 34 h of response, 48 h, 72 h
// and every whole day up to 11 days; quantiles are at most one unit, or
// 0.4 %, above the true value. Means (ASA, AHT, response time) are exact.
//
// First-contact resolution needs the customer's later contacts, not just
// the contact: MarkFCR sorts handled contacts by arrival and marks a
// contact a repeat when the same customer came back for the same reason
// within the window (7 days, say) of their previous contact; an issue is
// resolved at first contact when its first contact is flagged resolved and
// no repeat follows within the window.
//
// # Staffing
//
// A Queue gives contacts per interval, the AHT and optionally the
// customers' mean patience and chat concurrency; its traffic in Erlangs is
// A = contacts × AHT / interval (÷ concurrency: an agent handling c
// contacts at once is modelled as one agent c times faster). With N
// agents:
//
//	Erlang B  B(N, A) = (Aᴺ/N!) / Σ_{k≤N} Aᵏ/k!, by the recursion
//	          1/B(n) = 1 + (n/A)·1/B(n−1), never factorials
//	Erlang C  C(N, A) = N·B / (N − A(1 − B))         P(wait), A < N
//	          SL(t)   = 1 − C·e^{−(N−A)·t/AHT}
//	          ASA     = C·AHT/(N − A)
//	          occupancy = A/N
//	Erlang A  M/M/N+M with exponential patience of mean 1/θ: P(wait),
//	          P(abandon), ASA of the answered and SL (the share of all
//	          contacts answered within t) from the birth–death chain, in
//	          closed-form sums derived in erlanga.go; it tends to Erlang C
//	          as the patience grows
//
// The recursion runs in float64 for fractional traffic and any number of
// agents (10,000 and more) without overflow; for A ≥ 200 it starts
// 12√A + 10 below A, where the neglected terms are below e⁻⁷² of the sum,
// so large queues cost O(√A). Erlang C with A ≥ N has no steady state:
// ErrUnstable. Queue.Staff finds the smallest N meeting any combination of
// targets (service level x % in t, ASA ≤ y, abandonment ≤ z, occupancy ≤
// o), searching Erlang C upward from ⌊A⌋ + 1 one agent at a time so that no
// N is skipped, and turns agents into positions at a shrinkage s as
// ⌈N/(1 − s)⌉ in exact rational arithmetic (21 agents at 30 % are 30
// positions). Lines sizes a loss system with Erlang B.
//
// Reference values in the tests come from testdata/reference.py, which
// computes Erlang B from its defining sum, Erlang C from its textbook
// formulas and Erlang A from the stationary distribution of the
// birth–death chain, a first-step analysis and uniformization, all in
// 40-digit mpmath arithmetic.
//
// References: A. K. Erlang (1917); C. Palm (1946), "Methods of judging the
// annoyance caused by congestion"; O. Garnett, A. Mandelbaum & M. Reiman
// (2002), "Designing a call center with impatient customers", MSOM 4(3);
// A. Mandelbaum & S. Zeltyn (2007), "Service engineering in action: the
// Palm/Erlang-A queue, with applications to call centers"; N. Gans, G.
// Koole & A. Mandelbaum (2003), "Telephone call centers: tutorial, review,
// and research prospects", MSOM 5(2).
package operations
