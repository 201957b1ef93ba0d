"""The labelled input with an error line under it that every runstrong form is made of."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.dom import DOMNode
from textual.widgets import Input, Label


def field(name: str, label: str, value: str, placeholder: str = "") -> ComposeResult:
    """Label, Input (#NAME-input) and a hidden error Label (#NAME-error) under it. Compact (no
    border), so a form of five fields still fits a 80×24 terminal."""
    yield Label(label, classes="field-label", id=f"{name}-label", markup=False)
    yield Input(value, id=f"{name}-input", placeholder=placeholder, select_on_focus=True, compact=True)
    yield Label("", id=f"{name}-error", classes="field-error", markup=False)


def show_problem(screen: DOMNode, name: str, message: str | None) -> None:
    """Show `message` under field `name` (None hides it) and put the cursor there."""
    error = screen.query_one(f"#{name}-error", Label)
    error.update(message or "")
    error.display = message is not None
    if message is not None:
        target = screen.query(f"#{name}-input")
        if target:
            target.first().focus()


def value_of(screen: DOMNode, name: str) -> str:
    return screen.query_one(f"#{name}-input", Input).value
