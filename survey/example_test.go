package survey_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/csat"
	"github.com/rapportkit/rapport/nps"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/period"
	"github.com/rapportkit/rapport/survey"
)

// A Qualtrics export: three header rows (the question ids, their wording,
// their import ids), choice texts as answers, the NPS anchors' text
// ("10 - Extremely likely"), CSAT as labels, an unanswered question as
// an empty cell.
func ExampleReader_qualtrics() {
	const export = `ResponseId,RecordedDate,Q1,Q2,Q3_TEXT,ExternalReference,Channel
Response ID,Recorded Date,How likely are you to recommend us?,How satisfied were you?,Why?,External Data Reference,Channel
"{""ImportId"":""_recordId""}","{""ImportId"":""recordedDate""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2""}","{""ImportId"":""QID3_TEXT""}","{""ImportId"":""externalDataReference""}","{""ImportId"":""channel""}"
R_1,2025-03-14 09:30:00,10 - Extremely likely,Very satisfied,Quick and kind,C1,phone
R_2,2025-03-14 10:00:00,6,Dissatisfied,,C2,chat
R_3,2025-03-15 11:00:00,,Satisfied,,C3,chat
R_4,2025-03-15 12:00:00,11,Satisfied,,C4,phone
`
	r := survey.NewReader(strings.NewReader(export))
	r.Columns = survey.Columns{NPS: "Q1", CSAT: "Q2", Comment: "Q3_TEXT"}
	r.Format.Skip = 2
	responses, sum, err := r.ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, resp := range responses {
		fmt.Println(resp.ID, resp.NPS, resp.CSAT, resp.CustomerID, resp.Channel)
	}
	fmt.Println(sum.Errors[0])
	// Output:
	// R_1 10 5 C1 phone
	// R_2 6 2 C2 chat
	// R_3 no answer 4 C3 chat
	// row: line 7 (id "R_4"), column "Q1": survey: bad score: NPS "11": nps: score out of range: 11 not in 0..10
}

// NPS by channel and CSAT by month need no type of one's own: the By
// functions group the answers, leaving out the responses without one.
func ExampleNPSBy() {
	at := time.Date(2025, 1, 15, 12, 0, 0, 0, time.UTC)
	responses := []survey.Response{
		{At: at, NPS: survey.Answer(10), CSAT: survey.Answer(5), Channel: "phone"},
		{At: at, NPS: survey.Answer(9), Channel: "phone"},
		{At: at.AddDate(0, 1, 0), NPS: survey.Answer(3), CSAT: survey.Answer(2), Channel: "chat"},
		{At: at.AddDate(1, 0, 0), CSAT: survey.Answer(4), Channel: "chat"},
	}
	byChannel, err := survey.NPSBy(slices.Values(responses), func(r survey.Response) string { return r.Channel })
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ch := range slices.Sorted(maps.Keys(byChannel)) {
		s, _ := byChannel[ch].Score()
		fmt.Println(ch, byChannel[ch].N(), s)
	}
	byMonth, err := survey.CSATBy(slices.Values(responses), csat.FivePoint, func(r survey.Response) period.Month {
		return period.MonthOf(r.At, nil)
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range slices.Sorted(maps.Keys(byMonth)) {
		s, _ := byMonth[m].Score()
		fmt.Println(m, byMonth[m].N(), s)
	}
	var _ *nps.Tally = byChannel["phone"]
	// Output:
	// chat 1 -100.0
	// phone 2 +100.0
	// 2025-01 1 1
	// 2025-02 1 0
	// 2026-01 1 1
}

// CSAT by agent comes from the contacts the responses rate: Join gives
// each response its contact's agent and queue, and reports the contact
// ids it could not find.
func ExampleJoin() {
	at := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	contacts := []operations.Contact{
		{ID: "K1", Agent: "Ana", Queue: "Billing", Channel: operations.Phone, Direction: operations.Inbound, Outcome: operations.Answered, Arrived: at, Answered: at},
		{ID: "K2", Agent: "Bob", Queue: "Billing", Channel: operations.Chat, Direction: operations.Inbound, Outcome: operations.Answered, Arrived: at, Answered: at},
	}
	responses := []survey.Response{
		{ID: "S1", ContactID: "K1", CSAT: survey.Answer(5)},
		{ID: "S2", ContactID: "K1", CSAT: survey.Answer(4)},
		{ID: "S3", ContactID: "K2", CSAT: survey.Answer(2)},
		{ID: "S4", ContactID: "K9", CSAT: survey.Answer(1)},
		{ID: "S5", CSAT: survey.Answer(3)},
	}
	link, err := survey.Join(responses, slices.Values(contacts))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("matched %d, no contact %d, unmatched %v\n", link.Matched, link.NoContact, link.Unmatched)
	byAgent, err := survey.CSATBy(slices.Values(responses), csat.FivePoint, func(r survey.Response) string { return r.Agent })
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range slices.Sorted(maps.Keys(byAgent)) {
		s, _ := byAgent[a].Score()
		fmt.Printf("%q %d %.2f\n", a, byAgent[a].N(), s)
	}
	// Output:
	// matched 3, no contact 1, unmatched [K9]
	// "" 2 0.00
	// "Ana" 2 1.00
	// "Bob" 1 0.00
}
