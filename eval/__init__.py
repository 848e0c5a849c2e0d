"""python -m eval: retrieval and answer metrics over eval/questions.jsonl."""
