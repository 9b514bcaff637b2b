package main

import (
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/rapportkit/rapport/nps"
)

// loadResponses reads the scores and their days (untimed) as the
// []nps.Response a user holds: one answer per element, At on its day.
func loadResponses(d *data) ([]byte, []uint16, error) {
	scores, err := readFile(d.path("scores.u8"))
	if err != nil {
		return nil, nil, err
	}
	raw, err := readFile(d.path("days.u16"))
	if err != nil {
		return nil, nil, err
	}
	if len(raw) != 2*len(scores) {
		return nil, nil, fmt.Errorf("days.u16: %d bytes for %d scores", len(raw), len(scores))
	}
	days := make([]uint16, len(scores))
	for i := range days {
		days[i] = binary.LittleEndian.Uint16(raw[2*i:])
	}
	return scores, days, nil
}

// groupedDigest hashes "day:c0,…,c10" lines in day order, the days with
// at least one answer.
func groupedDigest(counts map[int64][11]uint64) string {
	var b strings.Builder
	for _, day := range slices.Sorted(maps.Keys(counts)) {
		c := counts[day]
		fmt.Fprintf(&b, "%d:", day)
		for s, v := range c {
			if s > 0 {
				b.WriteByte(',')
			}
			fmt.Fprint(&b, v)
		}
		b.WriteByte('\n')
	}
	return digestOf(b.String())
}

// groupedOurs tallies the responses per day of answer with nps.TallyBy,
// the key the day number of At (a period, the common key).
func groupedOurs(d *data, reps int) (result, error) {
	scores, days, err := loadResponses(d)
	if err != nil {
		return result{}, err
	}
	responses := make([]nps.Response, len(scores))
	for i := range responses {
		responses[i] = nps.Response{Score: int(scores[i]), At: time.Unix(asOf-int64(responseDays-int(days[i]))*86400, 0).UTC()}
	}
	first := int64(asOf/86400 - responseDays)
	return timeIt("nps-grouped", reps, func() (map[int64]*nps.Tally, error) {
		return nps.TallyBy(slices.Values(responses), nps.Standard, func(r nps.Response) int64 { return r.At.Unix()/86400 - first })
	}, func(m map[int64]*nps.Tally) string {
		counts := map[int64][11]uint64{}
		for day, t := range m {
			var c [11]uint64
			for s := range c {
				c[s] = t.Count(s)
			}
			counts[day] = c
		}
		return groupedDigest(counts)
	})
}

// groupedColumns tallies the same answers held as two columns, as a user
// holding an Arrow, Parquet or column-read CSV table does: the day of each
// answer numbered 0..999 (a dictionary-encoded column) and the scores,
// through nps.TallyColumns. Loading the columns is untimed, as for the
// peers' arrays.
func groupedColumns(d *data, reps int) (result, error) {
	scores, days, err := loadResponses(d)
	if err != nil {
		return result{}, err
	}
	groups := make([]uint32, len(days))
	for i, g := range days {
		groups[i] = uint32(g)
	}
	return timeIt("nps-grouped", reps, func() ([]nps.Tally, error) {
		return nps.TallyColumns(groups, scores, nps.Standard, responseDays)
	}, func(ts []nps.Tally) string {
		counts := map[int64][11]uint64{}
		for day := range ts {
			if ts[day].N() == 0 {
				continue
			}
			var c [11]uint64
			for s := range c {
				c[s] = ts[day].Count(s)
			}
			counts[int64(day)] = c
		}
		return groupedDigest(counts)
	})
}

// groupedHistogram is the physical reference: a plain (group, score)
// histogram over the two columns, with the range check.
func groupedHistogram(d *data, reps int) (result, error) {
	scores, days, err := loadResponses(d)
	if err != nil {
		return result{}, err
	}
	return timeIt("nps-grouped", reps, func() ([][11]uint64, error) {
		h := make([][11]uint64, responseDays)
		for i, s := range scores {
			g := days[i]
			if s > 10 || int(g) >= len(h) {
				return nil, fmt.Errorf("response %d out of range", i)
			}
			h[g][s]++
		}
		return h, nil
	}, func(h [][11]uint64) string {
		counts := map[int64][11]uint64{}
		for day, c := range h {
			if c != [11]uint64{} {
				counts[int64(day)] = c
			}
		}
		return groupedDigest(counts)
	})
}
