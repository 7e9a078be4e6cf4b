"""Signatures and ratifications: entry into force, every validation rule, the downloads, the feed,
and an editor's one-line ratification followed through every page that shows it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest

from build_tools import paths
from build_tools.derive.treaty_record import THRESHOLD, entry_into_force
from build_tools.errors import DataError
from build_tools.formats.text import day_span
from build_tools.load.stage import load
from build_tools.models.treaty import Event
from build_tools.pipeline import Generated
from build_tools.site_info import SiteInfo
from build_tools.validate.stage import validate
from tests.conftest import build

STATUS = "treaty-status.yaml"
STATES = """\
states:
  - id: alpha-land
    name: Alpha Land
    kind: state
    aliases: [Alpha, the Alphans]
  - id: beta-republic
    name: Beta Republic
    kind: state
    depositary_name: Republic of Beta
  - id: the-group
    name: The Group
    kind: group
  - id: the-union
    name: The Union
    kind: group
    depositary_name: The Union
    regional_organization: true
  - id: the-bloc
    name: The Bloc
    kind: group
    negotiating_group: true
"""


def event(participant: str, action: str, date: str, extra: str = "") -> str:
    """Five lines per event (six with `extra`), so that messages' lines are easy to count."""
    return (f"  - participant: {participant}\n    action: {action}\n    date: {date}\n{extra}"
            "    sources:\n      - ref: brief-one\n")


def record(*events: str, as_of: str = "2026-03-10") -> str:
    return (f"as_of: {as_of}\nchecked_in:\n  - ref: brief-one\nevents:\n" + "".join(events)
            if events else f"as_of: {as_of}\nchecked_in:\n  - ref: brief-one\nevents: []\n")


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        build(data)
    return caught.value.report().splitlines()[:-1]


# --- entry into force -------------------------------------------------------------------------

def days_from(start: dt.date, count: int) -> list[tuple[dt.date, bool]]:
    return [(start + dt.timedelta(days=i), True) for i in range(count)]


def test_thirty_nine_instruments_are_not_enough() -> None:
    assert entry_into_force(days_from(dt.date(2026, 1, 1), THRESHOLD - 1)) is None


def test_the_fortieth_brings_entry_into_force_ninety_days_later() -> None:
    instruments = days_from(dt.date(2026, 1, 1), THRESHOLD)  # the 40th on 9 February 2026
    assert entry_into_force(instruments) == dt.date(2026, 5, 10)


def test_an_organizations_instrument_does_not_count() -> None:
    instruments = [*days_from(dt.date(2026, 1, 1), THRESHOLD - 1), (dt.date(2026, 3, 1), False)]
    assert entry_into_force(instruments) is None
    instruments.append((dt.date(2026, 4, 1), True))
    assert entry_into_force(instruments) == dt.date(2026, 6, 30)


def test_the_ninetieth_day_crosses_month_and_year_ends() -> None:
    instruments = days_from(dt.date(2026, 10, 1), THRESHOLD - 1) + [(dt.date(2026, 12, 1), True)]
    assert entry_into_force(instruments) == dt.date(2027, 3, 1)
    leap = days_from(dt.date(2027, 9, 1), THRESHOLD - 1) + [(dt.date(2027, 12, 31), True)]
    assert entry_into_force(leap) == dt.date(2028, 3, 30)  # through 29 February 2028


def test_order_of_deposit_not_order_of_the_file() -> None:
    late_first = [(dt.date(2030, 1, 1), True), *days_from(dt.date(2026, 1, 1), THRESHOLD - 1)]
    assert entry_into_force(late_first) == dt.date(2030, 1, 1) + dt.timedelta(days=90)


def forty_states() -> str:
    lines = [STATES]
    lines += [f"  - id: state-{i:02d}\n    name: State {i:02d}\n    kind: state\n"
              for i in range(1, THRESHOLD + 1)]
    return "".join(lines)


