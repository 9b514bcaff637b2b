package segment

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/shopspring/decimal"
)

// transactions returns the rows of b as AddAll reads them.
func (b Columns) transactions() []Transaction {
	txs := make([]Transaction, len(b.CustomerIDs))
	for i := range txs {
		txs[i] = Transaction{CustomerID: b.CustomerIDs[i], At: time.Unix(0, b.At[i]), Amount: decimal.New(b.Amounts[i], b.Exp)}
	}
	return txs
}

// tuning is a setting of AddColumns' knobs; none may change a result.
type tuning struct {
	name                                  string
	chunk, perPartition, maxParts, perWkr int
}

var tunings = []tuning{
	{"default", chunkRows, rowsPerPartition, maxPartitions, minRowsPerWorker},
	{"one partition", 1 << 30, 1 << 30, 1, 1},
	{"many partitions", 1 << 30, 4, 64, 8},
	{"chunks", 37, 4, 16, 5},
	{"tiny chunks", 3, 1, 1024, 1},
}

// withTuning runs f under t, then restores the defaults.
func withTuning(t tuning, f func()) {
	old := tuning{"", chunkRows, rowsPerPartition, maxPartitions, minRowsPerWorker}
	chunkRows, rowsPerPartition, maxPartitions, minRowsPerWorker = t.chunk, t.perPartition, t.maxParts, t.perWkr
	defer func() {
		chunkRows, rowsPerPartition, maxPartitions, minRowsPerWorker = old.chunk, old.perPartition, old.maxParts, old.perWkr
	}()
	f()
}

// withProcs runs f with GOMAXPROCS = n.
func withProcs(n int, f func()) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(n))
	f()
}

// randomColumns returns n rows of about customers customers, with short
// and long ids (some sharing their first 8 bytes, some differing only by
// a trailing NUL), times across the whole valid range, refunds when
// refunds is set, and amounts that sometimes overflow int64 sums.
func randomColumns(r *rand.Rand, n, customers int, refunds bool) Columns {
	b := Columns{CustomerIDs: make([]string, n), At: make([]int64, n), Amounts: make([]int64, n), Exp: int32(r.IntN(9) - 6)}
	for i := range n {
		c := r.IntN(customers)
		switch c % 5 {
		case 0:
			b.CustomerIDs[i] = fmt.Sprintf("c%d", c)
		case 1:
			b.CustomerIDs[i] = fmt.Sprintf("customer-%d", c) // 8 shared bytes
		case 2:
			b.CustomerIDs[i] = fmt.Sprintf("c%d\x00", c-2) // "c3" and "c3\x00" differ
		case 3:
			b.CustomerIDs[i] = fmt.Sprintf("%08d", c) // exactly 8 bytes
		default:
			b.CustomerIDs[i] = strings.Repeat("é", c%7+1) + fmt.Sprint(c)
		}
		switch r.IntN(20) {
		case 0:
			b.At[i] = minNanos + r.Int64N(1e9)
		case 1:
			b.At[i] = maxNanos - r.Int64N(1e9)
		default:
			b.At[i] = asOf.UnixNano() - r.Int64N(400*24*3600*1e9)
		}
		switch r.IntN(30) {
		case 0:
			b.Amounts[i] = math.MaxInt64 - r.Int64N(1e6) // 19 digits: the decimal path
		case 1, 3, 4, 5:
			b.Amounts[i] = 999_999_999_999_999_999 - r.Int64N(5e17) // 18 digits: sums overflow
		case 2:
			b.Amounts[i] = 0
		default:
			b.Amounts[i] = r.Int64N(100_000)
		}
		if refunds && r.IntN(6) == 0 {
			b.Amounts[i] = -b.Amounts[i] - 1
		}
	}
	return b
}

// sameCustomers checks that two collections hold identical customers:
// counts, times and sums down to their representation (the same
// exponent and coefficient), and equal encodings.
func sameCustomers(t *testing.T, got, want *Collection) {
	t.Helper()
	if got.NumCustomers() != want.NumCustomers() || got.N() != want.N() {
		t.Fatalf("%d customers, %d transactions, want %d, %d", got.NumCustomers(), got.N(), want.NumCustomers(), want.N())
	}
	for w := range want.Customers() {
		id := w.ID()
		g, ok := got.Get(id)
		if !ok {
			t.Fatalf("customer %q missing", id)
		}
		if g.first != w.first || g.last != w.last || g.purchases != w.purchases || g.refunds != w.refunds ||
			!bytes.Equal(g.sum.AppendBinary(nil), w.sum.AppendBinary(nil)) {
			t.Fatalf("customer %q: %+v, want %+v", id, g, w)
		}
	}
	gb, _ := got.MarshalBinary()
	wb, _ := want.MarshalBinary()
	if !bytes.Equal(gb, wb) {
		t.Fatal("encodings differ")
	}
}

