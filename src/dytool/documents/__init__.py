"""Documents: the results compilation and the monthly bulletin, as parts and Markdown."""
