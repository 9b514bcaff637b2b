package operations

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"testing"
	"time"
)

func near(got, want, rel, abs float64) bool {
	return math.Abs(got-want) <= math.Max(abs, rel*math.Abs(want))
}

// erlangs returns a queue with exactly a Erlangs: a contacts per AHT.
func erlangs(a float64, aht time.Duration) Queue {
	return Queue{Contacts: a, Interval: aht, AHT: aht}
}

// mpmath 1.2, 40 digits, from the defining sum: testdata/reference.py "# Erlang B".
func TestErlangBReference(t *testing.T) {
	for _, c := range []struct {
		a    float64
		n    int
		want float64
	}{
		{10, 14, 0.056819143386520859},
		{0.5, 1, 0.33333333333333333},
		{2.7, 5, 0.085193648662785034},
		{25.3, 20, 0.28655708787511981},
		{100.5, 110, 0.029243572831246117},
		{1000, 1000, 0.024811917646160408},
		{10000, 10100, 0.0028623572207360649},
		{0.001, 3, 0.00000000016650008330556944},
		{10, 0, 1.0},
		{50, 200, 1.5219070610627716e-57},
		{10000, 9500, 0.051771406346074338},
		{250.5, 260, 0.028040147119203072},
		{100000, 100300, 0.00096929215327796256},
	} {
		got, err := ErlangB(c.a, c.n)
		if err != nil || !near(got, c.want, 1e-13, 0) {
			t.Errorf("ErlangB(%v, %d) = %.17g, %v; want %.17g", c.a, c.n, got, err, c.want)
		}
	}
	if b, _ := ErlangB(0, 3); b != 0 {
		t.Errorf("no traffic: B = %v", b)
	}
	if b, _ := ErlangB(1, 100000); b != 0 {
		t.Errorf("underflow: B = %v", b)
	}
}

// mpmath, textbook M/M/N formulas in 40 digits: reference.py "# Erlang C".
func TestErlangCReference(t *testing.T) {
	for _, c := range []struct {
		a          float64
		n          int
		aht, t     time.Duration
		c, sl, asa float64 // asa in handle times
	}{
		{10, 14, 180 * time.Second, 20 * time.Second, 0.17413193359504984, 0.88835001917946688, 0.043532983398762461},
		{10, 11, 180 * time.Second, 20 * time.Second, 0.68211820468933237, 0.38961381172915338, 0.68211820468933237},
		{2.5, 3, 300 * time.Second, 30 * time.Second, 0.70224719101123596, 0.33200180863713904, 1.4044943820224719},
		{100.25, 110, 240 * time.Second, 20 * time.Second, 0.24762899191413518, 0.89011530094001304, 0.025397845324526685},
		{1000, 1030, 200 * time.Second, 15 * time.Second, 0.24890878584360198, 0.9737652069854492, 0.008296959528120066},
		{10000, 10100, 180 * time.Second, 20 * time.Second, 0.22476290646653222, 0.99999664084227504, 0.0022476290646653222},
		{0.3, 1, 300 * time.Second, 15 * time.Second, 0.29999999999999999, 0.71031837512273007, 0.42857142857142855},
		{10, 40, 180 * time.Second, 20 * time.Second, 7.4190594202806453e-13, 0.99999999999997353, 2.4730198067602151e-14},
	} {
		pw, err := ErlangC(c.a, c.n)
		if err != nil || !near(pw, c.c, 1e-12, 0) {
			t.Errorf("ErlangC(%v, %d) = %.17g, %v; want %.17g", c.a, c.n, pw, err, c.c)
		}
		m, err := erlangs(c.a, c.aht).Metrics(c.n, c.t)
		if err != nil {
			t.Fatal(err)
		}
		asa := c.asa * float64(c.aht)
		if !near(m.PWait, c.c, 1e-12, 0) || !near(m.ServiceLevel, c.sl, 1e-13, 1e-15) ||
			!near(float64(m.ASA), asa, 1e-12, 1) || m.Occupancy != c.a/float64(c.n) || m.Abandonment != 0 {
			t.Errorf("A=%v N=%d: %+v; want C %.17g SL %.17g ASA %v", c.a, c.n, m, c.c, c.sl, time.Duration(asa))
		}
	}
}

