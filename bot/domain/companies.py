"""Company names: a gazetteer of firms that recur in privacy and AI-data stories, with the
short name to report, plus a pattern for unknown firms named next to a legal verb."""

from __future__ import annotations

import re
from functools import cache

from bot.domain.scan import trie

# Short name -> other spellings (regex fragments, case-sensitive unless all lower-case).
_KNOWN: dict[str, tuple[str, ...]] = {
    "Meta": ("Meta Platforms", "Meta"),
    "Facebook": ("Facebook",),
    "Instagram": ("Instagram",),
    "WhatsApp": ("WhatsApp",),
    "Google": ("Google LLC", "Google"),
    "Alphabet": ("Alphabet",),
    "YouTube": ("YouTube",),
    "Microsoft": ("Microsoft",),
    "LinkedIn": ("LinkedIn",),
    "GitHub": ("GitHub",),
    "Apple": ("Apple Inc", "Apple"),
    "Amazon": ("Amazon",),
    "Ring": ("Amazon's Ring", "Ring LLC"),
    "Alexa": ("Alexa",),
    "Twitter": ("Twitter",),
    "X": ("X Corp", "X Corp\\.", "X\\.com", "X(?=(?:'s)? [a-z])"),
    "xAI": ("xAI",),
    "OpenAI": ("OpenAI",),
    "ChatGPT": ("ChatGPT",),
    "Anthropic": ("Anthropic",),
    "Stability AI": ("Stability AI",),
    "Midjourney": ("Midjourney",),
    "Perplexity": ("Perplexity(?: AI)?",),
    "Clearview AI": ("Clearview(?: AI)?",),
    "TikTok": ("TikTok",),
    "ByteDance": ("ByteDance",),
    "Snap": ("Snap Inc", "Snapchat", "Snap"),
    "Pinterest": ("Pinterest",),
    "Reddit": ("Reddit",),
    "Discord": ("Discord",),
    "Zoom": ("Zoom Video(?: Communications)?", "Zoom"),
    "Uber": ("Uber",),
    "Lyft": ("Lyft",),
    "Netflix": ("Netflix",),
    "Spotify": ("Spotify",),
    "Adobe": ("Adobe",),
    "Salesforce": ("Salesforce",),
    "Oracle": ("Oracle",),
    "IBM": ("IBM",),
    "Nvidia": ("Nvidia", "NVIDIA"),
    "Intel": ("Intel",),
    "Samsung": ("Samsung",),
    "Tesla": ("Tesla",),
    "General Motors": ("General Motors", "GM"),
    "OnStar": ("OnStar",),
    "Ford": ("Ford",),
    "Toyota": ("Toyota",),
    "Honda": ("Honda",),
    "Hyundai": ("Hyundai",),
    "Verisk": ("Verisk",),
    "LexisNexis": ("LexisNexis(?: Risk Solutions)?",),
    "Allstate": ("Allstate",),
    "Arity": ("Arity",),
    "Progressive": ("Progressive Insurance", "Progressive Corp"),
    "Equifax": ("Equifax",),
    "Experian": ("Experian",),
    "TransUnion": ("TransUnion",),
    "Kochava": ("Kochava",),
    "Gravy Analytics": ("Gravy Analytics",),
    "Venntel": ("Venntel",),
    "Mobilewalla": ("Mobilewalla",),
    "X-Mode": ("X-Mode(?: Social)?", "Outlogic"),
    "InMarket": ("InMarket",),
    "Acxiom": ("Acxiom",),
    "Oracle America": ("Oracle America",),
    "Flo Health": ("Flo Health", "Flo"),
    "BetterHelp": ("BetterHelp",),
    "GoodRx": ("GoodRx",),
    "Cerebral": ("Cerebral",),
    "Premom": ("Premom",),
    "23andMe": ("23andMe",),
    "Ancestry": ("Ancestry(?:\\.com)?",),
    "Grindr": ("Grindr",),
    "Tinder": ("Tinder",),
    "Match Group": ("Match Group",),
    "Bumble": ("Bumble",),
    "Avast": ("Avast",),
    "Epic Games": ("Epic Games",),
    "Roblox": ("Roblox",),
    "Activision": ("Activision",),
    "Character.AI": ("Character\\.AI", "Character AI", "Character Technologies"),
    "Otter.ai": ("Otter\\.ai", "Otter AI"),
    "Rite Aid": ("Rite Aid",),
    "Walmart": ("Walmart",),
    "Target": ("Target Corp",),
    "Kroger": ("Kroger",),
    "CVS": ("CVS(?: Health)?",),
    "Walgreens": ("Walgreens",),
    "Blue Shield": ("Blue Shield(?: of California)?",),
    "Kaiser": ("Kaiser(?: Permanente)?",),
    "Advocate Aurora": ("Advocate Aurora(?: Health)?",),
    "Cedars-Sinai": ("Cedars-Sinai",),
    "Change Healthcare": ("Change Healthcare",),
    "UnitedHealth": ("UnitedHealth(?: Group)?",),
    "AT&T": ("AT&T",),
    "Verizon": ("Verizon",),
    "T-Mobile": ("T-Mobile",),
    "Comcast": ("Comcast",),
    "Sprint": ("Sprint",),
    "PayPal": ("PayPal",),
    "Venmo": ("Venmo",),
    "Block": ("Block Inc",),
    "Cash App": ("Cash App",),
    "Robinhood": ("Robinhood",),
    "Coinbase": ("Coinbase",),
    "Plaid": ("Plaid",),
    "Intuit": ("Intuit",),
    "H&R Block": ("H&R Block",),
    "TaxAct": ("TaxAct",),
    "Noom": ("Noom",),
    "Peloton": ("Peloton",),
    "Fitbit": ("Fitbit",),
    "Shopify": ("Shopify",),
    "Temu": ("Temu",),
    "Shein": ("Shein",),
    "Alibaba": ("Alibaba",),
    "Baidu": ("Baidu",),
    "Tencent": ("Tencent",),
    "Yahoo": ("Yahoo",),
    "AOL": ("AOL",),
    "Vimeo": ("Vimeo",),
    "Twitch": ("Twitch",),
    "Patreon": ("Patreon",),
    "Hulu": ("Hulu",),
    "Disney": ("Disney",),
    "Paramount": ("Paramount",),
    "Warner Bros": ("Warner Bros",),
    "Sony": ("Sony",),
    "Universal Music": ("Universal Music(?: Group)?", "UMG"),
    "Getty Images": ("Getty Images", "Getty"),
    "Shutterstock": ("Shutterstock",),
    "The New York Times": ("The New York Times", "New York Times", "NYT"),
    "Thomson Reuters": ("Thomson Reuters",),
    "Ross Intelligence": ("Ross Intelligence",),
    "Dow Jones": ("Dow Jones",),
    "News Corp": ("News Corp",),
    "Axel Springer": ("Axel Springer",),
    "Associated Press": ("Associated Press",),
    "Condé Nast": ("Cond[ée] Nast",),
    "Suno": ("Suno",),
    "Udio": ("Udio",),
    "Cohere": ("Cohere",),
    "Mistral": ("Mistral(?: AI)?",),
    "DeepSeek": ("DeepSeek",),
    "Hugging Face": ("Hugging Face",),
    "Runway": ("Runway AI", "Runway ML"),
    "DeviantArt": ("DeviantArt",),
    "Stack Overflow": ("Stack Overflow",),
    "Tumblr": ("Tumblr",),
    "Automattic": ("Automattic",),
    "WordPress": ("WordPress",),
    "Photobucket": ("Photobucket",),
    "Quora": ("Quora",),
    "Yelp": ("Yelp",),
    "Worldcoin": ("Worldcoin", "World Network", "Tools for Humanity"),
    "PimEyes": ("PimEyes",),
    "Rekor": ("Rekor",),
    "Flock Safety": ("Flock Safety", "Flock"),
    "Palantir": ("Palantir",),
    "Ticketmaster": ("Ticketmaster",),
    "Live Nation": ("Live Nation",),
    "Marriott": ("Marriott",),
    "MGM Resorts": ("MGM Resorts", "MGM"),
    "Hertz": ("Hertz",),
    "Home Depot": ("Home Depot",),
    "Sephora": ("Sephora",),
    "DoorDash": ("DoorDash",),
    "Instacart": ("Instacart",),
    "Grubhub": ("Grubhub",),
    "Airbnb": ("Airbnb",),
    "Booking.com": ("Booking\\.com",),
    "Expedia": ("Expedia",),
    "Criteo": ("Criteo",),
    "Clarifai": ("Clarifai",),
    "Vimeo Inc": ("Vimeo Inc",),
    "Shazam": ("Shazam",),
    "Replika": ("Replika",),
    "Luka": ("Luka Inc", "Luka"),
    "Lensa": ("Lensa",),
    "Prisma Labs": ("Prisma Labs",),
    "Brave": ("Brave Software",),
    "DuckDuckGo": ("DuckDuckGo",),
    "Mozilla": ("Mozilla",),
    "Proton": ("Proton",),
    "Telegram": ("Telegram",),
    "Signal": ("Signal",),
    "Nintendo": ("Nintendo",),
    "Slack": ("Slack",),
    "Dropbox": ("Dropbox",),
    "Atlassian": ("Atlassian",),
    "Workday": ("Workday",),
    "HireVue": ("HireVue",),
    "Scale AI": ("Scale AI",),
    "Deloitte": ("Deloitte",),
    "Accenture": ("Accenture",),
    "Capital One": ("Capital One",),
    "JPMorgan": ("JPMorgan(?: Chase)?",),
    "Wells Fargo": ("Wells Fargo",),
    "Bank of America": ("Bank of America",),
    "Citigroup": ("Citigroup", "Citi"),
    "Goldman Sachs": ("Goldman Sachs",),
    "Visa": ("Visa",),
    "Mastercard": ("Mastercard",),
    "Clubhouse": ("Clubhouse",),
    "Vinted": ("Vinted",),
    "Klarna": ("Klarna",),
    "Criteo SA": ("Criteo SA",),
    "Orange": ("Orange SA",),
    "Deutsche Telekom": ("Deutsche Telekom",),
    "Vodafone": ("Vodafone",),
    "BT": ("BT Group",),
    "Experian UK": ("Experian UK",),
    "Uber Eats": ("Uber Eats",),
    "Waymo": ("Waymo",),
    "Cruise": ("Cruise LLC",),
    "Rivian": ("Rivian",),
    "Nissan": ("Nissan",),
    "Volkswagen": ("Volkswagen", "VW"),
    "BMW": ("BMW",),
    "Mercedes-Benz": ("Mercedes-Benz", "Mercedes"),
    "Kia": ("Kia",),
    "Subaru": ("Subaru",),
    "Stellantis": ("Stellantis",),
    "Mazda": ("Mazda",),
    "Trello": ("Trello",),
    "Life360": ("Life360",),
    "Niantic": ("Niantic",),
    "Photomath": ("Photomath",),
    "Duolingo": ("Duolingo",),
    "Chegg": ("Chegg",),
    "PowerSchool": ("PowerSchool",),
    "Google Classroom": ("Google Classroom",),
    "Edmodo": ("Edmodo",),
    "Illuminate Education": ("Illuminate Education",),
    "Grammarly": ("Grammarly",),
    "Figma": ("Figma",),
    "Canva": ("Canva",),
    "Wix": ("Wix",),
    "Squarespace": ("Squarespace",),
    "Hims & Hers": ("Hims & Hers", "Hims"),
    "Teladoc": ("Teladoc",),
    "Zocdoc": ("Zocdoc",),
    "Mindbody": ("Mindbody",),
    "Headspace": ("Headspace",),
    "Truist": ("Truist",),
    "Snowflake": ("Snowflake",),
    "Ticketfly": ("Ticketfly",),
    "MoneyGram": ("MoneyGram",),
    "Western Union": ("Western Union",),
    "Sirius XM": ("Sirius ?XM",),
    "iHeartMedia": ("iHeartMedia",),
    "Roku": ("Roku",),
    "Vizio": ("Vizio",),
    "LG": ("LG Electronics", "LG"),
    "Xiaomi": ("Xiaomi",),
    "Huawei": ("Huawei",),
    "Lenovo": ("Lenovo",),
    "Dell": ("Dell",),
    "HP": ("HP Inc", "HP"),
    "Fubo": ("Fubo(?:TV)?",),
    "PBS": ("PBS",),
    "NBA": ("National Basketball Association", "NBA"),
    "NFL": ("NFL",),
    "Gannett": ("Gannett",),
    "Ziff Davis": ("Ziff Davis",),
    "Daily Mail": ("Daily Mail",),
    "Nextdoor": ("Nextdoor",),
    "Rumble": ("Rumble",),
    "Truth Social": ("Truth Social",),
    "Bytedance": ("Bytedance",),
    "CapCut": ("CapCut",),
    "Lemon8": ("Lemon8",),
    "Scribd": ("Scribd",),
    "Audible": ("Audible",),
    "Gmail": ("Gmail",),
    "SCHUFA": ("SCHUFA", "Schufa"),
    "HarperCollins": ("HarperCollins",),
    "Penguin Random House": ("Penguin Random House",),
    "Jumpshot": ("Jumpshot",),
    "DeepMind": ("DeepMind",),
}

