"""Statutes as news describes them instead of naming them ("Illinois' biometric privacy
law", "the state's consumer privacy act", "Europe's data protection rules"): a place, a
subject and a word for law; the place's statute on that subject is the one meant."""

from __future__ import annotations

# Subjects, as regex fragments on case-folded text; each place below maps some of them.
TOPICS: dict[str, str] = {
    "wiretap": r"(?:anti-)?wiretap(?:ping)?|eavesdropping|invasion of privacy",
    "biometric": r"biometric(?: information| identifier)?(?: privacy)?",
    "consumer_privacy": r"(?:consumer|comprehensive) (?:data )?privacy|consumer data protection|"
    r"data privacy",
    "privacy": r"privacy|data protection|personal (?:data|information) protection|"
    r"general data protection",
    "data_security": r"data security",
    "deceptive": r"deceptive trade practices",
    "genetic": r"genetic (?:information )?privacy",
    "health_data": r"(?:consumer )?health data(?: privacy)?",
    "medical": r"medical (?:information )?(?:privacy|confidentiality)",
    "unfair": r"unfair competition",
    "ai": r"ai|artificial intelligence",
    "competition": r"digital (?:competition|markets)",
    "content": r"online content|content moderation|digital services",
}

# Subjects a story may name without a place ("violated the consumer privacy act"): the
# statute is then that of the US state the story names. "Privacy law" alone never is.
BARE_TOPICS = frozenset({"consumer_privacy", "deceptive", "biometric", "genetic"})

_CALIFORNIA = {
    "wiretap": "California Invasion of Privacy Act",
    "consumer_privacy": "California Consumer Privacy Act",
    "privacy": "California Consumer Privacy Act",
    "medical": "California Confidentiality of Medical Information Act",
    "unfair": "California Unfair Competition Law",
}
_TEXAS = {
    "biometric": "Texas Capture or Use of Biometric Identifier Act",
    "consumer_privacy": "Texas Data Privacy and Security Act",
    "privacy": "Texas Data Privacy and Security Act",
    "deceptive": "Texas Deceptive Trade Practices Act",
}
_EU = {
    "privacy": "GDPR",
    "ai": "EU AI Act",
    "competition": "Digital Markets Act",
    "content": "Digital Services Act",
}
_UK = {"privacy": "UK GDPR"}


def _only(law: str, *topics: str) -> dict[str, str]:
    return dict.fromkeys(topics, law)


# US states: the first one a story names decides "the state's ..." and bare subjects.
STATE_LAWS: dict[str, dict[str, str]] = {
    "california": _CALIFORNIA,
    "illinois": {
        "biometric": "Illinois Biometric Information Privacy Act",
        "genetic": "Illinois Genetic Information Privacy Act",
    },
    "texas": _TEXAS,
    "washington": _only("Washington My Health My Data Act", "health_data"),
    "colorado": _only("Colorado Privacy Act", "consumer_privacy", "privacy"),
    "virginia": _only("Virginia Consumer Data Protection Act", "consumer_privacy", "privacy"),
    "connecticut": _only("Connecticut Data Privacy Act", "consumer_privacy", "privacy"),
    "new york": _only("New York SHIELD Act", "data_security"),
    "pennsylvania": _only("Pennsylvania Wiretap Act", "wiretap"),
    "massachusetts": _only("Massachusetts Wiretap Act", "wiretap"),
    "florida": _only("Florida Security of Communications Act", "wiretap"),
}

# Other places, as stories write them (possessive added by the matcher).
PLACE_LAWS: dict[str, dict[str, str]] = {
    "federal": _only("Wiretap Act", "wiretap"),
    "u.s.": _only("Wiretap Act", "wiretap"),
    "eu": _EU,
    "europe": _EU,
    "european": _EU,
    "european union": _EU,
    "bloc": _EU,
    "uk": _UK,
    "u.k.": _UK,
    "britain": _UK,
    "british": _UK,
    "canada": _only("PIPEDA", "privacy"),
    "canadian": _only("PIPEDA", "privacy"),
    "brazil": _only("LGPD", "privacy"),
    "brazilian": _only("LGPD", "privacy"),
    "south korea": _only("Korea PIPA", "privacy"),
    "korea": _only("Korea PIPA", "privacy"),
    "korean": _only("Korea PIPA", "privacy"),
    "japan": _only("Japan APPI", "privacy"),
    "japanese": _only("Japan APPI", "privacy"),
    "china": _only("PIPL", "privacy"),
    "chinese": _only("PIPL", "privacy"),
    "australia": _only("Australian Privacy Act", "privacy"),
    "australian": _only("Australian Privacy Act", "privacy"),
    "quebec": _only("Quebec Law 25", "privacy"),
}

# What makes the subject a statute: "law", "act", "rules" ("privacy rules"), ...
NOUNS = r"laws?|acts?|statutes?|rules|regulations?|regime"
# The same words, for the plain-text pre-check (a space before each: "lawsuit" is found and
# then skipped, "outlaw" never is).
LAW_WORDS = (" law", " act", " statute", " rules", " regulation", " regime")
