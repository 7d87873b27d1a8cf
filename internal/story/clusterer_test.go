package story

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func day(d int) time.Time { return time.Date(2023, 2, d, 9, 0, 0, 0, time.UTC) }

// Invented mini-stories: two earthquakes (same vocabulary, different place,
// people and date), one report with a rewrite, a wire copy, and an unrelated
// business story.
var (
	quakeTurkey = Features{ArticleID: 1, Title: "Earthquake kills dozens in southern Turkey", Published: day(6), Source: "wire",
		Text: "A magnitude 7.8 earthquake struck southern Turkey near Gaziantep before dawn on Monday, collapsing hundreds of buildings and killing at least 76 people, the disaster agency AFAD said. " +
			"Rescue teams in Kahramanmaras and Hatay searched the rubble through freezing rain. Interior Minister Suleyman Soylu said 440 people had been injured and urged residents to stay out of damaged homes. " +
			"Aftershocks of magnitude 6.7 shook the region through the morning."}
	quakeTurkeyRewrite = Features{ArticleID: 2, Title: "Dozens dead as powerful quake hits Turkey", Published: day(6).Add(3 * time.Hour), Source: "herald",
		Text: "At least 76 people were killed when a 7.8 magnitude quake hit southern Turkey close to Gaziantep early on Monday, according to the AFAD disaster agency. " +
			"Hundreds of buildings came down in Kahramanmaras and Hatay, where rescue teams dug through the rubble in freezing rain. Suleyman Soylu, the interior minister, said 440 were injured and told residents to keep away from damaged homes. " +
			"A 6.7 aftershock followed during the morning."}
	quakeTurkeyFollowUp = Features{ArticleID: 3, Title: "Turkey quake toll rises as rescuers race against cold", Published: day(7), Source: "tribune",
		Text: "The death toll from the earthquake in southern Turkey rose above 3,000 on Tuesday as rescue teams in Hatay, Kahramanmaras and Gaziantep pulled survivors from collapsed buildings in freezing temperatures. " +
			"The AFAD disaster agency said more than 15,000 people were injured. Interior Minister Suleyman Soylu said aid convoys were struggling on damaged roads."}
	quakeChile = Features{ArticleID: 4, Title: "Earthquake kills dozens in central Chile", Published: day(27), Source: "wire",
		Text: "A magnitude 7.1 earthquake struck central Chile near Talca on Sunday night, collapsing buildings and killing at least 40 people, the emergency office ONEMI said. " +
			"Rescue teams in Maule and Curico searched the rubble overnight. President Gabriel Boric said 210 people had been injured and declared a state of catastrophe. " +
			"Aftershocks of magnitude 5.9 shook the region."}
	oilStory = Features{ArticleID: 5, Title: "Oil prices climb as OPEC signals output cuts", Published: day(7), Source: "wire",
		Text: "Brent crude rose 2 percent to $84 a barrel on Tuesday after Saudi Arabia and other OPEC members signalled they would extend production cuts into the summer, traders said. " +
			"Analysts at Goldman Sachs said inventories in Cushing, Oklahoma had fallen for a third week."}
)

// background warm-starts document frequencies, as a clusterer started over
// a store's history would be: with two articles seen, every shared word looks
// common and every cosine small.
var background = []string{
	"The central bank left interest rates unchanged on Thursday and said inflation would ease later in the year, the governor told reporters.",
	"The football club said its manager had signed a new three-year contract after the team won the league cup final on Sunday.",
	"Parliament passed the budget bill on Wednesday after a long debate over spending on schools, hospitals and roads, officials said.",
	"The company reported a rise in quarterly profit and said it would open new factories in Asia to meet demand for its electric cars.",
	"Police said a man had been arrested after a shooting at a shopping centre on Friday night; two people were taken to hospital.",
	"Scientists said the new vaccine was safe and effective in a trial of 30,000 people, and regulators would review the data next month.",
	"Storms brought heavy rain and flooding to the north of the country on Saturday, and the weather service warned of more to come.",
	"The minister said the government would hold talks with unions next week to end the strike by rail workers over pay.",
}

func warmClusterer(opt Options) *Clusterer {
	c := NewClusterer(opt)
	for _, t := range background {
		c.Observe(Features{Text: t})
	}
	return c
}

