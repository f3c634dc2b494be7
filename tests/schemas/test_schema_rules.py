"""One test per custom field rule: what passes, what fails, and the clerk's message."""

from __future__ import annotations

from typing import Any

import pytest

from schemas import ValidationContext, validate


def messages(kind: str, data: dict[str, Any], **context: Any) -> dict[str, list[str]]:
    report = validate(kind, data, context=ValidationContext(**context))
    out: dict[str, list[str]] = {}
    for problem in report.problems:
        out.setdefault(problem.path, []).append(f"{problem.severity}: {problem.message}")
    return out


def test_the_sample_meeting_is_valid(meeting: dict[str, Any]) -> None:
    assert messages("meeting", meeting) == {}


@pytest.mark.parametrize("value", ["00:00", "9:05", "14:00", "23:59"])
def test_time_accepts_24_hour_times(meeting: dict[str, Any], value: str) -> None:
    meeting.update(start=value, closed="23:59")
    assert messages("meeting", meeting) == {}


@pytest.mark.parametrize("value", ["25:00", "14:60", "2pm", "14.00", "", "14:00:00"])
def test_time_refuses_what_is_not_a_time_of_day(meeting: dict[str, Any], value: str) -> None:
    meeting["start"] = value
    shown = value or "an empty value"
    assert messages("meeting", meeting) == {
        "start": [f"error: {shown} is not a time of day (write it as HH:MM, 24-hour)"]
    }


def test_date_refuses_a_date_that_does_not_exist(meeting: dict[str, Any]) -> None:
    meeting["date"] = "2026-02-30"
    assert messages("meeting", meeting) == {"date": ["error: 2026-02-30 is not a real date"]}


@pytest.mark.parametrize("value", ["12/10/2017", "2017-1-5", "12 October 2017"])
def test_date_refuses_other_forms(meeting: dict[str, Any], value: str) -> None:
    meeting["date"] = value
    assert messages("meeting", meeting) == {
        "date": [f"error: {value} is not a date (write it as YYYY-MM-DD)"]
    }


def test_date_accepts_a_leap_day(meeting: dict[str, Any]) -> None:
    meeting["date"] = "2028-02-29"
    assert messages("meeting", meeting) == {}


@pytest.mark.parametrize("value", ["14/17", "1/26", "PLA146/14", "C12/25"])
def test_minute_ref_accepts_numbers_with_or_without_prefix(meeting: dict[str, Any], value: str) -> None:
    meeting["items"][1]["actions"][0]["origin"] = value
    assert messages("meeting", meeting) == {}


@pytest.mark.parametrize("value", ["14-17", "14/2017", "Minute 14", "pla146/14"])
def test_minute_ref_refuses_other_forms(meeting: dict[str, Any], value: str) -> None:
    meeting["items"][1]["actions"][0]["origin"] = value
    assert messages("meeting", meeting) == {
        "items[1].actions[0].origin": [
            f"error: {value} is not a minute reference like 14/17 or PLA146/14"
        ]
    }


def test_minute_ref_follows_the_councils_pattern(meeting: dict[str, Any]) -> None:
    from schemas import minute_ref_pattern

    pattern = minute_ref_pattern("M{number}.{yyyy}")
    meeting["items"][1]["actions"][0]["origin"] = "M14.2017"
    assert messages("meeting", meeting, minute_ref_pattern=pattern) == {}
    meeting["items"][1]["actions"][0]["origin"] = "14/17"
    assert messages("meeting", meeting, minute_ref_pattern=pattern) == {
        "items[1].actions[0].origin": [
            "error: 14/17 is not a minute reference in this council's format"
        ]
    }


@pytest.mark.parametrize("value", ["clerk", "clerk@", "@example.org", "a b@example.org", "x@y"])
def test_email_refuses_what_is_not_an_address(meeting: dict[str, Any], value: str) -> None:
    meeting["contact"]["email"] = value
    assert messages("meeting", meeting) == {
        "contact.email": [f"error: {value} is not an e-mail address"]
    }


@pytest.mark.parametrize(
    ("char", "code"),
    [("\x0b", "U+000B"), ("\x00", "U+0000"), ("\x0c", "U+000C"), ("\ufffe", "U+FFFE"),
     ("\ud800", "U+D800"), ("\r", "U+000D")],
)
def test_xml_safe_names_the_control_character(meeting: dict[str, Any], char: str, code: str) -> None:
    meeting["items"][2]["resolutions"][1]["text"] = f"That a further{char} report"
    assert messages("meeting", meeting) == {
        "items[2].resolutions[1].text": [
            f"error: contains a control character ({code}) that Word cannot hold"
        ]
    }


def test_xml_safe_allows_tabs_newlines_and_typography(meeting: dict[str, Any]) -> None:
    meeting["items"][2]["body"][0]["text"] = "Members’ questions:\n\tcosts – “value”… é"
    assert messages("meeting", meeting) == {}


@pytest.mark.parametrize(
    "path",
    [("venue",), ("notes", 0), ("items", 2, "body", 1, "bullets", 1), ("items", 0, "title"),
     ("contact", "name"), ("attendance", 3, "directorate")],
)
def test_xml_safe_applies_to_every_text_field(meeting: dict[str, Any], path: tuple[Any, ...]) -> None:
    meeting["notes"] = ["a note"]
    target: Any = meeting
    for crumb in path[:-1]:
        target = target[crumb]
    target[path[-1]] = "bad\x0bvalue"
    found = messages("meeting", meeting)
    printed = path[0] + "".join(f"[{c}]" if isinstance(c, int) else f".{c}" for c in path[1:])
    assert found == {printed: ["error: contains a control character (U+000B) that Word cannot hold"]}


