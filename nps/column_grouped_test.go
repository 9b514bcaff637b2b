package nps

import (
	"testing"

	"github.com/rapportkit/rapport/internal/laws"
)

func TestTallyColumns(t *testing.T) {
	laws.CheckColumns(t, laws.Columns[Tally]{Lo: 0, Hi: 10,
		Tally:    func(g []uint32, s []uint8, n int) ([]Tally, error) { return TallyColumns(g, s, Standard, n) },
		Fresh:    func() *Tally { return NewTally(Standard) },
		Add:      (*Tally).Add,
		ErrScore: ErrScoreOutOfRange, ErrColumns: ErrColumns})
}
