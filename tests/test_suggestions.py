"""Suggestions say each thing once: a label shared by neighbouring items is written once, and two
criteria asking for the same step in the same words are one suggestion that earns both gains."""

from __future__ import annotations

from csr_rating.i18n import I18n
from csr_rating.scorecard import Suggestion
from csr_rating.suggestions import _merged, listing


def _item(en: str, zh: str) -> I18n:
    return I18n(en=en, zh=zh)


def test_a_label_before_neighbouring_items_is_said_once() -> None:
    items = [
        _item("Climate", "气候"),
        _item("data or cases on: Governance", "补充数据或案例：公司治理"),
        _item("data or cases on: Safety", "补充数据或案例：安全生产"),
    ]
    assert listing(items, "en") == "Climate; data or cases on: Governance, Safety"
    assert listing(items, "zh") == "气候；补充数据或案例：公司治理、安全生产"


def test_a_note_after_neighbouring_items_is_said_once_and_other_notes_stay() -> None:
    items = [
        _item("Net profit (3 years to 2020)", "净利润（截至2020年连续3年数据）"),
        _item("Data centre PUE (PUE) (3 years to 2020)", "数据中心PUE（截至2020年连续3年数据）"),
        _item("Share of women (managers)", "女性比例（管理层）"),
    ]
    assert listing(items, "en") == "Net profit, Data centre PUE (PUE) (3 years to 2020); Share of women (managers)"
    assert listing(items, "zh") == "净利润、数据中心PUE（截至2020年连续3年数据）；女性比例（管理层）"


def test_the_count_of_items_not_shown_is_kept() -> None:
    items = [_item(f"data or cases on: T{n}", f"补充数据或案例：T{n}") for n in range(10)]
    assert listing(items, "en", limit=3) == "data or cases on: T0, T1, T2; and 7 more"


def test_equal_suggestions_are_one_step_earning_both_gains() -> None:
    text = _item("Add a reader feedback form.", "增加读者反馈表。")
    found = [
        Suggestion(dimension="readability", criterion="a", gain=0.5, text=text, line=None),
        Suggestion(dimension="procedure", criterion="b", gain=0.3, text=text, line=None, up_to=0.6),
        Suggestion(dimension="balance", criterion="c", gain=0.2, text=_item("Other.", "其他。"), line=None),
    ]
    merged = _merged(found)
    assert [(s.criterion, round(s.gain, 6), s.up_to) for s in merged] == [("a", 0.8, 1.1), ("c", 0.2, None)]
