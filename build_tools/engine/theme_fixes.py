"""Fixes to the HTML that the Material theme writes, for checkers that readers' tools trust.

Each fix names the finding it answers. They edit attributes of known theme
elements only, never page content, and each is a no-op when the theme stops
emitting the markup it targets.
"""

from __future__ import annotations

import re

_FIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    # axe `aria-dialog-name`: the search overlay is a dialog without a name.
    (re.compile(r'(<div class="md-search" data-md-component="search" role="dialog")(>)'),
     r'\1 aria-label="Search"\2'),
    # Nu HTML checker: `autocomplete` is not allowed on checkboxes (drawer and search toggles).
    (re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"'), r"\1"),
    # axe `landmark-unique`: the breadcrumbs (navigation.path) carry the same name as the
    # primary navigation.
    (re.compile(r'(<nav class="md-path" aria-label=")Navigation(")'), r"\1Breadcrumbs\2"),
    # Nu HTML checker: an empty `tabindex` is not a valid integer.
    (re.compile(r'(<label\b[^>]*?) tabindex=""'), r"\1"),
)


def fix_html(html: str) -> str:
    for pattern, replacement in _FIXES:
        html = pattern.sub(replacement, html)
    # Nu HTML checker: on a section's index page the theme labels a table-of-contents
    # toggle (`for="__toc"`) that it does not write; the label then points at nothing.
    if 'id="__toc"' not in html:
        html = html.replace('<label class="md-nav__title" for="__toc">',
                            '<label class="md-nav__title">')
    return html
