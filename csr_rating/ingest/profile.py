"""Where a draft describes its organisation: the company profile, read without its heading.

A designed report sets its profile under a heading ("About Us", "企业简介") that a text extraction may
lose with the page's graphics; the paragraph stays, and it opens with the organisation's own name and
what it is ("China Telecommunications Corporation Limited is an ultra-large communications operator",
"中国建材集团有限公司是……中央企业"). That opening is the profile.
"""

from __future__ import annotations

import re

from csr_rating.ingest.document import Document, Line

MIN_NAME = 4  # characters: a shorter organisation name ("ABC") is too common to open a profile
# what follows the name in a self-description: "is a", "was founded", "(the Group) is", "是", "成立于"
_SAYS_WHAT_IT_IS = r"(?:\s*[(（][^()（）]{1,40}[)）])?\s*(?:,\s*)?(?:(?:is|was)\s+(?:a|an|the|one|founded|established)\b|(?:是|成立于|始建于|创建于|组建于|前身))"


def profile_line(doc: Document, organisation: str | None) -> Line | None:
    """The first line opening with the organisation's name and saying what it is; None without one."""
    if not organisation or len(organisation.strip()) < MIN_NAME:
        return None
    name = r"\s*".join(map(re.escape, organisation.split()))  # a name wrapped or spaced by the extraction
    opening = re.compile(rf"^\s*(?:the\s+)?{name}{_SAYS_WHAT_IT_IS}", re.IGNORECASE)
    return next((line for line in doc.lines if opening.match(line.text)), None)
