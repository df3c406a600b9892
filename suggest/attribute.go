package suggest

import (
	"strings"
	"unicode"
)

// Kinds of attribution.
const (
	attrNone      = iota
	attrDirect    // a speech verb with its subject: “…,” she said
	attrAccording // according to X
	attrColon     // Name: “…”
	attrInherited // no cue of its own: the previous quote's speaker
)

// attribution is what the words around a quotation say about its speaker.
type attribution struct {
	kind      int
	cue       string
	npA, npB  int  // tokens naming the speaker, inclusive; npA < 0 when none
	cueTok    int  // first token of the cue
	cueEnd    int  // last token of the cue (according to: two)
	immediate bool // the attribution follows the closing mark at once
}

// cueVerbs attribute a quotation to their subject (or, inverted, to the
// words after them: “…,” said the mayor).
var cueVerbs = set(
	"said", "says", "say", "saying", "wrote", "writes", "write", "testified", "testifies", "quipped", "added", "adds",
	"told", "tells", "asked", "asks", "stated", "explained", "explains", "argued", "argues", "noted", "recalled",
	"insisted", "insists", "warned", "warns", "replied", "replies", "responded", "continued", "acknowledged",
	"admitted", "declared", "remarked", "tweeted", "conceded", "countered", "counters", "complained", "predicted",
	"suggested", "urged", "announced", "observed", "cautioned", "claimed", "claims", "contended", "maintained",
	"emphasized", "emphasised", "stressed", "concluded", "joked", "boasted", "promised", "vowed", "pleaded",
	"shouted", "whispered", "recounted", "mused", "scoffed", "retorted", "objected", "disagreed", "agreed", "wondered",
	"conceded", "confirmed", "denied", "insisted", "reiterated", "charged", "alleged", "lamented", "declared",
	"explained", "described", "called", "put", "texted", "emailed", "e-mailed", "posted", "testify", "thundered",
	"snapped", "sighed", "laughed", "estimated", "reported", "advised", "assured", "acknowledges", "notes", "adds",
	"call", "calls", "echoed", "reveals", "revealed", "accused", "accuses", "pledged", "referred", "refers",
	"declared", "asserted", "asserts", "blasted", "slammed", "praised", "criticized", "criticised", "mocked", "touted",
	"quoted", "cited", "chanted", "yelled", "screamed", "tweets", "posts",
	"wrote", "writes", "texted", "messaged", "stated", "recalls", "explains", "continues", "answered",
	"answers", "demanded", "opined", "proclaimed", "recounted", "elaborated", "quips", "barked", "exclaimed",
	"interjected", "beamed", "emphasizes", "cried", "pressed", "interrupted", "fumed", "groused", "griped",
	"grumbled", "marveled", "raged", "seethed", "sniped", "puts", "quip", "explain", "insist", "argue", "warn",
	"reads", "remembered", "reacted", "exhorted", "sang",
)

// presentCue reports whether a word is the present tense of a speech verb
// whose past tense is a cue (concludes, recalls, complains), and not as
// often a noun (charges, states, jokes).
func presentCue(w string) bool {
	if len(w) < 5 || w[len(w)-1] != 's' || strings.HasSuffix(w, "ss") || nounable[w] || pluralNouns[w] {
		return false
	}
	stem := w[:len(w)-1]
	if cueVerbs[stem+"d"] || cueVerbs[stem+"ed"] {
		return true // concludes, remarks
	}
	if strings.HasSuffix(w, "ies") && cueVerbs[w[:len(w)-3]+"ied"] {
		return true // replies
	}
	return strings.HasSuffix(w, "es") && cueVerbs[w[:len(w)-2]+"ed"] // pushes
}

// pluralNouns are present tenses of cue verbs that are more often nouns.
var pluralNouns = set("charges", "states", "reports", "objects", "counters", "jokes", "boasts", "laughs", "sighs",
	"cries", "pleads", "snaps", "texts", "emails", "e-mails", "messages", "posts", "praises", "blasts", "cites",
	"chants", "yells", "screams", "barks", "whispers", "thunders", "quotes", "refers", "advises", "reveals", "accounts")

// nounable cue words are as often nouns (a call, the claims, his tweets).
var nounable = set("call", "calls", "claims", "notes", "tweets", "posts", "answers", "replies", "demands", "promise",
	"promises", "pledges", "vows", "remarks", "comments", "estimates", "reports", "reads", "states")

// shortCues, in the sentence of a quotation of one to three words, say
// that the words are someone's (he promised to act “very soon”; she
// accused him of a “cover-up”), not a scare quote: the speech verbs and
// verbs of judging and naming another's words.
var shortCues = set("promised", "promises", "pledged", "vowed", "accused", "accuses", "described", "describes",
	"called", "calls", "labeled", "labelled", "branded", "dismissed", "derided", "denounced", "condemned",
	"characterized", "characterised", "portrayed", "referred", "refers", "warned", "urged", "praised", "hailed",
	"blasted", "slammed", "criticized", "criticised", "mocked", "touted", "insisted", "argued", "suggested",
	"claimed", "claims", "declared", "decried", "lamented", "admitted", "saying", "says", "said", "told", "tells",
	"wrote", "writes", "tweeted", "added", "according", "asked", "noted", "stated", "announced", "predicted",
	"complained", "stressed", "agreed", "echoed", "repeated", "quoted", "cited", "termed", "deemed", "considered",
	"expressed", "voiced", "welcomed", "acknowledged", "conceded", "boasted", "bragged", "joked", "quipped",
	"vows", "accuses", "calls", "describes", "warns", "urges", "praises", "slams", "blasts", "mocks", "touts",
	"insists", "argues", "suggests", "declares", "notes", "noting", "echoing", "echoed", "reiterated", "denounce",
	"denounced", "promise", "promising", "pledging", "labeling", "labelling", "vowing", "calling", "telling",
	"describing", "accusing", "warning", "urging", "insisting", "arguing", "adding", "tweeting", "writing",
	"telling", "asserted", "asserting", "coined", "dismissing", "blaming", "blamed", "criticizing", "attacking",
	"attacked", "ridiculed", "derided", "apologized", "thanked", "pushed", "demanded", "demanding", "predicts",
	"recalled", "recalls", "remarked", "responded", "replied", "retorted", "shouted", "yelled", "chanted",
	"believes", "believed", "thinks", "thought", "feels", "felt", "referenced", "invoked", "interjecting",
	"suggesting", "denouncing", "decrying", "touting", "mocking", "insisted")

// objectFirst cues attribute only with an object between them and the
// mark: "called the plan “…”" is speech, "called “…”" names something.
var objectFirst = set("called", "call", "calls", "described", "put", "puts")

// pronouns that stand for a speaker.
var pronouns = set("he", "she", "they", "it", "we", "i")

// determiners open a noun phrase: walking back from a verb stops after one.
var determiners = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
	"another", "other", "several", "some", "many", "two", "three", "both", "each", "one", "most", "few", "all")

// npStops end a noun phrase when walking back from a verb.
var npStops = set("and", "but", "or", "nor", "that", "which", "who", "who's", "whom", "because", "although", "though", "while",
	"if", "when", "so", "as", "than", "then", "is", "was", "are", "were", "be", "been", "to", "not", "where", "after",
	"before", "since", "until", "what", "however", "yet", "also", "even", "only", "said", "says", "there", "here", "in",
	"on", "at", "by", "from", "with", "into", "about")

// auxiliaries and adverbs may stand between a subject and its verb.
var auxiliaries = set("also", "later", "then", "again", "once", "has", "had", "have", "was", "is", "previously",
	"repeatedly", "recently", "further", "reportedly", "often", "still", "has", "would", "will", "did", "had", "even",
	"simply", "just", "flatly", "quickly", "finally", "first", "now", "already", "never", "could", "can", "may",
	"might", "should", "must", "only")

// midAdverbs stand between a subject and its verb without commas, in
// lower case: Ruiz however said; Hale instead argued.
var midAdverbs = set("however", "though", "instead", "therefore", "too")

// adverbPhrases are two words that stand between a subject and its verb as
// one adverb does: Ruiz had at last described.
var adverbPhrases = set("at last", "at least", "at first", "of course", "in turn", "in fact", "once again", "at times",
	"at once", "in effect", "by then", "until then", "since then")

// parentheticals start a clause set off by commas between a subject and its
// verb: Ruiz, in her e-mail, quipped.
var parentheticals = set("in", "at", "on", "during", "after", "before", "speaking", "writing", "according", "who",
	"which", "while", "when", "like", "asked", "including", "for", "with", "from", "under", "unlike", "as", "through",
	"appearing", "testifying", "responding", "reached", "interviewed", "by", "not", "too", "however", "though", "who's")