// The issue's example: 100 calls in 30 min, AHT 180 s.
func TestIssueExample(t *testing.T) {
	q := Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 180 * time.Second}
	if a, _ := q.Traffic(); a != 10 {
		t.Fatalf("traffic %v", a)
	}
	m, err := q.Metrics(14, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if math.Round(m.PWait*1e7) != 1741319 || math.Round(m.ServiceLevel*1e7) != 8883500 || m.ASA.Round(time.Microsecond) != 7835937*time.Microsecond {
		t.Errorf("N=14: %+v", m)
	}
	s, err := q.Staff(Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Occupancy: 0.85, Shrinkage: 0.3})
	if err != nil || s.Agents != 14 || s.Positions != 20 || s.Metrics != m {
		t.Errorf("Staff = %+v, %v", s, err)
	}
}

// Smallest N found by mpmath scanning N = 1, 2, …: reference.py
// "# Erlang C staffing" and "# Large Erlang C staffing".
func TestStaffErlangCReference(t *testing.T) {
	for _, c := range []struct {
		q    Queue
		t    Targets
		want int
	}{
		{erlangs(10, 180*time.Second), Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Occupancy: 0.85}, 14},
		{erlangs(10, 180*time.Second), Targets{ASA: 10 * time.Second}, 14},
		{erlangs(10, 180*time.Second), Targets{Occupancy: 0.7}, 15},
		{erlangs(0.3, 300*time.Second), Targets{ServiceLevel: 0.9, Within: 15 * time.Second}, 2},
		{erlangs(250, 200*time.Second), Targets{ServiceLevel: 0.9, Within: 10 * time.Second, ASA: 3 * time.Second}, 267},
		{Queue{Contacts: 100000, Interval: 30 * time.Minute, AHT: 180 * time.Second}, Targets{ServiceLevel: 0.8, Within: 20 * time.Second}, 10013},
		{erlangs(12345.678, 240*time.Second), Targets{ServiceLevel: 0.9, Within: 15 * time.Second}, 12377},
	} {
		s, err := c.q.Staff(c.t)
		if err != nil || s.Agents != c.want {
			t.Errorf("%+v %+v: %d, %v; want %d", c.q, c.t, s.Agents, err, c.want)
		}
	}
}

// mpmath: the birth–death chain of M/M/N+M, flow balance, first-step
// analysis and uniformization in 40 digits: reference.py "# Erlang A".
func TestErlangAReference(t *testing.T) {
	for _, c := range []struct {
		a                     float64
		n                     int
		aht, patience, t      time.Duration
		pw, pab, sl, asa, occ float64
	}{
		{10, 14, 180 * time.Second, 300 * time.Second, 20 * time.Second, 0.1452601142963612, 0.013983744122408938, 0.91679209186354687, 0.021547111358450122, 0.70429732562685076},
		{10, 10, 180 * time.Second, 300 * time.Second, 20 * time.Second, 0.59943331802813818, 0.10943799955850192, 0.51681016864026894, 0.17355235932894378, 0.89056200044149808},
		{10, 8, 180 * time.Second, 300 * time.Second, 20 * time.Second, 0.8475697697402378, 0.23186413468671067, 0.2264518211590874, 0.39608133824856453, 0.96016983164161167},
		{10, 11, 180 * time.Second, 3600 * time.Second, 20 * time.Second, 0.62031741078025633, 0.019441438553811423, 0.46504202519630334, 0.38544840894694807, 0.89141687404198962},
		{50, 45, 240 * time.Second, 120 * time.Second, 30 * time.Second, 0.66923446878355222, 0.12864056878162909, 0.69723863095751738, 0.062621969522864973, 0.9681771457981899},
		{50, 55, 240 * time.Second, 120 * time.Second, 30 * time.Second, 0.22035344724909199, 0.026678553115143116, 0.94992877798863598, 0.012277666839197654, 0.88483767898623353},
		{3.3, 2, 100 * time.Second, 400 * time.Second, 50 * time.Second, 0.96607450628887115, 0.40661064951860341, 0.088356677765333069, 1.8729714760026384, 0.97909242829430432},
		{1000, 1000, 180 * time.Second, 300 * time.Second, 20 * time.Second, 0.56717124859877503, 0.011012553915482483, 0.98517660966704759, 0.01827377573634242, 0.98898744608451752},
	} {
		q := erlangs(c.a, c.aht)
		q.Patience = c.patience
		m, err := q.Metrics(c.n, c.t)
		if err != nil {
			t.Fatal(err)
		}
		asa := c.asa * float64(c.aht)
		if !near(m.PWait, c.pw, 1e-12, 1e-14) || !near(m.Abandonment, c.pab, 1e-11, 1e-14) || !near(m.ServiceLevel, c.sl, 1e-11, 1e-13) ||
			!near(float64(m.ASA), asa, 1e-11, 1) || !near(m.Occupancy, c.occ, 1e-12, 1e-14) {
			t.Errorf("A=%v N=%d r=%v: %+v\nwant P(wait) %.17g P(ab) %.17g SL %.17g ASA %v occ %.17g",
				c.a, c.n, float64(c.aht)/float64(c.patience), m, c.pw, c.pab, c.sl, time.Duration(asa), c.occ)
		}
		// Within 0 s, the service level is the share that does not wait.
		if m0, _ := q.Metrics(c.n, 0); !near(m0.ServiceLevel, 1-c.pw, 1e-12, 1e-14) {
			t.Errorf("A=%v N=%d: SL in 0 s = %.17g, want %.17g", c.a, c.n, m0.ServiceLevel, 1-c.pw)
		}
	}
}

