//go:build !unix

package journey

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