// afterStops end the speaker's words after an inverted verb: “…,” said
// Ruiz in testimony.
var afterStops = set("who", "who's", "which", "that", "whose", "in", "at", "on", "during", "after", "before", "to", "with",
	"from", "by", "while", "when", "as", "about", "last", "this", "and", "but", "told", "said", "adding", "noting",
	"referring", "speaking", "writing", "yesterday", "today", "tuesday", "monday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "earlier", "later", "recently", "because", "since", "if")

func (d *doc) isWord(i int) bool { return d.toks[i].kind == word && d.toks[i].role == outside }

// cueAt reports whether token i is an attribution cue; according is true
// for "according to" (whose speaker follows).
func (d *doc) cueAt(i int) (cue string, according bool) {
	t := d.toks[i]
	if t.kind != word || t.role != outside {
		return "", false
	}
	if t.low == "according" && i+1 < len(d.toks) && d.toks[i+1].low == "to" {
		return "according to", true
	}
	// shot back, fired back, hit back, pushed back: a cue of two words.
	if (t.low == "shot" || t.low == "fired" || t.low == "hit" || t.low == "pushed") && i+1 < len(d.toks) && d.toks[i+1].low == "back" {
		return t.text + " " + d.toks[i+1].text, false
	}
	// pointed out, points out: a cue of two words whose subject speaks.
	if (t.low == "pointed" || t.low == "points") && i+1 < len(d.toks) && d.toks[i+1].low == "out" {
		return t.text + " " + d.toks[i+1].text, false
	}
	// “…?” Ruiz went on; she chimed in: a cue of two words right after a
	// quotation or before its mark.
	if (t.low == "went" || t.low == "goes" || t.low == "chimed" || t.low == "weighed" || t.low == "cut" || t.low == "broke") &&
		i+2 < len(d.toks) && (d.toks[i+1].low == "on" && (t.low == "went" || t.low == "goes") || d.toks[i+1].low == "in" && t.low != "went" && t.low != "goes") &&
		(d.toks[i+2].kind == punct || d.toks[i+2].kind == markOpen) {
		return t.text + " " + d.toks[i+1].text, false
	}
	// “…,” read the email: a document's words, inverted right after the mark.
	if (t.low == "read" || t.low == "reads") && d.afterClose(i) {
		return t.text, false
	}
	// “…,” the statement read; “…,” a voice-over in the ad states: a
	// document's words, its phrase between the mark and the verb.
	if (t.low == "read" || t.low == "reads" || t.low == "states") && d.documentAfterClose(i) {
		return t.text, false
	}
	// related that, relayed that: a verb of telling before what it reports.
	if (t.low == "related" || t.low == "relayed" || t.low == "relates" || t.low == "relays") && i+1 < len(d.toks) && d.toks[i+1].low == "that" {
		return t.text, false
	}
	if !cueVerbs[t.low] && !presentCue(t.low) {
		return "", false
	}
	// A capitalised cue word inside a sentence is a name (the United States).
	if t.capital() && i > 0 && d.toks[i-1].sent == t.sent {
		return "", false
	}
	// "called" and "described" attribute only with an object before the
	// mark ("called it “…”"); right before a mark they name something.
	if objectFirst[t.low] && (i+1 >= len(d.toks) || d.toks[i+1].kind == markOpen || d.toks[i+1].kind != word) {
		return "", false
	}
	// A cue inside an infinitive ("declined to say") attributes nothing.
	if i > 0 && d.toks[i-1].low == "to" {
		return "", false
	}
	// A noun, not a verb, after a determiner or a possessor, with at most
	// one word between: his claims, Ruiz's repeated calls, a blunt call.
	if (nounable[t.low] || strings.HasSuffix(t.low, "s")) && i > 0 {
		if p := d.toks[i-1]; p.kind == word && (determiners[p.low] || possessive(p.low)) {
			return "", false
		}
		if nounable[t.low] && i > 1 && d.isWord(i-1) && !d.toks[i-1].capital() && !roleNouns[d.toks[i-1].low] {
			if p := d.toks[i-2]; p.kind == word && (p.low == "a" || p.low == "an" || p.low == "the" || possessive(p.low) || p.low == "his" || p.low == "her" || p.low == "their") {
				return "", false
			}
		}
	}
	return t.text, false
}

// documentAfterClose reports whether the verb at i follows a closing mark
// and a short phrase that opens with a determiner (“…,” the statement
// read), with the verb ending its clause.
func (d *doc) documentAfterClose(i int) bool {
	if i+1 >= len(d.toks) || d.toks[i+1].kind == word {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if !d.isWord(k) || d.toks[k].sent != d.toks[i].sent {
			return false
		}
		if w := d.toks[k].low; (w == "the" || w == "a" || w == "an" || w == "its" || w == "his" || w == "her" || w == "their") && k < i-1 {
			return d.afterClose(k)
		}
	}
	return false
}

// sentenceAdverbs and conjunctions open a sentence before a comma and are
// never the subject of a cue (Rather, he said, …; Sure, he admits …; But,
// said Pike, …).
var sentenceAdverbs = set("but", "and", "so", "or", "rather", "sure", "instead", "likewise", "moreover", "furthermore", "indeed", "besides",
	"otherwise", "similarly", "perhaps", "maybe", "still", "yet", "meanwhile", "however", "nonetheless", "notably",
	"privately", "publicly")

// attribute finds the speaker cue of quotation qi: right after its closing
// mark, then in its sentence before it, then later in its sentence, then
// anywhere else in its sentence (past other quotations).
func (d *doc) attribute(qi int) attribution {
	open, close := d.openTok[qi], d.closeTok[qi]
	if open < 0 {
		return attribution{npA: -1}
	}
	sOpen, sClose := d.toks[open].sent, d.toks[close].sent
	// A sentence is read no further than reach tokens from the quotation,
	// so that a text without full stops costs no more than one with them.
	sBeg, sEnd := max(d.sentBeg[sOpen], open-reach), min(d.sentEnd[sClose], close+reach)
	bStart := sBeg
	if qi > 0 && d.closeTok[qi-1] >= bStart {
		bStart = d.closeTok[qi-1] + 1
	}
	aEnd := sEnd
	if qi+1 < len(d.qs) && d.openTok[qi+1] >= 0 && d.openTok[qi+1] <= aEnd {
		aEnd = d.openTok[qi+1] - 1
	}
	after := d.firstCue(close+1, aEnd)
	if after.kind != attrNone && after.immediate {
		return after
	}
	if signed := d.signedAfter(close); signed.kind != attrNone {
		return signed
	}
	if verb := d.pastVerbAfter(close); verb.kind != attrNone {
		return verb
	}
	// The nearest verb before the quotation is a participle after "with"
	// and a name: that name speaks, not an earlier cue's subject.
	for v := open - 1; v > bStart && v >= open-12; v-- {
		if t := d.toks[v]; t.kind == word && t.role == outside && strings.HasSuffix(t.low, "ing") && !t.capital() {
			if w := d.withParticiple(v, bStart); w.kind != attrNone {
				return w
			}
			// with Pike taking to Twitter to call him “…”: a participle
			// whose infinitive speaks.
			for c := v + 2; c < open && c <= v+6; c++ {
				if d.toks[c-1].low == "to" && d.isWord(c) && (cueVerbs[d.toks[c].low] || shortCues[d.toks[c].low] || judging[d.toks[c].low]) {
					if w := d.withName(v, bStart); w.kind != attrNone {
						w.cue, w.cueTok, w.cueEnd = d.toks[c].text, c, c
						return w
					}
					break
				}
			}
			break
		}
	}
	// A quoted term just before in the sentence may stand inside the
	// cue's clause: its subject is read past it (Hemsley, the co-author
	// of “Going Viral,” about …, said the days of “…”).
	lo := bStart
	if qi > 0 && d.closeTok[qi-1] >= sBeg && d.closeTok[qi-1] == bStart-1 && d.termTok(d.closeTok[qi-1]) {
		lo = sBeg
		if qi > 1 && d.closeTok[qi-2] >= sBeg {
			lo = d.closeTok[qi-2] + 1
		}
	}
	if before := d.lastCueFrom(bStart, open-1, lo); before.kind != attrNone {
		return before
	}
	if colon := d.colon(bStart, open); colon.kind != attrNone {
		return colon
	}
	if colon := d.clauseColon(bStart, open); colon.kind != attrNone {
		return colon
	}
	if after.kind != attrNone {
		return after
	}
	// Elsewhere in the sentence: after the quotations that follow, then before.
	// A quoted term between may stand inside the cue's clause: “…,” Ohio
	// delegate Dan Pike, wearing “Ruiz for Mayor” pins, said.
	restLo := aEnd + 1
	if qi+1 < len(d.qs) && d.openTok[qi+1] == aEnd+1 && d.termTok(aEnd+1) {
		restLo = close + 1
	}
	if rest := d.firstCueFrom(aEnd+1, sEnd, restLo); rest.kind != attrNone {
		rest.immediate = false
		return rest
	}
	if rest := d.lastCue(sBeg, bStart-1); rest.kind != attrNone {
		return rest
	}
	if sub := d.subjectCue(max(d.sentBeg[sOpen], open-reach), open); sub.kind != attrNone {
		return sub
	}
	// A sentence of the same paragraph, just before and without quotation
	// marks, that says who speaks: Jamal Reyes said the walkout had support. “…”
	if p := d.sentBeg[sOpen] - 1; p >= 0 && p >= open-reach && d.toks[p].para == d.toks[open].para {
		ps := d.toks[p].sent
		pBeg := max(d.sentBeg[ps], p-reach)
		if d.noQuotes(pBeg, p) {
			if prev := d.lastCue(pBeg, p); prev.kind != attrNone {
				return prev
			}
			// Its subject with a verb of speech: Bolton distanced himself
			// from the group by saying he would help if asked. “…”
			if open == d.sentBeg[sOpen] {
				if prev := d.subjectCue(pBeg, p+1); prev.kind != attrNone {
					prev.immediate = false
					return prev
				}
			}
		}
	}
	// A quotation that opens its paragraph with nothing after it in its
	// sentence, after a paragraph whose last sentence has no quotation
	// marks and says who speaks (Ruiz told reporters the count was late.
	// ¶ “We waited all night.”).
	if p := d.sentBeg[sOpen] - 1; p >= 0 && p >= open-reach && open == d.sentBeg[sOpen] &&
		d.toks[p].para == d.toks[open].para-1 && d.onlyPunct(close+1, d.sentEnd[sClose]) {
		ps := d.toks[p].sent
		pBeg := max(d.sentBeg[ps], p-reach)
		if d.noQuotes(pBeg, p) {
			if prev := d.lastCue(pBeg, p); prev.kind != attrNone {
				prev.immediate = false
				return prev
			}
			if prev := d.subjectCue(pBeg, p+1); prev.kind != attrNone {
				prev.immediate = false
				return prev
			}
			// … Ana Ruiz issued the following statement: ¶ “…”.
			if d.toks[p].text == ":" {
				if prev := d.clauseColon(pBeg, p+1); prev.kind != attrNone {
					prev.immediate = false
					return prev
				}
			}
		}
	}
	return attribution{npA: -1}
}

// reach is how many tokens around a quotation its sentence is searched for a cue.
const reach = 80

// firstCue finds the first cue in tokens [a, b] with a speaker.
func (d *doc) firstCue(a, b int) attribution {
	for i := a; i <= b && i < len(d.toks); i++ {
		d.tick(1)
		if at := d.cueWithSpeaker(i, a, b); at.kind != attrNone {
			at.immediate = at.npA >= 0 && d.onlyPunct(a, min(at.npA, i)-1)
			return at
		}
	}
	return attribution{npA: -1}
}

// lastCue finds the last cue in tokens [a, b] with a speaker.
func (d *doc) lastCue(a, b int) attribution { return d.lastCueFrom(a, b, a) }

// lastCueFrom finds the last cue in tokens [a, b] with a speaker read no
// further back than token lo.
func (d *doc) lastCueFrom(a, b, lo int) attribution {
	for i := b; i >= a && i >= 0; i-- {
		d.tick(1)
		if at := d.cueWithSpeaker(i, lo, b); at.kind != attrNone {
			return at
		}
	}
	return attribution{npA: -1}
}

// firstCueFrom finds the first cue in tokens [a, b] with a speaker read no
// further back than token lo.
func (d *doc) firstCueFrom(a, b, lo int) attribution {
	for i := a; i <= b && i < len(d.toks); i++ {
		d.tick(1)
		if at := d.cueWithSpeaker(i, lo, b); at.kind != attrNone {
			return at
		}
	}
	return attribution{npA: -1}
}

// noQuotes reports whether tokens [a, b] are all outside quotation marks.
func (d *doc) noQuotes(a, b int) bool {
	for i := a; i <= b; i++ {
		if d.toks[i].role != outside {
			return false
		}
	}
	return true
}

// onlyPunct reports whether tokens [a, b] are punctuation (or none).
func (d *doc) onlyPunct(a, b int) bool {
	for i := a; i <= b; i++ {
		if d.toks[i].kind == word {
			return false
		}
	}
	return true
}

// cueWithSpeaker reads token i as a cue and finds its speaker within [a, b].
func (d *doc) cueWithSpeaker(i, a, b int) attribution {
	cue, according := d.cueAt(i)
	if cue == "" {
		return attribution{npA: -1}
	}
	if according {
		if s, e := d.npAfter(i+2, b); s >= 0 {
			return attribution{kind: attrAccording, cue: "according to", npA: s, npB: e, cueTok: i, cueEnd: i + 1}
		}
		return attribution{npA: -1}
	}
	end := i + strings.Count(cue, " ") // pointed out, shot back
	// A passive cue: the words after "by" speak (“poison pill” measures
	// added by Republicans; the plan was praised as “…” by its critics).
	if end+1 <= b && d.isWord(end+1) && d.toks[end+1].low == "by" && strings.HasSuffix(d.toks[i].low, "ed") {
		bb := b
		for k := end + 3; k <= b && k <= end+12; k++ {
			if w := d.toks[k].low; w == "whether" || w == "how" || w == "what" || w == "why" {
				bb = k - 1 // asked by the moderator whether …
				break
			}
		}
		if s, e := d.npAfter(end+2, bb); s >= 0 && !pronouns[d.toks[s].low] {
			return attribution{kind: attrDirect, cue: cue, npA: s, npB: e, cueTok: i, cueEnd: end}
		}
		return attribution{npA: -1}
	}
	// A passive with no agent (Farook's name was announced on …) names
	// no speaker.
	if i > 0 && d.isWord(i-1) && passiveAux[d.toks[i-1].low] && (strings.HasSuffix(d.toks[i].low, "ed") || d.toks[i].low == "said" || d.toks[i].low == "told") &&
		!(i+1 < len(d.toks) && d.toks[i+1].low == "as") { // Braynard is quoted as saying
		return attribution{npA: -1}
	}
	// A participle after a comma takes its clause's subject, read by
	// subjectCue (Governor Ruiz …, he used sharper words, saying …).
	if strings.HasSuffix(d.toks[i].low, "ing") && i > 0 && (d.toks[i-1].text == "," || d.toks[i-1].kind == markClose && d.toks[i-2].text == ",") {
		return attribution{npA: -1}
	}
	// So does a perfect participle (Ruiz misjudged Pike, having referred to
	// him as a “…”): "having" is no subject.
	if i > 0 && (d.toks[i-1].low == "having" || d.toks[i-1].low == "being") {
		return attribution{npA: -1}
	}
	// A cue set off by commas with a name right after it and then a
	// comma or the quotation is inverted, whatever the verb (Because of
	// how the board drew the map, explained Rosenberg, “…”).
	if i > 0 && d.toks[i-1].text == "," && intransitiveCues[d.toks[i].low] && end+1 <= b && d.isWord(end+1) && d.toks[end+1].capital() && !pronouns[d.toks[end+1].low] {
		n := end + 1
		for n+1 <= b && d.isWord(n+1) && (d.toks[n+1].capital() || d.toks[n+1].initial()) {
			n++
		}
		if n+1 <= b+1 && n+1 < len(d.toks) && (d.toks[n+1].text == "," || d.toks[n+1].text == ":" || d.toks[n+1].kind == markOpen) {
			if s, e, _, ok := d.name(end+1, n); ok && s <= e {
				return attribution{kind: attrDirect, cue: cue, npA: end + 1, npB: n, cueTok: i, cueEnd: end}
			}
		}
	}
	if s, e := d.subjectBefore(i, a); s >= 0 && !(s == e && (sentenceAdverbs[d.toks[s].low] || openingPreps[d.toks[s].low])) &&
		// a past participle alone is no subject: the areas that were
		// hacked suggested …; who didn't want to be named said …
		!(s == e && !d.toks[s].capital() && strings.HasSuffix(d.toks[s].low, "ed") && !roleNoun(d.toks[s].low)) {
		// A participle after a thing (their ninth debate saying) speaks
		// for the clause's subject, read by subjectCue.
		// So does a participle after the document that a subject issued (Ruiz
		// released a statement saying …).
		if h := d.toks[e]; strings.HasSuffix(d.toks[i].low, "ing") && !h.capital() && !pronouns[h.low] && (!roleNouns[h.low] || issued[h.low] && d.issuedBy(s)) {
			return attribution{npA: -1}
		}
		return attribution{kind: attrDirect, cue: cue, npA: s, npB: e, cueTok: i, cueEnd: end}
	}
	// Inverted (“…,” said the mayor; “…” if …, said the mayor) only right
	// after a quotation's closing mark or a comma: elsewhere the words after
	// the verb are its object (described his leadership skills).
	if d.afterClose(i) || i > 0 && d.toks[i-1].text == "," && invertible[d.toks[i].low] && !(end+1 <= b && pronouns[d.toks[end+1].low]) ||
		d.opensSentence(i) && (invertible[d.toks[i].low] || d.toks[i].low == "stated") {
		if s, e := d.npAfter(end+1, b); s >= 0 {
			return attribution{kind: attrDirect, cue: cue, npA: s, npB: e, cueTok: i, cueEnd: end}
		}
	}
	return attribution{npA: -1}
}

// opensSentence reports whether the capitalised word at i opens its
// sentence: an inverted cue there (Said Ana Ruiz, who …, “…”; Stated Ruiz:
// ¶ “…”) has its speaker after it.
func (d *doc) opensSentence(i int) bool {
	return d.toks[i].capital() && i == d.sentBeg[d.toks[i].sent]
}

// abbrevStop reports whether the stop at i closes an abbreviation inside a
// sentence (the No. 2 in the party): attached to a short word and followed
// by a word of the same sentence.
func (d *doc) abbrevStop(i int) bool {
	return d.toks[i].text == "." && i > 0 && i+1 < len(d.toks) && d.toks[i-1].kind == word && d.toks[i-1].end == d.toks[i].start &&
		len(d.toks[i-1].text) <= 3 && d.toks[i+1].kind == word && d.toks[i+1].sent == d.toks[i].sent
}

// titleQuote reports whether quotation q is a title: one to six words,
// each capitalised or a particle (“Growth and Opportunity Project,”).
func (d *doc) titleQuote(q int) bool {
	if d.openTok[q] < 0 || d.closeTok[q] < 0 || d.toks[d.closeTok[q]].kind != markClose {
		return false
	}
	words := 0
	for k := d.openTok[q] + 1; k < d.closeTok[q]; k++ {
		t := d.toks[k]
		if t.kind != word {
			continue
		}
		words++
		if !t.capital() && !nameParticles[t.low] && t.low != "and" && t.low != "of" && t.low != "the" && t.low != "for" {
			return false
		}
	}
	return words >= 1 && words <= 6
}

// termTok reports whether token i belongs to a quoted term of one to three
// words (a title, a slogan: “Going Viral,”), which an apposition may hold
// (Hemsley, the co-author of “Going Viral,” about …, said).
func (d *doc) termTok(i int) bool {
	q := d.toks[i].quote
	if q < 0 || d.openTok[q] < 0 || d.closeTok[q] < 0 || d.toks[d.closeTok[q]].kind != markClose {
		return false
	}
	words := 0
	for k := d.openTok[q]; k <= d.closeTok[q]; k++ {
		if d.toks[k].kind == word {
			words++
		}
	}
	return words >= 1 && words <= 3 && d.closeTok[q]-d.openTok[q] <= 8
}

// termToks counts the tokens of quoted terms in [m, j].
func (d *doc) termToks(m, j int) int {
	n := 0
	for k := max(m, 0); k <= j; k++ {
		if d.toks[k].quote >= 0 {
			n++
		}
	}
	return n
}

// intransitiveCues take no object: a name right after one is its speaker
// (…, explained Rosenberg, “…”), not whom it was told to.
var intransitiveCues = set("explained", "explains", "added", "adds", "continued", "continues", "recalled", "recalls",
	"noted", "notes", "argued", "argues", "insisted", "insists", "countered", "replied", "responded", "quipped",
	"joked", "concluded", "observed", "remarked", "cautioned", "conceded", "acknowledged")

// afterClose reports whether token i follows a closing quotation mark,
// with at most a comma or a dash between.
func (d *doc) afterClose(i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		switch t := d.toks[j]; {
		case t.kind == markClose:
			return true
		case t.kind == punct && (t.text == "," || t.text == "—" || t.text == "–" || t.text == "-"):
			continue
		default:
			return false
		}
	}
	return false
}

