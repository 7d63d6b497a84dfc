"""Batch progress: a tqdm bar on a terminal, one plain line per document in a log."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from extractor.dataset.db import Stored


def failure_line(path: str, message: str | None) -> str:
    """The extractor's one-line message, which names the file; the path first when it does not."""
    if not message:
        return path
    return message if path in message else f"{path}: {message}"


class Progress:
    """Counts files, facts and failures as documents are stored, and shows them."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool = True):
        self.total, self.done, self.facts, self.failed = total, 0, 0, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 0
        self.started = time.monotonic()
        self.bar = None
        if self.enabled and self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", desc="extracting", file=self.stream, dynamic_ncols=True)

    def advance(self, doc: Stored) -> None:
        self.done += 1
        self.facts += doc.n_facts
        self.failed += doc.status != "ok"
        if not self.enabled:
            return
        if self.bar is not None:
            self._advance_bar(doc)
        else:
            print(self._log_line(doc), file=self.stream, flush=True)

    def _advance_bar(self, doc: Stored) -> None:
        if doc.status != "ok":
            self.bar.write(f"{doc.status}: {failure_line(doc.path, doc.message)}", file=self.stream)
        self.bar.set_postfix(facts=self.facts, failed=self.failed, refresh=False)
        self.bar.update(1)

    def _log_line(self, doc: Stored) -> str:
        width = len(str(self.total))
        head = f"[{self.done:>{width}}/{self.total}] {doc.status:<9}"
        if doc.status == "ok":
            return f"{head} {doc.path} ({doc.n_facts} facts)  eta {self._eta()}"
        return f"{head} {failure_line(doc.path, doc.message)}  eta {self._eta()}"

    def _eta(self) -> str:
        left = (time.monotonic() - self.started) / self.done * (self.total - self.done)
        minutes, seconds = divmod(round(left), 60)
        return f"{minutes // 60}:{minutes % 60:02d}:{seconds:02d}"

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
