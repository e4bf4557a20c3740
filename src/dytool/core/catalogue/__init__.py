"""The catalogue: every sentence dytool shows to people, in Chinese and English, in one place.

One module per area, each a list of :class:`~dytool.core.messages.Text` constants with their
parameters; the code that uses one only fills it in::

    from dytool.core.catalogue import briefing as words
    words.DAYS_LEFT(n=3).text(lang)        # 剩余 3 天 / 3 days left

=================  ============================================================
``system``         what the operating system says (errno), the error boundary
``usage``          the command line: options, paths, repositories
``briefing``       ``dytool status`` (text, Markdown and Word alike)
``check``          ``dytool check``'s report for people
``changes``        ``dytool diff`` and ``status --since``
``rollup``         the roll-up's briefing and its changes
``commands``       what the editing and writing commands report
``doctor``         ``dytool doctor``
=================  ============================================================

The finding codes and their titles stay in :mod:`dytool.core.codes`; the names of record
kinds come from the models (:func:`dytool.models.kind_noun`).
"""