// reference.py "# Erlang A staffing": mpmath scanning N = 1, 2, ….
func TestStaffErlangAReference(t *testing.T) {
	q := Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 180 * time.Second, Patience: 300 * time.Second}
	for _, c := range []struct {
		t    Targets
		want int
	}{
		{Targets{ServiceLevel: 0.8, Within: 20 * time.Second}, 13},
		{Targets{Abandonment: 0.03}, 13},
		{Targets{Abandonment: 0.2}, 9},
	} {
		s, err := q.Staff(c.t)
		if err != nil || s.Agents != c.want {
			t.Errorf("%+v: %d, %v; want %d", c.t, s.Agents, err, c.want)
		}
	}
}

// Staff returns exactly the smallest N a scan of Metrics over N = 1, 2, …
// finds, over a grid of queues and targets, for Erlang C and Erlang A.
func TestStaffMatchesScan(t *testing.T) {
	targets := []Targets{
		{ServiceLevel: 0.8, Within: 20 * time.Second},
		{ServiceLevel: 0.95, Within: 10 * time.Second, Occupancy: 0.9},
		{ASA: 15 * time.Second},
		{ServiceLevel: 0.5, Within: 0},
		{Occupancy: 0.75},
		{Abandonment: 0.05, ServiceLevel: 0.7, Within: 30 * time.Second},
		{Abandonment: 0.01, ASA: 5 * time.Second, Occupancy: 0.95},
		{},
	}
	for _, a := range []float64{0.05, 0.7, 1, 3.5, 9.99, 10, 27.3, 150, 240.5} {
		for _, patience := range []time.Duration{0, 30 * time.Second, 200 * time.Second, time.Hour} {
			q := erlangs(a, 180*time.Second)
			q.Patience = patience
			for _, tg := range targets {
				s, err := q.Staff(tg)
				if err != nil {
					t.Fatalf("A=%v patience %v %+v: %v", a, patience, tg, err)
				}
				want := 0
				for n := 1; want == 0; n++ {
					m, err := q.Metrics(n, tg.Within)
					if errors.Is(err, ErrUnstable) {
						continue
					}
					if err != nil {
						t.Fatal(err)
					}
					if tg.met(m) {
						want = n
						if m != s.Metrics {
							t.Errorf("A=%v patience %v %+v: Staff metrics %+v, Metrics %+v", a, patience, tg, s.Metrics, m)
						}
					}
				}
				if s.Agents != want {
					t.Errorf("A=%v patience %v %+v: Staff %d, scan %d", a, patience, tg, s.Agents, want)
				}
			}
		}
	}
}

