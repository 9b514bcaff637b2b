// Command dashboard renders the sample dashboard of the rapport
// packages dashboard and tidy: a year of a simulated contact centre and
// its customers, computed with rate, churn and adjust, drawn as one
// offline HTML file, and optionally written as tidy rows for a BI tool.
//
//	go run ./examples/dashboard -o dashboard.html -tidy rows.csv
//
// The browser test (examples/dashboard/browser) renders this page in
// headless Chromium, and its script screenshot.sh makes the README's
// picture.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("o", "dashboard.html", "the HTML file to write, - for standard output")
	rows := flag.String("tidy", "", "also write the Results as tidy rows to this CSV file (.jsonl: JSON Lines)")
	seed := flag.Uint64("seed", 1, "the simulation's seed")
	flag.Parse()
	if err := run(*out, *rows, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "dashboard:", err)
		os.Exit(1)
	}
}

func run(out, rows string, seed uint64) error {
	f, err := compute(simulate(seed))
	if err != nil {
		return err
	}
	d, err := build(f)
	if err != nil {
		return err
	}
	var page bytes.Buffer
	if err := d.Render(&page); err != nil {
		return err
	}
	if err := write(out, page.Bytes()); err != nil {
		return err
	}
	if rows == "" {
		return nil
	}
	var buf bytes.Buffer
	if err := writeTidy(&buf, f, rows); err != nil {
		return err
	}
	return write(rows, buf.Bytes())
}

func write(path string, data []byte) error {
	if path == "-" {
		_, err := os.Stdout.Write(data)
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
