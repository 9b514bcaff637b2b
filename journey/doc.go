// Package journey follows customer requests across contacts: it links
// the contacts of package operations into journeys (by case, or by
// customer and reason within a window) and measures them: transfers and
// escalations (agent → agent, bot → agent, tier 1 → tier 2),
// containment of the journeys a bot or self-service starts, whether an
// agent took over, channel switching, repeat contacts by channel pair,
// and the digital and self-service shares of the demand.
//
// It follows the rapport contract written in the module's root package:
// Tally is an accumulator with its method set and laws, its Result is a
// reporting view whose figures carry their units, undefined figures are
// nil, errors are the module's sentinels with context, and every loop the
// input drives has a stated bound.
//
// # Model
//
// A Step is one operations.Contact with what a journey needs on top of
// it: the Case it is filed under (a ticket, a conversation, an incident;
// empty if none), its Handler (Bot: a chatbot, voicebot or IVR that
// converses; Agent: a person, whether or not one answered; Self:
// self-service without conversation, on operations.FAQ or
// operations.CustomerSpace), the agent's support Tier (1 is the front
// line, 0 unknown) and TransferredTo, the agent or queue the step was
// handed to without the customer leaving. Step.Validate rejects a step
// whose contact is invalid, whose handler contradicts its contact (an
// agent on a deflected contact, a bot answered by an agent), with a tier
// outside 0..MaxTier or on a step no agent served, or transferred to its
// own agent or queue, naming the contact.
//
// A Journey is the steps of one request, in time order. Linker.Link makes
// them: steps with a case are one journey per case; the others are
// chained by customer (and reason, with ByReason) while each arrives
// within Window of the previous one; a step with neither case nor
// customer is a journey alone. It sorts in place in O(n log n) on compact
// integer keys (fixed hashes of the strings, checked; no string
// comparison) and copies no step; Linker.Tally links and tallies without
// moving a step at all, reading each once into a compact record and
// sorting the records by counting sorts on two cores, the fast path for
// millions of contacts. A case
// with steps of two customers (ErrCase) or a journey longer than MaxSpan
// (default 90 days, ErrSpan) is an error naming the step, never a
// journey cut or dropped silently.
//
// Reader reads steps from CSV through the library's row reader: every
// row accepted, or rejected with its line, column, id and reason.
//
// # KPIs
//
// Within a journey s₁…sₖ, the pair (sᵢ, sᵢ₊₁) is a transfer when sᵢ has
// TransferredTo, and a repeat contact otherwise (the customer came back).
// A journey is resolved when its last step is. Tally counts, and its
// methods and Result report, with the undefined figures (a zero
// denominator) nil:
//
//	Transfers              steps with TransferredTo (÷ journeys: per journey)
//	AgentToAgent           transfers from an Agent step to an Agent step
//	BotToAgent             transfers from a Bot step to an Agent step
//	Takeover               bot-to-agent transfers an agent answered ÷ bot-to-agent transfers
//	Transferred            journeys with a transfer ÷ journeys
//	TierEscalation         consecutive Agent steps, both tiers known, to a higher
//	                       tier ÷ such pairs (tier 1 → 2, 2 → 3…; per journey too)
//	Automated journeys     journeys whose first step is Bot or Self; each is one of
//	  Containment          resolved with no Agent step ÷ automated journeys
//	  Escalation           with an Agent step ÷ automated journeys
//	  Stranded             neither: no agent, not resolved ÷ automated journeys
//	ChannelSwitching       journeys whose last channel ≠ first channel ÷ journeys
//	RepeatRate(a, b)       steps on a, not transferred, followed by a step on b
//	                       ÷ steps on a not transferred (a row of the matrix sums
//	                       to the repeat rate of channel a)
//	DigitalShare           steps on a digital channel ÷ steps: every channel but
//	                       Phone and Letter (operations.Channel.Digital)
//	SelfServiceShare       Bot and Self steps ÷ steps
//	Resolution             resolved journeys ÷ journeys
//
// # Sources
//
// Containment follows the vendors' reading of a bot session that never
// reached a person: Google's Dialogflow marks a conversation handed off
// with LiveAgentHandoff "to determine which conversations were handed off
// to a human agent for measurement purposes"
// (cloud.google.com/agent-assist/docs/handoff); Amazon Connect's
// self-service evaluation asks whether "the contact [was] handled during
// self-service, without transferring to a human agent"
// (docs.aws.amazon.com/connect/latest/adminguide/performance-evaluations-automated-interactions.html);
// Genesys Cloud bot flows exit with the reason AgentRequestedByUser when
// the customer escalates (help.mypurecloud.com, "Agent escalation in
// voice and digital bot flows"). Those tools count a session contained
// when it was not handed off, whatever became of the request: that
// figure is 100 % − Escalation here, Containment plus Stranded. This
// package's Containment is stricter — resolved without a person over the
// whole journey, so a customer who leaves the bot and calls the next day
// within the window is an escalation, not a contained session — because
// a bot that strands customers is not serving them. Transfers, tiers and
// repeat contacts by channel follow the contact-centre usage of the same
// tools (Genesys and Amazon Connect count a transfer when the contact
// moves to another agent or queue without ending; a repeat contact is a
// new contact of the same request).
//
// Every figure is checked against pandas on a generated file of 1,845
// steps under three linker settings (testdata/reference.py, golden.json),
// and on journeys worked by hand.
package journey
