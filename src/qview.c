/* qview.c — keys of a question being asked (see qview.h). */
#include "qview.h"

static int clamp(int top, int rows, int nlines)
{
	int max = nlines > rows ? nlines - rows : 0;
	return top > max ? max : top < 0 ? 0 : top;
}

/* The top nearest to top that shows lines [from, to); their first line
 * when they do not all fit. */
static int show(int top, int rows, int from, int to)
{
	if (from < top || to - from > rows)
		return from;
	return to > top + rows ? to - rows : top;
}

/* Lines [from, to) are on screen (their first rows, when taller than it). */
static bool on_screen(const struct qview_pos *p, int rows, int from, int to)
{
	return from >= p->top && (to <= p->top + rows || from == p->top);
}

/* Choice i may be answered: every choice has been on screen (choices too
 * many for the screen: i is on it now). */
static bool all_seen(const struct qview_pos *p, const struct qview_map *m, int rows, int i)
{
	if (p->seen >= m->end)
		return true;
	return m->end - m->at[0] > rows && on_screen(p, rows, m->at[i], m->at[i + 1]);
}

void qview_follow(struct qview_pos *p, const struct qview_map *m, int nlines, int rows)
{
	if (m->n == 0)
		p->top = show(p->top, rows, m->at[0], m->end);
	else if (p->sel >= 0 && p->sel < m->n)
		p->top = show(p->top, rows, m->at[p->sel], m->at[p->sel + 1]);
	p->top = clamp(p->top, rows, nlines);
}

/* Instead of answering i: every choice (as many as fit) and i itself on
 * screen, i highlighted. */
static enum qview_did reveal(struct qview_pos *p, const struct qview_map *m, int nlines, int rows,
                             int i)
{
	p->top = show(p->top, rows, m->at[0], m->end);
	p->sel = i;
	qview_follow(p, m, nlines, rows);
	return QV_SHOWN;
}

enum qview_did qview_key(struct qview_pos *p, const struct qview_map *m, int nlines, int rows,
                         enum action act, int *choice)
{
	int n = m->n, page = rows > 2 ? rows - 1 : 1;
	/* What was on screen when the key came is what the learner has seen. */
	p->top = clamp(p->top, rows, nlines);
	if (p->top + rows > p->seen)
		p->seen = p->top + rows;
	switch (act) {
	case ACT_UP:
		/* Above the first choice the situation scrolls back into view. */
		if (n == 0 || (p->sel == 0 && p->top > 0)) {
			p->top--;
			break;
		}
		p->sel = p->sel <= 0 ? n - 1 : p->sel - 1;
		qview_follow(p, m, nlines, rows);
		break;
	case ACT_DOWN:
		/* Past the last choice what is below it scrolls into view. */
		if (n == 0 || (p->sel == n - 1 && p->top + rows < nlines)) {
			p->top++;
			break;
		}
		p->sel = (p->sel + 1) % n;
		qview_follow(p, m, nlines, rows);
		break;
	case ACT_PGUP: p->top -= page; break;
	case ACT_PGDN: p->top += page; break;
	case ACT_TOP: p->top = 0; break;
	case ACT_BOTTOM: p->top = nlines; break;
	case ACT_CHOICE_1: case ACT_CHOICE_2: case ACT_CHOICE_3: case ACT_CHOICE_4: {
		int i = (int)(act - ACT_CHOICE_1);
		if (i >= n)
			return QV_DONE;
		if (!all_seen(p, m, rows, i))
			return reveal(p, m, nlines, rows, i);
		p->sel = i;
		*choice = i;
		return QV_ANSWER;
	}
	case ACT_OPEN:
		/* Enter answers only what is highlighted, and only on screen. */
		if (p->sel < 0 || p->sel >= n)
			return QV_DONE;
		if (!all_seen(p, m, rows, p->sel) ||
		    !on_screen(p, rows, m->at[p->sel], m->at[p->sel + 1]))
			return reveal(p, m, nlines, rows, p->sel);
		*choice = p->sel;
		return QV_ANSWER;
	default:
		return QV_NO;
	}
	p->top = clamp(p->top, rows, nlines);
	return QV_DONE;
}
