"""The hosting files hold their settings: Streamlit's config, the proxy template, the Kubernetes example, the image.

`make lint` runs the field's tools on the same files (scripts/lint_deploy.py: hadolint, kubernetes-validate,
checkov, nginx -t); these tests hold what those tools cannot know: that the files agree with the app and with
each other."""

from __future__ import annotations

import base64
import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
import streamlit
import yaml

from dashboard import paths

TEMPLATE = (paths.ROOT / "deploy" / "nginx" / "explorer.conf.template").read_text()
K8S_TEXT = (paths.ROOT / "deploy" / "k8s" / "explorer.yaml").read_text()
K8S = list(yaml.safe_load_all(K8S_TEXT))
DOCKERFILE = (paths.ROOT / "Dockerfile").read_text()
# What ingress-nginx accepts in a custom-headers ConfigMap (internal/ingress/annotations/customheaders): anything
# else makes the controller refuse the Ingress's locations.
HEADER_NAME = re.compile(r"^[a-zA-Z\d\-_]+$")
HEADER_VALUE = re.compile(r"""^[a-zA-Z\d_ :;.,\\/"'?!(){}\[\]@<>=\-+*#$&\x60|~^%]+$""")
DESCRIPTION = (
    "Who founded the AI Alliance, from where, in which sectors: an interactive, sourced dashboard of its members and "
    "initiatives."
)


def kind(name: str) -> dict[str, Any]:
    (found,) = [d for d in K8S if d["kind"] == name]
    return found


def config() -> dict[str, Any]:
    return tomllib.loads((paths.ROOT / ".streamlit" / "config.toml").read_text())


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("server", "enableXsrfProtection", True),
        ("server", "enableCORS", True),
        ("server", "maxUploadSize", 1),
        ("server", "enableStaticServing", True),
        ("server", "runOnSave", False),
        ("browser", "gatherUsageStats", False),
        ("client", "showErrorDetails", "none"),
    ],
)
def test_streamlit_config_keeps_each_security_setting(section: str, key: str, value: object) -> None:
    assert config()[section][key] == value


def test_streamlit_config_widens_nothing() -> None:
    server = config()["server"]
    widening = {"corsAllowedOrigins", "allowedHosts", "trustedUserHeaders", "xsrfCookieSameSite", "address"}
    assert widening.isdisjoint(server), "a hosted copy must not widen who may connect"
    assert "global" not in config()  # developmentMode stays off


def csp() -> str:
    found = re.search(r'add_header Content-Security-Policy "([^"]+)" always;', TEMPLATE)
    assert found
    return found.group(1)


def test_the_csp_allows_streamlits_inline_script_by_its_hash() -> None:
    index = (Path(streamlit.__file__).parent / "static" / "index.html").read_text()
    for script in re.findall(r"<script>(.*?)</script>", index, flags=re.S):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp(), f"Streamlit's inline script changed: allow 'sha256-{digest}' instead"


def test_the_csp_allows_embedding_and_nothing_from_other_hosts() -> None:
    directives = dict(d.strip().split(" ", 1) for d in csp().split(";"))
    assert directives["frame-ancestors"] == "*" and directives["object-src"] == "'none'"
    sources = " ".join(v for k, v in directives.items() if k != "frame-ancestors")
    assert not re.search(r"https?:|\*", sources)
    assert "'unsafe-inline'" not in directives["script-src"]


