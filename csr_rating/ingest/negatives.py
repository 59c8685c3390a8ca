"""Unfavourable information a draft discusses in its prose: the ``negative_disclosures`` section
that the balance dimension scores.

Each rule below names a kind of unfavourable item (an incident, a fatality, a penalty, a missed
target, a worsening trend, a data caveat) with its English and Chinese patterns. A rule fires on a
sentence, never on a data-table row (a worse figure in a table is already carried by its
indicator). Positive claims are not disclosures: "zero fatalities", "no major incidents",
"未发生重大安全事故", an accident that was prevented, a penalty avoided, a figure of 0. An event needs
a sign that it happened (a figure, or a verb such as occurred / 发生 / 受到).

Every item is our own short wording, never the report's sentence: the title is built from the
rule's label, a key noun and the figure; ``explanation`` says that a cause is stated (with at most
a few words of it); ``measures`` says which corrective action the same or the next sentence names.
Items are ranked by strength (an event with a figure first), then by document order, and capped.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from csr_rating.catalog import Catalog, NegativeEvent
from csr_rating.ingest.document import HAN, Document
from csr_rating.ingest.features import LiteralWords, short
from csr_rating.ingest.noted import Noted
from csr_rating.ingest.per_object import PerObject
from csr_rating.ingest.values import parse_cell
from csr_rating.ingest.vocabulary import INDEX_CODE_RE

# --- rules (data) -----------------------------------------------------------------------------

# Nouns whose fall is bad news, and nouns whose rise is.
GOOD_EN = (
    r"revenues?|operating\s+income|net\s+income|income|net\s+profits?|profits?|sales(?:\s+volume)?|"
    r"(?:customer|employee|user)\s+satisfaction|satisfaction(?:\s+rate)?|donations?|charitable\s+giving|"
    r"training\s+(?:hours|coverage)|recycling\s+rate|utili[sz]ation\s+rate|market\s+share|green\s+procurement"
)
BAD_EN = (
    r"(?:ghg\s+|carbon\s+|co2\s+)?emissions?|(?:energy|water|electricity|fuel|power)\s+consumption|"
    r"(?:hazardous\s+)?waste|(?:employee\s+)?turnover(?:\s+rate)?|attrition|complaints?|accidents?|"
    r"(?:lost[- ]time\s+)?injur(?:y|ies)(?:\s+rate)?|fatalit(?:y|ies)|absenteeism|violations?"
)
GOOD_ZH = r"营业收入|营收|净利润|利润总额|利润|收入|销量|销售额|满意度|捐赠|捐款|培训|覆盖率|回收率|利用率|市场份额"
BAD_ZH = r"排放量|排放|能耗|能源消耗|耗电量|用水量|废弃物|废水|离职率|流失率|投诉量|投诉|事故|工伤|伤亡|死亡|违规"
FALL_EN = r"decreased|declined|fell|dropped|went\s+down|(?:was|were)\s+down|shrank|contracted|deteriorated"
RISE_EN = r"increased|rose|grew|went\s+up|(?:was|were)\s+up|climbed|jumped|doubled|worsened"


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str  # the NegativeDisclosure kind
    label_en: str
    label_zh: str
    en: str
    zh: str
    event: bool  # needs a sign that it happened (a figure or an occurrence verb)
    counted: bool = False  # needs a count right beside it ("3 oil spills"): a catalog name, not a general word


RULES = (
    Rule(
        "fatality",
        "event",
        "Work-related fatalities",
        "死亡事故",
        r"\bfatalit(?:y|ies)\b|\bdeaths?\b|\bdied\b|\bkilled\b|\bloss\s+of\s+lives?\b|\blives\s+were\s+lost\b",
        r"死亡|身亡|遇难|罹难",
        True,
    ),
    Rule(
        "injury",
        "event",
        "Injuries",
        "工伤事件",
        r"\binjur(?:y|ies|ed)\b|\blost[- ]time\s+(?:incidents?|cases?)\b",
        r"工伤|受伤|伤亡|轻伤|重伤",
        True,
    ),
    Rule(
        "accident",
        "event",
        "Incident",
        "事故事件",
        r"\baccidents?\b|\bincidents?\b|\bexplosions?\b|\bfires?\b(?!\s*(?:drill|safety|protection|fighting))|"
        r"\bleak(?:s|age|ages)?\b",
        r"事故|火灾|爆炸|泄漏|污染事件|环境事件",
        True,
    ),
    Rule(
        "penalty",
        "penalty",
        "Penalty",
        "受到处罚",
        r"\bpenalt(?:y|ies)\b|\bfined\b|\bfines?\s+(?:of|totall?ing|amounting)\b|\bsanction(?:s|ed)\b|\bpunish(?:ed|ment)\b",
        r"行政处罚|处罚|罚款|罚金|通报批评",
        True,
    ),
    Rule(
        "lawsuit",
        "event",
        "Legal proceedings",
        "诉讼案件",
        r"\blawsuits?\b|\blitigations?\b|\blegal\s+proceedings?\b|\bsued\b|\bclass\s+actions?\b|\barbitrations?\b",
        r"诉讼|起诉|仲裁|被诉",
        True,
    ),
    Rule(
        "violation",
        "event",
        "Compliance violation",
        "违规超标事件",
        r"\bviolations?\s+of\b|\bnon-?compliance\s+(?:with|case|incident)|\bexceed(?:ed|ing)\s+(?:the\s+)?"
        r"(?:emission\s+|discharge\s+|national\s+)?(?:standards?|limits?)\b|\bbreach(?:es)?\s+of\s+(?:law|regulation|contract)",
        r"超标排放|超标|违规|违法|违反",
        True,
    ),
    Rule("recall", "event", "Product recall", "产品召回", r"\brecall(?:s|ed)?\b(?!\s+that)", r"召回", True),
    Rule(
        "breach",
        "event",
        "Data breach",
        "数据泄露事件",
        r"\bdata\s+(?:breach(?:es)?|leak(?:s|age)?)\b|\b(?:information|privacy|security)\s+breach(?:es)?\b|\bleaked\b",
        r"数据泄露|信息泄露|泄露",
        True,
    ),
    Rule(
        "target",
        "target_missed",
        "Target not met",
        "目标未完成",
        r"\bfailed\s+to\s+(?:meet|achieve|reach|complete|fulfil+)\b|\bdid\s+not\s+(?:meet|achieve|reach|complete)\b|"
        r"\bnot\s+(?:yet\s+)?(?:been\s+)?(?:met|achieved|reached|completed)\b|\bmissed\s+(?:the\s+|its\s+|our\s+)?targets?\b|"
        r"\bfell\s+short\b|\bbelow\s+(?:the\s+|our\s+|its\s+)?targets?\b|\bbehind\s+schedule\b",
        r"未完成|未达到|未达标|未能完成|未能实现|未能达到|未实现|没有完成|没有达到|未达成|低于目标|不达标",
        False,
    ),
    Rule(
        "decline",
        "trend",
        "Decline",
        "下降",
        rf"\b(?P<noun>{GOOD_EN})\b(?:\W+\w+){{0,6}}?\W+(?:{FALL_EN})\b|"
        rf"\b(?:decrease|decline|drop|fall|reduction)\s+(?:of|in)\s+(?:\w+\s+){{0,3}}?(?P<noun2>{GOOD_EN})\b",
        rf"(?P<noun>{GOOD_ZH})[^，。；,;：:]{{0,8}}?(?:下降|减少|下滑|降低|回落)",
        False,
    ),
    Rule(
        "worsening",
        "trend",
        "Increase",
        "上升",
        rf"\b(?P<noun>{BAD_EN})\b(?:\W+\w+){{0,6}}?\W+(?:{RISE_EN})\b|"
        rf"\b(?:increase|rise|growth|surge)\s+(?:of|in)\s+(?:\w+\s+){{0,3}}?(?P<noun2>{BAD_EN})\b",
        rf"(?P<noun>{BAD_ZH})[^，。；,;：:]{{0,8}}?(?:增加|上升|增长|攀升|恶化)",
        False,
    ),
    Rule(
        "caveat",
        "figure",
        "Figures not comparable with earlier years",
        "统计口径变化，数据不可直接比较",
        r"\bnot\s+(?:directly\s+)?comparable\b|\bcannot\s+be\s+(?:directly\s+)?compared\b|\bincomparable\b|\brestated\b|"
        r"\b(?:statistical|calculation|accounting)\s+(?:approach|method|methodology|scope|caliber|basis)\b"
        r"(?:\W+\w+){0,6}?\W+(?:changed|adjusted|revised)\b",
        r"不可比|无法比较|不具可比性|口径(?:发生)?(?:了)?(?:变化|调整|变更)",
        False,
    ),
)

# Cue words per rule: a line is read by a rule only when it holds one of the rule's cues
# (lower case, literal; one pass over the text finds them all).
CUES = {
    "fatality": "fatalit|death|died|killed|loss of li|lives were lost|死亡|身亡|遇难|罹难",
    "injury": "injur|lost-time|lost time|工伤|受伤|伤亡|轻伤|重伤",
    "accident": "accident|incident|explosion|fire|leak|事故|火灾|爆炸|泄漏|污染事件|环境事件",
    "penalty": "penalt|fined|fine|sanction|punish|处罚|罚款|罚金|通报批评",
    "lawsuit": "lawsuit|litigation|legal proceeding|sued|class action|arbitration|诉讼|起诉|仲裁|被诉",
    "violation": "violation|non-compliance|noncompliance|exceed|breach|超标|违规|违法|违反",
    "recall": "recall|召回",
    "breach": "breach|leak|泄露",
    "target": "failed to|did not|not met|not yet|not achieved|not reached|not completed|not been|missed|fell short|"
    "below target|below the target|below our target|below its target|behind schedule|未完成|未达|未能|未实现|没有完成|"
    "没有达到|低于目标|不达标",
    "decline": "decrease|declin|fell|dropped|went down|was down|were down|shrank|contracted|deteriorat|drop in|drop of|"
    "fall in|fall of|reduction in|reduction of|下降|减少|下滑|降低|回落",
    "worsening": "increase|rose|grew|went up|was up|were up|climb|jumped|doubled|worsen|rise in|rise of|growth in|"
    "growth of|surge|增加|上升|增长|攀升|恶化",
    "caveat": "comparable|compared|restated|statistical|calculation method|calculation approach|accounting method|"
    "不可比|无法比较|口径",
}
# Positive claims and prevention: before the keyword in the same sentence, they mean no event.
DENIAL_EN = (
    r"\b(?:no|zero|without|nor|never|none|free\s+(?:of|from)|not\s+a\s+single|did\s+not\s+(?:occur|happen|have|record|"
    r"experience|receive)|there\s+(?:was|were)\s+no|avoid\w*|prevent\w*|reduc\w*|minimi[sz]\w*|eliminat\w*|"
    r"emergency\s+(?:plans?|drills?|response|management)|drills?|hidden\s+dangers?|risks?\s+of|hazards?\s+of|"
    r"insurance|in\s+case\s+of|if|would|could|may|to\s+ensure|safeguard\w*|analy[sz]\w*|research\w*|stud(?:y|ies|ied)|"
    r"simulat\w*|tests?|testing|commonly|often|usually|typically|generally)\b"
)
DENIAL_ZH = (  # 无 and 零 only as claims: 无人机 (drone), 无线 (wireless) and 零售 (retail) are not
    r"未发生|未出现|全年无|均无|并无|无重大|无较大|无一般|无任何|无一|无安全|无环境|零(?!售|件|部件|星|钱)|没有|杜绝|避免|"
    r"防止|预防|防范|减少|降低|遏制|应急预案|应急演练|演练|隐患|风险|确保|一旦"
)
# A capitalised title word before the keyword: the name of a law or standard, not an event.
TITLE_WORDS = r"\b(?:Law|Laws|Regulations?|Provisions|Measures|Rules|Standards?|Guidelines?|Convention|Act)\b|《[^》]*$"
# Signs that an event happened.
OCCURRED_EN = (
    r"\b(?:occurred|happened|took\s+place|caused(?!\s+by)|resulted\s+in|suffered|(?:was|were)\s+fined|imposed|"
    r"led\s+to|killed|died|sustained)\b"
)
OCCURRED_ZH = r"发生|造成|导致|受到|被处以|出现|致"
# A keyword followed by one of these names a process, not an event ("accident investigation").
PROCESS_AFTER = (
    r"\s*(?:investigations?|prevention|management|response|handling|insurance|emergenc\w*|drills?|analysis|simulation|"
    r"statistics|reporting|rates?\s+target|plans?|mechanisms?|systems?|risks?|hazards?|safety|protection|fighting|"
    r"exercises?|contingenc\w*|controls?|database|cases?\s+sets?|预案|演练|应急|防范|预防|隐患|风险|管理|调查|处理机制)"
)
# Before a trend, these mean the rise or fall is being held back, not reported.
RESTRAINT = r"\b(?:control\w*|curb\w*|contain\w*|limit\w*|slow\w*|avoid\w*|prevent\w*|cap\w*)\b|控制|遏制|防止|避免"
# Units a count of events may carry; a penalty may also be an amount of money.
EVENT_UNITS = r"persons?|people|employees|workers|cases|incidents|accidents|times|起|人次|人|例|次|件|宗|名"
MONEY_UNITS = r"million|billion|thousand|yuan|rmb|usd|dollars|万元|亿元|元|万|亿"
# Corrective action named in the same or the next sentence: (pattern, how we say it).
MEASURES_EN = (
    (r"\brectif\w*", "rectification"),
    (r"\bcorrective\b|\bcorrected\b", "correction"),
    (r"\bremed\w*", "remediation"),
    (r"\binvestigat\w*", "investigation"),
    (r"\baction\s+plans?\b", "action plan"),
    (
        r"\b(?:took|taken|adopted|implemented|introduced)\s+(?:\w+\s+){0,2}measures\b|\bmeasures\s+(?:were|have\s+been)\b",
        "measures taken",
    ),
    (r"\bstrengthen\w*", "strengthened controls"),
    (r"\bimprov\w*", "improvement"),
    (r"\brevised\b|\bupgraded\b", "revision"),
)
MEASURES_ZH = (
    (r"整改", "整改"),
    (r"纠正", "纠正"),
    (r"追责|问责", "追责问责"),
    (r"采取[^，。；]{0,6}措施|制定[^，。；]{0,6}措施|落实[^，。；]{0,6}措施", "采取措施"),
    (r"完善", "完善制度"),
    (r"加强", "加强管理"),
    (r"改进|改善|优化", "改进"),
)
CAUSE_EN = r"\b(?:due\s+to|because(?:\s+of)?|as\s+a\s+result\s+of|caused\s+by|owing\s+to|attributable\s+to|mainly\s+as)\s+(?P<cause>[^,.;:()]{3,80})"
CAUSE_ZH = r"(?:由于|因为|受|因)(?P<cause>[^，。；、]{2,16}?)(?:影响|所致|原因|导致|，|。)"
# Qualifiers that make a short title say which kind of incident it was.
QUALIFIERS_EN = (
    "production safety",
    "work-related",
    "workplace",
    "environmental",
    "pollution",
    "traffic",
    "fire",
    "network",
    "security",
    "data",
    "quality",
    "safety",
    "occupational",
    "product",
)
NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
MAX_ITEMS = 30
CONTEXT = 160  # characters of a sentence either side of a keyword that are read

# --- compiled ---------------------------------------------------------------------------------

_HAN = HAN
_HAN_CHAR = re.compile(f"[{_HAN}]")
_HAN_GAP = re.compile(rf"([{_HAN}])[ \t]+(?=[{_HAN}])")
_CUE_WORDS = {name: [word for word in words.split("|") if word] for name, words in CUES.items()}
# a matched cue word stands for every rule whose cue it contains ("fatalities" is a fatality cue)
_RULES = [
    (rule, re.compile(rule.en, re.IGNORECASE), re.compile(rule.zh)) for rule in RULES
]  # English and Chinese patterns are both tried: a Chinese report quotes English, and vice versa
_DENIAL_EN = re.compile(DENIAL_EN, re.IGNORECASE)
_DENIAL_ZH = re.compile(DENIAL_ZH)
_OCCURRED = re.compile(f"{OCCURRED_EN}|{OCCURRED_ZH}", re.IGNORECASE)
_MEASURES = [(re.compile(p, re.IGNORECASE), say) for p, say in MEASURES_EN] + [
    (re.compile(p), say) for p, say in MEASURES_ZH
]
_CAUSE_EN = re.compile(CAUSE_EN, re.IGNORECASE)
_CAUSE_ZH = re.compile(CAUSE_ZH)
_QUALIFIER = re.compile(r"\b(" + "|".join(re.escape(q) for q in QUALIFIERS_EN) + r")\b", re.IGNORECASE)
_FIGURE = re.compile(
    r"(?P<bound>[≤<≥>＜＞]\s*)?(?<![A-Za-z0-9_.-])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.]*-\d)\s*"
    rf"(?P<unit>%|‰|per\s*cent|percent|{EVENT_UNITS}|{MONEY_UNITS}|tonnes?|tons?|吨)?",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"rmb|usd|hk\$|\$|￥|¥", re.IGNORECASE)
_EVENT_UNIT = re.compile(rf"(?:{EVENT_UNITS})$", re.IGNORECASE)
_MONEY_UNIT = re.compile(rf"(?:{MONEY_UNITS})$", re.IGNORECASE)
_PROCESS_AFTER = re.compile(PROCESS_AFTER, re.IGNORECASE)
# what may stand between a keyword and its count: "fatalities: 2", "fines totalling 3", "死亡人数为2"
_GAP_AFTER = re.compile(
    r"\s*(?:(?:[:：=]|was|were|of|totall?ing|reached|amounting\s+to|numbered|为|达|共|计|人数为?|起数为?)\s*"
    r"(?:rmb|usd|hk\$|\$|￥|¥)?|(?:rmb|usd|hk\$|\$|￥|¥))\s*",
    re.IGNORECASE,
)
_RESTRAINT = re.compile(RESTRAINT, re.IGNORECASE)
_ZH_COUNT = re.compile(r"(?P<number>[一二两三四五六七八九十百]+)(?P<unit>起|人|例|次|件|宗|名)")
_WORD_COUNT = re.compile(rf"\b(?P<number>{'|'.join(NUMBER_WORDS)})\b", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,40})[”\"」』]")
_SENTENCE_END = re.compile(r"[。！？；!?;]|\.(?=\s|$)")
_TABLE_ROW = re.compile(r"(?:[\s\t][-−+]?\d[\d,.]*%?\*?){2,}\s*$")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_INDEX_LINE = INDEX_CODE_RE  # a content index or reference: codes and page numbers, not events
_TITLE_WORDS = re.compile(TITLE_WORDS)


_LIST_MARKS = re.compile(r"[\u2460-\u24ff\u2776-\u2793]")  # ①⑮⑴⒈ ❶: list marks, never counts (NFKC makes them digits)


def _clean(text: str) -> str:
    if not text.isascii():
        text = _HAN_GAP.sub(r"\1", unicodedata.normalize("NFKC", _LIST_MARKS.sub(" ", text)))
    return " ".join(text.split())


def _is_han(text: str) -> bool:
    return bool(_HAN_CHAR.search(text))


# --- reading one sentence -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    rule: Rule
    line: int
    strength: int  # 3: event with a figure; 2: event or missed target; 1: trend or caveat; 0: weak
    title: str
    explanation: str | None
    measures: str | None
    indicator: str | None
    review: str | None
    figure: str | None = None


def _sentence(context: str, start: int, stop: int) -> tuple[str, int, str]:
    """The sentence around [start, stop) of the context, the keyword's offset in it, and the
    sentence after it."""
    begin = max(0, start - CONTEXT)
    for match in _SENTENCE_END.finditer(context, begin, start):
        begin = match.end()
    end_match = _SENTENCE_END.search(context, stop)
    end = end_match.end() if end_match else min(len(context), stop + CONTEXT)
    next_match = _SENTENCE_END.search(context, end)
    following = context[end : next_match.end() if next_match else min(len(context), end + CONTEXT)]
    return context[begin:end], start - begin, following


def _figure(sentence: str) -> tuple[str, float] | None:
    """The first figure of the sentence that is not a year or a bound: (as written, value)."""
    for match in _FIGURE.finditer(sentence):
        found = _as_figure(match)
        if found is not None:
            return found
    return None


def _as_figure(match: re.Match[str]) -> tuple[str, float] | None:
    number = match.group("number")
    unit = (match.group("unit") or "").strip()
    if match.group("bound") or (_YEAR.fullmatch(number) and not unit):
        return None  # "≤0.035‰" is a target, 2020 a year
    value = float(number.replace(",", ""))
    joined = _is_han(unit) or unit in ("%", "‰")
    return (f"{number}{unit}" if joined or not unit else f"{number} {unit}"), value


def _count_near(sentence: str, at: int, end: int, money: bool) -> tuple[str, float] | None:
    """A count (or, for a penalty, an amount) right next to the keyword: "2 fatalities",
    "fatalities: 2", "事故2起", "罚款50万元". Percentages and numbers further away are other facts."""
    candidates: list[tuple[int, re.Match[str]]] = []
    for match in _FIGURE.finditer(sentence, max(0, at - 30), at):
        if at - match.end() <= 25:
            candidates.append((at - match.end(), match))
    for match in _FIGURE.finditer(sentence, end, min(len(sentence), end + 30)):
        gap = sentence[end : match.start()]
        if match.start() - end <= 18 and ((match.group("unit") and not gap.strip()) or _GAP_AFTER.fullmatch(gap)):
            candidates.append((match.start() - end, match))
        break
    chinese = _ZH_COUNT.search(sentence, max(0, at - 8), min(len(sentence), end + 8))
    if chinese:
        return chinese.group(0), 1.0
    words = list(_WORD_COUNT.finditer(sentence, max(0, at - 25), at))
    if words:  # the last number word before the keyword
        number = words[-1].group("number").lower()
        return number, float(NUMBER_WORDS.index(number) + 1)
    for _, match in sorted(candidates, key=lambda c: c[0]):
        unit = (match.group("unit") or "").strip()
        fits = not unit or _EVENT_UNIT.match(unit) or (money and _MONEY_UNIT.match(unit))
        if fits and ("." not in match.group("number") or money):
            found = _as_figure(match)
            currency = _CURRENCY.search(sentence, max(0, match.start() - 6), match.start())
            if found is not None and currency:
                return f"{currency.group(0).upper()} {found[0]}", found[1]
            if found is not None:
                return found
    return None


def _denied(sentence: str, offset: int, zh: bool) -> bool:
    """A positive claim, prevention, a study or a title before the keyword ("zero fatalities",
    "未发生事故", "analysis of accidents", "Regulations on Work-related Injury")."""
    before = sentence[max(0, offset - 60) : offset]
    return bool((_DENIAL_ZH if zh else _DENIAL_EN).search(before) or _TITLE_WORDS.search(before))


def _measures(sentence: str, following: str, zh: bool, key: str | None) -> str | None:
    for pattern, say in _MEASURES:
        if pattern.search(sentence) or pattern.search(following):
            if zh:
                return f"已说明{say}措施" if "措施" not in say else f"已说明{say}"
            return f"corrective measures stated ({say})" + (f" for {key}" if key else "")
    return None


def _cause(sentence: str, zh: bool) -> str | None:
    match = (_CAUSE_ZH if zh else _CAUSE_EN).search(sentence)
    if not match:
        return None
    words = match.group("cause").split()
    cause = match.group("cause") if zh else " ".join(words[:6])
    return f"原因：{cause.strip()[:16]}" if zh else f"cause stated: {cause.strip()}"


def _key(rule: Rule, sentence: str, match: re.Match[str], at: int, stop: int, zh: bool) -> str | None:
    """The key noun a title names: the trend's noun, the caveat's quoted indicator, the missed
    target's object, or the incident's qualifier."""
    if rule.kind == "trend":
        noun = match.groupdict().get("noun") or match.groupdict().get("noun2")
        return " ".join(noun.split()).lower() if noun else None
    quoted = _QUOTED.search(sentence)
    if rule.name == "caveat":
        return (quoted.group(1).strip() or None) if quoted else None
    if rule.name == "target":
        after = sentence[stop : stop + 60]
        if zh:
            fragment = re.split(r"[，。；,;、的]", after, maxsplit=1)[0]
            return fragment[:12] or None
        words = re.split(r"[,.;:()]|\b(?:due|because|as|by|in|for|owing|which|while)\b", after, maxsplit=1)[0].split()
        words = [w for w in words if w.lower() not in ("the", "its", "our", "their", "a", "an")]
        return " ".join(words[:5]) or None
    if zh or rule.name not in ("accident", "penalty"):
        return None
    qualifier = _QUALIFIER.search(sentence[max(0, at - 40) : at])
    return qualifier.group(1).lower() if qualifier else None


def _title(rule: Rule, key: str | None, figure: str | None, zh: bool) -> str:
    if zh:
        if rule.kind == "trend" and key:
            title = f"{key}{rule.label_zh}"
        else:
            title = f"{rule.label_zh}：{key}" if key else rule.label_zh
        return short(f"{title}（{figure}）" if figure else title)
    if rule.kind == "trend" and key:
        title = f"{rule.label_en} in {key}"
    elif rule.name in ("accident", "penalty") and key:
        title = f"{key.capitalize()} {'incident' if rule.name == 'accident' else 'penalty'}"
    else:
        title = f"{rule.label_en}: {key}" if key else rule.label_en
    return short(f"{title} ({figure})" if figure else title)


def _read(rule: Rule, match: re.Match[str], context: str, offset: int, line: int) -> _Found | None:
    """One keyword in its sentence: a disclosure, or None when it is a positive claim, prevention,
    a process ("accident investigation"), or an event with no sign that it happened."""
    start, end = offset + match.start(), offset + match.end()
    sentence, at, following = _sentence(context, start, end)
    stop = at + (end - start)
    zh = _is_han(match.group(0))
    if rule.event and (_denied(sentence, at, zh) or _PROCESS_AFTER.match(sentence, stop)):
        return None
    if rule.kind == "trend" and _RESTRAINT.search(sentence[max(0, at - 40) : at]):
        return None
    if rule.event:
        figure = _count_near(sentence, at, stop, money=rule.kind == "penalty")
        if figure is not None and figure[1] == 0:
            return None  # "0 fatalities" is a positive claim
        occurred = _OCCURRED.search(sentence[max(0, at - 50) : stop + 50]) is not None
        if figure is None and (rule.counted or not occurred):
            return None
        strength = 3 if figure else 1
    else:
        figure = _figure(sentence[stop : stop + 40]) if rule.kind == "trend" else None
        figure = _figure(sentence) if rule.kind == "target_missed" else figure
        strength = 2 if rule.kind in ("target_missed", "figure") else 1
    key = _key(rule, sentence, match, at, stop, zh)
    review = None
    if rule.kind == "trend":
        review = "check the report discusses this as an unfavourable result"
    elif rule.event and figure is None:
        review = "no figure given: check this is an incident the report discloses"
    explanation = _cause(sentence, zh)
    if rule.name == "caveat" and explanation is None:
        explanation = "统计口径调整" if zh else "statistical basis changed; earlier figures are not comparable"
    measures = _measures(sentence, following, zh, key) if rule.kind != "figure" else None
    return _Found(
        rule=rule,
        line=line,
        strength=strength,
        title=_title(rule, key, figure[0] if figure else None, zh),
        explanation=short(explanation) if explanation else None,
        measures=short(measures) if measures else None,
        indicator=short(key, 100) if key and rule.kind in ("trend", "figure") else None,
        review=review,
        figure=figure[0] if figure else None,
    )


# --- the document -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _RuleSet:
    """The general rules and a catalog's own (its lexicon's negative events and event-counting
    negative indicators), with the cue pattern that finds the lines worth reading."""

    rules: tuple[tuple[Rule, re.Pattern[str], re.Pattern[str]], ...]
    cue: LiteralWords
    cue_rules: dict[str, frozenset[str]]


def _industry_rule(name: str, event: NegativeEvent, counted: bool) -> Rule | None:
    """A rule from a catalog's terms: English on word edges, a plural allowed ("oil spills"); Chinese
    as written."""
    en = [term for term in event.en if term.strip()]
    zh = [term for term in event.zh if term.strip()]
    if not en and not zh:
        return None
    never = r"(?!x)x"
    words = "|".join(re.escape(t) for t in sorted(en, key=len, reverse=True))
    return Rule(
        name,
        "event",
        event.label.en,
        event.label.zh,
        rf"(?<![A-Za-z0-9])(?:{words})(?:e?s)?(?![A-Za-z0-9])" if en else never,
        "|".join(re.escape(t) for t in sorted(zh, key=len, reverse=True)) if zh else never,
        True,
        counted,
    )


def _build_rule_set(catalog: Catalog | None) -> _RuleSet:
    cues = {name: list(words) for name, words in _CUE_WORDS.items()}
    rules = list(_RULES)
    if catalog is not None:
        own = len(catalog.lexicon.negative_events)
        for index, event in enumerate(catalog.negative_terms()):
            name = f"event-{index}" if index < own else f"indicator-{index}"
            rule = _industry_rule(name, event, counted=index >= own)
            if rule is None:
                continue
            rules.append((rule, re.compile(rule.en, re.IGNORECASE), re.compile(rule.zh)))
            cues[rule.name] = [t.lower() for t in (*event.en, *event.zh) if t.strip()]
    every = sorted({w for words in cues.values() for w in words})
    cue_rules = {word: frozenset(n for n, c in cues.items() if any(cue in word for cue in c)) for word in every}
    return _RuleSet(tuple(rules), LiteralWords(every), cue_rules)


# The general rules and a catalog's own, built once per catalog object (catalogs are immutable).
_rule_set: PerObject[Catalog | None, _RuleSet] = PerObject(_build_rule_set)


def _candidate_lines(lines: list[str], rules: _RuleSet) -> dict[int, set[str]]:
    """Line -> the rules whose cue words it holds (one Aho-Corasick pass over the
    lower-cased text)."""
    lowered = [line.lower() if len(line.lower()) == len(line) else line for line in lines]
    text = "\n".join(lowered)
    starts: list[int] = []
    position = 0
    for line in lowered:
        starts.append(position)
        position += len(line) + 1
    found: dict[int, set[str]] = {}
    for start, word in rules.cue.finditer(text):
        index = bisect_right(starts, start) - 1
        found.setdefault(index, set()).update(rules.cue_rules.get(word, ()))
    return found


def _is_table_row(raw: str, text: str) -> bool:
    """A row of a table or a statistics list ("Major natural disasters<TAB>608", "Injuries<TAB>--<TAB>59*"):
    its figures are the table reader's, and its neighbours are other rows, not its sentence."""
    cells = [cell.strip() for cell in raw.split("\t") if cell.strip()]
    if len(cells) >= 3 and sum(any(ch.isdigit() for ch in cell) for cell in cells) >= 2:
        return True
    if len(cells) >= 2 and parse_cell(cells[-1]) is not None:
        return True
    return len(text) <= 160 and _TABLE_ROW.search(text) is not None


