"""The `auditor` command group: every registered command loads and documents itself."""

import pytest
from click.testing import CliRunner

from auditor.cli import COMMANDS, cli


def test_top_level_help_lists_every_command() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_has_help(name: str) -> None:
    command = cli.get_command(None, name)  # type: ignore[arg-type]
    assert command is not None, f"{name}: {COMMANDS[name]} did not load"
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert len((command.help or "").strip()) > 20, f"{name} has no real --help text"


def test_version() -> None:
    assert CliRunner().invoke(cli, ["--version"]).output.startswith("auditor, version ")
