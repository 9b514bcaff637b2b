//go:build unix

package journey

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time (user and system) the process has used,
// the figure to read on a shared machine, where wall time depends on the
// other jobs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
