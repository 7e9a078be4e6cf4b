"""Reading a document from outside: an https address or a local file, bounded in size and time.

The depositary's record is fetched on a schedule by CI and pasted in by editors, so
whatever answers, a server that never stops sending, one that sends a byte a minute,
or a redirect to a plain-http or local address, must end in a message within a
known time and memory, never in a hung job or a read of a file nobody named.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Callable
from http.client import HTTPMessage
from pathlib import Path
from typing import IO, Protocol
from urllib.parse import urlsplit

from build_tools.english import excerpt

# The depositary's document for a treaty with a few hundred participants is under
# 200 kB; 5 MB leaves room for every declaration ever filed, and no more.
MAX_BYTES = 5 * 1024 * 1024
# For the whole fetch, not each read: a server that drips a byte at a time is cut off.
FETCH_SECONDS = 60.0
CHUNK = 64 * 1024
USER_AGENT = "un-cybercrime-briefing (treaty status import)"


class FetchError(Exception):
    """The document could not be read; the message says why, in one sentence."""


class Opener(Protocol):
    """What fetches an address: urllib's opener, or a stand-in in tests."""

    def open(self, fullurl: urllib.request.Request, data: None = None,
             timeout: float | None = None) -> IO[bytes]: ...


class _HttpsOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another https address: never to plain http (readable
    and changeable on the way) or to a scheme that reads local files."""

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str,
                         headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() != "https":
            raise FetchError(f"{req.full_url} redirects to {excerpt(newurl)}, which is not an "
                             "https address; only https addresses are fetched")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def default_opener() -> Opener:
    return urllib.request.build_opener(_HttpsOnlyRedirects())


def read_source(source: str, *, limit: int = MAX_BYTES, seconds: float = FETCH_SECONDS,
                opener: Opener | None = None,
                clock: Callable[[], float] = time.monotonic) -> bytes:
    """The bytes of `source`: an https address, or the path of a local file."""
    scheme = urlsplit(source).scheme.lower()
    if scheme == "https":
        return _fetch(source, limit, seconds, opener or default_opener(), clock)
    if len(scheme) > 1:  # one letter is a Windows drive, a local path
        raise FetchError(f"'{source}' is neither an https address nor a local file; "
                         "only those are read")
    return _read_file(Path(source), limit)


def _read_file(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise FetchError(f"there is no file '{path}'") from None
    except OSError as exc:
        raise FetchError(f"'{path}' cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise FetchError(_too_large(str(path), limit))
    return data


def _fetch(url: str, limit: int, seconds: float, opener: Opener,
           clock: Callable[[], float]) -> bytes:
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT, "Accept": "application/xml, text/xml;q=0.9"})
    deadline = clock() + seconds
    try:
        with opener.open(request, timeout=seconds) as response:
            return _read_bounded(response, url, limit, deadline, seconds, clock)
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url} could not be fetched: the server answered {exc.code} "
                         f"{exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{url} could not be fetched: {exc.reason}") from None
    except TimeoutError:
        raise FetchError(_too_slow(url, seconds)) from None
    except OSError as exc:
        raise FetchError(f"{url} could not be fetched: {exc.strerror or exc}") from None


def _read_bounded(response: IO[bytes], url: str, limit: int, deadline: float, seconds: float,
                  clock: Callable[[], float]) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise FetchError(_too_large(url, limit))
        if clock() > deadline:
            raise FetchError(_too_slow(url, seconds))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(source: str, limit: int) -> str:
    megabytes, rest = divmod(limit, 1024 * 1024)
    bound = f"{limit:,} bytes" if rest else f"{megabytes} MB"
    return (f"{source} is larger than {bound}, far more than the depositary's record of one "
            "treaty; it was not read")


def _too_slow(source: str, seconds: float) -> str:
    return f"{source} could not be fetched within {seconds:g} seconds"
