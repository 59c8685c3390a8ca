"""Readability and originality features of a draft, found in its prose: the boxes, captions, forms
and quotations a rater counts when judging how readable and how original a report is.

Everything here is a count or a short label, never a copied passage:

- ``extract_readability``: the theme, chapters (from a table of contents / 目录, else Markdown or
  all-capitals headings), term-explanation boxes (Tips, Glossary, 名词解释, 小贴士), case boxes
  (Case, Case Study, 案例, a 【...】 headed box), data tables (a header row with two or more year
  columns, or a run of tab-separated rows), charts (figure captions, a bare row of years, which is
  a chart axis, an infographic panel's title), pictures (photo captions), a reader feedback form and the ways the report reaches
  different readers (languages, QR codes, web and brief versions).
- ``extract_originality``: special features (Special Feature, 专题, 特别策划), stakeholder
  testimonials (a quotation closed by "— Name, Role" / "——某某，职务") and new forms of
  presentation the report says it offers (H5, video, long image, 一图读懂).

Counts are approximate: pictures and charts are mostly images a text extraction cannot see, so every
count carries a ``review`` note. ``case_lines`` is shared with the topic extractor, which credits
each case to the topic it illustrates.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate
from typing import Any

import ahocorasick

from csr_rating.ingest.document import HAN, Document
from csr_rating.ingest.noted import Noted

# ---------------------------------------------------------------------------------------------
# Keyword tables (data). English patterns are matched case-insensitively on a line stripped of
# list and Markdown markup; Chinese ones on the line with the spaces between characters removed.
# ---------------------------------------------------------------------------------------------

TIP_LABELS_EN = (
    r"tips?",
    r"glossary",
    r"explanations?\s+of\s+terms",
    r"terms?\s+explained",
    r"term\s+explanations?",
    r"definitions?\s+of\s+terms",
    r"key\s+terms",
    r"did\s+you\s+know",
    r"knowledge\s+(?:link|corner|box)",
)
TIP_LABELS_ZH = ("名词解释", "小贴士", "知识链接", "术语解释", "小知识", "知识卡片", "名词释义", "科普小知识")
CASE_LABELS_EN = (r"case\s+stud(?:y|ies)", r"case", r"success\s+story", r"story")
CASE_LABELS_ZH = ("典型案例", "责任案例", "案例分享", "案例链接", "案例故事", "案例")
FEATURE_LABELS_EN = (
    r"special\s+(?:feature|report|topic|focus|column)",
    r"responsibility\s+(?:feature|special)",
    r"feature\s+(?:story|report)",
)
FEATURE_LABELS_ZH = ("责任专题", "专题策划", "专题报道", "特别策划", "特别报道", "专题")
FEEDBACK_ANYWHERE = (
    r"feedback\s+form",
    r"feedback\s+questionnaire",
    r"readers?[’']?\s+(?:feedback|survey|questionnaire)",
    r"反馈表",
    r"意见反馈卡",
    r"读者意见",
    r"读者调查",
)
FEEDBACK_HEADINGS = (r"feedback", r"意见反馈", r"读者反馈", r"反馈意见")  # only as a short heading
TOC_MARKERS = (r"contents", r"table\s+of\s+contents", r"目\s*录")
PICTURE_CAPTIONS = (
    r"\bthe\s+(?:picture|photo|photograph|image)s?\s+(?:shows?|above|below|depicts?)\b",
    r"\b(?:picture|photo|photograph)\s+(?:of|:)",
    r"\bgroup\s+photo\b",
    r"\bpictured\b",
    r"^(?:picture|photo|photograph|image)s?\s+(?:shows?|above|below)\b",
    r"\bthe\s+(?:picture|photo|photograph)s?$",
    r"^\s*(?:photo|picture|image)\s*[:：]",
    r"图为",
    r"^\s*(?:摄影|图片来源|照片)\s*[:：]",
)
CHART_CAPTIONS = (
    r"^\s*(?:figure|fig\.|chart|graph|diagram)\s*\d{1,3}\b",
    r"^\s*(?:figure|chart|graph)\s*[:：]",
    r"^\s*图(?:表)?\s*\d{1,3}(?:[-.]\d{1,2})?(?:\s|[:：]|$)",
)
# The title of an infographic panel, on a line of its own: the figures it draws are images a text
# extraction loses, the title stays ("Overview of Emergency Communications in 2020", "数说2016").
# No sentence ends on it and no page number follows it (a table-of-contents line).
_NO_PAGE_END = r"(?<!\s\d)(?<!\s\d\d)(?<!\s\d\d\d)(?<![.。])$"  # "… 12": a contents line
INFOGRAPHIC_TITLES = (
    rf"^(?:an\s+)?overview\s+of\s+[^.;:!?。；]{{3,80}}{_NO_PAGE_END}",
    r"^[^.;:!?。；]{3,60}\s+at\s+a\s+glance$",
    r"^[^.;:!?。；]{3,60}\s+in\s+(?:numbers|figures)$",
    rf"^key\s+(?:figures|numbers)(?:\s+(?:of|in|for)\s+[^.;:!?。；]{{1,60}})?{_NO_PAGE_END}",
    rf"^(?:数说|图说|一图(?:读懂|看懂|速览))[^。；！？，,]{{1,30}}{_NO_PAGE_END}",
    r"^[^。；！？，,]{2,30}(?:数据概览|数据一览|数据看板)$",
)
LANGUAGES_EN = ("chinese", "english", "french", "spanish", "german", "japanese", "arabic", "russian", "portuguese")
ACCESSIBILITY = {
    # value: (patterns, needs a "version" word on the line, review note or None)
    "multilingual": (
        (
            r"\b(?:{langs})\s*(?:,|and|&|/)\s*(?:{langs})\b(?:\s+(?:and|&)\s+(?:{langs}))?(?:\s+(?:versions?|editions?|languages?))",
            r"\b(?:available|published|released|issued|printed)\s+in\s+(?:both\s+)?(?:{langs})\s*(?:,|and|&)\s*(?:{langs})\b",
            r"\b(?:bilingual|multilingual)\b",
            r"中\s*[、，,/和及与]?\s*英\s*文?\s*(?:两种|双语|版|文版|对照)",
            r"中英文(?:版|对照|双语)?",
            r"双语版",
            r"多语种",
        ),
        False,
        None,
    ),
    "qr_codes": (
        (
            r"\bqr\s*codes?\b",
            r"二维码",
            r"扫码",
            r"\bscan\s+(?:here|the\s+code|this\s+code|to\s+(?:read|view|watch|check))",
        ),
        False,
        None,
    ),
    "online_html": (
        (
            r"\b(?:html|web\s*page)\s+version\b",
            r"\bweb\s+version\b",
            r"\bonline\s+version\b",
            r"\bread\s+(?:it\s+)?online\b",
            r"网页版",
            r"在线版",
            r"H5版",
        ),
        False,
        "check it is a web page, not only a downloadable file",
    ),
    "brief_version": (
        (r"\b(?:brief|summary|abridged|short|condensed)\s+version\b", r"简版", r"简要版", r"精简版", r"摘要版"),
        False,
        None,
    ),
    "audio": ((r"\baudio\b", r"有声"), True, None),
    "large_print": ((r"\blarge[-\s]print\b", r"大字"), True, None),
    "braille": ((r"\bbraille\b", r"盲文"), True, None),
    "sign_language": ((r"\bsign\s+language\b", r"手语"), True, None),
    "easy_read": ((r"\beasy[-\s]read\b", r"简明易读"), True, None),
    "screen_reader": ((r"\bscreen[-\s]reader\b", r"读屏"), True, None),
}
VERSION_WORDS = r"\b(?:version|edition|format)s?\b|版"
NEW_FORMS = {
    # label: patterns; counted only on a line that is about the report itself
    "H5 interactive version": (r"\bh5\b", r"\binteractive\s+(?:version|report|edition)\b", r"互动版"),
    "Video version": (r"\bvideos?\b", r"视频"),
    "VR / AR presentation": (r"\bvr\b", r"\bvirtual\s+reality\b", r"\baugmented\s+reality\b"),
    "Long image": (r"\blong\s+(?:image|picture|graphic)\b", r"长图"),
    "One-picture summary": (
        r"一图(?:读懂|看懂|速览)",
        r"\binfographic\s+(?:version|summary)\b",
        r"\bat\s+a\s+glance\s+infographic\b",
    ),
    "Animation": (r"\banimat(?:ion|ed)\b", r"动画"),
    "Audio version": (r"\baudio\s+version\b", r"\bpodcast\b", r"有声版", r"音频版"),
    "Mini program": (r"\bmini[-\s]program\b", r"小程序"),
    "Data visualisation": (r"\bdata\s+visuali[sz]ation\b", r"数据可视化"),
}
REPORT_SELF = r"\b(?:this|the|our)\s+(?:csr\s+|esg\s+|sustainability\s+)?report\b|\breport[’']s\b|本报告|报告(?!期)"
HONORIFICS = r"^(?:mr|mrs|ms|miss|dr|prof|professor)\.?\s+"
# Words of a role or an organisation: an attribution holding one is not a bare name.
ROLE_WORDS_EN = (
    "manager|director|head|chief|president|chairman|chairwoman|officer|secretary|representative|employee|member|"
    "student|teacher|principal|dean|deputy|assistant|engineer|staff|customer|citizen|villager|resident|expert|"
    "professor|leader|founder|partner|supplier|volunteer|department|division|center|centre|branch|company|"
    "corporation|university|school|bureau|committee|group"
)
ROLE_WORDS_ZH = "经理|主任|主席|书记|代表|员工|学生|教师|校长|院长|局长|处长|部长|总监|总裁|董事|专家|村民|居民|客户|公司|集团|委员会|部门|中心"
_ACRONYMS = "AI CSR ESG GRI HSE ICT IT IOT SDG SDGS UN EU CEO R&D 5G USA UK"
ACRONYMS = frozenset(_ACRONYMS.split(" "))  # stay in capitals when a heading is title-cased
_SMALL_WORDS = (
    "a an and as at by for in of on or the to with from into against via per vs over under upon toward towards through"
)
SMALL_WORDS = frozenset(_SMALL_WORDS.split(" "))  # lower case inside a title

# First-pass cue words ("|"-separated, lower case, literal): a precise pattern reads only the
# lines holding a cue of its group. Every precise pattern above must contain one of its cues.
_LANGUAGE_CUES = "|".join(
    f"{lang}{sep}" for lang in LANGUAGES_EN for sep in (" and", ",", " &", "/", " version", " edition")
)
CUES = {
    "access": _LANGUAGE_CUES + "|bilingual|multilingual|英|双语|多语种|qr|二维码|扫码|scan|html|网页版|web version|"
    "webpage version|web page version|online version|read online|read it online|在线版|h5版|brief version|"
    "summary version|abridged version|short version|condensed version|简版|简要版|精简版|摘要版|audio|有声|"
    "large print|large-print|大字|braille|盲文|sign language|手语|easy read|easy-read|简明易读|screen reader|"
    "screen-reader|读屏",
    "report": "report|报告",
    "new_form": "h5|interactive|互动版|video|视频|vr|virtual reality|augmented reality|long image|long picture|"
    "long graphic|长图|一图|infographic|animat|动画|audio version|podcast|有声版|音频版|mini program|mini-program|"
    "小程序|visuali|可视化",
    "picture": "picture|photo|image|图为|摄影|图片来源|照片",
    "chart": "figure|fig.|chart|graph|diagram|\n图",
    "infographic": "overview of|at a glance|in numbers|in figures|key figures|key numbers|数说|图说|一图|数据概览|"
    "数据一览|数据看板",
    "feedback": "feedback|questionnaire|survey|反馈|读者意见|读者调查",
    "feature": "special|responsibility|feature|专题|特别策划|特别报道",
    "theme": "theme|主题",
    "dash": "—|―|─|--",
    "toc": "contents|目录",
}

MAX_CHAPTERS = 30
MAX_TEXT = 120  # longest label we compose or keep (titles, roles, chapters)
TOC_WINDOW = 45  # lines after a contents marker that can still be the table of contents
MAX_TOC_MARKERS = 8  # "Contents" / "目录" lines tried at most (each reads a window of lines after it)
CAPTION_REVIEW = "approximate count from the text"

# ---------------------------------------------------------------------------------------------


class LiteralWords:
    """Literal words found in a text as a prefix-tree regex would find them (leftmost, then longest,
    never overlapping), with one Aho-Corasick pass: Python's regex engine has no multi-word search,
    and trying the tree at every character was most of reading a draft's cue words."""

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for word in words:
            if word:
                self._automaton.add_word(word, word)
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def finditer(self, text: str) -> Iterator[tuple[int, str]]:
        """(start, word) for each word found, in text order: of every occurrence, the leftmost, the
        longest there, then the next that starts after it (pyahocorasick's own ``iter_long`` misses
        some of them)."""
        if self._empty:
            return
        found = sorted((end - len(word) + 1, -len(word), word) for end, word in self._automaton.iter(text))
        position = 0
        for start, _, word in found:
            if start >= position:
                yield start, word
                position = start + len(word)


