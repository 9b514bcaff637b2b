package operations_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/rapportkit/rapport/operations"
)

// A Table holds contacts in columns; TallyTableBy tallies them by any of
// its index columns, here the agent, without a Contact per row.
func ExampleTallyTableBy() {
	var t operations.Table
	for _, c := range morning() {
		c.Agent = map[string]string{"ana": "zoé", "bob": "yann", "chloé": "zoé"}[c.CustomerID]
		if err := t.Append(c); err != nil {
			fmt.Println(err)
			return
		}
	}
	all, err := operations.TallyTable(&t)
	if err != nil {
		fmt.Println(err)
		return
	}
	aht, _ := all.AHT()
	fmt.Printf("%d contacts, AHT %v\n", all.N(), aht)
	by, err := operations.TallyTableBy(&t, t.Agent, len(t.Agents))
	if err != nil {
		fmt.Println(err)
		return
	}
	for g, name := range t.Agents {
		if name == "" {
			name = "(no agent)"
		}
		if aht, ok := by[g].AHT(); ok {
			fmt.Printf("%s: %d answered, AHT %v\n", name, by[g].Answered(), aht)
		}
	}
	// Output:
	// 10 contacts, AHT 5m0s
	// (no agent): 2 answered, AHT 5m0s
	// zoé: 2 answered, AHT 4m0s
	// yann: 2 answered, AHT 6m0s
}

// ReadTable reads a file straight into a Table, with ReadAll's accepted
// and rejected rows; MarkFCRTable and TallyTable then give MarkFCR's marks
// and TallyOf's tally on its contacts.
func ExampleReader_ReadTable() {
	const export = `id,customer,reason,agent,channel,outcome,arrived,answered,talk,resolved
1,ana,billing,zoé,phone,answered,2025-03-03 09:00:00,2025-03-03 09:00:20,240,yes
2,bob,delivery,yann,phone,answered,2025-03-03 09:01:00,2025-03-03 09:01:40,300,no
3,bob,delivery,zoé,chat,answered,2025-03-04 10:00:00,2025-03-04 10:00:10,360,yes
4,chloé,billing,,phone,abandoned,2025-03-04 11:00:00,,,
5,ana,billing,yann,phone,answered,2025-03-32 09:00:00,2025-03-05 09:00:30,200,yes
`
	t, sum, err := operations.NewReader(strings.NewReader(export)).ReadTable()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("read %d = %d accepted + %d rejected; agents %q\n", sum.Read, sum.Accepted, sum.Rejected, t.Agents)
	for _, e := range sum.Errors {
		fmt.Println(e)
	}
	if err := operations.MarkFCRTable(t, 7*24*time.Hour, time.Time{}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("fcr:", t.FCR)
	tally, err := operations.TallyTable(t)
	if err != nil {
		fmt.Println(err)
		return
	}
	fcr, _ := tally.FCR()
	aht, _ := tally.AHT()
	fmt.Printf("%d contacts, %d answered, FCR %.0f%%, AHT %v\n", tally.N(), tally.Answered(), 100*fcr, aht)
	// Output:
	// read 5 = 4 accepted + 1 rejected; agents ["" "zoé" "yann"]
	// row: line 6 (id "5"), column "arrived": row: bad time: "2025-03-32 09:00:00" is not a time in the layout ISO 8601
	// fcr: [resolved unresolved repeat ]
	// 4 contacts, 3 answered, FCR 50%, AHT 5m0s
}

// MarkFCRTable marks a Table's contacts as MarkFCR marks a slice of them.
func ExampleMarkFCRTable() {
	var t operations.Table
	for _, c := range morning() {
		if err := t.Append(c); err != nil {
			fmt.Println(err)
			return
		}
	}
	if err := operations.MarkFCRTable(&t, 7*24*time.Hour, time.Time{}); err != nil {
		fmt.Println(err)
		return
	}
	for i := range 4 {
		fmt.Println(t.IDs[i], t.Customers[t.Customer[i]], t.FCR[i])
	}
	tally, err := operations.TallyTable(&t)
	if err != nil {
		fmt.Println(err)
		return
	}
	fcr, _ := tally.FCR()
	repeats, _ := tally.RepeatRate()
	fmt.Printf("FCR %.1f%% of %d issues, repeats %.1f%%\n", 100*fcr, tally.Issues(), 100*repeats)
	// Output:
	// c1 ana resolved
	// c2 bob unresolved
	// c3 chloé resolved
	// c4 bob repeat
	// FCR 66.7% of 6 issues, repeats 14.3%
}
