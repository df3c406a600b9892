// Package similar holds the test set that measures similarClaims: pairs of
// claims that say the same thing in other words, written for this project
// (none is copied from a corpus), with traps that share the words but not
// the meaning (a negation, another number), and an evaluation over any
// search function. docs/debates.md gives the numbers and how to reproduce
// them.
package similar

import (
	"fmt"
	"slices"
	"sort"
	"time"
)

// Pair is a claim already in the graph (Target) and a restatement of it
// that a curator might write for a second article (Query). Traps are
// claims put in the graph beside the target that use nearly its words but
// say something else: the query must rank the target above them.
type Pair struct {
	Query  string
	Target string
	Traps  []string
	// From says where the pair comes from: "own" (sentences written here),
	// or the AIF test map whose claims it restates.
	From string
}

// Pairs is the test set.
var Pairs = append(ownPairs, aifPairs...)

// ownPairs are sentences written for this test set: claims of an encryption
// debate, a city council's debates and a health debate, each restated as a
// second report would put it.
var ownPairs = []Pair{
	{Query: "Police say encryption lets criminals communicate without being overheard.",
		Target: "Encryption allows criminals and terrorists to communicate securely, law enforcement warns.",
		Traps:  []string{"Encryption does not allow criminals and terrorists to communicate securely, researchers say."}},
	{Query: "The White House will not ask Congress for a law forcing companies to decrypt data.",
		Target: "The White House will not seek legislation that would force companies to decrypt their customers' data.",
		Traps:  []string{"The White House will seek legislation that would force companies to decrypt their customers' data."}},
	{Query: "The president should publicly reject a mandate to decrypt devices.",
		Target: "The president should issue a statement rejecting a decryption mandate for devices.",
		Traps:  []string{"The president should not issue a statement rejecting a decryption mandate."}},
	{Query: "Without access to encrypted phones, investigations of crimes are being hampered.",
		Target: "Criminal investigations are hampered when investigators cannot access encrypted phones.",
	},
	{Query: "Tech firms ought to find their own ways to give investigators access.",
		Target: "Technology companies should come up with their own solutions for giving investigators access.",
	},
	{Query: "Ruling out legislation entirely would be a mistake.",
		Target: "Legislation should not be ruled out entirely.",
		Traps:  []string{"Legislation should be ruled out entirely."}},
	{Query: "Congress is unlikely to act on encryption this year.",
		Target: "Prospects for congressional action on encryption this year are remote.",
	},
	{Query: "A public statement by the United States could discourage authoritarian governments from demanding decryption.",
		Target: "A strong statement from the United States could dissuade authoritarian governments from demanding decryption laws of their own.",
		Traps:  []string{"A statement from the United States would not dissuade authoritarian governments from demanding decryption."}},
	{Query: "Strong encryption protects privacy and civil liberties more than it harms security.",
		Target: "The benefits of strong encryption to privacy and civil liberties outweigh the harm to security.",
	},
	{Query: "The bureau wants a legal requirement that companies unlock devices under a warrant.",
		Target: "The law should require companies to unlock devices for the bureau when it has a warrant.",
	},
	{Query: "Every company knows its own systems better than the government does.",
		Target: "Each company knows its own systems best.",
	},
	{Query: "A solution that works for one phone maker may not suit another provider.",
		Target: "What works for one phone maker might not be the best solution for another provider.",
	},
	{Query: "A terrorist attack could change the mood in Congress about encryption.",
		Target: "The mood in Congress about encryption could change after a terrorist attack.",
	},
	{Query: "The draft paper only reflects the debate at one moment in time.",
		Target: "The draft paper is a snapshot of the debate at one point in time.",
	},
	{Query: "Foreign rivals claim that American firms are tools of mass surveillance.",
		Target: "Foreign competitors say that American firms are instruments of mass surveillance.",
		Traps:  []string{"American firms are not instruments of mass surveillance, their lawyers say."}},
	{Query: "Disavowing a mandate would give no relief to the police in the near term.",
		Target: "Rejecting a decryption mandate would not provide any relief to the police in the near term.",
		Traps:  []string{"Rejecting a decryption mandate would provide relief to the police in the near term."}},
	{Query: "Weakening encryption creates risks for everyone's cybersecurity.",
		Target: "Any weakening of encryption would create cybersecurity risks for everyone.",
	},
	{Query: "Backdoors for the police would also be used by hackers.",
		Target: "Hackers would also use any backdoor built for the police.",
		Traps:  []string{"Hackers would never be able to use a backdoor built for the police."}},
	{Query: "Apple refuses to build software that unlocks an iPhone for the bureau.",
		Target: "Apple will not build software to unlock an iPhone for the bureau.",
		Traps:  []string{"Apple will build software to unlock an iPhone for the bureau."}},
	{Query: "The court order asks Apple to disable the phone's auto-erase feature.",
		Target: "The court ordered Apple to disable the auto-erase feature of the phone.",
	},
	{Query: "About ten percent of phones seized by police are encrypted.",
		Target: "Police say 10% of the phones they seize are encrypted.",
		Traps:  []string{"Police say 40% of the phones they seize are encrypted."}},
	{Query: "Investigators could not open about 7,000 devices last year.",
		Target: "Last year investigators were unable to open roughly 7,000 devices.",
		Traps:  []string{"Last year investigators were unable to open roughly 700 devices."}},
	{Query: "Half of the agencies surveyed back the encryption policy.",
		Target: "The encryption policy is backed by half of the surveyed agencies.",
		Traps:  []string{"The encryption policy is backed by a third of the surveyed agencies."}},
	{Query: "Encrypted messaging apps now have over a billion users.",
		Target: "More than one billion people use encrypted messaging apps.",
	},
	{Query: "Trade officials fear a mandate would hurt American exports of technology.",
		Target: "A decryption mandate would hurt American technology exports, trade officials fear.",
	},
	{Query: "Diplomats argue that supporting encryption would repair global trust in U.S. companies.",
		Target: "Supporting encryption would help repair global trust in U.S. companies, diplomats argue.",
	},
	{Query: "The administration has not yet reached a consensus on encryption.",
		Target: "The administration is still trying to reach a consensus on encryption.",
	},
	{Query: "Scheduling problems explain most of the delay in the encryption review.",
		Target: "The delays in the encryption review are due mainly to scheduling problems.",
	},
	{Query: "No one believes compulsory legislation is a realistic option today.",
		Target: "Nobody thinks that compulsory legislation is a realistic option today.",
		Traps:  []string{"Many think that compulsory legislation is a realistic option today."}},
	{Query: "The lawyer doubts that a U.S. statement would stop China and Russia.",
		Target: "A U.S. statement would not stop China and Russia from seeking access, the lawyer doubts.",
	},
	// A city council's debates.
	{Query: "A new bike lane would make the high street safer for cyclists.",
		Target: "Cyclists would be safer on the high street with a new bike lane.",
		Traps:  []string{"A new bike lane would not make the high street any safer for cyclists."}},
	{Query: "The council plans to raise parking fees in the city centre.",
		Target: "Parking fees in the city centre will be raised by the council.",
		Traps:  []string{"The council will not raise parking fees in the city centre."}},
	{Query: "Bus fares will rise by 5% next year.",
		Target: "Next year bus fares go up five percent.",
		Traps:  []string{"Next year bus fares go up fifteen percent."}},
	{Query: "The library should stay open on Sundays.",
		Target: "Keeping the library open on Sundays is what residents want.",
	},
	{Query: "Closing the swimming pool would save the council two million pounds.",
		Target: "The council would save 2 million pounds by closing the swimming pool.",
		Traps:  []string{"The council would save 20 million pounds by closing the swimming pool."}},
	{Query: "Residents oppose the plan to build flats on the park.",
		Target: "The plan to build flats on the park is opposed by residents.",
	},
	{Query: "Shopkeepers say the roadworks have driven their customers away.",
		Target: "The roadworks have driven customers away from the shops, shopkeepers say.",
	},
	{Query: "The new tram line will cut journey times to the airport.",
		Target: "Journey times to the airport will be cut by the new tram line.",
		Traps:  []string{"The new tram line will not cut journey times to the airport."}},
	{Query: "Street lights should be switched off after midnight to save energy.",
		Target: "Switching off street lights after midnight would save energy.",
	},
	{Query: "Recycling rates in the borough have doubled since 2019.",
		Target: "Since 2019 the borough has doubled its recycling rate.",
	},
	{Query: "The mayor promised more police patrols in the town centre.",
		Target: "More police patrols in the town centre were promised by the mayor.",
	},
	{Query: "Building more housing is the only way to lower rents.",
		Target: "Rents will only fall if more housing is built.",
	},
	{Query: "Low traffic neighbourhoods push cars onto main roads.",
		Target: "Cars are pushed onto the main roads by low traffic neighbourhoods.",
	},
	{Query: "School meals should be free for every pupil.",
		Target: "Every pupil should get free school meals.",
		Traps:  []string{"Not every pupil should get free school meals."}},
	// A health debate.
	{Query: "The vaccine cuts the risk of hospital admission by half.",
		Target: "Hospital admissions fall by half among people who had the vaccine.",
		Traps:  []string{"Hospital admissions fall by a third among people who had the vaccine."}},
	{Query: "Waiting lists for surgery have grown longer this winter.",
		Target: "This winter the waiting lists for surgery grew longer.",
	},
	{Query: "Nurses are leaving the health service because of low pay.",
		Target: "Low pay is driving nurses out of the health service.",
	},
	{Query: "A sugar tax would reduce childhood obesity.",
		Target: "Childhood obesity would be reduced by a tax on sugar.",
		Traps:  []string{"A tax on sugar would not reduce childhood obesity."}},
	{Query: "Hospitals need more beds to cope with the flu season.",
		Target: "To cope with the flu season hospitals need more beds.",
	},
	{Query: "The trust will close its maternity unit in March.",
		Target: "In March the maternity unit will be closed by the trust.",
		Traps:  []string{"The trust will keep its maternity unit open after March."}},
}

