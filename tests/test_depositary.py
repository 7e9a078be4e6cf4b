"""Reading the depositary's record: its XML structure into typed rows, or one clear refusal.

The documents are under tests/fixtures/depositary/, written in the structure the
UN Treaty Collection publishes; the hostile ones must be refused before any entity
is expanded or any file of this machine read.
"""

from __future__ import annotations

import datetime as dt
import io
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path
from typing import IO, Any, cast

import pytest

from build_tools.tools.depositary import (
    Deposit,
    Participant,
    RecordError,
    parse_record,
)
from build_tools.tools.fetch import FetchError, _HttpsOnlyRedirects, read_source

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "depositary"
HEADER = ("<Row><Entry>Participant</Entry><Entry>Signature</Entry>"
          "<Entry>Acceptance(A), Ratification, Approval(AA), Accession(a)</Entry></Row>")


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def document(*rows: str, header: str = HEADER) -> bytes:
    """A document in the depositary's structure with `rows` (each a <Row> element)."""
    return (f"<Document><Treaty><Participants><Table><TGroup><Thead>{header}</Thead><Tbody>"
            f"<Rows>{''.join(rows)}</Rows></Tbody></TGroup></Table></Participants></Treaty>"
            "</Document>").encode()


def row(*cells: str) -> str:
    return "<Row>" + "".join(f"<Entry>{c}</Entry>" for c in cells) + "</Row>"


def refusal(data: bytes, source: str = "doc.xml") -> str:
    with pytest.raises(RecordError) as caught:
        parse_record(data, source)
    return str(caught.value)


def by_name(data: bytes) -> dict[str, Participant]:
    return {p.name: p for p in parse_record(data, "doc.xml").participants}


def test_signatures_are_read_with_their_dates_in_the_documents_order() -> None:
    record = parse_record(fixture("signatures.xml"), "signatures.xml")
    assert [p.name for p in record.participants] == [
        "Algeria", "Côte d\u2019Ivoire", "Czech Republic", "European Union", "Ghana", "Sweden",
        "Viet Nam"]
    assert all(p.signature == Deposit("signature", dt.date(2025, 10, 25)) and p.instrument is None
               for p in record.participants)


@pytest.mark.parametrize("name, action, day, mark", [
    ("Ghana", "ratification", dt.date(2026, 3, 2), ""),
    ("Algeria", "acceptance", dt.date(2026, 3, 5), "A"),
    ("European Union", "approval", dt.date(2026, 3, 9), "AA"),
    ("Burundi", "accession", dt.date(2026, 3, 10), "a"),
])
def test_each_kind_of_instrument_is_read_from_the_suffix_of_its_date(
        name: str, action: str, day: dt.date, mark: str) -> None:
    participant = by_name(fixture("instruments.xml"))[name]
    assert participant.instrument == Deposit(cast(Any, action), day)
    assert participant.instrument.mark == mark


def test_an_accession_needs_no_signature() -> None:
    burundi = by_name(fixture("instruments.xml"))["Burundi"]
    assert burundi.signature is None and burundi.deposits == (burundi.instrument,)


def test_footnote_marks_are_taken_out_of_names_as_elements_or_escaped_markup() -> None:
    participants = by_name(fixture("footnotes.xml"))
    assert participants["Viet Nam"].footnotes == ("1",)  # the name was split over two lines
    assert participants["Ghana"].footnotes == ("2",)
    assert participants["Ghana"].signature == Deposit("signature", dt.date(2025, 10, 25))
    assert participants["Algeria"].footnotes == ()


def test_only_short_footnote_marks_are_kept() -> None:
    name = "A<superscript>12</superscript><superscript>[link](https://example.org)</superscript>"
    assert by_name(document(row(name, "25 Oct 2025", "")))["A"].footnotes == ("12",)


def test_dates_are_read_in_english_whatever_the_locale_and_spelt_out_months_too() -> None:
    record = by_name(document(row("A", "1 September 2026", "3 Sept. 2026 a")))
    assert record["A"].signature == Deposit("signature", dt.date(2026, 9, 1))
    assert record["A"].instrument == Deposit("accession", dt.date(2026, 9, 3))


