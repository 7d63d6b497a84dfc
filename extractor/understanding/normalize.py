"""The parsing view of a text: same length, one character for one character.

`text` stays as the source wrote it (an auditor must find the evidence
verbatim); the parsers read `norm`, where full-width digits and signs are
ASCII and traditional characters are simplified.  Because the mapping is
character for character, an offset in `norm` is the same offset in `text`.
"""

from __future__ import annotations

import re
from functools import lru_cache

FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {
    "％": "%", "．": ".", "～": "~", "－": "-", "＋": "+", "／": "/", "：": ":",
    "（": "（", "〜": "~", "﹪": "%", "\u2012": "-", "\u2013": "-", "\u2212": "-",
}
FULL_WIDTH |= {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
FULL_WIDTH |= {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table = {ord(k): v for k, v in FULL_WIDTH.items() if len(v) == 1}
    table.update(_traditional_to_simplified())
    return table


def _traditional_to_simplified() -> dict[int, str]:
    """Single-character 繁→简 pairs from OpenCC's table (only 1:1 pairs keep offsets)."""
    try:
        from importlib.resources import files

        data = (files("opencc") / "dictionary" / "TSCharacters.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    table = {}
    for line in data.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and len(parts[0]) == 1:
            simplified = parts[1].split(" ")[0]
            if len(simplified) == 1 and simplified != parts[0]:
                table[ord(parts[0])] = simplified
    return table


# glyphs a bad PDF text layer puts for 人 after a figure: "参考入员51入"
LOOKALIKE_PERSON = re.compile(r"(?<=[0-9万千百十余多])入(?=次|[，。、；）)\s]|$)")


def normalize(text: str) -> str:
    """The parsing view of `text`, with exactly the same length.

    >>> normalize("覆蓋率達１００％，罰款12.5萬元")
    '覆盖率达100%，罚款12.5万元'
    >>> normalize("调解员61入，咨询600入次")
    '调解员61人，咨询600人次'
    """
    out = LOOKALIKE_PERSON.sub("人", text.translate(_table()))
    assert len(out) == len(text)
    return out