_HAN = HAN
_HAN_GAP = re.compile(rf"(?<=[{_HAN}])[ \t]+(?=[{_HAN}])")
_MARKUP = re.compile(r"^[\s#>*_•・·▪■◆●|]+")
_TAIL_MARKUP = re.compile(r"[\s*_|]+$")
_BOX = re.compile(r"【([^【】\n]{1,120})】")
_BOXES_ONLY = re.compile(r"^(?:\s*【[^【】\n]{1,120}】)+\s*$")
_TIP_EN = "|".join(TIP_LABELS_EN)
_TIP_ZH = "|".join(TIP_LABELS_ZH)
_TIP = re.compile(rf"^(?:(?:[\w’'-]+ ){{0,3}}(?:{_TIP_EN}) *(?:[:：]|$)|(?:{_TIP_EN}) +\S)|^【?(?:{_TIP_ZH})", re.IGNORECASE)
_TIP_IN_BOX = re.compile(rf"^(?:{_TIP_EN}|{_TIP_ZH})(?:\b|$)", re.IGNORECASE)
_NUMBERING = r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})"
_CASE = re.compile(
    rf"^(?:{'|'.join(CASE_LABELS_EN)})(?: *(?:\d{{1,3}}|[ivx]{{1,4}})\b)? *(?:[:：.|丨] *\S.*|$)"
    rf"|^(?:{'|'.join(CASE_LABELS_ZH)}) *{_NUMBERING}? *(?:[:：.、|丨] *\S.*|$)",
    re.IGNORECASE,
)
_CASE_START = re.compile(rf"^(?:【|{'|'.join(CASE_LABELS_EN)}|{'|'.join(CASE_LABELS_ZH)})", re.IGNORECASE)
_FEATURE_HEAD = re.compile(
    rf"^【?(?:(?:{'|'.join(FEATURE_LABELS_EN)})s?|(?:{'|'.join(FEATURE_LABELS_ZH)})) *{_NUMBERING}? *】? *"
    rf"(?:[:：|丨—–-] *(?P<title>\S.*)|$)",
    re.IGNORECASE,
)
_FEATURE_INLINE = re.compile(
    r"\b(?:special|responsibility)\s+(?:feature|report|topic|column)s?\s+(?:of|on|about|titled|entitled|named)?\s*"
    r"[“\"‘']([^”\"’'\n]{3,80})[”\"’']"
    r"|(?:责任)?专题[《“]([^》”\n]{2,40})[》”]|[《“]([^》”\n]{2,40})[》”](?:责任)?专题",
    re.IGNORECASE,
)
_FEATURE_ANY = re.compile(
    rf"^【?(?:{'|'.join(FEATURE_LABELS_EN)}|{'|'.join(FEATURE_LABELS_ZH)})|\b(?:special|responsibility)\s+(?:feature|report|topic|column)|专题[《“]|[》”](?:责任)?专题",
    re.IGNORECASE | re.MULTILINE,
)
_FEEDBACK = re.compile(
    rf"(?P<anywhere>{'|'.join(FEEDBACK_ANYWHERE)})|^(?P<heading>{'|'.join(FEEDBACK_HEADINGS)})", re.IGNORECASE | re.MULTILINE
)
_TOC_MARKER_LINE = re.compile(rf"^[^\n]{{0,24}}?(?:{'|'.join(TOC_MARKERS)})(?:\s[^\n]{{0,20}})?$", re.IGNORECASE | re.MULTILINE)
_TOC_INLINE = re.compile(r"(?:^|\s)(?:table\s+of\s+)?contents(?=\s|$)|目\s*录", re.IGNORECASE)
_TOC_NUMBER = re.compile(r"([□\d]+(?:[.．][□\d]+)*)")
_TOC_DIGITS = re.compile(r"[□\d]+")
_TOC_KEY = re.compile(r"[□\d\s.]+")
_CAPS_LINE = re.compile(r"^[A-Z][A-Z0-9 ,&:’'()/-]{5,69}$", re.MULTILINE)
_PICTURE = re.compile("|".join(PICTURE_CAPTIONS), re.IGNORECASE | re.MULTILINE)
_CHART = re.compile("|".join(CHART_CAPTIONS), re.IGNORECASE | re.MULTILINE)
_INFOGRAPHIC = re.compile("|".join(INFOGRAPHIC_TITLES), re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.])(?:FY)?((?:19|20)\d{2})(?:年度?|A|E)?(?![\d.])")
_TWO_YEARS = re.compile(r"(?:19|20)\d{2}\D{1,12}(?:19|20)\d{2}")
_ONLY_YEARS = re.compile(r"^(?:\s*(?:FY)?(?:19|20)\d{2}(?:年度?)?\s*){2,}$")
_YEAR_TOKEN = r"(?:FY)?(?:19|20)\d{2}(?:年度?)?"
_HEADER_TAIL = re.compile(rf"(?<![\d.,])(?:{_YEAR_TOKEN}\s+)+{_YEAR_TOKEN}\s*\.?$")
_LABEL = re.compile(rf"[A-Za-z{_HAN}]")
_SENTENCE_END = re.compile(r"[.。!！?？;；]\s*$")
_QUOTE_END = re.compile(r"[.。!！?？;；…”\"」』]\s*$")
_RUNS_ON = re.compile(r"[,，]$|\b(?:of|the|and|in|at|for|from)$")
_THEME = re.compile(
    r"\bthemed?\s+(?:with|on|of|as|is)?\s*[“\"]([^”\"]{3,80})[”\"]"
    r"|\btheme\s+of\s+[“\"]([^”\"]{3,80})[”\"]"
    r"|以[“\"]([^”\"]{2,40})[”\"]为(?:报告)?主题"
    r"|主题(?:为|是)[:：]?[“\"]([^”\"]{2,40})[”\"]",
    re.IGNORECASE,
)
_REPORT_ANY = re.compile(r"\breport\b|报告", re.IGNORECASE)
_CUE_WORDS = {group: words.split("|") for group, words in CUES.items()}
_ALL_CUES = sorted({word for words in _CUE_WORDS.values() for word in words})
_CUE = LiteralWords(_ALL_CUES)
# a matched word stands for every cue word inside it ("audio version" is also "audio")
_CUE_GROUPS = {
    word: tuple(group for group, words in _CUE_WORDS.items() if any(cue in word for cue in words)) for word in _ALL_CUES
}
_DASH = re.compile(
    r"^(?:—{1,2}|――|─{1,2}|--) *(?P<line>\S.*)$|[”\"」』] *(?:—{1,2}|――|--) *(?P<inline>[^\s—].{1,150})$", re.MULTILINE
)
_HONORIFIC = re.compile(HONORIFICS, re.IGNORECASE)
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z]{2,}\s)")
_NAME_EN = re.compile(r"^(?:[A-Z][\w’'.-]*|[a-z]{1,3})(?:\s+(?:[A-Z][\w’'.-]*|van|de|der|von|bin|al))*$")
_NAME_ZH = re.compile(rf"^[{_HAN}]{{2,4}}$|^[{_HAN}A-Za-z]{{1,8}}[·•・][{_HAN}A-Za-z]{{1,12}}$")
_REPORT_SELF = re.compile(REPORT_SELF, re.IGNORECASE)
_ROLE_EN = re.compile(rf"\b(?:{ROLE_WORDS_EN})\b", re.IGNORECASE)
_ROLE_ZH = re.compile(ROLE_WORDS_ZH)
_VERSION = re.compile(VERSION_WORDS, re.IGNORECASE)
NEW_FORM_LABELS = list(NEW_FORMS)
_NEW_FORM = re.compile(
    "|".join(f"(?P<f{i}>{'|'.join(patterns)})" for i, patterns in enumerate(NEW_FORMS.values())), re.IGNORECASE
)
_ACCESS = re.compile(
    "|".join(
        f"(?P<{value}{'_v' if needs_version else ''}>"
        + "|".join(p.format(langs="|".join(LANGUAGES_EN)) for p in patterns)
        + ")"
        for value, (patterns, needs_version, _) in ACCESSIBILITY.items()
    ),
    re.IGNORECASE,
)