// colon reads "Name: “…”": a capitalised name right before a colon that
// precedes the opening mark.
func (d *doc) colon(a, open int) attribution {
	c := open - 1
	if c <= a || d.toks[c].text != ":" {
		return attribution{npA: -1}
	}
	e := c - 1
	// A party tag in brackets before the colon: Rep. Ana Ruiz (D-Ore.): “…”.
	if e > a && d.toks[e].text == ")" {
		for k := e - 1; k > a && e-k <= 8 && d.toks[k].role == outside; k-- {
			if d.toks[k].text == "(" {
				e = k - 1
				break
			}
		}
	}
	s := e
	for s >= a && d.isWord(s) && (d.toks[s].capital() || d.toks[s].initial()) && e-s < 5 {
		s--
	}
	s++
	if s > e {
		return attribution{npA: -1}
	}
	if s > a && d.isWord(s-1) {
		// Part of a longer clause: the name of two or more words that ends
		// it speaks when it is a person's (… doesn't surprise Republican
		// engineer Hana Obi: “…”), not "Their argument:".
		if e-s >= 1 && !d.org(s, e) && !d.toks[e].initial() {
			if ns, ne, _, ok := d.name(s, e); ok && ne > ns {
				return attribution{kind: attrColon, cue: ":", npA: s, npB: e, cueTok: c, cueEnd: c}
			}
		}
		return attribution{npA: -1}
	}
	return attribution{kind: attrColon, cue: ":", npA: s, npB: e, cueTok: c, cueEnd: c}
}

// subjectBefore walks back from the cue at i, over auxiliaries and a
// parenthetical set off by commas, to the noun phrase or pronoun that is its
// subject; a name set off by commas right before the verb is an apposition
// and is the subject (the city’s lawyer, Tom B. Hale, said).
func (d *doc) subjectBefore(i, a int) (int, int) {
	j := i - 1
	// A capitalised word right after the closing mark is a name even when
	// it is also a function word: “…,” Will wrote; “…,” May said.
	if j >= a && d.isWord(j) && d.toks[j].capital() && d.afterClose(j) && !pronouns[d.toks[j].low] &&
		(auxiliaries[d.toks[j].low] || npStops[d.toks[j].low] || functionWords[d.toks[j].low]) {
		return j, j
	}
	// Auxiliaries and adverbs before the verb, but not a capitalised word
	// inside a name (columnist George Will wrote).
	for j >= a && d.isWord(j) {
		if j-1 >= a && d.isWord(j-1) && adverbPhrases[d.toks[j-1].low+" "+d.toks[j].low] {
			j -= 2 // Rubio had at last described
			continue
		}
		if !(auxiliaries[d.toks[j].low] || adverb(d.toks[j]) || midAdverbs[d.toks[j].low] && !d.toks[j].capital()) ||
			d.toks[j].capital() && j-1 >= a && d.isWord(j-1) && d.toks[j-1].sent == d.toks[j].sent && (d.toks[j-1].capital() || d.toks[j-1].initial()) {
			break
		}
		j--
	}
	if j < a {
		return -1, -1
	}
	// A time between the subject and its verb: Ruiz at the time said;
	// Ruiz last week said; Ruiz in the past described.
	if j >= a && d.isWord(j) && (timeNouns[d.toks[j].low] || timeWords[d.toks[j].low]) {
		for k := j - 1; k >= a && j-k <= 4 && d.isWord(k); k-- {
			w := d.toks[k].low
			if w == "at" || w == "in" || w == "on" || w == "during" || w == "for" || w == "last" || w == "this" || w == "earlier" {
				if k-1 >= a && d.isWord(k-1) && !npStops[d.toks[k-1].low] {
					j = k - 1
					for j >= a && d.isWord(j) && (auxiliaries[d.toks[j].low] || adverb(d.toks[j])) {
						j--
					}
				}
				break
			}
			if !determiners[w] && w != "first" && w != "next" && w != "same" && !timeNouns[w] && !timeWords[w] {
				break
			}
		}
		if j < a {
			return -1, -1
		}
	}
	// A party tag or other brackets between the name and the verb:
	// Sen. Ana Ruiz (D-Ore.) said; Gov. Ana Ruiz (D-OR), said.
	bracketComma := false
	if d.toks[j].text == "," && j-1 >= a && d.toks[j-1].text == ")" {
		j--
		bracketComma = true
	}
	if d.toks[j].text == ")" {
		k := j - 1
		for k >= a && j-k <= 8 && d.toks[k].text != "(" && d.toks[k].role == outside {
			k--
		}
		if k > a && d.toks[k].text == "(" {
			j = k - 1
			// An apposition that ends in an acronym in brackets: Ana
			// Ruiz, the Commissioner for Harbors (CFH), said — the name
			// before the apposition.
			if bracketComma && d.isWord(j) {
				m := j
				for m >= a && d.isWord(m) && j-m <= 12 {
					m--
				}
				if m >= a && d.toks[m].text == "," && !d.nameRun(m+1, j) {
					if n0, n1, ok := d.nameBefore(m, a); ok {
						return n0, n1
					}
				}
			}
		}
	}
	// An aside set off by dashes between the name and its verb (Jo Sims —
	// a teacher from Dover — says …): the name before it.
	if j > a && dashes[d.toks[j].text] && d.toks[j].role == outside {
		for k := j - 1; k > a && j-k <= 25; k-- {
			if d.toks[k].role != outside && !d.termTok(k) {
				break
			}
			if dashes[d.toks[k].text] && d.toks[k].role == outside {
				if k-1 >= a && d.isWord(k-1) && d.toks[k-1].capital() {
					if n0, n1, ok := d.nameBeforeDash(k, a); ok {
						return n0, n1
					}
				}
				break
			}
		}
	}
	// Up to three parentheticals set off by commas are skipped (Harry
	// Pell, 41, of Tacoma, Wash., who was polled, said).
	for round := 0; round < 3 && j >= a && d.toks[j].text == ","; round++ {
		// A party tag set off by commas: Sen. Ana Ruiz, D-Ore., said.
		if k := d.partyTagBefore(j, a); k >= 0 {
			j = k - 1
			continue
		}
		// Find the comma before: the segment between is a parenthetical
		// (skip it) or an apposition (the subject).
		m := j - 1
		for m >= a && !(d.toks[m].text == "," && d.toks[m].role == outside) && (d.toks[m].kind == word || d.termTok(m) || d.abbrevStop(m)) && j-m <= 12+d.termToks(m, j) {
			m--
		}
		seg0, seg1 := m+1, j-1
		if seg0 > seg1 {
			return -1, -1
		}
		// A long relative clause (X, who ran the field office in three
		// states until last spring, said): skip back to its comma.
		if m >= a && d.toks[m].kind == word {
			m2 := m
			for m2 >= a && d.toks[m2].text != "," && d.isWord(m2) && j-m2 <= 40 {
				m2--
			}
			// So is a long description with a relative clause in it (X, a
			// businessman who sat on the board until last month, said).
			if m2 >= a && d.toks[m2].text == "," && (d.toks[m2+1].low == "who" || d.toks[m2+1].low == "who's" || d.toks[m2+1].low == "which" ||
				(d.toks[m2+1].low == "a" || d.toks[m2+1].low == "an" || d.toks[m2+1].low == "the") && d.holdsRelative(m2+1, seg1)) {
				m, seg0 = m2, m2+1
			} else if m2 >= a && d.toks[m2].text == "," {
				// Any long apposition after a name that opens the clause
				// (Lou Pike, clad in a red cape with … and …, said).
				if s0, s1, ok := d.openingName(m2, a); ok {
					return s0, s1
				}
			}
		}
		// A name that opens the clause, then appositions, then a name
		// (Ann Bray, a nurse from Dover, Delaware, said): the first name.
		if first, ok := d.clauseName(m, a); ok && d.nameRun(seg0, seg1) {
			return first[0], first[1]
		}
		// …, both Republicans, said: a short apposition of the pair before it.
		both := (d.toks[seg0].low == "both" || d.toks[seg0].low == "all") && seg1-seg0 <= 3
		if parentheticals[d.toks[seg0].low] || both {
			if m < a || d.toks[m].text != "," {
				return -1, -1
			}
			j = m - 1
			for j >= a && d.isWord(j) && auxiliaries[d.toks[j].low] {
				j--
			}
			if j < a {
				return -1, -1
			}
			// The parenthetical closed a chain of appositions that a name
			// opens: Omar Pell, 41, of Tacoma, Wash., who was asked, said.
			k := j
			for k >= a && d.isWord(k) && j-k <= 6 {
				k--
			}
			if k >= a && d.toks[k].text == "," {
				if first, ok := d.clauseName(k, a); ok {
					return first[0], first[1]
				}
			}
			continue
		} else if d.nameRun(seg0, seg1) {
			// A place after its town (a nurse in Dover, Delaware, said):
			// the speaker is the phrase before the preposition.
			if p := d.placeBefore(m, a); p >= 0 {
				s, e := d.npEndingAt(p-1, a)
				// The place ends a parenthetical after a name: Ruiz, during a
				// meeting in Dover, Delaware, said.
				if s-2 >= a && parentheticals[d.toks[s-1].low] && d.toks[s-2].text == "," {
					if n0, n1, ok := d.nameBefore(s-2, a); ok {
						return n0, n1
					}
				}
				return s, e
			}
			return seg0, seg1
		} else if n0, n1, ok := d.nameBefore(m, a); ok {
			// A name, then a description set off by commas: “…,” Ana
			// Ruiz, the county's chief planner, said.
			return n0, n1
		} else if first, ok := d.clauseName(m, a); ok {
			// A name, then two descriptions: Mark Hale, chairman of the
			// board of Acme, the firm's funding arm, said.
			return first[0], first[1]
		} else if s0, s1, ok := d.openingName(m, a); ok {
			// A role and a name, then an apposition of any kind: Ohio
			// state delegate Lou Pike, clad in a red cape, said.
			return s0, s1
		} else {
			return -1, -1
		}
	}
	if j < a || !d.isWord(j) {
		return -1, -1
	}
	if pronouns[d.toks[j].low] {
		return j, j
	}
	if npStops[d.toks[j].low] || cueVerbs[d.toks[j].low] || adverb(d.toks[j]) || contraction(d.toks[j].low) || timeWords[d.toks[j].low] ||
		timeNouns[d.toks[j].low] {
		return -1, -1
	}
	// A state after its town, with no comma before the verb (Lena Pike
	// of Dover, Delaware says): the words before the preposition.
	if d.toks[j].capital() {
		k := j
		for k >= a && d.isWord(k) && d.toks[k].capital() && j-k < 4 {
			k--
		}
		// Only a known place: in "During the debate in Dover, Ruiz said"
		// the name after the comma is the subject.
		if k >= a && d.toks[k].text == "," && places[d.lowWords(k+1, j)] {
			if p := d.placeBefore(k, a); p >= 0 {
				return d.npEndingAt(p-1, a)
			}
		}
	}
	// A relative clause that runs to the verb with no comma after it (Ana
	// Ruiz, the analyst who founded the site tweeted): the name before the
	// apposition is the subject.
	for w := j; w >= a && j-w <= 12 && d.isWord(w); w-- {
		if lw := d.toks[w].low; lw == "who" || lw == "who's" || lw == "whose" {
			for m := w - 1; m >= a && w-m <= 8; m-- {
				if d.toks[m].text == "," {
					if n0, n1, ok := d.nameBefore(m, a); ok {
						return n0, n1
					}
					break
				}
				if !d.isWord(m) {
					break
				}
			}
			break
		}
	}
	s, e := d.npEndingAt(j, a)
	// A role for a named person: lawyers for Ana Ruiz said; a spokesman
	// for Ruiz said.
	if s-2 >= a && d.toks[s-1].low == "for" && d.isWord(s-2) && !d.toks[s-2].capital() && roleNoun(d.toks[s-2].low) && !things[d.toks[s-2].low] && d.toks[e].capital() {
		if s0, _ := d.npEndingAt(s-2, a); s0 >= 0 && !strings.HasSuffix(d.toks[s0].low, "ing") {
			return s0, e
		}
	}
	if s0, ok := d.roleBefore(s, a); ok && (!d.toks[e].capital() || indefinites[d.toks[s0].low]) {
		return s0, e
	}
	// A person and where the person comes from or works, before the verb
	// (House Speaker Ana Ruiz of Oregon said; Tom Hale of the Center for
	// Harbor Studies wrote): the person speaks, not the place.
	if s >= 0 && d.toks[e].capital() {
		if p0, p1, ok := d.personOf(s, a); ok {
			return p0, p1
		}
	}
	// A role "to" someone before the verb: a longtime adviser to Ana Ruiz
	// said; a source close to the campaign said — the role speaks.
	if s-2 >= a && d.toks[s-1].low == "to" && d.isWord(s-2) && !d.toks[s-2].capital() {
		if s2, _ := d.npEndingAt(s-2, a); s2 >= 0 && d.closeTo(s2, s-1) {
			return s2, e
		}
		// A document sent to someone speaks: Ruiz's fundraising email to
		// her supporters notes that ….
		if issued[d.toks[s-2].low] && !strings.HasSuffix(d.toks[i].low, "ing") {
			k := s - 3
			for k >= a && s-2-k <= 3 && d.isWord(k) && !d.toks[k].capital() && !npStops[d.toks[k].low] && !determiners[d.toks[k].low] {
				k--
			}
			if k >= a && d.isWord(k) && (determiners[d.toks[k].low] || possessive(apostrophes.Replace(d.toks[k].low)) || strings.HasSuffix(d.toks[k].text, "’") || strings.HasSuffix(d.toks[k].text, "'")) {
				s2 := k
				if !determiners[d.toks[k].low] {
					for s2-1 >= a && d.isWord(s2-1) && d.toks[s2-1].capital() {
						s2--
					}
				}
				return s2, e
			}
		}
	}
	return s, e
}

