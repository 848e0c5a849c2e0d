"""A seeded policy-corpus generator: the same seed and index always give the same Markdown document."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.phrases import (ACTORS, AMOUNTS, BULLETS, DAYS, FEATURES, FOLLOWERS, GENERIC, OBLIGATIONS, OWNERS, PCTS,
                           PLACES, PRODUCTS, REASONS, REGION_WEIGHTS, REGIONS, SCORES, STEPS, SUBHEADINGS, TEAMS,
                           TOPICS)

if TYPE_CHECKING:
    from ingest.documents import LoadedDoc


@dataclass
class GenSection:
    """One heading of a generated document and its Markdown blocks."""

    level: int
    heading: str
    blocks: list[str] = field(default_factory=list)


@dataclass
class GeneratedDoc:
    """A generated policy or process document, before rendering."""

    source: str  # path below the knowledge base, e.g. policies/samples-0007.md
    topic: str
    meta: dict[str, Any]
    intro: str
    sections: list[GenSection]


class Filler:
    """Fills template slots from the phrase bank with a seeded generator."""

    def __init__(self, rng: random.Random, topic: str, region: str):
        self.rng, self.topic, self.region = rng, TOPICS[topic], region

    def term(self) -> str:
        """A topic term, sometimes one from another topic (real documents cross-reference)."""
        bank = self.topic if self.rng.random() < 0.85 else TOPICS[self.rng.choice(list(TOPICS))]
        return self.rng.choice(bank["terms"])

    def slots(self) -> dict[str, str]:
        """One random value for every slot a template may use."""
        r = self.rng
        term, term2, actors, product = self.term(), self.term(), r.choice(ACTORS), r.choice(PRODUCTS)
        day = r.choice(DAYS)
        date = dt.date(2024, 1, 1) + dt.timedelta(days=r.randrange(900))
        region = self.region if r.random() < 0.6 else r.choice(list(REGIONS))
        return {"term": term, "Term": term[:1].upper() + term[1:], "term2": term2, "actors": actors,
                "Actors": actors[:1].upper() + actors[1:], "product": product, "Product": product.capitalize(),
                "days": str(day), "days2": str(r.choice([d for d in DAYS if d != day])), "pct": r.choice(PCTS),
                "amount": r.choice(AMOUNTS), "hours": str(r.choice([2, 12, 24, 48, 72])), "n": str(r.randint(2, 50)),
                "score": r.choice(SCORES), "followers": r.choice(FOLLOWERS), "place": r.choice(PLACES),
                "team": r.choice(TEAMS), "feature": r.choice(FEATURES), "obligation": r.choice(OBLIGATIONS),
                "reason": r.choice(REASONS), "region": REGIONS[region], "clock": f"{r.randint(0, 23):02d}:00",
                "date": date.strftime(r.choice(["%m/%d/%Y", "%B %Y", "%d %B %Y"]))}

    def fill(self, template: str) -> str:
        """A template with its slots filled."""
        return template.format(**self.slots())

    def sentence(self, used: set[str]) -> str:
        """A topic fact (a third of the time) or a generic support sentence not yet in `used`."""
        pool = self.topic["facts"] if self.rng.random() < 0.35 else GENERIC
        template = self.rng.choice([t for t in pool if t not in used] or GENERIC)
        used.add(template)  # editors do not repeat a rule inside one paragraph
        return self.fill(template)

    def paragraph(self, low: int = 3, high: int = 5) -> str:
        """A few sentences, sometimes with a bold key term as editors write them."""
        used: set[str] = set()
        text = " ".join(self.sentence(used) for _ in range(self.rng.randint(low, high)))
        if self.rng.random() < 0.3:
            term = self.term()
            text = text.replace(term, f"**{term}**", 1)
        return text

    def bullets(self) -> str:
        """A bullet list of short rules."""
        return "\n".join("- " + self.fill(self.rng.choice(BULLETS)) for _ in range(self.rng.randint(3, 5)))

    def steps(self) -> str:
        """A numbered procedure."""
        picked = STEPS[: self.rng.randint(3, len(STEPS))]
        return "\n".join(f"{i}. {self.fill(s)}" for i, s in enumerate(picked, start=1))

    def table(self) -> str:
        """A Markdown table of limits by tier, as the real policies have (dense in tokens)."""
        r = self.rng
        head = f"| {self.term().capitalize()} tier | Limit | Applies in |\n|---|---|---|"
        rows = [f"| {r.choice(['Under', 'Over', 'From'])} {r.choice(AMOUNTS)} GMV | Up to {r.randint(1, 60)} "
                f"({r.choice(PCTS)}) | {r.choice(list(REGIONS))} |" for _ in range(r.randint(2, 4))]
        return "\n".join([head, *rows])

    def blocks(self) -> list[str]:
        """A section body: a paragraph, then maybe a list, steps or table, then maybe another paragraph."""
        out = [self.paragraph()]
        roll = self.rng.random()
        if roll < 0.4:
            out.append(self.bullets())
        elif roll < 0.55:
            out.append(self.steps())
        elif roll < 0.7:
            out.append(self.table())
        if self.rng.random() < 0.35:
            out.append(self.paragraph(2, 3))
        return out


def front_matter(rng: random.Random, index: int, topic: str, folder: str, region: str) -> dict[str, Any]:
    """Front matter as the knowledge base's editors write it."""
    title = rng.choice(TOPICS[topic]["titles"])
    if folder == "processes":
        doc_type, audience = rng.choice(["process", "process", "playbook"]), "internal"
    else:
        doc_type = rng.choice(["policy", "policy", "policy", "faq"])
        audience = "internal" if rng.random() < 0.15 else "creator-safe"
    reviewed = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(600))
    effective = reviewed - dt.timedelta(days=rng.randrange(1, 400))
    market = region.lower() if region in ("US", "UK") else "us"
    urls = [f"https://seller-{market}.tiktok.com/university/essay?knowledge_id={rng.randrange(10**15, 10**16)}"
            for _ in range(rng.randint(1, 4))]
    return {"title": f"{title} ({region})", "doc_id": f"{topic}-{index:05d}", "doc_type": doc_type,
            "owner": rng.choice(OWNERS), "reviewed": reviewed, "effective": effective, "audience": audience,
            "region": region, "status": "current", "topic": topic, "source_urls": urls}