@pytest.mark.parametrize("name, message", [
    ("html-error.html", "html-error.html is a web page (HTML), not the depositary's XML record; "
                        "the site may be down or under maintenance"),
    ("empty-table.xml", "empty-table.xml lists no participants, which the depositary's record "
                        "always does; the document is probably incomplete"),
    ("other-structure.xml", "other-structure.xml has no participants table "
                            "(Treaty/Participants/Table/TGroup); it is not the depositary's "
                            "record, or its format has changed"),
    ("other-columns.xml", "other-columns.xml has a participants table with the columns "
                          "'Participant', 'Signature', 'Definitive signature(s)' and "
                          "'Acceptance(A), Ratification, Approval(AA), Accession(a)'; the import "
                          "reads 'Participant', 'Signature' and 'Acceptance(A), Ratification, "
                          "Approval(AA), Accession(a)', so the format has changed"),
    ("entity-bomb.xml", "entity-bomb.xml declares a document type, which the depositary's record "
                        "does not; it was refused, since a document type can hide an entity bomb "
                        "or read files through external entities"),
    ("external-entity.xml", "external-entity.xml declares a document type, which the depositary's "
                            "record does not; it was refused, since a document type can hide an "
                            "entity bomb or read files through external entities"),
])
def test_a_document_that_is_not_the_record_is_refused_with_the_reason(
        name: str, message: str) -> None:
    assert refusal(fixture(name), name) == message


def test_an_external_entity_is_never_resolved_into_a_message() -> None:
    assert "root:" not in refusal(fixture("external-entity.xml"))


@pytest.mark.parametrize("data, message", [
    (b"Service unavailable", "doc.xml is not readable XML (line 1, column 1); the depositary's "
                             "record may have been cut short or replaced"),
    (document(row("A", "25 Oct 2025", ""))[:-20], "doc.xml is not readable XML (line 1, column "
     "322); the depositary's record may have been cut short or replaced"),
    (b"<?xml version='1.0'?>\n<html><body>Maintenance</body></html>",
     "doc.xml is a web page (HTML), not the depositary's XML record; the site may be down or "
     "under maintenance"),
    (document(row("A", "2025-10-25", "")), "doc.xml gives the signature of 'A' as '2025-10-25', "
     "which is not a date written like '25 Oct 2025'"),
    (document(row("A", "31 Feb 2026", "")), "doc.xml gives the signature of 'A' as "
     "'31 Feb 2026', which is not a date written like '25 Oct 2025'"),
    (document(row("A", "25 Oct 2025 s", "")), "doc.xml gives the signature of 'A' as "
     "'25 Oct 2025 s', with a mark the import does not know"),
    (document(row("A", "25 Oct 2025", "2 Mar 2026 d")), "doc.xml gives the instrument of 'A' as "
     "'2 Mar 2026 d', a kind the import does not know (it knows A, AA, a, and none for "
     "ratification)"),
    (document(row("A", "25 Oct 2025", "", "x")), "doc.xml has a row of 4 cells in a table of 3 "
     "columns; the format has changed"),
    (document(row("", "25 Oct 2025", "")), "doc.xml has a row without a participant's name"),
    (document(row("A", "", "")), "doc.xml lists 'A' with neither a signature nor an instrument; "
     "the format has changed"),
    (document(row("A", "25 Oct 2025", ""), row("A<superscript>1</superscript>", "25 Oct 2025", "")),
     "doc.xml lists 'A' twice; the format has changed"),
    (document(row("A", "25 Oct 2025", ""), header=HEADER.replace("Participant", "State")),
     "doc.xml has a participants table with the columns 'State', 'Signature' and 'Acceptance(A), "
     "Ratification, Approval(AA), Accession(a)'; the import reads 'Participant', 'Signature' and "
     "'Acceptance(A), Ratification, Approval(AA), Accession(a)', so the format has changed"),
])
def test_a_table_that_changed_is_refused_with_the_reason(data: bytes, message: str) -> None:
    assert refusal(data) == message


def test_a_hostile_name_is_quoted_short_in_a_message() -> None:
    message = refusal(document(row("X" * 5000, "soon", "")))
    assert len(message) < 200 and "…" in message


