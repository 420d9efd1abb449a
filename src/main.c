/* main.c — option parsing, subcommand dispatch, exit codes.
 * exit: 0 ok · 1 runtime error (content, database, not found) · 2 usage error */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "checkcmd.h"
#include "classroom.h"
#include "confmatrix.h"
#include "content.h"
#include "db.h"
#include "contrast.h"
#include "packcache.h"
#include "errclean.h"
#include "examcmd.h"
#include "report_exam.h"
#include "plain.h"
#include "out.h"
#include "report.h"
#include "roster.h"
#include "serve.h"
#include "text.h"
#include "ui.h"
#include "usage.h"

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
	bool help;                 /* -h: print the help once the language is known */
	const char *server;        /* --class DIR|HOST:PORT: the class server */
	const char *listen;        /* class serve --listen HOST:PORT */
	const char *tls_cert, *tls_key;
	char *teachers[64];        /* class serve --teacher USER (repeatable, or a,b) */
	size_t n_teachers;
	const char *shared_login;  /* class serve --shared-login USER */
	bool print;                /* class roster --print */
	bool repair;               /* check --repair */
};

static int bad_usage(enum msg fmt, const char *arg)
{
	report_error(fmt, arg);
	fprintf(stderr, "%s\n", tr(MSG_ERR_TRY_HELP));
	return EXIT_USAGE;
}

