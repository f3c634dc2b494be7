"""diff_words: word-level ops that rebuild both texts exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workflow.diff.words import WordOp, diff_words, tokenize

WORDS = st.sampled_from(["the", "Board", "RESOLVED", "(a)", "to", "note", ",", ".", " ", "  ",
                         "\n", "\t", "Minute", "14/17", "café", "–", "x\x0b"])
TEXT = st.one_of(st.text(max_size=60), st.lists(WORDS, max_size=30).map("".join))


def rebuild(ops: tuple[WordOp, ...], skip: str) -> str:
    return "".join(w.text for w in ops if w.op != skip)


@given(TEXT, TEXT)
def test_the_ops_rebuild_both_texts(a: str, b: str) -> None:
    ops = diff_words(a, b)
    assert rebuild(ops, skip="delete") == b
    assert rebuild(ops, skip="insert") == a
    assert all(w.text for w in ops)
    pairs = [(x.op, y.op) for x, y in zip(ops, ops[1:], strict=False)]
    assert all(x != y for x, y in pairs)
    assert ("insert", "delete") not in pairs


@given(TEXT)
def test_tokens_keep_every_character(text: str) -> None:
    assert "".join(tokenize(text)) == text


def test_whole_words_not_letters() -> None:
    ops = diff_words("To note the report.", "To approve the report.")
    assert ops == (
        WordOp("equal", "To "),
        WordOp("delete", "note"),
        WordOp("insert", "approve"),
        WordOp("equal", " the report."),
    )


def test_a_phrase_is_replaced_as_one_change() -> None:
    ops = diff_words("that in-house training be given", "that external coaching be given")
    assert ops[1:3] == (WordOp("delete", "in-house training"), WordOp("insert", "external coaching"))


def test_same_text_is_one_equal_op() -> None:
    assert diff_words("RESOLVED that", "RESOLVED that") == (WordOp("equal", "RESOLVED that"),)
    assert diff_words("", "") == ()
