//go:build unix

package plan

import (
	"syscall"
	"time"
)

// cpuTime returns the process's user and system time, which the other
// processes of a shared machine do not inflate as they do wall time.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
