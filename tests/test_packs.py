"""Industry packs: catalogs that extend one base, their vocabulary as data, detection from their own
words, and a new industry added as one YAML file with no Python edit."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
import yaml

from csr_rating.api import ingest_draft
from csr_rating.catalog import HAN_CHAR, CatalogFile
from csr_rating.criteria import CriteriaSet
from csr_rating.errors import InputError
from csr_rating.ingest import negatives
from csr_rating.ingest.document import from_text
from csr_rating.ingest.industry import detector_for
from csr_rating.ingest.matching import Matcher
from csr_rating.loading import load_catalogs, load_criteria, load_report
from csr_rating.share_scale import derived_scale, reference_rates
from tests.conftest import REFERENCE, ROOT

INDUSTRIES = ROOT / "criteria" / "industries"
PACKS = sorted(p.stem for p in INDUSTRIES.glob("*.yaml") if p.stem != "general")


def test_at_least_twelve_packs_besides_general_each_extending_it(criteria: CriteriaSet) -> None:
    assert len(PACKS) >= 12
    for pack in PACKS:
        assert criteria.catalogs[pack].extends == ["general"], pack


@pytest.mark.parametrize("pack", PACKS)
def test_a_pack_lists_its_own_core_indicators_and_key_topics_in_both_languages(
    pack: str, criteria: CriteriaSet
) -> None:
    catalog = criteria.catalogs[pack]
    own = [i for i in catalog.own_indicators() if i.tier == "core"]
    assert len(own) >= 40, pack
    assert sum(1 for i in own if i.kind == "quantitative") >= 25, pack
    for item in own:
        assert item.source, item.id
        assert item.unit or item.kind == "qualitative", item.id
        assert any(HAN_CHAR.search(a) for a in item.aliases) and any(a.isascii() for a in item.aliases), item.id
    topics = catalog.own_topics()
    assert len(topics) >= 12, pack
    for topic in topics:
        assert len(topic.aliases) >= 2, topic.id
    assert len(catalog.lexicon.detect.en) >= 10 and len(catalog.lexicon.detect.zh) >= 10, pack


def test_a_pack_file_holds_only_what_is_its_own(criteria: CriteriaSet) -> None:
    """The base's indicators are inherited, not copied: a pack re-declares a base id only to override it."""
    base = {i.id for i in criteria.catalogs["general"].indicators}
    for pack in PACKS:
        data = yaml.safe_load((INDUSTRIES / f"{pack}.yaml").read_text(encoding="utf-8"))
        overrides = [i["id"] for i in data.get("indicators", []) if i["id"] in base]
        assert len(overrides) <= 20, (pack, overrides)


def test_telecom_rebased_on_general_keeps_the_reference_catalog(criteria: CriteriaSet) -> None:
    telecom = criteria.catalogs["telecom"]
    assert len(telecom.core()) == 159 and len(telecom.topics) == 29
    dropped = {"gen.energy-intensity", "product-service-quality"}
    assert not dropped & {i.id for i in [*telecom.indicators, *telecom.topics]}
    assert next(i for i in telecom.indicators if i.id == "gen.csr-capacity-building").tier == "core"  # overridden


def test_every_share_scale_is_derived_from_the_reference_rates(criteria: CriteriaSet) -> None:
    """share_scale = published share / the share a report as good as the reference would reach in
    this catalog, given the reference's rates on base and own core indicators (documented in each file)."""
    report, _ = load_report(REFERENCE)
    rates = reference_rates(criteria.catalogs["telecom"], report)
    assert (round(rates.base * 93), round(rates.own * 66)) == (48, 37)  # as general.yaml documents them
    for catalog in criteria.catalogs.values():
        assert catalog.share_scale == pytest.approx(derived_scale(catalog, rates), abs=0.0015), catalog.id


# --- extends --------------------------------------------------------------------------------------


def _criteria_copy(tmp_path: Path, *extra: tuple[str, str]) -> Path:
    root = tmp_path / "criteria"
    shutil.copytree(ROOT / "criteria" / "cass-csr-4.0", root / "cass-csr-4.0")
    (root / "industries").mkdir()
    shutil.copy(INDUSTRIES / "general.yaml", root / "industries" / "general.yaml")
    for name, text in extra:
        (root / "industries" / name).write_text(text, encoding="utf-8")
    return root


PACK_HEAD = "id: {id}\nname: {{en: Demo, zh: 示例}}\nextends: {base}\n"


