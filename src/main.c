/* main.c — option parsing, subcommand dispatch, exit codes.
 * exit: 0 ok · 1 runtime error (content, database, not found) · 2 usage error */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "classroom.h"
#include "confmatrix.h"
#include "content.h"
#include "contrast.h"
#include "packcache.h"
#include "examcmd.h"
#include "report_exam.h"
#include "plain.h"
#include "out.h"
#include "report.h"
#include "text.h"
#include "ui.h"

enum { EXIT_USAGE = 2 };

struct opts {
	const char *db, *user, *lang, *content;
	bool no_color, json, csv, plain, all;
	int klass;                 /* --class */
	int count;                 /* --count, 0 = default */
	int minutes;
	bool have_seed;
	uint64_t seed;
	const char *chapter;
	const char *exam;          /* report --exam NAME */
	unsigned types;
	const char *group;         /* review --group 401,403: a contrast drill;
	                            * class init --group: the class's OS group */
	int attempts;              /* exam new --attempts, 0 = not given */
	const char *feedback;      /* exam new --feedback */
	const char *closes;        /* exam new/close --closes WHEN */
	bool no_shuffle;           /* exam new --no-shuffle */
	const char *roster;        /* report --roster FILE */
	const char *html;          /* report --html FILE */
	bool watch;                /* report --watch */
};

static void usage(FILE *f)
{
	fputs("usage: httptutor [OPTIONS] [COMMAND [ARGS]]\n"
	      "\n"
	      "Full screen:\n"
	      "  httptutor                      home: Read, Codes, Quiz, Review, Progress\n"
	      "  httptutor read [CHAPTER]       the reader, at a chapter (id or number)\n"
	      "  httptutor browse [CODE]        the codes table, or a code's card\n"
	      "  httptutor quiz [--count N] [--class 4xx] [--chapter ID] [--type T] [--seed S] [--plain]\n"
	      "  httptutor review [--plain]     questions you missed or that are due\n"
	      "  httptutor review --group 401,403 [--plain]   drill codes you mix up\n"
	      "  httptutor exam NAME [--plain]  take (or go on with) an exam your teacher made\n"
	      "  httptutor exam --seed S --count N [--minutes M] [--plain]   a practice paper\n"
	      "Line commands:\n"
	      "  httptutor code CODE            print one code's card\n"
	      "  httptutor codes [--class 4xx] [--all] [--json]   core codes, or --all\n"
	      "  httptutor search WORDS...      codes and scenarios that match (both languages)\n"
	      "  httptutor stats [--json]       your progress\n"
	      "  httptutor export [--csv|--json]  every answer you gave\n"
	      "  httptutor report [--csv|--json] [DB...]   class report for a teacher\n"
	      "  httptutor lint [DIR]           check a content folder\n"
	      "Teacher:\n"
	      "  httptutor exam new NAME --count N [--minutes M] [--attempts K]\n"
	      "        [--feedback end|closed|never] [--closes WHEN] [--no-shuffle]\n"
	      "        [--class 4xx] [--chapter ID] [--type T]     make an exam; prints\n"
	      "        the line students run (WHEN: HH:MM, 'YYYY-MM-DD HH:MM' or +90m)\n"
	      "  httptutor exam close NAME [--closes WHEN]   close it now, or at WHEN\n"
	      "  httptutor exams [--json]       the exams, with started and finished counts\n"
	      "  httptutor report --exam NAME [--roster FILE] [--csv|--json|--html FILE]\n"
	      "        [--watch] [DB...]        one exam: statuses, scores, questions, grid;\n"
	      "                                 --watch is a live board during the exam\n"
	      "  httptutor class init DIR [--group GROUP]   a class folder students share\n"
	      "\n"
	      "Options:\n"
	      "  --db PATH        database (default $XDG_DATA_HOME/httptutor/progress.db; env HTTPTUTOR_DB)\n"
	      "  --user NAME      profile name (default: your login; env HTTPTUTOR_USER)\n"
	      "  --lang zh-TW|en  language (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)\n"
	      "  --content DIR    content folder (env HTTPTUTOR_CONTENT)\n"
	      "  --no-color       no colours (also NO_COLOR=1)\n"
	      "  --type T         quiz question types, comma-separated: pick,type,meaning,header\n"
	      "  -h, --help       this help      -V, --version   the version\n"
	      "\n"
	      "Exit status: 0 ok, 1 runtime error (content, database, not found), 2 usage error.\n",
	      f);
}

