package server

import (
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"strings"
)

// param documents one path or query parameter of an API route.
type param struct {
	Name     string
	In       string // "path" or "query"
	Type     string // "integer", "string"
	Desc     string
	Required bool
}

// apiRoute is one JSON API endpoint: its ServeMux pattern, its handler and
// what the OpenAPI description says about it. The description is written
// here, next to the handler, and the test suite calls every documented
// route against the real handlers.
type apiRoute struct {
	Method    string
	Path      string // OpenAPI and ServeMux path: "/api/v1/articles/{id}"
	ID        string // operationId
	Summary   string
	Params    []param
	Body      string // request body description, "" for none
	Responses []int  // statuses the route answers besides errors common to all (401, 500)
	Handler   func(*Server, http.ResponseWriter, *http.Request)
}

var (
	pID     = param{Name: "id", In: "path", Type: "integer", Desc: "numeric ID", Required: true}
	pLimit  = param{Name: "limit", In: "query", Type: "integer", Desc: "page size (default 50, at most 500)"}
	pCursor = param{Name: "cursor", In: "query", Type: "string", Desc: "opaque cursor from next_cursor of the previous page"}
	pSource = param{Name: "source", In: "query", Type: "string", Desc: "exact outlet name"}
	pFrom   = param{Name: "from", In: "query", Type: "string", Desc: "published on or after (YYYY-MM-DD or RFC 3339)"}
	pTo     = param{Name: "to", In: "query", Type: "string", Desc: "published before (YYYY-MM-DD or RFC 3339)"}
	pEntity = param{Name: "entity", In: "query", Type: "string", Desc: "entity key, e.g. person:tomas reinholt"}
	pStory  = param{Name: "story", In: "query", Type: "integer", Desc: "story ID"}
	pArt    = param{Name: "article", In: "query", Type: "integer", Desc: "article ID"}
)

// apiRoutes is the API. Keep it in step with testdata/openapi.golden.json
// (go test ./internal/server -run OpenAPI -update rewrites it).
var apiRoutes = []apiRoute{
	{"GET", "/api/v1/openapi.json", "openapi", "This API description (OpenAPI 3.1).", nil, "", []int{200}, (*Server).apiOpenAPI},
	{"GET", "/api/v1/stats", "stats", "Counts of what the store holds.", nil, "", []int{200}, (*Server).apiStats},
	{"GET", "/api/v1/articles", "listArticles", "Articles, newest first.", []param{pSource, pFrom, pTo, pLimit, pCursor}, "", []int{200, 400}, (*Server).apiArticles},
	{"POST", "/api/v1/articles", "ingest", "Ingest articles: a JSON article object, an array of them or {\"articles\": [...]}, or a multipart upload (file parts, or a text field). Each item is reported on its own; new articles are analysed and the stories re-clustered.",
		nil, "application/json or multipart/form-data", []int{200, 400, 413, 503}, (*Server).apiIngest},
	{"GET", "/api/v1/articles/{id}", "getArticle", "One article: metadata, text, structure, analysis and story membership.", []param{pID}, "", []int{200, 400, 404}, (*Server).apiArticle},
	{"GET", "/api/v1/articles/{id}/raw", "getArticleRaw", "The article's raw bytes as ingested.", []param{pID}, "", []int{200, 400, 404}, (*Server).apiArticleRaw},
	{"GET", "/api/v1/search", "search", "Full-text search (BM25) with snippets and facets by source, month and entity over the top 200 hits.",
		[]param{{Name: "q", In: "query", Type: "string", Desc: "query: words, \"phrases\", AND/OR/NOT, NEAR", Required: true}, pSource, pFrom, pTo, pEntity, pLimit}, "", []int{200, 400}, (*Server).apiSearch},
	{"GET", "/api/v1/stories", "listStories", "Stories, newest development first.", []param{pLimit, pCursor}, "", []int{200, 400}, (*Server).apiStories},
	{"GET", "/api/v1/stories/{id}", "getStory", "One story with its members.", []param{pID}, "", []int{200, 400, 404}, (*Server).apiStory},
	{"GET", "/api/v1/stories/{id}/dossier", "getDossier", "The story's dossier: summary, timeline, actors, positions, quotes, source comparison and contradictions, each statement cited.", []param{pID}, "", []int{200, 400, 404}, (*Server).apiDossier},
	{"GET", "/api/v1/storylines", "listStorylines", "Storylines (stories about one ongoing situation, with the links joining them), newest development first.",
		[]param{{Name: "min_stories", In: "query", Type: "integer", Desc: "only storylines of at least this many stories (2 leaves out the single stories)"}, pLimit, pCursor}, "", []int{200, 400}, (*Server).apiStorylines},
	{"GET", "/api/v1/entities", "listEntities", "Entities by number of articles mentioning them.",
		[]param{{Name: "prefix", In: "query", Type: "string", Desc: "name prefix, case-insensitive"}, {Name: "type", In: "query", Type: "string", Desc: "PER, ORG, LOC, GPE or MISC"}, pLimit, pCursor}, "", []int{200, 400}, (*Server).apiEntities},
	{"GET", "/api/v1/entities/{key}", "getEntity", "One entity: its articles, stories, roles over time, quotes and co-occurring entities.",
		[]param{{Name: "key", In: "path", Type: "string", Desc: "entity key (URL-escaped)", Required: true}}, "", []int{200, 404}, (*Server).apiEntity},
	{"GET", "/api/v1/quotes", "listQuotes", "Quotes with speaker and citation, from a story, an entity's articles, one article or the newest articles.", []param{pStory, pEntity, pArt, pLimit}, "", []int{200, 400, 404}, (*Server).apiQuotes},
	{"GET", "/api/v1/events", "listEvents", "Coded events (CAMEO/PLOVER) with actors and citation, selected as for quotes.", []param{pStory, pEntity, pArt, pLimit}, "", []int{200, 400, 404}, (*Server).apiEvents},
	{"GET", "/api/v1/feeds", "listFeeds", "Feed subscriptions with their health.", nil, "", []int{200}, (*Server).apiFeeds},
	{"POST", "/api/v1/feeds", "addFeed", "Subscribe to a feed: {\"url\": \"https://…\"}.", nil, "application/json", []int{200, 201, 400}, (*Server).apiAddFeed},
}

