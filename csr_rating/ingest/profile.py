"""Where a draft describes its organisation: the company profile, read without its heading.

A designed report sets its profile under a heading ("About Us", "企业简介") that a text extraction may
lose with the page's graphics; the paragraph stays, and it opens with the organisation's own name and
what it is ("China Telecommunications Corporation Limited is an ultra-large communications operator",
"China Mobile Limited (the "Company") was incorporated in Hong Kong", "中国建材集团有限公司是……中央企业"),
or defines a short name for it ("China Mobile Limited (the “Company”"). That opening is the profile; so is a
heading of its own that names the organisation after "About" ("About China Mobile", "关于中国移动":
the start of its legal name).
"""

from __future__ import annotations

import re

from csr_rating.ingest.document import Document, Line

MIN_NAME = 4  # characters: a shorter organisation name ("ABC") is too common to open a profile
# what follows the name in a self-description: "is a", "was founded", "(the Group) is", "是", "成立于"
_PAREN = r"\s*[(（][^()（）]{1,160}[)）]"  # "(the Group)", "（股票代码：600000）"
# a Chinese short name defined after it, its bracket perhaps lost: "（以下简称“三友化工”、“公司”）"
_DEFINED_ZH = r"\s*[(（]\s*(?:以下简称|下称|简称)\s*[:：]?\s*[“\"][^”\"]{1,20}[”\"](?:\s*[、，,或和及]\s*[“\"][^”\"]{1,20}[”\"])*\s*[)）]?"
_WHAT_EN = r"(?:is|was)\s+(?:a|an|the|one|founded|established|incorporated|registered|formed|set\s+up|created|listed)\b"
_WHAT_ZH = r"(?:是|系|位于|成立于|始建于|创建于|创立于|组建于|前身)"
_SAYS_WHAT_IT_IS = rf"(?:{_PAREN}|{_DEFINED_ZH}){{0,2}}\s*(?:[,，]\s*)?(?:{_WHAT_EN}|{_WHAT_ZH})"
# ... or an English defined term, the opening of a formal self-description: "(the “Company”"
_DEFINES_ITSELF = r"\s*[(（]\s*(?:the\s+[“\"'‘]|hereinafter\b)"
_ABOUT = re.compile(r"^\s*(?:about|关于)\s*(?:the\s+)?(?P<what>\S.{0,60}?)\s*$", re.IGNORECASE)


def profile_line(doc: Document, organisation: str | None) -> Line | None:
    """The first line opening with the organisation's name and saying what it is (or defining a short
    name for it), or an "About <the organisation>" heading; None without one."""
    if not organisation or len(organisation.strip()) < MIN_NAME:
        return None
    name = r"\s*".join(map(re.escape, organisation.split()))  # a name wrapped or spaced by the extraction
    opening = re.compile(rf"^\s*(?:the\s+)?{name}(?:{_SAYS_WHAT_IT_IS}|{_DEFINES_ITSELF})", re.IGNORECASE)
    squeezed = _squeezed(organisation)
    lines = doc.lines
    for at, line in enumerate(lines):
        following = lines[at + 1].text if at + 1 < len(lines) else ""
        if line.text.strip() and opening.match(f"{line.text} {following}"):  # it may wrap onto the next line
            return line
        about = _ABOUT.match(line.text)
        if about and _names_it(_squeezed(about.group("what")), squeezed):
            return line
    return None


def _squeezed(text: str) -> str:
    """Letters and digits only, case folded: "China Mobile" and "CHINA  MOBILE" compare equal."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _names_it(heading: str, organisation: str) -> bool:
    """The heading is the start of the organisation's legal name ("China Mobile" of "China Mobile
    Limited"), long enough not to be a common word."""
    return len(heading) >= MIN_NAME and organisation.startswith(heading)
