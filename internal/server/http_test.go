package server

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"testing"
)

func TestTokenRequired(t *testing.T) {
	f := newFixture(t, "s3cret")
	cases := []struct {
		name, path, auth string
		want             int
	}{
		{"health needs no token", "/healthz", "", 200},
		{"api without token", "/api/v1/stats", "", 401},
		{"api wrong token", "/api/v1/stats", "Bearer nope", 401},
		{"api right token", "/api/v1/stats", "Bearer s3cret", 200},
		{"ui without token", "/", "", 401},
		{"metrics without token", "/metrics", "", 401},
		{"ui with token", "/", "Bearer s3cret", 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var hdr []string
			if tc.auth != "" {
				hdr = []string{"Authorization", tc.auth}
			}
			w := f.do(t, "GET", tc.path, nil, hdr...)
			if w.Code != tc.want {
				t.Errorf("status %d, want %d", w.Code, tc.want)
			}
		})
	}
	w := f.do(t, "GET", "/api/v1/stats", nil, "Cookie", "dossier_token=s3cret")
	if w.Code != 200 {
		t.Errorf("cookie token: %d", w.Code)
	}
	// a browser is sent to the sign-in form, which sets the cookie
	if w := f.do(t, "GET", "/", nil, "Accept", "text/html"); w.Code != 303 || w.Header().Get("Location") != "/login" {
		t.Errorf("browser without token: %d %v", w.Code, w.Header())
	}
	if w := f.do(t, "POST", "/login", strings.NewReader("token=nope"), "Content-Type", "application/x-www-form-urlencoded"); w.Code != 401 {
		t.Errorf("wrong token at sign-in: %d", w.Code)
	}
	w = f.do(t, "POST", "/login", strings.NewReader("token=s3cret"), "Content-Type", "application/x-www-form-urlencoded")
	c := w.Result().Cookies()
	if w.Code != 303 || len(c) != 1 || c[0].Value != "s3cret" || !c[0].HttpOnly || c[0].SameSite != http.SameSiteStrictMode {
		t.Errorf("sign-in: %d %+v", w.Code, c)
	}
}

func TestErrorObjects(t *testing.T) {
	f := newFixture(t, "")
	cases := []struct {
		method, path, body string
		status             int
		code               string
	}{
		{"GET", "/api/v1/articles/999", "", 404, "not_found"},
		{"GET", "/api/v1/articles/abc", "", 400, "bad_request"},
		{"GET", "/api/v1/articles?limit=-1", "", 400, "bad_request"},
		{"GET", "/api/v1/articles?cursor=!!", "", 400, "bad_request"},
		{"GET", "/api/v1/articles?from=yesterday", "", 400, "bad_request"},
		{"GET", "/api/v1/search", "", 400, "bad_request"},
		{"GET", "/api/v1/stories/5", "", 404, "not_found"},
		{"GET", "/api/v1/nothing", "", 404, "no_route"},
		{"POST", "/api/v1/articles", "[]", 400, "bad_request"},
		{"POST", "/api/v1/articles", "{not json", 400, "bad_request"},
		{"POST", "/api/v1/feeds", `{"url": "ftp://x"}`, 400, "bad_request"},
	}
	for _, tc := range cases {
		w := f.do(t, tc.method, tc.path, strings.NewReader(tc.body), "Content-Type", "application/json")
		e := decode[apiError](t, w)
		if w.Code != tc.status || e.Error.Code != tc.code || e.Error.Message == "" || e.Error.ID == "" || e.Error.ID != w.Header().Get("X-Request-Id") {
			t.Errorf("%s %s: %d %+v", tc.method, tc.path, w.Code, e)
		}
	}
}

func TestIngestPerItemErrors(t *testing.T) {
	f := newFixture(t, "")
	body := `{"articles": [{"title": "Talks open", "text": "Talks open\n\nTalks opened in Doha on Monday."}, {"title": "empty", "text": "   "}]}`
	rep := decode[ingestReport](t, f.do(t, "POST", "/api/v1/articles", strings.NewReader(body), "Content-Type", "application/json"))
	if rep.New != 1 || rep.Failed != 1 || len(rep.Results) != 2 || rep.Results[1].Error == "" || rep.Results[1].Outcome != "failed" {
		t.Errorf("report: %+v", rep)
	}
}

func TestMetricsExposition(t *testing.T) {
	f := newFixture(t, "")
	f.do(t, "POST", "/api/v1/articles", strings.NewReader(`{"title": "A", "text": "A\n\nTalks opened in Doha on Monday."}`), "Content-Type", "application/json")
	f.do(t, "GET", "/api/v1/articles/1", nil)
	w := f.do(t, "GET", "/metrics", nil)
	body := w.Body.String()
	for _, want := range []string{
		"# TYPE dossier_articles gauge\ndossier_articles 1\n",
		`dossier_ingest_items_total{outcome="new"} 1`,
		`dossier_http_request_duration_seconds_bucket{route="GET /api/v1/articles/{id}",le="+Inf"} 1`,
		`dossier_http_request_duration_seconds_count{route="POST /api/v1/articles"} 1`,
		`dossier_http_requests_total{route="GET /api/v1/articles/{id}",code="200"} 1`,
		"# TYPE dossier_http_errors_total counter",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q:\n%s", want, body)
		}
	}
	// every sample line is NAME{labels} VALUE or NAME VALUE
	for _, l := range strings.Split(strings.TrimSpace(body), "\n") {
		if strings.HasPrefix(l, "#") {
			continue
		}
		i := strings.LastIndexByte(l, ' ')
		name, value := l[:max(i, 0)], l[i+1:]
		if i < 0 || !strings.HasPrefix(name, "dossier_") || strings.Contains(name, "{") != strings.HasSuffix(name, "}") {
			t.Errorf("malformed sample line %q", l)
		}
		if _, err := strconv.ParseFloat(value, 64); err != nil {
			t.Errorf("sample value %q: %v", l, err)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true,
		":8080": false, "0.0.0.0:8080": false, "192.168.1.2:80": false, "example.org:80": false, "garbage": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

func TestRawIsNeverRendered(t *testing.T) {
	f := newFixture(t, "")
	var b bytes.Buffer
	b.WriteString(`{"title": "A", "text": "A\n\nTalks opened in Doha on Monday. <script>alert(1)</script>"}`)
	f.do(t, "POST", "/api/v1/articles", &b, "Content-Type", "application/json")
	w := f.do(t, "GET", "/api/v1/articles/1/raw", nil)
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/octet-stream" || !strings.HasPrefix(w.Header().Get("Content-Disposition"), "attachment") {
		t.Errorf("raw: %d %v", w.Code, w.Header())
	}
}
