"""Words for person names: particles inside surnames, gendered titles and common first names.

The first-name lists are deliberately short (common given names in English-language news);
a name that is in neither list has no gender, and pronouns then fall back to text order.
"""

from __future__ import annotations

# Lower-case words that may sit inside a name ("Bill de Blasio", "Ludwig van Beethoven").
NAME_PARTICLES: frozenset[str] = frozenset(
    ["de", "da", "di", "del", "della", "der", "den", "van", "von", "du", "la", "le", "bin", "al", "el", "ibn", "st."]
)

MALE_TITLES: frozenset[str] = frozenset(["mr", "mr.", "sir", "lord", "father", "king", "prince", "brother"])
FEMALE_TITLES: frozenset[str] = frozenset(
    ["mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "madam", "sister", "queen", "princess", "mother"]
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MALE_NAMES: frozenset[str] = _words(
    """
    aaron adam adrian ahmed al alan albert alec alex alexander alexandre alexei alfred ali allan allen andre
    andrew andy angus anthony antoine antonio arnold arthur barack barry ben benjamin benoit bernard bernie
    bill billy bob bobby boris brad bradley brandon brendan brent brett brian bruce bryan byron caleb calvin
    carl carlos chad charles charlie chris christian christopher chuck clark claude clayton clint cody
    colin connor craig cyrus dale damon dan daniel danny darren dave david dean dennis denis derek dick
    dmitry dominic don donald doug dougie douglas duncan dustin dwight earl ed eddie edward elijah emmanuel
    eric erik ernie ethan evan francis francisco frank franklin fred frederick gabriel gary gavin george
    gerald gerry gilbert glen glenn gordon graham grant greg gregory guy hank harold harry hassan
    hector henry herbert howard hugh hunter ian ibrahim isaac ivan jack jacob jake james jamie jared jason
    javier jay jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan jordan
    jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin kyle lance larry leo leon
    leonard liam lloyd louis luc luis luke malcolm marc marco mario mark martin matt matthew maurice max
    michael mike miguel mitch mitchell mohamed mohammed muhammad murray nathan neil nicholas nick nicolas
    nigel noah norman oliver omar oscar owen pat patrick paul pete peter phil philip phillip pierre rafael
    ralph randy ray raymond reginald ricardo richard rick ricky rob robert rod rodney roger roman ron ronald
    ross roy russell ryan sam samuel scott sean sebastian sergei sergey seth shane shawn simon stan stanley
    stephen steve steven stuart ted terry thomas tim timothy todd tom tommy tony travis trevor troy tyler
    victor vincent vladimir walter wayne will william xavier yves zachary
    """
)
FEMALE_NAMES: frozenset[str] = _words(
    """
    abigail ada adriana agnes aisha alexandra alexis alice alicia alison allison amanda amber amelia amy ana
    andrea angela angelina anita ann anna anne annie april ashley audrey barbara beatrice becky belinda
    beth betsy betty beverly brenda bridget brittany brooke caitlin camille candace carla carmen carol
    carole caroline carolyn catherine cathy charlotte chelsea cheryl chloe christina christine
    cindy claire clara claudia colleen connie courtney crystal cynthia daisy dana danielle daphne deborah
    debbie debra denise diana diane dolores donna doris dorothy eleanor elena elise elizabeth ella ellen
    emily emma erica erin esther eva evelyn fatima fiona frances gabrielle gail gillian gina grace
    hannah harriet heather heidi helen hillary holly ingrid irene isabel isabella jackie jacqueline jane
    janet janice jasmine jeanne jennifer jenny jessica jill joan joanne jody josephine joy joyce
    judith judy julia julie june karen kate katherine kathleen kathryn kathy katie kayla kelly
    kimberly kirsten kristen kristin laura lauren laurie leah lena leslie lillian linda lindsay lisa
    liz lois lori louise lucy lynn madeleine madison maggie margaret maria marie marilyn marion marjorie
    martha mary maureen megan melanie melissa michelle mildred miranda molly monica nadia
    nancy naomi natalie nicole nina nora olivia pamela patricia paula pauline peggy penny phyllis priscilla
    rachel rebecca regina rita roberta rosa rose rosemary ruth sabrina sally samantha sandra sara sarah
    sharon sheila shirley sophia sophie stacy stephanie sue susan suzanne sylvia tamara tara
    tatiana teresa theresa tiffany tina tracy valerie vanessa vera veronica victoria virginia wendy
    whitney yolanda yvonne zoe
    """
)

# What a personal pronoun says about its antecedent.
PRONOUN_GENDER: dict[str, str] = {
    **dict.fromkeys(["he", "him", "his", "himself"], "m"),
    **dict.fromkeys(["she", "her", "hers", "herself"], "f"),
}

# Subject pronouns that can stand for a statement's speaker ("He said he would ...", "The union
# said it would ...").
PERSONAL_SUBJECT_PRONOUNS: frozenset[str] = frozenset(["he", "she", "it", "they", "we", "i"])

# Nouns right before a name that give its gender ("Her father Khaled", "his wife Ana").
GENDER_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        _words(
            """father son brother husband uncle nephew grandfather grandson boyfriend dad man boy
            businessman congressman chairman spokesman sportsman"""
        ),
        "m",
    ),
    **dict.fromkeys(
        _words(
            """mother daughter sister wife aunt niece grandmother granddaughter girlfriend mom mum woman girl
            businesswoman congresswoman chairwoman spokeswoman sportswoman actress"""
        ),
        "f",
    ),
}

