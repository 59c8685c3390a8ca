"""The vocabulary of meta and process extraction: keyword and pattern tables, and their compiled forms.

This is the extension point: to recognise a new standard, format, release channel, role, materiality
method or phrasing, add a row to its table here; the extractors (``meta``, ``contact``, ``process``)
pick it up unchanged. English and Chinese phrasing sit side by side in each table, since a report
may be written in either language and Chinese text often names English standards ("参照GRI标准").

Conventions: patterns are case-insensitive unless they say otherwise; ``*_NEEDLES`` are lower-case
literals that must occur in a sentence before its patterns are tried (a ``str.find``, far cheaper
than a regex scan). Compiled forms are named ``<TABLE>_RE``; ``\\b`` in a pattern is compiled as an
ASCII word boundary, so "参照GRI标准" still matches ``\\bGRI\\b``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from csr_rating.ingest.document import HAN

# ---------------------------------------------------------------------------------------------
# Tables (data).
# ---------------------------------------------------------------------------------------------


# Headings of the "about this report" page, where the report describes itself.
ABOUT_HEADINGS = (
    "about this report",
    "about the report",
    "about our report",
    "report specification",
    "report profile",
    "report description",
    "report overview",
    "report introduction",
    "reporting scope",
    "scope of the report",
    "scope of this report",
    "report scope",
    "reporting guidelines",
    "reporting standards",
    "reference standards",
    "关于本报告",
    "关于报告",
    "报告说明",
    "编制说明",
    "报告信息说明",
    "报告简介",
    "报告概况",
    "报告概述",
    "报告范围",
    "编制依据",
    "报告规范",
)
ABOUT_ZONE_LINES = 150  # an "about" page is at most this many lines ...
ABOUT_ZONE_CHARS = 5000  # ... and this many characters after its heading ...
ABOUT_ZONE_END = (  # ... and ends where the next part of the report begins
    "message from", "letter from", "statement from", "chairman's statement", "chairman’s statement",
    "dialogue with", "contents", "table of contents", "about us", "company profile", "company overview",
    "致辞", "目录", "关于我们", "公司简介", "公司概况", "企业简介", "领导致辞", "致读者", "高管对话",
)  # fmt: skip

# Reporting period: a date range, "covers the whole year of 2020", "报告期为2020年".
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)


def date_pattern(name: str) -> str:
    """A calendar date in English, Chinese or numeric form; its year is group ``<name>a``..``<name>d``."""
    return (
        rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+(?P<{name}a>\d{{4}})"
        rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<{name}b>\d{{4}})"
        rf"|(?P<{name}c>\d{{4}})\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
        rf"|(?P<{name}d>\d{{4}})[-/.]\d{{1,2}}[-/.]\d{{1,2}})"
    )


PERIOD_NEEDLES = (
    "period",
    "cover",
    "time frame",
    "timeframe",
    "time scope",
    "fiscal year",
    "financial year",
    "时间范围",
    "时间跨度",
    "报告期",
    "报告时间",
    "时间段",
    "起止",
    "1月1日",
)
PERIOD_RANGE = rf"{date_pattern('s')}\s*(?:to|through|until|till|and|-|–|—|~|～|至|到)\s*{date_pattern('e')}"
PERIOD_OPEN_RANGE = (
    r"(?P<y>\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:至|到|-|–|—|~|～)\s*12\s*月\s*31\s*日"
    r"|(?:1\s+January|January\s+1(?:st)?)\s*(?:to|through|until|-|–|—)\s*(?:31\s+December|December\s+31(?:st)?),?\s+(?P<y2>\d{4})"
)
PERIOD_YEAR = (
    r"(?:covers?|covering)\s+(?:the\s+)?(?:whole|full|entire|calendar|fiscal|financial)?\s*(?:year|period)\s+(?:of\s+)?(?P<y>\d{4})"
    r"|reporting\s+(?:year|period)\s*(?:is|:|：|of)?\s*(?P<y2>\d{4})\b"
    r"|报告(?:期|期间|年度|时间范围|时间跨度)\s*(?:为|是|：|:)?\s*(?P<y3>\d{4})\s*年"
)

# What the report is called: "<Org> CSR Report 2020", "中国石化2016可持续发展进展报告".
REPORT_KINDS_EN = (  # words of a title: spaces, never a line break
    r"corporate +social +responsibility|social +responsibility|CSR|sustainability|sustainable +development"
    r"(?: +progress)?|ESG|environmental,? +social +(?:and|&) +(?:corporate +)?governance|corporate +citizenship"
    r"|non-financial|impact"
)
REPORT_KINDS_ZH = r"社会责任|可持续发展|ESG|环境、?社会及(?:公司)?管治|环境、?社会(?:和|与|及)治理|企业公民"
TITLE_LEADING_NOISE = {
    "the", "this", "our", "its", "their", "a", "an", "each", "every", "previous", "last", "in", "please",
    "since", "read", "of", "and", "for", "see", "to",
}  # fmt: skip
COVER_LINES = 30  # the cover and first page: where a title and a publisher are stated
TITLE_COVER_LINES = 10  # a title first named this early is the cover's (a running header repeats later)

# Publisher: a legal name ending in a company-form word.
ORG_SUFFIX_EN = (
    r"Corporation|Company|Limited|Ltd\.?|Group|Holdings?|Inc\.?|Incorporated|PLC|plc|LLC|AG|SE|S\.A\.|N\.V\.|Co\.|Bank"
)
ORG_NEEDLES = (
    "limited", "ltd", "corporation", "company", "group", "holding", "inc", "plc", "llc", "bank", "有限公司",
    "集团公司", "集团有限",
)  # fmt: skip
ABBREVIATED_SUFFIXES = {"Ltd", "Inc", "Co", "Corp", "Bhd", "LTD", "INC", "CO", "CORP"}
ORG_GENERIC_WORDS = {"group", "company", "corporation", "holdings", "holding", "bank", "limited"}
HAN_STOP = '是为由对向与和及的了在将经据于从把被给让请本我您：:，,、“”"《》「」()（）【】 '
# A Chinese legal name before its company-form suffix: Chinese characters, Latin letters and digits
# (TCL集团), and a short bracketed part ("上海大众公用事业（集团）股份有限公司"); at most 30 characters.
ORG_ZH_NAME_RE = re.compile(r"(?:[\u3400-\u9fffA-Za-z0-9·]|[（(][\u3400-\u9fffA-Za-z]{1,8}[)）]){2,30}$")
# Where a Chinese name's run starts after a word that is not part of it: sentence words (HAN_STOP
# without 与/和/及, which names hold: 中船海洋与防务装备) ...
ORG_ZH_STOP = '是为由对向的了在将经据于从把被给让请我您為對與於從將讓請：:，,、“”"《》「」【】 '
# Words a name never holds: a run is cut after the last of them (a cover's title glued to the name
# below it, "…社会责任报告海南航空股份有限公司"; a list of channels, "…官方微博重庆长安汽车…").
ORG_ZH_CUT_AFTER = (
    "报告书",
    "报告",
    "報告",
    "報吿",
    "简介",
    "说明",
    "微博",
    "微信",
    "网站",
    "均指",
    "是指",
    "简称",
    "年度",
    "月",
)
# Before a name: the company it names belongs to the publisher (所属天津港劳务发展有限公司).
ORG_SUBSIDIARY_BEFORE_RE = re.compile(
    r"(?:所属|下属|旗下|子公司|分公司|控股的|参股|投资的|subsidiary|subsidiaries)\s*$", re.IGNORECASE
)
# After a name: the report calls it "the company" or "we" from here on — the publisher itself.
ORG_SELF_AFTER_RE = re.compile(
    r"\s*[（(]\s*(?:以下|下文)?\s*(?:简\s*称|称|統稱|简称为|称为)?\s*[“\"「『]?\s*(?:本\s*公\s*司|公\s*司|本\s*集\s*团|集\s*团|我\s*们|我司|本行)(?![\u3400-\u9fff])"
    r"|\s*[（(,，]?\s*(?:hereinafter|hereafter)?\s*(?:referred\s+to\s+as\s+)?[“\"]?(?:the\s+)?(?:Company|Group|we)\b",
    re.IGNORECASE,
)
# Organisations a report names that never publish it (exchanges, standard setters, raters).
ORG_NOT_PUBLISHER = (
    "交易所", "全球报告倡议", "联合国", "中国社会科学院", "社会责任报告评级专家委员会", "证券监督管理委员会",
    "Stock Exchange", "Global Reporting Initiative", "United Nations",
)  # fmt: skip
# ... and leading words of a sentence about the company, stripped from the front of a run.
ORG_ZH_LEAD = (
    "本报告", "报告覆盖", "报告以", "报告中", "报告涉及", "涉及", "覆盖", "包括", "包含", "来自", "下属子公司",
    "全资子公司", "控股子公司", "子公司", "下属", "旗下", "以", "即", "系", "原", "前身", "其中", "作为",
)  # fmt: skip

# Reference standards: (canonical display name, needles, pattern). "{v}" in a name is filled with
# the pattern's "v" group (a version) when it matched, else dropped. A row's pattern is tried only
# around its own needles (lower-case literals).
STANDARDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "GRI Standards",
        ("gri", "全球报告倡议"),
        r"GRI(?:\s+Sustainability\s+Reporting)?\s+Standards?|GRI\s*标准|全球报告倡议组织[^。]{0,12}《?可持续发展报告标准",
    ),
    (
        "GRI G4 Guidelines",
        ("g4",),
        (r"\bGRI[\s-]*G4\b|\bG4\b(?=[^.。]{0,80}(?:GRI|Global\s+Reporting|全球报告倡议))"
        r"|(?:\bGRI\b|Global\s+Reporting\s+Initiative|全球报告倡议组织)[^.。]{0,80}?\bG4\b|\bG4\s*(?:guidelines|指南)"),
    ),
    ("GRI G3 Guidelines", ("g3",), r"\bGRI[\s-]*G3(?:\.1)?\b|\bG3(?:\.1)?\s*(?:guidelines|指南)"),
    ("GRI", ("gri", "global reporting", "全球报告倡议"), r"\bGRI\b|Global\s+Reporting\s+Initiative|全球报告倡议组织"),
    (
        "CASS-CSR {v}",
        ("cass", "中国企业社会责任报告"),
        r"CASS[\s-]*CSR\s*(?P<v>\d(?:\.\d)?)?|中国企业社会责任报告(?:编写)?指南",
    ),
    ("GB/T 3600{v}-2015", ("gb/t", "gb /t", "gb / t"), r"GB\s*/\s*T\s*3600(?P<v>[0-2])"),
    (
        "SASAC Guidelines for Central SOEs to Fulfil CSR",
        ("central soes", "central state", "中央企业履行"),
        r"Central\s+(?:SOEs|State[\s-]+Owned\s+Enterprises)\s+to\s+Fulfil|中央企业履行社会责任的?指导意见",
    ),
    (
        "SASAC Guidelines for SOEs to Better Fulfil CSR",
        ("to better fulfil", "国有企业更好"),
        r"(?:SOEs|State[\s-]+Owned\s+Enterprises)\s+to\s+Better\s+Fulfil|国有企业更好地?履行社会责任的?指导意见",
    ),
    ("SASAC CSR guidelines", ("sasac", "国资委"), r"\bSASAC\b[^.。]{0,60}guid|国资委[^。]{0,30}(?:指导意见|指引)"),
    (
        "HKEX ESG Reporting Guide",
        ("reporting guide", "管治报告指引", "appendix 27", "appendix c2", "附录二十七", "附录27"),
        (r"Environmental,?\s+Social\s+and\s+Governance\s+Reporting\s+Guide|\bESG\s+Reporting\s+Guide"
        r"|环境、?社会及管治报告指引|Appendix\s+(?:27|C2)\b|附录(?:二十七|27)"),
    ),
    (
        "SSE Guidelines on Environmental Information Disclosure",
        ("上海证券交易所", "上交所", "shanghai stock exchange"),
        (r"(?:上海证券交易所|上交所)[^。]{0,6}《?上市公司环境信息\s*披露指引"
        r"|Shanghai\s+Stock\s+Exchange[^.]{0,60}Environmental\s+Information\s+Disclosure"),
    ),
    (
        "SSE guidelines",
        ("上海证券交易所", "上交所", "shanghai stock exchange"),
        r"(?:上海证券交易所|上交所)[^。]{0,30}(?:指引|通知)|Shanghai\s+Stock\s+Exchange[^.]{0,60}guid",
    ),
    (
        "SZSE guidelines",
        ("深圳证券交易所", "深交所", "shenzhen stock exchange"),
        r"(?:深圳证券交易所|深交所)[^。]{0,30}(?:指引|通知)|Shenzhen\s+Stock\s+Exchange[^.]{0,60}guid",
    ),
    (
        "UN Sustainable Development Goals",
        ("sdg", "sustainable development goals", "2030 agenda", "可持续发展目标", "可持续发展议程"),
        (r"\bSDGs?\b|Sustainable\s+Development\s+Goals|2030\s+Agenda\s+for\s+Sustainable\s+Development"
        r"|可持续发展目标|2030\s*(?:年)?可持续发展议程"),
    ),
    ("ISO 26000", ("iso 26000", "iso26000"), r"ISO\s*26000"),
    ("UN Global Compact", ("global compact", "全球契约"), r"Global\s+Compact|全球契约"),
    (
        "SASB Standards",
        ("sasb", "sustainability accounting standard"),
        r"\bSASB\b|Sustainability\s+Accounting\s+Standards?\s+Board",
    ),
    (
        "TCFD Recommendations",
        ("tcfd", "task force on climate", "气候相关财务"),
        r"\bTCFD\b|Task\s+Force\s+on\s+Climate[\s-]+related\s+Financial|气候相关财务信息披露",
    ),
    ("AA1000", ("aa1000", "aa 1000"), r"\bAA\s*1000"),
    ("IFRS Sustainability Disclosure Standards", ("issb", "ifrs s"), r"\bISSB\b|\bIFRS\s*S[12]\b"),
)
# A generic name is dropped when a more specific one of the same family was found.
STANDARD_SUBSUMED = {
    "GRI": ("GRI Standards", "GRI G4 Guidelines", "GRI G3 Guidelines"),
    "SASAC CSR guidelines": (
        "SASAC Guidelines for Central SOEs to Fulfil CSR",
        "SASAC Guidelines for SOEs to Better Fulfil CSR",
    ),
    "SSE guidelines": ("SSE Guidelines on Environmental Information Disclosure",),
}
# Words that make a sentence a statement of the reporting basis.
STANDARD_CUES = (
    r"compil|prepar|in\s+accordance|with\s+reference|referr|references?\b|refer\s+to|follow|pursuant|based\s+on"
    r"|guided\s+by|compl(?:y|ies|iance)|按照|参照|参考|依据|根据|遵循|遵照|编制|编写"
)
# A guideline named in quotation marks on the "about" page or in a reporting-basis sentence.
QUOTED_STANDARD = r"[“\"《](?P<q>[^”\"》\n]{0,120}?(?:guidelines?|guide|standards?|scheme|principles|指南|指引|标准|指导意见|规范|准则|原则)[^”\"》\n]{0,80})[”\"》]"
INDEX_HEADING = r"\bindex\b|索引|对照表|content\s+index"

# Languages of the published versions.
LANGUAGE_NAMES_EN = {
    "chinese": "zh", "english": "en", "french": "fr", "spanish": "es", "german": "de", "japanese": "ja",
    "portuguese": "pt", "russian": "ru", "arabic": "ar", "korean": "ko", "italian": "it", "dutch": "nl",
    "tibetan": "bo", "mongolian": "mn", "uyghur": "ug", "vietnamese": "vi", "thai": "th", "indonesian": "id",
}  # fmt: skip
LANGUAGE_NAMES_ZH = {
    "中": "zh", "英": "en", "日": "ja", "法": "fr", "德": "de", "俄": "ru", "韩": "ko", "繁体": "zh", "简体": "zh",
    "繁体中": "zh", "简体中": "zh", "藏": "bo", "蒙": "mn", "葡": "pt", "西班牙": "es", "阿拉伯": "ar", "维吾尔": "ug",
}  # fmt: skip
LANGUAGE_NEEDLES = (
    *LANGUAGE_NAMES_EN,
    "文版",
    "语版",
    "文本",
    "双语",
    "英文",
    "中文",
    "文和",
    "文、",
    "、英",
    "英文版",
)

# Forms the report is published in (vocabulary of Meta.formats).
FORMATS: tuple[tuple[str, str], ...] = (
    (
        "print",
        (r"print(?:ed)?\s+(?:versions?|editions?|cop(?:y|ies)|forms?|format)|\bin\s+print\b|hard\s*cop(?:y|ies)"
        r"|paper\s+(?:versions?|editions?)|纸质|印刷版|印刷本|纸版|纸张印刷|纸印刷"),
    ),
    (
        "electronic",
        (r"electronic(?:\s+and\s+print(?:ed)?)?\s+(?:versions?|editions?|forms?|cop(?:y|ies)|format)|e-version"
        r"|digital\s+(?:versions?|editions?)|\bPDF\s+(?:versions?|format|file|edition)|\bin\s+PDF\b|电子版|电子文档|电子文本"),
    ),
    (
        "web",
        r"online\s+(?:versions?|editions?)|\bin\s+(?:print\s+and\s+)?online\b|web(?:site)?\s+version|\bHTML\b|网络版|网页版|在线版",
    ),
    ("brief", r"brief\s+versions?|summary\s+versions?|abridged|简版|简要版|摘要版|精简版|简本"),
    ("long_image", r"long\s+(?:image|picture)|长图"),
    ("video", r"video\s+versions?|视频版"),
    ("h5", r"\bH5\b"),
    ("audio", r"audio\s+versions?|有声版|音频版"),
    ("braille", r"braille|盲文"),
    ("app", r"\bapp\s+versions?|APP版|手机版|移动版"),
)
FORMAT_NEEDLES = (
    "version", "edition", "print", "online", "electronic", "pdf", "copy", "copies", "html", "abridged", "h5",
    "braille", "long image", "版", "印刷", "纸质", "长图", "盲文", "简本",
)  # fmt: skip

# A sentence is about the report itself when it names it; SELF_REPORT is stricter: "this report",
# "the report" as such (not "the report of the working group", not "the committee reports").
REPORT_REF = r"\breports?\b|报告"
SELF_REPORT = (
    r"\b(?:this|the|our)\s+(?:[\w-]+\s+){0,3}?report\b(?!\s+(?:of|on|to|from)\b)|本报告"
    r"|报告的?(?:编制|编写|审核|审定|审议|发布)|(?:审核|审定|审议|批准)(?:通过)?了?(?:该|此)?报告"
)
PUBLISH_VERBS = r"releas|publish|available|download|access|found|launch|post|upload|distribut|issu|发布|下载|查阅|获取|登载|刊登|浏览|披露|公布"

# Release channels (vocabulary of Release.channels).
CHANNELS: tuple[tuple[str, str], ...] = (
    ("website", r"website|web\s*site|homepage|\bwww\.|https?://|官网|官方网站|网站|网址|主页"),
    (
        "press_conference",
        r"press\s+conference|launch\s+(?:event|ceremony|conference)|release\s+(?:conference|ceremony|event)|发布会|发布仪式",
    ),
    ("stock_exchange", r"stock\s+exchange|\bHKEX|\bSSE\b|\bSZSE\b|联交所|港交所|上交所|深交所|证券交易所|披露易|巨潮"),
    ("wechat", r"wechat|weixin|微信"),
    ("weibo", r"weibo|微博"),
    ("app", r"\bapps?\b|mobile\s+application|客户端"),
    ("video_platform", r"video\s+platform|youtube|bilibili|tiktok|douyin|抖音|视频号|哔哩哔哩"),
    ("email", r"(?:sent|distributed|delivered)\s+(?:\w+\s+){0,3}by\s+e-?mail|邮件(?:发送|推送)"),
    (
        "print_distribution",
        r"distribut\w*\s+(?:\w+\s+){0,3}(?:printed|hard|paper)\s+cop|mail(?:ed)?\s+(?:printed|hard)\s+cop|寄送|赠阅|分发",
    ),
    ("stakeholder_meeting", r"stakeholder\s+(?:meeting|conference|forum)|利益相关方(?:沟通|交流)?(?:会|大会|座谈)"),
    ("media", r"(?:through|via|by|in)\s+(?:the\s+)?(?:\w+\s+){0,2}media\b|媒体(?:发布|报道|推送)|通过[^。]{0,10}媒体"),
)
CHANNEL_NEEDLES = (
    "releas", "publish", "available", "download", "access", "found", "launch", "post", "upload", "distribut",
    "发布", "下载", "查阅", "获取", "登载", "刊登", "浏览", "公布",
)  # fmt: skip

# Publication cycle.
RELEASE_CYCLES: tuple[tuple[str, str], ...] = (
    (
        "annual",
        (r"\b(?:this|the|our)\s+(?:\w+\s+){0,3}report\s+is\s+(?:an\s+)?annual\b|\bis\s+an\s+annual\s+report\b"
        r"|(?:released|published|issued)\s+(?:every\s+year|annually|once\s+a\s+year|on\s+an\s+annual\s+basis|yearly)"
        r"|\b(?:reporting|release|publication)\s+(?:cycle|frequency)\s*(?:is|:|：)?\s*(?:annual|yearly|once\s+a\s+year)"
        r"|(?:本报告|报告)(?:为|是|系)年度报告|(?:发布|报告|编制)(?:周期|频率)\s*(?:为|是|：|:)?\s*(?:一年|年度|每年)"
        r"|每年(?:定期)?(?:发布|编制)|逐年发布|年度发布"),
    ),
    (
        "biennial",
        r"(?:released|published|issued)\s+every\s+two\s+years|\bbiennial(?:ly)?\b|每两年(?:发布|编制)",
    ),
    (
        "quarterly",
        r"(?:released|published|issued)\s+(?:every\s+quarter|quarterly)|(?:reporting|release)\s+cycle\s*(?:is|:)?\s*quarterly|每季度发布",
    ),
)
CYCLE_NEEDLES = (
    "annual", "every year", "once a year", "yearly", "cycle", "frequency", "every two years", "biennial",
    "quarter", "年度报告", "周期", "频率", "每年", "逐年", "年度发布", "每两年", "每季度",
)  # fmt: skip

# How many reports in a row: "for 11 consecutive years", "连续第11年发布", "第十一份...报告".
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_ORDINAL_WORDS = tuple(w for w in NUMBER_WORDS if w.endswith(_ORDINAL_SUFFIXES))
_CARDINAL_WORDS = tuple(w for w in NUMBER_WORDS if not w.endswith(_ORDINAL_SUFFIXES))
_NUM = r"\d{1,2}|" + "|".join(sorted(_CARDINAL_WORDS, key=len, reverse=True))
_ORD = r"\d{1,2}(?:st|nd|rd|th)|" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_CN_NUM = r"[\d一二三四五六七八九十两]{1,4}"
_ORDINAL_NEEDLES = _ORDINAL_WORDS + tuple(f"{digit}{suffix}" for digit in "0123456789" for suffix in _ORDINAL_SUFFIXES)
_RUNNING = ("consecutive", "successive", "straight", "in a row", "running", "in succession", "without interruption")
CONSECUTIVE: tuple[tuple[tuple[str, ...], bool, str], ...] = (  # (needles, surely reports in a row, pattern)
    (
        _RUNNING,
        True,
        rf"\b(?:for|in)\s+(?:the\s+)?(?:past\s+|last\s+)?(?P<n>{_NUM})\s+(?:consecutive|successive|straight)\s+years?",
    ),
    (_RUNNING, True, rf"\b(?P<n>{_NUM})\s+(?:consecutive|successive|straight)\s+years?"),
    (
        _RUNNING,
        True,
        rf"\b(?P<n>{_NUM})\s+years?\s+(?:consecutively|in\s+a\s+row|running|in\s+succession|without\s+interruption)",
    ),
    (
        _RUNNING,
        True,
        rf"\b(?P<n>{_ORD})\s+(?:consecutive|successive|straight)\s+(?:[\w-]+\s+){{0,3}}?(?:year|report|edition)",
    ),
    (_RUNNING, True, rf"\b(?P<n>{_ORD})\s+year\s+(?:in\s+a\s+row|running|in\s+succession)"),
    (("连续",), True, r"连续(?:第)?(?P<n>" + _CN_NUM + r")\s*(?:年|次|份|届)"),
    (("年发布", "年编制", "年发表"), True, r"第(?P<n>" + _CN_NUM + r")\s*年(?:连续)?(?:发布|编制|发表)"),
    (_ORDINAL_NEEDLES, False, rf"\b(?:the|our|its|this\s+is\s+the)\s+(?P<n>{_ORD})\s+(?:\w+\s+){{0,5}}?reports?\b"),
    (("第",), False, r"第(?P<n>" + _CN_NUM + r")\s*(?:份|本|部|期)[^。，,]{0,20}?报告"),
)
PUBLISHING = r"report|publish|releas|issu|disclos|报告|发布|发表|编制|披露"
AWARD_WORDS = (
    r"award|rating|rated|\bstars?\b|five-star|prize|honou?r|\bwon\b|\bwin|ranked|recogni[sz]ed|selected|listed"
    r"|荣获|获得|获评|评为|当选|星级|评级|奖|入选|蝉联"
)
NEGATION = r"\bnot\b|\bno\b|\bnever\b|\bnor\b|未|尚未|没有|暂未|暂无|无需"

# External rating, assurance and verification of the report.
ASSURANCE_TRIGGERS: tuple[tuple[str, str], ...] = (
    (
        "rating",
        (r"rating\s+report|report\s+rating|CSR\s+Report\s+Rating|(?:rated|awarded|won|received)\s+(?:an?\s+|the\s+)?"
        r"(?:five|four|three|5|4|3)(?:[\s-]+and[\s-]+a[\s-]+half)?[\s-]*stars?|评级报告|报告评级|评级专家委员会"
        r"|(?:评为|获得|荣获|评定为)[^。]{0,8}(?:五星|四星半|四星)"),
    ),
    (
        "verification",
        (r"independent\s+verification|third[\s-]+party\s+verification|verification\s+(?:statement|report|opinion)"
        r"|审验(?:报告|声明)?|第三方(?:验证|审验|核查)|验证声明|核查声明"),
    ),
    (
        "assurance",
        (r"independent\s+(?:limited\s+|reasonable\s+)?assurance|assurance\s+(?:statement|report|engagement|provider|opinion)"
        r"|(?:limited|reasonable)\s+assurance|third[\s-]+party\s+assurance|ISAE\s*3000|独立鉴证|鉴证(?:报告|声明|意见)"
        r"|有限保证|合理保证|第三方鉴证"),
    ),
)
ASSURANCE_NEEDLES = (
    " rating", "-rating", " rated", " star", "-star", "verification", "assurance", "isae", "评级", "星", "审验",
    "鉴证", "验证", "核查", "保证",
)  # fmt: skip
ASSURANCE_PROVIDERS: tuple[tuple[str, str], ...] = (
    (
        "Chinese Expert Committee on CSR Report Rating",
        r"Chinese\s+Expert\s+Committee\s+on\s+CSR\s+Report\s+Rating|中国企业社会责任报告评级专家委员会",
    ),
    ("SGS", r"\bSGS\b|通标标准"),
    ("Bureau Veritas", r"Bureau\s+Veritas|必维"),
    ("DNV", r"\bDNV(?:[\s-]*GL)?\b|挪威船级社"),
    ("PwC", r"\bPwC\b|PricewaterhouseCoopers|普华永道"),
    ("KPMG", r"\bKPMG\b|毕马威"),
    ("Deloitte", r"Deloitte|德勤"),
    ("EY", r"\bEY\b|Ernst\s*&\s*Young|安永"),
    ("BSI", r"\bBSI\b|英国标准协会"),
    ("TÜV", r"T[ÜU]V\b|莱茵"),
    ("LRQA", r"\bLRQA\b|Lloyd['’]s\s+Register|劳氏"),
    ("Intertek", r"Intertek|天祥"),
    ("China Quality Certification Centre", r"China\s+Quality\s+Certification\s+Cent(?:er|re)|中国质量认证中心|\bCQC\b"),
)
ASSURANCE_STANDARDS = (
    r"ISAE\s*3000(?:\s*\(Revised\))?|ISAE\s*3410|AA\s*1000\s*AS(?:\s*v3)?|AA1000|CASS[\s-]*CSR\s*\d(?:\.\d)?"
)
STAR_RESULTS: tuple[tuple[str, str], ...] = (
    ("five stars", r"five[\s-]*stars?|5[\s-]*stars?|五星"),
    ("four and a half stars", r"four[\s-]+and[\s-]+a[\s-]+half[\s-]*stars?|4\.5[\s-]*stars?|四星半"),
    ("four stars", r"four[\s-]*stars?|4[\s-]*stars?|四星"),
    ("three stars", r"three[\s-]*stars?|3[\s-]*stars?|三星"),
)
STRONG_RATING = r"rating\s+report|conclusion\s+of\s+rating|overall\s+rating|评级报告|评级结论|综合评级"

# Contact details: labels, then the value pattern.
CONTACT_LABELS = {
    "email": r"e-?mail|邮箱|电子邮箱|电子邮件|电邮",
    "phone": r"(?<![a-z])tel(?:ephone)?\.?|phone|hotline|联系电话|联络电话|电话|热线",
    "fax": r"fax|传真",
    "website": r"website|web\s*site|homepage|\burl\b|网址|网站|官网",
    "address": r"(?:mailing\s+|postal\s+)?address|通讯地址|邮寄地址|联系地址|地址",
    "mail": r"mail\s+to|post\s+to|邮寄|寄至",
    "zip": r"zip\s*code|post\s*code|postal\s*code|邮编|邮政编码",
}
PHONE_NEEDLES = ("tel:", "tel.", "tel：", "tel ", "telephone", "phone", "hotline", "电话", "热线")
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
PHONE = r"\+?\(?\d[\d()（）\s+-]{5,22}\d"
URL = r"(?:https?://|www\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[A-Za-z0-9./%#?=&~_-]*)?"
DEPARTMENT_EN = (
    r"(?:[A-Z][\w&-]*[^\S\n]+(?:(?:and|of|for|&)[^\S\n]+)?){1,6}"
    r"(?:Department|Office|Committee|Working[^\S\n]+Group|Secretariat|Division|Cent(?:er|re)|Bureau|Team)\b"
)
DEPARTMENT_ZH = rf"[{HAN}]{{2,14}}?(?:部|办公室|办公厅|委员会|工作组|小组|中心|秘书局|秘书处|处)"

# Who prepared the report.
PREPARATION: tuple[str, ...] = (  # case-sensitive: department names are capitalised; verbs say (?i:...)
    (rf"(?P<d>{DEPARTMENT_EN})\s+(?i:(?:has\s+|have\s+|had\s+)?(?:set\s+up|established|formed|organi[sz]ed|led|leads"
    r"|took\s+the\s+lead|takes\s+the\s+lead|was\s+responsible\s+for|is\s+responsible\s+for|coordinated|coordinates)"
    r"\s+(?:\w+\s+){0,4}?(?:preparation|compilation|drafting|writing|preparing|compiling))"),
    rf"(?i:\breport\s+(?:was|is|has\s+been)\s+(?:\w+\s+)?(?:prepared|compiled|drafted|written)\s+by\s+(?:the\s+)?)(?P<d>{DEPARTMENT_EN})",
    (rf"(?i:(?:preparation|compilation|drafting|writing)\s+(?:team|group|committee|office)\s+(?:\w+\s+){{0,3}}?"
    rf"(?:led|headed|chaired|coordinated)\s+by\s+(?:the\s+)?)(?P<d>{DEPARTMENT_EN})"),
    rf"(?P<d>{DEPARTMENT_ZH})(?:牵头|负责|组织|统筹)[^。，,]{{0,12}}?(?:编制|编写|撰写)",
    rf"报告(?:由|经)(?P<d>{DEPARTMENT_ZH})(?:牵头|负责|组织)?(?:编制|编写|撰写)",
    rf"(?:成立|组建|设立)了?(?P<d>[{HAN}]{{0,12}}?(?:编写组|编制组|编写小组|编制小组|编委会|编写委员会|工作组|工作小组))",
)
PREPARATION_NEEDLES = (
    "preparation", "compilation", "drafting", "writing", "preparing", "compiling", "prepared", "compiled",
    "drafted", "written", "编制", "编写", "撰写", "编委会", "工作组", "工作小组",
)  # fmt: skip

# Leadership: roles (canonical name, pattern; None = keep the committee's name as written) and
# the verbs that make a role steer the report or give its final sign-off.
ROLES: tuple[tuple[str | None, str], ...] = (
    ("Board of Directors", r"board\s+of\s+directors|\bthe\s+board\b(?!\s+of\s+(?!directors))|董事会(?!秘书|办公室)"),
    ("Vice Chairman", r"vice[\s-]chair(?:man|woman|person)?|副董事长"),
    ("Chairman", r"\bchair(?:man|woman|person)\b|董事长"),
    ("Vice President", r"vice[\s-]president|副总裁|副总经理"),
    ("President", r"\bpresident\b|总裁|总经理"),
    ("CEO", r"\bCEO\b|chief\s+executive(?:\s+officer)?|首席执行官"),
    ("Party Secretary", r"party\s+secretary|党委书记|党组书记"),
    (
        "Senior management",
        r"senior\s+management|top\s+management|management\s+team|executive\s+committee|高级管理层|管理层|高管层?|公司领导|领导班子|主要领导",
    ),
    (
        None,
        (r"(?:sustainability|ESG|CSR|social\s+responsibility|strategy|strategic)(?:\s+(?:and|&)\s+\w+)?\s+committee"
        r"|(?:可持续发展|社会责任|ESG|战略)[^。，、]{0,6}?委员会"),
    ),
)
FINAL_VERBS = r"approv\w*|final\s+review|signed?\s+off|sign-off|finali[sz]\w*|审定|批准|审批|终审|审议通过|签发|定稿"
STEER_VERBS = (
    r"review\w*|overall\s+direction|guid(?:e|ed|es|ing|ance)|steer\w*|direct(?:ed|s|ing)?\b|\bled\b|\blead\w*|supervis\w*"
    r"|overs(?:ee|aw)\w*|指导|审阅|审核|把关|统筹|领导|督导|部署|主持"
)
LEADERSHIP_NEEDLES = (  # a sentence names a role before its verbs matter
    "board", "chair", "president", "ceo", "chief executive", "party secretary", "senior management",
    "top management", "management team", "committee", "董事", "总裁", "总经理", "首席执行官", "书记", "管理层", "高管",
    "领导", "委员会",
)  # fmt: skip
NOT_OUR_REVIEW = r"rating|评级|assurance|鉴证|verif|审验|audit|审计"  # a rater's or auditor's own sign-off

# How the report is positioned (vocabulary of Process.positioning), after a positioning cue.
POSITIONING_CUE = (
    r"position(?:ed|s|ing)?\s+(?:the|this|our|its)\s+(?:\w+\s+){0,3}?report\s+as"
    r"|(?:regard|see|use|treat|view)(?:s|ed)?\s+(?:the|this|our|its)\s+(?:\w+\s+){0,3}?report\s+as"
    r"|report[^.。]{0,20}?(?:定位|positioned)|(?:将|把)(?:本|社会责任|该|可持续发展)?报告(?:作为|视为|打造成|打造为|定位为)"
    r"|报告定位"
)
POSITIONING: tuple[tuple[str, str], ...] = (
    (
        "stakeholder_communication",
        (r"communicat\w*\s+with\s+(?:\w+\s+){0,2}?stakeholders|stakeholder\s+(?:communication|engagement|dialogue)"
        r"|利益相关方[^。，,]{0,4}(?:沟通|交流)|与利益相关方沟通"),
    ),
    (
        "management_improvement",
        r"(?:improv|enhanc|strengthen)\w*\s+(?:\w+\s+){0,2}?management|management\s+improvement|以报促管|管理提升|提升[^。，,]{0,6}管理|改进[^。，,]{0,6}管理",
    ),
    ("brand", r"\bbrand|\bimage\b|reputation|品牌|形象|声誉"),
    ("culture", r"cultur|文化"),
    ("transparency", r"transparen|透明"),
    ("compliance", r"complian|合规"),
    ("strategy", r"strateg|战略"),
)
POSITIONING_NEEDLES = ("position", "regard", "as a tool", "as an important", "treat", "定位", "作为", "视为", "打造")

# Materiality: sentences about identifying issues, and the methods they name.
MATERIALITY_CUE = (
    r"materiality|material\s+(?:issues?|topics?|matters?)|substantive\s+(?:issues?|topics?)|key\s+(?:issues?|topics?)"
    r"|实质性议题|实质性|重要议题|关键议题|重大议题|核心议题|议题识别|识别[^。]{0,10}议题"
)
MATERIALITY_NEEDLES = ("materiality", "material ", "substantive", "key issue", "key topic", "实质性", "议题")
MATERIALITY_METHODS: tuple[tuple[str, str], ...] = (
    (
        "national_policy",
        (r"national\s+(?:\w+\s+){0,2}?polic|government\s+polic|macro[\s-]*(?:economic\s+)?polic|regulat\w+\s+(?:requirements?|authorit|polic|guid)"
        r"|国家[^。，,]{0,4}政策|宏观政策|国家战略|政策(?:要求|导向|文件)|监管(?:要求|机构|部门)"),
    ),
    (
        "industry_benchmarking",
        (r"benchmark\w*|\bpeers?\b|peer\s+compan|industry\s+(?:practices?|trends?|peers?|benchmarks?|leaders?)"
        r"|对标(?:国内外|国际|行业)?(?:同行|同业|行业|先进|标杆|一流|优秀)|行业对标|同行|同业"),
    ),
    (
        "business_strategy",
        (r"(?:business|corporate|company|group)(?:['’]s)?\s+(?:development\s+)?strateg|strategic\s+(?:plan|priorit|direction)|"
        r"发展战略|公司战略|企业战略|经营战略|战略规划"),
    ),
    (
        "standards",
        (r"standards?\b|guidelines?|\bGRI\b|\bSASB\b|\bSDGs?\b|sustainable\s+development\s+goals|CASS|ISO\s*26000"
        r"|标准|指南|指引|可持续发展目标|可持续发展议程"),
    ),
    ("expert_consultation", r"\bexperts?\b|专家"),
    (
        "stakeholder_survey",
        r"survey|questionnaire|interview|stakeholder\s+(?:engagement|consultation|dialogue)|问卷|调查|调研|访谈|走访",
    ),
    ("media_analysis", r"\bmedia\b|news\s+analys|public\s+opinion|媒体|舆情|舆论"),
)
ISSUE_WORDS = r"issue|topic|matter|议题|matrix|矩阵|identif|识别|materiality|实质性"
MATRIX_HEADING = (
    r"materiality\s+matrix|matrix\s+of\s+material|material\s+(?:issues|topics)|实质性议题|重要议题|议题矩阵|实质性矩阵"
)
MATRIX_NOISE = (
    r"importan|impact|significan|influence|priority|\bhigh\b|\bmedium\b|\blow\b|\bissues?\b|\btopics?\b|categor|chapter"
    r"|\bpage\b|重要|影响|程度|优先|关注度|^[高中低]$|章节|页|议题$"
)
MATRIX_STOP = r"corresponding|chapter|章节|对应"
MATRIX_MAX_ITEMS = 40

# Readers' feedback on earlier reports.
FEEDBACK_COUNT = (
    r"(?:collected|received|recovered|gathered|obtained)\s+(?:a\s+total\s+of\s+|over\s+|more\s+than\s+)?(?P<n>\d[\d,]*)\s+"
    r"(?:valid\s+|effective\s+)?(?:[\w’'-]+\s+){0,3}?(?:questionnaires|feedback\s+forms|responses|surveys|replies|feedbacks?)"
    r"|(?P<n2>\d[\d,]*)\s+(?:valid\s+)?(?:readers?['’]?\s+)(?:questionnaires|feedback|responses|surveys)"
    r"|(?:收集|回收|收到|获得)了?(?:读者)?(?:有效)?(?:反馈|意见)?(?:问卷|反馈表|意见表|反馈)?(?:共)?(?P<n3>[\d,]+)\s*份"
)
FEEDBACK_IMPROVEMENT = (
    r"(?:based\s+on|in\s+response\s+to|according\s+to|following)\s+(?:the\s+)?(?:readers?['’]?\s+|stakeholders?['’]?\s+)"
    r"(?:feedback|suggestions|comments|opinions)[^.;]{0,40}?,\s*(?:we|this\s+report|the\s+report)\s+(?P<v>[^.;]{8,200})"
    r"|根据(?:读者|利益相关方)的?(?:反馈|意见|建议)[^。；]{0,20}?，(?:本报告|今年报告|我们)(?P<v2>[^。；]{4,120})"
)
FEEDBACK_CONTEXT = r"reader|读者|report|报告"
FEEDBACK_NEEDLES = ("questionnaire", "feedback", "responses", "surveys", "replies", "问卷", "反馈", "意见", "读者")

RELEASE_DATE = r"(?:release|publication|publishing)\s+date|date\s+of\s+(?:release|publication)|发布(?:日期|时间)"

# ---------------------------------------------------------------------------------------------
# Compiled forms of the tables.
# ---------------------------------------------------------------------------------------------

_I = re.IGNORECASE
# A word boundary between ASCII word characters and anything else: Chinese text runs into English
# names ("参照GRI标准", "和H5版本"), and for ``\b`` a Han character is a word character too.
_ASCII_BOUNDARY = r"(?:(?<![A-Za-z0-9_])(?=[A-Za-z0-9_])|(?<=[A-Za-z0-9_])(?![A-Za-z0-9_]))"


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern.replace(r"\b", _ASCII_BOUNDARY), flags)


def _alternation(table: Iterable[tuple[Any, ...]], flags: int = _I) -> re.Pattern[str]:
    """One pattern for a whole table, branch ``g<i>`` per row (the row's last item is its pattern):
    for tables whose rows never overlap in the text, or where the first row to match should win."""
    return _compile("|".join(f"(?P<g{i}>{row[-1]})" for i, row in enumerate(table)), flags)


def _rows(table: Iterable[tuple[Any, ...]]) -> list[re.Pattern[str]]:
    """One pattern per row, for tables whose rows may match overlapping words."""
    return [_compile(row[-1], _I) for row in table]


STANDARDS_RE = _rows(STANDARDS)
STANDARD_CUES_RE = _compile(STANDARD_CUES, _I)
SELF_REPORT_RE = _compile(SELF_REPORT, _I)
QUOTED_STANDARD_RE = _compile(QUOTED_STANDARD, _I)
INDEX_HEADING_RE = _compile(INDEX_HEADING, _I)
PERIOD_RANGE_RE = _compile(PERIOD_RANGE, _I)
PERIOD_OPEN_RANGE_RE = _compile(PERIOD_OPEN_RANGE, _I)
PERIOD_YEAR_RE = _compile(PERIOD_YEAR, _I)
YEAR_RE = _compile(r"(?<![\d.,])(?:19[5-9]\d|20\d\d)(?![\d.,]?\d)")
# A four-digit number that counts something ("2068名", "2035 employees") is no year; nor is a
# target year ("到2030年", "by 2060") the report's own.
YEAR_COUNT_AFTER_RE = _compile(
    r"\s*(?:名|人|位|个|家|户|辆|台|套|吨|万|亿|元|米|公里|千米|项|次|件|起|亩|股|份|只|条|座|所|张|笔|"
    r"employees|people|persons|staff|units|vehicles|tonnes|tons|km|households)",
    _I,
)
YEAR_TARGET_BEFORE_RE = _compile(r"(?:到|至|力争|争取|计划|预计|by|until|towards|before)\s*$", _I)
TITLE_EN_RE = _compile(
    rf"(?:(?:[A-Z][\w&.’'-]*|\d{{4}})[^\S\n]+){{0,6}}(?i:{REPORT_KINDS_EN})[^\S\n]+(?i:report)\b"
    r"(?![^\S\n]+(?i:rating|guidelines?|index|system|preparation|writing|compilation))(?:[^\S\n]+\d{4}(?:[^\S\n]*[/-][^\S\n]*\d{2,4})?)?"
)
TITLE_ZH_RE = _compile(
    rf"[{HAN}A-Za-z]{{0,14}}\s?(?:\d{{4}}\s*(?:[-/—–]\s*\d{{4}}\s*)?年?度?)?\s?[{HAN}]{{0,6}}?(?:{REPORT_KINDS_ZH})[{HAN}]{{0,6}}?报告书?"
)
REPORT_KIND_EN_RE = _compile(rf"(?i:{REPORT_KINDS_EN})")
# Words of a sentence about a report, never of its title ("自2008年首次发布社会责任报告").
TITLE_NOT_ZH_RE = _compile(
    r"发布|编制|编写|首次|披露|参照|依据|按照|连续|获得|荣获|入选|评为|奖|优秀|榜|评选|入围|[，,。；]|^\d{1,3}\s*年(?!度)"
)  # a sentence, an award ("…优秀企业社会责任报告"), "6年社会责任报告" from "连续6年…" are no titles
ORG_EN_RE = _compile(
    rf"(?:[A-Z][\w&'’.-]*[^\S\n]+(?:(?:of|and|&|for|de)[^\S\n]+)?){{1,7}}(?i:{ORG_SUFFIX_EN})(?!\w)"
    r"(?i:,?[^\S\n]+(?:Limited|Ltd\.?|Inc\.?|Co\.,?[^\S\n]*Ltd\.?|Corporation|Company)(?!\w))*"
)
ORG_ZH_SUFFIX_RE = _compile(r"股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司")
HAN_RUN_END_RE = _compile(rf"[{HAN}]{{1,24}}$")
_LANG_EN_NAME = "|".join(sorted(LANGUAGE_NAMES_EN, key=len, reverse=True))
LANGUAGE_NAME_EN_RE = _compile(_LANG_EN_NAME, _I)
LANGUAGES_EN_RE = _compile(
    rf"(?:traditional\s+|simplified\s+)?\b(?:{_LANG_EN_NAME})\b(?:\s*(?:,|and|&|/|or)\s*(?:both\s+)?"
    rf"(?:traditional\s+|simplified\s+)?\b(?:{_LANG_EN_NAME})\b)*",
    _I,
)
LANGUAGES_BEFORE_EN_RE = _compile(r"\b(?:in|both)\s+(?:both\s+)?$", _I)
LANGUAGES_AFTER_EN_RE = _compile(r"\s*(?:\w+\s+)?(?:versions?|editions?|languages?|texts?)\b", _I)
_LANG_ZH_TOKEN = "|".join(sorted(LANGUAGE_NAMES_ZH, key=len, reverse=True))
LANGUAGE_NAME_ZH_RE = _compile(_LANG_ZH_TOKEN)
LANGUAGES_ZH_RE = _compile(
    rf"(?P<seq>(?:{_LANG_ZH_TOKEN})(?:\s*[、和及与/]?\s*(?:{_LANG_ZH_TOKEN}))*)\s*(?:双语|[文语])\s*(?:两种|三种|双语)?"
    r"\s*(?:版本?|语言|双语|对照|文本|发布|编写)"
)
FORMATS_RE = _rows(FORMATS)
CHANNELS_RE = _rows(CHANNELS)
RELEASE_CYCLES_RE = _alternation(RELEASE_CYCLES)
CONSECUTIVE_RE = [_compile(pattern, _I) for _, _, pattern in CONSECUTIVE]
PUBLISHING_RE = _compile(PUBLISHING, _I)
AWARD_WORDS_RE = _compile(AWARD_WORDS, _I)
NEGATION_RE = _compile(NEGATION, _I)
REPORT_REF_RE = _compile(REPORT_REF, _I)
PUBLISH_VERBS_RE = _compile(PUBLISH_VERBS, _I)
ASSURANCE_TRIGGERS_RE = _alternation(ASSURANCE_TRIGGERS)
ASSURANCE_PROVIDERS_RE = _alternation(ASSURANCE_PROVIDERS)
ASSURANCE_STANDARDS_RE = _compile(ASSURANCE_STANDARDS, _I)
STAR_RESULTS_RE = _alternation(STAR_RESULTS)
STRONG_RATING_RE = _compile(STRONG_RATING, _I)
EMAIL_LABEL_RE = _compile(rf"(?:{CONTACT_LABELS['email']})\s*[:：]?\s*$", _I)
WEBSITE_LABEL_RE = _compile(rf"(?:{CONTACT_LABELS['website']})\s*[:：]?\s*\(?$", _I)
WEBSITE_WORD_RE = _compile(rf"{CONTACT_LABELS['website']}|官方|official", _I)
_LABEL_ANY = "|".join(f"(?:{pattern})" for key, pattern in CONTACT_LABELS.items() if key != "mail")
EMAIL_RE = _compile(EMAIL)
LABELLED_NUMBER_RE = {
    key: _compile(rf"(?:{CONTACT_LABELS[key]})\s*[:：]?\s*(?P<v>{PHONE})", _I) for key in ("phone", "fax")
}
URL_RE = _compile(URL, _I)
ADDRESS_RE = _compile(
    rf"(?P<label>{CONTACT_LABELS['address']}|{CONTACT_LABELS['mail']})\s*[:：]\s*(?P<v>[^\n]{{4,240}}?)\s*"
    rf"(?=(?:{_LABEL_ANY})\s*[:：]|\n|$)",
    _I,
)
MAILING_RE = _compile(CONTACT_LABELS["mail"], _I)
ZIP_RE = _compile(rf"(?:{CONTACT_LABELS['zip']})\s*[:：]?\s*(?P<v>\d{{4,10}})", _I)
DEPARTMENT_EN_RE = _compile(DEPARTMENT_EN)
# The contact department as written after the company's name ("...公司社会责任办公室").
CONTACT_DEPARTMENT_ZH_RE = _compile(
    rf"(?:公司|集团|\)|）)(?P<d>[{HAN}]{{2,12}}?(?:部|办公室|办公厅|委员会|秘书局|秘书处|中心))"
)
PREPARATION_RE = [_compile(pattern) for pattern in PREPARATION]
ROLES_RE = _alternation(ROLES)
FINAL_VERBS_RE = _compile(FINAL_VERBS, _I)
STEER_VERBS_RE = _compile(STEER_VERBS, _I)
NOT_OUR_REVIEW_RE = _compile(NOT_OUR_REVIEW, _I)
ROLE_JOIN_RE = _compile(r"\s*(?:,|and|&|及|和|与|、|以及)?\s*(?:the\s+)?", _I)
PASSIVE_RE = _compile(r"\bby\s+(?:the\s+)?(?:company['’]s\s+|group['’]s\s+)?$", _I)  # Chinese puts the verb after
POSITIONING_CUE_RE = _compile(POSITIONING_CUE, _I)
POSITIONING_RE = _rows(POSITIONING)
MATERIALITY_CUE_RE = _compile(MATERIALITY_CUE, _I)
MATERIALITY_METHODS_RE = _rows(MATERIALITY_METHODS)
ISSUE_WORDS_RE = _compile(ISSUE_WORDS, _I)
MATRIX_HEADING_RE = _compile(MATRIX_HEADING, _I)
MATRIX_NOISE_RE = _compile(MATRIX_NOISE, _I)
MATRIX_STOP_RE = _compile(MATRIX_STOP, _I)
PROSE_MARK_RE = _compile(r"[。，,;；:：]|\.\s")
LETTERS_RE = _compile(rf"[A-Za-z{HAN}]{{2}}")
FEEDBACK_COUNT_RE = _compile(FEEDBACK_COUNT, _I)
FEEDBACK_IMPROVEMENT_RE = _compile(FEEDBACK_IMPROVEMENT, _I)
FEEDBACK_CONTEXT_RE = _compile(FEEDBACK_CONTEXT, _I)
RELEASE_DATE_RE = _compile(rf"(?:{RELEASE_DATE})\s*[:：]?\s*(?P<d>{date_pattern('r')})", _I)


# --- parts of a draft that are not the report's own facts (structure.py) -----------------------
# Each kind's markers are patterns for one line (tried only on lines holding one of its lower-case
# ``needles``); a part needs ``needed`` different markers on different lines within a few dozen
# lines. English and Chinese.
STRUCTURE: dict[str, dict[str, Any]] = {
    "rating_letter": {
        "needed": 2,
        "needles": ["rating", "评级", "★", "suggestion", "改进建议"],
        "markers": [
            r"basis\s+of\s+(?:the\s+)?rating|rating\s+basis|评级依据",
            r"process\s+of\s+(?:the\s+)?rating|rating\s+process|评级过程",
            r"conclusion\s+of\s+(?:the\s+)?rating|rating\s+conclusion|评级结论",
            r"rating\s+report\s+(?:of|on|for)\b|》\s*评级报告|^评级报告$",
            r"leader\s+of\s+(?:the\s+)?rating|rating\s+team|评级小组|评级组长",
            r"expert\s+committee\s+on\s+csr\s+report\s+rating|报告评级专家委员会",
            (r"^(?:procedur\w*|substant\w*|completeness|balance|comparability|readability|originality|overall\s+rating)"
            r"[^★]{0,30}★|^(?:过程性|实质性|完整性|平衡性|可比性|可读性|创新性|综合评级)[^★]{0,6}★"),
            r"suggestions?\s+for\s+improvement|改进建议",
        ],
    },
    "assurance": {
        "needed": 2,
        "needles": ["assurance", "isae", "aa1000", "iso", "responsib", "鉴证", "审验", "核查", "验证", "我们的责任"],
        "markers": [
            (r"independent\s+(?:limited\s+)?assurance\s+(?:report|statement)|assurance\s+statement|独立(?:有限)?鉴证报告|"
            r"鉴证报告|审验声明|核查声明|验证声明"),
            r"ISAE\s*3000|AA1000\s*AS|AA1000|ISO\s*14064",
            r"our\s+responsibilit|assurance\s+(?:procedures|conclusion)|limited\s+assurance|鉴证结论|审验结论|我们的责任|鉴证程序",
        ],
    },
    "expert_comment": {
        "needed": 2,
        "needles": ["expert", "professor", "专家", "教授", "研究员", "导师"],
        "markers": [
            r"^(?:expert\s+comments?|expert\s+review|专家点评|专家评价|专家评论)\b",
            r"professor|教授|研究员|博士生导师",
        ],
    },
    "content_index": {
        "heading": r"content\s+index|index\s+(?:of|to)\s+(?:the\s+)?(?:gri|cass|indicators|hkex|esg)|gri\s+(?:standards?\s+)?index|"
        r"indicator\s+index|指标索引|内容索引|索引表|指标对照|对照表",
        "line": r"\b\d{3}-\d{1,2}\b|\bG4-[A-Z]{0,4}\d|\b(?:EC|EN|LA|HR|SO|PR)\d{1,2}\b|(?<![A-Za-z])[PGMSEA]\d{1,2}(?:\.\d{1,2})+\b|\bKPI\s*[AB]\d|(?<![A-Za-z])[AB]\d\.\d\b|"
        r"\bGRI\s*\d{3}|核心|扩展|\bP\.?\s*\d{1,3}\s*$|第\s*\d{1,3}\s*页",
    },
}
# English spelled two ways reads alike: American words to the British spelling the catalogs use
# (narrative.py maps both the catalog's phrases and the draft's words through it, after stemming a
# plural). "-ization" words follow one rule; the rest are listed.
SPELLING_VARIANTS: dict[str, str] = {
    "labor": "labour",
    "behavior": "behaviour",
    "color": "colour",
    "favor": "favour",
    "harbor": "harbour",
    "neighbor": "neighbour",
    "neighborhood": "neighbourhood",
    "center": "centre",
    "fiber": "fibre",
    "liter": "litre",
    "program": "programme",
    "defense": "defence",
    "license": "licence",
    "catalog": "catalogue",
    "enrollment": "enrolment",
    "fulfillment": "fulfilment",
    "sulfur": "sulphur",
    "aluminum": "aluminium",
    "tire": "tyre",
    "gray": "grey",
    "modeling": "modelling",
    "traveling": "travelling",
    "counseling": "counselling",
    "labeling": "labelling",
    "organizational": "organisational",
}  # singular words: narrative.py stems a plural first
SPELLING_SUFFIXES: tuple[tuple[str, str], ...] = (("ization", "isation"),)

# What a content index says of each row (content_index.py): the guide a code belongs to (CASS-CSR first:
# its codes are the Committee's; HKEX's A/B codes have a dot and no parentheses), a page reference, a
# reason for not disclosing, the core / extended mark. A guide needs ``min_rows`` coded rows to count.
CONTENT_INDEX: dict[str, Any] = {
    "guides": {
        "CASS-CSR": {"code": r"(?<![A-Za-z0-9.])[PGMSE]\d{1,2}\.\d{1,2}(?![\d.])|[（(]\s*A\d{1,2}\s*[)）]"},
        "GRI": {
            "code": r"\bGRI\s*\d{1,3}-\d{1,2}\b|(?<![\w.-])(?:10[1-3]|20[1-7]|30[1-8]|4[01]\d)-\d{1,2}(?![\w.-])"
            r"|\bG4-[A-Z]{0,4}\d{1,2}\b|(?<![A-Za-z0-9-])(?:EC|EN|LA|HR|SO|PR)\d{1,2}(?![\d.])"  # GRI G3: EN22
        },
        "HKEX ESG": {"code": r"\bKPI\s*[AB]\d{1,2}(?:\.\d{1,2})?\b|(?<![A-Za-z0-9.])[AB]\d{1,2}\.\d{1,2}(?![\d.])"},
        "SASB": {"code": r"\b[A-Z]{2}-[A-Z]{2}-\d{3}[a-z]?\.[a-z0-9]{1,3}\b"},
    },
    "min_rows": 10,
    "page": r"(?<![A-Za-z0-9.])P\.?\s*\d{1,3}(?![\d.])|封[一二三四底面]|封底|第\s*\d{1,3}\s*页|\bpages?\s+\d{1,3}"
    r"|(?:^|\t)\s*\d{1,3}(?:\s*[-–~,，、]\s*\d{1,3})*\s*(?:\t|$)|(?:^|\t)\s*\d{1,2}(?:\.\d{1,2}){1,3}\s*(?:\t|$)|\s\d{1,3}(?:\s*[-–~,，、]\s*\d{1,3})*\s*$",
    "pages_only": r"\s*(?:P\.?\s*)?\d{1,3}(?:\s*[-–~,，、]\s*(?:P\.?\s*)?\d{1,3})*\s*[.。]?\s*$",
    "not_applicable": r"不适用|无此类情况|无此情况|未涉及|不涉及|not\s+applicable|(?<![A-Za-z])N/A(?![A-Za-z])",
    "not_disclosed": r"(?:^|\t)\s*[–—-]{1,2}\s*(?:\t|$)|未披露|暂未披露|暂未纳入统计|暂无数据|暂无统计|未统计|not\s+(?:disclosed|reported|available)|omitted|"
    r"information\s+unavailable",
    "core": r"核心|\bcore\b",
    "extended": r"扩展|\bextended\b|\bexpanded\b",
    "version": r"CASS[-\s]*CSR\s*([1-9]\.\d)|指南\s*([1-9]\.\d)",
}
# Where a letter or statement ends at the latest: the report speaks again.
STRUCTURE_STOP_RE = re.compile(
    r"reader\s+feedback|feedback\s+form|dear\s+readers|读者意见|意见反馈|反馈表|尊敬的读者", re.IGNORECASE
)
# A table-of-contents line: a title, dot leaders, a page number.
TOC_LINE_RE = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|-{6,})\s*\d{1,3}\s*$")
# A standard's disclosure code (GRI 305-1, CASS-CSR M2.8, HKEX KPI A1.1 / B5.2): a line holding one is an
# index or a reference, and its numbers are codes and page numbers, never figures or events.
INDEX_CODE_RE = re.compile(
    r"\bG4-[A-Z]{1,4}\d{1,2}\b|(?<![\w.-])\d{3}-\d{1,2}(?![\w.-])|(?<![A-Za-z0-9])[PGMSEA]\d{1,2}\.\d{1,2}(?![\d.])|\bKPI\s*[AB]\d|(?<![A-Za-z0-9])[AB]\d\.\d(?!\d)"
)

# --- process facts: CSR management rules, subsidiaries' reports, a leader-headed CSR body ------------
# A CSR management rule by its name: quoted (《…》, “…”) or Title Cased, holding a CSR word and a
# rule word. Each cue below is tied to its rule by tests/test_ingest_process_facts.py.
RULE_NEEDLES = ("社会责任", "可持续发展", "esg", "csr", "social responsibility", "sustainability")
RULE_NAME_RE = re.compile(
    r"《(?!关于)(?P<zh>[^》\n]{0,40}?(?:社会责任|可持续发展|ESG|CSR)[^》\n]{0,30}?(?:管理办法|管理制度|工作制度|实施细则|管理规定|"
    r"工作规则|工作指引|管理指引|指导意见|实施意见|工作方案|规划|制度|办法|规定|细则|指引))》"
    r"|[“\"](?P<en>[A-Z][^”\"\n]{0,60}?(?:Social\s+Responsibility|CSR|Sustainab\w+|ESG)[^”\"\n]{0,40}?"
    r"(?:Measures|Rules|Regulations|Policy|Policies|Guidelines|Procedures|System|Provisions))[”\"]",
)
# Subsidiaries that publish their own reports: who, then what they publish.
SUBSIDIARY_REPORT_NEEDLES = (
    "社会责任报告",
    "可持续发展报告",
    "esg",
    "csr report",
    "sustainability report",
    "social responsibility report",
)
SUBSIDIARY_REPORT_RE = re.compile(
    r"(?P<who>(?:所属|下属|成员|控股|旗下|二级|子|分)(?:企业|公司|单位|子公司)|(?:\d+|[一二三四五六七八九十]+)\s*家\s*(?:企业|公司|单位|子公司))"
    r"[^。；]{0,40}?(?:发布|编制|编写|出版)[^。；]{0,12}?(?:社会责任报告|可持续发展报告|ESG报告)"
    r"|(?P<who_en>subsidiar(?:y|ies)|member\s+(?:companies|enterprises)|affiliates?|listed\s+companies\s+under\s+(?:the|our)\s+group"
    r"|under\s+the\s+group(?:\s+company)?)"
    r"[^.;]{0,80}?\b(?:publish(?:ed|es)?|issu(?:ed|es)|releas(?:ed|es)|prepar(?:ed|es))\b[^.;]{0,40}?"
    r"\b(?:CSR|sustainability|ESG|social\s+responsibility)(?:\s*\([^()]{0,60}\))?\s+reports?",
    re.IGNORECASE,
)
# A CSR body (committee, leading group) headed by a top leader: it steers the company's CSR work.
CSR_BODY_NEEDLES = ("社会责任", "可持续发展", "csr", "sustainability", "esg")
CSR_BODY_RE = re.compile(
    r"(?P<body>(?:社会责任|可持续发展|ESG|CSR)[^，。；、]{0,8}?(?:委员会|领导小组|工作小组|管理委员会))"
    r"|(?P<body_en>(?:CSR|Social\s+Responsibility|Sustainability|ESG)\s+(?:\w+\s+){0,2}?(?:Committee|Leading\s+Group|Steering\s+Group|Council))",
    re.IGNORECASE,
)
CSR_BODY_HEAD_RE = re.compile(
    r"(?P<role>董事长|总经理|总裁|党委书记)\s*(?:担任|任|为|作为|亲任)?\s*(?:组长|主任|主席)|以\s*(?P<role2>董事长|总经理|总裁|党委书记)\s*为\s*(?:组长|主任)"
    r"|(?:chaired|headed|led)\s+by\s+(?:the\s+|our\s+)?(?P<role_en>Chairman|President|Chief\s+Executive|CEO|General\s+Manager)",
    re.IGNORECASE,
)
CSR_BODY_ROLES = {"董事长": "Chairman", "总经理": "President", "总裁": "President", "党委书记": "Party Secretary",
                  "chairman": "Chairman", "president": "President", "chief executive": "CEO", "ceo": "CEO",
                  "general manager": "President"}  # fmt: skip

# --- horizontal comparisons a draft states without naming a catalog indicator (narrative.py) -----
# Published rankings: (canonical name, pattern); a line naming one with a rank word is a comparison.
RANKING_LISTS: tuple[tuple[str, str], ...] = (
    ("Fortune Global 500", r"fortune\s+global\s+500|fortune\s+500|《?财富》?\s*世界\s*500\s*强|世界\s*500\s*强"),
    ("Fortune China 500", r"fortune\s+china\s+500|《?财富》?\s*中国\s*500\s*强|中国企业\s*500\s*强|中国\s*500\s*强"),
    ("Forbes Global 2000", r"forbes\s+global\s+2000|福布斯.{0,6}2000"),
    ("BrandZ", r"brandz"),
    ("Brand Finance", r"brand\s+finance"),
    ("World's most valuable brands", r"most\s+valuable\s+brands?|最具价值品牌|品牌价值\s*(?:500|100)\s*强"),
)
RANKING_LISTS_RE = [re.compile(pattern, re.IGNORECASE) for _, pattern in RANKING_LISTS]
# (only its English words ignore case: the flag on the whole pattern made every line's search slower)
RANK_WORD_RE = re.compile(
    r"排名|排行|名列|位列|位居|居第|第\s*\d{1,4}\s*[位名]|\b(?i:rank(?:ed|ing|s)?)\b|\b(?i:no)\.\s*\d|\b\d{1,4}(?i:st|nd|rd|th)\b"
)
RANK_NUMBER_RE = re.compile(
    r"第\s*(?P<a>\d{1,4})\s*[位名]|(?:No\.|#)\s*(?P<b>\d{1,4})\b|\b(?P<c>\d{1,4})(?:st|nd|rd|th)\b|"
    r"(?:排名|位列|名列|ranked)\s*(?P<d>\d{1,4})\b",
    re.IGNORECASE,
)
# A figure set beside the industry's: an average, the industry's level, a place among peers.
INDUSTRY_COMPARE_RE = re.compile(
    r"行业平均|行业均值|行业(?:先进|平均)?水平|高于行业|优于行业|领先行业|行业领先|行业第一|行业首位|行业前列|"
    r"同行业.{0,10}?(?:第一|首位|前列|领先|最高|最低)|industry\s+averages?|above\s+the\s+industry|industry[- ]leading|"
    r"leading\s+the\s+industry|ahead\s+of\s+(?:the\s+)?industry|best\s+in\s+the\s+industry",
    re.IGNORECASE,
)

# --- chart titles that declare a series (charts.py) ------------------------------------------------
# "2010-2016年营业收入和利润总额", "Water consumption (2019-2021)": a chart of each named quantity
# over those years. Its figures rarely survive text extraction; its title does.
CHART_RANGE = r"(?P<a>(?:19|20)\d{2})\s*年?\s*(?:-|–|—|~|～|至|到|to)\s*(?P<b>(?:19|20)\d{2})\s*(?:年度|年)?"
CHART_PREFIX_RE = re.compile(r"^(?:图\s*\d{1,3}\s*[:：.、]?|fig(?:ure)?\.?\s*\d{1,3}\s*[:：.]?)\s*", re.IGNORECASE)
CHART_TITLE_RES = (  # range first, or range last (optionally in brackets)
    re.compile(rf"^{CHART_RANGE}\s*(?P<s>[^\d\s].*)$", re.IGNORECASE),
    re.compile(rf"^(?P<s>.*?[^\d\s])\s*[,，:：]?\s*[(（]?\s*{CHART_RANGE}\s*[)）]?$", re.IGNORECASE),
)
CHART_UNIT_BEFORE_RE = re.compile(  # the axis unit of the chart beside it, set before a title: "万元 2010-2016年..."
    r"^(?:[(（]?(?:单位[:：])?\s*[\u4e00-\u9fff%]{1,4}[)）]?|[A-Za-z%$¥]{1,6})\s+(?=(?:19|20)\d{2}\s*年?\s*[-–—~～至到])"
)
CHART_SUBJECT_MAX = 30  # characters: a longer subject is a sentence, not a chart title
# Words that make a "2014-2016 ..." line something else than a chart of the report's own series: an
# award, a report or plan title ...
CHART_NOT_SERIES_RE = re.compile(
    r"奖|荣誉|称号|先进|优秀|单位|报告|计划|规划|目标|纲要|战略|阶段|"
    r"\baward|\bprize|\breport\b|\bplan\b|\btargets?\b|\bgoals?\b|\bstrategy|\bphase\b|\bstage\b",
    re.IGNORECASE,
)
# ... or a chart of the market's, the industry's or the country's figures: set beside the report's
# own, that is a horizontal comparison with the industry (narrative comparisons), not its own series.
CHART_BENCHMARK_RE = re.compile(
    r"行业|全国|全球|世界|国内|市场|价格|\bindustry|\bnational|\bglobal|\bworld|\bmarket|\bprices?\b|\bsector",
    re.IGNORECASE,
)
CHART_SENTENCE_RE = re.compile(r"[，。；;！？!?]|[:：]\s*\S|\d{3,}(?!\.?\d*\s*[)）])")
CHART_JOINERS_RE = re.compile(r"\s*(?:以及|和|及|与|、|&|\band\b)\s*", re.IGNORECASE)
CHART_LEADING = ("年度", "年")  # "2010-2016年年度专利申请": the range's own word, repeated
CHART_TRAILING = ("情况", "绩效", "变化", "趋势", "走势", "对比", "统计", "一览表", "一览", "工作进展",
                  "progress", "trend", "trends", "performance")  # fmt: skip
CHART_RESIDUE_RE = re.compile(  # a line a chart leaves in the text: figures, years, a legend, a unit
    r"^[\s\d.,%‰％■□●◆▲\-–—|丨/:：（）()]+$|^[■□●◆▲].{0,40}$|^[(（]?(?:单位[:：])?\s*[\u4e00-\u9fffA-Za-z%/]{1,6}[)）]?$"
)
CHART_GROUP_WORDS = (
    "情况",
    "概况",
    "绩效",
    "工作进展",
    "overview",
    "performance",
)  # a title naming a group: the legend names the series
CHART_LEGEND_MARK_RE = re.compile(r"\s*[■□●◆▲丨|]\s*")  # a legend's key marks: "■营业收入■利润总额"
CHART_LEGEND_GAP = 4  # lines between a title and its legend at most
CHART_WINDOW = 15  # lines after a title searched for what the chart left in the text
CHART_MIN_RESIDUE = 3  # such lines needed: fewer, and the title is a heading or a sentence

# A peer table: a ranking's table of companies with their figures, the report's organisation among them.
PEER_TABLE_HEADER_RE = re.compile(
    r"(?:排名|排序|名次|\brank(?:ing)?\b).{0,40}(?:企业|公司|集团|名称|\bcompan(?:y|ies)\b)|"
    r"(?:企业|公司|名称|\bcompan(?:y|ies)\b).{0,40}(?:排名|排序|名次|\brank(?:ing)?\b)",
    re.IGNORECASE,
)
PEER_TABLE_NOT_RE = re.compile(r"股东|供应商|客户|持股|shareholder|supplier|customer|holder", re.IGNORECASE)
PEER_TABLE_MIN_ROWS = 3  # companies listed below the header, each with a figure
# Under a chart's year axis: bullets and OCR debris before a caption ("•集团客户数(万名）", "-v-保有资源储量"),
# and lines that are headings, not captions ("二、股东与债权人的权益", "案例一：...").
AXIS_LABEL_NOISE_RE = re.compile(r"^(?:[•·●◆▪■□\-–—~vV]{1,3}\s*)+")
AXIS_NOT_LABEL_RE = re.compile(
    r"^[一二三四五六七八九十]+[、.．]|^第.{1,3}[章节部分]|案例|case\s+study|chapter|section|www\.|https?:|说明|数据库",
    re.IGNORECASE,
)
