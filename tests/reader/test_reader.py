"""The shipped reader: loads offline from the committed delta and ranks answers above distractors."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from reader.model import TRAINED_PREFIXES, WEIGHTS, Reader, ReaderMissingError, pair_text

# Written for this test, about nothing in knowledge_base/: the reader never trained on these.
CASES = [
    ("how many days until my refund shows up on my card?",
     "Refunds reach the buyer's original card within 5 to 7 business days of approval.",
     ["Creators must add the paid-partnership label before the video is published.",
      "A LIVE session needs a stable connection and good lighting.",
      "Brand deals are negotiated by the partnerships team."]),
    ("can my 15 year old sister open her own affiliate account?",
     "Affiliate accounts are open only to people aged 18 or over.",
     ["Sample parcels ship within three working days of approval.",
      "Commission is paid out every Tuesday once it has settled.",
      "Videos must show the product being used on camera."]),
    ("what is the smallest amount I can withdraw?",
     "The minimum withdrawal is 10 dollars; smaller balances roll over to the next cycle.",
     ["Creators can pin one product link at a time during a LIVE.",
      "A violation stays on the record for 90 days.",
      "Use the brand's hashtag in the caption when asked."]),
]


def test_weights_are_a_small_delta() -> None:
    """Only the trained layers and head are committed, in one file of at most about 12 MB."""
    from safetensors.torch import load_file

    assert WEIGHTS.stat().st_size < 12.5e6
    keys = load_file(str(WEIGHTS)).keys()
    assert keys and all(k.startswith(TRAINED_PREFIXES) for k in keys)
    assert any(k.startswith("classifier.") for k in keys)


@pytest.mark.parametrize("question,answer,distractors", CASES)
def test_answer_ranks_above_distractors(reader: Reader, question: str, answer: str, distractors: list[str]) -> None:
    """The answering sentence gets the highest rating, and a rating above one-half-of-the-best distractor gap."""
    ratings = reader.score(question, [answer, *distractors])
    assert ratings.shape == (4,)
    assert ((ratings >= 0) & (ratings <= 1)).all()
    assert ratings[0] == max(ratings)
    assert ratings[0] > max(ratings[1:]) + 0.1


def test_heading_is_read(reader: Reader) -> None:
    """The pair text carries the heading, so the reader sees a sentence's context."""
    assert pair_text("Ten dollars.", "Minimum withdrawal") == "Minimum withdrawal: Ten dollars."
    assert pair_text("Ten dollars.") == "Ten dollars."


def test_missing_weights_say_how_to_train(tmp_path: Path) -> None:
    """A missing weights file is a clear error that names the fix."""
    with pytest.raises(ReaderMissingError, match="make reader"):
        Reader(tmp_path / "none.safetensors").score("q", ["a sentence"])


def test_no_texts_no_work(reader: Reader) -> None:
    """Scoring nothing returns an empty array without running the model."""
    assert reader.score("anything", []).shape == (0,)


@pytest.mark.slow
def test_training_runs_the_frozen_layers_once_without_changing_the_answer() -> None:
    """The trained top on cached bottom-layer output gives the same logits as the whole model."""
    import torch

    from reader.model import new_cross_encoder
    from reader.train import split_model

    encoder = new_cross_encoder("cpu")
    model = encoder.model.eval()
    features = encoder.tokenizer(["how long to post?", "can i withdraw"],
                                 ["You have 30 days to post the video.", "Minimum is ten dollars"],
                                 padding=True, return_tensors="pt")
    whole = model(**features).logits
    bottom, top = split_model(model, 4)
    parts = top(inputs_embeds=bottom(**features).last_hidden_state, attention_mask=features["attention_mask"]).logits
    assert torch.allclose(whole, parts, atol=1e-5)
    assert len(model.bert.encoder.layer) == 6  # the split leaves the model itself whole


