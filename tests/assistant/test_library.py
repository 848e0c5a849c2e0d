"""The document list the Library and Learn pages read, from the index in memory."""
from __future__ import annotations


def test_document_list_from_the_index_in_memory_matches_the_collection(kb_assistant) -> None:
    """The Library and Learn pages list documents without re-reading every chunk from Chroma."""
    from assistant.library import list_documents

    docs = kb_assistant.documents()
    assert len(docs) >= 30 and all(d.chunks > 0 for d in docs)
    assert docs == list_documents(kb_assistant.searcher.store)
