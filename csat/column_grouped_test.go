package csat

import (
	"testing"

	"github.com/rapportkit/rapport/internal/laws"
)

func TestTallyColumns(t *testing.T) {
	laws.CheckColumns(t, laws.Columns[Tally]{Lo: 1, Hi: 5,
		Tally:    func(g []uint32, s []uint8, n int) ([]Tally, error) { return TallyColumns(g, s, FivePoint, n) },
		Fresh:    func() *Tally { return NewTally(FivePoint) },
		Add:      (*Tally).Add,
		ErrScore: ErrScoreOutOfRange, ErrColumns: ErrColumns})
}