// aifPairs restate the claims of the AIF test maps written for this
// project (format/aif/testdata/aif/harbour-street*.json). The first is
// the maps' own rephrase (an MA node, "In other words").
var aifPairs = []Pair{
	{Query: "Shops will lose their parking spaces.", Target: "The bike lane will cost the shops on Harbour Street their parking.", From: "harbour-street.json (MA)"},
	{Query: "Harbour Street should get a bike lane, built by the council.", Target: "The council should build the bike lane on Harbour Street.", From: "harbour-street.json"},
	{Query: "Harbour Street will be safer with the bike lane.", Target: "The bike lane will make Harbour Street safer.", From: "harbour-street.json"},
	{Query: "Fewer people cycling, not the lanes, may explain why crashes fell.", Target: "The fall in crashes may come from fewer people cycling, not from the lanes.", From: "harbour-street.json"},
	{Query: "The bike lane is paid for by the state.", Target: "The state pays for the bike lane.", From: "harbour-street.json",
		Traps: []string{"The state does not pay for the bike lane."}},
	{Query: "For the shops, parking matters more than safety does.", Target: "Parking matters more to the shops than safety.", From: "harbour-street.json"},
	{Query: "The shops on Harbour Street will be hurt by the bike lane.", Target: "The bike lane will hurt the shops on Harbour Street.", From: "harbour-street-followup.json"},
	{Query: "The association of shop owners is against the bike lane.", Target: "The shop owners' association opposes the bike lane.", From: "harbour-street-followup.json"},
	{Query: "Before building the lane the council should consult the shops.", Target: "The council should ask the shops before it builds the lane.", From: "harbour-street-followup.json"},
	{Query: "Most visitors to Harbour Street arrive on foot.", Target: "Most people come to Harbour Street on foot.", From: "harbour-street-followup.json"},
}

