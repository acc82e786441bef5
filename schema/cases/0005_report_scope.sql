-- A report id is unique per organisation, not across the region (issue 11, item 7): another
-- organisation's report with the same id must neither collide with a case nor learn that it
-- exists. cases.origin_report_id now stores "<organisation>/<report id>" (ids hold no '/'), so the
-- column's UNIQUE constraint scopes it. Existing ids get the organisation that opened their case,
-- as its "case.opened" timeline event records it.
UPDATE cases
SET origin_report_id = (
  SELECT t.actor_organisation_id FROM timeline AS t
  WHERE t.case_id = cases.id AND t.type = 'case.opened'
  ORDER BY t.seq LIMIT 1
) || '/' || origin_report_id
WHERE origin_report_id IS NOT NULL
  AND instr(origin_report_id, '/') = 0
  AND EXISTS (SELECT 1 FROM timeline AS t WHERE t.case_id = cases.id AND t.type = 'case.opened');
