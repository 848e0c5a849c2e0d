"""Domain errors of the vector store, turned into plain messages at the CLI or the UI."""


class StoreError(Exception):
    """The store cannot be used as asked; the message says why and what to do."""


class EmbeddingMismatchError(StoreError):
    """The collection was built with another embedding model or dimension."""


class StoreUnavailableError(StoreError):
    """The Chroma server cannot be reached, or the embedded folder cannot be opened."""


class StoreLockedError(StoreError):
    """Another process holds the writer lock on an embedded store."""