static int bad_usage(const char *fmt, const char *arg)
{
	fprintf(stderr, "httptutor: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'httptutor --help'.\n");
	return EXIT_USAGE;
}

/* "4xx", "4", "4XX" → 4; 0 when invalid. */
static int parse_class(const char *s)
{
	if (s[0] >= '1' && s[0] <= '5' &&
	    (s[1] == 0 || ((s[1] == 'x' || s[1] == 'X') && (s[2] == 'x' || s[2] == 'X') && !s[3])))
		return s[0] - '0';
	return 0;
}

static bool parse_int(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

static bool parse_types(const char *s, unsigned *out)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", s);
	*out = 0;
	for (char *save, *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		enum qtype q;
		if (!quiz_type_parse(t, &q))
			return false;
		*out |= 1u << q;
	}
	return *out != 0;
}

static int parse_args(int argc, char **argv, struct opts *o)
{
	enum { O_DB = 256, O_USER, O_LANG, O_CONTENT, O_NOCOLOR, O_JSON, O_CSV, O_PLAIN,
	       O_CLASS, O_COUNT, O_SEED, O_CHAPTER, O_TYPE, O_MINUTES, O_ALL, O_EXAM, O_GROUP,
	       O_ATTEMPTS, O_FEEDBACK, O_CLOSES, O_NO_SHUFFLE, O_ROSTER, O_HTML, O_WATCH };
	static const struct option longopts[] = {
		{ "db", required_argument, NULL, O_DB },
		{ "user", required_argument, NULL, O_USER },
		{ "lang", required_argument, NULL, O_LANG },
		{ "content", required_argument, NULL, O_CONTENT },
		{ "no-color", no_argument, NULL, O_NOCOLOR },
		{ "no-colour", no_argument, NULL, O_NOCOLOR },
		{ "json", no_argument, NULL, O_JSON },
		{ "csv", no_argument, NULL, O_CSV },
		{ "plain", no_argument, NULL, O_PLAIN },
		{ "all", no_argument, NULL, O_ALL },
		{ "class", required_argument, NULL, O_CLASS },
		{ "count", required_argument, NULL, O_COUNT },
		{ "seed", required_argument, NULL, O_SEED },
		{ "chapter", required_argument, NULL, O_CHAPTER },
		{ "type", required_argument, NULL, O_TYPE },
		{ "minutes", required_argument, NULL, O_MINUTES },
		{ "exam", required_argument, NULL, O_EXAM },
		{ "attempts", required_argument, NULL, O_ATTEMPTS },
		{ "feedback", required_argument, NULL, O_FEEDBACK },
		{ "closes", required_argument, NULL, O_CLOSES },
		{ "no-shuffle", no_argument, NULL, O_NO_SHUFFLE },
		{ "roster", required_argument, NULL, O_ROSTER },
		{ "html", required_argument, NULL, O_HTML },
		{ "watch", no_argument, NULL, O_WATCH },
		{ "group", required_argument, NULL, O_GROUP },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	long v;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
		switch (c) {
		case O_DB: o->db = optarg; break;
		case O_USER: o->user = optarg; break;
		case O_LANG: o->lang = optarg; break;
		case O_CONTENT: o->content = optarg; break;
		case O_NOCOLOR: o->no_color = true; break;
		case O_JSON: o->json = true; break;
		case O_CSV: o->csv = true; break;
		case O_PLAIN: o->plain = true; break;
		case O_ALL: o->all = true; break;
		case O_CLASS:
			if (!(o->klass = parse_class(optarg)))
				return bad_usage("--class takes 1xx…5xx, not '%s'", optarg);
			break;
		case O_COUNT:
			if (!parse_int(optarg, 1, 1000, &v))
				return bad_usage("--count takes a number from 1 to 1000, not '%s'", optarg);
			o->count = (int)v;
			break;
		case O_MINUTES:
			if (!parse_int(optarg, 1, 600, &v))
				return bad_usage("--minutes takes a number from 1 to 600, not '%s'", optarg);
			o->minutes = (int)v;
			break;
		case O_SEED: {
			char *end;
			unsigned long long s = strtoull(optarg, &end, 10);
			if (!*optarg || *end || optarg[0] == '-')
				return bad_usage("--seed takes a non-negative number, not '%s'", optarg);
			o->seed = s;
			o->have_seed = true;
			break;
		}
		case O_CHAPTER: o->chapter = optarg; break;
		case O_EXAM: o->exam = optarg; break;
		case O_ATTEMPTS:
			if (!parse_int(optarg, 1, 100, &v))
				return bad_usage("--attempts takes a number from 1 to 100, not '%s'", optarg);
			o->attempts = (int)v;
			break;
		case O_FEEDBACK: {
			enum exam_feedback f;
			if (!store_exam_feedback_parse(optarg, &f))
				return bad_usage("--feedback takes end, closed or never, not '%s'", optarg);
			o->feedback = optarg;
			break;
		}
		case O_CLOSES: o->closes = optarg; break;
		case O_NO_SHUFFLE: o->no_shuffle = true; break;
		case O_ROSTER: o->roster = optarg; break;
		case O_HTML: o->html = optarg; break;
		case O_WATCH: o->watch = true; break;
		case O_GROUP: o->group = optarg; break;
		case O_TYPE:
			if (!parse_types(optarg, &o->types))
				return bad_usage("--type takes pick,type,meaning,header, not '%s'", optarg);
			break;
		case 'h': usage(stdout); exit(0);
		case 'V': printf("httptutor %s\n", HTTPTUTOR_VERSION); exit(0);
		case ':': return bad_usage("option '%s' needs a value", argv[optind - 1]);
		default: return bad_usage("unknown option '%s'", argv[optind - 1]);
		}
	}
	return 0;
}

