package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"

	"github.com/rapportkit/rapport/clv"
)

// The BG/NBD tasks' customers: d.sizes.Customers draws of the model with
// the CDNOW parameters (weeks; Fader, Hardie & Lee 2005), first purchases
// over the first 12 weeks, observed to week 78, purchases on calendar
// days. bgnbd.csv holds x, t_x and T in whole days; every implementation
// divides by 7.
const (
	bgnbdFile                          = "bgnbd.csv"
	bgnbdR, bgnbdAlpha, bgnbdA, bgnbdB = 0.243, 4.414, 0.793, 2.426
	bgnbdHorizon                       = 39.0 // weeks, for the predictions
)

func bgnbdHeader(n int) string {
	return fmt.Sprintf("x,tx_days,T_days,seed=%d,customers=%d", seed, n)
}

// bgnbdSummaries reads bgnbd.csv, writing it first unless it is there
// with this seed and size.
func (d *data) bgnbdSummaries() ([]clv.Summary, error) {
	n := d.sizes.Customers
	path := d.path(bgnbdFile)
	if f, err := os.Open(path); err == nil {
		first, _ := bufio.NewReader(f).ReadString('\n')
		f.Close()
		if first != bgnbdHeader(n)+"\n" {
			err = os.ErrNotExist
		}
		if err != nil {
			if err := writeBGNBD(path, n); err != nil {
				return nil, err
			}
		}
	} else if err := writeBGNBD(path, n); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.FieldsPerRecord = -1
	if _, err := r.Read(); err != nil {
		return nil, err
	}
	out := make([]clv.Summary, 0, n)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		x, _ := strconv.Atoi(rec[0])
		tx, _ := strconv.Atoi(rec[1])
		T, _ := strconv.Atoi(rec[2])
		out = append(out, clv.Summary{X: x, Tx: float64(tx) / 7, T: float64(T) / 7})
	}
	return out, nil
}

func writeBGNBD(path string, n int) error {
	fmt.Fprintf(os.Stderr, "generating %s …\n", path)
	rng := rand.New(rand.NewPCG(seed, 2))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fmt.Fprintln(w, bgnbdHeader(n))
	for range n {
		lambda := gammaDraw(rng, bgnbdR) / bgnbdAlpha / 7 // per day
		ga, gb := gammaDraw(rng, bgnbdA), gammaDraw(rng, bgnbdB)
		p := ga / (ga + gb)
		first, end := rng.IntN(84), 546
		last, x := first, 0
		t := float64(first)
		for lambda > 0 {
			t += rng.ExpFloat64() / lambda
			day := int(t)
			if day > end {
				break
			}
			if day > last {
				last, x = day, x+1
			}
			if rng.Float64() < p {
				break
			}
		}
		fmt.Fprintf(w, "%d,%d,%d\n", x, last-first, end-first)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// gammaDraw draws from Gamma(shape, 1) (Marsaglia & Tsang 2000).
func gammaDraw(r *rand.Rand, shape float64) float64 {
	if shape < 1 {
		return gammaDraw(r, shape+1) * math.Pow(r.Float64(), 1/shape)
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		if math.Log(r.Float64()) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v
		}
	}
}

// bgnbdFitOurs fits the model with clv.FitBGNBD (grouping the identical
// summaries included); the digest is the four parameters to 3 significant
// digits.
func bgnbdFitOurs(d *data, reps int) (result, error) {
	s, err := d.bgnbdSummaries()
	if err != nil {
		return result{}, err
	}
	return timeIt("bgnbd-fit", reps, func() (clv.BGNBD, error) {
		m, _, err := clv.FitBGNBD(slices.Values(s))
		return m, err
	}, func(m clv.BGNBD) string {
		return digestOf(fmt.Sprintf("%.3g,%.3g,%.3g,%.3g", m.R(), m.Alpha(), m.A(), m.B()))
	})
}

// bgnbdPredictOurs computes P(alive) and the expected purchases in the
// next 39 weeks of every customer with clv.Predict at the CDNOW
// parameters; the digest is their sums to 6 significant digits.
func bgnbdPredictOurs(d *data, reps int) (result, error) {
	s, err := d.bgnbdSummaries()
	if err != nil {
		return result{}, err
	}
	m, err := clv.NewBGNBD(bgnbdR, bgnbdAlpha, bgnbdA, bgnbdB)
	if err != nil {
		return result{}, err
	}
	return timeIt("bgnbd-predict", reps, func() ([]clv.Prediction, error) {
		return clv.Predict(slices.Values(s), m, bgnbdHorizon)
	}, func(ps []clv.Prediction) string {
		var alive, expected float64
		for _, p := range ps {
			alive += p.PAlivePct / 100
			expected += p.ExpectedPurchases
		}
		return digestOf(fmt.Sprintf("%.6g,%.6g", alive, expected))
	})
}
