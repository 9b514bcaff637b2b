package plan

import (
	"container/heap"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/internal/money"
	"github.com/shopspring/decimal"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/convex/lp"
)

// Shift is a pattern of work an agent can be scheduled on: when it may
// start, how long it lasts and when its breaks fall.
type Shift struct {
	Name string
	// Starts are the times of day, on the local clock, the shift may
	// start at (8:00, 8:30, 9:00…), each a whole number of intervals
	// after midnight; a start the clock skips that day is not used.
	Starts []time.Duration
	// Length is the time from start to end, breaks included, a whole
	// number of intervals; the shift ends within its day.
	Length time.Duration
	// Breaks are the periods off the queue (lunch, pauses), each a whole
	// number of intervals from the shift's start.
	Breaks []Break
	// Cost is the cost of one agent on the shift; zero means Length at
	// the plan's hourly cost.
	Cost decimal.Decimal
}

// Break is a period of a shift off the queue.
type Break struct {
	Start  time.Duration // from the shift's start
	Length time.Duration
}

// Bounds of the schedule search.
const (
	// MaxShiftStarts is the most shift starts (patterns × start times) a
	// day may offer.
	MaxShiftStarts = 4096
	// DefaultNodes is the bound of the branch-and-bound search of a day
	// when ScheduleOptions.Nodes is 0.
	DefaultNodes = 200
)

// ScheduleOptions bound the schedule search.
type ScheduleOptions struct {
	// Nodes is the most linear programs the search of one day solves;
	// 0 means DefaultNodes.
	Nodes int
}

// Assignment is a number of agents on a shift started at a time.
type Assignment struct {
	Shift  string    `json:"shift"`
	Start  time.Time `json:"start"`
	Agents int       `json:"agents"`
}

// DaySchedule is the schedule of one day.
type DaySchedule struct {
	Date        forecast.Date `json:"date"`
	Assignments []Assignment  `json:"assignments"`
	// Scheduled are the agents on the queue in each of the day's plan
	// intervals (see Period.First), at least their positions.
	Scheduled []int `json:"scheduled"`
	// CostAmount is the cost of the shifts. GapPct is its distance to the
	// lower bound the search proved (the least relaxation of the nodes
	// left open, computed in floating point), 0 when Optimal.
	CostAmount decimal.Decimal `json:"cost_amount"`
	GapPct     float64         `json:"gap_pct"`
	// Optimal says the search proved the schedule the cheapest; it stops
	// at ScheduleOptions.Nodes otherwise, with the best schedule found.
	Optimal bool `json:"optimal"`
	Nodes   int  `json:"nodes"`
}

// Schedule is a minimum-cost set of shifts covering a plan.
type Schedule struct {
	Days       []DaySchedule   `json:"days"`
	CostAmount decimal.Decimal `json:"cost_amount"`
	// GapPct is the largest gap of a day.
	GapPct  float64 `json:"gap_pct"`
	Optimal bool    `json:"optimal"`
}

// Schedule finds, day by day, the cheapest numbers of agents on each
// shift start such that every interval has at least its Positions on
// the queue (agents on a break do not count): an integer program
//
//	minimise Σⱼ costⱼ·xⱼ   subject to   Σⱼ aᵢⱼ·xⱼ ≥ positionsᵢ,  xⱼ ∈ ℕ
//
// (aᵢⱼ = 1 when shift start j has an agent on the queue in interval i),
// solved by branch and bound on gonum's simplex (costs enter the linear
// programs as floats, to choose; the costs reported are exact decimal
// sums of the shifts chosen): the linear relaxation
// gives a lower bound, its solution rounded up and pruned of shifts not
// needed is the first schedule, and the search branches on the most
// fractional variable, at most ScheduleOptions.Nodes linear programs a
// day. Each day reports its gap to the lower bound and whether it is
// proven optimal. When shifts carry breaks, leave the breaks out of the
// targets' shrinkage, or they count twice.
//
// It fails with ErrShift for an invalid shift, a day with more than
// MaxShiftStarts starts, or an interval with positions that no shift
// covers (naming it), and ErrConverge when a linear program fails.
func (p *Plan) Schedule(shifts []Shift, o ScheduleOptions) (Schedule, error) {
	if len(shifts) == 0 {
		return Schedule{}, fmt.Errorf("%w: no shift", ErrShift)
	}
	for i, s := range shifts {
		if err := s.check(p.Interval); err != nil {
			return Schedule{}, fmt.Errorf("shift %d (%q): %w", i, s.Name, err)
		}
	}
	nodes := o.Nodes
	if nodes == 0 {
		nodes = DefaultNodes
	}
	if nodes < 1 {
		return Schedule{}, fmt.Errorf("%w: %d nodes", ErrRange, nodes)
	}
	out := Schedule{Optimal: true}
	var total money.Sum
	for _, d := range p.Days {
		ds, err := p.scheduleDay(d, shifts, nodes)
		if err != nil {
			return Schedule{}, fmt.Errorf("%v: %w", d.Date, err)
		}
		total.Add(ds.CostAmount)
		out.GapPct = max(out.GapPct, ds.GapPct)
		out.Optimal = out.Optimal && ds.Optimal
		out.Days = append(out.Days, ds)
	}
	out.CostAmount = total.Value()
	return out, nil
}