func TestClustererMiniStories(t *testing.T) {
	wireCopy := quakeTurkey
	wireCopy.ArticleID, wireCopy.Source = 6, "gazette"
	wireCopy.Published = day(6).Add(time.Hour)
	wireCopy.Text = strings.ReplaceAll(wireCopy.Text, "before dawn on Monday", "on Monday") + "\n\n(Reporting by the wire.)"
	exact := quakeTurkey
	exact.ArticleID, exact.Hash = 7, "h-quake"
	first := quakeTurkey
	first.Hash = "h-quake"

	c := warmClusterer(Options{})
	got := make(map[int64]Assignment)
	for _, f := range []Features{first, quakeTurkeyRewrite, wireCopy, exact, oilStory, quakeTurkeyFollowUp, quakeChile} {
		got[f.ArticleID] = c.Add(f)
	}
	story := func(id int64) int64 { return c.Resolve(got[id].StoryID) }
	if story(1) != story(2) || story(1) != story(3) || story(1) != story(6) || story(1) != story(7) {
		t.Errorf("Turkey quake articles split: %v", got)
	}
	if story(4) == story(1) {
		t.Errorf("the Chile quake joined the Turkey quake story: %+v", got[4])
	}
	if story(5) == story(1) || story(5) == story(4) {
		t.Errorf("oil story joined a quake story: %+v", got[5])
	}
	checks := []struct {
		id    int64
		group int64
		kind  DupKind
	}{
		{1, 1, NotDuplicate},
		{2, 1, Rewrite},
		{6, 1, Near},
		{7, 1, Exact},
		{3, 3, NotDuplicate}, // a follow-up with new facts is an independent report
		{4, 4, NotDuplicate},
	}
	for _, ch := range checks {
		a := got[ch.id]
		if a.DupGroup != ch.group || a.Kind != ch.kind || a.Duplicate != (ch.kind != NotDuplicate) {
			t.Errorf("article %d: group %d kind %q duplicate %v, want group %d kind %q", ch.id, a.DupGroup, a.Kind, a.Duplicate, ch.group, ch.kind)
		}
	}
	var turkey Story
	for _, s := range c.Stories() {
		if s.ID == story(1) {
			turkey = s
		}
	}
	if turkey.Groups != 2 {
		t.Errorf("Turkey story has %d independent reports, want 2 (original+copies+rewrite, follow-up)", turkey.Groups)
	}
	if len(turkey.Sources) != 4 {
		t.Errorf("Turkey story sources %v, want 4 outlets", turkey.Sources)
	}
}

func TestClustererDeterministic(t *testing.T) {
	in := []Features{quakeTurkey, oilStory, quakeTurkeyRewrite, quakeChile, quakeTurkeyFollowUp}
	run := func() []Assignment {
		c := NewClusterer(Options{})
		var out []Assignment
		for _, f := range in {
			out = append(out, c.Add(f))
		}
		return out
	}
	a := run()
	for range 5 {
		if d := cmp.Diff(a, run()); d != "" {
			t.Fatalf("same input, different assignments (-first +again):\n%s", d)
		}
	}
}

func TestClustererBounded(t *testing.T) {
	c := NewClusterer(Options{MaxActive: 100, Window: 48 * time.Hour})
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 3000 {
		// every article its own topic: distinct invented words
		w := fmt.Sprintf("zq%dx zr%dy zs%dw", i, i*7, i*13)
		c.Add(Features{ArticleID: int64(i + 1), Text: w + " " + w, Published: start.Add(time.Duration(i) * time.Minute)})
		if c.Active() > 100+expireInterval {
			t.Fatalf("after %d articles %d stories are active; cap 100 (checked every %d)", i+1, c.Active(), expireInterval)
		}
	}
	if n := len(c.Stories()); n != 3000 {
		t.Fatalf("%d story summaries, want 3000", n)
	}
}

