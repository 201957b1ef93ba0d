"""Settings: `,` or the palette opens them, bad numbers are refused at the field, saved ones last."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, Label, RadioButton

from runstrong.app import RunStrongApp
from runstrong.core.settings import Settings, Unit
from runstrong.screens.hold_timer import HoldTimerScreen
from runstrong.screens.settings import SettingsScreen
from runstrong.screens.today import TodayScreen
from runstrong.store import Store
from runstrong.widgets.set_checklist import box_text


def settings_screen(app: RunStrongApp) -> SettingsScreen:
    screen = app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


def stored_settings(db_path: Path) -> Settings:
    store = Store.open(db_path)
    try:
        return Settings.from_mapping(store.settings())
    finally:
        store.close()


async def test_settings_are_saved_and_still_there_after_reopening(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        screen = settings_screen(app)
        screen.query_one("#lead-input", Input).value = "10"
        screen.query_one("#switch-input", Input).value = "0"
        screen.query_one("#bell", Checkbox).value = False
        screen.query_one("#desktop-notice", Checkbox).value = True
        screen.query_one("#unit-lb", RadioButton).value = True
        await pilot.click("#save")
        assert isinstance(app.screen, TodayScreen)
    expected = Settings(lead_s=10, switch_s=0, bell=False, desktop_notice=True, unit=Unit.LB)
    assert stored_settings(db_path) == expected
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        assert again.settings == expected
        await pilot.press("comma")
        screen = settings_screen(again)
        assert screen.query_one("#lead-input", Input).value == "10"
        assert screen.query_one("#unit-lb", RadioButton).value


async def test_saving_pounds_redraws_todays_boxes(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        today = app.screen
        assert isinstance(today, TodayScreen)
        checklist = today.checklist
        await pilot.press("e")
        app.screen.query_one("#load-input", Input).value = "20"
        await pilot.press("enter")
        assert box_text(checklist.slots[0], checklist.unit).endswith("×20kg")
        await pilot.press("comma")
        settings_screen(app).query_one("#unit-lb", RadioButton).value = True
        await pilot.press("enter")  # from the focused lead-in field
        assert checklist.unit is Unit.LB
        assert box_text(checklist.slots[0], checklist.unit).endswith("×44.1lb")


async def test_bad_numbers_are_refused_at_their_field(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        screen = settings_screen(app)
        for lead, switch in (("abc", "5"), ("61", "5"), ("-1", "5"), ("", "5"), ("5", "1:30")):
            screen.query_one("#lead-input", Input).value = lead
            screen.query_one("#switch-input", Input).value = switch
            await pilot.press("enter")  # submits from the focused field, like Save
            assert app.screen is screen, (lead, switch)
            field = "lead" if lead != "5" else "switch"
            error = screen.query_one(f"#{field}-error", Label)
            assert error.display and "0 to 60 seconds" in str(error.render()), (lead, switch)
        # Nothing reached the database.
        assert stored_settings(db_path) == Settings()
        screen.query_one("#lead-input", Input).value = "60"
        screen.query_one("#switch-input", Input).value = "0"
        await pilot.click("#save")
        assert isinstance(app.screen, TodayScreen)
        assert (app.settings.lead_s, app.settings.switch_s) == (60, 0)


async def test_escape_cancels_without_saving(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        settings_screen(app).query_one("#lead-input", Input).value = "20"
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
        assert app.settings.lead_s == 5
    assert stored_settings(db_path) == Settings()


async def test_the_palette_offers_settings(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        [command] = [c for c in app.get_system_commands(app.screen) if c.title == "Settings"]
        command.callback()
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)


async def test_the_timer_uses_the_saved_get_ready_and_switch_times(make_app, db_path: Path, highlight) -> None:
    app = make_app(settings={"program_id": "intermediate", "lead_s": "10", "switch_s": "15"})
    async with app.run_test(size=(80, 24)) as pilot:
        highlight(app, "side-plank")
        await pilot.press("t")
        timer = app.screen
        assert isinstance(timer, HoldTimerScreen)
        assert (timer.plan.lead_s, timer.plan.switch_s, timer.hold.remaining()) == (10, 15, 10.0)


async def test_comma_opens_settings_over_the_timer_too(make_app, highlight) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        highlight(app, "plank")
        await pilot.press("t", "comma")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("comma")  # typed into the field, not a second dialog
        assert len(app.screen_stack) == 3


async def test_the_theme_chosen_in_the_palette_is_kept_after_a_restart(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "textual-dark"
        await pilot.press("ctrl+p", *"theme", "enter")
        await pilot.pause()
        await pilot.press(*"nord", "enter")
        await pilot.pause()
        assert app.theme == "nord"
    assert stored_settings(db_path).theme == "nord"

    reopened = make_app()
    async with reopened.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert reopened.theme == "nord"


async def test_a_saved_theme_that_no_longer_exists_falls_back_to_the_default(make_app) -> None:
    app = make_app(settings={"theme": "no-such-theme"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"


async def test_the_smallest_load_step_is_typed_like_a_load_and_checked_at_its_field(make_app, db_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        screen = settings_screen(app)
        step = screen.query_one("#step-input", Input)
        assert step.value == ""  # the default: 2.5 kg
        for typed in ("0", "abc", "51", "1,2345"):
            step.value = typed
            await pilot.press("enter")  # submits from the focused field, like Save
            assert app.screen is screen, typed
            error = screen.query_one("#step-error", Label)
            assert error.display and "Smallest load step must be above 0 and at most 50 kg" in str(error.render()), typed
        assert stored_settings(db_path) == Settings()  # nothing saved
        step.value = "1,25"
        await pilot.press("enter")  # submits from the focused field, like Save
        assert isinstance(app.screen, TodayScreen)
        assert app.settings.load_step_kg == 1.25
    assert stored_settings(db_path).load_step == "1,25"


async def test_the_load_steps_unit_follows_the_unit_chosen(make_app, db_path: Path) -> None:
    app = make_app(settings={"load_step": "5"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("comma")
        screen = settings_screen(app)
        assert screen.query_one("#step-input", Input).value == "5"
        assert "kg" in str(screen.query_one("#step-label", Label).render())
        screen.query_one("#unit-lb", RadioButton).value = True
        await pilot.pause()
        assert "lb" in str(screen.query_one("#step-label", Label).render())
        screen.query_one("#step-input", Input).value = "120"
        await pilot.press("enter")  # submits from the focused field, like Save
        # 120 lb = 54.4 kg: above the 50 kg (110 lb) cap, refused in the unit shown.
        assert "at most 110 lb" in str(screen.query_one("#step-error", Label).render())
        screen.query_one("#step-input", Input).value = "2.5"
        await pilot.press("enter")  # submits from the focused field, like Save
        assert isinstance(app.screen, TodayScreen)
    assert (stored_settings(db_path).load_step, stored_settings(db_path).unit) == ("2.5", Unit.LB)
