"""The report's contact details (``meta.contact``): department, address, e-mail, phone, fax, website.

Contact details of the report itself sit on its "about" page or its back pages (a feedback form, the
back cover); the same kinds of details elsewhere (a subsidiary's hotline, a partner's site) score
lower and, when nothing better is found, carry a review note.
"""

from __future__ import annotations

import re

from csr_rating.ingest.noted import Noted
from csr_rating.ingest.prose import (
    REGION_BACK_LINES,
    Flow,
    clean,
    noted,
)
from csr_rating.ingest.vocabulary import (
    ADDRESS_RE,
    CONTACT_DEPARTMENT_ZH_RE,
    DEPARTMENT_EN_RE,
    EMAIL_LABEL_RE,
    EMAIL_RE,
    LABELLED_NUMBER_RE,
    MAILING_RE,
    PHONE_NEEDLES,
    URL_RE,
    WEBSITE_LABEL_RE,
    WEBSITE_WORD_RE,
    ZIP_RE,
)


def contact_details(flow: Flow) -> dict[str, Noted]:
    """The contact details found, keyed department, address, email, phone, fax, website (in that order)."""
    back = flow.starts[max(0, len(flow.starts) - REGION_BACK_LINES)] if flow.starts else 0
    contact: dict[str, Noted] = {}
    email = _email(flow, back)
    if email:
        contact["email"] = email
    for key, needles in (("phone", PHONE_NEEDLES), ("fax", ("fax", "传真"))):
        value = _labelled(flow, LABELLED_NUMBER_RE[key], needles, back)
        if value:
            contact[key] = value
    website = _website(flow, back)
    if website:
        contact["website"] = website
    address = _address(flow, back)
    if address:
        contact["address"], department = address
        if department:
            contact["department"] = department
    return {
        key: contact[key] for key in ("department", "address", "email", "phone", "fax", "website") if key in contact
    }


def _place_score(flow: Flow, pos: int, back: int) -> int:
    """Contact details on the "about" page or the back pages are the report's own."""
    return 2 if flow.in_about(pos) else 1 if pos >= back else 0


def _email(flow: Flow, back: int) -> Noted | None:
    best: tuple[int, int, str] | None = None
    for pos in flow.hits(("@",), everywhere=True):
        match = EMAIL_RE.search(flow.text, max(0, pos - 64), pos + 128)
        if not match or not match.start() <= pos < match.end():
            continue
        before = flow.text[max(0, match.start() - 24) : match.start()]
        labelled = bool(EMAIL_LABEL_RE.search(before)) or "mail" in before.lower()
        score = _place_score(flow, pos, back) + (2 if labelled else 0)
        if best is None or score > best[0]:
            best = (score, match.start(), match.group().rstrip("."))
    if best is None:
        return None
    score, pos, value = best
    review = None if score >= 2 else "an e-mail address found in the text; check it is the report contact"
    return noted(value, flow, pos, review, 0.9 if review is None else 0.5)


def _labelled(flow: Flow, pattern: re.Pattern[str], needles: tuple[str, ...], back: int) -> Noted | None:
    best: tuple[int, int, str] | None = None
    for start, end in flow.sentences(needles):
        for match in pattern.finditer(flow.text, start, end):
            value = clean(match.group("v"))
            if sum(char.isdigit() for char in value) < 7:
                continue
            score = _place_score(flow, match.start(), back)
            if best is None or score > best[0]:
                best = (score, match.start(), value)
    if best is None:
        return None
    review = None if best[0] else "a number found in the text; check it is the report contact"
    return noted(best[2], flow, best[1], review, 0.85 if review is None else 0.5)


def _website(flow: Flow, back: int) -> Noted | None:
    """The organisation's site: a URL after a "Website:" label, or in a sentence about the site on
    the "about" or back pages."""
    best: tuple[int, int, str] | None = None
    for pos in flow.hits(("http", "www.")):
        match = URL_RE.match(flow.text, pos)
        if not match or (pos >= 4 and flow.lower[pos - 4 : pos] == "http"):
            continue
        start, end = flow.sentence(pos)
        labelled = bool(WEBSITE_LABEL_RE.search(flow.text, max(start, pos - 24), pos))
        site_word = bool(WEBSITE_WORD_RE.search(flow.text, start, end))
        score = (3 if labelled else 1 if site_word else 0) + _place_score(flow, pos, back)
        if score >= 2 and (best is None or score > best[0]):
            best = (score, pos, match.group().rstrip("./"))
    return noted(best[2], flow, best[1], None, 0.8) if best else None


def _address(flow: Flow, back: int) -> tuple[Noted, Noted | None] | None:
    best: tuple[int, int, str] | None = None
    mailing: list[int] = []
    for start, end in flow.sentences(("address", "地址", "邮寄", "寄至", "mail to", "post to")):
        line_end = flow.text.find("\n", start)
        for match in ADDRESS_RE.finditer(flow.text, start, max(end, line_end if line_end != -1 else len(flow.text))):
            value = clean(match.group("v"))
            if len(value) < 6 or "@" in value:
                continue
            is_mailing = bool(MAILING_RE.match(match.group("label")))
            if is_mailing:
                mailing.append(match.start())
            score = _place_score(flow, match.start(), back) + (0 if is_mailing else 1)
            if best is None or score > best[0]:
                best = (score, match.start(), value)
    if best is None:
        return None
    score, pos, value = best
    zip_code = ZIP_RE.search(flow.text, pos, pos + len(value) + 160)
    if zip_code and zip_code.group("v") not in value:
        value = f"{value} {zip_code.group('v')}"
    review = None if score >= 2 else "an address found in the text; check it is the report contact"
    address = noted(clean(value, 2000), flow, pos, review, 0.8 if review is None else 0.5)
    return address, _department(flow, [pos, *(m for m in mailing if m != pos)])


def _department(flow: Flow, places: list[int]) -> Noted | None:
    """The contact department: named in the chosen address, else just after a mailing label."""
    for pos in places:
        second = flow.text.find("\n", flow.text.find("\n", pos) + 1)
        text = flow.text[pos : second if pos < second < pos + 400 else pos + 400]
        english = DEPARTMENT_EN_RE.search(text)
        if english:
            return noted(clean(english.group()), flow, pos, None, 0.7)
        chinese = CONTACT_DEPARTMENT_ZH_RE.search(text)
        if chinese:
            return noted(clean(chinese.group("d")), flow, pos, None, 0.7)
    return None
