"""Benchmarks at city scale (DESIGN §8, issue 7): ``python -m benchmarks [--quick] [--only NAME]``.

Every ratio is measured against a baseline taken in the same run, on the same machine, so a
shared and noisy machine moves both sides. Each benchmark runs several times and reports the
median. The "large" data set (100 000 contacts and what belongs to them) is built once and
cached under ``build/bench/``; runs that change a store work on a copy.
"""