def clean(text: str) -> str:
    """A line as a heading reader sees it: width-normalised, markup and spaces between Chinese
    characters removed (PDF extraction spaces out Chinese text)."""
    if not text.isascii():
        text = _HAN_GAP.sub("", unicodedata.normalize("NFKC", text))
    return _TAIL_MARKUP.sub("", _MARKUP.sub("", text)).strip()


class _Text:
    """The cleaned lines, joined once, so a cheap first pass (literal cue words on the lower-cased
    text) picks the few lines a precise pattern then reads."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.lines = [clean(line.text) if line.text.strip() else "" for line in doc.lines]
        lowered = [text.lower() for text in self.lines]
        self.lower = "\n".join(
            low if len(low) == len(text) else text for low, text in zip(lowered, self.lines, strict=True)
        )
        self.starts = list(accumulate((len(t) + 1 for t in self.lines[:-1]), initial=0))
        self._cues: dict[str, list[int]] | None = None

    def candidates(self, group: str) -> list[int]:
        """Indices of the lines holding a cue word of the group, in document order."""
        if self._cues is None:
            self._cues = self._find_cues()
        return self._cues.get(group, [])

    def _find_cues(self) -> dict[str, list[int]]:
        """One pass of all cue words over the lower-cased text."""
        found: dict[str, list[int]] = {}
        for start, word in _CUE.finditer(self.lower):
            index = bisect_right(self.starts, start + len(word) - 1) - 1  # "\n图" belongs to the line it opens
            for group in _CUE_GROUPS.get(word, ()):
                lines = found.setdefault(group, [])
                if not lines or lines[-1] != index:
                    lines.append(index)
        return found

    def hits(self, pattern: re.Pattern[str], group: str) -> Iterator[tuple[int, re.Match[str]]]:
        """(line index, match) for every match of ``pattern`` on a line holding a cue of the group."""
        for index in self.candidates(group):
            for match in pattern.finditer(self.lines[index]):
                yield index, match

    def where(self, index: int) -> str:
        return self.doc.lines[index].where


_LAST: list[_Text] = []


def text_of(doc: Document) -> _Text:
    """The cleaned text of a document, built once for the extractors that read the same draft."""
    if _LAST and _LAST[0].doc is doc:
        return _LAST[0]
    _LAST[:] = [_Text(doc)]
    return _LAST[0]


def short(text: str, limit: int = MAX_TEXT) -> str:
    """Cut at a word boundary so composed labels stay within the model's sizes."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return (cut if len(cut) > limit // 2 else text[:limit]).rstrip(" ,;:，；：")


