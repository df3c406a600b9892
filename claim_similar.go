package counterpoint

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// The same claim. A second article restates the first one's claims in
// other words ("encryption will leave the police unable to see criminals'
// messages" for "going dark"), and a second claim splits who-countered-whom
// in two. The store finds candidates by their words (the full-text index);
// RankSimilarClaims is the one rule that ranks them: the content words both
// say, with negation and numbers normalised, so that "will not" is never
// taken for "will", nor "a third" for "half".

// ClaimTerms is a claim's text as the similarity rule reads it.
type ClaimTerms struct {
	// Stems are the content words, lower-cased and stemmed, each once.
	Stems []string
	// Negated says that the text denies rather than affirms (an odd
	// number of negations: "not", "never", "won't", "no one" ...).
	Negated bool
	// Numbers are the quantities it states, normalised ("five" and "5",
	// "10%" and "ten percent", "1,000" and "1000"; "a third" is "1/3").
	Numbers []string
}

// ClaimMatch is an existing claim that may say what a text says.
type ClaimMatch struct {
	Claim Claim
	// Score is in (0, 1]: 1 when both say the same content words with the
	// same polarity and numbers.
	Score float64
	// Matched are the content stems both say.
	Matched []string
	// NegationDiffers: one denies what the other affirms.
	NegationDiffers bool
	// NumbersDiffer: they state different quantities.
	NumbersDiffer bool
}

// MinClaimScore is the least score a similar claim is offered with.
const MinClaimScore = 0.15

// SimilarSearchWords are the words to ask the full-text index for, to find
// claims that may say what text says: its content words as written (the
// index stems them its own way) and its numbers.
func SimilarSearchWords(text string) []string {
	var out []string
	for _, t := range claimTokens(text) {
		if t.kind == tokWord && !stopWords[t.text] || t.kind == tokNumber {
			out = append(out, t.text)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// AnalyseClaim reads text as the similarity rule does.
func AnalyseClaim(text string) ClaimTerms {
	var ct ClaimTerms
	negations := 0
	for _, t := range claimTokens(text) {
		switch t.kind {
		case tokNegation:
			negations++
		case tokNumber:
			ct.Numbers = append(ct.Numbers, t.text)
		case tokWord:
			if !stopWords[t.text] {
				ct.Stems = append(ct.Stems, stem(t.text))
			}
		}
	}
	ct.Negated = negations%2 == 1
	slices.Sort(ct.Stems)
	ct.Stems = slices.Compact(ct.Stems)
	slices.Sort(ct.Numbers)
	ct.Numbers = slices.Compact(ct.Numbers)
	return ct
}

// RankSimilarClaims ranks candidates against text, best first (then by
// id), dropping those below MinClaimScore. indexScore is each candidate's
// relevance as the full-text index gave it (higher is better; nil when
// there is none), which breaks ties between equal overlaps in favour of
// rarer words.
func RankSimilarClaims(text string, candidates []Claim, indexScore []float64) []ClaimMatch {
	q := AnalyseClaim(text)
	if len(q.Stems) == 0 {
		return nil
	}
	top := 0.0
	for _, s := range indexScore {
		top = max(top, s)
	}
	out := make([]ClaimMatch, 0, len(candidates))
	for i, c := range candidates {
		ct := AnalyseClaim(c.Text)
		matched := intersect(q.Stems, ct.Stems)
		if len(matched) == 0 {
			continue
		}
		// Dice's overlap of the content words.
		score := 2 * float64(len(matched)) / float64(len(q.Stems)+len(ct.Stems))
		if top > 0 && i < len(indexScore) {
			score = 0.75*score + 0.25*indexScore[i]/top
		}
		m := ClaimMatch{Claim: c, Matched: matched}
		if q.Negated != ct.Negated {
			m.NegationDiffers = true
			score *= 0.4
		}
		if len(q.Numbers)+len(ct.Numbers) > 0 && !slices.Equal(q.Numbers, ct.Numbers) {
			m.NumbersDiffer = true
			score *= 0.5
		}
		if m.Score = score; score >= MinClaimScore {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b ClaimMatch) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Claim.ID, b.Claim.ID))
	})
	return out
}

func intersect(a, b []string) []string {
	var out []string
	for _, s := range a {
		if _, ok := slices.BinarySearch(b, s); ok {
			out = append(out, s)
		}
	}
	return out
}

type tokKind int

const (
	tokWord tokKind = iota
	tokNumber
	tokNegation
)

type token struct {
	kind tokKind
	text string
}

// negators are the words that deny; "n't" is split off its verb first.
var negators = map[string]bool{
	"not": true, "no": true, "never": true, "none": true, "nobody": true, "nothing": true, "neither": true,
	"nor": true, "cannot": true, "without": true, "nowhere": true, "n't": true,
	// Verbs that deny what follows them ("refuses to build" is "will not build").
	"unable": true, "refuse": true, "refuses": true, "refused": true, "declines": true, "declined": true,
}

// failVerbs deny what follows them when "to" follows ("failed to act").
var failVerbs = map[string]bool{"fail": true, "fails": true, "failed": true}

// contractions are the negative contractions whose stem is not the verb
// with "n't" cut off.
var contractions = map[string][]string{
	"won't": {"will", "not"}, "can't": {"can", "not"}, "shan't": {"shall", "not"}, "ain't": {"is", "not"},
	"cannot": {"can", "not"},
}

