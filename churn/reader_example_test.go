package churn_test

import (
	"fmt"
	"strings"

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/row"
)

// A subscription export (Stripe-, Chargebee-style headers), read with a
// column map. A customer on two rows is rejected on the second, and so
// is one cancelled before it started; each with its line.
func ExampleCustomerReader() {
	const export = `Customer ID,Plan,Created (UTC),Canceled At (UTC),Current Period End (UTC)
cus_1,pro,2024-01-15 10:00,,2026-01-15 10:00
cus_2,basic,2024-02-01 09:00,2025-02-01 09:00,
cus_1,pro,2024-03-01 09:00,,
cus_3,basic,2024-05-01 09:00,2024-04-01 09:00,
`
	r := churn.NewCustomerReader(strings.NewReader(export))
	r.Columns = churn.CustomerColumns{ID: "Customer ID", Start: "Created (UTC)", End: "Canceled At (UTC)",
		ContractEnd: "Current Period End (UTC)", Segment: "Plan"}
	customers, sum, err := r.ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range customers {
		fmt.Println(c.ID, c.Segment, c.Start.Format("2006-01-02"), c.End.IsZero())
	}
	fmt.Printf("read %d = %d + %d\n", sum.Read, sum.Accepted, sum.Rejected)
	for _, e := range sum.Errors {
		fmt.Println(e)
	}
	// Output:
	// cus_1 pro 2024-01-15 true
	// cus_2 basic 2024-02-01 false
	// read 4 = 2 + 2
	// row: line 4 (id "cus_1"), column "Customer ID": customer "cus_1": churn: duplicate customer id (first on line 2)
	// row: line 5 (id "cus_3"): churn: invalid time: customer "cus_3": end 2024-04-01T09:00:00Z before start 2024-05-01T09:00:00Z
}

// Monthly recurring revenue with French separators.
func ExampleRevenueReader() {
	const file = "client;mois;mrr\nC1;2025-01-01;1 234,50\nC2;2025-01-01;99\n"
	r := churn.NewRevenueReader(strings.NewReader(file))
	r.Columns = churn.RevenueColumns{CustomerID: "client", At: "mois"}
	r.Format = row.Format{Comma: ';', Decimal: ",", Thousands: " "}
	rev, _, err := r.ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range rev {
		fmt.Println(v.CustomerID, v.At.Format("2006-01"), v.Amount)
	}
	// Output:
	// C1 2025-01 1234.5
	// C2 2025-01 99
}
