"""Chinese numerals → numbers.

>>> [chinese_to_number(s) for s in ["两", "十", "十二", "二十五", "一百零五", "三千五百", "一万二千", "三点五"]]
[2, 10, 12, 25, 105, 3500, 12000, 3.5]
>>> chinese_to_number("二〇二一")
2021
>>> chinese_to_number("万亿"), chinese_to_number("千亿")
(1000000000000, 100000000000)
>>> chinese_to_number("百分之") is None, chinese_to_number("十二五") is None
(True, True)
"""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4,
          "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "点"


def chinese_to_number(s: str) -> int | float | None:
    """Value of a Chinese numeral, or None when `s` is not one."""
    if not s or any(ch not in NUMERAL_CHARS for ch in s):
        return None
    if "点" in s:
        whole, _, frac = s.partition("点")
        head = chinese_to_number(whole) if whole else 0
        if head is None or not frac or any(ch not in DIGITS for ch in frac):
            return None
        return float(f"{head}.{''.join(str(DIGITS[ch]) for ch in frac)}")
    if all(ch in DIGITS for ch in s) and len(s) > 1:  # 二〇二一: digit by digit
        return int("".join(str(DIGITS[ch]) for ch in s))
    return _positional(s)


def _positional(s: str) -> int | None:
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in DIGITS:
            if digit is not None and not (digit == 0 or DIGITS[ch] == 0):
                return None  # 十二五: two digits in a row is a name, not a number
            digit = DIGITS[ch] or digit
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:  # 万 / 亿
            section += digit or 0
            if section == 0 and total == 0:
                section = 1  # "突破万亿元", "近万人": the unit alone counts one
            total = (total + section) * BIG_UNITS[ch] if BIG_UNITS[ch] > 10_000 else total + section * BIG_UNITS[ch]
            section, digit = 0, None
    result = total + section + (digit or 0)
    return result if result or s in ("零", "〇") else None
