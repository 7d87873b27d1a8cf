package storyeval

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/story"
)

// BenchResult is one run of the story benchmark.
type BenchResult struct {
	N            int
	AddTime      time.Duration // time spent in Clusterer.Add (dedupe + clustering)
	Wall         time.Duration // including generating the articles
	PerSecond    float64       // N / AddTime
	AddCPU       time.Duration // process CPU time (user+system) during Add
	PerCPUSecond float64       // N / AddCPU: articles per second of one core
	PeakHeap     uint64        // highest HeapInuse sampled (bytes)
	PeakRSS      uint64        // the process's peak resident set so far (VmHWM; 0 when unknown)
	Stories      int
	GoldStories  int
	Active       int // stories in the candidate index at the end
	BCubed       PRF
	Duplicates   int // articles marked duplicate
	DuplicateRef int // generated near-copies
}

// RunBench streams n generated articles through a fresh clusterer on the
// calling goroutine (one core) and measures it. progress, when not nil, is
// called every 100,000 articles.
func RunBench(origs []ReutersDoc, n int, opt story.Options, progress func(done int)) BenchResult {
	runtime.GC()
	g := NewStoryStream(origs, 1000, 5, 1)
	c := story.NewClusterer(opt)
	pred := make([]int32, n)
	gold := make([]int32, n)
	res := BenchResult{N: n}
	var ms runtime.MemStats
	start := time.Now()
	const chunk = 5000
	batch := make([]SynthArticle, 0, chunk)
	for i := 0; i < n; {
		// Generate a chunk, then time only the clusterer on it: wall time
		// for Add, and process CPU time (which also counts the GC work Add
		// causes) so the figure holds on a machine shared with other jobs.
		batch = batch[:0]
		for len(batch) < chunk && i+len(batch) < n {
			batch = append(batch, g.Next())
		}
		cpu0 := cpuTime()
		t0 := time.Now()
		for k, a := range batch {
			as := c.Add(story.Features{ArticleID: a.ID, Title: a.Title, Text: a.Text, Published: a.Published, Source: a.Source})
			pred[i+k], gold[i+k] = int32(as.StoryID), int32(a.Story)
			if as.Duplicate {
				res.Duplicates++
			}
			if a.Original != a.ID {
				res.DuplicateRef++
			}
		}
		res.AddTime += time.Since(t0)
		res.AddCPU += cpuTime() - cpu0
		i += len(batch)
		if i%10_000 == 0 || i == n {
			runtime.ReadMemStats(&ms)
			res.PeakHeap = max(res.PeakHeap, ms.HeapInuse)
		}
		if progress != nil && i%100_000 == 0 {
			progress(i)
		}
	}
	res.Wall = time.Since(start)
	runtime.ReadMemStats(&ms)
	res.PeakHeap = max(res.PeakHeap, ms.HeapInuse)
	res.PeakRSS = peakRSS()
	res.PerSecond = float64(n) / res.AddTime.Seconds()
	if res.AddCPU > 0 {
		res.PerCPUSecond = float64(n) / res.AddCPU.Seconds()
	}
	res.Active = c.Active()
	ps := make([]string, n)
	gs := make([]string, n)
	for i := range n {
		ps[i] = strconv.Itoa(int(c.Resolve(int64(pred[i]))))
		gs[i] = strconv.Itoa(int(gold[i]))
	}
	res.BCubed = BCubed(ps, gs)
	res.Stories, res.GoldStories = Clusters(ps), Clusters(gs)
	return res
}

// cpuTime is the process's user+system CPU time, from /proc/self/stat
// (Linux; 0 elsewhere, and the CPU figures are then omitted).
func cpuTime() time.Duration {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	s := string(b)
	// fields after the parenthesised command name; utime and stime are the
	// 14th and 15th fields of the line, in clock ticks (100 a second on Linux).
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+1:]
	}
	f := strings.Fields(s)
	if len(f) < 13 {
		return 0
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return time.Duration(ut+st) * 10 * time.Millisecond
}

// peakRSS reads VmHWM from /proc/self/status (Linux); 0 elsewhere.
func peakRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb uint64
			if _, err := fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb); err == nil {
				return kb * 1024
			}
		}
	}
	return 0
}
