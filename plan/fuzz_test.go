package plan

import (
	"encoding/binary"
	"math"
	"testing"
	"time"

	"github.com/rapportkit/rapport/forecast"
	"github.com/rapportkit/rapport/operations"
)

// FuzzNew plans fuzzed intervals (contacts, AHT, patience, concurrency,
// targets): New never panics, and a plan it makes has ⌈fractional⌉ =
// agents, positions covering the agents, metrics meeting the targets, and
// finite figures everywhere.
func FuzzNew(f *testing.F) {
	f.Add([]byte{100, 0, 180, 0, 0, 0, 0, 80, 20, 0, 85, 30})
	f.Add([]byte{1, 0, 44, 1, 60, 0, 2, 0, 0, 5, 0, 0})
	f.Add([]byte{255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 12 {
			return
		}
		contacts := float64(binary.LittleEndian.Uint16(data)) / 4
		aht := time.Duration(binary.LittleEndian.Uint16(data[2:])) * time.Second
		patience := time.Duration(binary.LittleEndian.Uint16(data[4:])) * time.Second
		conc := float64(data[6] % 4)
		tg := operations.Targets{
			ServiceLevel: float64(data[7]%100) / 100, Within: time.Duration(data[8]) * time.Second,
			ASA: time.Duration(data[9]) * time.Second, Abandonment: float64(data[10]%100) / 100,
			Shrinkage: float64(data[11]%100) / 100,
		}
		if len(data) > 12 {
			tg.Occupancy = float64(data[12]%101) / 100
		}
		a := aht.Seconds()
		fc := forecast.Forecast{Location: time.UTC, Interval: 30 * time.Minute,
			Demand: []forecast.Demand{{Start: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Contacts: contacts, AHTSeconds: &a}}}
		p, err := New(fc, Staffing{Targets: tg, Patience: patience, Concurrency: conc})
		if err != nil {
			return
		}
		iv := p.Intervals[0]
		if contacts == 0 {
			if iv.Agents != 0 || iv.ServiceLevelPct != nil {
				t.Fatalf("no contacts: %+v", iv)
			}
			return
		}
		if int(math.Ceil(iv.AgentsFractional)) != iv.Agents {
			t.Fatalf("⌈%v⌉ ≠ %d agents (%+v, %+v)", iv.AgentsFractional, iv.Agents, tg, iv)
		}
		if iv.AgentsFractional > float64(iv.Agents) || iv.AgentsFractional <= float64(iv.Agents-1) {
			t.Fatalf("fractional %v outside (%d, %d]", iv.AgentsFractional, iv.Agents-1, iv.Agents)
		}
		if pct := int64(data[11] % 100); int64(iv.Positions)*(100-pct) < int64(iv.Agents)*100 { // exactly
			t.Fatalf("%d positions at %v shrinkage for %d agents", iv.Positions, tg.Shrinkage, iv.Agents)
		}
		if tg.ServiceLevel > 0 && *iv.ServiceLevelPct < 100*tg.ServiceLevel-1e-9 {
			t.Fatalf("SL %v%% below the target %v", *iv.ServiceLevelPct, tg.ServiceLevel)
		}
		for _, v := range []float64{iv.TrafficErlangs, iv.AgentsFractional, iv.PositionsFractional, *iv.ServiceLevelPct, *iv.ASASeconds, *iv.AbandonmentPct, *iv.OccupancyPct} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("non-finite figure in %+v", iv)
			}
		}
	})
}
