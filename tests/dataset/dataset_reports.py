"""Fictional township reports in every shape a batch meets: TXT, GBK TXT, DOCX, text PDF, scan, junk.

The townships are invented (in a real county, so that the province is known)
and so are all the figures; the wording follows real 法治政府建设 reports.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

COUNTY = "鹿寨县"


@dataclass(frozen=True)
class Township:
    name: str
    year: int
    lectures: int  # 法治宣传讲座 … 场次
    consultations: int  # 接待群众咨询 … 人次
    pass_rate: float  # 考试通过率 … %

    @property
    def short(self) -> str:
        return self.name[0]


TOWNSHIPS = [
    Township("石门镇", 2022, 7, 188, 96.0),
    Township("石门镇", 2023, 9, 236, 98.5),
    Township("青岭乡", 2022, 4, 95, 100.0),
    Township("青岭乡", 2023, 6, 120, 97.0),
    Township("白沙镇", 2023, 11, 310, 99.0),
]


def report_text(t: Township, number: int = 7) -> str:
    return f"""{COUNTY}{t.name}人民政府文件
{t.short}政报〔{t.year}〕{number}号
签发人：黄立新
{t.name}{t.year}年度法治政府建设工作情况报告
{COUNTY}人民政府：
{t.year}年，{t.name}深入学习贯彻习近平法治思想，认真落实法治政府建设各项部署，依法履行职责，各项工作取得新进展。现将有关情况报告如下。
一、加强组织领导，压实法治建设责任
镇党委、政府调整充实法治政府建设领导小组，坚持党委中心组学法制度，全年开展集体学法12次，领导干部年度法律知识考试通过率{t.pass_rate:g}%。
二、推进依法决策，规范行政行为
我镇辖区内14个村（社区）均配备法律顾问，覆盖率达100%。全年法律顾问累计接待群众咨询{t.consultations}人次，出具法律意见书17份，参与调解矛盾纠纷42件。
三、广泛开展普法宣传
全年举办法治宣传讲座{t.lectures}场次，发放宣传资料约4200份，受教育群众约1500人。
四、存在的问题
（一）执法人员力量不足，综合执法能力有待提升。
（二）普法宣传形式较为单一，覆盖面仍需扩大。
五、下一步工作打算
1、加强执法队伍建设，提升执法人员业务水平。
2、创新普法宣传方式，推动法治宣传进村入户。
"""


def write_txt(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def write_docx(path: Path, text: str) -> Path:
    from docx import Document

    document = Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(path)
    return path


def pdf_bytes(text: str) -> bytes:
    """A text PDF set in the CID font STSong-Light (its text layer decodes)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    y = 800
    for paragraph in text.splitlines():
        for start in range(0, max(len(paragraph), 1), 36):
            if y < 60:
                page.showPage()
                y = 800
            page.setFont("STSong-Light", 12)
            page.drawString(60, y, paragraph[start : start + 36])
            y -= 18
    page.save()
    return buffer.getvalue()


def write_scan(path: Path) -> Path:
    """An image-only PDF, as a scanner makes: dark bars where lines of text would be, no text layer."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    for row in range(30):
        draw.rectangle((120, 150 + row * 45, 1120 - (row % 4) * 90, 170 + row * 45), fill=40)
    image.save(path, "PDF", resolution=150)
    return path


def write_gbk_named_zip(path: Path, text: str) -> Path:
    """A zip made on Chinese Windows: the entry name in GBK bytes, without the UTF-8 flag."""
    placeholder = "XXXXXX.txt"  # as many bytes as 石门镇 in GBK
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(placeholder, text.encode("utf-8"))
    data = path.read_bytes().replace(b"XXXXXX", "石门镇".encode("gbk"))
    path.write_bytes(data)
    return path


@dataclass(frozen=True)
class Expected:
    path: str
    status: str
    code: str | None = None


def make_mixed_folder(root: Path) -> tuple[Path, list[Expected]]:
    """Good reports (TXT, GBK TXT, DOCX, PDF, one in a zip) beside a scan, a corrupt PDF and an empty file."""
    a, b, c, d, e = TOWNSHIPS
    write_txt(root / "石门镇_2022.txt", report_text(a))
    write_txt(root / "gbk" / "石门镇_2023.txt", report_text(b), encoding="gbk")
    write_docx(root / "青岭乡_2022.docx", report_text(c))
    (root / "青岭乡_2023.pdf").write_bytes(pdf_bytes(report_text(d)))
    with zipfile.ZipFile(root / "archive.zip", "w") as archive:
        archive.writestr("2023/白沙镇.txt", report_text(e))
        archive.writestr("2023/notes.xlsx", b"not a report")  # not a supported suffix: ignored
    write_scan(root / "scan.pdf")
    (root / "corrupt.pdf").write_bytes(pdf_bytes(report_text(a))[:1500])
    (root / "empty.txt").write_bytes(b"")
    (root / "readme.md").write_text("not a report")  # not a supported suffix: ignored
    expected = [
        Expected(f"{root}/archive.zip!2023/白沙镇.txt", "ok"),
        Expected(f"{root}/corrupt.pdf", "error"),
        Expected(f"{root}/empty.txt", "error", "empty_file"),
        Expected(f"{root}/gbk/石门镇_2023.txt", "ok"),
        Expected(f"{root}/scan.pdf", "needs_ocr"),
        Expected(f"{root}/石门镇_2022.txt", "ok"),
        Expected(f"{root}/青岭乡_2022.docx", "ok"),
        Expected(f"{root}/青岭乡_2023.pdf", "ok"),
    ]
    return root, expected