def test_deeply_nested_markup_in_a_cell_is_read_without_recursion_trouble() -> None:
    nested = "<b>" * 5000 + "Deep" + "</b>" * 5000
    assert list(by_name(document(row(f"A{nested}", "25 Oct 2025", "")))) == ["A"]


# Fetching: only https addresses and local files, bounded in size and time.

class FakeResponse(io.BytesIO):
    pass


class FakeOpener:
    def __init__(self, answer: bytes | Exception) -> None:
        self.answer = answer
        self.requests: list[urllib.request.Request] = []

    def open(self, fullurl: urllib.request.Request, data: None = None,
             timeout: float | None = None) -> IO[bytes]:
        self.requests.append(fullurl)
        assert timeout == 60
        if isinstance(self.answer, Exception):
            raise self.answer
        return FakeResponse(self.answer)


def fetch_refusal(source: str, **options: Any) -> str:
    with pytest.raises(FetchError) as caught:
        read_source(source, **options)
    return str(caught.value)


URL = "https://example.org/record.xml"


def test_an_https_address_is_fetched_with_a_timeout_and_a_user_agent() -> None:
    opener = FakeOpener(b"<Document/>")
    assert read_source(URL, opener=opener) == b"<Document/>"
    assert opener.requests[0].full_url == URL
    assert "treaty status import" in opener.requests[0].get_header("User-agent", "")


@pytest.mark.parametrize("source", ["http://example.org/record.xml", "file:///etc/passwd",
                                    "ftp://example.org/record.xml"])
def test_only_https_addresses_and_local_files_are_read(source: str) -> None:
    assert fetch_refusal(source) == (f"'{source}' is neither an https address nor a local file; "
                                     "only those are read")


def test_a_redirect_to_anything_but_https_is_refused() -> None:
    request = urllib.request.Request(URL)
    handler = _HttpsOnlyRedirects()
    with pytest.raises(FetchError) as caught:
        handler.redirect_request(request, io.BytesIO(), 302, "Found", cast(Any, Message()),
                                 "http://example.org/record.xml")
    assert str(caught.value) == (f"{URL} redirects to 'http://example.org/record.xml', which is "
                                 "not an https address; only https addresses are fetched")
    moved = handler.redirect_request(request, io.BytesIO(), 302, "Found", cast(Any, Message()),
                                     "https://example.org/moved.xml")
    assert moved is not None and moved.full_url == "https://example.org/moved.xml"


def test_a_fetched_document_over_the_size_bound_is_refused() -> None:
    opener = FakeOpener(b"x" * 2_000_000)
    assert fetch_refusal(URL, opener=opener, limit=1024 * 1024) == (
        f"{URL} is larger than 1 MB, far more than the depositary's record of one treaty; "
        "it was not read")


def test_a_fetch_that_takes_longer_than_its_time_is_cut_off() -> None:
    ticks = iter(range(0, 1000, 30))
    opener = FakeOpener(b"x" * 300_000)
    assert fetch_refusal(URL, opener=opener, clock=lambda: float(next(ticks))) == (
        f"{URL} could not be fetched within 60 seconds")


@pytest.mark.parametrize("error, message", [
    (urllib.error.HTTPError(URL, 503, "Service Unavailable", cast(Any, Message()), None),
     f"{URL} could not be fetched: the server answered 503 Service Unavailable"),
    (urllib.error.URLError("Name or service not known"),
     f"{URL} could not be fetched: Name or service not known"),
    (TimeoutError("timed out"), f"{URL} could not be fetched within 60 seconds"),
])
def test_a_failed_fetch_says_why(error: Exception, message: str) -> None:
    assert fetch_refusal(URL, opener=FakeOpener(error)) == message


def test_a_local_file_is_read_within_the_same_bound(tmp_path: Path) -> None:
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    small.write_bytes(b"<Document/>")
    large.write_bytes(b"x" * 2048)
    assert read_source(str(small)) == b"<Document/>"
    assert fetch_refusal(str(large), limit=1024).startswith(f"{large} is larger than 1,024 bytes")
    assert fetch_refusal(str(tmp_path / "none.xml")) == f"there is no file '{tmp_path / 'none.xml'}'"
