package tidy_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Paris without a system database

	"github.com/rapportkit/rapport/churn"
	"github.com/rapportkit/rapport/tidy"
	"github.com/stretchr/testify/require"
)

// month is a period key as the period package makes them: an integer
// (months since year 0) that marshals to its ISO text.
type month int32

func yearMonth(y int, m time.Month) month { return month(12*y + int(m) - 1) }

func (m month) MarshalText() ([]byte, error) {
	return fmt.Appendf(nil, "%04d-%02d", int(m)/12, int(m)%12+1), nil
}

// halfHour is a half-hour of the week from Monday 00:00, whose text does
// not sort in time order ("Fri" < "Mon").
type halfHour uint16

func (h halfHour) String() string {
	day := []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}[h/48]
	return fmt.Sprintf("%s %02d:%02d", day, h%48/2, h%2*30)
}

// slot has pointer-receiver text and a Compare method.
type slot struct{ start, width int }

func (s *slot) MarshalText() ([]byte, error) {
	return fmt.Appendf(nil, "%d/%dm", s.start, s.width), nil
}
func (s slot) Compare(o slot) int { return o.start - s.start } // latest first

type badText struct{}

func (badText) MarshalText() ([]byte, error) { return nil, fmt.Errorf("out of range") }

var result = json.RawMessage(`{"n":1,"rate_pct":100}`)

func write[K any](t *testing.T, opt tidy.Options, keys ...K) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := tidy.NewWriter[K](&buf, opt)
	require.NoError(t, err)
	for _, k := range keys {
		require.NoError(t, w.Write(k, "r", result))
	}
	require.NoError(t, w.Flush())
	return buf.String()
}

func TestKeyColumns(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	type dims struct {
		Period    month
		AgentID   int64
		QueueName string `json:"queue,omitempty"`
		Region    string `tidy:"zone"`
		Internal  string `tidy:"-"`
		VIP       bool
		Slot      halfHour
		hidden    int `tidy:"-"`
	}
	got := write(t, tidy.Options{}, dims{Period: yearMonth(2025, 3), AgentID: -7, QueueName: "billing", Region: "eu", Internal: "x", VIP: true, Slot: 48*4 + 19, hidden: 1})
	require.Equal(t, "period,agent_id,queue,zone,vip,slot,result,kpi,item,unit,value,lo,hi,level,method,n\n"+
		"2025-03,-7,billing,eu,true,Fri 09:30,r,rate,,pct,100,,,,,1\n", got)

	t.Run("a period key alone", func(t *testing.T) {
		require.Equal(t, "period,result,kpi,item,unit,value,lo,hi,level,method,n\n2025-12,r,rate,,pct,100,,,,,1\n",
			write(t, tidy.Options{Key: "period"}, yearMonth(2025, 12)))
	})
	t.Run("a string key", func(t *testing.T) {
		require.Equal(t, "period,channel,result,kpi,item,unit,value,lo,hi,level,method,n\n,chat,r,rate,,pct,100,,,,,1\n",
			write(t, tidy.Options{Key: "channel"}, "chat"))
		require.Contains(t, write(t, tidy.Options{}, "chat"), "period,key,result")
	})
	t.Run("times and periods", func(t *testing.T) {
		type k struct {
			Day   time.Time
			At    time.Time
			Month churn.Period
			Span  churn.Period
		}
		got := write(t, tidy.Options{}, k{
			Day:   time.Date(2025, 3, 30, 0, 0, 0, 0, paris),
			At:    time.Date(2025, 3, 30, 9, 15, 0, 0, time.UTC),
			Month: churn.Period{From: time.Date(2025, 3, 1, 0, 0, 0, 0, paris), To: time.Date(2025, 4, 1, 0, 0, 0, 0, paris)},
			Span:  churn.Period{From: date(2025, 3, 5), To: date(2025, 4, 5)},
		})
		require.Equal(t, "period,day,at,month,span,result,kpi,item,unit,value,lo,hi,level,method,n\n"+
			",2025-03-30,2025-03-30T09:15:00Z,2025-03,2025-03-05T00:00:00Z--2025-04-05T00:00:00Z,r,rate,,pct,100,,,,,1\n", got)
	})
	t.Run("pointer-receiver text", func(t *testing.T) {
		require.Contains(t, write(t, tidy.Options{Key: "slot"}, slot{540, 15}), "\n,540/15m,r,")
	})
	t.Run("no key", func(t *testing.T) {
		require.True(t, strings.HasPrefix(write[struct{}](t, tidy.Options{}, struct{}{}), "period,result,kpi,"))
	})
}

