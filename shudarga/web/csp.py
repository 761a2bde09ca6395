"""What the Content-Security-Policy (settings.CONTENT_SECURITY_POLICY) lets a page add.

The standalone HTML of the official table (documents.writers.html) carries its stylesheet in one
<style> element, so that a copy saved or pasted elsewhere still looks right; where this site
serves it (the print view), the policy allows that one element by the hash of its text instead
of allowing every inline style.
"""

from __future__ import annotations

import base64
import hashlib

from csp.decorators import csp_update

from shudarga.documents.writers.html import style_text


def hash_source(text: str) -> str:
    """The CSP source expression that allows an inline element with exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# The source that allows the official table's <style>, and the decorator of a view that serves
# the table as a page.
OFFICIAL_STYLE = hash_source(style_text())
allow_official_style = csp_update({"style-src": [OFFICIAL_STYLE]})
