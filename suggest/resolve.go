package suggest

import (
	"sort"
	"strings"
	"unicode"
)

// titles stand before a name and are not part of it: Fire Chief Tom B. Hale.
var titles = set("mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "sgt.", "capt.", "adm.",
	"prof.", "rev.", "det.", "supt.", "insp.", "cmdr.", "atty.", "hon.", "judge", "justice", "mayor", "governor",
	"senator", "representative", "congressman", "congresswoman", "president", "vice", "chief", "director", "deputy",
	"secretary", "attorney", "general", "minister", "prime", "chancellor", "professor", "officer", "commissioner",
	"chairman", "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "ambassador",
	"detective", "inspector", "superintendent", "coach", "councilman", "councilwoman", "councilmember", "sheriff",
	"ceo", "executive", "founder", "pastor", "father", "sister", "dean", "principal", "captain", "lieutenant",
	"sergeant", "commander", "admiral", "colonel", "major", "rabbi", "imam", "bishop", "economist", "analyst",
	"researcher", "scientist", "lawyer", "manager", "editor", "reporter", "treasurer", "auditor", "clerk",
	"trustee", "leader", "whip", "speaker", "assistant", "associate", "acting", "interim", "former", "undersecretary")

// titleOf joins a title to its department: Secretary of State, Undersecretary for Arms Control.
var titleOf = set("of", "for")

// departmentWords end a department of two words after a title: Political
// Affairs, Homeland Security, Public Diplomacy.
var departmentWords = set("affairs", "security", "diplomacy", "defense", "defence", "services", "development",
	"justice", "policy", "relations", "control", "operations", "intelligence", "management", "resources")

// roleNouns name a speaker by role rather than by name.
var roleNouns = set("official", "officials", "aide", "aides", "spokesman", "spokeswoman", "spokesperson", "source",
	"sources", "person", "people", "officer", "officers", "lawyer", "lawyers", "executive", "executives", "analyst",
	"analysts", "adviser", "advisers", "advisor", "diplomat", "diplomats", "employee", "employees", "staffer",
	"staffers", "mayor", "senator", "governor", "president", "director", "minister", "chief", "judge", "attorney",
	"secretary", "commissioner", "chairman", "chairwoman", "chair", "expert", "experts", "critic", "critics",
	"resident", "residents", "worker", "workers", "member", "members", "leader", "leaders", "researcher",
	"researchers", "economist", "economists", "investigator", "investigators", "prosecutor", "prosecutors", "witness",
	"witnesses", "neighbor", "neighbors", "neighbour", "neighbours", "parent", "parents", "teacher", "teachers",
	"manager", "owner", "founder", "coach", "sheriff", "detective", "captain", "inspector", "superintendent",
	"scientist", "scientists", "engineer", "engineers", "nurse", "doctor", "doctors", "activist", "activists",
	"organizer", "organizers", "agency", "company", "department", "ministry", "paper", "report", "memo", "statement",
	"letter", "study", "document", "draft", "campaign", "administration", "government", "council", "board", "police",
	"staff", "union", "firm", "court", "committee", "office", "team", "group", "state", "city", "bank", "ruling",
	"lawmaker", "lawmakers", "legislator", "legislators", "representative", "spokespeople", "insider", "insiders",
	"owner", "owners", "farmer", "farmers", "student", "students", "voter", "voters", "author", "authors",
	"audience", "crowd", "protesters", "supporters", "fans", "demonstrators",
	// Roles of a campaign and a newsroom: the Republican candidate, the
	// GOP nominee, the justice, the host.
	"candidate", "candidates", "nominee", "nominees", "justice", "host", "moderator", "anchor", "columnist",
	"commentator", "strategist", "strategists", "pollster", "consultant", "delegate", "delegates")

// things are role nouns that stand for a document or an institution: "it said".
var things = set("agency", "company", "department", "ministry", "paper", "report", "memo", "statement", "letter",
	"study", "document", "draft", "campaign", "administration", "government", "council", "board", "union", "firm",
	"court", "committee", "office", "team", "group", "state", "city", "bank", "ruling")

// orgWords mark a capitalised name as an organisation or place, not a person.
var orgWords = set("institution", "house", "council", "department", "agency", "post", "times", "inc.", "corp.",
	"company", "university", "committee", "congress", "senate", "court", "bureau", "association", "union", "party",
	"ministry", "office", "service", "commission", "board", "group", "foundation", "center", "centre", "institute",
	"bank", "fund", "news", "press", "network", "authority", "administration", "police", "department", "hospital",
	"school", "college", "church", "club", "city", "county", "state", "states", "republic", "kingdom", "journal",
	"herald", "tribune", "gazette", "agency", "reuters", "corporation", "co.", "ltd.", "llc", "organization",
	"organisation", "coalition", "alliance", "federation", "league", "society", "trust", "project", "initiative",
	"airlines", "motors", "technologies", "labs", "systems", "group", "partners", "capital", "holdings", "media",
	"weekly", "daily", "magazine", "watch", "review", "radio", "television", "channel", "pac", "caucus")

// leading words that may be capitalised at the start of a sentence but are not part of a name.
var functionWords = set("the", "a", "an", "but", "and", "or", "in", "on", "at", "for", "of", "to", "by", "with",
	"from", "it", "he", "she", "they", "we", "i", "this", "that", "these", "those", "there", "here", "what", "when",
	"where", "why", "how", "who", "if", "although", "though", "while", "as", "after", "before", "since", "so", "yet",
	"still", "then", "now", "once", "no", "not", "all", "some", "many", "most", "each", "every", "both", "either",
	"neither", "our", "their", "his", "her", "its", "my", "your", "nonetheless", "however", "meanwhile", "notably",
	"privately", "publicly", "also", "even", "just", "only", "because", "unless", "until", "during", "over",
	"under", "about", "into", "through", "like", "said", "says", "asked", "according", "yes", "ok", "okay",
	// Questions and indefinite pronouns open sentences but name no one:
	// Does Ruiz …? Nobody …
	"does", "did", "do", "is", "was", "are", "were", "has", "have", "had", "can", "could", "should", "would",
	"nobody", "everybody", "everyone", "somebody", "someone", "anyone", "anybody", "rather", "another", "other",
	"others",
	// Sentence adverbs and numbers open sentences but name no one:
	// Instead, …; Likewise …; Eleven groups said …
	"instead", "likewise", "moreover", "furthermore", "indeed", "besides", "otherwise", "similarly", "again",
	"perhaps", "maybe", "sure", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	"twelve", "twenty", "several", "few", "more", "less", "fewer")

// timeWords are capitalised but never part of a name: Dover Wednesday.
var timeWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
	"february", "april", "june", "july", "august", "september", "october", "november", "december")

// capRun is a run of capitalised words outside quotation marks: a name.
type capRun struct {
	a, b int // tokens, inclusive, after leading function words
}

// capitalRuns finds the capitalised runs of the text, for turning a surname
// into the full name the text gave first and a pronoun into a person.
func capitalRuns(toks []token) []capRun {
	var runs []capRun
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != word || t.role != outside || !(t.capital() || t.initial()) {
			continue
		}
		j := i
		for j+1 < len(toks) && toks[j+1].kind == word && toks[j+1].role == outside && toks[j+1].sent == t.sent &&
			(toks[j+1].capital() || toks[j+1].initial() || nameParticles[toks[j+1].low] && j+2 < len(toks) && toks[j+2].capital()) &&
			!timeWords[toks[j+1].low] && !(headlineWords[toks[j+1].low] && j > i) {
			j++
		}
		a := i
		for a <= j && (functionWords[toks[a].low] || timeWords[toks[a].low]) {
			a++
		}
		// A lone capitalised -ing word opening a sentence is a verb (Surveying the field, …).
		if a == j && (i == 0 || toks[i-1].sent != t.sent) && len(toks[a].low) > 5 && strings.HasSuffix(toks[a].low, "ing") {
			a++
		}
		if a <= j {
			runs = append(runs, capRun{a: a, b: j})
		}
		i = j
	}
	return runs
}

