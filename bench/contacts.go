package main

import (
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/operations"
)

// fcrWindow is the repeat window of first-contact resolution.
const fcrWindow = 7 * 24 * time.Hour

// contactFloorBytes is what a contact must take in the most compact
// columns the KPIs need: customer id (4), arrival (8), wait (4), talk, hold
// and wrap (4 each), cost in cents (8), channel, outcome, reason and flags
// (1 each).
const contactFloorBytes = 40

// readContacts reads a contacts file with operations.Reader; a rejected
// row is an error (the generated data have none).
func readContacts(file string) ([]operations.Contact, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readContactsFrom(f)
}

func readContactsFrom(r io.Reader) ([]operations.Contact, error) {
	cs, sum, err := operations.NewReader(r).ReadAll()
	if err == nil && sum.Rejected > 0 {
		err = sum.Errors[0]
	}
	return cs, err
}

// kpis marks FCR and tallies the contacts: the KPI kernel of the
// contacts tasks.
func kpis(cs []operations.Contact) (*operations.Tally, error) {
	if err := operations.MarkFCR(cs, fcrWindow, time.Unix(asOf, 0).UTC()); err != nil {
		return nil, err
	}
	t, err := operations.TallyOf(slices.Values(cs))
	if err != nil {
		return nil, err
	}
	if _, err := t.Result(operations.DefaultThresholds); err != nil {
		return nil, err
	}
	return t, nil
}

// kpiDigest is the digest every contacts peer computes: counts, the
// service level in 20 s, the mean wait and handle time rounded half up to
// the nanosecond, the issues judged, FCR and the repeat rate, complaints and the total cost.
func kpiDigest(t *operations.Tally) string {
	sl, _ := t.ServiceLevel(20 * time.Second)
	asa, _ := t.ASA()
	aht, _ := t.AHT()
	fcr, _ := t.FCR()
	repeat, _ := t.RepeatRate()
	cost, _ := t.Cost()
	s := fmt.Sprintf("n=%d answered=%d abandoned=%d sl20=%.9f asa_ns=%d aht_ns=%d issues=%d fcr=%.9f repeat=%.9f complaints=%d cost=%s",
		t.N(), t.Answered(), t.Abandoned(), sl, asa.Nanoseconds(), aht.Nanoseconds(), t.Issues(), fcr, repeat, t.Complaints(), cost.StringFixed(2))
	if os.Getenv("BENCH_SHOW") != "" {
		fmt.Fprintln(os.Stderr, s)
	}
	return digestOf(s)
}

// contactsOurs computes the KPIs of contacts already in memory: MarkFCR
// with a 7-day window as of asOf, then TallyOf and Result.
func contactsOurs(d *data, reps int) (result, error) {
	cs, err := readContacts(d.contactsFile())
	if err != nil {
		return result{}, err
	}
	return timeIt("contacts", reps, func() (*operations.Tally, error) { return kpis(cs) }, kpiDigest)
}

// csvContactsOurs is the same from the file: reading and parsing
// included.
func csvContactsOurs(d *data, reps int) (result, error) {
	return timeIt("csv-contacts", reps, func() (*operations.Tally, error) {
		cs, err := readContacts(d.contactsFile())
		if err != nil {
			return nil, err
		}
		return kpis(cs)
	}, kpiDigest)
}

// ahtOurs tallies the contacts per agent with operations.TallyBy; the
// digest is "agent,answered,aht_ns" lines in agent order, for the agents
// who answered.
func ahtOurs(d *data, reps int) (result, error) {
	cs, err := readContacts(d.contactsFile())
	if err != nil {
		return result{}, err
	}
	return timeIt("aht-agent", reps, func() (map[string]*operations.Tally, error) {
		return operations.TallyBy(slices.Values(cs), func(c operations.Contact) string { return c.Agent })
	}, ahtDigest)
}

// ahtDigest is the digest of "agent,answered,aht_ns" lines in agent
// order, for the agents who answered.
func ahtDigest(m map[string]*operations.Tally) string {
	var b strings.Builder
	for _, agent := range slices.Sorted(maps.Keys(m)) {
		t := m[agent]
		if aht, ok := t.AHT(); ok && agent != "" {
			fmt.Fprintf(&b, "%s,%d,%d\n", agent, t.Answered(), aht.Nanoseconds())
		}
	}
	return digestOf(b.String())
}

// readTable reads a contacts file into an operations.Table with
// Reader.ReadTable; a rejected row is an error.
func readTable(file string) (*operations.Table, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, sum, err := operations.NewReader(f).ReadTable()
	if err == nil && sum.Rejected > 0 {
		err = sum.Errors[0]
	}
	if err == nil && os.Getenv("BENCH_SHOW") != "" {
		fmt.Fprintf(os.Stderr, "table: %d rows, %d customers, %d agents, %d B a row beside the strings\n",
			t.Len(), len(t.Customers), len(t.Agents), tableRowBytes)
	}
	return t, err
}

// tableRowBytes is what a row of an operations.Table takes in its
// columns: the ID's string header (16), four dictionary indices (16),
// five byte enums, seven int64 times, durations and cost (56) and two
// booleans; the ID's bytes and the dictionaries come on top.
const tableRowBytes = 16 + 4*4 + 5 + 7*8 + 2

// kpisTable is kpis on a Table: MarkFCRTable, TallyTable and Result.
func kpisTable(t *operations.Table) (*operations.Tally, error) {
	if err := operations.MarkFCRTable(t, fcrWindow, time.Unix(asOf, 0).UTC()); err != nil {
		return nil, err
	}
	tally, err := operations.TallyTable(t)
	if err != nil {
		return nil, err
	}
	if _, err := tally.Result(operations.DefaultThresholds); err != nil {
		return nil, err
	}
	return tally, nil
}

// contactsTable is contactsOurs on a Table read untimed.
func contactsTable(d *data, reps int) (result, error) {
	t, err := readTable(d.contactsFile())
	if err != nil {
		return result{}, err
	}
	return timeIt("contacts", reps, func() (*operations.Tally, error) { return kpisTable(t) }, kpiDigest)
}

// csvContactsTable is csvContactsOurs through ReadTable: reading and
// parsing included.
func csvContactsTable(d *data, reps int) (result, error) {
	return timeIt("csv-contacts", reps, func() (*operations.Tally, error) {
		t, err := readTable(d.contactsFile())
		if err != nil {
			return nil, err
		}
		return kpisTable(t)
	}, kpiDigest)
}

// ahtTable tallies a Table read untimed by its agent column with
// operations.TallyTableBy; the digest is ahtOurs'.
func ahtTable(d *data, reps int) (result, error) {
	t, err := readTable(d.contactsFile())
	if err != nil {
		return result{}, err
	}
	return timeIt("aht-agent", reps, func() ([]operations.Tally, error) {
		return operations.TallyTableBy(t, t.Agent, len(t.Agents))
	}, func(ts []operations.Tally) string {
		m := make(map[string]*operations.Tally, len(ts))
		for g := range ts {
			m[t.Agents[g]] = &ts[g]
		}
		return ahtDigest(m)
	})
}