var numberWords = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
}

var multipliers = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000}

var fractions = map[string]string{"half": "1/2", "third": "1/3", "thirds": "1/3", "quarter": "1/4", "quarters": "1/4", "fifth": "1/5", "tenth": "1/10"}

// claimTokens splits text into words, numbers (normalised) and negations.
func claimTokens(text string) []token {
	text = strings.NewReplacer("’", "'", "‘", "'", "%", " percent ", "per cent", "percent").Replace(strings.ToLower(text))
	raw := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '.' && r != ',' && r != '/' && r != '-'
	})
	var words []string
	for _, w := range raw {
		// Keep a decimal point or thousands comma inside a number only.
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' }) {
			part = strings.Trim(part, ".,'/")
			if part == "" {
				continue
			}
			if !isNumeric(part) {
				for _, p := range strings.FieldsFunc(part, func(r rune) bool { return r == '.' || r == ',' || r == '/' }) {
					words = append(words, splitContraction(p)...)
				}
				continue
			}
			words = append(words, part)
		}
	}
	var out []token
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case negators[w], failVerbs[w] && i+1 < len(words) && words[i+1] == "to":
			out = append(out, token{tokNegation, w})
			if w == "no" && i+1 < len(words) && words[i+1] == "one" { // "no one" is "nobody"
				i++
			}
		case isNumeric(w) || numberWords[w] > 0 || w == "zero":
			n, ok := parseNumber(w)
			if !ok {
				out = append(out, token{tokWord, w})
				continue
			}
			// "two million", "5 thousand"
			for i+1 < len(words) && multipliers[words[i+1]] > 0 {
				n *= float64(multipliers[words[i+1]])
				i++
			}
			if i+1 < len(words) && fractions[words[i+1]] != "" && n < 10 { // "two thirds"
				out = append(out, token{tokNumber, strconv.FormatFloat(n, 'f', -1, 64) + "x" + fractions[words[i+1]]})
				i++
				continue
			}
			out = append(out, token{tokNumber, strconv.FormatFloat(n, 'f', -1, 64)})
		case fractions[w] != "" && i > 0 && (words[i-1] == "a" || words[i-1] == "one"):
			out = append(out, token{tokNumber, fractions[w]})
		case multipliers[w] > 0 && i > 0 && words[i-1] == "a": // "a million"
			out = append(out, token{tokNumber, strconv.Itoa(multipliers[w])})
		default:
			out = append(out, token{tokWord, w})
		}
	}
	return out
}

func splitContraction(w string) []string {
	if parts, ok := contractions[w]; ok {
		return parts
	}
	if v, ok := strings.CutSuffix(w, "n't"); ok && v != "" {
		return []string{v, "n't"}
	}
	if v, ok := strings.CutSuffix(w, "'s"); ok && v != "" {
		return []string{v}
	}
	return []string{strings.Trim(w, "'")}
}

func isNumeric(w string) bool {
	if w == "" || !unicode.IsDigit(rune(w[0])) {
		return false
	}
	for _, r := range w {
		if !unicode.IsDigit(r) && r != '.' && r != ',' {
			return false
		}
	}
	return true
}

func parseNumber(w string) (float64, bool) {
	if n, ok := numberWords[w]; ok {
		return float64(n), true
	}
	if w == "zero" {
		return 0, true
	}
	n, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
	return n, err == nil
}

// stopWords carry no content of their own; negations and numbers are read
// apart.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the of to in on at for from by with about as into onto over under than then
and or but if so that this these those there here it its it's is are was were be been being am
will would shall should can could may might must do does did done has have had having
he she they we i you him her them us me his hers their theirs our ours your yours my mine who whom whose which what when where why how
also just only very more most much many such some any all each every other another own same too still even yet already
said says say told tells according`) {
		m[w] = true
	}
	return m
}()

// stem cuts the common English endings off a lower-case word, so that
// "encrypted", "encrypting" and "encryption" compare equal. It is light on
// purpose: both sides are stemmed the same way.
func stem(w string) string {
	if len(w) <= 3 {
		return w
	}
	for _, rule := range stemRules {
		if base, ok := strings.CutSuffix(w, rule.suffix); ok && len([]rune(base)) >= rule.min {
			return base + rule.replace
		}
	}
	return w
}

var stemRules = []struct {
	suffix, replace string
	min             int
}{
	{"ational", "ate", 3}, {"ization", "ize", 3}, {"isation", "ize", 3}, {"ations", "ate", 3}, {"ation", "ate", 3},
	{"ications", "y", 3}, {"ication", "y", 3}, {"iness", "y", 3}, {"fulness", "", 3}, {"ousness", "ous", 3},
	{"ements", "", 4}, {"ement", "", 4}, {"ments", "", 4}, {"ment", "", 4}, {"ities", "", 4}, {"ity", "", 4},
	{"tions", "t", 3}, {"tion", "t", 3}, {"sions", "d", 3}, {"sion", "d", 3},
	{"ingly", "", 3}, {"edly", "", 3}, {"ings", "", 3}, {"ing", "", 3}, {"ies", "y", 2}, {"ied", "y", 2},
	{"ers", "", 3}, {"er", "", 4}, {"ed", "", 3}, {"ly", "", 3}, {"es", "", 4}, {"ss", "ss", 2}, {"s", "", 3}, {"e", "", 3},
}
