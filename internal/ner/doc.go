// Package ner owns dossier's named-entity recogniser: a two-pass
// averaged structured-perceptron tagger over BILOU labels, trained and
// decoded by the same narrow beam search over whole sentences, for the CoNLL-2003 types (PER,
// ORG, LOC, MISC, with GPE split from LOC by a gazetteer post-pass), the
// features it uses (word forms, shapes, affixes, context, word clusters and
// word vectors, gazetteers of names and titles, runs of capitalised words,
// document-level evidence), its trainer, the embedded model, the pipeline
// stage that turns tags into article.Mention spans, and the readers and scorer for the
// benchmarks it is measured on (CoNLL-2003, MEANTIME).
//
// The model is trained by the project ("dossier train ner"), deterministically:
// the same data and options give the same bytes as model/ner.bin.gz. The word
// clusters (model/clusters.tsv.gz), word vectors (model/vectors.bin.gz) and
// gazetteer (model/gazetteer.tsv.gz) are derived by ./cmd/nerclusters,
// ./cmd/nervectors and ./cmd/nergazetteer (model/README.md lists the sources
// and their licences).
package ner
