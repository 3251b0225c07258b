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


def direct_pins():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    lines = project["dependencies"] + project["optional-dependencies"]["dev"]
    return _pins(f'"{x}"' for x in lines)


def test_every_direct_dependency_is_pinned_exactly():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text())["project"]
    for spec in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert "==" in spec, spec


def test_lock_matches_pyproject():
    lock = _pins((paths.ROOT / "requirements.lock").read_text().splitlines())
    for name, version in direct_pins().items():
        assert lock.get(name) == version, name


def test_environment_yml_matches_pyproject():
    text = (paths.ROOT / "environment.yml").read_text().splitlines()
    conda = _pins(line for line in text if line.strip().startswith("- ") and "python=" not in line)
    assert conda == direct_pins()
