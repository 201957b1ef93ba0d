"""Group one-row-per-set exports into sessions, the same way for Strong, Hevy and FitNotes.

A session is keyed by what the file says identifies it (start time and name; a date for
FitNotes). Within a session an exercise may come back later (a second block, as Hevy allows):
each block is an occurrence. A set's uid is derived from session uid, exercise, occurrence and
the file's own label for the set, so the same file always gives the same uids.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime

from runstrong.importers.records import ImportedSession, ImportedSet, content_uid


@dataclass
class _Progress:
    """The session being assembled from a file's rows: what came last, to tell set numbers, notes and blocks apart."""

    session: ImportedSession
    order: datetime
    last_exercise: str | None = None
    occurrences: dict[str, int] = field(default_factory=dict)
    labels_seen: dict[str, int] = field(default_factory=dict)
    last_note: str = ""
    blocks: list[list[tuple[ImportedSet, int | None]]] = field(default_factory=list)


class SessionAssembler:
    """Collects sets row by row; `sessions()` returns them ordered by start, sets numbered."""

    def __init__(self, *, block_notes: bool) -> None:
        """`block_notes`: the file's note column is the exercise's note, written again on every
        row of its block (Strong's Notes, Hevy's exercise_notes), so a repeat is kept once; when
        False (FitNotes' Comment) each set's note is its own and every one is kept."""
        self._sessions: dict[Hashable, _Progress] = {}
        self._block_notes = block_notes

    def session(self, key: Hashable, order: datetime, make: Callable[[], ImportedSession]) -> ImportedSession:
        """The session for `key`, made by `make()` on first sight; `order` sorts sessions."""
        progress = self._sessions.get(key)
        if progress is None:
            progress = self._sessions[key] = _Progress(make(), order)
        return progress.session

    def add_set(
        self,
        key: Hashable,
        exercise_name: str,
        label: str,
        *,
        line: int,
        set_type: str = "normal",
        reps: int | None = None,
        load_kg: float | None = None,
        hold_s: int | None = None,
        rpe: float | None = None,
        note: str = "",
        number: int | None = None,
    ) -> ImportedSet:
        """Add a set to the session under `key` (which must exist). `label` is the file's name for
        the set within its block ('1', 'W', a Hevy index); `number` the file's numeric set order,
        used to notice blocks written last set first."""
        progress = self._sessions[key]
        if exercise_name != progress.last_exercise:
            progress.occurrences[exercise_name] = progress.occurrences.get(exercise_name, 0) + 1
            progress.last_exercise = exercise_name
            progress.labels_seen = {}
            progress.last_note = ""
            progress.blocks.append([])
        nth = progress.labels_seen[label] = progress.labels_seen.get(label, 0) + 1
        session = progress.session
        # A block note repeated on every row of the block (Strong, Hevy) is kept once; a per-set
        # note is the set's own, even when the set before says the same.
        kept_note = "" if self._block_notes and note == progress.last_note else note
        progress.last_note = note or progress.last_note
        logged = ImportedSet(
            uid=content_uid(session.uid, exercise_name, progress.occurrences[exercise_name], label, nth),
            exercise_name=exercise_name,
            set_no=0,
            set_type=set_type,
            reps=reps,
            load_kg=load_kg,
            hold_s=hold_s,
            rpe=rpe,
            note=kept_note,
            done_at=session.started_at,
            line=line,
        )
        progress.blocks[-1].append((logged, number))
        return logged

    def sessions(self) -> list[ImportedSession]:
        """Every session with sets, oldest first; set numbers run 1.. per exercise per session."""
        done: list[ImportedSession] = []
        for progress in sorted(self._sessions.values(), key=lambda p: p.order):
            numbers: dict[str, int] = {}
            sets: list[ImportedSet] = []
            for block in progress.blocks:
                hints = [n for _, n in block if n is not None]
                if len(hints) > 1 and all(a > b for a, b in zip(hints, hints[1:])):
                    block = block[::-1]  # written last set first (newest-first exports)
                for logged, _ in block:
                    numbers[logged.exercise_name] = numbers.get(logged.exercise_name, 0) + 1
                    logged.set_no = numbers[logged.exercise_name]
                    sets.append(logged)
            progress.session.sets = sets
            if sets:
                done.append(progress.session)
        return done
