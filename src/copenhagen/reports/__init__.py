"""Reports of assessments for people: plain text, Markdown, standalone HTML, batch summaries.

Each renderer takes an `copenhagen.assessment.Assessment` (or its ``to_dict()``) and escapes
everything the user wrote. Modules: `copenhagen.reports.text`, `copenhagen.reports.markdown`,
`copenhagen.reports.html`, `copenhagen.reports.summary` and `copenhagen.reports.chart`.
"""