def test_a_pack_overrides_a_base_item_by_id_and_drops_one_with_a_reason(tmp_path: Path) -> None:
    text = PACK_HEAD.format(id="demo", base="general") + (
        "drop:\n  - {id: gen.energy-intensity, reason: not asked of this industry}\n"
        "indicators:\n"
        "  - {id: gen.total-assets, name: {en: Total assets, zh: 资产总额}, unit: CNY, category: economic, tier: extended}\n"
    )
    catalog = load_criteria(_criteria_copy(tmp_path, ("demo.yaml", text))).catalogs["demo"]
    ids = [i.id for i in catalog.indicators]
    general = load_criteria(tmp_path / "criteria").catalogs["general"]
    assert "gen.energy-intensity" not in ids
    assert next(i for i in catalog.indicators if i.id == "gen.total-assets").tier == "extended"
    assert ids.index("gen.total-assets") == [i.id for i in general.indicators].index("gen.total-assets")
    assert len(catalog.core()) == len(general.core()) - 2
    assert catalog.share_scale == general.share_scale  # inherited when not given


def test_a_topics_evidence_names_indicators_and_loses_those_a_pack_drops(tmp_path: Path) -> None:
    text = PACK_HEAD.format(id="demo", base="general") + (
        "drop:\n  - {id: gen.total-assets, reason: not asked of this industry}\n"
        "topics:\n  - {id: demo-topic, name: {en: Demo topic, zh: 演示议题},"
        " evidence: [gen.total-assets, gen.operating-revenue]}\n"
    )
    catalog = load_criteria(_criteria_copy(tmp_path, ("demo.yaml", text))).catalogs["demo"]
    topic = next(t for t in catalog.topics if t.id == "demo-topic")
    assert topic.evidence == ["gen.operating-revenue"]


def test_every_shipped_topics_evidence_is_an_indicator_of_its_catalog(criteria: CriteriaSet) -> None:
    for catalog in criteria.catalogs.values():
        ids = {i.id for i in catalog.indicators}
        for topic in catalog.topics:
            assert set(topic.evidence) <= ids, (catalog.id, topic.id)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (PACK_HEAD.format(id="demo", base="nowhere"), "extends 'nowhere': no such catalog"),
        (PACK_HEAD.format(id="demo", base="demo"), "cannot extend itself"),
        (PACK_HEAD.format(id="demo", base="general") + "drop:\n  - {id: gen.nothing, reason: gone}\n", "not an item"),
        (PACK_HEAD.format(id="demo", base="general") + "drop:\n  - {id: gen.total-assets}\n", "reason"),
        (
            PACK_HEAD.format(id="demo", base="general")
            + "indicators:\n  - {id: demo.x, name: {en: Total assets, zh: 资产合计}, category: economic}\n",
            "belongs to both",
        ),
        (PACK_HEAD.format(id="demo", base="general") + "lexicon: {detect: {fr: [usine]}}\n", "fr"),
        (
            PACK_HEAD.format(id="demo", base="general")
            + "topics:\n  - {id: demo-topic, name: {en: Demo topic, zh: 演示议题}, evidence: [gen.nothing]}\n",
            "evidence 'gen.nothing' is not an indicator",
        ),
    ],
)
def test_a_broken_pack_is_one_error_naming_its_file(tmp_path: Path, text: str, message: str) -> None:
    root = _criteria_copy(tmp_path, ("demo.yaml", text))
    criteria = load_criteria(root)  # catalogs load when used: scoring a report of another industry is unaffected
    with pytest.raises(InputError) as error:
        criteria.catalogs["demo"]
    assert "demo.yaml" in str(error.value) and message in str(error.value)
    with pytest.raises(InputError):  # and lint, which loads them all, refuses the folder
        load_catalogs(root / "industries")


def test_extends_cycles_are_refused(tmp_path: Path) -> None:
    root = _criteria_copy(
        tmp_path, ("a.yaml", PACK_HEAD.format(id="a", base="b")), ("b.yaml", PACK_HEAD.format(id="b", base="a"))
    )
    with pytest.raises(InputError, match="cycle"):
        load_catalogs(root / "industries")


# --- a new industry is one YAML file ------------------------------------------------------------

