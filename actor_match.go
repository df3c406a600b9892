package counterpoint

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// The same actor. A second article names the officials of the first under
// other spellings ("Director Comey", "James B. Comey", "Jim Comey"), and a
// second actor splits who-countered-whom in two. MatchActors is the one
// rule that proposes the existing actors a new speaker may be, with the
// reason; the API, the studio and every import path ask it, and a curator
// decides (mergeActors). Anonymous sources are never proposed: each is its
// own actor.

// ActorMatchReason says why an existing actor may be the one a new name
// means; the set is closed.
type ActorMatchReason string

// The reasons, strongest first.
const (
	// MatchSameName: the same name once titles, middle names and
	// punctuation are set aside ("James B. Comey", "James Comey").
	MatchSameName ActorMatchReason = "SAME_NAME"
	// MatchInitial: the same surname and first initial ("J. Comey").
	MatchInitial ActorMatchReason = "SURNAME_AND_INITIAL"
	// MatchVariant: a known variant of the first name ("Jim" for "James"),
	// or an organisation's acronym ("FBI").
	MatchVariant ActorMatchReason = "KNOWN_VARIANT"
	// MatchSpelling: a surname one letter off ("Comy"), with the same
	// first name or initial; or a first name one letter off ("Calum"),
	// with the same surname.
	MatchSpelling ActorMatchReason = "SIMILAR_SPELLING"
	// MatchRole: the same role and organisation ("FBI director").
	MatchRole ActorMatchReason = "SAME_ROLE"
	// MatchSurname: the same surname, the new name giving no first name
	// ("Director Comey").
	MatchSurname ActorMatchReason = "SAME_SURNAME"
)

// ActorMatchReasons lists every reason, in the order the API documents them.
var ActorMatchReasons = []ActorMatchReason{MatchSameName, MatchInitial, MatchVariant, MatchSpelling, MatchRole, MatchSurname}

// ActorCandidate is an existing actor that a new speaker may be, with why
// and how likely (Score, in (0, 1]).
type ActorCandidate struct {
	Actor   Actor
	Reasons []ActorMatchReason // the strongest first
	Reason  string             // the reasons in words, for the curator
	Score   float64
}

// ActorQuery is the new speaker as a curator or an import names it.
type ActorQuery struct {
	Name string
	Role string
	Kind ActorKind // "" when not known
}

// MinActorScore is the least score a candidate is proposed with.
const MinActorScore = 0.5

// MatchActors returns the actors of existing that q may name, best first
// (then by id), never an anonymous one, nor any when q itself is
// anonymous. An actor whose id is q's own is left out.
func MatchActors(q ActorQuery, existing []Actor) []ActorCandidate {
	if q.Kind == ActorAnonymous || blank(q.Name) && blank(q.Role) {
		return nil
	}
	nq := parseName(q.Name)
	role := roleWords(q.Role)
	var out []ActorCandidate
	for _, a := range existing {
		if a.Kind == ActorAnonymous {
			continue
		}
		c, ok := matchActor(nq, role, q, a)
		if ok {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b ActorCandidate) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), strings.Compare(a.Actor.ID, b.Actor.ID))
	})
	return out
}

// ActorSearchWords are the words an index lookup needs to find the actors
// MatchActors could propose for q: the name's words without titles (the
// surname last, to be looked up fuzzily too), its initials, and the role's
// words; acronym says that q may be an organisation's acronym, which only
// a read of every group can match.
func ActorSearchWords(q ActorQuery) (names, roles []string, surname string, acronym bool) {
	n := parseName(q.Name)
	names = append(names, n.core...)
	if len(n.initials) >= 2 {
		names = append(names, n.initials)
	}
	slices.Sort(names)
	return slices.Compact(names), roleWords(q.Role), n.surname, n.acronym != "" && q.Kind != ActorPerson
}

