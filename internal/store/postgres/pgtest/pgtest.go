// Package pgtest starts a throw-away PostgreSQL server for tests: Debian's
// binaries (initdb, pg_ctl) in a temporary data directory on a free loopback
// port, with the unix socket inside that directory, stopped when the test
// ends. Tests skip, saying why, when the binaries are not installed
// (apt-get install -y postgresql).
package pgtest

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// Server is a running PostgreSQL server owned by one test (or test binary).
type Server struct {
	Dir  string // temporary directory: data/, the socket and the log
	Port int
	bin  string
	run  func(args ...string) *exec.Cmd
	seq  int
}

// BinDir finds the PostgreSQL server binaries: $DOSSIER_PG_BIN, else the
// newest /usr/lib/postgresql/*/bin holding initdb. "" when there are none.
func BinDir() string {
	if d := os.Getenv("DOSSIER_PG_BIN"); d != "" {
		return d
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	sort.Slice(dirs, func(i, j int) bool { return version(dirs[i]) > version(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "initdb")); err == nil {
			return d
		}
	}
	return ""
}

func version(binDir string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	return n
}

// Start starts a server for the test and stops it (removing its data) in
// the test's cleanup. It skips the test when PostgreSQL is not installed.
func Start(tb testing.TB) *Server {
	tb.Helper()
	s, err := StartServer()
	if err != nil {
		if errors.Is(err, ErrNoBinaries) {
			tb.Skip("PostgreSQL server binaries not found (apt-get install -y postgresql, or set DOSSIER_PG_BIN)")
		}
		tb.Fatal(err)
	}
	tb.Cleanup(s.Stop)
	return s
}

// ErrNoBinaries says that PostgreSQL is not installed.
var ErrNoBinaries = errors.New("pgtest: no PostgreSQL server binaries")

// StartServer starts a server outside a test (a TestMain, a benchmark
// command); the caller calls Stop.
func StartServer() (*Server, error) {
	bin := BinDir()
	if bin == "" {
		return nil, ErrNoBinaries
	}
	dir, err := os.MkdirTemp("", "dossier-pg-")
	if err != nil {
		return nil, err
	}
	s := &Server{Dir: dir, bin: bin}
	s.run = func(args ...string) *exec.Cmd { return exec.Command(args[0], args[1:]...) }
	if os.Geteuid() == 0 {
		// initdb refuses to run as root: run the server as the postgres user.
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("pgtest: running as root needs a postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("pgtest: %w", err)
		}
		s.run = func(args ...string) *exec.Cmd {
			return exec.Command("runuser", append([]string{"-u", "postgres", "--"}, args...)...)
		}
	}
	if s.Port, err = freePort(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	data := filepath.Join(dir, "data")
	if out, err := s.run(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
		"-E", "UTF8", "--locale=C", "--no-sync").CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pgtest: initdb: %w\n%s", err, out)
	}
	// Durability is not what tests measure: fsync off keeps them fast.
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
		s.Port, dir)
	if out, err := s.run(filepath.Join(bin, "pg_ctl"), "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"),
		"-w", "-t", "60", "start").CombinedOutput(); err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("pgtest: pg_ctl start: %w\n%s\n%s", err, out, log)
	}
	return s, nil
}

// Stop stops the server at once and removes its directory.
func (s *Server) Stop() {
	s.run(filepath.Join(s.bin, "pg_ctl"), "-D", filepath.Join(s.Dir, "data"), "-m", "immediate", "-w", "stop").Run()
	os.RemoveAll(s.Dir)
}

// URL is the connection URL of database db.
func (s *Server) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.Port, db)
}

// NewDatabase creates an empty database and returns its URL.
func (s *Server) NewDatabase(tb testing.TB) string {
	tb.Helper()
	u, err := s.CreateDatabase()
	if err != nil {
		tb.Fatal(err)
	}
	return u
}

// CreateDatabase creates an empty database and returns its URL. Not safe
// for concurrent use.
func (s *Server) CreateDatabase() (string, error) {
	s.seq++
	name := fmt.Sprintf("t%d", s.seq)
	cmd := s.run(filepath.Join(s.bin, "createdb"), "-h", s.Dir, "-p", strconv.Itoa(s.Port), "-U", "postgres", name)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("pgtest: creating database %s: %v %s", name, err, strings.TrimSpace(string(out)))
	}
	return s.URL(name), nil
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("pgtest: finding a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
