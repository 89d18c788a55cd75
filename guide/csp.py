"""The post-build step's Content-Security-Policy: the same strict one on every page.

GitHub Pages sends no custom headers, so the policy is a <meta> tag. Inline
scripts (the theme's own) are allowed by their SHA-256 hashes, collected from
every page: instant navigation runs a new page's inline scripts under the
policy of the page the reader first opened. In a site built to be served while it is
edited, inline scripts are allowed outright: the live-reload script is injected as each
page is served and differs every time, so no hash can allow it. The tests check the
built site.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from guide.site import Site

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.S)
DATA_TYPES = re.compile(r"""type=["'](application/(ld\+)?json|text/template)["']""")
MARKER = '<meta http-equiv="Content-Security-Policy"'


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run."""
    return [body for attrs, body in INLINE_SCRIPT.findall(html) if not DATA_TYPES.search(attrs)]


def sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def policy(hashes: Iterable[str], serving: bool = False) -> str:
    # A browser ignores 'unsafe-inline' beside a hash, so serving lists no hashes.
    inline = "'unsafe-inline'" if serving else " ".join(sorted(set(hashes)))
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'wasm-unsafe-eval' {inline}",
            "worker-src 'self'",
            "manifest-src 'self'",
            "connect-src 'self'",
            "img-src 'self' data:",
            "style-src 'self' 'unsafe-inline'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(html: str, content: str) -> str:
    """Put the policy first in <head>, before any script it must govern."""
    tag = f'{MARKER} content="{content}">'
    return re.sub(r"<head>", f"<head>\n    {tag}", html, count=1)


def publish(site: Site, built: Iterable[Path]) -> None:
    """Give each of the ``built`` pages the policy, with every inline script's hash."""
    if site.offline:
        return  # opened from disk, the theme's search needs an inline-script worker shim
    texts = {page: page.read_text(encoding="utf-8") for page in built}
    hashes = (sha256(s) for text in texts.values() for s in inline_scripts(text))
    content = policy(hashes, serving=site.serving)
    for page, text in texts.items():
        if MARKER not in text:
            page.write_text(with_policy(text, content), encoding="utf-8")
