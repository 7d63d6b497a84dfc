"""Document metadata: number, issuer, signer, date, year, title, kind and region.

Everything comes from the text itself (a masthead, a banner, the title, the
signature block); nothing is inferred from the file name.
"""

from __future__ import annotations

import re

from extractor.understanding.numerals import chinese_to_number
from extractor.understanding.regions import own_county, resolve

HEAD_PARAGRAPHS = 40
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【(（]\s*(?:19|20)\d{2}\s*[〕\]］】)）]\s*第?\s*\d{1,4}\s*号"
)
SIGNER = re.compile(r"签\s*发\s*人\s*[:：]\s*([\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){1,3})")
NOISE = r"[\s\u3000\u00a0?？·]"
SPEAKER = re.compile(
    rf"^(?P<org>.{{0,30}}?)(?:代理|代|副)?(?:省长|市长|区长|县长|州长|旗长|主席|镇长|乡长|主任|总理)"
    rf"{NOISE}*(?P<name>[\u4e00-\u9fff](?:{NOISE}*[\u4e00-\u9fff]){{1,3}}){NOISE}*$"
)
REPRESENT = re.compile(r"我代表(.{0,20}?人民政府|国务院)")
ORG = re.compile(
    r"^[\u4e00-\u9fff（）()]{2,40}?(?:人民政府办公室|人民政府|政府办公室|街道办事处|办事处|委员会|管理委员会|"
    r"司法局|[\u4e00-\u9fff]{1,10}局|[\u4e00-\u9fff]{1,8}办公室|司法所|政府)"
)
DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
CN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})年")
# "2018年工作回顾", "一、关于2014年政府工作": the year a work report looks back on
REVIEW = re.compile(r"((?:19|20)\d{2})年(?:工作)?回顾|^[一1][、.．]\s*关于((?:19|20)\d{2})年(?:的)?(?:政府)?工作\s*$", re.M)
# "区长程杰代表区人民政府向大会作政府工作报告"
SPEAKER_INLINE = re.compile(r"(?:省长|市长|区长|县长|州长|旗长|主席)([\u4e00-\u9fff]{2,3}?)代表[\u4e00-\u9fff]{0,12}?(?:人民政府|政府)")
TITLE_WORDS = re.compile(r"报告|总结|年报|工作要点|情况的报告|情况报告|述职")
KINDS = [
    ("政府信息公开年报", re.compile(r"信息公开")),
    ("法治政府建设报告", re.compile(r"法治|依法行政|法制")),
    ("政府工作报告", re.compile(r"政\s*府\s*工\s*作\s*报\s*告|各位代表")),
    ("工作总结", re.compile(r"总结")),
]
FURNITURE = re.compile(r"索引号|发布机构|发布时间|浏览次数|阅读|无障碍|简体|繁体|字号|打印|来源[:：]|时间[:：]|分享")


def extract_metadata(norm: str, text: str) -> dict:
    labelled: set[str] = set()
    paragraphs = _paragraphs(norm, text, labelled)
    head = paragraphs[:HEAD_PARAGRAPHS]
    title = _title(head, labelled)
    kind = _kind(title, norm)
    doc_number = _doc_number(norm, text)
    signer = _written(norm, text, _signer(head))
    issuer = _issuer(head, paragraphs, title)
    date = _date(head, paragraphs)
    year = _year(title, norm, date, kind)
    region_texts = [issuer or "", title or ""] + [p for p, _ in head[:12] if len(p) < 40]
    region_texts += [p for p, _ in head if "人民代表大会" in p][:1]
    region = resolve([normalize_name(t) for t in region_texts])
    if region["province"] is None:
        region["province"] = _most_named_province(norm)
    if issuer is None and kind == "政府工作报告":
        issuer = _work_report_issuer(title, region)
    elif issuer and GENERIC_SELF.match(issuer):  # "自治区人民政府" names itself without its name
        level = GENERIC_SELF.match(issuer).group()
        place = next((p for p in (region.get("county"), region.get("city"), region.get("province"))
                      if p and p.endswith(level)), None)
        if place:
            issuer = place + issuer[len(level):]
    if region["county"] is None and kind == "政府工作报告":
        region["county"] = own_county(norm, region["province"])
    region = {k: _written(norm, text, v) for k, v in region.items()}
    return {
        "doc_number": doc_number, "issuer": issuer, "signer": signer, "date": date, "year": year,
        "title": title, "kind": kind, "region": region,
    }


def normalize_name(s: str) -> str:
    from extractor.understanding.normalize import normalize

    return normalize(s)


def _written(norm: str, text: str, value: str | None) -> str | None:
    """A value found in the parsing view, spelled as the source writes it (繁體 stays 繁體)."""
    if not value:
        return value
    i = norm.find(value)
    return text[i:i + len(value)] if i != -1 else value


