"""Creator handles in the activity log: one form per creator, and a keyed hash for handles that are
personal data (an e-mail address or a phone number), so a deletion request finds exactly their rows."""
from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import threading
from pathlib import Path

from assistant.pii import redact

HASH_MARK = "#"  # TikTok handles cannot contain '#', so a stored hash never collides with a handle
PLACEHOLDER_MARK = "["  # rows logged before hashing hold a shared token such as [EMAIL_1]


def normalise_handle(handle: str) -> str:
    """A handle without spaces or leading '@', casefolded: '@GlowWithMaya ' and 'glowwithmaya' are one."""
    return "".join(handle.split()).lstrip("@").casefold()


def handle_id(handle: str, key: bytes) -> str:
    """What the log stores for a handle: '@name', or '#' and an HMAC when the handle is personal data."""
    name = normalise_handle(handle)
    if not name:
        return ""
    if redact(name, "").mapping:
        return HASH_MARK + hmac.new(key, name.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
    return "@" + name


def same_creator(stored: str, target: str, key: bytes) -> bool:
    """Whether a stored handle (including one logged before normalising) belongs to the target id."""
    if stored == target:
        return True
    return not stored.startswith((HASH_MARK, PLACEHOLDER_MARK)) and handle_id(stored, key) == target


def key_path(db_path: Path) -> Path:
    """Where the generated key lives: beside the activity log (under .store/, which git ignores)."""
    return db_path.with_name(db_path.name + ".key")


def load_key(db_path: Path, configured: str | None = None) -> bytes:
    """The configured key, or the one generated beside the log on first use (owner-readable only)."""
    if configured:
        return configured.encode("utf-8")
    path = key_path(db_path)
    if not path.exists():
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secrets.token_hex(32))
        try:
            os.link(tmp, path)  # atomic, and never replaces a key another process wrote first
        except FileExistsError:
            pass
        finally:
            tmp.unlink()
    return path.read_text(encoding="utf-8").strip().encode("utf-8")
