"""The decision book: run the chapter notebooks per language and assemble the trilingual site.

One module per stage: `paths` (where everything lives), `lock` (one build at a time per output
folder), `snapshot` (the workbook read once), `content` (the hashes that make builds incremental),
`execute` (papermill runs and the cell tags that hide code), `stage` (each language's source
tree), `render` (Jupyter Book per language), `publish` (landing page, the atomic link flip and
the repair of an interrupted one), `pipeline` (the whole build), `checkpoint` (named points where
the fault tests stop a build), `sphinx_ext` (right-to-left, language links, theme words).
"""
