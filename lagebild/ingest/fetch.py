"""Fetching a page over HTTP(S), for URL inputs and for feed items that only carry a teaser."""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    HTTPError,
    LocationParseError,
    MaxRetryError,
    NewConnectionError,
    ResponseError,
    SSLError,
)
from urllib3.exceptions import TimeoutError as FetchTimeout

from lagebild import settings
from lagebild.ingest.article import Unreadable
from lagebild.ingest.decode import parse_content_type, too_large

MAX_REDIRECTS = 5
_CHUNK = 65_536
# One pool for the whole run: connections to the same outlet are reused across items.
_POOL = urllib3.PoolManager()
# No retries: a failed item is reported and the run goes on; retrying is the caller's choice.
_RETRIES = urllib3.Retry(total=None, connect=0, read=0, status=0, other=0, redirect=MAX_REDIRECTS)


@dataclass(frozen=True)
class Page:
    """A fetched response body, with what the server said about it."""

    url: str  # after redirects
    body: bytes
    content_type: str | None = None  # "text/html", without parameters
    charset: str | None = None


def is_url(path: str) -> bool:
    """Whether an input path names a page to fetch rather than a file."""
    return path.lower().startswith(("http://", "https://"))


def fetch(url: str) -> Page:
    """GET `url`, following up to MAX_REDIRECTS redirects, within FETCH_TIMEOUT and MAX_ITEM_BYTES.

    Raises Unreadable with the reason a reader should see ("HTTP 404", "timed out after
    15 s", "too large (…)").
    """
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise Unreadable(f"not an http(s) URL: {url!r}")
    timeout = settings.FETCH_TIMEOUT
    try:
        response = _POOL.request(
            "GET",
            url,
            headers={"User-Agent": settings.FETCH_USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=urllib3.Timeout(connect=timeout, read=timeout),
            retries=_RETRIES,
            preload_content=False,
        )
    except (HTTPError, LocationParseError) as error:
        raise Unreadable(_reason(error, timeout)) from None
    try:
        if response.status >= 400:
            raise Unreadable(f"HTTP {response.status}")
        content_type, charset = parse_content_type(response.headers.get("Content-Type"))
        body = _read_body(response, time.monotonic() + timeout, timeout)
        return Page(url=_final_url(url, response), body=body, content_type=content_type, charset=charset)
    except HTTPError as error:
        raise Unreadable(_reason(error, timeout)) from None
    finally:
        response.release_conn()


def _read_body(response: urllib3.BaseHTTPResponse, deadline: float, timeout: float) -> bytes:
    """The body, read in chunks so that the size limit and the deadline hold while it arrives."""
    limit = settings.MAX_ITEM_BYTES
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Unreadable(too_large(int(declared)))
    body = bytearray()
    for chunk in response.stream(_CHUNK):
        body += chunk
        if len(body) > limit:
            raise Unreadable(too_large(None))
        # Read timeouts apply per chunk; a server trickling bytes must not hold the run.
        if time.monotonic() > deadline:
            raise Unreadable(_timed_out(timeout))
    return bytes(body)


def _final_url(url: str, response: urllib3.BaseHTTPResponse) -> str:
    """Where the redirects led: urllib3 keeps each hop, with its Location as the server sent it."""
    history = response.retries.history if response.retries else ()
    return urljoin(history[-1].url, history[-1].redirect_location) if history else url


def _reason(error: Exception, timeout: float) -> str:
    if isinstance(error, MaxRetryError) and error.reason is not None:
        error = error.reason
    # Before FetchTimeout: urllib3 derives NewConnectionError from ConnectTimeoutError.
    if isinstance(error, NewConnectionError):
        cause = error.__cause__
        return f"cannot connect ({getattr(cause, 'strerror', None) or cause or error})"
    if isinstance(error, FetchTimeout):
        return _timed_out(timeout)
    if isinstance(error, ResponseError):
        return f"too many redirects (more than {MAX_REDIRECTS})"
    if isinstance(error, SSLError):
        return f"TLS error ({error})"
    if isinstance(error, LocationParseError):
        return "not a valid URL"
    return f"fetch failed ({error})"


def _timed_out(timeout: float) -> str:
    return f"timed out after {timeout:g} s"