// The Erlang A metrics are monotone in N, which Staff's bisection relies on.
func TestErlangAMonotone(t *testing.T) {
	for _, a := range []float64{0.3, 2, 10, 47.5, 300} {
		for _, r := range []float64{0.01, 0.2, 1, 5} {
			for _, within := range []time.Duration{0, 20 * time.Second, 5 * time.Minute} {
				q := erlangs(a, 100*time.Second)
				q.Patience = time.Duration(100 * float64(time.Second) / r)
				var prev Metrics
				for n := 1; n <= int(2*a)+20; n++ {
					m, err := q.Metrics(n, within)
					if err != nil {
						t.Fatal(err)
					}
					const slack = 1e-12
					if n > 1 && (m.Abandonment > prev.Abandonment+slack || m.ServiceLevel < prev.ServiceLevel-slack ||
						m.ASA > prev.ASA || m.Occupancy > prev.Occupancy+slack || m.PWait > prev.PWait+slack) {
						t.Fatalf("A=%v r=%v t=%v: not monotone from N=%d %+v to %+v", a, r, within, n-1, prev, m)
					}
					for _, p := range []float64{m.PWait, m.Abandonment, m.ServiceLevel, m.Occupancy} {
						if !(p >= 0 && p <= 1) {
							t.Fatalf("A=%v r=%v N=%d: %+v", a, r, n, m)
						}
					}
					prev = m
				}
			}
		}
	}
}

// As patience grows, Erlang A tends to Erlang C.
func TestErlangALimit(t *testing.T) {
	c := erlangs(10, 180*time.Second)
	mc, _ := c.Metrics(13, 20*time.Second)
	a := c
	a.Patience = 1e6 * time.Hour
	ma, err := a.Metrics(13, 20*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	// r = AHT/patience = 5e-8: the gap is of that order.
	if !near(ma.PWait, mc.PWait, 1e-6, 0) || !near(ma.ServiceLevel, mc.ServiceLevel, 1e-6, 0) || !near(float64(ma.ASA), float64(mc.ASA), 1e-6, 0) || ma.Abandonment > 1e-8 {
		t.Errorf("Erlang A %+v vs Erlang C %+v", ma, mc)
	}
}

// Large queues: 10,000 and 1,000,000 Erlangs, fractional traffic, and
// agents far above the traffic, without overflow or NaN.
func TestErlangLarge(t *testing.T) {
	for _, a := range []float64{9999.5, 10000, 123456.789, 1e6} {
		q := erlangs(a, 180*time.Second)
		s, err := q.Staff(Targets{ServiceLevel: 0.8, Within: 20 * time.Second})
		if err != nil {
			t.Fatal(err)
		}
		below, err := q.Metrics(s.Agents-1, 20*time.Second)
		if s.Metrics.ServiceLevel < 0.8 || (err == nil && below.ServiceLevel >= 0.8) {
			t.Errorf("A=%v: %v agents, below %+v %v", a, s, below, err)
		}
		far, err := q.Metrics(int(3*a), 20*time.Second)
		if err != nil || far.PWait != 0 || far.ServiceLevel != 1 || far.ASA != 0 {
			t.Errorf("A=%v, 3A agents: %+v %v", a, far, err)
		}
		q.Patience = 5 * time.Minute
		sa, err := q.Staff(Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Abandonment: 0.02})
		if err != nil || sa.Agents > s.Agents+int(math.Sqrt(a)) {
			t.Errorf("A=%v Erlang A: %v, %v", a, sa, err)
		}
		for _, n := range []int{1, int(a / 2), int(a), int(a) + 1} {
			m, err := q.Metrics(n, 20*time.Second)
			if err != nil || math.IsNaN(m.ServiceLevel) || math.IsNaN(m.Abandonment) || m.ASA < 0 {
				t.Errorf("A=%v N=%d Erlang A: %+v %v", a, n, m, err)
			}
		}
	}
}

