"""SHUDARGA_STORAGE=s3 against a local S3 stand-in: moto's server on a free port, spoken to
over HTTP by boto3 as a real bucket would be.

Evidence goes up through the web page and comes back only through the access-checked view;
a publication's files are written to and served from the bucket; a failed upload leaves no
object; a backup names the bucket's areas in its manifest and archives none of their files.
"""

from __future__ import annotations

import io
import json
import tarfile
import uuid
from collections.abc import Iterator

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from moto.server import ThreadedMotoServer

from shudarga.cli import main
from shudarga.filestores import StorageConfigError, file_storages
from shudarga.ops.backup import restore
from shudarga.plans.models import Evidence
from shudarga.plans.reports.filling import evidence_add_file
from shudarga.portal.files import publication_file_name
from tests.personas import PDF, PNG, client_for, make_plan
from tests.portal.support import publication_make, report_with_results

KEYS = {"SHUDARGA_S3_ACCESS_KEY_ID": "testing", "SHUDARGA_S3_SECRET_ACCESS_KEY": "testing"}


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(endpoint, settings, tmp_path, monkeypatch) -> Iterator:
    """A new bucket, and STORAGES["evidence"] and ["generated"] in it, built from the same
    variables production reads."""
    name = f"shudarga-{uuid.uuid4().hex[:12]}"
    env = {
        "SHUDARGA_STORAGE": "s3",
        "SHUDARGA_S3_BUCKET": name,
        "SHUDARGA_S3_ENDPOINT_URL": endpoint,
        "SHUDARGA_S3_REGION": "us-east-1",
        **KEYS,
    }
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        **file_storages(env, evidence_root=tmp_path / "no", generated_root=tmp_path / "no"),
    }
    yield boto3.resource(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ).Bucket(name)
    assert not (tmp_path / "no").exists(), "nothing was written to a folder"


def keys(bucket) -> list[str]:
    return sorted(obj.key for obj in bucket.objects.all())


@pytest.mark.django_db
def test_evidence_goes_into_the_bucket_and_comes_back_only_through_the_checked_view(
    bucket, report, results, officer, outsider, rival
):
    result = results["1.1"]
    upload = SimpleUploadedFile("Тушаал.pdf", PDF + b"%s3 test")
    url = reverse("web:evidence_upload", args=[report.pk, result.pk])
    assert client_for(officer).post(url, {"files": [upload]}).status_code == 302

    evidence = Evidence.objects.get(result=result)
    assert keys(bucket) == [f"evidence/{evidence.file.name}"]
    assert evidence.file.name.startswith(f"{report.pk}/") and "Тушаал" not in evidence.file.name
    download = reverse("web:evidence_download", args=[evidence.pk])
    response = client_for(officer).get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF + b"%s3 test"
    assert response["Cache-Control"] == "private, no-store"
    assert "attachment" in response["Content-Disposition"]
    for stranger in (outsider, rival):
        assert client_for(stranger).get(download).status_code == 404
    assert Client().get(download).status_code == 302  # to the login page


class Breaks(io.BytesIO):
    """Content whose reading fails after its first 16 bytes (a dropped connection, say)."""

    def read(self, size=-1):
        if self.tell() >= 16:
            raise OSError("connection reset")
        return super().read(16 if size is None or size < 0 else min(size, 16))


class BreakingUpload(SimpleUploadedFile):
    def __init__(self, name: str, content: bytes) -> None:
        super().__init__(name, content)
        self.file = Breaks(content)

    def chunks(self, chunk_size=None):  # what a folder storage writes, chunk by chunk
        self.file.seek(0)
        while True:
            yield self.file.read(16)


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["bucket", "evidence_root"])
def test_a_failed_upload_leaves_neither_a_file_nor_a_row(where, request, report, results, officer):
    """On disk the first 16 bytes were written before the failure: they are removed too."""
    store = request.getfixturevalue(where)
    upload = BreakingUpload("зураг.png", PNG + b"x" * 4096)
    with pytest.raises(OSError, match="connection reset"):
        evidence_add_file(user=officer, result=results["1.1"], upload=upload)
    assert (keys(store) if where == "bucket" else list(store.rglob("*.*"))) == []
    assert not Evidence.objects.exists()


@pytest.mark.django_db
def test_publication_files_are_written_to_and_served_from_the_bucket(bucket, khujirt, head):
    report = report_with_results(make_plan(khujirt, year=2025), achieved="Нийтэлсэн ажил")
    publication = publication_make(report, by=head)
    url = reverse("portal:report_file", args=[report.pk, "json"])
    first = Client().get(url)
    assert first.status_code == 200
    key = f"generated/{publication_file_name(publication, 'json')}"
    assert keys(bucket) == [key]
    assert bucket.Object(key).get()["Body"].read() == first.content
    # What the bucket holds is what the next citizen gets.
    bucket.put_object(Key=key, Body=b'{"from": "the bucket"}')
    assert Client().get(url).content == b'{"from": "the bucket"}'


@pytest.mark.django_db(transaction=True)
def test_a_backup_names_the_bucket_areas_archives_none_of_their_files_and_restores_around_them(
    bucket, report, results, officer, tmp_path, capsys, empty_database
):
    evidence = evidence_add_file(
        user=officer, result=results["1.1"], upload=SimpleUploadedFile("a.png", PNG)
    )
    archive = tmp_path / "backup.tar"
    assert main(["--lang", "en", "backup", "-o", str(archive)]) == 0
    out = capsys.readouterr().out
    assert f"the «evidence» files are in s3://{bucket.name}/evidence/" in out
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert not [n for n in names if n.startswith("files/")]
    assert manifest["areas"] == []
    assert manifest["object_areas"] == {
        "evidence": f"s3://{bucket.name}/evidence/",
        "generated": f"s3://{bucket.name}/generated/",
    }
    assert len(keys(bucket)) == 1  # the bucket keeps the file itself

    summary = restore(archive, connection=empty_database)
    assert summary.files == 0 and dict(summary.object_areas) == manifest["object_areas"]
    with empty_database.cursor() as cursor:
        cursor.execute(f"SELECT file FROM {Evidence._meta.db_table}")
        assert cursor.fetchall() == [(evidence.file.name,)]
    assert keys(bucket) == [f"evidence/{evidence.file.name}"]  # what the restored row names


def test_the_keys_may_come_from_files_and_a_wrong_setting_stops_the_start(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s3cret\n")
    env = {
        "SHUDARGA_STORAGE": "s3",
        "SHUDARGA_S3_BUCKET": "b",
        "SHUDARGA_S3_ACCESS_KEY_ID": "id",
        "SHUDARGA_S3_SECRET_ACCESS_KEY_FILE": str(secret),
    }
    built = file_storages(env, evidence_root=tmp_path, generated_root=tmp_path)
    options = built["evidence"]["OPTIONS"]
    assert (options["access_key"], options["secret_key"]) == ("id", "s3cret")
    assert (options["location"], built["generated"]["OPTIONS"]["location"]) == (
        "evidence",
        "generated",
    )
    assert options["file_overwrite"] is False and options["default_acl"] is None
    with pytest.raises(StorageConfigError, match="SHUDARGA_S3_BUCKET"):
        file_storages({"SHUDARGA_STORAGE": "s3"}, evidence_root=tmp_path, generated_root=tmp_path)
    with pytest.raises(StorageConfigError, match="filesystem or s3"):
        file_storages({"SHUDARGA_STORAGE": "nfs"}, evidence_root=tmp_path, generated_root=tmp_path)
