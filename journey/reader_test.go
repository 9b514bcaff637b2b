package journey

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/row"
	"github.com/stretchr/testify/require"
)

func TestReaderColumns(t *testing.T) {
	const file = `Interaction,Incident,Client,Media Type,Status,Created,Answered,Participant,Level,Transfer,Sens
i1,INC1,c1,voice,handled,2026-03-02 09:00:00,2026-03-02 09:00:30,human,2,tier3,inbound
i2,,c1,voice,self-served,2026-03-02 10:00:00,,,,,in
i3,,c2,bot,abandoned,2026-03-02 11:00:00,,,,agents,inbound
`
	r := NewReader(strings.NewReader(file))
	r.Columns = Columns{ID: "Interaction", Case: "Incident", Handler: "Participant", Tier: "Level", TransferredTo: "Transfer"}
	steps, sum, err := r.ReadAll()
	require.NoError(t, err)
	require.Zero(t, sum.Rejected, "%v", sum.Errors)
	require.Len(t, steps, 3)
	require.Equal(t, "INC1", steps[0].Case)
	require.Equal(t, Agent, steps[0].Handler)
	require.Equal(t, 2, steps[0].Tier)
	require.Equal(t, "tier3", steps[0].TransferredTo)
	require.Equal(t, operations.Phone, steps[0].Contact.Channel)
	require.Equal(t, Bot, steps[1].Handler, "a deflected call is a bot's (HandlerOf)")
	require.Equal(t, Bot, steps[2].Handler, "a chatbot contact is a bot's (HandlerOf)")
	require.Equal(t, "agents", steps[2].TransferredTo)
}

func TestReaderErrors(t *testing.T) {
	_, err := NewReader(strings.NewReader("channel,arrived\nphone,2026-03-02\n")).Read()
	var fe *row.FileError
	require.ErrorAs(t, err, &fe, "no outcome column")

	r := NewReader(strings.NewReader("channel,outcome,arrived,extra\nphone,busy,2026-03-02,x\n"))
	r.Strict = true
	_, err = r.Read()
	require.ErrorAs(t, err, &fe, "strict header")

	const file = `id,channel,outcome,arrived,answered,handler
a,phone,answered,2026-03-02 09:00:00,2026-03-02 08:00:00,agent
b,fax,busy,2026-03-02 09:00:00,,
c,phone,busy,,,
d,phone,busy,yesterday,,
e,phone,busy,2026-03-02 09:00:00,,agent
`
	r = NewReader(strings.NewReader(file))
	var got []string
	for {
		s, err := r.Read()
		if err == io.EOF {
			break
		}
		var re *row.Error
		if errors.As(err, &re) {
			got = append(got, re.ID+" "+re.Column)
			continue
		}
		require.NoError(t, err)
		got = append(got, s.Contact.ID+" ok")
	}
	require.Equal(t, []string{"a ", "b channel", "c arrived", "d arrived", "e ok"}, got)

	_, sum, err := NewReader(strings.NewReader(file)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, 5, sum.Read)
	require.Equal(t, 4, sum.Rejected)
	require.ErrorIs(t, sum.Errors[0], operations.ErrTime, "an answer before the arrival")
	require.ErrorIs(t, sum.Errors[1], operations.ErrChannel)
	require.ErrorIs(t, sum.Errors[3], operations.ErrTime, "a bad time cell wraps operations.ErrTime")
}
