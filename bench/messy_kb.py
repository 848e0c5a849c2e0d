"""Messy knowledge base, one shot: hostile and broken files beside good ones, ingested once by the CLI.

    python bench/messy_kb.py [--table-mb 5] [--keep]

Writes a temporary knowledge base (good Markdown, HTML, DOCX, PDF and text; a heading longer than the
model's window; YAML alias bombs in front matter and in a sidecar; over-large and over-deep front matter;
links to files outside the folder, sidecar included; a file name that is not UTF-8; a DOCX hyperlink;
a large Markdown table), runs `python -m ingest --json` on it once, and prints the time, the peak memory
and every file the run reported with its reason. Exits 1 when a bad file went unreported, a good file
was not ingested, or text from outside the folder reached the index. Never asserts on time.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as `python bench/messy_kb.py`: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT

SECRET = "OUTSIDE-SECRET-7f3a"
LONG_HEADING = " ".join(f"requirement{i} for creators in every market" for i in range(30))
GOOD = {"policies/payouts.md", "policies/withdrawals.html", "policies/appeals.docx", "policies/tax.pdf",
        "processes/crm.txt", "policies/long-heading.md", "policies/long-heading.html", "policies/catalogue.md"}
FAILED = {"policies/alias-bomb.md": "alias", "processes/notes.txt": "alias", "policies/deep.md": "nested",
          "policies/huge-front-matter.md": "limit", "policies/caf\\xe9.md": "UTF-8"}
SKIPPED = {"policies/environ.txt": "outside", "policies/passwd.md": "outside", "policies/rules.txt": "outside"}
FLAGGED = {"policies/long-heading.md": "truncated", "policies/long-heading.html": "truncated"}


def alias_bomb(levels: int = 8, width: int = 9) -> str:
    """Billion laughs in YAML: each level lists the one before it `width` times."""
    lines = ["a0: &a0 [lol]"] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, levels + 1)]
    return "\n".join(lines + [f"owner: *a{levels}"]) + "\n"


def md(path: Path, body: str, front: str = "title: Doc\n") -> None:
    """A Markdown file with front matter."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


