"""Check the deployment files with the field's own tools; `make lint` runs this. Exit status 1 on any finding.

- hadolint on the Dockerfile (every level, style included);
- kubernetes-validate, strict, on deploy/k8s/ against the newest Kubernetes schemas the pinned version ships;
- checkov on deploy/k8s/ and the Dockerfile (its own virtualenv: its pins clash with the app's, see the Makefile);
- `nginx -t` on deploy/nginx/explorer.conf.template with its placeholders filled, as `envsubst` would.

Nothing here needs the network: each tool's rules and schemas ship in its package, and checkov is told not to
download policies, guideline links or look for a newer version of itself. A finding is fixed, or skipped where it
arises with a reason (`# hadolint ignore=...` above the line, a `checkov.io/skip<n>: CHECK=reason` annotation).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from harness.nginx import main_conf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
K8S = ROOT / "deploy" / "k8s"
TEMPLATE = ROOT / "deploy" / "nginx" / "explorer.conf.template"
# Values for the template's placeholders when it is only checked: nginx -t resolves names but binds nothing.
SAMPLE = {
    "EXPLORER_LISTEN": "127.0.0.1:8080",
    "EXPLORER_REPLICA_1": "127.0.0.1:8501",
    "EXPLORER_REPLICA_2": "127.0.0.1:8502",
    "EXPLORER_PUBLIC_URL": "https://explorer.example.org",
}
# checkov without the network: no policy download, no guideline mapping, no look-up of a newer checkov.
CHECKOV_ENV = {"BC_SKIP_MAPPING": "TRUE", "CKV_SKIP_PACKAGE_UPDATE_CHECK": "true"}


def render(template: str, values: dict[str, str]) -> str:
    """The template with its ${EXPLORER_*} placeholders filled, as `envsubst '${EXPLORER_...}'` would."""
    out = template
    for key, value in values.items():
        out = out.replace("${" + key + "}", value)
    left = re.findall(r"\$\{EXPLORER_\w+\}", out)
    if left:
        raise ValueError(f"placeholders left unfilled: {left}")
    return out


def tool(name: str) -> str:
    """A tool installed beside this interpreter (the project's virtualenv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} is not installed: run make dev-install")
    return found


def run(title: str, cmd: list[str], env: dict[str, str] | None = None) -> bool:
    print(f"== {title}: {' '.join(cmd)}", flush=True)
    done = subprocess.run(cmd, cwd=ROOT, env={**os.environ, **(env or {})}, check=False)
    print(f"== {title}: {'ok' if done.returncode == 0 else f'FAILED (exit {done.returncode})'}", flush=True)
    return done.returncode == 0


def hadolint() -> bool:
    return run("hadolint", [tool("hadolint"), "--no-color", "--failure-threshold", "style", str(DOCKERFILE)])


def kubernetes_validate() -> bool:
    manifests = sorted(str(p) for p in K8S.glob("*.yaml"))
    return run("kubernetes-validate", [tool("kubernetes-validate"), "--strict", *manifests])


def checkov(executable: str) -> bool:
    """Two runs: given a directory and a file at once, checkov scans only the directory."""
    common = ["--skip-download", "--compact", "--quiet"]
    manifests = run("checkov", [executable, "--directory", str(K8S), "--framework", "kubernetes", *common], CHECKOV_ENV)
    image = run("checkov", [executable, "--file", str(DOCKERFILE), "--framework", "dockerfile", *common], CHECKOV_ENV)
    return manifests and image


def nginx_t() -> bool:
    from scripts import ensure_tools

    nginx = ensure_tools.ensure_nginx(ensure_tools.System())
    if nginx is None:
        print(ensure_tools.MISSING_NGINX, file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory(prefix="explorer-nginx-") as name:
        tmp = Path(name)
        (tmp / "explorer.conf").write_text(render(TEMPLATE.read_text(), SAMPLE))
        (tmp / "nginx.conf").write_text(main_conf(tmp))
        return run("nginx -t", [nginx, "-t", "-q", "-p", f"{tmp}/", "-c", str(tmp / "nginx.conf"), "-e", "stderr"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkov", default="checkov", help="the checkov executable (its own virtualenv)")
    args = parser.parse_args(argv)
    checkov_path = shutil.which(args.checkov)
    if not checkov_path:
        raise SystemExit(f"checkov not found at {args.checkov}: run make lint, which installs it")
    results = [hadolint(), kubernetes_validate(), checkov(checkov_path), nginx_t()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
