package tidy_test

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/rate"
	"github.com/rapportkit/rapport/tidy"
)

// Response rates by channel and month, as a CSV file for a BI tool.
func ExampleWriter() {
	type key struct {
		Period  month // a period key: period.Month in a real program
		Channel string
	}
	w, err := tidy.NewWriter[key](os.Stdout, tidy.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range []struct {
		key                key
		responded, invited uint64
	}{
		{key{yearMonth(2025, 3), "e-mail"}, 412, 1500},
		{key{yearMonth(2025, 3), "sms"}, 0, 0},
	} {
		t, _ := rate.FromCounts(g.responded, g.invited)
		r, err := t.Result(0.95, rate.Wilson)
		if err != nil {
			fmt.Println(err)
			return
		}
		if err := w.Write(g.key, "response", r); err != nil {
			fmt.Println(err)
			return
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// period,channel,result,kpi,item,unit,value,lo,hi,level,method,n
	// 2025-03,e-mail,response,successes,,count,412,,,,,1500
	// 2025-03,e-mail,response,rate,,pct,27.466666666666665,25.26759740465033,29.78085560647251,0.95,wilson,1500
	// 2025-03,sms,response,successes,,count,0,,,,,0
	// 2025-03,sms,response,rate,,pct,,,,,,0
}

// Churn by plan in JSON Lines: the flow's own period fills the period
// column, and WriteBy writes the groups in the order of their keys.
func ExampleWriteBy() {
	byPlan, err := churn.FlowBy(slices.Values(customers), january, func(c churn.Customer) string {
		if c.ContractEnd.IsZero() {
			return "monthly"
		}
		return "annual"
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	var out bytes.Buffer
	w, err := tidy.NewWriter[string](&out, tidy.Options{Format: tidy.JSONLines, Key: "plan"})
	if err != nil {
		fmt.Println(err)
		return
	}
	err = tidy.WriteBy(w, "churn", byPlan, func(f *churn.Flow) (churn.FlowResult, error) { return f.Result() })
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	fmt.Println(len(lines), "rows, the first and the churn of each plan:")
	fmt.Println(lines[0])
	for _, l := range lines {
		if strings.Contains(l, `"kpi":"churn"`) {
			fmt.Println(l)
		}
	}
	// Output:
	// 38 rows, the first and the churn of each plan:
	// {"period":"2025-01","plan":"annual","result":"churn","kpi":"start","item":null,"unit":"count","value":2,"lo":null,"hi":null,"level":null,"method":null,"n":2}
	// {"period":"2025-01","plan":"annual","result":"churn","kpi":"churn","item":null,"unit":"pct","value":50,"lo":null,"hi":null,"level":null,"method":null,"n":2}
	// {"period":"2025-01","plan":"monthly","result":"churn","kpi":"churn","item":null,"unit":"pct","value":100,"lo":null,"hi":null,"level":null,"method":null,"n":4}
}

// A ledger's revenue movements: each month's rows carry the month, and
// amounts are written exactly.
func ExampleWriter_amounts() {
	l, err := churn.LedgerOf(slices.Values(mrr()), churn.Monthly)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := l.Result(date(2025, 2, 1), date(2025, 2, 1))
	if err != nil {
		fmt.Println(err)
		return
	}
	w, _ := tidy.NewWriter[struct{}](os.Stdout, tidy.Options{})
	if err := w.Write(struct{}{}, "mrr", r.Movements); err != nil {
		fmt.Println(err)
		return
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// period,result,kpi,item,unit,value,lo,hi,level,method,n
	// 2025-02,mrr,start,,amount,220,,,,,
	// 2025-02,mrr,new,,amount,1234567890123456789.123456789,,,,,
	// 2025-02,mrr,expansion,,amount,50,,,,,
	// 2025-02,mrr,contraction,,amount,20,,,,,
	// 2025-02,mrr,churned,,amount,40,,,,,
	// 2025-02,mrr,resurrected,,amount,0,,,,,
	// 2025-02,mrr,end,,amount,1234567890123456999.123456789,,,,,
	// 2025-02,mrr,quick,,ratio,20576131502057612,,,,,
	// 2025-02,mrr,start_customers,,count,3,,,,,
	// 2025-02,mrr,new_customers,,count,1,,,,,
	// 2025-02,mrr,expanded_customers,,count,1,,,,,
	// 2025-02,mrr,contracted_customers,,count,1,,,,,
	// 2025-02,mrr,churned_customers,,count,1,,,,,
	// 2025-02,mrr,resurrected_customers,,count,0,,,,,
	// 2025-02,mrr,end_customers,,count,3,,,,,
}
