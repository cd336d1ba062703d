"""The hosting files hold their settings: Streamlit's config, the proxy template, the Kubernetes example."""

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
K8S = list(yaml.safe_load_all((paths.ROOT / "deploy" / "k8s" / "explorer.yaml").read_text()))


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


def test_kubernetes_probes_ingress_affinity_and_csp_match_the_app() -> None:
    deployment, service, ingress = K8S
    assert (deployment["kind"], service["kind"], ingress["kind"]) == ("Deployment", "Service", "Ingress")
    assert deployment["spec"]["replicas"] >= 2
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    base = next(e["value"] for e in container["env"] if e["name"] == "STREAMLIT_SERVER_BASE_URL_PATH")
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == f"/{base}/_stcore/health"
    notes = ingress["metadata"]["annotations"]
    assert notes["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert int(notes["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600
    assert f'Content-Security-Policy: {csp()}"' in notes["nginx.ingress.kubernetes.io/configuration-snippet"]
    assert ingress["spec"]["rules"][0]["http"]["paths"][0]["path"] == f"/{base}"
