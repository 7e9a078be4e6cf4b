"""`import-status`: the depositary's record into data/treaty-status.yaml, as an editor would edit it.

Each test runs on a copy of the shipped states, sources and status files, so that
the edits are checked on the real file with its comments and layout; the record
is one of the documents under tests/fixtures/depositary/.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools import paths
from build_tools.tools.import_status import ImportResult, StatusImportError, import_status
from build_tools.tools.status_edit import NewEvent, _dump, _round_trip, edited_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "depositary"
TODAY = dt.date(2026, 3, 20)
STATUS = "data/treaty-status.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the shipped files the import reads."""
    folder = tmp_path / "repo" / "data"
    folder.mkdir(parents=True)
    for name in ("states.yaml", "sources.yaml", "treaty-status.yaml"):
        shutil.copy(paths.DATA_DIR / name, folder / name)
    return folder


def run(data: Path, name: str, today: dt.date = TODAY) -> ImportResult:
    return import_status(data, str(FIXTURES / name), today)


def refused(data: Path, name: str, today: dt.date = TODAY) -> list[str]:
    """The problems of a refused import; the file must be unchanged."""
    before = (data / "treaty-status.yaml").read_bytes()
    with pytest.raises(StatusImportError) as caught:
        run(data, name, today)
    assert (data / "treaty-status.yaml").read_bytes() == before
    return list(caught.value.problems)


def text(data: Path) -> str:
    return (data / "treaty-status.yaml").read_text(encoding="utf-8")


def changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines taken out and the lines put in."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def block(participant: str, action: str, date: str) -> list[str]:
    return [f"  - participant: {participant}", f"    action: {action}", f"    date: {date}",
            "    sources:", "      - ref: untc-status"]


def test_the_shipped_file_comes_back_byte_for_byte_from_the_round_trip() -> None:
    shipped = (paths.DATA_DIR / "treaty-status.yaml").read_text(encoding="utf-8")
    yaml = _round_trip()
    assert _dump(yaml, yaml.load(shipped)) == shipped


def test_a_new_signature_adds_exactly_its_event_in_its_place_and_moves_as_of(data: Path) -> None:
    before = text(data)
    result = run(data, "new-signature.xml")
    after = text(data)
    assert result.written
    assert result.summary.splitlines()[:5] == [
        f"The depositary's record, read on 2026-03-20 from {FIXTURES / 'new-signature.xml'}, "
        f"lists 1 new entry, added to {STATUS} with the depositary as its source:",
        "",
        "- Canada: signature on 2026-02-12",
        "",
        "as_of moved from 2025-11-19 to 2026-03-20.",
    ]
    assert changes(before, after) == (["as_of: 2025-11-19"],
                                      ["as_of: 2026-03-20", *block("canada", "signature",
                                                                   "2026-02-12")])
    # In the file's order, the depositary's order of names: after Cambodia, before Chile.
    lines = after.splitlines()
    start = lines.index("  - participant: canada")
    assert [line for line in lines[start - 8:start + 6] if "participant:" in line] == [
        "  - participant: cambodia", "  - participant: canada", "  - participant: chile"]


def test_every_comment_of_the_file_stays_in_place(data: Path) -> None:
    before = text(data)
    run(data, "instruments.xml")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and [line for line in text(data).splitlines()
                         if line.lstrip().startswith("#")] == comments
    assert text(data).startswith(before[:before.index("as_of:")])


def test_an_editors_comment_between_events_stays_with_its_event(data: Path) -> None:
    path = data / "treaty-status.yaml"
    commented = text(data).replace("  - participant: chile\n",
                                   "  # Chile signed on the first day.\n  - participant: chile\n")
    path.write_text(commented, encoding="utf-8")
    run(data, "new-signature.xml")
    lines = text(data).splitlines()
    assert lines[lines.index("  - participant: chile") - 1] == "  # Chile signed on the first day."
    assert changes(commented, text(data))[0] == ["as_of: 2025-11-19"]


def block_at(lines: list[str], wanted: list[str]) -> int:
    """Where the lines `wanted` start in `lines`."""
    return next(i for i in range(len(lines)) if lines[i:i + len(wanted)] == wanted)