def generate_doc(seed: int, index: int) -> GeneratedDoc:
    """Document number `index` of the corpus with this seed; the same arguments give the same text."""
    rng = random.Random(f"{seed}:{index}")
    topic = rng.choice(list(TOPICS))
    folder = "processes" if rng.random() < 0.25 else "policies"
    region = rng.choices(list(REGIONS), weights=REGION_WEIGHTS)[0]
    meta = front_matter(rng, index, topic, folder, region)
    fill = Filler(rng, topic, region)
    sections: list[GenSection] = []
    for heading in rng.sample(TOPICS[topic]["h2"], rng.randint(2, 3)):
        sections.append(GenSection(2, heading, fill.blocks()))
        for _ in range(rng.choices([0, 1, 2], weights=[72, 24, 4])[0]):
            sub = rng.choice(SUBHEADINGS).format(region=REGIONS[region])
            sections.append(GenSection(3, sub, fill.blocks()))
    return GeneratedDoc(f"{folder}/{topic}-{index:05d}.md", topic, meta, fill.paragraph(2, 3), sections)


def render_markdown(doc: GeneratedDoc) -> str:
    """The document as a Markdown file with YAML front matter."""
    import yaml

    head = yaml.safe_dump(doc.meta, sort_keys=False, allow_unicode=True).strip()
    parts = [f"---\n{head}\n---", f"# {doc.meta['title']}", doc.intro]
    for section in doc.sections:
        parts.append("#" * section.level + " " + section.heading)
        parts.extend(section.blocks)
    return "\n\n".join(parts) + "\n"


def write_corpus(root: Path, n_docs: int, seed: int = 7) -> list[Path]:
    """Write n_docs generated Markdown documents under root/policies and root/processes."""
    paths = []
    for index in range(n_docs):
        doc = generate_doc(seed, index)
        path = root / doc.source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_markdown(doc), encoding="utf-8")
        paths.append(path)
    return paths


def loaded_doc(doc: GeneratedDoc) -> LoadedDoc:
    """The LoadedDoc the Markdown loader makes of this document, built straight from its structure.

    Skips the YAML and Markdown round trip (tens of ms per document, too slow for 100k chunks);
    the sections, heading paths and normalised metadata are what load_markdown produces.
    """
    from ingest.clean import squeeze
    from ingest.documents import Section
    from ingest.loaders import build_doc

    sections, h2 = [Section([], squeeze(doc.intro))], ""
    for section in doc.sections:
        h2 = section.heading if section.level == 2 else h2
        path = [section.heading] if section.level == 2 else [h2, section.heading]
        sections.append(Section(path, squeeze("\n\n".join(section.blocks))))
    return build_doc(doc.source, dict(doc.meta), sections, [], doc.meta["title"])
