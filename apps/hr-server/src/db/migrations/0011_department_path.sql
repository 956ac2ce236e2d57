-- 所属の表示名: the company, then the department's ancestors down to the department itself,
-- 「株式会社インソース 事業開発部 事業開発第二課」. One definition for the list (one statement per page)
-- and the detail's histories (one query per employee). Runs with the caller's rights, so under RLS it
-- sees only the caller's tenant. NULL without a department. Depth is bounded against a cycle.
CREATE OR REPLACE FUNCTION jinji_department_path(p_company uuid, p_department uuid) RETURNS text
  LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  WITH RECURSIVE up(id, parent_id, name, depth) AS (
    SELECT m.id, m.parent_id, m.name, 0 FROM master_items m WHERE m.id = p_department
    UNION ALL
    SELECT m.id, m.parent_id, m.name, up.depth + 1 FROM master_items m JOIN up ON m.id = up.parent_id
    WHERE up.depth < 32
  )
  SELECT CASE WHEN p_department IS NULL THEN NULL ELSE concat_ws(' ',
    (SELECT c.name FROM master_items c WHERE c.id = p_company),
    (SELECT string_agg(name, ' ' ORDER BY depth DESC) FROM up)) END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION jinji_department_path(uuid, uuid) TO jinji_app;
