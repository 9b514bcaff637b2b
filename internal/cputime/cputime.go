//go:build unix

// Package cputime reads the CPU time of the process for the benchmarks: on
// a shared machine the wall time of a benchmark depends on the neighbours,
// its CPU time much less.
package cputime

import (
	"syscall"
	"time"
)

// Now returns the user and system CPU time the process has used so far,
// or 0 if it cannot be read.
func Now() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
