package rapportbeam

import (
	"github.com/rapportkit/rapport/agent"
	"github.com/rapportkit/rapport/ces"
	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/clv"
	"github.com/rapportkit/rapport/csat"
	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/journey"
	"github.com/rapportkit/rapport/nps"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/rate"
	"github.com/rapportkit/rapport/segment"
	"github.com/rapportkit/rapport/ticket"
)

// Every accumulator of rapport, one line each.
func init() {
	Register[nps.Tally, int]()
	Register[nps.Weighted, nps.Response]()
	Register[csat.Tally, int]()
	Register[ces.Tally, int]()
	Register[rate.Tally, bool]()
	Register[operations.Tally, operations.Contact]()
	Register[churn.Flow, churn.Customer]()
	Register[churn.Survival, churn.Lifetime]()
	Register[churn.Ledger, churn.Revenue]()
	Register[segment.Customer, segment.Transaction]()
	Register[segment.Collection, segment.Transaction]()
	Register[clv.History, segment.Transaction]()
	Register[forecast.History, operations.Contact]()
	Register[ticket.Tally, ticket.Ticket]()
	Register[journey.Tally, journey.Journey]()
	Register[agent.Tally, agent.Interval]()
}
