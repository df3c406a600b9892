package suggest

import (
	"strings"
	"unicode"
)

// Roles of a code point with respect to the quotations found.
const (
	outside = iota
	content
	openMarkRole
	closeMarkRole
)

// Kinds of token.
const (
	word = iota
	punct
	markOpen
	markClose
)

// token is a word, a punctuation mark or a quotation mark, by code point.
type token struct {
	start, end int
	text       string
	low        string // lower case, typographic apostrophes as '
	kind       int
	role       int // outside, content, or a mark
	para       int
	sent       int // sentence index, counted over the whole text
	quote      int // index of the quotation whose content or mark it is; -1 outside
}

// capital reports whether a word token starts with an upper-case letter.
func (t token) capital() bool {
	if t.kind != word {
		return false
	}
	for _, c := range t.text {
		return unicode.IsUpper(c)
	}
	return false
}

// initial reports whether the token is a single capital and a period (the B. of Tom B. Hale).
func (t token) initial() bool {
	rs := []rune(t.text)
	return len(rs) == 2 && unicode.IsUpper(rs[0]) && rs[1] == '.'
}

// abbreviations keep their period: it does not end a sentence.
var abbreviations = set("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm",
	"st", "jr", "sr", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
	"vs", "etc", "prof", "rev", "hon", "gov", "supt", "det", "insp", "msgr", "mt", "ft", "atty", "dept", "univ")

// stateAbbrevs keep their period when capitalised: the states as news
// style abbreviates them after a town (Tacoma, Wash.).
var stateAbbrevs = set("ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md",
	"mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt",
	"wash", "wis", "wyo")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'")

// tokenize splits the text into tokens; role says which code points are
// quotation marks or quoted words, so that a mark is never read as an
// apostrophe and an apostrophe never as a mark.
func tokenize(r []rune, role []int, quoteOf []int) []token {
	toks := make([]token, 0, len(r)/5)
	for i := 0; i < len(r); {
		c := r[i]
		if unicode.IsSpace(c) {
			i++
			continue
		}
		start := i
		kind := punct
		switch {
		case role[i] == openMarkRole:
			kind = markOpen
			i++
		case role[i] == closeMarkRole:
			kind = markClose
			i++
		case isWordRune(c):
			kind = word
			i++
			for i < len(r) {
				if isWordRune(r[i]) || unicode.Is(unicode.Mn, r[i]) {
					i++
					continue
				}
				// Joiners between word characters: don’t, e-mail, U.S, 3.5, 10,000.
				if i+1 < len(r) && role[i] == role[i-1] && isWordRune(r[i-1]) && isWordRune(r[i+1]) {
					switch r[i] {
					case '\'', '’', 'ʼ', '-', '‐', '.':
						i += 2
						continue
					case ',':
						if unicode.IsDigit(r[i-1]) && unicode.IsDigit(r[i+1]) {
							i += 2
							continue
						}
					}
				}
				break
			}
			// The apostrophe of a plural possessive: the pilots’ union.
			if i < len(r) && (r[i] == '’' || r[i] == '\'') && role[i] == role[i-1] && (r[i-1] == 's' || r[i-1] == 'S') && !isWordRune(at(r, i+1)) {
				i++
			}
			// A period that belongs to the word: an initial, U.S., Mr.
			if i < len(r) && r[i] == '.' && role[i] == role[i-1] {
				w := strings.ToLower(string(r[start:i]))
				if (i-start == 1 && unicode.IsUpper(r[start])) || strings.Contains(w, ".") || abbreviations[w] || stateAbbrevs[w] && unicode.IsUpper(r[start]) {
					i++
				}
			}
		default:
			i++
		}
		t := token{start: start, end: i, kind: kind, role: role[start], quote: quoteOf[start]}
		t.text = string(r[start:i])
		t.low = strings.ToLower(t.text)
		if strings.ContainsAny(t.low, "’‘ʼ") {
			t.low = apostrophes.Replace(t.low)
		}
		toks = append(toks, t)
	}
	return toks
}

