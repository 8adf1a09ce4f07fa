"""The one style sheet every HTML report carries inline (no network needed to view a report)."""

from __future__ import annotations

__all__ = ["STYLE"]

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1a1a1a;
  background: #fafafa; line-height: 1.45; }
main { max-width: 64rem; margin: 0 auto; padding: 1.5rem; background: #fff; }
h1 { font-size: 1.6rem; margin-top: 0; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
.status { font-weight: 600; white-space: nowrap; padding: .05rem .35rem; border-radius: .25rem; }
.status-met { background: #d9f2d9; } .status-partial { background: #fff3cd; }
.status-not_met { background: #f8d7da; outline: 2px solid #8b1a1a; }
.status-unknown { background: #eee; outline: 1px dashed #555; }
.outcome { font-weight: 700; } .undecided { font-style: italic; }
.about { margin: .25rem 0; } .not-declared { color: #555; font-style: italic; }
.cite { color: #444; font-size: .9em; white-space: nowrap; }
.rule { font-family: ui-monospace, monospace; }
.related { color: #444; font-size: .9em; }
.warning { border-left: 4px solid #8a6d00; padding-left: .5rem; }
figure { margin: 1rem 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
footer { color: #555; font-size: .85em; margin-top: 2rem; }
.bar-label { font-size: 12px; } .bar-value { font-size: 12px; font-weight: 600; }
@media (max-width: 40rem) {
  main { padding: .6rem; }
  table { display: block; overflow-x: auto; }
  .cite { white-space: normal; }
}
"""
