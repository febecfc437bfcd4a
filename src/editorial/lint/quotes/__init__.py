"""Finding quotations, attributing them to speakers, and verifying them against transcripts."""