// roleBefore reads the phrase that ends at the subject's verb back to the
// role it describes: a role and a phrase of place or company (a council
// staffer in the room wondered; the mayor of Dover said), or a role and a
// relative clause with no comma (one official who relayed the exchange
// said). It returns the start of the role's phrase; ok is false when the
// words before s are none of these.
func (d *doc) roleBefore(s, a int) (int, bool) {
	if s < 0 || s-2 < a {
		return -1, false
	}
	k := s - 1
	switch d.toks[k].low {
	case "in", "at", "of", "from", "for", "with", "on":
	default:
		// A relative clause: who and up to six words before the phrase.
		k = -1
		for w := s - 1; w >= a && w >= s-7 && d.isWord(w); w-- {
			if d.toks[w].low == "who" {
				k = w
				break
			}
		}
		if k < 0 {
			return -1, false
		}
	}
	h := k - 1
	if h < a || !d.isWord(h) {
		return -1, false
	}
	// A share of a group: About four in 10 voters say; 22 percent of
	// Republicans in Ohio say.
	if quantity(d.toks[h].low) && d.toks[k].low != "with" && d.toks[k].low != "for" {
		s0, _ := d.npEndingAt(h, a)
		if s0 < 0 {
			return h, true
		}
		return s0, true
	}
	if d.toks[h].capital() || !roleNouns[d.toks[h].low] || things[d.toks[h].low] {
		return -1, false
	}
	s0, _ := d.npEndingAt(h, a)
	if s0 < 0 {
		return -1, false
	}
	if f := d.toks[s0].low; !determiners[f] && !indefinites[f] && !d.toks[s0].capital() || strings.HasSuffix(f, "ing") {
		return -1, false
	}
	return s0, true
}

// quantity reports whether a word gives a share or a number of people: half,
// most, percent, four, 10.
func quantity(w string) bool {
	switch w {
	case "half", "most", "majority", "minority", "percent", "third", "thirds", "quarter", "many", "some", "all", "none",
		"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands":
		return true
	}
	return age(w) || strings.HasSuffix(w, "%")
}

// indefinites open a description of someone unnamed: a resident of Dover,
// one official who …
var indefinites = set("a", "an", "one", "another")

// partyTagBefore reports, for the comma at j, whether a party tag set off
// by commas ends there (, R-Ky.,): the comma before it, or -1.
func (d *doc) partyTagBefore(j, a int) int {
	t := j - 1
	if t >= a && d.toks[t].text == "." {
		t--
	}
	if t-1 < a || !d.isWord(t) || d.toks[t-1].text != "," {
		return -1
	}
	if partyTag(d.toks[t].text) {
		return t - 1
	}
	return -1
}

// partyTagAfter reports, for a name that ends at token j, whether a party
// tag set off by commas follows it (, R-Ky.,): the comma after it, or -1.
func (d *doc) partyTagAfter(j int) int {
	k := j + 2
	if k >= len(d.toks) || d.toks[j+1].text != "," || !d.isWord(k) || !partyTag(d.toks[k].text) {
		return -1
	}
	if k+1 < len(d.toks) && d.toks[k+1].text == "." {
		k++
	}
	if k+1 < len(d.toks) && d.toks[k+1].text == "," {
		return k + 1
	}
	return -1
}

// partyTag reports whether a word is a party and state tag: R-Ky, D-Calif.
func partyTag(w string) bool {
	return len(w) >= 4 && len(w) <= 9 && strings.ContainsRune("RDI", rune(w[0])) && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
}

// openingName finds, for the comma at m, the words before it when they
// open the clause (at a, after a closing mark or at the sentence start),
// are at most six, hold no function word and end in a name: Ohio state
// delegate Lou Pike, …. "In Dover, …" and "Hours later, …" are no subject.
func (d *doc) openingName(m, a int) (int, int, bool) {
	if m < a || d.toks[m].text != "," || m == 0 {
		return 0, 0, false
	}
	// A party tag in brackets after the name: Former Ohio governor Ed
	// Pike (D), a Ruiz supporter, ….
	m, ok := d.beforePartyTag(m, a)
	if !ok {
		return 0, 0, false
	}
	if !d.isWord(m-1) || !d.toks[m-1].capital() {
		return 0, 0, false
	}
	k := m - 1
	for k >= a && d.isWord(k) && m-k <= 7 {
		w := d.toks[k]
		if functionWords[w.low] && !(k+1 < m && w.low == "the") || npStops[w.low] || timeWords[w.low] || parentheticals[w.low] ||
			strings.HasSuffix(w.low, "ing") || adverb(w) || w.capital() && strings.HasSuffix(w.low, "ly") {
			return 0, 0, false
		}
		k--
	}
	s0 := k + 1
	if m-s0 > 6 || !(k < a || d.toks[k].kind == markClose || d.toks[k].sent != d.toks[s0].sent) {
		return 0, 0, false
	}
	if _, _, _, ok := d.name(s0, m-1); !ok {
		return 0, 0, false
	}
	return s0, m - 1, true
}

// issued are documents a subject puts out: a statement saying …
var issued = set("statement", "letter", "memo", "release", "note", "message", "email", "e-mail", "tweet", "post",
	"video", "ad", "op-ed", "editorial", "column", "report")

// records are texts that hold others' words: Partial transcript: “…”.
var records = set("transcript", "transcripts", "excerpt", "excerpts", "text", "exchange")

// issuedBy reports whether the noun phrase at s is the object of a verb of
// putting out (released a statement; sent a letter), so its subject speaks.
func (d *doc) issuedBy(s int) bool {
	if s == 0 || !d.isWord(s-1) {
		return false
	}
	switch d.toks[s-1].low {
	case "released", "issued", "sent", "posted", "put", "wrote", "published", "tweeted", "emailed", "e-mailed",
		"releases", "issues", "sends", "posts", "publishes", "aired", "airs", "ran", "runs", "circulated", "distributed":
		return true
	}
	return false
}

// holdsRelative reports whether tokens [a, b] hold a relative pronoun.
func (d *doc) holdsRelative(a, b int) bool {
	for k := a; k <= b; k++ {
		if w := d.toks[k].low; w == "who" || w == "which" || w == "whose" {
			return true
		}
	}
	return false
}

// npEndingAt walks back from the head word at token j, no further than a,
// over the words of its noun phrase: a run of capitalised words, or lower-
// case words up to and including a determiner (past "of"/"for" before it: a
// spokeswoman for the agency). At most eight words.
func (d *doc) npEndingAt(j, a int) (int, int) {
	end := j
	capMode := d.toks[j].capital() && !roleNouns[d.toks[j].low]
	for ; j >= a && end-j < 8; j-- {
		t := d.toks[j]
		if !d.isWord(j) || npStops[t.low] || pronouns[t.low] && j != end {
			break
		}
		if determiners[t.low] {
			if j-2 >= a && (d.toks[j-1].low == "of" || d.toks[j-1].low == "for") && d.isWord(j-2) && !capMode {
				j--
				continue
			}
			return j, end
		}
		if capMode && !t.capital() && !t.initial() && !nameParticles[t.low] && !possessive(t.low) {
			// An indefinite and lower-case words before a capitalised
			// word describe someone: one senior Democrat said.
			for k := j; k >= a && j-k <= 2 && d.isWord(k) && !d.toks[k].capital(); k-- {
				if indefinites[d.toks[k].low] {
					if k < j && end == j+1 && !d.surname(end) {
						return k, end
					}
					break
				}
				if w := d.toks[k].low; functionWords[w] || npStops[w] || timeNouns[w] || timeWords[w] || cueVerbs[w] || strings.HasSuffix(w, "ed") || adverb(d.toks[k]) {
					break
				}
			}
			break
		}
	}
	if j+1 > end {
		return -1, -1
	}
	return j + 1, end
}

// surname reports whether the word at i ends a name of two or more words
// somewhere in the text (Comey after James Comey): a person's, not a
// group's word like Democrat.
func (d *doc) surname(i int) bool {
	for _, r := range d.caps {
		d.tick(1)
		if r.b > r.a && d.toks[r.b].text == d.toks[i].text {
			return true
		}
	}
	return false
}

// possessive reports whether a word ends in 's (the community's top lawyer).
func possessive(low string) bool {
	n := len(low)
	return n > 2 && low[n-2:] == "'s"
}

// nameParticles may sit inside a name.
var nameParticles = set("de", "da", "van", "von", "der", "del", "la", "le", "bin", "al", "di", "du", "ibn", "y")

// nameRun reports whether tokens [a, b] are a capitalised name.
func (d *doc) nameRun(a, b int) bool {
	if b-a > 5 {
		return false
	}
	for i := a; i <= b; i++ {
		t := d.toks[i]
		if !d.isWord(i) || !(t.capital() || t.initial() || nameParticles[t.low] && i > a) {
			return false
		}
	}
	return true
}

// npAfter reads the speaker's words after an inverted cue, from token i to
// at most b: a pronoun, or a determiner or capital and what follows up to a
// comma, a full stop, a relative pronoun or a preposition of place or time.
// An apposition that names the person wins: said the mayor, Ana Ruiz.
func (d *doc) npAfter(i, b int) (int, int) {
	if i > b || i >= len(d.toks) || !d.isWord(i) {
		return -1, -1
	}
	t := d.toks[i]
	if pronouns[t.low] {
		return i, i
	}
	if !(t.capital() || determiners[t.low] || roleNouns[t.low] || d.roleSoon(i, b)) || t.low == "that" || timeWords[t.low] {
		return -1, -1
	}
	j := i
	for j <= b && j-i < 10 && d.isWord(j) && (j == i || !afterStops[d.toks[j].low] || d.closeTo(i, j) ||
		// a day after an article is an adjective: reads a Wednesday editorial
		timeWords[d.toks[j].low] && (d.toks[j-1].low == "a" || d.toks[j-1].low == "an" || d.toks[j-1].low == "the") && j+1 <= b && d.isWord(j+1) && !d.toks[j+1].capital() ||
		// two titles joined by "and": said former Ohio Gov. and party
		// Chairman Ed Rendell
		d.toks[j].low == "and" && titles[d.toks[j-1].low] && j+1 <= b && d.isWord(j+1) ||
		// said the base chief known as Bob: the name the text gives him
		d.toks[j].low == "as" && (d.toks[j-1].low == "known" || d.toks[j-1].low == "identified") && j+1 <= b && d.isWord(j+1) && d.toks[j+1].capital() ||
		d.toks[j].capital() && d.toks[j-1].capital() && !functionWords[d.toks[j-1].low]) { // said Al From
		// said Ruiz had won, said the plan is dead: a clause, no speaker.
		if finiteVerbs[d.toks[j].low] && !d.toks[j].capital() {
			return -1, -1
		}
		j++
	}
	e := j - 1
	if e < i {
		return -1, -1
	}
	// wrote the authors of the “Harbor and Growth Project,”: a title in
	// quotation marks after "the" ends the speaker's phrase.
	if e > i && (d.toks[e].low == "the" || d.toks[e].low == "a") && e+1 < len(d.toks) && d.toks[e+1].kind == markOpen {
		if q := d.toks[e+1].quote; q >= 0 && d.titleQuote(q) {
			e = d.closeTok[q]
		}
	}
	// said the mayor, Ana Ruiz, …; said Ruiz's deputy budget director, Rich Bose, …
	if (!d.toks[i].capital() || !d.toks[e].capital()) && j+1 <= b && d.toks[j].text == "," {
		k := j + 1
		for k <= b && d.isWord(k) && (d.toks[k].capital() || d.toks[k].initial()) {
			k++
		}
		if k > j+1 && (k > b || !d.isWord(k)) && d.nameRun(j+1, k-1) {
			return j + 1, k - 1
		}
	}
	return i, e
}