@pytest.mark.parametrize("participant, action, date, after", [
    ("ghana", "ratification", "2026-03-02", "ghana"),
    ("algeria", "acceptance", "2026-03-05", "algeria"),
    ("european-union", "approval", "2026-03-09", "european-union"),
    ("burundi", "accession", "2026-03-10", "burkina-faso"),
])
def test_each_kind_of_instrument_is_added_after_the_participants_own_events(
        data: Path, participant: str, action: str, date: str, after: str) -> None:
    """After the participant's signature; for an accession without one, in the order of names."""
    before = text(data)
    run(data, "instruments.xml")
    removed, added = changes(before, text(data))
    assert removed == ["as_of: 2025-11-19"] and len(added) == 1 + 4 * 5
    lines = text(data).splitlines()
    start = block_at(lines, block(participant, action, date))
    previous = max(i for i in range(start) if lines[i].startswith("  - participant: "))
    assert lines[previous] == f"  - participant: {after}"


def test_the_summary_says_what_was_added_with_the_depositarys_marks(data: Path) -> None:
    source = FIXTURES / "instruments.xml"
    summary = run(data, "instruments.xml").summary.splitlines()
    assert summary[:8] == [
        f"The depositary's record, read on 2026-03-20 from {source}, lists 4 new entries, added "
        f"to {STATUS} with the depositary as their source:",
        "",
        "- Algeria: acceptance (A) on 2026-03-05",
        "- Burundi: accession (a) on 2026-03-10",
        "- European Union: approval (AA) on 2026-03-09; the instrument of a regional economic "
        "integration organization does not count towards the 40 needed for entry into force "
        "(article 65(1))",
        "- Ghana: ratification on 2026-03-02",
        "",
        "as_of moved from 2025-11-19 to 2026-03-20.",
    ]


def test_a_footnote_mark_in_a_name_does_not_stop_the_match_and_is_named(data: Path) -> None:
    before = text(data)
    summary = run(data, "footnotes.xml").summary.splitlines()
    assert summary[2] == ('- Vietnam ("Viet Nam" in the record): ratification on 2026-03-03; '
                          "see the record's footnote 1 on its name")
    assert changes(before, text(data))[1][1:] == block("vietnam", "ratification", "2026-03-03")


def test_a_span_holding_the_depositarys_day_is_left_for_an_editor_to_narrow(data: Path) -> None:
    summary = run(data, "signatures.xml").summary.splitlines()
    at = summary.index("The depositary gives one day inside a span the file records; narrow the "
                       "date by hand if the day is right (not changed):")
    assert summary[at + 2] == "- Sweden: signature on 2025-10-25 (the file: 2025-10-25/2025-10-26)"


def test_rows_the_depositary_does_not_list_are_named_and_do_not_stop_the_import(
        data: Path) -> None:
    summary = run(data, "new-signature.xml").summary.splitlines()
    at = summary.index(f"Rows of {STATUS} the depositary does not list; check each against its "
                       "sources (not changed):")
    unlisted = summary[at + 2:]
    assert "- Kazakhstan: signature on 2025-10-25" in unlisted
    assert "- Uganda: signature on 2025-10-25/2025-10-26" in unlisted
    assert "- Ghana: signature on 2025-10-25" not in unlisted
    assert "canada" in text(data)


def test_nothing_new_writes_nothing_and_says_so(data: Path) -> None:
    before = (data / "treaty-status.yaml").read_bytes()
    result = run(data, "signatures.xml")
    assert not result.written
    assert result.summary.splitlines()[0] == (
        f"Nothing new: the depositary's record, read on 2026-03-20 from "
        f"{FIXTURES / 'signatures.xml'}, lists nothing that {STATUS} does not have; the file was "
        "not changed.")
    assert (data / "treaty-status.yaml").read_bytes() == before


def test_a_second_run_changes_nothing(data: Path) -> None:
    assert run(data, "instruments.xml").written
    once = (data / "treaty-status.yaml").read_bytes()
    second = run(data, "instruments.xml", TODAY + dt.timedelta(days=7))
    assert not second.written and second.summary.startswith("Nothing new: ")
    assert (data / "treaty-status.yaml").read_bytes() == once


