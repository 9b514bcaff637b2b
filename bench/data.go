package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// seed fixes the generated data; change it and every digest changes.
const seed = 20261123

// asOf is the as-of instant for recency, in Unix seconds (2026-01-01 UTC).
const asOf = 1767225600

// data is the generated input of one run: files every implementation reads.
type data struct {
	dir   string
	sizes sizes
}

func (d *data) path(name string) string { return filepath.Join(d.dir, name) }

// Files: scores.u8 holds one NPS score (0–10) per byte; transactions.csv
// holds customer_id,at,amount_cents rows (at in Unix seconds before asOf).
var files = []string{"scores.u8", "transactions.csv"}

// prepare generates the data in dir unless a manifest with matching sizes
// and checksums is already there.
func prepare(dir string, sz sizes) (*data, error) {
	d := &data{dir: dir, sizes: sz}
	want := d.manifestHeader()
	if m, err := os.ReadFile(d.path("MANIFEST")); err == nil && strings.HasPrefix(string(m), want) {
		if err := d.verify(string(m)); err == nil {
			return d, nil
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "generating data in %s …\n", dir)
	if err := d.generate(); err != nil {
		return nil, err
	}
	manifest := want
	for _, f := range files {
		sum, err := checksum(d.path(f))
		if err != nil {
			return nil, err
		}
		manifest += f + " " + sum + "\n"
	}
	return d, os.WriteFile(d.path("MANIFEST"), []byte(manifest), 0o644)
}

func (d *data) manifestHeader() string {
	return fmt.Sprintf("seed %d scores %d transactions %d customers %d\n", seed, d.sizes.Scores, d.sizes.Transactions, d.sizes.Customers)
}

// verify checks the files against the manifest's checksums.
func (d *data) verify(manifest string) error {
	for _, line := range strings.Split(strings.TrimSpace(manifest), "\n")[1:] {
		name, sum, _ := strings.Cut(line, " ")
		got, err := checksum(d.path(name))
		if err != nil || got != sum {
			return fmt.Errorf("%s: checksum mismatch", name)
		}
	}
	return nil
}

func checksum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (d *data) generate() error {
	rng := rand.New(rand.NewPCG(seed, 1))
	// Scores with a realistic skew towards the top of the scale.
	weights := []float64{0.03, 0.02, 0.02, 0.03, 0.04, 0.06, 0.08, 0.12, 0.18, 0.20, 0.22}
	scores := make([]byte, d.sizes.Scores)
	for i := range scores {
		u := rng.Float64()
		s := 10
		for v, w := range weights {
			if u -= w; u < 0 {
				s = v
				break
			}
		}
		scores[i] = byte(s)
	}
	if err := os.WriteFile(d.path("scores.u8"), scores, 0o644); err != nil {
		return err
	}

	f, err := os.Create(d.path("transactions.csv"))
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("customer_id,at,amount_cents\n")
	const twoYears = 2 * 365 * 24 * 3600
	var line []byte
	for range d.sizes.Transactions {
		// Customer activity is skewed: a Pareto-like pick of the customer.
		c := int(float64(d.sizes.Customers) * rng.Float64() * rng.Float64())
		at := asOf - 1 - rng.Int64N(twoYears)
		cents := int64(500 + rng.ExpFloat64()*6000)
		line = append(line[:0], 'C')
		line = append(line, fmt.Sprintf("%07d", c)...)
		line = append(line, ',')
		line = strconv.AppendInt(line, at, 10)
		line = append(line, ',')
		line = strconv.AppendInt(line, cents, 10)
		line = append(line, '\n')
		w.Write(line)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
