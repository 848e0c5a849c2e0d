"""python -m ingest: load documents, chunk them, and keep Chroma in step with knowledge_base/."""