@pytest.mark.parametrize("value", ["Scrutiny Board", "scrutiny_board", "-board", "board-"])
def test_slug_refuses_what_is_not_a_short_name(meeting: dict[str, Any], value: str) -> None:
    meeting["committee"] = value
    assert messages("meeting", meeting) == {
        "committee": [
            f"error: '{value}' is not a short name: use lower-case letters, digits and "
            "hyphens (like scrutiny-board)"
        ]
    }


@pytest.mark.parametrize(
    ("value", "message"),
    [("scrutiny-board/2017-10-12-2", None),
     ("scrutiny-board", "scrutiny-board is not a meeting id like scrutiny-board/2026-01-14"),
     ("scrutiny-board/2017-02-30", "scrutiny-board/2017-02-30 names 2017-02-30, which is not a real date")],
)
def test_meeting_id(meeting: dict[str, Any], value: str, message: str | None) -> None:
    meeting["id"] = value
    assert messages("meeting", meeting) == ({"id": [f"error: {message}"]} if message else {})


def test_exempt_paragraph_is_required_for_exempt_business(meeting: dict[str, Any]) -> None:
    meeting["items"][3]["exemption"] = {"public_interest": "Commercial terms"}
    assert messages("meeting", meeting) == {
        "items[3].exemption.paragraph": [
            "error: is required: exempt business must give its Schedule 12A paragraph"
        ]
    }


def test_exempt_paragraph_must_be_one_the_council_uses(meeting: dict[str, Any]) -> None:
    meeting["items"][3]["exemption"] = {"paragraph": 14}
    assert messages("meeting", meeting) == {
        "items[3].exemption.paragraph": [
            "error: 14 is not a Schedule 12A paragraph (this council uses 1-7)"
        ]
    }
    assert messages("meeting", meeting, exempt_paragraphs=frozenset(range(12, 19))) == {}


@pytest.mark.parametrize("basis", ["confidential", "licensing-hearing"])
def test_confidential_business_takes_no_paragraph(meeting: dict[str, Any], basis: str) -> None:
    meeting["items"][3]["exemption"] = {"basis": basis}
    assert messages("meeting", meeting) == {}
    meeting["items"][3]["exemption"] = {"basis": basis, "paragraph": 3}
    what = "confidential information" if basis == "confidential" else "a licensing hearing"
    assert messages("meeting", meeting) == {
        "items[3].exemption.paragraph": [f"error: {what} takes no Schedule 12A paragraph; remove it"]
    }


def test_exempt_paragraph_applies_to_withheld_text_and_appendices(meeting: dict[str, Any]) -> None:
    meeting["items"][2]["body"].append({"withheld": "exempt"})
    meeting["items"][2]["documents"] = [{"title": "Appendix 1", "exemption": {"paragraph": 9}}]
    assert messages("meeting", meeting) == {
        "items[2].body[2].paragraph": [
            "error: is required: exempt business must give its Schedule 12A paragraph"
        ],
        "items[2].documents[0].exemption.paragraph": [
            "error: 9 is not a Schedule 12A paragraph (this council uses 1-7)"
        ],
    }


def test_person_ref_warns_about_ids_not_in_the_register(meeting: dict[str, Any]) -> None:
    people = frozenset({"cllr-m-mutton", "cllr-d-kershaw"})
    assert messages("meeting", meeting, people=people) == {
        "attendance[2].person": ["warning: cllr-r-brown is not in the register of people"]
    }
    report = validate("meeting", meeting, context=ValidationContext(people=people))
    assert report.ok
    assert len(report.warnings) == 1


def test_person_ref_leaves_printed_names_alone(meeting: dict[str, Any]) -> None:
    meeting["items"][0]["declarations"] = [
        {"member": "Councillor S Bains", "interest": "other-registrable"},
        {"member": "cllr-s-bains"},
    ]
    people = frozenset({"cllr-m-mutton", "cllr-d-kershaw", "cllr-r-brown"})
    assert messages("meeting", meeting, people=people) == {
        "items[0].declarations[1].member": ["warning: cllr-s-bains is not in the register of people"]
    }


def test_person_ref_is_silent_without_a_register(meeting: dict[str, Any]) -> None:
    meeting["attendance"][0]["person"] = "cllr-nobody"
    assert messages("meeting", meeting) == {}


def test_not_before_warns_when_the_meeting_closes_before_it_starts(meeting: dict[str, Any]) -> None:
    meeting["closed"] = "13:15"
    report = validate("meeting", meeting)
    assert report.ok
    assert [str(p) for p in report.problems] == [
        "warning: closed: 13:15 is before the start (14:00)"
    ]


def test_block_must_be_a_paragraph_a_list_or_withheld_text(meeting: dict[str, Any]) -> None:
    meeting["items"][2]["body"].append({"txt": "typo"})
    assert messages("meeting", meeting) == {
        "items[2].body[2]": ["error: should have one of these fields: 'text', 'bullets', 'withheld'"]
    }


def test_block_checks_the_fields_of_its_own_shape(meeting: dict[str, Any]) -> None:
    meeting["items"][2]["body"][1] = {"bullets": "not a list", "exemption": {"paragraph": 3}}
    assert messages("meeting", meeting) == {"items[2].body[1].bullets": ["error: should be a list"]}
