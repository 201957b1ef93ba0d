"""History's filter bar: an exercise (with suggestions) and a from/to date range, checked per field."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from runstrong.core.catalog import Catalog
from runstrong.core.numerals import ascii_digits
from runstrong.core.set_input import InputProblem
from runstrong.core.text import printable
from runstrong.store import HistoryFilter

if TYPE_CHECKING:
    from runstrong.app import RunStrongApp

_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$", re.ASCII)
DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"
HINT = "All sessions · [b]/[/b] filters by exercise or dates"


def parse_day(text: str, *, end: bool = False) -> str | None:
    """ISO date for what was typed; a bare month or year means its first day (or last, with `end`).

    Blank is None (no limit); anything else that is not a real date raises InputProblem.
    """
    raw = text.strip()
    if not raw:
        return None
    # Digits of any script, as in every field (core.numerals).
    match = _DAY.match(ascii_digits(raw))
    if not match:
        raise InputProblem(f"{raw} is not a date ({DATE_FORMS})")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if month is None:
            return (date(year, 12, 31) if end else date(year, 1, 1)).isoformat()
        if day is None:
            last = calendar.monthrange(year, int(month))[1] if 1 <= int(month) <= 12 else 0
            return date(year, int(month), last if end else 1).isoformat()
        return date(year, int(month), int(day)).isoformat()
    except ValueError:
        raise InputProblem(f"{raw} is not a calendar date ({DATE_FORMS})") from None


class HistoryFilterBar(Vertical):
    """Posts Applied with a valid filter on enter or on leaving a field; a bad field is marked and
    its message shown under the bar, and the list stays as it was.

    Until the first `/` the bar is one line of hint: History opens faster without three Inputs.
    """

    app: RunStrongApp

    BINDINGS = [
        Binding("escape", "done", "List", id="filter.done", tooltip="Back to the session list"),
    ]

    @dataclass
    class Applied(Message):
        """The runner changed the filter: History should show what `where` selects."""

        where: HistoryFilter

    @dataclass
    class Done(Message):
        """The runner is finished with the filter; the list should take the focus back."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.applied = HistoryFilter()

    @property
    def catalog(self) -> Catalog:
        # The app's, asked for only once the bar is used: History opens without reading it.
        return self.app.catalog

    def compose(self) -> ComposeResult:
        yield Label(HINT, id="filter-hint")
        yield Label("", id="filter-error")

    @property
    def is_open(self) -> bool:
        return bool(self.query("#filter-fields"))

    async def open(self) -> None:
        """Show the fields, mounting them the first time."""
        if self.is_open:
            return
        names = [printable(exercise.name) for exercise in self.catalog.exercises.values()]
        fields = Horizontal(
            Label("Exercise", classes="filter-label"),
            Input(placeholder="any", suggester=SuggestFromList(names, case_sensitive=False), compact=True, id="filter-exercise"),
            Label("From", classes="filter-label"),
            Input(placeholder="YYYY-MM-DD", compact=True, max_length=10, id="filter-from"),
            Label("To", classes="filter-label"),
            Input(placeholder="YYYY-MM-DD", compact=True, max_length=10, id="filter-to"),
            id="filter-fields",
        )
        await self.query_one("#filter-hint").remove()
        await self.mount(fields, before=0)

    async def focus_exercise(self) -> None:
        await self.open()
        # At once, not by Widget.focus() (deferred behind keys already typed): the keys after
        # `/` in a burst must land in this field (see key_routing).
        self.screen.set_focus(self._field("exercise"))

    async def set_exercise(self, exercise_id: str | None) -> None:
        await self.open()
        self._field("exercise").value = self.catalog.exercise(exercise_id).name if exercise_id else ""

    # -- reading the fields ----------------------------------------------------------------

    def _field(self, name: str) -> Input:
        return self.query_one(f"#filter-{name}", Input)

    def read(self) -> HistoryFilter | None:
        """The filter the fields describe, or None after showing what is wrong where."""
        if not self.is_open:
            return HistoryFilter()
        problems: list[str] = []
        exercise_id = self._check("exercise", self._exercise_id, problems)
        date_from = self._check("from", lambda text: parse_day(text), problems)
        date_to = self._check("to", lambda text: parse_day(text, end=True), problems)
        if not problems and date_from and date_to and date_from > date_to:
            self._field("to").add_class("-invalid")
            problems.append(f"To: {date_to} is before From ({date_from})")
        error = self.query_one("#filter-error", Label)
        error.update("  ".join(problems))
        error.display = bool(problems)
        if problems:
            return None
        return HistoryFilter(exercise_id=exercise_id, date_from=date_from, date_to=date_to)

    def _check(self, name: str, parse, problems: list[str]) -> str | None:  # type: ignore[no-untyped-def]
        field = self._field(name)
        try:
            value = parse(field.value)
        except InputProblem as problem:
            field.add_class("-invalid")
            problems.append(f"{name.title()}: {problem}")
            return None
        field.remove_class("-invalid")
        return value

    def _exercise_id(self, text: str) -> str | None:
        if not text.strip():
            return None
        exercise = self.catalog.find_exercise(text)
        if exercise is None:
            raise InputProblem(f"no single exercise matches {text.strip()!r}")
        return exercise.id

    # -- applying --------------------------------------------------------------------------

    @on(Input.Submitted)
    @on(Input.Blurred)
    def apply(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        where = self.read()
        if where is None:
            return
        if where.exercise_id and event.input.id == "filter-exercise":
            # Show the name the filter matched, so "cop" visibly became "Copenhagen plank".
            event.input.value = self.catalog.exercise(where.exercise_id).name
        if where != self.applied:
            self.applied = where
            self.post_message(self.Applied(where))
        if isinstance(event, Input.Submitted):
            self.post_message(self.Done())

    def clear(self) -> None:
        if self.is_open:
            for name in ("exercise", "from", "to"):
                self._field(name).value = ""
            self.read()
        if self.applied != HistoryFilter():
            self.applied = HistoryFilter()
            self.post_message(self.Applied(self.applied))

    def action_done(self) -> None:
        self.post_message(self.Done())