// timeNouns head a time, never a speaker: in the past, last week, for the first time.
var timeNouns = set("past", "time", "times", "week", "weeks", "night", "nights", "year", "years", "month", "months",
	"day", "days", "morning", "evening", "afternoon", "weekend", "ago", "today", "yesterday", "tonight", "moment")

// finiteVerbs make the words after a speech verb a clause (said Ruiz had
// won), not the speaker of an inverted cue.
var finiteVerbs = set("is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "should", "can",
	"may", "might", "must", "does", "did", "do", "isn't", "wasn't", "won't", "wouldn't", "hasn't", "hadn't")

// join keeps together a quotation that the source interrupts with a bare
// attribution: “…,” he said, “…” (or “…?” he wrote. “…”), when the words
// between the two are at most eight, hold a cue, and the second part has no
// attribution of its own right after it.
// newSentenceCue reports whether the cue right after quotation c opens a
// sentence of its own rather than attributing it: the quotation ends with
// its full stop and the cue goes on to what it reports (“… any longer.”
// Ruiz said the real problem is the board.).
func (d *doc) newSentenceCue(c candidate) bool {
	if c.last < 1 || d.toks[c.last-1].text != "." || c.attr.kind != attrDirect {
		return false
	}
	k := max(c.attr.cueEnd, c.attr.npB) + 1
	if k >= len(d.toks) || !d.isWord(k) {
		return false
	}
	switch d.toks[k].low {
	case "in", "on", "at", "during", "to", "of", "about", "after", "before", "from", "with", "while", "when", "as", "later", "earlier", "today", "yesterday", "tonight":
		return false
	}
	return !timeWords[d.toks[k].low]
}

func (d *doc) join(cands []candidate) []candidate {
	out := cands[:0]
	for _, c := range cands {
		if len(out) > 0 {
			p := &out[len(out)-1]
			pq := d.qs[p.qi[len(p.qi)-1]]
			q := d.qs[c.qi[0]]
			if pq.lastPar == q.para && pq.marks[len(pq.marks)-1][1] >= 0 && d.bareAttribution(p.last+1, c.first-1) &&
				!(c.attr.kind != attrNone && c.attr.immediate && !d.newSentenceCue(c)) &&
				!(p.attr.kind == attrDirect && p.attr.cueTok < p.first && c.attr.kind == attrDirect && c.attr.cueTok > p.last && c.attr.cueTok < c.first) &&
				// “….” Pike replied: “…” — a cue and a colon after a full
				// stop introduce the next quotation, a new speaker's.
				!(p.last >= 1 && d.toks[p.last-1].text == "." && c.first >= 1 && d.toks[c.first-1].text == ":" && c.attr.kind == attrDirect && c.attr.cueTok > p.last && c.attr.cueTok < c.first) {
				p.qi = append(p.qi, c.qi...)
				p.last = c.last
				if p.attr.kind == attrNone {
					p.attr = c.attr
				}
				continue
			}
		}
		out = append(out, c)
	}
	return out
}

// bareAttribution reports whether tokens [a, b] are only an attribution:
// one to eight words with a cue, no sentence end before the last token.
func (d *doc) bareAttribution(a, b int) bool {
	words, cue := 0, false
	for i := a; i <= b; i++ {
		t := d.toks[i]
		if t.role != outside {
			return false
		}
		if t.kind == word {
			words++
			if c, _ := d.cueAt(i); c != "" {
				cue = true
			}
			if t.low == "and" || t.low == "but" || t.low == "or" {
				return false // a clause of its own: “…!” they shouted, and later, “…!”
			}
			continue
		}
		if i < b && (t.text == "." || t.text == "?" || t.text == "!" || t.text == ";") {
			return false
		}
	}
	// It ends with its attribution and a comma, a stop or a colon, not
	// with a word that carries the sentence on (“…,” she said, and “…”).
	if b < a || d.toks[b].kind == word || b-1 < a || d.toks[b-1].kind != word || joinStops[d.toks[b-1].low] {
		return false
	}
	return cue && words >= 1 && words <= 8
}

// joinStops are words that cannot end a bare attribution.
var joinStops = set("and", "but", "or", "that", "in", "to", "of", "for", "with", "as", "about", "on", "at", "by",
	"while", "because", "so", "then", "than", "if", "when")

// roleSoon reports whether a role noun follows within three words of token
// i (up to b): "according to senior officials".
func (d *doc) roleSoon(i, b int) bool {
	for j := i; j <= b && j < i+4 && d.isWord(j); j++ {
		w := d.toks[j].low
		if roleNouns[w] || j < i+3 && (roleWords[w] || titles[w]) {
			return true
		}
		// said retired neurosurgeon Ben Carson: lower-case role words, then the name.
		if d.toks[j].capital() {
			return j > i && j+1 <= b && d.isWord(j+1) && d.toks[j+1].capital()
		}
		// said master of ceremonies Asab Tal: "of" inside the role words.
		if w == "of" && j > i && j+1 <= b && d.isWord(j+1) && !d.toks[j+1].capital() {
			continue
		}
		if afterStops[w] || npStops[w] || functionWords[w] || adverb(d.toks[j]) || finiteVerbs[w] {
			return false
		}
	}
	return false
}

// clauseColon reads "Hale pressed on with his case: “…”": a clause that
// ends in a colon right before the opening mark introduces its subject's
// words; the subject is the first name (a capitalised run) or pronoun of
// the clause that a lower-case word follows.
func (d *doc) clauseColon(a, open int) attribution {
	c := open - 1
	if c <= a || d.toks[c].text != ":" {
		return attribution{npA: -1}
	}
	// A reported clause (… said this was a “…” and that she has learned
	// her lesson: “…”) goes on with the reporting cue's speaker.
	if h := d.afterOpening(a, c); h+1 < c && d.isWord(h) && d.toks[h].low == "and" && d.toks[h+1].low == "that" {
		return attribution{npA: -1}
	}
	// Here's Ana Ruiz in 1992: “…”: the name the reporter presents.
	if h := d.afterOpening(a, c); h+1 < c && d.isWord(h) && d.toks[h].capital() {
		n := h + 1
		if d.toks[h].low == "here" && d.isWord(n) && d.toks[n].low == "is" {
			n++
		}
		if d.toks[h].low == "here's" || n == h+2 {
			j := n
			for j+1 < c && d.isWord(j+1) && (d.toks[j+1].capital() || d.toks[j+1].initial() || nameParticles[d.toks[j+1].low]) {
				j++
			}
			if j < c && d.isWord(n) && (d.toks[n].capital() || d.toks[n].initial()) && !functionWords[d.toks[n].low] {
				if s, e, _, ok := d.name(n, j); ok && s <= e {
					return attribution{kind: attrColon, cue: ":", npA: n, npB: j, cueTok: c, cueEnd: c}
				}
			}
			return attribution{npA: -1}
		}
	}
	for i := d.afterOpening(a, c); i < c-1; i++ {
		if !d.isWord(i) {
			continue
		}
		t := d.toks[i]
		if pronouns[t.low] && t.low != "it" && t.low != "i" && t.low != "we" {
			if n := d.toks[i+1]; d.isWord(i+1) && !n.capital() {
				return attribution{kind: attrColon, cue: ":", npA: i, npB: i, cueTok: c, cueEnd: c}
			}
			return attribution{npA: -1}
		}
		if !(t.capital() || t.initial()) || functionWords[t.low] || titles[t.low] && !t.capital() {
			if npStops[t.low] || determiners[t.low] || functionWords[t.low] || t.low == "," {
				continue
			}
			return attribution{npA: -1} // a lower-case subject or an object first: not read here
		}
		j := i
		for j+1 < c && d.isWord(j+1) && (d.toks[j+1].capital() || d.toks[j+1].initial() || nameParticles[d.toks[j+1].low]) {
			j++
		}
		// Role words between two capitalised runs belong to the name:
		// Republican county nominee Ana Ruiz issued a statement: “…”.
		k := j + 1
		for k < c && k <= j+3 && d.isWord(k) && !d.toks[k].capital() && (titles[d.toks[k].low] || roleNouns[d.toks[k].low] || roleWords[d.toks[k].low] ||
			!functionWords[d.toks[k].low] && !npStops[d.toks[k].low] && !cueVerbs[d.toks[k].low] && !auxiliaries[d.toks[k].low] && !strings.HasSuffix(d.toks[k].low, "ed")) {
			k++
		}
		if k > j+1 && k < c && d.isWord(k) && d.toks[k].capital() {
			i, j = k, k
			for j+1 < c && d.isWord(j+1) && (d.toks[j+1].capital() || d.toks[j+1].initial() || nameParticles[d.toks[j+1].low]) {
				j++
			}
		}
		// A common word in capitals and nouns up to the colon head a
		// description, no name: Partial transcript: “…”.
		ce := c // Partial transcript as follows:
		if c-2 > i && d.toks[c-1].low == "follows" && d.toks[c-2].low == "as" {
			ce = c - 2
		}
		if j == i && (d.lowerWord(i) || issued[d.toks[ce-1].low] || records[d.toks[ce-1].low]) && !titles[t.low] && !roleWords[t.low] && ce-i >= 2 && ce-i <= 4 {
			all := true
			for h := i + 1; h < ce; h++ {
				all = all && d.commonWord(h)
			}
			if all {
				return attribution{kind: attrColon, cue: ":", npA: i, npB: ce - 1, cueTok: c, cueEnd: c}
			}
		}
		// A possessor and a role are the subject: Ana Ruiz's right-hand
		// woman rallied supporters, saying: “…”.
		if possessive(apostrophes.Replace(d.toks[j].low)) {
			for h := j + 1; h < c && h <= j+3 && d.isWord(h) && !d.toks[h].capital(); h++ {
				if w := d.toks[h].low; roleNouns[w] || personNouns[w] || issued[w] {
					return attribution{kind: attrColon, cue: ":", npA: i, npB: h, cueTok: c, cueEnd: c}
				}
			}
		}
		v := j + 1
		if k := d.partyTagAfter(j); k > 0 {
			v = k + 1 // Ana Ruiz, D-Ore., sent a message: “…”
		}
		if v < c && d.isWord(v) && !d.toks[v].capital() && !npStops[d.toks[v].low] {
			return attribution{kind: attrColon, cue: ":", npA: i, npB: j, cueTok: c, cueEnd: c}
		}
		return attribution{npA: -1}
	}
	return attribution{npA: -1}
}

// shortCueNear reports whether the sentence of tokens [first, last] holds,
// outside quotation marks, a word of shortCues.
func (d *doc) shortCueNear(first, last int) bool {
	s0, s1 := d.toks[first].sent, d.toks[last].sent
	a, b := max(d.sentBeg[s0], first-reach), min(d.sentEnd[s1], last+reach)
	for i := a; i <= b; i++ {
		d.tick(1)
		if t := d.toks[i]; t.kind == word && t.role == outside && !t.capital() && (shortCues[t.low] || subjectVerbs[t.low] || cueVerbs[t.low] || judging[t.low]) {
			return true
		}
	}
	return false
}

// judging verbs report or judge another's words, in any form: a short
// quotation in their sentence is someone's (he implied the judge was
// “hostile”; she has to characterize the plan as “dead”).
// (Base forms that are as often nouns — praise, claim, vow — are left out.)
var judging = set("talk", "talks", "talked", "talking", "spoke", "speaking", "stating", "voiced", "hammering",
	"pointed", "imply", "implies", "implied", "implying", "describe", "characterize", "characterizes",
	"characterizing", "characterise", "characterises", "ordered", "orders", "ordering", "crying", "cries",
	"coached", "intimated", "intimates", "mouthing", "mouthed", "pledges", "swore", "swears",
	"labels", "brands", "deride", "derides", "mocks", "ridicules",
	"blames", "accuse", "praises", "insist", "predict", "assures", "assured", "demands", "urges",
	"complains", "complaining", "complain", "claiming", "admits", "admitting", "acknowledging", "conceding",
	"boasting", "bragging", "joking", "quipping", "lamenting", "wondering", "wondered", "quoting", "citing",
	"recalling", "repeating", "repeats", "hailing", "hails", "dismisses", "denied", "denying", "denies",
	"framed", "frames", "framing", "portrays", "portraying", "depicted", "depicts", "referring", "pronounced",
	"proclaiming", "sneered", "scoffed", "gushed", "ranted", "railed", "railing", "ripped", "slamming", "blasting",
	"lashed", "attacks", "criticizes", "criticize", "condemns", "condemning", "insulting", "insulted", "chided",
	"scolded", "deemed", "deems", "dubbing", "branding", "labeling", "calls", "promises", "pledging", "assuring")

// adverb reports whether a lower-case word ending in -ly is likely an
// adverb (fatally, publicly), never a speaker's head word.
func adverb(t token) bool {
	return !t.capital() && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") && !roleNouns[t.low]
}

// clauseName finds, walking back from the comma at m over comma-separated
// segments (at most three, each of at most twelve words, the nearest not a
// name), a name that opens the clause: the sentence start, or right after
// a quotation's closing mark.
func (d *doc) clauseName(m, a int) ([2]int, bool) {
	for hops := 0; hops < 3 && m >= a && d.toks[m].text == ","; hops++ {
		k := m - 1
		for k >= a && d.toks[k].text != "," && d.isWord(k) && m-k <= 12 {
			k--
		}
		s0, s1 := k+1, m-1
		if s0 > s1 {
			return [2]int{}, false
		}
		opens := k < a || d.toks[k].kind == markClose || d.toks[k].sent != d.toks[s0].sent
		if opens {
			if hops > 0 && d.nameRun(s0, s1) && s1 > s0 {
				return [2]int{s0, s1}, true
			}
			return [2]int{}, false
		}
		if d.toks[k].text != "," {
			return [2]int{}, false
		}
		m = k
	}
	return [2]int{}, false
}

