"""`runstrong import FILE`: read an export of Strong, Hevy, FitNotes or runstrong, match its
exercises, write it in one transaction (or rehearse it for --dry-run), and report.

Refusals: a file that cannot be imported is UsageError `FILE:LINE: reason` (exit 2, nothing
written); a database problem is StoreError (exit 1, file untouched).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from runstrong.core.catalog import load_catalog
from runstrong.core.plurals import count_of, noun_for
from runstrong.core.text import printable
from runstrong.errors import UsageError
from runstrong.importers import ImportBatch, ImportFileError, read_import_file
from runstrong.importers.aliases import ExerciseMatcher, own_exercise_shape
from runstrong.importers.records import ImportedSet, RowNote
from runstrong.store import ImportOutcome, OwnExerciseRequest, Store

# A file this large shows progress on a terminal (ours: about a year of history in CSV).
LARGE_FILE_BYTES = 1_000_000


@dataclass
class ExercisePlan:
    """How the batch's exercise names land: catalog matches, and own exercises to make or reuse."""

    matched: dict[str, str]
    own: list[OwnExerciseRequest]


def plan_exercises(batch: ImportBatch) -> ExercisePlan:
    """Fill `exercise_id` on sets whose name the alias table or catalog knows; the rest become
    own-exercise requests (kind inferred from all their sets). A runstrong export's ids are kept
    when they are catalog ids; its own exercises are requested under their own id and kind."""
    catalog = load_catalog()
    matcher = ExerciseMatcher(catalog)
    matched: dict[str, str] = {}
    unmatched: dict[str, list[ImportedSet]] = {}
    known: dict[str, str | None] = {}
    for session in batch.sessions:
        for logged in session.sets:
            if batch.format == "runstrong" and logged.exercise_id in catalog.exercises:
                matched[logged.exercise_name] = logged.exercise_id
                continue
            if batch.format != "runstrong":
                if logged.exercise_name not in known:
                    known[logged.exercise_name] = matcher.match(logged.exercise_name)
                target = known[logged.exercise_name]
                if target is not None:
                    logged.exercise_id = target
                    matched[logged.exercise_name] = target
                    continue
            unmatched.setdefault(logged.exercise_name, []).append(logged)
    docs = {doc.get("id"): doc for doc in batch.own_exercises}
    own = []
    for name, sets in unmatched.items():
        shape = own_exercise_shape(name, sets)
        preferred = sets[0].exercise_id
        doc = docs.get(preferred, {})
        kind = doc.get("kind") if doc.get("kind") in ("reps", "hold", "carry", "plyometric") else shape.kind
        per_side = bool(doc.get("per_side", shape.per_side))
        own.append(OwnExerciseRequest(name, kind, per_side, preferred))
    return ExercisePlan(matched, own)


def report_json(batch: ImportBatch, plan: ExercisePlan, outcome: ImportOutcome) -> dict[str, Any]:
    """The `--json` report, in the shape issue 10 gives (a contract for scripts). A runstrong
    export adds (additively) "programs" {"added", "updated"}, "exercises_updated", "not_taken"
    [why] and "runs" {"added", "deleted", "already_here", "kept_here", "week"}."""
    report: dict[str, Any] = {
        "format": batch.format,
        "unit": batch.unit,
        "sessions_added": outcome.sessions_added,
        "sets_added": outcome.sets_added,
        "duplicates": outcome.duplicates,
        "skipped": [{"line": n.line, "reason": n.reason} for n in batch.skipped],
        "not_imported": [{"line": n.line, "reason": n.reason} for n in batch.not_imported],
        "exercises": {
            "matched": {**plan.matched, **{n: i for n, i in outcome.own_ids.items() if n not in outcome.exercises_created}},
            "created": list(outcome.exercises_created),
        },
    }
    if outcome.running is not None:
        report["exercises_updated"] = outcome.exercises_updated
        report["programs"] = {"added": outcome.programs_added, "updated": outcome.programs_updated}
        report["not_taken"] = list(outcome.not_taken)
        report["runs"] = {
            "added": outcome.running.added,
            "deleted": outcome.running.deleted,
            "already_here": outcome.running.same,
            "kept_here": outcome.running.kept,
            "week": outcome.running.week,
        }
    return report


def _rows_summary(notes: list[RowNote]) -> str:
    """'rest timer ×3 (lines 5, 9, 14), note row ×1 (line 20)': by reason, first lines shown."""
    by_reason: dict[str, list[int]] = {}
    for note in notes:
        by_reason.setdefault(note.reason, []).append(note.line)
    parts = []
    for reason, lines in sorted(by_reason.items(), key=lambda item: item[1][0]):
        shown = ", ".join(str(n) for n in lines[:5]) + (", …" if len(lines) > 5 else "")
        parts.append(f"{printable(reason)} ×{len(lines)} ({noun_for(len(lines), 'line')} {shown})")
    return "; ".join(parts)


