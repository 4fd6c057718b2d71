"""Language data and analysis (French first, English second)."""