# Products, subsidiaries and old names -> the company a lawyer names (when the text names
# it too, the parent leads; evaluation compares defendants through this table).
PARENTS: dict[str, str] = {
    "Facebook": "Meta",
    "Instagram": "Meta",
    "WhatsApp": "Meta",
    "Messenger": "Meta",
    "Threads": "Meta",
    "Meta Platforms": "Meta",
    "YouTube": "Google",
    "Gmail": "Google",
    "Google Classroom": "Google",
    "Fitbit": "Google",
    "Alphabet": "Google",
    "Snapchat": "Snap",
    "ChatGPT": "OpenAI",
    "Ring": "Amazon",
    "Alexa": "Amazon",
    "Audible": "Amazon",
    "Twitter": "X",
    "X Corp": "X",
    "OnStar": "General Motors",
    "GM": "General Motors",
    "Replika": "Luka",
    "Tumblr": "Automattic",
    "WordPress": "Automattic",
    "Jumpshot": "Avast",
    "DeepMind": "Google",
    "CapCut": "ByteDance",
    "Lemon8": "ByteDance",
    "Bytedance": "ByteDance",
    "Venmo": "PayPal",
    "Cash App": "Block",
    "Hulu": "Disney",
    "Uber Eats": "Uber",
    "Oracle America": "Oracle",
    "Criteo SA": "Criteo",
    "Experian UK": "Experian",
    "Vimeo Inc": "Vimeo",
    "The New York Times": "New York Times",
}

