-- A learner who mixes up codes, for the Review, contrast card and Progress
-- screens.  Times are before HTTPTUTOR_NOW (2025-11-22 00:00 UTC); profile 1
-- is "student" (made by the run that created the file).
-- who-or-allowed (401 ↔ 403): 5 mistakes, the last 2 days ago
-- redirect-kind (301 ↔ 302): 3 mistakes, the last 1 day ago
-- broken-or-meaningless (400 ↔ 422): 2, the last 5 days ago
-- missing-or-gone (404 ↔ 410): 1, today; client-limit-or-overload: 1
-- ungrouped: 401 → 404 once, and a header question (Allow) once
INSERT INTO answer (profile_id, uid, item, qtype, shown, given, expected, correct, ms, answered_at, content_version, code) VALUES
 (1, 0, 'order-read-no-token',      'pick', '401,403,404,407', '403', '401', 0, 4000, 1763769600 - 6*86400, 't', 401),
 (1, 0, 'order-read-no-token',      'pick', '401,403,404,407', '403', '401', 0, 4000, 1763769600 - 4*86400, 't', 401),
 (1, 0, 'expired-access-token',     'pick', '401,403,404,400', '403', '401', 0, 4000, 1763769600 - 3*86400, 't', 401),
 (1, 0, 'basic-auth-wrong-password','type', '',                '403', '401', 0, 4000, 1763769600 - 2*86400, 't', 401),
 (1, 0, 'alice-token-bob-order',    'pick', '403,401,404,400', '401', '403', 0, 4000, 1763769600 - 2*86400 - 60, 't', 403),
 (1, 0, 'alice-token-bob-order',    'pick', '403,401,404,400', '403', '403', 1, 4000, 1763769600 - 1*86400, 't', 403),
 (1, 0, 'admin-panel-ip-allowlist', 'pick', '401,403,404,402', '403', '403', 1, 4000, 1763769600 - 1*86400, 't', 403),
 (1, 0, 'order-read-no-token',      'pick', '401,403,404,407', '401', '401', 1, 4000, 1763769600 - 1*86400, 't', 401),
 (1, 0, 'blog-moved-new-domain',    'pick', '301,302,307,308', '302', '301', 0, 4000, 1763769600 - 3*86400, 't', 301),
 (1, 0, 'blog-moved-new-domain',    'pick', '301,302,307,308', '302', '301', 0, 4000, 1763769600 - 1*86400 - 600, 't', 301),
 (1, 0, 'weekly-promo-short-link',  'pick', '303,302,301,308', '301', '302', 0, 4000, 1763769600 - 1*86400 - 900, 't', 302),
 (1, 0, 'malformed-json-body',      'pick', '400,422,415,500', '422', '400', 0, 4000, 1763769600 - 6*86400, 't', 400),
 (1, 0, 'negative-transfer-amount', 'pick', '422,400,409,403', '400', '422', 0, 4000, 1763769600 - 5*86400, 't', 422),
 (1, 0, 'retired-api-v1',           'pick', '410,404,301,400', '404', '410', 0, 4000, 1763769600 - 3600, 't', 410),
 (1, 0, 'otp-resend-spam',          'pick', '429,503,403,400', '503', '429', 0, 4000, 1763769600 - 4*86400, 't', 429),
 (1, 0, 'expired-access-token',     'pick', '401,403,404,400', '404', '401', 0, 4000, 1763769600 - 5*86400, 't', 401),
 (1, 0, 'put-on-order-collection',  'header', 'Allow,Location,ETag,Vary', 'Location', 'Allow', 0, 4000, 1763769600 - 2*86400, 't', 405);
