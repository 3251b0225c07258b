"""The three pinning files agree: pyproject (direct pins), requirements.lock, environment.yml."""

import re
import tomllib

from analysis import paths


def _pins(lines):
    out = {}
    for line in lines:
        m = re.match(r"^\s*-?\s*\"?([A-Za-z0-9_.-]+)\s*(==|=)\s*([0-9][^\"\s,]*)", line)
        if m:
            out[m.group(1).lower().replace("_", "-")] = m.group(3)
    return out


def direct_dependencies() -> list[str]:
    """The run-time dependencies and those of every extra (dev, book)."""
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    return project["dependencies"] + [spec for extra in project["optional-dependencies"].values() for spec in extra]


def direct_pins():
    return _pins(f'"{x}"' for x in direct_dependencies())


def test_every_extra_is_checked():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    assert set(project["optional-dependencies"]) == {"dev", "book"}


def test_every_direct_dependency_is_pinned_exactly():
    for spec in direct_dependencies():
        assert "==" in spec, spec


def test_lock_matches_pyproject():
    lock = _pins((paths.ROOT / "requirements.lock").read_text().splitlines())
    for name, version in direct_pins().items():
        assert lock.get(name) == version, name


def test_environment_yml_matches_pyproject():
    text = (paths.ROOT / "environment.yml").read_text().splitlines()
    conda = _pins(line for line in text if line.strip().startswith("- ") and "python=" not in line)
    assert conda == direct_pins()