func matchActor(nq personName, role []string, q ActorQuery, a Actor) (ActorCandidate, bool) {
	na := parseName(a.Name)
	var reasons []ActorMatchReason
	score := 0.0
	add := func(r ActorMatchReason, s float64) {
		reasons = append(reasons, r)
		score = max(score, s)
	}
	person := a.Kind == ActorPerson && (q.Kind == "" || q.Kind == ActorPerson)
	group := a.Kind != ActorPerson && q.Kind != ActorPerson
	switch {
	case person && nq.key != "" && nq.key == na.key, group && nq.full != "" && nq.full == na.full:
		add(MatchSameName, 1)
	case person && nq.surname != "" && nq.surname == na.surname:
		switch {
		case nq.first != "" && na.first != "" && nq.first == na.first:
			add(MatchSameName, 0.95) // the middle names differ
		case nq.first != "" && na.first != "" && variants(nq.first, na.first):
			add(MatchVariant, 0.85)
		case nq.first != "" && na.first != "" && nq.first[0] == na.first[0] && (nq.initialOnly || na.initialOnly):
			add(MatchInitial, 0.85)
		case nq.first == "" || na.first == "":
			add(MatchSurname, 0.6)
		case len([]rune(nq.first)) >= 4 && editDistanceAtMostOne(nq.first, na.first):
			add(MatchSpelling, 0.7) // "Calum" for "Callum"
		}
	case person && nq.first != "" && na.first != "" && len(nq.surname) >= 4 && editDistanceAtMostOne(nq.surname, na.surname) &&
		(nq.first == na.first || variants(nq.first, na.first) || nq.first[0] == na.first[0] && (nq.initialOnly || na.initialOnly)):
		add(MatchSpelling, 0.7)
	case group && (nq.acronym != "" && nq.acronym == na.initials || na.acronym != "" && na.acronym == nq.initials):
		add(MatchVariant, 0.85)
	}
	if len(role) >= 2 && slices.Equal(role, roleWords(a.Role)) {
		if len(reasons) > 0 {
			score = min(1, score+0.1)
		} else {
			score = 0.55
		}
		reasons = append(reasons, MatchRole)
	}
	if score < MinActorScore {
		return ActorCandidate{}, false
	}
	return ActorCandidate{Actor: a, Reasons: reasons, Reason: describeMatch(reasons, a), Score: score}, true
}

func describeMatch(reasons []ActorMatchReason, a Actor) string {
	words := make([]string, len(reasons))
	for i, r := range reasons {
		switch r {
		case MatchSameName:
			words[i] = "same name"
		case MatchInitial:
			words[i] = "same surname and first initial"
		case MatchVariant:
			words[i] = "a known variant of the name"
		case MatchSpelling:
			words[i] = "the name one letter off"
		case MatchRole:
			words[i] = fmt.Sprintf("same role and organisation (%s)", a.Role)
		case MatchSurname:
			words[i] = "same surname, no first name given"
		}
	}
	return strings.Join(words, "; ")
}

// personName is a name as the rules compare it.
type personName struct {
	key         string   // the words without titles, middle names and punctuation
	words       []string // every word kept, lower-cased
	core        []string // the words without titles and suffixes
	full        string   // every word, for the names of groups
	first       string   // "" when only a surname (and titles) is given
	initialOnly bool     // first is an initial ("J.")
	surname     string
	acronym     string // the name itself when it is one word in capitals ("FBI"), lower-cased
	initials    string // the initials of its capitalised words ("Federal Bureau of Investigation": fbi)
}

// titles are the words a source puts before a name that are not part of it.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true, "sir": true, "dame": true,
	"president": true, "vice": true, "director": true, "deputy": true, "secretary": true, "senator": true, "sen": true,
	"rep": true, "representative": true, "gov": true, "governor": true, "mayor": true, "judge": true, "justice": true,
	"gen": true, "general": true, "adm": true, "admiral": true, "col": true, "colonel": true, "lt": true, "capt": true, "captain": true,
	"minister": true, "ambassador": true, "chairman": true, "chairwoman": true, "chair": true, "attorney": true, "chief": true,
	"commissioner": true, "lord": true, "rev": true, "sgt": true, "the": true, "prime": true, "former": true, "acting": true,
}

// suffixes follow a name and are not part of it.
var suffixes = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true, "phd": true, "md": true, "esq": true}