/* Which options each command accepts, so a misplaced one is an error.  sub
 * is the word after exam or class ("new", "close", a name, or ""). */
static int check_opts(const char *cmd, const char *sub, const struct opts *o)
{
	bool exam = !strcmp(cmd, "exam");
	bool exam_new = exam && !strcmp(sub, "new"), exam_close = exam && !strcmp(sub, "close");
	bool exam_take = exam && !exam_new && !exam_close, practice = exam_take && !sub[0];
	bool quizlike = !strcmp(cmd, "quiz") || !strcmp(cmd, "review") || exam_take;
	bool report = !strcmp(cmd, "report"), exams = !strcmp(cmd, "exams");
	const char *name = cmd[0] ? cmd : "httptutor";
	if ((o->json || o->csv) && strcmp(cmd, "codes") && strcmp(cmd, "stats") &&
	    strcmp(cmd, "export") && !report && !exams)
		return bad_usage("--json/--csv do not apply to '%s'", name);
	if (o->csv && strcmp(cmd, "export") && !report)
		return bad_usage("--csv applies to export and report, not '%s'", name);
	if (o->exam && !report)
		return bad_usage("--exam applies to report, not '%s'", name);
	if (o->group && strcmp(cmd, "review") && strcmp(cmd, "class"))
		return bad_usage("--group applies to review and class init, not '%s'", name);
	if (o->group && (o->klass || o->chapter))
		return bad_usage("--class and --chapter do not apply to a drill (--group %s)", o->group);
	if (o->json && o->csv)
		return bad_usage("choose one of --json and --csv%s", "");
	if (o->plain && !quizlike)
		return bad_usage("--plain applies to quiz, review and exam, not '%s'", name);
	if (exam_take && !practice && (o->minutes || o->count || o->have_seed || o->chapter ||
	                               o->types || o->klass || o->all))
		return bad_usage("exam %s was fixed by its teacher: it takes no quiz options "
		                 "(--count, --minutes, --seed, filters)", sub);
	if (exam_new && o->have_seed)
		return bad_usage("exam new chooses a secret seed itself; --seed is for practice "
		                 "papers (httptutor exam --seed S --count N)%s", "");
	if (o->minutes && !practice && !exam_new)
		return bad_usage("--minutes applies to exam, not '%s'", name);
	if ((o->count || o->have_seed || o->chapter || o->types) && !quizlike && !exam_new)
		return bad_usage("quiz options do not apply to '%s'", name);
	if (o->klass && !quizlike && !exam_new && strcmp(cmd, "codes"))
		return bad_usage("--class does not apply to '%s'", name);
	if (o->all && strcmp(cmd, "codes") && strcmp(cmd, "quiz"))
		return bad_usage("--all applies to codes and quiz, not '%s'", name);
	if (practice && (!o->have_seed || !o->count))
		return bad_usage("exam needs a NAME (an exam your teacher made), or --seed S "
		                 "and --count N for a practice paper%s", "");
	if (exam_new && !o->count)
		return bad_usage("exam new needs --count N%s", "");
	if ((o->attempts || o->feedback || o->no_shuffle) && !exam_new)
		return bad_usage("--attempts, --feedback and --no-shuffle apply to exam new, not '%s'",
		                 name);
	if (o->closes && !exam_new && !exam_close)
		return bad_usage("--closes applies to exam new and exam close, not '%s'", name);
	if ((o->roster || o->html || o->watch) && !report)
		return bad_usage("--roster, --html and --watch apply to report, not '%s'", name);
	if ((o->roster || o->html || o->watch) && !o->exam)
		return bad_usage("--roster, --html and --watch need --exam NAME%s", "");
	if ((o->html || o->watch) && (o->json || o->csv || (o->html && o->watch)))
		return bad_usage("choose one of --json, --csv, --html and --watch%s", "");
	return 0;
}

