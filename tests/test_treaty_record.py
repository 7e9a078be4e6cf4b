"""The treaty record beyond signatures and instruments: denunciations, domestic steps,
declarations, the UN member states, the change logs, and every wording that follows the record's
date (signature open or closed, 40 of 40 reached, entered into force, a span for entry into force,
the record's age against the commit being built)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest

from build_tools.derive.treaty_record import THRESHOLD, treaty_status
from build_tools.models.treaty import TreatyStatusFile
from build_tools.pipeline import Generated
from build_tools.validate.treaty_acts import stale_record
from tests.conftest import MINIMAL_DATA, build
from tests.test_treaty import STATES, STATUS, event, forty_states, problems, record

SIGNED = event("alpha-land", "signature", "2025-10-25")
RATIFIED = event("alpha-land", "ratification", "2026-01-05")


def steps(*items: str) -> str:
    return "domestic_steps:\n" + "".join(items)


def step(participant: str, kind: str, date: str, extra: str = "") -> str:
    return (f"  - participant: {participant}\n    step: {kind}\n    date: {date}\n{extra}"
            "    sources:\n      - ref: brief-one\n")


def declarations(*items: str) -> str:
    return "declarations:\n" + "".join(items)


def declaration(participant: str, kind: str, extra: str = "") -> str:
    return (f"  - participant: {participant}\n    kind: {kind}\n{extra}"
            "    sources:\n      - ref: daily-notes\n")


# --- validation: exact messages --------------------------------------------------------------

CASES: dict[str, tuple[str, list[str]]] = {
    "a denunciation without an instrument": (
        record(SIGNED, event("alpha-land", "denunciation", "2026-02-01")),
        ["data/treaty-status.yaml:11:13: error: action: Alpha Land has no instrument of "
         "ratification, acceptance, approval or accession recorded, so it cannot denounce the "
         "convention; record its instrument first"]),
    "a denunciation before its instrument": (
        record(SIGNED, RATIFIED, event("alpha-land", "denunciation", "2026-01-01")),
        ["data/treaty-status.yaml:17:11: error: date: the denunciation of Alpha Land "
         "(2026-01-01) is dated before its ratification (2026-01-05)"]),
    "a second denunciation": (
        record(SIGNED, RATIFIED, event("alpha-land", "denunciation", "2026-02-01"),
               event("alpha-land", "denunciation", "2026-02-02")),
        ["data/treaty-status.yaml:21:13: error: action: Alpha Land already has a denunciation "
         "recorded (line 15); a participant denounces the convention once"]),
    "a day of effect on a ratification": (
        record(SIGNED, event("alpha-land", "ratification", "2026-01-05",
                             "    effective: 2026-02-01\n")),
        ["data/treaty-status.yaml:13:16: error: effective: only a denunciation takes effect on "
         "a day of its own, not a ratification; delete this line"]),
    "a denunciation that takes effect before it is made": (
        record(SIGNED, RATIFIED, event("alpha-land", "denunciation", "2026-02-01",
                                       "    effective: 2026-01-20\n")),
        ["data/treaty-status.yaml:18:16: error: effective: the denunciation of Alpha Land takes "
         "effect (2026-01-20) before it was made (2026-02-01)"]),
    "a step of kind other without a word on it": (
        record(SIGNED) + steps(step("alpha-land", "other", "2026-01-05")),
        ["data/treaty-status.yaml:12:11: error: what: a step of kind other has no label of its "
         "own; say in what what happened, in a line"]),
    "a step of a group": (
        record(SIGNED) + steps(step("the-group", "parliament-approval", "2026-01-05")),
        ["data/treaty-status.yaml:11:18: error: participant: The Group is a group of states, "
         "which makes no domestic step of its own; record each of its states"]),
    "a step of an unknown state": (
        record(SIGNED) + steps(step("alpha-lnd", "law-signed", "2026-01-05")),
        ["data/treaty-status.yaml:11:18: error: participant: 'alpha-lnd' is not in "
         "data/states.yaml; add it there (id: alpha-lnd, name, kind: state and the depositary_name "
         "the depositary's record uses), or did you mean 'alpha-land'?"]),
    "a reservation of a state with nothing deposited or signed": (
        record(SIGNED) + declarations(declaration("beta-republic", "reservation")),
        ["data/treaty-status.yaml:11:18: error: participant: Beta Republic has no signature or "
         "instrument recorded, and a declaration or reservation is made on signing or "
         "depositing one; record that first, or write announced_only: true if the state has "
         "only announced it"]),
    "an objection that names no state": (
        record(SIGNED) + declarations(declaration("alpha-land", "objection")),
        ["data/treaty-status.yaml:12:11: error: objects_to: name the state whose declaration or "
         "reservation this objection answers (its id in data/states.yaml)"]),
    "an objection to a state without reservations": (
        record(SIGNED) + declarations(declaration("alpha-land", "objection",
                                                  "    objects_to: beta-republic\n")),
        ["data/treaty-status.yaml:13:17: error: objects_to: Beta Republic has no declaration or "
         "reservation recorded to object to; record it first"]),
    "a reservation that objects": (
        record(SIGNED) + declarations(declaration("alpha-land", "reservation",
                                                  "    objects_to: beta-republic\n")),
        ["data/treaty-status.yaml:13:17: error: objects_to: only an objection answers another "
         "state; delete this line, or write kind: objection"]),
    "a declaration on an article the data does not have": (
        record(SIGNED) + declarations(declaration("alpha-land", "declaration",
                                                  "    articles:\n      - article: 99\n")),
        ["data/treaty-status.yaml:14:18: error: articles: there is no article 99 in "
         "data/convention/articles/"]),
    "a deposited declaration after the record's date": (
        record(SIGNED) + declarations(declaration("alpha-land", "declaration",
                                                  "    date: 2026-04-01\n")),
        ["data/treaty-status.yaml:13:11: error: date: 2026-04-01 is after the record's as_of "
         "date (2026-03-10); move as_of forward when you bring the record up to date"]),
}


def test_exact_messages(data_tree: Callable[..., Path]) -> None:
    for case, (text, expected) in CASES.items():
        assert problems(data_tree({"states.yaml": STATES, STATUS: text})) == expected, case


def test_steps_and_announced_declarations_may_be_later_than_the_record(
        data_tree: Callable[..., Path]) -> None:
    """They come from other sources than the depositary's record, whose date as_of is."""
    text = (record(SIGNED) + steps(step("alpha-land", "law-signed", "2026-05-01"))
            + declarations(declaration("alpha-land", "declarations-and-reservations",
                                       "    date: 2026-05-01\n    announced_only: true\n")))
    generated = build(data_tree({"states.yaml": STATES, STATUS: text}))
    assert generated.warnings == []