// groupStop are the small words an organisation's initials skip.
var groupStop = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true, "&": true}

func parseName(name string) personName {
	raw := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
	if len(raw) > 1 && strings.EqualFold(raw[0], "the") {
		raw = raw[1:] // "the FBI" is the FBI, "The Washington Post" the Washington Post
	}
	var n personName
	var initials strings.Builder
	for _, w := range raw {
		letters := strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' {
				return unicode.ToLower(foldAccent(r))
			}
			return -1
		}, w)
		if letters == "" {
			continue
		}
		if r := []rune(w)[0]; unicode.IsUpper(r) && !groupStop[letters] {
			initials.WriteRune(unicode.ToLower(r))
		}
		n.words = append(n.words, letters)
	}
	n.initials = initials.String()
	n.full = strings.Join(n.words, " ")
	if len(raw) == 1 && len([]rune(raw[0])) >= 2 && strings.ToUpper(raw[0]) == raw[0] && strings.ToLower(raw[0]) != raw[0] {
		n.acronym = strings.ToLower(strings.Trim(raw[0], "."))
	}
	// Titles lead, suffixes trail; what is left is first, middle, surname.
	core := slices.Clone(n.words)
	for len(core) > 1 && titles[core[0]] {
		core = core[1:]
	}
	for len(core) > 1 && suffixes[core[len(core)-1]] {
		core = core[:len(core)-1]
	}
	if len(core) == 0 {
		return n
	}
	n.surname = surnameKey(core)
	n.core = core
	if len(core) > 1 {
		n.first = core[0]
		n.initialOnly = len([]rune(n.first)) == 1
	}
	if n.first != "" {
		n.key = n.first + " " + n.surname
	} else if len(n.words) == len(core) {
		n.key = n.surname // a one-word name with no title
	}
	return n
}

// surnameParticles join the surname they precede: "El Amin", "El-Amin" and
// "el-Amin" are one surname, as are "van Dorn" and "Van-Dorn".
var surnameParticles = map[string]bool{"al": true, "el": true, "van": true, "von": true, "de": true, "da": true, "di": true,
	"du": true, "del": true, "della": true, "der": true, "den": true, "ter": true, "le": true, "la": true, "bin": true, "ibn": true,
	"st": true, "dos": true, "das": true, "mac": true, "abu": true}

// surnameKey is the surname of a name's core words, its particles joined
// to it and its hyphens and apostrophes dropped, so that spellings that
// differ only in those compare equal.
func surnameKey(core []string) string {
	i := len(core) - 1
	for i > 1 && surnameParticles[core[i-1]] {
		i--
	}
	return strings.NewReplacer("-", "", "'", "").Replace(strings.Join(core[i:], ""))
}

// foldAccent maps the accented Latin letters names most often carry to
// their base letter, so that "José" and "Jose" compare equal.
func foldAccent(r rune) rune {
	if r < 0xC0 {
		return r
	}
	for base, accented := range accentFolds {
		if strings.ContainsRune(accented, r) {
			return base
		}
	}
	return r
}

var accentFolds = map[rune]string{
	'a': "àáâãäåāÀÁÂÃÄÅĀ", 'c': "çćčÇĆČ", 'e': "èéêëēėęÈÉÊËĒ", 'i': "ìíîïīÌÍÎÏ", 'n': "ñńÑŃ",
	'o': "òóôõöøōÒÓÔÕÖØŌ", 's': "śšşŚŠŞ", 'u': "ùúûüūÙÚÛÜŪ", 'y': "ýÿÝ", 'z': "źżžŹŻŽ",
}

