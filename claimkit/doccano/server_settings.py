"""Django settings of the Doccano server claimkit runs (``claimkit doccano serve``, the tests,
the benchmark): Doccano 1.8.4's production settings plus two speed fixes.

Never imported by claimkit: :mod:`.server` copies this file into ``HOME/settings`` at every
start and points DJANGO_SETTINGS_MODULE at it, in the web server and the Celery worker.

1. The Celery worker looks for new tasks every 0.25 s instead of every second (kombu's default
   for its SQLAlchemy transport, Doccano's broker on SQLite), so that an import or export a
   client waits for starts within a quarter second. The idle worker then uses about 1.5 % of a
   core (0.5 % with the default), measured on the loaded 2-core machine.
2. Doccano's dataset import (``data_import.pipeline.labels.Labels.save_types``) builds one
   label-type row per imported span and relation and inserts them all with INSERT OR IGNORE,
   a quarter of the import's time for claimkit's drafts; it needs one per distinct label
   name. The patch builds the rows from the first label of each name only: the same types
   are created, nothing else changes. Applied in the worker before its first task.
"""

from config.settings.production import *  # noqa: F403

# kombu hands the SQLAlchemy transport's options to create_engine, so the interval is set on
# the class.
from kombu.transport import sqlalchemy as _broker

_broker.Transport.polling_interval = 0.25


def _one_type_per_name(**_kwargs):
    """Patch ``Labels.save_types`` (once; Django is set up when a task starts)."""
    try:
        from data_import.pipeline.labels import Labels
    except ImportError:  # another Doccano layout: leave it alone
        return
    if getattr(Labels.save_types, "claimkit", False):
        return

    def save_types(self, project):
        firsts = {}
        for label in self.labels:
            key = (type(label), getattr(label, "label", None), getattr(label, "type", None))
            firsts.setdefault(key, label)
        types = [label.create_type(project) for label in firsts.values()]
        self.types.save([t for t in types if t is not None])
        self.types.update(project)

    save_types.claimkit = True
    Labels.save_types = save_types


from celery.signals import task_prerun as _task_prerun  # noqa: E402

_task_prerun.connect(_one_type_per_name, weak=False)
