"""The dataset: many reports extracted into one SQLite database, and the ways to read it.

Each `govfacts` command is a thin layer over one library function:

| command | function |
| --- | --- |
| `govfacts batch` | `extractor.dataset.batch.run_batch` |
| `govfacts compare` | `extractor.dataset.query.compare` (and `pivot` for the table) |
| `govfacts query` | `extractor.dataset.query.query` |
| `govfacts export` | `extractor.dataset.export.export` |
| `govfacts serve` | `extractor.dataset.serve.serve` |
| `govfacts plot` | `extractor.dataset.plot.plot` |

`db` holds the schema and the one-transaction-per-document writes; `inputs`
finds and hashes files (zip entries included); `cli` registers the commands.
Nothing heavy is imported here: the CLI must start fast.
"""
