"""A topic is covered in detail where the draft discloses the indicators that measure it (the
catalog's ``evidence``), whatever words its prose uses for the topic."""

from __future__ import annotations

from pathlib import Path

from csr_rating.api import ingest_draft
from csr_rating.criteria import CriteriaSet
from csr_rating.ingest.noted import Noted, plain
from csr_rating.ingest.topics import with_evidence

KPI = """Example Telecom 2020 Sustainability Report
Example Telecom Corporation Limited
Our network quality kept improving this year.
Key Performance Indicators
Indicator	Unit	2018	2019	2020
Call drop rate of mobile communication	%	0.12	0.10	0.09
Packet loss on the backbone network	%	0.3	0.2	0.1
Fraud calls intercepted	million	10	12	15
Spam messages intercepted	million	200	230	260
"""


def _topics(tmp_path: Path, text: str, criteria: CriteriaSet) -> dict[str, str]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    report = ingest_draft(draft, industry="telecom", criteria=criteria).report
    return {t.id or t.name: t.depth for t in report.topics}


def test_a_topic_named_once_is_detailed_where_its_indicators_are_disclosed(tmp_path: Path, criteria: CriteriaSet):
    assert _topics(tmp_path, KPI, criteria)["communication-quality"] == "detailed"


def test_a_topic_never_named_is_covered_by_two_of_its_indicators(criteria: CriteriaSet):
    telecom = criteria.catalog_for("telecom")
    rows = [{"name": "a", "id": "tel.fraud-calls-intercepted", "values": {2020: 15}}]
    assert with_evidence([], rows, telecom, "en") == []  # one linked row may be a coincidence
    rows.append({"name": "b", "id": "tel.spam-sms-intercepted", "values": {2020: 260}})
    (topic,) = with_evidence([], rows, telecom, "en")
    assert plain(topic) == {"id": "anti-fraud-spam", "name": "Combating telecom fraud and spam", "depth": "detailed", "cases": 0}
    assert topic.review and "tel.fraud-calls-intercepted" in topic.review


def test_an_indicator_named_without_figures_backs_no_topic(criteria: CriteriaSet):
    telecom = criteria.catalog_for("telecom")
    named = Noted({"id": "communication-quality", "name": "Communication quality", "depth": "mentioned", "cases": 0})
    rows = [{"name": "Call drop rate", "id": "tel.call-drop-rate"}]
    assert with_evidence([named], rows, telecom, "en") == [named]


def test_a_policy_described_backs_a_topic_by_half(criteria: CriteriaSet):
    telecom = criteria.catalog_for("telecom")
    named = Noted({"id": "responsibility-management", "name": "Responsibility management", "depth": "mentioned", "cases": 0})
    one = [{"name": "a", "id": "gen.csr-strategy", "narrative": "Described in the draft (line 3)."}]
    assert plain(with_evidence([named], one, telecom, "en")[0])["depth"] == "mentioned"  # a policy named
    two = [*one, {"name": "b", "id": "gen.material-issues", "narrative": "Described in the draft (line 9)."}]
    assert plain(with_evidence([named], two, telecom, "en")[0])["depth"] == "detailed"
