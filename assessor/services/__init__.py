"""Use cases: one function per user action, one transaction each, plain values out."""
