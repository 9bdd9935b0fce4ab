from django.db import migrations, models

# On PostgreSQL each write (pagecache_mark, put on every public table by pagecache.version
# after each migrate) inserts a PendingChange; this trigger, deferred to the commit,
# turns it into a new content version, so the version's row is locked only while committing.
CREATE_TRIGGER = """
CREATE OR REPLACE FUNCTION pagecache_mark() RETURNS trigger AS $$
BEGIN
    INSERT INTO pagecache_pendingchange DEFAULT VALUES;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION pagecache_bump() RETURNS trigger AS $$
BEGIN
    INSERT INTO pagecache_contentversion (id, version)
    VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
    ON CONFLICT (id) DO UPDATE SET version = GREATEST(
        pagecache_contentversion.version + 1, EXCLUDED.version);
    DELETE FROM pagecache_pendingchange WHERE id = NEW.id;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER pagecache_bump_on_commit
    AFTER INSERT ON pagecache_pendingchange
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION pagecache_bump();
"""
DROP_TRIGGER = """
DROP TRIGGER IF EXISTS pagecache_bump_on_commit ON pagecache_pendingchange;
DROP FUNCTION IF EXISTS pagecache_bump();
DROP FUNCTION IF EXISTS pagecache_mark() CASCADE;
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_TRIGGER)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_TRIGGER)


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.PositiveSmallIntegerField(default=1, primary_key=True, serialize=False),
                ),
                ("version", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name="PendingChange",
            fields=[("id", models.BigAutoField(primary_key=True, serialize=False))],
        ),
        migrations.RunPython(create_trigger, drop_trigger),
    ]
