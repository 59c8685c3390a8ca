"""Meta and process facts from a draft's prose: who publishes the report, for which year, in which
languages and forms, against which standards, who to contact, and how the report was prepared,
approved, rated and released.

The draft is read as running prose (``_Flow``): lines are joined back into sentences (a PDF wraps
"Telecommuni-/cations" over a line end and breaks sentences over page gaps). A report describes
itself on its cover, its "about this report" page, its back pages and in sentences that name the
report; that region is a small part of the text, and most facts are looked for only there, in the
sentences holding one of a few keywords (``str.find``, not a regex scan), so a 5,000-line report
takes about 20 ms. Materiality statements and e-mail addresses are looked for everywhere. Every
value found is wrapped in ``Noted`` with the line it came from.

The vocabularies (standards, formats, channels, roles, materiality methods, ...) are tables at the
top of the module: extend them there. English and Chinese phrasing sit side by side in each table.

Conservative by design: a value is emitted only on evidence in the text; weak evidence gets a
``review`` note; required fields that cannot be found (organisation, title, year) get a placeholder
with a note saying what to fill in.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from csr_rating.ingest.document import Document, Line
from csr_rating.ingest.noted import Noted

# ---------------------------------------------------------------------------------------------
# Vocabulary tables (data). Patterns are case-insensitive unless they say otherwise; NEEDLES are
# lower-case literals that must occur in a sentence before its patterns are tried.
# ---------------------------------------------------------------------------------------------

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

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
        r"\bGRI[\s-]*G4\b|\bG4\b(?=[^.。]{0,80}(?:GRI|Global\s+Reporting|全球报告倡议))"
        r"|(?:\bGRI\b|Global\s+Reporting\s+Initiative|全球报告倡议组织)[^.。]{0,80}?\bG4\b|\bG4\s*(?:guidelines|指南)",
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
        r"Environmental,?\s+Social\s+and\s+Governance\s+Reporting\s+Guide|\bESG\s+Reporting\s+Guide"
        r"|环境、?社会及管治报告指引|Appendix\s+(?:27|C2)\b|附录(?:二十七|27)",
    ),
    (
        "SSE Guidelines on Environmental Information Disclosure",
        ("上海证券交易所", "上交所", "shanghai stock exchange"),
        r"(?:上海证券交易所|上交所)[^。]{0,6}《?上市公司环境信息\s*披露指引"
        r"|Shanghai\s+Stock\s+Exchange[^.]{0,60}Environmental\s+Information\s+Disclosure",
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
        r"\bSDGs?\b|Sustainable\s+Development\s+Goals|2030\s+Agenda\s+for\s+Sustainable\s+Development"
        r"|可持续发展目标|2030\s*(?:年)?可持续发展议程",
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
        r"print(?:ed)?\s+(?:versions?|editions?|cop(?:y|ies)|forms?|format)|\bin\s+print\b|hard\s*cop(?:y|ies)"
        r"|paper\s+(?:versions?|editions?)|纸质|印刷版|印刷本|纸版|纸张印刷|纸印刷",
    ),
    (
        "electronic",
        r"electronic(?:\s+and\s+print(?:ed)?)?\s+(?:versions?|editions?|forms?|cop(?:y|ies)|format)|e-version"
        r"|digital\s+(?:versions?|editions?)|\bPDF\s+(?:versions?|format|file|edition)|\bin\s+PDF\b|电子版|电子文档|电子文本",
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
        r"\b(?:this|the|our)\s+(?:\w+\s+){0,3}report\s+is\s+(?:an\s+)?annual\b|\bis\s+an\s+annual\s+report\b"
        r"|(?:released|published|issued)\s+(?:every\s+year|annually|once\s+a\s+year|on\s+an\s+annual\s+basis|yearly)"
        r"|\b(?:reporting|release|publication)\s+(?:cycle|frequency)\s*(?:is|:|：)?\s*(?:annual|yearly|once\s+a\s+year)"
        r"|(?:本报告|报告)(?:为|是|系)年度报告|(?:发布|报告|编制)(?:周期|频率)\s*(?:为|是|：|:)?\s*(?:一年|年度|每年)"
        r"|每年(?:定期)?(?:发布|编制)|逐年发布|年度发布",
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
_NUM = r"\d{1,2}|" + "|".join(
    sorted((w for w in NUMBER_WORDS if not w.endswith(("st", "nd", "rd", "th"))), key=len, reverse=True)
)
_ORD = r"\d{1,2}(?:st|nd|rd|th)|" + "|".join(
    sorted((w for w in NUMBER_WORDS if w.endswith(("st", "nd", "rd", "th"))), key=len, reverse=True)
)
_CN_NUM = r"[\d一二三四五六七八九十两]{1,4}"
_ORDINAL_NEEDLES = tuple(w for w in NUMBER_WORDS if w.endswith(("st", "nd", "rd", "th"))) + tuple(
    f"{digit}{suffix}" for digit in "0123456789" for suffix in ("st", "nd", "rd", "th")
)
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
        r"rating\s+report|report\s+rating|CSR\s+Report\s+Rating|(?:rated|awarded|won|received)\s+(?:an?\s+|the\s+)?"
        r"(?:five|four|three|5|4|3)(?:[\s-]+and[\s-]+a[\s-]+half)?[\s-]*stars?|评级报告|报告评级|评级专家委员会"
        r"|(?:评为|获得|荣获|评定为)[^。]{0,8}(?:五星|四星半|四星)",
    ),
    (
        "verification",
        r"independent\s+verification|third[\s-]+party\s+verification|verification\s+(?:statement|report|opinion)"
        r"|审验(?:报告|声明)?|第三方(?:验证|审验|核查)|验证声明|核查声明",
    ),
    (
        "assurance",
        r"independent\s+(?:limited\s+|reasonable\s+)?assurance|assurance\s+(?:statement|report|engagement|provider|opinion)"
        r"|(?:limited|reasonable)\s+assurance|third[\s-]+party\s+assurance|ISAE\s*3000|独立鉴证|鉴证(?:报告|声明|意见)"
        r"|有限保证|合理保证|第三方鉴证",
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
    rf"(?P<d>{DEPARTMENT_EN})\s+(?i:(?:has\s+|have\s+|had\s+)?(?:set\s+up|established|formed|organi[sz]ed|led|leads"
    r"|took\s+the\s+lead|takes\s+the\s+lead|was\s+responsible\s+for|is\s+responsible\s+for|coordinated|coordinates)"
    r"\s+(?:\w+\s+){0,4}?(?:preparation|compilation|drafting|writing|preparing|compiling))",
    rf"(?i:\breport\s+(?:was|is|has\s+been)\s+(?:\w+\s+)?(?:prepared|compiled|drafted|written)\s+by\s+(?:the\s+)?)(?P<d>{DEPARTMENT_EN})",
    rf"(?i:(?:preparation|compilation|drafting|writing)\s+(?:team|group|committee|office)\s+(?:\w+\s+){{0,3}}?"
    rf"(?:led|headed|chaired|coordinated)\s+by\s+(?:the\s+)?)(?P<d>{DEPARTMENT_EN})",
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
        r"(?:sustainability|ESG|CSR|social\s+responsibility|strategy|strategic)(?:\s+(?:and|&)\s+\w+)?\s+committee"
        r"|(?:可持续发展|社会责任|ESG|战略)[^。，、]{0,6}?委员会",
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
        r"communicat\w*\s+with\s+(?:\w+\s+){0,2}?stakeholders|stakeholder\s+(?:communication|engagement|dialogue)"
        r"|利益相关方[^。，,]{0,4}(?:沟通|交流)|与利益相关方沟通",
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
        r"national\s+(?:\w+\s+){0,2}?polic|government\s+polic|macro[\s-]*(?:economic\s+)?polic|regulat\w+\s+(?:requirements?|authorit|polic|guid)"
        r"|国家[^。，,]{0,4}政策|宏观政策|国家战略|政策(?:要求|导向|文件)|监管(?:要求|机构|部门)",
    ),
    (
        "industry_benchmarking",
        r"benchmark\w*|\bpeers?\b|peer\s+compan|industry\s+(?:practices?|trends?|peers?|benchmarks?|leaders?)"
        r"|对标(?:国内外|国际|行业)?(?:同行|同业|行业|先进|标杆|一流|优秀)|行业对标|同行|同业",
    ),
    (
        "business_strategy",
        r"(?:business|corporate|company|group)(?:['’]s)?\s+(?:development\s+)?strateg|strategic\s+(?:plan|priorit|direction)|"
        r"发展战略|公司战略|企业战略|经营战略|战略规划",
    ),
    (
        "standards",
        r"standards?\b|guidelines?|\bGRI\b|\bSASB\b|\bSDGs?\b|sustainable\s+development\s+goals|CASS|ISO\s*26000"
        r"|标准|指南|指引|可持续发展目标|可持续发展议程",
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

REGION_BACK_LINES = 80  # the back cover and feedback form: contact details live there
NAME_MAX = 300
SENTENCE_REACH = 320  # how far a sentence may reach either side of a keyword
SHORT_LINE = 25  # a line this short ends its paragraph (a heading, a paragraph's last line)
HEADING_MAX = 50
CONTENTS_NUMBERS = 6  # this many bare numbers in one sentence make it a table of contents

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


_STANDARDS = _rows(STANDARDS)
_STANDARD_CUES = _compile(STANDARD_CUES, _I)
_SELF_REPORT = _compile(SELF_REPORT, _I)
_QUOTED_STANDARD = _compile(QUOTED_STANDARD, _I)
_INDEX_HEADING = _compile(INDEX_HEADING, _I)
_PERIOD_RANGE = _compile(PERIOD_RANGE, _I)
_PERIOD_OPEN_RANGE = _compile(PERIOD_OPEN_RANGE, _I)
_PERIOD_YEAR = _compile(PERIOD_YEAR, _I)
_YEAR = _compile(r"(?<![\d.,])(?:19[5-9]\d|20\d\d)(?![\d.,]?\d)")
_TITLE_EN = _compile(
    rf"(?:(?:[A-Z][\w&.’'-]*|\d{{4}})[^\S\n]+){{0,6}}(?i:{REPORT_KINDS_EN})[^\S\n]+(?i:report)\b"
    r"(?![^\S\n]+(?i:rating|guidelines?|index|system|preparation|writing|compilation))(?:[^\S\n]+\d{4}(?:[^\S\n]*[/-][^\S\n]*\d{2,4})?)?"
)
_TITLE_ZH = _compile(
    rf"[{HAN}A-Za-z]{{0,14}}\s?(?:\d{{4}}\s*(?:[-/—–]\s*\d{{4}}\s*)?年?度?)?\s?[{HAN}]{{0,6}}?(?:{REPORT_KINDS_ZH})[{HAN}]{{0,6}}?报告书?"
)
_KIND_EN = _compile(rf"(?i:{REPORT_KINDS_EN})")
_ORG_EN = _compile(
    rf"(?:[A-Z][\w&'’.-]*[^\S\n]+(?:(?:of|and|&|for|de)[^\S\n]+)?){{1,7}}(?i:{ORG_SUFFIX_EN})(?!\w)"
    r"(?i:,?[^\S\n]+(?:Limited|Ltd\.?|Inc\.?|Co\.,?[^\S\n]*Ltd\.?|Corporation|Company)(?!\w))*"
)
_ORG_ZH_SUFFIX = _compile(r"股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司")
_HAN_RUN_END = _compile(rf"[{HAN}]{{1,24}}$")
_LANG_EN_NAME = "|".join(sorted(LANGUAGE_NAMES_EN, key=len, reverse=True))
_LANG_EN = _compile(
    rf"(?:traditional\s+|simplified\s+)?\b(?:{_LANG_EN_NAME})\b(?:\s*(?:,|and|&|/|or)\s*(?:both\s+)?"
    rf"(?:traditional\s+|simplified\s+)?\b(?:{_LANG_EN_NAME})\b)*",
    _I,
)
_LANG_EN_BEFORE = _compile(r"\b(?:in|both)\s+(?:both\s+)?$", _I)
_LANG_EN_AFTER = _compile(r"\s*(?:\w+\s+)?(?:versions?|editions?|languages?|texts?)\b", _I)
_LANG_ZH_TOKEN = "|".join(sorted(LANGUAGE_NAMES_ZH, key=len, reverse=True))
_LANG_ZH = _compile(
    rf"(?P<seq>(?:{_LANG_ZH_TOKEN})(?:\s*[、和及与/]?\s*(?:{_LANG_ZH_TOKEN}))*)\s*(?:双语|[文语])\s*(?:两种|三种|双语)?"
    r"\s*(?:版本?|语言|双语|对照|文本|发布|编写)"
)
_FORMATS = _rows(FORMATS)
_CHANNELS = _rows(CHANNELS)
_CYCLES = _alternation(RELEASE_CYCLES)
_CONSECUTIVE = [_compile(pattern, _I) for _, _, pattern in CONSECUTIVE]
_PUBLISHING = _compile(PUBLISHING, _I)
_AWARD = _compile(AWARD_WORDS, _I)
_NEGATION = _compile(NEGATION, _I)
_REPORT_REF = _compile(REPORT_REF, _I)
_PUBLISH_VERBS = _compile(PUBLISH_VERBS, _I)
_ASSURANCE = _alternation(ASSURANCE_TRIGGERS)
_PROVIDERS = _alternation(ASSURANCE_PROVIDERS)
_ASSURANCE_STANDARD = _compile(ASSURANCE_STANDARDS, _I)
_STARS = _alternation(STAR_RESULTS)
_STRONG_RATING = _compile(STRONG_RATING, _I)
_EMAIL_LABEL = _compile(rf"(?:{CONTACT_LABELS['email']})\s*[:：]?\s*$", _I)
_WEBSITE_LABEL = _compile(rf"(?:{CONTACT_LABELS['website']})\s*[:：]?\s*\(?$", _I)
_WEBSITE_WORD = _compile(rf"{CONTACT_LABELS['website']}|官方|official", _I)
_LABEL_ANY = "|".join(f"(?:{pattern})" for key, pattern in CONTACT_LABELS.items() if key != "mail")
_EMAIL = _compile(EMAIL)
_PHONE = {key: _compile(rf"(?:{CONTACT_LABELS[key]})\s*[:：]?\s*(?P<v>{PHONE})", _I) for key in ("phone", "fax")}
_URL = _compile(URL, _I)
_ADDRESS = _compile(
    rf"(?P<label>{CONTACT_LABELS['address']}|{CONTACT_LABELS['mail']})\s*[:：]\s*(?P<v>[^\n]{{4,240}}?)\s*"
    rf"(?=(?:{_LABEL_ANY})\s*[:：]|\n|$)",
    _I,
)
_MAILING = _compile(CONTACT_LABELS["mail"], _I)
_ZIP = _compile(rf"(?:{CONTACT_LABELS['zip']})\s*[:：]?\s*(?P<v>\d{{4,10}})", _I)
_DEPARTMENT_EN = _compile(DEPARTMENT_EN)
_DEPARTMENT_ZH = _compile(rf"(?:公司|集团|\)|）)(?P<d>[{HAN}]{{2,12}}?(?:部|办公室|办公厅|委员会|秘书局|秘书处|中心))")
_PREPARATION = [_compile(pattern) for pattern in PREPARATION]
_ROLES = _alternation(ROLES)
_FINAL = _compile(FINAL_VERBS, _I)
_STEER = _compile(STEER_VERBS, _I)
_NOT_OUR_REVIEW = _compile(NOT_OUR_REVIEW, _I)
_ROLE_JOIN = _compile(r"\s*(?:,|and|&|及|和|与|、|以及)?\s*(?:the\s+)?", _I)
_PASSIVE = _compile(r"\bby\s+(?:the\s+)?(?:company['’]s\s+|group['’]s\s+)?$", _I)  # Chinese puts the verb after
_POSITIONING_CUE = _compile(POSITIONING_CUE, _I)
_POSITIONING = _rows(POSITIONING)
_MATERIALITY_CUE = _compile(MATERIALITY_CUE, _I)
_METHODS = _rows(MATERIALITY_METHODS)
_ISSUE_WORDS = _compile(ISSUE_WORDS, _I)
_MATRIX_HEADING = _compile(MATRIX_HEADING, _I)
_MATRIX_NOISE = _compile(MATRIX_NOISE, _I)
_MATRIX_STOP = _compile(MATRIX_STOP, _I)
_PROSE = _compile(r"[。，,;；:：]|\.\s")
_LETTERS = _compile(rf"[A-Za-z{HAN}]{{2}}")
_FEEDBACK_COUNT = _compile(FEEDBACK_COUNT, _I)
_FEEDBACK_IMPROVEMENT = _compile(FEEDBACK_IMPROVEMENT, _I)
_FEEDBACK_CONTEXT = _compile(FEEDBACK_CONTEXT, _I)
_RELEASE_DATE = _compile(rf"(?:{RELEASE_DATE})\s*[:：]?\s*(?P<d>{date_pattern('r')})", _I)
_BARE_NUMBER = _compile(r"(?<!\S)\d{1,3}(?:\.\d{1,2})?(?!\S)")
_TERMINATORS = _compile(r"[。！？!?；;\n.]")
_SPACES = _compile(r"\s+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

Span = tuple[int, int]

# ---------------------------------------------------------------------------------------------
# The draft as running prose.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Flow:
    """The non-blank lines joined into prose, the offset where each line starts, and the region
    where a report describes itself (cover, "about" pages, back pages, sentences naming the report):
    most keywords are looked for only there, which keeps a long report fast to read."""

    doc: Document
    text: str
    lower: str
    starts: tuple[int, ...]
    lines: tuple[Line, ...]
    ends: tuple[int, ...]  # offsets just after each sentence terminator
    about: tuple[Span, ...] = ()
    region: tuple[Span, ...] = ()
    region_lower: str = ""
    region_offsets: tuple[int, ...] = ()
    report_hits: tuple[int, ...] = ()

    def index(self, pos: int) -> int:
        return max(0, bisect_right(self.starts, pos) - 1)

    def where(self, pos: int) -> str | None:
        return self.lines[self.index(pos)].where if self.lines else None

    def line_text(self, pos: int) -> str:
        return self.lines[self.index(pos)].text.strip() if self.lines else ""

    def in_about(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.about)

    def sentence(self, pos: int) -> Span:
        """The sentence around ``pos``: from the terminator before it to the one after it."""
        i = bisect_right(self.ends, pos)
        start = self.ends[i - 1] if i else 0
        end = self.ends[i] if i < len(self.ends) else len(self.text)
        return max(start, pos - SENTENCE_REACH), min(end, pos + SENTENCE_REACH)

    def hits(self, needles: Iterable[str], everywhere: bool = False) -> list[int]:
        """Sorted offsets of the lower-case ``needles``: in the region, or in the whole text."""
        found: set[int] = set()
        if everywhere or not self.region_offsets:
            for needle in needles:
                at = self.lower.find(needle)
                while at != -1:
                    found.add(at)
                    at = self.lower.find(needle, at + 1)
            return sorted(found)
        for needle in needles:
            at = self.region_lower.find(needle)
            while at != -1:
                j = bisect_right(self.region_offsets, at) - 1
                found.add(self.region[j][0] + at - self.region_offsets[j])
                at = self.region_lower.find(needle, at + 1)
        return sorted(found)

    def sentences(self, needles: Iterable[str], everywhere: bool = False) -> list[Span]:
        """The distinct sentences holding any of ``needles``, in text order."""
        spans: list[Span] = []
        for pos in self.hits(needles, everywhere):
            if spans and pos < spans[-1][1]:
                continue
            spans.append(self.sentence(pos))
        return spans


def _flow(doc: Document) -> _Flow:
    """The prose of ``doc``; the last one is kept, since ``extract_meta`` and ``extract_process``
    read the same draft one after the other."""
    if _CACHE and _CACHE[0].doc is doc:
        return _CACHE[0]
    text, starts, lines = _join(doc.lines)
    lower = text.lower()
    if len(lower) != len(text):  # a few characters lower-case to two: keep offsets aligned
        lower = text.translate(_ASCII_LOWER)
    ends = tuple(
        m.end() for m in _TERMINATORS.finditer(text) if m.group() != "." or text[m.end() : m.end() + 1] in " \n"
    )
    flow = _Flow(doc, text, lower, tuple(starts), tuple(lines), ends)
    about = _about_zones(flow)
    report_hits = tuple(_report_hits(flow))
    region = _merge(_region_spans(flow, about, report_hits))
    parts = [lower[start:end] for start, end in region]
    offsets, at = [], 0
    for part in parts:
        offsets.append(at)
        at += len(part) + 1
    flow = replace(
        flow,
        about=about,
        region=tuple(region),
        region_lower="\0".join(parts),
        region_offsets=tuple(offsets),
        report_hits=report_hits,
    )
    _CACHE[:] = [flow]
    return flow


_CACHE: list[_Flow] = []


def _join(lines: Iterable[Line]) -> tuple[str, list[int], list[Line]]:
    """Non-blank lines joined into prose: a hyphen that split a word is dropped, a short line or a
    blank line after a finished sentence ends a paragraph ("\\n"), Chinese joins without a space."""
    parts: list[str] = []
    starts: list[int] = []
    kept: list[Line] = []
    length = 0
    prev = ""
    gap = False
    for line in lines:
        text = line.text.strip()
        if not text:
            gap = bool(prev)
            continue
        if "\t" in text:
            text = text.replace("\t", " ")
        if prev:
            last = prev[-1]
            if last == "-" and len(prev) > 1 and prev[-2].isalpha() and text[0].islower():
                parts[-1] = parts[-1][:-1]
                length -= 1
                sep = ""
            elif last == "-" and len(prev) > 1 and prev[-2].isdigit() and text[0].isdigit():
                sep = ""
            elif gap:
                sep = "\n" if len(prev) <= 40 or last in ".。!?！？:：;；" else _soft(last, text[0])
            elif (
                (len(prev) <= SHORT_LINE and last not in ",，、-(（")
                or last in ":：。！？!?"
                or (last == "." and len(prev) <= 60)
            ):
                sep = "\n"
            else:
                sep = _soft(last, text[0])
            parts.append(sep)
            length += len(sep)
        starts.append(length)
        kept.append(line)
        parts.append(text)
        length += len(text)
        prev, gap = text, False
    return "".join(parts), starts, kept


def _soft(last: str, first: str) -> str:
    return "" if _is_han(last) and _is_han(first) else " "


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _short_lines(flow: _Flow, needles: Iterable[str]) -> list[int]:
    """Indexes of short lines (headings) holding any of ``needles``, in order."""
    found: set[int] = set()
    for pos in flow.hits(needles, everywhere=True):
        i = flow.index(pos)
        if len(flow.lines[i].text.strip()) <= HEADING_MAX:
            found.add(i)
    return sorted(found)


def _about_zones(flow: _Flow) -> tuple[Span, ...]:
    """Spans of the "about this report" pages: a heading line and what follows it."""
    zones: list[Span] = []
    for i in _short_lines(flow, ABOUT_HEADINGS):
        start = flow.starts[i]
        last = min(len(flow.lines) - 1, i + ABOUT_ZONE_LINES)
        for j in range(i + 1, last + 1):
            text = flow.lines[j].text.strip().lower()
            if text.startswith(ABOUT_ZONE_END) or (len(text) <= HEADING_MAX and any(e in text for e in ABOUT_ZONE_END)):
                last = j - 1
                break
        end = min(start + ABOUT_ZONE_CHARS, flow.starts[last] + len(flow.lines[last].text.strip()))
        if zones and start <= zones[-1][1]:
            zones[-1] = (zones[-1][0], max(end, zones[-1][1]))
        else:
            zones.append((start, end))
    return tuple(zones)


def _report_hits(flow: _Flow) -> Iterator[int]:
    """Where the text names the report ("report", "报告"), not "reporting" or "报告期"."""
    for pos in flow.hits(("report", "报告"), everywhere=True):
        after = flow.lower[pos + 2 : pos + 9] if flow.lower[pos] == "报" else flow.lower[pos + 6 : pos + 9]
        if not after.startswith(("ing", "期", "er")):
            yield pos


def _region_spans(flow: _Flow, about: tuple[Span, ...], report_hits: tuple[int, ...]) -> Iterator[Span]:
    if not flow.lines:
        return
    yield 0, flow.starts[min(len(flow.starts) - 1, COVER_LINES)]
    yield flow.starts[max(0, len(flow.starts) - REGION_BACK_LINES)], len(flow.text)
    yield from about
    last_end = -1
    for pos in report_hits:
        if pos >= last_end:
            span = flow.sentence(pos)
            last_end = span[1]
            yield span
    for i in _short_lines(flow, ("index", "索引", "对照")):
        yield flow.starts[i], flow.starts[i] + len(flow.lines[i].text.strip())


def _merge(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        elif end > start:
            merged.append((start, end))
    return merged


# ---------------------------------------------------------------------------------------------
# Small helpers.
# ---------------------------------------------------------------------------------------------


def _clean(value: str, limit: int = NAME_MAX) -> str:
    """One line, trimmed of surrounding punctuation, short enough for a ``Name``."""
    value = _SPACES.sub(" ", value).strip(" \t\n,，;；:：.。、-–—(（“”\"'‘’")
    return value[:limit].strip()


def _noted(value: Any, flow: _Flow, pos: int, review: str | None = None, confidence: float | None = None) -> Noted:
    return Noted(value, source=flow.where(pos), review=review, confidence=confidence)


def _group(match: re.Match[str]) -> int:
    """Which table row (``g<i>`` branch) an alternation matched."""
    for key, value in match.groupdict().items():
        if value is not None and key.startswith("g"):
            return int(key[1:])
    return -1


def _row_matches(pattern: re.Pattern[str], flow: _Flow, start: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
    """(row, match) for each match of an ``_alternation`` in the span."""
    for match in pattern.finditer(flow.text, start, end):
        yield _group(match), match


def _rows_found(
    patterns: list[re.Pattern[str]], flow: _Flow, start: int, end: int
) -> Iterator[tuple[int, re.Match[str]]]:
    """(row, first match) for each row of a ``_rows`` table found in the span."""
    for row, pattern in enumerate(patterns):
        match = pattern.search(flow.text, start, end)
        if match:
            yield row, match


def _contents_like(flow: _Flow, start: int, end: int) -> bool:
    """A table of contents run into one line: many bare page or section numbers, no sentence."""
    return len(_BARE_NUMBER.findall(flow.text, start, end)) >= CONTENTS_NUMBERS


def _strip_leading(words: list[str]) -> list[str]:
    while words and words[0].lower() in TITLE_LEADING_NOISE:
        words = words[1:]
    return words


def _after_han_stop(text: str) -> str:
    """The part of a Chinese phrase after its last function word ("本报告是中国XX公司" -> "中国XX公司")."""
    return text[max(text.rfind(char) for char in HAN_STOP) + 1 :]


def _number(word: str) -> int | None:
    """An Arabic, English or Chinese number ("11", "eleventh", "十一"); None when it is not one."""
    word = word.strip().lower()
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    return _chinese_number(word)


def _chinese_number(word: str) -> int | None:
    values = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if not word or any(char not in values and char != "十" for char in word):
        return None
    if "十" not in word:
        return values[word] if len(word) == 1 else None
    tens, _, units = word.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (values[tens] if tens else 1) * 10 + (values[units] if units else 0)


# ---------------------------------------------------------------------------------------------
# Year, title, organisation.
# ---------------------------------------------------------------------------------------------


def detect_year(doc: Document) -> Noted | None:
    """The reporting year: a stated reporting period first, then the title's year, then the most
    frequent recent year in the text (with a review note); None when the text names no year."""
    flow = _flow(doc)
    return _period_year(flow) or _title_year(flow) or _frequent_year(flow)


def _period_year(flow: _Flow) -> Noted | None:
    for everywhere in (False, True):
        for start, end in flow.sentences(PERIOD_NEEDLES, everywhere):
            found = _period_in(flow, start, end)
            if found:
                return found
    return None


def _period_in(flow: _Flow, start: int, end: int) -> Noted | None:
    for pattern in (_PERIOD_RANGE, _PERIOD_OPEN_RANGE, _PERIOD_YEAR):
        for match in pattern.finditer(flow.text, start, end):
            years = [int(value) for value in match.groupdict().values() if value and value.isdigit()]
            if not years:
                continue
            first, last = years[0], years[-1]
            if not 1950 <= last <= 2100 or last - first > 1 or last < first:
                continue  # a multi-year range is a plan or a history, not the reporting period
            review = None if first == last else f"the reporting period spans {first}-{last}; check the year"
            return _noted(last, flow, match.start(), review, 0.95 if review is None else 0.7)
    return None


def _title_year(flow: _Flow) -> Noted | None:
    best = _best_title(flow)
    if best is None:
        return None
    title, pos, _ = best
    years = _YEAR.findall(title)
    return _noted(int(years[-1]), flow, pos, None, 0.8) if years else None


def _frequent_year(flow: _Flow) -> Noted | None:
    counts: dict[int, int] = {}
    first: dict[int, int] = {}
    for match in _YEAR.finditer(flow.text):
        year = int(match.group())
        counts[year] = counts.get(year, 0) + 1
        first.setdefault(year, match.start())
    if not counts:
        return None
    latest = max(counts)
    year = max((y for y in counts if y >= latest - 2), key=lambda y: (counts[y], y))
    return _noted(year, flow, first[year], "reporting year guessed from the years the text mentions most; check", 0.4)


def _title_candidates(flow: _Flow) -> dict[str, tuple[str, int, int, bool, bool]]:
    """Report titles named in the text: key -> (display, first offset, count, on the cover, names
    the publisher or a year before the kind of report)."""
    cover_end = flow.starts[min(len(flow.starts) - 1, TITLE_COVER_LINES)] if flow.starts else 0
    found: dict[str, tuple[str, int, int, bool, bool]] = {}
    for pos in flow.report_hits:
        han = flow.text[pos] == "报"
        pattern = _TITLE_ZH if han else _TITLE_EN
        window = (max(0, pos - (40 if han else 160)), pos + 24)
        for match in pattern.finditer(flow.text, *window):
            if not match.start() <= pos < match.end():
                continue
            title = _title_display(match.group())
            if not title:
                continue
            key = re.sub(r"[\s,]+", "", title).casefold()
            display, first, count, cover, named = found.get(key, (title, match.start(), 0, False, False))
            if display.isupper() and not title.isupper():
                display = title
            kind = _KIND_EN.search(title) or re.search(REPORT_KINDS_ZH, title)
            named = named or bool(kind and kind.start() > 0 and not _YEAR.fullmatch(title[: kind.start()].strip()))
            found[key] = (display, first, count + 1, first < cover_end, named)
    return found


def _title_display(raw: str) -> str:
    """A found title without leading sentence words, page numbers or cut-off prefixes."""
    raw = _clean(raw)
    if "报告" in raw:
        raw = _clean(re.sub(r"^\d+\s*(?!年)", "", _after_han_stop(raw)))
        return raw if len(raw) >= 6 else ""
    words = _strip_leading(raw.split())
    title = " ".join(words)
    if title.isupper():
        title = _title_case(title)
    return title if len(words) >= 2 else ""


def _title_case(text: str) -> str:
    small = {"and", "of", "the", "for", "on", "in", "to", "&"}
    words = text.lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _best_title(flow: _Flow, year: int | None = None) -> tuple[str, int, int] | None:
    """(title, offset, score): titles on the cover, named again and again, naming the publisher and
    the (reporting) year win."""
    best: tuple[tuple[int, int, int], str, int] | None = None
    for display, pos, count, cover, named in _title_candidates(flow).values():
        years = _YEAR.findall(display)
        score = min(count, 3) + (3 if cover else 0) + (2 if named else 0)
        score += 2 if years and (year is None or str(year) in years) else 0
        rank = (score, len(display), -pos)
        if best is None or rank > best[0]:
            best = (rank, display, pos)
    return (best[1], best[2], best[0][0]) if best else None


def _title(flow: _Flow, year: int | None) -> Noted | None:
    best = _best_title(flow, year)
    if best is None:
        return None
    title, pos, score = best
    review = None if score >= 5 else "title guessed from a phrase naming the report; check"
    return _noted(title, flow, pos, review, 0.8 if review is None else 0.5)


def _org_candidates(flow: _Flow) -> dict[str, tuple[str, int, int]]:
    """Legal names in the region: key -> (display, first offset, weighted count)."""
    cover_end = flow.region[0][1] if flow.region else 0
    found: dict[str, tuple[str, int, int]] = {}

    def add(name: str, pos: int) -> None:
        key = re.sub(r"[\s,.]+", "", name).casefold()
        weight = 3 if pos < cover_end or flow.in_about(pos) else 1
        display, first, count = found.get(key, (name, pos, 0))
        if display.isupper() and not name.isupper():
            display = name
        found[key] = (display, min(first, pos), count + weight)

    last = -1
    for pos in flow.hits(ORG_NEEDLES):
        if pos < last:
            continue
        if _is_han(flow.text[pos]):
            match = _ORG_ZH_SUFFIX.match(flow.text, max(0, pos - 2))
            match = match or _ORG_ZH_SUFFIX.match(flow.text, pos)
            if match:
                last = match.end()
                run = _HAN_RUN_END.search(flow.text, max(0, match.start() - 24), match.start())
                prefix = _after_han_stop(run.group()) if run else ""
                if len(prefix) >= 2:
                    add(prefix + match.group(), match.start() - len(prefix))
            continue
        for match in _ORG_EN.finditer(flow.text, max(0, pos - 120), pos + 40):
            if match.start() <= pos < match.end():
                last = match.end()
                name = _org_display(match.group())
                if name:
                    add(name, match.start())
                break
    return found


def _org_display(raw: str) -> str:
    words = _strip_leading(_clean(raw).split())
    if words and words[-1] in ABBREVIATED_SUFFIXES and raw.rstrip().endswith("."):
        words[-1] += "."  # "Co., Ltd." keeps its full stop
    if len(words) < 2 or (len(words) < 3 and all(w.lower().strip(".,") in ORG_GENERIC_WORDS for w in words[1:])):
        return ""
    name = " ".join(words)
    return _title_case(name) if name.isupper() else name


def _organisation(flow: _Flow, title: str | None) -> Noted:
    candidates = _org_candidates(flow)
    if candidates:
        display, pos, count = max(candidates.values(), key=lambda c: (c[2], -c[1]))
        review = None if count >= 3 else "organisation guessed from a company name the text mentions; check"
        return _noted(display, flow, pos, review, 0.8 if review is None else 0.5)
    if title:
        prefix = _clean(re.split(rf"\s*(?:\d{{4}}|(?i:{REPORT_KINDS_EN})|{REPORT_KINDS_ZH})", title, maxsplit=1)[0])
        if len(prefix) >= 2:
            return Noted(prefix, review="organisation taken from the report title; give the full name", confidence=0.4)
    return Noted(_from_path(flow.doc.path), review="organisation not found in the text; fill in", confidence=0.1)


def _from_path(path: str) -> str:
    """A readable guess from a file name: "acme-csr-report-2020.pdf" -> "Acme"."""
    words = [
        w for w in re.split(r"[\s_\-.]+", Path(path).stem) if w and not re.fullmatch(r"\d+|csr|esg|report|en|zh", w, _I)
    ]
    return _clean(" ".join(w[:1].upper() + w[1:] for w in words)) or "Unknown organisation"


# ---------------------------------------------------------------------------------------------
# Languages, formats, standards, contact, cycle, consecutive years, assurance.
# ---------------------------------------------------------------------------------------------


def _report_sentences(flow: _Flow, needles: Iterable[str]) -> Iterator[Span]:
    """Sentences holding a needle that also name the report (or sit on its "about" page)."""
    for start, end in flow.sentences(needles):
        if flow.in_about(start) or _REPORT_REF.search(flow.text, start, end):
            yield start, end


def _languages(flow: _Flow) -> list[Noted]:
    found: dict[str, Noted] = {}
    for start, end in _report_sentences(flow, LANGUAGE_NEEDLES):
        for match in _LANG_EN.finditer(flow.text, start, end):
            before = flow.text[max(start, match.start() - 16) : match.start()]
            if not (_LANG_EN_BEFORE.search(before) or _LANG_EN_AFTER.match(flow.text, match.end(), end)):
                continue
            for word in re.findall(_LANG_EN_NAME, match.group(), _I):
                code = LANGUAGE_NAMES_EN[word.lower()]
                found.setdefault(code, _noted(code, flow, match.start(), None, 0.8))
        for match in _LANG_ZH.finditer(flow.text, start, end):
            for token in re.findall(_LANG_ZH_TOKEN, match.group("seq")):
                code = LANGUAGE_NAMES_ZH[token]
                found.setdefault(code, _noted(code, flow, match.start(), None, 0.8))
    if not found and flow.lines:
        review = "only the draft's own language is known; add other language versions"
        return [Noted(flow.doc.language, review=review, confidence=0.6)]
    return list(found.values())


def _formats(flow: _Flow) -> list[Noted]:
    found: dict[int, Noted] = {}
    for start, end in _report_sentences(flow, FORMAT_NEEDLES):
        for row, match in _rows_found(_FORMATS, flow, start, end):
            found.setdefault(row, _noted(FORMATS[row][0], flow, match.start(), None, 0.8))
    return [found[row] for row in sorted(found)]


def _standards(flow: _Flow) -> list[Noted]:
    """Standard names, canonical, in order of first appearance; a mention counts when it sits on the
    "about" page, in a sentence saying the report follows it, or in an index heading (flagged)."""
    found: dict[str, tuple[int, Noted]] = {}
    versioned: set[str] = set()
    known: list[Span] = []

    def add(name: str, pos: int, noted: Noted) -> None:
        first, old = found.get(name, (pos, None))
        if old is None or (noted.confidence or 0) > (old.confidence or 0):
            found[name] = (min(first, pos), noted)

    for row, (template, needles, _) in enumerate(STANDARDS):
        last = -1
        for pos in flow.hits(needles):
            if pos < last:
                continue
            for match in _STANDARDS[row].finditer(flow.text, max(0, pos - 120), pos + 160):
                if not match.start() <= pos < match.end():
                    continue
                last = match.end()
                known.append(match.span())
                name = _standard_name(template, match, versioned)
                evidence = _standard_evidence(flow, match.start())
                if evidence:
                    add(name, match.start(), _noted(name, flow, match.start(), *evidence))
                break
    for start, end in flow.about:
        for match in _QUOTED_STANDARD.finditer(flow.text, start, end):
            if any(s - 60 <= match.end() and match.start() <= e for s, e in known):
                continue  # the quotation is the long name of a standard already recognised
            name = _clean(match.group("q"))
            sentence = flow.sentence(match.start())
            cue = bool(_STANDARD_CUES.search(flow.text, *sentence))
            review = None if cue else "guideline named on the report's description page; check it is a reporting basis"
            add(name, match.start(), _noted(name, flow, match.start(), review, 0.8 if cue else 0.6))
    names = [n for n in found if n not in versioned and not any(s in found for s in STANDARD_SUBSUMED.get(n, ()))]
    return [found[name][1] for name in sorted(names, key=lambda n: found[n][0])]


def _standard_name(template: str, match: re.Match[str], versioned: set[str]) -> str:
    """The display name; a version ("4.0") fills "{v}" and marks the unversioned name as covered."""
    if "{v}" not in template:
        return template
    base = template.replace(" {v}", "").replace("{v}", "")
    version = match.groupdict().get("v")
    if not version:
        return base
    if template.startswith("CASS") and "." not in version:
        version += ".0"
    versioned.add(base)
    return template.format(v=version)


def _standard_evidence(flow: _Flow, pos: int) -> tuple[str | None, float] | None:
    """(review, confidence) for a standard named at ``pos``, or None when it is a mere mention."""
    start, end = flow.sentence(pos)
    if _contents_like(flow, start, end):
        return None
    if flow.in_about(pos):
        return None, 0.85
    if _STANDARD_CUES.search(flow.text, start, end) and _SELF_REPORT.search(flow.text, start, end):
        return None, 0.9
    line = flow.line_text(pos)
    if len(line) <= HEADING_MAX * 2 and _INDEX_HEADING.search(line):
        return "named only in an index table heading; check it is a reporting basis", 0.6
    return None


def _contact(flow: _Flow) -> dict[str, Noted]:
    back = flow.starts[max(0, len(flow.starts) - REGION_BACK_LINES)] if flow.starts else 0
    contact: dict[str, Noted] = {}
    email = _email(flow, back)
    if email:
        contact["email"] = email
    for key, needles in (("phone", PHONE_NEEDLES), ("fax", ("fax", "传真"))):
        value = _labelled(flow, _PHONE[key], needles, back)
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


def _place_score(flow: _Flow, pos: int, back: int) -> int:
    """Contact details on the "about" page or the back pages are the report's own."""
    return 2 if flow.in_about(pos) else 1 if pos >= back else 0


