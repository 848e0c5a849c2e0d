"""Glossaries that give the English-only models the English of the words creators write in their own language."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.errors import AssistantError
from assistant.gloss import GLOSSARIES, GlossaryError, gloss, glossary, load
from assistant.language import detect
from assistant.service import Assistant

ENGLISH = ["Hi, when will my commission be paid? I posted the video last week.",
           "Can I use a sample from a seller in my LIVE, and do I have to post within 14 days?",
           "my account got a violation for a claim, how do I appeal it? thanks so much!",
           "rep here: creator in Jakarta asks why the withdrawal failed and what the minimum is"]


def write(tmp_path: Path, code: str, body: str) -> Path:
    """A glossary file named for its language."""
    path = tmp_path / f"{code}.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_every_shipped_glossary_loads_and_leaves_english_alone() -> None:
    files = sorted(GLOSSARIES.glob("*.yaml"))
    assert {f.stem for f in files} >= {"vi", "th", "id", "ms", "tl", "es", "pt"}
    for path in files:
        found = load(path)
        assert found.language == path.stem and len(found.terms) >= 150
        for sentence in ENGLISH:  # a creator's English, even in a message also written in this language
            assert found.gloss(sentence).lower() == sentence.lower(), path.name


@pytest.mark.parametrize("code, message", [
    ("vi", "tài khoản của cơ quan nhà nước có được không?"), ("id", "akun instansi pemerintah boleh ikut?"),
    ("ms", "akaun agensi kerajaan boleh sertai?"), ("es", "¿una cuenta del gobierno puede unirse?"),
    ("pt", "uma conta do governo pode participar?"), ("th", "บัญชีหน่วยงานราชการสมัครได้ไหม"),
])
def test_a_government_account_is_read_as_one(code: str, message: str) -> None:
    """Who may join is a rule in every market's eligibility page; the reader cannot match it without the word."""
    assert "government" in load(GLOSSARIES / f"{code}.yaml").gloss(message)


def test_a_phrase_wins_over_its_words_and_particles_go(tmp_path: Path) -> None:
    found = load(write(tmp_path, "vi", 'language: vi\nterms:\n  hoa hồng: commission\n  hoa: flower\n'
                                      '  bao lâu: how long\n  ạ: ""\n  chưa: not yet\n'))
    assert found.gloss("Hoa hồng chưa về ạ, bao lâu?") == "commission not yet về, how long?"
    # the same words in decomposed Unicode, as some keyboards send them
    assert found.gloss("hoa ho\u0302\u0300ng") == "commission"
    assert found.gloss("hoahồng") == "hoahồng"  # inside a longer word it is not the term
    # nothing to gloss: the text comes back exactly, spacing included, so no "read as" notice is shown for it
    assert found.gloss("xin  chào \n") == "xin  chào \n" and found.gloss("mình ở  Hoa Kỳ") == "mình ở  Hoa Kỳ"


def test_a_capitalised_word_inside_a_sentence_is_a_name(tmp_path: Path) -> None:
    found = load(write(tmp_path, "vi", "language: vi\nterms:\n  cần: need\n  hôm qua: yesterday\n"))
    assert found.gloss("mình ở Cần Thơ. Hôm qua mình cần mẫu") == "mình ở Cần Thơ. yesterday mình need mẫu"


def test_thai_terms_match_inside_the_run_of_letters_and_bring_spaces(tmp_path: Path) -> None:
    found = load(write(tmp_path, "th", "language: th\nterms:\n  ค่าคอมมิชชั่น: commission\n  ถอนเงิน: withdraw\n"))
    assert found.gloss("อยากถอนเงินค่าคอมมิชชั่นค่ะ") == "อยาก withdraw commission ค่ะ"


@pytest.mark.parametrize("body, problem", [
    ("language: vi\nterms:\n  hoa hồng: [commission, fee]\n", "terms"),
    ("language: vi\nterms:\n  hoa hồng: the commission that a creator earns on a sale\n", "longer than five"),
    ("language: th\nterms:\n  hoa hồng: commission\n", "its name says"),
    ("language: vi\nterms: {hoa hồng: commission\n", "Glossary"),
])
def test_a_broken_glossary_is_named(tmp_path: Path, body: str, problem: str) -> None:
    path = write(tmp_path, "vi", body)
    with pytest.raises(GlossaryError, match=problem) as err:
        load(path)
    assert str(path) in str(err.value) and isinstance(err.value, AssistantError)  # shown as a plain message


def test_a_language_without_a_glossary_is_read_as_written() -> None:
    assert glossary("ko") is None and gloss("수수료는 언제 받나요?", "ko") == "수수료는 언제 받나요?"


class Recording:
    """A reader that rates every sentence 0.99 and keeps the questions it was asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def score(self, question: str, texts: list[str]) -> np.ndarray:
        """0.99 for every text."""
        self.asked.append(question)
        return np.full(len(texts), 0.99, dtype=np.float32)

    def prior(self, texts: list[str]) -> np.ndarray:
        """Even odds."""
        return np.full(len(texts), 0.5, dtype=np.float32)


def test_without_an_llm_the_reader_reads_the_glossed_message_and_the_rep_sees_it(kb_assistant: Assistant,
                                                                                 embedder) -> None:
    from assistant.service import build_assistant

    message = "chị ơi, hoa hồng của em bao lâu thì được thanh toán ạ?"
    assert not detect(message).readable
    reader = Recording()
    draft = build_assistant(kb_assistant.settings, embedder=embedder, reader=reader).ask(message)
    read = gloss(message, "vi")
    assert "commission" in read and "hoa hồng" not in read
    assert reader.asked and all("hoa hồng" not in q for q in reader.asked)
    assert any("commission" in q for q in reader.asked)
    assert draft.status == "answered" and draft.question == message
    assert any(read in n for n in draft.notices)


def test_without_an_llm_a_holding_reply_says_what_the_reader_read(kb_assistant: Assistant, embedder) -> None:
    from assistant.service import build_assistant
    from tests.readers import Fixed

    message = "chị ơi, hoa hồng của em bao lâu thì được thanh toán ạ?"
    draft = build_assistant(kb_assistant.settings, embedder=embedder, reader=Fixed({"": 0.0})).ask(message)
    assert draft.status == "escalate" and not draft.citations and draft.draft.startswith("Chào")
    assert gloss(message, "vi") in draft.reason
