-- Feedback to the reporter (terugkoppeling), the end of an investigation, and the plain facts the
-- supervisor's figures count (GetIntakeReport) without opening a report's sealed body.

-- Written with the safety assessment: when it was made and its route (AssessmentRoute). NULL for
-- reports assessed before this migration (their figures come from the sealed body).
ALTER TABLE reports ADD COLUMN assessed_at INTEGER;
ALTER TABLE reports ADD COLUMN route INTEGER;
-- Route INVESTIGATION: when the investigation ended (CompleteInvestigation); its term and
-- signals stop then.
ALTER TABLE reports ADD COLUMN investigation_completed_at INTEGER;

-- One task per report and occasion ('assessment', 'investigation'): tell the reporter of the
-- decision. None for an anonymous citizen. What was told (note, taken_over_by, reporter_part)
-- lives only in `given`: a FeedbackGiven sealed under the data key named in key_id, with
-- "feedback/<report id>/<occasion>" as additional data.
CREATE TABLE feedback_tasks (
  report_id TEXT NOT NULL REFERENCES reports(id),
  occasion TEXT NOT NULL CHECK (occasion IN ('assessment', 'investigation')),
  region INTEGER NOT NULL,                      -- Region
  reporter_type INTEGER NOT NULL,               -- ReporterType
  scope INTEGER NOT NULL,                       -- FeedbackScope
  decided_at INTEGER NOT NULL,
  due INTEGER NOT NULL,
  -- Who decided (the assessor, or who ended the investigation): reminded one working day before.
  assignee TEXT NOT NULL,
  given_at INTEGER,                             -- NULL while open
  given_by TEXT NOT NULL DEFAULT '',
  record_time INTEGER,
  key_id TEXT NOT NULL DEFAULT '',
  given BLOB,
  -- Reminder (1) and escalation (2) sent; when the next falls due (NULL: none left, or done).
  signals_sent INTEGER NOT NULL DEFAULT 0,
  next_signal_at INTEGER,
  PRIMARY KEY (report_id, occasion)
) STRICT, WITHOUT ROWID;
CREATE INDEX feedback_tasks_open ON feedback_tasks(region, due) WHERE given_at IS NULL;
CREATE INDEX feedback_tasks_next_signal ON feedback_tasks(next_signal_at)
  WHERE next_signal_at IS NOT NULL;
CREATE INDEX reports_by_received ON reports(region, received_at);