def _email(flow: _Flow, back: int) -> Noted | None:
    best: tuple[int, int, str] | None = None
    for pos in flow.hits(("@",), everywhere=True):
        match = _EMAIL.search(flow.text, max(0, pos - 64), pos + 128)
        if not match or not match.start() <= pos < match.end():
            continue
        before = flow.text[max(0, match.start() - 24) : match.start()]
        labelled = bool(_EMAIL_LABEL.search(before)) or "mail" in before.lower()
        score = _place_score(flow, pos, back) + (2 if labelled else 0)
        if best is None or score > best[0]:
            best = (score, match.start(), match.group().rstrip("."))
    if best is None:
        return None
    score, pos, value = best
    review = None if score >= 2 else "an e-mail address found in the text; check it is the report contact"
    return _noted(value, flow, pos, review, 0.9 if review is None else 0.5)


def _labelled(flow: _Flow, pattern: re.Pattern[str], needles: tuple[str, ...], back: int) -> Noted | None:
    best: tuple[int, int, str] | None = None
    for start, end in flow.sentences(needles):
        for match in pattern.finditer(flow.text, start, end):
            value = _clean(match.group("v"))
            if sum(char.isdigit() for char in value) < 7:
                continue
            score = _place_score(flow, match.start(), back)
            if best is None or score > best[0]:
                best = (score, match.start(), value)
    if best is None:
        return None
    review = None if best[0] else "a number found in the text; check it is the report contact"
    return _noted(best[2], flow, best[1], review, 0.85 if review is None else 0.5)


