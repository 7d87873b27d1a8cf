package event

import (
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/article"
	"github.com/dossier-news/dossier/internal/text"
)

// analyse runs the text layer and the coder over one invented sentence.
func analyse(t testing.TB, c *Coder, s string) []article.Event {
	t.Helper()
	doc := &article.Doc{Article: &article.Article{Text: s}}
	text.Analyse(doc)
	if err := c.Analyse(doc); err != nil {
		t.Fatalf("Analyse(%q): %v", s, err)
	}
	return doc.Analysis.Events
}

// TestCategories has, per PLOVER category, sentences that must code to it
// (with their CAMEO actor codes) and near misses that must not. The
// sentences are invented, not taken from the evaluation records.
func TestCategories(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		plover, source, target string
		negated                bool
	}
	for _, tc := range []struct {
		name, text string
		want       *want // nil: no event at all
	}{
		// CONSULT: meetings, visits, hosting, mediation, talks
		{"consult meet", "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday.", &want{"CONSULT", "FRAGOV", "DEUGOV", false}},
		{"consult host", "The Qatari foreign minister hosted Israeli negotiators in Doha.", &want{"CONSULT", "QATGOV", "ISRGOV", false}},
		{"consult mediate", "Qatar mediated between Israel and Hamas.", &want{"CONSULT", "QAT", "ISR", false}},
		{"consult talks", "Taiwanese and Japanese officials held talks in Tokyo on Monday.", &want{"CONSULT", "TWNGOV", "", false}},
		{"consult nominal between", "Talks between Israel and Hamas resumed in Cairo on Sunday.", &want{"CONSULT", "ISR", "", false}},
		{"consult plural meetings", "The UN envoy held separate meetings with the two sides.", &want{"CONSULT", "IGOUNO", "", false}},
		{"consult of-coordination", "The foreign ministers of Egypt and Jordan discussed the crisis by phone.", &want{"CONSULT", "EGYGOV", "", false}},
		{"consult telephone", "The French president telephoned the Russian president on Tuesday.", &want{"CONSULT", "FRAGOV", "RUSGOV", false}},
		{"consult received the visiting", "Egypt's president received the visiting Israeli foreign minister in Cairo.", &want{"CONSULT", "EGYGOV", "ISRGOV", false}},
		{"disapprove protested to", "Japan protested to China over the nuclear test.", &want{"DISAPPROVE", "JPN", "CHN", false}},
		{"fight shoot down", "Rebels shot down a Sudanese army helicopter.", &want{"FIGHT", "SDNREB", "SDNMIL", false}},
		{"consult neg: a room", "The meeting room in Geneva was closed.", nil},
		// natural hazards strike, kill and destroy but are no actors
		{"hazard subject", "A magnitude 6.4 earthquake struck southern Turkey late on Tuesday.", nil},
		{"hazard agent", "The number of people killed by Tuesday's earthquake in Turkey rose to 42.", nil},
		{"hazard passive agent", "Dozens of Peruvians were killed by floods in Lima.", nil},
		// AGREE: agreements, offers, promises, intended cooperation
		{"agree ceasefire", "Israel and Hamas agreed to a ceasefire on Sunday.", &want{"AGREE", "ISR", "", false}},
		{"agree offer", "Egypt offered to mediate between Israel and Hamas.", &want{"AGREE", "EGY", "ISR", false}},
		{"agree proposal", "Qatar proposed a ceasefire between Israel and Hamas.", &want{"AGREE", "QAT", "ISR", false}},
		{"agree future aid", "Japan will provide humanitarian aid to Sudan.", &want{"AGREE", "JPN", "SDN", false}},
		{"agree future host", "Saudi Arabia will host peace talks between Ukraine and Russia.", &want{"AGREE", "SAU", "UKR", false}},
		{"agree accept proposal", "Hamas accepted the Egyptian ceasefire proposal on Monday.", &want{"AGREE", "PSEREBHMS", "EGY", false}},
		{"agree on: the topic's actors are no targets", "Israel and the Palestinians agreed on a timetable for the withdrawal of Israeli troops from Hebron.", &want{"AGREE", "ISR", "", false}},
		{"agree on: the counterpart stays", "Egypt agreed on closer cooperation with Japan.", &want{"AGREE", "EGY", "JPN", false}},
		{"agree on a date: the proposal's author stays", "Hamas agreed on Monday to the Egyptian proposal.", &want{"AGREE", "PSEREBHMS", "EGY", false}},
		{"agree to: the topic's actors are no targets", "Syria agreed on Monday to a plan for the return of Iraqi refugees.", &want{"AGREE", "SYR", "", false}},
		{"agree: the venue is no party", "Israel and Hamas agreed to hold talks in Cairo.", &want{"AGREE", "ISR", "", false}},
		{"reject: negated governing verb", "Iran did not come to Vienna to sign a deal.", &want{"REJECT", "IRN", "", false}},
		{"agree headline", "Israel, Hamas agree to truce.", &want{"AGREE", "ISR", "", false}},
		{"agree neg: not agreed", "Iran did not agree to the proposal.", &want{"REJECT", "IRN", "", false}},
		// SUPPORT: praise, recognition, signed agreements
		{"support recognise", "Spain recognised the State of Palestine on Tuesday.", &want{"SUPPORT", "ESP", "PSE", false}},
		{"support praise", "Hungary praised the European Commission.", &want{"SUPPORT", "HUN", "IGOEUREEC", false}},
		{"support relations", "The Vatican established diplomatic relations with Vietnam.", &want{"SUPPORT", "VAT", "VNM", false}},
		{"support sign", "Russia and China signed a trade agreement.", &want{"SUPPORT", "RUS", "", false}},
		{"agree: a reported clause after a coordinated subject is no tail", "Ireland, Spain and Norway announced they would recognize a Palestinian state.", &want{"AGREE", "IRL", "PSE", false}},
		{"support neg: refused recognition", "Spain refused to recognise Kosovo.", &want{"REJECT", "ESP", "KSV", false}},
		// COOPERATE
		{"cooperate share", "Israeli and Egyptian intelligence officials shared information on smuggling.", &want{"COOPERATE", "ISRSPY", "", false}},
		{"cooperate exercises", "French and Indian troops held joint military exercises.", &want{"COOPERATE", "FRAMIL", "", false}},
		// AID
		{"aid send", "The United States sent food aid to Haiti.", &want{"AID", "USA", "HTI", false}},
		{"aid give", "Germany gave Jordan 50 million euros in aid.", &want{"AID", "DEU", "JOR", false}},
		{"aid peacekeepers arrive", "Ghanaian peacekeepers arrived in Liberia on Monday.", &want{"AID", "GHAMIL", "LBR", false}},
		{"aid send peacekeepers", "Kenya sent peacekeepers to Somalia.", &want{"AID", "KEN", "SOM", false}},
		{"aid neg: diplomats arrive", "Ghanaian diplomats arrived in Liberia on Monday.", nil},
		{"aid open borders to refugees", "Jordan opened its borders to Syrian refugees.", &want{"AID", "JOR", "SYRREF", false}},
		{"concede open border", "Turkey opened its border with Armenia.", &want{"CONCEDE", "TUR", "ARM", false}},
		{"retreat open crossing", "Egypt opened the Rafah crossing.", &want{"RETREAT", "EGY", "PSEGZA", false}},
		{"retreat open bridge: a duration is no clause", "Uzbekistan opened the Friendship Bridge after four years to allow aid deliveries to Afghanistan.", &want{"RETREAT", "UZB", "AFG", false}},
		{"retreat open bridge: the bridge is no actor", "Uzbekistan opened the Friendship Bridge on Monday.", &want{"RETREAT", "UZB", "", false}},
		{"agree: resumed arms shipments, future", "The Soviet Union said today it would resume arms shipments to Afghanistan.", &want{"AGREE", "SUN", "AFG", false}},
		{"aid approved a loan", "The International Monetary Fund approved a $2 billion loan for Argentina.", &want{"AID", "IGOBUSIMF", "ARG", false}},
		{"mobilize sent carriers", "The Pentagon sent two aircraft carriers to the Gulf.", &want{"MOBILIZE", "USAMIL", "", false}},
		{"aid neg: suspended", "The United States suspended aid to Egypt.", &want{"SANCTION", "USA", "EGY", false}},
		// CONCEDE
		{"concede lift sanctions", "The European Union lifted sanctions on Iran.", &want{"CONCEDE", "IGOEUREEC", "IRN", false}},
		{"concede accept demands", "The Mozambique government accepted demands from Shona rebels.", &want{"CONCEDE", "MOZGOV", "MOZREB", false}},
		{"concede release", "Iran released two British sailors.", &want{"CONCEDE", "IRN", "GBR", false}},
		// RETREAT
		{"retreat withdraw", "The Ukrainian army withdrew from the town of Bakhmut.", &want{"RETREAT", "UKRMIL", "", false}},
		{"retreat withdraw: the place left is no target", "Israeli troops withdrew from southern Lebanon on Tuesday.", &want{"RETREAT", "ISRMIL", "", false}},
		{"retreat pull forces out: its own forces", "Syria pulled its forces out of Lebanon.", &want{"RETREAT", "SYR", "", false}},
		{"retreat withdraw from talks: the counterpart stays", "The rebels withdrew from the peace talks with the Sudanese government.", &want{"RETREAT", "SDNREB", "SDNGOV", false}},
		{"retreat resign", "The Prime Minister of Pakistan resigned on Friday.", &want{"RETREAT", "PAKGOV", "", false}},
		{"retreat neg: not withdraw", "Russia will not withdraw its troops from Syria.", &want{"REJECT", "RUS", "SYR", false}},
		// INVESTIGATE
		{"investigate launch", "The United Nations launched an investigation into the killings.", &want{"INVESTIGATE", "IGOUNO", "", false}},
		{"investigate verb", "Italian prosecutors investigated the Libyan coast guard.", &want{"INVESTIGATE", "ITAJUD", "LBYMIL", false}},
		{"investigate: victims are not investigated", "A Turkish court opened a hearing into torture methods used against Kurdish prisoners.", &want{"INVESTIGATE", "TURJUD", "", false}},
		{"investigate: perpetrators are", "Serbian police launched an investigation into crimes committed by Croatian soldiers against Serb civilians.", &want{"INVESTIGATE", "SRBCOP", "HRVMIL", false}},
		{"investigate neg: ended", "The investigation ended last year.", nil},
		// DEMAND
		{"demand that", "The Lebanese government demanded that Israel withdraw its troops.", &want{"DEMAND", "LBNGOV", "ISR", false}},
		{"demand call on", "The Security Council called on Israel to halt settlement activity.", &want{"DEMAND", "IGOUNO", "ISR", false}},
		{"demand must", "Russia said Sudan must return the helicopter.", &want{"DEMAND", "RUS", "SDN", false}},
		{"demand opposition", "Venezuela's opposition called for nationwide protests.", &want{"DEMAND", "VENOPP", "", false}},
		{"demand neg: market", "The demand for oil rose in China.", nil},
		// DISAPPROVE
		{"disapprove criticise", "Hungary criticised the European Commission over its migration policy.", &want{"DISAPPROVE", "HUN", "IGOEUREEC", false}},
		{"disapprove accuse", "The Chinese foreign ministry accused the United States of interfering in its affairs.", &want{"DISAPPROVE", "CHNGOV", "USA", false}},
		{"disapprove condemn", "Turkey condemned the Israeli raid on the aid flotilla.", &want{"DISAPPROVE", "TUR", "ISR", false}},
		{"support praise leadership", "Russian President Vladimir Putin praised the Chinese leadership.", &want{"SUPPORT", "RUSGOV", "CHNGOV", false}},
		{"disapprove neg: praise", "Turkey praised the Israeli decision.", &want{"SUPPORT", "TUR", "ISR", false}},
		// REJECT
		{"reject proposal", "Iran rejected the American proposal.", &want{"REJECT", "IRN", "USA", false}},
		{"reject refuse", "The Turkish government refused to extradite the suspects to Sweden.", &want{"REJECT", "TURGOV", "SWE", false}},
		{"reject refusing a halt", "Israel refused to halt the air strikes.", &want{"REJECT", "ISR", "", false}},
		{"reject ruling out an act", "Germany ruled out sending tanks to Ukraine.", &want{"REJECT", "DEU", "UKR", false}},
		{"declining to comment is no event", "The Turkish government declined to comment.", nil},
		{"reject declining to attack is no attack", "Turkey declined to attack Kurdish positions in Syria.", &want{"REJECT", "TUR", "SYR", false}},
		{"reject quoted speaker", "\"We will not negotiate with terrorists,\" the Israeli prime minister said.", &want{"REJECT", "ISRGOV", "---UAF", false}},
		{"reject pronoun and tail", "It rejected the plan, the Iranian foreign ministry said.", &want{"REJECT", "IRNGOV", "", false}},
		{"reject defy a ban", "The Kenyan opposition violated a ban on street protests.", &want{"REJECT", "KENOPP", "", false}},
		{"reject flout curfew", "Belarusian students flouted the curfew.", &want{"REJECT", "BLREDU", "", false}},
		{"fight neg: violated ceasefire", "Hamas violated the ceasefire on Sunday.", &want{"FIGHT", "PSEREBHMS", "", false}},
		{"reject neg: accept", "Iran accepted the American proposal.", &want{"AGREE", "IRN", "USA", false}},
		// THREATEN
		{"threaten verb", "North Korea threatened to attack South Korea.", &want{"THREATEN", "PRK", "KOR", false}},
		{"threaten warn", "China warned the United States against arms sales to Taiwan.", &want{"THREATEN", "CHN", "USA", false}},
		{"threaten ultimatum", "Nigeria will withdraw its peacekeepers from Chad unless the rebels disarm.", &want{"THREATEN", "NGA", "TCD", false}},
		{"threaten condition names the target", "Iran threatened to halt inspections if France imposes new sanctions.", &want{"THREATEN", "IRN", "FRA", false}},
		{"reject condition is no target", "Jordan said it would not admit more refugees if fighting spreads to Lebanon.", &want{"REJECT", "JOR", "---REF", false}},
		{"threaten neg: negated attack", "Israel will not attack Iran.", &want{"THREATEN", "ISR", "IRN", true}},
		// PROTEST
		{"protest demonstrate", "Thousands of protesters demonstrated in Paris against the pension reform.", &want{"PROTEST", "FRAOPP", "FRA", false}},
		{"protest strike", "Nurses in Britain went on strike over pay.", &want{"PROTEST", "GBRHLH", "", false}},
		{"protest walk out", "Nurses in Britain walked out over pay.", &want{"PROTEST", "GBRHLH", "", false}},
		{"coerce tear gas", "Turkish police fired tear gas at protesters in Istanbul.", &want{"COERCE", "TURCOP", "TUROPP", false}},
		{"fight neg: opened fire", "Israeli troops opened fire on Palestinian protesters.", &want{"FIGHT", "ISRMIL", "PSEOPP", false}},
		{"protest riot noun", "Palestinian riots against Israeli policies continued.", &want{"PROTEST", "PSE", "ISR", false}},
		{"protest neg: ended", "The protest ended peacefully.", nil},
		// MOBILIZE
		{"mobilize deploy", "Russia deployed troops along the Ukrainian border.", &want{"MOBILIZE", "RUS", "UKR", false}},
		{"mobilize send troops", "Kenya sent troops to Somalia.", &want{"MOBILIZE", "KEN", "SOM", false}},
		{"mobilize prepared to attack", "The Turkish army prepared to resume shelling Kurdish positions.", &want{"MOBILIZE", "TURMIL", "", false}},
		{"threaten is prepared to attack", "Turkey is prepared to resume shelling Kurdish positions.", &want{"THREATEN", "TUR", "", false}},
		{"mobilize future deployment", "Germany will send 200 troops to Mali.", &want{"MOBILIZE", "DEU", "MLI", false}},
		{"sanction voted to impose", "The Security Council voted to impose an arms embargo on Libya.", &want{"SANCTION", "IGOUNO", "LBY", false}},
		{"mobilize: the by-phrase carries out the act", "The Indian government ordered patrols by police and soldiers after the riots.", &want{"MOBILIZE", "INDGOV", "", false}},
		{"fight: the target after the executors", "Hamas launched attacks by its fighters on Israeli army posts.", &want{"FIGHT", "PSEREBHMS", "ISRMIL", false}},
		{"mobilize: its own army is no target", "The Nigerian government deployed its army against the rebels.", &want{"MOBILIZE", "NGAGOV", "NGAREB", false}},
		{"reject: its own operations are no target", "Israel refused to halt its military operations.", &want{"REJECT", "ISR", "", false}},
		{"mobilize neg: withdrew troops", "Russia withdrew troops from the border.", &want{"RETREAT", "RUS", "", false}},
		// SANCTION
		{"sanction impose", "The European Union imposed sanctions on Iran.", &want{"SANCTION", "IGOEUREEC", "IRN", false}},
		{"sanction expel", "Canada expelled two Chinese diplomats.", &want{"SANCTION", "CAN", "CHNGOV", false}},
		{"sanction suspend member", "The African Union suspended Niger after the coup.", &want{"SANCTION", "IGOAFRAFU", "NER", false}},
		{"sanction possessive speaker", "Venezuelan President Nicolas Maduro said his government would expel the Spanish ambassador.", &want{"THREATEN", "VENGOV", "ESPGOV", false}},
		{"sanction neg: lifted", "Washington lifted the embargo on Cuba.", &want{"CONCEDE", "USAGOV", "CUB", false}},
		// COERCE
		{"coerce arrest", "Police arrested 20 opposition activists in Minsk.", &want{"COERCE", "BLRCOP", "BLROPP", false}},
		{"coerce detain", "Pakistani police detained the opposition leader in Lahore.", &want{"COERCE", "PAKCOP", "PAKOPP", false}},
		{"coerce counted people are civilians", "Israeli soldiers arrested more than 100 Palestinians in Hebron.", &want{"COERCE", "ISRMIL", "PSECVL", false}},
		{"protest counted people are civilians", "Thousands of Palestinians protested against Israel.", &want{"PROTEST", "PSECVL", "ISR", false}},
		{"protest young people are civilians", "Young Algerians blocked roads in Algiers.", &want{"PROTEST", "DZACVL", "", false}},
		{"demand a counted people the dictionaries lack", "Some 50,000 Iraqi Kurds sought refuge in Turkey.", &want{"DEMAND", "IRQCVL", "TUR", false}},
		{"ethnic group: the country it lives in", "Ethnic Albanians attacked Macedonian police near Tetovo.", &want{"FIGHT", "MKDCVL", "MKDCOP", false}},
		{"ethnic group: placed", "Ethnic Serbs in Croatia protested against the government.", &want{"PROTEST", "HRVCVL", "HRVGOV", false}},
		{"ethnic group: keeps its role", "Romania expelled ethnic Hungarian activists.", &want{"SANCTION", "ROU", "ROUOPP", false}},
		{"reject the nation is no civilian", "The Palestinians rejected the plan.", &want{"REJECT", "PSE", "", false}},
		{"coerce curfew confines residents", "Turkish authorities imposed a curfew in southeastern Turkey.", &want{"COERCE", "TURGOV", "TURCVL", false}},
		{"coerce irregulars are of the place, not the victims", "Gunmen kidnapped two French journalists in Yemen.", &want{"COERCE", "YEMUAF", "FRAMED", false}},
		{"coerce neg: arrest warrant", "The arrest warrant was published on Monday.", nil},
		// ASSAULT
		{"assault kill", "Militants killed three Nigerian soldiers in an ambush.", &want{"ASSAULT", "NGAREB", "NGAMIL", false}},
		{"assault passive", "Three Afghan soldiers were killed in a roadside bombing.", &want{"ASSAULT", "", "AFGMIL", false}},
		{"assault execute", "The Taliban executed two men accused of spying.", &want{"ASSAULT", "AFGREB", "---PPL", false}},
		{"assault: irregulars attack civilians", "Militiamen attacked Congolese refugees near the border.", &want{"ASSAULT", "CODUAF", "CODREF", false}},
		{"fight: state forces attack", "Ugandan troops attacked Congolese refugees near the border.", &want{"FIGHT", "UGAMIL", "CODREF", false}},
		{"assault torture", "Security forces in Guinea tortured Liberian refugees.", &want{"ASSAULT", "GINCOP", "LBRREF", false}},
		{"assault carried out a massacre", "The Burmese army carried out a massacre of Rohingya villagers.", &want{"ASSAULT", "MMRMIL", "MMRCVL", false}},
		{"assault committed a massacre", "Serbian forces committed a massacre in Srebrenica.", &want{"ASSAULT", "SRBMIL", "", false}},
		{"agree neg: committed to talks", "Iran committed to resuming talks with the European Union.", &want{"AGREE", "IRN", "IGOEUREEC", false}},
		// FIGHT
		{"fight bomb", "Israeli aircraft bombed Hamas positions in Gaza.", &want{"FIGHT", "ISR", "PSEREBHMS", false}},
		{"fight passive by", "The Israeli army was attacked by Hamas militants near Gaza.", &want{"FIGHT", "PSEREBHMS", "ISRMIL", false}},
		{"fight shell", "Ukrainian forces shelled Russian positions near Donetsk.", &want{"FIGHT", "UKRMIL", "RUS", false}},
		{"fight air strikes", "Israel launched air strikes on Hezbollah positions.", &want{"FIGHT", "ISR", "LBNREB", false}},
		{"retreat ceasefire", "Russia declared a unilateral ceasefire in Ukraine.", &want{"RETREAT", "RUS", "UKR", false}},
		{"retreat halt strikes", "Israel halted air strikes on Gaza.", &want{"RETREAT", "ISR", "PSEGZA", false}},
		{"concede end protest", "Serbian teachers ended their strike.", &want{"CONCEDE", "SRBEDU", "", false}},
		{"dateline", "DOHA, March 9 (Reuters) - Qatar hosted Israeli negotiators.", &want{"CONSULT", "QAT", "ISRGOV", false}},
		{"fight place is no source", "A roadside bomb near the town of Samarra killed two Iraqi civilians.", &want{"ASSAULT", "", "IRQCVL", false}},
		{"fight mine on civilians: military ordnance", "A landmine explosion in northern Iraq killed three Iraqi youths.", &want{"FIGHT", "", "IRQCVL", false}},
		{"fight fire", "Palestinian militants fired rockets at Israeli towns.", &want{"FIGHT", "PSEREB", "ISR", false}},
		// a state's own country named in an infinitive after the trigger is
		// where it acts, not a target; done to the country itself, it is
		{"home country: reform", "Ukrainian President Volodymyr Zelensky promised to reform Ukraine.", &want{"AGREE", "UKRGOV", "", false}},
		{"home country: resign to allow", "The Pakistani prime minister resigned to allow Pakistan's first free elections to go ahead.", &want{"RETREAT", "PAKGOV", "", false}},
		{"home country: lifted at home", "The Sudanese government lifted the state of emergency in Sudan.", &want{"CONCEDE", "SDNGOV", "SDN", false}},
		{"home country: its people stay", "The Serbian government vowed to protect Serbian civilians in Kosovo.", &want{"AGREE", "SRBGOV", "SRBCVL", false}},
		{"home country: a longer name stays", "The Kenyan president refused to resign despite pressure from the Kenya Human Rights Commission.", &want{"REJECT", "KENGOV", "KENGOVHRI", false}},
		{"home country: a foreign one stays", "Ukrainian President Volodymyr Zelensky promised to send aid to Moldova.", &want{"AGREE", "UKRGOV", "MDA", false}},
		// a relative clause or participle between subject and verb is background
		{"aside: relative clause", "Ethiopia, which has fought two wars with Eritrea, accused Sudan of arming rebels.", &want{"DISAPPROVE", "ETH", "SDN", false}},
		{"aside: who clause", "The opposition leader, who returned from exile last month, called for early elections.", &want{"DEMAND", "---OPP", "", false}},
		{"aside: participle", "Kenyan President Daniel arap Moi, speaking in Nairobi, urged Somali factions to end the fighting.", &want{"DEMAND", "KENGOV", "SOM", false}},
		// actors the dictionaries do not know keep their names (and role)
		{"named uncoded", "The Kessel Liberation Front rejected the truce offer.", &want{"REJECT", "---REB", "", false}},
		{"first name is no surname", "UN envoy Tomas Reinholt urged both sides to stay.", &want{"DEMAND", "IGOUNO", "", false}},
		// no event
		{"venue of talks", "The Geneva talks are a gamble.", nil},
		{"weather", "The weather was fine in Paris on Monday.", nil},
		{"exhibition", "The museum in Cairo opened a new exhibition.", nil},
		{"noun match", "The American team cancelled its friendly match with Egypt.", nil},
		{"people died", "Three people died in the storm in Texas.", nil},
		{"business", "General Electric received a contract from the Air Force.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			evs := analyse(t, c, tc.text)
			if tc.want == nil {
				if len(evs) != 0 {
					t.Errorf("%q: got %d events (%s %s), want none", tc.text, len(evs), evs[0].Plover, evs[0].Trigger.Of(tc.text))
				}
				return
			}
			if len(evs) == 0 {
				t.Fatalf("%q: no event, want %s", tc.text, tc.want.plover)
			}
			e := evs[0]
			tgt := ""
			if e.Target != nil {
				tgt = e.Target.Code
			}
			if e.Plover != tc.want.plover || e.Source.Code != tc.want.source || tgt != tc.want.target || e.Negated != tc.want.negated {
				t.Errorf("%q:\n got %s %s -> %s negated=%v (trigger %q)\nwant %s %s -> %s negated=%v", tc.text,
					e.Plover, e.Source.Code, tgt, e.Negated, e.Trigger.Of(tc.text),
					tc.want.plover, tc.want.source, tc.want.target, tc.want.negated)
			}
			if e.Cameo == "" || len(e.Cameo) != 2 {
				t.Errorf("CAMEO root %q, want two digits", e.Cameo)
			}
			if tc.name == "named uncoded" && e.Source.Text != "Kessel Liberation Front" {
				t.Errorf("source text %q, want the name Kessel Liberation Front", e.Source.Text)
			}
			if e.Trigger.Of(tc.text) == "" || e.Sentence.Of(tc.text) == "" {
				t.Errorf("empty trigger or sentence span: %+v", e)
			}
		})
	}
}

