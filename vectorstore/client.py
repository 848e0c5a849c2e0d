"""One place picks the Chroma backend: an embedded folder or a server over HTTP."""
from __future__ import annotations

from pathlib import Path

from settings import Settings
from vectorstore.errors import StoreUnavailableError


def chroma_settings() -> object:
    """Chroma client settings with telemetry off."""
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def make_client(settings: Settings, store_dir: Path | None = None) -> object:
    """Open a Chroma client for the configured mode."""
    import chromadb

    match settings.chroma_mode:
        case "embedded":
            folder = Path(store_dir or settings.store_dir)
            folder.mkdir(parents=True, exist_ok=True)
            return chromadb.PersistentClient(path=str(folder), settings=chroma_settings())
        case "server":
            headers = {}
            if settings.chroma_token is not None:
                headers["Authorization"] = f"Bearer {settings.chroma_token.get_secret_value()}"
            try:
                return chromadb.HttpClient(
                    host=settings.chroma_host, port=settings.chroma_port, ssl=settings.chroma_ssl,
                    headers=headers, settings=chroma_settings(),
                )
            except Exception as err:  # chromadb raises bare ValueError/ConnectError here
                where = f"{settings.chroma_host}:{settings.chroma_port}"
                raise StoreUnavailableError(
                    f"Knowledge base unavailable: no Chroma server answered at {where} ({err.__class__.__name__})."
                ) from err
        case other:
            raise ValueError(f"Unknown chroma_mode '{other}'")


def forget_cached_clients() -> None:
    """Drop Chroma's per-folder client cache so a reopen sees another process's writes."""
    from chromadb.api.shared_system_client import SharedSystemClient

    SharedSystemClient.clear_system_cache()
