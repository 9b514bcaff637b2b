package forecast

import (
	"fmt"
	"time"
)

// AHTPrior is the weight, in contacts, that a slot's AHT forecast gives
// to its weekday's AHT: a slot with few handled contacts leans on the
// weekday, one with many on its own history.
const AHTPrior = 10

// profile is what a fit learns of the days: for each weekday, the share
// of the day's contacts in each time-of-day slot, the AHT of each slot,
// and the mean daily volume.
type profile struct {
	share [7][]float64 // nil for a weekday without contacts: closed
	aht   [7][]float64 // seconds; nil without handle times
	mean  [7]float64   // mean daily contacts, for WeekdayMean
}

// usable reports whether day i may teach the profile: not excluded and
// not a holiday.
type usable func(i int) bool

// learnProfile learns the profile of the days from the last `weeks`
// weeks of them, falling back to all days for a weekday without a usable
// day in the window. Days whose clock changes are left out of the shares
// and AHTs (their slots are not one interval each) but count in the mean.
func learnProfile(s Series, days []day, per int, weeks int, ok usable) (profile, error) {
	var p profile
	from := max(0, len(days)-7*weeks)
	handles := s.Handled != nil
	var handled, handle [7][]float64 // per weekday and slot
	for w := range 7 {
		wd := time.Weekday(w)
		found := false
		for _, lo := range []int{from, 0} {
			share := make([]float64, per)
			if handles {
				handled[w], handle[w] = make([]float64, per), make([]float64, per)
			}
			total, sum, n := 0.0, 0.0, 0
			for i := lo; i < len(days); i++ {
				d := &days[i]
				if d.date.Weekday() != wd || !ok(i) {
					continue
				}
				n++
				for k := range d.n {
					sum += s.Contacts[d.first+k]
				}
				if !d.standard() {
					continue
				}
				for k := range d.n {
					x := s.Contacts[d.first+k]
					share[k] += x
					total += x
					if handles {
						handled[w][k] += s.Handled[d.first+k]
						handle[w][k] += s.Handle[d.first+k].Seconds()
					}
				}
			}
			if n == 0 {
				continue // no usable day in the window; try all days
			}
			found = true
			p.mean[w] = sum / float64(n)
			if total > 0 {
				for k := range share {
					share[k] /= total
				}
				p.share[w] = share
			}
			break
		}
		if !found {
			return profile{}, fmt.Errorf("%w: no usable %v in the history (all excluded or holidays)", ErrShort, wd)
		}
	}
	if !handles {
		return p, nil
	}
	// A weekday without handled contacts takes the AHT of all weekdays.
	var all []float64
	for w := range 7 {
		if p.aht[w] = slotAHT(handled[w], handle[w]); p.aht[w] != nil {
			continue
		}
		if all == nil {
			sumN, sumH := make([]float64, per), make([]float64, per)
			for v := range 7 {
				for k := range per {
					sumN[k] += handled[v][k]
					sumH[k] += handle[v][k]
				}
			}
			all = slotAHT(sumN, sumH)
		}
		p.aht[w] = all
	}
	return p, nil
}

// slotAHT returns each slot's AHT in seconds, shrunk towards the
// weekday's: (Σ handle + k·AHT_day)/(Σ handled + k) with k = AHTPrior;
// nil if no contact was handled.
func slotAHT(handled, handle []float64) []float64 {
	n, h := 0.0, 0.0
	for k := range handled {
		n += handled[k]
		h += handle[k]
	}
	if !(n > 0) {
		return nil
	}
	day := h / n
	out := make([]float64, len(handled))
	for k := range out {
		out[k] = (handle[k] + AHTPrior*day) / (handled[k] + AHTPrior)
	}
	return out
}