def test_the_page_shows_the_date_once_the_fortieth_countable_instrument_is_in(
        data_tree: Callable[..., Path]) -> None:
    signatures = [event(f"state-{i:02d}", "signature", "2025-10-25") for i in range(1, 40)]
    signatures.append(event("the-union", "signature", "2025-10-25"))
    ratifications = [event(f"state-{i:02d}", "ratification", f"2026-11-{i:02d}")
                     for i in range(1, 30)]
    ratifications += [event(f"state-{i:02d}", "ratification", f"2026-12-{i - 29:02d}")
                      for i in range(30, 40)]  # the 39th on 10 December 2026
    ratifications.append(event("the-union", "approval", "2026-12-11"))
    accession = event("state-40", "accession", "2026-12-20")  # no signature needed
    before = build(data_tree({"states.yaml": forty_states(),
                              STATUS: record(*signatures, *ratifications, as_of="2026-12-31")}))
    page = before.files["treaty-status/index.md"].decode()
    assert "**Entry into force: not yet.**" in page and "1 more is needed." in page
    assert "<strong>39 of 40</strong>" in page and "(39 counted towards entry into force)" in page
    after = build(data_tree({"states.yaml": forty_states(),
                             STATUS: record(*signatures, *ratifications, accession,
                                            as_of="2026-12-31")}))
    page = after.files["treaty-status/index.md"].decode()
    assert '<time datetime="2027-03-20">20 March 2027</time>' in page
    assert '<progress id="uc-progress-eif" max="40" value="40">' in page
    data = json.loads(after.files["data/treaty-status.json"])
    assert (data["instruments"], data["instruments_counted"]) == (41, 40)
    assert data["entry_into_force"] == "2027-03-20"


# --- validation --------------------------------------------------------------------------------

