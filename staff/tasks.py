"""Background tasks, run by the task worker (`manage.py db_worker`)."""

from django.tasks import task

from staff.jobs import run_job


@task()
def read_upload(job_id: int) -> str:
    """Read one uploaded PDF into the database; the outcome is kept on its IngestJob."""
    return run_job(job_id)
