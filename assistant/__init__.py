"""python -m assistant: intake, retrieval, drafting, citation checks and escalation; LLM providers; activity log."""