// TestPronounEntity: a pronoun the entity layer resolved is coded from its
// entity's role.
func TestPronounEntity(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	s := "He met the Qatari emir in Doha."
	doc := &article.Doc{Article: &article.Article{Text: s}}
	text.Analyse(doc)
	doc.Analysis.Mentions = []article.Mention{{Span: article.Span{Start: 0, End: 2}, Text: "He", Type: article.PER, Kind: "pronoun", Entity: 0}}
	doc.Analysis.Entities = []article.Entity{{Key: "per:x", Name: "Ahmed Ali", Type: article.PER, Mentions: []int{0},
		Roles: []article.Role{{Title: "foreign minister", Country: "EGY"}}}}
	if err := c.Analyse(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Analysis.Events) == 0 || doc.Analysis.Events[0].Source.Code != "EGYGOV" || doc.Analysis.Events[0].Source.Entity != 0 {
		t.Fatalf("events = %+v, want source EGYGOV (entity 0)", doc.Analysis.Events)
	}
}

// TestCoordinatedVerbs: a second predicate of the same subject is a
// second event with its own object.
func TestCoordinatedVerbs(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	s := "Israeli troops raided the Lebanese border post and arrested 12 Palestinians."
	evs := analyse(t, c, s)
	if len(evs) != 2 {
		t.Fatalf("got %d events, want 2: %+v", len(evs), evs)
	}
	if evs[0].Plover != "FIGHT" || evs[0].Target == nil || evs[0].Target.Code != "LBN" || evs[1].Plover != "COERCE" || evs[1].Source.Code != "ISRMIL" ||
		evs[1].Target == nil || evs[1].Target.Code != "PSE" {
		t.Errorf("events: %s %v, %s %s %v", evs[0].Plover, evs[0].Target, evs[1].Plover, evs[1].Source.Code, evs[1].Target)
	}
}