// beforePartyTag is m, the comma after a name, or, when a party tag in
// brackets ends right before it (Sen. Ana Ruiz (D-Ore.), …), the tag's
// opening bracket; ok is false when a bracket closes there but none opens
// within the few words a tag takes.
func (d *doc) beforePartyTag(m, a int) (int, bool) {
	if m-1 <= a || d.toks[m-1].text != ")" {
		return m, true
	}
	for k := m - 2; k > a && m-k <= 9 && d.toks[k].role == outside; k-- {
		if d.toks[k].text == "(" {
			return k, true
		}
	}
	return m, false
}

// nameBefore finds the name segment that ends right before the comma at m
// and opens its clause (at a, after a closing mark or at the sentence
// start): the person a description after it is set off for.
func (d *doc) nameBefore(m, a int) (int, int, bool) {
	if m < a || d.toks[m].text != "," {
		return 0, 0, false
	}
	// A party tag in brackets after the name: Sen. Ana Ruiz (D-Ore.), a
	// candidate for governor, said.
	m, _ = d.beforePartyTag(m, a)
	k := m - 1
	for k >= a && d.isWord(k) && m-k <= 6 {
		k--
	}
	if k+1 < m-1 && d.toks[k+1].low == "as" {
		k++ // As Ana Ruiz, …, put it
	}
	s0, s1 := k+1, m-1
	if s0 > s1 || !d.nameRun(s0, s1) {
		return 0, 0, false
	}
	// As Ana Ruiz, the party's whip, put it: “…” — a clause that opens
	// with "as" and the name.
	if k >= a && d.toks[k].kind != markClose && d.toks[k].text != "," && d.toks[k].sent == d.toks[s0].sent &&
		!(d.toks[k].low == "as" && (k == d.sentBeg[d.toks[k].sent] || k > 0 && d.toks[k-1].text == ",")) {
		return 0, 0, false
	}
	return s0, s1, true
}

// nameBeforeDash finds the name that ends right before the dash at m and
// opens its clause (the sentence start, an opening phrase's comma, or a
// closing mark).
func (d *doc) nameBeforeDash(m, a int) (int, int, bool) {
	k := m - 1
	for k >= a && d.isWord(k) && (d.toks[k].capital() || d.toks[k].initial()) && m-k <= 5 {
		k--
	}
	s0 := k + 1
	if s0 >= m {
		return 0, 0, false
	}
	if k >= a && d.toks[k].sent == d.toks[s0].sent && d.toks[k].text != "," && d.toks[k].kind != markClose {
		return 0, 0, false
	}
	if s, e, _, ok := d.name(s0, m-1); ok && s <= e && !d.org(s, e) {
		return s0, m - 1, true
	}
	return 0, 0, false
}

// sentenceSubject finds the subject of the clause that runs from token a
// to the verb at v: the first pronoun, or the first capitalised name that a
// lower-case word, a comma or the verb follows, or a short lower-case noun
// phrase right before the verb (the senator).
func (d *doc) sentenceSubject(a, v int) (int, int) {
	a = d.afterOpening(a, v)
	// went on to say, goes on to say: the subject of "went".
	if v-3 > a && d.toks[v-1].low == "to" && d.toks[v-2].low == "on" {
		switch d.toks[v-3].low {
		case "went", "goes", "go", "going", "gone":
			v -= 3
		}
	}
	// The subject's verb may come after auxiliaries and adverbs: Ana Ruiz
	// is insisting that …; the candidate has also been saying ….
	for v-1 > a && d.isWord(v-1) && (auxiliaries[d.toks[v-1].low] || adverb(d.toks[v-1]) || midAdverbs[d.toks[v-1].low] && !d.toks[v-1].capital()) {
		v--
	}
	for i := a; i < v; i++ {
		if !d.isWord(i) {
			if d.toks[i].kind == markOpen || d.toks[i].kind == markClose {
				return -1, -1
			}
			continue
		}
		t := d.toks[i]
		if pronouns[t.low] {
			if t.low == "it" || t.low == "i" || t.low == "we" {
				return -1, -1
			}
			return i, i
		}
		// A number of people: about 200 protesters gathered …, chanting.
		if (t.low == "about" || t.low == "nearly" || t.low == "roughly") && i+1 < v && d.isWord(i+1) && age(d.toks[i+1].low) {
			continue
		}
		if age(t.low) && i+1 < v && d.commonWord(i+1) {
			h := i + 1
			for h+1 < v && h+1 <= i+3 && d.commonWord(h+1) {
				h++
			}
			if h+1 < v && d.isWord(h+1) && !d.toks[h+1].capital() && (roleNouns[d.toks[h].low] || strings.HasSuffix(d.toks[h].low, "s")) {
				s0 := i
				if i-1 >= a && d.isWord(i-1) && (d.toks[i-1].low == "about" || d.toks[i-1].low == "some" || d.toks[i-1].low == "nearly" || d.toks[i-1].low == "roughly") {
					s0 = i - 1
				}
				return s0, h
			}
			return -1, -1
		}
		if functionWords[t.low] && !determiners[t.low] || adverb(t) || timeWords[t.low] || yearsOld(t.low) && i+1 < v && d.toks[i+1].capital() {
			continue // 76-year-old Lou Pike, …, endorsed …
		}
		if t.capital() && !determiners[t.low] || t.initial() {
			j := i
			for j+1 < v && d.isWord(j+1) && (d.toks[j+1].capital() || d.toks[j+1].initial() || nameParticles[d.toks[j+1].low]) {
				j++
			}
			// A possessor and a role: Ruiz's spokeswoman challenged …
			if possessive(d.toks[j].low) {
				h := j + 1
				for h < v && h <= j+3 && d.isWord(h) && !d.toks[h].capital() && !(roleNouns[d.toks[h].low] || issued[d.toks[h].low] || personNouns[d.toks[h].low]) {
					h++
				}
				if h < v && h <= j+3 && d.isWord(h) && !d.toks[h].capital() && (roleNouns[d.toks[h].low] || issued[d.toks[h].low] || personNouns[d.toks[h].low]) {
					for h+1 < v && d.isWord(h+1) && !d.toks[h+1].capital() && (roleNouns[d.toks[h+1].low] || issued[d.toks[h+1].low] || personNouns[d.toks[h+1].low]) {
						h++
					}
					return i, h
				}
			}
			// Attorneys for Ana Ruiz appeared …: a capitalised role for a
			// named person.
			if j == i && roleNoun(t.low) && j+2 < v && d.toks[j+1].low == "for" && d.isWord(j+2) && d.toks[j+2].capital() {
				h := j + 2
				for h+1 < v && d.isWord(h+1) && (d.toks[h+1].capital() || d.toks[h+1].initial()) {
					h++
				}
				if h+1 < v && d.isWord(h+1) && !d.toks[h+1].capital() {
					return i, h
				}
			}
			// Hundreds of nurses, Dozens of voters: a quantity and its noun.
			if j == i && j+2 < v && d.toks[j+1].low == "of" && d.isWord(j+2) && !d.toks[j+2].capital() {
				return i, j + 2
			}
			// Democratic council candidate Lou Barnes, band member
			// Pip Lowe: role words between two capitalised runs belong to the name.
			k := j + 1
			for k < v && k <= j+4 && d.isWord(k) && !d.toks[k].capital() && (titles[d.toks[k].low] || roleNouns[d.toks[k].low] || roleWords[d.toks[k].low]) {
				k++
			}
			if k > j+1 && k < v && d.isWord(k) && d.toks[k].capital() {
				j = k
				for j+1 < v && d.isWord(j+1) && (d.toks[j+1].capital() || d.toks[j+1].initial() || nameParticles[d.toks[j+1].low]) {
					j++
				}
			}
			// A capitalised adjective that opens the sentence and the
			// lower-case nouns after it up to the verb are one phrase, no
			// name: Federal mill workers considered …; Corporate lobbyists
			// describe ….
			if j == i && v-j >= 2 && v-j <= 4 && d.isWord(v) && d.commonNounsTo(j+1, v) {
				return i, v - 1
			}
			// The same when the text writes the word in lower case
			// elsewhere, whatever follows the nouns: Nuclear arms experts
			// have long discounted …; a common word opens no name.
			if j == i && i == a && !titles[t.low] && !roleWords[t.low] && d.lowerWord(i) && j+1 < v && d.isWord(j+1) && !d.toks[j+1].capital() {
				h := j
				for h+1 < v && h+1 <= j+4 && d.commonWord(h+1) {
					h++
				}
				if h+1 < v && d.isWord(h+1) && d.toks[h+1].low != "and" && !d.toks[h+1].capital() {
					for h > j && !d.commonNounsTo(j+1, h+1) {
						h--
					}
					if h > j {
						return i, h
					}
				}
				return -1, -1
			}
			// A pair of names as the subject: Ana Ruiz and Tom Hale issued
			// a statement describing …. A lone capitalised word in -s may
			// be a group (Democrats and Republicans), no pair of names.
			if j+2 < v && d.toks[j+1].low == "and" && d.isWord(j+2) && d.toks[j+2].capital() && !pronouns[d.toks[j+2].low] &&
				(j > i || !strings.HasSuffix(d.toks[j].low, "s")) {
				j2 := j + 2
				for j2+1 < v && d.isWord(j2+1) && (d.toks[j2+1].capital() || d.toks[j2+1].initial() || nameParticles[d.toks[j2+1].low]) {
					j2++
				}
				if (j2 > j+2 || !strings.HasSuffix(d.toks[j2].low, "s")) && j2+1 < v && d.isWord(j2+1) && !d.toks[j2+1].capital() {
					j = j2
				}
			}
			// A party tag or other brackets after the name: Sen. Ana Ruiz
			// (D-Ore.) defended the bill, saying ….
			n := j + 1
			if n < v && d.toks[n].text == "(" {
				for k := n + 1; k < v && k <= n+8 && d.toks[k].role == outside; k++ {
					if d.toks[k].text == ")" {
						n = k + 1
						break
					}
				}
			}
			// A time between the name and its verb: Sen. Ana Ruiz (D-Ore.)
			// on Monday criticized …
			for m := n + 1; m < v && m <= n+4; m++ {
				if d.isWord(m) && !d.toks[m].capital() && !npStops[d.toks[m].low] && d.timeBetween(n, m) {
					n = m
					break
				}
			}
			if n == v || d.toks[n].text == "," || d.isWord(n) && !d.toks[n].capital() && (!npStops[d.toks[n].low] || auxiliaries[d.toks[n].low] || finiteVerbs[d.toks[n].low]) {
				if s, e, _, ok := d.name(i, j); ok && s <= e {
					return i, j
				}
			}
			return -1, -1
		}
		if determiners[t.low] {
			// The Ledger's Ana Ruiz gave …: an outlet's possessive and a
			// name; the name is the subject.
			if t.low == "the" && i+1 < v && d.toks[i+1].capital() {
				j := i + 1
				for j+1 < v && d.isWord(j+1) && (d.toks[j+1].capital() || d.toks[j+1].initial()) {
					j++
				}
				for p := i + 1; p < j; p++ {
					if possessive(apostrophes.Replace(d.toks[p].low)) && p+1 < j && j+1 < v && d.isWord(j+1) && !d.toks[j+1].capital() && !npStops[d.toks[j+1].low] {
						if s0, e0, _, ok := d.name(p+1, j); ok && s0 <= e0 {
							return p + 1, j
						}
					}
				}
			}
			// the senator decried …: a short phrase right before the verb.
			if v-i <= 5 && d.noQuotes(i, v-1) {
				if s, e := d.npEndingAt(v-1, i); s == i {
					return s, e
				}
			}
			// The Ohio senator struck back, saying …: the phrase up to its role noun.
			for h := i + 1; h < v && h <= i+4 && d.isWord(h); h++ {
				// A capitalised role noun before another capitalised word
				// is inside a name: The Harbor Campaign Committee has ….
				if d.toks[h].capital() && h+1 < v && d.isWord(h+1) && d.toks[h+1].capital() {
					continue
				}
				if roleNouns[d.toks[h].low] || issued[d.toks[h].low] || personNouns[d.toks[h].low] && !d.toks[h].capital() {
					// The last noun of a compound: a campaign official, a
					// campaign TV ad.
					for n := h + 1; n < v && n <= h+2 && d.isWord(n); n++ {
						if w := d.toks[n].low; (roleNouns[w] || issued[w] || personNouns[w]) && !d.toks[n].capital() {
							h = n
						} else if !d.toks[n].capital() {
							break
						}
					}
					// A role of a place or body in capitals belongs to it:
					// The former secretary of State began …; the mayor of
					// Dover told ….
					if h+2 < v && !d.toks[h].capital() && d.toks[h+1].low == "of" && d.isWord(h+2) && d.toks[h+2].capital() {
						n := h + 2
						for n+1 < v && d.isWord(n+1) && d.toks[n+1].capital() {
							n++
						}
						if n+1 == v || d.isWord(n+1) && !d.toks[n+1].capital() || d.toks[n+1].text == "," {
							return i, n
						}
					}
					return i, h
				}
			}
			return -1, -1
		}
		return -1, -1
	}
	return -1, -1
}

// timeBetween reports whether the words [a, v) are a time that stands
// between a subject and its verb: on Monday, last week, earlier this month.
func (d *doc) timeBetween(a, v int) bool {
	if a >= v || v-a > 4 || !d.isWord(a) {
		return false
	}
	switch d.toks[a].low {
	case "at", "in", "on", "during", "last", "this", "earlier", "late", "early":
	default:
		return false
	}
	last := d.toks[v-1].low
	if !timeNouns[last] && !timeWords[last] && !openingTimes[last] {
		return false
	}
	for k := a + 1; k < v; k++ {
		w := d.toks[k].low
		if !d.isWord(k) || !(determiners[w] || timeNouns[w] || timeWords[w] || openingTimes[w] || w == "first" || w == "next" || w == "same" || w == "this" || w == "last") {
			return false
		}
	}
	return true
}

