"""Finding the report files of a batch: folders are walked, zip files opened, every file hashed.

A file inside a zip is named `archive.zip!inner/name.pdf`; it is handed to the
extractor as a temporary copy with the same name, so the same `process(path)`
reads it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SUPPORTED = (".pdf", ".docx", ".txt")
ZIP_SEPARATOR = "!"
_UTF8_FLAG = 0x800  # zip entry flag: the name is UTF-8


@dataclass(frozen=True)
class InputFile:
    """One report to extract: `path` names it in the dataset, `file` is on disk."""

    path: str
    file: str
    member: str | None = None  # name of the entry inside the zip `file`
    problem: tuple[str, str] | None = None  # (code, message) when the file cannot even be listed


def find_inputs(paths: Iterable[str]) -> tuple[list[InputFile], list[str]]:
    """Every report under `paths` in a stable order, and one line for each path that does not exist.

    Folders yield their supported files (hidden ones skipped) and zips; a file
    named directly is taken whatever its suffix, so the extractor says why it
    cannot read it.
    """
    found: list[InputFile] = []
    missing: list[str] = []
    for arg in paths:
        path = os.path.normpath(arg)
        if os.path.isdir(path):
            found.extend(item for file in _walk(path) for item in _expand(file))
        elif os.path.isfile(path):
            found.extend(_expand(path))
        else:
            missing.append(f"{arg}: no such file or directory")
    return list(dict.fromkeys(found)), missing  # a folder named twice is read once


def _walk(root: str) -> Iterator[str]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith((*SUPPORTED, ".zip")):
                yield os.path.join(folder, name)


def _expand(path: str) -> list[InputFile]:
    if not path.lower().endswith(".zip"):
        return [InputFile(path, path)]
    try:
        with zipfile.ZipFile(path) as archive:
            members = [info for info in archive.infolist() if _is_report(info)]
            return [InputFile(f"{path}{ZIP_SEPARATOR}{_name(info)}", path, info.filename) for info in members]
    except (zipfile.BadZipFile, OSError) as exc:
        return [InputFile(path, path, problem=("corrupt_zip", f"{path}: not a readable zip file ({exc})"))]


def _is_report(info: zipfile.ZipInfo) -> bool:
    name = _name(info)
    hidden = any(part.startswith(".") or part == "__MACOSX" for part in name.split("/"))
    return not info.is_dir() and not hidden and name.lower().endswith(SUPPORTED)


def _name(info: zipfile.ZipInfo) -> str:
    """The entry's real name: zips made on Chinese Windows store GBK names without the UTF-8 flag."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    raw = info.filename.encode("cp437")  # how zipfile decoded the bytes
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def sha256(item: InputFile) -> str:
    """Hash of the report's bytes (the entry's bytes for a file inside a zip)."""
    digest = hashlib.sha256()
    with _open(item) as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def _open(item: InputFile) -> Iterator:
    if item.member is None or item.problem:
        with open(item.file, "rb") as stream:
            yield stream
    else:
        with zipfile.ZipFile(item.file) as archive, archive.open(item.member) as stream:
            yield stream


@contextmanager
def local_copy(item: InputFile, folder: str) -> Iterator[str]:
    """A path the extractor can open: the file itself, or the zip entry copied into `folder`."""
    if item.member is None:
        yield item.file
        return
    target = Path(folder) / Path(item.path.rsplit(ZIP_SEPARATOR, 1)[1]).name
    with _open(item) as source, open(target, "wb") as copy:
        shutil.copyfileobj(source, copy)
    try:
        yield str(target)
    finally:
        target.unlink(missing_ok=True)
