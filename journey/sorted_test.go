package journey

import (
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// requireOracle checks that Linker.Tally gives the oracle's tally, byte
// for byte, or its error, word for word, and leaves the steps as they
// were.
func requireOracle(t *testing.T, l Linker, steps []Step) {
	t.Helper()
	want, wantErr := oracle(l).Tally(steps)
	orig := append([]Step(nil), steps...)
	got, err := l.Tally(steps)
	require.Equal(t, orig, steps, "Linker.Tally moved steps")
	if wantErr != nil {
		require.Error(t, err)
		require.Equal(t, wantErr.Error(), err.Error())
		return
	}
	require.NoError(t, err)
	wb, err := want.MarshalBinary()
	require.NoError(t, err)
	gb, err := got.MarshalBinary()
	require.NoError(t, err)
	require.Equal(t, wb, gb)
}

// oracleSteps draws steps for the comparison with the oracle: random
// requests, sometimes a case with two customers, a journey past MaxSpan,
// steps alone, simultaneous arrivals, an arrival centuries away.
func oracleSteps(r *rand.Rand) []Step {
	steps := randomSteps(r, 1+r.IntN(60), 1+r.IntN(30))
	for i := range steps {
		s := &steps[i]
		switch r.IntN(40) {
		case 0:
			s.Contact.CustomerID = ""
		case 1:
			s.Contact.CustomerID, s.Case = "", ""
		case 2:
			s.Case = "K0-0" // a case that may hold two customers
		case 3:
			s.Contact.Arrived = steps[r.IntN(len(steps))].Contact.Arrived // a tie
			s.Contact.Answered = s.Contact.Arrived
		case 4:
			s.Contact.Arrived = s.Contact.Arrived.Add(time.Duration(r.IntN(1000)) * time.Nanosecond)
			s.Contact.Answered = s.Contact.Arrived
		}
	}
	if r.IntN(10) == 0 { // arrivals too far apart for the records
		s := &steps[r.IntN(len(steps))]
		s.Contact.Arrived = s.Contact.Arrived.AddDate(300*(1-2*r.IntN(2)), 0, 0)
		s.Contact.Answered = s.Contact.Arrived
	}
	return steps
}

func oracleLinker(r *rand.Rand) Linker {
	l := Linker{Window: time.Duration(r.IntN(5)) * 12 * time.Hour, ByReason: r.IntN(2) == 0}
	if r.IntN(3) == 0 {
		l.MaxSpan = time.Duration(1+r.IntN(200)) * time.Hour
	}
	return l
}

// TestTallyOracle compares Linker.Tally with the oracle on random steps:
// valid or not, with errors of cases and spans, with and without hash
// collisions (a hash of few bits).
func TestTallyOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 2000 {
		requireOracle(t, oracleLinker(r), oracleSteps(r))
	}
	for _, bitsKept := range []uint{1, 3, 8} {
		groupHash = func(h uint64, s string) uint64 { return hash(h, s) >> (64 - bitsKept) << (64 - bitsKept) }
		for range 300 {
			requireOracle(t, oracleLinker(r), oracleSteps(r))
		}
	}
	groupHash = hash
}

// TestTallyOracleLarge compares them on steps enough for the counting
// sorts and the cores, on one core and several.
func TestTallyOracleLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("100k steps")
	}
	for _, n := range []int{tallyParallelFrom - 1, 100_000} {
		customers := customerIDs(n / 5)
		steps := make([]Step, n)
		fill(steps, customers)
		for _, procs := range []int{1, 2, 3} {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			requireOracle(t, Linker{Window: 48 * time.Hour, ByReason: true}, steps)
			requireOracle(t, Linker{Window: 24 * time.Hour, MaxSpan: 10 * 24 * time.Hour}, steps) // ErrSpan
			requireOracle(t, Linker{}, steps)
		}
		// An invalid step, a case of two customers, late in the input.
		bad := append([]Step(nil), steps...)
		bad[n-3].Tier = -1
		requireOracle(t, Linker{Window: 48 * time.Hour}, bad)
		bad = append([]Step(nil), steps...)
		bad[n-2].Case, bad[n-1].Case = "both", "both"
		bad[n-1].Contact.CustomerID = "other"
		requireOracle(t, Linker{Window: 48 * time.Hour}, bad)
	}
}

// FuzzTallyOracle compares Linker.Tally with the oracle on fuzzed steps.
func FuzzTallyOracle(f *testing.F) {
	f.Add([]byte{1, 1, 6, 1, 0, 0, 2, 4, 1, 1, 0x11, 1, 2, 4, 1, 0x41, 0x21, 30}, int64(48), false)
	f.Add([]byte{2, 0, 1, 1, 1, 1}, int64(0), true)
	f.Fuzz(func(t *testing.T, data []byte, hours int64, collide bool) {
		steps := stepsFromBytes(data)
		l := Linker{Window: time.Duration(hours%1000) * time.Hour, ByReason: hours&1 == 0, MaxSpan: time.Duration(hours%5000) * time.Hour}
		if collide {
			groupHash = func(h uint64, s string) uint64 { return hash(h, s) >> 62 << 62 }
			defer func() { groupHash = hash }()
		}
		requireOracle(t, l, steps)
	})
}
