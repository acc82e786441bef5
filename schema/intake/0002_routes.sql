-- The routes of a safety assessment that leave Veilig Thuis.
-- Route MDA_PLUS_PLUS: the joint case opened from a report (the cases service tells, through its
-- outbox, when it opened, closed or reopened it). '' until it is opened.
ALTER TABLE reports ADD COLUMN case_id TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN case_open INTEGER NOT NULL DEFAULT 0 CHECK (case_open IN (0, 1));
