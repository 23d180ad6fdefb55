"""Cue families: broad lexicons of what legal action, personal data, AI training and
the usual false alarms look like in news copy. Each family is one feature the model
weighs and one phrase `why` can quote."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.domain.scan import families, trie


@dataclass(frozen=True, slots=True)
class Cue:
    """A family of phrases; `label` is what a user reads in `why`."""

    name: str
    label: str
    pattern: str


_PERSONAL = (
    r"personal (?:data|information|details|info)|user data|users' data|customer data|"
    r"consumer data|patient data|(?:private|direct|text|chat|voice) messages?|inmails?|"
    r"messages|chats?|chat logs|e-?mails?|conversations|"
    r"biometric\w*|facial (?:recognition|geometry|scans?|data)|face ?prints?|face scans?|"
    r"fingerprints?|voice ?prints?|iris(?: scans?)?|retina\w*|eye scans?|palm scans?|"
    r"location (?:data|history|information|tracking)|geolocation|precise location|"
    r"health (?:data|information|records|apps?)|medical (?:records|data|information)|patients?|"
    r"browsing (?:history|data|activity)|search (?:history|queries)|cookies?|"
    r"(?:tracking )?pixels?|trackers?|tracking (?:tools?|technolog\w+|code|software)|"
    r"wiretap\w*|eavesdrop\w*|intercept\w*|record(?:ed|ing|ings)?|"
    r"children'?s (?:data|privacy|information|personal)|kids'? (?:data|privacy)|minors|"
    r"teens?|students?|"
    r"driv(?:er|ing) (?:data|behavior|behaviour|habits|information)|telematics|"
    r"genetic\w*|dna|viewing (?:history|habits|data)|watch history|video (?:history|rentals)|"
    r"contacts?|phone numbers?|e-?mail addresses|data brokers?|"
    r"(?:sold|sells|selling|sale of|shar(?:ed|es|ing)|disclos\w+|leak\w*) (?:\w+ ){0,3}"
    r"(?:data|information|details)|third[- ]part(?:y|ies)|"
    r"user profiles?|profiling|photos|selfies|voice (?:recordings|data|assistant)|"
    r"siri|alexa|period[- ]track\w*|mental health|therapy|"
    r"financial (?:data|information)|credit (?:reports?|files?)|social security numbers?|"
    r"surveillance|spyware|stalkerware|license plates?|sexual orientation|hiv status|"
    r"immigration status|reproductive|ip address\w*|device identifiers?|"
    r"advertising id\w*|session replay|keystrokes?|screen ?shots?"
)

CUES: tuple[Cue, ...] = (
    Cue(
        "sue",
        "lawsuit",
        r"su(?:e|es|ed|ing)|lawsuits?|class[- ]actions?|(?:filed|files|file) suit|"
        r"legal action|plaintiffs?|litigation|complaint (?:filed|alleges|says|claims|seeks)|"
        r"the (?:suit|complaint)|accus\w+|alleg\w+|mass arbitration|proposed class",
    ),
    Cue(
        "court",
        "court action",
        r"judges?|courts?|jury|juries|verdict|ruled|rul(?:es|ing)|"
        r"dismiss\w*|tosse[sd]|throws? out|threw out|claims (?:can |may |to )?(?:proceed|"
        r"move forward|go forward)|injunction|certif\w+ (?:a |the )?class|class certification|"
        r"appeals?|appellate|circuit|upheld|uphold\w*|overturn\w*|revers\w+|remand\w*|"
        r"motion|summary judgment|trial",
    ),
    Cue(
        "settle",
        "settlement",
        r"settle\w*|agree[sd]? to pay|to pay \$|payout|pay out|"
        r"compensat\w+|claims? (?:deadline|form)|checks? (?:in the mail|arriving)|"
        r"class members|payments? to (?:users|consumers|customers)",
    ),
    Cue(
        "reg_body",
        "regulator",
        r"watchdogs?|regulators?|(?:data protection|privacy|"
        r"supervisory) (?:authority|authorities|agency|office|commissioner|commission|board)|"
        r"commissioners?|attorneys? general|\bag\b|prosecutors?|authorit(?:y|ies)|"
        r"ministry|agency|ombudsman|privacy (?:czar|chief)|consumer protection",
    ),
    Cue(
        "reg_act",
        "regulatory action",
        r"fine[sd]?|fining|penalt(?:y|ies)|penalis\w+|"
        r"penaliz\w+|sanction\w*|reprimand\w*|order(?:s|ed|ing)? (?:\w+ ){0,6}to "
        r"(?:delete|stop|cease|destroy|purge|halt|suspend|erase|pay|change|comply|notify)|"
        r"orders? (?:the )?(?:deletion|destruction|erasure|suspension|halt)|"
        r"deletion order|consent (?:order|decree)|bann?(?:ed|ing|s)?|block(?:s|ed)|"
        r"investigat\w+|probe[sd]?|probing|inquir(?:y|ies)|enforcement|cease[- ]and[- ]desist|"
        r"warn(?:s|ed|ing)|audit\w*|subpoena\w*|civil investigative demand|"
        r"reach(?:es|ed)? (?:an? )?(?:agreement|deal|settlement)|assurance of "
        r"(?:voluntary )?compliance|must (?:stop|delete|pay|change)|violat\w+|breach(?:ed)? "
        r"(?:the )?(?:gdpr|law|rules)|decision against|ruling against|infringement",
    ),
    Cue(
        "complaint_with",
        "complaint to a regulator",
        r"complaints? (?:with|to|before|"
        r"against)|filed (?:a |\w+ )?complaints?|lodg\w+ (?:a )?complaints?|noyb|"
        r"privacy (?:group|advocates?|campaigners?|activists?)|digital rights group|"
        r"consumer (?:group|organi[sz]ation)s?|beuc|epic\b|max schrems|petition\w*",
    ),
    Cue("pdata", "personal data", _PERSONAL),
    Cue(
        "privacy",
        "privacy",
        r"privacy|private|data protection|gdpr|consent|confidential\w*|"
        r"personal|intrusion|unauthori[sz]ed",
    ),
    Cue(
        "ai_model",
        "AI",
        r"ai|a\.i\.|artificial intelligence|(?:generative|gen) ai|"
        r"models?|llms?|large language models?|chatbots?|chatgpt|gemini|llama|claude|copilot|"
        r"grok|midjourney|stable diffusion|machine[- ]learning|neural|algorithms?|genai|"
        r"foundation models?|image generators?|ai tools?|ai systems?|ai features?",
    ),
    Cue(
        "ai_train",
        "AI training",
        r"train(?:s|ed|ing)?|teach(?:es|ing)?|taught|"
        r"fine[- ]tun\w+|feed(?:s|ing)? (?:\w+ ){0,4}(?:into|to) (?:its |their )?(?:ai|model)|"
        r"(?:to|for) (?:build|develop|improve|power)(?:ing)? (?:its |their )?(?:ai|models?|"
        r"chatbots?|generative)|training (?:data|sets?|datasets?|corpus|material)|datasets?|"
        r"learn from|used to build",
    ),
    Cue(
        "ai_source",
        "training-data source",
        r"scrap(?:e|ed|es|ing|er|ers)|crawl\w*|"
        r"harvest\w*|copyright\w*|pirat\w+|shadow librar\w+|books3|laion|common crawl|"
        r"(?:their|its|users'?|members'?|customers'?) (?:posts|content|photos|data|works?)|"
        r"public(?:ly available)? (?:posts|data|content|information|images)|user[- ]generated|"
        r"opt[- ]?(?:out|in)|licens\w+ (?:deal|agreement|pact|partnership|arrangement)s?|"
        r"(?:content|data) (?:deal|licensing|partnership)s?|fair use|"
        r"(?:terms of service|terms of use|privacy policy|privacy policies|terms) "
        r"(?:\w+ ){0,2}(?:change|update|revision)\w*|(?:chang|updat)\w+ (?:its |their )?"
        r"(?:terms|privacy polic\w+)|authors?|artists?|publishers?|musicians?|record labels|"
        r"news ?(?:papers?|outlets|organi[sz]ations)|books|artworks?|lyrics|voices?|likeness",
    ),
    Cue(
        "neg_antitrust",
        "competition case",
        r"antitrust|monopol\w+|anti-?competitive|"
        r"(?<!unfair )competition (?:law|regulators?|authority|watchdog|probe|case|concerns)|"
        r"sherman act|mergers?|acquisitions?|app store (?:fees|commissions?|rules)|"
        r"self-preferenc\w+|market dominance|dominant position|price[- ]fixing|collusion",
    ),
    Cue(
        "neg_ip",
        "patent or trademark dispute",
        r"patents?|trademarks?|trade secrets?|"
        r"\bitc\b|trade dress",
    ),
    Cue(
        "neg_securities",
        "securities or investor case",
        r"securities|shareholders?|"
        r"investors?|stock (?:price|drop|fell|plunge)|misled investors|share price|"
        r"earnings|ipo|derivative suit|quarterly|revenue",
    ),
    Cue(
        "neg_adfraud",
        "advertising metrics dispute",
        r"inflat\w+ (?:\w+ ){0,3}(?:views|"
        r"metrics|numbers|reach|audience)|ad (?:fraud|metrics)|video[- ]ad views|"
        r"(?:video )?ad views|overcharg\w+|click fraud|audience metrics|potential reach|"
        r"view counts?",
    ),
    Cue(
        "neg_employment",
        "employment dispute",
        r"employees?|employment|discriminat\w+|"
        r"wrongful(?:ly)? (?:termination|dismissal|fired)|fired|layoffs?|laid off|wages?|"
        r"overtime|unions?|harass\w+|workers?|hiring|equal pay|retaliat\w+|gender bias|"
        r"ex-employee|former employee",
    ),
    Cue(
        "neg_breach",
        "breach or security incident",
        r"(?:data )?breach(?:es)?|hack\w*|"
        r"cyber-?attack\w*|ransomware|threat actors?|vulnerabilit\w+|exposed|compromised|"
        r"stolen|cybercriminals?|security incident|malware|phishing|misconfigur\w+",
    ),
    Cue(
        "neg_launch",
        "product or feature news",
        r"launch\w*|unveil\w*|introduc\w+|"
        r"roll(?:s|ed|ing)? out|new (?:feature|tool|app|model|version)s?|announc\w+|"
        r"releas\w+|available|beta|debut\w*|upgrade\w*|adds?|now lets|preview|"
        r"end-to-end encryption|privacy (?:feature|setting|controls?|dashboard|tools?)s?",
    ),
    Cue(
        "neg_model_stats",
        "model specifications",
        r"parameters|tokens|benchmarks?|"
        r"context window|open[- ]weights?|open[- ]source model|outperform\w*|"
        r"trained on (?:more than |over |some |about )?[\d.,]+ ?(?:trillion|billion|million|t|b)",
    ),
    Cue(
        "neg_opinion",
        "opinion or explainer",
        r"opinion|op-ed|columns?|explainer|explained|"
        r"what (?:you|to) (?:need to )?know|how to|guide|tips|podcast|webinar|here's|"
        r"analysis|interview|commentary|editorial|conference|panel|survey|study|report finds|"
        r"should|could|might|lessons|trends?|predictions?|best practices",
    ),
    Cue(
        "neg_policy",
        "legislation or policy debate",
        r"bills?|legislat\w+|lawmakers|legislators|assembly|senate|congress|parliament|"
        r"proposes?|proposal|proposed (?:rules?|law|bill|regulation)|consultation|"
        r"draft (?:law|rules?|guidance|regulation)|guidance|guidelines|code of practice|"
        r"copyright office|report (?:says|finds|warns)|white paper|framework|"
        r"comes? into (?:force|effect)|takes? effect|deadline for compliance|rulemaking",
    ),
    Cue(
        "neg_people",
        "people or business news",
        r"joins|hires?|hired|appoints?|appointed|names? (?:\w+ ){0,4}(?:ceo|co-ceo|chief|"
        r"president|head|partner|director)|steps? (?:down|back)|resigns?|promoted|"
        r"raises? \$|funding round|valuation|acquires|partner at|law firm|lawyers? in "
        r"(?:high )?demand|career",
    ),
    Cue(
        "neg_consumer",
        "billing or consumer-fraud dispute",
        r"subscriptions?|cancell?ation|cancel|dark patterns?|billing|auto-?renew\w*|"
        r"hidden fees|junk fees|refunds?|prime|outage|price|pricing|tricked customers|"
        r"blue check\w*|ad transparency|illegal content|content moderation|disinformation|"
        r"suicide|self-harm|wrongful death|chatbot harms",
    ),
    Cue(
        "t_genre",
        "opinion or explainer",
        r"^(?:opinion|op-ed|explainer|analysis|commentary|podcast|webinar|editorial|"
        r"q&a|interview|guide|column)\b|^what (?:is|are)\b|^how (?:to|do|does|can)\b|"
        r"^why\b|\?$",
    ),
    Cue(
        "neg_other_suit",
        "dispute about something else",
        r"defamation|libel|product "
        r"liability|personal injury|wrongful death|addict\w+|misinformation|section 230|"
        r"tax\w*|breach of contract|contract dispute|tariffs?|crypto\w*|brib\w+|"
        r"safety|recall\w*|emissions|accessibility|price gouging|consumer fraud|"
        r"false advertising|bankruptcy|fraud",
    ),
)


@cache
def compiled_cues() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Every family in one pass over case-folded text (see `scan.families`), and the
    family name of each capture group, in order."""
    named = [(cue.name, trie(cue.pattern)) for cue in CUES]
    return families(named, gate=trie("|".join(c.pattern for c in CUES))), tuple(
        cue.name for cue in CUES
    )


def cue_by_name(name: str) -> Cue:
    return next(cue for cue in CUES if cue.name == name)
