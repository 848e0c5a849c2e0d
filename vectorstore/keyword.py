"""BM25 keyword search over the chunk collection with bm25s and a Snowball stemmer."""
from __future__ import annotations

import re
from typing import Any

import numpy as np

from vectorstore.filters import Filters
from vectorstore.store import Hit


def token_key(chunk_id: str, meta: dict[str, Any]) -> tuple:
    """What a chunk's tokens depend on: its id (source, version, index) and the text keyword_text joins."""
    return chunk_id, meta.get("text_hash"), meta.get("title"), meta.get("section")


def keyword_text(text: str, meta: dict[str, Any]) -> str:
    """What BM25 indexes: title and section carry exact terms too."""
    return f"{meta.get('title', '')} {meta.get('section', '')}\n{text}"


class KeywordIndex:
    """An in-memory BM25 index built from every chunk in the store."""

    def __init__(self, rows: list[tuple[str, str, dict[str, Any]]], previous: KeywordIndex | None = None):
        """previous: the index this one replaces; its chunks' token ids are reused, so a refresh after
        a one-document ingest tokenises that document only."""
        import bm25s
        import Stemmer
        from bm25s.tokenization import Tokenized, Tokenizer

        self._bm25s = bm25s
        self.stemmer = previous.stemmer if previous else Stemmer.Stemmer("english")
        # One tokenizer across generations: its vocabulary only grows, so reused token ids stay valid.
        self._tokenizer = previous._tokenizer if previous else Tokenizer(stopwords="en", stemmer=self.stemmer)
        self.ids = [r[0] for r in rows]
        self.texts = [r[1] for r in rows]
        self.metas = [r[2] for r in rows]
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self._masks: dict[Filters, np.ndarray] = {}  # a filter's mask is built once per index
        self._counts: dict[str, int] = {}
        self._by_place: dict[tuple[Any, Any, Any], int] | None = None
        self._token_ids = self._tokenise(rows, previous._token_ids if previous else {})
        self.retriever = bm25s.BM25()
        if rows:
            corpus = [self._token_ids[token_key(cid, meta)] for cid, _, meta in rows]
            # a copy: the shared tokenizer's vocabulary grows at the next refresh, while searches may still
            # run on this index (bm25s keeps the dict it is given and rejects ids past its matrix)
            vocab = dict(self._tokenizer.get_vocab_dict())
            self.retriever.index(Tokenized(ids=corpus, vocab=vocab), show_progress=False)

    def _tokenise(self, rows: list[tuple[str, str, dict[str, Any]]], known: dict[tuple, np.ndarray]) -> dict[tuple, np.ndarray]:
        """Token ids per chunk: reused when the chunk is unchanged, computed for the rest."""
        keys = [token_key(cid, meta) for cid, _, meta in rows]
        missing = [i for i, key in enumerate(keys) if key not in known]
        fresh = self._tokenizer.tokenize([keyword_text(rows[i][1], rows[i][2]) for i in missing], update_vocab=True,
                                         return_as="ids", show_progress=False) if missing else []
        found = {key: known[key] for key in keys if key in known}
        found.update({keys[i]: np.asarray(ids, dtype=np.int32) for i, ids in zip(missing, fresh)})
        return found

    def __len__(self) -> int:
        return len(self.ids)

    def knows(self, word: str) -> bool:
        """Whether a word (after stemming) occurs anywhere in the indexed chunks."""
        vocab = getattr(self.retriever, "vocab_dict", None) or {}
        j = vocab.get(self.stemmer.stemWord(word.lower()))
        if j is None:
            return False
        indptr = self.retriever.scores.get("indptr") if isinstance(self.retriever.scores, dict) else None
        # the vocabulary outlives removed documents: a word counts only while some chunk has it
        return indptr is None or int(indptr[j + 1] - indptr[j]) > 0

    def count_matching(self, pattern: str) -> int:
        """How many current chunks match a regular expression (case-insensitive); cached per index."""
        if pattern not in self._counts:
            regex = re.compile(pattern, re.I)
            self._counts[pattern] = sum(1 for text, meta in zip(self.texts, self.metas)
                                        if meta.get("current", True) and regex.search(text))
        return self._counts[pattern]

    def mask(self, filters: Filters) -> np.ndarray:
        """1.0 for chunks the filter allows, 0.0 for the rest."""
        if filters not in self._masks:
            self._masks[filters] = np.array([1.0 if filters.matches(m, t) else 0.0 for m, t in zip(self.metas, self.texts)],
                                            dtype=np.float32)
        return self._masks[filters]

    def neighbours(self, chunk_id: str, filters: Filters) -> list[Hit]:
        """The chunks just before and after one chunk in its document, when the filter allows them."""
        i = self.position.get(chunk_id)
        if i is None:
            return []
        if self._by_place is None:  # built on first use: most indexes never need it
            self._by_place = {(m.get("doc_id"), m.get("version"), m.get("chunk_index")): j for j, m in enumerate(self.metas)}
        meta, allowed, out = self.metas[i], self.mask(filters), []
        if not isinstance(meta.get("chunk_index"), int):  # a chunk from an older or foreign writer
            return []
        for step in (-1, 1):
            j = self._by_place.get((meta.get("doc_id"), meta.get("version"), meta["chunk_index"] + step))
            if j is not None and allowed[j]:
                out.append(Hit(self.ids[j], self.texts[j], self.metas[j], 0.0))
        return out

    def search(self, query: str, k: int, filters: Filters) -> list[Hit]:
        """Top-k chunks by BM25 score; chunks with no query term are left out."""
        if not self.ids:
            return []
        tokens = self._bm25s.tokenize([query], stopwords="en", stemmer=self.stemmer,
                                      show_progress=False, return_ids=False)
        if not tokens or not tokens[0]:
            return []
        scores = self.retriever.get_scores(tokens[0])
        scores = scores * self.mask(filters)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [Hit(self.ids[i], self.texts[i], self.metas[i], float(scores[i])) for i in top if scores[i] > 0]