def test_reader_weights_setting_picks_another_delta(settings, embedder, tmp_path: Path) -> None:
    """CREATOR_DESK_READER_WEIGHTS swaps the shipped delta for another one, and a missing one names its path."""
    from assistant.service import build_assistant

    missing = tmp_path / "retrained.safetensors"
    assistant = build_assistant(settings.model_copy(update={"reader_weights": missing}), embedder=embedder)
    assert assistant.reader.weights == missing
    with pytest.raises(ReaderMissingError, match="retrained.safetensors"):
        assistant.reader.score("q", ["a sentence"])
    assert build_assistant(settings, embedder=embedder).reader.weights == WEIGHTS


def test_prior_is_the_null_question_rating_computed_once(reader: Reader) -> None:
    """Reader.prior is the rating against the null question, and a text seen before costs no model call."""
    from reader.prior import NULL_QUESTION

    texts = ["Refunds reach the buyer's card within 5 to 7 business days.", "A violation stays on the record for 90 days."]
    assert reader.prior(texts) == pytest.approx(reader.score(NULL_QUESTION, texts), abs=1e-4)
    calls = []
    score = reader._priors._score
    reader._priors._score = lambda q, t: calls.append(t) or score(q, t)
    try:
        reader.prior(texts[::-1])
    finally:
        reader._priors._score = score
    assert calls == []


def test_auto_precision_is_bfloat16_only_where_the_cpu_has_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """"auto" runs bfloat16 only on a CPU that multiplies it in hardware; an explicit choice is kept."""
    import reader.model as model

    monkeypatch.setattr(model, "native_bfloat16", lambda: False)
    assert model.resolve_precision("auto") == "float32"
    assert model.resolve_precision("bfloat16") == "bfloat16"
    monkeypatch.setattr(model, "native_bfloat16", lambda: True)
    assert model.resolve_precision("auto") == "bfloat16"
    assert model.resolve_precision("float32") == "float32"


def test_bfloat16_rates_like_float32(reader: Reader) -> None:
    """bfloat16 products move ratings by hundredths at most and pick the same answer; they do run in bfloat16."""
    fast, exact = Reader(precision="bfloat16"), Reader(precision="float32")
    fast._model = exact._model = reader.model  # the same weights: only the arithmetic differs
    moved = []
    for question, answer, distractors in CASES:
        a, b = fast.score(question, [answer, *distractors]), exact.score(question, [answer, *distractors])
        assert a.argmax() == b.argmax() == 0
        assert a == pytest.approx(b, abs=0.03)
        moved.append(float(np.abs(a - b).max()))
    assert max(moved) > 0  # identical to the last bit would mean the setting did nothing


def test_reader_precision_setting_reaches_the_reader(settings, embedder) -> None:
    """CREATOR_DESK_READER_PRECISION is what the assistant's reader runs at."""
    from assistant.service import build_assistant

    for precision in ("float32", "bfloat16"):
        assistant = build_assistant(settings.model_copy(update={"reader_precision": precision}), embedder=embedder)
        assert assistant.reader.precision == precision


@pytest.mark.slow
def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    """Training is reproducible to the byte, the file's header included, so a retrained file can be compared."""
    from reader.pairs import Pair
    from reader.train import train

    pairs = [Pair("how long to post?", "You have 30 days to post the video.", 1.0, "q1"),
             Pair("how long to post?", "Minimum is ten dollars.", 0.0, "q1"),
             Pair("can i withdraw?", "Minimum is ten dollars.", 1.0, "q2"),
             Pair("can i withdraw?", "Samples ship in three days.", 0.0, "q2")]
    first, second = (train(pairs, epochs=1, batch_size=2, out=tmp_path / f"{n}.safetensors", log=lambda _: None)
                     for n in ("a", "b"))
    assert first.read_bytes() == second.read_bytes()
    assert first.stat().st_size > 1_000_000  # the trained layers were written, not an empty file
