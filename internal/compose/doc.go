// Package compose owns the dossier of a story: from the analysed articles of
// one story (or storyline) it builds a cited timeline, the actors and their
// roles, an actor × issue table of positions, quotes by speaker, a comparison
// of the sources, contradictions and anachronisms, and an extractive summary.
// Every statement in a dossier cites the article and the sentence span it
// came from, so a reader (or the web UI) can always go back to the source.
//
// compose does not read the store: the caller loads a story's articles,
// analyses and memberships into an Input. It also holds the Timeline17
// evaluation of the timeline builder (date selection by mention counts,
// sentence selection by centroid similarity) and the ROUGE variant of
// Martschat & Markert used to score it.
package compose
