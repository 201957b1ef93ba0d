"""The plan built from what the store holds: the running calendar, the strength history, the
settings (program, unit, load step, skipped days). Shared by `runstrong plan`, the Plan screen
and Today's banner and targets; the rules themselves live in core (planner and below).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from runstrong.core.catalog import Catalog, rest_after_s
from runstrong.core.clock import parse_iso_date
from runstrong.core.counting import counts_as_session
from runstrong.core.loads import kg_to_display
from runstrong.core.models import Exercise, Prescription, Program, SetLog, Side
from runstrong.core.plan import PlannedSet
from runstrong.core.planner import Plan, build_plan, planned_sets, prescribe_on
from runstrong.core.progression import LoadStep, load_step
from runstrong.core.schedule import DoneSession, program_days
from runstrong.core.season import load_season_rules, monday
from runstrong.core.settings import Settings

if TYPE_CHECKING:
    from runstrong.store import Store

HISTORY_DAYS = 180
"""How far back strength history is read for targets (ours)."""


def current_settings(store: Store) -> Settings:
    """The store's settings as a Settings (defaults where a key is missing or unreadable)."""
    return Settings.from_mapping(store.settings())


def current_program(catalog: Catalog, settings: Settings) -> Program:
    """The program `settings.program_id` names in `catalog` (packaged or own), or the catalog's
    default program when that id is gone (an older catalog, an own program deleted elsewhere):
    never an error, so the app and the plan always open."""
    try:
        return catalog.program(settings.program_id)
    except KeyError:
        return catalog.default_program


def plan_load_step(settings: Settings) -> LoadStep:
    """The smallest load increment, on the grid of the display unit: the Settings' "Smallest
    load step" (`settings.load_step`, read by core.set_input.parse_load_step: "2,5", "5 lb",
    above 0 and at most MAX_LOAD_STEP_KG, ours) if set, else 2.5 kg or 5 lb (data/seasons.toml)."""
    kg = settings.load_step_kg
    if kg is None:
        return load_step(settings.unit.value, load_season_rules().progression)
    # Rounded to 6 decimals: "2.5" lb goes to kg and back with float noise (2.4999999999999996).
    return LoadStep(round(kg_to_display(kg, settings.unit), 6), settings.unit)


def make_plan(
    store: Store, catalog: Catalog, start: date, span_days: int, today: date, *, prescribe: bool = True
) -> Plan:
    """The plan from the store's running week, runs, races and strength history (the history
    only when the sessions are to be `prescribe`d)."""
    settings = current_settings(store)
    program = current_program(catalog, settings)
    rules = load_season_rules()
    days = program_days(program, catalog)
    since = min(start, today) - timedelta(days=HISTORY_DAYS)
    done: list[DoneSession] = []
    under_way: list[int] = []
    for d in store.done_strength_sessions(monday(min(start, today)) - timedelta(days=7)):
        ours = d.program_id == program.id
        legs = days[d.day_index % len(days)].legs if ours else True
        if d.date == today and not d.finished and ours:
            # The session being done keeps its day, shows its targets, and is no one's history.
            done.append(DoneSession(d.date, d.day_index, legs, done=False))
            under_way.append(d.session_id)
        elif d.date <= today and counts_as_session(d.working_done, d.working_planned):
            done.append(DoneSession(d.date, d.day_index, legs))
    exercise_ids = sorted({item.exercise_id for day in program.days for item in day.items})
    last = store.last_session(program.id)
    return build_plan(
        calendar=store.running_calendar(),
        program=program,
        catalog=catalog,
        start=start,
        span_days=span_days,
        today=today,
        done=done,
        # Today's rule for the day that comes next (app.next_day_index): the one after the
        # program's last session.
        rotation=(last.day_index + 1) % len(days) if last else 0,
        history=store.past_sets(exercise_ids, since, leave_out=under_way) if prescribe else {},
        step=plan_load_step(settings),
        rules=rules,
        skipped=skipped_days(store),
        prescribe=prescribe,
    )


SKIPPED_KEY = "plan_skipped"
"""Settings key: the days the runner skipped a planned strength session (ISO dates, by commas)."""
SKIP_MEMORY_DAYS = 60
"""Skips older than this many days are forgotten (ours): past skips only matter to the weeks the
plan still shows, and the setting stays a short line; docs/plan.md says so too."""


def skipped_days(store: Store) -> list[date]:
    """Days the runner said no to a planned session; unreadable entries are ignored."""
    days = []
    for text in (store.get_setting(SKIPPED_KEY) or "").split(","):
        try:
            days.append(parse_iso_date(text))
        except ValueError:
            continue
    return days


