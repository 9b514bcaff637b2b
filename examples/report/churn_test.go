package main

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rapportkit/rapport/churn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The sample's renewal line counts renewals: it used to read "renewal
// churn 100.0 % of 176 customers up for renewal", as a customer who
// renewed was never seen up for renewal. The counts are checked against
// the sample file itself: a recorded renewal in 2025 is renewed; a
// contract end in 2025 is lost when the customer left in its month, and
// renewed when the customer was still there after it.
func TestSampleRenewals(t *testing.T) {
	out, _ := runReport(t, defaults())
	m := regexp.MustCompile(`renewal churn (\d+\.\d) % of (\d+) renewals decided \((\d+) due in the months: (\d+) renewed, (\d+) lost`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	decided, _ := strconv.Atoi(m[2])
	renewed, _ := strconv.Atoi(m[4])
	lost, _ := strconv.Atoi(m[5])

	in2025 := func(s string) (time.Time, bool) {
		t, err := time.Parse(time.DateOnly, s)
		return t, err == nil && t.Year() == 2025
	}
	var wantRenewed, wantLost int
	for _, c := range sampleRows(t, "customers.csv") {
		if c["renewals"] != "" {
			for _, r := range strings.Split(c["renewals"], ";") {
				if _, ok := in2025(r); ok {
					wantRenewed++
				}
			}
		}
		end, ok := in2025(c["contract_end"])
		if !ok {
			continue
		}
		lostAt, err := time.Parse(time.DateOnly, c["end"])
		switch {
		case err == nil && lostAt.Year() == end.Year() && lostAt.Month() == end.Month():
			wantLost++
		case err != nil || !lostAt.Before(time.Date(end.Year(), end.Month()+1, 1, 0, 0, 0, 0, time.UTC)):
			wantRenewed++
		}
	}
	assert.Equal(t, wantRenewed, renewed)
	assert.Equal(t, wantLost, lost)
	assert.Equal(t, renewed+lost, decided)
}

// A customer with a contract scores on its end and never on P(alive); one
// without scores on P(alive), and the sample has both kinds among its
// highest risks.
func TestRiskSignals(t *testing.T) {
	in, err := readInputs(defaults(), &strings.Builder{})
	require.NoError(t, err)
	asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	r, err := build(in, asOf, "", 12, costs{})
	require.NoError(t, err)
	contract := map[string]bool{}
	for _, c := range in.customers.rows {
		contract[c.ID] = !c.ContractEnd.IsZero()
	}
	var reasons []churn.Reason
	for _, risk := range r.Churn.Risks {
		for _, c := range risk.Reasons {
			reasons = append(reasons, c.Reason)
			switch c.Reason {
			case churn.Lapsed:
				assert.False(t, contract[risk.CustomerID], "%s has a contract and scores on P(alive)", risk.CustomerID)
				assert.InDelta(t, 1-r.CLV.PAlive[risk.CustomerID], *c.Measure, 1e-15)
			case churn.ContractEnding:
				assert.True(t, contract[risk.CustomerID], "%s", risk.CustomerID)
			}
		}
	}
	assert.True(t, slices.Contains(reasons, churn.Lapsed), "no customer of the top ten lapsed")
	assert.True(t, slices.Contains(reasons, churn.ContractEnding), "no contract ending in the top ten")
	assert.Equal(t, r.Churn.Scored, r.Churn.WithContract+r.Churn.WithPAlive+countNeither(in, r, asOf))
}

// countNeither counts the active customers with neither a contract nor a
// P(alive): those without a purchase.
func countNeither(in *inputs, r *report, asOf time.Time) int {
	n := 0
	for _, c := range in.customers.rows {
		if _, ok := r.CLV.PAlive[c.ID]; c.Active(asOf) && c.ContractEnd.IsZero() && !ok {
			n++
		}
	}
	return n
}
