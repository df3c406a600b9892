package suggest

// More common first names, to tell he from she (written here from common
// knowledge, not taken from a corpus or a list). A name given to both
// (Jordan, Taylor, Casey) is in neither list.
var moreMaleNames = []string{
	"aaron", "abdul", "abraham", "adrian", "ahmad", "alan", "alastair", "alberto", "aldo", "alec", "alejandro",
	"alex", "alfonso", "alfred", "alfredo", "allen", "alonzo", "alvin", "ambrose", "amir", "amos", "anders", "andre",
	"andrés", "andy", "angelo", "anton", "antonio", "archie", "ari", "arnold", "arturo", "asa", "ashton", "barack",
	"barney", "barry", "bart", "basil", "benito", "benny", "bernard", "bernie", "bert", "bobby", "boyd", "brad",
	"brendan", "brett", "brock", "bruno", "bryce", "buck", "bud", "burt", "byron", "caleb", "cameron",
	"cary", "cecil", "cedric", "cesar", "chad", "charlie", "chester", "chuck", "clarence", "clark", "claude",
	"clayton", "cliff", "clifford", "clifton", "conrad", "cornelius", "craig", "curtis",
	"cyrus", "damian", "damon", "danny", "darren", "darryl", "dave", "derek", "desmond", "devin",
	"dick", "dirk", "dominic", "donnie", "doug", "duncan", "dustin", "dwight", "eddie", "edgar", "eduardo",
	"edwin", "eli", "elliot", "elliott", "elmer", "elton", "elvis", "emanuel", "emilio", "emil", "ernest", "ernesto",
	"ernie", "ervin", "evan", "everett", "fernando", "fidel", "francis", "francisco", "frankie", "freddie",
	"frederick", "gavin", "geoffrey", "geoff", "gerard", "gerhard", "gilbert", "gordon", "grover",
	"guillermo", "gus", "gustavo", "hal", "hamid", "harvey", "hector", "herman", "hillel",
	"homer", "horace", "hubert", "humberto", "ibrahim", "irving", "isaac", "isaiah", "jamal",
	"jarrod", "javier", "jay", "jeb", "jed", "jeffery", "jeffrey", "jeremiah", "jerome", "jesus",
	"jim", "joaquin", "joel", "joey", "johan", "jorge", "josé", "joseph", "juan", "jules", "julio", "junior",
	"karl", "keith", "ken", "kenny", "khalid", "kirk", "lanny", "leland",
	"lenny", "leonard", "leroy", "les", "lester", "lewis", "lionel", "lonnie", "lorenzo", "lucas",
	"luke", "lyndon", "mack", "mahmoud", "malcolm", "marc", "marcel", "mario", "marty", "marvin",
	"matthew", "maurice", "mel", "melvin", "micah", "mick", "mickey", "mikhail", "mitt", "mohamed",
	"moses", "mustafa", "nate", "nathaniel", "ned", "nelson", "newt", "nicolas", "niels", "noel",
	"norm", "norman", "ollie", "orrin", "owen", "pablo", "percy", "pete", "phil",
	"quentin", "quincy", "ralph", "ramon", "randall", "randolph", "raphael", "reggie", "reginald",
	"rene", "reuben", "ricardo", "richie", "rob", "robbie", "roberto", "rod", "rodney", "rodrigo", "rogelio",
	"roland", "rolf", "roman", "ronnie", "rory", "ruben", "rudolph", "rufus", "russ", "rusty", "salvador",
	"sammy", "saul", "scotty", "sebastian", "seth", "shane", "shaun", "sheldon",
	"sidney", "silvio", "simon", "stanley", "stefan", "stephan", "steffen", "stuart", "sylvester",
	"ted", "teddy", "terrence", "theodore", "thad", "thom", "timmy", "toby", "tommy", "travis", "trent", "trevor",
	"troy", "ty", "tyrone", "ulysses", "uri", "vernon", "vic", "vijay", "virgil", "walt",
	"wesley", "wilbur", "willard", "winston", "woodrow", "xavier",
	"yusuf", "zack", "zeke", "mohammad", "reza", "hamza", "sergei", "sergey", "dmitry", "dmitri", "alexei",
	"nikolai", "yuri", "viktor", "recep", "benjamin", "binyamin", "shimon", "yitzhak", "moshe", "ehud", "avigdor",
	"nigel", "tony", "gerry", "angus", "rupert", "giles", "jeremy", "nick", "dominik", "wolfgang", "helmut", "jürgen",
	"françois", "jean-claude", "jean-luc", "jean-marie", "emmanuel", "nicolás", "enrique", "andrés", "jair", "evo",
	"hugo", "fidel", "raúl", "shinzo", "narendra", "rajiv", "imran", "nawaz", "bashar", "hosni", "muammar",
	"saddam", "hassan", "ali", "abdullah", "salman", "mohammed", "kofi", "nelson", "jacob", "cyril", "robert",
}

