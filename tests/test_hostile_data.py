"""Hostile data builds to pages where none of it is live; what cannot be made safe is refused."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_tools.engine.publish import build_site
from build_tools.errors import DataError
from tests.conftest import MINIMAL_DATA, build

HOSTILE_BODY = """\
Hello <script>alert("body")</script> and <img src=x onerror="alert('img')">.

<iframe src="https://evil.example"></iframe>

{{ 7*7 }} {% for x in range(3) %}loop{% endfor %}

</div></nav></details><script>alert("closed")</script>

[ok](https://example.org/) <a href="javascript:alert(1)">raw link</a>
"""
HOSTILE_UPDATE = f"""\
number: 4
title: 'He said "hi" --- {{{{ 7*7 }}}} & more'
date: 2023-08-23
summary: "<b onmouseover=alert(1)>bold</b> \\" onfocus=\\"alert(2) summary"
body: |
{''.join('  ' + line + chr(10) if line else chr(10) for line in HOSTILE_BODY.splitlines())}"""
HOSTILE_CELL = '      value: "<script>alert(\'cell\')</script> | pipe"'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(MINIMAL_DATA, data)
    (data / "sessions/alpha-session/updates/04-hostile.yaml").write_text(HOSTILE_UPDATE)
    table = data / "tables/things.yaml"
    table.write_text(table.read_text().replace(
        '      value: "A | pipe, a \\"quote\\" and <b>markup</b>"', HOSTILE_CELL))
    site = root / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFING_DATA_DIR", str(data))
        assert build_site(site) == 0
    return site


def pages(site: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(p.relative_to(site).as_posix(), BeautifulSoup(p.read_text(encoding="utf-8"),
                                                           "html.parser"))
            for p in sorted(site.rglob("*.html"))]


def test_no_script_handler_or_frame_from_data_is_live(hostile_site: Path) -> None:
    for name, page in pages(hostile_site):
        for script in page.find_all("script"):
            assert "alert" not in script.get_text(), name
        for tag in page.find_all(True):
            handlers = [a for a in tag.attrs if a.lower().startswith("on")]
            assert handlers == [], (name, tag.name, handlers)
            if tag.get("aria-label") == "Share" and "md-search__icon" in tag.get("class", []):
                continue  # the theme's own button that copies a search's address
            for attr in ("href", "src"):
                value = str(tag.get(attr, "")).strip().lower()
                assert not value.startswith(("javascript:", "data:text")), (name, tag)
        assert page.find("iframe") is None, name
        assert page.find("b", attrs={"onmouseover": True}) is None, name


def test_hostile_text_is_shown_as_text(hostile_site: Path) -> None:
    update = BeautifulSoup(
        (hostile_site / "sessions/alpha-session/updates/04-hostile/index.html").read_text(),
        "html.parser")
    article = update.select_one("article").get_text()
    assert '<script>alert("body")</script>' in article
    assert "{{ 7*7 }}" in article and "49" not in article
    assert '</div></nav></details><script>alert("closed")</script>' in article
    title = update.select_one("article h1").get_text()
    assert title.startswith('#4: He said "hi" --- {{ 7*7 }} & more')
    tables = (hostile_site / "tables/index.html").read_text()
    assert "&lt;script&gt;alert('cell')&lt;/script&gt;" in tables


@pytest.mark.parametrize("field, value, message", [
    ("title", "<img src=x onerror=alert(1)>",
     "title: expected plain text without '<' or '>', received '<img src=x onerror=alert(1)>'"),
    ("body", "[x](javascript:alert(1))", "body: the link 'javascript:alert(1)' is not allowed"),
    ("body", "![x](data:text/html;base64,PHNjcmlwdD4=)",
     "body: the link 'data:text/html;base64,PHNjcmlwdD4=' is not allowed"),
])
def test_what_cannot_be_made_safe_is_refused_with_a_message(
        data_tree: Callable[..., Path], field: str, value: str, message: str) -> None:
    fields = {"number": "4", "title": '"Fine"', "date": "2023-08-23", "summary": '"Fine."',
              "body": '"Fine."'}
    fields[field] = json.dumps(value)
    text = "".join(f"{key}: {text}\n" for key, text in fields.items())
    data = data_tree({"sessions/alpha-session/updates/04-hostile.yaml": text})
    with pytest.raises(DataError) as caught:
        build(data)
    assert message in caught.value.report()
