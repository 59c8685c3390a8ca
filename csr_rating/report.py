"""The structured report: what a rater or author fills in about one CSR report.

These models are the single source of truth for the report format: validation, error messages and
the published JSON Schema (``csr-rating schema report``) all come from them. Section names and the
indicator fields ``id``, ``name``, ``unit``, ``values`` and ``negative`` are a public contract.
"""

from __future__ import annotations

import datetime
import math
import typing
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator
from pydantic import Strict as Strict_

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
CatalogId = Annotated[str, StringConstraints(pattern=r"^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$", max_length=120)]
TopicId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=120)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$")]
Year = Annotated[int, Field(ge=1950, le=2100)]
Count = Annotated[int, Field(ge=0, le=1_000_000)]

ReportFormat = Literal["print", "electronic", "web", "brief", "long_image", "video", "h5", "audio", "braille", "app"]
ReleaseChannel = Literal[
    "website",
    "press_conference",
    "stock_exchange",
    "wechat",
    "weibo",
    "app",
    "video_platform",
    "email",
    "print_distribution",
    "stakeholder_meeting",
    "media",
]
Positioning = Literal[
    "stakeholder_communication",
    "management_improvement",
    "brand",
    "culture",
    "transparency",
    "compliance",
    "strategy",
]
MaterialityMethod = Literal[
    "national_policy",
    "industry_benchmarking",
    "business_strategy",
    "standards",
    "expert_consultation",
    "stakeholder_survey",
    "media_analysis",
]
Accessibility = Literal[
    "multilingual",
    "online_html",
    "large_print",
    "audio",
    "sign_language",
    "screen_reader",
    "braille",
    "qr_codes",
    "brief_version",
    "easy_read",
]
Depth = Literal["mentioned", "detailed"]
Value = Annotated[float, Strict_()] | Annotated[int, Strict_()] | Annotated[str, StringConstraints(min_length=1)]
# What data tables print where there is no figure: read as "not reported", never as a value.
PLACEHOLDERS = {
    "n/a",
    "na",
    "n.a.",
    "-",
    "--",
    "—",
    "——",
    "–",
    "/",
    "none",
    "nil",
    "null",
    "不适用",
    "无",
    "暂无",
    "…",
    "...",
}