// openAPI builds the OpenAPI 3.1 document from apiRoutes.
func openAPI(routes []apiRoute) map[string]any {
	paths := map[string]any{}
	for _, rt := range routes {
		item, _ := paths[rt.Path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[rt.Path] = item
		}
		var params []any
		for _, p := range rt.Params {
			params = append(params, map[string]any{
				"name": p.Name, "in": p.In, "required": p.Required, "description": p.Desc,
				"schema": map[string]any{"type": p.Type},
			})
		}
		resp := map[string]any{}
		codes := append([]int{}, rt.Responses...)
		codes = append(codes, 401, 500)
		sort.Ints(codes)
		for _, c := range codes {
			r := map[string]any{"description": http.StatusText(c)}
			switch {
			case c >= 400:
				r["content"] = map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}
			case strings.HasSuffix(rt.Path, "/raw"):
				r["content"] = map[string]any{"application/octet-stream": map[string]any{}}
			default:
				r["content"] = map[string]any{"application/json": map[string]any{}}
			}
			resp[strconv.Itoa(c)] = r
		}
		op := map[string]any{"operationId": rt.ID, "summary": rt.Summary, "responses": resp}
		if params != nil {
			op["parameters"] = params
		}
		if rt.Body != "" {
			content := map[string]any{}
			for _, ct := range strings.Split(rt.Body, " or ") {
				content[ct] = map[string]any{}
			}
			op["requestBody"] = map[string]any{"required": true, "content": content}
		}
		item[strings.ToLower(rt.Method)] = op
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "dossier API",
			"version":     "1",
			"description": "News articles, their analyses, stories and cited dossiers. Lists are paged with an opaque cursor (next_cursor). Every error is {\"error\": {\"code\", \"message\", \"id\"}}; the id is also in the server log.",
		},
		"security": []any{map[string]any{"bearer": []any{}}},
		"paths":    paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer", "description": "required when the server runs with --token"}},
			"schemas": map[string]any{
				"Error": map[string]any{
					"type":     "object",
					"required": []any{"error"},
					"properties": map[string]any{"error": map[string]any{
						"type":     "object",
						"required": []any{"code", "message", "id"},
						"properties": map[string]any{
							"code":    map[string]any{"type": "string"},
							"message": map[string]any{"type": "string"},
							"id":      map[string]any{"type": "string"},
						},
					}},
				},
			},
		},
	}
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(openAPI(s.api))
}

// register wires every route.
func (s *Server) register() {
	s.api = apiRoutes
	for _, rt := range s.api {
		h := rt.Handler
		s.handle(rt.Method+" "+rt.Path, func(w http.ResponseWriter, r *http.Request) { h(s, w, r) })
	}
	s.handle("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, http.StatusNotFound, "no_route", "no API route "+r.Method+" "+r.URL.Path)
	})
	s.handle("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	s.handle("GET /metrics", s.handleMetrics)
	s.registerUI()
}