func TestWriteTSV(t *testing.T) {
	tgt := article.Actor{Code: "ISR", Entity: -1}
	rows := []Row{
		{Date: "2024-05-01", ArticleID: 7, Sentence: "Egypt offered\tto mediate\nbetween them.",
			Event: article.Event{Source: article.Actor{Code: "EGY"}, Target: &tgt, Plover: "AGREE", Cameo: "03", Code: "035"}},
		{ArticleID: 8, Sentence: "Police fired.", Event: article.Event{Source: article.Actor{Code: ""}, Plover: "FIGHT", Cameo: "19"}},
	}
	var b strings.Builder
	if err := WriteTSV(&b, rows...); err != nil {
		t.Fatal(err)
	}
	want := "date\tsource\ttarget\tcameo\tplover\tarticle\tsentence\n" +
		"2024-05-01\tEGY\tISR\t035\tAGREE\t7\tEgypt offered to mediate between them.\n" +
		"\t\t\t19\tFIGHT\t8\tPolice fired.\n"
	if b.String() != want {
		t.Errorf("WriteTSV:\n%q\nwant\n%q", b.String(), want)
	}
}

// TestEventDate: the timex stage's date in the sentence dates the event.
func TestEventDate(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	s := "Iran rejected the proposal on Monday. Egypt met Qatar."
	doc := &article.Doc{Article: &article.Article{Text: s}}
	text.Analyse(doc)
	doc.Analysis.Timexes = []article.Timex{{Span: article.Span{Start: 29, End: 35}, Text: "Monday", Type: "DATE", Value: "2024-05-06"}}
	if err := c.Analyse(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Analysis.Events) != 2 || doc.Analysis.Events[0].Date != "2024-05-06" || doc.Analysis.Events[1].Date != "" {
		t.Errorf("events = %+v, want the first dated 2024-05-06, the second undated", doc.Analysis.Events)
	}
}

