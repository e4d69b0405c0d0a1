# The consult explainer as one container. Build:  docker build -t explainer .
# Run:  docker run --rm -p 8501:8501 explainer   then open http://localhost:8501
#
# Pinned to the Python the test suite runs on (3.11.7), by digest: a tag can be pushed again, a
# digest cannot. The digest is the one public Dockerfiles pin for this tag (three independent
# repositories agree); `docker buildx imagetools inspect python:3.11.7-slim-bookworm` shows it.
# 3.11.7 is from December 2023: on a schedule (monthly), raise the patch version on purpose,
# put the new digest here, rebuild and run the tests. Never float on "3.11" or "latest".
FROM python:3.11.7-slim-bookworm@sha256:d11b9bd5e49ea7401753d78f4d3b56f3aec952b85b49bcae88981f0452818e0b

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    HOME=/home/app \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_SERVER_ENABLE_AGENT_API=false

# A fixed, unprivileged user; the numeric id lets Kubernetes check runAsNonRoot.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /home/app --create-home --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies first, so a content or code change does not reinstall them. requirements.lock
# pins every package the app runs on (45, not just the 8 in requirements.txt) with their hashes
# (made by pip-compile --generate-hashes); pip refuses anything that does not match.
COPY requirements.lock ./
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock

# The app, read-only for the user it runs as (files stay owned by root).
COPY app.py serve.py ./
COPY .streamlit ./.streamlit
COPY explainer ./explainer
COPY explainer_ui ./explainer_ui
COPY app_pages ./app_pages
COPY content ./content

# Refuse to build an image whose content has mistakes or reads above the grade limit.
RUN python -m explainer.check

USER 10001:10001
EXPOSE 8501

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; r = urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4); sys.exit(0 if r.read().strip() == b'ok' else 1)"]

# .streamlit/config.toml keeps the server on loopback; in a container it must listen on all
# interfaces of the container's own network namespace. serve.py is app.py behind the app's own
# middleware (explainer_ui/guard.py): foreign-origin websocket handshakes refused without an
# outbound lookup, no-store on /media/, security headers, metrics and agent API closed.
CMD ["streamlit", "run", "serve.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
