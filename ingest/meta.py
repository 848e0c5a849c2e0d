"""Document metadata: YAML front matter, sidecar files, and the fields every chunk carries."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from ingest.documents import LoadError

SIDECAR_SUFFIX = ".meta.yaml"
FOLDER_TYPES = {"policies": "policy", "processes": "process"}
KEPT_FIELDS = ("title", "doc_id", "doc_type", "owner", "reviewed", "effective", "audience",
               "region", "status", "topic", "superseded_by", "source_urls")


def split_front_matter(text: str, source: str) -> tuple[dict[str, Any], str]:
    """Split `---` YAML front matter from a Markdown body."""
    if not text.startswith("---"):
        return {}, text
    end = text.find("\n---", 3)
    if end == -1:
        raise LoadError(f"front matter in {source} has no closing '---' line")
    meta = parse_yaml(text[3:end], source)
    body_start = text.find("\n", end + 4)
    return meta, text[body_start + 1:] if body_start != -1 else ""


def parse_yaml(text: str, source: str) -> dict[str, Any]:
    """Parse a YAML mapping, with an error that names the file."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        raise LoadError(f"invalid YAML metadata in {source}: {err}") from err
    if not isinstance(data, dict):
        raise LoadError(f"metadata in {source} is not a mapping of field: value")
    return data


def sidecar_path(path: Path) -> Path:
    """Where a PDF, DOCX, HTML or text file keeps its metadata."""
    return path.with_name(path.name + SIDECAR_SUFFIX)


def read_sidecar(path: Path, source: str) -> dict[str, Any]:
    """Metadata from the sidecar file, or an empty mapping when there is none."""
    side = sidecar_path(path)
    if not side.exists():
        return {}
    return parse_yaml(side.read_text(encoding="utf-8"), source + SIDECAR_SUFFIX)


def normalise(meta: dict[str, Any], source: str) -> dict[str, Any]:
    """Keep the known fields, fill doc_type from the folder, and derive `current`."""
    out = {k: meta[k] for k in KEPT_FIELDS if meta.get(k) not in (None, "")}
    for key in ("reviewed", "effective"):
        if isinstance(out.get(key), (dt.date, dt.datetime)):
            out[key] = out[key].isoformat()[:10]
    top = Path(source).parts[0] if Path(source).parts else ""
    out.setdefault("doc_type", FOLDER_TYPES.get(top, "policy"))
    out.setdefault("audience", "internal" if out["doc_type"] == "process" else "creator-safe")
    out.setdefault("region", "global")
    out.setdefault("status", "current")
    out.setdefault("doc_id", Path(source).with_suffix("").as_posix())
    out["current"] = str(out["status"]).lower() != "superseded"
    return out
