"""`tiendo`: an error no command turned into a CommandError is one line and exit 1; with
--traceback the traceback is kept for whoever debugs it."""

import pytest

from tiendo import cli


def test_an_os_error_is_one_line_naming_the_file():
    exc = FileNotFoundError(2, "No such file or directory", "/khong-co/f.docx")
    assert cli.one_line(exc) == ("lỗi tệp / file error: No such file or directory "
                                 "(/khong-co/f.docx).")


def test_any_other_error_is_one_line_with_its_type():
    line = cli.one_line(RuntimeError("counts\nsecond line"))
    assert "\n" not in line
    assert line.startswith("lỗi không mong đợi / unexpected error: RuntimeError: counts second")
    assert "--traceback" in line


def test_main_turns_an_uncaught_error_into_one_line_and_exit_1(monkeypatch, capsys):
    import django.core.management as management

    def explode(argv):
        raise PermissionError(13, "Permission denied", "/var/tiendo/x")

    monkeypatch.setattr(management, "execute_from_command_line", explode)
    with pytest.raises(SystemExit) as exc:
        cli.main(["report", "--period", "2026-Q1"])
    assert exc.value.code == 1
    assert capsys.readouterr().err == (
        "tiendo report: lỗi tệp / file error: Permission denied (/var/tiendo/x).\n")
    with pytest.raises(PermissionError):
        cli.main(["report", "--traceback"])