def _context(lines: list[str], index: int) -> tuple[str, int]:
    """The line with its neighbours (a sentence wraps over lines) and where the line starts."""
    before = lines[index - 1] if index > 0 else ""
    after = lines[index + 1] if index + 1 < len(lines) else ""
    line = lines[index]
    sep_before = "" if before and _is_han(before[-1:]) and _is_han(line[:1]) else " "
    sep_after = "" if after and _is_han(line[-1:]) and _is_han(after[:1]) else " "
    context = f"{before}{sep_before}{line}{sep_after}{after}"
    return context, len(before) + len(sep_before)


def _scan(doc: Document, rules: _RuleSet) -> list[_Found]:
    lines = [_clean(line.text) if line.text.strip() else "" for line in doc.lines]
    found: list[_Found] = []
    for index, names in sorted(_candidate_lines(lines, rules).items()):
        text = lines[index]
        if not names or not text or _is_table_row(doc.lines[index].text, text):
            continue
        context, offset = _context(lines, index)
        if _INDEX_LINE.search(context):
            continue  # an index's row (its codes may stand on the line before): page numbers, not counts
        on_line: list[_Found] = []
        for rule, english, chinese in rules.rules:
            if rule.name not in names:
                continue
            item = _first(rule, (english, chinese), text, context, offset, index)
            if item is not None:
                on_line.append(item)
        if any(item.rule.name == "penalty" for item in on_line):
            on_line = [item for item in on_line if item.rule.name != "violation"]  # the penalty's reason
        found.extend(on_line)
    return found


