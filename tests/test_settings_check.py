"""Settings are checked field by field before they are saved: the core lists every problem, the
command line refuses a change that brings one (naming the installed device adapters) and
changes nothing."""
from __future__ import annotations

import pytest

from counter_app.errors import InvalidInput
from counter_app.settings import Settings, set_value
from counter_app.settings_check import AdapterNames, settings_problems
from tests.conftest import make_settings
from tests.test_cli import run, run_json, ws  # noqa: F401 (fixture)

INSTALLED = AdapterNames(printers=("escpos-network", "simulated"), cameras=("opencv", "simulated"),
                         chip_readers=("pcsc", "simulated"))


def keys(settings, adapters=INSTALLED) -> list[str]:
    return [problem.key for problem in settings_problems(settings, adapters)]


def test_a_good_office_has_no_problem_and_every_bad_field_is_named():
    assert keys(make_settings()) == []
    settings = make_settings()
    settings.office.agency_id = "31.H41"
    settings.office.agency_name = "  "
    settings.office.phone = "gọi tôi"
    settings.workstation.slot = 0
    settings.rules.default_cutoff = "15h"
    settings.rules.afternoon = ("17:00", "13:30")
    settings.security.idle_lock_minutes = 100_000
    settings.devices.printer = "epson"
    settings.devices.camera = "webcam"
    assert keys(settings) == ["office.agency_id", "office.agency_name", "office.phone", "workstation.slot",
                              "rules.default_cutoff", "rules.afternoon", "security.idle_lock_minutes",
                              "devices.printer", "devices.camera"]
    assert "installed: escpos-network, simulated" in settings_problems(settings, INSTALLED)[7].message


def test_a_network_printer_needs_its_address_and_a_real_port():
    settings = Settings()
    settings.devices.printer = "escpos-network"
    assert keys(settings) == ["devices.printer_options.host"]
    settings.devices.printer_options = {"host": "192.168.1.50", "port": 70000}
    assert keys(settings) == ["devices.printer_options.port"]
    settings.devices.printer_options["port"] = 9100
    assert keys(settings) == []


def test_no_device_is_not_a_problem_but_unknown_names_are_only_checked_when_known():
    settings = Settings()
    settings.devices.camera, settings.devices.chip_reader = "", "none"
    assert keys(settings) == []
    settings.devices.printer = "epson"
    assert keys(settings, None) == []  # the core alone cannot know which adapters are installed


def test_the_core_refuses_to_keep_a_bad_agency_id(core):
    settings = core.settings()
    with pytest.raises(InvalidInput, match="000.00.31.H41"):
        set_value(settings, "office.agency_id", "H41-NINHBINH")


def test_cli_refuses_an_unknown_printer_and_changes_nothing(ws):  # noqa: F811 (fixture)
    result = run("settings", "set", "devices.printer", "epson", workspace=ws, check=False)
    assert result.returncode == 1
    assert "no printer adapter 'epson' (installed:" in result.stderr and "escpos-network" in result.stderr
    assert run_json("settings", "show", workspace=ws)["devices"]["printer"] == "simulated"


@pytest.mark.parametrize("key, value, needle", [
    ("office.agency_id", "000.00.31", "000.00.31.H41"),
    ("rules.default_cutoff", "25:00", "HH:MM"),
    ("security.idle_lock_minutes", "-5", "0 (never) to 240"),
    ("devices.printer", "escpos-network", "needs devices.printer_options.host"),
    ("devices.chip_reader", "omnikey", "no chip reader adapter 'omnikey'"),
])
def test_cli_refuses_each_bad_value_with_a_clear_error(ws, key, value, needle):  # noqa: F811 (fixture)
    before = run_json("settings", "show", workspace=ws)
    result = run("settings", "set", key, value, workspace=ws, check=False)
    assert result.returncode == 1 and needle in result.stderr, result.stderr
    assert run_json("settings", "show", workspace=ws) == before


def test_cli_accepts_an_installed_printer_with_its_address(ws):  # noqa: F811 (fixture)
    run("settings", "set", "devices.printer_options", '{"host": "192.168.1.50", "port": 9100}', workspace=ws)
    run("settings", "set", "devices.printer", "escpos-network", workspace=ws)
    run("settings", "set", "rules.default_cutoff", "15:30", workspace=ws)
    shown = run_json("settings", "show", workspace=ws)
    assert shown["devices"]["printer"] == "escpos-network" and shown["rules"]["default_cutoff"] == "15:30"