# Last words that make a "person" entity a thing named after someone ("Carol Burnett Award").
NOT_NAME_TAILS: frozenset[str] = _words(
    """award awards prize trophy cup medal foundation institute center centre university college school
    hospital act fund street avenue boulevard park hall museum stadium arena show scholarship lecture"""
)


# Nouns a name modifies as an eponym, never as the person: "Hodgkin lymphoma", "Parkinson's
# disease", "the Richter scale". Such a name is nobody the article's pronouns refer to.
EPONYM_HEADS: frozenset[str] = _words(
    """disease diseases syndrome lymphoma disorder palsy sarcoma tumor tumour virus bacteria infection
    test scale law effect principle theorem equation curve method maneuver manoeuvre procedure index"""
)


# Where a person stands in a photo, said in parentheses after the name in captions:
# "George Zimmerman (left)" -- never the person's description.
PHOTO_POSITIONS: frozenset[str] = frozenset(
    ["left", "right", "center", "centre", "middle", "top", "bottom", "above", "below", "pictured", "front", "back"]
)

# Nouns for a person's job: a name the parser typed as an organisation is a person's when it
# stands in apposition to one of them ("The utility's general manager, Renata Quist, ...").
PERSON_ROLE_NOUNS: frozenset[str] = _words(
    """manager founder owner president executive officer chairman chairwoman chair director chief head
    engineer analyst professor lawyer attorney economist researcher scientist teacher principal nurse
    doctor leader captain coach editor writer reporter columnist spokesman spokeswoman spokesperson
    secretary minister mayor governor senator commissioner deputy aide adviser advisor councilman
    councilwoman member worker resident organizer"""
)

# Head nouns of a definite description that stands for the person a sentence just before is
# about ("Schuh is aware ... “…,” the lanky, bespectacled professor said"): trades, players'
# positions and people words (gender nouns count too). Offices and party labels ("the senator",
# "the GOP nominee", "the Republican") are left out: news uses them for the best-known holder,
# often not the person just named.
PERSON_NOUNS: frozenset[str] = _words(
    """professor lawyer author writer economist analyst scientist researcher doctor physician
    nurse teacher student coach player rookie veteran captain star forward defenceman defenseman
    winger wing centre goaltender goalie netminder pitcher catcher quarterback striker golfer
    skater driver rider boxer fighter athlete champion actor singer musician artist filmmaker
    founder owner entrepreneur chef farmer pilot historian novelist poet person"""
)

# Head nouns of a description by candidacy ("the Republican presidential nominee", "the GOP
# nominee", "the Democratic front-runner"): it stands for a person named before only when the
# article named no other person before it (speakers.Resolver._sole_person_before).
CANDIDACY_NOUNS: frozenset[str] = _words("nominee candidate frontrunner front-runner hopeful contender standard-bearer")

# Head nouns of a definite description that stands for the organisation a sentence just before
# is about ("Suncor received ... The company noted"); not "the campaign", "the team", "the country".
ORGANIZATION_DESCRIPTION_NOUNS: frozenset[str] = _words(
    """company firm group organization organisation agency union association bank insurer lender
    retailer carrier airline automaker carmaker manufacturer producer developer charity institute
    foundation coalition network fund"""
)

# Role nouns that name the same office: "the judge" is the article's "Supreme Court Justice Ann
# Roe" when no one was introduced as a judge.
ROLE_SYNONYMS: dict[str, tuple[str, ...]] = {
    "judge": ("justice", "magistrate"),
    "justice": ("judge",),
    "lawmaker": ("senator", "congressman", "congresswoman", "representative", "legislator", "sen.", "rep."),
    "spokesperson": ("spokesman", "spokeswoman"),
    # the abbreviated title before a name ("Vermont Sen. Bernie Sanders" ... "The senator said")
    "senator": ("sen.",),
    "governor": ("gov.",),
    "representative": ("rep.",),
    "congressman": ("rep.",),
    "congresswoman": ("rep.",),
}

# News organisations and companies the parser often types as persons ("Gannett said",
# "the Gannett newspaper chain"): a source named so is an organisation. Lower case, one word
# each; no word that is also a common surname (Bloomberg, Sinclair, Hearst, Disney, Goldman).
KNOWN_ORGANIZATIONS: frozenset[str] = _words(
    """gannett mcclatchy reuters politico axios breitbart buzzfeed vox salon huffpost
    cnn msnbc nbc abc cbs pbs npr univision telemundo tronc newsmax gawker
    google facebook twitter apple microsoft amazon walmart exxon exxonmobil chevron boeing uber lyft
    netflix comcast verizon citigroup jpmorgan pfizer monsanto halliburton
    lockheed raytheon nasdaq yahoo instagram youtube linkedin snapchat tesla airbnb starbucks"""
)

# Words that end a newspaper's name ("The Times", "the Ledger", "The Post"): as a capitalised
# proper noun they name an organisation, never a person.
MASTHEAD_WORDS: frozenset[str] = _words(
    """times post journal tribune herald gazette ledger chronicle inquirer examiner globe sentinel
    courier observer telegraph guardian today"""
)


def known_organization(word: str, proper: bool) -> bool:
    """Whether a word names a news organisation or company: a known name, or a masthead word
    written as a proper noun ("Times" in "The Times")."""
    lower = word.lower()
    return lower in KNOWN_ORGANIZATIONS or (proper and lower in MASTHEAD_WORDS)


# Generational suffixes that end only a person's name ("Vann R. Newkirk II", "Martin Luther King Jr.")
GENERATIONAL_SUFFIXES: frozenset[str] = frozenset(["jr", "sr", "ii", "iii", "iv"])
