"""A generator of Obsidian vaults like the shared accuracy corpus, with other names and other
noise, and the ground truth `score.py` reads. Entry point: `tests/generated/gen_vault.py`."""
