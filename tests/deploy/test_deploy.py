"""The deployment: the server configuration is locked down, the container image and the
Kubernetes example keep their promises."""

import re
import tomllib
from pathlib import Path

import yaml

from explainer import sections
from tests.support.paths import ROOT

PAGE_FOLDERS = sorted({Path(s.path).parts[0] for s in sections.SECTIONS})  # where the page scripts live


# -- (c) Configuration -------------------------------------------------------------------------


def test_config_is_hardened():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    server, client, browser = config["server"], config["client"], config["browser"]
    assert server["enableXsrfProtection"] is True
    assert server.get("enableCORS", True) is True  # XSRF protection needs CORS protection on
    assert client["showErrorDetails"] == "none"
    assert browser["gatherUsageStats"] is False
    assert 0 < server["maxUploadSize"] <= 5  # MB; the app takes no uploads
    assert 0 < server["maxMessageSize"] < 200  # MB; the default is 200
    assert server.get("runOnSave", False) is False
    assert server.get("fileWatcherType") == "none"  # a production server does not watch its files
    assert config.get("global", {}).get("developmentMode", False) is False


def test_no_full_garbage_collection_after_every_run():
    """Streamlit's default collects all garbage after each run while the page waits to be sent:
    about 70 ms a page move with this app's heap (the benchmark measured it). Memory growth per
    session is checked by the benchmark and the load test instead."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["postScriptGC"] is False


def test_container_image_is_pinned_unprivileged_and_checked():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    instructions = [line.strip() for line in dockerfile.splitlines() if line.strip() and not line.startswith("#")]
    [base] = [line for line in instructions if line.startswith("FROM ")]
    # a full version, not "3.11" or latest, and the exact image by its digest
    assert re.fullmatch(r"FROM python:3\.11\.\d+-slim(-\w+)?@sha256:[0-9a-f]{64}", base), base
    users = [line.split()[1] for line in instructions if line.startswith("USER ")]
    assert users and users[-1].split(":")[0] not in {"0", "root"}
    assert "pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock" in dockerfile
    assert "STREAMLIT_BROWSER_GATHER_USAGE_STATS=false" in dockerfile
    assert "EXPOSE 8501" in dockerfile
    assert re.search(r"HEALTHCHECK .*\n?.*http://127\.0\.0\.1:8501/_stcore/health", dockerfile)
    assert "RUN python -m explainer.check" in dockerfile
    copied = {source for line in instructions if line.startswith("COPY ") for source in line.split()[1:-1]}
    for source in copied:
        assert (ROOT / source).exists(), f"COPY {source}: not in the repository"
    needed = {
        "requirements.lock",
        "app.py",
        "serve.py",
        ".streamlit",
        "explainer",
        "explainer_ui",
        "content",
        *PAGE_FOLDERS,
    }
    assert needed <= copied, f"not copied into the image: {needed - copied}"
    lines = (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
    ignore = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert ignore[0] == "*"  # an allow-list: nothing else reaches the build
    for source in needed:
        assert f"!{source}" in ignore or f"!{source}/" in ignore, f".dockerignore leaves out {source}"


def test_kubernetes_example_has_probes_affinity_and_no_root():
    text = (ROOT / "deploy" / "kubernetes.yaml").read_text(encoding="utf-8")
    docs = {d["kind"]: d for d in yaml.safe_load_all(text)}
    pod = docs["Deployment"]["spec"]["template"]["spec"]
    [container] = pod["containers"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/_stcore/health"
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    assert {"/tmp", "/home/app"} <= {m["mountPath"] for m in container["volumeMounts"]}  # noqa: S108
    assert docs["Service"]["spec"]["sessionAffinity"] == "ClientIP"
    annotations = docs["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert any("proxy-read-timeout" in key for key in annotations)
