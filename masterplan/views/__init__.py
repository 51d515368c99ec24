"""Data turned into Markdown/HTML fragments for the pages: programme tables, roadmap, status dashboard,
abbreviations, feedback links, captions, heading numbers, the signature block."""