def _most_named_province(norm: str) -> str | None:
    """The province the text names most, counting its cities and counties ("容城县", "保定市") for it."""
    from extractor.understanding.regions import by_code, divisions, name_pattern

    counts: dict[str, int] = {}
    for m in name_pattern().finditer(norm):
        provinces = {p.province_code for p in divisions()[m.group()]}
        if len(m.group()) >= 3 and len(provinces) == 1:
            code = provinces.pop()
            counts[code] = counts.get(code, 0) + 1
    best = max(sorted(counts), key=counts.get) if counts else None
    return by_code()[best].name if best in by_code() else None


def _represented_in(head: list[tuple[str, str]]) -> str | None:
    """"我代表易县人民政府…": the government a work report speaks for, when it names itself."""
    for n, t in head:
        m = REPRESENT.search(n)
        if m and (m.group(1) == "国务院" or len(m.group(1)) > 4 and not GENERIC_SELF.match(m.group(1))):
            return _squash_cjk(t[m.start(1):m.end(1)])
    return None


GENERIC_SELF = re.compile(r"^(?:[省市县区州旗]|自治区|自治州)")


def _work_report_issuer(title: str | None, region: dict) -> str | None:
    """"我代表区政府…" names no place: take it from the title as written ("保定市清苑区…") or the region."""
    place = region.get("county") or region.get("city") or region.get("province")
    if not place:
        return None
    if title and place in title:
        written = re.sub(r"^(?:19|20)\d{2}年", "", title[: title.index(place) + len(place)])
        if re.fullmatch(r"[\u4e00-\u9fff]+", written):
            place = written
    return f"{place}人民政府"


BREADCRUMB = re.compile(r"\s[>＞»]\s|当前位置|您的位置|您现在的位置")
LABEL = re.compile(r"^(?:标\s*题|题\s*目|文件名称|名\s*称|发文单位|发文机关|发布机构|报\s*告\s*人)\s*[:：|]\s*")


def _paragraphs(norm: str, text: str, labelled: set[str] | None = None) -> list[tuple[str, str]]:
    """(norm, text) pairs of non-empty paragraphs, with labels of web banners removed ("标题：")."""
    out, offset = [], 0
    for para in norm.split("\n"):
        for a, b in _segments(para):  # "来源：某网        政府工作报告": a web line holds several items
            n, t = para[a:b].strip(), text[offset + a:offset + b].strip()
            label = LABEL.match(n)
            if label:
                n, t = n[label.end():], t[label.end():]
                if labelled is not None:
                    labelled.add(n)
            if n:
                out.append((n, t))
        offset += len(para) + 1
    return out


def _segments(para: str) -> list[tuple[int, int]]:
    """The parts of a line between runs of four or more spaces."""
    cuts = [(m.start(), m.end()) for m in re.finditer(r"[ \t\u3000]{4,}", para)]
    starts = [0] + [e for _, e in cuts]
    ends = [s for s, _ in cuts] + [len(para)]
    return [(a, b) for a, b in zip(starts, ends) if para[a:b].strip()]


def _squash_cjk(s: str) -> str:
    """Remove the letter-spacing of display lines: "政 府 工 作 报 告" → "政府工作报告"."""
    return re.sub(r"(?<=[\u4e00-\u9fff])[\s\u3000]+(?=[\u4e00-\u9fff])", "", s).strip()


def _title(head: list[tuple[str, str]], labelled: set[str] = frozenset()) -> str | None:
    """The report's own title line; a web banner's "标题：" field only when the text has none."""
    best, best_score = None, 0
    head = _join_broken_title(head)
    for i, (n, t) in enumerate(head):
        if len(n) > 80 or "。" in n or n.endswith("；") or FURNITURE.search(n) or BREADCRUMB.search(n):
            continue
        score = 0
        if TITLE_WORDS.search(_squash_cjk(n)):
            score += 4
        if YEAR.search(n) or CN_YEAR.search(n):
            score += 2
        if re.search(r"关于印发|关于报送|的通知|的函$|通知$|^各", n):
            score -= 5
        if n.startswith(("——", "—")) or re.match(r"^\d", n) and not TITLE_WORDS.search(n):
            score -= 3
        if 6 <= len(n) <= 50:
            score += 1
        if score < 4:
            continue
        score -= i * 0.05 + (2.5 if n in labelled else 0)  # the text's own title line first
        if best is None or score > best_score:
            best, best_score = t, score
    if best is None:
        return None
    return _squash_cjk(_wrapped_title_start(head, best).strip("《》 "))


def _wrapped_title_start(head: list[tuple[str, str]], best: str) -> str:
    """A centred title wrapped over two lines: "…2023年度法治" / "政府建设工作情况报告"."""
    texts = [t for _, t in head]
    i = texts.index(best)
    if i == 0 or YEAR.search(best) or CN_YEAR.search(best):
        return best
    prev = texts[i - 1]
    if (len(prev) <= 30 and YEAR.search(prev) and not prev.endswith(tuple(TERMINAL_MARKS))
            and not DOC_NUMBER.search(prev) and not ORG.fullmatch(prev) and "签发" not in prev):
        return prev + best
    return best


