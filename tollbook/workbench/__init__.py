"""The review workbench (``tollbook workbench``): a local page to decide drafted claims while
reading the text. Every save goes through :func:`tollbook.extract.propose.review_files.review`,
the code path of ``tollbook review``."""