def empty_list() -> list[Any]:
    """``default_factory=list`` in a form pydantic reads cheaply: it inspects each factory's signature
    when it builds a model, and ``list``'s is parsed from text (tokenize): about 4 ms of every start-up
    for the report's list fields."""
    return []


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt field must never silently score zero. Types are strict
    (no "yes" for true, no "12" for 12, no true for 1): a guessed conversion is a silent score.

    An optional field written with nothing after it (``process:``, YAML null) means "not given",
    as an author emptying a section expects; a required one still reports that it is missing.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, strict=True)

    @model_validator(mode="before")
    @classmethod
    def _null_is_absent(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {
                key: value
                for key, value in data.items()
                if not (value is None and key in cls.model_fields and not cls.model_fields[key].is_required())
            }
        return data


class Contact(Strict):
    department: Name | None = None
    address: Text | None = None
    email: Name | None = None
    phone: Name | None = None
    fax: Name | None = None
    website: Name | None = None


class Assurance(Strict):
    """An external rating, assurance or verification of the report."""

    kind: Literal["rating", "assurance", "verification"]
    provider: Name
    result: Name | None = None
    standard: Name | None = None


class ContentIndex(Strict):
    """A content index the report prints against a guide: what it says it discloses, and where.

    A CASS-CSR index marks each item core (核心) or extended (扩展); the Committee reads completeness
    off it (the share of the guide's core items disclosed), so its core counts can count for the
    completeness criterion (see completeness.yaml)."""

    guide: Name = Field(description='The guide the index maps to, e.g. "CASS-CSR 4.0", "GRI", "HKEX ESG".')
    items: Count = Field(description="Items (codes) the index lists.")
    disclosed: Count = Field(description="Items it points to a page or section for.")
    not_applicable: Count = Field(0, description="Items it declares not applicable (不适用, 无此类情况).")
    core_items: Count | None = Field(None, description="Items it marks core; omitted where the guide has no marks.")
    core_disclosed: Count | None = Field(None, description="Core items it points to a page or section for.")
    core_not_applicable: Count | None = Field(None, description="Core items it declares not applicable.")
    core_missing: list[Name] = Field(
        default_factory=empty_list, max_length=500, description="Core items it lists without a page (code and name)."
    )

    @model_validator(mode="after")
    def _counts(self) -> ContentIndex:
        if self.disclosed + self.not_applicable > self.items:
            raise ValueError("disclosed plus not_applicable cannot exceed items")
        core = (self.core_items, self.core_disclosed)
        if (core[0] is None) != (core[1] is None):
            raise ValueError("core_items and core_disclosed go together")
        if core[0] is not None and core[1] is not None:
            if core[0] > self.items:
                raise ValueError("core_items cannot exceed items")
            if core[1] + (self.core_not_applicable or 0) > core[0]:
                raise ValueError("core_disclosed plus core_not_applicable cannot exceed core_items")
        return self


class Meta(Strict):
    organisation: Name
    also_named: list[Name] = Field(
        default_factory=empty_list,
        max_length=5,
        description="The organisation's name in the report's other languages, as the report prints it "
        "(China Telecommunications Corporation Limited beside 中国电信集团有限公司): letters and cards give both.",
    )
    title: Name
    year: Year = Field(description="The reporting year (the period the report covers).")
    industry: Slug = Field("general", description="Industry catalog id, e.g. telecom; general if none.")
    segments: list[Slug] = Field(
        default_factory=empty_list,
        max_length=20,
        description="The segments of its industry the organisation operates in (the catalog's `segments`, e.g. "
        "building-materials); items of other segments then leave the denominators. Empty: the whole industry.",
    )
    languages: list[LangCode] = Field(default_factory=empty_list, max_length=50)

    @field_validator("languages")
    @classmethod
    def _primary(cls, languages: list[str]) -> list[str]:
        """zh-CN and zh are one language to a reader: keep the primary subtag, once."""
        return list(dict.fromkeys(code.split("-")[0].lower() for code in languages))

    formats: list[ReportFormat] = Field(default_factory=empty_list, description="Forms the report is published in.")
    reference_standards: list[Name] = Field(default_factory=empty_list, max_length=200)
    contact: Contact | None = None
    release_cycle: Literal["annual", "biennial", "quarterly", "irregular"] | None = None
    consecutive_years: Annotated[int, Field(ge=1, le=100)] | None = Field(
        None, description="How many years in a row the organisation has published a CSR report."
    )
    assurance: list[Assurance] = Field(default_factory=empty_list, max_length=50)
    content_index: list[ContentIndex] = Field(
        default_factory=empty_list, max_length=20, description="The content indexes the report prints, one per guide."
    )


class PreparationTeam(Strict):
    lead_department: Name
    members: list[Name] = Field(default_factory=empty_list, max_length=500)


class Leadership(Strict):
    """Top leadership's part: who steers the report and who gives the final sign-off."""

    steering: list[Name] = Field(default_factory=empty_list, max_length=50)
    final_review: Name | None = Field(None, description="Who gives the final review / sign-off.")


class Materiality(Strict):
    methods: list[MaterialityMethod] = Field(default_factory=empty_list)
    issues: list[Name] = Field(default_factory=empty_list, max_length=500)


class Release(Strict):
    channels: list[ReleaseChannel] = Field(default_factory=empty_list)
    date: datetime.date | Name | None = None


class Feedback(Strict):
    """Feedback collected on earlier reports and what it changed."""

    responses: Count | None = None
    improvements: list[Name] = Field(default_factory=empty_list, max_length=200)


class Process(Strict):
    preparation_team: PreparationTeam | None = None
    leadership: Leadership | None = None
    positioning: list[Positioning] = Field(default_factory=empty_list)
    materiality: Materiality | None = None
    management_rules: list[Name] = Field(default_factory=empty_list, max_length=200)
    subsidiary_reports: list[Name] = Field(default_factory=empty_list, max_length=500)
    release: Release | None = None
    feedback: Feedback | None = None


class Topic(Strict):
    """A key issue the report covers; ``detailed`` means backed by data or cases, not just named."""

    id: TopicId | None = Field(None, description="Topic id from the industry catalog, when known.")
    name: Name
    depth: Depth = "mentioned"
    cases: Count = 0


class Benchmark(Strict):
    """Horizontal comparison: a peer, industry average, ranking or target the report compares with."""

    kind: Literal["peer", "industry", "ranking", "target"]
    description: Name
    value: Value | None = None

    @field_validator("value")
    @classmethod
    def _finite(cls, value: Value | None) -> Value | None:
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("value is not a finite number")
        return value


class Indicator(Strict):
    id: CatalogId | None = Field(None, description="Catalog indicator id, when known.")
    name: Name
    unit: Name | None = None
    values: dict[Year, Value] = Field(default_factory=dict, description="Year -> reported value.")
    chart_years: list[Year] = Field(
        default_factory=empty_list,
        max_length=100,
        description="Years a chart shows for this indicator whose figures are not written out (a chart "
        "titled '2014-2016 revenue'): they count as reported years for trends and disclosure, not as values.",
    )
    narrative: Text | None = Field(None, description="For qualitative indicators: what is disclosed.")
    benchmark: list[Benchmark] = Field(default_factory=empty_list, max_length=20)
    negative: bool | None = Field(None, description="Unfavourable indicator; when omitted the catalog decides.")

    @field_validator("values", mode="before")
    @classmethod
    def _unreported_years(cls, values: Any) -> Any:
        """``2018: null`` or a placeholder ("n/a", "——") means the year is not reported; a quoted
        year ("2020") is that year, and two spellings of one year are an error, not a silent pick."""
        if not isinstance(values, dict):
            return values
        years: dict[Any, Any] = {}
        for key, value in values.items():
            year = int(key) if isinstance(key, str) and key.strip().isdigit() else key
            if year in years:
                raise ValueError(f"year {year} is given twice")
            if value is None or (isinstance(value, str) and value.strip().casefold() in PLACEHOLDERS):
                continue
            years[year] = value
        return years

    @field_validator("values")
    @classmethod
    def _finite(cls, values: dict[int, Value]) -> dict[int, Value]:
        for year, value in values.items():
            if isinstance(value, bool):
                raise ValueError(f"value for {year} is a boolean; write the number or text reported")  # noqa: TRY004 - pydantic reports ValueError, not TypeError
            if isinstance(value, float) and not math.isfinite(value):
                raise ValueError(f"value for {year} is not a finite number")
            if isinstance(value, str) and not value.strip():
                raise ValueError(f"value for {year} is empty")
        return dict(sorted(values.items()))

    @field_validator("chart_years")
    @classmethod
    def _each_year_once(cls, years: list[int]) -> list[int]:
        return sorted(set(years))

    @model_validator(mode="after")
    def _disclosed(self) -> Indicator:
        if not self.values and not self.chart_years and self.narrative is None:
            raise ValueError("an indicator needs `values` (by year), `chart_years` or a `narrative`")
        return self

    @cached_property
    def years(self) -> frozenset[int]:
        """Every year the report shows a figure for: written out in ``values`` or drawn in a chart
        (computed once: checks ask for it of every indicator, again and again)."""
        return frozenset(self.values) | frozenset(self.chart_years)


class IndexedIndicator(Strict):
    """An indicator the report's content index lists as disclosed, on a page, whose figures the YAML
    does not give: a draft's text lost them (a KPI page drawn as an image), or the author has not
    copied them yet. See ``Report.indexed_indicators``."""

    name: Name
    id: CatalogId | None = Field(None, description="Catalog indicator id, when known.")
    page: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)] | None = Field(
        None, description="Where the index says it is disclosed (P42, 12-14)."
    )