SESSION = "title: After\nkind: {kind}\nstart: 2026-01-26\nend: 2026-01-30\ncity: Vienna\n{extra}"
SESSION_CASES = {
    "a draft of the convention at a session after adoption": (
        SESSION.format(kind="rules-of-procedure", extra="draft: first-text\n"),
        ["data/sessions/later/session.yaml:6:8: error: draft: a rules-of-procedure session has "
         "no draft of the convention on the table; delete this line and say what it works on "
         "in on_the_table"]),
    "something else on the table at a negotiating session": (
        SESSION.format(kind="negotiating", extra="on_the_table: Rules\n"),
        ["data/sessions/later/session.yaml:6:15: error: on_the_table: a negotiating session "
         "works on a draft of the convention; name it in draft and delete this line"]),
}


def test_exact_messages_of_the_session_kinds(data_tree: Callable[..., Path]) -> None:
    for case, (text, expected) in SESSION_CASES.items():
        assert problems(data_tree({"sessions/later/session.yaml": text})) == expected, case


def test_an_editors_file_of_before_still_loads() -> None:
    """New fields are optional: a record written before them reads as it did."""
    old = TreatyStatusFile.model_validate({
        "as_of": "2025-11-19", "checked_in": [{"ref": "x"}],
        "events": [{"participant": "a", "action": "signature", "date": "2025-10-25",
                    "sources": [{"ref": "x"}]}]})
    assert old.domestic_steps == () and old.declarations == ()


# --- counts ----------------------------------------------------------------------------------

