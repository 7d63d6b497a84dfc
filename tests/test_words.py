"""The trimmed jieba dictionary: written once into govfacts' cache, then reused."""

from __future__ import annotations

import os
import subprocess
import sys

CODE = "from extractor.understanding.words import words; print('/'.join(words('新增高新技术企业')))"


def run(cache) -> str:
    env = {**os.environ, "GOVFACTS_CACHE": str(cache)}
    return subprocess.run([sys.executable, "-c", CODE], env=env, capture_output=True, text=True, check=True).stdout


def test_the_common_words_are_cached_and_give_the_same_words(tmp_path):
    first = run(tmp_path)
    written = sorted((tmp_path / "govfacts").glob("jieba-common-*.txt"))
    assert first.strip() == "新增/高新技术/企业" and len(written) == 1
    stamp = written[0].stat().st_mtime_ns
    assert run(tmp_path) == first
    assert written[0].stat().st_mtime_ns == stamp  # reused, not rewritten
    assert not list((tmp_path / "govfacts").glob("*.part"))