def docx_with_link(path: Path) -> None:
    """A DOCX whose sentence runs through a hyperlink."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading("Appeals", level=1)
    paragraph = document.add_paragraph("Submit the appeal form at ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to("https://seller-us.tiktok.com", RELATIONSHIP_TYPE.HYPERLINK, True))
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "Seller Center within 30 days"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    paragraph.add_run(" of the violation.")
    document.save(str(path))


def table(megabytes: float) -> str:
    """A Markdown price table of about this many megabytes."""
    rows, size, i = ["| SKU | Product | Price | Market | Commission |", "|---|---|---|---|---|"], 0, 0
    while size < megabytes * 1_048_576:
        rows.append(f"| SKU-{i:07d} | Glow serum {i % 97} ml | {i % 500}.{i % 100:02d} | "
                    f"{('US', 'UK', 'MY', 'SG')[i % 4]} | {i % 30} % |")
        size, i = size + len(rows[-1]) + 1, i + 1
    return "# Catalogue\n\n" + "\n".join(rows)


def write_kb(root: Path, outside: Path, table_mb: float) -> None:
    """Good documents and every kind of bad one, side by side."""
    from fpdf import FPDF

    pol, proc = root / "policies", root / "processes"
    md(pol / "payouts.md", "# Payouts\n\nPayPal withdrawals cost 0.9 percent.", "title: Payouts\nowner: Payouts Desk\n")
    (pol / "withdrawals.html").write_text("<html><body><h1>Withdrawals</h1><p>Bank transfers take 3 days.</p>"
                                          "</body></html>", encoding="utf-8")
    docx_with_link(pol / "appeals.docx")
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "US persons file Form W-9; others file the W-8BEN.")
    pdf.output(str(pol / "tax.pdf"))
    proc.mkdir(parents=True, exist_ok=True)
    (proc / "crm.txt").write_text("Tag every conversation with a topic.", encoding="utf-8")
    (proc / "crm.txt.meta.yaml").write_text("title: CRM logging\nowner: Support\n", encoding="utf-8")
    md(pol / "long-heading.md", f"# Samples\n\n## {LONG_HEADING}\n\nSamples ship in 5 days.")
    (pol / "long-heading.html").write_text(f"<h1>Live</h1><h2>{LONG_HEADING} {LONG_HEADING}</h2><p>Go live.</p>",
                                           encoding="utf-8")
    md(pol / "alias-bomb.md", "# Bomb\n\nText.", "title: Bomb\n" + alias_bomb())
    (proc / "notes.txt").write_text("Escalate missing commissions.", encoding="utf-8")
    (proc / "notes.txt.meta.yaml").write_text(alias_bomb(7), encoding="utf-8")
    md(pol / "deep.md", "# Deep\n\nText.", "owner: " + "[" * 60 + "]" * 60 + "\n")
    md(pol / "huge-front-matter.md", "# Huge\n\nText.", "owner: " + "x" * 40_000 + "\n")
    (outside / "secret.env").write_text(f"CREATOR_DESK_LLM_API_KEY={SECRET}\n[", encoding="utf-8")
    (pol / "environ.txt").symlink_to(outside / "secret.env")
    (pol / "passwd.md").symlink_to("/etc/passwd")
    (pol / "rules.txt").write_text("Samples ship in 5 days.", encoding="utf-8")
    (pol / "rules.txt.meta.yaml").symlink_to(outside / "secret.env")
    with open(os.fsencode(pol) + b"/caf\xe9.md", "wb") as handle:
        handle.write(b"# Cafe\n\nCoffee creators post daily.")
    md(pol / "catalogue.md", table(table_mb), "title: Catalogue\n")


def run_ingest(kb: Path, store: Path) -> tuple[dict, int, float, float]:
    """The CLI once: its JSON report, exit code, seconds and the peak RSS of its largest process (MiB)."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "CREATOR_DESK_PARSE_TIMEOUT": "120"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "ingest", "--source", str(kb), "--store", str(store), "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux: KiB; ingest or its parser
    if not done.stdout.strip():
        sys.exit(f"ingest printed no report (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return json.loads(done.stdout), done.returncode, seconds, peak


def check(report: dict, store: Path) -> list[str]:
    """What the run got wrong, in words; empty when every expectation holds."""
    from settings import load_settings
    from vectorstore.client import make_client

    problems = [f"good file not ingested: {p}" for p in sorted(GOOD - set(report["added"]))]
    failed = {f["path"]: f["error"] for f in report["failed"]}
    skipped = {s["path"]: s["reason"] for s in report["skipped"]}
    flagged = {f["path"]: " ".join(f["flags"]) for f in report["flagged"]}
    for expected, seen in ((FAILED, failed), (SKIPPED, skipped), (FLAGGED, flagged)):
        problems += [f"{p}: expected '{w}', got {seen.get(p)!r}" for p, w in expected.items() if w not in seen.get(p, "")]
    collection = make_client(load_settings(), store).get_collection(load_settings().collection)
    got = collection.get(include=["documents", "metadatas"])
    blob = json.dumps([got["documents"], got["metadatas"]]) + json.dumps(report)
    problems += [f"outside text reached the index or report: {leak}" for leak in (SECRET, "root:x:0") if leak in blob]
    if not any("Seller Center within 30 days" in d for d in got["documents"]):
        problems.append("the DOCX hyperlink text is missing")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Build, ingest once, report."""
    parser = argparse.ArgumentParser(prog="bench/messy_kb.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--table-mb", type=float, default=5.0, help="size of the large Markdown table (default 5)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="messy-kb-"))
    try:
        (work / "kb").mkdir()
        write_kb(work / "kb", work, args.table_mb)
        report, code, seconds, peak = run_ingest(work / "kb", work / "store")
        print(f"ingest exit {code}: {seconds:.1f} s, peak RSS {peak:.0f} MiB (largest process: ingest or its parser); "
              f"{report['chunks']} chunks from {len(report['added'])} files")
        for item in report["failed"]:
            print(f"  failed   {item['path']}: {item['error']}")
        for item in report["skipped"]:
            print(f"  skipped  {item['path']}: {item['reason']}")
        for item in report["flagged"]:
            print(f"  flagged  {item['path']}: {'; '.join(item['flags'])}")
        problems = check(report, work / "store")
        print("\n".join(f"PROBLEM: {p}" for p in problems) or "every bad file reported, every good file ingested")
        return 1 if problems else 0
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
