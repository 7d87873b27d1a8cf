package text

// abbrKind says how a word written with a trailing period behaves.
type abbrKind uint8

const (
	abbrNone abbrKind = iota
	// abbrAlways: the period belongs to the word; it ends a sentence only
	// when a clear sentence start follows ("in the U.S. The …").
	abbrAlways
	// abbrTitle: a title before a name; the period never ends a sentence.
	abbrTitle
	// abbrBeforeNumber: an abbreviation only before a number ("No. 10").
	abbrBeforeNumber
)

// abbreviations are the words news text writes with a period that is not a
// full stop. Dotted acronyms (U.S., a.m.) and initials are recognised by
// shape and need no entry. Read-only.
var abbreviations = map[string]abbrKind{
	// Titles and forms of address: always followed by a name.
	"Mr": abbrTitle, "Mrs": abbrTitle, "Ms": abbrTitle, "Messrs": abbrTitle, "Mme": abbrTitle, "Dr": abbrTitle,
	"Prof": abbrTitle, "Gen": abbrTitle, "Lt": abbrTitle, "Col": abbrTitle, "Maj": abbrTitle, "Capt": abbrTitle,
	"Cmdr": abbrTitle, "Adm": abbrTitle, "Sgt": abbrTitle, "Cpl": abbrTitle, "Pvt": abbrTitle, "Brig": abbrTitle,
	"Sen": abbrTitle, "Rep": abbrTitle, "Gov": abbrTitle, "Pres": abbrTitle, "Supt": abbrTitle,
	"Insp": abbrTitle, "Rev": abbrTitle, "Fr": abbrTitle, "Hon": abbrTitle, "Amb": abbrTitle, "Sec": abbrTitle,
	"Atty": abbrTitle, "Det": abbrTitle, "Mt": abbrTitle, "Ft": abbrTitle, "St": abbrAlways,
	"MR": abbrTitle, "MRS": abbrTitle, "DR": abbrTitle, "GEN": abbrTitle, "SEN": abbrTitle, "REP": abbrTitle,

	// Company and name suffixes.
	"Inc": abbrAlways, "Corp": abbrAlways, "Co": abbrAlways, "Ltd": abbrAlways, "Bros": abbrAlways,
	"Cos": abbrAlways, "Plc": abbrAlways, "Jr": abbrAlways, "Sr": abbrAlways, "Dept": abbrAlways,
	"Assn": abbrAlways, "Intl": abbrAlways, "Govt": abbrAlways, "Univ": abbrAlways, "Ave": abbrAlways,
	"Blvd": abbrAlways, "Rd": abbrAlways, "INC": abbrAlways, "CORP": abbrAlways, "CO": abbrAlways, "LTD": abbrAlways,

	// Months and days.
	"Jan": abbrAlways, "Feb": abbrAlways, "Mar": abbrAlways, "Apr": abbrAlways, "Jun": abbrAlways,
	"Jul": abbrAlways, "Aug": abbrAlways, "Sep": abbrAlways, "Sept": abbrAlways, "Oct": abbrAlways,
	"Nov": abbrAlways, "Dec": abbrAlways, "Mon": abbrAlways, "Tue": abbrAlways, "Tues": abbrAlways,
	"Wed": abbrAlways, "Thu": abbrAlways, "Thur": abbrAlways, "Thurs": abbrAlways, "Fri": abbrAlways,

	// US states as news agencies abbreviate them.
	"Ala": abbrAlways, "Ariz": abbrAlways, "Ark": abbrAlways, "Calif": abbrAlways, "Colo": abbrAlways,
	"Conn": abbrAlways, "Del": abbrAlways, "Fla": abbrAlways, "Ga": abbrAlways, "Ill": abbrAlways,
	"Ind": abbrAlways, "Kan": abbrAlways, "Ky": abbrAlways, "La": abbrAlways, "Md": abbrAlways,
	"Mass": abbrAlways, "Mich": abbrAlways, "Minn": abbrAlways, "Mo": abbrAlways,
	"Mont": abbrAlways, "Neb": abbrAlways, "Nev": abbrAlways, "Okla": abbrAlways, "Ore": abbrAlways,
	"Pa": abbrAlways, "Tenn": abbrAlways, "Tex": abbrAlways, "Va": abbrAlways, "Vt": abbrAlways,
	"Wash": abbrAlways, "Wis": abbrAlways, "Wyo": abbrAlways,

	// Latin and general abbreviations.
	"etc": abbrAlways, "vs": abbrAlways, "v": abbrAlways, "approx": abbrAlways, "est": abbrAlways,
	"cf": abbrAlways, "al": abbrAlways, "viz": abbrAlways, "ca": abbrAlways, "incl": abbrAlways,
	"pct": abbrAlways, "mln": abbrAlways, "bln": abbrAlways, "dlrs": abbrAlways,
	"cts": abbrAlways, "Nos": abbrBeforeNumber, "No": abbrBeforeNumber, "no": abbrBeforeNumber,
	"Art": abbrBeforeNumber, "Vol": abbrBeforeNumber, "vol": abbrBeforeNumber, "pp": abbrBeforeNumber,
	"Fig": abbrBeforeNumber, "fig": abbrBeforeNumber,
}

