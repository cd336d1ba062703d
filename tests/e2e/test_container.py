"""The Dockerfile's steps, run without Docker: the same files copied, the same RUN lines, the same CMD.

The test reads the Dockerfile itself, so a step added there is a step run here (or a failure naming it).
Container paths (/app, /opt/venv) map to a temporary directory; the one deliberate difference is that pip
may use the local download cache (the image sets PIP_NO_CACHE_DIR to stay small)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dashboard import paths
from tests.e2e.conftest import Watch, assert_clean, free_port, open_page

DOCKERFILE = paths.ROOT / "Dockerfile"
# Steps that only make sense inside an image (a user account); everything else runs here.
CONTAINER_ONLY = ("useradd ",)
KNOWN = {"FROM", "ENV", "WORKDIR", "RUN", "COPY", "USER", "EXPOSE", "HEALTHCHECK", "CMD"}


def instructions(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) for each step, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", text)
    steps = []
    for line in joined.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            word, _, rest = line.strip().partition(" ")
            steps.append((word.upper(), rest.strip()))
    return steps


@dataclass
class Image:
    """A directory laid out as the image would be, and the environment its CMD runs with."""

    root: Path
    env: dict[str, str] = field(default_factory=dict)
    workdir: Path = Path()
    user: str = "root"
    cmd: list[str] = field(default_factory=list)
    healthcheck: list[str] = field(default_factory=list)

    def path(self, text: str) -> str:
        """A container path (or a string holding some) mapped into this directory."""
        return re.sub(r"(?<![\w.])/(app|opt)\b", lambda m: f"{self.root}/{m.group(1)}", text)

    def expand(self, value: str) -> str:
        return re.sub(r"\$(\w+)|\$\{(\w+)\}", lambda m: self.env.get(m.group(1) or m.group(2), ""), value)


def build(root: Path) -> Image:
    """Run the Dockerfile's steps into ``root``."""
    image = Image(root, env={"PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"})
    for word, args in instructions(DOCKERFILE.read_text()):
        assert word in KNOWN, f"Dockerfile step {word} is not run by this test: teach it how"
        if word == "ENV":
            for pair in shlex.split(args):
                key, _, value = pair.partition("=")
                image.env[key] = image.expand(image.path(value))
        elif word == "WORKDIR":
            image.workdir = Path(image.path(args))
            image.workdir.mkdir(parents=True, exist_ok=True)
        elif word == "COPY":
            source, target = args.split()
            copy(paths.ROOT / source, image.workdir / target)
        elif word == "RUN" and not args.startswith(CONTAINER_ONLY):
            env = {k: v for k, v in image.env.items() if k != "PIP_NO_CACHE_DIR"}
            done = subprocess.run(["sh", "-c", image.path(args)], cwd=image.workdir, env=env, timeout=900, check=False)
            assert done.returncode == 0, f"RUN {args} failed"
        elif word == "USER":
            image.user = args
        elif word == "CMD":
            image.cmd = json.loads(args)
        elif word == "HEALTHCHECK":
            image.healthcheck = json.loads(args.split(" CMD ", 1)[1])
    return image


def copy(source: Path, target: Path) -> None:
    assert source.exists(), f"the Dockerfile copies {source.relative_to(paths.ROOT)}, which does not exist"
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"), dirs_exist_ok=True)
    else:
        target = target / source.name if str(target).endswith("/") or target.is_dir() else target
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def run(image: Image, argv: list[str], env: dict[str, str], **kw: object) -> subprocess.Popen[bytes]:
    """Start an exec-form command as Docker would: the first word looked up on the image's PATH."""
    executable = shutil.which(argv[0], path=env["PATH"])
    assert executable, f"{argv[0]} is not on the image's PATH"
    return subprocess.Popen([executable, *argv[1:]], cwd=image.workdir, env=env, **kw)  # type: ignore[call-overload]


def healthy(image: Image, env: dict[str, str]) -> bool:
    return run(image, image.healthcheck, env, stderr=subprocess.DEVNULL).wait(timeout=10) == 0


@pytest.fixture(scope="module")
def container(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Image, str]]:
    image = build(tmp_path_factory.mktemp("image"))
    port = free_port()
    env = {**image.env, "STREAMLIT_SERVER_PORT": str(port), "STREAMLIT_SERVER_ADDRESS": "127.0.0.1"}
    env["STREAMLIT_SERVER_BASE_URL_PATH"] = "explorer"  # as `docker run -e ...` would set it
    assert not healthy(image, env), "the health check passes with no server running"
    log = (image.root / "app.log").open("wb")
    process = run(image, image.cmd, env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 90
    while not healthy(image, env):
        assert process.poll() is None and time.monotonic() < deadline, (image.root / "app.log").read_text()[-2000:]
        time.sleep(0.5)
    yield image, f"http://127.0.0.1:{port}/explorer"
    process.terminate()
    process.wait(timeout=10)


def test_the_image_runs_as_a_non_root_user_with_pinned_requirements() -> None:
    steps = instructions(DOCKERFILE.read_text())
    assert steps[0][0] == "FROM" and re.fullmatch(r"python:3\.\d+-slim", steps[0][1])
    assert [a for w, a in steps if w == "USER"][-1] not in ("", "root", "0")
    lines = [x.strip() for x in (paths.ROOT / "requirements.txt").read_text().splitlines()]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", x) for x in lines if x and not x.startswith("#"))
    assert any(w == "HEALTHCHECK" and "/healthcheck.py" in a for w, a in steps)
    ignored = (paths.ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "tests", "artifacts"} <= set(ignored)


def test_the_app_built_as_the_dockerfile_says_is_healthy_and_draws_its_overview(
    container: tuple[Image, str], watched: tuple[object, Watch]
) -> None:
    image, url = container
    assert image.user == "explorer" and image.env["STREAMLIT_SERVER_HEADLESS"] == "true"
    page, watch = watched
    open_page(page, f"{url}/")
    assert page.locator('[data-testid="stMetric"]').count() >= 3  # type: ignore[attr-defined]
    assert page.locator(".js-plotly-plot .main-svg").count() >= 1  # type: ignore[attr-defined]
    assert_clean(page, watch)
