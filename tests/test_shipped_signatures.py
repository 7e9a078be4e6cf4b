"""The shipped record of signatures agrees, row by row, with the research note it was built from.

The rows below are copied from that note's table (participant as the depositary names it or,
where the depositary's page could not be read, in its usual form; date; grade). H: seen on the
depositary's page; M: seen in an official national treaty database or two independent reliable
sources; L: one secondary source only, shown only as "reported by a single source, not confirmed"
and never counted (issue 27). A signature
in Hanoi whose day no source gives is the span 2025-10-25/2025-10-26. No instrument of
ratification, acceptance, approval or accession was seen in an official source.
"""

from __future__ import annotations

import datetime as dt

from build_tools.derive.treaty_record import treaty_status
from build_tools.pipeline import Generated

RESEARCH_AS_OF = dt.date(2025, 11, 19)  # the last signature the official sources show
ROWS = [
    ('Algeria', "2025-10-25", "H"),
    ('Angola', "2025-10-25", "H"),
    ('Australia', "2025-10-25", "H"),
    ('Austria', "2025-10-25", "H"),
    ('Azerbaijan', "2025-10-25", "H"),
    ('Belarus', "2025-10-25", "H"),
    ('Belgium', "2025-10-25", "H"),
    ('Brazil', "2025-10-25", "H"),
    ('Brunei Darussalam', "2025-10-25", "H"),
    ('Burkina Faso', "2025-10-25", "H"),
    ('Cambodia', "2025-10-25", "H"),
    ('Chile', "2025-10-25", "H"),
    ('China', "2025-10-25", "H"),
    ('Costa Rica', "2025-10-25", "H"),
    ("Côte d'Ivoire", "2025-10-25", "H"),
    ('Cuba', "2025-10-25", "H"),
    ('Czech Republic', "2025-10-25", "H"),
    ("Democratic People's Republic of Korea", "2025-10-25", "H"),
    ('Democratic Republic of the Congo', "2025-10-25", "H"),
    ('Djibouti', "2025-10-25", "H"),
    ('Dominican Republic', "2025-10-25", "H"),
    ('Ecuador', "2025-10-25", "H"),
    ('Egypt', "2025-10-25", "H"),
    ('European Union', "2025-10-25", "H"),
    ('France', "2025-10-25", "H"),
    ('Ghana', "2025-10-25", "H"),
    ('Greece', "2025-10-25", "H"),
    ('Guinea-Bissau', "2025-10-25", "H"),
    ('Iran (Islamic Republic of)', "2025-10-25", "H"),
    ('Ireland', "2025-10-25", "H"),
    ('Jamaica', "2025-10-25", "H"),
    ('Kazakhstan', "2025-10-25", "M"),
    ("Lao People's Democratic Republic", "2025-10-25", "M"),
    ('Libya', "2025-10-25", "M"),
    ('Luxembourg', "2025-10-25", "M"),
    ('Malaysia', "2025-10-25", "M"),
    ('Maldives', "2025-10-25", "M"),
    ('Mali', "2025-10-26", "M"),
    ('Mauritius', "2025-11-19", "M"),
    ('Morocco', "2025-10-25", "M"),
    ('Mozambique', "2025-10-25", "M"),
    ('Namibia', "2025-10-25", "M"),
    ('Nauru', "2025-10-25", "M"),
    ('Nicaragua', "2025-10-25", "M"),
    ('Nigeria', "2025-10-25", "M"),
    ('Palau', "2025-10-25", "M"),
    ('Papua New Guinea', "2025-10-25", "M"),
    ('Peru', "2025-10-25", "M"),
    ('Philippines', "2025-10-25", "M"),
    ('Poland', "2025-10-25", "M"),
    ('Portugal', "2025-10-25", "M"),
    ('Qatar', "2025-10-25", "M"),
    ('Russian Federation', "2025-10-25", "M"),
    ('Rwanda', "2025-10-26", "M"),
    ('Saudi Arabia', "2025-10-26", "M"),
    ('Slovakia', "2025-10-25", "M"),
    ('Slovenia', "2025-10-25", "M"),
    ('South Africa', "2025-10-25/2025-10-26", "M"),
    ('Spain', "2025-10-25", "M"),
    ('Sri Lanka', "2025-10-25", "M"),
    ('State of Palestine', "2025-10-25", "M"),
    ('Sweden', "2025-10-25/2025-10-26", "M"),
    ('Thailand', "2025-10-25", "M"),
    ('Togo', "2025-10-25", "M"),
    ('Türkiye', "2025-10-25", "M"),
    ('Uganda', "2025-10-25/2025-10-26", "L"),
    ('United Kingdom of Great Britain and Northern Ireland', "2025-10-25/2025-10-26", "M"),
    ('United Republic of Tanzania', "2025-10-25", "M"),
    ('Uruguay', "2025-10-25", "M"),
    ('Uzbekistan', "2025-10-25", "M"),
    ('Venezuela (Bolivarian Republic of)', "2025-10-25", "M"),
    ('Viet Nam', "2025-10-25", "M"),
    ('Zimbabwe', "2025-10-25", "M"),
]


def test_every_published_row_is_in_the_record_with_its_date(shipped: Generated) -> None:
    status = treaty_status(shipped.dataset)
    assert status is not None
    recorded = {(p.name, str(p.signature.date)) for p in status.participants if p.signature}
    assert recorded == {(name, date) for name, date, grade in ROWS if grade != "L"}
    assert status.signatories == len(ROWS) - 1 == 72


def test_the_low_grade_row_is_reported_apart_and_never_counted(shipped: Generated) -> None:
    status = treaty_status(shipped.dataset)
    assert status is not None
    assert [e.participant for e in status.unconfirmed] == ["uganda"]
    assert {name for name, _date, grade in ROWS if grade == "L"} == {"Uganda"}
    assert status.of("uganda") is None
    assert all(not e.single_source for e in status.events)
    page = shipped.files["treaty-status/index.md"].decode()
    assert "**72 signatories**" in page
    reported = page.split("## Reported, not confirmed", 1)[1].split("\n## ", 1)[0]
    assert "[Uganda]" in reported and "not confirmed" in reported
    assert "[Uganda]" not in page.split("## Reported, not confirmed", 1)[0]
    state = shipped.files["states/uganda.md"].decode()
    assert "No signature or instrument of Uganda is confirmed" in state
    assert "**Reported, not confirmed:** a signature" in state


def test_sweden_rests_on_two_sources(shipped: Generated) -> None:
    """One news report and one list of signatories; graded M (weak) by the research note."""
    status = treaty_status(shipped.dataset)
    assert status is not None
    sweden = status.of("sweden")
    assert sweden is not None and sweden.signature is not None
    assert {r.ref for r in sweden.signature.sources} == {"newshour-hanoi-72",
                                                         "report-az-signatories"}


def test_nothing_is_shown_as_ratified(shipped: Generated) -> None:
    status = treaty_status(shipped.dataset)
    assert status is not None
    assert status.instruments == 0 and status.entry_into_force is None
    assert status.as_of == RESEARCH_AS_OF
    page = shipped.files["treaty-status/index.md"].decode()
    assert "No such instrument appears in the record as of 19 November 2025" in page


def test_the_organization_is_marked_and_every_signatory_has_a_state_entry(
        shipped: Generated) -> None:
    states = {s.id: s for s in shipped.dataset.convention.states}
    status = treaty_status(shipped.dataset)
    assert status is not None
    assert [p.state.id for p in status.participants if not p.counts] == ["european-union"]
    assert all(states[p.state.id].depositary_name for p in status.participants)
