// Package money is the exact decimal sum behind every amount of rapport:
// segment's net amounts (Customer, Collection.AddColumns), churn's
// recurring revenue (Ledger) and operations' contact costs (Tally).
//
// A Sum holds Σ cᵢ·10^eᵢ exactly as coef·10^exp with
//
//	exp  = min(0, e₁, e₂, …)              every term counts, zeros included
//	coef = Σ cᵢ·10^(eᵢ − exp)             a signed integer, no rounding ever
//
// so that the representation, not only the value, is the same whatever
// the order of the terms or of the merges: sums built in parallel encode
// to the same bytes. The coefficient lives in two machine words (signed
// 128 bits, ±1.7·10³⁸) and is added without allocating; a sum that leaves
// that range moves to big.Int arithmetic, still exact, and back to 128
// bits when it returns. A column of amounts at one exponent adds in a
// branch-free loop (AddColumn).
//
// The binary form (AppendBinary, ReadBinary) is the exponent as a varint
// and the coefficient's magnitude in big-endian bytes after its length; a
// negative coefficient's bytes start with a zero byte, which a magnitude
// never starts with. For a non-negative sum this is the layout operations'
// Tally has always used for its cost.
package money