// AddColumns gives exactly what AddAll gives, batch after batch, with
// any exponents, tuning and parallelism; so do merges of its results.
func TestAddColumnsMatchesAddAll(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, tu := range tunings {
		for _, procs := range []int{1, 2, 3} {
			for _, refunds := range []bool{false, true} {
				withTuning(tu, func() {
					withProcs(procs, func() {
						o := Options{Refunds: refunds}
						cols, all, parts := NewCollection(o), NewCollection(o), [2]*Collection{NewCollection(o), NewCollection(o)}
						if refunds {
							cols.Grow(50) // a table, no customers
						}
						for batch := range 6 {
							b := randomColumns(r, r.IntN(400), 60, refunds)
							if err := cols.AddColumns(b); err != nil {
								t.Fatalf("%s, %d procs: %v", tu.name, procs, err)
							}
							if err := all.AddAll(slices.Values(b.transactions())); err != nil {
								t.Fatal(err)
							}
							if err := parts[batch%2].AddColumns(b); err != nil {
								t.Fatal(err)
							}
							sameCustomers(t, cols, all)
						}
						if err := parts[1].Merge(parts[0]); err != nil {
							t.Fatal(err)
						}
						sameCustomers(t, parts[1], all)
						if all.NumCustomers() == 0 {
							return
						}
						as := time.Unix(0, maxNanos).UTC()
						s1, err1 := cols.Score(as, Config{})
						s2, err2 := all.Score(as, Config{})
						if fmt.Sprint(err1) != fmt.Sprint(err2) {
							t.Fatalf("score errors %v, %v", err1, err2)
						}
						if err1 == nil && (fmt.Sprint(scoresOf(s1), s1) != fmt.Sprint(scoresOf(s2), s2) ||
							fmt.Sprint(exponents(s1.MonetaryCutsAmount)) != fmt.Sprint(exponents(s2.MonetaryCutsAmount))) {
							t.Fatalf("scores differ:\n%v\n%v", s1, s2)
						}
					})
				})
			}
		}
	}
}

func exponents(ds []decimal.Decimal) []int32 {
	e := make([]int32, len(ds))
	for i, d := range ds {
		e[i] = d.Exponent()
	}
	return e
}

// The collection's internals do not depend on the number of goroutines:
// the same customers in the same order, the same table.
func TestAddColumnsDeterministic(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	base := NewCollection(Options{Refunds: true})
	if err := base.AddColumns(randomColumns(r, 500, 200, true)); err != nil {
		t.Fatal(err)
	}
	b := randomColumns(r, 1<<17, 1<<15, true)
	var runs []*Collection
	for _, procs := range []int{1, 2, 4} {
		withProcs(procs, func() {
			c := base.Clone()
			if err := c.AddColumns(b); err != nil {
				t.Fatal(err)
			}
			runs = append(runs, c)
		})
	}
	for _, c := range runs[1:] {
		if !slices.Equal(c.slots, runs[0].slots) || len(c.entries) != len(runs[0].entries) {
			t.Fatal("tables differ")
		}
		for i := range c.entries {
			if c.entries[i].id != runs[0].entries[i].id {
				t.Fatalf("entry %d: %q, want %q", i, c.entries[i].id, runs[0].entries[i].id)
			}
		}
		sameCustomers(t, c, runs[0])
	}
}

