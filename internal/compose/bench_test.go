package compose_test

import (
	"context"
	"sync"
	"testing"

	"github.com/dossier-news/dossier/internal/compose"
)

// TestBuildConcurrent composes the demo stories from several goroutines at
// once (run with -race): Build shares only read-only tables.
func TestBuildConcurrent(t *testing.T) {
	inputs := demoInputs(t)
	var wg sync.WaitGroup
	for range 4 {
		for _, in := range inputs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := compose.Build(context.Background(), in); err != nil {
					t.Error(err)
				}
			}()
		}
	}
	wg.Wait()
}

// BenchmarkBuild composes every demo story (articles already analysed).
func BenchmarkBuild(b *testing.B) {
	inputs := demoInputs(b)
	ctx := context.Background()
	for b.Loop() {
		for _, in := range inputs {
			if _, err := compose.Build(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	}
}
