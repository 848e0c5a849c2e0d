"""Retrieval: the whole message and each question vote together; a forwarded question leads the search."""
from __future__ import annotations


def test_a_rep_asking_for_the_canned_reply_to_a_forwarded_message_gets_it(kb_assistant) -> None:
    """The forwarded creator's question leads the search: on its own, "is there a canned reply for this one?"
    matches the new-hire checklist better than any canned reply."""
    draft = kb_assistant.ask('rep here, is there a canned reply for this one? creator wrote: "my commission has been '
                             'frozen for a week and i have zero violations, what do i do??"')
    assert draft.status == "answered" and draft.citations
    sources = [c.source for c in draft.citations]
    assert "processes/canned-replies.md" in sources, sources
    assert "processes/new-hire-onboarding-checklist.md" not in sources, sources


def test_hits_both_searches_rank_high_come_before_the_questions_weaker_hits() -> None:
    """The whole message ('Indonesian creator here') and the split-off question vote together."""
    from assistant.retrieval import merge
    from vectorstore.store import Hit

    question = [Hit(i, i, {}, 0.5) for i in ("q1", "q2", "q3", "both")]
    whole = [Hit(i, i, {}, 0.5) for i in ("both", "w2")]
    assert [h.id for h in merge(question, whole, 5)] == ["both", "q1", "q2", "w2", "q3"]
    assert [h.id for h in merge(question, [], 3)] == ["q1", "q2", "q3"]


def test_a_reply_reads_every_well_ranked_section_of_one_long_document(embedder, reader, tmp_path) -> None:
    """A search list shows two chunks per document; a reply's passages are not capped per document, so an
    FAQ's fifth answer reaches the reader when its sections rank first."""
    from assistant.intake import parse
    from tests.files import assistant_over, write_md

    sections = "\n\n".join(f"## {n}. Free samples: question {n}\n\nFree sample rule {n}: a sample request "
                           f"for product line {n} is reviewed by the seller within {n + 2} days." for n in range(1, 8))
    write_md(tmp_path / "kb" / "faq.md", sections, title="Free samples FAQ")
    for n, topic in enumerate(["Payouts are sent every Tuesday.", "Commission is shown in the Affiliate Center.",
                               "LIVE sessions must last ten minutes.", "Violations lower the health rating."]):
        write_md(tmp_path / "kb" / f"other{n}.md", f"# Topic {n}\n\n{topic}", title=f"Topic {n}")
    assistant = assistant_over(tmp_path, embedder, reader)
    got, _ = assistant.retrieve(parse("how long does the seller take to review a free sample request?", 6000, ""))
    ranked = [p for p in got.passages if p.source == "faq.md" and p.similarity > 0]  # neighbours carry 0
    assert len(ranked) > 3, [p.section for p in got.passages]
    listed = assistant.searcher.search("how long does the seller take to review a free sample request?", 6)
    assert sum(h.source == "faq.md" for h in listed) < len(ranked)  # a search list stays capped


def test_a_list_of_links_is_not_offered_as_a_section_sharing_the_messages_words(kb_assistant) -> None:
    """The words in web addresses match a message in another language ("affiliate"); the rep is pointed at
    sections whose text shares them, not at lists of sources."""
    from assistant.passage_text import last_heading
    from assistant.retrieval import mostly_links, word_matches
    from assistant.types import to_passage
    from vectorstore.filters import Filters

    message = "chị ơi, em muốn hỏi về hoa hồng affiliate, bao lâu thì được thanh toán ạ?"
    hits = kb_assistant.searcher.search(message, 9, Filters(region="VN"), mode="keyword")
    label = {h.id: " › ".join(dict.fromkeys(x for x in (p.title, last_heading(p)) if x)) for h, p in
             zip(hits, map(to_passage, hits))}
    links = {label[h.id] for h in hits if mostly_links(h.text)} - {label[h.id] for h in hits if not mostly_links(h.text)}
    assert links  # the keyword index does rank lists of links for it
    matched = word_matches(kb_assistant.searcher, message, "VN")
    assert matched and not set(matched) & links


def test_mostly_links() -> None:
    """A list of sources is mostly addresses; a sentence that cites one is not."""
    from assistant.retrieval import mostly_links

    assert mostly_links("- Herm, UK guide: https://www.herm.io/shopping-tips/how-to-become-a-tiktok-shop-affiliate")
    assert not mostly_links("Commission is paid after the order settles (see https://example.com/a).")


def test_a_list_of_links_never_takes_a_passages_place(kb_assistant) -> None:
    """The sample knowledge base ends many documents with a list of sources; the words in their addresses match
    questions, yet they answer nothing. Search for drafting skips them and still returns its full count."""
    from assistant.intake import parse
    from assistant.retrieval import mostly_links, search_questions
    from vectorstore.filters import Filters

    message = "how is tiktok shop affiliate commission calculated and when is it paid?"
    k = kb_assistant.settings.search_k
    raw = kb_assistant.searcher.search(message, 2 * k, Filters(), per_source=k)
    assert any(mostly_links(h.text) for h in raw)  # plain search ranks them for it
    found = search_questions(kb_assistant.searcher, parse(message, 4000, "", ""), k)
    assert found and all(hits and not any(mostly_links(h.text) for h in hits) for hits in found)