// A bad row rejects the batch, naming the row as AddAll names the
// transaction, and leaves the collection unchanged.
func TestAddColumnsErrors(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for _, tu := range tunings {
		withTuning(tu, func() {
			for trial := range 40 {
				c := NewCollection(Options{Refunds: trial%2 == 0})
				if err := c.AddColumns(randomColumns(r, 50, 20, c.opts.Refunds)); err != nil {
					t.Fatal(err)
				}
				before, _ := c.MarshalBinary()
				b := randomColumns(r, 1+r.IntN(300), 40, c.opts.Refunds)
				bad := r.IntN(len(b.At))
				switch trial % 5 {
				case 0:
					b.CustomerIDs[bad] = ""
				case 1:
					b.At[bad] = minNanos - 1 - r.Int64N(1e9)
				case 2:
					b.At[bad] = maxNanos + 1 + r.Int64N(math.MaxInt64-maxNanos)
				case 3:
					b.Amounts[bad] = -1 - r.Int64N(100)
				case 4:
					b.At[bad] = maxNanos + 1
				}
				err := c.AddColumns(b)
				want := c.Clone().AddAll(slices.Values(b.transactions()))
				if c.opts.Refunds && trial%5 == 3 {
					if err != nil || want != nil {
						t.Fatalf("refund rejected: %v, %v", err, want)
					}
					continue
				}
				if err == nil || want == nil || err.Error() != strings.Replace(want.Error(), "transaction", "row", 1) ||
					!strings.HasPrefix(err.Error(), fmt.Sprintf("segment: row %d: ", bad)) {
					t.Fatalf("%s, trial %d: error %v, AddAll %v, bad row %d", tu.name, trial, err, want, bad)
				}
				for _, sentinel := range []error{ErrID, ErrTime, ErrAmount} {
					if errors.Is(want, sentinel) && !errors.Is(err, sentinel) {
						t.Fatalf("%v does not wrap %v", err, sentinel)
					}
				}
				if after, _ := c.MarshalBinary(); !bytes.Equal(after, before) {
					t.Fatal("rejected batch changed the collection")
				}
			}
		})
	}
	c := NewCollection(Options{})
	for _, x := range []struct {
		name string
		cols Columns
		want error
	}{
		{"more times", Columns{CustomerIDs: []string{"a"}, At: []int64{0, 1}, Amounts: []int64{1}}, ErrColumns},
		{"no amounts", Columns{CustomerIDs: []string{"a"}, At: []int64{0}, Amounts: nil}, ErrColumns},
		{"exponent 46", Columns{CustomerIDs: []string{"a"}, At: []int64{0}, Amounts: []int64{1}, Exp: maxExp + 1}, ErrAmount},
		{"exponent −65", Columns{CustomerIDs: []string{"a"}, At: []int64{0}, Amounts: []int64{1}, Exp: minExp - 1}, ErrAmount},
	} {
		t.Run(x.name, func(t *testing.T) {
			if err := c.AddColumns(x.cols); !errors.Is(err, x.want) || c.NumCustomers() != 0 {
				t.Errorf("%+v: %v", x.cols, err)
			}
		})
	}
	if err := c.AddColumns(Columns{}); err != nil || c.NumCustomers() != 0 || c.slots != nil {
		t.Errorf("empty batch: %v", err)
	}
}

// The exponents of Columns keep every int64 amount within the bounds of
// Transaction amounts, so AddAll accepts what AddColumns does.
func TestColumnsExponentBounds(t *testing.T) {
	for _, e := range []int32{minExp, maxExp} {
		for _, u := range []int64{math.MaxInt64, math.MinInt64, 1, -1} {
			if _, err := checkAmount(decimal.New(u, e)); err != nil {
				t.Errorf("%d×10^%d: %v", u, e, err)
			}
		}
	}
}

// A count overflow (after decoding a customer with 2⁶⁴−2 purchases, one
// transaction short of the bound) is reported at its row, before a later
// bad row and after an earlier one, as AddAll reports it, and leaves the
// collection unchanged.
func TestAddColumnsOverflow(t *testing.T) {
	for _, tu := range tunings {
		for _, x := range []struct {
			name string
			ids  []string
			row  string
			want error
		}{
			{"the second row", []string{"a", "big", "b", "big", "c", ""}, "segment: row 1: ", ErrOverflow},
			{"after an empty id", []string{"", "big", "b"}, "segment: row 0: ", ErrID},
		} {
			t.Run(tu.name+"/"+x.name, func(t *testing.T) {
				withTuning(tu, func() {
					c := bigCollection(t)
					before, _ := c.MarshalBinary()
					b := Columns{CustomerIDs: x.ids, At: make([]int64, len(x.ids)), Amounts: make([]int64, len(x.ids))}
					err := c.AddColumns(b)
					want := c.Clone().AddAll(slices.Values(b.transactions()))
					if !errors.Is(err, x.want) || !strings.HasPrefix(err.Error(), x.row) || err.Error() != strings.Replace(want.Error(), "transaction", "row", 1) {
						t.Fatalf("%v (AddAll %v)", err, want)
					}
					if after, _ := c.MarshalBinary(); !bytes.Equal(after, before) {
						t.Fatal("rejected batch changed the collection")
					}
				})
			})
		}
	}
}