func TestKeyRefused(t *testing.T) {
	cases := []struct {
		name string
		new  func() error
		says string
	}{
		{"a float", func() error { _, err := tidy.NewWriter[struct{ Share float64 }](nil, tidy.Options{}); return err }, "column share of type float64"},
		{"a float key", func() error { _, err := tidy.NewWriter[float64](nil, tidy.Options{}); return err }, "column key of type float64"},
		{"an unexported field", func() error { _, err := tidy.NewWriter[struct{ channel string }](nil, tidy.Options{}); return err }, "unexported"},
		{"a fixed column", func() error { _, err := tidy.NewWriter[struct{ Value string }](nil, tidy.Options{}); return err }, `"value" is one of the fixed columns`},
		{"a fixed column by Key", func() error { _, err := tidy.NewWriter[string](nil, tidy.Options{Key: "kpi"}); return err }, `"kpi" is one of`},
		{"two columns of one name", func() error {
			_, err := tidy.NewWriter[struct {
				A string `tidy:"x"`
				B string `json:"x"`
			}](nil, tidy.Options{})
			return err
		}, `two columns named "x"`},
		{"two periods", func() error {
			_, err := tidy.NewWriter[struct {
				Period month
				P      month `tidy:"period"`
			}](nil, tidy.Options{})
			return err
		}, "two columns named period"},
		{"a bad name", func() error {
			_, err := tidy.NewWriter[struct {
				A string `tidy:"Queue Name"`
			}](nil, tidy.Options{})
			return err
		}, `"Queue Name" is not`},
		{"a slice", func() error { _, err := tidy.NewWriter[struct{ Tags []string }](nil, tidy.Options{}); return err }, "tags of type []string"},
		{"a nested struct", func() error {
			_, err := tidy.NewWriter[struct{ Who struct{ ID string } }](nil, tidy.Options{})
			return err
		}, "who of type struct"},
		{"an unknown format", func() error { _, err := tidy.NewWriter[string](nil, tidy.Options{Format: 7}); return err }, "unknown format 7"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.new()
			require.ErrorIs(t, err, tidy.ErrKey)
			require.ErrorContains(t, err, c.says)
		})
	}
	t.Run("a key that does not marshal", func(t *testing.T) {
		w, err := tidy.NewWriter[badText](&bytes.Buffer{}, tidy.Options{})
		require.NoError(t, err)
		err = w.Write(badText{}, "r", result)
		require.ErrorIs(t, err, tidy.ErrKey)
		require.ErrorContains(t, err, "out of range")
	})
}

// TestPeriodMismatch: a Result for one period under the key of another
// is refused; for the same period, it is written once.
func TestPeriodMismatch(t *testing.T) {
	flow, err := churn.NewFlow(january)
	require.NoError(t, err)
	r, err := flow.Result()
	require.NoError(t, err)
	w, err := tidy.NewWriter[month](&bytes.Buffer{}, tidy.Options{Key: "period"})
	require.NoError(t, err)
	require.NoError(t, w.Write(yearMonth(2025, 1), "churn", r))
	err = w.Write(yearMonth(2025, 2), "churn", r)
	require.ErrorIs(t, err, tidy.ErrPeriod)
	require.ErrorContains(t, err, "churn is for 2025-01, its key for 2025-02")

	// A key whose period is empty takes the Result's.
	type k struct {
		Period  string
		Channel string
	}
	got := write(t, tidy.Options{}, k{Channel: "chat"})
	require.Contains(t, got, "\n,chat,r,")
	var buf bytes.Buffer
	wk, err := tidy.NewWriter[k](&buf, tidy.Options{})
	require.NoError(t, err)
	require.NoError(t, wk.Write(k{Channel: "chat"}, "churn", r))
	require.NoError(t, wk.Flush())
	require.Contains(t, buf.String(), "\n2025-01,chat,churn,start,,count,0,")
}

