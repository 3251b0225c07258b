"""External data: the publishers' datasets and the country crosswalks (one module per publisher)."""