_DEMONYMS = frozenset(
    ("American", "British", "Chinese", "French", "German", "Italian", "Japanese", "Korean")
    + ("Indian", "Russian", "Dutch", "Irish", "Spanish", "Canadian", "Australian", "Swiss")
    + ("Brazilian", "European", "Swedish", "Norwegian", "Danish", "Polish", "Turkish", "Greek")
)

_STOP = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "And",
    "But",
    "Judge",
    "Court",
    "U.S.",
    "US",
    "EU",
    "UK",
    "Federal",
    "State",
    "Attorney",
    "General",
    "District",
    "Supreme",
    "California",
    "Texas",
    "Illinois",
    "New",
    "York",
    "Ireland",
    "Irish",
    "European",
    "Commission",
    "Data",
    "Protection",
    "Privacy",
    "Act",
    "Law",
    "Class",
    "Action",
    "It",
    "Its",
    "This",
    "That",
    "They",
    "He",
    "She",
    "Users",
    "Plaintiffs",
    "Lawsuit",
    "A.I.",
    "AI",
    "FTC",
    "SEC",
    "ICO",
    "CNIL",
    "DPC",
    "Watchdog",
    "Regulator",
    "Regulators",
    "Why",
    "How",
    "What",
    "When",
    "Who",
    "Report",
    "Update",
    "Opinion",
    "Analysis",
    "Exclusive",
    "Breaking",
    "Today",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Authors",
    "Artists",
    "Parents",
    "Consumers",
    "Customers",
    "Drivers",
    "Patients",
    "Workers",
    "Employees",
    "Former",
    # Headline subjects that are roles, not names ("Lender fined over data sharing").
    "Lender",
    "Insurer",
    "Retailer",
    "Automaker",
    "Carmaker",
    "Startup",
    "Firm",
    "Company",
    "Carrier",
    "Developer",
    "Broker",
    "EUR",
    "USD",
    "GBP",
    "PLN",
    "SEK",
    "KRW",
    "NOK",
    "DKK",
    "CHF",
    "AUD",
    "CAD",
    "TRY",
    "BRL",
    "JPY",
    "INR",
    "Rs",
    "Rs.",
    # Title-case prepositions start no name ("Acme Sued Over Pixel").
    "Over",
    "After",
    "Amid",
    "With",
    "Under",
    "Europeans",
    "Americans",
    "Australians",
    "Canadians",
    "Texans",
    "Californians",
    "Illinois'",
}