func (s Shift) check(step time.Duration) error {
	multiple := func(d time.Duration) bool { return d >= 0 && d%step == 0 }
	switch {
	case len(s.Starts) == 0:
		return fmt.Errorf("%w: no start", ErrShift)
	case s.Length <= 0 || !multiple(s.Length) || s.Length > 24*time.Hour:
		return fmt.Errorf("%w: length %v is not a whole number of %v intervals up to a day", ErrShift, s.Length, step)
	case s.Cost.Sign() < 0:
		return fmt.Errorf("%w: cost %v", ErrShift, s.Cost)
	}
	if err := money.Check(s.Cost); err != nil {
		return fmt.Errorf("%w: cost: %v", ErrShift, err)
	}
	for _, st := range s.Starts {
		if !multiple(st) || st+s.Length > 24*time.Hour {
			return fmt.Errorf("%w: start %v is not a whole number of intervals, or the shift ends after midnight", ErrShift, st)
		}
	}
	for _, b := range s.Breaks {
		if !multiple(b.Start) || b.Length <= 0 || !multiple(b.Length) || b.Start+b.Length > s.Length {
			return fmt.Errorf("%w: break %v at %v is not whole intervals within the shift", ErrShift, b.Length, b.Start)
		}
	}
	return nil
}

// column is one shift start of a day: the plan intervals (rows) it has
// an agent on the queue in, and its cost.
type column struct {
	shift int
	start time.Time
	rows  []int
	cost  decimal.Decimal
	costF float64
}

func (p *Plan) scheduleDay(d Day, shifts []Shift, nodes int) (DaySchedule, error) {
	ds := DaySchedule{Date: d.Date, Scheduled: make([]int, d.Intervals)}
	need := make([]int, d.Intervals)
	byStart := make(map[int64]int, d.Intervals) // interval start (ns) → row
	for k := range d.Intervals {
		iv := &p.Intervals[d.First+k]
		need[k] = iv.Positions
		byStart[iv.Start.UnixNano()] = k
	}
	var cols []column
	day := d.Date.Start(p.Location)
	for si, s := range shifts {
		cost := s.Cost
		if cost.IsZero() {
			cost = p.Staffing.Cost.Hourly.Mul(decimal.NewFromInt(int64(s.Length/time.Minute))).DivRound(decimal.NewFromInt(60), SlotPlaces)
		}
		cf, _ := cost.Float64()
		for _, st := range s.Starts {
			t := time.Date(d.Date.Year, d.Date.Month, d.Date.Day, int(st/time.Hour), int(st%time.Hour/time.Minute), 0, 0, p.Location)
			if forecast.DateOf(t) != d.Date || sinceMidnight(t) != st || t.Before(day) {
				continue // the clock skips this start today
			}
			c := column{shift: si, start: t, cost: cost, costF: cf}
			for off := time.Duration(0); off < s.Length; off += p.Interval {
				if onBreak(s.Breaks, off) {
					continue
				}
				if k, ok := byStart[t.Add(off).UnixNano()]; ok && need[k] > 0 {
					c.rows = append(c.rows, k)
				}
			}
			if len(c.rows) > 0 {
				cols = append(cols, c)
			}
			if len(cols) > MaxShiftStarts {
				return DaySchedule{}, fmt.Errorf("%w: more than %d shift starts", ErrShift, MaxShiftStarts)
			}
		}
	}
	var rows []int // the intervals with positions to cover
	covered := make([]bool, d.Intervals)
	for _, c := range cols {
		for _, k := range c.rows {
			covered[k] = true
		}
	}
	for k, n := range need {
		if n > 0 {
			if !covered[k] {
				return DaySchedule{}, fmt.Errorf("%w: no shift covers the %d positions at %v", ErrShift, n, p.Intervals[d.First+k].Start.Format("15:04"))
			}
			rows = append(rows, k)
		}
	}
	if len(rows) == 0 {
		ds.Optimal = true
		return ds, nil
	}
	x, bound, optimal, used, err := solveCover(cols, rows, need, nodes)
	if err != nil {
		return DaySchedule{}, err
	}
	ds.Optimal, ds.Nodes = optimal, used
	var cost money.Sum
	for j, n := range x {
		if n == 0 {
			continue
		}
		c := cols[j]
		ds.Assignments = append(ds.Assignments, Assignment{Shift: shifts[c.shift].Name, Start: c.start, Agents: n})
		cost.Add(c.cost.Mul(decimal.NewFromInt(int64(n))))
		for _, k := range c.rows {
			ds.Scheduled[k] += n
		}
	}
	// Agents on the queue where nothing was needed count too.
	ds.CostAmount = cost.Value()
	if cf, _ := ds.CostAmount.Float64(); bound > 0 && !optimal {
		ds.GapPct = 100 * (cf - bound) / bound
	}
	return ds, nil
}