// sentenceStarters are capitalised words that, after an abbreviation such as
// "U.S." or "Inc.", show that a new sentence has begun: function words that
// rarely continue a name. Read-only.
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true, "We": true,
	"I": true, "You": true, "But": true, "And": true, "Or": true, "So": true, "Yet": true, "In": true,
	"On": true, "At": true, "For": true, "From": true, "With": true, "By": true, "As": true, "After": true,
	"Before": true, "When": true, "While": true, "If": true, "Although": true, "Though": true,
	"This": true, "That": true, "These": true, "Those": true, "There": true, "Here": true, "His": true,
	"Her": true, "Its": true, "Their": true, "Our": true, "My": true, "Your": true, "Some": true,
	"Many": true, "Most": true, "All": true, "No": true, "Not": true, "Both": true, "Each": true,
	"Such": true, "What": true, "Who": true, "Why": true, "How": true, "Where": true, "Which": true,
	"Meanwhile": true, "However": true, "Also": true, "Still": true, "Now": true, "Then": true,
	"Earlier": true, "Later": true, "Since": true, "Until": true, "During": true, "According": true,
	"Despite": true, "Instead": true, "Under": true, "Officials": true, "Analysts": true, "Shares": true,
	"Last": true, "Next": true, "Other": true, "Another": true, "One": true, "Two": true, "Three": true,
	"Is": true, "Are": true, "Was": true, "Were": true, "Do": true, "Does": true, "Did": true,
	"Will": true, "Would": true, "Can": true, "Could": true, "Should": true, "Has": true, "Have": true,
	"Had": true, "Because": true, "Thus": true, "Nor": true, "Even": true, "Only": true, "More": true,
	"Much": true, "Few": true, "Several": true, "Over": true, "About": true, "Among": true, "To": true,
	"Of": true, "Asked": true, "Separately": true, "Sources": true, "Reuters": true, "Prices": true,
}

// timeFollowers are the capitalised words that may follow "4 p.m." inside a
// sentence: days, months, time zones. Read-only.
var timeFollowers = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true,
	"Sunday": true, "Mon.": true, "Tue.": true, "Wed.": true, "Thu.": true, "Fri.": true, "January": true,
	"February": true, "March": true, "April": true, "May": true, "June": true, "July": true, "August": true,
	"September": true, "October": true, "November": true, "December": true, "Jan.": true, "Feb.": true,
	"Aug.": true, "Sept.": true, "Oct.": true, "Nov.": true, "Dec.": true, "ET": true, "EST": true, "EDT": true,
	"CT": true, "CST": true, "CDT": true, "MT": true, "PT": true, "PST": true, "PDT": true, "GMT": true,
	"UTC": true, "BST": true, "CET": true, "CEST": true, "IST": true, "JST": true, "AEST": true, "Eastern": true,
	"Pacific": true, "Central": true, "Mountain": true, "local": true, "Local": true, "Today": false,
}
