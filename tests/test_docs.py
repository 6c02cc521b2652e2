"""Every command casefile has is documented in the README."""
from __future__ import annotations

from pathlib import Path

import click

from casefile.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group, prefix: str = "casefile") -> list[str]:
    out = []
    for name, command in group.commands.items():
        path = f"{prefix} {name}"
        out.append(path)
        if isinstance(command, click.Group):
            out += command_paths(command, path)
    return out


def test_the_readme_starts_with_the_two_commands():
    head = README[:1500]
    assert "make run" in head and "make test" in head


def test_every_command_is_documented_in_the_readme():
    missing = [path for path in command_paths(main) if f"`{path}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_every_command_and_option_has_help_text():
    def walk(command: click.Command, path: str):
        assert command.help, f"{path} has no help text"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{path} {param.opts} has no help text"
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, f"{path} {name}")
    walk(main, "casefile")