def _first(
    rule: Rule, patterns: tuple[re.Pattern[str], ...], text: str, context: str, offset: int, index: int
) -> _Found | None:
    """The rule's strongest disclosure on the line, the first of equals (one per rule and line)."""
    best: _Found | None = None
    for pattern in patterns:
        for match in pattern.finditer(text):
            item = _read(rule, match, context, offset, index)
            if item is not None and (best is None or item.strength > best.strength):
                best = item
    return best


def _deduplicated(found: list[_Found]) -> list[_Found]:
    """One item per event: one per rule and title within a few lines (a sentence wraps, a figure is
    repeated), and one per line and figure across rules ("2 fatalities" is the general fatality rule
    and the catalog's fatality indicator): the most specific rule stays — the industry's own event,
    then a general rule, then a catalog indicator's name."""
    best: dict[tuple[int, str | None], _Found] = {}
    for item in found:
        if item.rule.kind != "event":
            continue
        key = (item.line, item.figure)
        if key not in best or _specificity(item.rule) < _specificity(best[key].rule):
            best[key] = item
    kept: list[_Found] = []
    last: dict[tuple[str, str], int] = {}
    for item in sorted(found, key=lambda f: f.line):
        if item.rule.kind == "event" and best[(item.line, item.figure)] is not item:
            continue
        seen = (item.rule.name, item.title)
        if seen in last and item.line - last[seen] <= 5:
            continue
        last[seen] = item.line
        kept.append(item)
    return kept


def _specificity(rule: Rule) -> int:
    return 0 if rule.name.startswith("event-") else 2 if rule.name.startswith("indicator-") else 1


def extract_negatives(doc: Document, catalog: Catalog | None = None) -> list[Noted]:
    """Negative disclosures, strongest first and in document order within a strength; each value a
    NegativeDisclosure dict. ``catalog`` adds the industry's own unfavourable events (its lexicon)."""
    items = _deduplicated(_scan(doc, _rule_set(catalog)))
    items.sort(key=lambda f: (-f.strength, f.line, f.rule.name))
    results: list[Noted] = []
    for item in items[:MAX_ITEMS]:
        value: dict[str, Any] = {"title": item.title, "kind": item.rule.kind}
        for name in ("explanation", "measures", "indicator"):
            if getattr(item, name):
                value[name] = getattr(item, name)
        confidence = {3: 0.8, 2: 0.6, 1: 0.4}.get(item.strength, 0.3)
        results.append(Noted(value, source=doc.lines[item.line].where, review=item.review, confidence=confidence))
    return results
