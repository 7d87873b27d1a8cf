package feeds

import "testing"

// FuzzFeedTitle reads the title of arbitrary documents without panicking.
func FuzzFeedTitle(f *testing.F) {
	f.Add([]byte(`<rss><channel><title><![CDATA[Harbour Times]]></title>`))
	f.Add([]byte(`<feed><title type="text">A</title></feed>`))
	f.Add([]byte(`<title`))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = feedTitle(data)
	})
}
