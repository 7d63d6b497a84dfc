"""The output contract: pydantic models are the single source of the JSON schema.

`govfacts schema` writes `schemas/report.schema.json` from `Report`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Status = Literal["ok", "needs_ocr", "error"]
Qualifier = Literal["exact", "approx", "more_than", "at_least", "less_than", "at_most", "range"]
Change = Literal["increase", "decrease"]
Category = Literal["achievements", "problems", "plans", "other"]
Method = Literal["rule", "classifier"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorInfo(_Model):
    """Why a file could not be read: a stable `code` and a one-line message."""

    code: str = Field(description="stable machine code, e.g. empty_file, corrupt_pdf, encrypted_pdf")
    message: str = Field(description="one line that names the file and the problem")


class Source(_Model):
    path: str
    sha256: str | None = None
    format: Literal["pdf", "docx", "txt", "unknown"] = "unknown"
    pages: int | None = Field(None, description="page count (PDF only)")
    text_layer: bool | None = Field(None, description="PDF has a usable text layer")
    ocr: bool = Field(False, description="text came from OCR")


class Region(_Model):
    province: str | None = None
    city: str | None = None
    county: str | None = None
    township: str | None = None


class Metadata(_Model):
    doc_number: str | None = Field(None, description="发文字号 as written, e.g. 平政报〔2021〕50号")
    issuer: str | None = None
    signer: str | None = Field(None, description="签发人, or the official delivering the report")
    date: str | None = Field(None, description="ISO date of the document, YYYY-MM-DD")
    year: int | None = Field(None, description="the year the title names, else the year reported on")
    title: str | None = None
    kind: str | None = Field(None, description="法治政府建设报告, 政府工作报告, 工作总结, 政府信息公开年报 …")
    region: Region = Field(default_factory=Region)


class Section(_Model):
    number: str = Field(description="the numbering as written without punctuation: 一, 1, （一） → 一")
    title: str
    level: int = Field(ge=1)
    parent: int | None = Field(None, description="index of the parent section in `sections`")
    category: Category = "other"
    span: tuple[int, int] = Field(description="[start, end) of the section in `text`")


class ListItem(_Model):
    text: str
    span: tuple[int, int]


class Fact(_Model):
    id: str
    value: float
    value_max: float | None = Field(None, description="upper bound when qualifier is range")
    unit: str | None = Field(description="measure word without multiplier: 元, 人次, %, 个百分点")
    raw: str = Field(description="the figure verbatim as it stands in `text`")
    qualifier: Qualifier = "exact"
    indicator: str = Field("unknown", description="id from the indicator catalog, or unknown")
    change: Change | None = None
    span: tuple[int, int] = Field(description="[start, end) of `raw` in `text`")
    evidence: str = Field(description="the clause the figure stands in, verbatim")
    page: int | None = Field(None, description="1-based page (PDF)")
    bbox: tuple[float, float, float, float] | None = Field(None, description="x0, top, x1, bottom in PDF points")
    section: str | None = Field(None, description="number of the top-level section")
    confidence: float = Field(ge=0, le=1)
    method: Method = "rule"


class ExtractorInfo(_Model):
    version: str
    catalog_version: str | None = None
    models: dict[str, str] = Field(default_factory=dict, description="model name → file sha256")


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    status: Status
    error: ErrorInfo | None = None
    source: Source
    text: str = ""
    metadata: Metadata = Field(default_factory=Metadata)
    sections: list[Section] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    problems: list[ListItem] = Field(default_factory=list)
    plans: list[ListItem] = Field(default_factory=list)
    extractor: ExtractorInfo
