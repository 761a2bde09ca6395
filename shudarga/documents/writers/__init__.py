"""Writers: a ReportDocument in, the official table out (docx, xlsx, pdf, html, csv, json)."""