/* --content, else HTTPTUTOR_CONTENT, else NULL (content_find_dir searches). */
static const char *content_opt(const struct opts *o)
{
	const char *env = getenv("HTTPTUTOR_CONTENT");
	return o->content ? o->content : env && *env ? env : NULL;
}

static int load_content(const struct opts *o, const char *argv0, struct model *m)
{
	char *found = content_find_dir(content_opt(o), argv0);
	struct diag d = { 0 };
	int rc = 0;
	if (!found) {
		fprintf(stderr, "httptutor: cannot find the content folder; "
		        "run from the source tree, install with 'make install', or use --content DIR\n");
		return 1;
	}
	if (!packcache_load(found, m, &d, NULL)) {
		rc = 1;
		if (ui_signal())   /* stopped, not broken: the shell sees 128+signal */
			rc = 128 + ui_signal();
		for (size_t i = 0; rc == 1 && i < d.n; i++)
			fprintf(stderr, "%s\n", d.msg[i]);
		if (rc == 1)
			fprintf(stderr, "httptutor: the content in %s has %zu error(s); "
			        "fix them (httptutor lint %s) and start again\n", found, d.n, found);
	}
	diag_free(&d);
	free(found);
	return rc;
}

static int cmd_lint(int argc, char **argv, const struct opts *o, const char *argv0)
{
	if (argc > 1)
		return bad_usage("lint takes one folder, not '%s'", argv[1]);
	char *found = content_find_dir(argc == 1 ? argv[0] : content_opt(o), argv0);
	struct model m;
	struct diag d = { 0 };
	if (!found) {
		fprintf(stderr, "httptutor: no content folder found\n");
		return 1;
	}
	bool ok = content_load(found, &m, &d);
	if (!ok && ui_signal()) {
		diag_free(&d);
		free(found);
		return 128 + ui_signal();
	}
	for (size_t i = 0; i < d.n; i++)
		printf("%s\n", d.msg[i]);
	if (ok) {
		printf("%s: ok (%zu codes, %zu scenarios, %zu chapters, %zu contrast groups, version %s)\n",
		       found, m.n_codes, m.n_scenarios, m.n_chapters, m.n_contrasts, m.version);
		content_free(&m);
	} else {
		printf("%s: %zu error(s)\n", found, d.n);
	}
	diag_free(&d);
	free(found);
	return ok ? 0 : 1;
}

static const char *user_name(const struct opts *o)
{
	const char *u = o->user ? o->user : getenv("HTTPTUTOR_USER");
	return u && *u ? u : NULL;
}