// headlineWords, capitalised inside a run, end a name: a headline in title
// case follows it (Ana Ruiz On Why The Plan Failed).
var headlineWords = set("on", "how", "why", "what", "when", "the", "and", "is", "are", "to", "for", "with", "in",
	"at", "about", "says", "said", "wants", "will", "was", "has")

// speakerRef is a speaker already named, for resolving later mentions.
type speakerRef struct {
	name   string // as resolved
	span   Span
	words  []string // lower-case words of the name as the text gave it
	person bool     // a named person
	thing  bool     // a document or institution ("it")
	plural bool     // "they"
	anon   bool     // a description of someone unnamed (a senior official), not a name
	titles []string // lower-case titles and roles the text gave with the name
	tok    int      // token where it was named
}

// resolver turns the words that attribute a quote into a speaker.
type resolver struct {
	d         *doc
	inSeen    map[int]bool        // SpeakerSpan starts already in seen
	heads     map[string][]int    // lower-case word → its tokens outside quotation marks
	npMemo    map[int][2]int      // head token → its noun phrase
	wordsMemo map[int][]string    // head token → its noun phrase\'s lower-case words
	surname   map[string][][3]int // lower-case word → (name start, word, run end) in names of two or more words
	known     map[string]bool     // lower-case names and surnames of named people
	spoken    map[string]bool     // lower-case names of the people resolved as speakers so far
	gender    map[string]string   // full name → "he" or "she"
	seen      []speakerRef        // speakers so far, in text order
	lastThey  int                 // the last of seen that "they" can be (plural, or a thing that is no person), or -1
	lastIt    int                 // the last of seen that "it" can be (a thing), or -1
	lastSpoke speakerRef          // the last person a quote was given to, tok at its mention
	spoke     bool
	capMid    map[string]bool // lower-case words the text capitalises inside a sentence
	titled    map[string]bool // lower-case surnames the text gives alone after a personal title (President Hale)
	quoteQis  []int           // the quotations being resolved
	quoted    map[string]bool // their capitalised words, lower case; nil until asked
}

// quoting sets the quotations whose speaker is being resolved.
func (r *resolver) quoting(qis []int) {
	r.quoteQis, r.quoted = qis, nil
}

