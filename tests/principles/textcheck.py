"""Finds runs of 8 or more consecutive words shared with the framework text (house rule)."""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


_CACHE: dict[int, set[tuple[str, ...]]] = {}


def copied_runs(text: str, framework_text: str, n: int = 8) -> list[str]:
    key = id(framework_text)
    if key not in _CACHE:
        words = _words(framework_text)
        _CACHE[key] = {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}
    grams = _CACHE[key]
    words = _words(text)
    return [
        " ".join(words[i : i + n])
        for i in range(len(words) - n + 1)
        if tuple(words[i : i + n]) in grams
    ]