func onBreak(breaks []Break, off time.Duration) bool {
	for _, b := range breaks {
		if off >= b.Start && off < b.Start+b.Length {
			return true
		}
	}
	return false
}

func sinceMidnight(t time.Time) time.Duration {
	h, m, s := t.Clock()
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second
}

// cover is the integer program of a day: columns over rows.
type cover struct {
	cols []column
	rows []int // interval of each row
	need []int // positions per interval
	row  map[int]int
}

// solveCover returns the number of agents on each column, a lower bound
// of the cost of any schedule, whether the schedule is proven optimal,
// and the linear programs solved. The search is best first: the open
// node of the lowest relaxation is branched next, on its most fractional
// variable; the first schedule is the relaxation rounded up and pruned.
// A node is dropped when its relaxation, rounded up to a multiple of the
// costs' greatest common divisor (every schedule costs such a multiple),
// cannot beat the best schedule.
func solveCover(cols []column, rows, need []int, nodes int) ([]int, float64, bool, int, error) {
	cv := cover{cols: cols, rows: rows, need: need, row: make(map[int]int, len(rows))}
	for i, k := range rows {
		cv.row[k] = i
	}
	unit := costUnit(cols)
	bound := func(f float64) float64 {
		if unit == 0 {
			return f
		}
		return math.Ceil(f/unit-1e-9) * unit
	}
	beats := func(f, best float64) bool { // can a node of relaxation f beat best?
		if unit == 0 {
			return f < best*(1-1e-9)
		}
		return bound(f) < best-unit/2
	}
	n := len(cols)
	lo, hi := make([]float64, n), make([]float64, n)
	for j := range hi {
		hi[j] = -1 // unbounded above until a branch bounds it
	}
	rootF, rootX, err := cv.relax(lo, hi)
	if err != nil {
		return nil, 0, false, 1, err
	}
	best := cv.prune(ceilAll(rootX))
	bestF := cv.cost(best)
	used := 1
	open := &nodeHeap{}
	if mostFractional(rootX) >= 0 && beats(rootF, bestF) {
		heap.Push(open, node{lo: lo, hi: hi, f: rootF, x: rootX})
	}
	for open.Len() > 0 && used < nodes {
		nd := heap.Pop(open).(node)
		if !beats(nd.f, bestF) {
			open = &nodeHeap{} // the open node of the lowest relaxation cannot beat it: none can
			break
		}
		j := mostFractional(nd.x)
		for _, up := range []bool{false, true} {
			cl, ch := slices.Clone(nd.lo), slices.Clone(nd.hi)
			if up {
				cl[j] = math.Ceil(nd.x[j])
			} else {
				ch[j] = math.Floor(nd.x[j])
			}
			f, x, err := cv.relax(cl, ch)
			used++
			if err != nil || !beats(f, bestF) {
				continue // infeasible, or no better than the best
			}
			if mostFractional(x) < 0 {
				best, bestF = roundAll(x), f
				continue
			}
			if cand := cv.prune(ceilAll(x)); cv.cost(cand) < bestF {
				best, bestF = cand, cv.cost(cand)
			}
			heap.Push(open, node{lo: cl, hi: ch, f: f, x: x})
		}
	}
	lower := bestF // the least relaxation of the nodes left open, or the best
	for _, nd := range *open {
		if beats(nd.f, bestF) {
			lower = math.Min(lower, bound(nd.f))
		}
	}
	lower = math.Max(lower, bound(rootF))
	optimal := !beats(lower, bestF)
	if optimal {
		lower = bestF
	}
	return best, lower, optimal, used, nil
}

// node is an open node of the search: bounds on the variables and their
// relaxation.
type node struct {
	lo, hi []float64
	f      float64
	x      []float64
}

type nodeHeap []node