def _website(flow: _Flow, back: int) -> Noted | None:
    """The organisation's site: a URL after a "Website:" label, or in a sentence about the site on
    the "about" or back pages."""
    best: tuple[int, int, str] | None = None
    for pos in flow.hits(("http", "www.")):
        match = _URL.match(flow.text, pos)
        if not match or (pos >= 4 and flow.lower[pos - 4 : pos] == "http"):
            continue
        start, end = flow.sentence(pos)
        labelled = bool(_WEBSITE_LABEL.search(flow.text, max(start, pos - 24), pos))
        site_word = bool(_WEBSITE_WORD.search(flow.text, start, end))
        score = (3 if labelled else 1 if site_word else 0) + _place_score(flow, pos, back)
        if score >= 2 and (best is None or score > best[0]):
            best = (score, pos, match.group().rstrip("./"))
    return _noted(best[2], flow, best[1], None, 0.8) if best else None


def _address(flow: _Flow, back: int) -> tuple[Noted, Noted | None] | None:
    best: tuple[int, int, str] | None = None
    mailing: list[int] = []
    for start, end in flow.sentences(("address", "地址", "邮寄", "寄至", "mail to", "post to")):
        line_end = flow.text.find("\n", start)
        for match in _ADDRESS.finditer(flow.text, start, max(end, line_end if line_end != -1 else len(flow.text))):
            value = _clean(match.group("v"))
            if len(value) < 6 or "@" in value:
                continue
            is_mailing = bool(_MAILING.match(match.group("label")))
            if is_mailing:
                mailing.append(match.start())
            score = _place_score(flow, match.start(), back) + (0 if is_mailing else 1)
            if best is None or score > best[0]:
                best = (score, match.start(), value)
    if best is None:
        return None
    score, pos, value = best
    zip_code = _ZIP.search(flow.text, pos, pos + len(value) + 160)
    if zip_code and zip_code.group("v") not in value:
        value = f"{value} {zip_code.group('v')}"
    review = None if score >= 2 else "an address found in the text; check it is the report contact"
    address = _noted(_clean(value, 2000), flow, pos, review, 0.8 if review is None else 0.5)
    return address, _department(flow, [pos, *(m for m in mailing if m != pos)])


