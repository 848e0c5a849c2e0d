"""Build the PDF and DOCX policy documents of the sample knowledge base.

Every Markdown file in ``kb_sources/`` carries the usual knowledge-base front
matter plus one extra field, ``format: pdf`` or ``format: docx``. This script
renders each source to ``knowledge_base/policies/<name>.pdf`` (fpdf2) or
``.docx`` (python-docx) and writes the metadata sidecar
``<name>.<ext>.meta.yaml`` next to it, with ``format`` removed.

Output is deterministic: timestamps inside the files are derived from the
``reviewed`` date, so re-running the script gives byte-identical files.

Run from the repository root:

    python scripts/build_kb.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))  # run as `python scripts/build_kb.py`: make the repository importable

from ingest.meta import sidecar_path  # noqa: E402
from scripts.kb_docx import build_docx  # noqa: E402
from scripts.kb_pdf import build_pdf  # noqa: E402
from scripts.kb_source import load_source  # noqa: E402

SOURCE_DIR = REPO_ROOT / "kb_sources"
OUTPUT_DIR = REPO_ROOT / "knowledge_base" / "policies"


class IndentedDumper(yaml.SafeDumper):
    """YAML dumper that indents list items under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Never emit indentless sequences."""
        return super().increase_indent(flow, False)


def sidecar_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Return the metadata to publish: everything except ``format``."""
    return {key: value for key, value in meta.items() if key != "format"}


def write_sidecar(output: Path, meta: dict[str, Any]) -> Path:
    """Write ``<output>.meta.yaml`` and return its path."""
    sidecar = sidecar_path(output)
    text = yaml.dump(sidecar_meta(meta), Dumper=IndentedDumper, sort_keys=False,
                     allow_unicode=True, default_flow_style=False, width=1000)
    sidecar.write_text(text, encoding="utf-8")
    return sidecar


def build_one(path: Path) -> str:
    """Build one source and return a one-line report."""
    source = load_source(path)
    output = OUTPUT_DIR / f"{path.stem}.{source.fmt}"
    if source.fmt == "pdf":
        detail = f"{build_pdf(source, output)} pages"
    else:
        detail = f"{build_docx(source, output)} paragraphs"
    sidecar = write_sidecar(output, source.meta)
    rel = output.relative_to(REPO_ROOT)
    return f"wrote {rel} ({detail}) + {sidecar.name}"


def main() -> int:
    """Build every source in kb_sources/ and print what was written."""
    sources = sorted(SOURCE_DIR.glob("*.md"))
    if not sources:
        print(f"no sources found in {SOURCE_DIR}", file=sys.stderr)
        return 1
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    for path in sources:
        print(build_one(path))
    print(f"built {len(sources)} document(s) from {SOURCE_DIR.relative_to(REPO_ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