def box_titles(text: str) -> list[str]:
    """The 【...】 headings a line starts with (one line can carry two side-by-side boxes)."""
    if not text.startswith("【"):
        return []
    if _BOXES_ONLY.match(text):
        return [m.group(1).strip() for m in _BOX.finditer(text)]
    match = _BOX.match(text)
    return [match.group(1).strip()] if match else []


def _is_tip(text: str) -> bool:
    """A term-explanation box label; a lower-case start is prose that wrapped, not a label."""
    if len(text) > 160 or text[:1].islower():
        return False
    if _TIP.match(text):
        return True
    return any(_TIP_IN_BOX.match(title) for title in box_titles(text))


def case_count(text: str) -> int:
    """How many case boxes open on this (cleaned) line: Case / Case Study / 案例 headings and 【...】
    boxes that are not tips or special-feature labels."""
    if len(text) > 200:
        return 0
    if text.startswith("【"):
        titles = box_titles(text)
        return sum(1 for t in titles if not _TIP_IN_BOX.match(t) and not _FEATURE_HEAD.match(t))
    return 1 if _CASE_START.match(text) and _CASE.match(text) else 0


def case_lines(doc: Document) -> list[tuple[int, int]]:
    """(index of the line, cases opening there), in document order."""
    found: list[tuple[int, int]] = []
    for index, line in enumerate(doc.lines):
        text = line.text.lstrip()
        if not text or not _CASE_START.match(clean(text[:12])):
            continue
        count = case_count(clean(line.text))
        if count:
            found.append((index, count))
    return found


