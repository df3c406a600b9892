package suggest

import (
	"unicode"

	"github.com/counterpoint-news/counterpoint"
)

// direct keeps the quotations whose every part is inside quotation marks by
// the domain's one rule (counterpoint.Text.InsideQuotation, the check of
// every DIRECT quote), so that no suggestion is refused by the API when a
// curator accepts it. A quotation the domain reads otherwise (a stray ASCII
// mark that flips which runs are quoted) is not suggested at all.
func direct(tx *counterpoint.Text, qs []quotation) []quotation {
	kept := qs[:0]
	for _, q := range qs {
		ok := true
		for _, p := range q.parts {
			ok = ok && tx.InsideQuotation(p[0], p[1])
		}
		if ok {
			kept = append(kept, q)
		}
	}
	return kept
}

// trimRange narrows [s, e) past white space at both ends.
func trimRange(r []rune, s, e int) (int, int) {
	for s < e && unicode.IsSpace(r[s]) {
		s++
	}
	for e > s && unicode.IsSpace(r[e-1]) {
		e--
	}
	return s, e
}

// quotation is one run of quoted words as the marks delimit it: one part, or
// several when news style reopens it at the start of following paragraphs.
type quotation struct {
	parts   [][2]int // content of each part, trimmed, without the marks
	marks   [][2]int // opening and closing mark of each part; closing -1 when missing
	para    int      // paragraph of the first part
	lastPar int      // paragraph of the last part
}

// Kinds of quotation mark.
const (
	notMark = iota
	openDouble
	closeDouble
	eitherDouble // the ASCII ", by its neighbours
)

func isWordRune(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// at returns r[i], or a space outside the text.
func at(r []rune, i int) rune {
	if i < 0 || i >= len(r) {
		return ' '
	}
	return r[i]
}

// opensBefore reports whether c, before a quotation mark, lets the mark open:
// start of text, space, or an opening bracket or dash.
func opensBefore(c rune) bool {
	return unicode.IsSpace(c) || c == '(' || c == '[' || c == '{' || c == '—' || c == '–' || c == '-' || c == '/' || c == '“' || c == '‘'
}

// doubleKind classifies a double quotation mark at r[i].
func doubleKind(r []rune, i int) int {
	switch r[i] {
	case '“', '„', '‟':
		return openDouble
	case '”':
		return closeDouble
	case '"':
		before, after := at(r, i-1), at(r, i+1)
		canOpen := opensBefore(before) && !unicode.IsSpace(after)
		canClose := !unicode.IsSpace(before) && !isWordRune(after)
		switch {
		case canOpen && !canClose:
			return openDouble
		case canClose && !canOpen:
			return closeDouble
		case canOpen && canClose:
			return eitherDouble
		}
		return eitherDouble
	}
	return notMark
}

// scan finds every quotation in the text, paragraph by paragraph. Only
// double marks delimit one, as in the domain's rule: single marks are a
// quotation within the quotation, part of the outer one, or at the top level
// a headline's or a British text's marks, which the API does not take as
// DIRECT. A paragraph that ends inside a quotation continues it when
// the next paragraph opens with a mark (news style); otherwise the
// quotation ends with its paragraph.
func scan(r []rune, paras [][2]int) []quotation {
	var out []quotation
	var cur *quotation // the quotation open at the end of the previous paragraph
	for pi, p := range paras {
		i := p[0]
		inside := false
		start, open := 0, 0
		if cur != nil {
			// Continue only when this paragraph opens with a double mark.
			if k := doubleKind(r, i); k == openDouble || k == eitherDouble {
				inside, open, start = true, i, i+1
				i++
			} else {
				out = append(out, *cur)
				cur = nil
			}
		}
		for ; i < p[1]; i++ {
			c := r[i]
			if !inside {
				switch k := doubleKind(r, i); {
				case k == openDouble || k == eitherDouble:
					inside, open, start = true, i, i+1
					continue
				}
				continue
			}
			switch doubleKind(r, i) {
			case closeDouble, eitherDouble:
				if cur != nil {
					cur.addPart(r, open, start, i, pi)
					out = append(out, *cur)
					cur = nil
				} else {
					out = append(out, newQuotation(r, open, i, pi))
				}
				inside = false
			case openDouble:
				if c == '„' {
					continue
				}
				// A second opening mark: the first never closed. Drop it
				// and start again here, unless it continues a paragraph.
				if cur != nil {
					out = append(out, *cur)
					cur = nil
				}
				open, start = i, i+1
			}
		}
		if inside {
			// Open at the paragraph's end: continue into the next paragraph if
			// it reopens, else the quotation ends here.
			if cur == nil {
				q := quotation{para: pi, lastPar: pi}
				cur = &q
			}
			cur.addOpenPart(r, open, start, p[1], pi)
		} else if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	if cur != nil {
		out = append(out, *cur)
	}
	// Drop quotations with no words in them.
	kept := out[:0]
	for _, q := range out {
		parts, marks := q.parts[:0], q.marks[:0]
		for j, pt := range q.parts {
			if pt[0] < pt[1] {
				parts = append(parts, pt)
				marks = append(marks, q.marks[j])
			}
		}
		q.parts, q.marks = parts, marks
		if len(q.parts) > 0 {
			kept = append(kept, q)
		}
	}
	return kept
}

func newQuotation(r []rune, open, close, para int) quotation {
	q := quotation{para: para, lastPar: para}
	q.addPart(r, open, open+1, close, para)
	return q
}

// addPart appends the content [start, close) with its marks.
func (q *quotation) addPart(r []rune, open, start, close, para int) {
	s, e := contentRange(r, start, close)
	q.parts = append(q.parts, [2]int{s, e})
	q.marks = append(q.marks, [2]int{open, close})
	q.lastPar = para
}

// addOpenPart appends a part whose closing mark is missing (the paragraph ends).
func (q *quotation) addOpenPart(r []rune, open, start, end, para int) {
	s, e := contentRange(r, start, end)
	q.parts = append(q.parts, [2]int{s, e})
	q.marks = append(q.marks, [2]int{open, -1})
	q.lastPar = para
}

// contentRange trims the words between the marks: white space at the ends,
// then a comma just inside the closing mark (news style moves the comma of
// the reporter's sentence inside the quotation marks; it is not the
// speaker's). A dash or other punctuation stays.
func contentRange(r []rune, s, e int) (int, int) {
	s, e = trimRange(r, s, e)
	if e > s && r[e-1] == ',' {
		e--
		s, e = trimRange(r, s, e)
	}
	return s, e
}
