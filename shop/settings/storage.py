"""Where media live: local folders by default, S3-compatible object storage when S3_BUCKET is
set. Certificate scans then go to a second bucket that is never public."""

from __future__ import annotations

from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"


def media_storages(env: environ.Env, *, private_x_accel_prefix: str = "") -> dict[str, Any]:
    """The "default" (public media) and "private" (certificate scans) entries of STORAGES for
    object storage, or {} to keep the local ones.

    Public media are read by browsers straight from the bucket (or S3_CUSTOM_DOMAIN), with
    plain addresses. Private files sit in S3_PRIVATE_BUCKET, written with the private ACL;
    the site streams them through its checked views as it does from disk, and any address the
    storage makes for one is signed and lasts S3_PRIVATE_URL_SECONDS.
    """
    bucket = env("S3_BUCKET", default="")
    if not bucket:
        return {}
    private_bucket = env("S3_PRIVATE_BUCKET", default="")
    if not private_bucket or private_bucket == bucket:
        # One bucket for both would leave scans one bucket policy away from the public.
        raise ImproperlyConfigured(
            "S3_BUCKET is set: set S3_PRIVATE_BUCKET too, to a second bucket that no policy "
            "makes public (certificate scans are kept there)."
        )
    if private_x_accel_prefix:
        raise ImproperlyConfigured(
            "PRIVATE_MEDIA_X_ACCEL_PREFIX hands files to nginx from PRIVATE_MEDIA_ROOT; with "
            "S3_PRIVATE_BUCKET there are none on disk: leave it empty."
        )
    connection = {
        # Empty: boto3's own chain (instance role, AWS_* variables, ~/.aws) decides.
        "access_key": env("S3_ACCESS_KEY_ID", default="") or None,
        "secret_key": env("S3_SECRET_ACCESS_KEY", default="") or None,
        "endpoint_url": env("S3_ENDPOINT_URL", default="") or None,
        "region_name": env("S3_REGION", default="") or None,
        # Two uploads of "photo.jpg" keep both files, as on disk.
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **connection,
                "bucket_name": bucket,
                # Public reads come from the bucket's policy: many providers refuse ACLs.
                "default_acl": None,
                "querystring_auth": False,
                "custom_domain": env("S3_CUSTOM_DOMAIN", default="") or None,
                "object_parameters": {"CacheControl": "public, max-age=604800"},
            },
        },
        "private": {
            "BACKEND": S3_BACKEND,
            "OPTIONS": {
                **connection,
                "bucket_name": private_bucket,
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": env.int("S3_PRIVATE_URL_SECONDS", default=300),
                # A signature is only valid on the bucket's own host, never a CDN's.
                "custom_domain": None,
                "object_parameters": {"CacheControl": "private, no-store"},
            },
        },
    }