func TestUnstableAndErrors(t *testing.T) {
	if _, err := ErlangC(10, 10); !errors.Is(err, ErrUnstable) {
		t.Errorf("ErlangC(10, 10) err = %v", err)
	}
	if _, err := ErlangC(10.5, 10); !errors.Is(err, ErrUnstable) {
		t.Errorf("ErlangC(10.5, 10) err = %v", err)
	}
	q := erlangs(10, 180*time.Second)
	if _, err := q.Metrics(10, 20*time.Second); !errors.Is(err, ErrUnstable) {
		t.Errorf("Metrics(10) err = %v", err)
	}
	q.Patience = time.Minute
	if m, err := q.Metrics(5, 20*time.Second); err != nil || m.Abandonment < 0.4 {
		t.Errorf("overloaded Erlang A: %+v, %v", m, err)
	}
	for _, c := range []struct {
		err error
		f   func() error
	}{
		{ErrQueue, func() error { _, err := ErlangB(-1, 3); return err }},
		{ErrQueue, func() error { _, err := ErlangB(math.NaN(), 3); return err }},
		{ErrQueue, func() error { _, err := ErlangC(math.Inf(1), 3); return err }},
		{ErrQueue, func() error { _, err := ErlangC(2e8, 3); return err }},
		{ErrAgents, func() error { _, err := ErlangB(1, -1); return err }},
		{ErrAgents, func() error { _, err := ErlangC(1, MaxAgents+1); return err }},
		{ErrQueue, func() error {
			_, err := Queue{Contacts: math.NaN(), Interval: time.Hour, AHT: time.Minute}.Traffic()
			return err
		}},
		{ErrQueue, func() error {
			_, err := Queue{Contacts: -1, Interval: time.Hour, AHT: time.Minute}.Traffic()
			return err
		}},
		{ErrQueue, func() error { _, err := Queue{Contacts: 1, AHT: time.Minute}.Traffic(); return err }},
		{ErrQueue, func() error { _, err := Queue{Contacts: 1, Interval: time.Hour}.Traffic(); return err }},
		{ErrQueue, func() error {
			_, err := Queue{Contacts: 1, Interval: time.Hour, AHT: time.Minute, Patience: -1}.Traffic()
			return err
		}},
		{ErrQueue, func() error {
			_, err := Queue{Contacts: 1, Interval: time.Hour, AHT: time.Minute, Concurrency: 0.5}.Traffic()
			return err
		}},
		{ErrQueue, func() error {
			_, err := Queue{Contacts: 1, Interval: time.Hour, AHT: time.Minute, Concurrency: math.NaN()}.Staff(Targets{})
			return err
		}},
		{ErrAgents, func() error { _, err := q.Metrics(0, 0); return err }},
		{ErrTargets, func() error { _, err := q.Metrics(3, -time.Second); return err }},
		{ErrTargets, func() error { _, err := q.Staff(Targets{ServiceLevel: 1}); return err }},
		{ErrTargets, func() error { _, err := q.Staff(Targets{ServiceLevel: math.NaN()}); return err }},
		{ErrTargets, func() error { _, err := q.Staff(Targets{ServiceLevel: 0.8, Within: -1}); return err }},
		{ErrTargets, func() error { _, err := q.Staff(Targets{ASA: -1}); return err }},
		{ErrTargets, func() error { _, err := q.Staff(Targets{Abandonment: 1.5}); return err }},
		{ErrTargets, func() error { _, err := q.Staff(Targets{Occupancy: 1.01}); return err }},
		{ErrTargets, func() error { _, err := q.Staff(Targets{Shrinkage: 1}); return err }},
		{ErrTargets, func() error { _, err := Lines(10, 0); return err }},
		{ErrTargets, func() error { _, err := Positions(10, -0.1); return err }},
		{ErrAgents, func() error { _, err := Positions(-1, 0.3); return err }},
		{ErrAgents, func() error { _, err := Positions(MaxAgents, 0.9); return err }},
		{ErrConverge, func() error {
			_, err := Queue{Contacts: 1e5, Interval: 30 * time.Minute, AHT: 3 * time.Minute, Patience: 1000 * time.Hour}.Metrics(1, 0)
			return err
		}},
	} {
		if err := c.f(); !errors.Is(err, c.err) {
			t.Errorf("err = %v, want %v", err, c.err)
		}
	}
}

