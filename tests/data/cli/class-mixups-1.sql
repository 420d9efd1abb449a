-- A class's confusions, first database.  The figures cli_contrasts expects
-- are counted by hand from this file and class-mixups-2.sql.
INSERT INTO profile (name, created_at) VALUES ('ana', 1763700000), ('ben', 1763700000), ('cara', 1763700000);
WITH a(name, item, qtype, given, expected, code) AS (VALUES
  ('ana',  'alice-token-bob-order',   'pick',   '401', '403', 403),
  ('ana',  'alice-token-bob-order',   'type',   '401', '403', 403),
  ('ana',  'order-read-no-token',     'pick',   '403', '401', 401),
  ('ana',  'unknown-order-id',        'pick',   '410', '404', 404),
  ('ana',  'order-read-no-token',     'pick',   '401', '401', 401),
  ('ben',  'order-read-no-token',     'pick',   '403', '401', 401),
  ('ben',  'weekly-promo-short-link', 'pick',   '301', '302', 302),
  ('ben',  'put-on-order-collection', 'header', 'Location', 'Allow', 405),
  ('cara', 'expired-access-token',    'pick',   '404', '401', 401),
  ('cara', 'expired-access-token',    'type',   '404', '401', 401),
  ('cara', 'admin-panel-ip-allowlist','pick',   '401', '403', 403))
INSERT INTO answer (profile_id, uid, item, qtype, shown, given, expected, correct, ms, answered_at, content_version, code)
SELECT p.id, 0, a.item, a.qtype, '', a.given, a.expected, a.given = a.expected, 3000, 1763760000, 't', a.code
FROM a JOIN profile p ON p.name = a.name;
