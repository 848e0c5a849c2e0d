"""Domain errors of the assistant, shown once as a plain message by the CLI or the UI."""


class AssistantError(Exception):
    """Something the rep can act on; the message is safe to show (no keys, no prompt)."""


class EmptyMessageError(AssistantError):
    """The pasted message holds nothing to answer."""


class LLMError(AssistantError):
    """The LLM provider failed; the message says how, without secrets."""