def forty(as_of: str, last: str = "2026-09-15", extra: tuple[str, ...] = ()) -> str:
    """Forty states that signed and ratified, the fortieth on `last`, and the Union's approval."""
    signatures = [event(f"state-{i:02d}", "signature", "2025-10-25")
                  for i in range(1, THRESHOLD + 1)]
    signatures.append(event("the-union", "signature", "2025-10-25"))
    ratifications = [event(f"state-{i:02d}", "ratification",
                           (dt.date(2026, 7, 1) + dt.timedelta(days=i)).isoformat())
                     for i in range(1, THRESHOLD)]
    ratifications.append(event(f"state-{THRESHOLD}", "ratification", last))
    ratifications.append(event("the-union", "approval", "2026-08-20"))
    return record(*signatures, *ratifications, *extra, as_of=as_of)


def built(data_tree: Callable[..., Path], text: str, states: str | None = None,
          commit: dt.date | None = None) -> Generated:
    return build(data_tree({"states.yaml": states or forty_states(), STATUS: text}),
                 commit_date=commit)


def test_a_denunciation_leaves_the_count_from_the_day_it_takes_effect(
        data_tree: Callable[..., Path]) -> None:
    denounced = event("state-01", "denunciation", "2026-10-01", "    effective: 2027-10-01\n")
    before = treaty_status(built(data_tree, forty("2026-12-31", extra=(denounced,))).dataset)
    after = treaty_status(built(data_tree, forty("2027-10-01", extra=(denounced,))).dataset)
    assert before is not None and after is not None
    assert (before.countable, after.countable) == (THRESHOLD, THRESHOLD - 1)
    assert after.instruments == THRESHOLD + 1  # the Union's and the denounced one stay deposited
    assert before.entry_into_force == after.entry_into_force  # reached once, it stays


def test_a_denunciation_without_its_day_of_effect_is_shown_and_still_counted(
        data_tree: Callable[..., Path]) -> None:
    denounced = event("state-01", "denunciation", "2026-10-01")
    generated = built(data_tree, forty("2026-12-31", extra=(denounced,)))
    status = treaty_status(generated.dataset)
    assert status is not None and status.countable == THRESHOLD
    page = generated.files["treaty-status/index.md"].decode()
    assert "; denounced 1 October 2026, the day it takes effect not recorded |" in page
    state = generated.files["states/state-01.md"].decode()
    assert "- **Denounced:** <time datetime=\"2026-10-01\">1 October 2026</time>; the day it " \
           "takes effect is not recorded" in state


# --- wording that follows the record's date --------------------------------------------------

def test_until_the_end_of_2026_signature_is_open_then_closed(
        data_tree: Callable[..., Path]) -> None:
    open_ = built(data_tree, record(SIGNED, as_of="2026-12-31"), STATES).files
    closed = built(data_tree, record(SIGNED, as_of="2027-01-01"), STATES).files
    for page in ("index.md", "treaty-status/index.md", "states/alpha-land.md"):
        assert ("The convention is open for signature at United Nations Headquarters in New York "
                "until 31 December 2026 (article 64).") in open_[page].decode(), page
        assert ("Signature closed on 31 December 2026 (article 64); a state that did not sign "
                "can still join the convention by accession.") in closed[page].decode(), page
        assert "open for signature" not in closed[page].decode()


def test_past_the_fortieth_it_reads_40_of_40_reached_and_counts_the_rest(
        data_tree: Callable[..., Path]) -> None:
    states = forty_states() + "".join(f"  - id: state-{i}\n    name: State {i}\n    kind: state\n"
                                      for i in (41, 42))
    more = tuple(e for i in (41, 42) for e in (event(f"state-{i}", "signature", "2025-10-25"),
                                               event(f"state-{i}", "ratification", "2026-09-20")))
    files = built(data_tree, forty("2026-09-30", extra=more), states).files
    page, home = files["treaty-status/index.md"].decode(), files["index.md"].decode()
    assert "<strong>40 of 40 reached, 42 counted in all</strong>" in page
    assert '<progress id="uc-progress-eif" max="40" value="40">' in page
    for text in (page, home):
        assert "40 of the 40 needed for entry into force reached, 42 counted in all." in text
        assert "41 of" not in text and "42 of" not in text