def _department(flow: _Flow, places: list[int]) -> Noted | None:
    """The contact department: named in the chosen address, else just after a mailing label."""
    for pos in places:
        second = flow.text.find("\n", flow.text.find("\n", pos) + 1)
        text = flow.text[pos : second if pos < second < pos + 400 else pos + 400]
        english = _DEPARTMENT_EN.search(text)
        if english:
            return _noted(_clean(english.group()), flow, pos, None, 0.7)
        chinese = _DEPARTMENT_ZH.search(text)
        if chinese:
            return _noted(_clean(chinese.group("d")), flow, pos, None, 0.7)
    return None


def _release_cycle(flow: _Flow) -> Noted | None:
    for start, end in flow.sentences(CYCLE_NEEDLES):
        for row, match in _row_matches(_CYCLES, flow, start, end):
            return _noted(RELEASE_CYCLES[row][0], flow, match.start(), None, 0.9)
    return None


def _consecutive_years(flow: _Flow) -> Noted | None:
    """Reports in a row: the "about" page first. Awards won N years running do not count; "the Nth
    report" counts with a note (the years may not have been consecutive)."""
    candidates: list[tuple[int, int, int, bool]] = []  # (priority, pos, n, sure)
    for (needles, sure, _), pattern in zip(CONSECUTIVE, _CONSECUTIVE, strict=True):
        for start, end in flow.sentences(needles):
            for match in pattern.finditer(flow.text, start, end):
                n = _number(match.group("n"))
                if n is None or not 1 <= n <= 100:
                    continue
                window = flow.text[max(start, match.start() - 80) : min(end, match.end() + 80)]
                if _AWARD.search(window) or not _PUBLISHING.search(window):
                    continue
                priority = (0 if flow.in_about(match.start()) else 2) + (0 if sure else 1)
                candidates.append((priority, match.start(), n, sure))
    if not candidates:
        return None
    _, pos, n, sure = min(candidates)
    review = None if sure else "counted from 'the Nth report'; check the reports were published in consecutive years"
    return _noted(n, flow, pos, review, 0.85 if sure else 0.6)


