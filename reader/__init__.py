"""The reader: a small cross-encoder trained from the bundled embedder that judges whether a sentence
answers a question. It reranks passages, picks an offline draft's sentences and scores answerability."""
