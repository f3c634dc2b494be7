"""Record-level checks: rules that compare fields or list entries with each other."""

from __future__ import annotations

from typing import Any

from schemas import validate


def errors(kind: str, data: dict[str, Any]) -> list[str]:
    return [str(p) for p in validate(kind, data).problems]


def test_duplicate_minute_number_names_both_items(meeting: dict[str, Any]) -> None:
    meeting["items"][3]["minute_number"] = "19"
    assert errors("meeting", meeting) == ["items[3].minute_number: 19 is also the number of items[1]"]


def test_duplicate_agenda_number(meeting: dict[str, Any]) -> None:
    meeting["items"][2]["agenda_number"] = "1"
    assert errors("meeting", meeting) == ["items[2].agenda_number: 1 is also the number of items[0]"]


def test_a_number_written_as_an_integer_still_counts_as_a_duplicate(meeting: dict[str, Any]) -> None:
    meeting["items"][3]["minute_number"] = 20
    assert errors("meeting", meeting) == ["items[3].minute_number: 20 is also the number of items[2]"]


def test_duplicate_item_uid(meeting: dict[str, Any]) -> None:
    meeting["items"][2]["uid"] = "i1"
    assert errors("meeting", meeting) == ["items[2].uid: i1 is also the uid of items[0]"]


def test_items_without_numbers_are_not_duplicates(meeting: dict[str, Any]) -> None:
    for item in meeting["items"]:
        item.pop("minute_number")
    assert errors("meeting", meeting) == []


def test_any_other_business_at_a_special_meeting(meeting: dict[str, Any]) -> None:
    meeting["items"].append({"uid": "i5", "kind": "any-other-business", "title": "AOB"})
    assert errors("meeting", meeting) == []
    meeting["kind"] = "special"
    assert errors("meeting", meeting) == [
        "items[4].kind: Any Other Business cannot be taken at a special meeting"
    ]


def test_exempt_item_with_no_paragraph(meeting: dict[str, Any]) -> None:
    meeting["items"][3]["exemption"] = {}
    assert errors("meeting", meeting) == [
        "items[3].exemption.paragraph: is required: exempt business must give its Schedule 12A paragraph"
    ]


def test_substitute_for_someone_present(meeting: dict[str, Any]) -> None:
    meeting["attendance"][2]["substitute_for"] = "cllr-m-mutton"
    assert errors("meeting", meeting) == [
        "attendance[2].substitute_for: cllr-m-mutton is recorded as present, so no one can "
        "substitute for them"
    ]


def test_substitute_for_someone_not_a_member_of_the_meeting(meeting: dict[str, Any]) -> None:
    meeting["attendance"][2]["substitute_for"] = "cllr-j-clifford"
    assert errors("meeting", meeting) == [
        "attendance[2].substitute_for: cllr-j-clifford is not listed as a member of this meeting"
    ]


def test_substitute_for_an_officer_is_refused(meeting: dict[str, Any]) -> None:
    meeting["attendance"][2]["substitute_for"] = "J Gregg"
    assert errors("meeting", meeting) == [
        "attendance[2].substitute_for: J Gregg is not listed as a member of this meeting"
    ]


def test_substitute_named_as_printed_matches_the_printed_name(meeting: dict[str, Any]) -> None:
    meeting["attendance"][1] = {"name": "Councillor D Kershaw", "state": "apologies"}
    meeting["attendance"][2]["substitute_for"] = "Councillor D Kershaw"
    assert errors("meeting", meeting) == []


def test_vote_with_negative_counts(meeting: dict[str, Any]) -> None:
    meeting["items"][2]["motions"] = [
        {"text": "That the report be noted", "outcome": "carried",
         "vote": {"for_count": 7, "against_count": -1, "abstain_count": 0}}
    ]
    assert errors("meeting", meeting) == [
        "items[2].motions[0].vote.against_count: cannot be negative (-1)"
    ]


def test_resolution_with_empty_text(meeting: dict[str, Any]) -> None:
    meeting["items"][2]["resolutions"][1]["text"] = "   "
    meeting["items"][2]["resolutions"].append({"label": "(c)"})
    assert errors("meeting", meeting) == [
        "items[2].resolutions[1].text: is empty: a resolution needs its wording",
        "items[2].resolutions[2].text: is empty: a resolution needs its wording",
    ]


def test_resolution_with_only_sub_resolutions_is_fine_but_they_need_text(meeting: dict[str, Any]) -> None:
    meeting["items"][2]["resolutions"] = [
        {"label": "(a)", "children": [{"label": "(i)", "text": "agreed"}, {"label": "(ii)"}]}
    ]
    assert errors("meeting", meeting) == [
        "items[2].resolutions[0].children[1].text: is empty: a resolution needs its wording"
    ]


def test_closing_time_before_start_is_a_warning_not_an_error(meeting: dict[str, Any]) -> None:
    meeting["closed"] = "11:00"
    report = validate("meeting", meeting)
    assert report.ok
    assert [str(p) for p in report.warnings] == ["warning: closed: 11:00 is before the start (14:00)"]


def test_duplicate_person_id_in_the_register() -> None:
    register = {"people": [
        {"id": "cllr-m-mutton", "name": "M Mutton", "title": "Councillor"},
        {"id": "cllr-s-bains", "name": "S Bains"},
        {"id": "cllr-m-mutton", "name": "M Mutton (again)"},
    ]}
    assert errors("people", register) == ["people[2].id: cllr-m-mutton is also the id of people[0]"]


def test_membership_ending_before_it_starts() -> None:
    committee = {
        "slug": "scrutiny-board", "name": "Scrutiny Board",
        "membership": [
            {"person": "cllr-m-mutton", "role": "chair", "start": "2017-05-18"},
            {"person": "cllr-s-bains", "start": "2018-05-17", "end": "2017-05-18"},
        ],
    }
    assert errors("committee", committee) == [
        "membership[1].end: 2017-05-18 is before the start (2018-05-17)"
    ]


def test_withheld_needs_an_exemption(meeting: dict[str, Any]) -> None:
    meeting["items"][2]["withheld"] = True
    assert errors("meeting", meeting) == ["items[2].withheld: only applies together with 'exemption'"]


def test_problems_come_in_document_order(meeting: dict[str, Any]) -> None:
    for index in (10, 2):
        meeting["items"].extend({"uid": f"x{n}"} for n in range(len(meeting["items"]), index + 1))
        meeting["items"][index]["title"] = "bad\x0b"
    paths = [p.path for p in validate("meeting", meeting).problems]
    assert paths == ["items[2].title", "items[10].title"]