SHIPYARD_PACK = """\
id: shipbuilding
name: {en: Shipbuilding, zh: 船舶制造}
extends: general
categories:
  - {id: yard, name: {en: Yard operations, zh: 船厂运营}}
indicators:
  - id: ship.vessels-delivered
    name: {en: Vessels delivered, zh: 交付船舶数}
    aliases: [ships delivered, 完工交船]
    unit: vessels
    category: yard
    source: "invented for a test"
  - id: ship.ballast-discharges
    name: {en: Ballast water discharges, zh: 压载水违规排放}
    aliases: [ballast discharges, 压载水排放事件]
    unit: cases
    category: yard
    negative: true
    source: "invented for a test"
topics:
  - {id: hull-coatings, name: {en: Hull coatings, zh: 船体涂装}, aliases: [antifouling paint, 防污涂料]}
lexicon:
  detect: {en: [shipyard, dry dock, hull, vessels delivered, shipowners], zh: [船厂, 船坞, 造船, 船东]}
  units: [vessels]
  negative_events:
    - label: {en: Dock flooding, zh: 船坞进水}
      en: [dock flooding]
      zh: [船坞进水]
"""

SHIPYARD_DRAFT = """\
Harbour Shipyard Sustainability Report 2022
Reporting period: 1 January 2022 to 31 December 2022.
Our shipyard and its two dry docks serve shipowners worldwide; every hull is checked twice.
Key figures\t2020\t2021\t2022
Vessels delivered (vessels)\t10\t12\t14
Total number of employees (persons)\t900\t950\t990
In 2022 one dock flooding occurred at the north dry dock; we rebuilt the gate and retrained the crews.
Antifouling paint free of tin is used on every hull.
"""


def test_a_new_industry_is_one_yaml_file(tmp_path: Path) -> None:
    root = _criteria_copy(tmp_path, ("shipbuilding.yaml", SHIPYARD_PACK))
    criteria = load_criteria(root)
    draft_path = tmp_path / "draft.txt"
    draft_path.write_text(SHIPYARD_DRAFT, encoding="utf-8")
    draft = ingest_draft(draft_path, criteria=criteria)
    assert draft.report.meta.industry == "shipbuilding"
    assert "ship.vessels-delivered" in {i.id for i in draft.report.indicators}
    assert "hull-coatings" in {t.id for t in draft.report.topics}
    assert any("Dock flooding" in n.title for n in draft.report.negative_disclosures)
    assert "shipbuilding" in draft.yaml.split("industry:", 1)[1].split("\n", 1)[0]
    assert "detected" in draft.yaml  # the review note names why


def test_detection_names_the_top_two_packs_and_their_words(criteria: CriteriaSet) -> None:
    doc = from_text(SHIPYARD_DRAFT.replace("shipyard", "power plant"), "d.txt")
    ranked = detector_for(criteria).rank(doc)
    assert [e.score for e in ranked] == sorted((e.score for e in ranked), reverse=True)
    assert {e.catalog for e in ranked} == set(PACKS)


# --- vocabulary is data, tied to its source ------------------------------------------------------


def test_the_matcher_reads_the_catalog_lexicons_synonyms(criteria: CriteriaSet) -> None:
    telecom = criteria.catalogs["telecom"]
    assert Matcher(telecom)._synonyms == telecom.lexicon.synonyms
    assert telecom.lexicon.synonyms["landline"] == "fixed"  # the pack's own, added to the base's
    assert telecom.lexicon.synonyms["staff"] == criteria.catalogs["general"].lexicon.synonyms["staff"]
    assert "landline" not in criteria.catalogs["general"].lexicon.synonyms


def test_the_negatives_extractor_looks_for_every_negative_term_of_the_catalog(criteria: CriteriaSet) -> None:
    for catalog in criteria.catalogs.values():
        rules = negatives._rule_set(catalog)
        patterns = [(rule, en, zh) for rule, en, zh in rules.rules if rule.name.startswith(("event-", "indicator-"))]
        for event in catalog.negative_terms():
            for term in event.en:
                assert any(en.search(f" {term} ") for _, en, _ in patterns), (catalog.id, term)
            for term in event.zh:
                assert any(zh.search(term) for _, _, zh in patterns), (catalog.id, term)


def test_negative_indicators_that_count_events_become_negative_terms_by_their_names(criteria: CriteriaSet) -> None:
    general = criteria.catalogs["general"]
    terms = {e.label.en: e for e in general.negative_terms()}
    units = {u.casefold() for u in general.lexicon.event_units}
    for item in general.indicators:
        counts_events = item.negative and item.kind == "quantitative" and (item.unit or "").casefold() in units
        if item.name.en in terms:
            assert counts_events, item.id
            assert set(terms[item.name.en].en + terms[item.name.en].zh) <= {item.name.en, item.name.zh}  # no aliases
    assert "Work-related fatalities" in terms and "Employee turnover rate" not in terms  # a rate is not an event


def _negatives(text: str, criteria: CriteriaSet, industry: str) -> list[str]:
    found = negatives.extract_negatives(from_text(text, "d.txt"), criteria.catalogs[industry])
    return [n.value["title"] for n in found]


