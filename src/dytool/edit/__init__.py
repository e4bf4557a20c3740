"""Commands that change a campaign repository, and the safe-write machinery under them.

:mod:`~dytool.edit.yamlio` configures ruamel.yaml (the only writer), :mod:`~dytool.edit.splice`
changes one record of a text and nothing else, :mod:`~dytool.edit.safewrite` checks the
repository as it would be and replaces files atomically.  On top: :mod:`~dytool.edit.new`,
:mod:`~dytool.edit.close`, :mod:`~dytool.edit.fmt`, :mod:`~dytool.edit.export`,
:mod:`~dytool.edit.importer`.  Nothing here prints or reads the clock.
"""
