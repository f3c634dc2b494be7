"""Markdown, HTML and JSON exports from the same blocks and record."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

import pytest
from render_samples import SECRET

from workflow.errors import UsageError
from workflow.record.codec import decode
from workflow.record.model import Item, Meeting, Paragraph, Person
from workflow.record.redaction import public_view
from workflow.render.documents import export


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.open: list[str] = []
        self.text: list[str] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        self.tags.append(tag)
        if tag not in ("meta", "br"):
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, f"</{tag}> closes {self.open[-1:]}"
        assert self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_markdown_has_headings_bold_resolved_and_lists(
    meeting: Meeting, people: dict[str, Person]
) -> None:
    text = export(meeting, "markdown", people=people)
    assert text.startswith("# Coventry City Council Minutes of the Meeting of")
    assert "\n## Public Business\n" in text
    assert "\n### 20. Social Work Recruitment\n" in text
    assert "**RESOLVED that the Board:**" in text
    assert "- (a) Notes the briefing note.\n- (b) Requests" in text
    assert "    - (i) including exit interviews" in text
    assert "- Recruitment\n- Social work academy" in text
    assert "\\<in the city\\>" in text
    assert SECRET not in text


def test_html_is_a_complete_escaped_page(meeting: Meeting, people: dict[str, Person]) -> None:
    page = export(meeting, "html", people=people, which="agenda")
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en-GB\">")
    parser = _Collect()
    parser.feed(page)
    parser.close()
    assert parser.lang == "en-GB"
    assert parser.open == []
    assert {"title", "h1", "h2", "h3", "dl", "ul", "main"} <= set(parser.tags)
    assert "<title>Agenda: Education and Children's Services Scrutiny Board (2), 14 January 2027" in page
    assert SECRET not in page


def test_html_escapes_record_text(people: dict[str, Person]) -> None:
    item = Item(uid="x", title="<script>alert(1)</script>",
                body=(Paragraph(text="Fish & chips <b>bold</b>"),))
    meeting = Meeting(id="c/2027-01-14", committee="c", date=dt.date(2027, 1, 14), items=(item,))
    page = export(meeting, "html", people=people)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Fish &amp; chips &lt;b&gt;bold&lt;/b&gt;" in page


def test_html_resolutions_nest(meeting: Meeting, people: dict[str, Person]) -> None:
    page = export(meeting, "html", people=people)
    parser = _Collect()
    parser.feed(page)
    assert parser.open == []
    assert '<span class="label">(ii)</span> and audits</li>' in page


def test_json_is_the_public_record_with_a_format(meeting: Meeting, people: dict[str, Person]) -> None:
    data = json.loads(export(meeting, "json", people=people))
    assert data["format"] == 1
    assert SECRET not in json.dumps(data)
    record = {k: v for k, v in data.items() if k != "format"}
    assert decode(Meeting, record) == public_view(meeting)
    full = json.loads(export(meeting, "json", people=people, confidential=True))
    assert decode(Meeting, {k: v for k, v in full.items() if k != "format"}) == meeting


def test_unknown_export_format_is_a_usage_error(meeting: Meeting, people: dict[str, Person]) -> None:
    with pytest.raises(UsageError, match="'pdf' is not an export format"):
        export(meeting, "pdf", people=people)
