# The image of the setup, web, worker, beat and backup services of docker-compose.yml.
# Bookworm: its PostgreSQL client is 15, the server's version, for bin/backup and bin/restore.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# DejaVu draws the QR label sheets; pg_dump and pg_restore take and restore backups.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core postgresql-client \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, in a layer of their own that a change to the code does not rebuild.
COPY pyproject.toml ./
RUN pip install --no-cache-dir .

COPY . .
RUN bin/build-static \
    && groupadd --system --gid 10001 ocop \
    && useradd --system --uid 10001 --gid ocop --no-create-home --home-dir /app ocop \
    && mkdir -p /srv/media /srv/private /srv/beat /srv/backups \
    && chown ocop:ocop /srv/media /srv/private /srv/beat /srv/backups

# Named volumes mounted on /srv/* start with these owners.
USER 10001:10001
EXPOSE 8000
CMD ["gunicorn", "shop.wsgi:application", "--bind=0.0.0.0:8000"]
