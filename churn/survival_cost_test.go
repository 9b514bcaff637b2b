package churn

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

var piecesSink uint64

// piecesCustomers returns 1M customers shaped as the bench's km task has
// them: ids "U%08d" allocated in order, three years of starts.
func piecesCustomers() []Customer {
	cs := survivalCustomers(rand.New(rand.NewPCG(18, 6)), 1_000_000, 3*365*24*time.Hour, 1)
	for i := range cs {
		cs[i].ID = fmt.Sprintf("U%08d", i)
		cs[i].Segment = ""
	}
	return cs
}

// BenchmarkPieces is what SurvivalOf costs, piece by piece: streaming the
// customers alone, then with span, with the counting of lifetimes, with
// the storing of ids (and the hasher), all of it; and the hasher's and
// the final check's work alone.
func BenchmarkPieces(b *testing.B) {
	cs := piecesCustomers()
	a := survivalAsOf.UnixNano()
	b.Run("stream", func(b *testing.B) {
		for b.Loop() {
			var s uint64
			for c := range slices.Values(cs) {
				s += uint64(c.Start.Unix()) + uint64(c.End.Unix()) + uint64(len(c.ID))
			}
			piecesSink += s
		}
	})
	b.Run("span", func(b *testing.B) {
		for b.Loop() {
			var s uint64
			for c := range slices.Values(cs) {
				start, end, ended, ok := c.span()
				l, has := lifetimeOf(start, end, ended, a)
				if ok && has {
					s += uint64(l.Duration)
				}
			}
			piecesSink += s
		}
	})
	b.Run("span+lifetimes", func(b *testing.B) {
		for b.Loop() {
			g := newLifetimes(24 * time.Hour)
			for c := range slices.Values(cs) {
				start, end, ended, _ := c.span()
				if l, has := lifetimeOf(start, end, ended, a); has {
					_ = g.add(l)
				}
			}
		}
	})
	b.Run("span+lifetimes+add", func(b *testing.B) {
		for b.Loop() {
			g := newLifetimes(24 * time.Hour)
			ids := newIDCheck()
			for c := range slices.Values(cs) {
				start, end, ended, _ := c.span()
				if l, has := lifetimeOf(start, end, ended, a); has {
					_ = g.add(l)
				}
				ids.add(c.ID)
			}
			ids.stop()
		}
	})
	b.Run("all", func(b *testing.B) {
		for b.Loop() {
			_, _ = SurvivalOf(slices.Values(cs), survivalAsOf, 24*time.Hour)
		}
	})
	b.Run("hash", func(b *testing.B) {
		ids := newIDCheck()
		for _, c := range cs {
			ids.add(c.ID)
		}
		ids.stop()
		b.ResetTimer()
		for b.Loop() {
			var buf [idBlock]uint64
			for k := range ids.blocks {
				ids.hashes(ids.block(k), buf[:])
			}
		}
	})
	b.Run("hash+partition", func(b *testing.B) {
		ids := newIDCheck()
		for _, c := range cs {
			ids.add(c.ID)
		}
		ids.stop()
		b.ResetTimer()
		for b.Loop() {
			ids.parts = newParts(partBits)
			for k := range ids.blocks {
				ids.partition(ids.block(k))
			}
		}
	})
	b.Run("meetings", func(b *testing.B) {
		ids := newIDCheck()
		for _, c := range cs {
			ids.add(c.ID)
		}
		ids.stop()
		ids.parts = newParts(partBits)
		for k := range ids.blocks {
			ids.partition(ids.block(k))
		}
		parts := ids.parts.all()
		b.ResetTimer()
		for b.Loop() {
			meetings(parts, nil)
		}
	})
}

// BenchmarkPiecesStore separates the cost of storing the ids from that
// of the blocks and of the hasher.
func BenchmarkPiecesStore(b *testing.B) {
	cs := piecesCustomers()
	a := survivalAsOf.UnixNano()
	store := make([]string, len(cs))
	b.Run("span+lifetimes+store", func(b *testing.B) {
		for b.Loop() {
			g := newLifetimes(24 * time.Hour)
			i := 0
			for c := range slices.Values(cs) {
				start, end, ended, _ := c.span()
				if l, has := lifetimeOf(start, end, ended, a); has {
					_ = g.add(l)
				}
				store[i] = c.ID
				i++
			}
		}
	})
	b.Run("span+lifetimes+add-nohasher", func(b *testing.B) {
		for b.Loop() {
			g := newLifetimes(24 * time.Hour)
			ids := newIDCheck()
			ids.full = make(chan []*[idBlock]string, 1<<20)
			for c := range slices.Values(cs) {
				start, end, ended, _ := c.span()
				if l, has := lifetimeOf(start, end, ended, a); has {
					_ = g.add(l)
				}
				ids.add(c.ID)
			}
		}
	})
}
