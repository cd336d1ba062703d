"""The Dockerfile's steps, run without Docker: the same files copied, the same RUN lines, the same CMD.

The test reads the Dockerfile itself, so a step added there is a step run here (or a failure naming it).
Container paths (/app, /opt/venv, /home, /tmp) map to a temporary directory; the one deliberate difference is
that pip may use the local download cache (the image sets PIP_NO_CACHE_DIR to stay small).

The app then runs as deploy/k8s/ runs it (readOnlyRootFilesystem): in a mount namespace of its own where every
filesystem is read-only, its home and working directory included, except a fresh empty directory at each path the
Deployment mounts writable. It runs as root there, not as the image's user 10001."""

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
import yaml

from dashboard import paths
from dashboard.routes import ROUTES
from tests.e2e.conftest import Watch, assert_clean, free_port, open_page
from tests.e2e.test_proxy import download

DOCKERFILE = paths.ROOT / "Dockerfile"
K8S = paths.ROOT / "deploy" / "k8s" / "explorer.yaml"
# Steps that only make sense inside an image (a user account); everything else runs here.
CONTAINER_ONLY = ("groupadd ", "useradd ")
# Run inside a new mount namespace: every mount read-only but the kernel's own (/proc, /sys, /dev, which a
# container gets as separate mounts too), then each "source target" pair bound writable, then the command.
# The namespace's mounts are its own copies, so nothing changes for the rest of the machine.
READ_ONLY = """set -e
awk '{print $5}' /proc/self/mountinfo | grep -Ev '^/(proc|sys|dev)(/|$)' | while read -r point; do
    mount -o remount,bind,ro "$point"
done
while [ "$1" != "--" ]; do
    mount --bind "$1" "$2" && mount -o remount,bind,rw "$2"
    shift 2
done
shift
exec "$@"
"""
# Run in that namespace before the app: which of its paths it can write.
PROBE = """
import json, os, sys
def writable(folder):
    try:
        with open(os.path.join(folder, ".probe"), "w"):
            pass
    except OSError:
        return False
    os.remove(os.path.join(folder, ".probe"))
    return True
print(json.dumps({name: writable(folder) for name, folder in zip(sys.argv[1::2], sys.argv[2::2])}))
"""
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
    home: Path | None = None
    cmd: list[str] = field(default_factory=list)
    healthcheck: list[str] = field(default_factory=list)

    def path(self, text: str) -> str:
        """A container path (or a string holding some) mapped into this directory."""
        return re.sub(r"(?<![\w.])/(app|opt|home|tmp)\b", lambda m: f"{self.root}/{m.group(1)}", text)

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
        elif word == "RUN" and args.startswith(CONTAINER_ONLY):
            account = re.search(r"useradd .*--create-home .*?(\w+)$", args)
            if account:  # the user's home, as useradd would make it
                image.home = Path(image.path(f"/home/{account.group(1)}"))
                image.home.mkdir(parents=True)
        elif word == "RUN":
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


def writable_paths() -> dict[str, int]:
    """The container paths the Kubernetes Deployment mounts writable, and each one's size limit in bytes."""
    deployment = next(d for d in yaml.safe_load_all(K8S.read_text()) if d["kind"] == "Deployment")
    pod = deployment["spec"]["template"]["spec"]
    limits = {v["name"]: int(v["emptyDir"]["sizeLimit"].removesuffix("Mi")) << 20 for v in pod["volumes"]}
    return {m["mountPath"]: limits[m["name"]] for m in pod["containers"][0]["volumeMounts"]}


def read_only(image: Image, volumes: dict[str, Path], argv: list[str], env: dict[str, str]) -> list[str]:
    """``argv`` to be run with every filesystem read-only but ``volumes`` (container path -> empty directory)."""
    executable = shutil.which(argv[0], path=env["PATH"])
    assert executable, f"{argv[0]} is not on the image's PATH"
    unshare = shutil.which("unshare")
    assert unshare, "unshare (util-linux) is needed to run the app on a read-only root"
    as_root = [] if os.geteuid() == 0 else ["--map-root-user"]
    pairs = [str(p) for path, volume in volumes.items() for p in (volume, image.path(path))]
    return [unshare, "--mount", *as_root, "sh", "-c", READ_ONLY, "sh", *pairs, "--", executable, *argv[1:]]


def healthy(image: Image, env: dict[str, str]) -> bool:
    return run(image, image.healthcheck, env, stderr=subprocess.DEVNULL).wait(timeout=10) == 0


@dataclass
class Running:
    """The app started from the built image: its URL, and the empty directories mounted writable into it."""

    image: Image
    url: str
    volumes: dict[str, Path]
    writable: dict[str, bool]


