package main

import (
	"fmt"
	"math"
	"runtime/debug"
	"strconv"
	"strings"
)

// CollectorConfig sets serve's garbage collector. A GraphQL answer is built from
// thousands of short-lived values (a field context, a path and a marshaller for every
// field), so the collector's CPU is a large part of each request's cost at Go's
// defaults, while the server's live heap is small: serve collects less often
// (GOGC 300) under a soft memory limit that keeps its memory bounded. The variables
// are Go's own, so an operator sets them as for any Go program.
type CollectorConfig struct {
	GCPercent   string `name:"gogc" env:"GOGC" default:"300" help:"Heap growth between collections, in percent of the live heap (Go's GOGC: 100 is Go's default, higher spends memory to save CPU, 'off' collects only at GOMEMLIMIT)."`
	MemoryLimit string `name:"gomemlimit" env:"GOMEMLIMIT" default:"auto" help:"Soft memory limit of the Go runtime (Go's GOMEMLIMIT: a number of bytes with B, KiB, MiB or GiB, or 'off'); near it the collector runs as often as it must. 'auto': 64MiB, plus CACHE_MAX_BYTES when the response cache is on."`
}

// workingMemory is the part of the automatic memory limit that is not the response
// cache: the benchmark's mix peaks at about 90 MiB of RSS with Go's defaults, most of it
// garbage, so the live heap has room below it at every scale measured.
const workingMemory = 64 << 20

// apply sets the collector; cacheBytes is what the response cache may keep (0 when it
// is off), live memory that the automatic limit must leave room for. Go's runtime read
// the same variables at start, so this only changes anything where serve's defaults
// stand in for unset ones.
func (c CollectorConfig) apply(cacheBytes int64) error {
	percent, err := parseGCPercent(c.GCPercent)
	if err != nil {
		return err
	}
	limit := workingMemory + cacheBytes
	if c.MemoryLimit != "auto" {
		if limit, err = parseMemoryLimit(c.MemoryLimit); err != nil {
			return err
		}
	}
	debug.SetGCPercent(percent)
	debug.SetMemoryLimit(limit)
	return nil
}

// parseGCPercent reads a percentage in the form Go's GOGC takes ('off' is -1).
func parseGCPercent(s string) (int, error) {
	if s = strings.TrimSpace(s); s == "off" {
		return -1, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("GOGC %q: want a percentage of 0 or more, or 'off'", s)
	}
	return n, nil
}

// parseMemoryLimit reads a limit in the form Go's GOMEMLIMIT takes.
func parseMemoryLimit(s string) (int64, error) {
	given := s
	s = strings.TrimSpace(s)
	if s == "off" {
		return math.MaxInt64, nil
	}
	units := []struct {
		suffix string
		size   int64
	}{{"TiB", 1 << 40}, {"GiB", 1 << 30}, {"MiB", 1 << 20}, {"KiB", 1 << 10}, {"B", 1}}
	size := int64(1)
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, size = strings.TrimSuffix(s, u.suffix), u.size
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/size {
		return 0, fmt.Errorf("GOMEMLIMIT %q: want a number of bytes with an optional B, KiB, MiB, GiB or TiB, or 'off'", given)
	}
	return n * size, nil
}
