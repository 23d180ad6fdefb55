"""The one table of statutes: canonical names, the ways stories write them, and the rules
for short forms that mean other things (read through `bot.domain.laws.find_laws`)."""

from __future__ import annotations

from dataclasses import dataclass

PRIVACY = "privacy statute"
COMMUNICATIONS = "communications privacy statute"
BIOMETRIC = "biometric privacy statute"
CONSUMER = "consumer protection statute"
COPYRIGHT = "copyright statute"
PLATFORM = "platform regulation"
AI_REGULATION = "AI regulation"


@dataclass(frozen=True, slots=True)
class Law:
    """A statute; `aliases` are case-insensitive regex fragments, `short_forms` are
    case-sensitive abbreviations that only count when `context` (if given) matches the
    story. No mention counts when `anti_context` matches the story."""

    name: str
    jurisdiction: str
    kind: str
    aliases: tuple[str, ...]
    short_forms: tuple[str, ...] = ()
    context: str = ""
    anti_context: str = ""


_S = r"(?:['\u2019]s?)?"
_FOREIGN_FORUM = (
    r"\b(?:German[y]?|Munich|Hamburg|Cologne|Britain|British|London|England|UK|"
    r"U\.K\.|Japan(?:ese)?|Tokyo|India(?:n)?|Delhi|Canad(?:a|ian)|Ontario|France|French|"
    r"Paris|China|Chinese|Beijing)\b"
)  # "California's unfair competition law", "Illinois' ..."