def toggle_skip(store: Store, day: date, today: date) -> bool:
    """Skip the planned session of `day` (or take the skip back); True when it is now skipped.
    Skips older than SKIP_MEMORY_DAYS are forgotten, so the setting stays short."""
    kept = {d for d in skipped_days(store) if d >= today - timedelta(days=SKIP_MEMORY_DAYS)}
    now_skipped = day not in kept
    kept = kept | {day} if now_skipped else kept - {day}
    store.save_settings({SKIPPED_KEY: ",".join(d.isoformat() for d in sorted(kept))})
    return now_skipped


class TodayPlan(NamedTuple):
    """What Today takes from the plan: the day's slots with targets, the why line of each
    exercise, and one banner line (today's warning or the plan's choice)."""

    slots: list[PlannedSet]
    why: dict[str, str]
    banner: str
    warning: bool
    """True when the banner advises against a session today."""
    prescriptions: dict[str, Prescription]
    """exercise_id -> the day's prescription as this week shapes it (sets, reps, hold, rest)."""


def today_plan(
    store: Store, catalog: Catalog, program: Program, day_index: int, today: date, *, session_id: int | None = None
) -> TodayPlan:
    """Targets for Today's session of `program` day `day_index`, and the banner line.
    `session_id`: the stored session shown; its targets come from the sessions before it."""
    settings = current_settings(store)
    step = plan_load_step(settings)
    rules = load_season_rules()
    calendar = store.running_calendar()
    exercise_ids = sorted({item.exercise_id for item in program.days[day_index].items})
    history = store.past_sets(exercise_ids, today - timedelta(days=HISTORY_DAYS), before_session=session_id)

    def rest_of(exercise: Exercise, prescription: Prescription) -> int:
        # The item's own rest, else the runner's default for the kind (Settings).
        return rest_after_s(
            exercise, None, prescription, strength_s=settings.rest_strength_s,
            plyometric_s=settings.rest_plyometric_s, light_s=settings.rest_light_s,
        )

    where, items = prescribe_on(
        program.days[day_index], today, calendar=calendar, catalog=catalog, history=history, step=step, rules=rules,
        rest_of=rest_of,
    )
    plan = make_plan(store, catalog, today, 14, today, prescribe=False)
    warning = bool(plan.today and plan.today.warning)
    why = {item.exercise_id: item.why for item in items}
    written = {item.exercise_id: item.prescription for item in program.days[day_index].items}
    shaped = {
        # Today's target, as the boxes show it: the load too (the program's own, else the
        # progression's from what was lifted), in the header's "4 × 8 @ 100 lb".
        item.exercise_id: Prescription(
            sets=item.sets, reps=item.reps, hold_s=item.hold_s, rest_s=item.rest_s,
            ours=written[item.exercise_id].ours, load_kg=item.load_kg,
        )
        for item in items
    }
    if session_id is not None:
        # A stored session keeps the sets it was started with: its header describes those, and
        # the week's change is mentioned only where the stored sets still follow it.
        stored = stored_prescriptions(store.session(session_id).sets, written)
        why = {
            key: text if stored.get(key) == shaped.get(key) else text.split("; ", 1)[0]
            for key, text in why.items()
        }
        shaped = {**shaped, **stored}
    return TodayPlan(planned_sets(items), why, banner_line(plan, where, calendar), warning, shaped)


def stored_prescriptions(sets: Sequence[SetLog], written: Mapping[str, Prescription]) -> dict[str, Prescription]:
    """exercise_id -> the prescription a stored session's working sets describe: how many sets
    (of one side, for per-side work), the first set's target reps or hold and load, and its rest."""
    found: dict[str, Prescription] = {}
    for s in sets:
        if s.set_type == "warmup" or (s.side is not None and s.side is not Side.LEFT):
            continue
        known = found.get(s.exercise_id)
        if known is not None:
            found[s.exercise_id] = known._replace(sets=known.sets + 1)
            continue
        base = written.get(s.exercise_id)
        found[s.exercise_id] = Prescription(
            sets=1, reps=s.target_reps, hold_s=s.target_hold_s, load_kg=s.target_load_kg,
            rest_s=s.rest_s if s.rest_s is not None else base.rest_s if base else None,
            ours=base.ours if base else False,
        )
    return found


def banner_line(plan: Plan, where: Any, calendar: Any) -> str:
    """ "deload week · Long run tomorrow: legs light today, or move this session to Thursday"."""
    label = where.label
    if not calendar.week.days and not calendar.runs:
        return "No running entered yet: press w to plan strength days around your runs"
    advice = plan.today
    if advice is None:
        return label
    if advice.warning:
        return f"{advice.warning} · {label}"  # the advice first: it must fit 80 columns
    if advice.placement is not None:
        state = " (done)" if advice.placement.done else " (under way)" if advice.placement.under_way else ""
        return f"{label} · the plan's strength day{state}"
    return label
