"""Floor on retrieval quality over the sample knowledge base and the question set."""
from __future__ import annotations

from eval.data import load_questions
from eval.run import retrieval_metrics
from tests.conftest import ROOT


def test_hybrid_recall_floor(kb_assistant) -> None:
    questions = load_questions()
    assert len(questions) >= 80
    result = retrieval_metrics(kb_assistant.searcher, questions)
    hybrid = result["hybrid"]["recall@5"]
    best_single = max(result["dense"]["recall@5"], result["keyword"]["recall@5"])
    assert hybrid >= 0.90, result
    assert hybrid >= best_single - 0.01, result


DEV_SET = ROOT / "eval" / "dev_questions.jsonl"


def test_dev_set_is_well_formed_and_apart_from_the_main_set() -> None:
    """The dev set checks that rules tuned on 'tune' generalise before held-out is run."""
    root = ROOT / "knowledge_base"
    dev, main = load_questions(DEV_SET), load_questions()
    assert {q.split for q in dev} == {"dev"} and len(dev) >= 40
    assert {q.kind for q in dev} == {"answerable", "multi_doc", "unanswerable", "injection"}
    assert not {q.id for q in dev} & {q.id for q in main}
    assert not {q.question for q in dev} & {q.question for q in main}
    for q in dev:
        assert all((root / s).exists() for s in q.expected_sources), q.id
        assert (q.kind == "unanswerable") == (not q.key_facts), q.id


def test_question_set_is_well_formed() -> None:
    root = ROOT / "knowledge_base"
    questions = load_questions()
    kinds = {q.kind for q in questions}
    assert kinds == {"answerable", "multi_doc", "unanswerable", "injection"}
    assert len({q.id for q in questions}) == len(questions)
    for q in questions:
        assert all((root / s).exists() for s in q.expected_sources), q.id
        assert q.split in ("tune", "heldout") and len(q.key_facts) <= 3
        if q.kind == "multi_doc":
            assert len(q.expected_sources) >= 2, q.id
        if q.kind == "unanswerable":
            assert not q.expected_sources and not q.key_facts, q.id
    assert {q.kind for q in questions if q.split == "heldout"} == kinds


def test_kb2_is_a_second_knowledge_base_with_its_own_questions() -> None:
    """eval/kb2: at least 12 documents in several formats and 100 questions, split dev / heldout."""
    root = ROOT / "eval" / "kb2"
    docs = [p for p in (root / "docs").rglob("*") if p.is_file()]
    assert len(docs) >= 12 and {p.suffix for p in docs} >= {".md", ".pdf", ".html", ".docx"}
    questions = load_questions(root / "questions.jsonl")
    kinds = [q.kind for q in questions]
    assert len(questions) >= 100 and kinds.count("unanswerable") >= 25 and kinds.count("injection") >= 10
    assert {q.split for q in questions} == {"dev", "heldout"}
    for q in questions:
        assert all((root / "docs" / s).exists() for s in q.expected_sources), q.id
        assert (q.kind == "unanswerable") == (not q.key_facts), q.id
