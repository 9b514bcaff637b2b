package tidy

import (
	"reflect"
	"slices"
)

// WriteBy writes the Result of every group of a By function's map
// (nps.TallyBy, churn.FlowBy…), in the order of their keys: view
// returns the Result of one group, as in
//
//	tidy.WriteBy(w, "nps", byMonth, func(t *nps.Tally) (nps.Result, error) {
//		return t.Result(0.95, nps.AdjustedWald)
//	})
//
// Keys are ordered column by column, in the order of the columns:
// integer keys (period.Month, period.Week and the other period keys
// among them) by value, so chronologically; times and periods by their
// instants; types with a Compare method by it; strings and anything
// else by their text. It stops at the first error of view or Write.
func WriteBy[K comparable, V, R any](w *Writer[K], result string, groups map[K]V, view func(V) (R, error)) error {
	keys := make([]K, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, w.compare)
	for _, k := range keys {
		r, err := view(groups[k])
		if err != nil {
			return err
		}
		if err := w.Write(k, result, r); err != nil {
			return err
		}
	}
	return nil
}

// compare orders two keys by the period column, then the key's columns.
func (w *Writer[K]) compare(a, b K) int {
	va, vb := reflect.ValueOf(&a).Elem(), reflect.ValueOf(&b).Elem()
	if p := w.schema.period; p != nil {
		if c := p.compare(field(va, p.index), field(vb, p.index)); c != 0 {
			return c
		}
	}
	for _, col := range w.schema.cols {
		if c := col.compare(field(va, col.index), field(vb, col.index)); c != 0 {
			return c
		}
	}
	return 0
}
