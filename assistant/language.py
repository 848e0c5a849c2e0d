"""The language a creator wrote in, the market it implies, and a holding reply in that language."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import prompts

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# Languages the detector may choose from: English, the agency's SEA markets, and languages creators elsewhere
# write in. A short list keeps slang-heavy English from being read as a rare language.
CANDIDATES = ("en", "vi", "th", "id", "ms", "tl", "es", "pt", "fr", "de", "it", "nl", "zh", "ja", "ko")
NAMES = {"en": "English", "vi": "Vietnamese", "th": "Thai", "id": "Indonesian", "ms": "Malay", "tl": "Filipino",
         "es": "Spanish", "pt": "Portuguese", "fr": "French", "de": "German", "it": "Italian", "nl": "Dutch",
         "zh": "Chinese", "ja": "Japanese", "ko": "Korean"}
# Only a language spoken in one of our markets and (almost) nowhere else names the market: Malay, Indonesian
# and Filipino creators may sell in Singapore, Malaysia or the US, so those are left to the rep.
MARKET_OF = {"vi": "VN", "th": "TH"}
HOLDING = {"vi", "th", "id", "ms", "tl"}  # languages with a prompts/holding_reply_<code>.md
MIN_LETTERS = 12  # below this a guess is noise: "ok thx po" is not Filipino
MIN_CONFIDENCE = 0.6  # share of the normalised probability outside English for a message to be reported
SURE = 0.9  # a guess's own probability to act on: escalating or inferring a market
NOISE_RE = re.compile(r"https?://\S+|@\w[\w.]*|\[\d+\]|\S+@\S+")
SEGMENT_RE = re.compile(r"[.!?\n()\[\]]+")
SCRIPT_RE = {"th": re.compile(r"[\u0E00-\u0E7F]"), "ko": re.compile(r"[\uAC00-\uD7AF]"),
             "ja": re.compile(r"[\u3040-\u30FF]")}


@dataclass(frozen=True)
class Language:
    """What the detector decided: an ISO 639-1 code and its English name."""

    code: str
    confidence: float
    english_part: bool = False  # a sentence or gloss in English the offline drafter can work from

    @property
    def readable(self) -> bool:
        """Whether the message reads as English to the English-only embedder and reader; one that does not is
        translated by an LLM, or read offline through its word glossary (assistant.translate, assistant.gloss). An
        unsure guess counts as readable."""
        return self.code == "en" or self.english_part or self.confidence < SURE

    @property
    def name(self) -> str:
        """'Vietnamese'."""
        return NAMES.get(self.code, self.code)

    @property
    def market(self) -> str:
        """The market this language implies, where that is safe (vi -> VN, th -> TH); else empty."""
        return MARKET_OF.get(self.code, "") if self.confidence >= SURE else ""


@lru_cache(maxsize=1)
def identifier() -> "LanguageIdentifier":
    """py3langid's model (shipped inside the package), limited to CANDIDATES, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    model.set_languages(list(CANDIDATES))
    return model


def detect(text: str) -> Language:
    """The message's language; English when the text is too short or the guess is unsure."""
    text = NOISE_RE.sub(" ", text)
    for code, script in SCRIPT_RE.items():  # a script only one language uses needs no model
        if len(script.findall(text)) >= 4:  # ... but a Thai greeting may open a message written in English
            return Language(code, 1.0, has_english_part(text))
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return Language("en", 0.0)
    ranked = sorted(identifier().rank(text), key=lambda pair: -pair[1])
    english = dict(ranked)["en"]
    # Whether it is English is the whole non-English share: short Malay and Indonesian split theirs between
    # the two, and neither guess alone looks sure enough to count
    if 1.0 - english < MIN_CONFIDENCE:
        return Language("en", float(english))
    code, confidence = next((c, p) for c, p in ranked if c != "en")
    return Language(str(code), float(confidence), has_english_part(text))


def has_english_part(text: str) -> bool:
    """Whether some sentence, line or bracketed gloss of five words or more is English: creators often add
    one ("… (i'm in vietnam, just added the product today)"), and the drafter can answer from it."""
    for part in SEGMENT_RE.split(text):
        if len(part.split()) >= 5 and sum(ch.isalpha() for ch in part) >= MIN_LETTERS:
            code, confidence = identifier().classify(part)
            if code == "en" and confidence >= MIN_CONFIDENCE:
                return True
    return False


def holding_reply(language: Language, team: str) -> str:
    """A holding reply written in the creator's language; empty when we have none for it."""
    if language.code not in HOLDING:
        return ""
    return prompts.render(f"holding_reply_{language.code}", team=team)
