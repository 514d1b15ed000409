import subprocess
import sys

from conftest import REPO, RAW


def test_build_command_prints_a_summary(tmp_path):
    out = tmp_path / "ds"
    done = subprocess.run([sys.executable, "-m", "builder", "build", "--input", str(RAW), "--output", str(out),
                           "--version", "1.2.3", "--workers", "2"], cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert "input files read: 5 (5 pages)" in done.stdout
    assert "rows written:     5 (ko: 4, zh: 1)" in done.stdout
    assert "rejected:         0 (none)" in done.stdout
    assert '"dataset_version": "1.2.3"' in (out / "manifest.json").read_text(encoding="utf-8")


def test_missing_input_is_a_clear_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "builder", "build", "--input", str(tmp_path / "nothing"),
                           "--output", str(tmp_path / "ds")], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "no input files" in done.stderr