var moreFemaleNames = []string{
	"abby", "adele", "adriana", "adrienne", "agatha", "aileen", "alana", "alexandra", "alexandria", "alicia",
	"alina", "alison", "allison", "alma", "alyssa", "amelia", "amina", "anastasia", "andrea", "angelica",
	"angelina", "angie", "anita", "annette", "annie", "antoinette", "ariana", "arianna", "arlene",
	"audrey", "aurora", "ayesha", "barb", "beatrice", "belinda", "bella", "beth", "bethany", "bianca", "blanche",
	"brianna", "bridget", "brooke", "camila", "camille", "candace", "candice", "cara", "carmen", "caroline",
	"carrie", "cassandra", "cecilia", "celeste", "celia", "charlene", "cindy", "claudia", "colleen", "constance",
	"cora", "courtney", "cristina", "crystal", "daisy", "daphne", "darlene", "dawn", "deanna", "debby",
	"deirdre", "delia", "della", "desiree", "dolores", "dora", "doreen", "dottie", "eileen", "elaine", "eleanor",
	"elise", "eliza", "ella", "eloise", "elsie", "emilia", "erica", "erika", "esther", "eugenia", "eunice",
	"fiona", "florence", "francesca", "francine", "gabrielle", "gail", "gayle", "geraldine", "gina",
	"ginger", "ginny", "giselle", "glenda", "gwendolyn", "hailey", "haley", "hazel", "heidi", "hilary", "hillary",
	"hilda", "ida", "ilana", "imogen", "ina", "iris", "irma", "ivanka", "ivana", "jackie",
	"jacquelyn", "jade", "jamila", "janelle", "janine", "jasmine", "jeanette", "jeannie", "jenna", "jennie",
	"jeri", "jo", "joann", "joanna", "jocelyn", "jodi", "jodie", "johanna", "josephine", "juanita",
	"judi", "julianne", "juliet", "justine", "kamala", "kara", "kari", "karin", "karla", "kate",
	"katharine", "kathrine", "katrina", "kay", "kayleigh", "kendra", "kimberley",
	"kristen", "kristin", "kristina", "kristy", "krystal", "lana", "latoya", "laurie", "leah", "leticia",
	"lila", "lilian", "lillian", "lily", "lina", "lindsay", "lois", "lora", "lorraine", "lucille", "luisa",
	"lydia", "lynn", "lynne", "mabel", "mae", "maggie", "mallory", "mandy", "marcia", "margarita", "margie",
	"mariah", "marian", "marianne", "maribel", "marisa", "marissa", "marjorie", "marla", "marlene", "marsha",
	"maureen", "mavis", "melania", "melanie", "melinda", "mercedes", "meredith", "michaela", "millie",
	"mindy", "miranda", "miriam", "misty", "mitzi", "molly", "mona", "muriel", "myra", "myrtle", "nadia",
	"nadine", "naomi", "natasha", "nellie", "nicola", "nikki", "noreen", "norma", "odette", "olga", "paige",
	"pam", "patsy", "paulette", "pauline", "phoebe", "phyllis", "polly", "priscilla",
	"rachael", "ramona", "regina", "renee", "rhonda", "roberta", "rochelle", "roxanne", "sabrina",
	"sally", "sandi", "selena", "serena", "shannon", "shauna", "shelby", "shelley", "sherri", "sherry",
	"silvia", "simone", "sonya", "stella", "sylvia", "tamara", "tammie", "tania", "tatiana", "tess",
	"tessa", "thelma", "tracey", "tracy", "trisha", "ursula", "vanessa", "velma", "vivian", "wanda", "whitney",
	"wilma", "yasmin", "yvonne", "zelda", "theresa", "angela", "marine", "nicola", "hanna", "sahra", "sahar",
	"dilma", "cristina", "michelle", "chelsea", "condoleezza", "condi", "madeleine", "hillary", "nancy",
	"nikki", "kelly", "betsy", "elise", "jeanne", "tammy", "heidi",
	"lisa", "susan", "debbie", "donna", "katie", "sheila", "dianne", "barbara", "maxine", "ileana", "marsha",
	"carly", "sarah", "michele", "jill", "rosalynn", "laura", "sonia",
}

func init() {
	for _, n := range moreMaleNames {
		maleNames[n] = true
	}
	for _, n := range moreFemaleNames {
		if !maleNames[n] {
			femaleNames[n] = true
		}
	}
}