// Ids longer than 8 bytes with the same first bytes and hash bits are
// told apart by comparing them in full.
func TestLongIDsCompareInFull(t *testing.T) {
	ids := []string{"customer-1", "customer-2", "customer-1"}
	a := newAggregator(NewCollection(Options{}), Columns{CustomerIDs: ids, At: []int64{1, 2, 3}, Amounts: []int64{1, 2, 3}}, 1)
	defer a.release()
	r := rec{key: idKey(ids[0]), tag: 0x12345670 | 9} // a forced collision
	recs := []rec{r, r, r}
	for i := range recs {
		recs[i].at, recs[i].amount, recs[i].row = int64(i+1), int64(i+1), uint32(i)
	}
	pt := &a.parts[0]
	a.aggregate(pt, recs, ids)
	if len(pt.locals) != 2 || pt.custs[0].purchases != 2 || pt.custs[1].purchases != 1 || !pt.custs[0].sum.Value().Equal(decimal.NewFromInt(4)) {
		t.Fatalf("locals %+v, customers %+v", pt.locals, pt.custs)
	}
}

// Tied customers whose sums have different exponents give the same
// normalised cut whichever supplies it.
func TestMonetaryCutsNormalised(t *testing.T) {
	c := NewCollection(Options{})
	for _, b := range []Columns{
		{CustomerIDs: []string{"a", "b"}, At: []int64{asOf.UnixNano(), asOf.UnixNano()}, Amounts: []int64{1000, 2000}, Exp: -2},
		{CustomerIDs: []string{"c", "d"}, At: []int64{asOf.UnixNano(), asOf.UnixNano()}, Amounts: []int64{10, 20}},
	} {
		if err := c.AddColumns(b); err != nil {
			t.Fatal(err)
		}
	}
	s, err := c.Score(asOf, Config{Bins: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.MonetaryCutsAmount) != 1 || s.MonetaryCutsAmount[0].String() != "20" || s.MonetaryCutsAmount[0].Exponent() != 1 {
		t.Errorf("cuts %v (exponent %d)", s.MonetaryCutsAmount, s.MonetaryCutsAmount[0].Exponent())
	}
}

// The ids are copied: the collection does not keep the caller's buffer.
func TestAddColumnsCopiesIDs(t *testing.T) {
	all := strings.Clone("ann-long-idbob")
	ids := []string{all[:11], all[11:]}
	c := NewCollection(Options{})
	if err := c.AddColumns(Columns{CustomerIDs: ids, At: []int64{1, 2}, Amounts: []int64{3, 4}}); err != nil {
		t.Fatal(err)
	}
	lo := uintptr(unsafe.Pointer(unsafe.StringData(all)))
	for _, e := range c.entries {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(e.id))); p >= lo && p < lo+uintptr(len(all)) {
			t.Fatalf("id %q shares the batch's buffer", e.id)
		}
	}
	if u, ok := c.Get("ann-long-id"); !ok || u.Frequency() != 1 {
		t.Error("ann missing")
	}
}

// FuzzAddColumns compares AddColumns with AddAll on arbitrary rows: the
// same error at the same row or the same customers, and an unchanged
// collection after an error.
func FuzzAddColumns(f *testing.F) {
	f.Add([]byte("a\x01b\x02a\x03"), int64(0), int64(150), int8(-2), true, uint8(0))
	f.Add([]byte("long-customer-id\x00x"), int64(-1e18), int64(math.MaxInt64), int8(3), false, uint8(3))
	f.Add([]byte{0, 0, 0}, int64(math.MinInt64), int64(-5), int8(0), true, uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, at, amount int64, exp int8, refunds bool, tu uint8) {
		if len(data) > 2000 {
			return
		}
		// Ids are runs of data split at 0xff; times and amounts step from
		// the seeds.
		var b Columns
		b.Exp = int32(exp) % 80
		for i, id := range bytes.Split(data, []byte{0xff}) {
			b.CustomerIDs = append(b.CustomerIDs, string(id))
			b.At = append(b.At, at+int64(i)*int64(len(id))*1e12)
			b.Amounts = append(b.Amounts, amount/int64(len(id)+1)-int64(i))
		}
		withTuning(tunings[int(tu)%len(tunings)], func() {
			o := Options{Refunds: refunds}
			c, want := NewCollection(o), NewCollection(o)
			seed := randomColumns(rand.New(rand.NewPCG(uint64(len(data)), 1)), 30, 10, refunds)
			_ = c.AddColumns(seed)
			_ = want.AddColumns(seed)
			before, _ := c.MarshalBinary()
			err := c.AddColumns(b)
			badExp := b.Exp < minExp || b.Exp > maxExp
			var werr error
			if badExp {
				werr = ErrAmount
			} else {
				werr = want.AddAll(slices.Values(b.transactions()))
			}
			if (err == nil) != (werr == nil) {
				t.Fatalf("AddColumns %v, AddAll %v", err, werr)
			}
			if err != nil {
				if after, _ := c.MarshalBinary(); !bytes.Equal(after, before) {
					t.Fatal("rejected batch changed the collection")
				}
				if badExp && !errors.Is(err, ErrAmount) || !badExp && err.Error() != strings.Replace(werr.Error(), "transaction", "row", 1) {
					t.Fatalf("AddColumns %v, AddAll %v", err, werr)
				}
				return
			}
			sameCustomers(t, c, want)
		})
	})
}

