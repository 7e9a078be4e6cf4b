"""The summary of an import, in Markdown an editor can paste into a pull request as it is.

It says what was added (who, what, on which day, with the depositary's mark of
the kind of instrument and its footnotes), and what is left to an editor: days
the depositary gives inside a span the file records, and rows the depositary
does not list.
"""

from __future__ import annotations

import datetime as dt

from build_tools.tools.status_diff import Addition, Difference, dated


def summary(difference: Difference, source: str, today: dt.date, path: str,
            as_of: tuple[dt.date, dt.date]) -> str:
    """`as_of` is the file's as_of before and after the import."""
    read = f"the depositary's record, read on {today.isoformat()} from {source},"
    if not difference.additions:
        lines = [f"Nothing new: {read} lists nothing that {path} does not have; the file was "
                 "not changed."]
    else:
        count = len(difference.additions)
        entries = "1 new entry" if count == 1 else f"{count} new entries"
        its = "its" if count == 1 else "their"
        lines = [f"{read[0].upper()}{read[1:]} lists {entries}, added to {path} with the "
                 f"depositary as {its} source:", ""]
        lines += [f"- {_addition(a)}" for a in difference.additions]
        before, after = (d.isoformat() for d in as_of)
        lines += ["", f"as_of moved from {before} to {after}." if before != after
                  else f"as_of stays {before}, which is not before the day of reading."]
    lines += _refinements(difference)
    lines += _unlisted(difference, path)
    return "\n".join(lines)


def _addition(addition: Addition) -> str:
    state, deposit = addition.state, addition.deposit
    name = state.name
    if addition.participant.name != state.name:
        name += f" (\"{addition.participant.name}\" in the record)"
    text = f"{name}: {dated(deposit.action, deposit.date.isoformat())}"
    if addition.participant.footnotes:
        marks = ", ".join(addition.participant.footnotes)
        text += f"; see the record's footnote {marks} on its name"
    if state.regional_organization and deposit.action != "signature":
        text += ("; the instrument of a regional economic integration organization does not "
                 "count towards the 40 needed for entry into force (article 65(1))")
    return text


def _refinements(difference: Difference) -> list[str]:
    if not difference.refinements:
        return []
    lines = ["", "The depositary gives one day inside a span the file records; narrow the date "
             "by hand if the day is right (not changed):", ""]
    lines += [f"- {r.state.name}: {dated(r.deposit.action, r.deposit.date.isoformat())} "
              f"(the file: {r.event.date})"
              for r in difference.refinements]
    return lines


def _unlisted(difference: Difference, path: str) -> list[str]:
    if not difference.unlisted:
        return []
    lines = ["", f"Rows of {path} the depositary does not list; check each against its sources "
             "(not changed):", ""]
    lines += [f"- {u.name}: {dated(u.event.action, str(u.event.date))}"
              for u in difference.unlisted]
    return lines
