// Package rapportbeam runs rapport's mergeable accumulators as Apache Beam
// combiners, so that NPS tallies and RFM customer aggregates can be
// computed over data spread across many workers.
//
// Each combiner's accumulator is the rapport accumulator itself: Beam adds
// inputs to per-worker accumulators, ships them between workers and merges
// them. Accumulators therefore need coders, and this package registers
// explicit ones built on the accumulators' binary encodings. Relying on
// Beam's defaults is unsafe: Beam infers a schema from exported struct
// fields, and a decimal.Decimal (whose fields are unexported) arrives as 0
// without any error. TestDefaultCoderLosesDecimals shows it.
//
// Bad input is never lost silently: records that fail validation go to a
// separate "rejected" PCollection with the reason.
//
// The tests run every pipeline in process on Beam's prism runner.
package rapportbeam