def test_as_of_never_moves_back(data: Path) -> None:
    path = data / "treaty-status.yaml"
    path.write_text(text(data).replace("as_of: 2025-11-19", "as_of: 2026-04-01"), encoding="utf-8")
    result = run(data, "new-signature.xml")
    assert "as_of: 2026-04-01\n" in text(data)
    assert "as_of stays 2026-04-01, which is not before the day of reading." in result.summary


def test_a_row_with_another_date_stops_the_import(data: Path) -> None:
    line = text(data).splitlines().index("  - participant: ghana") + 1
    assert refused(data, "contradicting-date.xml") == [
        f"{STATUS}:{line}: the row records a signature on 2025-10-25 for Ghana, the depositary a "
        "signature on 2025-10-26; check which is right and correct the row by hand"]


def test_a_row_with_another_kind_of_instrument_stops_the_import(data: Path) -> None:
    run(data, "instruments.xml")
    lines = text(data).splitlines()
    line = lines.index("  - participant: ghana", lines.index("  - participant: ghana") + 1) + 1
    assert refused(data, "contradicting-kind.xml") == [
        f"{STATUS}:{line}: the row records a ratification on 2026-03-02 for Ghana, the depositary "
        "an acceptance (A) on 2026-03-02; check which is right and correct the row by hand"]


def test_a_participant_not_in_states_yaml_stops_the_import_with_the_closest_names(
        data: Path) -> None:
    assert refused(data, "unknown-participants.xml") == [
        "the depositary lists 'Netherlands (Kingdom of the)', which is no state's "
        "depositary_name, name or alias in data/states.yaml; the closest names there are "
        "'Netherlands', 'the Netherlands' and 'Switzerland'; if it is one of them, add "
        "'Netherlands (Kingdom of the)' as its depositary_name",
        "the depositary lists 'Erewhon', which is no state's depositary_name, name or alias in "
        "data/states.yaml; if it is a state new to the site, add it there with depositary_name: "
        "'Erewhon'",
    ]


@pytest.mark.parametrize("name, reason", [
    ("html-error.html", "is a web page (HTML), not the depositary's XML record; the site may be "
                        "down or under maintenance"),
    ("empty-table.xml", "lists no participants, which the depositary's record always does; the "
                        "document is probably incomplete"),
    ("other-structure.xml", "has no participants table (Treaty/Participants/Table/TGroup); it is "
                            "not the depositary's record, or its format has changed"),
    ("entity-bomb.xml", "declares a document type, which the depositary's record does not; it "
                        "was refused, since a document type can hide an entity bomb or read files "
                        "through external entities"),
    ("external-entity.xml", "declares a document type, which the depositary's record does not; "
                            "it was refused, since a document type can hide an entity bomb or "
                            "read files through external entities"),
])
def test_an_unreadable_document_stops_the_import(data: Path, name: str, reason: str) -> None:
    assert refused(data, name) == [f"{FIXTURES / name} {reason}"]


def test_a_record_dated_after_the_day_of_reading_is_refused(data: Path) -> None:
    assert refused(data, "instruments.xml", dt.date(2026, 3, 8)) == [
        "the depositary lists an accession (a) on 2026-03-10 for Burundi, after the day of "
        "reading (2026-03-08); check the record and this machine's date",
        "the depositary lists an approval (AA) on 2026-03-09 for European Union, after the day "
        "of reading (2026-03-08); check the record and this machine's date",
    ]


def test_data_with_errors_is_not_imported_into(data: Path) -> None:
    path = data / "treaty-status.yaml"
    path.write_text(text(data).replace("participant: ghana", "participant: gahna"),
                    encoding="utf-8")
    problems = refused(data, "new-signature.xml")
    assert problems[-1] == "the data has errors; fix them first (make validate lists every one)"
    assert ("participant: 'gahna' is not in data/states.yaml; add it there (id: gahna, name, "
            "kind: state and the depositary_name the depositary's record uses), or did you mean "
            "'ghana'?") in problems[0]