func TestNoTraffic(t *testing.T) {
	q := Queue{Contacts: 0, Interval: 30 * time.Minute, AHT: 3 * time.Minute}
	s, err := q.Staff(Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Shrinkage: 0.3})
	if err != nil || s.Agents != 0 || s.Positions != 0 || s.Metrics.ServiceLevel != 1 {
		t.Errorf("Staff = %+v, %v", s, err)
	}
	m, err := q.Metrics(0, 20*time.Second)
	if err != nil || m.ServiceLevel != 1 || m.PWait != 0 {
		t.Errorf("Metrics = %+v, %v", m, err)
	}
	if n, err := Lines(0, 0.01); n != 0 || err != nil {
		t.Errorf("Lines(0) = %d, %v", n, err)
	}
}

// An agent on two chats at once is one agent twice as fast.
func TestConcurrency(t *testing.T) {
	chat := Queue{Contacts: 60, Interval: 30 * time.Minute, AHT: 6 * time.Minute, Concurrency: 2}
	fast := Queue{Contacts: 60, Interval: 30 * time.Minute, AHT: 3 * time.Minute}
	if a, _ := chat.Traffic(); a != 6 {
		t.Errorf("traffic %v", a)
	}
	mc, _ := chat.Metrics(8, 30*time.Second)
	mf, _ := fast.Metrics(8, 30*time.Second)
	if mc != mf {
		t.Errorf("%+v vs %+v", mc, mf)
	}
	sc, _ := chat.Staff(Targets{ServiceLevel: 0.9, Within: 30 * time.Second, Shrinkage: 0.25})
	sf, _ := fast.Staff(Targets{ServiceLevel: 0.9, Within: 30 * time.Second, Shrinkage: 0.25})
	// mpmath: 10 agents for 6 Erlangs at 90 % in 30 s with AHT 180 s.
	if sc != sf || sc.Agents != 10 || sc.Positions != 14 {
		t.Errorf("%+v vs %+v", sc, sf)
	}
}

// reference.py "# Erlang B lines": mpmath scanning N = 0, 1, ….
func TestLines(t *testing.T) {
	for _, c := range []struct {
		a, p float64
		want int
	}{{10, 0.01, 18}, {2.5, 0.05, 6}, {100, 0.001, 128}, {10, 0.5, 6}} {
		if n, err := Lines(c.a, c.p); err != nil || n != c.want {
			t.Errorf("Lines(%v, %v) = %d, %v; want %d", c.a, c.p, n, err, c.want)
		}
	}
}

// Positions is ⌈agents/(1 − s)⌉ exactly, for s read as its decimal.
func TestPositions(t *testing.T) {
	if p, _ := Positions(21, 0.3); p != 30 {
		t.Errorf("21 at 30%% = %d, want 30", p)
	}
	if p, _ := Positions(14, 0.3); p != 20 {
		t.Errorf("14 at 30%% = %d, want 20", p)
	}
	for pct := 0; pct < 100; pct++ {
		s := float64(pct) / 100
		for agents := 0; agents <= 400; agents++ {
			want := (agents*100 + (100 - pct) - 1) / (100 - pct) // integer ceiling
			if got, err := Positions(agents, s); err != nil || got != want {
				t.Fatalf("Positions(%d, %v) = %d, %v; want %d", agents, s, got, err, want)
			}
		}
	}
	// 0.125 and 1e-9 are read exactly as written.
	if p, _ := Positions(7, 0.125); p != 8 {
		t.Errorf("7 at 12.5%% = %d", p)
	}
	if p, _ := Positions(1000, 1e-9); p != 1001 {
		t.Errorf("1000 at 1e-9 = %d", p)
	}
	if p, err := Positions(1000, 1e-25); p != 1001 || err != nil { // past 19 places: big.Rat
		t.Errorf("1000 at 1e-25 = %d, %v", p, err)
	}
	if p, err := Positions(0, 0.999999); p != 0 || err != nil {
		t.Errorf("0 at 0.999999 = %d, %v", p, err)
	}
	r, _ := new(big.Rat).SetString("0.3")
	if r.Cmp(big.NewRat(3, 10)) != 0 {
		t.Fatal("big.Rat reads 0.3 as 3/10")
	}
}

