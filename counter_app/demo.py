"""The demo workspace: a fictional ward office with the demo catalogue and sample dossiers.

It lives apart from the real workspace and is marked as a demo, so resetting it can
never wipe an office's real data by mistake.
"""
from __future__ import annotations

import random
import shutil
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Callable

from counter_app.catalog import load_demo_catalog
from counter_app.core import CounterCore
from counter_app.dossiers.intake import ApplicantInput, IntakeRequest, MissingComponent
from counter_app.dossiers.lifecycle import Action
from counter_app.errors import WorkspaceError
from counter_app.resources import resource_path
from counter_app.settings import Settings
from counter_app.workspace import DB_NAME, default_workspace_dir, open_workspace

DEMO_MARK = ".demo-workspace"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quang", "Thu", "Xuân", "Hồng", "Đình"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Khánh",
         "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Yến"]
# Steps the outer layers add to the demo (e.g. a SoftHSM signing token): fn(workspace_root, settings).
DemoStep = Callable[[Path, Settings], None]
_DEMO_STEPS: dict[str, DemoStep] = {}


def register_demo_step(name: str, step: DemoStep) -> None:
    """Registered by the composition root's layers; the core never imports them."""
    _DEMO_STEPS[name] = step


STREETS = ["Thôn Đông", "Thôn Tây", "Xóm Chùa", "Phố Tràng An", "Đường Lê Hoàn", "Thôn Văn Lâm"]


def demo_dir() -> Path:
    return default_workspace_dir() / "demo"


def demo_settings() -> Settings:
    settings = Settings()
    settings.office.agency_id = "000.00.31.H41"
    settings.office.agency_name = "UBND phường Hoa Lư"
    settings.office.parent_name = "UBND TỈNH NINH BÌNH"
    settings.office.place_name = "Hoa Lư"
    settings.office.phone = "0229 3871 234"
    settings.workstation.slot = 1
    settings.workstation.counter_label = "Quầy 1"
    settings.workstation.officer_name = "Trần Thị Mai"
    settings.workstation.officer_phone = "0912 000 111"
    return settings


def random_person(rng: random.Random) -> ApplicantInput:
    year = rng.randint(1950, 2005)
    sex_century = rng.choice("01") if year < 2000 else rng.choice("23")
    id_number = f"037{sex_century}{year % 100:02d}{rng.randint(0, 999999):06d}"
    return ApplicantInput(
        name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
        id_number=id_number,
        birth_date=date(year, rng.randint(1, 12), rng.randint(1, 28)),
        address=f"{rng.choice(STREETS)}, phường Hoa Lư, tỉnh Ninh Bình",
        phone=f"09{rng.randint(10_000_000, 99_999_999)}",
    )


def create_demo_workspace(root: Path | None = None, *, force: bool = False, dossiers: int = 40,
                          today: date | None = None) -> Path:
    root = Path(root) if root else demo_dir()
    if (root / DB_NAME).exists():
        if not (root / DEMO_MARK).exists() and not force:
            raise WorkspaceError(f"{root} holds a real workspace, not a demo; refusing to reset it (use --force).")
        shutil.rmtree(root)
    root.mkdir(parents=True, exist_ok=True)
    (root / DEMO_MARK).write_text("This folder is a demo workspace and may be reset.\n", encoding="utf-8")
    core = CounterCore(open_workspace(root))
    core.save_settings(demo_settings())
    core.import_procedures(load_demo_catalog(), source="demo_catalog.json")
    calendar_file = resource_path("calendar", "2026.json")
    if calendar_file.exists():
        core.import_calendar(calendar_file)
    _sample_dossiers(core, dossiers, today or date.today())
    settings = core.settings()
    core.workspace.close()
    for step in _DEMO_STEPS.values():
        step(root, settings)
    return root


def _sample_dossiers(core: CounterCore, count: int, today: date) -> None:
    rng = random.Random(20261125)
    procedures = core.procedures()
    for index in range(count):
        # Past days only: a reception time later than "now" would rightly be refused.
        day = today - timedelta(days=1 + (count - index) * 14 // max(count, 1))
        while day.weekday() >= 5:
            day -= timedelta(days=1)
        received = datetime.combine(day, time(rng.randint(8, 16), rng.choice((0, 15, 30, 45))))
        spec = rng.choice(procedures)
        missing = ()
        if index % 9 == 4 and spec.components:
            missing = (MissingComponent(spec.components[-1].code, "Chưa mang theo"),)
        refusal = "Hồ sơ không thuộc thẩm quyền giải quyết của UBND cấp xã" if index % 17 == 8 else ""
        view = core.receive(IntakeRequest(procedure_code=spec.code, applicant=random_person(rng),
                                          missing=missing, received_at=received, refusal_reason=refusal))
        _advance(core, view.code, view.status, index, received)


def _advance(core: CounterCore, code: str, status: int, index: int, received: datetime) -> None:
    """Move some sample dossiers further on, so every list and action has something to show."""
    if status != 2:
        return
    steps = [(Action.TRANSFER, {"transferred_to": "Công chức Tư pháp - Hộ tịch"}),
             (Action.RESULT_READY, {}),
             (Action.RETURN_RESULT, {"receiver_name": "Người nộp hồ sơ"})]
    for step, (action, extra) in enumerate(steps[: index % 4]):
        at = received + timedelta(hours=2 * (step + 1))
        core.dossiers.apply(code, action, at=min(at, datetime.now()), **extra)
