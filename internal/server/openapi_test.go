package server

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestOpenAPIGolden pins the served description: a change to the API shows
// up as a diff of testdata/openapi.golden.json for a reviewer to read.
func TestOpenAPIGolden(t *testing.T) {
	f := newFixture(t, "")
	w := f.do(t, "GET", "/api/v1/openapi.json", nil)
	if w.Code != 200 {
		t.Fatalf("openapi.json: %d", w.Code)
	}
	golden := filepath.Join("testdata", "openapi.golden.json")
	if *update {
		if err := os.WriteFile(golden, w.Body.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(string(want), w.Body.String()); d != "" {
		t.Errorf("openapi.json differs from %s (-want +got; go test -run OpenAPIGolden -update rewrites it):\n%s", golden, d)
	}
}

type spec struct {
	Paths map[string]map[string]struct {
		Parameters []struct {
			Name, In string
			Required bool
		} `json:"parameters"`
		Responses map[string]any `json:"responses"`
	} `json:"paths"`
}

// TestOpenAPIMatchesHandlers calls every documented operation on the real
// handlers (over a store holding the example corpus) and checks that the
// request reaches the documented route and answers a documented status;
// and that every API route the server registers is documented.
func TestOpenAPIMatchesHandlers(t *testing.T) {
	f := newFixture(t, "")
	f.ingestDemo(t)
	seedEntities(t, f)
	var sp spec
	if err := json.Unmarshal(f.do(t, "GET", "/api/v1/openapi.json", nil).Body.Bytes(), &sp); err != nil {
		t.Fatal(err)
	}
	sample := map[string]string{"id": "1", "key": "per:ada vance"}
	query := map[string]string{"q": "talks", "limit": "2", "story": "1", "entity": "per:ada vance", "from": "2026-01-01", "to": "2027-01-01"}
	var documented []string
	for path, ops := range sp.Paths {
		for method, op := range ops {
			method = strings.ToUpper(method)
			documented = append(documented, method+" "+path)
			target := path
			var qs []string
			for _, p := range op.Parameters {
				switch p.In {
				case "path":
					target = strings.ReplaceAll(target, "{"+p.Name+"}", strings.ReplaceAll(sample[p.Name], " ", "%20"))
				case "query":
					if v, ok := query[p.Name]; ok && (p.Required || p.Name == "limit") {
						qs = append(qs, p.Name+"="+strings.ReplaceAll(v, " ", "%20"))
					}
				}
			}
			if len(qs) > 0 {
				target += "?" + strings.Join(qs, "&")
			}
			var body *bytes.Buffer = &bytes.Buffer{}
			var hdr []string
			if method == "POST" {
				hdr = []string{"Content-Type", "application/json"}
				if strings.HasSuffix(path, "/feeds") {
					body.WriteString(`{"url": "https://example.org/feed.xml"}`)
				} else {
					body.WriteString(`{"title": "A test", "source": "T", "text": "A test\n\nThe talks opened on Monday in Doha."}`)
				}
			}
			req, _ := http.NewRequest(method, target, body)
			_, pattern := f.srv.mux.Handler(req)
			if pattern != method+" "+path {
				t.Errorf("%s %s: routed to %q", method, target, pattern)
				continue
			}
			w := f.do(t, method, target, body, hdr...)
			if _, ok := op.Responses[itoa(int64(w.Code))]; !ok {
				t.Errorf("%s %s: status %d is not documented: %s", method, target, w.Code, w.Body.String()[:min(200, w.Body.Len())])
			}
			if ct := w.Header().Get("Content-Type"); !strings.Contains(ct, "json") && !strings.HasSuffix(path, "/raw") {
				t.Errorf("%s %s: content type %q", method, target, ct)
			}
		}
	}
	var registered []string
	for _, p := range f.srv.routes {
		if strings.Contains(p, " /api/v1/") {
			registered = append(registered, p)
		}
	}
	sort.Strings(documented)
	sort.Strings(registered)
	if !slices.Equal(documented, registered) {
		t.Errorf("documented and registered API routes differ:\n%s", cmp.Diff(documented, registered))
	}
}