func TestRowsOf(t *testing.T) {
	a := &article.Article{ID: 3, Text: "Iran rejected it. Egypt met Qatar.", Published: time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)}
	evs := []article.Event{
		{Sentence: article.Span{Start: 0, End: 17}, Plover: "REJECT"},
		{Sentence: article.Span{Start: 18, End: 34}, Plover: "CONSULT", Date: "2024-04-30"},
	}
	rows := RowsOf(a, evs)
	if len(rows) != 2 || rows[0].Date != "2024-05-02" || rows[1].Date != "2024-04-30" ||
		rows[0].Sentence != "Iran rejected it." || rows[1].Sentence != "Egypt met Qatar." || rows[1].ArticleID != 3 {
		t.Errorf("RowsOf = %+v", rows)
	}
}

// TestConcurrent runs one Coder from many goroutines (go test -race).
func TestConcurrent(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	const s = "Egypt offered to mediate between Israel and Hamas. Police arrested 20 activists in Minsk."
	want := len(analyse(t, c, s))
	done := make(chan int)
	for range 8 {
		go func() {
			n := 0
			for range 20 {
				doc := &article.Doc{Article: &article.Article{Text: s}}
				text.Analyse(doc)
				_ = c.Analyse(doc)
				n = len(doc.Analysis.Events)
			}
			done <- n
		}()
	}
	for range 8 {
		if n := <-done; n != want {
			t.Errorf("concurrent run gave %d events, want %d", n, want)
		}
	}
}

