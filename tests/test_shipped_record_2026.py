"""The shipped data agrees with the research note on 2026: the domestic steps of Azerbaijan,
Russia and Vietnam (H and M rows, each with its source), Azerbaijan's declarations whose text is
not known, the January 2026 session as a session on the rules of procedure, every UN member
state with a status, and nothing from the L rows (no ratification of Qatar or Vietnam, no
"74 states")."""

from __future__ import annotations

import csv
import datetime as dt
import io

import feedparser

from build_tools.derive.treaty_record import treaty_status
from build_tools.pipeline import Generated


def test_the_domestic_steps_are_those_of_the_note_with_their_sources(shipped: Generated) -> None:
    status = treaty_status(shipped.dataset)
    assert status is not None
    steps = [(s.participant, s.step, str(s.date), tuple(r.ref for r in s.sources))
             for s in status.steps]
    assert steps == [
        ("russia", "procedures-begun", "2026-01-28", ("ria-russia-ratification-procedures",)),
        ("vietnam", "other", "2026-01-26/2026-01-30",
         ("baochinhphu-vietnam-early-ratification", "sggp-vietnam-sign-ratify")),
        ("azerbaijan", "parliament-approval", "2026-02-10",
         ("trend-az-milli-majlis-ratification", "caliber-az-first-ratification")),
        ("azerbaijan", "law-signed", "2026-02-23", ("trend-az-law-signed",)),
    ]


def test_azerbaijans_declarations_are_announced_and_their_text_not_known(
        shipped: Generated) -> None:
    status = treaty_status(shipped.dataset)
    assert status is not None
    (item,) = status.declarations
    assert (item.participant, item.kind, item.announced_only, item.text) == (
        "azerbaijan", "declarations-and-reservations", True, None)
    page = shipped.files["states/azerbaijan.md"].decode()
    assert "**Declarations and reservations**, <time datetime=\"2026-02-23\">23 February " \
           "2026</time>; announced by the state, not shown in the depositary's record" in page
    assert "Their text is not known: no source found gives it." in page
    assert "&quot;with the relevant declarations and reservations&quot;" in page


def test_nothing_from_the_low_grade_rows(shipped: Generated) -> None:
    status = treaty_status(shipped.dataset)
    assert status is not None
    assert status.instruments == 0 and all(e.action == "signature" for e in status.events)
    for path, content in shipped.files.items():
        if path.endswith((".md", ".csv", ".json", ".xml")):
            assert "74 states" not in content.decode("utf-8", "replace"), path


def test_only_a_deposit_counts_and_the_page_says_so(shipped: Generated) -> None:
    page = shipped.files["treaty-status/index.md"].decode()
    steps = page.split("## Domestic steps towards ratification", 1)[1].split("\n## ", 1)[0]
    assert "They are listed apart from the deposits and never counted. Only an instrument" in steps
    assert "(article 65)" in steps
    assert "[Azerbaijan](/states/azerbaijan.md#domestic-steps): **Law on ratification " \
           "signed**" in steps
    assert "<strong>0 of 40</strong>" in page


def test_the_january_2026_session_is_a_session_on_the_rules(shipped: Generated) -> None:
    session = shipped.dataset.session("rules-of-procedure-2026")
    assert (session.data.kind, session.data.start, session.data.end, session.data.draft) == (
        "rules-of-procedure", dt.date(2026, 1, 26), dt.date(2026, 1, 30), None)
    page = shipped.files["sessions/rules-of-procedure-2026/index.md"].decode()
    assert "- **Kind:** Session on the rules of procedure of the Conference of the States " \
           "Parties" in page
    assert "- **On the table:** The draft rules of procedure of the Conference of the States " \
           "Parties" in page
    assert "Draft on the table" not in page
    assert "Eduardo Paes Saboia" in page and "rule 17(2)" in page
    assert "is not\nestablished" in page or "is not established" in page
    process = shipped.files["sessions/index.md"].decode()
    assert "## After adoption" in process
    assert process.index("## After adoption") < process.index("[Session on the rules of")


def test_every_un_member_has_a_status_and_a_page(shipped: Generated) -> None:
    status = treaty_status(shipped.dataset)
    assert status is not None
    assert len(status.members) == 193
    ids = {s.id for s in status.members}
    assert "state-of-palestine" not in ids and "european-union" not in ids
    assert {"germany", "czechia", "united-states"} <= ids
    germany = shipped.files["states/germany.md"].decode()
    assert germany.startswith('---\ntitle: "Germany"')
    assert "No signature or instrument of Germany is recorded as of 19 November 2025." in germany
    page = shipped.files["treaty-status/index.md"].decode()
    not_signed = page.split("## Not signed", 1)[1].split("\n## ", 1)[0]
    assert "[Germany](/states/germany.md#signature-and-ratification)" in not_signed
    assert "[Uganda]" not in not_signed  # reported by a single source: listed as such instead
    assert "Of the 193 member states of the United Nations, 122 have no signature" in not_signed


def test_the_site_shows_short_names_and_the_record_the_depositarys(shipped: Generated) -> None:
    page = shipped.files["treaty-status/index.md"].decode()
    assert "| [Czechia](/states/czechia.md#signature-and-ratification) |" in page
    assert "Czech Republic" not in page
    rows = csv.DictReader(io.StringIO(
        shipped.files["data/treaty-status.csv"].decode("utf-8-sig")))
    czechia = next(r for r in rows if r["participant_id"] == "czechia")
    assert (czechia["participant"], czechia["name"]) == ("Czech Republic", "Czechia")
    state = shipped.files["states/czechia.md"].decode()
    assert "Its name in the UN's treaty records: *Czech Republic*." in state


def test_each_state_has_a_change_log(shipped: Generated) -> None:
    feed = feedparser.parse(shipped.files["states/azerbaijan/feed.xml"])
    assert not feed.bozo
    assert [e.title for e in feed.entries] == [
        "Azerbaijan: law on ratification signed", "Azerbaijan: declarations and reservations",
        "Azerbaijan: parliament approved ratification", "Azerbaijan: signature"]
    germany = feedparser.parse(shipped.files["states/germany/feed.xml"])
    assert not germany.bozo and germany.entries == []
    record = feedparser.parse(shipped.files["treaty-status/feed.xml"])
    assert record.entries[0].title == "Azerbaijan: law on ratification signed"


def test_the_home_page_speaks_of_today(shipped: Generated) -> None:
    home = shipped.files["index.md"].decode()
    assert "**Signature closes on 31 December 2026.**" in home
    assert "**A protocol supplementary to the convention.**" in home
    assert "The convention is open for signature at United Nations Headquarters in New York " \
           "until 31 December 2026 (article 64)." in home
    assert "As of <time datetime=\"2025-11-19\">19 November 2025</time>" in home
