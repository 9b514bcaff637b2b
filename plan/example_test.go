package plan_test

import (
	"fmt"
	"time"

	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/operations"
	"github.com/rapportkit/rapport/plan"
	"github.com/shopspring/decimal"
)

// morning is a forecast of four half hours of calls with an AHT of 3
// minutes: 100 calls at 9:00 are 10 Erlangs.
func morning() forecast.Forecast {
	paris, _ := time.LoadLocation("Europe/Paris")
	start := time.Date(2026, 3, 2, 8, 0, 0, 0, paris)
	aht := 180.0
	f := forecast.Forecast{Location: paris, Interval: 30 * time.Minute}
	for i, c := range []float64{40, 70, 100, 85} {
		f.Demand = append(f.Demand, forecast.Demand{Start: start.Add(time.Duration(i) * 30 * time.Minute), Contacts: c, AHTSeconds: &aht})
	}
	return f
}

var staffing = plan.Staffing{
	Targets:  operations.Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Occupancy: 0.85, Shrinkage: 0.3},
	Contract: plan.Contract{Weekly: 35 * time.Hour},
	Cost:     plan.Cost{Hourly: decimal.RequireFromString("32.50"), PerContact: decimal.RequireFromString("0.15")},
}

// New staffs each interval for 80 % of calls answered within 20 s at most
// 85 % occupancy, with 30 % shrinkage: agents, the requirement before
// rounding, positions and cost.
func ExampleNew() {
	p, err := plan.New(morning(), staffing)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, iv := range p.Intervals {
		fmt.Printf("%s %5.1f calls %5.2f E: %2d agents (%.2f), %2d positions, SL %.1f%%, cost %s\n",
			iv.Start.Format("15:04"), iv.Contacts, iv.TrafficErlangs, iv.Agents, iv.AgentsFractional, iv.Positions,
			*iv.ServiceLevelPct, iv.CostAmount.StringFixed(2))
	}
	d := p.Days[0]
	fmt.Printf("day: %.2f FTE (%.2f before rounding), %s per call\n", *d.FTE, *d.FTEFractional, d.CostPerContactAmount.StringFixed(2))
	// Output:
	// 08:00  40.0 calls  4.00 E:  7 agents (6.21), 10 positions, SL 90.3%, cost 168.50
	// 08:30  70.0 calls  7.00 E: 10 agents (9.72), 15 positions, SL 84.1%, cost 254.25
	// 09:00 100.0 calls 10.00 E: 14 agents (13.05), 20 positions, SL 88.8%, cost 340.00
	// 09:30  85.0 calls  8.50 E: 12 agents (11.43), 18 positions, SL 86.7%, cost 305.25
	// day: 4.50 FTE (4.12 before rounding), 3.62 per call
}

// Table shows what one agent fewer or more in every interval does to the
// service and the cost.
func ExamplePlan_Table() {
	p, err := plan.New(morning(), staffing)
	if err != nil {
		fmt.Println(err)
		return
	}
	rows, err := p.Table(-1, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(plan.TableString(rows))
	// Output:
	// offset agents positions    FTE      SL      ASA abandonment  occupancy         cost per contact unstable
	//     -1     13        19    5.7   75.5%    24.3s        0.0%      75.6%       970.50        3.29        0
	//     +0     14        20    6.3   87.3%     9.8s        0.0%      68.6%      1068.00        3.62        0
	//     +1     15        22    6.9   93.7%     4.2s        0.0%      62.8%      1165.50        3.95        0
	//     +2     16        23    7.4   97.0%     1.8s        0.0%      57.8%      1246.75        4.23        0
}

// Schedule covers a day's positions with shifts: a full day with an
// unpaid hour of lunch, or four hours part-time at a premium.
func ExamplePlan_Schedule() {
	paris, _ := time.LoadLocation("Europe/Paris")
	f := forecast.Forecast{Location: paris, Interval: time.Hour}
	aht := 180.0
	for h, c := range []float64{300, 500, 620, 560, 300, 280, 450, 520, 400, 200} {
		f.Demand = append(f.Demand, forecast.Demand{Start: time.Date(2026, 3, 2, 8+h, 0, 0, 0, paris), Contacts: c, AHTSeconds: &aht})
	}
	p, err := plan.New(f, staffing)
	if err != nil {
		fmt.Println(err)
		return
	}
	var starts []time.Duration
	for h := 8; h <= 14; h++ {
		starts = append(starts, time.Duration(h)*time.Hour)
	}
	shifts := []plan.Shift{
		{Name: "full", Starts: starts[:3], Length: 9 * time.Hour, Breaks: []plan.Break{{Start: 4 * time.Hour, Length: time.Hour}},
			Cost: decimal.RequireFromString("260")}, // 8 paid hours at 32.50
		{Name: "part-time", Starts: starts, Length: 4 * time.Hour, Cost: decimal.RequireFromString("144")}, // 36 an hour
	}
	s, err := p.Schedule(shifts, plan.ScheduleOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	d := s.Days[0]
	positions := make([]int, len(p.Intervals))
	for i, iv := range p.Intervals {
		positions[i] = iv.Positions
	}
	for _, a := range d.Assignments {
		fmt.Printf("%2d × %s from %s\n", a.Agents, a.Shift, a.Start.Format("15:04"))
	}
	fmt.Println("positions:   ", positions)
	fmt.Println("on the queue:", d.Scheduled)
	fmt.Println("optimal:", d.Optimal, "cost:", d.CostAmount.StringFixed(2))
	// Output:
	// 20 × full from 08:00
	// 22 × full from 09:00
	//  8 × part-time from 08:00
	//  3 × part-time from 10:00
	//  3 × part-time from 12:00
	// positions:    [28 43 53 48 28 26 39 45 35 20]
	// on the queue: [28 50 53 53 28 26 45 45 42 22]
	// optimal: true cost: 12936.00
}