/* The value of --lang before the options are parsed, or NULL. */
static const char *lang_arg(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--") )
			break;
		if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			return argv[i + 1];
		if (!strncmp(argv[i], "--lang=", 7))
			return argv[i] + 7;
	}
	return NULL;
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
	       O_ATTEMPTS, O_FEEDBACK, O_CLOSES, O_NO_SHUFFLE, O_ROSTER, O_HTML, O_WATCH,
	       O_LISTEN, O_TLS_CERT, O_TLS_KEY, O_TEACHER, O_SHARED_LOGIN, O_PRINT, O_REPAIR };
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
		{ "repair", no_argument, NULL, O_REPAIR },
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
		{ "listen", required_argument, NULL, O_LISTEN },
		{ "tls-cert", required_argument, NULL, O_TLS_CERT },
		{ "tls-key", required_argument, NULL, O_TLS_KEY },
		{ "teacher", required_argument, NULL, O_TEACHER },
		{ "shared-login", required_argument, NULL, O_SHARED_LOGIN },
		{ "print", no_argument, NULL, O_PRINT },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	long v;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hV", longopts, NULL)) != -1) {
		switch (c) {
		case O_DB:
		case O_USER:
			/* An empty value is a mistake, not "the default" (a variable
			 * that was not set: --db "$DB"). */
			if (!*optarg)
				return bad_usage(MSG_ERR_NEEDS_VALUE, c == O_DB ? "--db" : "--user");
			*(c == O_DB ? &o->db : &o->user) = optarg;
			break;
		case O_LANG: o->lang = optarg; break;
		case O_CONTENT: o->content = optarg; break;
		case O_NOCOLOR: o->no_color = true; break;
		case O_JSON: o->json = true; break;
		case O_CSV: o->csv = true; break;
		case O_PLAIN: o->plain = true; break;
		case O_ALL: o->all = true; break;
		case O_REPAIR: o->repair = true; break;
		case O_CLASS:
			/* 4xx is a class of codes; anything else names a class server. */
			if (!(o->klass = parse_class(optarg))) {
				struct stat sb;
				if (!strchr(optarg, '/') && !strchr(optarg, ':') &&
				    (stat(optarg, &sb) != 0 || !S_ISDIR(sb.st_mode)))
					return bad_usage(MSG_ERR_CLASS, optarg);
				o->server = optarg;
			}
			break;
		case O_COUNT:
			if (!parse_int(optarg, 1, 1000, &v))
				return bad_usage(MSG_ERR_COUNT, optarg);
			o->count = (int)v;
			break;
		case O_MINUTES:
			if (!parse_int(optarg, 1, 600, &v))
				return bad_usage(MSG_ERR_MINUTES, optarg);
			o->minutes = (int)v;
			break;
		case O_SEED: {
			char *end;
			errno = 0;
			unsigned long long s = strtoull(optarg, &end, 10);
			/* past 2^64-1 strtoull would give every seed the same quiz */
			if (!*optarg || *end || optarg[0] == '-' || errno == ERANGE)
				return bad_usage(MSG_ERR_SEED, optarg);
			o->seed = s;
			o->have_seed = true;
			break;
		}
		case O_CHAPTER: o->chapter = optarg; break;
		case O_EXAM: o->exam = optarg; break;
		case O_ATTEMPTS:
			if (!parse_int(optarg, 1, 100, &v))
				return bad_usage(MSG_ERR_ATTEMPTS, optarg);
			o->attempts = (int)v;
			break;
		case O_FEEDBACK: {
			enum exam_feedback f;
			if (!store_exam_feedback_parse(optarg, &f))
				return bad_usage(MSG_ERR_FEEDBACK, optarg);
			o->feedback = optarg;
			break;
		}
		case O_CLOSES: o->closes = optarg; break;
		case O_NO_SHUFFLE: o->no_shuffle = true; break;
		case O_ROSTER: o->roster = optarg; break;
		case O_HTML: o->html = optarg; break;
		case O_WATCH: o->watch = true; break;
		case O_GROUP: o->group = optarg; break;
		case O_LISTEN: o->listen = optarg; break;
		case O_TLS_CERT: o->tls_cert = optarg; break;
		case O_TLS_KEY: o->tls_key = optarg; break;
		case O_SHARED_LOGIN: o->shared_login = optarg; break;
		case O_PRINT: o->print = true; break;
		case O_TEACHER:
			for (char *save, *t = strtok_r(optarg, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
				if (o->n_teachers == sizeof o->teachers / sizeof o->teachers[0])
					return bad_usage(MSG_ERR_TEACHERS, "");
				o->teachers[o->n_teachers++] = t;
			}
			break;
		case O_TYPE:
			if (!parse_types(optarg, &o->types))
				return bad_usage(MSG_ERR_TYPE, optarg);
			break;
		case 'h': o->help = true; break;
		case 'V': printf("httptutor %s\n", HTTPTUTOR_VERSION); exit(0);
		case ':': return bad_usage(MSG_ERR_NEEDS_VALUE, argv[optind - 1]);
		default: return bad_usage(MSG_ERR_UNKNOWN_OPTION, argv[optind - 1]);
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
	if (o->repair && strcmp(cmd, "check"))
		return bad_usage(MSG_ERR_REPAIR_OPT, name);
	if ((o->json || o->csv) && strcmp(cmd, "codes") && strcmp(cmd, "stats") &&
	    strcmp(cmd, "export") && !report && !exams)
		return bad_usage(MSG_ERR_JSON_CSV, name);
	if (o->csv && strcmp(cmd, "export") && !report)
		return bad_usage(MSG_ERR_CSV_OPT, name);
	if (o->exam && !report)
		return bad_usage(MSG_ERR_EXAM_OPT, name);
	if (o->group && strcmp(cmd, "review") && strcmp(cmd, "class"))
		return bad_usage(MSG_ERR_GROUP_OPT, name);
	if (o->group && (o->klass || o->chapter))
		return bad_usage(MSG_ERR_GROUP_FILTERS, o->group);
	if (o->json && o->csv)
		return bad_usage(MSG_ERR_JSON_AND_CSV, "");
	if (o->plain && !quizlike)
		return bad_usage(MSG_ERR_PLAIN_OPT, name);
	if (exam_take && !practice && (o->minutes || o->count || o->have_seed || o->chapter ||
	                               o->types || o->klass || o->all))
		return bad_usage(MSG_ERR_EXAM_FIXED, sub);
	if (exam_new && o->have_seed)
		return bad_usage(MSG_ERR_EXAM_NEW_SEED, "");
	if (o->minutes && !practice && !exam_new)
		return bad_usage(MSG_ERR_MINUTES_OPT, name);
	if ((o->count || o->have_seed || o->chapter || o->types) && !quizlike && !exam_new)
		return bad_usage(MSG_ERR_QUIZ_OPTS, name);
	if (o->klass && !quizlike && !exam_new && strcmp(cmd, "codes"))
		return bad_usage(MSG_ERR_CLASS_OPT, name);
	if (o->all && strcmp(cmd, "codes") && strcmp(cmd, "quiz"))
		return bad_usage(MSG_ERR_ALL_OPT, name);
	if (practice && (!o->have_seed || !o->count))
		return bad_usage(MSG_ERR_EXAM_NEEDS, "");
	if (exam_new && !o->count)
		return bad_usage(MSG_ERR_EXAM_NEW_COUNT, "");
	if ((o->attempts || o->feedback || o->no_shuffle) && !exam_new)
		return bad_usage(MSG_ERR_EXAM_NEW_OPTS, name);
	if (o->closes && !exam_new && !exam_close)
		return bad_usage(MSG_ERR_CLOSES_OPT, name);
	if ((o->roster || o->html || o->watch) && !report)
		return bad_usage(MSG_ERR_REPORT_OPTS, name);
	if ((o->roster || o->watch) && !o->exam)
		return bad_usage(MSG_ERR_REPORT_NEEDS_EXAM, "");
	if ((o->html || o->watch) && (o->json || o->csv || (o->html && o->watch)))
		return bad_usage(MSG_ERR_REPORT_ONE_FORMAT, "");
	bool klass = !strcmp(cmd, "class");
	if ((o->listen || o->tls_cert || o->tls_key || o->n_teachers || o->shared_login) &&
	    !(klass && !strcmp(sub, "serve")))
		return bad_usage(MSG_ERR_SERVE_OPTS, name);
	if ((o->tls_cert || o->tls_key) && !(o->tls_cert && o->tls_key && o->listen))
		return bad_usage(MSG_ERR_TLS_PAIR, "");
	if (o->print && !(klass && !strcmp(sub, "roster")))
		return bad_usage(MSG_ERR_PRINT_OPT, name);
	if (o->server && o->db)
		return bad_usage(MSG_ERR_DB_AND_CLASS, o->server);
	/* The server from HTTPTUTOR_CLASS too (a student's profile sets it):
	 * --user would be ignored there, so it is refused the same way. */
	const char *env_class = getenv("HTTPTUTOR_CLASS");
	bool via_server = o->server || (env_class && *env_class && !o->db &&
	                                !(klass && (!strcmp(sub, "serve") || !strcmp(sub, "init"))));
	if (via_server && o->user)
		return bad_usage(MSG_ERR_CLASS_USER, o->user);
	if (o->server && klass && !strcmp(sub, "init"))
		return bad_usage(MSG_ERR_CLASS_INIT_SERVER, "");
	if (o->server && !strcmp(cmd, "check"))
		return bad_usage(MSG_ERR_CHECK_CLASS, o->server);
	return 0;
}

/* The class server from --class or HTTPTUTOR_CLASS, or NULL. */
static const char *class_server(const struct opts *o)
{
	const char *env = getenv("HTTPTUTOR_CLASS");
	return o->server ? o->server : env && *env ? env : NULL;
}

/* --content, else HTTPTUTOR_CONTENT, else NULL (content_find_dir searches). */
static const char *content_opt(const struct opts *o)
{
	const char *env = getenv("HTTPTUTOR_CONTENT");
	return o->content ? o->content : env && *env ? env : NULL;
}

/* Loads the pack into *m: 0, or 1 with *d and *found saying why, or
 * 128+signal when a signal stopped the load.  *found is malloc'd. */
static int content_get(const struct opts *o, const char *argv0, struct model *m, struct diag *d,
                       char **found)
{
	memset(m, 0, sizeof *m);
	*found = content_find_dir(content_opt(o), argv0);
	if (!*found)
		return 1;
	if (packcache_load(*found, m, d, NULL))
		return 0;
	return ui_signal() ? 128 + ui_signal() : 1;   /* stopped, not broken: 128+signal */
}

/* Says why content_get failed (nothing when a signal stopped it). */
static void content_report(int rc, const struct diag *d, const char *found)
{
	if (rc != 1)
		return;
	if (!found) {
		fprintf(stderr, "httptutor: %s\n", tr(MSG_ERR_NO_CONTENT));
		return;
	}
	for (size_t i = 0; i < d->n; i++)
		fprintf(stderr, "%s\n", d->msg[i]);
	report_error(MSG_ERR_CONTENT_BAD, found, d->n, found);
}

static int load_content(const struct opts *o, const char *argv0, struct model *m)
{
	struct diag d = { 0 };
	char *found = NULL;
	int rc = content_get(o, argv0, m, &d, &found);
	content_report(rc, &d, found);
	diag_free(&d);
	free(found);
	return rc;
}

static int cmd_lint(int argc, char **argv, const struct opts *o, const char *argv0)
{
	if (argc > 1)
		return bad_usage(MSG_ERR_LINT_ONE, argv[1]);
	char *found = content_find_dir(argc == 1 ? argv[0] : content_opt(o), argv0);
	struct model m;
	struct diag d = { 0 };
	if (!found) {
		fprintf(stderr, "httptutor: %s\n", tr(MSG_ERR_NO_CONTENT_DIR));
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
		printf(tr(MSG_LINT_OK), found, m.n_codes, m.n_scenarios, m.n_chapters, m.n_contrasts,
		       m.version);
		content_free(&m);
	} else {
		char n[64];
		printf(tr(MSG_ERR_WHAT_WHY), found, i18n_count(MSG_N_ERRORS_ONE, MSG_N_ERRORS, (int)d.n,
		                                                n, sizeof n));
		putchar('\n');
	}
	diag_free(&d);
	free(found);
	return ok ? 0 : 1;
}

/* No terminal for the full screen: why, and the line commands to use, one
 * a line, fitted to COLUMNS. */
static void term_needed(const char *why, bool utf8)
{
	static const char *const commands[] = { "httptutor quiz --plain", "httptutor review --plain",
	                                        "httptutor code 403", "httptutor codes" };
	char msg[768];
	snprintf(msg, sizeof msg, tr(MSG_TERM_NEEDED), why);
	report_wrap(stderr, msg, report_width(), 0, utf8);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		report_wrap(stderr, commands[i], report_width(), 2, utf8);
}

static const char *user_name(const struct opts *o)
{
	const char *u = o->user ? o->user : getenv("HTTPTUTOR_USER");
	return u && *u ? u : NULL;
}

/* --db, else HTTPTUTOR_DB unless a class server is named (then NULL: the
 * store goes to the server). */
static const char *db_path(const struct opts *o)
{
	const char *p = o->db ? o->db : class_server(o) ? NULL : getenv("HTTPTUTOR_DB");
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

/* Full-screen run: the store is optional, so reading works without it.
 * argv0 set: the content is not loaded yet (the home screen, which needs
 * none); it is loaded into *m after the first frame. */
static int run_screen(struct model *m, const struct opts *o, enum lang lang,
                      bool utf8, enum screen_id start, const char *arg,
                      const struct contrast *drill, const char *argv0)
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
		/* Broken content is said first, as for every other command. */
		if (argv0 && (rc = load_content(o, argv0, m)))
			goto done;
		term_needed(err, utf8);
		rc = 1;
		goto done;
	}
	if (menu_first)
		app_first_frame(a);
	if (argv0) {
		struct diag d = { 0 };
		char *found = NULL;
		rc = content_get(o, argv0, m, &d, &found);
		if (rc) {
			ui_stop();
			content_report(rc, &d, found);
		}
		diag_free(&d);
		free(found);
		if (rc)
			goto done;
	}
	if (menu_first)
		a->st = store_open(db_path(o), user_name(o), false, a->db_err, sizeof a->db_err);
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
	/* What the status line could only begin to say, said whole once the
	 * screen is gone; the exit status says nothing was kept. */
	ui_stop();
	if (!a->st && a->db_err[0]) {
		fprintf(stderr, "httptutor: ");
		fprintf(stderr, tr(MSG_NO_DB), a->db_err);
		fputc('\n', stderr);
		rc = rc ? rc : 1;
	}
	if (a->unsaved > 0) {
		fprintf(stderr, "httptutor: ");
		fprintf(stderr, tr(MSG_PLAIN_UNSAVED), a->unsaved);
		fputc('\n', stderr);
		rc = rc ? rc : 1;
	}
done:
	ui_stop();
	examview_farewell(a, utf8);
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
	examhide_free(&a->hide);
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
	errclean_install();
	db_setup();
	bool utf8 = i18n_setup_locale();
	ui_install_signals();
	content_set_stop_check(ui_signal);
	const char *argv0 = argv[0];
	/* Errors in the options are said in the language the options ask for. */
	if (i18n_pick(lang_arg(argc, argv), &lang) && utf8)
		i18n_set(lang);
	if ((rc = parse_args(argc, argv, &o)))
		return rc;
	if (!i18n_pick(o.lang, &lang))
		return bad_usage(MSG_ERR_LANG, o.lang);
	if (!utf8)
		lang = LANG_EN;  /* Chinese cannot be shown without UTF-8 */
	i18n_set(lang);
	if (o.help) {
		usage_print(stdout, utf8);
		return 0;
	}
	argc -= optind;
	argv += optind;
	const char *cmd = argc ? argv[0] : "";
	const char *sub = argc > 1 ? argv[1] : "";
	if ((rc = check_opts(cmd, sub, &o)))
		return rc;
	char why[512];
	if (user_name(&o) && store_name_problem(user_name(&o), why, sizeof why)) {
		fprintf(stderr, "httptutor: %s\n%s\n", why, tr(MSG_ERR_TRY_HELP));
		return EXIT_USAGE;
	}
	if (!strcmp(cmd, "lint"))
		return cmd_lint(argc - 1, argv + 1, &o, argv0);
	if (!strcmp(cmd, "check"))
		return argc > 1 ? bad_usage(MSG_ERR_UNEXPECTED, argv[1])
		                : checkcmd_run(db_path(&o), o.repair, utf8);

	static const char *const known[] = { "", "read", "browse", "quiz", "review", "exam",
	                                     "code", "codes", "search", "stats", "export",
	                                     "report", "exams", "class" };
	bool ok = false;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		ok |= !strcmp(cmd, known[i]);
	if (!ok)
		return bad_usage(MSG_ERR_UNKNOWN_CMD, cmd);
	int nargs = argc ? argc - 1 : 0;
	char **args = argv + 1;
	if (!strcmp(cmd, "code") && nargs > 1)
		return bad_usage(MSG_ERR_CODE_ONE, args[1]);
	if (!strcmp(cmd, "code") && nargs != 1)
		return bad_usage(MSG_ERR_NEEDS_ARG, cmd);
	if (!strcmp(cmd, "search")) {
		/* search "" matches everything: it cannot be what was meant. */
		bool blank = true;
		for (int i = 0; i < nargs; i++)
			blank &= args[i][strspn(args[i], " \t")] == 0;
		if (blank)
			return bad_usage(MSG_ERR_SEARCH_EMPTY, cmd);
	}
	bool exam_admin = !strcmp(cmd, "exam") && (!strcmp(sub, "new") || !strcmp(sub, "close"));
	bool roster = !strcmp(cmd, "class") && !strcmp(sub, "roster");
	/* class WHAT: an unknown WHAT is named as such before its arguments */
	if (!strcmp(cmd, "class") && strcmp(sub, "init") && strcmp(sub, "serve") && !roster)
		return bad_usage(sub[0] ? MSG_ERR_CLASS_INIT : MSG_ERR_CLASS_WHAT, sub);
	if ((exam_admin || (!strcmp(cmd, "class") && !roster)) && nargs != 2)
		return bad_usage(nargs < 2 ? MSG_ERR_NEEDS_NAME : MSG_ERR_TOO_MANY, sub[0] ? sub : cmd);
	if (roster && (nargs == 2 || (nargs > 2 && (strcmp(args[1], "add") || o.print))))
		return bad_usage(MSG_ERR_ROSTER_ARGS, nargs > 1 ? args[1] : "");
	if (nargs > 1 && strcmp(cmd, "search") && strcmp(cmd, "report") && !exam_admin &&
	    strcmp(cmd, "class"))
		return bad_usage(MSG_ERR_TOO_MANY, cmd[0] ? cmd : "httptutor");
	if (nargs && (!cmd[0] || !strcmp(cmd, "quiz") || !strcmp(cmd, "review") ||
	              !strcmp(cmd, "codes") || !strcmp(cmd, "stats") || !strcmp(cmd, "exams") ||
	              !strcmp(cmd, "export")))
		return bad_usage(MSG_ERR_UNEXPECTED, args[0]);
	if (!strcmp(cmd, "class") && !strcmp(sub, "init"))
		return classroom_init(args[1], o.group);
	/* With a class server, a learner's own database only queues answers. */
	store_use_class(class_server(&o));

	/* The home menu needs no content: it is on the screen before the pack
	 * is loaded (the first frame within 1.2x less's, issue 10). */
	if (!*cmd && !o.group) {
		memset(&m, 0, sizeof m);
		rc = run_screen(&m, &o, lang, utf8, SCR_HOME, "", NULL, argv0);
		content_free(&m);
		return ui_signal() ? 128 + ui_signal() : rc;
	}
	if ((rc = load_content(&o, argv0, &m)))
		return rc;
	const struct contrast *drill = NULL;
	if (o.group && !(drill = contrast_find(&m, o.group))) {
		report_error(MSG_ERR_NO_GROUP, o.group);
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
	/* --chapter names a chapter as `read` does (id or number); one that
	 * does not exist is said so, with the list, not "no questions match". */
	if (o.chapter) {
		int ci = report_find_chapter(&m, o.chapter);
		if (ci < 0) {
			report_error(MSG_ERR_NO_CHAPTER_OPT, o.chapter);
			for (size_t i = 0; i < m.n_chapters; i++) {
				char line[200];
				snprintf(line, sizeof line, "  %d  %s  %s\n", m.chapters[i].number,
				         m.chapters[i].id, ltext_get(&m.chapters[i].title, lang));
				out_puts(stderr, line, utf8);
			}
			fprintf(stderr, "%s\n", tr(MSG_ERR_TRY_HELP));
			content_free(&m);
			return EXIT_USAGE;
		}
		o.chapter = m.chapters[ci].id;
	}
	struct report_ctx rx = { .m = &m, .lang = lang, .utf8 = utf8, .json = o.json, .csv = o.csv,
	                         .all = o.all, .klass = o.klass, .linear = dumb_term() };
	/* What prints scenarios leaves out those of an exam being sat. */
	struct examhide hide = { 0 };
	if (!strcmp(cmd, "code") || !strcmp(cmd, "search") || !strcmp(cmd, "browse")) {
		examhide_load_path(&hide, db_path(&o), user_name(&o), examrun_now());
		rx.hide = &hide;
	}
	if (!strcmp(cmd, "class") && !strcmp(sub, "serve")) {
		struct serve_opts so = { args[1], o.listen, o.tls_cert, o.tls_key, o.teachers,
		                         o.n_teachers, o.shared_login };
		rc = serve_run(&so, &m);
	} else if (roster) {
		rc = class_server(&o) ? roster_run(&rx, class_server(&o), nargs > 2 ? nargs - 2 : 0,
		                                   args + 2, o.print)
		                      : bad_usage(MSG_ERR_ROSTER_NO_CLASS, "");
	} else if (!strcmp(cmd, "code")) {
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
		rc = report_class(&rx, NULL, nargs, args, db_path(&o), o.html);
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
			report_error(MSG_ERR_NO_CHAPTER, arg);
			rc = 1;
		} else if (start == SCR_CARD && !report_find_code(&m, arg)) {
			report_error(MSG_ERR_NO_CODE, arg);
			rc = 1;
		} else if ((start == SCR_READER || start == SCR_CHAPTERS || start == SCR_CARD ||
		            start == SCR_CODES) && (!isatty(STDOUT_FILENO) || dumb_term()) &&
		           !getenv("HTTPTUTOR_TEST_SCRIPT")) {
			/* Piped (`httptutor read forgotten | less`) or TERM=dumb: print the text. */
			rc = start == SCR_CARD ? report_code(&rx, arg) :
			     start == SCR_CODES ? report_codes(&rx) :
			     report_chapter(&rx, start == SCR_READER ? report_find_chapter(&m, arg) : -1);
		} else {
			rc = run_screen(&m, &o, lang, utf8, start, arg, drill, NULL);
		}
	}
	examhide_free(&hide);
	content_free(&m);
	/* Killed by a signal: say so in the exit status, as shells expect. */
	return ui_signal() ? 128 + ui_signal() : rc;
}
