"""Media on local disk by default; on S3-compatible storage when S3_BUCKET is set, with
certificate scans in a second bucket that nobody reads without a signature."""

import json
import urllib.error
import urllib.request
import uuid

import environ
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from shop.settings.storage import media_storages
from tests.shop.test_settings import PRODUCTION_ENV, _manage

S3_ENV = {
    "S3_BUCKET": "ocop-media",
    "S3_PRIVATE_BUCKET": "ocop-private",
    "S3_ENDPOINT_URL": "https://s3.example.vn",
    "S3_REGION": "hn-1",
    "S3_ACCESS_KEY_ID": "AKIDEXAMPLE",
    "S3_SECRET_ACCESS_KEY": "secret-example",
    "S3_CUSTOM_DOMAIN": "media.cho-ocop.example",
}
SHOW_STORAGES = """
import json
from django.core.files.storage import storages
public, private = storages["default"], storages["private"]
print(json.dumps({
    "public": type(public).__module__ + "." + type(public).__name__,
    "private": type(private).__module__ + "." + type(private).__name__,
    "public_url": public.url("catalogue/2026/11/honey.jpg"),
    "private_url": private.url("certificates/2026/11/scan.pdf"),
    "private_acl": private.default_acl,
}))
"""


def _env(monkeypatch, values: dict[str, str]) -> environ.Env:
    for name in (*S3_ENV, "S3_PRIVATE_URL_SECONDS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return environ.Env()


def test_without_a_bucket_media_and_scans_stay_on_local_disk(monkeypatch):
    assert media_storages(_env(monkeypatch, {})) == {}
    assert type(storages["default"]).__name__ == "FileSystemStorage"
    assert type(storages["private"]).__name__ == "PrivateFileStorage"


def test_production_with_a_bucket_serves_public_media_plainly_and_signs_scan_addresses():
    result = _manage("shell", "-c", SHOW_STORAGES, env={**PRODUCTION_ENV, **S3_ENV})

    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout.strip().splitlines()[-1])
    assert shown["public"] == shown["private"] == "storages.backends.s3.S3Storage"
    # Photos: the CDN's address, no signature, nothing that expires.
    assert shown["public_url"] == "https://media.cho-ocop.example/catalogue/2026/11/honey.jpg"
    # Scans: the private bucket on the provider's own host, signed, valid for five minutes.
    private_url = shown["private_url"]
    assert private_url.startswith("https://s3.example.vn/ocop-private/certificates/2026/11/")
    assert "Signature=" in private_url and "media.cho-ocop.example" not in private_url
    assert "X-Amz-Expires=300" in private_url or "Expires=" in private_url
    assert shown["private_acl"] == "private"


@pytest.mark.parametrize(
    "values",
    [
        {"S3_BUCKET": "ocop-media"},
        {"S3_BUCKET": "ocop-media", "S3_PRIVATE_BUCKET": "ocop-media"},
    ],
    ids=["no private bucket", "the same bucket twice"],
)
def test_a_bucket_without_a_second_private_one_is_refused(monkeypatch, values):
    with pytest.raises(ImproperlyConfigured, match="S3_PRIVATE_BUCKET"):
        media_storages(_env(monkeypatch, values))


def test_production_refuses_to_start_with_scans_in_the_media_bucket():
    env = {**PRODUCTION_ENV, **S3_ENV, "S3_PRIVATE_BUCKET": S3_ENV["S3_BUCKET"]}

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert "S3_PRIVATE_BUCKET" in result.stderr


def test_nginx_hand_off_of_scans_is_refused_with_a_private_bucket(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="PRIVATE_MEDIA_X_ACCEL_PREFIX"):
        media_storages(_env(monkeypatch, S3_ENV), private_x_accel_prefix="/private-media/")


def test_the_lifetime_of_a_signed_scan_address_is_a_setting(monkeypatch):
    env = _env(monkeypatch, {**S3_ENV, "S3_PRIVATE_URL_SECONDS": "60"})

    options = media_storages(env)["private"]["OPTIONS"]

    assert options["querystring_auth"] is True and options["querystring_expire"] == 60


# -- against an S3 server --------------------------------------------------------------------


@pytest.fixture(scope="module")
def s3_server():
    """moto's S3 server on loopback, with a public media bucket and a private one."""
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    suffix = uuid.uuid4().hex[:8]
    buckets = {"S3_BUCKET": f"media-{suffix}", "S3_PRIVATE_BUCKET": f"private-{suffix}"}
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )
    for bucket in buckets.values():
        client.create_bucket(Bucket=bucket)
    # Public reads of the media bucket come from its policy, as the storage expects.
    client.put_bucket_policy(
        Bucket=buckets["S3_BUCKET"],
        Policy=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Principal": "*",
                        "Action": "s3:GetObject",
                        "Resource": f"arn:aws:s3:::{buckets['S3_BUCKET']}/*",
                    }
                ],
            }
        ),
    )
    yield {
        **buckets,
        "S3_ENDPOINT_URL": endpoint,
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "test",
        "S3_SECRET_ACCESS_KEY": "test",
    }
    server.stop()


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_a_scan_saved_to_object_storage_is_readable_only_with_a_signed_address(
    s3_server, monkeypatch, settings
):
    settings.STORAGES = {**settings.STORAGES, **media_storages(_env(monkeypatch, s3_server))}
    private = storages["private"]
    scan = b"%PDF-1.4 certificate scan of a cooperative"

    name = private.save("certificates/2026/12/scan.pdf", ContentFile(scan))

    unsigned = f"{s3_server['S3_ENDPOINT_URL']}/{s3_server['S3_PRIVATE_BUCKET']}/{name}"
    assert _get(unsigned)[0] == 403
    assert _get(private.url(name)) == (200, scan)
    # What the checked views stream to staff and the producer.
    with private.open(name, "rb") as handle:
        assert handle.read() == scan


def test_a_product_photo_saved_to_object_storage_is_public(s3_server, monkeypatch, settings):
    settings.STORAGES = {**settings.STORAGES, **media_storages(_env(monkeypatch, s3_server))}
    public = storages["default"]

    name = public.save("catalogue/2026/12/honey.jpg", ContentFile(b"jpeg bytes"))

    assert "Signature" not in public.url(name)
    assert _get(public.url(name)) == (200, b"jpeg bytes")
