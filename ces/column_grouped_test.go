package ces

import (
	"testing"

	"github.com/rapportkit/rapport/internal/laws"
)

func TestTallyColumns(t *testing.T) {
	laws.CheckColumns(t, laws.Columns[Tally]{Lo: 1, Hi: 7,
		Tally:    func(g []uint32, s []uint8, n int) ([]Tally, error) { return TallyColumns(g, s, SevenPointEase, n) },
		Fresh:    func() *Tally { return NewTally(SevenPointEase) },
		Add:      (*Tally).Add,
		ErrScore: ErrScoreOutOfRange, ErrColumns: ErrColumns})
}
