"""Briefing-site generator: editors' YAML in data/ -> Markdown pages for MkDocs."""