SIGNED = event("alpha-land", "signature", "2025-10-25")
CASES: dict[str, tuple[str, list[str]]] = {
    "unknown state, one typo from an id": (
        record(event("alpha-lnd", "signature", "2025-10-25")),
        ["data/treaty-status.yaml:5:18: error: participant: 'alpha-lnd' is not in "
         "data/states.yaml; add it there (id: alpha-lnd, name, kind: state and the "
         "depositary_name the depositary's record uses), or did you mean 'alpha-land'?"]),
    "unknown state, written as the depositary names it": (
        record(event("republic-of-beta", "signature", "2025-10-25")),
        ["data/treaty-status.yaml:5:18: error: participant: 'republic-of-beta' is not an id in "
         "data/states.yaml but a name of Beta Republic; write its id, 'beta-republic'"]),
    "unknown state, nothing close": (
        record(event("ruritania", "signature", "2025-10-25")),
        ["data/treaty-status.yaml:5:18: error: participant: 'ruritania' is not in "
         "data/states.yaml; add it there (id: ruritania, name, kind: state and the "
         "depositary_name the depositary's record uses)"]),
    "unknown state, like a known one but no typo of it": (
        record(event("alpha-lander", "signature", "2025-10-25")),
        ["data/treaty-status.yaml:5:18: error: participant: 'alpha-lander' is not in "
         "data/states.yaml; add it there (id: alpha-lander, name, kind: state and the "
         "depositary_name the depositary's record uses)"]),
    "a group that does not sign": (
        record(event("the-group", "signature", "2025-10-25")),
        ["data/treaty-status.yaml:5:18: error: participant: The Group is a group of states, "
         "which neither signs nor deposits instruments: record each of its states that did "
         "(besides states, only a regional economic integration organization that the "
         "depositary lists, such as the European Union, is a party, marked "
         "regional_organization: true in data/states.yaml)"]),
    "a negotiating group never accedes": (
        record(event("the-bloc", "accession", "2026-01-05")),
        ["data/treaty-status.yaml:5:18: error: participant: The Bloc is a negotiating group, "
         "states that spoke together in the negotiations, and never a party to the convention: "
         "only states and regional economic integration organizations (such as the European "
         "Union) sign it and deposit instruments; record each of its states that did"]),
    "signature before the signature period": (
        record(event("alpha-land", "signature", "2025-10-24")),
        ["data/treaty-status.yaml:7:11: error: date: a signature on 2025-10-24 is outside the "
         "signature period, 2025-10-25 to 2026-12-31 (article 64)"]),
    "signature after the signature period": (
        record(event("alpha-land", "signature", "2027-01-04"), as_of="2027-02-01"),
        ["data/treaty-status.yaml:7:11: error: date: a signature on 2027-01-04 is outside the "
         "signature period, 2025-10-25 to 2026-12-31 (article 64)"]),
    "ratification without a signature": (
        record(event("alpha-land", "ratification", "2026-01-05")),
        ["data/treaty-status.yaml:6:13: error: action: Alpha Land has no signature recorded, so "
         "its instrument cannot be a ratification; record the signature first, or write "
         "accession if it never signed"]),
    "approval dated before the signature": (
        record(event("alpha-land", "signature", "2026-02-01"),
               event("alpha-land", "approval", "2026-01-15")),
        ["data/treaty-status.yaml:12:11: error: date: the approval of Alpha Land (2026-01-15) is "
         "dated before its signature (2026-02-01)"]),
    "two signatures": (
        record(SIGNED, event("alpha-land", "signature", "2025-10-26")),
        ["data/treaty-status.yaml:11:13: error: action: Alpha Land already has a signature "
         "recorded (its signature at line 5); a participant signs once and deposits one "
         "instrument"]),
    "two instruments": (
        record(SIGNED, event("alpha-land", "ratification", "2026-01-05"),
               event("alpha-land", "acceptance", "2026-02-05")),
        ["data/treaty-status.yaml:16:13: error: action: Alpha Land already has an instrument "
         "recorded (its ratification at line 10); a participant signs once and deposits one "
         "instrument"]),
    "event after the as_of date": (
        record(SIGNED, event("alpha-land", "ratification", "2026-03-11")),
        ["data/treaty-status.yaml:12:11: error: date: 2026-03-11 is after the record's as_of "
         "date (2026-03-10); move as_of forward when you bring the record up to date"]),
    "malformed date": (
        record(event("alpha-land", "signature", "25 October 2025")),
        ["data/treaty-status.yaml:7:11: error: date of the 1st event, line 5: expected a date "
         "YYYY-MM-DD, or, when the sources give only a span, its first and last day joined by a "
         "slash (2025-10-25/2025-10-26), received '25 October 2025'"]),
    "unknown action": (
        record(event("alpha-land", "ratified", "2026-01-05")),
        ["data/treaty-status.yaml:6:13: error: action of the 1st event, line 5: expected one of "
         "signature, ratification, acceptance, approval, accession or denunciation; received "
         "'ratified'"]),
    "malformed notification": (
        record(event("alpha-land", "signature", "2025-10-25", "    notification: CN 12 2026\n")),
        ["data/treaty-status.yaml:8:19: error: notification of the 1st event, line 5: expected a "
         "depositary notification symbol such as C.N.196.2025.TREATIES-XVIII.16, received "
         "'CN 12 2026'"]),
    "misspelt field": (
        record(event("alpha-land", "signature", "2025-10-25", "    single_sorce: true\n")),
        ["data/treaty-status.yaml:8:5: error: the 1st event, line 5: unknown field "
         "'single_sorce'; did you mean 'single_source'?"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_exact_message(case: str, data_tree: Callable[..., Path]) -> None:
    text, expected = CASES[case]
    assert problems(data_tree({"states.yaml": STATES, STATUS: text})) == expected


def test_the_african_group_is_refused_even_when_marked_as_an_organization(tmp_path: Path) -> None:
    """The editor's step on the shipped data: an accession of the African Group, and the flag
    an older message advised. Both refused, each with its reason."""
    data = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, data)
    states = data / "states.yaml"
    text = states.read_text(encoding="utf-8")
    group = '    aliases: ["the African Group"]\n    negotiating_group: true\n'
    assert group in text
    states.write_text(text.replace(group, group + "    regional_organization: true\n"),
                      encoding="utf-8")
    record = data / STATUS
    record.write_text(record.read_text(encoding="utf-8") + event(
        "african-group", "accession", "2025-11-01").replace("brief-one", "untc-status"),
        encoding="utf-8")
    _dataset, diagnostics = validate(load(data, tmp_path))
    found = [str(d) for d in diagnostics]
    events = record.read_text(encoding="utf-8").count("  - participant:")
    flag = text[: text.index(group)].count("\n") + 3  # the line after the group's two
    assert [line.split(": error: ", 1)[1] for line in found] == [
        "regional_organization: African Group is a negotiating group (negotiating_group: true), "
        "which is never a party to the convention; only an organization such as the European "
        "Union is, and is no negotiating group: delete one of the two lines",
        "participant: African Group is a negotiating group, states that spoke together in the "
        "negotiations, and never a party to the convention: only states and regional economic "
        "integration organizations (such as the European Union) sign it and deposit instruments; "
        "record each of its states that did",
    ]
    assert found[0].startswith(f"data/states.yaml:{flag}:28: ")
    assert events > 1 and found[1].startswith("data/treaty-status.yaml:")


def test_an_accession_needs_no_signature(data_tree: Callable[..., Path]) -> None:
    generated = build(data_tree({"states.yaml": STATES, STATUS: record(
        event("beta-republic", "accession", "2026-01-05"))}))
    page = generated.files["treaty-status/index.md"].decode()
    assert "| [Beta Republic](/states/beta-republic.md#signature-and-ratification) | – | " \
           "Accession, <time datetime=\"2026-01-05\">5 January 2026</time> |" in page


def test_a_span_of_days_when_the_sources_give_no_day() -> None:
    def span(written: str) -> str:
        return day_span(Event.model_validate({"participant": "x", "action": "signature",
                                              "date": written, "sources": [{"ref": "y"}]}).date)

    assert span("2025-10-25/2025-10-26") == "25 or 26 October 2025 (day not given)"
    assert span("2025-10-31/2025-11-01") == "31 October 2025 or 1 November 2025 (day not given)"
    assert span("2026-05-01/2026-05-09") == "between 1 May 2026 and 9 May 2026 (day not given)"
    assert span("2025-10-25") == "25 October 2025"


# --- downloads and feed -----------------------------------------------------------------------

def test_csv_and_json_round_trip_to_the_record(shipped: Generated) -> None:
    generated = shipped
    treaty = generated.dataset.treaty
    assert treaty is not None
    rows = list(csv.DictReader(io.StringIO(generated.files["data/treaty-status.csv"]
                                           .decode("utf-8-sig"))))
    from_csv = sorted((r["participant_id"], r["action"], r["date"], r["notification"] or None,
                       r["single_source"] == "true", tuple(r["sources"].split()))
                      for r in rows)
    from_yaml = sorted((e.participant, e.action, str(e.date), e.notification, e.single_source,
                        tuple(s.ref or s.url or "" for s in e.sources)) for e in treaty.events
                       if not e.single_source)
    assert from_csv == from_yaml
    document = json.loads(generated.files["data/treaty-status.json"])
    assert document["as_of"] == treaty.as_of.isoformat()
    assert sorted((e["participant"], e["action"], e["date"], [s["id"] for s in e["sources"]])
                  for e in document["events"]) == sorted(
        (e.participant, e.action, str(e.date), [s.ref for s in e.sources]) for e in treaty.events
        if not e.single_source)
    assert document["signatories"] == len(document["participants"]) == 72
    assert document["instruments"] == 0 and document["entry_into_force"] is None


def test_the_standing_data_says_what_it_is_not(shipped: Generated) -> None:
    generated = shipped
    document = json.loads(generated.files["data/treaty-status-by-position.json"])
    assert document["note"].startswith("Signing or ratifying the convention is not a position")
    six_two = [s for s in document["sides"]
               if s["label"] == "Art. 6(2)" and s["stance"] == "delete"]
    assert [(s["states_named"], s["signed"]) for s in six_two] == [(3, 2)]
    rows = list(csv.DictReader(io.StringIO(
        generated.files["data/treaty-status-by-position.csv"].decode("utf-8-sig"))))
    india = [r for r in rows if r["state_id"] == "india" and r["provision"] == "Art. 6(2)"]
    assert [r["standing"] for r in india] == ["not signed"]


def test_the_eu_is_never_counted_among_the_states_named(shipped: Generated) -> None:
    """It signed, but it is an organization: the counts are of states (issue 27)."""
    document = json.loads(shipped.files["data/treaty-status-by-position.json"])
    retain = [s for s in document["sides"]
              if s["label"] == "Art. 6(2)" and s["stance"] == "retain"]
    assert [(s["states_named"], s["signed"]) for s in retain] == [(1, 1)]
    assert [st["id"] for st in retain[0]["states"]] == ["australia", "european-union"]
    page = shipped.files["convention/article-6.md"].decode()
    assert "being groups:** [European Union](/states/european-union.md) (signed)\n" in page


# --- an editor records a ratification ---------------------------------------------------------

SIGNED_ONLY = """\
as_of: 2026-03-10
checked_in:
  - ref: brief-one
events:
  - participant: alpha-land
    action: signature
    date: 2025-10-25
    sources:
      - ref: brief-one
"""
RATIFICATION = """\
  - participant: alpha-land
    action: ratification
    date: 2026-03-02
    sources:
      - ref: daily-notes
"""


def test_one_added_item_moves_counts_bar_state_page_and_feed(
        data_tree: Callable[..., Path]) -> None:
    site = SiteInfo("https://example.org/proj/", "Briefing")
    before = build(data_tree({STATUS: SIGNED_ONLY}), site=site).files
    after = build(data_tree({STATUS: SIGNED_ONLY + RATIFICATION}), site=site).files
    for files, count in ((before, "0 instruments"), (after, "1 instrument")):
        assert f"**{count}** of ratification" in files["treaty-status/index.md"].decode()
        assert f"**{count}** of ratification" in files["index.md"].decode()
    assert 'max="40" value="0"' in before["treaty-status/index.md"].decode()
    assert 'max="40" value="1"' in after["treaty-status/index.md"].decode()
    assert "Ratification deposited" not in before["states/alpha-land.md"].decode()
    assert "- **Ratification deposited:** <time datetime=\"2026-03-02\">2 March 2026</time>" \
        in after["states/alpha-land.md"].decode()
    feeds = [feedparser.parse(files["treaty-status/feed.xml"]) for files in (before, after)]
    assert [e.title for e in feeds[0].entries] == ["Alpha Land: signature"]
    assert [e.title for e in feeds[1].entries] == ["Alpha Land: ratification",
                                                    "Alpha Land: signature"]
    newest = feeds[1].entries[0]
    assert newest.link == "https://example.org/proj/states/alpha-land/#signature-and-ratification"
    assert newest.summary == ("Alpha Land deposited its instrument of ratification on "
                              "2 March 2026.")
    assert not feeds[1].bozo and feeds[1].feed.updated.startswith("2026-03-10")


def test_the_chart_tells_its_lines_apart_by_words_and_style(shipped: Generated) -> None:
    from build_tools.charts import draw as chart_draw

    chart = next(c for c in shipped.charts if c.id == "signatures-and-instruments")
    assert chart.alt.endswith("Latest: 72 signatures, 0 of the 40 instruments counted. A dashed "
                              "vertical line marks the record's date, another the close of "
                              "signature on 31 December 2026.")
    assert "The instruments of the European Union are drawn apart and never counted against the " \
           "line" in chart.alt
    for theme in chart_draw.THEMES:
        svg = chart_draw.draw(chart, theme).decode()
        for words in ("Signatures: 72", "Instruments counted: 0",
                      "40 needed for entry into force", "Record", "Signature closes"):
            assert words in svg, (theme.name, words)


# --- a signature only one source reports (issue 27) -------------------------------------------

def test_a_single_source_signature_is_reported_apart_and_never_counted(
        data_tree: Callable[..., Path]) -> None:
    weak = event("beta-republic", "signature", "2025-10-26", "    single_source: true\n")
    files = build(data_tree({"states.yaml": STATES, STATUS: record(SIGNED, weak)})).files
    status_page, home = files["treaty-status/index.md"].decode(), files["index.md"].decode()
    assert "**1 signatory**" in status_page and "**1 signatory**" in home
    table, reported = status_page.split("## Reported, not confirmed")
    assert "Beta Republic" not in table and "Beta Republic" not in home
    assert "[Beta Republic](/states/beta-republic.md#signature-and-ratification): signature, " \
           "26 October 2025, not confirmed" in reported
    assert "beta-republic" not in files["data/treaty-status.csv"].decode("utf-8-sig")
    document = json.loads(files["data/treaty-status.json"])
    assert document["signatories"] == 1
    assert [p["id"] for p in document["participants"]] == ["alpha-land"]
    assert "beta-republic" not in json.dumps(document["events"])
    feed = feedparser.parse(files["treaty-status/feed.xml"])
    assert [e.title for e in feed.entries] == ["Alpha Land: signature"]
    chart = files["data/chart-signatures-and-instruments.csv"].decode("utf-8-sig")
    assert chart.splitlines()[1:] == ["2025-10-25,1,0,0"]
    state = files["states/beta-republic.md"].decode()
    assert "No signature or instrument of Beta Republic is confirmed" in state
    assert "**Reported, not confirmed:** a signature, 26 October 2025, reported by a single " \
           "source and confirmed by no other, so not counted" in state


def test_a_second_source_on_a_single_source_event_asks_for_the_line_to_go(
        data_tree: Callable[..., Path]) -> None:
    weak = event("beta-republic", "signature", "2025-10-26", "    single_source: true\n") \
        + "      - ref: brief-one\n"
    generated = build(data_tree({"states.yaml": STATES, STATUS: record(SIGNED, weak)}))
    assert [str(w) for w in generated.warnings] == [
        "data/treaty-status.yaml:13:20: warning: single_source: the event lists a second source, "
        "so it is still left out of every count; delete this line if that source confirms it"]
    assert "**1 signatory**" in generated.files["treaty-status/index.md"].decode()
# --- dates checked against what may have happened ---------------------------------------------

def test_a_ratification_that_may_precede_a_signature_known_as_a_span_is_a_warning(
        data_tree: Callable[..., Path]) -> None:
    """Signed "25 or 26 October", ratified on the 25th: perhaps the day before it signed."""
    generated = build(data_tree({"states.yaml": STATES, STATUS: record(
        event("alpha-land", "signature", '"2025-10-25/2025-10-26"'),
        event("alpha-land", "ratification", "2025-10-25"),
        event("beta-republic", "signature", "2025-10-26"),
        event("beta-republic", "ratification", '"2025-10-25/2025-10-27"'))}))
    assert [str(w) for w in generated.warnings] == [
        "data/treaty-status.yaml:12:11: warning: date: the ratification of Alpha Land "
        "(2025-10-25) may come before its signature (2025-10-25/2025-10-26), since the sources "
        "give only a span of days; check both dates in the depositary's record",
        "data/treaty-status.yaml:22:11: warning: date: the ratification of Beta Republic "
        "(2025-10-25/2025-10-27) may come before its signature (2025-10-26), since the sources "
        "give only a span of days; check both dates in the depositary's record",
    ]


def test_a_ratification_on_the_last_day_of_the_span_is_no_warning(
        data_tree: Callable[..., Path]) -> None:
    generated = build(data_tree({"states.yaml": STATES, STATUS: record(
        event("alpha-land", "signature", '"2025-10-25/2025-10-26"'),
        event("alpha-land", "ratification", "2025-10-26"))}))
    assert generated.warnings == []


def git(repo: Path, *args: str, day: str = "2026-03-09") -> None:
    moment = f"{day}T12:00:00+00:00"
    env = dict(os.environ, GIT_AUTHOR_DATE=moment, GIT_COMMITTER_DATE=moment,
               GIT_AUTHOR_NAME="Editor", GIT_AUTHOR_EMAIL="editor@example.org",
               GIT_COMMITTER_NAME="Editor", GIT_COMMITTER_EMAIL="editor@example.org")
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def test_an_as_of_later_than_the_commit_built_is_a_warning(
        data_tree: Callable[..., Path]) -> None:
    """The day of the commit the site is built from, never the clock: the same commit gives the
    same messages on any day. Changes not committed yet are checked once committed."""
    data = data_tree({"states.yaml": STATES, STATUS: record(SIGNED, as_of="2026-03-10")})
    assert build(data, dated=True).warnings == []  # no git: nothing to compare with
    git(data.parent, "init", "-q")
    git(data.parent, "add", "data")
    git(data.parent, "commit", "-q", "-m", "record", day="2026-03-09")
    assert [str(w) for w in build(data, dated=True).warnings] == [
        "data/treaty-status.yaml:1:8: warning: as_of: 2026-03-10 is later than the commit this "
        "site is built from (2026-03-09), and the record cannot have been checked on a day to "
        "come; write the day you checked the depositary's record"]
    status = data / STATUS
    status.write_text(status.read_text(encoding="utf-8").replace("2026-03-10", "2026-03-11"),
                      encoding="utf-8")
    assert build(data, dated=True).warnings == []  # its commit is still to come
    git(data.parent, "commit", "-q", "-am", "checked again", day="2026-03-11")
    assert build(data, dated=True).warnings == []
