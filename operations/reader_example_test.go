package operations_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/row"
)

// A Zendesk ticket export, read with a column map: the tool's headers
// name the fields, and its "via" channels (web, email, api, chat, voice)
// and the ticket statuses the caller maps are outcomes.
func ExampleReader_zendesk() {
	const export = `Ticket ID,Subject,Created at,First reply at,Via,Requester ID,Assignee,Group,Status
101,Refund,2025-03-14 09:00:00,2025-03-14 10:00:00,email,R1,Ana,Billing,solved
102,Where is my order,2025-03-14 09:05:00,2025-03-14 09:06:00,web,R2,Bob,Orders,closed
103,Password,2025-03-14 09:10:00,,api,R3,,Orders,new
104,Hello,2025-03-14 25:20:00,,chat,R4,,Orders,new
`
	r := operations.NewReader(strings.NewReader(export))
	r.Columns = operations.Columns{ID: "Ticket ID", Arrived: "Created at", Answered: "First reply at",
		Channel: "Via", CustomerID: "Requester ID", Agent: "Assignee", Queue: "Group", Outcome: "Status"}
	r.Outcomes = map[string]operations.Outcome{"solved": operations.Answered, "closed": operations.Answered, "new": operations.Unreached}
	contacts, sum, err := r.ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range contacts {
		w, _ := c.Wait()
		fmt.Println(c.ID, c.Channel, c.Outcome, c.Queue, w)
	}
	fmt.Printf("read %d = %d accepted + %d rejected\n", sum.Read, sum.Accepted, sum.Rejected)
	for _, e := range sum.Errors {
		fmt.Println(e)
	}
	// Output:
	// 101 email answered Billing 1h0m0s
	// 102 form answered Orders 1m0s
	// 103 form unreached Orders 0s
	// read 4 = 3 accepted + 1 rejected
	// row: line 5 (id "104"), column "Created at": row: bad time: "2025-03-14 25:20:00" is not a time in the layout ISO 8601
}

// An Aircall call export: every call is a phone call, times are Unix
// seconds, and the missed-call reasons are outcomes. Read goes one call
// at a time; a rejected row is a *row.Error and the next Read goes on.
func ExampleReader_aircall() {
	const export = `id,direction,status,missed_call_reason,started_at,answered_at,ended_at,user,teams
1,inbound,answered,,1741944600,1741944610,1741944700,Ana,Support
2,inbound,missed,abandoned_in_ivr,1741944620,,1741944630,,Support
3,inbound,missed,no_available_agent,1741944640,,1741944650,,Support
4,inbound,missed,out_of_opening_hours,1741944660,,,,Support
5,inbound,missed,voicemail,1741944680,,,,Support
`
	r := operations.NewReader(strings.NewReader(export))
	r.Channel = operations.Phone
	r.Format.Times = []string{row.UnixSeconds}
	for {
		c, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var rowErr *row.Error
		if errors.As(err, &rowErr) {
			fmt.Println("line", rowErr.Line, "column", rowErr.Column, errors.Is(err, operations.ErrOutcome))
			continue
		}
		if err != nil {
			fmt.Println(err) // the header, the encoding, the file: the stream is over
			return
		}
		fmt.Println(c.ID, c.Outcome, c.Arrived.Format("15:04:05"))
	}
	// Output:
	// 1 answered 09:30:00
	// 2 abandoned 09:30:20
	// 3 busy 09:30:40
	// 4 closed 09:31:00
	// line 6 column missed_call_reason true
}

// A header that lacks a required column is an error that names it and
// lists the columns found.
func ExampleNewReader() {
	r := operations.NewReader(strings.NewReader("id,chanel,outcome,arrived\n"))
	_, err := r.Read()
	fmt.Println(errors.Is(err, row.ErrHeader))
	fmt.Println(err)
	// Output:
	// true
	// row: line 1: row: bad header: missing column channel (channel, canal, via, media_type, source; or name it in Columns.Channel) in the header ("id", "chanel", "outcome", "arrived")
}
