"""Limits on what a document may hold, stated once for every reader (the web page and the README say them too)."""
MAX_BYTES = 50 * 1024 * 1024  # the file itself
MAX_PAGES = 400  # pages of a PDF, slides of a deck
MAX_IMAGES = 300  # figures kept with their bytes; more are kept without them (alt text and caption only)
MAX_IMAGE_BYTES = 20 * 1024 * 1024  # one picture inside the document
MAX_BLOCKS = 20_000  # headings, paragraphs, list items, table rows… in all
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # what a zipped format (DOCX, ODT, PPTX) may unpack to: no zip bomb
