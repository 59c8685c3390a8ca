"""``csr-rating ask``: put a draft's questions to its author and write the answers into its YAML.

The questions come ranked from the scoring (``ranging.score_range``); each answer is read in the
kind the report field needs (yes/no, a number, choices by name or number, names, text), converted
(names become list entries) and written by ``answers.apply_answers``, which changes only the
answered lines. An unknown section the answer lies in (``process.feedback`` for
``process.feedback.responses``) is first split into its questions, so the facts not yet answered
stay unknown and the range only narrows.

Empty input skips a question (it stays unknown); ``-`` says the report does not have it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import yaml

from csr_rating.answers import apply_answers
from csr_rating.errors import InputError
from csr_rating.i18n import Lang
from csr_rating.questions import answer_value, leaves
from csr_rating.report import UNKNOWABLE_ENTRY_FIELDS, Report
from csr_rating.scorecard import Question
from csr_rating.unknowns import covers

NONE = "-"  # the answer "the report does not have it"
_SEPARATORS = re.compile(r"\s*[,，、;；]\s*")
YES = {"y", "yes", "true", "是", "有", "对"}
NO = {"n", "no", "false", "否", "无", "没有"}
PROMPTS = {
    "yes_no": {"en": "yes or no", "zh": "是/否"},
    "number": {"en": "a number", "zh": "数字"},
    "choices": {"en": "numbers or names, separated by commas", "zh": "编号或名称，用逗号分隔"},
    "choice": {"en": "a number or a name", "zh": "编号或名称"},
    "names": {"en": "names, separated by commas", "zh": "名称，用逗号分隔"},
    "text": {"en": "text", "zh": "文字"},
}
HELP = {
    "en": "Enter to skip (it stays unknown), '-' if the report does not have it.",
    "zh": "直接回车跳过（保持未知），输入“-”表示报告没有此项。",
}


class NotUnderstood(ValueError):
    """Input that does not fit the kind of answer asked for."""


def parse(question: Question, raw: str) -> Any:
    """An author's typed answer as the value of ``question.answer_field``; ``...`` when skipped."""
    text = raw.strip()
    if not text:
        return ...
    if text == NONE:
        return None
    if question.kind == "yes_no":
        word = text.casefold()
        if word in YES or word in NO:
            return word in YES
        raise NotUnderstood("answer yes or no")
    if question.kind == "number":
        if not text.isdigit():
            raise NotUnderstood("answer with a whole number, 0 or more")
        return int(text)
    if question.kind in ("choices", "choice"):
        picked = [_choice(question.choices, part) for part in _SEPARATORS.split(text) if part]
        return picked[0] if question.kind == "choice" else list(dict.fromkeys(picked))
    if question.kind == "names":
        return answer_value(question.answer_field, [n for n in _SEPARATORS.split(text) if n])
    return text


def _choice(choices: list[str], part: str) -> str:
    if part.isdigit() and 1 <= int(part) <= len(choices):
        return choices[int(part) - 1]
    if part in choices:
        return part
    raise NotUnderstood(f"{part!r} is not one of the choices")


def prompt_text(question: Question, rank: int, lang: Lang) -> str:
    """The question as shown on a terminal: text, gain, choices, and what to type."""
    lines = [f"{rank}. {question.question.get(lang)}  (+{question.gain:.1f})"]
    lines += [f"   {n}) {choice}" for n, choice in enumerate(question.choices, 1)]
    lines.append(f"   [{PROMPTS[question.kind][lang]}] ")
    return "\n".join(lines)


def interview(
    questions: list[Question], read: Callable[[str], str], lang: Lang, say: Callable[[str], None]
) -> dict[str, Any]:
    """Ask each question in order; ``read`` shows a prompt and returns the typed line. Input that
    does not fit is asked once more, then skipped. Ctrl-C (KeyboardInterrupt) ends the interview and
    keeps what was answered."""
    answers: dict[str, Any] = {}
    say(HELP[lang])
    try:
        for rank, question in enumerate(questions, 1):
            for attempt in (1, 2):
                try:
                    value = parse(question, read(prompt_text(question, rank, lang)))
                except NotUnderstood as problem:
                    say(f"   {problem}" + ("; once more" if attempt == 1 else "; skipped"))
                    continue
                if value is not ...:
                    answers[question.answer_field] = value
                break
    except (KeyboardInterrupt, EOFError):
        say("")
    return answers


def apply(yaml_text: str, report: Report, answers: Mapping[str, Any], *, source: str) -> str:
    """The YAML with ``answers`` written in (names converted to list entries) and settled in the
    ``unknown`` list; a section they were unknown through is split into its other questions."""
    converted = {path: answer_value(path, value) for path, value in answers.items()}
    text = yaml_text
    for path in [p for p in converted if p in UNKNOWABLE_ENTRY_FIELDS]:
        text = _entries(text, path, converted.pop(path), source)
    for ancestor in report.unknown:
        inside = [path for path in converted if covers(ancestor, path) and path != ancestor]
        if inside:
            text = _split(text, ancestor, leaves(ancestor))
    return apply_answers(text, converted, source=source)


_ITEM = r"^(?P<indent>[ \t]*)-[ \t]+{path}[ \t]*(?:#.*)?$"


def _entries(text: str, path: str, total: Any, source: str) -> str:
    """A total for a field of every entry (``topics.cases``: the case boxes on the key topics, in
    all) spread over the entries in order, the first ones taking the remainder; only the sum counts
    in the rating. The path leaves the ``unknown`` list."""
    if total is None:
        total = 0
    if isinstance(total, bool) or not isinstance(total, int) or total < 0:
        raise InputError(source, f"answer for {path!r}: a whole number, 0 or more")
    listed, field = path.split(".")
    block = re.search(rf"^{listed}:[ \t]*\n(?P<body>(?:[ \t-].*\n|\n)*)", text, re.MULTILINE)
    pattern = re.compile(rf"^(?P<head>[ \t]+(?:-[ \t]+)?{field}:[ \t]*)\d+", re.MULTILINE)
    found = list(pattern.finditer(block["body"])) if block else []
    if not block or not found:
        raise InputError(source, f"answer for {path!r}: the report lists no {listed} with {field} to give them to")
    share, rest = divmod(total, len(found))
    counts = iter([share + (1 if n < rest else 0) for n in range(len(found))])
    body = pattern.sub(lambda m: f"{m['head']}{next(counts)}", block["body"])
    text = text[: block.start("body")] + body + text[block.end("body") :]
    item = re.compile(_ITEM.format(path=re.escape(path)) + r"\n?", re.MULTILINE)
    return item.sub("", text, count=1)


def _split(text: str, ancestor: str, parts: list[str]) -> str:
    """Replace ``ancestor`` in the top-level ``unknown`` list by ``parts`` (block or flow style)."""
    pattern = re.compile(_ITEM.format(path=re.escape(ancestor)), re.MULTILINE)
    found = pattern.search(text)
    if found is not None:
        indent = found["indent"]
        lines = "\n".join(f"{indent}- {part}  # asked field by field ({ancestor})" for part in parts)
        return text[: found.start()] + lines + text[found.end() :]
    flow = re.search(r"^unknown:[ \t]*(\[.*\])[ \t]*(#.*)?$", text, re.MULTILINE)
    if flow is None:
        return text
    items = yaml.safe_load(flow.group(1)) or []
    items = [p for item in items for p in (parts if item == ancestor else [item])]
    return text[: flow.start(1)] + "[" + ", ".join(items) + "]" + text[flow.end(1) :]
