"""The counting rule for the weekly target, by hand and for every input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.counting import counts_as_session


def test_the_rule_by_hand() -> None:
    assert not counts_as_session(2, 12)  # a leftover from switching programs
    assert not counts_as_session(5, 12)  # under half
    assert counts_as_session(6, 12)  # exactly half
    assert not counts_as_session(2, 2)  # all of a tiny plan, but under three sets
    assert counts_as_session(3, 3)
    assert not counts_as_session(3, 7)  # 3 < 3.5
    assert counts_as_session(4, 7)


@given(st.integers(0, 60), st.integers(0, 60))
def test_doing_more_never_uncounts_a_session(done: int, planned: int) -> None:
    planned = max(planned, done)
    if counts_as_session(done, planned) and done < planned:
        assert counts_as_session(done + 1, planned)
    if counts_as_session(done, planned + 1):
        # A smaller plan with the same work done still counts.
        assert counts_as_session(done, planned)