def test_entry_into_force_enters_then_entered(data_tree: Callable[..., Path]) -> None:
    waiting = built(data_tree, forty("2026-09-30")).files
    entered = built(data_tree, forty("2026-12-14")).files
    assert ("It enters into force on <time datetime=\"2026-12-14\">14 December 2026</time>."
            in waiting["index.md"].decode())
    assert ("It entered into force on <time datetime=\"2026-12-14\">14 December 2026</time>."
            in entered["index.md"].decode())
    assert ("the convention entered into force on **<time datetime=\"2026-12-14\">14 December "
            "2026</time>**, the 90th day after that deposit.") in entered[
        "treaty-status/index.md"].decode()
    assert json.loads(entered["data/treaty-status.json"])["in_force"] is True


def test_a_span_for_the_fortieth_gives_a_span_for_entry_into_force(
        data_tree: Callable[..., Path]) -> None:
    files = built(data_tree, forty("2026-09-30", last="2026-09-15/2026-09-16")).files
    home, page = files["index.md"].decode(), files["treaty-status/index.md"].decode()
    assert ("It enters into force on <time datetime=\"2026-12-15\">14 or 15 December "
            "2026</time>.") in home
    assert ("enters into force on **<time datetime=\"2026-12-15\">14 or 15 December 2026</time>**, "
            "the 90th day after that deposit: the record gives that deposit's day only as 15 or "
            "16 September 2026 (day not given), so the day of entry into force is one of those."
            ) in page
    assert json.loads(files["data/treaty-status.json"])["entry_into_force"] == \
        "2026-12-14/2026-12-15"


def test_the_chart_counts_what_the_page_counts_and_draws_the_union_apart(
        data_tree: Callable[..., Path]) -> None:
    generated = built(data_tree, forty("2026-09-30"))
    chart = next(c for c in generated.charts if c.id == "signatures-and-instruments")
    assert chart.rows[-1][1:] == (41, THRESHOLD, 1)
    assert chart.columns[2:] == ("Instruments counted towards the 40",
                                 "Instruments not counted (regional organizations)")
    assert "The instruments of The Union are drawn apart and never counted against the line" \
        in chart.alt
    assert ("Latest: 41 signatures, 40 of 40 reached, 40 instruments counted and 1 not counted."
            in chart.alt)
    from build_tools.charts import draw as chart_draw

    svg = chart_draw.draw(chart, chart_draw.THEMES[0]).decode()
    for words in ("Signatures: 41", "Instruments counted: 40", "Not counted (organizations): 1"):
        assert words in svg, words


def test_the_record_says_how_old_it_was_when_the_site_was_built(
        data_tree: Callable[..., Path]) -> None:
    text = record(SIGNED, as_of="2026-03-10")
    fresh = built(data_tree, text, STATES, commit=dt.date(2026, 4, 9)).files  # 30 days
    stale = built(data_tree, text, STATES, commit=dt.date(2026, 4, 10)).files  # 31 days
    unknown = built(data_tree, text, STATES).files  # no git: no age said
    said = ("The record was last checked on <time datetime=\"2026-03-10\">10 March 2026</time>, "
            "31 days before the commit this version of the site was built from (10 April 2026): "
            "signatures, instruments or declarations made since may be missing from it.")
    for page in ("index.md", "treaty-status/index.md", "states/alpha-land.md"):
        assert said in stale[page].decode(), page
        for files in (fresh, unknown):
            assert ("The record was last checked on <time datetime=\"2026-03-10\">10 March "
                    "2026</time>.") in files[page].decode(), page
            assert "days before the commit" not in files[page].decode()


def test_validate_warns_about_a_stale_record(shipped: Generated) -> None:
    treaty, doc = shipped.dataset.treaty, shipped.dataset.documents["treaty-status.yaml"]
    assert treaty is not None
    assert stale_record(treaty, doc, treaty.as_of + dt.timedelta(days=30)) is None
    found = stale_record(treaty, doc, dt.date(2026, 12, 7))
    assert str(found) == (
        "data/treaty-status.yaml:11:8: warning: as_of: the record was last checked on "
        "2025-11-19, 383 days before the last commit (2026-12-07); read the depositary's record "
        "again (make import-status) and move as_of to the day you checked it")


# --- pages, downloads and feeds of the minimal fixture ---------------------------------------

@pytest.fixture(scope="module")
def minimal() -> Generated:
    return build(MINIMAL_DATA)


