package operations_test

import (
	"fmt"

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