func TestStorylines(t *testing.T) {
	c := warmClusterer(Options{})
	for _, f := range []Features{quakeTurkey, oilStory, quakeChile} {
		c.Add(f)
	}
	// A later story about the same situation: reconstruction in the same
	// provinces, weeks after.
	recon := Features{ArticleID: 10, Published: day(6).Add(30 * 24 * time.Hour), Title: "Turkey plans rebuilding of quake-hit Hatay and Kahramanmaras",
		Text: "Turkey will build 200,000 new homes in Hatay, Kahramanmaras and Gaziantep after the earthquake, Interior Minister Suleyman Soylu said, as the AFAD disaster agency wound down rescue work. " +
			"Survivors living in tents in Hatay said the rebuilding could not come soon enough."}
	a := c.Add(recon)
	if !a.NewStory {
		t.Fatalf("a month later the rebuilding is a story of its own, got %+v", a)
	}
	lines := Storylines(c.Stories(), StorylineOptions{})
	lineOf := make(map[int64]Storyline)
	for _, l := range lines {
		for _, s := range l.Stories {
			lineOf[s] = l
		}
	}
	quake, rebuild := lineOf[1], lineOf[a.StoryID]
	if quake.ID != rebuild.ID {
		t.Fatalf("quake and rebuilding not linked: %+v", lines)
	}
	if len(quake.Links) == 0 || len(quake.Links[0].Entities) == 0 {
		t.Fatalf("link without evidence: %+v", quake.Links)
	}
	for _, sid := range []int64{2, 3} { // oil, Chile
		if lineOf[sid].ID == quake.ID {
			t.Errorf("story %d wrongly in the Turkey storyline (links %+v)", sid, quake.Links)
		}
	}
}

func FuzzClustererAdd(f *testing.F) {
	f.Add("Earthquake kills dozens", "A magnitude 7.8 earthquake struck southern Turkey.", int64(0))
	f.Add("", "", int64(1e9))
	f.Add("\xff", "Ünïcödé — “quotes” 123 '' -- 's", int64(-5))
	f.Fuzz(func(t *testing.T, title, text string, unix int64) {
		c := NewClusterer(Options{})
		for i := range 3 {
			a := c.Add(Features{ArticleID: int64(i + 1), Title: title, Text: text, Published: time.Unix(unix, 0)})
			if a.StoryID <= 0 || a.DupGroup <= 0 {
				t.Fatalf("bad assignment %+v", a)
			}
		}
		_ = Storylines(c.Stories(), StorylineOptions{})
	})
}

// BenchmarkAdd measures one article through dedupe and clustering on an
// invented stream (no data set needed); see storyeval.BenchmarkClustererAdd
// for the Reuters-based figure.
func BenchmarkAdd(b *testing.B) {
	base := []Features{quakeTurkey, quakeTurkeyRewrite, quakeTurkeyFollowUp, quakeChile, oilStory}
	fs := make([]Features, 20000)
	for i := range fs {
		f := base[i%len(base)]
		f.ArticleID = int64(i + 1)
		// a distinct story every five articles: vary names and numbers
		f.Text = strings.ReplaceAll(f.Text, "Hatay", fmt.Sprintf("Hatay%d", i/5)) + fmt.Sprintf(" Ref %d.", i)
		f.Published = day(1).Add(time.Duration(i) * time.Minute)
		fs[i] = f
	}
	c := NewClusterer(Options{})
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		c.Add(fs[i%len(fs)])
	}
}

func TestPostingsSwept(t *testing.T) {
	c := NewClusterer(Options{MaxActive: 50, Window: time.Hour})
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 5000 {
		w := fmt.Sprintf("zq%dx zr%dy zs%dw", i, i*7, i*13)
		c.Add(Features{ArticleID: int64(i + 1), Text: w + " " + w, Published: start.Add(time.Duration(i) * time.Minute)})
	}
	n := 0
	for _, list := range c.postings {
		n += len(list)
	}
	// each story here indexes its 3 invented words (4 for slack); between
	// sweeps up to 1024+active expired stories may linger, plus those
	// expiring within one check interval. Without sweeping: 5000 stories.
	if limit := (c.Active() + 1024 + 50 + expireInterval) * 4; n > limit {
		t.Fatalf("%d postings for %d active stories (limit %d): expired stories not swept", n, c.Active(), limit)
	}
}

