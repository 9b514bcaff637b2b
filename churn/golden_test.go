package churn

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The golden files of testdata/, written by reference.R (km.json) and
// reference.py (the others) from independent implementations; see the
// scripts for the sources and versions.

// golden decodes testdata/name into v.
func golden(t testing.TB, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, v), name)
}

// num is a JSON number that may be null (R's NA), read as NaN.
type num float64

func (n *num) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*n = num(math.NaN())
		return nil
	}
	var f float64
	err := json.Unmarshal(b, &f)
	*n = num(f)
	return err
}

func floats(ns []num) []float64 {
	out := make([]float64, len(ns))
	for i, n := range ns {
		out[i] = float64(n)
	}
	return out
}

// kmCase is one survfit of km.json: the data, the table, the standard
// errors, per conf.type the band and print(fit)'s median with its
// interval, and quantile(fit) at 0.25, 0.5, 0.75.
type kmCase struct {
	Name                string    `json:"name"`
	Time                []float64 `json:"time"`
	Status              []int     `json:"status"`
	Steps               []float64 `json:"steps"`
	Risk, Event, Censor []uint64
	Surv                []float64 `json:"surv"`
	SE                  []num     `json:"se"`
	Bands               map[Method]struct {
		Lower, Upper []num
		Median       [3]num
	} `json:"bands"`
	Quantile [3]num `json:"quantile"`
}

type kmFile struct {
	Source string   `json:"source"`
	Cases  []kmCase `json:"cases"`
}

// The unit of the R times: hours, so that half units stay exact.
const kmUnit = float64(time.Hour)

func kmDur(x float64) time.Duration { return time.Duration(x * kmUnit) }

func kmCases(t testing.TB) []kmCase {
	var f kmFile
	golden(t, "km.json", &f)
	require.NotEmpty(t, f.Cases)
	return f.Cases
}

// survival returns the case's lifetimes in an accumulator.
func (c kmCase) survival(t testing.TB) *Survival {
	t.Helper()
	var s Survival
	for i, x := range c.Time {
		require.NoError(t, s.Add(Lifetime{Duration: kmDur(x), Lost: c.Status[i] == 1}))
	}
	return &s
}

// customerRow is a customer of rates.json: id, start, end, contract
// end, renewals.
type customerRow [5]json.RawMessage

func (r customerRow) customer() Customer {
	var id, start, end, contract string
	var renewals []string
	for i, v := range []any{&id, &start, &end, &contract, &renewals} {
		if err := json.Unmarshal(r[i], v); err != nil {
			panic(err)
		}
	}
	c := Customer{ID: id, Start: ts(start), End: ts(end), ContractEnd: ts(contract)}
	for _, s := range renewals {
		c.Renewals = append(c.Renewals, ts(s))
	}
	return c
}

// flowRef is a flow of rates.json.
type flowRef struct {
	From, To                      time.Time
	N, Start, Acquired, Lost, End uint64
	LostAcquired                  uint64  `json:"lost_acquired"`
	Due                           uint64  `json:"renewals_due"`
	Renewed                       uint64  `json:"renewals_renewed"`
	RenewalsLost                  uint64  `json:"renewals_lost"`
	Open                          uint64  `json:"renewals_open"`
	ExposureDays                  float64 `json:"exposure_days"`
	Rates                         map[string]*float64
}

type ratesFile struct {
	Customers        []customerRow `json:"customers"`
	January          flowRef       `json:"january"`
	RenewalCustomers []customerRow `json:"renewal_customers"`
	RenewalFlows     []flowRef     `json:"renewal_flows"`
	Compound         map[string]float64
	Cohorts          struct {
		AsOf string `json:"as_of"`
		Rows []struct {
			Label  string
			Size   int
			Active []int
		}
	}
	Revenue struct {
		Rows         [][3]json.RawMessage
		JanuaryTotal string `json:"january_total"`
		Movements    []struct {
			Month                                                         int
			Start, New, Expansion, Contraction, Churned, Resurrected, End string
			StartCustomers                                                int      `json:"start_customers"`
			EndCustomers                                                  int      `json:"end_customers"`
			NewCustomers                                                  int      `json:"new_customers"`
			ChurnedCustomers                                              int      `json:"churned_customers"`
			ResurrectedCustomers                                          int      `json:"resurrected_customers"`
			QuickRatio                                                    *float64 `json:"quick_ratio"`
		}
		Retention []struct {
			Base, Current       int
			NRR, GRR            float64
			Customers, Retained int
		}
	}
}

// rates returns rates.json, read once.
var rates = sync.OnceValue(func() ratesFile {
	var f ratesFile
	b, err := os.ReadFile(filepath.Join("testdata", "rates.json"))
	if err == nil {
		err = json.Unmarshal(b, &f)
	}
	if err != nil {
		panic(err)
	}
	return f
})

func customersOf(rows []customerRow) []Customer {
	out := make([]Customer, len(rows))
	for i, r := range rows {
		out[i] = r.customer()
	}
	return out
}

// sample returns the customers of rates.json, with every boundary case of
// January 2025.
func sample() []Customer { return customersOf(rates().Customers) }

// renewalSample returns the customers of rates.json with contract terms.
func renewalSample() []Customer { return customersOf(rates().RenewalCustomers) }

var january = Period{From: ts("2025-01-01"), To: ts("2025-02-01")}

func ts(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	layout := "2006-01-02"
	if len(s) > 10 {
		layout = "2006-01-02T15:04"
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func closeTo(got, want, rel float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return math.Abs(got-want) <= rel*math.Max(1, math.Abs(want))
}
