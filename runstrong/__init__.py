"""runstrong: a terminal strength-training tracker for runners."""

__version__ = "0.1.0"
