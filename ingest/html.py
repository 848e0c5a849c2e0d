"""HTML to sections: visible article text only, headings as the section path."""
from __future__ import annotations

import re
from typing import Any, Mapping

from bs4 import BeautifulSoup, Tag

from ingest.clean import squeeze
from ingest.documents import Section, label_heading, push_heading

DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "head", "form"]
CHROME_TAGS = ["nav", "header", "footer", "aside"]
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|opacity\s*:\s*0(?![.\d])", re.I)
BLOCKS = {"p", "li", "tr", "pre", "blockquote", "dt", "dd", "caption", "figcaption", "summary"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def hidden_by(attrs: Mapping[str, Any]) -> bool:
    """Whether an element's attributes hide it: `hidden`, aria-hidden="true", or an inline style such as display:none."""
    if "hidden" in attrs or str(attrs.get("aria-hidden", "")).strip().lower() == "true":
        return True
    return bool(HIDDEN_STYLE.search(str(attrs.get("style") or "")))


def is_hidden(tag: Tag) -> bool:
    """Hidden by attribute or inline style."""
    return hidden_by(tag.attrs)


def strip_invisible(soup: BeautifulSoup) -> int:
    """Remove non-content and hidden elements; return how many hidden ones there were."""
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    hidden = [t for t in soup.find_all(True) if is_hidden(t)]
    for tag in hidden:
        if not tag.decomposed:
            tag.decompose()
    return len(hidden)


def content_root(soup: BeautifulSoup) -> Tag:
    """The article or main element when there is one; otherwise the body minus site chrome."""
    root = soup.find("article") or soup.find("main") or soup.body or soup
    if root is soup.body or root is soup:
        for tag in root.find_all(CHROME_TAGS):
            tag.decompose()
    return root


def block_text(el: Tag) -> str:
    """One block's text; table rows keep their cells apart."""
    if el.name == "tr":
        return " | ".join(c.get_text(" ", strip=True) for c in el.find_all(["td", "th"]))
    return ("- " if el.name == "li" else "") + el.get_text(" ", strip=True)


def bold_heading(el: Tag) -> str:
    """The text of a paragraph that is all bold ("<p><strong>Fees</strong></p>") when it reads as a heading."""
    if el.name != "p":
        return ""
    bold = "".join(b.get_text(" ", strip=True) for b in el.find_all(["strong", "b"]) if not b.find_parent(["strong", "b"]))
    text = el.get_text(" ", strip=True)
    return label_heading(text) if bold and " ".join(bold.split()) == " ".join(text.split()) else ""


def add_block(buffer: list[str], el: Tag, term: str) -> str:
    """Append one block's text; return the definition term in force. A definition says what its term is
    ("Pending: The buyer has paid ..."): the term is not left as a line of its own."""
    text = block_text(el)
    if el.name != "dd" or not term:
        buffer.append(text)
        return text if el.name == "dt" else ""
    if buffer and buffer[-1] == term:
        buffer.pop()
    buffer.append(f"{term.rstrip(':')}: {text}")
    return term


def html_sections(html: str) -> tuple[list[Section], str, list[str]]:
    """Sections of visible text, the page title, and flags."""
    soup = BeautifulSoup(html, "html.parser")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    hidden = strip_invisible(soup)
    root = content_root(soup)
    sections, stack, buffer, h1, depth, term = [], [], [], "", 1, ""
    for el in root.find_all(list(BLOCKS | HEADINGS)):
        nested = el.name not in HEADINGS and el.find_parent(list(BLOCKS)) is not None
        if el.name in HEADINGS:
            level = depth = int(el.name[1])
            text = el.get_text(" ", strip=True)
        elif not nested and (text := bold_heading(el)):
            level = min(depth + 1, 6)  # a bold paragraph heads what follows, one below the last real heading
        else:
            if not nested:
                term = add_block(buffer, el, term)
            continue
        sections.append(Section([t for _, t in stack], squeeze("\n".join(buffer))))
        buffer, h1 = [], h1 or (text if level == 1 else "")
        stack = push_heading(stack, level, text)
    sections.append(Section([t for _, t in stack], squeeze("\n".join(buffer))))
    flags = [f"hidden text removed ({hidden} hidden elements)"] if hidden else []
    return [s for s in sections if s.text], h1 or page_title, flags
