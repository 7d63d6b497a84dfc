"""jieba's words of short spans, shared by the indicator rules and the learned features."""

from __future__ import annotations


def words(text: str) -> list[str]:
    """jieba's words of a short span (the dictionary loads once per process).

    >>> words("清理河道垃圾")
    ['清理', '河道', '垃圾']
    """
    import jieba

    jieba.setLogLevel(60)
    return [w for w in jieba.lcut(text, HMM=False) if w.strip()]
