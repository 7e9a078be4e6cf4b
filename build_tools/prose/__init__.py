"""Editor Markdown: parsed, checked and linked once per build (`stage.py`)."""