// Result is what Evaluate measured.
type Result struct {
	Queries int
	// InTop5 counts the queries whose target is among the first five.
	InTop5 int
	// Top1 counts the queries whose first result is their target;
	// Answered those with any result.
	Top1, Answered int
	// TrapAbove counts the queries where a trap ranked above the target.
	TrapAbove int
	// Latencies of the searches, in the order asked.
	Latencies []time.Duration
	// Misses describe the queries whose target was not first.
	Misses []string
}

// RecallAt5 is the share of queries whose true match is in the top 5.
func (r Result) RecallAt5() float64 { return float64(r.InTop5) / float64(r.Queries) }

// PrecisionAt1 is the share of answered queries whose first result is the
// true match.
func (r Result) PrecisionAt1() float64 { return float64(r.Top1) / float64(max(r.Answered, 1)) }

// Percentile is the latency below which p (0-100) of the searches fell.
func (r Result) Percentile(p int) time.Duration {
	if len(r.Latencies) == 0 {
		return 0
	}
	l := slices.Clone(r.Latencies)
	sort.Slice(l, func(i, j int) bool { return l[i] < l[j] })
	return l[min(len(l)-1, len(l)*p/100)]
}

// Search is a similarClaims to evaluate: the texts of its results, best
// first.
type Search func(text string) ([]string, error)

// Evaluate asks search each pair's query (rounds times, for the latency)
// and scores the answers against the targets and traps.
func Evaluate(search Search, rounds int) (Result, error) {
	var r Result
	for round := 0; round < max(rounds, 1); round++ {
		for _, p := range Pairs {
			start := time.Now()
			got, err := search(p.Query)
			r.Latencies = append(r.Latencies, time.Since(start))
			if err != nil {
				return r, fmt.Errorf("search %q: %w", p.Query, err)
			}
			if round > 0 {
				continue
			}
			r.Queries++
			at := slices.Index(got, p.Target)
			if at >= 0 && at < 5 {
				r.InTop5++
			}
			if len(got) > 0 {
				r.Answered++
			}
			if at == 0 {
				r.Top1++
			} else {
				first := "(nothing)"
				if len(got) > 0 {
					first = got[0]
				}
				r.Misses = append(r.Misses, fmt.Sprintf("%q: target at %d, first %q", p.Query, at, first))
			}
			for _, trap := range p.Traps {
				if i := slices.Index(got, trap); i >= 0 && (at < 0 || i < at) {
					r.TrapAbove++
				}
			}
		}
	}
	return r, nil
}

// Claims are the texts Evaluate expects in the graph: every target and
// every trap, each once.
func Claims() []string {
	var out []string
	for _, p := range Pairs {
		out = append(out, p.Target)
		out = append(out, p.Traps...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
