"""Course documents in and out: a document model (model.py), readers that build it from Markdown, HTML, DOCX, ODT,
PPTX and PDF files (readers/), the per-block adaptation driven by a profile (adapt.py) and writers that give an
accessible file back (writers/). Readers and writers are pure where the format allows; pandoc and PDFium sit
behind adapters."""
