# The consult explainer as one container. Build:  docker build -t explainer .
# Run:  docker run --rm -p 8501:8501 explainer   then open http://localhost:8501
#
# Pinned to the Python the test suite runs on (3.11.7). Raise the patch version on purpose,
# rebuild, and run the tests; do not float on "3.11" or "latest".
FROM python:3.11.7-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    HOME=/home/app \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none

# A fixed, unprivileged user; the numeric id lets Kubernetes check runAsNonRoot.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /home/app --create-home --shell /usr/sbin/nologin app

WORKDIR /app

# Dependencies first, so a content or code change does not reinstall them.
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

# The app, read-only for the user it runs as (files stay owned by root).
COPY app.py ./
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
# interfaces of the container's own network namespace.
CMD ["streamlit", "run", "app.py", "--server.address", "0.0.0.0", "--server.port", "8501"]
