"""Reference tables the fact extractor matches against (company names, statutes, court
places): data only, read by the logic modules in bot.domain."""