// TestNoTextLayer: a Doc without tokens codes nothing and does not fail.
func TestNoTextLayer(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []*article.Doc{nil, {}, {Article: &article.Article{Text: "Iran rejected the proposal."}}} {
		if err := c.Analyse(doc); err != nil {
			t.Errorf("Analyse: %v", err)
		}
	}
}

func FuzzAnalyse(f *testing.F) {
	for _, s := range []string{
		"Egypt offered to mediate between Israel and Hamas.",
		"The Israeli army was attacked by Hamas militants near Gaza, officials said.",
		"Russia said Sudan must return the helicopter unless, , and to to",
		"U.S. and Russian negotiators return to Geneva this week for talks.",
		"It was not.", "", "’s ' , and ; —",
		"DOHA, March 9 (Wire) - The government of Varenia and the rebel Kessel Front agreed.",
		"AB, - ( ) -", "X-led forces, through spokesman Y, who came to Z to sign, wounded in a Q ambush",
	} {
		f.Add(s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := &article.Doc{Article: &article.Article{Text: s}}
		text.Analyse(doc)
		if err := c.Analyse(doc); err != nil {
			t.Fatalf("Analyse(%q): %v", s, err)
		}
		for _, e := range doc.Analysis.Events {
			for _, sp := range []article.Span{e.Sentence, e.Trigger, e.Source.Span} {
				if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
					t.Fatalf("span %+v out of range in %q", sp, s)
				}
			}
			if e.Plover == "" || len(e.Cameo) != 2 {
				t.Fatalf("event without category: %+v", e)
			}
		}
	})
}

