//go:build !unix

package ner

import "time"

// cpuTime is not measured off unix; the benchmarks then report wall-clock rates only.
func cpuTime() time.Duration { return 0 }