class NegativeDisclosure(Strict):
    """Unfavourable information the report itself discusses: an incident, a penalty, a missed target,
    a worsening result it comments on. A figure that merely worsens in a data table is already
    carried by its indicator; listing it here too would count it twice."""

    title: Name
    kind: Literal["event", "figure", "trend", "penalty", "target_missed"] = "event"
    explanation: Text | None = None
    measures: Text | None = Field(None, description="Corrective measures taken or planned.")
    indicator: Name | None = Field(None, description="Id or name of the related indicator, if any.")


class Readability(Strict):
    theme: Name | None = None
    chapters: list[Name] = Field(default_factory=empty_list, max_length=200)
    term_explanations: Count = Field(default=0, description="Tips / glossary entries explaining terms.")
    cases: Count = 0
    pictures: Count = 0
    charts: Count = 0
    data_tables: Count = 0
    feedback_form: bool = False
    accessibility: list[Accessibility] = Field(default_factory=empty_list)
    design: list[Name] = Field(default_factory=empty_list, max_length=50)


class Feature(Strict):
    title: Name
    description: Text | None = None


class Testimonial(Strict):
    who: Name
    role: Name | None = None
    topic: Name | None = None


class Originality(Strict):
    special_features: list[Feature] = Field(default_factory=empty_list, max_length=100)
    testimonials: list[Testimonial] = Field(default_factory=empty_list, max_length=1000)
    new_forms: list[Feature] = Field(default_factory=empty_list, max_length=100)