# --- readability -----------------------------------------------------------------------------


def _is_table_header(text: str) -> bool:
    """A label followed by two or more distinct years in a row ("Indicator Unit 2018 2019 2020",
    "指标 2014年 2015年 2016年"); "from 2015 to 2019" in a sentence is not one."""
    if len(text) > 160:
        return False
    tail = _HEADER_TAIL.search(text)
    if tail is None or not _LABEL.search(text[: tail.start()]):
        return False
    return len({m.group(1) for m in _YEAR.finditer(tail.group(0))}) >= 2


def _tables_and_axes(text: _Text) -> tuple[int, int, int | None, int | None]:
    """Data tables (year headers, or runs of three or more tab-separated rows with figures) and
    chart axes (a line holding only years), with the first line of each."""
    tables = axes = run = 0
    first_table = first_axis = None
    counted = False
    for index, line in enumerate(text.doc.lines):
        cleaned = text.lines[index]
        has_years = _TWO_YEARS.search(cleaned) is not None
        if has_years and _ONLY_YEARS.match(cleaned):
            axes += 1
            first_axis = index if first_axis is None else first_axis
            run, counted = 0, False
            continue
        if has_years and _is_table_header(cleaned):
            if not counted:
                tables += 1
                first_table = index if first_table is None else first_table
            run, counted = run + 1, True
            continue
        cells = line.cells if "\t" in line.text else []
        if len(cells) >= 3 and sum(any(ch.isdigit() for ch in cell) for cell in cells) >= 2:
            run += 1
            if run >= 3 and not counted:
                tables += 1
                first_table = index if first_table is None else first_table
                counted = True
        elif cleaned and not (counted and len(cells) >= 2):
            run, counted = 0, False
    return tables, axes, first_table, first_axis