def find_known(text: str) -> list[re.Match[str]]:
    """Gazetteer names, each at a word start (one gated scan, see `scan.trie`)."""
    return list(_compiled()[0].finditer(text))


def unknown_pattern() -> re.Pattern[str]:
    """Capitalised names right before a legal verb: "Acme Health was sued ..."."""
    return _compiled()[1]


def after_verb_pattern() -> re.Pattern[str]:
    """Capitalised names right after a legal verb: "regulator fines Acme Health ..."."""
    return _compiled()[2]


def known_name(match: re.Match[str]) -> str:
    """The reported short name for a `known_pattern` match."""
    return _names()[int((match.lastgroup or "k0")[1:])]


def is_plausible_name(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and words[0].rstrip("'s") in _DEMONYMS:
        return False  # "orders Chinese chatbot blocked"
    return bool(words) and words[0] not in _STOP and all(len(w) > 1 for w in words[:1])


def parent_of(name: str) -> str:
    """The company a lawyer names for a product or subsidiary ("Instagram" -> "Meta")."""
    return PARENTS.get(name, name)


def company_key(name: str) -> str:
    """A comparison key: the same company under any of its names gives the same key."""
    parent = parent_of(name.strip())
    return parent_of(_names_by_fold().get(parent.casefold(), parent)).casefold()


@cache
def _names_by_fold() -> dict[str, str]:
    """Every plain spelling in the gazetteer ("National Basketball Association") -> name."""
    names = {name.casefold(): name for name in (*_KNOWN, *PARENTS)}
    for name, spellings in _KNOWN.items():
        for spelling in spellings:
            if re.fullmatch(r"[\w .&'-]+", spelling):
                names.setdefault(spelling.casefold(), name)
    return names


@cache
def _names() -> tuple[str, ...]:
    return tuple(_KNOWN)


_TITLE_PREPOSITION = r" (?:Over|For|In|On|After|To|From|With|Amid|About|Under|As|At|By)\b"


@cache
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The gazetteer, names before a legal verb, and names after one ("fines Acme")."""
    groups = []
    for index, (_name, aliases) in enumerate(_KNOWN.items()):
        ordered = sorted(aliases, key=len, reverse=True)
        groups.append(f"(?P<k{index}>{'|'.join(ordered)})")
    gate = trie("|".join(a for aliases in _KNOWN.values() for a in aliases))
    known = re.compile(
        rf"(?<![\w.&-])(?=(?:{gate})(?![\w&-]|\.\w))(?:" + "|".join(groups) + r")(?![\w&-]|\.\w)"
    )
    word = r"[A-Z][\w&.'-]*[\w&]|[A-Z]"
    verbs = (
        r"(?:sued|fined|faces|agreed|agrees|settles|settled|to pay|must|will pay|pays|paid|"
        r"accused|ordered|violated|illegally|unlawfully|secretly|tracked|collected|shared|sold|"
        r"scanned|recorded|failed|kept|misled|breached|interfered|stored|cloned|copied|trained|"
        r"scraped|harvested|(?i:hit with|sued|fined))"
    )
    unknown = re.compile(
        rf"(?P<name>(?:{word})(?: (?:{word}|of|de|&)){{0,3}}?)"
        r"(?:,? (?:Inc|Corp|Corporation|LLC|Ltd|Limited|Co|PLC|GmbH|SA|AG)\b\.?)?"
        rf"(?=(?: (?:and|&) (?:{word})(?: (?:{word})){{0,3}})?"
        # An appositive: ", a New York company," or ", the Fremont, Calif.-based lender,".
        r"(?:, [^,]{1,60}(?:, [^,]{1,40}-based [^,]{1,30})?,)?,? "
        r"(?:(?:app|website|platform|service|unit|chatbot) )?"
        rf"(?:was |has been |is |were |are |have been )?{verbs})"
    )
    after = re.compile(
        r"(?<![\w-])(?i:fine[sd]|fining|sues|sued|suing|orders|ordered|penali[sz]e[sd]|tells|"
        r"told|against|accuses|accused|accusing|bans|banned|charges|charged|probes|"
        r"investigates|hits|slaps|warns|warned|reprimands|reprimanded|denying|denied|denies|"
        r"rejecting|rejected|rejects|(?:settlement|settles|agreement|deal) with|"
        r"(?:fine|penalty) (?:for|on|against)|(?:fine|penalty) of \S+(?: [a-z]+)? on|"
        # "KBS, MBC, SBS take Naver to court": the name between "take" and "to court".
        r"(?:take[ns]?|taking|took)(?= [A-Z][^.]{0,40}? to court)) "
        r"(?:the |its |rival )?"
        r"(?:(?:(?:['‘\"“][\w-]+['’\"”]|[A-Za-z][\w-]*) )?(?:company|firm|app|operator|supplier|"
        r"provider|maker|chain|retailer|brand|group|startup|service|platform|site|network|"
        r"vendor|developer|insurer|chatbot) )?"
        rf"(?P<name>(?:{word})(?: (?:{word}|of|&)){{0,3}}?)"
        # The name ends before punctuation, a lower-case word, a sum ("fines Kakao 15
        # billion won") or a title-case preposition ("Settlement with Acme Over Data").
        rf"(?=[,.;:'’]| [a-z(]|$| [A-Z]{{3}}\b| [\d$€£¥₩]|{_TITLE_PREPOSITION})"
    )
    return known, unknown, after