func TestEntityWords(t *testing.T) {
	tests := []struct {
		key  string
		want map[string]float64
	}{
		{"person:john jenkin", map[string]float64{"~john": 2, "~jenkin": 2}},
		{"person:jenkin#ambiguous", map[string]float64{"~jenkin": 2}},
		{"place:cumbria", map[string]float64{"~cumbria": 2}},
		{"org:bank of england", map[string]float64{"~bank": 2, "~england": 2}},
		{"person:", map[string]float64{}},
		{"x", map[string]float64{}},
	}
	for _, tt := range tests {
		got := make(map[string]float64)
		entityWords(got, tt.key)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("entityWords(%q) (-want +got):\n%s", tt.key, diff)
		}
	}
}

// Two keys of one person (full name, surname alone) share the surname
// word: an article naming him so is closer than one naming someone else
// (without name words both share no entity at all). A story lists the keys
// as entities and the words apart.
func TestNameWordsMatchVariants(t *testing.T) {
	c := NewClusterer(Options{})
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	x := Features{ArticleID: 1, Published: day, Text: "Police arrested the striker after the crash on the motorway.",
		Entities: []string{"person:marco rossi", "place:turin"}}
	variant := Features{ArticleID: 2, Published: day, Text: "The striker was arrested by police following a motorway crash.",
		Entities: []string{"person:rossi", "org:turin"}}
	other := variant
	other.Entities = []string{"person:luca bianchi", "org:milan"}
	c.Observe(x)
	c.Observe(variant)
	c.Observe(other)
	if sv, so := c.Similarity(x, variant), c.Similarity(x, other); sv <= so {
		t.Errorf("similarity to the name variant %.3f, to another name %.3f: want the variant higher", sv, so)
	}
	c.Add(x)
	c.Add(variant)
	st := c.Stories()[0]
	for _, e := range st.Entities {
		if strings.HasPrefix(e.Name, entityWordMark) {
			t.Errorf("entity list holds a name word: %q", e.Name)
		}
	}
	if len(st.NameWords) == 0 {
		t.Errorf("no name words in the story summary")
	}
}

// Another event of the same kind is often told apart only by its year: an
// article whose years the story does not share scores well below one that
// shares them, though the words barely differ.
func TestDisjointYearsLowerScore(t *testing.T) {
	c := NewClusterer(Options{})
	text := func(year string) Features {
		return Features{Text: "A magnitude 6.1 earthquake struck the coast in March " + year +
			", the strongest since records began, and rescuers searched collapsed houses for survivors."}
	}
	x, same, other := text("2008"), text("2008"), text("2012")
	same.Text += " Aftershocks continued."
	other.Text += " Aftershocks continued."
	for _, f := range []Features{x, same, other} {
		c.Observe(f)
	}
	for i := range 20 { // years as words are common: their term weight is small
		c.Observe(Features{Text: fmt.Sprintf("Report %d on trade between 2008 and 2012.", i)})
	}
	ss, so := c.Similarity(x, same), c.Similarity(x, other)
	if so >= 0.75*ss {
		t.Errorf("score with disjoint years %.3f, with the same year %.3f: want below three quarters of it", so, ss)
	}
}

// Two reports of one event repeat its figures; another event of the same
// kind has its own.
func TestDisjointFiguresLowerScore(t *testing.T) {
	c := NewClusterer(Options{})
	text := func(magnitude, dead string) Features {
		return Features{Text: "A magnitude " + magnitude + " earthquake struck the coast, killing " + dead +
			" people, and rescuers searched collapsed houses for survivors."}
	}
	x, same, other := text("6.1", "38"), text("6.1", "38"), text("7.4", "12")
	same.Text += " Aftershocks continued."
	other.Text += " Aftershocks continued."
	for _, f := range []Features{x, same, other} {
		c.Observe(f)
	}
	for i := range 20 { // the figures as words are common: their term weight is small
		c.Observe(Features{Text: fmt.Sprintf("Report %d: 6.1, 38, 7.4 and 12 percent.", i)})
	}
	ss, so := c.Similarity(x, same), c.Similarity(x, other)
	if so >= 0.8*ss {
		t.Errorf("score with other figures %.3f, with the same %.3f: want below four fifths of it", so, ss)
	}
}