def test_the_proxy_template_has_only_the_documented_placeholders_and_its_preview_tags() -> None:
    names = set(re.findall(r"\$\{(EXPLORER_\w+)\}", TEMPLATE))
    assert names == {"EXPLORER_LISTEN", "EXPLORER_REPLICA_1", "EXPLORER_REPLICA_2", "EXPLORER_PUBLIC_URL"}
    assert "envsubst '" + " ".join(f"${{{n}}}" for n in sorted(names, key=TEMPLATE.index)) + "'" in TEMPLATE
    assert (paths.STATIC_DIR / "preview.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for tag in ("og:title", "og:description", "og:image", "twitter:card", "<title>AI Alliance Explorer</title>"):
        assert tag in TEMPLATE


def template_headers() -> dict[str, str]:
    """The security headers the proxy template sends on every response."""
    return dict(re.findall(r'add_header ([\w-]+) "([^"]+)" always;', TEMPLATE))


def test_kubernetes_probes_ingress_affinity_and_paths_match_the_app() -> None:
    deployment, service, ingress = kind("Deployment"), kind("Service"), kind("Ingress")
    assert deployment["spec"]["replicas"] >= 2
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    base = next(e["value"] for e in container["env"] if e["name"] == "STREAMLIT_SERVER_BASE_URL_PATH")
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == f"/{base}/_stcore/health"
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert ingress["spec"]["rules"][0]["http"]["paths"][0]["path"] == f"/{base}"
    assert service["spec"]["selector"] == deployment["spec"]["selector"]["matchLabels"]


def test_kubernetes_sends_the_proxys_security_headers_without_a_snippet() -> None:
    ingress, headers = kind("Ingress"), kind("ConfigMap")
    notes = ingress["metadata"]["annotations"]
    assert not [k for k in notes if "snippet" in k], "ingress-nginx refuses snippets by default (CVE-2021-25742)"
    namespace = ingress["metadata"]["namespace"]
    assert notes["nginx.ingress.kubernetes.io/custom-headers"] == f"{namespace}/{headers['metadata']['name']}"
    assert headers["metadata"]["namespace"] == namespace  # the controller reads only the Ingress's own namespace
    assert headers["data"] == template_headers()
    assert headers["data"]["Content-Security-Policy"] == csp()
    for name, value in headers["data"].items():
        assert HEADER_NAME.match(name) and HEADER_VALUE.match(value), f"ingress-nginx would refuse {name}: {value}"
    allowed = re.search(r"global-allowed-response-headers: \"([^\"]+)\"", K8S_TEXT)
    assert allowed and set(allowed.group(1).split(",")) == set(headers["data"]), "the documented allow-list"


def test_kubernetes_objects_live_in_their_own_namespace() -> None:
    namespace = kind("Namespace")
    assert namespace["metadata"]["name"] not in ("default", "kube-system")
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"
    for doc in K8S:
        if doc["kind"] != "Namespace":
            assert doc["metadata"]["namespace"] == namespace["metadata"]["name"], doc["kind"]


def dockerfile_user() -> tuple[int, int]:
    user = [line.split()[1] for line in DOCKERFILE.splitlines() if line.startswith("USER ")][-1]
    assert re.fullmatch(r"\d+:\d+", user), f"USER {user}: name the user and group by number"
    uid, gid = (int(x) for x in user.split(":"))
    return uid, gid


def test_the_pod_runs_locked_down_as_the_images_user() -> None:
    pod = kind("Deployment")["spec"]["template"]["spec"]
    assert pod["automountServiceAccountToken"] is False  # the app never talks to the Kubernetes API
    context = pod["securityContext"]
    assert context["runAsNonRoot"] is True and context["seccompProfile"] == {"type": "RuntimeDefault"}
    assert (context["runAsUser"], context["runAsGroup"]) == dockerfile_user() and context["runAsUser"] >= 10000
    (container,) = pod["containers"]
    locked = container["securityContext"]
    assert locked["readOnlyRootFilesystem"] is True and locked["allowPrivilegeEscalation"] is False
    assert locked["capabilities"] == {"drop": ["ALL"]}
    for part in ("requests", "limits"):
        assert {"cpu", "memory"} <= set(container["resources"][part]), part


def writable_paths() -> dict[str, dict[str, Any]]:
    """The container paths the Deployment mounts writable, and each volume."""
    pod = kind("Deployment")["spec"]["template"]["spec"]
    volumes = {v["name"]: v for v in pod["volumes"]}
    return {m["mountPath"]: volumes[m["name"]] for m in pod["containers"][0]["volumeMounts"]}


def test_the_only_writable_paths_are_small_empty_dirs() -> None:
    mounts = writable_paths()
    assert set(mounts) == {"/tmp"}  # tests/e2e/test_container.py runs the app with only these writable
    for volume in mounts.values():
        assert set(volume) == {"name", "emptyDir"} and volume["emptyDir"]["sizeLimit"].endswith("Mi")
        assert int(volume["emptyDir"]["sizeLimit"][:-2]) <= 64


def test_only_the_ingress_controller_reaches_the_pods_and_they_reach_nothing() -> None:
    policy, deployment = kind("NetworkPolicy"), kind("Deployment")
    assert policy["spec"]["podSelector"]["matchLabels"] == deployment["spec"]["template"]["metadata"]["labels"]
    assert sorted(policy["spec"]["policyTypes"]) == ["Egress", "Ingress"]
    assert policy["spec"]["egress"] == []
    (rule,) = policy["spec"]["ingress"]
    (source,) = rule["from"]
    assert set(source) == {"namespaceSelector", "podSelector"}  # both: the controller's pods in its namespace
    port = deployment["spec"]["template"]["spec"]["containers"][0]["ports"][0]["containerPort"]
    assert rule["ports"] == [{"protocol": "TCP", "port": port}]


def test_the_image_runs_as_a_numeric_user_and_writes_nothing_where_the_app_lives() -> None:
    assert dockerfile_user() == (10001, 10001)
    assert "--uid 10001" in DOCKERFILE and "--gid 10001" in DOCKERFILE
    copies = [line for line in DOCKERFILE.splitlines() if line.startswith(("COPY ", "ADD "))]
    assert copies and not [c for c in copies if "--chown" in c or "--chmod" in c]  # root's files, read-only to 10001


def test_the_proxy_serves_robots_txt_and_a_described_page_when_no_replica_answers() -> None:
    robots = re.search(r'location = /robots.txt \{\s*default_type text/plain;\s*return 200 "([^"]+)";', TEMPLATE)
    assert robots and robots.group(1).startswith("User-agent: *\n")
    assert "error_page 502 503 504 =503 /explorer-unavailable.html;" in TEMPLATE
    assert TEMPLATE.count(f'<meta name="description" content="{DESCRIPTION}">') == 2  # the app's pages and that one
