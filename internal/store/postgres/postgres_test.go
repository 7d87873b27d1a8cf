package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/dossier-news/dossier/internal/store"
	"github.com/dossier-news/dossier/internal/store/postgres"
	"github.com/dossier-news/dossier/internal/store/postgres/pgtest"
	"github.com/dossier-news/dossier/internal/store/storetest"
)

// srv is the one server the package's tests share (each test gets its own
// database); nil when PostgreSQL is not installed.
var srv *pgtest.Server

func TestMain(m *testing.M) {
	var err error
	srv, err = pgtest.StartServer()
	if err != nil && !errors.Is(err, pgtest.ErrNoBinaries) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	if srv != nil {
		srv.Stop()
	}
	os.Exit(code)
}

func server(t testing.TB) *pgtest.Server {
	if srv == nil {
		t.Skip("PostgreSQL server binaries not found (apt-get install -y postgresql, or set DOSSIER_PG_BIN)")
	}
	return srv
}

func TestConformance(t *testing.T) {
	srv := server(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := postgres.Open(context.Background(), srv.NewDatabase(t))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestConcurrentOpenMigratesOnce starts several stores against one new
// database at once, as workers do: the advisory lock lets one migrate.
func TestConcurrentOpenMigratesOnce(t *testing.T) {
	srv := server(t)
	url := srv.NewDatabase(t)
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			s, err := postgres.Open(context.Background(), url)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

func TestReopenKeepsSchemaAndData(t *testing.T) {
	ctx := context.Background()
	url := server(t).NewDatabase(t)
	s, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	a := storetest.Article("kept across reopen")
	if _, err := s.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = postgres.Open(ctx, url)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if _, err := s.Article(ctx, a.ID); err != nil {
		t.Fatalf("after reopen: %v", err)
	}
}

func TestNULInTextKeepsOffsets(t *testing.T) {
	ctx := context.Background()
	s, err := postgres.Open(ctx, server(t).NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a := storetest.Article("a\x00b")
	if _, err := s.PutArticle(ctx, a); err != nil {
		t.Fatalf("NUL byte: %v", err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Text) != len(a.Text) || string(got.Raw) != string(a.Raw) {
		t.Errorf("text %q raw %q", got.Text, got.Raw)
	}
}
