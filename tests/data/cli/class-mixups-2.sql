-- A class's confusions, second database: ben again (he counts once), and dan.
INSERT INTO profile (name, created_at) VALUES ('ben', 1763700000), ('dan', 1763700000);
WITH a(name, item, qtype, given, expected, code) AS (VALUES
  ('ben', 'alice-token-bob-order', 'pick', '401', '403', 403),
  ('ben', 'blog-moved-new-domain', 'pick', '302', '301', 301),
  ('dan', 'order-read-no-token',   'pick', '403', '401', 401))
INSERT INTO answer (profile_id, uid, item, qtype, shown, given, expected, correct, ms, answered_at, content_version, code)
SELECT p.id, 0, a.item, a.qtype, '', a.given, a.expected, a.given = a.expected, 3000, 1763760000, 't', a.code
FROM a JOIN profile p ON p.name = a.name;