def _accessibility(text: _Text) -> list[Noted]:
    found: dict[str, Noted] = {}
    for index, match in text.hits(_ACCESS, "access"):
        value = match.lastgroup or ""
        value = value.removesuffix("_v")
        if value in found:
            continue
        if match.lastgroup and match.lastgroup.endswith("_v") and not _VERSION.search(text.lines[index]):
            continue
        found[value] = Noted(value, source=text.where(index), review=ACCESSIBILITY[value][2])
    return [found[value] for value in ACCESSIBILITY if value in found]


def _title_case(text: str) -> str:
    """ALL-CAPITALS headings read as titles; known acronyms (ICT, ESG) and words with digits stay."""
    words = text.split()
    out: list[str] = []
    for i, word in enumerate(words):
        lower = word.lower()
        if any(ch.isdigit() for ch in word) or word.strip("(),:") in ACRONYMS:
            out.append(word)
        elif i and lower in SMALL_WORDS:
            out.append(lower)
        else:
            out.append(word[:1].upper() + word[1:].lower())
    return " ".join(out)


def _toc_segments(text: str) -> list[tuple[str, bool]]:
    """A contents line as (piece, is_number) pieces: page and chapter numbers split the titles
    (OCR reads a 0 as □). ``N.M`` section numbers are kept as numbers."""
    pieces: list[tuple[str, bool]] = []
    for token in _TOC_NUMBER.split(text):
        token = token.strip(" \t.·…-—_")
        if token:
            pieces.append((token, bool(_TOC_NUMBER.fullmatch(token))))
    return pieces


def _is_toc_like(text: str) -> bool:
    if not text:
        return True
    if text.endswith((":", "：")):
        return False  # a salutation or a lead-in: the body has started
    if len(text) <= 45 and not _SENTENCE_END.search(text):
        return True
    numbers = _TOC_DIGITS.findall(text)
    return len(numbers) >= 3 and len(text) / (len(numbers) + 1) < 60


def _toc_entries(lines: list[str]) -> list[str]:
    """Chapter titles from contents lines: the title pieces between numbers, joined across lines;
    a piece led by a section number (2.1) is a section, not a chapter."""
    entries: list[str] = []
    pending: list[str] = []
    section = False
    for text in lines:
        for piece, is_number in _toc_segments(text):
            if is_number:
                entries.extend(_toc_title(pending, section))
                pending = []
                section = bool(re.search(r"[.．]", piece))
                continue
            piece = _TOC_INLINE.sub(" ", f" {piece} ").strip()
            if piece:
                pending.append(piece)
    entries.extend(_toc_title(pending, section))
    return entries


def _toc_title(pieces: list[str], section: bool) -> list[str]:
    title = " ".join(pieces).strip()
    return [short(title, 80)] if len(title) >= 2 and not section else []


def _running_headers(texts: list[str]) -> set[str]:
    """Short lines that recur (page numbers aside) on many pages: running headers and footers."""
    counts: dict[str, int] = {}
    for line in texts:
        if line and len(line) <= 80:
            key = _TOC_KEY.sub("", line)
            counts[key] = counts.get(key, 0) + 1
    return {key for key, count in counts.items() if count >= 3 and key}


def _chapters_from_toc(text: _Text) -> tuple[list[str], int] | None:
    """The titles of a table of contents (a "Contents" / "目录" line and the lines around it)."""
    texts = text.lines
    headers: set[str] | None = None
    for tried, (index, _) in enumerate(text.hits(_TOC_MARKER_LINE, "toc")):
        if tried >= MAX_TOC_MARKERS:
            break  # a report has one contents page (two with an English one); more markers are noise
        headers = _running_headers(texts) if headers is None else headers
        block: list[str] = []
        back = index - 1
        while back >= 0 and index - back <= 3:
            if texts[back] and _TOC_DIGITS.search(texts[back]) and _is_toc_like(texts[back]):
                block.insert(0, texts[back])
            elif texts[back]:
                break
            back -= 1
        block.append(texts[index])
        seen = {_TOC_KEY.sub("", entry) for entry in _toc_entries(block)}
        for after in texts[index + 1 : index + 1 + TOC_WINDOW]:
            key = _TOC_KEY.sub("", after)
            if key in headers and _TOC_DIGITS.search(after):
                continue  # a running header with its page number (a chapter's own name has none here)
            if not _is_toc_like(after) or (key and key in seen):
                break  # prose, or the body's first heading repeating a contents entry
            seen.update(_TOC_KEY.sub("", entry) for entry in _toc_entries([after]))
            block.append(after)
        entries = list(dict.fromkeys(_toc_entries(block)))
        if len(entries) >= 3:
            return entries[:MAX_CHAPTERS], index
    return None


