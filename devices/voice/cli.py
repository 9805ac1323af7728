"""``counter-app voice …``: the office's call-out voice: show, switch on/off, volume, try it."""
from __future__ import annotations

from dataclasses import asdict

from counter_app.cli import ExtraCommand
from counter_app.cli_output import emit
from counter_app.errors import InvalidInput
from devices.voice import build_voice, call_sentence, load_voice_settings, save_voice_settings
from devices.voice.registry import voice_names


def configure(parser, common) -> None:
    sub = parser.add_subparsers(dest="voice_command", required=True)
    sub.add_parser("show", parents=[common], help="the voice settings of this office")
    change = sub.add_parser("set", parents=[common], help="change the voice settings")
    change.add_argument("--on", dest="enabled", action="store_true", default=None, help="speak the calls")
    change.add_argument("--off", dest="enabled", action="store_false", help="do not speak the calls")
    change.add_argument("--volume", type=int, default=None, help="0 to 100")
    change.add_argument("--adapter", choices=voice_names(), default=None)
    change.add_argument("--voice", default=None, help="espeak-ng voice: vi, vi-vn-x-central, vi-vn-x-south")
    test = sub.add_parser("test", parents=[common], help="speak a sample call (A012 to counter 3)")
    test.add_argument("--number", default="A012")
    test.add_argument("--counter", type=int, default=3)


def run(args, open_core) -> int:
    core = open_core(args)
    settings = load_voice_settings(core.workspace.db)
    if args.voice_command == "set":
        if args.volume is not None and not 0 <= args.volume <= 100:
            raise InvalidInput("The volume is a number from 0 to 100.")
        for key in ("enabled", "volume", "adapter", "voice"):
            if getattr(args, key) is not None:
                setattr(settings, key, getattr(args, key))
        save_voice_settings(core.workspace.db, settings)
    if args.voice_command == "test":
        text = call_sentence(args.number, args.counter)
        voice = build_voice(settings)
        voice.say(text)
        wav = getattr(voice, "last_wav", None)
        return emit(args, {"said": text, "wav": str(wav) if wav else None},
                    f"Said: {text}" + (f" ({wav})" if wav else ""))
    state = "on" if settings.enabled else "off"
    return emit(args, asdict(settings),
                f"Voice {state}, volume {settings.volume}, {settings.adapter} ({settings.voice})")


COMMAND = ExtraCommand("voice", "queue call-out voice: on/off, volume, test", configure, run)
