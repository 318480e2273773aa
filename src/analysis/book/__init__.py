"""The decision book: run the chapter notebooks per language and assemble the trilingual site.

One module per stage: `paths` (where everything lives), `content` (the hashes that make builds
incremental), `execute` (papermill runs and the cell tags that hide code), `stage` (each language's
source tree), `render` (Jupyter Book per language), `publish` (landing page and the atomic swap),
`pipeline` (the whole build), `sphinx_ext` (right-to-left, language links, theme words).
"""