// sentenceEnd reports whether a sentence ends after token i: a full stop,
// question or exclamation mark outside quotation marks, or a closing mark
// right after one when a capital, an opening mark or nothing follows.
func sentenceEnd(toks []token, i int) bool {
	t := toks[i]
	switch t.kind {
	case punct:
		// A stop right before a closing bracket or a comma is an
		// abbreviation's: (D-Ore.); Ana Ruiz, D-Ore., said.
		if i+1 < len(toks) && (toks[i+1].text == ")" || toks[i+1].text == ",") {
			return false
		}
		// A stop before a number in the same paragraph is an
		// abbreviation's: the No. 2 in the party.
		if t.text == "." && i+1 < len(toks) && i > 0 && toks[i+1].kind == word && toks[i+1].start == t.end+1 && startsDigit(toks[i+1].text) && toks[i-1].kind == word && toks[i-1].end == t.start && len(toks[i-1].text) <= 3 {
			return false
		}
		return t.role == outside && (t.text == "." || t.text == "?" || t.text == "!")
	case markClose:
		if i == 0 || toks[i-1].kind != punct {
			return false
		}
		if p := toks[i-1].text; p != "." && p != "?" && p != "!" {
			return false
		}
		if i+1 == len(toks) || toks[i+1].para != t.para {
			return true
		}
		n := toks[i+1]
		if n.kind == markOpen {
			return true
		}
		// “Really?” Ana Ruiz asked: a name and a speech verb after the
		// mark carry the sentence on.
		j := i + 1
		for j < len(toks) && j <= i+4 && toks[j].kind == word && (toks[j].capital() || toks[j].initial()) {
			j++
		}
		if j > i+1 && j < len(toks) && toks[j].kind == word && !toks[j].capital() && speechVerbs[toks[j].low] &&
			!(j == i+2 && (toks[i+1].low == "he" || toks[i+1].low == "she" || toks[i+1].low == "they" || toks[i+1].low == "it" || toks[i+1].low == "we" || toks[i+1].low == "i")) &&
			!(toks[i-1].text == "." && reportsAfter(toks, j)) {
			return false
		}
		// “Really?” Ana Ruiz, a retired nurse from Dover, asked: so does
		// a name and an apposition set off by commas before the verb.
		if j > i+1 && j < len(toks) && toks[j].text == "," {
			k := j + 1
			for k < len(toks) && k <= j+12 && toks[k].kind == word {
				k++
			}
			if k > j+1 && k+1 < len(toks) && toks[k].text == "," && toks[k+1].kind == word && !toks[k+1].capital() && speechVerbs[toks[k+1].low] &&
				(toks[i-1].text != "." || k+2 < len(toks) && toks[k+2].kind == punct) {
				return false
			}
		}
		return n.capital()
	}
	return false
}

// speechVerbs after a name right after a closing mark keep the quotation's
// sentence open (“Really?” Ana Ruiz asked).
var speechVerbs = set("said", "says", "asked", "asks", "added", "adds", "wrote", "writes", "told", "tells",
	"tweeted", "replied", "responded", "answered", "continued", "insisted", "explained", "noted", "recalled",
	"shouted", "exclaimed", "joked", "quipped", "countered", "pressed", "started", "interrupted", "declared", "warned",
	"went", "goes", "chimed")

func isUpperRune(c rune) bool { return unicode.IsUpper(c) }

// reportsAfter reports whether the speech verb at j goes on to what it
// reports (said Ted Cruz “…”; said the plan …; said that …): after a
// quotation that ends with its full stop, the verb then opens a sentence of
// its own (“….” Carly Pike said Ted Cruz “…”).
func reportsAfter(toks []token, j int) bool {
	if j+1 < len(toks) && toks[j+1].text == ":" {
		return true // “….” Pike replied: “…” — the next quotation's cue
	}
	if j+1 >= len(toks) || toks[j+1].kind != word {
		return false
	}
	n := toks[j+1]
	if n.capital() {
		return !timeWords[n.low]
	}
	switch n.low {
	case "that", "the", "a", "an", "his", "her", "their", "its", "he", "she", "they", "it", "we", "i", "this", "there":
		return true
	}
	return false
}

// startsDigit reports whether a word opens with a digit.
func startsDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }
