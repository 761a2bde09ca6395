"""What in a page's HTML a Content-Security-Policy without 'unsafe-inline' would block.

``inline_code(html, policy)`` parses the page (the standard library's HTML parser) and names
every inline script without the response's nonce, every event handler attribute (onclick=…)
and javascript: URL, every style attribute, every <style> whose text the policy does not allow
by hash, and every script or stylesheet loaded from another site.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser

# <script type=…> that browsers do not run: data blocks (Swagger UI's settings are JSON).
DATA_TYPES = {"application/json", "application/ld+json", "text/template"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction"}


def parse_policy(header: str) -> dict[str, list[str]]:
    """``"default-src 'self'; img-src 'self' data:"`` → {"default-src": ["'self'"], …}."""
    policy = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


def sha256_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _Finder(HTMLParser):
    def __init__(self, policy: dict[str, list[str]]) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts = policy.get("script-src", policy.get("default-src", []))
        self.styles = policy.get("style-src", policy.get("default-src", []))
        self.found: list[str] = []
        self._open: tuple[str, dict[str, str]] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        for name, value in attributes.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>: an event handler attribute")
            if name == "style":
                self.found.append(f'<{tag} style="{value}">: a style attribute')
            if name in URL_ATTRIBUTES and value.strip().lower().startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value!r}>: a javascript: URL")
        if tag == "script":
            self._script(attributes)
        if tag == "link" and "stylesheet" in attributes.get("rel", "").split():
            self._local(tag, attributes.get("href", ""))
        if tag in ("script", "style"):
            self._open, self._text = (tag, attributes), []

    def _script(self, attributes: dict[str, str]) -> None:
        if "src" in attributes:
            self._local("script", attributes["src"])

    def _local(self, tag: str, url: str) -> None:
        # In a template's source, {% static … %} is this site too.
        if url.startswith("{% static "):
            return
        if not url.startswith("/") or url.startswith("//"):
            self.found.append(f"<{tag}> loads {url!r} from another site")

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self._open or tag != self._open[0]:
            return
        (tag, attributes), text = self._open, "".join(self._text)
        self._open = None
        if tag == "style" and sha256_source(text) not in self.styles:
            self.found.append(f"<style>{text[:40]!r}…: an inline style element")
        if tag == "script" and "src" not in attributes:
            kind = attributes.get("type", "").strip().lower()
            nonce = attributes.get("nonce")
            allowed = kind in DATA_TYPES or (nonce and f"'nonce-{nonce}'" in self.scripts)
            if not allowed:
                self.found.append(f"<script>{text[:40]!r}…: an inline script without the nonce")


def inline_code(html: str, policy: dict[str, list[str]]) -> list[str]:
    """What the policy would block in the page, one line each; empty when nothing."""
    finder = _Finder(policy)
    finder.feed(html)
    finder.close()
    return finder.found
