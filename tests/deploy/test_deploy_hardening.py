"""Issue 15, point 8: the deployment files say what the review asked (read, not run: there is no
Docker engine or cluster here)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest

from tests.support.paths import ROOT

DIGEST = re.compile(r"@sha256:[0-9a-f]{64}\b")
LOCK_LINE = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;\\]+)")


def _instructions() -> list[str]:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _lock() -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes) from requirements.lock."""
    entries: dict[str, tuple[str, list[str]]] = {}
    current = None
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = LOCK_LINE.match(line)
        if match:
            current = match.group(1).lower().replace("_", "-")
            entries[current] = (match.group(2), [])
        elif current and "--hash=sha256:" in line:
            entries[current][1].append(line.split("--hash=sha256:")[1].strip(" \\"))
    return entries


def test_base_image_is_pinned_by_digest():
    [base] = [line for line in _instructions() if line.startswith("FROM ")]
    assert re.fullmatch(r"FROM python:3\.11\.\d+-slim-bookworm@sha256:[0-9a-f]{64}", base), base


def test_image_installs_only_the_hashed_lock():
    installs = [line for line in _instructions() if line.startswith("RUN pip install")]
    assert installs == ["RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock"]


def test_every_locked_package_has_hashes_and_a_version():
    lock = _lock()
    assert len(lock) >= 40, "the whole runtime closure, not only the direct packages"
    for name, (version, hashes) in lock.items():
        assert hashes, f"{name} has no hash"
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in hashes), name
        assert re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", version), f"{name}=={version}"
    for needed in ("streamlit", "uvicorn", "starlette", "protobuf", "pyarrow", "numpy", "websockets", "fpdf2"):
        assert needed in lock, f"{needed} floats: not in requirements.lock"


def test_lock_agrees_with_requirements_txt():
    lock = _lock()
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        match = LOCK_LINE.match(line.strip())
        if match:
            name = match.group(1).lower().replace("_", "-")
            assert lock.get(name, ("missing",))[0] == match.group(2), f"{name}: run pip-compile again"


def test_tests_run_on_the_locked_versions():
    """What the image installs is what the tests ran on."""
    mismatched = []
    for name, (version, _) in _lock().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # e.g. a platform-only package
        if installed != version:
            mismatched.append(f"{name}: lock {version}, installed {installed}")
    assert not mismatched, mismatched


def test_image_runs_the_guarded_launcher_and_copies_what_it_needs():
    instructions = _instructions()
    cmd = [line for line in instructions if line.startswith("CMD ")][-1]
    assert '"serve.py"' in cmd
    copied: set[str] = set()
    for line in instructions:
        if line.startswith("COPY "):
            copied.update(line.split()[1:-1])
    for needed in ("requirements.lock", "app.py", "serve.py", "explainer_ui"):
        assert needed in copied, needed
    for source in copied:
        assert (ROOT / source).exists(), source
    ignore = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    for source in copied:
        assert f"!{source}" in ignore or f"!{source}/" in ignore, f".dockerignore leaves out {source}"
    assert "STREAMLIT_SERVER_ENABLE_AGENT_API=false" in (ROOT / "Dockerfile").read_text(encoding="utf-8")


def test_config_pins_agent_api_and_error_links_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableAgentApi"] is False
    assert config["client"]["showErrorLinks"] in (False, "false")
    assert config["browser"]["gatherUsageStats"] is False


@pytest.fixture(scope="module")
def manifests() -> dict[str, dict]:
    yaml = pytest.importorskip("yaml")
    return {d["kind"]: d for d in yaml.safe_load_all((ROOT / "deploy" / "kubernetes.yaml").read_text())}


def test_kubernetes_pod(manifests):
    pod = manifests["Deployment"]["spec"]["template"]["spec"]
    [container] = pod["containers"]
    assert DIGEST.search(container["image"]), "pin the image by digest"
    assert container["resources"]["requests"]["cpu"] in ("1", 1, "1000m"), "one busy core"
    assert container["resources"]["requests"]["memory"] == "384Mi"
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["STREAMLIT_SERVER_ENABLE_AGENT_API"] == "false"
    assert pod["dnsPolicy"] == "None" and pod["dnsConfig"]["nameservers"] == ["127.0.0.1"]


def test_kubernetes_disruption_budget_and_egress(manifests):
    labels = manifests["Deployment"]["spec"]["selector"]["matchLabels"]
    pdb = manifests["PodDisruptionBudget"]["spec"]
    assert pdb["minAvailable"] >= 1 and pdb["selector"]["matchLabels"] == labels
    policy = manifests["NetworkPolicy"]["spec"]
    assert policy["podSelector"]["matchLabels"] == labels
    assert "Egress" in policy["policyTypes"] and policy["egress"] == []


def test_kubernetes_edge(manifests):
    headers = manifests["ConfigMap"]["data"]
    csp = headers["Content-Security-Policy"]
    for part in ("frame-ancestors 'none'", "img-src 'self' data:", "connect-src 'self'"):
        assert part in csp
    assert headers["X-Frame-Options"] == "DENY"
    annotations = manifests["Ingress"]["metadata"]["annotations"]
    assert "nginx.ingress.kubernetes.io/upstream-vhost" not in annotations, "Host must pass unchanged"


def test_guide_says_what_the_files_do():
    guide = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    for phrase in ("Host` through unchanged", "no-store", "requirements.lock", "PodDisruptionBudget", "REJECT"):
        assert phrase in guide, phrase
    assert "settles about 10 MB above" not in guide, "the old, unmeasured memory figure"