def test_declarations_go_to_the_article_state_and_status_pages(minimal: Generated) -> None:
    article = minimal.files["convention/article-2.md"].decode()
    section = article.split("## Declarations and reservations on this article", 1)[1]
    assert "**[Alpha Land](/states/alpha-land.md#declarations): reservation**" in section
    assert "<p>&quot;It may withdraw this reservation at any time.&quot;</p>" in section
    assert "No declaration, reservation or objection on this article is recorded as of " \
           "10 March 2026." in minimal.files["convention/article-1.md"].decode()
    state = minimal.files["states/alpha-land.md"].decode()
    assert "**Declarations and reservations**, <time datetime=\"2026-01-20\">20 January " \
           "2026</time>; announced by the state, not shown in the depositary's record" in state
    assert "Their text is not known: no source found gives it." in state


def test_declarations_and_steps_are_in_the_downloads(minimal: Generated) -> None:
    rows = list(csv.DictReader(io.StringIO(
        minimal.files["data/treaty-declarations.csv"].decode("utf-8-sig"))))
    assert [(r["kind"], r["articles"], r["text_known"]) for r in rows] == [
        ("declarations-and-reservations", "", "false"), ("reservation", "Art. 2(1)", "true")]
    assert "\n\n" in rows[1]["text"]  # paragraphs kept
    document = json.loads(minimal.files["data/treaty-status.json"])
    assert [d["kind"] for d in document["declarations"]] == [r["kind"] for r in rows]
    assert [s["step"] for s in document["domestic_steps"]] == ["other", "parliament-approval"]
    assert {m["id"]: m["standing"] for m in document["un_members"]} == {
        "alpha-land": "ratification deposited", "gamma-state": "not signed"}


def test_the_change_logs_parse_and_hold_each_event_and_step(minimal: Generated) -> None:
    record_feed = feedparser.parse(minimal.files["treaty-status/feed.xml"])
    assert not record_feed.bozo
    assert [e.title for e in record_feed.entries] == [
        "Alpha Land: reservation", "Alpha Land: ratification",
        "Alpha Land: parliament approved ratification",
        "Alpha Land: declarations and reservations",
        "Alpha Land: step towards ratification", "Alpha Land: signature"]
    steps_entry = record_feed.entries[2]
    assert steps_entry.link.endswith("/states/alpha-land/#domestic-steps")
    assert "A domestic step, not a deposit." in steps_entry.summary
    gamma = feedparser.parse(minimal.files["states/gamma-state/feed.xml"])
    assert not gamma.bozo and gamma.entries == []
    assert gamma.feed.title.endswith("Gamma State and the convention")
    assert "states/the-group/feed.xml" not in minimal.files  # a group takes no step


def test_every_un_member_has_a_status(minimal: Generated) -> None:
    page = minimal.files["treaty-status/index.md"].decode()
    assert ("Of the 2 member states of the United Nations, 1 has no signature or instrument in "
            "the record as of 10 March 2026.") in page
    assert "[Gamma State](/states/gamma-state.md#signature-and-ratification)" in page
    state = minimal.files["states/gamma-state.md"].decode()
    assert "No signature or instrument of Gamma State is recorded as of 10 March 2026. It is " \
           "listed among [the UN member states that have not signed]" in state


def test_the_scoreboard_breaks_the_record_down_by_continent_and_camp(shipped: Generated) -> None:
    from build_tools.derive.treaty_record import by_camp, by_continent, treaty_status

    status = treaty_status(shipped.dataset)
    assert status is not None
    continents = by_continent(status)
    assert [t.label for t in continents] == ["Africa", "America", "Asia", "Europe", "Oceania"]
    assert sum(t.named for t in continents) == 193
    assert sum(t.signed for t in continents) == sum(
        1 for p in status.participants if p.signature and p.state.un_member)
    camps = {t.label: t for t in by_camp(shipped.dataset, status)}
    assert camps["Human rights safeguards: explicit safeguards"].named == 2  # Canada, New Zealand
    assert "Human rights safeguards: against safeguards" not in camps  # CARICOM: a group only
    home = shipped.files["index.md"].decode()
    assert "**By continent**, the UN's member states that signed: Africa " in home
    assert "**By negotiating camp**" in home
