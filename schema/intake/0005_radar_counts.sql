-- The radar's figures of a report for the triage queue, kept on the report instead of counted on
-- every page: how many earlier reports of the region share a key with it (radar_earlier), and the
-- received_at of the latest and the second-latest of those (NULL while there are fewer). The queue's
-- "repeat" (two or more earlier reports in the last 12 months) is radar_second_latest >= now - 1
-- year, so it follows the moving window without a rewrite. "Earlier" orders by (received_at, id),
-- as the radar does. Written in the writer's transaction when a report is submitted: its own
-- figures, and those of the existing reports it is earlier than (the police feed backdates).
ALTER TABLE reports ADD COLUMN radar_earlier INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN radar_latest INTEGER;
ALTER TABLE reports ADD COLUMN radar_second_latest INTEGER;

-- The reports that exist already get theirs here, from their radar keys.
UPDATE reports SET
  radar_earlier = (
    SELECT COUNT(DISTINCT other.report_id) FROM radar_keys mine JOIN radar_keys other
      ON other.region = mine.region AND other.kind = mine.kind AND other.key = mine.key
      AND other.report_id <> mine.report_id
      AND (other.received_at < mine.received_at
           OR (other.received_at = mine.received_at AND other.report_id < mine.report_id))
    WHERE mine.report_id = reports.id),
  radar_latest = (
    SELECT MAX(other.received_at) FROM radar_keys mine JOIN radar_keys other
      ON other.region = mine.region AND other.kind = mine.kind AND other.key = mine.key
      AND other.report_id <> mine.report_id
      AND (other.received_at < mine.received_at
           OR (other.received_at = mine.received_at AND other.report_id < mine.report_id))
    WHERE mine.report_id = reports.id),
  radar_second_latest = (
    SELECT MAX(other.received_at) AS t FROM radar_keys mine JOIN radar_keys other
      ON other.region = mine.region AND other.kind = mine.kind AND other.key = mine.key
      AND other.report_id <> mine.report_id
      AND (other.received_at < mine.received_at
           OR (other.received_at = mine.received_at AND other.report_id < mine.report_id))
    WHERE mine.report_id = reports.id
    GROUP BY other.report_id ORDER BY t DESC LIMIT 1 OFFSET 1);
