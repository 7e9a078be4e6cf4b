"""Load stage: every file under data/ -> typed models, or diagnostics.

Input: the data directory. Output: `Loaded`, the models of every file that
parsed, with their documents, and a diagnostic for every problem in every
file. It reads each file once and never stops at the first problem. Rules
that span files are `validate.py`'s.

The layout of data/ is the identity of its files (the session id is its
folder name, the update slug its file name), so the layout is checked here
too: a file that fits no known place is reported, never skipped silently.
"""

from __future__ import annotations

import hashlib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from build_tools.cache import Store
from build_tools.english import closest, excerpt, field_path, received, suggest
from build_tools.errors import Diagnostic, Location, error
from build_tools.load.layout import KINDS, DataKind, layout_help, place
from build_tools.load.yamlio import YamlDocument, read_yaml
from build_tools.models.article import Article, Provision
from build_tools.models.session import Session
from build_tools.models.table import Table
from build_tools.models.update import Update
from build_tools.paths import display_path

M = TypeVar("M", bound=BaseModel)

MAX_SUGGESTIONS = 100  # unknown fields of one file given a "did you mean"
# The largest shipped file is under 30 kB; a file many times that is a mistake or an attack.
MAX_FILE_BYTES = 1024 * 1024
@dataclass(frozen=True)
class Parsed(typing.Generic[M]):
    model: M
    doc: YamlDocument


@dataclass
class Loaded:
    singles: dict[str, Parsed[Any]] = field(default_factory=dict)
    sessions: dict[str, Parsed[Session]] = field(default_factory=dict)
    # (session id, file stem) -> update; a session may be missing from `sessions`
    updates: dict[tuple[str, str], Parsed[Update]] = field(default_factory=dict)
    session_folders: set[str] = field(default_factory=set)  # those that hold a session.yaml
    tables: dict[str, Parsed[Table]] = field(default_factory=dict)
    articles: dict[str, Parsed[Article]] = field(default_factory=dict)  # file stem -> article
    provisions: dict[str, Parsed[Provision]] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    store: Store | None = None  # files parsed by earlier builds, by their bytes


def load(data_dir: Path, repo_root: Path, store: Store | None = None) -> Loaded:
    """Read and check every file under `data_dir`; with a `store`, a file whose bytes were
    read before is not parsed again."""
    loaded = Loaded(store=store)
    for kind in KINDS:
        if kind.required and not (data_dir / kind.path).exists():
            loaded.diagnostics.append(error(Location(display_path(data_dir / kind.path, repo_root)),
                                            f"the file {kind.path} is missing"))
    for path in sorted(data_dir.rglob("*")):
        if path.is_file():
            _load_file(path, data_dir, repo_root, loaded)
        elif path.is_dir() and path.suffix in (".yaml", ".yml"):
            loaded.diagnostics.append(error(Location(display_path(path, repo_root)), (
                "this is a folder, not a file; a data file is a text file ending in .yaml")))
    return loaded


def _load_file(path: Path, data_dir: Path, repo_root: Path, loaded: Loaded) -> None:
    shown = display_path(path, repo_root)
    placed = place(path.relative_to(data_dir).as_posix())
    if placed is None:
        loaded.diagnostics.append(error(Location(shown), _stray_file_message(path)))
        return
    if placed.problem:
        loaded.diagnostics.append(error(Location(shown), placed.problem))
        return
    kind = placed.kind
    if kind.collection == "sessions":
        loaded.session_folders.add(placed.key[0])
    parsed = parse_file(path, shown, kind.model, loaded.diagnostics, loaded.store)
    if parsed is not None:
        _collect(loaded, kind, placed.key, parsed)


def _collect(loaded: Loaded, kind: DataKind, key: tuple[str, ...], parsed: Parsed[Any]) -> None:
    if kind.single:
        loaded.singles[kind.path] = parsed
        return
    found: dict[Any, Parsed[Any]] = getattr(loaded, kind.collection)
    found[key if len(key) > 1 else key[0]] = parsed


def _stray_file_message(path: Path) -> str:
    if path.suffix == ".yml":
        return f"'{path.name}' ends in .yml; name it with .yaml and put it where it belongs"
    return f"this file is not part of the data; {layout_help()}"


def parse_file(path: Path, shown: str, model: type[M], out: list[Diagnostic],
               store: Store | None = None) -> Parsed[M] | None:
    """Read one file and check it against its model; problems go to `out`.

    What a file gives depends only on its bytes, its path and the code, so a `store`
    keeps it by those: the result, problems included, of a file read before is reused."""
    data = _read(path, shown, out)
    if data is None:
        return None
    if store is None:
        return _parse(data, shown, model, out)
    key = store.key("file", shown, model.__name__, hashlib.sha256(data).hexdigest())
    cached = store.get(key)
    if cached is None:
        problems: list[Diagnostic] = []
        cached = (_parse(data, shown, model, problems), problems)
        store.put(key, cached)
    out.extend(cached[1])
    return cast("Parsed[M] | None", cached[0])


def parse_bytes(data: bytes, shown: str, model: type[M],
                out: list[Diagnostic]) -> Parsed[M] | None:
    """The bytes of a file checked against its model, as if read from `shown`: for a file
    that is about to be written and must be valid first."""
    return _parse(data, shown, model, out)