func FuzzStaff(f *testing.F) {
	f.Add(100.0, int64(1800e9), int64(180e9), int64(0), 1.0, 0.8, int64(20e9), int64(0), 0.0, 0.85, 0.3)
	f.Add(7.5, int64(600e9), int64(300e9), int64(120e9), 2.0, 0.0, int64(0), int64(30e9), 0.05, 0.0, 0.0)
	f.Fuzz(func(t *testing.T, contacts float64, interval, aht, patience int64, conc, sl float64, within, asa int64, ab, occ, shrink float64) {
		q := Queue{Contacts: contacts, Interval: time.Duration(interval), AHT: time.Duration(aht),
			Patience: time.Duration(patience), Concurrency: conc}
		if a, err := q.Traffic(); err != nil || a > 2000 {
			return // keep each run short
		}
		tg := Targets{ServiceLevel: sl, Within: time.Duration(within), ASA: time.Duration(asa), Abandonment: ab, Occupancy: occ, Shrinkage: shrink}
		s, err := q.Staff(tg)
		if err != nil {
			return
		}
		if s.Agents > 0 {
			m, err := q.Metrics(s.Agents, tg.Within)
			if err != nil || m != s.Metrics || !tg.met(m) {
				t.Fatalf("%+v %+v: %+v vs %+v %v", q, tg, s, m, err)
			}
			if below, err := q.Metrics(s.Agents-1, tg.Within); err == nil && tg.met(below) {
				t.Fatalf("%+v %+v: %d agents also meet the targets", q, tg, s.Agents-1)
			}
		}
		if s.Positions < s.Agents {
			t.Fatalf("positions %d < agents %d", s.Positions, s.Agents)
		}
		for _, p := range []float64{s.Metrics.PWait, s.Metrics.ServiceLevel, s.Metrics.Abandonment, s.Metrics.Occupancy} {
			if !(p >= 0 && p <= 1) {
				t.Fatalf("%+v", s)
			}
		}
	})
}

func FuzzErlangB(f *testing.F) {
	f.Add(10.0, 14)
	f.Add(0.001, 100000)
	f.Fuzz(func(t *testing.T, a float64, n int) {
		if n > 1<<20 {
			return
		}
		b, err := ErlangB(a, n)
		if err != nil {
			return
		}
		if !(b >= 0 && b <= 1) {
			t.Fatalf("B(%v, %d) = %v", a, n, b)
		}
		if n > 0 {
			if prev, _ := ErlangB(a, n-1); b > prev*(1+1e-12) {
				t.Fatalf("B(%v, %d) = %v > B(n−1) = %v", a, n, b, prev)
			}
		}
		if c, err := ErlangC(a, n); err == nil && !(c >= b*(1-1e-12) && c <= 1) {
			t.Fatalf("C(%v, %d) = %v, B = %v", a, n, c, b)
		}
	})
}

func BenchmarkStaff10000Erlangs(b *testing.B) {
	q := Queue{Contacts: 100000, Interval: 30 * time.Minute, AHT: 180 * time.Second}
	tg := Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Shrinkage: 0.3}
	for b.Loop() {
		if _, err := q.Staff(tg); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStaff10Erlangs(b *testing.B) {
	q := Queue{Contacts: 100, Interval: 30 * time.Minute, AHT: 180 * time.Second}
	tg := Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Occupancy: 0.85, Shrinkage: 0.3}
	for b.Loop() {
		_, _ = q.Staff(tg)
	}
}

func BenchmarkStaffErlangA(b *testing.B) {
	for _, a := range []float64{10, 10000} {
		b.Run(fmt.Sprint(a), func(b *testing.B) {
			q := Queue{Contacts: a * 10, Interval: 30 * time.Minute, AHT: 180 * time.Second, Patience: 5 * time.Minute}
			tg := Targets{ServiceLevel: 0.8, Within: 20 * time.Second, Abandonment: 0.03}
			for b.Loop() {
				if _, err := q.Staff(tg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkErlangB(b *testing.B) {
	for _, a := range []float64{10, 10000} {
		b.Run(fmt.Sprint(a), func(b *testing.B) {
			n := int(a + 2*math.Sqrt(a))
			for b.Loop() {
				_, _ = ErlangB(a, n)
			}
		})
	}
}