// afterOpening skips an opening phrase up to a comma, which is not the
// subject of the clause that runs from token a to v: a participle or a
// preposition (Speaking at a rally in Dover, …; After the vote, …), an
// adverb (Hastily, …) or a time (Hours later, …; Two weeks ago, …).
func (d *doc) afterOpening(a, v int) int {
	if a >= v || !d.isWord(a) {
		return a
	}
	if k := d.dateline(a, v); k > a {
		return d.afterOpening(k, v)
	}
	// And after the vote, …; But during the debate, …: a conjunction
	// before an opening phrase.
	if w := d.toks[a].low; (w == "and" || w == "but" || w == "so" || w == "yet") && d.toks[a].capital() && a+2 < v && d.isWord(a+1) &&
		!d.toks[a+1].capital() {
		if k := d.afterOpening(a+1, v); k > a+1 {
			return k
		}
	}
	t := d.toks[a]
	// Here in Dover, …; There at the rally, …: a place the reporter points to.
	here := (t.low == "here" || t.low == "there") && a+1 < v && (d.toks[a+1].low == "in" || d.toks[a+1].low == "at" || d.toks[a+1].low == "on")
	opening := here || openingPreps[t.low] && t.capital() || strings.HasSuffix(t.low, "ing") && (t.capital() || a > 0 && d.isWord(a-1) && d.toks[a-1].capital() && sentenceAdverbs[d.toks[a-1].low]) || parentheticals[t.low] && t.low != "who" && t.low != "who's" ||
		t.capital() && len(t.low) > 4 && strings.HasSuffix(t.low, "ly") || timeWords[t.low] || openingWords[t.low]
	for k := a + 1; k < v && k <= a+15; k++ {
		if d.toks[k].text == "," {
			if opening || k-a <= 4 && openingTimes[d.toks[k-1].low] {
				return d.afterPlace(k+1, v)
			}
			return a
		}
		// A dash sets off an aside inside the phrase (Hastily — as before — doing …,).
		if !d.isWord(k) && !(opening && (d.toks[k].text == "—" || d.toks[k].text == "―" || d.toks[k].text == "–")) {
			return a
		}
	}
	return a
}

// dateline is the token after a dateline that opens the sentence at a, the
// place and the agency in brackets before a dash (Dover (AP) – Ana Ruiz
// said …; DOVER, Del. (Reuters) — …), or a when there is none.
func (d *doc) dateline(a, v int) int {
	// A place in capitals and a dash: WASHINGTON — …; DES MOINES, Iowa — ….
	if d.isWord(a) && allCaps(d.toks[a].text) {
		k := a + 1
		for k < v && k-a <= 6 && (d.isWord(k) && (allCaps(d.toks[k].text) || d.toks[k].capital() && d.toks[k-1].text == ",") || d.toks[k].text == "," || d.toks[k].text == ".") {
			k++
		}
		if k+1 < v && (d.toks[k].text == "—" || d.toks[k].text == "–" || d.toks[k].text == "--" || d.toks[k].text == "―") {
			return k + 1
		}
	}
	k := a
	// The place, then a date: PHILADELPHIA, July 25 (UPI) — ….
	for k < v && k-a <= 8 && (d.isWord(k) && (d.toks[k].capital() || d.toks[k].initial() || k > a && age(d.toks[k].low)) || d.toks[k].text == ",") {
		k++
	}
	if k == a || k+3 >= v || d.toks[k].text != "(" || !d.isWord(k+1) || !d.toks[k+1].capital() {
		return a
	}
	k += 2
	for k < v && k-a <= 10 && d.isWord(k) && d.toks[k].capital() {
		k++
	}
	if k+1 >= v || d.toks[k].text != ")" {
		return a
	}
	switch d.toks[k+1].text {
	case "—", "–", "-", "―", "--":
		return k + 2
	}
	return a
}

// personNouns name what a person is (the billionaire businessman, the
// former congressman, the actor): the head of a description that opens
// its sentence, like a role.
var personNouns = set("businessman", "businesswoman", "billionaire", "mogul", "entrepreneur", "developer", "congressman",
	"congresswoman", "councilman", "councilwoman", "assemblyman", "assemblywoman", "lawmaker", "actor", "actress", "star",
	"singer", "comedian", "rapper", "athlete", "player", "surgeon", "neurosurgeon", "physician", "pastor", "preacher",
	"priest", "bishop", "professor", "historian", "writer", "journalist", "reporter", "editor", "publisher", "blogger",
	"veteran", "soldier", "ambassador", "envoy", "chancellor", "premier", "frontrunner", "front-runner", "challenger",
	"incumbent", "contender", "rival", "hopeful", "billionaires", "hopefuls", "rivals", "reporters", "journalists",
	"man", "woman", "men", "women")