def _parse(data: bytes, shown: str, model: type[M], out: list[Diagnostic]) -> Parsed[M] | None:
    doc, problems = read_yaml(data, shown)
    out.extend(problems)
    if doc is None:
        return None
    if problems:  # the file is refused; what else its readable part shows is said at once
        out.extend(_despite(doc, model))
        return None
    if doc.value is None:
        fields = ", ".join(n for n, f in model.model_fields.items() if f.is_required())
        out.append(error(Location(shown), f"the file is empty; expected the fields {fields}"))
        return None
    try:
        return Parsed(model.model_validate(doc.value), doc)
    except ValidationError as exc:
        out.extend(model_diagnostics(exc, doc, model))
        return None


def _despite(doc: YamlDocument, model: type[BaseModel]) -> list[Diagnostic]:
    """The model's problems in a document read despite a problem of its YAML (a syntax error,
    a duplicate key), less what the lines set aside may explain."""
    if not isinstance(doc.value, dict):
        return []
    try:
        model.model_validate(doc.value)
    except ValidationError as exc:
        return model_diagnostics(exc, doc, model)
    return []


def _read(path: Path, shown: str, out: list[Diagnostic]) -> bytes | None:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            out.append(error(Location(shown), (
                f"the file is {size:,} bytes, more than any data file needs (at most "
                f"{MAX_FILE_BYTES:,}); check that it is the right file, or split it")))
            return None
        return path.read_bytes()
    except OSError as exc:
        out.append(error(Location(shown), f"the file cannot be read ({exc.strerror or exc})"))
        return None


def model_diagnostics(exc: ValidationError, doc: YamlDocument,
                      model: type[BaseModel]) -> list[Diagnostic]:
    """Turn pydantic's errors into one diagnostic each, placed at the offending node.

    A misspelt field is reported once, as the unknown field with its correction,
    not a second time as the required field that is then missing.
    """
    errors = exc.errors()
    # A suggestion is a fuzzy match: worth it for an editor's few typos, not for each of
    # a hostile file's thousands of unknown fields (of which only the first are shown).
    unknown = [tuple(e["loc"]) for e in errors if e["type"] == "extra_forbidden"][:MAX_SUGGESTIONS]
    suggestions = {loc: close for loc in unknown
                   if (close := _suggestion(str(loc[-1]), _model_at(model, loc[:-1])))}
    misspelt = {(*loc[:-1], close) for loc, close in suggestions.items()}
    found = [(err, _diagnostic(err, doc, model, suggestions)) for err in errors
             if not (err["type"] == "missing" and tuple(err["loc"]) in misspelt)]
    return [d for err, d in found if not _set_aside(err, d, doc)]


def _set_aside(err: Any, found: Diagnostic, doc: YamlDocument) -> bool:
    """Whether the lines set aside past a syntax error may explain the problem."""
    if doc.set_aside is None:
        return False
    loc = tuple(err["loc"])
    if err["type"] == "missing":
        return doc.set_aside.hides(loc[:-1], found.location.line, missing=str(loc[-1]))
    return doc.set_aside.hides(loc, found.location.line)


def _suggestion(name: str, owner: type[BaseModel] | None) -> str | None:
    return closest(name, owner.model_fields) if owner is not None else None


def _diagnostic(err: Any, doc: YamlDocument, model: type[BaseModel],
                suggestions: dict[tuple[str | int, ...], str]) -> Diagnostic:
    loc: tuple[str | int, ...] = tuple(err["loc"])
    kind = err["type"]
    if kind == "missing":
        prefix = field_path(loc[:-1], doc.line_of)
        where = f"{prefix}: " if prefix else ""
        return error(doc.location(loc[:-1]), f"{where}missing required field '{loc[-1]}'")
    if kind == "extra_forbidden":
        return error(doc.key_location(loc),
                     _unknown_field(loc, doc, model, suggestions.get(loc)))
    return error(doc.location(loc), f"{field_path(loc, doc.line_of) or 'file'}: {_message(err)}")


def _unknown_field(loc: tuple[str | int, ...], doc: YamlDocument, model: type[BaseModel],
                   suggestion: str | None) -> str:
    name = str(loc[-1])
    owner = _model_at(model, loc[:-1])
    message = f"unknown field {excerpt(name)}"
    prefix = field_path(loc[:-1], doc.line_of)
    if prefix:
        message = f"{prefix}: {message}"
    if owner is None:
        return message
    if suggestion:
        return f"{message}; {suggest(suggestion)}"
    return f"{message}; the fields are: {', '.join(owner.model_fields)}"


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, str):
            if not (isinstance(current, type) and issubclass(current, BaseModel)):
                return None
            info = current.model_fields.get(part)
            if info is None:
                return None
            current = _unwrap(info.annotation)
        else:
            current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """tuple[X, ...], X | None, Annotated[X, ...] -> X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (tuple, list):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        elif origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _message(err: Any) -> str:
    kind, value = err["type"], err.get("input")
    if kind == "string_type":
        return received("expected text", value)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return received("expected a whole number", value)
    if kind == "greater_than_equal":
        return received(f"expected a number of at least {err['ctx']['ge']}", value)
    if kind == "literal_error":
        expected = err["ctx"]["expected"].replace("'", "")
        return received(f"expected one of {expected}", value, ";")
    if kind in ("tuple_type", "list_type"):
        return received("expected a list (one '- ' line per item)", value)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return received("expected a mapping of fields (name: value lines)", value)
    return str(err["msg"])