LAWS: tuple[Law, ...] = (
    # US federal
    Law(
        "Stored Communications Act",
        "US",
        COMMUNICATIONS,
        ("stored communications act",),
        ("SCA",),
        r"communicat|messag|e-?mail|ECPA|wiretap|InMail|Stored",
    ),
    # "a 1988 law protecting video rental records", "the video rental privacy law".
    Law(
        "Video Privacy Protection Act",
        "US",
        PRIVACY,
        (
            r"video privacy protection act",
            r"video (?:rental )?privacy law",
            r"video[- ](?:rental|tape) (?:privacy )?(?:law|statute)",
            r"law (?:that )?(?:protects|protecting|safeguarding|shielding|covering) "
            r"(?:the privacy of )?video[- ](?:rental|tape|viewing) (?:records|histor(?:y|ies))",
        ),
        ("VPPA",),
    ),
    Law(
        "COPPA",
        "US",
        PRIVACY,
        (
            r"children'?s online privacy protection (?:act|rule)",
            r"coppa rule",
            r"(?:children|kids)'?s? (?:online )?privacy (?:law|rule|statute)",
        ),
        ("COPPA",),
    ),
    Law(
        "Computer Fraud and Abuse Act", "US", PRIVACY, ("computer fraud and abuse act",), ("CFAA",)
    ),
    Law(
        "Telephone Consumer Protection Act",
        "US",
        CONSUMER,
        ("telephone consumer protection act",),
        ("TCPA",),
    ),
    Law(
        "FTC Act Section 5",
        "US",
        CONSUMER,
        (
            r"section 5 of the (?:ftc|federal trade commission) act",
            r"(?:ftc|federal trade commission) act(?: section 5)?",
        ),
        (),
    ),
    Law(
        "HIPAA", "US", PRIVACY, ("health insurance portability and accountability act",), ("HIPAA",)
    ),
    Law("Fair Credit Reporting Act", "US", PRIVACY, ("fair credit reporting act",), ("FCRA",)),
    Law(
        "Gramm-Leach-Bliley Act", "US", PRIVACY, (r"gramm[- ]leach[- ]bliley(?: act)?",), ("GLBA",)
    ),
    Law(
        "Driver's Privacy Protection Act",
        "US",
        PRIVACY,
        (r"drivers?'?s? privacy protection act",),
        ("DPPA",),
    ),
    Law("DMCA", "US", COPYRIGHT, ("digital millennium copyright act",), ("DMCA",)),
    # Stories name the statute by the claim: "a copyright suit", "infringed its copyrights".
    Law(
        "Copyright Act",
        "US",
        COPYRIGHT,
        (
            r"copyright act",
            r"copyright (?:infringement )?(?:lawsuits?|suits?|cases?|class actions?|claims?|"
            r"settlement|infringement|violations?|litigation|complaint|ruling|verdict|"
            r"trial|law)",
            r"infring\w+ (?:\w+'s? |\w+ ){0,3}copyrights?",
            # AI-training suits often name only the claim's object or the defence.
            r"infringement of (?:their |its |his |her )?copyrighted",
            r"copyrighted (?:works?|books?|novels?|material|songs?|music|sound recordings?|"
            r"recordings?|articles?|content|images?|photos?|photographs?|lyrics|code)",
            r"fair use",
        ),
        (),
        # The US statute: copyright suits heard abroad are under other laws.
        anti_context=_FOREIGN_FORUM,
    ),
    Law("Lanham Act", "US", CONSUMER, ("lanham act",), ()),
    # US states (before the federal Wiretap Act so "Pennsylvania Wiretap Act" wins)
    Law(
        "California Invasion of Privacy Act",
        "US-CA",
        COMMUNICATIONS,
        (r"california invasion of privacy act", r"invasion of privacy act"),
        ("CIPA",),
        r"California|wiretap|eavesdrop|pen register|trap and trace|chat|track|pixel|"
        r"session replay|record|invasion of privacy|\bsued\b|lawsuit|privacy",
        r"Children'?s Internet Protection|school|librar|E-?rate",
    ),
    Law(
        "Illinois Biometric Information Privacy Act",
        "US-IL",
        BIOMETRIC,
        (
            r"(?:illinois )?biometric information privacy act",
            rf"illinois{_S} biometric (?:privacy|information) law",
        ),
        ("BIPA",),
    ),
    Law(
        "California Consumer Privacy Act",
        "US-CA",
        PRIVACY,
        ("california consumer privacy act", "california privacy rights act"),
        ("CCPA", "CPRA"),
    ),
    Law(
        "Illinois Genetic Information Privacy Act",
        "US-IL",
        PRIVACY,
        (r"(?:illinois )?genetic information privacy act",),
        ("GIPA",),
    ),
    Law(
        "Texas Capture or Use of Biometric Identifier Act",
        "US-TX",
        BIOMETRIC,
        (
            r"(?:texas )?capture or use of biometric identifiers? act",
            rf"texas{_S} biometric (?:privacy )?(?:law|statute)",
        ),
        ("CUBI",),
    ),
    Law(
        "Washington My Health My Data Act",
        "US-WA",
        PRIVACY,
        (rf"(?:washington{_S} )?my health,? my data act",),
        ("MHMDA",),
    ),
    Law(
        "California Unfair Competition Law",
        "US-CA",
        CONSUMER,
        (
            rf"(?:california{_S} )?unfair competition law",
            r"business and professions code (?:section |§ ?)?17200",
        ),
        ("UCL",),
        r"California|unfair competition|Calif\.",
        r"University College",
    ),
    Law(
        "Texas Data Privacy and Security Act",
        "US-TX",
        PRIVACY,
        ("texas data privacy and security act",),
        ("TDPSA",),
    ),
    Law("Colorado Privacy Act", "US-CO", PRIVACY, ("colorado privacy act",), ()),
    Law(
        "Virginia Consumer Data Protection Act",
        "US-VA",
        PRIVACY,
        (rf"virginia{_S} consumer data protection act",),
        ("VCDPA",),
    ),
    Law(
        "Connecticut Data Privacy Act",
        "US-CT",
        PRIVACY,
        (rf"connecticut{_S} data privacy act",),
        ("CTDPA",),
    ),
    Law(
        "California Confidentiality of Medical Information Act",
        "US-CA",
        PRIVACY,
        (r"(?:california )?confidentiality of medical information act",),
        ("CMIA",),
    ),
    Law(
        "Texas Deceptive Trade Practices Act",
        "US-TX",
        CONSUMER,
        (
            rf"texas{_S} deceptive trade practices(?:[- ]consumer protection)? act",
            r"deceptive trade practices-consumer protection act",
        ),
        ("DTPA",),
        r"Texas",
    ),
    Law(
        "New York SHIELD Act",
        "US-NY",
        PRIVACY,
        (
            rf"(?:new york{_S} )?shield act",
            "stop hacks and improve electronic data security act",
        ),
        (),
    ),
    Law(
        "Arizona Telephone, Utility and Communication Service Records Act",
        "US-AZ",
        PRIVACY,
        (rf"(?:arizona{_S} )?telephone,? utility,? and communications? service records act",),
        (),
    ),
    Law(
        "Pennsylvania Wiretap Act",
        "US-PA",
        COMMUNICATIONS,
        (
            rf"pennsylvania{_S} wiretap(?:ping)? (?:act|law|statute)",
            "pennsylvania wiretapping and electronic surveillance control act",
        ),
        ("WESCA",),
    ),
    Law(
        "Massachusetts Wiretap Act",
        "US-MA",
        COMMUNICATIONS,
        (rf"massachusetts{_S} wiretap(?:ping)? (?:act|law|statute)",),
        (),
    ),
    Law(
        "Florida Security of Communications Act",
        "US-FL",
        COMMUNICATIONS,
        (rf"florida{_S} security of communications act",),
        ("FSCA",),
    ),
    Law(
        "Wiretap Act",
        "US",
        COMMUNICATIONS,
        (r"(?:federal )?wiretap(?:ping)? act", "electronic communications privacy act"),
        ("ECPA",),
    ),
    # EU, UK and elsewhere
    Law("UK GDPR", "UK", PRIVACY, (r"u\.?k\.? gdpr", "uk general data protection regulation"), ()),
    Law("GDPR", "EU", PRIVACY, (r"(?:eu )?general data protection regulation",), ("GDPR",)),
    Law(
        "Data Protection Act 2018",
        "UK",
        PRIVACY,
        (
            r"data protection act(?: of)? 2018",
            rf"(?:uk|u\.k\.|britain|british){_S} data protection act",
        ),
        ("DPA 2018",),
    ),
    Law("ePrivacy Directive", "EU", PRIVACY, (r"e-?privacy directive", r"e-?privacy rules"), ()),
    Law(
        "Digital Services Act",
        "EU",
        PLATFORM,
        ("digital services act",),
        ("DSA",),
        r"\bEU\b|European|Commission|Brussels|platform",
        r"Defen[cs]e|Dental",
    ),
    Law(
        "Digital Markets Act",
        "EU",
        PLATFORM,
        ("digital markets act",),
        ("DMA",),
        r"\bEU\b|European|Commission|Brussels|gatekeeper",
        r"Direct Market Access",
    ),
    Law(
        "EU AI Act",
        "EU",
        AI_REGULATION,
        (
            r"(?:eu|european|europe's) (?:ai|artificial intelligence) act",
            r"artificial intelligence act",
            r"ai act",
        ),
        (),
    ),
    Law(
        "PIPEDA",
        "CA",
        PRIVACY,
        ("personal information protection and electronic documents act",),
        ("PIPEDA",),
    ),
    Law(
        "LGPD",
        "BR",
        PRIVACY,
        (
            r"lei geral de prote[cç][aã]o de dados",
            rf"brazil{_S} general (?:personal )?data protection law",
        ),
        ("LGPD",),
    ),
    Law(
        "Australian Privacy Act",
        "AU",
        PRIVACY,
        (
            r"australian privacy act",
            rf"australia{_S} privacy act",
            r"privacy act 1988",
        ),
        # "breached the Privacy Act" in a story about Australia.
        ("Privacy Act",),
        r"Australia",
        r"New Zealand|Canada|Consumer Privacy Act",
    ),
    Law(
        "PIPL",
        "CN",
        PRIVACY,
        (rf"(?:china{_S} )?personal information protection law",),
        ("PIPL",),
    ),
    Law(
        "Korea PIPA",
        "KR",
        PRIVACY,
        (rf"(?:south )?korea{_S} personal information protection act",),
        # Alberta and British Columbia have laws of the same name: Korea's only in a Korean story.
        ("PIPA", "Personal Information Protection Act"),
        r"Korea|Seoul",
    ),
    Law("Japan APPI", "JP", PRIVACY, ("act on the protection of personal information",), ("APPI",)),
    Law(
        "Quebec Law 25",
        "CA-QC",
        PRIVACY,
        (rf"quebec{_S} law 25",),
        ("Law 25", "Bill 64"),
        r"Quebec|Québec",
    ),
)

# Names that contain a statute's alias but are something else: matched first, then dropped.
BLOCKERS = (
    r"children'?s internet protection act",
    rf"(?:colorado|texas|utah|california|illinois|new york|virginia){_S} "
    r"(?:ai|artificial intelligence) act",
    r"university college london",
)
