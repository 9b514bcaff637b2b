package hours_test

import (
	"fmt"
	"time"

	"github.com/rapportkit/rapport/hours"
	"github.com/rapportkit/rapport/period"
)

func Example() {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		fmt.Println(err)
		return
	}
	hm := func(h, m int) time.Duration { return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute }
	work := hours.Spans{{From: hm(9, 0), To: hm(12, 0)}, {From: hm(13, 0), To: hm(17, 30)}}
	week := hours.Week{time.Monday: work, time.Tuesday: work, time.Wednesday: work, time.Thursday: work, time.Friday: work}
	c, err := hours.New(paris, week, []period.Day{period.DateDay(2026, time.December, 25)}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	created := time.Date(2026, time.December, 24, 16, 0, 0, 0, paris) // Thursday
	solved := time.Date(2026, time.December, 28, 10, 0, 0, 0, paris)  // Monday
	open, err := c.Between(created, solved)
	if err != nil {
		fmt.Println(err)
		return
	}
	due, err := c.Add(created, 4*time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("business time:", open, "of", solved.Sub(created))
	fmt.Println("4 business hours after creation:", due.Format("Mon 2 Jan 15:04"))
	fmt.Println("open on Christmas at 10:00:", c.IsOpen(time.Date(2026, time.December, 25, 10, 0, 0, 0, paris)))
	// Output:
	// business time: 2h30m0s of 90h0m0s
	// 4 business hours after creation: Mon 28 Dec 11:30
	// open on Christmas at 10:00: false
}
