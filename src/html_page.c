/* html_page.c — the pieces every HTML report page shares (html_page.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "html_page.h"
#include "out.h"
#include "report.h"

#define CHART_W 640     /* px: fits 182 mm of A4 text width */

bool html_page_open(struct html_page *p, const char *path)
{
	p->f = NULL;
	p->path = path;
	/* A name of its own beside path (mkstemp: O_CREAT | O_EXCL, mode 0600),
	 * so the answers are never readable by others, not even for a moment,
	 * and a link planted under the name is not followed. */
	int n = snprintf(p->tmp, sizeof p->tmp, "%s.XXXXXX", path);
	int fd = -1;
	if (n < 0 || (size_t)n >= sizeof p->tmp)
		errno = ENAMETOOLONG;
	else
		fd = mkstemp(p->tmp);
	if (fd >= 0 && !(p->f = fdopen(fd, "w"))) {
		int e = errno;
		close(fd);
		remove(p->tmp);
		errno = e;
	}
	if (!p->f) {
		report_error(MSG_HTML_CANNOT_WRITE, path, strerror(errno));
		return false;
	}
	return true;
}

int html_page_close(struct html_page *p)
{
	bool ok = !ferror(p->f);
	if (fclose(p->f) != 0)
		ok = false;
	p->f = NULL;
	if (!ok || rename(p->tmp, p->path) != 0) {
		report_error(MSG_HTML_CANNOT_WRITE, p->path, strerror(errno ? errno : EIO));
		remove(p->tmp);
		return 1;
	}
	return 0;
}

static const char css[] =
	"@page{size:A4;margin:14mm}"
	"*{box-sizing:border-box}"
	"body{font-family:'Noto Sans','Noto Sans CJK TC','DejaVu Sans',sans-serif;font-size:10pt;"
	"color:#111;margin:0 auto;max-width:182mm;line-height:1.35}"
	"h1{font-size:16pt;margin:0 0 2mm}h2{font-size:12pt;margin:6mm 0 2mm;break-after:avoid}"
	"p{margin:1mm 0}table{border-collapse:collapse;width:100%;margin:1mm 0 3mm}"
	"th,td{border-bottom:0.3mm solid #bbb;padding:0.8mm 1.5mm;text-align:left;vertical-align:top}"
	"th{background:#eee}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
	"tr{break-inside:avoid}thead{display:table-header-group}"
	"table.figures{width:auto}table.figures td{font-size:13pt;font-weight:bold}"
	".grid td{text-align:center;padding:0.4mm;border:0.2mm solid #ccc;width:5mm}"
	".grid td.name{text-align:left;width:auto;white-space:nowrap}"
	".r{color:#05620f}.w{color:#a10e0e}.u{color:#777}"
	"svg{display:block;margin:1mm 0 3mm;max-width:100%}"
	"svg text{font-family:inherit;font-size:9px;fill:#111}"
	".muted{color:#555}";

void html_page_head(FILE *f, enum lang lang, const char *title)
{
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	        "<meta name=\"generator\" content=\"httptutor %s\">\n<title>",
	        lang == LANG_ZH ? "zh-Hant-TW" : "en", HTTPTUTOR_VERSION);
	html_esc(f, title);
	fprintf(f, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>", css);
	html_esc(f, title);
	fputs("</h1>\n", f);
}

void html_page_end(FILE *f)
{
	fputs("</body>\n</html>\n", f);
}

void html_esc(FILE *f, const char *s)
{
	out_html(f, s ? s : "");
}

void html_heading(FILE *f, enum msg m)
{
	fputs("<h2>", f);
	html_esc(f, tr(m));
	fputs("</h2>\n", f);
}

void html_bars_open(FILE *f, const struct html_bars *b, const char *id, enum msg aria)
{
	int h = 8 + b->row * b->rows;
	fprintf(f, "<svg id=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	        "role=\"img\" aria-label=\"", id, CHART_W, h, CHART_W, h);
	html_esc(f, tr(aria));
	fputs("\">\n", f);
}

void html_bar(FILE *f, const struct html_bars *b, int i, const char *g_attrs,
              const char *label, double frac, const char *value)
{
	int y = 4 + b->row * i, track = CHART_W - b->left - b->right, base = y + b->row - 4;
	if (!(frac > 0))
		frac = 0;
	else if (frac > 1)
		frac = 1;
	fprintf(f, "<g %s><text x=\"%d\" y=\"%d\" text-anchor=\"end\">", g_attrs, b->left - 5, base);
	html_esc(f, label);
	fprintf(f, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#e3e3e3\"/>"
	        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
	        "<text x=\"%d\" y=\"%d\">", b->left, y + 1, track, b->row - 3, b->left, y + 1,
	        track * frac, b->row - 3, b->fill, CHART_W - b->right + 5, base);
	html_esc(f, value);
	fputs("</text></g>\n", f);
}

void html_bars_close(FILE *f)
{
	fputs("</svg>\n", f);
}
