# syntax=docker/dockerfile:1
# Multi-stage build: dependencies are resolved from uv.lock in a builder, the runtime image
# holds the virtual environment and the code, runs as a non-root user and serves gunicorn.

FROM python:3.13-slim-bookworm AS builder
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy UV_PYTHON_DOWNLOADS=never
RUN pip install --no-cache-dir uv
WORKDIR /app
COPY pyproject.toml uv.lock .python-version ./
RUN uv sync --locked --no-dev --no-install-project --extra s3
COPY . .
RUN DEBUG=0 SECRET_KEY=collectstatic-only-not-secret-0123456789abcdef \
    DATA_DIR=/tmp/build-data .venv/bin/python manage.py collectstatic --noinput

FROM python:3.13-slim-bookworm AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 portal \
    && mkdir -p /data/papers && chown -R portal:portal /data
WORKDIR /app
COPY --from=builder --chown=portal:portal /app /app
ENV PATH="/app/.venv/bin:$PATH" \
    PYTHONUNBUFFERED=1 \
    DEBUG=0 \
    DATA_DIR=/data \
    MEDIA_ROOT=/data/papers \
    STATIC_ROOT=/app/staticfiles
USER portal
EXPOSE 8000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl --fail --silent --header "Host: $(echo "${ALLOWED_HOSTS:-localhost}" | cut -d, -f1)" \
        http://127.0.0.1:8000/health/ || exit 1
CMD ["sh", "-c", "python manage.py migrate --noinput && exec gunicorn portal.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY:-2} --timeout 60 --access-logfile -"]
