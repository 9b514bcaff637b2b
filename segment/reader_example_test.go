package segment_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/rapportkit/rapport/row"
	"github.com/rapportkit/rapport/segment"
)

// A Shopify orders export, read with a column map: the customer is the
// e-mail, amounts carry thousands separators and the shop's currency,
// times their UTC offset. A refund (a negative total) is read with
// Options.Refunds.
func ExampleReader_shopify() {
	const export = `Name,Email,Financial Status,Created at,Total,Currency
#1001,ana@example.com,paid,2025-03-14 09:30:00 -0500,"$1,234.50",USD
#1002,bob@example.com,paid,2025-03-15 10:00:00 -0500,19.99,USD
#1003,ana@example.com,refunded,2025-03-16 11:00:00 -0500,-19.99,USD
#1004,cy@example.com,paid,2025-03-16 11:00:00 -0500,"1,234",EUR
`
	r := segment.NewReader(strings.NewReader(export))
	r.Columns = segment.TransactionColumns{CustomerID: "Email", At: "Created at", Amount: "Total", Currency: "Currency"}
	r.Format = row.Format{Thousands: ",", Currency: "USD"}
	r.Options.Refunds = true
	txs, sum, err := r.ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range txs {
		fmt.Println(t.CustomerID, t.At.Format(time.RFC3339), t.Amount)
	}
	fmt.Println(sum.Rejected, sum.Errors[0])
	// Output:
	// ana@example.com 2025-03-14T14:30:00Z 1234.5
	// bob@example.com 2025-03-15T15:00:00Z 19.99
	// ana@example.com 2025-03-16T16:00:00Z -19.99
	// 1 row: line 5 (id "cy@example.com"), column "Currency": row: bad amount: currency "EUR", not USD
}

// ReadColumns reads a large file straight into the columns
// Collection.AddColumns aggregates.
func ExampleReader_ReadColumns() {
	const file = `customer_id,at,amount
C1,2025-03-01T10:00:00Z,12.5
C2,2025-03-02T11:00:00Z,3
C1,2025-03-20T09:00:00Z,0.25
`
	cols, sum, err := segment.NewReader(strings.NewReader(file)).ReadColumns()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(sum.Accepted, cols.Amounts, cols.Exp)
	var c segment.Collection
	if err := c.AddColumns(cols); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.NumCustomers(), "customers")
	// Output:
	// 3 [1250 300 25] -2
	// 2 customers
}
