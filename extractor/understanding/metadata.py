"""Document metadata: number, issuer, signer, date, year, title, kind and region.

Everything comes from the text itself (a masthead, a banner, the title, the
signature block); nothing is inferred from the file name.
"""

from __future__ import annotations

import re

from extractor.understanding.numerals import chinese_to_number
from extractor.understanding.regions import resolve

HEAD_PARAGRAPHS = 25
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号"
)
SIGNER = re.compile(r"签\s*发\s*人\s*[:：]\s*([\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3})")
SPEAKER = re.compile(
    r"(?:人民政府|政府)?(?:代理|副)?(?:省长|市长|区长|县长|州长|旗长|主席|镇长|乡长|主任|总理)"
    r"[\s\u3000]*([\u4e00-\u9fff](?:[\s\u3000]*[\u4e00-\u9fff]){1,3})\s*$"
)
ORG = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,40}?(?:人民政府办公室|人民政府|政府办公室|街道办事处|办事处|委员会|管理委员会|"
    r"司法局|[\u4e00-\u9fff]{1,10}局|[\u4e00-\u9fff]{1,8}办公室|司法所|政府)"
)
DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
CN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})年")
TITLE_WORDS = re.compile(r"报告|总结|年报|工作要点|情况的报告|情况报告|述职")
KINDS = [
    ("政府信息公开年报", re.compile(r"信息公开")),
    ("法治政府建设报告", re.compile(r"法治|依法行政|法制")),
    ("政府工作报告", re.compile(r"政\s*府\s*工\s*作\s*报\s*告|各位代表")),
    ("工作总结", re.compile(r"总结")),
]
FURNITURE = re.compile(r"索引号|发布机构|发布时间|浏览次数|阅读|无障碍|简体|繁体|字号|打印|来源[:：]|时间[:：]|分享")


def extract_metadata(norm: str, text: str) -> dict:
    paragraphs = _paragraphs(norm, text)
    head = paragraphs[:HEAD_PARAGRAPHS]
    title = _title(head)
    doc_number = _doc_number(norm, text)
    signer = _signer(head)
    issuer = _issuer(head, paragraphs, title)
    date = _date(head, paragraphs)
    year = _year(title, norm, date)
    region_texts = [issuer or "", title or ""] + [p for _, p in head[:8] if len(p) < 40 and not FURNITURE.search(p)]
    region_texts += [p for _, p in head if "人民代表大会" in p][:1]
    return {
        "doc_number": doc_number, "issuer": issuer, "signer": signer, "date": date, "year": year,
        "title": title, "kind": _kind(title, norm), "region": resolve(region_texts),
    }


LABEL = re.compile(r"^(?:标题|题目|文件名称|名称|发文单位|发文机关|发布机构|报告人)\s*[:：]\s*")


def _paragraphs(norm: str, text: str) -> list[tuple[str, str]]:
    """(norm, text) pairs of non-empty paragraphs, with labels of web banners removed ("标题：")."""
    out, offset = [], 0
    for para in norm.split("\n"):
        if para.strip():
            n, t = para.strip(), text[offset:offset + len(para)].strip()
            label = LABEL.match(n)
            if label:
                n, t = n[label.end():], t[label.end():]
            out.append((n, t))
        offset += len(para) + 1
    return out


def _squash_cjk(s: str) -> str:
    """Remove the letter-spacing of display lines: "政 府 工 作 报 告" → "政府工作报告"."""
    return re.sub(r"(?<=[\u4e00-\u9fff])[\s\u3000]+(?=[\u4e00-\u9fff])", "", s).strip()


def _title(head: list[tuple[str, str]]) -> str | None:
    best, best_score = None, 0
    for i, (n, t) in enumerate(head):
        if len(n) > 80 or n.endswith(("。", "；")) or FURNITURE.search(n):
            continue
        score = 0
        if TITLE_WORDS.search(_squash_cjk(n)):
            score += 4
        if YEAR.search(n) or CN_YEAR.search(n):
            score += 2
        if re.search(r"关于印发|的通知|通知$|^各", n):
            score -= 5
        if n.startswith(("——", "—")) or re.match(r"^\d", n) and "报告" not in n:
            score -= 3
        if 6 <= len(n) <= 50:
            score += 1
        score -= i * 0.05
        if score > best_score:
            best, best_score = t, score
    if best is None or best_score < 4:
        return None
    return _squash_cjk(best.strip("《》 "))


def _doc_number(norm: str, text: str) -> str | None:
    m = DOC_NUMBER.search(norm[:3000])
    if not m:
        return None
    raw = text[m.start():m.end()]
    return re.sub(r"\s+", "", raw)


def _signer(head: list[tuple[str, str]]) -> str | None:
    for n, _ in head:
        m = SIGNER.search(n)
        if m:
            return re.sub(r"\s+", "", m.group(1))
    for n, _ in head:
        if len(n) <= 40:
            m = SPEAKER.search(n)
            if m:
                return re.sub(r"[\s\u3000]+", "", m.group(1))
    return None


def _issuer(head: list[tuple[str, str]], paragraphs: list[tuple[str, str]], title: str | None) -> str | None:
    for n, t in head[:10]:
        s = _squash_cjk(t)
        if s.endswith("文件") and len(s) <= 40 and ORG.match(s[:-2]):
            return s[:-2]
    for n, t in head:
        s = _squash_cjk(t)
        m = re.match(r"^(.{2,30}?(?:人民政府|政府))(?:代理|副)?(?:省长|市长|区长|县长|州长|旗长|镇长|乡长|主席)", s)
        if m:
            return m.group(1)
    for i in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 8), -1):
        s = _squash_cjk(paragraphs[i][1])
        if len(s) <= 30 and ORG.fullmatch(s) and not s.startswith(("我", "各", "全")):
            return s
    if title:
        m = re.match(r"^(.{2,30}?(?:人民政府|政府|街道办事处|办事处|局|委员会))(?:关于|\d|[〇一二]{4}|年度|$)", title)
        if m:
            return m.group(1)
    return None


def _iso(y: int, m: int, d: int) -> str | None:
    if 1 <= m <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _date(head: list[tuple[str, str]], paragraphs: list[tuple[str, str]]) -> str | None:
    """The signature date at the end, else a date line in the head (a speech's date)."""
    tail = paragraphs[-6:]
    for n, _ in reversed(tail):
        for found in (_date_in(n),):
            if found and len(n) <= 30:
                return found
    for n, _ in head:
        if len(n) <= 60 and (n.startswith(("—", "（", "(")) or "会议上" in n):
            found = _date_in(n)
            if found:
                return found
    return None


def _date_in(s: str) -> str | None:
    m = DATE.search(s)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = CN_DATE.search(s)
    if m:
        y, mo, d = (chinese_to_number(g) for g in m.groups())
        if y and mo and d:
            return _iso(int(y), int(mo), int(d))
    return None


def _year(title: str | None, norm: str, date: str | None) -> int | None:
    if title:
        m = YEAR.search(title)
        if m:
            return int(m.group(1))
        m = CN_YEAR.search(title)
        if m:
            return chinese_to_number(m.group(1))
    years = [int(y) for y in YEAR.findall(norm[:3000])]
    if date:
        years = [y for y in years if y <= int(date[:4])] or years
    return years[0] if years else None


def _kind(title: str | None, norm: str) -> str | None:
    probe = (title or "") + norm[:300]
    for kind, pattern in KINDS:
        if title and pattern.search(title):
            return kind
    for kind, pattern in KINDS:
        if pattern.search(probe):
            return kind
    return None