// firstNameVariants groups first names that name the same person; each
// group's first is the formal name.
var firstNameVariants = [][]string{
	{"james", "jim", "jimmy", "jamie"}, {"robert", "rob", "bob", "bobby", "robbie", "bert"}, {"william", "will", "bill", "billy", "liam"},
	{"michael", "mike", "mick", "mickey"}, {"thomas", "tom", "tommy"}, {"richard", "rick", "dick", "rich", "ricky"},
	{"charles", "charlie", "chuck", "chas"}, {"joseph", "joe", "joey"}, {"daniel", "dan", "danny"}, {"david", "dave", "davy"},
	{"steven", "stephen", "steve"}, {"christopher", "chris"}, {"benjamin", "ben", "benny"}, {"anthony", "tony"},
	{"katherine", "catherine", "kathryn", "kate", "katie", "kathy", "cathy", "kat"}, {"elizabeth", "liz", "beth", "betty", "lizzie", "eliza"},
	{"jennifer", "jen", "jenny"}, {"susan", "sue", "susie"}, {"patrick", "pat", "paddy"}, {"patricia", "pat", "patty", "trish"},
	{"matthew", "matt"}, {"andrew", "andy", "drew"}, {"alexander", "alex", "sasha", "alec"}, {"alexandra", "alex", "sandra", "sasha"},
	{"edward", "ed", "eddie", "ted", "ned"}, {"theodore", "ted", "teddy", "theo"}, {"jeffrey", "geoffrey", "jeff", "geoff"},
	{"jonathan", "jon", "johnny"}, {"john", "jack", "johnny"}, {"nicholas", "nick", "nicky"}, {"samuel", "sam", "sammy"},
	{"samantha", "sam"}, {"lawrence", "larry"}, {"gerald", "jerry", "gerry"}, {"henry", "hank", "harry"}, {"harold", "harry", "hal"},
	{"margaret", "maggie", "meg", "peggy", "marge"}, {"albert", "al", "bert"}, {"alan", "al"}, {"timothy", "tim"}, {"gregory", "greg"},
	{"kenneth", "ken", "kenny"}, {"ronald", "ron", "ronnie"}, {"donald", "don", "donnie"}, {"frederick", "fred", "freddie"},
	{"peter", "pete"}, {"philip", "phillip", "phil"}, {"raymond", "ray"}, {"douglas", "doug"}, {"leonard", "leo", "len"},
	{"victoria", "vicky", "tori"}, {"rebecca", "becky"}, {"deborah", "debra", "deb", "debbie"}, {"barbara", "barb"},
	{"abraham", "abe"}, {"zachary", "zach", "zack"}, {"joshua", "josh"}, {"nathaniel", "nathan", "nate"}, {"jacob", "jake"},
	{"valerie", "val"}, {"tobias", "toby"}, {"susanne", "suzanne", "sue"}, {"mohammed", "muhammad", "mohamed", "mohammad"},
}

// variantOf maps each variant to the indexes of its groups.
var variantOf = func() map[string][]int {
	m := map[string][]int{}
	for i, g := range firstNameVariants {
		for _, n := range g {
			m[n] = append(m[n], i)
		}
	}
	return m
}()

// variants reports whether two different first names are known variants
// of one name.
func variants(a, b string) bool {
	if a == b {
		return false
	}
	for _, i := range variantOf[a] {
		if slices.Contains(variantOf[b], i) {
			return true
		}
	}
	return false
}

// editDistanceAtMostOne reports whether a and b differ by at most one
// inserted, deleted, replaced or swapped letter (and are not equal).
func editDistanceAtMostOne(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra)-len(rb) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		if i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:]) {
			return true // two letters swapped
		}
		return string(ra[i+1:]) == string(rb[i+1:])
	}
	return string(ra[i+1:]) == string(rb[i:])
}

// roleWords are a role's words as the rules compare them: lower-cased,
// without small words, sorted ("Director of the FBI", "FBI director").
func roleWords(role string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(role), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !groupStop[w] && w != "a" && w != "an" && w != "s" {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ValidateMerge checks that actor from may be merged into actor into: two
// different actors, neither an anonymous source.
func ValidateMerge(into, from Actor) error {
	switch {
	case into.ID == from.ID:
		return Invalidf("from", "cannot merge actor %q into itself", from.ID)
	case into.Kind == ActorAnonymous:
		return Invalidf("into", "actor %q is an anonymous source: anonymous sources are never merged", into.ID)
	case from.Kind == ActorAnonymous:
		return Invalidf("from", "actor %q is an anonymous source: anonymous sources are never merged", from.ID)
	}
	return nil
}
