"""Benchmarks run only with `make bench`; they report ratios against baselines in the same run."""
