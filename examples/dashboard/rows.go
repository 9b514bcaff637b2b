package main

import (
	"io"
	"strings"

	"github.com/rapportkit/rapport/tidy"
)

// writeTidy writes the Results behind the dashboard as tidy rows: per
// month for all channels, and per channel for the fourth quarter.
func writeTidy(w io.Writer, f figures, path string) error {
	type key struct {
		Period  string
		Channel string
	}
	opt := tidy.Options{}
	if strings.HasSuffix(path, ".jsonl") {
		opt.Format = tidy.JSONLines
	}
	tw, err := tidy.NewWriter[key](w, opt)
	if err != nil {
		return err
	}
	for _, m := range f.months {
		k := key{Period: m.label, Channel: "all"}
		for _, r := range []struct {
			name   string
			result any
		}{{"contacts", m.contacts}, {"nps", m.nps}, {"csat", m.csat}, {"ces", m.ces}, {"churn", m.churn}} {
			if r.name == "churn" {
				k.Period = "" // the flow carries its own period
			}
			if err := tw.Write(k, r.name, r.result); err != nil {
				return err
			}
		}
	}
	for _, g := range f.channels {
		k := key{Period: "2025-Q4", Channel: g.label}
		for _, r := range []struct {
			name   string
			result any
		}{{"contacts", g.contacts}, {"nps", g.nps}, {"csat", g.csat}, {"ces", g.ces}} {
			if err := tw.Write(k, r.name, r.result); err != nil {
				return err
			}
		}
	}
	return tw.Flush()
}