def _assurance(flow: _Flow) -> list[Noted]:
    """Ratings, assurance and verification statements about the report, one per kind and provider;
    a mention without a provider is dropped when the same kind has a named one."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for start, end in flow.sentences(ASSURANCE_NEEDLES):
        for row, match in _row_matches(_ASSURANCE, flow, start, end):
            kind = ASSURANCE_TRIGGERS[row][0]
            if _NEGATION.search(flow.text, max(start, match.start() - 30), match.start()):
                continue
            if kind != "rating" and not _REPORT_REF.search(flow.text, start, end):
                continue
            item = _assurance_item(flow, kind, start, end)
            entry = found.setdefault((kind, item["provider"]), {"pos": match.start(), "strength": 0, "item": item})
            strength = 2 if _STRONG_RATING.search(flow.text, start, end) else 1
            if strength > entry["strength"]:
                entry.update(strength=strength, source=match.start())
            for key in ("result", "standard"):
                if key in item and key not in entry["item"]:
                    entry["item"][key] = item[key]
    named = {kind for kind, provider in found if provider != UNNAMED_PROVIDER}
    notes = []
    for (kind, provider), entry in sorted(found.items(), key=lambda pair: pair[1]["pos"]):
        if provider == UNNAMED_PROVIDER and kind in named:
            continue
        review = (
            f"{kind} mentioned without a named provider; fill in who gave it" if provider == UNNAMED_PROVIDER else None
        )
        item = {key: entry["item"][key] for key in ("kind", "provider", "result", "standard") if key in entry["item"]}
        notes.append(_noted(item, flow, entry["source"], review, 0.8 if review is None else 0.5))
    return notes


UNNAMED_PROVIDER = "provider not named"


def _assurance_item(flow: _Flow, kind: str, start: int, end: int) -> dict[str, str]:
    provider = _PROVIDERS.search(flow.text, start, end) or _PROVIDERS.search(
        flow.text, max(0, start - 300), min(len(flow.text), end + 300)
    )
    item = {"kind": kind, "provider": ASSURANCE_PROVIDERS[_group(provider)][0] if provider else UNNAMED_PROVIDER}
    if kind == "rating":
        stars = _STARS.search(flow.text, start, end)
        if stars:
            item["result"] = STAR_RESULTS[_group(stars)][0]
    else:
        standard = _ASSURANCE_STANDARD.search(flow.text, start, end)
        if standard:
            item["standard"] = _clean(standard.group())
    return item


# ---------------------------------------------------------------------------------------------
# Process.
# ---------------------------------------------------------------------------------------------


def _preparation_team(flow: _Flow) -> dict[str, Any] | None:
    for start, end in flow.sentences(PREPARATION_NEEDLES):
        for pattern in _PREPARATION:
            match = pattern.search(flow.text, start, end)
            if not match:
                continue
            name = _clean(match.group("d"))
            name = _after_han_stop(name) if _is_han(name[-1:] or "a") else " ".join(_strip_leading(name.split()))
            if len(name) >= 2:
                return {"lead_department": _noted(name, flow, match.start("d"), None, 0.75)}
    return None


def _leadership(flow: _Flow) -> dict[str, Any] | None:
    steering: dict[str, Noted] = {}
    final: Noted | None = None
    for start, end in flow.sentences(LEADERSHIP_NEEDLES):
        if not _SELF_REPORT.search(flow.text, start, end) or _NOT_OUR_REVIEW.search(flow.text, start, end):
            continue
        for names, pos, steers, finals in _role_units(flow, start, end):
            if steers:
                for name in names:
                    steering.setdefault(name, _noted(name, flow, pos, None, 0.7))
            if finals and final is None:
                final = _noted(" and ".join(names), flow, pos, None, 0.75)
    result: dict[str, Any] = {}
    if steering:
        result["steering"] = list(steering.values())
    if final is not None:
        result["final_review"] = final
    return result or None


def _role_units(flow: _Flow, start: int, end: int) -> Iterator[tuple[list[str], int, bool, bool]]:
    """Roles joined by "and" form a unit; its verbs come before it ("approved by the Board") or
    after it ("the Board approved"). Yields (names, offset, steers, gives the final review)."""
    units: list[tuple[list[str], int, int]] = []
    for row, match in _row_matches(_ROLES, flow, start, end):
        name = ROLES[row][0] or _title_case(_clean(match.group()))
        if units and _ROLE_JOIN.fullmatch(flow.text, units[-1][2], match.start()):
            names = units[-1][0] if name in units[-1][0] else [*units[-1][0], name]
            units[-1] = (names, units[-1][1], match.end())
        else:
            units.append(([name], match.start(), match.end()))
    for i, (names, unit_start, unit_end) in enumerate(units):
        previous_end = units[i - 1][2] if i else start
        next_start = units[i + 1][1] if i + 1 < len(units) else end
        passive = _PASSIVE.search(flow.text, previous_end, unit_start)
        text = flow.text[previous_end:unit_start] if passive else flow.text[unit_end:next_start]
        finals = list(_FINAL.finditer(text))
        steers = [m for m in _STEER.finditer(text) if not any(f.start() <= m.start() < f.end() for f in finals)]
        if finals or steers:
            yield names, unit_start, bool(steers), bool(finals)


def _positioning(flow: _Flow) -> list[Noted]:
    found: dict[int, Noted] = {}
    for start, end in flow.sentences(POSITIONING_NEEDLES):
        cue = _POSITIONING_CUE.search(flow.text, start, end)
        if cue:
            for row, match in _rows_found(_POSITIONING, flow, cue.end(), end):
                found.setdefault(row, _noted(POSITIONING[row][0], flow, match.start(), None, 0.7))
    return [found[row] for row in sorted(found)]


def _materiality(flow: _Flow) -> dict[str, Any] | None:
    methods: dict[int, Noted] = {}
    for start, end in flow.sentences(MATERIALITY_NEEDLES, everywhere=True):
        if not _MATERIALITY_CUE.search(flow.text, start, end) or not _ISSUE_WORDS.search(flow.text, start, end):
            continue
        if _contents_like(flow, start, end):
            continue
        for row, match in _rows_found(_METHODS, flow, start, end):
            methods.setdefault(row, _noted(MATERIALITY_METHODS[row][0], flow, match.start(), None, 0.7))
    result: dict[str, Any] = {}
    if methods:
        result["methods"] = [methods[row] for row in sorted(methods)]
    issues = _matrix_issues(flow)
    if issues:
        result["issues"] = issues
    return result or None


def _matrix_issues(flow: _Flow) -> list[Noted]:
    """Issue names listed under a materiality-matrix heading: short lines up to the next prose,
    legends and axis labels skipped. Fewer than three is no list."""
    for i in _short_lines(flow, ("matrix", "material issues", "material topics", "实质性议题", "重要议题", "议题矩阵")):
        if not _MATRIX_HEADING.search(flow.lines[i].text):
            continue
        issues: dict[str, Noted] = {}
        for line in flow.lines[i + 1 : i + 1 + MATRIX_MAX_ITEMS * 2]:
            text = _clean(line.text)
            if _MATRIX_STOP.search(text) or len(text) > 80 or _PROSE.search(text):
                break  # prose again: the list is over
            if not 3 <= len(text) <= 60 or _MATRIX_NOISE.search(text) or not _LETTERS.search(text):
                continue
            if sum(char.isdigit() for char in text) <= 2:
                review = "read from a materiality list; check it is an issue"
                issues.setdefault(text.casefold(), Noted(text, line.where, review, 0.5))
            if len(issues) >= MATRIX_MAX_ITEMS:
                break
        if len(issues) >= 3:
            return list(issues.values())
    return []


def _release(flow: _Flow) -> dict[str, Any] | None:
    channels: dict[int, Noted] = {}
    for start, end in _report_sentences(flow, CHANNEL_NEEDLES):
        if _PUBLISH_VERBS.search(flow.text, start, end):
            for row, match in _rows_found(_CHANNELS, flow, start, end):
                channels.setdefault(row, _noted(CHANNELS[row][0], flow, match.start(), None, 0.7))
    result: dict[str, Any] = {}
    if channels:
        result["channels"] = [channels[row] for row in sorted(channels)]
    for start, end in flow.sentences(
        ("release date", "publication date", "publishing date", "date of", "发布日期", "发布时间")
    ):
        match = _RELEASE_DATE.search(flow.text, start, end)
        if match:
            result["date"] = _noted(_clean(match.group("d")), flow, match.start("d"), None, 0.8)
            break
    return result or None


def _feedback(flow: _Flow) -> dict[str, Any] | None:
    result: dict[str, Any] = {}
    improvements: list[Noted] = []
    for start, end in flow.sentences(FEEDBACK_NEEDLES):
        if not _FEEDBACK_CONTEXT.search(flow.text, start, end):
            continue
        count = _FEEDBACK_COUNT.search(flow.text, start, end)
        if count and "responses" not in result:
            digits = (count.group("n") or count.group("n2") or count.group("n3") or "").replace(",", "")
            if digits.isdigit() and 0 < int(digits) <= 1_000_000:
                result["responses"] = _noted(int(digits), flow, count.start(), None, 0.7)
        for match in _FEEDBACK_IMPROVEMENT.finditer(flow.text, start, end):
            text = _clean(match.group("v") or match.group("v2") or "")
            if text:
                improvements.append(_noted(text, flow, match.start(), "an improvement made after feedback; check", 0.5))
    if improvements:
        result["improvements"] = improvements
    return result or None


# ---------------------------------------------------------------------------------------------
# Public API.
# ---------------------------------------------------------------------------------------------


def extract_meta(doc: Document, *, year: int | None = None, industry: str | None = None) -> dict[str, Any]:
    """The report's ``meta`` section, each found item wrapped in ``Noted``.

    ``year`` and ``industry`` given by the caller win over the text. Organisation, title and year
    are always present (a placeholder with a review note when not found); other fields only when
    the text gives evidence for them.
    """
    flow = _flow(doc)
    reporting_year = Noted(year) if year is not None else detect_year(doc) or _fallback_year(flow)
    title = _title(flow, reporting_year.value)
    organisation = _organisation(flow, title.value if title else None)
    if title is None:
        review = "report title not found in the text; fill in"
        title = Noted(_clean(f"{organisation.value} report {reporting_year.value}"), review=review, confidence=0.1)
    meta: dict[str, Any] = {"organisation": organisation, "title": title, "year": reporting_year}
    if industry is not None:
        meta["industry"] = industry
    optional = {
        "languages": _languages(flow),
        "formats": _formats(flow),
        "reference_standards": _standards(flow),
        "contact": _contact(flow),
        "release_cycle": _release_cycle(flow),
        "consecutive_years": _consecutive_years(flow),
        "assurance": _assurance(flow),
    }
    meta.update({key: value for key, value in optional.items() if value})
    return meta


def _fallback_year(flow: _Flow) -> Noted:
    """No year in the text: the one in the file name, else last year; either way a person checks."""
    years = _YEAR.findall(Path(flow.doc.path).name)
    if years:
        return Noted(int(years[-1]), review="reporting year taken from the file name; check", confidence=0.3)
    return Noted(datetime.date.today().year - 1, review="reporting year not found in the text; fill in", confidence=0.1)


def extract_process(doc: Document) -> dict[str, Any]:
    """The report's ``process`` section (how it was prepared, approved, positioned and released),
    each found item wrapped in ``Noted``; parts without evidence in the text are left out."""
    flow = _flow(doc)
    process = {
        "preparation_team": _preparation_team(flow),
        "leadership": _leadership(flow),
        "positioning": _positioning(flow),
        "materiality": _materiality(flow),
        "release": _release(flow),
        "feedback": _feedback(flow),
    }
    return {key: value for key, value in process.items() if value}
