#!/usr/bin/env python3
"""Rebuild the indicator catalog from the annotated corpus.

Sources, the first one wins on every field:

1. ``schemas/indicators.json`` — the current catalog, curated by hand. Its ids
   are kept, and so are their names, categories, unit families, units and aliases.
2. ``corpus/catalog_additions/*.json`` — ids the annotators added. Only ids the
   catalog lacks are taken from there, in file-name order (``_reconcile.json``,
   the merge decisions, comes first); a later file only adds aliases and units
   to an id an earlier file defined.
3. the ``group`` of every fact in ``corpus/gold/*.gold.json``: an addition that
   no gold fact uses is left out, and every gold group must end up in the
   catalog (the script stops and names the ids that have no entry).

``corpus/group_map.json`` maps duplicate ids to their canonical id
(``{"old_id": "canonical_id"}``). The catalog, the additions and the gold groups
are read through it; a mapped-away catalog entry is merged into (and renamed to)
its canonical id. With ``--rewrite-gold`` the gold files are rewritten through the
same map (only ``group`` values change; JSON with ``indent=1``, ``ensure_ascii=False``).

Aliases are cleaned on the way in: at least two characters, no generic word
(``GENERIC``), no comparison or gloss (``NOT_A_PHRASE``), and one entry per alias:
an alias the catalog already has stays where it is; one that two different
measures claim goes to the entry of that name, else to nobody; between a level
and its change it goes to the level. ``valid_range`` is recomputed: ``[0, 100]``
for shares, coverage and pass rates, ``[0, null]`` for everything else (growth
rates, changes, rates against a plan, counts, amounts).

Usage, from the project root::

    .venv/bin/python tools/merge_catalog.py [--rewrite-gold] [--version 2026.11.2] [--check]

``--check`` writes nothing and exits 1 when the catalog or a gold file would change.
Running the script twice gives the same catalog.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "schemas" / "indicators.json"
ADDITIONS = ROOT / "corpus" / "catalog_additions"
GOLD = ROOT / "corpus" / "gold"
GROUP_MAP = ROOT / "corpus" / "group_map.json"

CATEGORIES = ("rule_of_law", "disclosure", "government", "economy", "society", "environment")
# unit family → the units a new entry gets when neither its addition nor the gold names any
FAMILY_UNITS = {
    "count": ["个", "件", "项", "家", "次"],
    "people": ["人", "人次", "名"],
    "rate": ["%", "个百分点"],
    "money": ["元"],
    "weight": ["吨", "斤", "公斤"],
    "area": ["亩", "公顷", "平方米", "平方公里"],
    "length": ["公里", "千米", "米"],
    "days": ["天", "个工作日"],
    "concentration": ["微克/立方米"],
    "volume": ["立方米", "方"],
    "power": ["千瓦", "兆瓦"],
    "ratio": ["倍"],
    "score": ["分"],
    "duration": ["小时", "岁"],
    "energy": ["千瓦时"],
    "computing_power": ["次/秒"],
}
# units seen in the gold, by family (anything else in a gold `units` list is a spelling variant, not a unit)
UNIT_FAMILY = {u: fam for fam, units in FAMILY_UNITS.items() for u in units} | {
    **dict.fromkeys("场 场次 条 所 处 座 套 栋 张 部 枚 篇 台 辆 期 批 批次 宗 起 例 村 支 株 棵 头 只 眼 块 组 颗 列 "
                    "标箱 轮 种 卷 节 大类 门类 家次 户次 处次 台次 车次 件次 剂次 条次 剂 金 银 铜 镇 乡".split(), "count"),
    "户": "people", "位": "people", "％": "rate", "‰": "rate", "成": "rate", "倍": "ratio",
    "平米": "area", "亩次": "area", "厘米": "length", "工作日": "days", "美元": "money", "元/年/人": "money",
    "克/千克": "concentration", "头（只）": "count",
}
COMPATIBLE = {"people": {"people", "count"}, "count": {"count", "people"}, "rate": {"rate", "ratio"}}
# words that name no measure on their own
GENERIC = set(
    "完成 投资 项目 企业 资金 事项 占比 比重 办结 办结率 办复率 满意度 满意率 覆盖率 合格率 通过率 建成率 成功率 结案 "
    "结案率 审结 审结数 受益 救助 学生 群众 道路 排查 化解 调解 咨询 解答 宣讲 讲座 资料 手册 检查 巡查 抽查 整治 整改 "
    "拆除 违章 诉求 来电 热线 申请 建议 提案 议案 视察 组织了 辖 辖区内 社区 聘请 案件 合同 复议 车辆 废止 宣布失效 "
    "报备 产值 贷款 存款 信贷 人才 游客 粮食 脱贫 出列 资助 参保 排放 能耗 水质 达标率 厕所 村庄 示范村 路 里程 增速 "
    "增长 下降 提高 新增 累计 达到 全年 其中 分别 合计 总量 总额 收入 支出 面积 人口 协议 签约 引进 "
    "培训 培训班 业务培训 专题培训 公开 发布 推送 处理 答复 办理 受理 维持 纠正 比上年增加 比上年增长 同比增长 "
    "同比下降 分别增长 年均增长 高于全国 高于全省 高于全国平均水平 占比提高 工作日 涉及 惠及 带动 开工 竣工 投产 落地 "
    "落户 试点 获评 入选 荣获 领域 区域 园区 乡镇 村 条 户 倍 金 银 铜 镇 乡 其他类 本级 未完成 多安排 通过 参考 "
    "应考 修改 取消 承接 整合 扩容 填补 介绍 交流 专人 专项 基金 奖励 融资 理赔 报销 报免 接种 检测 抽检 开行 放映 "
    "播出 养护 清淤 硬化 绿化 征收 拆迁 拆违 投诉 留言 工单 申领 换发 持证 查扣 扣押 立案 纠错 终止 撤销 败诉 "
    "劝导 列席 评查 备案 在建 完工 入住 开放县 大企业 十佳 小区 线路 网格 广播 演出 赛事 演练 灯笼 对接会 推进会 "
    "发布会 安置区 服务站 工作站 调减 出口 进出口 税收 排查化解 产值增长 投资增长 销售收入增长 推广面积增长 "
    "就业率提高 综合效益增长 死亡人数下降 千村引领、万村提升".split()
)
CHANGE = re.compile(r"_(growth|increase|reduction|above_[a-z]+)(_|$)|^cpi$")
# rates that compare with a plan or a base and may pass 100
UNBOUNDED_RATES = {
    "investment_completion_rate", "jobs_target_completion_rate", "target_completion_rate",
    "loan_deposit_ratio", "construction_progress",
}


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def write_json(path: Path, data, trailing_newline: bool = True) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    path.write_text(text + ("\n" if trailing_newline else ""), encoding="utf-8")


def load_group_map(path: Path = GROUP_MAP) -> dict[str, str]:
    """old id → canonical id, with chains (a → b → c) resolved; a cycle is an error."""
    raw = read_json(path) if path.exists() else {}
    resolved = {}
    for old in raw:
        seen, cur = {old}, raw[old]
        while cur in raw:
            if cur in seen:
                raise SystemExit(f"group_map.json: cycle through {cur!r}")
            seen.add(cur)
            cur = raw[cur]
        resolved[old] = cur
    return resolved


def stem(indicator: str) -> str:
    """The measure an id is about: a level, its change, growth and share share one stem.

    >>> stem("tech_smes_increase"), stem("gdp_growth"), stem("high_tech_industry_share_above_province")
    ('tech_smes', 'gdp', 'high_tech_industry')
    """
    return re.sub(r"(_(increase|growth|share|rate|above_[a-z]+|per_capita))+$", "", indicator)


def gold_files(gold_dir: Path = GOLD) -> list[Path]:
    return sorted(gold_dir.glob("*.gold.json"))


def rewrite_gold(group_map: dict[str, str], gold_dir: Path = GOLD, dry_run: bool = False) -> Counter:
    """Replace mapped ids in every gold `group`; return the number of facts changed per file."""
    changed = Counter()
    for path in gold_files(gold_dir):
        raw = path.read_text(encoding="utf-8")
        gold = json.loads(raw)
        for fact in gold.get("facts") or []:
            new = group_map.get(fact["group"])
            if new:
                fact["group"] = new
                changed[path.name] += 1
        if changed[path.name] and not dry_run:
            write_json(path, gold, raw.endswith("\n"))
    return changed


def gold_usage(group_map: dict[str, str], gold_dir: Path = GOLD) -> dict[str, dict]:
    """Canonical id → {"facts": count, "units": Counter of primary units, "max": largest value}."""
    usage: dict[str, dict] = {}
    for path in gold_files(gold_dir):
        for fact in read_json(path).get("facts") or []:
            gid = group_map.get(fact["group"], fact["group"])
            u = usage.setdefault(gid, {"facts": 0, "units": Counter(), "max": 0.0})
            u["facts"] += 1
            u["units"][fact["units"][0] if fact["units"] else ""] += 1
            u["max"] = max(u["max"], float(fact["value"]))
    return usage


def load_additions(additions_dir: Path = ADDITIONS) -> list[dict]:
    entries = []
    for path in sorted(additions_dir.glob("*.json")):
        for item in read_json(path):
            entries.append({**item, "_source": path.name})
    return entries


# a comparison (比上年增加, 较2020年, 是2010年的) or a bracketed gloss is no phrase a report writes before a figure
NOT_A_PHRASE = re.compile(r"比上年|较上年|同比|比\d{4}年|较\d{4}年|^是\d|[（）()]")


def clean_alias(alias: str) -> str | None:
    """The alias without spaces, or None when it is too short, generic or no phrase.

    >>> clean_alias("一般公共预算收入"), clean_alias("投资"), clean_alias("比2007年增加"), clean_alias("民生实事（民生工程）")
    ('一般公共预算收入', None, None, None)
    """
    alias = re.sub(r"\s+", "", alias or "")
    if len(alias) < 2 or alias in GENERIC or NOT_A_PHRASE.search(alias):
        return None
    return alias


def valid_range(entry: dict) -> list:
    if entry["unit_family"] == "rate" and not CHANGE.search(entry["id"]) and entry["id"] not in UNBOUNDED_RATES:
        return [0, 100]
    return [0, None]


def entry_units(entry: dict, listed: list[str], used: Counter) -> list[str]:
    """Units of a new entry: those its addition lists, then the gold's, else the family's defaults."""
    fam = entry["unit_family"]
    ok = COMPATIBLE.get(fam, {fam})
    units = [u for u in listed if u]
    units += [u for u, _ in used.most_common() if UNIT_FAMILY.get(u) in ok and u not in units]
    return units or list(FAMILY_UNITS.get(fam, []))


def merge(catalog: dict, additions: list[dict], usage: dict, group_map: dict[str, str]) -> tuple[dict, list[str]]:
    """The rebuilt catalog and a list of notes (dropped aliases, unit mismatches)."""
    notes: list[str] = []
    entries: dict[str, dict] = {}
    owner: dict[str, str] = {}  # alias → the catalog entry that has it
    for item in catalog["indicators"]:
        cid = group_map.get(item["id"], item["id"])
        if cid != item["id"]:
            notes.append(f"catalog id {item['id']} merged into {cid}")
        entry = entries.setdefault(cid, {**item, "id": cid, "aliases": []})
        for alias in item["aliases"]:
            alias = clean_alias(alias)
            if alias and alias not in entry["aliases"] and owner.setdefault(alias, cid) == cid:
                entry["aliases"].append(alias)

    # new ids from the additions (an id the catalog has is curated there and left alone)
    curated = set(entries)
    claims: dict[str, set[str]] = {}  # alias → new ids claiming it (only aliases no entry owns yet)
    listed_units: dict[str, list[str]] = {}
    for item in additions:
        cid = group_map.get(item["id"], item["id"])
        if cid in curated:
            continue
        if cid not in usage:
            notes.append(f"{item['_source']}: {item['id']} is used by no gold fact, left out")
            continue
        if cid not in entries:
            entries[cid] = {
                "id": cid, "name": item["name"], "category": item["category"],
                "unit_family": item["unit_family"], "units": None, "aliases": [], "valid_range": None,
            }
        listed_units.setdefault(cid, [])
        for u in item.get("units") or []:
            if u not in listed_units[cid]:
                listed_units[cid].append(u)
        for alias in item.get("aliases") or []:
            alias = clean_alias(alias)
            if alias and alias not in owner:
                claims.setdefault(alias, set()).add(cid)
            elif alias and stem(owner[alias]) != stem(cid):
                notes.append(f"alias {alias!r} of {cid} stays with {owner[alias]}")
    for alias, ids in sorted(claims.items()):
        named = [i for i in ids if entries[i]["name"] == alias]
        if len({stem(i) for i in ids}) > 1:
            notes.append(f"alias {alias!r} claimed by {sorted(ids)}: " + (f"kept for {named}" if named else "dropped"))
            ids = set(named)
        if ids:  # one owner per alias: the entry of that name, else the plainest id (the level, not its change)
            cid = min(ids, key=lambda i: (i not in named, len(i), i))
            entries[cid]["aliases"].append(alias)
            owner[alias] = cid

    missing = sorted(set(usage) - set(entries))
    if missing:
        raise SystemExit("gold groups without a catalog entry (add them to corpus/catalog_additions/):\n  "
                         + "\n  ".join(missing))

    for cid, entry in entries.items():
        if entry["category"] not in CATEGORIES:
            notes.append(f"{cid}: unknown category {entry['category']!r}")
        if entry["unit_family"] not in FAMILY_UNITS:
            raise SystemExit(f"{cid}: unknown unit_family {entry['unit_family']!r}")
        used = usage.get(cid, {}).get("units", Counter())
        if entry["units"] is None:
            entry["units"] = entry_units(entry, listed_units.get(cid, []), used)
        fams = {UNIT_FAMILY[u] for u in used if u in UNIT_FAMILY}
        if fams and not fams & COMPATIBLE.get(entry["unit_family"], {entry["unit_family"]}):
            notes.append(f"{cid}: unit_family {entry['unit_family']} but gold units {sorted(used)}")
        entry["valid_range"] = valid_range(entry)
        top = usage.get(cid, {}).get("max", 0.0)
        if entry["valid_range"][1] is not None and top > entry["valid_range"][1]:
            notes.append(f"{cid}: gold value {top:g} outside valid_range {entry['valid_range']}")

    fields = ("id", "name", "category", "unit_family", "units", "aliases", "valid_range")
    ordered = [entries[i["id"]] for i in catalog["indicators"] if i["id"] in entries]
    seen = {e["id"] for e in ordered}
    ordered += [entries[i] for i in sorted(entries) if i not in seen]
    out = {k: v for k, v in catalog.items() if k != "indicators"}
    out["indicators"] = [{k: e[k] for k in fields} for e in ordered]
    return out, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rewrite-gold", action="store_true", help="rewrite gold groups through corpus/group_map.json")
    parser.add_argument("--version", help="set catalog_version (default: keep the current one)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything would change")
    parser.add_argument("--notes", action="store_true", help="print every note (dropped aliases, unit mismatches)")
    args = parser.parse_args(argv)

    group_map = load_group_map()
    catalog = read_json(CATALOG)
    rewritten = rewrite_gold(group_map, dry_run=args.check or not args.rewrite_gold)
    usage = gold_usage(group_map)
    new, notes = merge(catalog, load_additions(), usage, group_map)
    if args.version:
        new["catalog_version"] = args.version

    before = {i["id"] for i in catalog["indicators"]}
    after = {i["id"] for i in new["indicators"]}
    print(f"catalog {catalog['catalog_version']} → {new['catalog_version']}: {len(before)} → {len(after)} ids "
          f"(+{len(after - before)}, -{len(before - after)}); gold uses {len(usage)} ids in "
          f"{sum(u['facts'] for u in usage.values())} facts")
    stale = sum(rewritten.values())
    if stale:
        verb = "rewrote" if args.rewrite_gold and not args.check else "would rewrite (use --rewrite-gold)"
        print(f"{verb} {stale} gold groups in {len(rewritten)} files")
    print(f"{len(notes)} notes" + ("" if args.notes else " (--notes to list)"))
    if args.notes:
        print("\n".join("  " + n for n in notes))

    changed = new != catalog
    if args.check:
        return 1 if changed or stale else 0
    if changed:
        write_json(CATALOG, new, CATALOG.read_text(encoding="utf-8").endswith("\n"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
