package main

import (
	"testing"
	"time"

	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/period"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The counts behind each month's service level and abandonment are those
// of the contacts themselves: the live-queue calls and chats answered
// within 20 s (waits kept to the second, rounded up) or abandoned, of
// those answered or abandoned.
func TestMonthRates(t *testing.T) {
	in, r := sampleReport(t)
	for i, m := range r.Window.months {
		var offered, within, abandoned uint64
		for _, c := range in.contacts.rows {
			if period.MonthOf(c.Arrived, nil) != m || c.Direction != operations.Inbound ||
				(c.Channel != operations.Phone && c.Channel != operations.Chat) {
				continue
			}
			switch c.Outcome {
			case operations.Answered:
				offered++
				if w, ok := c.Wait(); ok && (w+time.Second-1)/time.Second <= 20 {
					within++
				}
			case operations.Abandoned:
				offered++
				abandoned++
			}
		}
		mc := r.Contacts.ByMonth[i]
		require.NotNil(t, mc.SL, "month %d", i)
		require.NotNil(t, mc.Abandonment, "month %d", i)
		assert.Equal(t, []uint64{within, offered}, []uint64{mc.SL.Successes(), mc.SL.N()}, "service level, month %d", i)
		assert.Equal(t, []uint64{abandoned, offered}, []uint64{mc.Abandonment.Successes(), mc.Abandonment.N()}, "abandonment, month %d", i)
		require.NotNil(t, mc.FCR, "month %d", i)
		assert.Equal(t, *mc.R.FCRPct, 100*(float64(mc.FCR.Successes())/float64(mc.FCR.N())), "FCR, month %d", i)
	}
	// No count gives back a percentage that is not a ratio of n.
	one, three := 1.0, 3.0
	third := 100 * (one / three) // as the Results compute it
	assert.NotNil(t, countsOf(&third, 3))
	assert.Nil(t, countsOf(&third, 4))
	assert.Nil(t, countsOf(nil, 4))
	assert.Nil(t, countsOf(&third, 0))
}
