"""One typed settings object for Creator Desk, read from CREATOR_DESK_* variables and `.env`."""
from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Literal

from dotenv import dotenv_values
from pydantic import Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent
ENV_PREFIX = "CREATOR_DESK_"
ENV_FILE = ".env"
# CREATOR_DESK_ variables that are switches of a tool, not settings: allowed beside the settings so that a typo
# still stops start-up. CREATOR_DESK_SCREENSHOTS tells the browser test where `make screenshots` writes.
NON_SETTING_VARIABLES = frozenset({"CREATOR_DESK_SCREENSHOTS"})


class SettingsError(Exception):
    """A setting has an invalid value; the message names the variable."""


class Settings(BaseSettings):
    """Every knob of Creator Desk. Each field has a default and a one-line description."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_file=ENV_FILE, env_file_encoding="utf-8", extra="ignore"
    )

    # Knowledge base and store
    kb_dir: Path = Field(ROOT / "knowledge_base", description="Folder of documents to ingest.")
    store_dir: Path = Field(ROOT / ".store" / "chroma", description="Embedded Chroma folder (embedded mode).")
    chroma_mode: Literal["embedded", "server"] = Field("embedded", description="Embedded PersistentClient, or a Chroma server over HTTP.")
    chroma_host: str = Field("127.0.0.1", description="Chroma server host (server mode).")
    chroma_port: int = Field(8000, ge=1, le=65535, description="Chroma server port (server mode).")
    chroma_ssl: bool = Field(False, description="Use HTTPS to reach the Chroma server.")
    chroma_token: SecretStr | None = Field(None, description="Bearer token sent to the Chroma server or its proxy.")
    collection: str = Field("creator_desk", min_length=3, description="Chroma collection name.")

    # Embedding and chunking
    embedding_model: str = Field("all-MiniLM-L6-v2", description="Sentence-transformers model: the bundled all-MiniLM-L6-v2, or a local path or name.")
    # 8, not 64: on two CPU cores the model ran 1.4 times faster in batches of 8 (bench/RESULTS.md)
    embed_batch_size: int = Field(8, ge=1, le=1024, description="Chunks embedded per model call.")
    chunk_tokens: int = Field(160, ge=32, le=512, description="Target chunk size in model tokens (capped at the model window).")
    ignore_files: list[str] = Field(["README.md"], description="File names under the knowledge base that are not ingested.")

    # Retrieval and drafting
    search_k: int = Field(6, ge=1, le=50, description="Passages retrieved per question.")
    reader_passages: int = Field(8, ge=1, le=100, description="Passages per question, in search order, whose sentences the reader rates (its time grows with them).")
    region: str = Field("", description="Default creator region for retrieval filters; empty means all regions.")
    min_support: float = Field(0.45, ge=0.0, le=1.0, description="Lowest support score at which a cited sentence counts as backed by its passage.")
    reader_threshold: float = Field(0.12, ge=0.0, le=1.0, description="Escalate a question whose answerability (its best two reader ratings, less their pull on any question) is below this.")
    reader_check_below: float = Field(0.3, ge=0.0, le=1.0, description="Tell the rep to check an answered draft whose answerability is below this.")
    reader_weights: Path | None = Field(None, description="A reader delta to use instead of the shipped one, such as `python -m reader train --out FILE` writes.")
    reader_precision: Literal["auto", "float32", "bfloat16"] = Field("auto", description="Reader arithmetic: auto is bfloat16 where the CPU has it in hardware (AVX512-BF16, AMX), else float32.")
    escalate_below: float = Field(0.2, ge=0.0, le=1.0, description="Escalate a question no retrieved passage is this similar to (embedding cosine), before the reader reads it.")
    default_team: str = Field("Creator Support", description=(
        "Team named on escalations the escalation matrix does not cover (it routes only the questions left unanswered)."))
    max_message_chars: int = Field(6000, ge=200, le=200_000, description="Pasted messages longer than this are truncated, with a notice.")

    # LLM (optional)
    llm_provider: Literal["none", "openai", "anthropic", "ollama", "openai_compatible", "fake"] = Field("none", description="Which LLM drafts replies; none uses the offline drafter.")
    llm_model: str = Field("", description="Model name for the LLM provider.")
    llm_base_url: str = Field("", description="Base URL for an OpenAI-compatible server or Ollama.")
    llm_api_key: SecretStr | None = Field(None, description="API key for the hosted LLM.")
    llm_timeout: float = Field(30.0, gt=0, le=600, description="Seconds before an LLM call times out.")
    llm_max_retries: int = Field(1, ge=0, le=5, description="Retries on 429 and 5xx answers from the LLM.")
    redact_pii: bool = Field(True, description="Redact personal data before a hosted LLM sees it.")

    # The agency's domain knowledge
    domain_file: Path = Field(ROOT / "domain.yaml", description=(
        "YAML file of the agency's name and sign-off, the markets it serves (with aliases and groupings) and "
        "the topics it does not cover; another agency edits a copy of it."))

    # App and activity log
    activity_db: Path = Field(ROOT / ".store" / "activity.sqlite3", description="SQLite file of the activity log.")
    activity_key: SecretStr | None = Field(None, description=(
        "Key of the hash standing in for e-mail or phone handles in the activity log. Unset: a random key kept "
        "beside the log as `<activity_db>.key`; back it up with the log, or `forget` cannot find those rows."))
    stale_after_days: int = Field(180, ge=1, description="A document reviewed longer ago than this is flagged stale.")
    owner_passphrase: SecretStr | None = Field(None, description="Passphrase for the knowledge-owner role when no OIDC login is configured.")

    # Untrusted parsing
    parse_timeout: float = Field(60.0, gt=0, le=3600, description="Seconds a single file may take to parse.")
    parse_memory_mb: int = Field(1024, ge=64, description="Memory limit of the parsing child process, in MiB.")
    max_file_mb: float = Field(50.0, gt=0, description="Files larger than this are refused.")
    max_pages: int = Field(2000, ge=1, description="PDFs with more pages than this are refused.")


def describe_error(err: ValidationError) -> str:
    """Turn a pydantic error into one line per bad setting, naming its variable."""
    lines = []
    for item in err.errors():
        name = ENV_PREFIX + str(item["loc"][0]).upper() if item["loc"] else ENV_PREFIX
        lines.append(f"Invalid setting {name}: {item['msg']}")
    return "\n".join(lines)


def setting_names() -> list[str]:
    """Every valid variable name, e.g. CREATOR_DESK_CHROMA_MODE."""
    return [ENV_PREFIX + name.upper() for name in Settings.model_fields]


def unknown_variables(names: list[str]) -> list[str]:
    """One line per CREATOR_DESK_ name that is no setting, with the nearest valid name when there is one."""
    valid = setting_names()
    lines = []
    for name in sorted({n.upper() for n in names if n.upper().startswith(ENV_PREFIX)}):
        if name in valid or name in NON_SETTING_VARIABLES:
            continue
        # Compared without the shared prefix, which would otherwise make every name look close.
        close = difflib.get_close_matches(name[len(ENV_PREFIX):], [v[len(ENV_PREFIX):] for v in valid], n=1)
        hint = f"; did you mean {ENV_PREFIX}{close[0]}?" if close else "; the settings are listed in README.md"
        lines.append(f"Unknown setting {name}{hint}")
    return lines


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment and `.env`; raise SettingsError on a bad value or an unknown name."""
    # Names are checked by hand because pydantic-settings never sees an unknown environment variable, so a typo
    # such as CREATOR_DESK_CHROMA_MOD=server would otherwise run silently with the default.
    names = list(os.environ)
    if Path(ENV_FILE).is_file():
        names += [key for key in dotenv_values(ENV_FILE) if key]
    problems = unknown_variables(names)
    try:
        settings = Settings(**overrides)
    except ValidationError as err:
        problems.append(describe_error(err))
        raise SettingsError("\n".join(problems)) from err
    if problems:
        raise SettingsError("\n".join(problems))
    return settings
