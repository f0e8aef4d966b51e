"""
Folding names to a key that ignores script, case, accents and transliteration habits.

``Yezhov``, ``Ezhov``, ``YEZHOV`` and ``Ежов`` all fold to ``ezhov``; ``Zinoviev``,
``Zinovyev`` and ``Зиновьев`` to ``zinovev``. The key is for matching only and never shown.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# Russian and Ukrainian Cyrillic to a plain Latin spelling; the soft and hard signs vanish.
_CYRILLIC: Final = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
}  # fmt: skip
_TRANSLATE: Final = str.maketrans(
    {
        **{ord(k): v for k, v in _CYRILLIC.items()},
        # Apostrophes and primes stand for the soft sign in many transliterations.
        **{ord(c): "" for c in "'’ʼʹ`´\u02bb\""},
    }
)
_NON_WORD: Final = re.compile(r"[\W_]+")
# Spelling habits that differ between transliteration systems, applied in this order.
_RULES: Final = (
    (re.compile(r"x"), "ks"),
    (re.compile(r"y[eo]"), "e"),
    (re.compile(r"ie"), "e"),
    (re.compile(r"t[sz]"), "c"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"[jy]"), "i"),
    (re.compile(r"w"), "v"),
    (re.compile(r"([a-z])\1+"), r"\1"),
)


def fold(text: str) -> str:
    """Reduce *text* to its matching key (words separated by single spaces)."""
    text = text.casefold().translate(_TRANSLATE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _NON_WORD.sub(" ", text).strip()
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def quick(text: str) -> str:
    """The cheap key (case only) that answers most lookups before :func:`fold` is needed."""
    return text.casefold()


def surname(name: str) -> str:
    """The last whitespace-separated word of a name (``Maksimov-Dikovsky`` stays whole)."""
    parts = name.split()
    return parts[-1] if parts else ""