// TestPeriods writes the periods of Results in the calendar's words.
func TestPeriods(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	in := func(loc *time.Location, y int, m time.Month, d int) time.Time {
		return time.Date(y, m, d, 0, 0, 0, 0, loc)
	}
	cases := []struct {
		name     string
		from, to time.Time
		want     string
	}{
		{"a day", date(2025, 3, 14), date(2025, 3, 15), "2025-03-14"},
		{"the day clocks go forward in Paris (23 hours)", in(paris, 2025, 3, 30), in(paris, 2025, 3, 31), "2025-03-30"},
		{"an ISO week", date(2025, 3, 10), date(2025, 3, 17), "2025-W11"},
		{"the first ISO week of 2025, starting in 2024", date(2024, 12, 30), date(2025, 1, 6), "2025-W01"},
		{"week 53", date(2020, 12, 28), date(2021, 1, 4), "2020-W53"},
		{"seven days from a Tuesday", date(2025, 3, 11), date(2025, 3, 18), "2025-03-11T00:00:00Z--2025-03-18T00:00:00Z"},
		{"a month", date(2025, 2, 1), date(2025, 3, 1), "2025-02"},
		{"a month in Paris across the change of time", in(paris, 2025, 3, 1), in(paris, 2025, 4, 1), "2025-03"},
		{"a quarter", date(2025, 4, 1), date(2025, 7, 1), "2025-Q2"},
		{"three months from February", date(2025, 2, 1), date(2025, 5, 1), "2025-02-01T00:00:00Z--2025-05-01T00:00:00Z"},
		{"a year", date(2024, 1, 1), date(2025, 1, 1), "2024"},
		{"two months", date(2025, 1, 1), date(2025, 3, 1), "2025-01-01T00:00:00Z--2025-03-01T00:00:00Z"},
		{"a month from noon", time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC), time.Date(2025, 2, 1, 12, 0, 0, 0, time.UTC), "2025-01-01T12:00:00Z--2025-02-01T12:00:00Z"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := churn.Period{From: c.from, To: c.to}
			data, err := json.Marshal(map[string]any{"period": p, "rate_pct": 1})
			require.NoError(t, err)
			var buf bytes.Buffer
			w, err := tidy.NewWriter[struct{}](&buf, tidy.Options{Format: tidy.JSONLines})
			require.NoError(t, err)
			require.NoError(t, w.Write(struct{}{}, "r", json.RawMessage(data)))
			require.NoError(t, w.Flush())
			require.Contains(t, buf.String(), `{"period":"`+c.want+`","result"`)
			// As a key, the same text.
			require.Contains(t, write(t, tidy.Options{Key: "period"}, p), "\n"+c.want+",r,")
		})
	}
}

// TestWriteByOrder writes groups in the order of their keys: period
// keys by time, whatever their text.
func TestWriteByOrder(t *testing.T) {
	type k struct {
		Slot    halfHour
		Channel string
	}
	groups := map[k]int{
		{48*4 + 18, "voice"}: 1, {18, "voice"}: 2, {18, "chat"}: 3, {48*6 + 47, "chat"}: 4, {48 + 1, "voice"}: 5,
	}
	var buf bytes.Buffer
	w, err := tidy.NewWriter[k](&buf, tidy.Options{})
	require.NoError(t, err)
	require.NoError(t, tidy.WriteBy(w, "r", groups, func(n int) (json.RawMessage, error) {
		return fmt.Appendf(nil, `{"n":%d}`, n), nil
	}))
	require.NoError(t, w.Flush())
	// A Result of n alone has no row; write a figure to see the order.
	buf.Reset()
	w, err = tidy.NewWriter[k](&buf, tidy.Options{})
	require.NoError(t, err)
	require.NoError(t, tidy.WriteBy(w, "r", groups, func(n int) (json.RawMessage, error) {
		return fmt.Appendf(nil, `{"id":%d}`, n), nil
	}))
	require.NoError(t, w.Flush())
	var ids []string
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n")[1:] {
		f := strings.Split(line, ",")
		ids = append(ids, f[1]+" "+f[2]+" "+f[7])
	}
	require.Equal(t, []string{"Mon 09:00 chat 3", "Mon 09:00 voice 2", "Tue 00:30 voice 5", "Fri 09:00 voice 1", "Sun 23:30 chat 4"}, ids)

	t.Run("Compare", func(t *testing.T) {
		var buf bytes.Buffer
		w, err := tidy.NewWriter[slot](&buf, tidy.Options{Key: "slot"})
		require.NoError(t, err)
		require.NoError(t, tidy.WriteBy(w, "r", map[slot]int{{540, 15}: 1, {600, 15}: 2, {555, 15}: 3}, func(n int) (json.RawMessage, error) {
			return fmt.Appendf(nil, `{"id":%d}`, n), nil
		}))
		require.NoError(t, w.Flush())
		require.Equal(t, "period,slot,result,kpi,item,unit,value,lo,hi,level,method,n\n"+
			",600/15m,r,id,,count,2,,,,,\n,555/15m,r,id,,count,3,,,,,\n,540/15m,r,id,,count,1,,,,,\n", buf.String())
	})
	t.Run("the first error stops", func(t *testing.T) {
		w, err := tidy.NewWriter[k](&bytes.Buffer{}, tidy.Options{})
		require.NoError(t, err)
		err = tidy.WriteBy(w, "r", groups, func(n int) (json.RawMessage, error) { return nil, fmt.Errorf("view %d failed", n) })
		require.EqualError(t, err, "view 3 failed")
	})
}