def test_without_the_depositarys_source_nothing_is_imported(data: Path) -> None:
    path = data / "sources.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: untc-status", "id: untc-other"),
                    encoding="utf-8")
    (data / "treaty-status.yaml").write_text(text(data).replace("ref: untc-status",
                                                                "ref: untc-other"),
                                             encoding="utf-8")
    assert refused(data, "new-signature.xml") == [
        "data/sources.yaml has no source 'untc-status', the depositary's record, which each new "
        "event cites; add it"]


def test_a_layout_the_yaml_library_would_reflow_is_refused_not_rewritten(data: Path) -> None:
    path = data / "treaty-status.yaml"
    before = text(data)
    line = before[:before.index("    action: signature\n")].count("\n") + 1
    path.write_text(before.replace("    action: signature\n", "    action:  signature\n", 1),
                    encoding="utf-8")
    assert refused(data, "new-signature.xml") == [
        f"{STATUS} comes back changed from the YAML editor even before any edit (at line "
        f"{line}, '    action:  signature'); add the events by hand this time"]


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "build_tools", "--data", str(data),
                           "import-status", *args], cwd=paths.REPO_ROOT, capture_output=True,
                          text=True, timeout=120, env=dict(os.environ))


def test_the_command_prints_the_summary_and_exits_0(data: Path) -> None:
    result = run_cli(data, str(FIXTURES / "new-signature.xml"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2] == "- Canada: signature on 2026-02-12"
    assert result.stderr == ""


def test_the_command_reports_each_problem_and_exits_1(data: Path) -> None:
    result = run_cli(data, str(FIXTURES / "unknown-participants.xml"))
    assert result.returncode == 1 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert [line[:46] for line in lines] == [
        "error: the depositary lists 'Netherlands (King",
        "error: the depositary lists 'Erewhon', which i",
        "Nothing was written."]


def test_the_make_target_passes_the_source_on() -> None:
    makefile = (paths.REPO_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "import-status: $(STAMP)" in makefile
    assert '-m build_tools import-status $(if $(SOURCE),"$(SOURCE)")' in makefile


SMALL = """\
# A small record.
as_of: "2025-11-19"  # the day it was checked
checked_in:
  - ref: untc-status
events:
  - participant: beta
    action: signature
    date: 2025-10-25
    sources:
      - ref: untc-status
  # Delta's date is from the press.
  - participant: delta
    action: signature
    date: "2025-10-25/2025-10-26"
    sources:
      - ref: press
# The end of the events.
note: >-
  A note.
"""


def small_edit(*additions: NewEvent) -> str:
    return edited_text(SMALL, "status.yaml", list(additions), dt.date(2026, 3, 20),
                       lambda participant: participant)


def test_new_events_go_above_the_comment_of_the_next_event_and_of_the_next_key() -> None:
    edited = small_edit(NewEvent("alpha", "accession", dt.date(2026, 3, 1)),
                        NewEvent("charlie", "signature", dt.date(2026, 2, 1)),
                        NewEvent("charlie", "ratification", dt.date(2026, 3, 2)),
                        NewEvent("echo", "signature", dt.date(2026, 3, 3)))
    participants = [line for line in edited.splitlines() if "participant:" in line or "#" in line]
    assert participants == [
        "# A small record.", 'as_of: "2026-03-20"  # the day it was checked',
        "  - participant: alpha", "  - participant: beta", "  - participant: charlie",
        "  - participant: charlie", "  # Delta's date is from the press.",
        "  - participant: delta", "  - participant: echo", "# The end of the events."]
    removed, added = changes(SMALL, edited)
    assert removed == ['as_of: "2025-11-19"  # the day it was checked']
    assert len(added) == 1 + 4 * 5


def test_an_event_dated_before_the_participants_first_goes_above_it() -> None:
    edited = small_edit(NewEvent("delta", "signature", dt.date(2025, 10, 1)))
    lines = edited.splitlines()
    assert lines[lines.index("  # Delta's date is from the press.") - 5:][:5] == block(
        "delta", "signature", "2025-10-01")
