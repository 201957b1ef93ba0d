"""The estimated one-rep max (e1RM) and the rep range it is trusted on: on its own so the store's
records can use the cut-off without importing all of Progress's numbers."""

from __future__ import annotations

EPLEY_MAX_REPS = 10
"""The most reps a set may have to give an e1RM (the cut-off is ours; the seed articles give no
1RM formula). The formula is Epley's (B. Epley, "Poundage Chart", Boyd Epley Workout, Lincoln NE:
Body Enterprises, 1985): load × (1 + reps/30). It drifts badly past about 10 reps, so higher-rep sets
give no estimate rather than a wrong one."""


def epley_1rm(load_kg: float | None, reps: int | None) -> float | None:
    """Estimated one-rep max in kg by Epley's formula, load × (1 + reps/30) (see EPLEY_MAX_REPS);
    a single is its own load; None outside 1–EPLEY_MAX_REPS reps or without a load."""
    if load_kg is None or reps is None or load_kg <= 0 or not 1 <= reps <= EPLEY_MAX_REPS:
        return None
    if reps == 1:
        # A single is a true max; the formula would inflate it by 3 %.
        return float(load_kg)
    return load_kg * (1 + reps / 30)