func (h nodeHeap) Len() int           { return len(h) }
func (h nodeHeap) Less(i, j int) bool { return h[i].f < h[j].f }
func (h nodeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *nodeHeap) Push(x any)        { *h = append(*h, x.(node)) }
func (h *nodeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// costUnit returns the greatest common divisor of the columns' costs
// (written with at most 8 decimal places and fitting an int64 at that
// scale), or 0.
func costUnit(cols []column) float64 {
	places := int32(0)
	for _, c := range cols {
		places = max(places, -c.cost.Exponent())
	}
	if places > 8 {
		return 0
	}
	var g int64
	for _, c := range cols {
		v := c.cost.Shift(places)
		if !v.IsInteger() || v.NumDigits() > 18 {
			return 0
		}
		x := v.IntPart()
		for x != 0 {
			g, x = x, g%x
		}
	}
	if g <= 0 {
		return 0
	}
	return float64(g) / math.Pow(10, float64(places))
}

// relax solves the linear relaxation with lo ≤ x ≤ hi (hi < 0: no upper
// bound), in the standard form min cᵀz, Az = b, z ≥ 0 of gonum's simplex:
// z = (x − lo, the surplus of each row, the slack of each upper bound).
func (cv *cover) relax(lo, hi []float64) (float64, []float64, error) {
	n, m := len(cv.cols), len(cv.rows)
	var bounded []int
	for j := range hi {
		if hi[j] >= 0 {
			if hi[j] < lo[j] {
				return 0, nil, fmt.Errorf("%w: empty branch", ErrConverge)
			}
			bounded = append(bounded, j)
		}
	}
	vars := n + m + len(bounded)
	a := mat.NewDense(m+len(bounded), vars, nil)
	b := make([]float64, m+len(bounded))
	c := make([]float64, vars)
	for i, k := range cv.rows {
		b[i] = float64(cv.need[k])
	}
	for j, col := range cv.cols {
		c[j] = col.costF
		for _, k := range col.rows {
			i := cv.row[k]
			a.Set(i, j, 1)
			b[i] -= lo[j]
		}
	}
	for i := range cv.rows {
		a.Set(i, n+i, -1)
		if b[i] < 0 { // covered by the lower bounds already: negate the row so that b ≥ 0
			a.Set(i, n+i, 1)
			b[i] = -b[i]
			for j := range n {
				a.Set(i, j, -a.At(i, j))
			}
		}
	}
	for r, j := range bounded {
		a.Set(m+r, j, 1)
		a.Set(m+r, n+m+r, 1)
		b[m+r] = hi[j] - lo[j]
	}
	f, z, err := lp.Simplex(c, a, b, 1e-10, nil)
	if err != nil {
		return 0, nil, fmt.Errorf("%w: %v", ErrConverge, err)
	}
	x := make([]float64, n)
	for j := range x {
		x[j] = z[j] + lo[j]
		f += cv.cols[j].costF * lo[j]
	}
	return f, x, nil
}

func (cv *cover) cost(x []int) float64 {
	f := 0.0
	for j, n := range x {
		f += float64(n) * cv.cols[j].costF
	}
	return f
}

// feasible reports whether x covers every row.
func (cv *cover) feasible(x []int) bool {
	got := make([]int, len(cv.rows))
	for j, n := range x {
		for _, k := range cv.cols[j].rows {
			got[cv.row[k]] += n
		}
	}
	for i, k := range cv.rows {
		if got[i] < cv.need[k] {
			return false
		}
	}
	return true
}

// prune removes agents from x, the most expensive shifts first, while it
// stays feasible.
func (cv *cover) prune(x []int) []int {
	order := make([]int, len(x))
	for j := range order {
		order[j] = j
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmpFloat(cv.cols[b].costF, cv.cols[a].costF) })
	for _, j := range order {
		for x[j] > 0 {
			x[j]--
			if !cv.feasible(x) {
				x[j]++
				break
			}
		}
	}
	return x
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

const integral = 1e-7

// mostFractional returns the variable farthest from an integer, or −1.
func mostFractional(x []float64) int {
	best, dist := -1, integral
	for j, v := range x {
		if d := math.Abs(v - math.Round(v)); d > dist {
			best, dist = j, d
		}
	}
	return best
}

func ceilAll(x []float64) []int {
	out := make([]int, len(x))
	for j, v := range x {
		out[j] = int(math.Ceil(v - integral))
	}
	return out
}

func roundAll(x []float64) []int {
	out := make([]int, len(x))
	for j, v := range x {
		out[j] = int(math.Round(v))
	}
	return out
}

// String returns the schedule day by day: the shifts and their agents.
func (s Schedule) String() string {
	var b strings.Builder
	for _, d := range s.Days {
		fmt.Fprintf(&b, "%v: cost %s", d.Date, d.CostAmount.StringFixed(2))
		if d.Optimal {
			b.WriteString(" (optimal)")
		} else {
			fmt.Fprintf(&b, " (within %.1f%% of the optimum)", d.GapPct)
		}
		for _, a := range d.Assignments {
			fmt.Fprintf(&b, "; %d × %s %s", a.Agents, a.Shift, a.Start.Format("15:04"))
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "total cost %s\n", s.CostAmount.StringFixed(2))
	return b.String()
}
