// Package tidy writes rapport Results as tidy rows — one row per KPI ×
// dimension × period — to CSV or JSON Lines, for BI tools (Metabase,
// Superset, Power BI, a spreadsheet) and for anything else that reads a
// table.
//
//	w, err := tidy.NewWriter[Key](os.Stdout, tidy.Options{})   // Key: struct{ Period period.Month; Channel string }
//	err = tidy.WriteBy(w, "nps", byKey, func(t *nps.Tally) (nps.Result, error) {
//		return t.Result(0.95, nps.AdjustedWald)
//	})
//	err = w.Flush()
//
// The package knows no Result type: it reads a Result through its JSON,
// whose keys say the unit of every figure (see the module's root
// documentation), so every Result of every rapport package — and any
// value of the same shape — is written by the same path, and a figure
// whose unit its key does not say is refused (ErrUnit), never written as
// a bare number.
//
// # Columns
//
// A file has one value column and says the unit of each row in a unit
// column, so that a BI tool sees one numeric measure and filters or
// groups by kpi and unit. The columns, always in this order:
//
//	period   text     the period of the row: the key's period field, the
//	                  Result's own period (a churn flow's) or that of the
//	                  array element it is in (see Arrays), written
//	                  2025-03-14, 2025-W11, 2025-03, 2025-Q1, 2025, or
//	                  from--to in RFC 3339 for any other span
//	<key>    text     one column per field of the caller's key struct, in
//	                  field order (channel, agent_id…): see Keys
//	result   text     the name given to Write: nps, csat, contacts, churn
//	kpi      text     the figure's key without its unit suffix, prefixed
//	                  by the keys of the objects it is in: score,
//	                  promoters, retention.net_retention, steps.survival
//	item     text     which element of an array the figure is in (see
//	                  Arrays); empty outside arrays
//	unit     text     pct, points, score, seconds, days, periods, erlangs,
//	                  amount, ratio, count (the key's suffix); count also
//	                  for an integer under a key without a suffix; number
//	                  (a test statistic or a fit's diagnostic: z, t, df,
//	                  p_value, adjusted_p_value, log_likelihood,
//	                  gradient), parameter, bool
//	value    decimal  the figure; empty (null) when it is undefined
//	lo, hi   decimal  the bounds of the figure's interval, when the Result
//	                  has one next to it (<figure>_interval_<unit>);
//	                  empty when it has none or a bound is undefined
//	level    decimal  the interval's confidence level as a fraction, 0.95
//	method   text     the interval's method: wilson, adjusted-wald, log-log
//	n        integer  the n of the object the figure is in, or of the
//	                  nearest one around it; empty when there is none
//
// An empty cell in CSV is null in JSON Lines, and means "undefined" in
// the value column and "absent" elsewhere. kpi + "_" + unit is the
// Result's key for the suffixed units, kpi alone for the others. The
// header of a file of NPS by channel and month, and two of its rows:
//
//	period,channel,result,kpi,item,unit,value,lo,hi,level,method,n
//	2025-03,email,nps,score,,points,31.25,22.1,39.8,0.95,adjusted-wald,412
//	2025-03,email,nps,promoters,,count,180,,,,,412
//
// and the same rows in JSON Lines:
//
//	{"period":"2025-03","channel":"email","result":"nps","kpi":"score","item":null,"unit":"points","value":31.25,"lo":22.1,"hi":39.8,"level":0.95,"method":"adjusted-wald","n":412}
//	{"period":"2025-03","channel":"email","result":"nps","kpi":"promoters","item":null,"unit":"count","value":180,"lo":null,"hi":null,"level":null,"method":null,"n":412}
//
// # Values
//
// A value is written as the Result wrote it: the shortest decimal that
// reads back as the float64 (as encoding/json writes it, with an
// exponent only below 10⁻⁶ or from 10²¹: 1e-07), an integer for a
// count, and an amount as its exact decimal (money is never a float:
// 1234567890.123456789 stays so), in JSON Lines as a number literal. A
// reader that parses numbers into float64 rounds amounts past 15
// significant digits; read the value as text (Python's json with
// parse_float=decimal.Decimal, a DECIMAL column) to keep them exact. A
// yes/no figure (significant, hole) is 1 or 0, so that its average over
// groups is a share. n and the counts are integers.
//
// # Texts
//
// Texts — key values, labels, result names — are written as they are,
// invalid UTF-8 replaced by U+FFFD: CSV quotes what needs quoting
// (RFC 4180), JSON Lines escapes it, so every text reads back whole
// (a CR LF inside a quoted CSV cell reads back as LF with most CSV
// readers, Go's among them). A text that starts with =, +, − or @ is a
// formula to a spreadsheet that opens a CSV file directly: import the
// file as text columns, as BI tools do, rather than opening it.
//
// # What is a row
//
// Every number, null and yes/no of the Result is a row, with these
// exceptions: n fills the n column; an interval fills the interval
// columns of its figure; the key period (an object {from, to}, a text or
// an integer) is a period or a label (see Arrays), never a figure; a
// period object under another key is a description. Texts are labels (a customer id, a reason)
// or descriptions (an interval method, an as-of date) and are not rows,
// except under an _amount key. A number under a parameter key (scale,
// alpha, beta, params, and Options.Parameters) is a parameter row.
//
// Refused, with ErrUnit: a number that is not an integer, or a null,
// under a key without a unit suffix that is neither a statistic nor a
// parameter; a text under a unit other than amount; an amount that is
// not a decimal within rapport's bounds. Refused with ErrResult: an
// interval without its figure, an interval with keys other than lo, hi,
// level and method, a Result that is not an object or an array of
// objects.
//
// # Arrays
//
// Arrays (the steps of a survival curve, the cohorts of a cohort table,
// the movements of a ledger, a ranking of customers) have their
// elements told apart by their period and the item column. An object
// element's period (a period object or a text under the key period)
// becomes the period of its rows when they have none yet — the months of
// a ledger's movements, the acquisition months of a cohort table — and is
// a label otherwise. Its labels are its other texts (customer_id,
// reason), an integer period (of a model: an sBG's), and other period
// objects, in order, joined by commas; an element with neither a period
// nor a label is labelled by its position 0, 1, 2…, and so is every
// number of an array. Nested arrays join the labels of each level with a
// slash: the share of the 2025-01 cohort still active three months on
// has period 2025-01, kpi cohorts.retained, item 3, unit pct; the
// measure of a reason of a customer's risk has item c42/complaints.
// Within a label, %, /, , and # are percent-encoded (%25, %2F, %2C,
// %23), so an item splits back into its labels; the second, third…
// elements of one array with the same period and label get #2, #3…
// after their label.
//
// # Keys
//
// The key of a group is the map key of a By function. A struct key
// writes one column per exported field, named by its tidy tag, else its
// json tag, else the field name in snake case (AgentID is agent_id); a
// field tagged `tidy:"-"` is left out, and the field named (or tagged)
// period fills the period column (when its text is empty, the Result's
// own period does, if it has one; a Result's period that is not the
// key's non-empty one is refused with ErrPeriod). Any other key is one column named
// Options.Key ("key" by default; "period" for a period key). A column
// holds a string, a bool, an integer, a time.Time (a date at midnight,
// else RFC 3339), a period (a struct with From and To times, as
// churn.Period), the text of a type with MarshalText (the period keys:
// 2025-03, 2025-W11…), or the String of a type that has one. struct{}
// writes no key column.
//
// # Bounds
//
// A Writer holds the rows of one Result at a time, and buffers 64 KiB
// of output: its memory does not grow with the number of rows written.
// A Result is nested at most MaxDepth levels deep; a key has at most
// MaxKeyColumns columns.
package tidy