def report_text(batch: ImportBatch, plan: ExercisePlan, outcome: ImportOutcome, dry_run: bool) -> str:
    """The human summary: what was added, what was already there, left out and why, exercises."""
    data = report_json(batch, plan, outcome)
    head = "Would import" if dry_run else "Imported"
    unit = batch.unit or "none stated"
    lines = [
        f"{head} {printable(batch.path)} ({batch.format}, unit: {unit})"
        + (" — dry run, nothing written" if dry_run else ""),
        f"  sessions added: {outcome.sessions_added}, sets added: {outcome.sets_added}, "
        f"sessions already present: {outcome.duplicates}",
    ]
    if outcome.sessions_updated or outcome.sets_updated or outcome.deleted:
        lines.append(
            f"  merged: {outcome.sessions_updated} sessions and {outcome.sets_updated} sets newer in the file, "
            f"{outcome.deleted} deletions applied"
        )
    if batch.skipped:
        lines.append(f"  skipped {count_of(len(batch.skipped), 'row')} that are not sets: {_rows_summary(batch.skipped)}")
    if batch.not_imported:
        lines.append(
            f"  not imported {count_of(len(batch.not_imported), 'row')} of running or cardio (runstrong keeps the runs "
            f"you plan, not a log of past runs): {_rows_summary(batch.not_imported)}"
        )
    lines += _catalog_and_running_lines(batch, outcome)
    matched = data["exercises"]["matched"]
    if matched:
        lines.append("  exercises matched: " + ", ".join(f"{printable(n)} → {i}" for n, i in sorted(matched.items())))
    if outcome.exercises_created:
        lines.append(
            "  exercises created (own): "
            + ", ".join(f"{printable(n)} ({i})" for n, i in sorted(outcome.exercises_created.items()))
        )
    return "\n".join(lines)


def _catalog_and_running_lines(batch: ImportBatch, outcome: ImportOutcome) -> list[str]:
    """A runstrong export's own programs, running week and runs: what came in, what was kept."""
    lines = []
    if batch.own_programs or batch.own_exercises:
        lines.append(
            f"  own programs: {outcome.programs_added} added, {outcome.programs_updated} updated "
            f"(newer in the file); own exercises updated: {outcome.exercises_updated}"
        )
    lines += [f"  not taken: {printable(why)}" for why in outcome.not_taken]
    running = outcome.running
    if running is not None and (batch.runs or batch.deleted or running.week):
        line = f"  runs: {running.added} added, {running.deleted} deleted, {running.same} already here"
        if running.kept:
            line += f", {running.kept} different here kept as they are (runs carry no change time)"
        lines.append(line)
    if running is not None and running.week:
        lines.append(f"  running week: {running.week}")
    return lines


class _Progress:
    """A one-line bar on stderr for large files on a terminal; silent otherwise."""

    STEPS = ("reading", "matching exercises", "writing", "done")

    def __init__(self, err: TextIO, size: int) -> None:
        self.err = err
        self.on = size >= LARGE_FILE_BYTES and err.isatty()

    def step(self, index: int) -> None:
        if not self.on:
            return
        filled = round(20 * index / (len(self.STEPS) - 1))
        end = "\n" if index == len(self.STEPS) - 1 else ""
        self.err.write(f"\r[{'#' * filled}{' ' * (20 - filled)}] {self.STEPS[index]:<20}{end}")
        self.err.flush()


def run_import(
    db_path: Path, file: Path, fmt: str | None, unit: str | None, dry_run: bool, as_json: bool,
    out: TextIO | None = None, err: TextIO | None = None,
) -> int:
    """The whole command; returns the exit status (0). Raises UsageError for a refused file and
    StoreError for a database problem, both before anything is written."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        size = file.stat().st_size if file.is_file() else 0
    except OSError:
        size = 0
    progress = _Progress(err, size)
    progress.step(0)
    try:
        batch = read_import_file(file, fmt, unit)
    except ImportFileError as error:
        if progress.on:
            err.write("\n")
        raise UsageError(printable(str(error))) from None
    progress.step(1)
    plan = plan_exercises(batch)
    progress.step(2)
    if dry_run:
        outcome = Store.rehearse(db_path, lambda store: store.import_batch(batch, plan.own))
    else:
        store = Store.open(db_path)
        try:
            outcome = store.import_batch(batch, plan.own)
        finally:
            store.close()
    progress.step(3)
    if as_json:
        out.write(json.dumps(report_json(batch, plan, outcome), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(report_text(batch, plan, outcome, dry_run) + "\n")
    return 0