// namedInQuote reports whether the surname of name is a word of the
// quotations being resolved: people do not speak of themselves by
// surname (“… whether Senator Ruiz's message could win,” he said is not
// Ruiz's).
func (r *resolver) namedInQuote(name string) bool {
	d := r.d
	if r.quoted == nil {
		r.quoted = map[string]bool{}
		for _, qi := range r.quoteQis {
			open, close := d.openTok[qi], d.closeTok[qi]
			if open < 0 {
				continue
			}
			for k := open + 1; k < close && k <= open+400; k++ {
				if t := d.toks[k]; t.kind == word && t.capital() {
					r.quoted[strings.TrimSuffix(strings.TrimSuffix(t.low, "'s"), "’s")] = true
				}
			}
		}
	}
	ws := strings.Fields(strings.ToLower(name))
	if len(ws) == 0 {
		return false
	}
	w := ws[len(ws)-1]
	return r.quoted[strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")]
}

func newResolver(d *doc) *resolver {
	r := &resolver{d: d, known: map[string]bool{}, spoken: map[string]bool{}, gender: map[string]string{}, inSeen: map[int]bool{}, lastThey: -1, lastIt: -1,
		heads: map[string][]int{}, npMemo: map[int][2]int{}, wordsMemo: map[int][]string{}, surname: map[string][][3]int{}}
	r.capMid = map[string]bool{}
	for k, t := range d.toks {
		if t.kind == word && t.role == outside {
			r.heads[t.low] = append(r.heads[t.low], k)
		}
		if t.kind == word && t.capital() && k > d.sentBeg[t.sent] && d.toks[k-1].kind == word {
			r.capMid[strings.TrimSuffix(t.low, "'s")] = true
		}
	}
	r.titled = map[string]bool{}
	for _, c := range d.caps {
		s, e, ts, ok := d.name(c.a, c.b)
		if ok && s == e && !d.org(s, e) {
			for _, t := range ts {
				if titles[t] && !functionWords[t] {
					r.titled[strings.TrimSuffix(d.toks[s].low, "'s")] = true
				}
			}
		}
		if !ok || e-s < 1 || d.org(s, e) && (!d.firstNamed(s, e) || e-s >= 4) {
			continue
		}
		for j := s + 1; j <= e; j++ {
			if possessive(d.toks[j].low) {
				break // Jo Keller's group: the name is given in full elsewhere
			}
			w := d.toks[j].low
			r.surname[w] = append(r.surname[w], [3]int{s, j, c.b})
		}
	}
	r.readGenders()
	return r
}

// readGenders learns a person's pronoun from the text's own words, as a
// reader does: the pronoun that opens what a name said (Ruiz said she
// would run; Hale told reporters that he …). A name whose sayings give both
// pronouns about as often (a report of what one said of another) is left
// unknown.
func (r *resolver) readGenders() {
	d := r.d
	votes := map[string][2]int{}
	for _, c := range d.caps {
		d.tick(1)
		s, e, _, ok := d.name(c.a, c.b)
		if !ok || d.org(s, e) || possessive(d.toks[e].low) {
			continue
		}
		k := c.b + 1
		for k < len(d.toks) && k <= c.b+3 && d.isWord(k) && (auxiliaries[d.toks[k].low] || adverb(d.toks[k])) {
			k++
		}
		if k >= len(d.toks) || !d.isWord(k) || d.toks[k].capital() || !cueVerbs[d.toks[k].low] || nounable[d.toks[k].low] {
			continue
		}
		k++
		if k < len(d.toks) && d.isWord(k) && (d.toks[k].low == "that" || d.toks[k].low == "reporters") {
			k++
		}
		if k < len(d.toks) && d.isWord(k) && d.toks[k].low == "that" {
			k++
		}
		if k >= len(d.toks) || !d.isWord(k) {
			continue
		}
		g := 0
		switch d.toks[k].low {
		case "he", "he'd", "he's", "he'll":
		case "she", "she'd", "she's", "she'll":
			g = 1
		default:
			continue
		}
		fs, fe := r.fullSpan(s, e)
		name := d.tokSpan(fs, fe).Text
		v := votes[name]
		v[g]++
		votes[name] = v
	}
	for name, v := range votes {
		switch {
		case v[0] > 2*v[1]:
			r.gender[name] = "he"
		case v[1] > 2*v[0]:
			r.gender[name] = "she"
		}
	}
}

// remember adds a speaker to those seen, once.
func (r *resolver) remember(ref speakerRef) {
	if !r.inSeen[ref.span.Start] {
		r.inSeen[ref.span.Start] = true
		r.seen = append(r.seen, ref)
		if ref.plural || ref.thing && !ref.person {
			r.lastThey = len(r.seen) - 1
		}
		if ref.thing {
			r.lastIt = len(r.seen) - 1
		}
	}
}

// lookback is how many earlier speakers, or earlier uses of a head word, a
// mention is compared with: far more than a news text names, so that it
// changes nothing there, and a text of thousands of quotations costs each
// mention no more than a short one (the pass stays linear).
const lookback = 256

// recent is the first index of seen within lookback of its end.
func (r *resolver) recent() int { return max(0, len(r.seen)-lookback) }

// np is npEndingAt for a head word, remembered.
func (r *resolver) np(k int) (int, int) {
	if v, ok := r.npMemo[k]; ok {
		return v[0], v[1]
	}
	s, e := r.d.npEndingAt(k, r.d.sentBeg[r.d.toks[k].sent])
	r.npMemo[k] = [2]int{s, e}
	return s, e
}

// learn records the named people among the raw attributions, so that a
// later bare surname or pronoun can be tied to them.
func (r *resolver) learn(cands []candidate) {
	for _, c := range cands {
		if c.attr.npA < 0 || c.attr.kind == attrInherited {
			continue
		}
		if s, e, _, ok := r.d.name(c.attr.npA, c.attr.npB); ok && !r.d.org(s, e) {
			r.known[r.d.lowWords(s, e)] = true
			r.known[r.d.toks[e].low] = true
		}
	}
}

func (d *doc) lowWords(a, b int) string {
	ws := make([]string, 0, b-a+1)
	for i := a; i <= b; i++ {
		ws = append(ws, strings.TrimSuffix(d.toks[i].low, "'s"))
	}
	return strings.Join(ws, " ")
}

// name finds the name in the tokens [a, b]: the trailing run of capitalised
// words after any titles. ok is false when the words end in lower case
// ("the senior official") or are titles only. titleWords lists the
// lower-case titles and roles given with it.
func (d *doc) name(a, b int) (int, int, []string, bool) {
	k := b
	for k >= a && (d.toks[k].capital() || d.toks[k].initial() || nameParticles[d.toks[k].low] && k < b) {
		k--
	}
	run := k + 1
	if run > b {
		return 0, 0, nil, false
	}
	start := run
	// A title's own department: Secretary of State Ana Ruiz; the same when
	// the run alone is read (a capitalised run that starts after "Secretary
	// of"); a department of two words: Undersecretary for Political Affairs
	// Ana Ruiz.
	if run+1 < b && run-2 >= 0 && titleOf[d.toks[run-1].low] && titles[d.toks[run-2].low] && (run-2 >= a || run == a && d.toks[run-2].kind == word) {
		start = run + 1
		if run+2 < b && departmentWords[d.toks[run+1].low] {
			start = run + 2
		}
	}
	var ts []string
	for i := run; i <= b; i++ {
		if titles[d.toks[i].low] {
			start = i + 1
			ts = append(ts, d.toks[i].low)
		}
	}
	for i := a; i < run; i++ {
		if roleNouns[d.toks[i].low] || titles[d.toks[i].low] {
			ts = append(ts, d.toks[i].low)
		}
	}
	if start > b {
		return 0, 0, nil, false
	}
	for start <= b && functionWords[d.toks[start].low] {
		start++
	}
	// A possessor before the name is not part of it: the Ledger's Ana Ruiz.
	for k := b - 1; k >= start; k-- {
		if possessive(d.toks[k].low) {
			start = k + 1
			break
		}
	}
	if start > b {
		return 0, 0, nil, false
	}
	return start, b, ts, true
}

// org reports whether the name [a, b] is an organisation or place: an
// organisation word in it, an acronym alone, or "the" before it.
func (d *doc) org(a, b int) bool {
	for i := a; i <= b; i++ {
		if orgWords[d.toks[i].low] {
			return true
		}
	}
	if places[d.lowWords(a, b)] || a < b && placeOpeners[d.toks[a].low] {
		return true
	}
	if a == b {
		rs := []rune(d.toks[a].text)
		upper := len(rs) >= 2
		for _, c := range rs {
			if unicode.IsLetter(c) && !unicode.IsUpper(c) {
				upper = false
			}
		}
		if upper {
			return true
		}
	}
	return a > 0 && d.toks[a-1].low == "the"
}

// placeOpeners open the names of places and never a person's: Los Altos
// Hills, San Bernardino, Fort Hood, New Orleans.
var placeOpeners = set("los", "las", "san", "santa", "fort", "mount", "port", "lake", "palm", "new")

// places are names of places that news names as often as people: a place
// is not a person (“…,” she said, after "voters in New Jersey").
var places = set("alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware",
	"florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
	"maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
	"new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma",
	"oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
	"vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "america", "united states",
	"u.s.", "britain", "great britain", "england", "scotland", "wales", "ireland", "france", "germany", "italy",
	"spain", "portugal", "greece", "russia", "ukraine", "poland", "china", "japan", "korea", "north korea",
	"south korea", "india", "pakistan", "afghanistan", "iran", "iraq", "syria", "turkey", "egypt", "mexico",
	"canada", "brazil", "cuba", "europe", "asia", "africa", "australia", "saudi arabia", "libya", "yemen",
	"iowa city", "new york city", "los angeles", "chicago", "boston", "philadelphia", "miami", "houston", "dallas",
	"atlanta", "detroit", "cleveland", "denver", "seattle", "london", "paris", "berlin", "moscow", "beijing",
	"brussels", "tokyo", "jerusalem", "baghdad", "damascus", "tehran", "kabul", "manhattan", "brooklyn", "silicon valley",
	"wall street", "capitol hill", "washington d.c.", "puerto rico")

// fullName returns the most recent name of two or more words before token
// before that ends in the surname at token i (Hale → Tom B. Hale); but when
// that name never speaks in the text and an earlier one with the surname
// does, the speaker's: after Sen. Chris Murphy said …, and a victim, Anne
// Marie Murphy, "Murphy added" is still the senator.
func (r *resolver) fullName(i, before int) (int, int, bool) {
	cands := r.surname[strings.TrimSuffix(r.d.toks[i].low, "'s")]
	// The runs are in text order: the last that ends before before.
	last := sort.Search(len(cands), func(k int) bool { return cands[k][2] >= before }) - 1
	if last < 0 {
		return 0, 0, false
	}
	if !r.speaks(cands[last][0], cands[last][1]) {
		for k := last - 1; k >= 0 && k >= last-lookback; k-- {
			if r.speaks(cands[k][0], cands[k][1]) {
				return cands[k][0], cands[k][1], true
			}
		}
	}
	return cands[last][0], cands[last][1], true
}

// spokeAt records that the person ref was given a quotation by the mention at token tok.
func (r *resolver) spokeAt(ref speakerRef, tok int) {
	r.lastSpoke, r.spoke = ref, true
	r.lastSpoke.tok = tok
	r.spoken[strings.ToLower(ref.name)] = true
}

// speaks reports whether the name at tokens [s, e] is given a quotation:
// by an attribution of its own, or as a speaker resolved so far.
func (r *resolver) speaks(s, e int) bool {
	low := r.d.lowWords(s, e)
	return r.known[low] || r.spoken[low]
}

// resolve fills the quote's speaker from the attribution: a pronoun becomes
// the last person named before it, a surname the full name given earlier,
// "the official" the earlier "a senior official" it refers back to, and a
// title-less role ("the mayor") the person who held that title earlier.
func (r *resolver) resolve(q *Quote, a attribution) {
	if a.npA < 0 || a.kind == attrNone {
		return
	}
	d := r.d
	q.Cue = a.cue
	cue := d.tokSpan(a.cueTok, a.cueEnd)
	q.CueSpan = &cue
	mention := d.tokSpan(a.npA, a.npB)
	set := func(ref speakerRef) {
		q.Speaker = ref.name
		q.SpeakerKind = ref.kind()
		sp := ref.span
		q.SpeakerSpan = &sp
		if sp != mention {
			m := mention
			q.Mention = &m
		}
	}
	head := d.toks[a.npB].low
	if a.npA == a.npB && pronouns[head] {
		if ref, ok := r.pronoun(head, a.npA); ok {
			set(ref)
			q.From = FromPronoun
			if ref.person {
				r.spokeAt(ref, a.npA)
			}
		} else {
			q.Cue, q.Mention = a.cue, &mention
		}
		return
	}
	// An indefinite phrase describes someone unnamed, even in capitals:
	// a New Hampshire Republican, an Iowa Democrat, another Senate aide.
	indefinite := a.npA < a.npB && (d.toks[a.npA].low == "a" || d.toks[a.npA].low == "an" || d.toks[a.npA].low == "another" ||
		d.toks[a.npA].low == "one" && !d.toks[a.npA+1].capital() && d.toks[a.npA+1].low != "of")
	if s, e, ts, ok := d.name(a.npA, r.personBeforeOf(a.npA, a.npB)); ok && !indefinite && !d.roleWord(s, e) && !d.roleFor(a.npA, s) {
		ref := speakerRef{span: d.tokSpan(s, e), titles: ts, tok: s}
		ref.person = !d.org(s, e)
		ref.thing = !ref.person
		q.From = FromName
		if s == e && ref.person {
			if fs, fe, ok := r.fullName(s, s); ok {
				ref.span = d.tokSpan(fs, fe)
				q.From = FromSurname
			}
		}
		if !ref.person && d.toks[a.npA].low == "the" {
			ref.span = mention
		}
		ref.name = ref.span.Text
		ref.words = strings.Fields(strings.ToLower(apostrophes.Replace(ref.name)))
		r.learnGender(ref.name, ts)
		r.remember(ref)
		set(ref)
		if ref.person {
			r.spokeAt(ref, a.npA)
		}
		return
	}
	// A description: "a senior city official", "the report".
	words := make([]string, 0, a.npB-a.npA+1)
	for i := a.npA; i <= a.npB; i++ {
		words = append(words, d.toks[i].low)
	}
	ref := speakerRef{name: mention.Text, span: mention, words: words, tok: a.npA, anon: true}
	ref.thing = things[head]
	ref.plural = strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") || head == "police" || head == "staff" || head == "people"
	if len(words) >= 2 && (words[0] == "the" || words[0] == "this" || words[0] == "that") {
		if prev, ok := r.definite(words, head); ok {
			r.remember(prev)
			set(prev)
			q.From = FromRole
			return
		}
		if prev, ok := r.mentioned(words, head, a.npA); ok {
			r.remember(prev)
			set(prev)
			q.From = FromRole
			return
		}
	}
	r.remember(ref)
	set(ref)
	q.From = FromDescription
}

// personBeforeOf is where the speaker's words [a, b] end when they name a
// person and then where the person comes from or works (Sen. Ana Ruiz of
// Oregon; Tom Hale from the Acme Institute; Dr. Ruiz at Dover General): the
// token before "of", "from" or "at"; else b. A title's own "of" (Secretary
// of State Ana Ruiz) and an organisation's (Bank of Dover) are kept.
func (r *resolver) personBeforeOf(a, b int) int {
	d := r.d
	for k := a + 1; k < b; k++ {
		if w := d.toks[k].low; w != "of" && w != "from" && w != "at" {
			continue
		}
		if !d.isWord(k-1) || !(d.toks[k-1].capital() || d.toks[k-1].initial()) {
			return b
		}
		s, e, ts, ok := d.name(a, k-1)
		if !ok || d.org(s, e) {
			return b
		}
		personal := false
		for _, t := range ts {
			personal = personal || titles[t]
		}
		if e > s || personal || r.known[d.toks[s].low] {
			return k - 1
		}
		if _, _, ok := r.fullName(s, s); ok {
			return k - 1
		}
		return b
	}
	return b
}

// fullSpan is the name at tokens [s, e], or the full name given before
// when it is a surname alone.
func (r *resolver) fullSpan(s, e int) (int, int) {
	if s == e {
		if a, b, ok := r.fullName(s, s); ok {
			return a, b
		}
	}
	return s, e
}

// learnGender records the pronoun a title (Mr., Ms., Mrs.) gives name.
func (r *resolver) learnGender(name string, titles []string) {
	for _, t := range titles {
		switch t {
		case "mr.":
			r.gender[name] = "he"
		case "ms.", "mrs.":
			r.gender[name] = "she"
		}
	}
}

// pronoun resolves he, she, they or it at token i.
func (r *resolver) pronoun(p string, i int) (speakerRef, bool) {
	d := r.d
	switch p {
	case "he", "she":
		if ref, ok := r.subjectPerson(p, i); ok {
			return ref, true
		}
		if ref, ok := r.surePerson(p, i); ok {
			return ref, true
		}
		// The last person named before the pronoun, outside quotations,
		// whose pronoun (from Mr./Ms. or an earlier resolution) agrees.
		last := sort.Search(len(d.caps), func(k int) bool { return d.caps[k].b >= i })
		for k := last - 1; k >= 0 && k >= last-400; k-- {
			d.tick(1)
			c := d.caps[k]
			s, e, ts, ok := d.name(c.a, c.b)
			if !ok || d.org(s, e) || d.roleWord(s, e) {
				continue
			}
			if !r.personLike(s, e, ts) {
				continue
			}
			fs, fe := r.fullSpan(s, e)
			ref := speakerRef{span: d.tokSpan(fs, fe), person: true, tok: fs}
			ref.name = ref.span.Text
			r.learnGender(ref.name, ts)
			if g, ok := r.genderOf(ref.name); ok && g != p || r.namedInQuote(ref.name) {
				continue
			}
			r.gender[ref.name] = p
			return ref, true
		}
	case "they":
		if r.lastThey >= 0 {
			return r.seen[r.lastThey], true
		}
	case "it":
		if ref, ok := r.subjectOrg(i); ok && (r.lastIt < 0 || r.seen[r.lastIt].tok < ref.tok) {
			return ref, true
		}
		if r.lastIt >= 0 {
			return r.seen[r.lastIt], true
		}
		// No document or institution has spoken yet: the last one named,
		// resolved as "the report" would be.
		for k := i - 1; k >= 0 && k >= i-2000; k-- {
			d.tick(1)
			if t := d.toks[k]; t.kind == word && t.role == outside && things[t.low] {
				if s, e := r.np(k); s >= 0 {
					words := strings.Fields(strings.ToLower(apostrophes.Replace(d.tokSpan(s, e).Text)))
					if len(words) >= 2 && (words[0] == "the" || words[0] == "this") {
						if ref, ok := r.mentioned(words, t.low, s); ok {
							ref.thing = true
							return ref, true
						}
					}
					ref := speakerRef{span: d.tokSpan(s, e), words: words, thing: true, tok: s, anon: true}
					ref.name = ref.span.Text
					return ref, true
				}
			}
		}
	}
	return speakerRef{}, false
}

// firstNamed reports whether the name [s, e] holds a common first name or
// an initial before its last word: a person's name, even with an
// organisation's word before it (Ledger Editor Tom B. Hale).
func (d *doc) firstNamed(s, e int) bool {
	for i := s; i < e; i++ {
		if w := d.toks[i].low; maleNames[w] || femaleNames[w] || d.toks[i].initial() {
			return true
		}
	}
	return false
}

// subjectOrg is the organisation named as the subject of the pronoun's
// own sentence or the one before (The Dover Ledger reported that Hale had
// resigned. It added, “…”), for "it"; not a place.
func (r *resolver) subjectOrg(i int) (speakerRef, bool) {
	d := r.d
	sent := d.toks[i].sent
	last := sort.Search(len(d.caps), func(k int) bool { return d.caps[k].b >= i })
	for k := last - 1; k >= 0 && k >= last-30; k-- {
		d.tick(1)
		c := d.caps[k]
		if d.toks[c.a].sent < sent-1 {
			break
		}
		s, e, _, ok := d.name(c.a, c.b)
		if !ok || !d.org(s, e) || places[d.lowWords(s, e)] || d.reported(c.a, c.b) {
			continue
		}
		a := s
		if a > 0 && d.toks[a-1].low == "the" && d.toks[a-1].sent == d.toks[s].sent {
			a--
		}
		if !d.subjectLike(a, e) || possessive(d.toks[e].low) {
			continue
		}
		ref := speakerRef{span: d.tokSpan(a, e), thing: true, tok: a}
		ref.name = ref.span.Text
		ref.words = strings.Fields(strings.ToLower(apostrophes.Replace(ref.name)))
		return ref, true
	}
	return speakerRef{}, false
}

// personLike reports whether a capitalised name is a person: a speaker
// named so before, a personal title with it, an initial inside it.
func (r *resolver) personLike(s, e int, ts []string) bool {
	d := r.d
	if r.known[d.lowWords(s, e)] || r.known[strings.TrimSuffix(d.toks[e].low, "'s")] {
		return true
	}
	for _, t := range ts {
		if titles[t] {
			return true
		}
	}
	for i := s; i < e; i++ {
		if d.toks[i].initial() {
			return true
		}
	}
	// A common first name before the surname, however many capitalised
	// words the run takes in (Republican Christine Todd Arch).
	for i := s; i < e; i++ {
		if w := d.toks[i].low; maleNames[w] || femaleNames[w] {
			return true
		}
	}
	// One word right before a speech verb speaks: Pruitt grumbled.
	if s == e && e+1 < len(d.toks) && d.isWord(e+1) && (cueVerbs[d.toks[e+1].low] || subjectVerbs[d.toks[e+1].low]) && !d.toks[e+1].capital() {
		return true
	}
	// One word that a clause about a person follows: Rihanna, who won.
	if d.relativeWho(e) {
		return true
	}
	// Two or three capitalised words, not after a preposition or "the"
	// (places, teams), followed by a verb or a comma: Beatriz Soto took
	// issue; the chairwoman, Ada Quist, disputed.
	if e-s < 1 || e-s > 2 {
		return false
	}
	if s > 0 && d.toks[s-1].sent == d.toks[s].sent && d.toks[s-1].kind == word && placeWords[d.toks[s-1].low] {
		return false
	}
	if e+1 >= len(d.toks) {
		return false
	}
	n := d.toks[e+1]
	return n.text == "," || n.kind == word && !n.capital() && n.role == outside
}

// placeWords before a capitalised run make it a place, a team or a thing.
var placeWords = set("in", "at", "near", "on", "from", "to", "over", "of", "into", "across", "the", "for", "by",
	"outside", "inside", "through", "toward", "towards", "under", "beat", "against", "visit", "visited")

// definite resolves "the senior official" to an earlier speaker with the
// same head word whose words include every other word of it ("a senior
// administration official"); "the first …" to the earliest such; a bare
// role ("the mayor") to the person named with that title.
func (r *resolver) definite(words []string, head string) (speakerRef, bool) {
	if len(words) < 2 {
		return speakerRef{}, false
	}
	first := false
	var mods []string
	for _, w := range words[1 : len(words)-1] {
		switch {
		case w == "first":
			first = true
		case w == "same" || w == "former" || w == "latter":
		default:
			mods = append(mods, w)
		}
	}
	match := func(ref speakerRef) bool {
		if ref.person {
			if len(mods) > 0 {
				return false
			}
			for _, t := range ref.titles {
				if t == head || strings.TrimSuffix(t, ".") == abbrevOf[head] {
					return true
				}
			}
			return false
		}
		if len(ref.words) == 0 || ref.words[len(ref.words)-1] != head || ref.words[0] == "the" {
			return false
		}
		for _, m := range mods {
			found := false
			for _, w := range ref.words {
				found = found || w == m
			}
			if !found {
				return false
			}
		}
		return true
	}
	if first {
		for _, ref := range r.seen[r.recent():] {
			r.d.tick(1)
			if !ref.person && match(ref) {
				return ref, true
			}
		}
		return speakerRef{}, false
	}
	for k := len(r.seen) - 1; k >= r.recent(); k-- {
		r.d.tick(1)
		if match(r.seen[k]) {
			return r.seen[k], true
		}
	}
	return speakerRef{}, false
}

// abbrevOf maps a role to the abbreviated title it is written as before a name.
var abbrevOf = map[string]string{"senator": "sen", "representative": "rep", "governor": "gov", "general": "gen",
	"professor": "prof", "detective": "det", "superintendent": "supt", "doctor": "dr", "captain": "capt"}

// mentioned resolves a definite description at token before ("the second
// official", "the union", "the report") to the earlier phrase of the text,
// outside quotation marks, with the same head word that is indefinite ("a
// second official") or longer ("the pilots' union") and holds every other
// word of it; "the first …" takes the earliest such phrase, else the latest.
func (r *resolver) mentioned(words []string, head string, before int) (speakerRef, bool) {
	d := r.d
	if len(words) < 2 {
		return speakerRef{}, false
	}
	first := false
	var mods []string
	for _, w := range words[1 : len(words)-1] {
		if w == "first" {
			first = true
		} else if w != "same" {
			mods = append(mods, w)
		}
	}
	// Only the earliest or the latest match is wanted: search from that end.
	match := func(k int) (speakerRef, bool) {
		s, e := r.np(k)
		if s < 0 {
			return speakerRef{}, false
		}
		ws := r.npWords(k, s, e)
		indefinite := ws[0] == "a" || ws[0] == "an" || ws[0] == "another"
		if !indefinite && len(ws) <= len(words) {
			return speakerRef{}, false
		}
		for _, m := range mods {
			has := false
			for _, w := range ws {
				has = has || w == m
			}
			if !has {
				return speakerRef{}, false
			}
		}
		ref := speakerRef{span: d.tokSpan(s, e), words: ws, tok: s, thing: things[head], anon: true}
		ref.name = ref.span.Text
		return ref, true
	}
	ks := r.heads[head]
	n := sort.SearchInts(ks, before)
	from := max(0, n-lookback)
	if first {
		for _, k := range ks[from:n] {
			d.tick(1)
			if ref, ok := match(k); ok {
				return ref, true
			}
		}
		return speakerRef{}, false
	}
	for j := n - 1; j >= from; j-- {
		d.tick(1)
		if ref, ok := match(ks[j]); ok {
			return ref, true
		}
	}
	return speakerRef{}, false
}

// npWords is the lower-case words of the noun phrase [s, e] of head k, remembered.
func (r *resolver) npWords(k, s, e int) []string {
	if ws, ok := r.wordsMemo[k]; ok {
		return ws
	}
	ws := strings.Fields(strings.ToLower(apostrophes.Replace(r.d.tokSpan(s, e).Text)))
	r.wordsMemo[k] = ws
	return ws
}

// genderOf is the pronoun a person takes: from Mr./Ms. or an earlier
// resolution, else from a common first name.
func (r *resolver) genderOf(name string) (string, bool) {
	if g, ok := r.gender[name]; ok {
		return g, true
	}
	// The first word before the surname that is a first name, past the
	// capitalised words a name's run takes in before it (Republican Ana
	// Ruiz, State Ana Ruiz after Secretary of).
	ws := strings.Fields(strings.ToLower(name))
	for _, w := range ws[:max(0, len(ws)-1)] {
		if maleNames[w] {
			return "he", true
		}
		if femaleNames[w] {
			return "she", true
		}
	}
	return "", false
}

// subjectPerson resolves he or she at token i, as a reporter reads it, to
// the person who is the topic of the last sentences rather than the last
// one named: the most recent person of the right gender who is the subject
// of one of the pronoun's own or two previous sentences (a name at the
// start of its sentence or clause, or right before a verb), else the last
// speaker of the right gender in the same or the previous two paragraphs.
func (r *resolver) subjectPerson(p string, i int) (speakerRef, bool) {
	d := r.d
	sent, para := d.toks[i].sent, d.toks[i].para
	var subject, speaker speakerRef
	found, reported := false, false
	last := sort.Search(len(d.caps), func(k int) bool { return d.caps[k].b >= i })
	for k := last - 1; k >= 0 && k >= last-60; k-- {
		d.tick(1)
		c := d.caps[k]
		if d.toks[c.a].sent < sent-2 || d.toks[c.a].para < para-2 {
			break
		}
		s, e, ts, ok := d.name(c.a, c.b)
		// A possessor in the pronoun's own clause also stands for it: she
		// drew Hale's ire - he called her “weak”.
		possessor := possessive(d.toks[c.b].low) && d.toks[c.a].sent == sent && d.sameClause(c.b, i)
		// A possessor that opens the pronoun's sentence or the one before
		// is its topic: Ruiz's fate is unclear, but she said …; Hale's
		// column attacked Pike. He calls …
		possessor = possessor || possessive(d.toks[c.b].low) && d.toks[c.a].sent >= sent-1 && d.toks[c.a].sent <= sent &&
			(c.a == d.sentBeg[d.toks[c.a].sent] || c.a == d.sentBeg[d.toks[c.a].sent]+1 && (d.toks[c.a-1].low == "but" || d.toks[c.a-1].low == "and"))
		if !ok || d.org(s, e) || d.roleWord(s, e) || !d.subjectLike(c.a, c.b) && !possessor || d.possessedRole(c.a) == p {
			continue
		}
		fs, fe := r.fullSpan(s, e)
		acts := d.actsFirst(c.a, c.b)
		// A surname the text gives after a personal title is a person's
		// (President Hale … Hale departs …).
		titled := s == e && r.titled[strings.TrimSuffix(d.toks[s].low, "'s")]
		if !r.personLike(s, e, ts) && !r.surnameOfPerson(s, e, fs, fe) && d.relationGender(c.a) == "" && !acts && !titled {
			continue
		}
		ref := speakerRef{span: d.tokSpan(fs, fe), person: true, tok: s}
		if possessor && possessive(d.toks[fe].low) {
			ref.span = d.span(d.toks[fs].start, d.toks[fe].end-2) // Dan Pike's: Dan Pike
		}
		ref.name = ref.span.Text
		r.learnGender(ref.name, ts)
		if g := d.relationGender(c.a); g != "" {
			r.gender[ref.name] = g
		}
		if r.namedInQuote(ref.name) {
			continue
		}
		g, ok := r.genderOf(ref.name)
		nb := d.pastBracket(c.b)
		speaks := nb+1 < len(d.toks) && d.isWord(nb+1) && cueVerbs[d.toks[nb+1].low] || d.speaksPast(c.b)
		if ok && g != p || !ok && !r.knownPerson(ref.name) && !speaks && !d.personApposition(c.b) && !acts && !titled {
			continue // the wrong pronoun, or an unsure subject that does not speak
		}
		if found {
			// The sentence's own subject before the subject of what it
			// reports: Lou Pike, a nurse, said Ana Ruiz should go. He …
			if d.toks[c.a].sent == d.toks[subject.tok].sent && (reported || speaks) {
				subject = ref
			}
			break
		}
		subject, found = ref, true
		// In the pronoun's own sentence, a name that speaks before the
		// subject found: Lou Pike acknowledged that Ruiz and Hale had
		// split the vote, an outcome, he said, “…”.
		reported = d.reported(c.a, c.b)
		if !reported && d.toks[c.a].sent != sent {
			break
		}
	}
	spoke := false
	if r.spoke && r.lastSpoke.tok < i && d.toks[r.lastSpoke.tok].para >= para-2 && !r.namedInQuote(r.lastSpoke.name) {
		// The last speaker, of the right pronoun or, within the pronoun's
		// paragraph and the one before, of none known (said Pruitt, …).
		g, ok := r.genderOf(r.lastSpoke.name)
		if ok && g == p || !ok && d.toks[r.lastSpoke.tok].para >= para-1 && r.nameLike(r.lastSpoke.name) {
			speaker, spoke = r.lastSpoke, true
		}
	}
	for k := len(r.seen) - 1; k >= r.recent() && !spoke; k-- {
		d.tick(1)
		ref := r.seen[k]
		if ref.tok >= i || !ref.person || r.namedInQuote(ref.name) {
			continue
		}
		if d.toks[ref.tok].para < para-2 {
			break
		}
		if g, ok := r.genderOf(ref.name); ok && g == p {
			speaker, spoke = ref, true
			break
		}
	}
	switch {
	case found && spoke && speaker.tok > subject.tok:
		return speaker, true
	case found && spoke && d.toks[speaker.tok].sent == d.toks[subject.tok].sent:
		// The speaker of a sentence is its subject, not a name later in
		// it: “…,” said Lou Pike, who ranks Ana Ruiz and Dan Hale behind
		// Tom Arch. ¶ “…,” he said.
		return speaker, true
	case found:
		r.gender[subject.name] = p
		subject.tok = d.tokAt(subject.span.Start)
		return subject, true
	case spoke:
		return speaker, true
	}
	return speakerRef{}, false
}

// sameClause reports whether tokens a < b are in one clause: no comma,
// quotation mark or conjunction between them, at most twelve words apart.
func (d *doc) sameClause(a, b int) bool {
	if b-a > 12 {
		return false
	}
	for k := a + 1; k < b; k++ {
		if t := d.toks[k]; t.text == "," || t.kind == markOpen || t.kind == markClose || t.low == "and" || t.low == "but" {
			return false
		}
	}
	return true
}

// roleFor reports whether the name at s follows a role of someone else's
// inside the speaker's words from a (a spokesman for Ana Ruiz; one of the
// prosecutors of Tom Hale): the role speaks, not the name.
func (d *doc) roleFor(a, s int) bool {
	if s-2 < a {
		return false
	}
	switch d.toks[s-1].low {
	case "for", "of", "to", "with":
	default:
		return false
	}
	h := d.toks[s-2]
	return h.kind == word && !h.capital() && (roleNouns[h.low] || personRoles[h.low]) && !things[h.low]
}

// roleWord reports whether the name [s, e] is one capitalised role noun
// (Officials said …; Critics argue …): people described, no name.
func (d *doc) roleWord(s, e int) bool {
	return s == e && !things[d.toks[s].low] && (roleNouns[d.toks[s].low] || titles[d.toks[s].low])
}

// reported reports whether the name [a, b] is the subject of a reported
// clause: right after a speech verb (or its "that") and before a verb of
// its own (said Ana Ruiz should go), not an inverted speaker (said Ana Ruiz, …).
func (d *doc) reported(a, b int) bool {
	k := a - 1
	for k >= 0 && k >= a-3 && d.isWord(k) && (titles[d.toks[k].low] || d.toks[k].capital()) {
		k-- // Sen., Gov.
	}
	if k >= 0 && d.isWord(k) && d.toks[k].low == "that" {
		k--
	}
	if k < 0 || !d.isWord(k) || !cueVerbs[d.toks[k].low] || d.toks[k].sent != d.toks[a].sent {
		return false
	}
	return b+1 < len(d.toks) && d.isWord(b+1) && !d.toks[b+1].capital()
}

// tokAt is the token that starts at code point c (or the first after it).
func (d *doc) tokAt(c int) int {
	return sort.Search(len(d.toks), func(k int) bool { return d.toks[k].start >= c })
}

// surnameOfPerson reports whether the one word [s, e] is the surname of a
// full name [fs, fe] the text gave before whose pronoun is known (Ruiz
// after Dan Ruiz).
func (r *resolver) surnameOfPerson(s, e, fs, fe int) bool {
	if s != e || fs == s && fe == e {
		return false
	}
	_, ok := r.genderOf(r.d.tokSpan(fs, fe).Text)
	return ok
}

// knownPerson reports whether a name was a speaker's before.
func (r *resolver) knownPerson(name string) bool {
	return r.known[strings.ToLower(apostrophes.Replace(name))]
}

// subjectLike reports whether the capitalised run [a, b] stands as a
// subject: first in its sentence or after a comma or a conjunction, and
// followed by a lower-case word (a verb) or a comma (an apposition).
func (d *doc) subjectLike(a, b int) bool {
	if b+1 >= len(d.toks) {
		return false
	}
	// A person brought in on their own: Then there's Hale.
	if a >= 1 && (d.toks[a-1].low == "there's" || d.toks[a-1].low == "is" && a >= 2 && d.toks[a-2].low == "there") &&
		d.toks[b+1].text == "." {
		return true
	}
	start := a
	for start > 0 && d.toks[start-1].sent == d.toks[a].sent && d.toks[start-1].kind == word && a-start < 6 {
		w := d.toks[start-1]
		// Titles, roles and their modifiers (Democratic council candidate).
		if !(titles[w.low] || roleWords[w.low] || roleNouns[w.low] || w.capital() ||
			!functionWords[w.low] && !npStops[w.low] && !cueVerbs[w.low] && !auxiliaries[w.low] && !strings.HasSuffix(w.low, "ed") && !strings.HasSuffix(w.low, "ing")) {
			break
		}
		start--
	}
	// The determiner that opens the subject's words: the district GOP
	// Chairman Lou Pike declined …
	if start < a && start > 0 && d.toks[start-1].sent == d.toks[a].sent && (d.toks[start-1].low == "the" || d.toks[start-1].low == "a" || d.toks[start-1].low == "an") {
		start--
	}
	before := start == 0 || d.toks[start-1].sent != d.toks[a].sent || d.toks[start-1].text == "," ||
		d.toks[start-1].low == "and" || d.toks[start-1].low == "but" || d.toks[start-1].kind == markClose ||
		cueVerbs[d.toks[start-1].low] && !listenerVerbs[d.toks[start-1].low] // said Alan Abramowitz, a demographer: the speaker
	nk := d.pastBracket(b) + 1
	// An adverb between the subject and its verb: Hale also attacked …
	for nk+1 < len(d.toks) && nk <= b+3 && d.isWord(nk) && subjectAdverbs[d.toks[nk].low] {
		nk++
	}
	n := d.toks[nk]
	after := n.text == "," || n.kind == word && !n.capital() && n.role == outside && !npStops[n.low] && !laterPreps[n.low] || cueVerbs[n.low]
	// A second name after "and" and before a comma closes a pair, no
	// clause (between Ruiz and Hale, with …), unless a role follows it
	// (and Hale, the mayor, said).
	if start > 0 && (d.toks[start-1].low == "and" || d.toks[start-1].low == "or") && n.text == "," && !d.personApposition(b) {
		return false
	}
	// A possessor is not the subject: Olsen's deputy director.
	return before && after && !possessive(d.toks[b].low)
}

// speaksPast reports whether the name ending at token b is the subject of
// a speech verb past a bracket and an apposition set off by commas (Sen.
// Ana Ruiz (D-Ore.), a delegate backing Hale, said …): it speaks.
func (d *doc) speaksPast(b int) bool {
	k := d.pastBracket(b) + 1
	if k >= len(d.toks) || d.toks[k].text != "," {
		return false
	}
	k++
	for n := 0; k < len(d.toks) && d.toks[k].text != ","; k, n = k+1, n+1 {
		if n > 15 || d.toks[k].sent != d.toks[b].sent || d.toks[k].kind != word && d.toks[k].kind != punct {
			return false
		}
	}
	k++
	for k < len(d.toks) && d.isWord(k) && (auxiliaries[d.toks[k].low] || adverb(d.toks[k])) {
		k++
	}
	return k < len(d.toks) && d.isWord(k) && !d.toks[k].capital() && cueVerbs[d.toks[k].low] && !nounable[d.toks[k].low]
}

// nameLike reports whether a speaker's name reads as a name: more than
// one word, or a word the text capitalises inside a sentence too. A word
// capitalised only where it opens a sentence is a common noun (Audiences
// can expect …; Eyebrows raised, …), no one a pronoun stands for.
func (r *resolver) nameLike(name string) bool {
	ws := strings.Fields(strings.ToLower(apostrophes.Replace(name)))
	return len(ws) != 1 || r.capMid[strings.TrimSuffix(ws[0], "'s")]
}

// subjectAdverbs may stand between a subject and its verb.
var subjectAdverbs = set("also", "then", "even", "only")

// laterPreps after a name make it an object, not a subject: Hale attacked
// Ana Ruiz and Tom Pike during the rally.
var laterPreps = set("during", "for", "against", "over", "toward", "towards", "through", "amid", "among", "without",
	"via", "behind", "despite", "throughout", "onto", "upon", "within")

// pastBracket is the last token of a bracket that follows the name
// ending at token b in its sentence (George Hale (a Whig) was …; Sen. Ana
// Ruiz (D-Ore.), a nurse, said), or b when none does: the words after the
// bracket tell whether the name is a subject.
func (d *doc) pastBracket(b int) int {
	if b+2 >= len(d.toks) || d.toks[b+1].text != "(" {
		return b
	}
	for k := b + 2; k < len(d.toks) && k <= b+10 && d.toks[k].sent == d.toks[b].sent; k++ {
		switch d.toks[k].text {
		case ")":
			if k+1 < len(d.toks) {
				return k
			}
			return b
		case "(", "“", "”", "\"":
			return b
		}
	}
	return b
}

// possessedRole is the pronoun of the one who owns the role that the name
// at token a stands in apposition to (his campaign manager, Tom Hale: "he";
// her spokeswoman Ana Ruiz: "she"), or "": that pronoun is the owner's, not
// the name's.
func (d *doc) possessedRole(a int) string {
	k := a - 1
	if k >= 0 && d.toks[k].text == "," {
		k--
	}
	n := 0
	for k >= 0 && d.isWord(k) && d.toks[k].sent == d.toks[a].sent && n < 4 && !d.toks[k].capital() {
		switch d.toks[k].low {
		case "his":
			if n > 0 {
				return "he"
			}
			return ""
		case "her":
			if n > 0 {
				return "she"
			}
			return ""
		}
		if !(roleNouns[d.toks[k].low] || titles[d.toks[k].low] || roleWords[d.toks[k].low] || personRoles[d.toks[k].low]) && n == 0 {
			return ""
		}
		k--
		n++
	}
	return ""
}

// pastActs are common irregular past tenses: Ruiz lost Ohio, Hale won.
var pastActs = set("lost", "won", "made", "took", "gave", "went", "came", "spoke", "led", "ran", "met", "sent", "held",
	"left", "kept", "got", "saw", "knew", "thought", "felt", "brought", "began", "wrote", "told", "sought", "fought",
	"stood", "struck", "drew", "threw", "chose", "rose", "spent", "paid", "built", "set", "put", "cut", "hit")

// listenerVerbs take the one spoken to after them: told the Ledger.
var listenerVerbs = set("told", "tells", "tell", "telling")

// Common first names, to tell he from she (written here, not from a corpus).
var maleNames = set("denis", "reince", "newt", "rand", "jeb", "bernie", "rahm", "robby", "wolf", "anderson", "chuck",
	"lanny", "joel", "sheldon", "lester", "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
	"christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth",
	"kevin", "brian", "george", "edward", "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas",
	"eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "frank", "gregory",
	"raymond", "alexander", "patrick", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "henry", "adam", "douglas",
	"nathan", "peter", "zachary", "kyle", "walter", "harold", "jeremy", "ethan", "carl", "keith", "roger", "gerald",
	"christian", "terry", "sean", "arthur", "austin", "noah", "lawrence", "jesse", "joe", "bryan", "billy", "jordan",
	"albert", "dylan", "bruce", "willie", "gabriel", "alan", "juan", "logan", "wayne", "ralph", "roy", "eugene",
	"randy", "vincent", "russell", "louis", "philip", "bobby", "johnny", "bradley", "bill", "bob", "jim", "mike",
	"tom", "ted", "ben", "marco", "chris", "tim", "mitch", "harry",
	"rudy", "rick", "lindsey", "ted", "jimmy", "al", "dick", "corey", "sam", "tony", "dan",
	"steve", "jeff", "greg", "ron", "ken", "don", "pat", "ed", "fred", "ray", "hank", "ivan", "igor", "pedro", "carlos",
	"luis", "miguel", "ahmed", "mohammed", "muhammad", "ali", "omar", "hassan", "vladimir", "xi", "boris", "emmanuel",
	"angus", "hugh", "neil", "ian", "colin", "graham", "martin", "howard", "leon", "marcus", "victor", "oscar",
	"glenn", "jake", "josh", "nick", "matt", "zach", "brent", "milton", "morton", "todd", "trey", "darrell", "jared",
	"dwight", "franklin", "herbert", "calvin", "luther", "stan", "ross", "rex", "vince", "jon", "jonah", "reid",
	"julian", "raul", "enrique", "felipe", "andres", "manuel", "nigel", "elijah", "ezra", "tucker", "rush", "cory",
	"hank", "wes", "lou", "dale", "clint", "kurt", "curt", "lyle", "earl", "otis", "abe", "sid", "sol", "max", "leo",
	"hugo", "felix", "ivan", "rafael", "diego", "sergio", "marco", "mario", "luigi", "giuseppe", "hans", "klaus", "jens",
	"lars", "sven", "pierre", "jacques", "francois", "mitchell", "dean", "wade", "duane", "dwayne", "floyd", "lloyd")
var femaleNames = set("kellyanne", "huma", "megyn", "ivanka", "melania", "heidi", "kamala", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah",
	"karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle",
	"dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia",
	"kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
	"katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane",
	"virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith",
	"megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa", "kathryn",
	"sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia", "judy", "grace", "denise", "amber",
	"marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana", "brittany", "natalie", "isabella",
	"charlotte", "rose", "alexis", "kayla", "carly", "sarah", "nikki", "michele", "elizabeth", "chelsea",
	"hope", "donna", "debbie", "nancy", "dianne", "kirsten", "tammy",
	"jeanne", "claire", "susanna", "ana", "lucia", "sofia", "fatima", "aisha", "angela", "theresa", "marine", "ellen",
	"kate", "katie", "meg", "liz", "sue", "jane", "jill", "anne", "eva", "nina", "tina", "lena", "mara", "ruth", "beatriz",
	"helene", "ada", "zoe", "zoë", "paula", "irene", "monica", "sandy", "peggy", "wendy", "connie", "joanne",
	"megan", "gretchen", "amy", "maxine", "madeleine", "sheryl", "oprah", "jill", "tiffany", "rosie", "meghan",
	"sonia", "elena", "loretta", "valerie", "patti", "betsy", "bernadette", "barbara", "rosa", "carmen", "lupe", "maya",
	"mia", "ava", "isabel", "lucy", "clara", "stacy", "stacey", "sheila", "kathy", "cathy", "lori", "gwen", "nora",
	"edith", "agnes", "mildred", "ethel", "gladys", "louise", "harriet", "marion", "vera", "greta", "ingrid", "astrid",
	"marta", "elsa", "yolanda", "gabriela", "alejandra", "veronica", "jessie", "trudy", "nell", "rita", "dina", "pia",
	"tara", "tanya", "tonya", "bonnie", "carla", "erin", "holly", "leslie", "vicki", "vicky", "becky", "jenny", "penny")

// surePerson resolves he or she at token i to the last person named in the
// pronoun's paragraph or the two before whose pronoun is known to agree
// (Mr./Ms., an earlier resolution, a common first name) or who spoke
// before, passing over capitalised words that may not be a person at all
// (Blue Harbor Trust, Acme Water).
func (r *resolver) surePerson(p string, i int) (speakerRef, bool) {
	d := r.d
	para := d.toks[i].para
	last := sort.Search(len(d.caps), func(k int) bool { return d.caps[k].b >= i })
	for k := last - 1; k >= 0 && k >= last-200; k-- {
		d.tick(1)
		c := d.caps[k]
		if d.toks[c.a].para < para-2 {
			break
		}
		s, e, ts, ok := d.name(c.a, c.b)
		if !ok || d.org(s, e) || d.roleWord(s, e) {
			continue
		}
		fs, fe := r.fullSpan(s, e)
		ref := speakerRef{span: d.tokSpan(fs, fe), person: true, tok: fs}
		ref.name = ref.span.Text
		r.learnGender(ref.name, ts)
		if g := d.relationGender(c.a); g != "" {
			r.gender[ref.name] = g
		}
		if r.namedInQuote(ref.name) {
			continue
		}
		g, ok := r.genderOf(ref.name)
		if ok && g == p && (r.personLike(s, e, ts) || r.surnameOfPerson(s, e, fs, fe)) ||
			!ok && (r.knownPerson(ref.name) || r.known[strings.TrimSuffix(d.toks[e].low, "'s")]) && r.personLike(s, e, ts) {
			r.gender[ref.name] = p
			return ref, true
		}
	}
	return speakerRef{}, false
}

// personApposition reports whether the name ending at token b is followed
// by a comma and words that only a person takes: a relative "who", or a
// role (Wes Arden, Ruiz's longtime adviser, …).
func (d *doc) personApposition(b int) bool {
	b = d.pastBracket(b)
	if b+2 >= len(d.toks) || d.toks[b+1].text != "," {
		return false
	}
	if d.relativeWho(b) {
		return true
	}
	// An age is a person's: Lou Pike, 49, a nurse, …
	if b+3 < len(d.toks) && d.toks[b+3].text == "," && age(d.toks[b+2].low) {
		return true
	}
	for k := b + 2; k < len(d.toks) && k <= b+9 && d.isWord(k); k++ {
		if t := d.toks[k].low; roleNouns[t] && !things[t] || roleWords[t] || personRoles[t] {
			return true
		}
	}
	return false
}

// relativeWho reports whether ", who" follows the token b: what comes
// next is said of a person.
func (d *doc) relativeWho(b int) bool {
	return b+2 < len(d.toks) && d.toks[b+1].text == "," && d.toks[b+2].low == "who"
}

// age reports whether a word is a person's age (49).
func age(w string) bool {
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// personRoles are roles only a person holds, for telling a person from an
// organisation by its apposition.
var personRoles = set("friend", "adviser", "advisor", "aide", "wife", "husband", "son", "daughter", "father", "mother",
	"brother", "sister", "spokesman", "spokeswoman", "director", "chairman", "chairwoman", "founder", "president",
	"professor", "senator", "governor", "mayor", "deputy", "strategist", "manager", "lawyer", "attorney", "veteran",
	"resident", "voter", "supporter", "owner", "chief", "secretary", "candidate", "former")

// relationGender reads a person's pronoun from a family word just before
// their name (her husband, Milton Berg; his daughter Ann); "" when none.
func (d *doc) relationGender(a int) string {
	for k := a - 1; k >= 0 && k >= a-3 && d.toks[k].sent == d.toks[a].sent; k-- {
		switch d.toks[k].low {
		case "husband", "son", "father", "brother", "grandfather", "uncle", "nephew", "boyfriend":
			return "he"
		case "wife", "daughter", "mother", "sister", "grandmother", "aunt", "niece", "girlfriend":
			return "she"
		}
	}
	return ""
}

// actsFirst reports whether a one-word name opens its sentence and acts
// (Vance dodged the question; Orr openly conceded): news names people
// by surname alone once they are known.
func (d *doc) actsFirst(a, b int) bool {
	if a != b || a > 0 && d.toks[a-1].sent == d.toks[a].sent || possessive(d.toks[a].low) {
		return false
	}
	k := b + 1
	if k < len(d.toks) && d.isWord(k) && (adverb(d.toks[k]) || auxiliaries[d.toks[k].low] || d.toks[k].low == "instead") {
		k++
	}
	if k >= len(d.toks) || !d.isWord(k) || d.toks[k].capital() {
		return false
	}
	w := d.toks[k].low
	if !cueVerbs[w] && k+1 < len(d.toks) && d.toks[k+1].text == "," {
		return false // a participle and a comma: Eyebrows raised, he asked
	}
	return cueVerbs[w] || subjectVerbs[w] || len(w) > 4 && strings.HasSuffix(w, "ed") || pastActs[w]
}
