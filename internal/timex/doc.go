// Package timex owns time expressions: it finds TimeML TIMEX3 expressions
// (DATE, TIME, DURATION, SET) in article text with exact byte spans, normalises
// them to TimeML values, resolves relative expressions against the document
// creation time (DCT) and against earlier expressions, and establishes the
// article's own date (DocDate) from metadata or, failing that, from evidence
// in the text.
//
// The tagger is a HeidelTime-style rule set: regular patterns over word
// classes (month names, weekdays, number words, units, modifiers), each with a
// normaliser. Rules are general grammar for English news, not fitted to
// individual sentences.
package timex