@pytest.fixture(scope="module")
def container(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    image = build(tmp_path_factory.mktemp("image"))
    assert image.home, "the Dockerfile creates no user with a home"
    port = free_port()
    env = {**image.env, "STREAMLIT_SERVER_PORT": str(port), "STREAMLIT_SERVER_ADDRESS": "127.0.0.1"}
    env["STREAMLIT_SERVER_BASE_URL_PATH"] = "explorer"  # as `docker run -e ...` would set it
    env["HOME"] = str(image.home)  # Docker sets HOME from the image's /etc/passwd
    volumes = {path: tmp_path_factory.mktemp("volume") for path in writable_paths()}
    for path in volumes:
        Path(image.path(path)).mkdir(parents=True, exist_ok=True)
    if "/tmp" in volumes:  # the host's /tmp is read-only here, the image's is the volume: point Python at it
        env["TMPDIR"] = image.path("/tmp")
    folders = {"home": str(image.home), "workdir": str(image.workdir), "venv": env["VENV"]}
    folders |= {path: image.path(path) for path in volumes}
    probe = read_only(image, volumes, ["python", "-c", PROBE, *[x for pair in folders.items() for x in pair]], env)
    done = subprocess.run(probe, cwd=image.workdir, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    writable = json.loads(done.stdout)
    assert not healthy(image, env), "the health check passes with no server running"
    log = (image.root.parent / f"{image.root.name}-app.log").open("wb")
    process = subprocess.Popen(
        read_only(image, volumes, image.cmd, env), cwd=image.workdir, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 90
    while not healthy(image, env):
        assert process.poll() is None and time.monotonic() < deadline, Path(log.name).read_text()[-2000:]
        time.sleep(0.5)
    yield Running(image, f"http://127.0.0.1:{port}/explorer", volumes, writable)
    process.terminate()
    process.wait(timeout=10)


def test_the_image_runs_as_a_numeric_non_root_user_with_pinned_requirements() -> None:
    steps = instructions(DOCKERFILE.read_text())
    assert steps[0][0] == "FROM" and re.fullmatch(r"python:3\.\d+-slim", steps[0][1])
    user = [a for w, a in steps if w == "USER"][-1]
    assert re.fullmatch(r"\d+:\d+", user) and "0" not in user.split(":"), f"USER {user}: a numeric non-root id"
    lines = [x.strip() for x in (paths.ROOT / "requirements.txt").read_text().splitlines()]
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", x) for x in lines if x and not x.startswith("#"))
    assert any(w == "HEALTHCHECK" and "/healthcheck.py" in a for w, a in steps)
    ignored = (paths.ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "tests", "artifacts"} <= set(ignored)


def test_the_app_runs_with_everything_read_only_but_the_deployments_volumes(container: Running) -> None:
    home, workdir, venv = (container.writable[k] for k in ("home", "workdir", "venv"))
    assert (home, workdir, venv) == (False, False, False), container.writable
    assert all(container.writable[path] for path in container.volumes), container.writable
    # Nothing the image copied into the app's folder is writable by anyone but its owner (root, in the image).
    app = container.image.workdir
    assert not [p for p in app.rglob("*") if p.stat().st_mode & 0o002], "world-writable files in the image"


def test_the_app_built_as_the_dockerfile_says_is_healthy_and_draws_its_overview(
    container: Running, watched: tuple[object, Watch]
) -> None:
    image = container.image
    assert image.user == "10001:10001" and image.env["STREAMLIT_SERVER_HEADLESS"] == "true"
    page, watch = watched
    open_page(page, f"{container.url}/")
    assert page.locator('[data-testid="stMetric"]').count() >= 3  # type: ignore[attr-defined]
    assert page.locator(".js-plotly-plot .main-svg").count() >= 1  # type: ignore[attr-defined]
    assert_clean(page, watch)


@pytest.mark.parametrize("route", [r for r in ROUTES if r.url_path], ids=lambda r: r.key)
def test_every_other_page_draws_on_the_read_only_root(
    container: Running, watched: tuple[object, Watch], route: object
) -> None:
    page, watch = watched
    open_page(page, f"{container.url}/{route.url_path}")  # type: ignore[attr-defined]
    assert page.locator("h1").count() >= 1  # type: ignore[attr-defined]
    assert_clean(page, watch)


def test_a_download_works_on_the_read_only_root(container: Running, watched: tuple[object, Watch]) -> None:
    page, watch = watched
    open_page(page, f"{container.url}/Members?sector=academia")
    rows = download(page, "Filtered members (CSV)").strip().splitlines()
    assert len(rows) > 1
    assert_clean(page, watch)


def test_the_app_stays_within_its_volumes_size_limits(container: Running) -> None:
    # What the app left in its writable volumes stays within each one's size limit (past it the pod is evicted).
    for path, limit in writable_paths().items():
        used = sum(p.stat().st_size for p in container.volumes[path].rglob("*") if p.is_file())
        assert used < limit, f"{path}: {used} bytes of {limit}"