def _chapters_from_headings(text: _Text) -> tuple[list[str], int] | None:
    """Markdown top-level headings, else ALL-CAPITALS heading blocks that occur once (a repeated
    one is a running page header)."""
    raw = [line.text for line in text.doc.lines]
    markdown = [(i, t[2:].strip()) for i, t in enumerate(raw) if t.startswith("# ") and t[2:].strip()]
    if len(markdown) >= 3:
        return [short(t, 80) for _, t in markdown][:MAX_CHAPTERS], markdown[0][0]
    caps = [
        (index, line)
        for index, line in enumerate(text.lines)
        if line and _CAPS_LINE.match(line) and not _SENTENCE_END.search(line) and sum(ch.isalpha() for ch in line) >= 6
    ]
    counts: dict[str, int] = {}
    for _, line in caps:
        counts[line] = counts.get(line, 0) + 1
    blocks: list[tuple[int, str]] = []
    previous = -2
    for index, line in caps:
        if counts[line] > 1:
            continue  # a running header repeats on every page
        if index == previous + 1 and blocks:
            blocks[-1] = (blocks[-1][0], f"{blocks[-1][1]} {line}")  # a heading wrapped over two lines
        else:
            blocks.append((index, line))
        previous = index
    unique = [(i, t) for i, t in blocks if len(t.split()) >= 2]
    if len(unique) < 3:
        return None
    return [short(_title_case(t), 80) for _, t in unique][:MAX_CHAPTERS], unique[0][0]


def _theme(text: _Text) -> Noted | None:
    """The theme the report states for itself (the sentence names the report); the quotation may
    run onto the next line."""
    for index in text.candidates("theme"):
        following = _next_text(text.lines, index)
        window = f"{text.lines[index]} {following[1]}" if following else text.lines[index]
        match = _THEME.search(window)
        context = " ".join(text.lines[max(0, index - 1) : index + 2])
        theme = next((g.strip() for g in match.groups() if g and g.strip()), None) if match else None
        if theme and _REPORT_ANY.search(context):
            return Noted(short(theme, 80), source=text.where(index), review="theme as stated; check it")
    return None


def _noted_count(value: int, what: str, index: int | None, text: _Text) -> Noted:
    """Counts are estimates: say so, and say where to look when nothing was found."""
    review = CAPTION_REVIEW if value else f"none found in the text; {what} may be images: count them in the layout"
    return Noted(value, source=text.where(index) if index is not None else None, review=review)


def _boxes(text: _Text) -> tuple[int, int, int | None, int | None]:
    """Term-explanation boxes and case boxes: (tips, cases, first tip, first case)."""
    tips = cases = 0
    first_tip = first_case = None
    for index, cleaned in enumerate(text.lines):
        if not cleaned:
            continue
        if _is_tip(cleaned):
            tips += 1
            first_tip = index if first_tip is None else first_tip
            continue
        count = case_count(cleaned)
        if count:
            cases += count
            first_case = index if first_case is None else first_case
    return tips, cases, first_tip, first_case


def _infographics(text: _Text) -> list[int]:
    """Lines titling an infographic panel, each title once (a running header repeats it)."""
    seen: dict[str, int] = {}
    for index, _ in text.hits(_INFOGRAPHIC, "infographic"):
        seen.setdefault(text.lines[index].casefold(), index)
    return sorted(seen.values())


def _feedback_form(text: _Text) -> Noted:
    for index, match in text.hits(_FEEDBACK, "feedback"):
        if match.lastgroup == "anywhere" or len(text.lines[index]) <= 30:
            return Noted(True, source=text.where(index))
    return Noted(False, review="no reader feedback form found")


def extract_readability(doc: Document) -> dict[str, Any]:
    """The readability section (a Readability dict, leaves wrapped in Noted)."""
    text = text_of(doc)
    result: dict[str, Any] = {}
    theme = _theme(text)
    if theme is not None:
        result["theme"] = theme
    chapters = _chapters_from_toc(text) or _chapters_from_headings(text)
    if chapters:
        names, index = chapters
        review = "chapter titles read from the table of contents or headings; check them"
        result["chapters"] = [Noted(name, source=text.where(index), review=review) for name in names]
    tips, cases, first_tip, first_case = _boxes(text)
    pictures = [index for index, _ in text.hits(_PICTURE, "picture")]
    charts = [index for index, _ in text.hits(_CHART, "chart")]
    charts = sorted({*charts, *_infographics(text)})
    tables, axes, first_table, first_axis = _tables_and_axes(text)
    first_chart = min((i for i in (charts[0] if charts else None, first_axis) if i is not None), default=None)
    result["term_explanations"] = _noted_count(tips, "term-explanation boxes", first_tip, text)
    result["cases"] = _noted_count(cases, "case boxes", first_case, text)
    if doc.pictures is not None:  # the images the PDF or Word file holds
        result["pictures"] = Noted(doc.pictures, f"images in the {doc.kind}")
    else:
        result["pictures"] = _noted_count(len(pictures), "pictures", pictures[0] if pictures else None, text)
    result["charts"] = _noted_count(len(charts) + axes, "charts", first_chart, text)
    result["data_tables"] = _noted_count(tables, "data tables", first_table, text)
    result["feedback_form"] = _feedback_form(text)
    result["accessibility"] = _accessibility(text)
    return result


# --- originality -----------------------------------------------------------------------------


def _next_text(texts: list[str], index: int, limit: int = 3) -> tuple[int, str] | None:
    for offset in range(1, limit + 1):
        if index + offset < len(texts) and texts[index + offset]:
            return index + offset, texts[index + offset]
    return None