TERMINAL_MARKS = "。；：:！？）)"


def _join_broken_title(head: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """"…工作年度" + "报告": a title wrapped onto a short second line."""
    out = list(head)
    for i in range(len(out) - 1):
        n, t = out[i]
        nn, nt = out[i + 1]
        if len(nn) <= 5 and re.fullmatch(r"(?:的|工作|年度)?(?:报告|总结|年报)", nn) and not TITLE_WORDS.search(n[-2:]):
            out[i] = (n + nn, t + nt)
        elif len(n) <= 25 and ORG.fullmatch(n) and re.match(r"关于|(?:19|20)\d{2}年", nn) and TITLE_WORDS.search(nn):
            out[i + 1] = (n + nn, t + nt)  # "青杠坪乡人民政府" / "关于2019年…的报告"
    return out


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
    lines = [n for n, _ in head]
    for i, n in enumerate(lines):
        # "徐水县人民政府县长" / "李保森": the name on the line after the title
        below = lines[i + 1] if i + 1 < len(lines) else ""
        name_below = below if len(re.sub(NOISE, "", below)) <= 4 and not below.startswith(("各", "我", "全")) else ""
        for line in (n, n + name_below):
            m = SPEAKER.search(line) if len(line) <= 40 else None
            if m:
                return re.sub(NOISE, "", m.group("name"))
    for n in lines:
        m = SPEAKER_INLINE.search(n)
        if m:
            return m.group(1)
    return None


def _issuer(head: list[tuple[str, str]], paragraphs: list[tuple[str, str]], title: str | None) -> str | None:
    """The issuing body as the text states it: masthead, banner, speaker line, signature, title."""
    for n, t in head:
        if n.endswith("文件") and len(n) <= 40 and ORG.match(n[:-2]):
            return _fuller_signature(paragraphs, _drop_province(_squash_cjk(t[:-2])))
    for n, t in head:
        m = SPEAKER.search(n) if len(n) <= 40 else None
        if m and m.group("org"):
            org = _squash_cjk(t[: len(m.group("org"))])
            return org if org.endswith("政府") else org + "人民政府"
    for n, t in head:
        if len(n) <= 30 and ORG.fullmatch(n) and not n.startswith(("我", "各", "全")) and "网站" not in n:
            return _drop_province(_squash_cjk(t))
    represented = _represented_in(head)
    if represented:
        return represented
    for i in range(len(paragraphs) - 1, max(-1, len(paragraphs) - 8), -1):
        n, t = paragraphs[i]
        n = n.strip("（）() ")
        m = ORG.match(n)
        if m and len(n) <= 40 and (m.end() == len(n) or DATE.search(n[m.end():])) and not n.startswith(("我", "各", "全")):
            return _drop_province(_squash_cjk(t.strip("（）() ")[: m.end()]))
    if title:
        m = re.match(r"^(.{2,30}?(?:人民政府|政府|街道办事处|办事处|局|委员会))(?:关于|\d|[〇一二]{4}|年度|$)", title)
        if m:
            return m.group(1)
    return None


def _fuller_signature(paragraphs: list[tuple[str, str]], masthead: str) -> str:
    """The signature may name the issuer in full where the masthead shortens it (石溪镇 → 青禾县石溪镇)."""
    for _n, t in paragraphs[-8:]:
        s = _squash_cjk(t)
        if len(s) <= 30 and s.endswith(masthead) and len(s) > len(masthead) and ORG.fullmatch(s):
            return _drop_province(s)
    return masthead


def _drop_province(org: str) -> str:
    """A masthead's leading province name is not part of the issuer: 广西壮族自治区桂垌县… → 桂垌县…"""
    m = re.match(r"^(?:[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,6}自治区|北京市|天津市|上海市|重庆市)(?=[\u4e00-\u9fff]{1,6}(?:县|区|市|旗))", org)
    return org[m.end():] if m else org


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


def _year(title: str | None, norm: str, date: str | None, kind: str | None) -> int | None:
    """The year the title names; else, for a work report, the year it is delivered; else the year reported on."""
    if title:
        m = YEAR.search(title)
        if m:
            return int(m.group(1))
        m = CN_YEAR.search(title)
        if m:
            return chinese_to_number(m.group(1))
    if kind == "政府工作报告":
        if date:
            return int(date[:4])
        review = REVIEW.search(norm[:5000])
        if review:
            return int(review.group(1) or review.group(2)) + 1
        reviewed = [int(y) for y in YEAR.findall(norm[:4000])]
        if reviewed:  # "一、过去五年工作回顾 … 2016年，全县生产总值…": the year most reported on, plus one
            return max(sorted(set(reviewed)), key=reviewed.count) + 1
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
    return "政府工作报告" if "各位代表" in norm else None  # a speech that starts straight into its review