// BenchmarkCoder measures sentences per second through the text layer and
// the coder on invented news sentences.
func BenchmarkCoder(b *testing.B) {
	c, err := New()
	if err != nil {
		b.Fatal(err)
	}
	sents := []string{
		"French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday.",
		"Egypt offered to mediate between Israel and Hamas, the foreign ministry said.",
		"The European Union imposed sanctions on Iran, and Canada expelled two Chinese diplomats.",
		"Thousands of protesters demonstrated in Paris against the pension reform.",
		"The Israeli army was attacked by Hamas militants near Gaza.",
		"The Lebanese government demanded that Israel withdraw its troops from the south.",
		"Russia has threatened to stop negotiations if the United States deploys new missiles in Europe.",
		"The weather was fine in Paris on Monday.",
	}
	txt := strings.Join(sents, " ")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		doc := &article.Doc{Article: &article.Article{Text: txt}}
		text.Analyse(doc)
		if err := c.Analyse(doc); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(sents)*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// TestEntityRoles: a person the dictionaries do not know is coded from the
// role the entity layer attached to the mention.
func TestEntityRoles(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	s := "Oniya summoned the ambassador of Niger."
	doc := &article.Doc{Article: &article.Article{Text: s}}
	text.Analyse(doc)
	doc.Analysis.Mentions = []article.Mention{{
		Span: article.Span{Start: 0, End: 5}, Text: "Oniya", Type: article.PER, Kind: "name", Entity: 0,
		Role: &article.Role{Title: "foreign minister", Country: "NGA"},
	}}
	doc.Analysis.Entities = []article.Entity{{Key: "per:dubem-oniya", Name: "Dubem Oniya", Type: article.PER, Mentions: []int{0}}}
	if err := c.Analyse(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Analysis.Events) == 0 {
		t.Fatal("no event")
	}
	e := doc.Analysis.Events[0]
	if e.Source.Code != "NGAGOV" || e.Source.Entity != 0 {
		t.Errorf("source = %q (entity %d), want NGAGOV from the mention's role (entity 0)", e.Source.Code, e.Source.Entity)
	}
	if e.Target == nil || e.Target.Code != "NERGOV" {
		t.Errorf("target = %+v, want NERGOV", e.Target)
	}
}

// A name the dictionaries do not know still says who acted, but not when it
// sits in a locative phrase of the subject: there it says where.
func TestUnknownPlaceInSubjectIsNoSource(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, source string }{
		{"Shelling around the city of Orsk killed at least 14 civilians.", ""},
		{"Fighters in Belvar attacked an army convoy.", "Fighters"},
		{"Orsk militia leader Dren Malan attacked an army convoy.", "militia leader Dren Malan"},
	} {
		evs := analyse(t, c, tc.text)
		if len(evs) == 0 {
			t.Errorf("%q: no event", tc.text)
			continue
		}
		if got := evs[0].Source.Text; got != tc.source {
			t.Errorf("%q: source %q, want %q", tc.text, got, tc.source)
		}
	}
}