// Score gives the same result on one goroutine or several, including
// the customer ErrTime names.
func TestScoreParallel(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 20))
	c := NewCollection(Options{Refunds: true})
	if err := c.AddColumns(randomColumns(r, 5000, 3000, true)); err != nil {
		t.Fatal(err)
	}
	run := func(procs, per int, as time.Time) string {
		old := parallelScore
		defer func() { parallelScore = old }()
		parallelScore = per
		var out string
		withProcs(procs, func() {
			s, err := c.Score(as, Config{Bins: 7})
			if err != nil {
				out = err.Error()
				return
			}
			out = fmt.Sprint(s, scoresOf(s), exponents(s.MonetaryCutsAmount))
		})
		return out
	}
	for _, as := range []time.Time{time.Unix(0, maxNanos).UTC(), asOf} {
		want := run(1, 1<<30, as)
		for _, procs := range []int{2, 3} {
			if got := run(procs, 16, as); got != want {
				t.Fatalf("%d goroutines: %.200s, want %.200s", procs, got, want)
			}
		}
		if as.Equal(asOf) && !strings.Contains(want, ErrTime.Error()) {
			t.Fatalf("no future purchase: %.100s", want)
		}
	}
	// Future purchases first and last in the collection's order: the
	// smallest id is named.
	txs := []Transaction{{"z-future", asOf.AddDate(0, 0, 1), dec("1")}}
	for i := range 5000 {
		txs = append(txs, Transaction{fmt.Sprint("m", i), asOf, dec("1")})
	}
	c = mustCollect(t, append(txs, Transaction{"a-future", asOf.AddDate(0, 0, 2), dec("1")}), Options{})
	for _, procs := range []int{1, 3} {
		if got := run(procs, 16, asOf); !strings.HasPrefix(got, ErrTime.Error()+`: customer "a-future": `) {
			t.Errorf("%d goroutines: %s", procs, got)
		}
	}
}

// A batch rejected for a bad row does not read the previous call's rows
// left in the pooled scratch memory (a lane that stops at a bad row
// leaves its buffers as the last call filled them).
func TestAddColumnsStaleScratch(t *testing.T) {
	withTuning(tuning{"four partitions", 1 << 30, 100, 4, 8}, func() {
		withProcs(2, func() {
			rows := func(n int, id string) Columns {
				b := Columns{CustomerIDs: make([]string, n), At: make([]int64, n), Amounts: make([]int64, n)}
				for i := range b.CustomerIDs {
					b.CustomerIDs[i] = id
				}
				return b
			}
			// Every row in one partition: most of them overflow its buffers.
			var c Collection
			if err := c.AddColumns(rows(400, "big")); err != nil {
				t.Fatal(err)
			}
			before, _ := c.MarshalBinary()
			// One purchase of big (fine), a bad row for the second lane.
			b := rows(1000, "other")
			b.CustomerIDs[273] = "big"
			b.CustomerIDs[900] = ""
			if err := c.AddColumns(b); err == nil || !strings.HasPrefix(err.Error(), "segment: row 900: ") {
				t.Fatalf("error %v, want row 900", err)
			}
			if after, _ := c.MarshalBinary(); !bytes.Equal(after, before) {
				t.Fatal("rejected batch changed the collection")
			}
			if u, _ := c.Get("big"); u.Frequency() != 400 {
				t.Fatalf("big has %d purchases, want 400", u.Frequency())
			}
		})
	})
}
