// Package ticket measures the life of tickets — requests handled
// asynchronously (e-mail, forms, letters, messaging, social) from
// creation to closure: first reply time, full resolution time, both in
// calendar time and in business hours, one-touch resolution, reopens,
// the SLA breach rate of each priority, and the backlog at any instant
// with its age distribution. Percentiles, not only means.
//
// It follows the rapport contract written in the module's root package:
// Tally is an accumulator with its method set and laws, its Result is a
// reporting view whose figures carry their units, undefined figures are
// nil, errors are the module's sentinels with context, and every loop the
// input drives has a stated bound.
//
// # Model
//
// A Ticket has an ID, a Channel (operations.Channel, zero if unknown), a
// Priority, an Assignee and a Group, and the instants of its life:
// Created, FirstReply (the first public agent reply), Solved (the last
// solve, after any reopen) and Closed, a zero time being an event that
// has not happened. Replies and Reopens count agent replies and reopens;
// Unknown (−1) when the source does not record them, which leaves the
// ticket out of the rates that need them rather than counting it as 0.
// Ticket.Validate rejects what cannot be — a reply, solve or close
// before creation, a close without or before a solve, a reopen of a
// ticket never solved, a first reply with 0 replies or replies without a
// first reply, a span over MaxAge (100 years) — naming the ticket.
// Reader reads the tickets of a CSV export, Zendesk's column names
// included ("Id", "Via", "Created at", "Solved at", "First reply time in
// minutes", "Replies", "Reopens"), by the rules of package row, and
// accepts or rejects every row with its reason.
//
// # Definitions
//
// With t₀ = Created, for a ticket with a first reply or solved:
//
//	first reply time        FirstReply − t₀
//	resolution time         Solved − t₀ (Zendesk's full resolution time)
//	business variants       Calendar.Between(t₀, FirstReply), Calendar.Between(t₀, Solved):
//	                        the open time of the tally's hours.Calendar between them
//	mean                    Σ time ÷ tickets measured, exact to the nanosecond
//	Percentile(m, p)        nearest rank: the ⌈p·n⌉-th smallest of the n measured (the
//	                        smallest for p = 0), as the upper edge of its bin: exact to the
//	                        minute up to 8 h 32 min, at most 0.4 % above past that
//	one-touch rate          solved tickets with Replies = 1 ÷ solved tickets with Replies known
//	reopen rate             solved tickets with Reopens ≥ 1 ÷ solved tickets with Reopens known
//	first reply breach rate (priority p) replied tickets of p whose first reply time is over
//	                        p's target ÷ replied tickets of p
//	resolution breach rate  (priority p) solved tickets of p whose resolution time is over
//	                        p's target ÷ solved tickets of p
//	backlog at t            (Backlog, BacklogBy) tickets with Created ≤ t and not solved by t (Solved zero or
//	                        after t); age = t − Created, banded <1, 1–3, 3–7, 7–30, ≥30 days
//
// A target is met when the time is at most the target, in calendar time
// or, for a Target with Business set, in the calendar's business hours.
// A ticket not yet replied or solved is not in a breach rate: it has
// not met or missed its target yet (Backlog shows how old the open ones
// are). A rate of nothing and a percentile of nothing are undefined
// (ok = false, nil in a Result), never 0.
//
// Sources: Zendesk, "Ticket metrics: first reply time, full resolution
// time, one-touch tickets, reopens, replies" and "SLA metrics: first
// reply time, requester wait time" (support.zendesk.com, Explore recipes
// and "About SLA policies and how they work": a target is achieved when
// met by its target time, breached otherwise; targets are per priority,
// in calendar or business hours); Freshdesk, "Understanding the helpdesk
// reports: first response time, resolution time, FCR / one-touch
// resolution" (support.freshdesk.com). The backlog follows Zendesk's
// "unsolved tickets" at an instant.
//
// # Units and bounds
//
// Times are time.Duration; Results report them in seconds (_seconds),
// rates in percent (_pct). Histogram bins are whole minutes rounded up
// (Zendesk reports minutes), so a tally's size grows with the logarithm
// of its longest time, never with the number of tickets. Targets hold at
// most MaxPriorities priorities of at most MaxPriority bytes; business
// times walk at most hours.MaxDays days (a longer span fails the Add);
// decoders allocate in proportion to their input.
//
// # Checks
//
// testdata/reference.py generates 3000 tickets in the columns of a
// Zendesk export and computes every figure with pandas independently
// (business minutes on a minute grid with pandas' time zones); the test
// reads the file through Reader and compares 82 values. A hand-worked
// case is in ticket_test.go; the laws of the contract are checked with
// and without a calendar.
package ticket
