package storyeval

import (
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ECBDoc is one ECB+ document as plain text with its gold labels.
type ECBDoc struct {
	Name  string // file name, e.g. "1_10ecbplus.xml"
	Topic string // the folder: a kind of event ("celebrity enters rehab")
	Event string // topic plus "ecb" or "ecbplus": one concrete event
	Text  string // tokens joined by spaces, one sentence a line
}

// ReadECBPlus reads every document of an ECB+ corpus directory (one folder
// per topic holding N_Kecb.xml and N_Kecbplus.xml files), sorted by name.
func ReadECBPlus(dir string) ([]ECBDoc, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no ECB+ documents under %s", dir)
	}
	sort.Strings(files)
	docs := make([]ECBDoc, 0, len(files))
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("reading ECB+: %w", err)
		}
		text, err := ECBText(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("parsing %s: %w", p, err)
		}
		name := filepath.Base(p)
		topic := filepath.Base(filepath.Dir(p))
		sub := "ecb"
		if strings.HasSuffix(name, "ecbplus.xml") {
			sub = "ecbplus"
		}
		docs = append(docs, ECBDoc{Name: name, Topic: topic, Event: topic + "/" + sub, Text: text})
	}
	return docs, nil
}

// ECBText reconstructs a document's text from its <token> elements: tokens
// joined by spaces, a new line for each new sentence number. Markables and
// relations are ignored.
func ECBText(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	var b strings.Builder
	sent := ""
	inToken := false
	first := true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", fmt.Errorf("decoding ECB+ XML: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local != "token" {
				continue
			}
			inToken = true
			s := ""
			for _, a := range t.Attr {
				if a.Name.Local == "sentence" {
					s = a.Value
				}
			}
			switch {
			case first:
			case s != sent:
				b.WriteByte('\n')
			default:
				b.WriteByte(' ')
			}
			first = false
			sent = s
		case xml.EndElement:
			if t.Name.Local == "token" {
				inToken = false
			}
		case xml.CharData:
			if inToken {
				b.WriteString(strings.TrimSpace(string(t)))
			}
		}
	}
	return b.String(), nil
}

// Shuffled returns the documents in a fixed pseudo-random order: the
// clusterer is online, so the order is part of the experiment and must be
// reproducible.
func Shuffled(docs []ECBDoc, seed uint64) []ECBDoc {
	out := append([]ECBDoc(nil), docs...)
	r := rand.New(rand.NewPCG(seed, seed^0x9E3779B97F4A7C15))
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