static const char *db_path(const struct opts *o)
{
	const char *p = o->db ? o->db : getenv("HTTPTUTOR_DB");
	return p && *p ? p : NULL;
}

/* TERM says there is no screen to draw on: a screen reader's console, an
 * editor's shell buffer, a script. */
static bool dumb_term(void)
{
	const char *term = getenv("TERM");
	return !term || !*term || !strcmp(term, "dumb") || !strcmp(term, "unknown");
}

static bool want_plain(const struct opts *o)
{
	if (getenv("HTTPTUTOR_TEST_SCRIPT"))
		return o->plain;
	return o->plain || !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || dumb_term();
}

static void quiz_opts_from(const struct opts *o, struct quiz_opts *q)
{
	memset(q, 0, sizeof *q);
	q->count = o->count ? o->count : 10;
	q->klass = o->klass;
	q->chapter = o->chapter;
	q->types = o->types;
	q->unofficial = o->all;
	q->seed = o->have_seed ? o->seed : clock_seed();
}

/* Full-screen run: the store is optional, so reading works without it. */
static int run_screen(const struct model *m, const struct opts *o, enum lang lang,
                      bool utf8, enum screen_id start, const char *arg,
                      const struct contrast *drill)
{
	struct app *a = calloc(1, sizeof *a);
	char err[512];
	int rc = 0;
	if (!a)
		return 1;
	a->m = m;
	a->lang = lang;
	a->reader.chapter = -1;
	quiz_opts_from(o, &a->quiz.opts);
	a->quiz.opts.drill = drill;
	a->quiz.fixed_seed = o->have_seed;
	/* The home menu needs no database: it is on the screen before the
	 * database is opened (which may wait up to the busy timeout). */
	bool menu_first = start == SCR_HOME;
	if (!menu_first)
		a->st = store_open(db_path(o), user_name(o), false, a->db_err, sizeof a->db_err);
	/* An exam that cannot be opened says why before the screen starts. */
	if (start == SCR_EXAM && !examview_open(a, arg[0] ? arg : NULL, &a->quiz.opts, o->minutes,
	                                        err, sizeof err)) {
		fprintf(stderr, "httptutor: %s\n", err);
		rc = 1;
		goto done;
	}
	bool color = !o->no_color && !(getenv("NO_COLOR") && *getenv("NO_COLOR"));
	if (!ui_start(color, utf8, err, sizeof err)) {
		fprintf(stderr, tr(MSG_TERM_NEEDED), err);
		rc = 1;
		goto done;
	}
	if (menu_first) {
		app_first_frame(a);
		a->st = store_open(db_path(o), user_name(o), false, a->db_err, sizeof a->db_err);
	}
	if (!utf8)
		app_status(a, true, "%s", tr(MSG_NOT_UTF8));
	else if (!a->st)
		app_status(a, true, tr(MSG_NO_DB), a->db_err);
	/* Start screens that take an argument. */
	if (start == SCR_READER) {
		int ch = -1;
		for (size_t i = 0; i < m->n_chapters; i++)
			if (!strcmp(m->chapters[i].id, arg) || m->chapters[i].number == atoi(arg))
				ch = (int)i;
		a->depth = 0;
		a->stack[a->depth++] = SCR_HOME;
		a->stack[a->depth++] = SCR_CHAPTERS;
		a->chapters_sel = ch;
		ui_size(&a->rows, &a->cols);
		reader_open_chapter(a, ch, NULL);
	}
	if (start == SCR_CARD) {
		a->card.code = atoi(arg);
		a->card.link = -1;   /* nothing selected until Tab */
	}
	rc = app_run(a, start);
done:
	ui_stop();
	examview_close(a);
	quiz_free(&a->quiz.qz);
	free(a->quiz.wrong);
	free(a->codes.rows);
	free(a->review.items);
	free(a->review.groups);
	free(a->contrast.ci);
	free(a->mistake.hist);
	if (a->progress.loaded)
		store_progress_free(&a->progress.p);
	confmatrix_free(&a->progress);
	md_doc_free(&a->reader.doc);
	store_close(a->st);
	free(a);
	return rc;
}

