"""Bilingual text: every human-readable string in criteria and output carries English and Chinese."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
# A Chinese character (CJK unified ideographs and extension A). One compiled copy for every module: a
# range this wide takes milliseconds to compile, paid again by each new process for each copy.
HAN_CHAR = re.compile("[\u3400-\u9fff]")
_Str = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class I18n(BaseModel):
    """A string in English and Chinese."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    en: _Str
    zh: _Str

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en