// allCaps reports whether a word of two or more letters is in capitals
// (a dateline's place: WASHINGTON).
func allCaps(w string) bool {
	n := 0
	for _, c := range w {
		if unicode.IsLetter(c) {
			if !unicode.IsUpper(c) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// stateInitials reports whether a word is a state's initials with stops
// after a town (Hilton Head, S.C.,; Salem, N.H.,).
func stateInitials(w string) bool {
	if len(w) != 4 && len(w) != 6 {
		return false
	}
	for i, c := range w {
		if i%2 == 0 && !(c >= 'A' && c <= 'Z') || i%2 == 1 && c != '.' {
			return false
		}
	}
	return true
}

// yearsOld reports whether w gives an age as an adjective (76-year-old).
func yearsOld(w string) bool {
	return strings.HasSuffix(w, "-year-old") && startsDigit(w)
}

// roleNoun reports whether w is a role noun or the plural of one
// (attorneys).
func roleNoun(w string) bool {
	return roleNouns[w] || strings.HasSuffix(w, "s") && roleNouns[w[:len(w)-1]]
}

// passiveAux before a past participle make it passive.
var passiveAux = set("was", "were", "is", "are", "be", "been", "being")

// clauseOpeners open a clause whose subject follows them.
var clauseOpeners = set("that", "which", "who", "whom", "as", "when", "while", "because", "after", "before", "since", "where")

// openingPreps open a phrase of place or circumstance before the subject
// (Outside the arena, …; Amid the noise, …).
var openingPreps = set("outside", "inside", "amid", "amidst", "despite", "among", "across", "near", "throughout", "beyond", "behind", "within", "outside")

// openingWords order a writer's points and open a clause with a comma
// before its subject (First, Ruiz attacked …; Finally, …).
var openingWords = set("first", "second", "third", "finally", "firstly", "secondly", "lastly")

// openingTimes end an opening phrase of time: Hours later, Two weeks ago.
var openingTimes = set("later", "ago", "earlier", "afterward", "afterwards", "before", "after", "since", "night",
	"morning", "afternoon", "evening", "week", "weeks", "month", "months", "year", "years", "day", "days", "today",
	"yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// subjectCue is the fallback attribution of a quotation in a sentence
// that holds a speech cue but gives it no speaker by the rules above
// (Avery went on the attack, calling him “…”; she thanked him for “…”):
// the subject of the sentence, with the cue nearest before the quotation.
func (d *doc) subjectCue(sBeg, open int) attribution {
	for v := open - 1; v > sBeg; v-- {
		d.tick(1)
		t := d.toks[v]
		if t.kind != word || t.role != outside || !(cueVerbs[t.low] || shortCues[t.low] || subjectVerbs[t.low] || judging[t.low]) || t.capital() {
			continue
		}
		// A noun after a determiner or a possessor is no verb: In the
		// call, Rep. Ana Ruiz … casts Pike as a man who would “…”.
		if p := d.toks[v-1]; p.kind == word && (p.low == "the" || p.low == "a" || p.low == "an" || p.low == "his" || p.low == "her" || p.low == "their" || p.low == "its" || possessive(apostrophes.Replace(p.low))) {
			continue
		}
		if w := d.withParticiple(v, sBeg); w.kind != attrNone {
			return w
		}
		from, past := sBeg, sBeg
		for k := v - 1; k >= sBeg; k-- {
			d.tick(1)
			if d.toks[k].kind == markClose {
				from = k + 1
				// A short quoted term inside the clause does not end it:
				// Ruiz's spokeswoman challenged the claim that Ruiz had
				// “attacked” Hale, and said he “…”.
				if o := d.shortQuoteOpen(k, sBeg); o >= 0 && past == sBeg {
					past = -1
					for j := o - 1; j >= sBeg; j-- {
						if d.toks[j].kind == markClose {
							past = j + 1
							break
						}
					}
					if past < 0 {
						past = sBeg
					}
				}
				break
			}
		}
		// The verb's own subject right before it, in a clause that opens
		// with "that", "which" or "who" (… such a presence that Ana Ruiz on
		// Sunday thanked its members “…”; one which historian Tom Hale
		// calls “…”): that name, not the sentence's subject.
		if !strings.HasSuffix(t.low, "ing") {
			if s, e := d.subjectBefore(v, from); s >= 0 && s-1 >= from && d.isWord(s-1) && clauseOpeners[d.toks[s-1].low] &&
				(pronouns[d.toks[s].low] && d.toks[s].low != "it" || d.toks[s].capital() && d.toks[e].capital()) {
				return attribution{kind: attrDirect, cue: t.text, npA: s, npB: e, cueTok: v, cueEnd: v}
			}
		}
		if from > sBeg && past < from {
			if s, e := d.subjectUpTo(past, from); s >= 0 {
				return attribution{kind: attrDirect, cue: t.text, npA: s, npB: e, cueTok: v, cueEnd: v}
			}
		}
		if s, e := d.sentenceSubject(from, v); s >= 0 {
			return attribution{kind: attrDirect, cue: t.text, npA: s, npB: e, cueTok: v, cueEnd: v}
		}
		return attribution{npA: -1}
	}
	return attribution{npA: -1}
}

// subjectUpTo is the sentence's subject read from token a when it ends
// before the short quotation that opens after it (before token b).
func (d *doc) subjectUpTo(a, b int) (int, int) {
	for k := a; k < b; k++ {
		if d.toks[k].kind == markOpen {
			// Words (a verb) between the subject and the term: a name
			// right before it holds a nickname (Gov. C.L. “Butch” Otter).
			if s, e := d.sentenceSubject(a, k); s >= 0 && e < k-1 {
				return s, e
			}
			return -1, -1
		}
	}
	return -1, -1
}

// shortQuoteOpen is the opening mark of the quotation of one to three
// words that closes at token c, or -1.
func (d *doc) shortQuoteOpen(c, a int) int {
	words := 0
	for k := c - 1; k >= a && k >= c-6; k-- {
		switch d.toks[k].kind {
		case markOpen:
			if words >= 1 && words <= 3 {
				return k
			}
			return -1
		case markClose:
			return -1
		case word:
			words++
		}
	}
	return -1
}

// withParticiple reads the participle at v after "with" and a name (…,
// with Sen. Ana Ruiz calling it “…”): the name is its subject, not the
// sentence's.
func (d *doc) withParticiple(v, sBeg int) attribution {
	t := d.toks[v]
	if !strings.HasSuffix(t.low, "ing") || !(cueVerbs[t.low] || shortCues[t.low] || subjectVerbs[t.low] || judging[t.low]) {
		return attribution{npA: -1}
	}
	// A second participle joined by "and" shares the first one's subject:
	// with Dan Pike tweeting that … and asking, “…”.
	if v-1 > sBeg && d.toks[v-1].low == "and" {
		for u := v - 2; u > sBeg && v-u <= 20; u-- {
			if d.toks[u].text == "." && d.toks[u].role == outside {
				break
			}
			if d.isWord(u) && !d.toks[u].capital() && strings.HasSuffix(d.toks[u].low, "ing") {
				if w := d.withParticiple(u, sBeg); w.kind != attrNone {
					w.cue, w.cueTok, w.cueEnd = t.text, v, v
					return w
				}
				break
			}
		}
	}
	return d.withName(v, sBeg)
}

// withName reads the name after "with" (or "and") that is the subject of
// the participle at v, whatever the verb.
func (d *doc) withName(v, sBeg int) attribution {
	t := d.toks[v]
	// An adverb between the name and its participle: with Pike
	// reportedly yelling: “…”.
	ve := v - 1
	if ve > sBeg && adverb(d.toks[ve]) {
		ve--
	}
	k := ve
	for k > sBeg && ve-k <= 4 && d.isWord(k) && (d.toks[k].capital() || d.toks[k].initial()) {
		k--
	}
	if k < ve && k >= sBeg && d.isWord(k) && d.toks[k].low == "with" {
		if s, e, _, ok := d.name(k+1, ve); ok && s <= e && !d.org(s, e) {
			return attribution{kind: attrDirect, cue: t.text, npA: k + 1, npB: ve, cueTok: v, cueEnd: v}
		}
	}
	// A name and its participle after "and" (Hale saying he was “…” and
	// Pike calling it a “…”): an absolute clause whose subject speaks.
	if k < ve && k >= sBeg && d.isWord(k) && d.toks[k].low == "and" && ve-k <= 3 {
		if s, e, _, ok := d.name(k+1, ve); ok && s <= e && !d.org(s, e) && !d.toks[k+1].initial() {
			return attribution{kind: attrDirect, cue: t.text, npA: k + 1, npB: ve, cueTok: v, cueEnd: v}
		}
	}
	// People described after "with" (…, with many marchers and
	// spectators chanting “…”; with the crowd shouting “…”): a determiner
	// and lower-case nouns, the last a role or a plural.
	if h := v - 1; h > sBeg && d.commonWord(h) && (roleNouns[d.toks[h].low] || strings.HasSuffix(d.toks[h].low, "s") && !strings.HasSuffix(d.toks[h].low, "ss")) {
		k := h
		for k > sBeg && h-k <= 5 && (d.commonWord(k) || d.isWord(k) && d.toks[k].low == "and") {
			k--
		}
		if k > sBeg && d.isWord(k) && determiners[d.toks[k].low] && d.isWord(k-1) && d.toks[k-1].low == "with" && d.toks[k+1].low != "and" {
			return attribution{kind: attrDirect, cue: t.text, npA: k, npB: h, cueTok: v, cueEnd: v}
		}
	}
	return attribution{npA: -1}
}

// subjectVerbs attribute their object's quoted words to their subject,
// though they take no speaker after them: she thanked him for “…”.
var subjectVerbs = set("calling", "saying", "adding", "noting", "telling", "writing", "arguing", "insisting", "warning",
	"thanked", "decried", "pondered", "barked", "offered", "offering", "apologized", "promising", "vowing", "urging",
	"accusing", "describing", "dismissing", "labeling", "praising", "blaming", "blamed", "defended", "defending",
	"questioning", "questioned", "suggesting", "claiming", "declaring", "explaining", "asking", "tweeting", "posting",
	"chanting", "shouting", "yelling", "chanted", "interjecting", "referenced", "invoked", "denouncing", "decrying",
	// participles of speech and scolding: chiding him, “…”
	"chiding", "scolding", "taunting", "pleading", "remarking", "predicting", "stressing", "countering", "responding",
	"replying", "reiterating", "ridiculing", "deriding", "criticising", "needling", "teasing", "gushing", "musing",
	"confessing", "announcing", "answering")

// placeBefore reports, for the comma at m, whether the words before it are
// a capitalised place after a preposition (in Dover, from Ohio); it
// returns the preposition's token, or -1.
func (d *doc) placeBefore(m, a int) int {
	k := m - 1
	for k >= a && d.isWord(k) && (d.toks[k].capital() || d.toks[k].initial()) && m-k <= 4 {
		k--
	}
	if k < a || k == m-1 || !d.isWord(k) {
		return -1
	}
	switch d.toks[k].low {
	case "in", "from", "of", "near":
		if k-1 >= a && d.isWord(k-1) {
			return k
		}
	}
	return -1
}

// roleWords stand between a description and a name: presidential
// candidate, band member, front-runner.
var roleWords = set("presidential", "candidate", "nominee", "front-runner", "frontrunner", "hopeful", "rival",
	"member", "contender", "challenger", "incumbent", "host", "anchor", "correspondent", "columnist", "pollster",
	"strategist", "consultant", "operative", "donor", "businessman", "businesswoman", "billionaire", "actor",
	"actress", "singer", "rapper", "comedian", "star", "activist", "commentator", "journalist", "writer", "author")

// contraction reports whether a word is a pronoun with a verb (he'd, she's).
func contraction(low string) bool {
	for _, suf := range []string{"'d", "'ll", "'ve", "'re", "'s", "'m"} {
		if p, ok := strings.CutSuffix(low, suf); ok && pronouns[p] {
			return true
		}
	}
	return false
}

// invertible cues take their speaker after them after a comma too: “…” if
// she loses, said David Marsh.
var invertible = set("said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "continued", "recalled")

// openingSubject reads a quotation inside a sentence without a cue as the
// words of the sentence's subject when the sentence opens with a name and
// its verb before the quotation, and no other quotation comes before it
// (Ana Ruiz worried that the plan was “a trap”): the subject, not whoever
// spoke last, owns the words. The verb stands as the cue.
func (d *doc) openingSubject(open int) attribution {
	sb := d.sentBeg[d.toks[open].sent]
	if open-sb < 2 || open-sb > reach || !d.noQuotes(sb, open-1) {
		return attribution{npA: -1}
	}
	s, e := d.sentenceSubject(sb, open)
	if s < 0 {
		s, e = d.nameBeforeAuxiliary(sb, open)
	}
	if s < 0 || possessive(apostrophes.Replace(d.toks[e].low)) {
		return attribution{npA: -1}
	}
	v := e + 1
	// An apposition set off by commas between the name and its verb: Ana
	// Ruiz, the former county judge, proposed we “…”.
	if v < open && d.toks[v].text == "," && d.toks[s].capital() {
		for k := v + 1; k < open && k <= v+15 && d.toks[k].role == outside; k++ {
			if d.toks[k].text == "," {
				if k > v+1 {
					v = k + 1
				}
				break
			}
		}
	}
	for v+1 < open && d.isWord(v) && auxiliaries[d.toks[v].low] && d.isWord(v+1) && !d.toks[v+1].capital() && !functionWords[d.toks[v+1].low] {
		v++
	}
	if v >= open || !d.isWord(v) || d.toks[v].capital() || functionWords[d.toks[v].low] && !auxiliaries[d.toks[v].low] {
		return attribution{npA: -1}
	}
	// A title is no verb: the subject goes on past it (Former US secretary
	// of state Ana Ruiz fanned …).
	if titles[d.toks[v].low] || roleNoun(d.toks[v].low) {
		return attribution{npA: -1}
	}
	return attribution{kind: attrDirect, cue: d.toks[v].text, npA: s, npB: e, cueTok: v, cueEnd: v}
}

// dashes sign a quotation with its speaker's name after it.
var dashes = set("-", "--", "–", "—", "―")

// signedAfter reads a quotation followed at once by a dash and a name that
// ends its sentence or is set off by a comma (“We will not sell.” – Ana
// Ruiz, Dover), in its paragraph or opening the next, as signed by that
// name, the way lists of quotations and fact checks give their speakers.
func (d *doc) signedAfter(close int) attribution {
	k := close + 1
	if k+1 >= len(d.toks) || d.toks[k].kind != punct || !dashes[d.toks[k].text] || d.toks[k].para-d.toks[close].para > 1 {
		return attribution{npA: -1}
	}
	s := k + 1
	if !d.isWord(s) || !d.toks[s].capital() || d.toks[s].para != d.toks[k].para {
		return attribution{npA: -1}
	}
	e := s
	for e+1 < len(d.toks) && d.isWord(e+1) && (d.toks[e+1].capital() || d.toks[e+1].initial() || nameParticles[d.toks[e+1].low]) {
		e++
	}
	if n := e + 1; n < len(d.toks) && d.toks[n].para == d.toks[e].para && (d.toks[n].kind != punct || d.toks[n].text != "." && d.toks[n].text != ",") {
		return attribution{npA: -1}
	}
	if _, _, _, ok := d.name(s, e); !ok {
		return attribution{npA: -1}
	}
	return attribution{kind: attrDirect, cue: d.toks[k].text, npA: s, npB: e, cueTok: k, cueEnd: k, immediate: true}
}

// nameBeforeAuxiliary finds a name opening the clause from a to v and
// followed by an auxiliary (Ana Ruiz is promising …, Tom Hale has also
// repeated …), which sentenceSubject leaves out; -1, -1 when none.
func (d *doc) nameBeforeAuxiliary(a, v int) (int, int) {
	i := d.afterOpening(a, v)
	for i < v && d.isWord(i) && (functionWords[d.toks[i].low] && !determiners[d.toks[i].low] || adverb(d.toks[i]) || timeWords[d.toks[i].low]) {
		i++
	}
	if i >= v || !d.isWord(i) || !d.toks[i].capital() {
		return -1, -1
	}
	j := i
	for j+1 < v && d.isWord(j+1) && (d.toks[j+1].capital() || d.toks[j+1].initial() || nameParticles[d.toks[j+1].low]) {
		j++
	}
	if j+1 >= v || !d.isWord(j+1) || !auxiliaries[d.toks[j+1].low] {
		return -1, -1
	}
	if s, e, _, ok := d.name(i, j); ok && s <= e {
		return i, j
	}
	return -1, -1
}

// afterPlace skips, at token a, the state or country that follows a town
// in an opening phrase (In Salem, New Hampshire, Hale said …): it is part
// of the place, not the clause's subject.
func (d *doc) afterPlace(a, v int) int {
	for k := a; k < v && k <= a+3 && d.isWord(k) && d.toks[k].capital(); k++ {
		if k+1 < v && d.toks[k+1].text == "," && (places[d.lowWords(a, k)] || k == a && stateInitials(d.toks[k].text)) {
			return k + 2
		}
	}
	return a
}

// pastVerbAfter reads a quotation whose sentence goes on past its closing
// mark (“…,” / “…?” / “…!”) with a pronoun or a name and a past tense
// that ends the clause (“People are afraid,” he surmised.) as that
// speaker's, whatever the verb: that is where news puts who spoke.
func (d *doc) pastVerbAfter(close int) attribution {
	if close < 1 || close+3 >= len(d.toks) {
		return attribution{npA: -1}
	}
	if p := d.toks[close-1].text; p != "," && p != "?" && p != "!" {
		return attribution{npA: -1}
	}
	s, e := close+1, close+1
	switch {
	case !d.isWord(s) || d.toks[s].para != d.toks[close].para:
		return attribution{npA: -1}
	case d.toks[s].low == "he" || d.toks[s].low == "she" || d.toks[s].low == "they":
	case d.toks[s].capital():
		for e+1 < len(d.toks) && d.isWord(e+1) && (d.toks[e+1].capital() || d.toks[e+1].initial() || nameParticles[d.toks[e+1].low]) {
			e++
		}
		if _, _, _, ok := d.name(s, e); !ok {
			return attribution{npA: -1}
		}
	case d.toks[s].low == "the" || d.toks[s].low == "a" || d.toks[s].low == "an":
		// A short description: “…,” an angry Hollande retaliated; “…,” the
		// senator fumed.
		for e+1 < len(d.toks) && e-s < 3 && d.isWord(e+1) && !strings.HasSuffix(d.toks[e+1].low, "ed") {
			e++
		}
		if e == s || !(roleNouns[d.toks[e].low] || d.toks[e].capital()) {
			return attribution{npA: -1}
		}
	default:
		return attribution{npA: -1}
	}
	v := e + 1
	if v+1 >= len(d.toks) || !d.isWord(v) || d.toks[v].capital() || len(d.toks[v].low) < 5 || !strings.HasSuffix(d.toks[v].low, "ed") {
		return attribution{npA: -1}
	}
	// The verb ends its clause, or takes a preposition after a comma inside
	// the mark (“…,” the nominee riffed on Hale).
	if n := d.toks[v+1]; (n.kind != punct || n.text != "." && n.text != "," && n.text != ";") &&
		!(d.toks[close-1].text == "," && n.kind == word && (n.low == "on" || n.low == "at" || n.low == "about")) {
		return attribution{npA: -1}
	}
	return attribution{kind: attrDirect, cue: d.toks[v].text, npA: s, npB: e, cueTok: v, cueEnd: v, immediate: true}
}

// closeTo reports whether the "to" at token j goes on a description that
// opens with a determiner at i and names a role or closeness (said a
// longtime adviser to Ana Ruiz; said a source close to the campaign): the
// words after it say whose, and belong to the description.
func (d *doc) closeTo(i, j int) bool {
	if d.toks[j].low != "to" || j-1 <= i || !determiners[d.toks[i].low] {
		return false
	}
	prev := d.toks[j-1].low
	return (roleNouns[prev] || prev == "close") && j+1 < len(d.toks) && d.isWord(j+1)
}

// ofWords join the words of an organisation's or a place's name (the Center
// for Harbor and River Studies).
var ofWords = set("of", "for", "and", "the", "on", "at")

// personOf reads, for the capitalised phrase that starts at token s, the
// person named before it when "of", "from" or "at" joins them (Dan D. Ruiz
// of Oregon; Gwen Arch of the Center for Harbor Studies; Tom Hale from the
// Acme Institute): a name of two words or more, or with a title, that is no
// organisation or place, and that is not itself the object of a preposition
// (a spokesman for Ana Ruiz of Oregon). It looks back at most twelve tokens.
func (d *doc) personOf(s, a int) (int, int, bool) {
	for k := s - 1; k-1 >= a && s-k <= 12 && d.isWord(k); k-- {
		t := d.toks[k]
		if (t.low == "of" || t.low == "from" || t.low == "at") && d.isWord(k-1) && d.toks[k-1].capital() {
			ps, pe := d.npEndingAt(k-1, a)
			if ps < 0 {
				return -1, -1, false
			}
			if n0, n1, ts, ok := d.name(ps, pe); ok && !d.org(n0, n1) && (n1 > n0 || len(ts) > 0) && d.nameRun(n0, n1) {
				if ps-1 >= a && d.isWord(ps-1) && placeWords[d.toks[ps-1].low] {
					return -1, -1, false
				}
				return ps, pe, true
			}
			continue
		}
		if !t.capital() && !t.initial() && !ofWords[t.low] {
			break
		}
	}
	return -1, -1, false
}

// commonNounsTo reports whether the tokens [a, b) are lower-case words
// that end a noun phrase: no function word, adverb, auxiliary, verb of
// speech or time among them, and the last a plural or a role noun.
// commonWord reports whether the word at k may be a lower-case noun of a
// subject's phrase: no function word, verb, adverb, time or pronoun.
func (d *doc) commonWord(k int) bool {
	t := d.toks[k]
	return d.isWord(k) && !t.capital() && !t.initial() && !functionWords[t.low] && !npStops[t.low] && !adverb(t) &&
		!auxiliaries[t.low] && !cueVerbs[t.low] && !finiteVerbs[t.low] && !timeWords[t.low] && !pronouns[t.low] && !strings.HasSuffix(t.low, "ed")
}

func (d *doc) commonNounsTo(a, b int) bool {
	for k := a; k < b; k++ {
		t := d.toks[k]
		if !d.isWord(k) || t.capital() || t.initial() || functionWords[t.low] || npStops[t.low] || adverb(t) ||
			auxiliaries[t.low] || cueVerbs[t.low] || finiteVerbs[t.low] || timeWords[t.low] || pronouns[t.low] {
			return false
		}
	}
	last := d.toks[b-1].low
	return roleNouns[last] || len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
}