int main(int argc, char **argv)
{
	struct opts o = { 0 };
	struct model m;
	enum lang lang;
	int rc;
	bool utf8 = i18n_setup_locale();
	ui_install_signals();
	content_set_stop_check(ui_signal);
	const char *argv0 = argv[0];
	if ((rc = parse_args(argc, argv, &o)))
		return rc;
	if (!i18n_pick(o.lang, &lang))
		return bad_usage("--lang takes zh-TW or en, not '%s'", o.lang);
	if (!utf8)
		lang = LANG_EN;  /* Chinese cannot be shown without UTF-8 */
	i18n_set(lang);
	argc -= optind;
	argv += optind;
	const char *cmd = argc ? argv[0] : "";
	const char *sub = argc > 1 ? argv[1] : "";
	if ((rc = check_opts(cmd, sub, &o)))
		return rc;
	char why[512];
	if (user_name(&o) && store_name_problem(user_name(&o), why, sizeof why)) {
		fprintf(stderr, "httptutor: %s\nTry 'httptutor --help'.\n", why);
		return EXIT_USAGE;
	}
	if (!strcmp(cmd, "lint"))
		return cmd_lint(argc - 1, argv + 1, &o, argv0);

	static const char *const known[] = { "", "read", "browse", "quiz", "review", "exam",
	                                     "code", "codes", "search", "stats", "export",
	                                     "report", "exams", "class" };
	bool ok = false;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		ok |= !strcmp(cmd, known[i]);
	if (!ok)
		return bad_usage("unknown command '%s'", cmd);
	int nargs = argc ? argc - 1 : 0;
	char **args = argv + 1;
	if ((!strcmp(cmd, "code") && nargs != 1) || (!strcmp(cmd, "search") && nargs < 1))
		return bad_usage("%s needs an argument", cmd);
	bool exam_admin = !strcmp(cmd, "exam") && (!strcmp(sub, "new") || !strcmp(sub, "close"));
	if ((exam_admin || !strcmp(cmd, "class")) && nargs != 2)
		return bad_usage(nargs < 2 ? "'%s' needs a name (exam new NAME, exam close NAME, "
		                 "class init DIR)" : "too many arguments for '%s'", sub[0] ? sub : cmd);
	if (!strcmp(cmd, "class") && strcmp(sub, "init"))
		return bad_usage("class takes init DIR, not '%s'", sub);
	if (nargs > 1 && strcmp(cmd, "search") && strcmp(cmd, "report") && !exam_admin &&
	    strcmp(cmd, "class"))
		return bad_usage("too many arguments for '%s'", cmd[0] ? cmd : "httptutor");
	if (nargs && (!cmd[0] || !strcmp(cmd, "quiz") || !strcmp(cmd, "review") ||
	              !strcmp(cmd, "codes") || !strcmp(cmd, "stats") || !strcmp(cmd, "exams") ||
	              !strcmp(cmd, "export")))
		return bad_usage("unexpected argument '%s'", args[0]);
	if (!strcmp(cmd, "class"))
		return classroom_init(args[1], o.group);

	if ((rc = load_content(&o, argv0, &m)))
		return rc;
	const struct contrast *drill = NULL;
	if (o.group && !(drill = contrast_find(&m, o.group))) {
		fprintf(stderr, "httptutor: no contrast group '%s'; the groups are:\n", o.group);
		for (size_t i = 0; i < m.n_contrasts; i++) {
			char label[64], line[160];
			contrast_label(&m.contrasts[i], label, sizeof label);
			char *padded = text_pad(label, 22);
			snprintf(line, sizeof line, "  %s %s\n", padded ? padded : label, m.contrasts[i].id);
			free(padded);
			out_puts(stderr, line, utf8);
		}
		content_free(&m);
		return 1;
	}
	struct report_ctx rx = { .m = &m, .lang = lang, .utf8 = utf8, .json = o.json, .csv = o.csv,
	                         .all = o.all, .klass = o.klass, .linear = dumb_term() };
	if (!strcmp(cmd, "code")) {
		rc = report_code(&rx, args[0]);
	} else if (!strcmp(cmd, "codes")) {
		rc = report_codes(&rx);
	} else if (!strcmp(cmd, "search")) {
		rc = report_search(&rx, nargs, args);
	} else if (!strcmp(cmd, "report") && o.exam) {
		struct report_exam_opts ro = { o.exam, o.roster, o.html, o.watch,
		                               o.no_color || (getenv("NO_COLOR") && *getenv("NO_COLOR")) };
		rc = report_exam(&rx, &ro, nargs, args, db_path(&o));
	} else if (!strcmp(cmd, "report")) {
		rc = report_class(&rx, NULL, nargs, args, db_path(&o));
	} else if (!strcmp(cmd, "exams")) {
		rc = examcmd_list(&rx, db_path(&o));
	} else if (exam_admin && !strcmp(sub, "close")) {
		rc = examcmd_close(&rx, args[1], o.closes, db_path(&o), user_name(&o));
	} else if (exam_admin) {
		struct examcmd_new en = { args[1], { 0 }, o.minutes, o.attempts, o.feedback,
		                          o.closes, o.no_shuffle };
		quiz_opts_from(&o, &en.quiz);
		rc = examcmd_new(&rx, &en, db_path(&o), user_name(&o));
	} else if (!strcmp(cmd, "stats") || !strcmp(cmd, "export")) {
		char err[512];
		struct store *st = store_open(db_path(&o), user_name(&o), true, err, sizeof err);
		if (!st) {
			fprintf(stderr, "httptutor: %s\n", err);
			rc = 1;
		} else {
			rc = !strcmp(cmd, "stats") ? report_stats(&rx, st) : report_export(&rx, st);
			store_close(st);
		}
	} else if (!strcmp(cmd, "exam") && want_plain(&o)) {
		struct quiz_opts q;
		quiz_opts_from(&o, &q);
		rc = plain_exam(&m, nargs ? args[0] : NULL, &q, o.minutes, db_path(&o),
		                user_name(&o), lang, utf8);
	} else if ((!strcmp(cmd, "quiz") || !strcmp(cmd, "review")) && want_plain(&o)) {
		struct quiz_opts q;
		quiz_opts_from(&o, &q);
		q.drill = drill;
		rc = plain_run(&m, &q, cmd, !o.have_seed, db_path(&o), user_name(&o), lang, utf8);
	} else {
		enum screen_id start = SCR_HOME;
		const char *arg = nargs ? args[0] : "";
		if (!strcmp(cmd, "read"))
			start = nargs ? SCR_READER : SCR_CHAPTERS;
		else if (!strcmp(cmd, "browse"))
			start = nargs ? SCR_CARD : SCR_CODES;
		else if (!strcmp(cmd, "quiz"))
			start = SCR_QUIZ;
		else if (!strcmp(cmd, "exam"))
			start = SCR_EXAM;
		else if (!strcmp(cmd, "review"))
			start = drill ? SCR_QUIZ : SCR_REVIEW;
		if (start == SCR_READER && report_find_chapter(&m, arg) < 0) {
			fprintf(stderr, "httptutor: no chapter '%s' (try 'httptutor read' for the list)\n", arg);
			rc = 1;
		} else if (start == SCR_CARD && !report_find_code(&m, arg)) {
			fprintf(stderr, "httptutor: no status code '%s' (try 'httptutor codes --all')\n", arg);
			rc = 1;
		} else if ((start == SCR_READER || start == SCR_CHAPTERS || start == SCR_CARD ||
		            start == SCR_CODES) && (!isatty(STDOUT_FILENO) || dumb_term()) &&
		           !getenv("HTTPTUTOR_TEST_SCRIPT")) {
			/* Piped (`httptutor read forgotten | less`) or TERM=dumb: print the text. */
			rc = start == SCR_CARD ? report_code(&rx, arg) :
			     start == SCR_CODES ? report_codes(&rx) :
			     report_chapter(&rx, start == SCR_READER ? report_find_chapter(&m, arg) : -1);
		} else {
			rc = run_screen(&m, &o, lang, utf8, start, arg, drill);
		}
	}
	content_free(&m);
	/* Killed by a signal: say so in the exit status, as shells expect. */
	return ui_signal() ? 128 + ui_signal() : rc;
}