class Waiver(Strict):
    """A criterion or core indicator that does not apply to this organisation, and why.

    Waived items leave the denominator and are listed in every output; the reason is required so a
    reader can judge it (e.g. "no overseas operations" for an international-roaming indicator).
    """

    criterion: Annotated[str, StringConstraints(pattern=r"^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$")] | None = None
    indicator: CatalogId | None = None
    reason: Text

    @model_validator(mode="after")
    def _one_target(self) -> Waiver:
        if (self.criterion is None) == (self.indicator is None):
            raise ValueError("a waiver names exactly one `criterion` or one `indicator`")
        return self

    @property
    def target(self) -> str:
        return self.criterion or self.indicator or ""


# Sections whose facts a draft may not show: how the report was made (process), its design
# (readability), its special features (originality), and the forms and languages it is published in.
UNKNOWABLE_ROOTS = (
    "process",
    "readability",
    "originality",
    "meta.formats",
    "meta.languages",
    "meta.assurance",
    "indexed_indicators",
)
UnknownPath = Annotated[str, StringConstraints(pattern=r"^[a-z_]+(\.[a-z_]+)*$", max_length=120)]


# A field of every entry of a list that a draft may not show: the case boxes of the key topics, which a
# text shows only where they are labelled.
UNKNOWABLE_ENTRY_FIELDS = ("topics.cases",)


def unknown_path_problem(path: str) -> str | None:
    """Why ``path`` cannot be listed as unknown, or None: it must name a field of the sections in
    ``UNKNOWABLE_ROOTS``, or one of ``UNKNOWABLE_ENTRY_FIELDS`` (other entries of lists cannot be
    addressed one by one)."""
    if path in UNKNOWABLE_ENTRY_FIELDS:
        return None
    if not any(path == root or path.startswith(f"{root}.") or root.startswith(f"{path}.") for root in UNKNOWABLE_ROOTS):
        allowed = ", ".join((*UNKNOWABLE_ROOTS, *UNKNOWABLE_ENTRY_FIELDS))
        return f"{path!r} cannot be unknown: only {allowed} and the fields of those sections can"
    if path == "meta":
        return "'meta' cannot be unknown as a whole: name meta.formats, meta.languages or meta.assurance"
    model: type[BaseModel] = Report
    for depth, part in enumerate(path.split(".")):
        field = model.model_fields.get(part)
        if field is None:
            known = ", ".join(sorted(model.model_fields))
            return f"{'.'.join(path.split('.')[: depth + 1])!r} is not a report field (known here: {known})"
        listed = typing.get_origin(field.annotation) is list
        options = (field.annotation, *typing.get_args(field.annotation))
        inner = [] if listed else [a for a in options if isinstance(a, type) and issubclass(a, BaseModel)]
        if depth < path.count(".") and not inner:
            return f"{'.'.join(path.split('.')[: depth + 1])!r} has no sub-fields"
        model = inner[0] if inner else model
    return None


class Report(Strict):
    """One CSR report, as structured facts."""

    model_config = ConfigDict(**Strict.model_config, title="csr-rating structured report")

    meta: Meta
    process: Process = Field(default_factory=lambda: Process())
    topics: list[Topic] = Field(default_factory=empty_list, max_length=1000)
    indicators: list[Indicator] = Field(default_factory=empty_list, max_length=10000)
    negative_disclosures: list[NegativeDisclosure] = Field(default_factory=empty_list, max_length=1000)
    readability: Readability = Field(default_factory=lambda: Readability())
    originality: Originality = Field(default_factory=lambda: Originality())
    waivers: list[Waiver] = Field(default_factory=empty_list, max_length=500)
    indexed_indicators: list[IndexedIndicator] = Field(
        default_factory=empty_list,
        max_length=1000,
        description="Indicators the report's content index lists as disclosed whose figures are not given here. "
        "Settled (not listed in `unknown`), each counts as disclosed for the reporting year and the year before, "
        "figures not written out. Listed in `unknown` (what `ingest` writes when the draft's text does not show "
        "them), they count as absent at the low end and at their best at the high end; the question that settles "
        "them asks which of them the report gives figures for.",
    )
    unknown: list[UnknownPath] = Field(
        default_factory=empty_list,
        max_length=200,
        description="Facts the report's source cannot show, as dotted field paths (process.leadership.final_review, "
        "readability.pictures, or a whole section: process). A field listed here scores as given (worst case) "
        "and at its best (best case): the rating becomes a range, and each unknown fact a question. "
        "An omitted field that is not listed means 'not given', as before.",
    )

    @field_validator("unknown")
    @classmethod
    def _known_paths(cls, paths: list[str]) -> list[str]:
        for path in paths:
            problem = unknown_path_problem(path)
            if problem:
                raise ValueError(problem)
        if len(set(paths)) < len(paths):
            raise ValueError("a path is listed twice")
        return paths