def _feature_key(title: str) -> str:
    return re.sub(r"\W+", " ", title.casefold()).strip()


def _special_features(text: _Text) -> list[Noted]:
    """Special-feature headings ("Special Feature: ...", "专题一 ...") and features named in prose
    ("a responsibility feature of “...”"); a quotation may run onto the next line."""
    found: dict[str, Noted] = {}
    texts = text.lines
    candidates = sorted({i for i, _ in text.hits(_FEATURE_ANY, "feature")})
    for index in candidates:
        line = texts[index]
        title: str | None = None
        head = _FEATURE_HEAD.match(line) if len(line) <= 100 else None
        if head:
            title = head.group("title")
            if not title:
                following = _next_text(texts, index)
                title = following[1] if following and len(following[1]) <= 60 else None
        if title is None:
            following = _next_text(texts, index)
            window = f"{line} {following[1]}" if following else line
            inline = _FEATURE_INLINE.search(window)
            title = next((g for g in inline.groups() if g), None) if inline else None
        if not title:
            continue
        title = short(title.strip(" 】【:：|丨—–-"), 100)
        key = _feature_key(title)
        if key and key not in found:
            found[key] = Noted({"title": title}, source=text.where(index), review="check this is a special feature")
    return list(found.values())


def _looks_like_name(text: str) -> bool:
    text = _HONORIFIC.sub("", text).strip()
    if _NAME_ZH.match(text):
        return not _ROLE_ZH.search(text)
    return 1 <= len(text.split()) <= 5 and bool(_NAME_EN.match(text)) and not _ROLE_EN.search(text)


def _split_attribution(text: str) -> tuple[str, str | None]:
    """ "Name, Role" -> (name, role); "Source (details)" -> (source, details)."""
    text = _GLUED.split(text, maxsplit=1)[0] if len(text) > 60 else text
    text = text.strip(" ,，;；")
    paren = re.match(r"^([^(（]{2,80}?)\s*[(（]([^)）]{1,100})[)）]\s*[,，]?\s*(.*)$", text)
    if paren:
        role = ", ".join(p for p in (paren.group(2).strip(), paren.group(3).strip()) if p)
        return paren.group(1).strip(), role or None
    parts = re.split(r"\s*[,，、]\s*", text, maxsplit=1)
    role = parts[1].strip() if len(parts) > 1 else ""
    return parts[0].strip(), role or None


def _attribution(texts: list[str], index: int, raw: str) -> tuple[str, str | None] | None:
    """(who, role) from the text after the dash. A role that runs on (ends with a comma or a
    connecting word, or fills a wrapped line) takes the next line; a role given first
    (``——供应商代表，总经理``) takes its name from a short next line."""
    raw = raw.strip()
    following = texts[index + 1] if index + 1 < len(texts) else ""
    block_ends = index + 2 >= len(texts) or not texts[index + 2]
    wrapped = len(raw) >= 55 and block_ends and len(following.split()) >= 2 and not _SENTENCE_END.search(following)
    if following and len(following) <= 80 and (_RUNS_ON.search(raw) or wrapped):
        raw = f"{raw} {following}"
    who, role = _split_attribution(raw)
    who = _HONORIFIC.sub("", who).strip()
    if not who or len(who) > 80 or (_SENTENCE_END.search(who) and len(who) > 40):
        return None
    name_below = following and len(following) <= 20 and _looks_like_name(following)
    if name_below and not _looks_like_name(who):
        return following, short(raw, MAX_TEXT)
    return short(who, 80), short(role, MAX_TEXT) if role else None


def _closes_quotation(texts: list[str], index: int) -> bool:
    """A testimonial closes a quotation: the paragraph just above ends a sentence or a quote, or
    is prose (a long line)."""
    for offset in range(1, 4):
        if index - offset < 0:
            return False
        above = texts[index - offset]
        if above:
            return len(above) >= 40 or bool(_QUOTE_END.search(above))
    return False


def _testimonials(text: _Text) -> list[Noted]:
    found: list[Noted] = []
    for index, match in text.hits(_DASH, "dash"):
        raw = match.group("line") or match.group("inline")
        if match.group("line") and not _closes_quotation(text.lines, index):
            continue
        parsed = _attribution(text.lines, index, raw)
        if parsed is None:
            continue
        who, role = parsed
        item: dict[str, Any] = {"who": who}
        if role:
            item["role"] = role
        found.append(Noted(item, source=text.where(index)))
    return found


def _new_forms(text: _Text) -> list[Noted]:
    """New forms the report says it offers: a form word on a line that names the report."""
    found: dict[str, Noted] = {}
    about_report = {i for i in text.candidates("report") if _REPORT_SELF.search(text.lines[i])}  # not "reporting"
    for index in text.candidates("new_form"):
        if index not in about_report:
            continue
        for match in _NEW_FORM.finditer(text.lines[index]):
            label = NEW_FORM_LABELS[int((match.lastgroup or "f0")[1:])]
            if label not in found:
                found[label] = Noted(
                    {"title": label}, source=text.where(index), review="check the report offers this form"
                )
    return list(found.values())


def extract_originality(doc: Document) -> dict[str, Any]:
    """The originality section (an Originality dict, items wrapped in Noted)."""
    text = text_of(doc)
    return {
        "special_features": _special_features(text),
        "testimonials": _testimonials(text),
        "new_forms": _new_forms(text),
    }
