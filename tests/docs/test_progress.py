import io

from tollbook import progress as p


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_off_in_a_pipe(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TOLLBOOK_NO_PROGRESS", raising=False)
    assert p.enabled(io.StringIO()) is False
    assert p.enabled(FakeTerminal()) is True


def test_progress_is_off_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert p.enabled(FakeTerminal()) is False


def test_progress_yields_every_item_and_prints_nothing_when_off(capsys):
    assert list(p.progress([1, 2, 3], label="counting")) == [1, 2, 3]
    assert capsys.readouterr() == ("", "")


def test_progress_draws_a_bar_on_a_terminal(monkeypatch):
    terminal = FakeTerminal()
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TOLLBOOK_NO_PROGRESS", raising=False)
    monkeypatch.setattr(p.sys, "stderr", terminal)
    assert list(p.progress(["a", "b"], label="drawing")) == ["a", "b"]
    assert "drawing" in terminal.getvalue()
    assert "2/2" in terminal.getvalue()


def test_stages_log_plain_lines_without_a_terminal(monkeypatch):
    monkeypatch.setenv("CI", "true")
    seen = []
    with p.stages(2, "building", log=seen.append) as step:
        step("one")
        step("two")
    assert seen == ["one", "two"]


def test_stages_draw_a_bar_on_a_terminal(monkeypatch):
    terminal = FakeTerminal()
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TOLLBOOK_NO_PROGRESS", raising=False)
    monkeypatch.setattr(p.sys, "stderr", terminal)
    seen = []
    with p.stages(2, "building", log=seen.append) as step:
        step("reading")
        step("writing")
    assert seen == []
    assert "0/2  reading" in terminal.getvalue()
    assert "2/2  writing" in terminal.getvalue()