def test_one_event_is_one_negative_disclosure_whichever_rules_find_it(criteria: CriteriaSet) -> None:
    assert (
        len(
            _negatives("In 2023, 2 fatalities occurred at our sites and we strengthened controls.", criteria, "general")
        )
        == 1
    )
    assert len(_negatives("2023年全年发生2起安全生产事故，已全部整改。", criteria, "general")) == 1
    assert _negatives("In 2023 there were 3 oil spills at our terminals.", criteria, "oil-gas") == ["Oil spill (3)"]


def test_a_row_label_in_a_sentence_is_not_an_event(criteria: CriteriaSet) -> None:
    assert _negatives("We ran 4 antitrust workshops for the sales team.", criteria, "general") == []
    assert _negatives("公司开展反垄断培训2次，组织公平竞争专题学习3次。", criteria, "general") == []


def test_an_over_long_name_of_a_negative_indicator_is_no_prose_term(tmp_path: Path) -> None:
    long_name = "x" * 150
    text = PACK_HEAD.format(id="demo", base="general") + (
        "indicators:\n"
        f"  - {{id: demo.bad, name: {{en: {long_name}, zh: 坏事件}}, unit: cases, category: safety, negative: true}}\n"
    )
    catalog = load_criteria(_criteria_copy(tmp_path, ("demo.yaml", text))).catalogs["demo"]
    assert all(len(term) <= 100 for event in catalog.negative_terms() for term in event.en)


def test_synonym_chains_resolve_to_the_final_word(tmp_path: Path) -> None:
    text = PACK_HEAD.format(id="demo", base="general") + "lexicon: {synonyms: {petrol: gasoline, gasoline: fuel}}\n"
    catalog = load_criteria(_criteria_copy(tmp_path, ("demo.yaml", text))).catalogs["demo"]
    assert catalog.lexicon.synonyms["petrol"] == catalog.lexicon.synonyms["gasoline"] == "fuel"


def test_a_yml_catalog_is_refused_not_ignored(tmp_path: Path) -> None:
    root = _criteria_copy(tmp_path, ("demo.yml", PACK_HEAD.format(id="demo", base="general")))
    with pytest.raises(InputError, match=r"\.yaml"):
        load_criteria(root)


def test_built_matchers_are_bounded_however_often_criteria_are_loaded() -> None:
    from csr_rating.ingest.industry import detector_for as cache

    doc = from_text(SHIPYARD_DRAFT, "d.txt")
    for _ in range(10):  # more loads than the cache may hold
        cache(load_criteria()).rank(doc)
    assert len(cache) <= 8


def test_chinese_words_wrapped_over_lines_are_still_found(criteria: CriteriaSet) -> None:
    wrapped = "本公司2023年发\n电量稳步增长，装机容\n量达到新高，燃煤机\n组全部完成超低排\n放改造，上网电\n量增加。"
    assert detector_for(criteria).rank(from_text(wrapped, "d.txt"))[0].catalog == "power"


def test_the_detector_vocabulary_is_each_packs_own_words(criteria: CriteriaSet) -> None:
    detector = detector_for(criteria)
    for pack in PACKS:
        catalog = criteria.catalogs[pack]
        words = detector.vocabulary[pack]
        for term in catalog.lexicon.detect.all():
            normal = term.casefold()
            assert normal in words or len(normal) < 3, (pack, term)
        base_only = {i.name.zh for i in criteria.catalogs["general"].indicators}
        assert not base_only & set(words) - {t.casefold() for t in catalog.lexicon.detect.all()}, pack


def _string_literals(path: Path) -> set[str]:
    """The string constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        node.value.casefold()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    }


def test_no_pack_detection_word_is_written_in_the_ingest_code(criteria: CriteriaSet) -> None:
    """Industry vocabulary lives in the packs: a pack's distinctive words appear in no string of the
    ingest modules (they would make ingest work better for one industry than for a new one)."""
    code = "\n".join(
        literal for path in sorted((ROOT / "csr_rating" / "ingest").glob("*.py")) for literal in _string_literals(path)
    )
    for pack in PACKS:
        for term in criteria.catalogs[pack].lexicon.detect.all():
            word = term.casefold()
            if len(word) >= 4 if word.isascii() else len(word) >= 3:
                assert word not in code, (pack, term)


def test_the_catalog_file_schema_documents_extends_and_lexicon() -> None:
    schema = CatalogFile.model_json_schema()
    assert {"extends", "lexicon", "drop"} <= set(schema["properties"])
    assert "detect" in schema["$defs"]["Lexicon"]["properties"]
