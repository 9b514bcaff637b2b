// Package rapportbeam runs every rapport accumulator as an Apache Beam
// combiner, so that NPS tallies, contact-centre tallies, churn flows,
// revenue ledgers, RFM collections and the rest are computed over data
// spread across many workers, with the result a single process gets.
//
// # One combiner over the contract
//
// All rapport accumulators share one method set (see the rapport package
// documentation), so one generic combiner serves them all:
//
//	accumulated, rejected := rapportbeam.Combine(s, csat.NewTally(csat.SevenPoint), scores)
//	tallies, rejected := rapportbeam.CombinePerKey(s, nps.NewTally(nps.Standard), keyedScores)
//
// Combine turns a PCollection<X> into a PCollection<*A> of one
// accumulator; CombinePerKey turns a PCollection<KV<K, X>> into a
// PCollection<KV<K, *A>>. The accumulator passed in is the empty one to
// start from: it carries the parameters (a scale, a period, a calendar, a
// time zone) to every worker in its binary encoding; nil starts from the
// zero value. Beam adds inputs to per-worker accumulators, ships them
// between workers and merges them in whatever order; since Merge is Add in
// bulk and encodings are canonical, the result is the single-process one
// to the byte, which the tests check for every accumulator on the prism
// runner.
//
// The package registers every accumulator of rapport in its init
// function, one line each: nps.Tally, nps.Weighted, csat.Tally,
// ces.Tally, rate.Tally, operations.Tally, churn.Flow, churn.Survival,
// churn.Ledger, segment.Customer, segment.Collection, clv.History,
// forecast.History, ticket.Tally, journey.Tally and agent.Tally. For an
// accumulator of your own that keeps the contract, call Register[A, X]
// in an init function.
//
// NPSByKey and RFM are two complete examples built on them.
//
// # Coders
//
// Accumulators and items cross workers, so they need coders, and Register
// installs explicit ones: an accumulator travels in its canonical binary
// encoding (a deterministic coder), a struct item (a response, a contact,
// a transaction) with encoding/gob, exactly (a decimal keeps its
// exponent, a time its zone offset), and a decoder refuses an item of
// more than MaxRecord bytes before decoding it. Relying
// on Beam's defaults is unsafe: Beam infers a schema from exported struct
// fields, and a decimal.Decimal (whose fields are unexported) arrives as 0
// without any error. TestDefaultCoderLosesDecimals shows it.
//
// Beam names a coder function after its symbol, which is the same for
// every instantiation of a generic function, so Register names each coder
// after its type, as Beam's own batch package does for its generic
// coders. This uses the registration functions of Beam's core packages
// (runtime.RegisterFunctionWithName,
// coder.RegisterDeterministicCoderWithFuncs), available from Beam 2.77.
//
// # Bad input
//
// Bad input is never lost silently: an item that the empty accumulator
// rejects goes to a separate "rejected" PCollection<string> with the
// reason (prefixed with the key for CombinePerKey). An error that depends
// on what an accumulator already holds, such as a count past 2⁶⁴−1 or
// transactions of two customers in one segment.Customer, fails the
// pipeline with the error.
//
// The tests run every pipeline in process on Beam's prism runner.
package rapportbeam
