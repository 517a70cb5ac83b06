"""Fetching http(s) URLs (feeds or article pages) with urllib."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass

from hadath.ingest.options import IngestOptions
from hadath.model import Rejection

__all__ = ["Fetched", "fetch_url", "is_url"]


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str
    charset: str | None


def is_url(path: str) -> bool:
    """
    >>> is_url("https://example.com/feed.xml"), is_url("data/a.txt")
    (True, False)
    """
    return path.lower().startswith(("http://", "https://"))


def fetch_url(url: str, options: IngestOptions) -> Fetched | Rejection:
    """The body of ``url`` (at most ``max_bytes``), or a ``fetch_failed``/``too_large`` rejection."""
    request = urllib.request.Request(url, headers={"User-Agent": options.user_agent})
    try:
        with urllib.request.urlopen(request, timeout=options.timeout_s) as response:
            data = response.read(options.max_bytes + 1)
            final_url = response.geturl()
            content_type = response.headers.get("Content-Type", "")
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as err:
        return Rejection(url, "fetch_failed", f"HTTP {err.code} {err.reason}; check the URL")
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        return Rejection(url, "fetch_failed", f"could not fetch ({reason}); check the URL and the "
                         f"network, or raise IngestOptions.timeout_s ({options.timeout_s}s)")
    if len(data) > options.max_bytes:
        return Rejection(url, "too_large", f"the response is bigger than max_bytes ({options.max_bytes})")
    return Fetched(final_url, data, content_type, charset)
