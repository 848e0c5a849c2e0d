"""Word-by-word English for a message in another language, so the English-only embedder and reader can read it.

Without an LLM nothing translates a Vietnamese or Thai message, and the models read only its figures, names and
English terms. A glossary per language (`assistant/glossaries/<code>.yaml`, language data rather than anything
about one agency's documents) replaces the words creators use about samples, commission, payouts and violations
with their English, in place, so "hoa hồng của mình chưa về" is read as "commission của I not yet arrived".
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from assistant.errors import AssistantError

GLOSSARIES = Path(__file__).resolve().parent / "glossaries"
UNSPACED = {"th", "zh", "ja"}  # scripts written without spaces between words: terms match anywhere


class GlossaryError(AssistantError):
    """A glossary file is invalid; the message names the file (the CLI and the pages show it as it is)."""


class GlossaryFile(BaseModel):
    """One language's glossary as written: its code and its terms (term -> English, '' for a particle)."""

    model_config = ConfigDict(extra="forbid")
    language: str
    terms: dict[str, str]

    @field_validator("terms")
    @classmethod
    def plain_terms(cls, terms: dict[str, str]) -> dict[str, str]:
        """Every term is non-empty text and every gloss a few plain words."""
        for term, english in terms.items():
            if not term.strip():
                raise ValueError("a term is empty")
            if len(english.split()) > 5:
                raise ValueError(f"the gloss of {term!r} is longer than five words")
        return terms


@dataclass(frozen=True)
class Glossary:
    """A language's terms, matched longest first and case-insensitively."""

    language: str
    terms: dict[str, str]
    pattern: re.Pattern[str]

    def gloss(self, text: str) -> str:
        """The text with every known term replaced by its English, and particles dropped; the text exactly as
        given when it holds no term, so a caller can tell whether anything was glossed."""
        normal = unicodedata.normalize("NFC", text)
        # In a script without spaces the English must bring its own, or it runs into the words around it.
        pad = " " if self.language in UNSPACED else ""
        glossed = False

        def english(match: re.Match[str]) -> str:
            nonlocal glossed
            if named(normal, match.start()):
                return match.group(0)
            glossed = True
            return pad + self.terms.get(match.group(0).lower(), match.group(0)) + pad

        out = self.pattern.sub(english, normal)
        return re.sub(r"[ \t]{2,}", " ", re.sub(r" +([,.!?])", r"\1", out)).strip() if glossed else text


def named(text: str, start: int) -> bool:
    """Whether the word at `start` is capitalised inside a sentence, so part of a name: "Cần Thơ" is a city,
    not "need"; a sentence's first word is capitalised whatever it is."""
    if not text[start].isupper():
        return False
    before = text[:start].rstrip(" \t\"'“‘(")
    return bool(before) and before[-1].isalnum() and not before[-1].isdigit()


def _compile(language: str, terms: dict[str, str]) -> Glossary:
    """A Glossary with one alternation of every term, longest first so phrases win over their words."""
    terms = {unicodedata.normalize("NFC", t.strip().lower()): e.strip() for t, e in terms.items()}
    body = "|".join(re.escape(t) for t in sorted(terms, key=lambda t: (-len(t), t)))
    edges = ("", "") if language in UNSPACED else (r"(?<!\w)", r"(?!\w)")
    return Glossary(language, terms, re.compile(f"{edges[0]}(?:{body}){edges[1]}", re.IGNORECASE))


def load(path: Path) -> Glossary:
    """One glossary file, validated; GlossaryError names the file and the problem."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = GlossaryFile.model_validate(raw)
    except (OSError, yaml.YAMLError, ValidationError) as err:
        raise GlossaryError(f"Glossary {path}: {err}") from None
    if data.language != path.stem:
        raise GlossaryError(f"Glossary {path}: says language {data.language!r}, but its name says {path.stem!r}")
    return _compile(data.language, data.terms)


@lru_cache(maxsize=None)
def glossary(code: str, folder: Path = GLOSSARIES) -> Glossary | None:
    """The glossary for a language code, or None when there is none."""
    path = folder / f"{code}.yaml"
    return load(path) if path.is_file() else None


def gloss(text: str, code: str) -> str:
    """The text read through its language's glossary; unchanged when the language has none."""
    found = glossary(code)
    return found.gloss(text) if found else text
